//! Tidy tests over the source text, in the way rust-analyzer keeps its tree. Each fails
//! naming the file (and line) to fix:
//! - no import circle between the files of any crate (test modules left out);
//! - no file in crates/core over 800 lines (unit tests included), no function there over
//!   150 lines;
//! - no `#[allow(clippy::too_many_arguments)]` anywhere: a stage takes a context type;
//! - no array (or `|` pattern) of more than 10 string literals outside the lexicon's
//!   data files: word lists are data.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use support::rust_files;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// A token of Rust source, enough for these checks: string literals, identifiers and
/// single punctuation characters, each with its 1-based line. Comments are skipped.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Str,
    Ident(String),
    Punct(char),
}

fn lex(src: &str) -> Vec<(Tok, usize)> {
    let b: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"'
            || (c == 'b' && at(i + 1) == '"')
            || (c == 'r'
                && (at(i + 1) == '"' || (at(i + 1) == '#' && matches!(at(i + 2), '"' | '#'))))
            || (c == 'b' && at(i + 1) == 'r' && matches!(at(i + 2), '"' | '#'))
        {
            // "…", b"…", r"…", r#"…"#, br#"…"#
            let start_line = line;
            let mut j = i;
            if b[j] == 'b' {
                j += 1;
            }
            let raw = at(j) == 'r';
            if raw {
                j += 1;
            }
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1; // the opening quote
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '\n' {
                    line += 1;
                }
                if !raw && b[j] == '\\' {
                    if at(j + 1) == '\n' {
                        line += 1;
                    }
                    j += 2;
                    continue;
                }
                if b[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push((Tok::Str, start_line));
            i = j;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                let mut j = i + 2;
                while j < b.len() && b[j] != '\'' {
                    j += 1;
                }
                out.push((Tok::Punct('\''), line));
                i = j + 1;
            } else if at(i + 2) == '\'' {
                out.push((Tok::Punct('\''), line));
                i += 3;
            } else {
                i += 1;
                while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphanumeric() || c == '_' {
            let s = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(b[s..i].iter().collect()), line));
        } else {
            out.push((Tok::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// The source with its `#[cfg(test)]` / `#[cfg(all(test, ...))]` modules removed (they
/// are at the end of a file, by the convention this tree keeps).
fn without_tests(src: &str) -> String {
    let lines: Vec<&str> = src.lines().collect();
    let cut = (0..lines.len()).find(|&i| {
        let l = lines[i].trim();
        (l.starts_with("#[cfg(test)]") || l.starts_with("#[cfg(all(test"))
            && lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with("mod ") && n.trim_end().ends_with('{'))
    });
    lines[..cut.unwrap_or(lines.len())].join("\n")
}

/// A crate's files by module path (`corpus/dates.rs` → `["corpus", "dates"]`).
fn modules(src_dir: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    for p in rust_files(src_dir) {
        let r = p.strip_prefix(src_dir).unwrap();
        let mut segs: Vec<String> = r.iter().map(|s| s.to_string_lossy().into_owned()).collect();
        let last = segs.pop().unwrap();
        match last.as_str() {
            "lib.rs" | "main.rs" if segs.is_empty() => {}
            "mod.rs" => {}
            _ => segs.push(last.trim_end_matches(".rs").to_string()),
        }
        out.insert(segs, p);
    }
    out
}

/// The files each file of a crate imports: every `crate::`, `super::` and `self::` path
/// and every `use child::` of a module, resolved to the deepest module that is a file.
fn import_graph(src_dir: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mods = modules(src_dir);
    let mut graph = BTreeMap::new();
    for (me, file) in &mods {
        let src = without_tests(&std::fs::read_to_string(file).unwrap());
        let toks = lex(&src);
        let mut edges = BTreeSet::new();
        let resolve = |start: Vec<String>, rest: &[String]| -> Option<PathBuf> {
            let mut m = start;
            for seg in rest {
                let mut next = m.clone();
                next.push(seg.clone());
                if mods.contains_key(&next) {
                    m = next;
                } else {
                    break;
                }
            }
            mods.get(&m).cloned()
        };
        // Paths: a run of `ident ::` tokens, with `{a, b::c}` groups expanded one level.
        let mut i = 0;
        while i < toks.len() {
            let Tok::Ident(first) = &toks[i].0 else {
                i += 1;
                continue;
            };
            // `pub(super)`, `pub(crate)`, `pub(in path)` name a visibility, not an import.
            if first == "pub" && toks.get(i + 1).is_some_and(|t| t.0 == Tok::Punct('(')) {
                while i < toks.len() && toks[i].0 != Tok::Punct(')') {
                    i += 1;
                }
                continue;
            }
            let prev_is_colon = i > 0 && toks[i - 1].0 == Tok::Punct(':');
            // `mod child;` declares a module; it does not import it.
            if i > 0 && toks[i - 1].0 == Tok::Ident("mod".into()) {
                i += 1;
                continue;
            }
            let start: Option<Vec<String>> = match first.as_str() {
                "crate" => Some(Vec::new()),
                "self" => Some(me.clone()),
                "super" => {
                    let mut s = me.clone();
                    s.pop();
                    Some(s)
                }
                child
                    if !prev_is_colon && {
                        let mut c = me.clone();
                        c.push(child.to_string());
                        mods.contains_key(&c)
                    } =>
                {
                    Some(me.clone())
                }
                _ => None,
            };
            let Some(mut start) = start else {
                i += 1;
                continue;
            };
            // `use child::x` names the child from its parent: keep `first` as a segment.
            let mut segs: Vec<String> = Vec::new();
            if !matches!(first.as_str(), "crate" | "self" | "super") {
                segs.push(first.clone());
            }
            let mut j = i + 1;
            // `super::super::`
            while j + 2 < toks.len()
                && toks[j].0 == Tok::Punct(':')
                && toks[j + 1].0 == Tok::Punct(':')
                && toks[j + 2].0 == Tok::Ident("super".into())
            {
                start.pop();
                j += 3;
            }
            let mut group = false;
            while j + 2 < toks.len()
                && toks[j].0 == Tok::Punct(':')
                && toks[j + 1].0 == Tok::Punct(':')
            {
                match &toks[j + 2].0 {
                    Tok::Ident(s) => {
                        segs.push(s.clone());
                        j += 3;
                    }
                    Tok::Punct('{') => {
                        group = true;
                        j += 3;
                        break;
                    }
                    _ => break,
                }
            }
            if group {
                // Each item of the group: its leading identifiers.
                let mut item: Vec<String> = Vec::new();
                let mut depth = 1;
                while j < toks.len() && depth > 0 {
                    match &toks[j].0 {
                        Tok::Punct('{') => depth += 1,
                        Tok::Punct('}') | Tok::Punct(',') if depth == 1 => {
                            let mut full = segs.clone();
                            full.append(&mut item);
                            if let Some(t) = resolve(start.clone(), &full) {
                                edges.insert(t);
                            }
                            if toks[j].0 == Tok::Punct('}') {
                                depth -= 1;
                            }
                        }
                        Tok::Punct('}') => depth -= 1,
                        Tok::Ident(s) if depth == 1 && s != "self" && s != "as" => {
                            item.push(s.clone())
                        }
                        _ => {}
                    }
                    j += 1;
                }
            } else if let Some(t) = resolve(start, &segs) {
                edges.insert(t);
            }
            i = j.max(i + 1);
        }
        edges.remove(file);
        graph.insert(file.clone(), edges);
    }
    graph
}

/// The first import circle found, as `a.rs → b.rs → a.rs`.
fn find_cycle(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<String> {
    fn visit(
        n: &PathBuf,
        graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        state: &mut BTreeMap<PathBuf, u8>,
        path: &mut Vec<PathBuf>,
    ) -> Option<String> {
        state.insert(n.clone(), 1);
        path.push(n.clone());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                1 => {
                    let at = path.iter().position(|p| p == m).unwrap();
                    let mut names: Vec<String> = path[at..].iter().map(|p| rel(p)).collect();
                    names.push(rel(m));
                    return Some(names.join(" → "));
                }
                0 => {
                    if let Some(c) = visit(m, graph, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if state.get(n).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_import_circles_in_any_crate() {
    for dir in ["crates/core/src", "crates/cli/src", "src"] {
        let graph = import_graph(&root().join(dir));
        let edges: usize = graph.values().map(BTreeSet::len).sum();
        assert!(
            edges >= 10,
            "{dir}: only {edges} imports found; the scanner is broken"
        );
        if let Some(c) = find_cycle(&graph) {
            panic!("{dir}: import circle: {c}");
        }
    }
}

/// The scanner itself sees a circle when there is one (a check that cannot fail is no
/// check).
#[test]
fn the_circle_finder_finds_a_circle() {
    let dir = std::env::temp_dir().join(format!("quoteline-tidy-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "//! x\npub mod a;\npub mod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "//! x\npub mod c;\nuse c::Thing;\n").unwrap();
    std::fs::write(
        dir.join("a/c.rs"),
        "//! x\nuse crate::b::{Other, more::X};\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "//! x\nfn f() { let _ = super::a::c::Thing; }\n",
    )
    .unwrap();
    // A visibility is no import: `pub(super)` in a/d.rs makes no circle with a/mod.rs.
    std::fs::write(
        dir.join("a/d.rs"),
        "//! x\npub(super) fn g() {}\npub(crate) fn h() {}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a/mod.rs"),
        "//! x\npub mod c;\npub mod d;\nuse c::Thing;\nuse d::g;\n",
    )
    .unwrap();
    let graph = import_graph(&dir);
    let d = dir.join("a/d.rs");
    assert!(
        graph[&d].is_empty(),
        "a/d.rs imports nothing: {:?}",
        graph[&d]
    );
    let cycle = find_cycle(&graph);
    std::fs::remove_dir_all(&dir).ok();
    let cycle = cycle.expect("a circle a/c.rs → b.rs → a/c.rs");
    assert!(cycle.contains("b.rs") && cycle.contains("c.rs"), "{cycle}");
}

#[test]
fn engine_files_and_functions_are_small() {
    let mut problems = Vec::new();
    for p in rust_files(&root().join("crates/core")) {
        let src = std::fs::read_to_string(&p).unwrap();
        let n = src.lines().count();
        if n > 800 {
            problems.push(format!(
                "{}: {n} lines (at most 800, unit tests included)",
                rel(&p)
            ));
        }
        let toks = lex(&src);
        for (i, (t, line)) in toks.iter().enumerate() {
            if *t != Tok::Ident("fn".into()) {
                continue;
            }
            let Some((Tok::Ident(name), _)) = toks.get(i + 1) else {
                continue;
            };
            // The body: the first `{` before any `;` (a declaration without body has none).
            let Some(open) = toks[i..]
                .iter()
                .position(|(t, _)| *t == Tok::Punct('{') || *t == Tok::Punct(';'))
                .map(|k| i + k)
                .filter(|&k| toks[k].0 == Tok::Punct('{'))
            else {
                continue;
            };
            let mut depth = 0;
            for (t, end) in &toks[open..] {
                match t {
                    Tok::Punct('{') => depth += 1,
                    Tok::Punct('}') => {
                        depth -= 1;
                        if depth == 0 {
                            let len = end - line + 1;
                            if len > 150 {
                                problems.push(format!(
                                    "{}:{line}: fn {name} is {len} lines (at most 150)",
                                    rel(&p)
                                ));
                            }
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_too_many_arguments_allowance() {
    let mut found = Vec::new();
    for dir in ["crates", "src", "tests"] {
        for p in rust_files(&root().join(dir)) {
            let src = std::fs::read_to_string(&p).unwrap();
            for (n, l) in src.lines().enumerate() {
                if l.trim_start().starts_with("#") && l.contains("too_many_arguments") {
                    found.push(format!("{}:{}: {}", rel(&p), n + 1, l.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "stages take a context type instead:\n{}",
        found.join("\n")
    );
}

/// Word lists of more than 10 string literals in code, as `(line, count)`: arrays
/// (`["a", "b", ...]`) and `|` patterns (`"a" | "b" | ...`).
fn word_lists(src: &str) -> Vec<(usize, usize)> {
    let toks = lex(&without_tests(src));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].0 == Tok::Punct('[') {
            let (mut j, mut n) = (i + 1, 0);
            while j < toks.len() {
                match toks[j].0 {
                    Tok::Str => n += 1,
                    Tok::Punct(',') => {}
                    _ => break,
                }
                j += 1;
            }
            if n > 10 && toks.get(j).is_some_and(|t| t.0 == Tok::Punct(']')) {
                out.push((toks[i].1, n));
            }
        }
        if toks[i].0 == Tok::Str {
            let (mut j, mut n) = (i, 1);
            while toks.get(j + 1).is_some_and(|t| t.0 == Tok::Punct('|'))
                && toks.get(j + 2).is_some_and(|t| t.0 == Tok::Str)
            {
                n += 1;
                j += 2;
            }
            if n > 10 {
                out.push((toks[i].1, n));
                i = j;
            }
        }
        i += 1;
    }
    out
}

#[test]
fn the_word_list_finder_finds_lists() {
    let eleven = (0..11).map(|i| format!("\"w{i}\"")).collect::<Vec<_>>();
    let array = format!("const A: &[&str] = &[\n{}\n];", eleven.join(",\n"));
    let pattern = format!(
        "fn f(w: &str) -> bool {{ matches!(w, {}) }}",
        eleven.join(" | ")
    );
    let ten = format!("const T: [&str; 10] = [{}];", eleven[..10].join(", "));
    assert_eq!(word_lists(&array), vec![(1, 11)]);
    assert_eq!(word_lists(&pattern), vec![(1, 11)]);
    assert!(word_lists(&ten).is_empty());
    // A comment or a string holding brackets is not code.
    assert!(word_lists(&format!("// {array}\nconst S: &str = \"[{}]\";", ten.len())).is_empty());
}

#[test]
fn word_lists_are_data() {
    let mut found = Vec::new();
    for dir in ["crates/core/src", "crates/cli/src", "src"] {
        for p in rust_files(&root().join(dir)) {
            for (line, n) in word_lists(&std::fs::read_to_string(&p).unwrap()) {
                found.push(format!(
                    "{}:{line}: {n} string literals in code; move the list to crates/core/src/lexicon/data/",
                    rel(&p)
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The engine's layers, from the ground up: a file may import its own layer and those
/// before it, never one after (ARCHITECTURE.md's bird's-eye picture).
const LAYERS: [&str; 8] = [
    "text", "lexicon", "model", "extract", "corpus", "formats", "view", "synth",
];

#[test]
fn engine_layers_point_down() {
    let src = root().join("crates/core/src");
    let (mut checked, mut wrong) = (0, Vec::new());
    for p in rust_files(&src) {
        let r = p.strip_prefix(&src).unwrap();
        let first = r.iter().next().unwrap().to_string_lossy();
        let layer = first.trim_end_matches(".rs");
        let Some(mine) = LAYERS.iter().position(|l| *l == layer) else {
            continue; // lib.rs and the test-only seed reader
        };
        let code = without_tests(&std::fs::read_to_string(&p).unwrap());
        let toks = lex(&code);
        for w in toks.windows(4) {
            if let [(Tok::Ident(c), line), (Tok::Punct(':'), _), (Tok::Punct(':'), _), (Tok::Ident(m), _)] =
                w
            {
                if c != "crate" {
                    continue;
                }
                if let Some(theirs) = LAYERS.iter().position(|l| l == m) {
                    checked += 1;
                    if theirs > mine {
                        wrong.push(format!(
                            "{}:{line}: {layer} imports {m}, a layer above it",
                            rel(&p)
                        ));
                    }
                }
            }
        }
    }
    assert!(checked >= 50, "only {checked} imports seen");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
