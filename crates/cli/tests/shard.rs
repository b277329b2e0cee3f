//! The sharded archive (`quoteline pack --sharded`) against the one-file corpus of the
//! same articles (`pack --out FILE`): read back through the engine's reader, it holds the
//! same statements, speakers, groups and counts. And the split pack (`prepare --jsonl`,
//! in pieces, then `pack --sharded --prepared`) writes the same bytes as the one-process
//! pack, with a bad article named and left out.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::{Article, Corpus, Entry};
use quoteline_core::formats::pack;
use quoteline_core::formats::shard::{self, OtherOutlet, Root, ROOT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quoteline-shard-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A synthetic archive of about `mb` megabytes in `dir/articles`.
fn synth(dir: &Path, mb: &str) -> PathBuf {
    let arts = dir.join("articles");
    run(bin().args(["synth", "--mb", mb, "--out"]).arg(&arts));
    arts
}

/// Every statement (in the archive's order), every article, and the root.
fn read_archive(dir: &Path) -> (Root, Vec<Entry>, Vec<Article>) {
    let (root, entries, articles, _, _) = read_all(dir);
    (root, entries, articles)
}

type Group = quoteline_core::corpus::compare::Group;

/// What [`read_archive`] reads, and every group and every outlet the root does not name.
fn read_all(dir: &Path) -> (Root, Vec<Entry>, Vec<Article>, Vec<Group>, Vec<OtherOutlet>) {
    let mut root = shard::parse_root(&std::fs::read(dir.join(ROOT)).unwrap()).unwrap();
    let bytes = |name: &str| std::fs::read(dir.join(name)).unwrap();
    for t in shard::Table::ALL {
        let name = root.tables.get(t).name.clone();
        shard::read_table(&mut root, t, &bytes(&name)).unwrap();
    }
    let entries = (root.statement_shards.iter())
        .flat_map(|s| {
            shard::decode_statements(s, &bytes(&s.file.name))
                .unwrap()
                .entries
        })
        .collect();
    let articles = (root.article_shards.iter())
        .flat_map(|s| {
            shard::decode_articles(s, &bytes(&s.file.name))
                .unwrap()
                .articles
        })
        .collect();
    let groups = (root.group_shards.iter())
        .flat_map(|s| {
            shard::decode_groups(s, root.facts.statements, &bytes(&s.file.name))
                .unwrap()
                .groups
        })
        .collect();
    let others = (root.outlet_chunks.iter())
        .flat_map(|c| {
            shard::decode_outlets(c, &bytes(&c.file.name))
                .unwrap()
                .outlets
        })
        .collect();
    (root, entries, articles, groups, others)
}

/// Groups as sets of statement ids, with their canonical id and flags.
fn groups_by_id(
    groups: &[quoteline_core::corpus::compare::Group],
    id: impl Fn(usize) -> String,
) -> BTreeSet<(Vec<String>, String, usize, bool)> {
    (groups.iter())
        .map(|g| {
            let mut m: Vec<String> = g.members.iter().map(|&i| id(i)).collect();
            m.sort();
            (m, id(g.canonical), g.outlets, g.quotes_differ)
        })
        .collect()
}

/// The sharded archive and the corpus file hold the same corpus.
fn assert_same(c: &Corpus, groups: &[Group], dir: &Path) {
    let (root, entries, articles, written, others) = read_all(dir);
    assert_eq!(articles, c.articles, "articles");
    assert_eq!(root.speakers, c.speakers, "speakers");
    let by_id: BTreeMap<&str, &Entry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    assert_eq!(by_id.len(), c.entries.len(), "statements");
    for e in &c.entries {
        assert_eq!(by_id.get(e.id.as_str()), Some(&e), "statement {}", e.id);
    }
    assert_eq!(
        groups_by_id(&written, |i| entries[i].id.clone()),
        groups_by_id(groups, |i| c.entries[i].id.clone()),
        "groups"
    );
    let f = &root.facts;
    assert_eq!(
        (f.articles, f.statements, f.speakers, f.groups),
        (
            c.articles.len() as u64,
            c.entries.len() as u64,
            c.speakers.len() as u64,
            groups.len() as u64
        )
    );
    let named = (root.outlets.iter().map(|(n, c)| (n, c)))
        .chain(others.iter().map(|o| (&o.name, &o.statements)));
    let mut outlets = BTreeSet::new();
    for (name, n) in named {
        let truth = c
            .entries
            .iter()
            .filter(|e| &c.articles[e.article].outlet == name)
            .count();
        assert_eq!(*n, truth as u64, "outlet {name}");
        outlets.insert(name.clone());
    }
    let every: BTreeSet<String> = c.articles.iter().map(|a| a.outlet.clone()).collect();
    assert_eq!(
        outlets, every,
        "the root's outlets and the chunks' are every outlet"
    );
    let rest: u64 = others.iter().map(|o| o.statements).sum();
    assert_eq!(
        (root.other_outlets.values, root.other_outlets.statements),
        (others.len() as u64, rest)
    );
    let mut days: BTreeMap<i64, u64> = BTreeMap::new();
    for e in c.entries.iter().filter(|e| e.when.is_known()) {
        *days.entry(e.when.day).or_default() += 1;
    }
    assert_eq!(
        root.histogram,
        days.into_iter().collect::<Vec<_>>(),
        "histogram"
    );
    for (t, (_, n)) in root.topic_counts.iter().enumerate().take(root.topics.len()) {
        let truth = c
            .entries
            .iter()
            .filter(|e| e.topics.iter().any(|x| x.0 == t))
            .count();
        assert_eq!(*n, truth as u64, "topic {t}");
    }
}

fn check_both_ways(test: &str, articles: &Path) {
    let dir = scratch(test);
    let file = dir.join("one.qlc");
    let sharded = dir.join("sharded");
    run(bin()
        .args(["pack", "--quiet", "--out"])
        .arg(&file)
        .arg(articles));
    let out = run(bin()
        .args(["pack", "--quiet", "--sharded", "--out"])
        .arg(&sharded)
        .arg(articles));
    assert!(String::from_utf8_lossy(&out.stderr).contains("statement shards"));
    let p = pack::decode(
        &std::fs::read(&file).unwrap(),
        &quoteline_core::corpus::topics::names(),
    )
    .unwrap();
    assert!(p.corpus.entries.len() > 50 && !p.comparison.groups.is_empty());
    assert_same(&p.corpus, &p.comparison.groups, &sharded);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_archive_holds_the_corpus_file_of_the_seeds() {
    check_both_ways(
        "seeds",
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds")),
    );
}

#[test]
fn the_archive_holds_the_corpus_file_of_a_synthetic_archive() {
    let dir = scratch("synth-src");
    let arts = synth(&dir, "0.6");
    check_both_ways("synth", &arts);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The articles of `dir` as JSON Lines, each with its `seq`.
fn jsonl(dir: &Path) -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    (names.iter().enumerate())
        .map(|(seq, p)| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(p).unwrap();
            serde_json::json!({"seq": seq, "name": name, "text": text}).to_string()
        })
        .collect()
}

fn piped(cmd: &mut Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread: the command's output fills its pipe while input still comes.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer =
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

#[test]
fn the_split_pack_writes_the_same_bytes_and_names_a_bad_article() {
    let dir = scratch("split");
    let arts = synth(&dir, "0.4");
    let mut lines = jsonl(&arts);
    let victim = serde_json::from_str::<serde_json::Value>(&lines[3]).unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    lines.insert(5, "{\"seq\": 99999, \"text\": \"no name\"}".into());
    let all = lines.join("\n");
    let panic_on = |c: &mut Command| {
        c.env("QUOTELINE_TEST_PANIC_ON", &victim);
    };
    // One process.
    let one = dir.join("one");
    let mut c = bin();
    c.args(["pack", "--quiet", "--sharded", "--jsonl", "--out"])
        .arg(&one);
    panic_on(&mut c);
    let out = piped(&mut c, &all);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&victim), "{stderr}");
    // The map in two pieces, handed to the reduce in the other order.
    let (a, b) = lines.split_at(lines.len() / 2);
    let mut records = Vec::new();
    for (k, piece) in [b, a].iter().enumerate() {
        let mut c = bin();
        c.args(["prepare", "--jsonl"]);
        panic_on(&mut c);
        let out = piped(&mut c, &piece.join("\n"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let f = dir.join(format!("records-{k}.jsonl"));
        std::fs::write(&f, &out.stdout).unwrap();
        records.push(f);
    }
    // A record file given twice (a retried map task) changes nothing.
    records.push(records[0].clone());
    let split = dir.join("split");
    let out = bin()
        .args(["pack", "--quiet", "--sharded", "--out"])
        .arg(&split)
        .arg("--prepared")
        .args(&records)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{victim}: skipped: extracting it panicked")),
        "{stderr}"
    );
    assert!(
        stderr.contains("stdin:") && stderr.contains("no \"name\""),
        "{stderr}"
    );
    let listing = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = (std::fs::read_dir(d).unwrap())
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (x, y) = (listing(&one), listing(&split));
    assert!(x.len() > 3);
    assert_eq!(
        x.iter().map(|f| &f.0).collect::<Vec<_>>(),
        y.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (f, g) in x.iter().zip(&y) {
        assert!(
            f.1 == g.1,
            "{} differs between the one-process and the split pack",
            f.0
        );
    }
    let (root, entries, _) = read_archive(&split);
    assert!(entries
        .iter()
        .all(|e| !e.id.starts_with(&format!("{victim}@"))));
    assert_eq!(root.facts.articles as usize, lines.len() - 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_second_pack_into_the_directory_leaves_no_stale_shard() {
    let dir = scratch("stale");
    let out = dir.join("archive");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("statements-00042.bin"), b"old").unwrap();
    std::fs::write(out.join("notes.txt"), b"mine").unwrap();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    run(bin()
        .args(["pack", "--quiet", "--sharded", "--out"])
        .arg(&out)
        .arg(seeds));
    assert!(!out.join("statements-00042.bin").exists());
    assert!(
        out.join("notes.txt").exists(),
        "files that are not shards are left alone"
    );
    read_archive(&out);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The files of a directory, by name.
fn files_of(d: &Path) -> BTreeMap<String, Vec<u8>> {
    (std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// A line of `reduce emit`: its kind, shard, number, and the line.
type Emitted = (String, u64, u64, String);

/// The partitioned reduce (`reduce keys`, `plan`, `emit`, `write` by two parts that
/// each get every other shard, `root`) writes the one-process pack's bytes; a part that
/// lacks a statement of its shard, and a root without one part's answer, name the shard.
#[test]
fn the_partitioned_reduce_writes_the_same_bytes() {
    let dir = scratch("partitioned");
    let arts = synth(&dir, "0.8");
    let lines = jsonl(&arts);
    let one = dir.join("one");
    let out = piped(
        bin()
            .args(["pack", "--quiet", "--sharded", "--jsonl", "--out"])
            .arg(&one),
        &lines.join("\n"),
    );
    assert!(out.status.success());
    let records = piped(bin().args(["prepare", "--jsonl"]), &lines.join("\n")).stdout;
    let records = String::from_utf8(records).unwrap();
    let keys = run(bin().args(["reduce", "keys"]).stdin(Stdio::null()));
    assert!(keys.stdout.is_empty());
    let keys = piped(bin().args(["reduce", "keys"]), &records);
    let keys_file = dir.join("keys.jsonl");
    std::fs::write(&keys_file, &keys.stdout).unwrap();
    let plan = dir.join("plan.bin");
    let planned = run(bin()
        .args(["reduce", "plan", "--plan"])
        .arg(&plan)
        .arg(&keys_file));
    let counts: serde_json::Value = serde_json::from_slice(&planned.stdout).unwrap();
    assert!(
        counts["statement_shards"].as_u64().unwrap() >= 2,
        "{counts}"
    );
    let emitted = piped(
        bin().args(["reduce", "emit", "--plan"]).arg(&plan),
        &records,
    );
    let mut items: Vec<Emitted> = (String::from_utf8(emitted.stdout).unwrap())
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.splitn(4, '\t').collect();
            (
                f[0].into(),
                f[1].parse().unwrap(),
                f[2].parse().unwrap(),
                l.to_string(),
            )
        })
        .collect();
    items.sort();
    let part = |k: u64, keep: &dyn Fn(&Emitted) -> bool| -> Output {
        let input: Vec<&str> = items
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.3.as_str())
            .collect();
        let mut c = bin();
        c.args(["reduce", "write", "--plan"])
            .arg(&plan)
            .arg("--out");
        c.arg(dir.join("split"))
            .arg("--answer")
            .arg(dir.join(format!("answer-{k}")));
        // From a file: a part that fails stops reading.
        let from = dir.join(format!("items-{k}"));
        std::fs::write(&from, input.join("\n")).unwrap();
        c.stdin(std::fs::File::open(&from).unwrap())
            .output()
            .unwrap()
    };
    for k in 0..2 {
        assert!(part(k, &|i| i.1 % 2 == k).status.success());
    }
    let mut c = bin();
    c.args(["reduce", "root", "--plan"]).arg(&plan).arg("--out");
    run(c
        .arg(dir.join("split"))
        .arg(dir.join("answer-0"))
        .arg(dir.join("answer-1")));
    let (x, y) = (files_of(&one), files_of(&dir.join("split")));
    assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
    for (name, bytes) in &x {
        assert!(*bytes == y[name], "{name} differs");
    }
    // Statement 1 lost: its shard is named.
    let lost = part(2, &|i| i.1 == 0 && !(i.0 == "s" && i.2 == 1));
    let stderr = String::from_utf8_lossy(&lost.stderr);
    assert_eq!(lost.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("statements-00000.bin lacks items 1 to 1"),
        "{stderr}"
    );
    let mut c = bin();
    c.args(["reduce", "root", "--plan"]).arg(&plan).arg("--out");
    let out = c
        .arg(dir.join("split"))
        .arg(dir.join("answer-0"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("statements-00001.bin was written by no part"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
