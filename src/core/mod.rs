//! The pure core: text processing, extraction, corpus and UI state. It imports nothing
//! from yew, web-sys, gloo or wasm-bindgen (tests/architecture.rs enforces this), so it
//! runs and is tested natively and behaves the same in the browser.

pub mod attribute;
pub mod compare;
pub mod corpus;
pub mod dates;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod lexicon;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
pub mod meta;
pub mod model;
pub mod pack;
pub mod query;
pub mod quotes;
pub mod session;
pub mod synth;
pub mod text;
pub mod timeline;
pub mod topics;
pub mod workspace;
