//! Embeds the seed corpus: every `seeds/*.txt` plus the facts in `seeds/corpus.toml`
//! become a static table in `$OUT_DIR/seeds.rs`, so nothing is fetched at run time
//! and the manifest parser (toml) never reaches the wasm.

use std::{env, fs, path::Path};

#[path = "src/core/manifest.rs"]
#[allow(dead_code)]
mod manifest;

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
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
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(dest, out).expect("write seeds.rs");
}
