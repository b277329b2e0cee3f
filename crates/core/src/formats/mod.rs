//! Bytes to types and back, each with a typed error that names the file, line or field:
//! reading a file as the browser does (`ingest`), the corpus file (`pack`), the
//! manifest (`manifest`, native only) and the saved workspace (`workspace`).

pub mod brat;
pub mod ingest;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
pub mod pack;
pub mod row;
pub mod shard;
pub mod workspace;
