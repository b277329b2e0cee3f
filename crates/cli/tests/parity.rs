//! CLI parity: the command-line extractor, given the sample files in `e2e/fixtures/`
//! (the ones the browser specs load), prints the statements recorded in
//! `tests/parity/expected.jsonl`; `tests/browser.rs` checks that the browser's loading
//! path (ingest, then the app's corpus) gives the same lines. Both sides equal to one
//! file means the CLI and the browser agree. `QUOTELINE_BLESS=1` rewrites the file.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

#[test]
fn cli_statements_match_the_recorded_sample() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../e2e/fixtures");
    let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(["extract", dir])
        .output()
        .unwrap();
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let file = v["file"].as_str().unwrap();
            let base = file.rsplit('/').next().unwrap();
            serde_json::json!({
                "file": base,
                "start": v["start"],
                "end": v["end"],
                "kind": v["kind"],
                "speaker": v["speaker"],
                "text": v["text"],
            })
            .to_string()
        })
        .collect();
    assert!(lines.len() >= 8, "{lines:?}");
    let files: std::collections::BTreeSet<&str> = lines
        .iter()
        .map(|l| {
            l.split("\"file\":\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        files.len(),
        4,
        "the .md, .html and both .txt samples: {files:?}"
    );
    let got = lines.join("\n") + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/parity/expected.jsonl"
    );
    if std::env::var("QUOTELINE_BLESS").is_ok() {
        std::fs::write(path, &got).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        got, want,
        "the CLI's statements changed; if that is intended, rerun with QUOTELINE_BLESS=1 (and the browser test checks the same file)"
    );
}
