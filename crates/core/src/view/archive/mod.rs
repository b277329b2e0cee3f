//! The archive reader: a sharded archive (`formats::shard`, `quoteline pack --sharded`)
//! answering a view's questions while fetching only the files they need, for the app
//! (over the browser's `fetch`) and the CLI (`quoteline archive`, over files).
//!
//! `fetch` is how a file is got, `cache` keeps decoded shards up to a byte budget,
//! `reader` opens the archive and answers the first view and a statement with its
//! article, `select` resolves a view's filters against the root and bounds a shard's
//! matches from its summary, `lookup` asks the index for a search's or a speaker's
//! candidates, `results` plans and pages the results with their total, `link` writes and reads
//! the archive view's link.

mod cache;
mod fetch;
pub mod link;
mod lookup;
mod reader;
mod results;
mod select;

pub use fetch::{ready, Fetch};
pub use lookup::Candidates;
pub use reader::{Archive, Opened, Overview, Row, DEFAULT_BUDGET, OTHERS_READ};
pub use results::{Order, Page, Results, Total};

#[cfg(test)]
mod tests;
