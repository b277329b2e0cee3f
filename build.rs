//! Embeds the seed corpus: reads every `seeds/*.txt` and the facts of
//! `seeds/corpus.toml` (here, so the manifest parser never reaches the wasm), extracts
//! them with the engine (`quoteline-core`, a build dependency) and writes the result as
//! a corpus file, `$OUT_DIR/seeds.qlc`, which holds each article's text byte for byte.
//! The app opens with it instead of extracting the seeds at every start (a test checks
//! that it is byte for byte what the engine makes of the seeds at run time). The
//! manifest's facts go beside it, `$OUT_DIR/seeds.meta.json`, for extracting the seeds
//! again with the user's articles.

use quoteline_core::corpus::{compare, topics, ArticleMeta, Corpus};
use quoteline_core::formats::{manifest, pack};
use std::{env, fs, path::Path};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    // A malformed manifest entry is reported (file and line) and skipped; the rest load.
    let folder = manifest::read_folder(&seeds).unwrap_or_else(|e| panic!("seeds/: {e}"));
    for p in &folder.problems {
        println!("cargo:warning=seeds/{p}");
    }
    for a in &folder.articles {
        println!("cargo:rerun-if-changed={}", seeds.join(&a.file).display());
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Each seed's facts, in file-name order, as `ArticleMeta` serialises them (JSON:
    // the workspace's reader, which the wasm holds anyway, reads them).
    let metas: Vec<ArticleMeta> = folder
        .articles
        .iter()
        .map(|a| a.entry.meta.clone())
        .collect();
    let json = serde_json::to_string(&metas).expect("metadata serialises");
    fs::write(Path::new(&out_dir).join("seeds.meta.json"), json).expect("write seeds.meta.json");

    // The seeds extracted (tests/pack.rs checks this is what the engine makes of
    // `seed_inputs()` at run time).
    let corpus = Corpus::build(
        folder
            .articles
            .iter()
            .map(manifest::Article::input)
            .collect(),
    );
    let cmp = compare::compare(&corpus, compare::GROUP_THRESHOLD);
    let bytes = pack::encode(&corpus, &cmp, &topics::names(), pack::SEED_GENERATOR);
    fs::write(Path::new(&out_dir).join("seeds.qlc"), bytes).expect("write seeds.qlc");
}
