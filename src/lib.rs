//! Quoteline's web app: who said what, when, and how each outlet reported it.
//!
//! The engine is the `quoteline-core` crate (pure Rust: extraction, corpus, formats, the
//! view model). This crate builds three wasm modules: the explorer (`src/main.rs`:
//! [`ui`], the Yew layer, which reads corpus files and never extracts), the loader worker
//! (`src/worker_main.rs`: [`worker`], ingest, extraction and the corpus build, in a Web
//! Worker), which talk in [`protocol`]'s messages, and the archive mode
//! (`src/archive_main.rs`: `ui::archive`, started instead of the explorer for
//! `?corpus=DIR/`). The seed corpus is compiled in from
//! `seeds/` by `build.rs`, extracted: one corpus file that holds the articles' text too.

pub mod panic_text;
pub mod protocol;
pub mod ui;
pub mod worker;

use quoteline_core::corpus::{ArticleMeta, Corpus, Input};
use quoteline_core::{corpus::topics, formats::pack};

/// The seed corpus as `build.rs` extracted it, a corpus file (`formats::pack`) holding
/// each seed's text byte for byte. The app opens with it instead of extracting the seeds
/// again; `tests/pack.rs` checks that it is byte for byte what [`seed_corpus`] makes now.
pub static SEED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seeds.qlc"));

/// Each seed's manifest facts, in file-name order (JSON of `ArticleMeta`).
static SEED_META: &str = include_str!(concat!(env!("OUT_DIR"), "/seeds.meta.json"));

/// [`SEED_PACK`] read back, with its cross-outlet groups (`None` only if it could not be
/// read, which the test above rules out).
pub fn built_seed_pack() -> Option<pack::Pack> {
    pack::decode(SEED_PACK, &topics::names()).ok()
}

/// The corpus of [`built_seed_pack`].
pub fn built_seed_corpus() -> Option<Corpus> {
    built_seed_pack().map(|p| p.corpus)
}

/// The seed articles as corpus inputs: names and texts from the built seed corpus
/// `built` (see [`built_seed_corpus`]), facts from the manifest, as `build.rs` gave them
/// to the engine.
pub fn seed_inputs(built: &Corpus) -> Vec<Input<'_>> {
    let metas: Vec<ArticleMeta> = serde_json::from_str(SEED_META).unwrap_or_default();
    built
        .articles
        .iter()
        .zip(metas)
        .map(|(a, meta)| Input {
            name: &a.name,
            text: &a.text,
            meta,
        })
        .collect()
}

/// The seed corpus, extracted now.
pub fn seed_corpus() -> Corpus {
    built_seed_corpus()
        .map(|c| Corpus::build(seed_inputs(&c)))
        .unwrap_or_default()
}
