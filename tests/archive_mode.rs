//! The explorer's archive mode (`src/ui/archive/`): its session and view data, natively,
//! over the seed corpus written as an archive cut small and held in memory: the latest
//! question wins, pages follow one another, a statement opens into a corpus of one
//! statement, and a missing shard is named while the rest answers.
#![cfg(not(target_arch = "wasm32"))]

use quoteline::ui::archive::data::{Change, ViewData};
use quoteline::ui::archive::opened::Shown;
use quoteline::ui::archive::session::{Job, Outcome, Session, PAGE};
use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::topics::names;
use quoteline_core::formats::shard::{write, Limits};
use quoteline_core::view::archive::{ready, Archive, Fetch, Order, DEFAULT_BUDGET};
use quoteline_core::view::state::AppState;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// An archive in memory; names in `gone` answer a 404.
struct Mem(BTreeMap<String, Vec<u8>>, Vec<String>);

impl Fetch for Mem {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        if self.1.iter().any(|g| g == name) {
            return Err("404 Not Found".into());
        }
        self.0.get(name).cloned().ok_or_else(|| "404".into())
    }
}

fn files() -> BTreeMap<String, Vec<u8>> {
    let corpus = quoteline::seed_corpus();
    let cmp = compare(&corpus, GROUP_THRESHOLD);
    let mut files = BTreeMap::new();
    let limits = Limits {
        statements: 8 * 1024,
        articles: 16 * 1024,
        index: 512,
        groups: 64,
        outlets: 4,
    };
    let mut sink = |n: &str, b: Vec<u8>| {
        files.insert(n.to_string(), b);
        Ok(())
    };
    write(&corpus, &cmp, &names(), "test", limits, &mut sink).unwrap();
    files
}

fn session(gone: &[&str]) -> Rc<Session<Mem>> {
    let mem = Mem(files(), gone.iter().map(|g| g.to_string()).collect());
    Session::new(ready(Archive::open(mem, DEFAULT_BUDGET)).unwrap().unwrap())
}

/// Runs the waiting questions; the answers, in order.
fn run(s: &Rc<Session<Mem>>) -> Vec<Outcome> {
    let out = Rc::new(RefCell::new(Vec::new()));
    let sink = out.clone();
    ready(s.clone().run(move |o| sink.borrow_mut().push(o))).expect("answers at once");
    out.take()
}

fn searching(q: &str) -> AppState {
    AppState {
        search: q.into(),
        ..AppState::default()
    }
}

#[test]
fn the_latest_question_wins_and_pages_follow() {
    let s = session(&[]);
    let mut data = Rc::new(ViewData::default());
    let first = Job::Query(Box::new(searching("ukraine")), Order::Oldest);
    assert!(s.ask(first), "idle: start a run");
    let latest = Job::Query(Box::default(), Order::Newest);
    assert!(!s.ask(latest), "replaces the waiting one");
    data = data.reduce(Change::Ask(AppState::default(), Order::Newest));
    assert!(data.busy());
    let answers = run(&s);
    assert_eq!(answers.len(), 1, "only the latest view is answered");
    for a in answers {
        data = data.reduce(Change::Answer(a));
    }
    assert!(!data.busy());
    assert!(!data.busy_for(&AppState::default(), Order::Newest));
    assert!(
        data.busy_for(&searching("x"), Order::Newest),
        "a view not yet asked is busy: its answer is not shown"
    );
    let total = data
        .total
        .and_then(|t| t.exact())
        .unwrap_or_else(|| panic!("exact: {:?}", data.total));
    assert!(
        total as usize > PAGE,
        "more than a page of seed statements ({total})"
    );
    assert_eq!(data.rows.len(), PAGE);
    assert!(data.more);
    assert!(s.ask(Job::More));
    data = data.reduce(Change::AskMore);
    for a in run(&s) {
        data = data.reduce(Change::Answer(a));
    }
    assert_eq!(data.rows.len(), (2 * PAGE).min(total as usize));
    let mut numbers: Vec<u64> = data.rows.iter().map(|r| r.number).collect();
    numbers.dedup();
    assert_eq!(numbers.len(), data.rows.len(), "no row twice");
    assert!(data.unavailable.is_empty());

    // Opening a row: the detail gets a corpus of that one statement, with its article.
    let row = data.rows[3].clone();
    data = data.reduce(Change::Opening(row.number));
    assert!(s.ask(Job::Open(row.number)));
    for a in run(&s) {
        data = data.reduce(Change::Answer(a));
    }
    let Shown::Opened(handle, opened) = &data.detail else {
        panic!("not opened");
    };
    let c = &handle.0;
    assert_eq!(c.text_of(&c.entries[0]), row.text);
    assert_eq!(c.speakers[0].name, row.speaker);
    assert_eq!(opened.row, row);
    // An answer for a statement no longer being opened is not shown.
    let late = data.reduce(Change::Close);
    assert!(late.detail == Shown::Nothing);
}

#[test]
fn a_missing_shard_is_named_and_the_rest_answers() {
    let s = session(&["statements-00000.bin"]);
    s.ask(Job::Query(Box::default(), Order::Oldest));
    let mut data =
        Rc::new(ViewData::default()).reduce(Change::Ask(AppState::default(), Order::Oldest));
    for a in run(&s) {
        data = data.reduce(Change::Answer(a));
    }
    assert!(
        data.unavailable
            .iter()
            .any(|m| m.contains("statements-00000.bin")),
        "{:?}",
        data.unavailable
    );
    assert_eq!(
        data.rows.len(),
        PAGE,
        "the page is filled from the other shards"
    );
    // With no filter the root's count stands: the missing shard's statements are
    // counted, though they cannot be shown.
    assert!(data.total.unwrap().exact().is_some());
    // Opening a statement of the missing shard says why; the session goes on.
    let Some(Outcome::Opened { opened, .. }) = ({
        s.ask(Job::Open(0));
        run(&s).pop()
    }) else {
        panic!("no answer");
    };
    assert!(opened.unwrap_err().contains("statements-00000.bin"));
}
