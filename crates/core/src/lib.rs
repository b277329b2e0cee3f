//! The engine and everything pure: text, word lists, extraction, the corpus, the file
//! formats and the app's view model. Its Cargo.toml lists no yew, web-sys, gloo or
//! wasm-bindgen (and tests/architecture.rs reads `cargo metadata` to keep it so), so it
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

pub mod corpus;
pub mod extract;
pub mod formats;
pub mod lexicon;
pub mod model;
pub mod synth;
pub mod text;
pub mod view;

#[cfg(test)]
pub(crate) mod test_seeds;
