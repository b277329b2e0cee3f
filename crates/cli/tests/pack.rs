//! The precomputed corpus file (`quoteline pack`, `formats::pack`): the CLI writes what
//! `extract` and `groups` print, verbatim at the same offsets; the recorded fixture
//! `tests/pack/fixture.qlc` still decodes and re-encodes to the same bytes, so a change
//! to the stored types cannot ship without a new format version; bad files are refused.
//! `QUOTELINE_BLESS=1` rewrites the fixture (after bumping `pack::VERSION`).
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::formats::pack;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
}

use quoteline_core::corpus::topics::names as topic_names;

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quoteline-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn cli_pack_holds_what_extract_and_groups_print() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let file = tmp("seeds.qlc");
    let out = bin()
        .args(["pack", "--out", file.to_str().unwrap(), seeds])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("wrote ") && stderr.contains(" statements"),
        "{stderr}"
    );
    let bytes = std::fs::read(&file).unwrap();
    let p = pack::decode(&bytes, &topic_names()).unwrap();
    assert!(p.generator.starts_with("quoteline "), "{}", p.generator);

    let extract = bin().args(["extract", seeds]).output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(extract.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(p.corpus.entries.len(), lines.len());
    assert!(lines.len() >= 70);
    for (e, v) in p.corpus.entries.iter().zip(&lines) {
        let a = &p.corpus.articles[e.article];
        // Verbatim: the stored article text at the stored offsets is what extract printed.
        assert_eq!(e.statement.span.of(&a.text), v["text"].as_str().unwrap());
        assert_eq!(e.statement.span.start as u64, v["start"].as_u64().unwrap());
        assert_eq!(
            p.corpus.speakers[e.speaker].name,
            v["speaker"].as_str().unwrap()
        );
        assert_eq!(e.id, v["id"].as_str().unwrap());
        let source = std::fs::read_to_string(v["file"].as_str().unwrap()).unwrap();
        assert_eq!(
            a.text, source,
            "the stored text is the source file, byte for byte"
        );
    }
    let groups = bin().args(["groups", seeds]).output().unwrap();
    let n_groups = String::from_utf8(groups.stdout).unwrap().lines().count();
    assert_eq!(p.comparison.groups.len(), n_groups);
    assert!(
        n_groups >= 10,
        "the seeds have cross-outlet groups: {n_groups}"
    );
    // The stored groups are the ones the app would compute from the stored corpus.
    assert_eq!(p.comparison, compare(&p.corpus, GROUP_THRESHOLD));
}

#[test]
fn cli_pack_refuses_bad_arguments_with_a_message() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    for (args, want) in [
        (vec!["pack", seeds], "--out FILE is required"),
        (vec!["pack", "--out"], "--out needs a file"),
        (
            vec!["pack", "--out", "x.qlc", "--topics", "t.txt", seeds],
            "--topics applies to extract",
        ),
        (vec!["pack", "--out", "x.qlc"], "no files given"),
    ] {
        let out = bin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    // Nothing readable: nothing written, and it says so.
    let bad = tmp("binary.txt");
    std::fs::write(&bad, [0u8, 1, 2, 0, 0, 0]).unwrap();
    let target = tmp("none.qlc");
    let out = bin()
        .args([
            "pack",
            "--out",
            target.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no corpus file was written"));
    assert!(!target.exists());
}

#[test]
fn the_recorded_fixture_still_reads_and_writes_the_same_bytes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pack/fixture.qlc");
    if std::env::var("QUOTELINE_BLESS").is_ok() {
        // A relative path, so the stored file names hold no machine's directories.
        let out = bin()
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .args(["pack", "--out", path, "e2e/fixtures"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bytes = std::fs::read(path).unwrap();
    let p = pack::decode(&bytes, &topic_names()).unwrap_or_else(|e| {
        panic!("the recorded corpus file no longer reads ({e}). If the stored types changed on purpose, bump formats::pack::VERSION and rerun with QUOTELINE_BLESS=1")
    });
    assert!(p.corpus.entries.len() >= 8, "{}", p.corpus.entries.len());
    let again = pack::encode(&p.corpus, &p.comparison, &topic_names(), &p.generator);
    assert!(
        again == bytes,
        "the corpus file encoding changed: bump formats::pack::VERSION and rerun with QUOTELINE_BLESS=1"
    );
    // And an older format is refused with the reason, never misread.
    let mut older = bytes.clone();
    older[pack::FORMAT.len() + 1] = b'0' + (pack::VERSION as u8 - 1);
    let e = pack::decode(&older, &topic_names())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("older Quoteline") && e.contains("quoteline pack"),
        "{e}"
    );
}

#[test]
fn arbitrary_damage_is_refused_never_a_panic() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pack/fixture.qlc");
    let bytes = std::fs::read(path).unwrap();
    let names = topic_names();
    // Every truncation point of the header and a spread through the body.
    let step = (bytes.len() / 500).max(1);
    for cut in (0..64).chain((64..bytes.len()).step_by(step)) {
        assert!(pack::decode(&bytes[..cut], &names).is_err(), "cut at {cut}");
    }
    let original = pack::decode(&bytes, &names).unwrap();
    // Byte flips anywhere: refused by the header parse or the checksum, or (a hex digit's
    // case in the header) read as the same file.
    for at in (0..bytes.len()).step_by(step) {
        let mut b = bytes.clone();
        b[at] ^= 0x20;
        if let Ok(p) = pack::decode(&b, &names) {
            assert_eq!(p.corpus, original.corpus, "flip at {at} was misread");
        }
    }
    // Damage behind a good checksum (a crafted file) reaches the decoder and the
    // consistency check: refused with a reason or read whole, never a panic.
    let nl = bytes.iter().position(|&b| b == b'\n').unwrap();
    let body = &bytes[nl + 1..];
    let mut refused = 0;
    for at in (0..body.len()).step_by(step) {
        let mut b = body.to_vec();
        b[at] = b[at].wrapping_add(97);
        let mut file = format!(
            "{} {} {:016x} {}\n",
            pack::FORMAT,
            pack::VERSION,
            pack::checksum(&b),
            b.len()
        )
        .into_bytes();
        file.extend_from_slice(&b);
        match pack::decode(&file, &names) {
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
            Ok(p) => assert!(p.corpus.entries.iter().all(|e| {
                let t = &p.corpus.articles[e.article].text;
                t.get(e.statement.span.start..e.statement.span.end)
                    .is_some()
            })),
        }
    }
    assert!(refused > 0, "some crafted damage must be refused");
}

/// Reads the corpus files named in `QUOTELINE_PACKS` (separated by `:`) and prints what
/// they hold and how long reading took: for checking files made before and after a
/// change to the reader (`QUOTELINE_PACKS=a.qlc:b.qlc cargo test --test pack -- --ignored`).
#[test]
#[ignore]
fn the_files_named_in_quoteline_packs_decode() {
    let names = topic_names();
    let paths = std::env::var("QUOTELINE_PACKS").unwrap_or_default();
    for path in paths.split(':').filter(|p| !p.is_empty()) {
        let bytes = std::fs::read(path).unwrap();
        let t = std::time::Instant::now();
        let p = pack::decode(&bytes, &names).unwrap_or_else(|e| panic!("{path}: {e}"));
        eprintln!(
            "{path}: {} articles, {} statements, {} groups, read in {:.1} ms",
            p.corpus.articles.len(),
            p.corpus.entries.len(),
            p.comparison.groups.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
