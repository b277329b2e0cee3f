//! The pure core: text processing, extraction, corpus and UI state. It imports nothing
//! from yew, web-sys, gloo or wasm-bindgen (tests/architecture.rs enforces this), so it
//! runs and is tested natively and behaves the same in the browser.
//!
//! It panics on nothing, by construction: no string slicing, indexing, `unwrap` or
//! `expect` in production code (checked by clippy; unit tests may use them). A slice by a
//! `Span` goes through `Span::of`, which is empty when out of range or off a boundary.
#![deny(
    clippy::string_slice,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

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
