//! The root's hooks: where the corpus comes from and what is shown, the workspace store
//! (IndexedDB), those that talk to the loader worker (the workspace's corpus and the
//! framing, each with its status and Retry), the URL kept in step with the view, the
//! keyboard shortcuts, and one-frame deferral.

pub mod corpus_source;
pub mod framing;
pub mod keys;
pub mod painted;
pub mod shown;
pub mod url_sync;
pub mod workspace_build;
pub mod workspace_store;
