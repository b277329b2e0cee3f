//! Embeds the seed corpus: every `seeds/*.txt` becomes a static table in
//! `$OUT_DIR/seeds.rs` (with the facts of `seeds/corpus.toml`, read here, so the
//! manifest parser never reaches the wasm).
//!
//! It also extracts the seeds with the engine (`quoteline-core`, a build dependency) and
//! writes the result as a corpus file, `$OUT_DIR/seeds.qlc`: the app opens with it
//! instead of extracting the seeds at every start (a test checks that it is byte for
//! byte what the engine makes of the seeds at run time).

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
    let mut out = String::from(
        "/// The embedded seed articles, in file-name order.\npub static SEEDS: &[SeedFile] = &[\n",
    );
    for a in &folder.articles {
        let path = seeds.join(&a.file);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    SeedFile {{ file: {:?}, text: include_str!({:?}) }},\n",
            a.file,
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    // Each seed's facts, in the same order, as `ArticleMeta` serialises them.
    let metas: Vec<ArticleMeta> = folder
        .articles
        .iter()
        .map(|a| a.entry.meta.clone())
        .collect();
    let json = serde_json::to_string(&metas).expect("metadata serialises");
    out.push_str(&format!(
        "/// Each seed's manifest facts (JSON of `ArticleMeta`, in `SEEDS` order).\npub static SEED_META: &str = {json:?};\n"
    ));
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("seeds.rs"), out).expect("write seeds.rs");

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
