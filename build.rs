//! Embeds the seed corpus: every `seeds/*.txt` plus the facts in `seeds/corpus.toml`
//! become a static table in `$OUT_DIR/seeds.rs`, so nothing is fetched at run time
//! and the manifest parser (toml) never reaches the wasm.
//!
//! It also extracts the seeds, with the crate's own core compiled into this script,
//! and writes the result as a corpus file, `$OUT_DIR/seeds.qlc`: the app opens with it
//! instead of extracting the seeds at every start (a test checks that it is byte for
//! byte what the core makes of the seeds at run time).

use std::{env, fs, path::Path};

// The pure core (no yew, web-sys or wasm-bindgen: tests/architecture.rs keeps it so).
#[path = "src/core/mod.rs"]
#[allow(dead_code, unused_imports)]
mod core;

use crate::core::{compare, corpus, manifest, pack, topics};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=src/core");
    let manifest_path = seeds.join("corpus.toml");
    println!("cargo:rerun-if-changed={}", manifest_path.display());
    // A malformed entry is reported (file and line) and skipped; the rest still load.
    let entries = match fs::read_to_string(&manifest_path) {
        Ok(text) => {
            let (entries, problems) = manifest::parse(&text);
            for p in problems {
                println!("cargo:warning={}", p.display("seeds/corpus.toml"));
            }
            entries
        }
        Err(_) => Vec::new(),
    };
    let mut files: Vec<_> = fs::read_dir(&seeds)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// The embedded seed corpus, in file-name order.\npub static SEEDS: &[SeedArticle] = &[\n");
    // Each seed as `seed_inputs()` gives it to the core at run time: name, text, facts.
    let mut seed_texts = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        println!("cargo:rerun-if-changed={}", path.display());
        let e = entries
            .iter()
            .find(|a| a.file == name)
            .cloned()
            .unwrap_or_default();
        out.push_str(&format!(
            "    SeedArticle {{ file: {name:?}, text: include_str!({path:?}), outlet: {:?}, headline: {:?}, byline: {:?}, url: {:?}, date: {:?}, event_date: {:?}, dateline: {:?}, source: {:?}, derived_from: {:?}, evidence: {:?} }},\n",
            e.outlet, e.headline, e.byline, e.url, e.date, e.event_date, e.dateline, e.source, e.derived_from, e.evidence,
            path = path.display().to_string(),
        ));
        let text = fs::read_to_string(path).expect("a seed file is UTF-8 text");
        seed_texts.push((name, text, e.meta()));
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("seeds.rs"), out).expect("write seeds.rs");

    // The seeds extracted (tests/pack.rs checks this is what the core makes of
    // `seed_inputs()` at run time).
    let inputs = seed_texts
        .iter()
        .map(|(name, text, meta)| corpus::Input {
            name,
            text,
            meta: meta.clone(),
        })
        .collect();
    let seeds = corpus::Corpus::build(inputs);
    let cmp = compare::compare(&seeds, compare::GROUP_THRESHOLD);
    let bytes = pack::encode(&seeds, &cmp, &topics::names(), pack::SEED_GENERATOR);
    fs::write(Path::new(&out_dir).join("seeds.qlc"), bytes).expect("write seeds.qlc");
}
