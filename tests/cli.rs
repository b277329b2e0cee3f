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
    std::fs::write(&bad, [0x41u8, 0xff, 0x00, 0x41, 0x00]).unwrap();
    let lossy = dir.join("lossy.txt");
    std::fs::write(
        &lossy,
        b"\xe2\x80\x9cCaf\xe9 is open,\xe2\x80\x9d said Jane Roe.",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let out = bin()
        .args(["extract"])
        .arg(&bad)
        .arg(&good)
        .arg(&missing)
        .arg(&lossy)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("bad.txt: not a text file"), "{stderr}");
    assert!(
        stderr.contains("lossy.txt: 1 byte was not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2);
    assert!(stdout.contains("Jane Doe") && stdout.contains("Caf� is open"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_on_no_arguments() {
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

#[test]
fn extract_carries_dates_topics_and_groups_and_groups_lists_renderings() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = bin().args(["extract", seeds]).output().unwrap();
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for r in &rows {
        let p = r["date_precision"].as_str().unwrap();
        assert!(["day", "month", "year", "unknown"].contains(&p), "{r}");
        assert_eq!(r["date"].is_null(), p == "unknown", "{r}");
        assert!(!r["topics"].as_array().unwrap().is_empty(), "{r}");
    }
    // The manifest in seeds/ dates POLITICO: its statements carry that day.
    assert!(rows
        .iter()
        .any(|r| r["outlet"] == "POLITICO" && r["date"] == "2026-01-06"));
    let grouped = rows.iter().filter(|r| !r["group"].is_null()).count();
    assert!(grouped >= 20, "{grouped} statements in groups");

    let out = bin().args(["groups", seeds]).output().unwrap();
    assert!(out.status.success());
    let groups: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(groups.len() >= 12);
    let protocols = groups
        .iter()
        .find(|g| {
            g["renderings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["text"] == "We have largely finished the security protocols,")
        })
        .expect("the security-protocols group");
    assert_eq!(protocols["reported_by"], 3);
    assert_eq!(protocols["of_outlets"], 5);
    assert_eq!(protocols["quotes_differ"], true);
    // Every statement with a group index appears in that group's renderings.
    for r in rows.iter().filter(|r| !r["group"].is_null()) {
        let g = &groups[r["group"].as_u64().unwrap() as usize];
        assert!(g["renderings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == r["id"]));
    }
}

#[test]
fn a_malformed_manifest_and_a_bad_topic_file_are_reported_with_lines_and_the_rest_loads() {
    let dir = std::env::temp_dir().join(format!("quoteline-cli-manifest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "“We are ready,” said Jane Doe on Monday.",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "“We are not,” said John Roe.").unwrap();
    std::fs::write(
        dir.join("corpus.toml"),
        "[[article]]\nfile = \"a.txt\"\noutlet = \"Alpha Times\"\ndate = \"2026-03-04\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = \"Beta\n",
    )
    .unwrap();
    let topics = std::env::temp_dir().join(format!("quoteline-topics-{}.txt", std::process::id()));
    std::fs::write(
        &topics,
        "readiness | Being ready | ready, prepar*\nbroken | x | (ready\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--topics"])
        .arg(&topics)
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("corpus.toml:8:"), "{stderr}");
    assert!(stderr.contains(".txt:2: term \"(ready\""), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "warnings do not fail the run");
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "both articles still load");
    let a = rows.iter().find(|r| r["speaker"] == "Jane Doe").unwrap();
    assert_eq!(a["outlet"], "Alpha Times");
    assert_eq!(
        a["date"], "2026-03-02",
        "Monday before the manifest's Wednesday 4 March"
    );
    assert_eq!(a["topics"], serde_json::json!(["readiness"]));
    let b = rows.iter().find(|r| r["speaker"] == "John Roe").unwrap();
    assert_eq!(
        b["date"],
        serde_json::Value::Null,
        "no date anywhere: undated"
    );
    assert_eq!(b["date_precision"], "unknown");
    assert_eq!(b["topics"], serde_json::json!(["other"]));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(&topics).ok();
}
