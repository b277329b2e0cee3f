//! The archive mode: `?corpus=DIR/` (or `DIR/root.json`) opens a sharded archive
//! (`quoteline pack --sharded`) with the core's reader (`quoteline_core::view::archive`),
//! fetching only the files a view needs. It replaces the explorer for the page's life:
//! `fetcher` gets a file over the browser's `fetch` (same origin, inside `DIR/`),
//! `session` runs the reader's questions one at a time (the latest wins), `view` is the
//! root component, `rows` the page of results, `overview` the timeline of the root's
//! histogram, `opened` the opened statement in the explorer's own detail panel.

pub mod data;
pub mod fetcher;
pub mod opened;
pub mod overview;
pub mod rows;
pub mod session;
pub mod view;

pub use fetcher::requested;
pub use view::ArchiveApp;
