//! The CLI: JSON Lines with the documented fields, text equal to the source slice,
//! unreadable and non-UTF-8 files reported by name while the others go on.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
}

#[test]
fn extracts_the_seed_directory_as_json_lines() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
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
    assert!(n >= 70, "only {n} statements");
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
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
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

/// A fresh temporary folder for one test.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quoteline-cli-{test}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Three articles, one speaker each: Ann Alder (a.txt), Ben Birch (b.txt), Cy Cedar (c.txt).
fn three_articles(test: &str) -> std::path::PathBuf {
    let dir = scratch(test);
    for (f, who) in [
        ("a.txt", "Ann Alder"),
        ("b.txt", "Ben Birch"),
        ("c.txt", "Cy Cedar"),
    ] {
        std::fs::write(
            dir.join(f),
            format!("“We are ready to talk,” said {who}.\n"),
        )
        .unwrap();
    }
    dir
}

fn speakers(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["speaker"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn an_article_whose_extraction_panics_is_named_and_the_others_still_print() {
    let dir = three_articles("panic");
    let out = bin()
        .args(["extract"])
        .arg(&dir)
        .env("QUOTELINE_TEST_PANIC_ON", "b.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(speakers(&out.stdout), ["Ann Alder", "Cy Cedar"]);
    let line = stderr
        .lines()
        .find(|l| l.contains("b.txt"))
        .unwrap_or_else(|| panic!("b.txt is not named: {stderr}"));
    assert!(
        line.contains("skipped: extracting it panicked: forced by QUOTELINE_TEST_PANIC_ON"),
        "{line}"
    );
    // One line, not the default hook's report.
    assert!(!stderr.contains("thread '"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");

    // pack: the corpus file is still written, with the other two articles.
    let qlc = dir.join("out.qlc");
    let out = bin()
        .args(["pack", "--out"])
        .arg(&qlc)
        .arg(&dir)
        .env("QUOTELINE_TEST_PANIC_ON", "b.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("wrote ") && stderr.contains(": 2 articles"),
        "{stderr}"
    );
    assert!(stderr.contains("b.txt: skipped"), "{stderr}");
    assert!(qlc.is_file());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_corpus_wide_stage_that_panics_is_reported_and_what_can_be_printed_is() {
    let dir = three_articles("stages");
    let run = |cmd: &[&str], stage: &str| {
        bin()
            .args(cmd)
            .arg(&dir)
            .env("QUOTELINE_TEST_PANIC_ON", stage)
            .output()
            .unwrap()
    };
    // Assembly panics whenever b.txt is in the set: the others are assembled without it.
    let out = run(&["extract"], "assemble:b.txt");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(speakers(&out.stdout), ["Ann Alder", "Cy Cedar"]);
    assert!(
        stderr.contains("assembling the corpus panicked"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b.txt: skipped: assembling it panicked"),
        "{stderr}"
    );

    // Grouping panics: every statement is printed, without a group.
    let out = run(&["extract"], "compare");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(speakers(&out.stdout).len(), 3);
    assert!(String::from_utf8_lossy(&out.stdout)
        .lines()
        .all(|l| l.contains("\"group\":null")));
    assert!(
        stderr.contains("grouping statements across outlets panicked")
            && stderr.contains("statements are printed without groups"),
        "{stderr}"
    );
    let out = run(&["groups"], "compare");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    // The sharded pack is written without groups.
    let sharded = dir.join("sharded");
    let out = run(
        &["pack", "--sharded", "--out", sharded.to_str().unwrap()],
        "compare",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the archive is written without groups") && stderr.contains("0 groups"),
        "{stderr}"
    );
    assert!(sharded.join("root.json").is_file());
    std::fs::remove_dir_all(&sharded).ok();

    // Encoding the corpus file panics: reported, and no file is written.
    let qlc = dir.join("out.qlc");
    let out = run(&["pack", "--out", qlc.to_str().unwrap()], "pack");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("encoding the corpus file panicked"),
        "{stderr}"
    );
    assert!(!qlc.exists());
    assert!(!stderr.contains("thread '"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_test_panic_hook_is_documented_in_help() {
    let out = bin().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("QUOTELINE_TEST_PANIC_ON"), "{help}");
    assert!(help.contains("--max-file-mb"), "{help}");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_shown_lossily_among_the_others() {
    use std::os::unix::ffi::OsStrExt;
    let dir = three_articles("names");
    let latin1 = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&latin1, "“The café is open,” said Dee Dogwood.\n").unwrap();
    // Named on the command line, among normal files.
    let out = bin()
        .arg("extract")
        .arg(dir.join("a.txt"))
        .arg(&latin1)
        .arg(dir.join("c.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        speakers(&out.stdout),
        ["Ann Alder", "Dee Dogwood", "Cy Cedar"]
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("caf\u{fffd}.txt"));
    assert!(
        stderr.contains("caf\u{fffd}.txt: the file name is not valid UTF-8"),
        "{stderr}"
    );
    // Found in a folder.
    let out = bin().arg("extract").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(speakers(&out.stdout).len(), 4);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_topic_or_manifest_line_that_is_not_utf8_is_reported_and_skipped() {
    let dir = three_articles("bytes");
    let topics = dir.join("topics.list");
    let mut t = b"readiness | Being ready | ready\n".to_vec();
    t.extend_from_slice(b"caf\xe9 | Coffee | coffee\n");
    t.extend_from_slice(b"talks | Talks | talk*\n");
    std::fs::write(&topics, t).unwrap();
    let mut m = b"[[article]]\nfile = \"a.txt\"\noutlet = \"Alpha Times\"\n\n".to_vec();
    m.extend_from_slice(
        b"[[article]]\nfile = \"b.txt\"\noutlet = \"Caf\xe9 Times\"\ndate = \"2026-03-04\"\n",
    );
    std::fs::write(dir.join("corpus.toml"), m).unwrap();
    let out = bin()
        .args(["extract", "--topics"])
        .arg(&topics)
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings do not fail the run: {stderr}"
    );
    assert!(
        stderr.contains("topics.list:2: not valid UTF-8 (byte 0xE9 at column 4); line skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("corpus.toml:7: not valid UTF-8 (byte 0xE9 at column 14); line skipped"),
        "{stderr}"
    );
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    for r in &rows {
        // Both good topic lines are used.
        assert_eq!(
            r["topics"],
            serde_json::json!(["readiness", "talks"]),
            "{r}"
        );
    }
    assert_eq!(rows[0]["outlet"], "Alpha Times");
    // b.txt's entry is used without its bad line: its date, not its outlet.
    assert_eq!(rows[1]["outlet"], "b");
    assert_eq!(rows[1]["date"], "2026-03-04");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn files_over_the_limit_are_refused_by_size_before_they_are_read() {
    let dir = three_articles("size");
    // Sparse: 2 GB on paper, nothing on disk. Read whole, it would cost 2 GB of memory.
    let huge = std::fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(2_000_000_000).unwrap();
    // 1.6 MB, outside the folder: refused here only by the lower limit below.
    let big = std::env::temp_dir().join(format!("quoteline-cli-big-{}.txt", std::process::id()));
    std::fs::write(&big, "“We are ready.” ".repeat(80_000)).unwrap();
    let out = bin().arg("extract").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("huge.txt: too large (2000.0 MB; the limit is 64 MB per file); skipped. Raise it with --max-file-mb N"),
        "{stderr}"
    );
    assert_eq!(speakers(&out.stdout).len(), 3);
    // A lower limit, from the command line.
    let out = bin()
        .args(["extract", "--max-file-mb", "1"])
        .arg(&big)
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(".txt: too large (1.6 MB; the limit is 1 MB per file)"),
        "{stderr}"
    );
    assert_eq!(speakers(&out.stdout), ["Ann Alder"]);
    // A file within the CLI's limit but over the browser's 5 MB is read and extracted:
    // the CLI has its own limit.
    let para = "Mayor Bo Ek said the road would open in May. \"It is safe,\" Ek said.\n\n";
    std::fs::write(dir.join("mid.txt"), para.repeat(6_000_000 / para.len() + 1)).unwrap();
    let out = bin()
        .arg("extract")
        .arg(dir.join("mid.txt"))
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("too large"), "{stderr}");
    assert!(!stderr.contains("command-line extractor"), "{stderr}");
    assert!(
        speakers(&out.stdout).contains(&"Bo Ek".to_string()),
        "{stderr}"
    );
    // Nonsense limits are usage errors.
    let out = bin()
        .args(["extract", "--max-file-mb", "0"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(&big).ok();
}

#[test]
fn the_growth_benchmark_prints_every_series() {
    let out = bin()
        .args([
            "bench",
            "--growth",
            "--scale",
            "0.005",
            "--max-seconds",
            "20",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for series in [
        "(a) one paragraph",
        "(b) quotes in one paragraph",
        "(c) one sentence without punctuation",
        "(d) statements in one article",
        "(e) statements across outlets",
        "(f) quotes in one sentence",
    ] {
        assert!(stdout.contains(series), "{series} missing:\n{stdout}");
    }
    assert!(stdout.contains("exponent"));
    assert!(stdout.contains("compare "), "{stdout}");
}

/// `--jsonl`: articles as JSON Lines on stdin (Spark's `rdd.pipe`), statements on stdout,
/// the same rows as for the files; a bad line is named and skipped, the status is 1.
#[test]
fn articles_from_json_lines_on_stdin() {
    use std::io::Write;
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut names: Vec<_> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut input = String::new();
    for p in &names {
        let text = std::fs::read_to_string(p).unwrap();
        let line = serde_json::json!({"name": p.display().to_string(), "text": text});
        input.push_str(&format!("{line}\n"));
    }
    input.push_str("{\"name\": 3}\n");
    let mut child = bin()
        .args(["extract", "--jsonl", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let piped = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert_eq!(piped.status.code(), Some(1), "{stderr}");
    let last = names.len() + 1;
    assert!(
        stderr.contains(&format!(
            "stdin:{last}: \"name\" is not a string; line skipped"
        )),
        "{stderr}"
    );
    let files = bin().arg("extract").args(&names).output().unwrap();
    assert!(files.status.success());
    assert!(!files.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&piped.stdout),
        String::from_utf8_lossy(&files.stdout)
    );
}

/// Diagnostics: the first few and a count by kind on stderr; every one in
/// `--diagnostics FILE` as JSON Lines.
#[test]
fn diagnostics_are_summarised_and_written_whole() {
    let dir = std::env::temp_dir().join(format!("quoteline-diag-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..8 {
        std::fs::write(
            dir.join(format!("a{i}.txt")),
            format!("Ana Ruiz said the port would close on day {i}.\n\nShe called it “a loss.\n"),
        )
        .unwrap();
    }
    let all = dir.join("diagnostics.jsonl");
    let out = bin()
        .arg("extract")
        .arg("--diagnostics")
        .arg(&all)
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let listed = stderr.lines().filter(|l| l.contains("(bytes ")).count();
    assert_eq!(listed, 5, "{stderr}");
    assert!(
        stderr.contains("8 diagnostics in 8 articles (3 more not listed)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("8 × opening quotation mark is never closed"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(&all).unwrap();
    let rows: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 8);
    for r in &rows {
        let text = std::fs::read_to_string(r["article"].as_str().unwrap()).unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], "“", "{r}");
        assert_eq!(r["severity"], "warning");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
