//! The archive reader against the in-memory view on the seed corpus, written as an
//! archive cut small (many shards of each kind): the same statements for the same
//! filters and searches, exact totals, only the files a question needs, and a damaged
//! or missing shard named while the rest still answers.

use super::*;
use crate::corpus::Corpus;
use crate::formats::shard::{
    seed_archive, statement_order, terms, Limits, ShardError, Table, ROOT,
};
use crate::model::Kind;
use crate::view::facet::Facet;
use crate::view::search::SearchIndex;
use crate::view::state::{Action, AppState};
use std::collections::BTreeMap;

const SMALL: Limits = Limits {
    statements: 4 * 1024,
    articles: 8 * 1024,
    index: 256,
    groups: 16,
    outlets: 2,
};

/// An archive in memory; a name in `gone` answers a 404.
struct Mem {
    files: BTreeMap<String, Vec<u8>>,
    gone: Vec<String>,
}

impl Fetch for Mem {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        if self.gone.iter().any(|g| g == name) {
            return Err("404 Not Found".into());
        }
        self.files
            .get(name)
            .cloned()
            .ok_or_else(|| "404 Not Found".into())
    }
}

struct Fixture {
    corpus: Corpus,
    index: SearchIndex,
    /// Each corpus statement's number in the archive.
    number: Vec<u64>,
    files: BTreeMap<String, Vec<u8>>,
}

fn fixture() -> Fixture {
    let (corpus, _, files, _) = seed_archive(SMALL);
    let mut number = vec![0; corpus.entries.len()];
    for (k, &i) in statement_order(&corpus).iter().enumerate() {
        number[i] = k as u64;
    }
    Fixture {
        index: SearchIndex::build(&corpus),
        corpus,
        number,
        files,
    }
}

impl Fixture {
    fn open(&self, gone: &[&str]) -> Archive<Mem> {
        let mem = Mem {
            files: self.files.clone(),
            gone: gone.iter().map(|g| g.to_string()).collect(),
        };
        ready(Archive::open(mem, DEFAULT_BUDGET)).unwrap().unwrap()
    }

    /// The in-memory answer, in the archive's order: the statements the app's filter
    /// keeps, less those whose words are only inside a word (the archive finds a word at
    /// a word's start).
    fn reference(&self, state: &AppState) -> Vec<u64> {
        let q = state.query();
        let starts = |i: usize| {
            let e = &self.corpus.entries[i];
            let name = &self.corpus.speakers[e.speaker].name;
            let ts = terms(&format!("{} {name}", self.corpus.text_of(e)));
            q.words.iter().all(|w| {
                let k: String = w.chars().take_while(|c| c.is_alphanumeric()).collect();
                ts.iter().any(|t| t.starts_with(&k))
            })
        };
        let mut v: Vec<u64> = (state.results(&self.corpus, &self.index).into_iter())
            .filter(|&i| starts(i))
            .map(|i| self.number[i])
            .collect();
        v.sort_unstable();
        v
    }
}

/// Every result, a page of `len` at a time, and the totals seen before each page.
fn all_pages(
    a: &mut Archive<Mem>,
    state: &AppState,
    order: Order,
    len: usize,
) -> (Vec<u64>, Vec<Total>, Page) {
    let mut r = ready(a.query(state, order)).unwrap();
    let mut got = Vec::new();
    let mut totals = vec![r.total()];
    loop {
        let page = ready(a.page(&mut r, got.len(), len)).unwrap();
        totals.push(page.total);
        if page.rows.is_empty() {
            return (got, totals, page);
        }
        got.extend(page.rows.iter().map(|row| row.number));
    }
}

fn state(actions: Vec<Action>) -> AppState {
    let mut s = AppState::default();
    for a in actions {
        s.apply(a);
    }
    s
}

#[test]
fn the_first_view_comes_from_the_root_and_one_shard() {
    let f = fixture();
    let mut a = f.open(&[]);
    let root_bytes = f.files[ROOT].len() as u64;
    assert_eq!(a.fetched(), (root_bytes, 1));
    let o = a.overview(1);
    let memory = AppState::default().facet_counts(&f.corpus, &f.index);
    let nonzero = |v: Vec<(String, usize)>| {
        let mut v: Vec<_> = v.into_iter().filter(|x| x.1 > 0).collect();
        v.sort();
        v.dedup();
        v
    };
    // The root names the first outlets; the others are counted together.
    let mut by_count = nonzero(memory[Facet::Outlet].clone());
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = SMALL.outlets;
    assert_eq!(o.outlets, by_count[..top].to_vec());
    let rest = &by_count[top..];
    assert_eq!(
        o.other_outlets.values as usize,
        memory[Facet::Outlet].len() - top
    );
    let rest_n: usize = rest.iter().map(|x| x.1).sum();
    assert_eq!(o.other_outlets.statements as usize, rest_n);
    assert_eq!(
        nonzero(o.speakers.clone()),
        nonzero(memory[Facet::Speaker].clone())
    );
    assert_eq!(
        nonzero(o.topics.clone()),
        nonzero(memory[Facet::Topic].clone())
    );
    // Affiliations, exact from the root's speakers and their counts.
    assert!(
        !o.affiliations.is_empty(),
        "the seeds' speakers have affiliations"
    );
    assert_eq!(
        nonzero(o.affiliations.clone()),
        nonzero(memory[Facet::Affiliation].clone())
    );
    let kinds = memory[Facet::Kind].clone();
    assert_eq!(nonzero(o.kinds.clone()), nonzero(kinds));
    assert_eq!(o.facts.statements, f.corpus.entries.len() as u64);
    let dated = f
        .corpus
        .entries
        .iter()
        .filter(|e| e.when.is_known())
        .count() as u64;
    assert_eq!(
        o.timeline.iter().map(|t| t.1).sum::<u64>() + o.undated,
        dated + o.undated
    );
    assert_eq!(o.undated + dated, o.facts.statements);
    assert_eq!(a.fetched().1, 1, "the overview fetches nothing");

    let all = f.reference(&AppState::default());
    let mut r = ready(a.query(&AppState::default(), Order::Oldest)).unwrap();
    assert_eq!(r.total().exact(), Some(all.len() as u64));
    let page = ready(a.page(&mut r, 0, 5)).unwrap();
    assert_eq!(
        page.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        all[..5]
    );
    let first = &a.root().statement_shards[0];
    let table = &a.root().tables.statements;
    assert_eq!(
        a.fetched(),
        (root_bytes + table.bytes + first.file.bytes, 3),
        "the root, the statement table and the first shard"
    );
    for row in &page.rows {
        let i = f.number.iter().position(|&n| n == row.number).unwrap();
        let e = &f.corpus.entries[i];
        assert_eq!((&row.entry, row.text.as_str()), (e, f.corpus.text_of(e)));
        assert_eq!(row.outlet, f.corpus.articles[e.article].outlet);
        assert_eq!(row.speaker, f.corpus.speakers[e.speaker].name);
    }

    let mut r = ready(a.query(&AppState::default(), Order::Newest)).unwrap();
    let page = ready(a.page(&mut r, 0, 5)).unwrap();
    let newest: Vec<u64> = all.iter().rev().take(5).copied().collect();
    assert_eq!(
        page.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        newest
    );
    assert!(a.fetched().1 <= 4, "then the last shard (or two)");
}

#[test]
fn selections_and_searches_give_the_in_memory_answers() {
    let f = fixture();
    let o = f.open(&[]).overview(1);
    let outlet = |k: usize| Action::Toggle(Facet::Outlet, o.outlets[k].0.clone());
    // Outlets the root does not name, resolved from their outlet chunks.
    let memory = AppState::default().facet_counts(&f.corpus, &f.index);
    let others: Vec<String> = (memory[Facet::Outlet].iter())
        .filter(|(n, c)| *c > 0 && !o.outlets.iter().any(|x| x.0 == *n))
        .map(|x| x.0.clone())
        .collect();
    let other = |k: usize| Action::Toggle(Facet::Outlet, others[k].clone());
    assert!(
        others.len() >= 3,
        "the seeds have outlets past the root's two"
    );
    let topic = |k: usize| Action::Toggle(Facet::Topic, o.topics[k].0.clone());
    let speaker = |k: usize| Action::Toggle(Facet::Speaker, o.speakers[k].0.clone());
    let days: Vec<i64> = f
        .corpus
        .entries
        .iter()
        .filter(|e| e.when.is_known())
        .map(|e| e.when.day)
        .collect();
    let (lo, hi) = (*days.iter().min().unwrap(), *days.iter().max().unwrap());
    // (The seeds' statements are all of one day: a range keeps them or none.)
    // (selection, whether the summaries give its total before any shard is read)
    let cases: Vec<(Vec<Action>, bool)> = vec![
        (vec![outlet(0)], true),
        (vec![outlet(0), outlet(1)], true),
        (vec![other(0)], true),
        (vec![outlet(0), other(1), other(2)], true),
        (
            vec![Action::Toggle(Facet::Outlet, "No Such Outlet".into())],
            true,
        ),
        (
            vec![Action::Toggle(Facet::Kind, Kind::Direct.as_str().into())],
            true,
        ),
        (vec![topic(0)], true),
        (vec![Action::Toggle(Facet::Topic, "other".into())], true),
        (vec![topic(0), topic(1)], false),
        (vec![speaker(0)], true),
        (vec![speaker(1), speaker(3)], true),
        (
            vec![Action::Toggle(Facet::Affiliation, "France".into())],
            true,
        ),
        (
            vec![
                outlet(0),
                Action::Toggle(Facet::Kind, Kind::Indirect.as_str().into()),
            ],
            false,
        ),
        (vec![Action::SetRange(Some((hi + 1, hi + 9)))], true),
        (vec![Action::SetRange(Some((lo, lo)))], true),
        (vec![Action::Search("guarantees".into())], true),
        (vec![Action::Search("ukr".into())], true),
        (vec![Action::Search("macron security".into())], false),
        (
            vec![Action::Search("\"security guarantees\"".into())],
            false,
        ),
        (vec![Action::Search("said -macron".into())], false),
        (vec![Action::Search("-ukraine".into())], false),
        (vec![Action::Search("the".into())], false),
        (vec![Action::Search("zzzzqx".into())], true),
        (vec![Action::Search("coalition".into()), outlet(0)], false),
        (vec![speaker(0), Action::Search("ukraine".into())], false),
    ];
    let mut empty = 0;
    for (actions, exact_at_once) in cases {
        let s = state(actions.clone());
        let want = f.reference(&s);
        empty += usize::from(want.is_empty());
        for order in [Order::Oldest, Order::Newest] {
            let mut a = f.open(&[]);
            let (got, totals, last) = all_pages(&mut a, &s, order, 7);
            let mut want = want.clone();
            if order == Order::Newest {
                want.reverse();
            }
            assert_eq!(got, want, "{actions:?} {order:?}");
            let n = want.len() as u64;
            assert!(last.unavailable.is_empty());
            assert_eq!(
                last.total.exact(),
                Some(n),
                "{actions:?}: exact once every shard is read"
            );
            for t in &totals {
                assert!(
                    t.at_least <= n && n <= t.at_most,
                    "{actions:?}: {t:?} holds {n}"
                );
            }
            assert_eq!(
                totals[0].exact().is_some(),
                exact_at_once,
                "{actions:?}: {:?}",
                totals[0]
            );
        }
    }
    assert_eq!(
        empty, 3,
        "only the range past the last day, the unknown word and the unknown outlet find none"
    );
    // The one difference, by design: the archive finds a word at a word's start only.
    let inside = state(vec![Action::Search("krain".into())]);
    assert!(f.reference(&inside).is_empty());
    assert!(!inside.results(&f.corpus, &f.index).is_empty());
    let mut a = f.open(&[]);
    assert!(all_pages(&mut a, &inside, Order::Oldest, 5).0.is_empty());
}

#[test]
fn a_search_fetches_only_its_chunks_and_the_shards_that_hold_its_statements() {
    let f = fixture();
    let mut skipped = 0;
    for word in [
        "guarantees",
        "zelensky",
        "starmer",
        "witkoff",
        "troops",
        "meloni",
    ] {
        let mut a = f.open(&[]);
        let before = a.fetched();
        let s = state(vec![Action::Search(word.into())]);
        let mut r = ready(a.query(&s, Order::Oldest)).unwrap();
        let chunks = a.root().chunks_for(word);
        let chunk_bytes: u64 = chunks.iter().map(|c| c.file.bytes).sum();
        let tables = &a.root().tables;
        let tables = tables.index.bytes + tables.statements.bytes;
        assert_eq!(
            a.fetched(),
            (
                before.0 + tables + chunk_bytes,
                before.1 + 2 + chunks.len() as u64
            ),
            "{word}: only its chunks, and the index and statement tables"
        );
        assert!(
            chunks.len() < a.root().index_chunks.len() / 4,
            "a few chunks of many"
        );
        let want = f.reference(&s);
        let holding: std::collections::BTreeSet<usize> = (want.iter())
            .map(|&n| {
                a.root()
                    .statement_shards
                    .iter()
                    .position(|x| x.first <= n && n < x.first + x.count)
                    .unwrap()
            })
            .collect();
        let page = ready(a.page(&mut r, 0, want.len() + 1)).unwrap();
        assert_eq!(page.rows.len(), want.len(), "{word}");
        let shard_bytes: u64 = holding
            .iter()
            .map(|&k| a.root().statement_shards[k].file.bytes)
            .sum();
        assert_eq!(
            a.fetched().0,
            before.0 + tables + chunk_bytes + shard_bytes,
            "{word}: no shard without a match"
        );
        skipped += a.root().statement_shards.len() - holding.len();
    }
    assert!(skipped > 0, "some words skip shards");
}

#[test]
fn opening_a_statement_gives_its_entry_speaker_and_article() {
    let f = fixture();
    let mut a = f.open(&[]);
    for i in [0, f.corpus.entries.len() / 2, f.corpus.entries.len() - 1] {
        let e = &f.corpus.entries[i];
        let o = ready(a.open_statement(f.number[i])).unwrap().unwrap();
        assert_eq!(o.row.entry, *e);
        assert_eq!(o.article, f.corpus.articles[e.article]);
        assert_eq!(o.speaker, f.corpus.speakers[e.speaker]);
        assert_eq!(e.statement.span.of(&o.article.text), o.row.text);
    }
    let groups: Vec<_> = (0..a.root().facts.groups)
        .map(|g| ready(a.group(g)).unwrap().unwrap())
        .collect();
    assert!(!groups.is_empty() && a.root().group_shards.len() > 1);
    for (k, g) in groups.iter().enumerate() {
        for &m in &g.members {
            let o = ready(a.open_statement(m as u64)).unwrap().unwrap();
            assert_eq!(o.row.group, Some(k as u64), "statement {m}");
            assert_eq!(o.group, Ok(Some(g.clone())), "statement {m}");
            // The group's other renderings, as rows, in the group's order.
            let others: Vec<u64> = (g.members.iter().map(|&x| x as u64))
                .filter(|&x| x != m as u64)
                .take(OTHERS_READ)
                .collect();
            let rows = o.others.unwrap();
            assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), others);
            assert!(rows.iter().all(|r| r.group == Some(k as u64)));
        }
    }
    let alone = (0..f.corpus.entries.len())
        .find(|&m| !groups.iter().any(|g| g.members.contains(&m)))
        .unwrap();
    let o = ready(a.open_statement(alone as u64)).unwrap().unwrap();
    assert_eq!((o.group, o.others), (Ok(None), Ok(Vec::new())));
    let past = f.corpus.entries.len() as u64;
    assert!(matches!(
        ready(a.open_statement(past)).unwrap(),
        Err(ShardError::Inconsistent(_))
    ));
}

#[test]
fn a_missing_or_damaged_shard_is_named_and_the_rest_answers() {
    let mut f = fixture();
    let all = f.reference(&AppState::default());
    let root = crate::formats::shard::tabled_root(&f.files);
    let lost = root.statement_shards[1].clone();
    let damaged = root.statement_shards[2].clone();
    f.files.get_mut(&damaged.file.name).unwrap()[40] ^= 0xff;
    let mut a = f.open(&[lost.file.name.as_str()]);
    let (got, _, last) = all_pages(&mut a, &AppState::default(), Order::Oldest, 10);
    let kept: Vec<u64> = (all.iter().copied())
        .filter(|n| !(lost.first..lost.first + lost.count).contains(n))
        .filter(|n| !(damaged.first..damaged.first + damaged.count).contains(n))
        .collect();
    assert_eq!(got, kept, "every other shard still answers");
    assert_eq!(last.unavailable.len(), 2);
    assert!(
        matches!(&last.unavailable[0], ShardError::Unavailable { name, .. } if *name == lost.file.name)
    );
    assert_eq!(
        last.unavailable[1],
        ShardError::Checksum(damaged.file.name.clone())
    );
    assert!(last.unavailable[0]
        .to_string()
        .contains("part of the archive is unavailable"));
    assert_eq!(
        last.total.exact(),
        Some(all.len() as u64),
        "a facet-free total still counts them"
    );

    // A missing index chunk: the search answers from the others and names it.
    let chunk = root.chunks_for("guarantees")[0].file.name.clone();
    let mut a = f.open(&[chunk.as_str()]);
    let s = state(vec![Action::Search("guarantees".into())]);
    let (_, _, last) = all_pages(&mut a, &s, Order::Oldest, 10);
    assert!(last
        .unavailable
        .iter()
        .any(|e| e.to_string().contains(&chunk)));
    let whole = f.reference(&s).len() as u64;
    assert!(
        last.total.exact().is_none(),
        "{:?}: not exact without a chunk",
        last.total
    );
    assert!(last.total.at_least <= whole && whole <= last.total.at_most);
    // An article shard: the statement opens no article, and says which part is missing.
    let art = root.article_shards[0].file.name.clone();
    let mut a = f.open(&[art.as_str()]);
    let i = f
        .corpus
        .entries
        .iter()
        .position(|e| e.article == 0)
        .unwrap();
    let err = ready(a.open_statement(f.number[i])).unwrap().unwrap_err();
    assert!(err.to_string().contains(&art));
    // A group shard: the statement opens with its article, and its group is named
    // unavailable.
    let g = root.group_shards[0].clone();
    let mut a = f.open(&[g.file.name.as_str()]);
    let m = ready(a.group(0)).unwrap().unwrap_err();
    assert!(m.to_string().contains(&g.file.name));
    let mut full = f.open(&[]);
    let member = ready(full.group(0)).unwrap().unwrap().members[0];
    let o = ready(a.open_statement(member as u64)).unwrap().unwrap();
    assert_eq!(o.row.group, Some(0));
    assert!(
        matches!(o.group, Err(ShardError::Unavailable { ref name, .. }) if *name == g.file.name)
    );
    // An outlet chunk: selecting one of its outlets names it, and the total is not
    // exact; the root's outlets still answer.
    let c = root.outlet_chunks[0].clone();
    let mut a = f.open(&[c.file.name.as_str()]);
    let s = state(vec![Action::Toggle(Facet::Outlet, c.first.clone())]);
    let (got, _, last) = all_pages(&mut a, &s, Order::Oldest, 10);
    assert!(got.is_empty());
    assert!(last
        .unavailable
        .iter()
        .any(|e| e.to_string().contains(&c.file.name)));
    assert!(last.total.exact().is_none());
    let s = state(vec![Action::Toggle(
        Facet::Outlet,
        root.outlets[0].0.clone(),
    )]);
    let (got, _, last) = all_pages(&mut a, &s, Order::Oldest, 10);
    assert_eq!(got, f.reference(&s));
    assert!(last.unavailable.is_empty());
    // The summary file: a facet still finds its statements, shard by shard, names the
    // file, and its total closes only as the shards are read.
    let sums = root.summaries.name.clone();
    let f = fixture();
    let mut a = f.open(&[sums.as_str()]);
    let s = state(vec![Action::Toggle(
        Facet::Kind,
        Kind::Direct.as_str().into(),
    )]);
    let r = ready(a.query(&s, Order::Oldest)).unwrap();
    assert!(r.total().exact().is_none());
    let (got, _, last) = all_pages(&mut a, &s, Order::Oldest, 10);
    assert_eq!(got, f.reference(&s));
    assert!(last
        .unavailable
        .iter()
        .any(|e| e.to_string().contains(&sums)));
    assert_eq!(last.total.exact(), Some(got.len() as u64));
    // The root itself: refused with the reason.
    let mem = Mem {
        files: f.files.clone(),
        gone: vec![ROOT.into()],
    };
    assert!(matches!(
        ready(Archive::open(mem, 1)).unwrap(),
        Err(ShardError::Unavailable { .. })
    ));
}

#[test]
fn the_decoded_shards_stay_within_the_budget() {
    let f = fixture();
    let mem = Mem {
        files: f.files.clone(),
        gone: Vec::new(),
    };
    let biggest = (f.files.iter())
        .filter(|(n, _)| n.starts_with("statements-"))
        .map(|(_, b)| b.len() as u64)
        .max()
        .unwrap();
    let budget = 2 * biggest;
    let mut a = ready(Archive::open(mem, budget)).unwrap().unwrap();
    let s = state(vec![Action::Search("-zzzzqx".into())]);
    let (got, _, _) = all_pages(&mut a, &s, Order::Oldest, 3);
    assert_eq!(got.len(), f.corpus.entries.len());
    assert!(a.held() <= budget, "{} held of {budget}", a.held());
}

#[test]
fn a_missing_or_damaged_manifest_is_named_and_the_rest_answers() {
    let mut f = fixture();
    let all = f.reference(&AppState::default());
    let root = crate::formats::shard::tabled_root(&f.files);
    let [statements, articles, index, ..] = Table::ALL.map(|t| root.tables.get(t).name.clone());
    let named = |errs: &[ShardError], name: &str| errs.iter().any(|e| e.to_string().contains(name));

    // The article table: a statement opens no article and names it; lists still answer.
    let mut a = f.open(&[articles.as_str()]);
    let err = ready(a.open_statement(all[0])).unwrap().unwrap_err();
    assert!(err.to_string().contains(&articles), "{err}");
    let (got, _, last) = all_pages(&mut a, &AppState::default(), Order::Oldest, 10);
    assert_eq!(got, all);
    assert!(last.unavailable.is_empty());

    // The index table: a search names it and its total stays open; lists still answer.
    let mut a = f.open(&[index.as_str()]);
    let s = state(vec![Action::Search("guarantees".into())]);
    let (_, _, last) = all_pages(&mut a, &s, Order::Oldest, 10);
    assert!(named(&last.unavailable, &index));
    assert!(last.total.exact().is_none());
    let (got, _, _) = all_pages(&mut a, &AppState::default(), Order::Oldest, 10);
    assert_eq!(got, all);

    // The statement table, damaged: the overview still comes from the root; a list
    // names the table, and its total stays open (at most the archive's statements).
    f.files.get_mut(&statements).unwrap()[30] ^= 0xff;
    let mut a = f.open(&[]);
    let o = a.overview(30);
    assert_eq!(o.facts.statements, all.len() as u64);
    let (got, _, last) = all_pages(&mut a, &AppState::default(), Order::Oldest, 10);
    assert!(got.is_empty());
    assert!(
        named(&last.unavailable, &statements),
        "{:?}",
        last.unavailable
    );
    assert_eq!(last.total.at_most, all.len() as u64);
    assert!(last.total.exact().is_none());
}
