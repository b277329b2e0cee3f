//! [`Session`]: an open archive answering the view's questions one at a time. The
//! reader is `&mut` across its fetches, so a question that comes while another runs
//! waits in a slot; a newer question of the same kind replaces a waiting one (typing a
//! word asks once per keystroke: only the latest is answered). A page of results keeps
//! its plan, so "more" reads on from where it stopped.

use quoteline_core::formats::shard::ShardError;
use quoteline_core::view::archive::{Archive, Fetch, Opened, Order, Results, Row, Total};
use quoteline_core::view::state::AppState;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Rows a page of results holds.
pub const PAGE: usize = 50;

/// A question for the archive.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// The first page of a view's results (its filters, the search included).
    Query(Box<AppState>, Order),
    /// The next page of the shown view's results.
    More,
    /// A statement, by its number, with its article.
    Open(u64),
}

/// An answer, with the bytes and files fetched so far (the root included).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Page {
        filters: Box<AppState>,
        order: Order,
        rows: Vec<Row>,
        /// Whether `rows` follow the rows shown (else they replace them).
        more: bool,
        total: Total,
        /// Whether the plan has shards left to visit.
        open_ended: bool,
        /// The parts of the archive that could not be read, as messages.
        unavailable: Vec<String>,
        fetched: (u64, u64),
    },
    Opened {
        number: u64,
        opened: Result<Rc<Opened>, String>,
        fetched: (u64, u64),
    },
}

/// The shown view's results: its filters and order, the plan, and the rows read.
struct Shown {
    filters: AppState,
    order: Order,
    results: Results,
    rows: usize,
}

/// An open archive and the questions waiting (see the module's comment).
pub struct Session<F: Fetch> {
    /// `None` while a question is being answered.
    archive: RefCell<Option<Archive<F>>>,
    shown: RefCell<Option<Shown>>,
    query: RefCell<Option<(Box<AppState>, Order)>>,
    more: Cell<bool>,
    open: Cell<Option<u64>>,
    running: Cell<bool>,
}

fn messages(errors: &[ShardError]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in errors {
        let m = e.to_string();
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

impl<F: Fetch> Session<F> {
    pub fn new(archive: Archive<F>) -> Rc<Session<F>> {
        Rc::new(Session {
            archive: RefCell::new(Some(archive)),
            shown: RefCell::new(None),
            query: RefCell::new(None),
            more: Cell::new(false),
            open: Cell::new(None),
            running: Cell::new(false),
        })
    }

    /// Puts a question in its slot. Whether the caller must start [`Session::run`] (no
    /// run is going on to take it).
    pub fn ask(&self, job: Job) -> bool {
        match job {
            Job::Query(f, o) => {
                *self.query.borrow_mut() = Some((f, o));
                self.more.set(false);
            }
            Job::More => self.more.set(true),
            Job::Open(n) => self.open.set(Some(n)),
        }
        !self.running.replace(true)
    }

    /// The next waiting question: a new view first, then more of it, then an opening.
    fn next(&self) -> Option<Job> {
        if let Some((f, o)) = self.query.borrow_mut().take() {
            return Some(Job::Query(f, o));
        }
        if self.more.replace(false) {
            return Some(Job::More);
        }
        self.open.take().map(Job::Open)
    }

    /// Answers the waiting questions until none is left, handing each answer to
    /// `deliver` as it comes.
    pub async fn run(self: Rc<Self>, deliver: impl Fn(Outcome)) {
        while let Some(job) = self.next() {
            let Some(mut archive) = self.archive.borrow_mut().take() else {
                break;
            };
            let out = self.answer(&mut archive, job).await;
            *self.archive.borrow_mut() = Some(archive);
            if let Some(out) = out {
                deliver(out);
            }
        }
        self.running.set(false);
    }

    async fn answer(&self, archive: &mut Archive<F>, job: Job) -> Option<Outcome> {
        match job {
            Job::Query(filters, order) => {
                let mut results = archive.query(&filters, order).await;
                let page = archive.page(&mut results, 0, PAGE).await;
                let open_ended = results.shards_left() > 0;
                *self.shown.borrow_mut() = Some(Shown {
                    filters: (*filters).clone(),
                    order,
                    results,
                    rows: page.rows.len(),
                });
                Some(Outcome::Page {
                    filters,
                    order,
                    rows: page.rows,
                    more: false,
                    total: page.total,
                    open_ended,
                    unavailable: messages(&page.unavailable),
                    fetched: archive.fetched(),
                })
            }
            Job::More => {
                let mut shown = self.shown.borrow_mut().take()?;
                let page = archive.page(&mut shown.results, shown.rows, PAGE).await;
                shown.rows += page.rows.len();
                let out = Outcome::Page {
                    filters: Box::new(shown.filters.clone()),
                    order: shown.order,
                    rows: page.rows,
                    more: true,
                    total: page.total,
                    open_ended: shown.results.shards_left() > 0,
                    unavailable: messages(&page.unavailable),
                    fetched: archive.fetched(),
                };
                *self.shown.borrow_mut() = Some(shown);
                Some(out)
            }
            Job::Open(number) => {
                let opened = archive.open_statement(number).await;
                Some(Outcome::Opened {
                    number,
                    opened: opened.map(Rc::new).map_err(|e| e.to_string()),
                    fetched: archive.fetched(),
                })
            }
        }
    }
}
