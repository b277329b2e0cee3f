//! Hooks of the root that talk to the loader worker: the workspace's corpus and the
//! framing, each with its status and Retry.

pub mod framing;
pub mod workspace_build;
