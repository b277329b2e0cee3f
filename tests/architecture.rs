//! The core stays pure: nothing under src/core imports the UI stack.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn core_imports_no_ui_crates() {
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut checked = 0;
    let mut stack = vec![core];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap();
            for (n, line) in src.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                    let hit = code.contains(&format!("{banned}::"))
                        || code.contains(&format!("use {banned}"))
                        || code.contains(&format!("extern crate {banned}"));
                    assert!(
                        !hit,
                        "{}:{}: core must not use {banned}: {line}",
                        p.display(),
                        n + 1
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} core files found");
}

#[test]
fn every_module_has_a_doc_line() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let p = entry.path();
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
/// (`gold/` under `tests/`, `data/topics.txt` under `src/core/`); build outputs that
/// .gitignore lists are left out. Fails naming the path.
#[test]
fn every_path_architecture_names_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let bases = [
        "",
        "src/core",
        "src/ui",
        "src/bin/quoteline",
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
