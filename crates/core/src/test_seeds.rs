//! The seed corpus for unit tests: `seeds/` and its manifest read from disk (the web
//! app embeds them; the core does not).

use crate::corpus::Corpus;
use crate::formats::manifest;
use std::path::Path;

/// The seeds extracted with their manifest facts, as the app opens them.
pub fn seed_corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let read = manifest::read_folder(&dir).expect("seeds/ reads");
    Corpus::build(read.articles.iter().map(manifest::Article::input).collect())
}
