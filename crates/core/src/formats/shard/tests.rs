//! The sharded format on the seed corpus, cut small so every table has many shards:
//! what is written reads back the same, the root's summaries are exact, and every bad
//! root or shard is refused naming the part.

use super::*;
use crate::corpus::compare::{Comparison, GROUP_THRESHOLD};
use crate::corpus::topics::names;
use crate::corpus::{Article, Corpus, Entry};
use std::collections::BTreeMap;

const SMALL: Limits = Limits {
    statements: 4 * 1024,
    articles: 8 * 1024,
    index: 64,
    groups: 16,
    outlets: 2,
};

fn archive() -> (Corpus, Comparison, BTreeMap<String, Vec<u8>>, Root) {
    seed_archive(SMALL)
}

/// The root parsed, with the manifests and the summary file read into it.
fn root_of(files: &BTreeMap<String, Vec<u8>>) -> Root {
    let mut root = super::tabled_root(files);
    let name = root.summaries.name.clone();
    read_summaries(&mut root, &files[&name]).unwrap();
    root
}

/// Every group of the archive, by group number.
fn all_groups(
    root: &Root,
    files: &BTreeMap<String, Vec<u8>>,
) -> Vec<crate::corpus::compare::Group> {
    (root.group_shards.iter())
        .flat_map(|s| {
            decode_groups(s, root.facts.statements, &files[&s.file.name])
                .unwrap()
                .groups
        })
        .collect()
}

/// Every outlet the root does not name, by name.
fn all_others(root: &Root, files: &BTreeMap<String, Vec<u8>>) -> Vec<OtherOutlet> {
    (root.outlet_chunks.iter())
        .flat_map(|c| decode_outlets(c, &files[&c.file.name]).unwrap().outlets)
        .collect()
}

/// Every statement of the archive, in its order.
fn all_entries(root: &Root, files: &BTreeMap<String, Vec<u8>>) -> Vec<crate::corpus::Entry> {
    (root.statement_shards.iter())
        .flat_map(|s| decode_statements(s, &files[&s.file.name]).unwrap().entries)
        .collect()
}

#[test]
fn what_is_written_reads_back() {
    let (c, cmp, files, written) = archive();
    let root = root_of(&files);
    assert_eq!(root, written);
    assert!(
        root.statement_shards.len() >= 3,
        "cut small, the seeds need several shards"
    );
    assert!(root.article_shards.len() > 1 && root.index_chunks.len() > 3);
    let order = statement_order(&c);
    let entries = all_entries(&root, &files);
    let want: Vec<_> = order.iter().map(|&i| c.entries[i].clone()).collect();
    assert_eq!(entries, want);
    let keys: Vec<_> = entries
        .iter()
        .map(|e| (!e.when.is_known(), e.when.day, e.id.clone()))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "by date, then id");
    let articles: Vec<_> = (root.article_shards.iter())
        .flat_map(|s| decode_articles(s, &files[&s.file.name]).unwrap().articles)
        .collect();
    assert_eq!(articles, c.articles);
    assert_eq!(root.speakers, c.speakers);
    // Groups: the same members, by statement id.
    let ids = |members: &[usize], of: &dyn Fn(usize) -> String| {
        let mut v: Vec<String> = members.iter().map(|&m| of(m)).collect();
        v.sort();
        v
    };
    let mut want: Vec<_> = (cmp.groups.iter())
        .map(|g| ids(&g.members, &|m| c.entries[m].id.clone()))
        .collect();
    let groups = all_groups(&root, &files);
    assert!(
        root.group_shards.len() > 1,
        "cut small, several group shards"
    );
    let mut got: Vec<_> = (groups.iter())
        .map(|g| ids(&g.members, &|m| entries[m].id.clone()))
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert!(!got.is_empty(), "the seeds have cross-outlet groups");
    // Each statement's shard names its group.
    let group_of: Vec<Option<u32>> = (root.statement_shards.iter())
        .flat_map(|s| decode_statements(s, &files[&s.file.name]).unwrap().groups)
        .collect();
    for (n, g) in group_of.iter().enumerate() {
        let holding = groups.iter().position(|x| x.members.contains(&n));
        assert_eq!(g.map(|g| g as usize), holding, "statement {n}");
    }
}

/// The root names the first outlets by count, the biggest first; the others are in the
/// outlet chunks by name, each with its exact count in every statement shard.
#[test]
fn the_root_names_the_first_outlets_and_the_chunks_the_rest() {
    let (c, _, files, _) = archive();
    let root = root_of(&files);
    assert_eq!(root.outlets.len(), SMALL.outlets);
    assert!(root.outlets.windows(2).all(|w| w[0].1 >= w[1].1));
    let others = all_others(&root, &files);
    assert!(others.len() >= 3 && !root.outlet_chunks.is_empty());
    assert!(others.windows(2).all(|w| w[0].name < w[1].name));
    let least = root.outlets.last().map_or(0, |o| o.1);
    assert!(others.iter().all(|o| o.statements <= least));
    assert_eq!(root.other_outlets.values, others.len() as u64);
    let numbered: Vec<(u64, String)> = (root.statement_shards.iter())
        .flat_map(|s| {
            let sh = decode_statements(s, &files[&s.file.name]).unwrap();
            let names: BTreeMap<u32, String> = sh.other_outlets.into_iter().collect();
            (sh.entries.iter().zip(&sh.outlets).enumerate())
                .map(|(k, (e, &o))| {
                    assert_eq!(
                        c.articles[e.article].outlet,
                        (root.outlets.get(o as usize).map(|x| x.0.clone()))
                            .unwrap_or_else(|| names[&o].clone())
                    );
                    (s.first + k as u64, c.articles[e.article].outlet.clone())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for o in &others {
        let truth = numbered.iter().filter(|(_, n)| *n == o.name).count() as u64;
        assert_eq!(o.statements, truth, "{}", o.name);
        for &(k, n) in &o.shards {
            let s = &root.statement_shards[k as usize];
            let inside = (numbered.iter())
                .filter(|(m, name)| *name == o.name && (s.first..s.first + s.count).contains(m))
                .count() as u64;
            assert_eq!(n, inside, "{} in shard {k}", o.name);
        }
        assert_eq!(o.shards.iter().map(|x| x.1).sum::<u64>(), o.statements);
        assert!(root.outlet_chunk_of(&o.name).is_some());
    }
    assert_eq!(
        root.other_outlets.statements,
        others.iter().map(|o| o.statements).sum::<u64>()
    );
}

#[test]
fn counts_come_exactly_from_the_summaries() {
    let (c, _, files, _) = archive();
    let root = root_of(&files);
    let all = root.summed(root.statement_shards.iter());
    let total: u64 = root.outlets.iter().map(|o| o.1).sum();
    assert_eq!(
        total + root.other_outlets.statements,
        c.entries.len() as u64
    );
    assert_eq!(
        all.outlets.iter().map(|o| o.1).collect::<Vec<_>>(),
        root.outlets.iter().map(|o| o.1).collect::<Vec<_>>()
    );
    for (k, (name, n)) in root.outlets.iter().enumerate() {
        let truth = c
            .entries
            .iter()
            .filter(|e| &c.articles[e.article].outlet == name)
            .count();
        assert_eq!(*n, truth as u64, "outlet {k}");
    }
    for (name, n) in &root.kinds {
        let truth = c
            .entries
            .iter()
            .filter(|e| e.statement.kind.as_str() == name)
            .count();
        assert_eq!(*n, truth as u64, "kind {name}");
    }
    let dated = c.entries.iter().filter(|e| e.when.is_known()).count() as u64;
    assert_eq!(root.undated + dated, c.entries.len() as u64);
    assert_eq!(root.dated_between(i64::MIN, i64::MAX), dated);
    assert_eq!(root.timeline(7).iter().map(|t| t.1).sum::<u64>(), dated);
    for (i, n) in root.speaker_counts.iter().enumerate() {
        assert_eq!(
            *n,
            c.entries.iter().filter(|e| e.speaker == i).count() as u64
        );
    }
}

#[test]
fn each_statement_article_and_word_is_found_in_its_shard() {
    let (_, _, files, _) = archive();
    let root = root_of(&files);
    let entries = all_entries(&root, &files);
    for n in 0..root.facts.statements {
        let s = root.statement_shard_of(n).unwrap();
        assert!(s.first <= n && n < s.first + s.count);
    }
    assert!(root.statement_shard_of(root.facts.statements).is_none());
    for m in 0..root.facts.articles {
        let s = root.article_shard_of(m).unwrap();
        assert!(s.first <= m && m < s.first + s.count);
    }
    assert!(root.article_shard_of(root.facts.articles).is_none());
    let articles: Vec<_> = (root.article_shards.iter())
        .flat_map(|s| decode_articles(s, &files[&s.file.name]).unwrap().articles)
        .collect();
    for word in ["Macron", "guarantee", "ukr", "zelensky", "said", "é"] {
        let mut got: Vec<u64> = (root.chunks_for(word).into_iter())
            .flat_map(|c| {
                decode_chunk(c, &files[&c.file.name])
                    .unwrap()
                    .statements_for(word)
            })
            .collect();
        got.sort_unstable();
        got.dedup();
        let w = crate::text::fold(word);
        let want: Vec<u64> = (entries.iter().enumerate())
            .filter(|(_, e)| {
                let text = format!(
                    "{} {}",
                    e.statement.span.of(&articles[e.article].text),
                    root.speakers[e.speaker].name
                );
                terms(&text).iter().any(|t| t.starts_with(&w))
            })
            .map(|(k, _)| k as u64)
            .collect();
        assert_eq!(got, want, "{word}");
    }
    // A common word's postings run over several chunks, none much over the limit.
    assert!(
        root.chunks_for("the").len() > 1,
        "{} statements, {:?}",
        entries.len(),
        root.chunks_for("the")
    );
    for c in &root.index_chunks {
        assert!(
            c.file.bytes < 2 * SMALL.index as u64 + 200,
            "{} is {} bytes",
            c.file.name,
            c.file.bytes
        );
    }
    assert!(
        root.chunks_for("macron").len() <= 2,
        "a rarer word needs a chunk or two"
    );
    assert!(root.chunks_for(" ").is_empty());
}

/// The writer encodes each statement and article once, into the shard's body as it
/// grows: the same bytes as postcard of the whole shard.
#[test]
fn shards_encoded_a_record_at_a_time_are_postcard_of_the_whole() {
    let (_, _, files, root) = archive();
    for s in &root.statement_shards {
        let shard = decode_statements(s, &files[&s.file.name]).unwrap();
        let whole = super::file::shard_bytes(Kind::Statements, &shard);
        assert_eq!(whole, files[&s.file.name], "{}", s.file.name);
    }
    for s in &root.article_shards {
        let shard = decode_articles(s, &files[&s.file.name]).unwrap();
        let whole = super::file::shard_bytes(Kind::Articles, &shard);
        assert_eq!(whole, files[&s.file.name], "{}", s.file.name);
    }
    let mut long = Vec::new();
    super::file::push_len(&mut long, 300);
    assert_eq!(long, postcard::to_allocvec(&vec![0u8; 300]).unwrap()[..2]);
}

#[test]
fn shard_names_never_leave_the_directory() {
    for good in [
        "statements-00000.bin",
        "articles-12345.bin",
        "index-00042.bin",
        "groups-00001.bin",
        "outlets-00000.bin",
        "summaries-00000.bin",
    ] {
        assert!(shard_name_ok(good), "{good}");
    }
    for bad in [
        "../root.json",
        "/etc/passwd",
        "statements-00000.bin/../x",
        "a/statements-00000.bin",
        "C:\\statements-00000.bin",
        "statements-0000.bin",
    ] {
        assert!(!shard_name_ok(bad), "{bad}");
    }
    for bad in [
        "statements-000000.bin",
        "statements-0000a.bin",
        "other-00000.bin",
        "statements-00000.bin.gz",
        "statements-..000.bin",
        "",
        "statements-00000",
        "-00000.bin",
    ] {
        assert!(!shard_name_ok(bad), "{bad}");
    }
    let (_, _, files, _) = archive();
    let root = String::from_utf8(files[ROOT].clone()).unwrap();
    for bad in [
        "../../etc/passwd",
        "/tmp/tables-00000.bin",
        "tables-00001.bin",
    ] {
        let edited = root.replacen("\"tables-00000.bin\"", &format!("{bad:?}"), 1);
        let e = parse_root(edited.as_bytes()).unwrap_err();
        assert_eq!(e, ShardError::BadName(bad.into()));
        assert!(e.to_string().contains("not a shard name"), "{e}");
    }
    // A manifest holds no names: each is rebuilt from its place, so none can leave.
    let whole = root_of(&files);
    let mut r = whole.clone();
    r.statement_shards[0].file.name = "../../etc/passwd".into();
    let back = reread(&r, Table::Statements).unwrap();
    assert_eq!(back.statement_shards[0].file.name, "statements-00000.bin");
}

/// Table `t` of `r` written as its manifest and read back into a copy of `r`.
fn reread(r: &Root, t: Table) -> Result<Root, ShardError> {
    let bytes = super::manifest::manifest_bytes(r, t);
    let mut back = r.clone();
    let file = back.tables.get_mut(t);
    file.bytes = bytes.len() as u64;
    file.checksum = checksum_hex(&bytes);
    read_table(&mut back, t, &bytes)?;
    Ok(back)
}

#[test]
fn a_root_of_another_kind_or_version_is_refused_with_the_reason() {
    let (_, _, files, _) = archive();
    let root = String::from_utf8(files[ROOT].clone()).unwrap();
    let v = format!("\"version\":{VERSION}");
    let newer = root.replacen(&v, "\"version\":7", 1);
    let e = parse_root(newer.as_bytes()).unwrap_err();
    assert_eq!(e, ShardError::Newer(7));
    assert!(
        e.to_string().contains("newer Quoteline (archive format 7"),
        "{e}"
    );
    let older = root.replacen(&v, "\"version\":0", 1);
    assert_eq!(
        parse_root(older.as_bytes()).unwrap_err(),
        ShardError::Older(0)
    );
    // A newer root may have another shape: the version is refused before the shape.
    assert_eq!(
        parse_root(br#"{"format":"quoteline-shards","version":9,"everything":"else"}"#)
            .unwrap_err(),
        ShardError::Newer(9)
    );
    let foreign = root.replacen(FORMAT, "quoteline-corpus", 1);
    assert!(parse_root(foreign.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("format “quoteline-corpus”"));
    assert!(matches!(parse_root(b"not json"), Err(ShardError::Root(_))));
    assert!(matches!(
        parse_root(&files[ROOT][..40]),
        Err(ShardError::Root(_))
    ));
    let no_version = root.replacen(&v, "\"vers\":1", 1);
    assert!(parse_root(no_version.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("no version"));
}

#[test]
fn an_inconsistent_root_is_refused_naming_what_disagrees() {
    let (_, _, files, root) = archive();
    for t in Table::ALL {
        let back = reread(&root, t).unwrap();
        assert!(back.files().eq(root.files()), "{t:?} reads back");
    }
    // A manifest that disagrees with the facts or with itself names itself and what.
    let mut r = root.clone();
    r.facts.statements += 1;
    let e = reread(&r, Table::Statements).unwrap_err();
    assert!(e.to_string().contains("statement shards hold"), "{e}");
    assert!(e.to_string().contains("tables-00000.bin"), "{e}");
    let mut r = root.clone();
    r.article_shards[1].count = 0;
    let e = reread(&r, Table::Articles).unwrap_err().to_string();
    assert!(
        e.contains("article shard 1") && e.contains("tables-00001.bin"),
        "{e}"
    );
    let mut r = root.clone();
    r.group_shards[1].count = 0;
    let e = reread(&r, Table::Groups).unwrap_err().to_string();
    assert!(
        e.contains("group shard 1") && e.contains("tables-00003.bin"),
        "{e}"
    );
    // A damaged or truncated manifest is refused, named.
    let index = root.tables.index.name.clone();
    let mut damaged = files[&index].clone();
    damaged[30] ^= 0xff;
    let mut r = root.clone();
    assert_eq!(
        read_table(&mut r, Table::Index, &damaged),
        Err(ShardError::Checksum(index.clone()))
    );
    let short = &files[&index][..20];
    assert!(read_table(&mut r, Table::Index, short)
        .unwrap_err()
        .to_string()
        .contains(&index));
    let g = &root.group_shards[0];
    let e = decode_groups(g, 1, &files[&g.file.name]).unwrap_err();
    assert!(e.to_string().contains("past the last"), "{e}");
    // The summary file: one counting an outlet past the root's, one summary short, and
    // one damaged.
    let mut r = root.clone();
    r.statement_shards[2].summary.outlets.push((999, 1));
    let bad = super::write::summaries_bytes(&r.statement_shards).unwrap();
    r.summaries.bytes = bad.len() as u64;
    r.summaries.checksum = checksum_hex(&bad);
    let e = read_summaries(&mut r, &bad).unwrap_err();
    assert!(e.to_string().contains("statement shard 2"), "{e}");
    let mut r = root.clone();
    let short = super::write::summaries_bytes(&r.statement_shards[1..]).unwrap();
    r.summaries.bytes = short.len() as u64;
    r.summaries.checksum = checksum_hex(&short);
    let e = read_summaries(&mut r, &short).unwrap_err();
    assert!(e.to_string().contains("summaries for"), "{e}");
    let mut r = root.clone();
    let mut damaged = files[&root.summaries.name].clone();
    damaged[30] ^= 0xff;
    let e = read_summaries(&mut r, &damaged).unwrap_err();
    assert_eq!(e, ShardError::Checksum(root.summaries.name.clone()));
    let mut r = root.clone();
    r.speakers.pop();
    assert!(parse_root(&serde_json::to_vec(&r).unwrap())
        .unwrap_err()
        .to_string()
        .contains("speakers"));
    assert_eq!(root_of(&files), root);
}

#[test]
fn a_truncated_or_damaged_shard_is_refused_naming_it() {
    let (_, _, files, root) = archive();
    let info = &root.statement_shards[1];
    let good = &files[&info.file.name];
    let e = decode_statements(info, &good[..good.len() - 5]).unwrap_err();
    assert_eq!(
        e,
        ShardError::Size {
            name: "statements-00001.bin".into(),
            expected: good.len() as u64,
            found: good.len() as u64 - 5
        }
    );
    assert!(
        e.to_string()
            .starts_with("part of the archive is unavailable: statements-00001.bin"),
        "{e}"
    );
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x40;
    let e = decode_statements(info, &flipped).unwrap_err();
    assert_eq!(e, ShardError::Checksum("statements-00001.bin".into()));
    let a = &root.article_shards[0];
    assert!(matches!(
        decode_articles(a, b""),
        Err(ShardError::Size { .. })
    ));
    let c = &root.index_chunks[0];
    let mut bad = files[&c.file.name].clone();
    bad[0] ^= 1;
    assert_eq!(
        decode_chunk(c, &bad).unwrap_err(),
        ShardError::Checksum(c.file.name.clone())
    );
    // Another kind's shard under this name, with a matching checksum: refused by its line.
    let other = files[&a.file.name].clone();
    let forged = StatementShardInfo {
        file: FileInfo {
            name: info.file.name.clone(),
            bytes: other.len() as u64,
            checksum: checksum_hex(&other),
        },
        ..info.clone()
    };
    let e = decode_statements(&forged, &other).unwrap_err();
    assert!(
        e.to_string()
            .contains("statements-00001.bin could not be decoded (it does not start with"),
        "{e}"
    );
    // The right kind, but not the count the root says.
    let wrong = StatementShardInfo {
        count: info.count + 1,
        ..info.clone()
    };
    let e = decode_statements(&wrong, good).unwrap_err();
    assert!(
        e.to_string().contains("statements where the root says"),
        "{e}"
    );
    // A body that is not a shard, with a good line and checksum.
    let mut junk = format!("{SHARD_MAGIC} {VERSION} statements\n").into_bytes();
    junk.extend_from_slice(&[0xff; 9]);
    let forged = StatementShardInfo {
        file: FileInfo {
            name: info.file.name.clone(),
            bytes: junk.len() as u64,
            checksum: checksum_hex(&junk),
        },
        ..info.clone()
    };
    assert!(matches!(
        decode_statements(&forged, &junk),
        Err(ShardError::Decode { .. })
    ));
}

/// A shard the host does not serve is named like a damaged one, so the view can say
/// which part of the archive is missing while the rest works.
#[test]
fn a_missing_shard_is_named_with_the_reason() {
    let e = ShardError::Unavailable {
        name: "articles-00003.bin".into(),
        why: "HTTP 404".into(),
    };
    assert_eq!(
        e.to_string(),
        "part of the archive is unavailable: articles-00003.bin could not be fetched (HTTP 404)"
    );
}

/// The streamed archive (each seed assembled alone, its statements spilled, speakers
/// merged and statements grouped over their keys) is the written one, byte for byte.
#[test]
fn the_streamed_archive_is_the_written_one() {
    let (_, _, want, _) = archive();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let read = crate::formats::manifest::read_folder(&dir).unwrap();
    let mut stream = Stream::new(&names(), "test", SMALL);
    let mut spill: Vec<u8> = Vec::new();
    let mut files = BTreeMap::new();
    let mut sink = |n: &str, b: Vec<u8>| {
        files.insert(n.to_string(), b);
        Ok(())
    };
    for a in &read.articles {
        let part = Corpus::assemble(vec![Corpus::prepare(a.input())]);
        stream.push(part, &mut spill, &mut sink).unwrap();
    }
    assert_eq!(stream.articles(), read.articles.len());
    let grouping =
        |k: &crate::corpus::compare::Keys| crate::corpus::compare::group(k, GROUP_THRESHOLD);
    stream.finish(grouping, &mut spill, &mut sink).unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &want {
        assert!(files[name] == *bytes, "{name} differs");
    }
}

/// The partitioned reduce (keys planned over the whole archive, the shards written by
/// three parts that each get whole shards, the root merged from their answers) writes
/// the single-process archive, byte for byte.
#[test]
fn the_partitioned_reduce_writes_the_same_archive() {
    let (_, _, want, _) = archive();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let read = crate::formats::manifest::read_folder(&dir).unwrap();
    let parts: Vec<Corpus> = (read.articles.iter())
        .map(|a| Corpus::assemble(vec![Corpus::prepare(a.input())]))
        .collect();
    let mut planner = Planner::new(&names(), "test", SMALL);
    for (seq, p) in parts.iter().enumerate() {
        // Through JSON, as the keys travel between machines.
        let keys = PartKeys::of(seq as u64 * 2, p).unwrap();
        let keys: PartKeys = serde_json::from_str(&serde_json::to_string(&keys).unwrap()).unwrap();
        planner.note(&keys).unwrap();
    }
    let grouping =
        |k: &crate::corpus::compare::Keys| crate::corpus::compare::group(k, GROUP_THRESHOLD);
    let plan = planner.finish(grouping);
    let plan: Plan = postcard::from_bytes(&postcard::to_allocvec(&plan).unwrap()).unwrap();
    assert!(plan.statement_shards() >= 3, "{}", plan.statement_shards());
    // Every statement and article with its number, as the parts' input is sorted.
    enum Item {
        Statement(Entry, String),
        Article(Article),
    }
    let mut items: Vec<(usize, u64, Item)> = Vec::new();
    for (seq, p) in parts.iter().enumerate() {
        let (article, first) = plan.part(seq as u64 * 2).unwrap();
        for (k, a) in p.articles.iter().enumerate() {
            let n = article + k as u64;
            let shard = shard_of(&plan.article_bounds, n).unwrap();
            items.push((1_000_000 + shard, n, Item::Article(a.clone())));
        }
        for (k, e) in p.entries.iter().enumerate() {
            let at = first as usize + k;
            let n = u64::from(plan.number[at]);
            let mut entry = e.clone();
            entry.article += article as usize;
            entry.speaker = plan.speaker[at] as usize;
            let shard = shard_of(&plan.statement_bounds, n).unwrap();
            let text = p.text_of(e).to_string();
            items.push((shard, n, Item::Statement(entry, text)));
        }
    }
    items.sort_by_key(|i| (i.0, i.1));
    let mut files = BTreeMap::new();
    let mut sink = |n: &str, b: Vec<u8>| {
        files.insert(n.to_string(), b);
        Ok(())
    };
    // Three parts by shard number, one of them run twice.
    let third = plan.statement_shards() / 3;
    let mut merge = Merge::new(&plan);
    for (from, to) in [
        (0, third),
        (third, 2 * third),
        (2 * third, usize::MAX),
        (0, third),
    ] {
        let mut w = PartWriter::new(&plan);
        let mine = items
            .iter()
            .filter(|i| (from..to).contains(&(i.0 % 1_000_000)));
        for (_, n, item) in mine {
            match item {
                Item::Statement(e, t) => w.statement(*n, e.clone(), t.clone(), &mut sink).unwrap(),
                Item::Article(a) => w.article(*n, a.clone(), &mut sink).unwrap(),
            }
        }
        let written = w.finish(&mut sink).unwrap();
        let back = postcard::to_allocvec(&written).unwrap();
        merge.add(postcard::from_bytes(&back).unwrap());
    }
    merge.finish(&mut sink).unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &want {
        assert!(files[name] == *bytes, "{name} differs");
    }
}

/// A part that lacks a statement of its shard names the shard, and the merge names a
/// shard no part wrote.
#[test]
fn a_lost_statement_or_shard_is_named() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let read = crate::formats::manifest::read_folder(&dir).unwrap();
    let mut planner = Planner::new(&names(), "test", SMALL);
    let mut parts = Vec::new();
    for (seq, a) in read.articles.iter().enumerate() {
        let p = Corpus::assemble(vec![Corpus::prepare(a.input())]);
        planner
            .note(&PartKeys::of(seq as u64, &p).unwrap())
            .unwrap();
        parts.push(p);
    }
    assert!(planner.note(&PartKeys::default()).is_err(), "out of order");
    let plan = planner.finish(|_: &crate::corpus::compare::Keys| Vec::new());
    let mut sink = |_: &str, _: Vec<u8>| Ok(());
    let mut w = PartWriter::new(&plan);
    let at = plan.number.iter().position(|&n| n == 1).unwrap();
    let (p, e) = (0..parts.len())
        .find_map(|s| {
            let (_, f) = plan.part(s as u64)?;
            let k = at.checked_sub(f as usize)?;
            Some((&parts[s], parts[s].entries.get(k)?.clone()))
        })
        .unwrap();
    let text = p.text_of(&e).to_string();
    let err = w.statement(1, e, text, &mut sink).unwrap_err();
    assert!(
        err.contains("statements-00000.bin lacks items 0 to 0"),
        "{err}"
    );
    let err = Merge::new(&plan).finish(&mut sink).unwrap_err();
    assert!(
        err.contains("statements-00000.bin was written by no part"),
        "{err}"
    );
}

/// The root holds neither the groups nor the summaries; a summary's counts are compact
/// (`[value, count, gap, count, ...]`), and counts that do not fit are refused.
#[test]
fn the_roots_long_tables_are_compact_and_checked() {
    let (_, _, files, root) = archive();
    let json: serde_json::Value = serde_json::from_slice(&files[ROOT]).unwrap();
    assert!(
        json.get("groups").is_none(),
        "the groups are in group shards"
    );
    assert!(json["statement_shards"][0].get("summary").is_none());
    let sm = &root.statement_shards[0].summary;
    let text = serde_json::to_value(sm).unwrap();
    assert_eq!(text["days"][0], sm.days[0].0);
    assert_eq!(text["days"].as_array().unwrap().len(), 2 * sm.days.len());
    for bad in ["[1]", "[5,1,0,1]", "[5,-1]"] {
        let broken = format!(r#"{{"outlets":[],"kinds":[],"topics":[],"days":{bad},"undated":0}}"#);
        let e = serde_json::from_str::<Summary>(&broken)
            .unwrap_err()
            .to_string();
        assert!(e.contains("counts"), "{bad}: {e}");
    }
}
