//! Quoteline's web app: who said what, when, and how each outlet reported it.
//!
//! The engine is the `quoteline-core` crate (pure Rust: extraction, corpus, formats, the
//! view model); [`ui`] is the Yew layer over it. The seed corpus is compiled in from
//! `seeds/` by `build.rs`.

pub mod ui;

use quoteline_core::corpus::{ArticleMeta, Corpus, Input};
use quoteline_core::{corpus::topics, formats::pack};

/// One embedded seed article.
#[derive(Debug)]
pub struct SeedFile {
    pub file: &'static str,
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The seed articles as corpus inputs, with their manifest facts.
pub fn seed_inputs() -> Vec<Input<'static>> {
    let metas: Vec<ArticleMeta> = serde_json::from_str(SEED_META).unwrap_or_default();
    SEEDS
        .iter()
        .enumerate()
        .map(|(i, s)| Input {
            name: s.file,
            text: s.text,
            meta: metas.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The seed corpus, extracted.
pub fn seed_corpus() -> Corpus {
    Corpus::build(seed_inputs())
}

/// The seed corpus as `build.rs` extracted it, a corpus file (`formats::pack`). The app
/// opens with it instead of extracting the seeds again; `tests/pack.rs` checks that it
/// is byte for byte what [`seed_corpus`] makes now.
pub static SEED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seeds.qlc"));

/// [`SEED_PACK`] read back (`None` only if it could not be read, which the test above
/// rules out; the caller then extracts the seeds).
pub fn built_seed_corpus() -> Option<Corpus> {
    pack::decode(SEED_PACK, &topics::names())
        .ok()
        .map(|p| p.corpus)
}
