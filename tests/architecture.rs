//! Tidy tests, in the way rust-analyzer keeps its tree: each checks a rule of the
//! layout and fails naming the place to fix. The engine (crates/core) depends on nothing
//! web and the CLI on no Yew (read from `cargo metadata`); every module has a `//!` doc;
//! every path ARCHITECTURE.md names exists.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use support::rust_files;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const WEB: [&str; 6] = [
    "yew",
    "web-sys",
    "gloo",
    "wasm-bindgen",
    "js-sys",
    "wasm-bindgen-futures",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every package a workspace package reaches through normal and build dependencies
/// (not dev-dependencies), for a native build (edges for wasm only left out), from
/// `cargo metadata`.
fn reached(package: &str) -> BTreeSet<String> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name_of: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, Vec<&str>> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let deps = n["deps"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| {
                    d["dep_kinds"]
                        .as_array()
                        .unwrap()
                        .iter()
                        // A native build's edges: not a dev-dependency, and not one
                        // for wasm only (`indicatif` reaches `wasm-bindgen` through
                        // `web-time` under `cfg(target_family = "wasm")`).
                        .any(|k| {
                            k["kind"].as_str() != Some("dev")
                                && !k["target"].as_str().is_some_and(|t| t.contains("wasm"))
                        })
                })
                .map(|d| d["pkg"].as_str().unwrap())
                .collect();
            (n["id"].as_str().unwrap(), deps)
        })
        .collect();
    let start = name_of
        .iter()
        .find(|(_, n)| **n == package)
        .map(|(id, _)| *id)
        .unwrap_or_else(|| panic!("cargo metadata lists no package {package}"));
    let (mut seen, mut stack) = (BTreeSet::new(), vec![start]);
    while let Some(id) = stack.pop() {
        for d in nodes.get(id).into_iter().flatten() {
            if seen.insert(name_of[d].to_string()) {
                stack.push(d);
            }
        }
    }
    seen
}

#[test]
fn the_workspace_is_the_web_app_the_engine_and_the_cli() {
    for p in ["quoteline", "quoteline-core", "quoteline-cli"] {
        let _ = reached(p); // panics naming the package if cargo metadata lacks it
    }
    assert!(reached("quoteline").contains("quoteline-core"));
    assert!(reached("quoteline-cli").contains("quoteline-core"));
}

/// The web crates `package` reaches, as a failure message naming its Cargo.toml.
fn web_crates_under(package: &str, manifest: &str) -> Result<BTreeSet<String>, String> {
    let deps = reached(package);
    let web: Vec<_> = deps
        .iter()
        .filter(|d| WEB.iter().any(|w| d.starts_with(w)))
        .collect();
    if web.is_empty() {
        Ok(deps)
    } else {
        Err(format!("{manifest} reaches web crates: {web:?}"))
    }
}

#[test]
fn the_engine_depends_on_nothing_web() {
    let deps = web_crates_under("quoteline-core", "crates/core/Cargo.toml").unwrap();
    assert!(
        deps.contains("serde"),
        "the metadata walk found nothing: {deps:?}"
    );
}

#[test]
fn the_cli_links_no_yew() {
    let deps = web_crates_under("quoteline-cli", "crates/cli/Cargo.toml").unwrap();
    assert!(deps.contains("quoteline-core"));
    // The web app itself does reach them: the walk would see a web crate if there were one.
    assert!(web_crates_under("quoteline", "Cargo.toml").is_err());
}

/// The engine's source names no web crate either (a `use` would fail to build without
/// the dependency, but a doc example or a macro path would not).
#[test]
fn engine_source_names_no_web_crate() {
    let files = rust_files(&root().join("crates/core/src"));
    for p in &files {
        let src = std::fs::read_to_string(p).unwrap();
        for (n, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                let hit = code.contains(&format!("{banned}::"))
                    || code.contains(&format!("use {banned}"))
                    || code.contains(&format!("extern crate {banned}"));
                assert!(
                    !hit,
                    "{}:{}: the engine must not use {banned}: {line}",
                    p.display(),
                    n + 1
                );
            }
        }
    }
    assert!(files.len() >= 20, "only {} engine files found", files.len());
}

/// The explorer (`src/ui/`, the page's module) never extracts: reading files, extraction,
/// the corpus build, grouping and framing are the loader worker's (`src/worker/`), which
/// hands back corpus files. A call from the UI would put them back into the page's
/// wasm, and back on its main thread. The exports and the workspace file are the
/// worker's too (they would bring their JSON printer and reader into the page), and the
/// page's own JSON (the store's records, the crash guard's record) is `ui::json`'s, not
/// serde_json's.
#[test]
fn the_explorer_never_extracts() {
    let files = rust_files(&root().join("src/ui"));
    let banned = [
        "extract::",
        "Corpus::prepare",
        "Corpus::build",
        "Corpus::assemble",
        "compare::compare",
        "compare(",
        "framing::framing",
        "ingest(",
        "seed_corpus(",
        "seed_inputs(",
        "export_csv",
        "export_json",
        ".to_json(",
        "from_json(",
        "serde_json",
    ];
    for p in &files {
        let src = std::fs::read_to_string(p).unwrap();
        // (Unit tests beside a module run natively, not in the page.)
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for b in banned {
                assert!(
                    !code.contains(b),
                    "{}:{}: the explorer must not call {b} (the loader worker does): {line}",
                    p.display(),
                    n + 1
                );
            }
        }
    }
    assert!(files.len() >= 20, "only {} UI files found", files.len());
}

/// The archive mode (`src/ui/archive/`) is a wasm module of its own
/// (`src/archive_main.rs`), which the boot script starts instead of the explorer for
/// `?corpus=DIR/`: no file of the explorer (`src/main.rs`, the rest of `src/ui/`) refers
/// to it or to the core's archive reader, so the linker leaves the archive code, the
/// root's serde_json reading and the shard decoders out of the seeds' page. Only
/// `src/ui/mod.rs` declares the folder.
#[test]
fn the_explorer_never_reaches_the_archive_mode() {
    let archive = root().join("src/ui/archive");
    let mut files: Vec<PathBuf> = rust_files(&root().join("src/ui"))
        .into_iter()
        .filter(|p| !p.starts_with(&archive))
        .collect();
    files.push(root().join("src/main.rs"));
    let declaration = root().join("src/ui/mod.rs");
    for p in &files {
        let src = std::fs::read_to_string(p).unwrap();
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("").trim();
            if *p == declaration && code == "pub mod archive;" {
                continue;
            }
            for b in ["archive::", "ArchiveApp", "mod archive"] {
                assert!(
                    !code.contains(b),
                    "{}:{}: the explorer must not reach the archive mode ({b}); it is the \
                     quoteline-archive module's (src/archive_main.rs): {line}",
                    p.display(),
                    n + 1
                );
            }
        }
    }
    let main = std::fs::read_to_string(root().join("src/archive_main.rs")).unwrap();
    assert!(
        main.contains("ui::archive::start()"),
        "src/archive_main.rs starts the archive mode"
    );
    assert!(
        files.len() >= 20,
        "only {} explorer files found",
        files.len()
    );
}

#[test]
fn every_module_has_a_doc_line() {
    let mut stack = vec![
        root().join("src"),
        root().join("crates"),
        root().join("build.rs"),
    ];
    while let Some(dir) = stack.pop() {
        let entries: Vec<PathBuf> = if dir.is_file() {
            vec![dir.clone()]
        } else {
            std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect()
        };
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let s = std::fs::read_to_string(&p).unwrap();
                assert!(
                    s.trim_start().starts_with("//!"),
                    "{} has no //! module doc",
                    p.display()
                );
            }
        }
    }
}

/// Every path ARCHITECTURE.md names exists: each `inline code` word with a slash in it,
/// looked up from the root or from one of the folders the codemap lists things under
/// (`gold/` under `tests/`, `lexicon/data/topics.txt` under `crates/core/src/`); build outputs that
/// .gitignore lists are left out. Fails naming the path.
#[test]
fn every_path_architecture_names_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let bases = [
        "",
        "crates",
        "crates/core/src",
        "crates/cli/src",
        "src/ui",
        "tests",
        "e2e",
        "scripts",
    ];
    // Build outputs (dist/, e2e/screenshots/, ...) exist only once built: the folders
    // .gitignore names from the root are not looked up.
    let ignored: Vec<String> = std::fs::read_to_string(root.join(".gitignore"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().strip_prefix('/'))
        .map(str::to_string)
        .collect();
    let (mut checked, mut missing) = (0, Vec::new());
    let mut fenced = false;
    for (n, line) in doc.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        for (i, part) in line.split('`').enumerate() {
            let path = part.trim_end_matches([',', '.', ')']);
            let is_path = i % 2 == 1
                && path.contains('/')
                && !path.contains("://")
                && !path.contains(['*', ' ', '<', '{', '$', '#', '='])
                && !path.starts_with("..");
            if !is_path || ignored.iter().any(|g| path.starts_with(g.as_str())) {
                continue;
            }
            checked += 1;
            if !bases.iter().any(|b| root.join(b).join(path).exists()) {
                missing.push(format!(
                    "ARCHITECTURE.md:{}: `{path}` does not exist",
                    n + 1
                ));
            }
        }
    }
    assert!(
        checked >= 20,
        "only {checked} paths found in ARCHITECTURE.md"
    );
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
