//! The CLI: JSON Lines with the documented fields, text equal to the source slice,
//! unreadable and non-UTF-8 files reported by name while the others go on.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
}

#[test]
fn extracts_the_seed_directory_as_json_lines() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = bin().args(["extract", seeds]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut files = std::collections::BTreeSet::new();
    let mut n = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "file",
            "speaker",
            "kind",
            "text",
            "start",
            "end",
            "cue",
            "confidence",
        ] {
            assert!(v.get(key).is_some(), "missing {key} in {line}");
        }
        let file = v["file"].as_str().unwrap();
        let src = std::fs::read_to_string(file).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&src[s..e], v["text"].as_str().unwrap());
        assert!(["direct", "partial", "indirect"].contains(&v["kind"].as_str().unwrap()));
        files.insert(file.to_string());
        n += 1;
    }
    assert_eq!(files.len(), 5);
    assert!(n >= 90, "only {n} statements");
}

#[test]
fn bad_files_are_named_and_the_rest_go_on() {
    let dir = std::env::temp_dir().join(format!("quoteline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, "“We are ready,” said Jane Doe.").unwrap();
    std::fs::write(&bad, [0xffu8, 0xfe, 0x00, 0x41]).unwrap();
    let missing = dir.join("missing.txt");
    let out = bin()
        .args(["extract"])
        .arg(&bad)
        .arg(&good)
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("bad.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("Jane Doe"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_on_no_arguments() {
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}
