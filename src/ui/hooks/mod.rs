//! Hooks of the root: the workspace store (IndexedDB), and those that talk to the loader
//! worker (the workspace's corpus and the framing, each with its status and Retry).

pub mod framing;
pub mod workspace_build;
pub mod workspace_store;
