//! `quoteline archive DIR`: the archive reader over a packed directory prints each
//! operation with what it fetched, names a missing shard and goes on, and refuses a
//! directory without a root or a bad option with the reason.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The seeds packed as an archive in a fresh folder.
fn packed(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quoteline-archive-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = bin()
        .args(["pack", "--quiet", "--sharded", "--out"])
        .arg(&dir)
        .arg(seeds())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn archive(dir: &Path, args: &[&str]) -> Output {
    bin().arg("archive").arg(dir).args(args).output().unwrap()
}

/// The report line of `what`, split at the bytes count: (bytes, the rest).
fn line<'a>(stdout: &'a str, what: &str) -> (u64, &'a str) {
    let l = (stdout.lines())
        .find(|l| l.split("  ").next() == Some(what) || l.starts_with(&format!("{what} ")))
        .unwrap_or_else(|| panic!("no {what} line in\n{stdout}"));
    let words: Vec<&str> = l.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "bytes").unwrap();
    (words[at - 1].parse().unwrap(), l)
}

#[test]
fn each_operation_is_reported_with_its_bytes() {
    let dir = packed("ops");
    let out = archive(
        &dir,
        &[
            "--search",
            "guarantees",
            "--outlet",
            "POLITICO",
            "--open",
            "3",
            "--page",
            "5",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let root_bytes = std::fs::metadata(dir.join("root.json")).unwrap().len();
    let (bytes, root) = line(&stdout, "root");
    assert_eq!(bytes, root_bytes, "{root}");
    let (first, view) = line(&stdout, "first view");
    assert!(first > root_bytes, "the first page's shard too: {view}");
    assert!(view.contains("; 5 on the page"), "{view}");
    for what in ["search", "both", "facet", "open"] {
        let (bytes, l) = line(&stdout, what);
        assert!(bytes > 0, "{l}");
    }
    assert!(line(&stdout, "facet").1.contains("POLITICO"));
    assert!(stdout.contains("in all: "));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_shard_is_named_and_the_rest_answers() {
    let dir = packed("missing");
    std::fs::remove_file(dir.join("statements-00000.bin")).unwrap();
    let out = archive(&dir, &["--kind", "direct"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "part of the archive is unavailable: statements-00000.bin could not be fetched"
        ),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_root_or_a_bad_option_is_refused_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("quoteline-archive-none-{}", std::process::id()));
    let out = archive(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("root.json could not be fetched"),
        "{stderr}"
    );
    let out = archive(&dir, &["--kind", "shouted"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--kind must be direct, partial or indirect"),
        "{stderr}"
    );
}
