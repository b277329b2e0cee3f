//! The archive mode: `?corpus=DIR/` (or `DIR/root.json`) opens a sharded archive
//! (`quoteline pack --sharded`) with the core's reader (`quoteline_core::view::archive`),
//! fetching only the files a view needs. It replaces the explorer for the page's life:
//! `source` says what the address asks for and reads the archive's files through
//! `fetcher` (the browser's `fetch`, same origin, inside `DIR/`) or, for
//! `?open=directory`, `local` (a directory chosen from disk, with `chooser`), `address`
//! keeps the view in the page's address,
//! `session` runs the reader's questions one at a time (the latest wins), `view` is the
//! root component, `rows` the page of results, `overview` the timeline of the root's
//! histogram, `opened` the opened statement in the explorer's own detail panel.
//! It is a wasm module of its own (`src/archive_main.rs`, [`start`]), which the page's
//! boot script loads instead of the explorer's when `?corpus=` names a directory; no
//! file of the explorer refers to this folder (`tests/architecture.rs`).

pub mod address;
pub mod chooser;
pub mod data;
pub mod fetcher;
pub mod local;
pub mod opened;
pub mod overview;
pub mod picker;
pub mod rows;
pub mod session;
pub mod source;
pub mod view;

pub use source::requested;
pub use view::ArchiveApp;

/// Starts the archive mode (the `quoteline-archive` module): installs the panic banner,
/// then renders [`ArchiveApp`] into `<body>`.
pub fn start() {
    super::banner::install_panic_banner();
    yew::Renderer::<ArchiveApp>::new().render();
}
