//! Quoteline: who said what, when, and how each outlet reported it.
//!
//! [`core`] is pure Rust (extraction, corpus, UI state); [`ui`] is the Yew layer over it.
//! The seed corpus is compiled in from `seeds/` by `build.rs`.

pub mod core;
pub mod ui;

use crate::core::corpus::{ArticleMeta, Corpus, Input};

/// One embedded seed article and the facts its manifest entry gives.
#[derive(Debug)]
pub struct SeedArticle {
    pub file: &'static str,
    pub text: &'static str,
    pub outlet: &'static str,
    pub headline: &'static str,
    pub byline: &'static str,
    pub url: &'static str,
    pub date: &'static str,
    pub event_date: &'static str,
    pub dateline: &'static str,
    pub source: &'static str,
    pub derived_from: &'static str,
    pub evidence: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The seed articles as corpus inputs, with their manifest facts.
pub fn seed_inputs() -> Vec<Input<'static>> {
    SEEDS
        .iter()
        .map(|s| Input {
            name: s.file,
            text: s.text,
            meta: ArticleMeta {
                outlet: s.outlet.into(),
                headline: s.headline.into(),
                byline: s.byline.into(),
                url: s.url.into(),
                date: s.date.into(),
                event_date: s.event_date.into(),
                source: s.source.into(),
                derived_from: s.derived_from.into(),
            },
        })
        .collect()
}

/// The seed corpus, extracted.
pub fn seed_corpus() -> Corpus {
    Corpus::build(seed_inputs())
}

/// The seed corpus as `build.rs` extracted it, a corpus file (`core::pack`). The app
/// opens with it instead of extracting the seeds again; `tests/pack.rs` checks that it
/// is byte for byte what [`seed_corpus`] makes now.
pub static SEED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seeds.qlc"));

/// [`SEED_PACK`] read back (`None` only if it could not be read, which the test above
/// rules out; the caller then extracts the seeds).
pub fn built_seed_corpus() -> Option<Corpus> {
    core::pack::decode(SEED_PACK, &core::topics::names())
        .ok()
        .map(|p| p.corpus)
}
