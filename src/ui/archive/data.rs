//! What the archive view shows, as a pure reducer: the questions asked and the answers
//! that came ([`super::session::Outcome`]): the rows read so far, the total as known,
//! the parts of the archive that could not be read, the opened statement, and the bytes
//! fetched. An answer to a view no longer asked is still shown until the newer one
//! comes; the list is busy until the answer to the latest question is in.

use super::opened::{one_statement, Shown};
use super::session::Outcome;
use crate::ui::context::CorpusHandle;
use quoteline_core::view::archive::{Order, Row, Total};
use quoteline_core::view::state::AppState;
use std::rc::Rc;
use yew::Reducible;

/// The view's data (see the module's comment).
#[derive(Clone, PartialEq)]
pub struct ViewData {
    /// The latest view asked: its filters and order.
    pub asked: Option<(AppState, Order)>,
    /// The view whose rows are shown.
    pub answered: Option<(AppState, Order)>,
    pub rows: Rc<Vec<Row>>,
    pub total: Option<Total>,
    /// Whether more rows can be read (shards are left), and whether they are asked.
    pub more: bool,
    pub reading_more: bool,
    /// The parts of the archive the shown view could not read.
    pub unavailable: Vec<String>,
    pub detail: Shown,
    /// Bytes and files fetched so far, the root included.
    pub fetched: (u64, u64),
}

impl Default for ViewData {
    fn default() -> ViewData {
        ViewData {
            asked: None,
            answered: None,
            rows: Rc::new(Vec::new()),
            total: None,
            more: false,
            reading_more: false,
            unavailable: Vec::new(),
            detail: Shown::Nothing,
            fetched: (0, 0),
        }
    }
}

/// A change of the view's data.
pub enum Change {
    /// A view is asked (its first page is being read).
    Ask(AppState, Order),
    AskMore,
    /// Statement number `n` is being opened.
    Opening(u64),
    /// The detail is closed.
    Close,
    Answer(Outcome),
}

impl ViewData {
    /// Whether the latest view asked is not shown yet (or more of it is being read).
    pub fn busy(&self) -> bool {
        self.asked != self.answered || self.reading_more
    }

    /// Whether the view of `filters` in `order` is not shown yet, asked or not (or
    /// more of it is being read).
    pub fn busy_for(&self, filters: &AppState, order: Order) -> bool {
        self.reading_more
            || self
                .answered
                .as_ref()
                .is_none_or(|(f, o)| f != filters || *o != order)
    }
}

impl Reducible for ViewData {
    type Action = Change;
    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Ask(f, o) => next.asked = Some((f, o)),
            Change::AskMore => next.reading_more = true,
            Change::Opening(n) => next.detail = Shown::Opening(n),
            Change::Close => next.detail = Shown::Nothing,
            Change::Answer(Outcome::Page {
                filters,
                order,
                rows,
                more,
                total,
                open_ended,
                unavailable,
                fetched,
            }) => {
                let view = Some((*filters, order));
                if more && view != next.answered {
                    // More rows of a view no longer shown.
                    next.fetched = fetched;
                    return Rc::new(next);
                }
                if more {
                    let mut all = (*next.rows).clone();
                    all.extend(rows);
                    next.rows = Rc::new(all);
                    next.reading_more = false;
                } else {
                    next.rows = Rc::new(rows);
                    next.answered = view;
                }
                next.total = Some(total);
                next.more = open_ended || (next.rows.len() as u64) < total.at_least;
                next.unavailable = unavailable;
                next.fetched = fetched;
            }
            Change::Answer(Outcome::Opened {
                number,
                opened,
                fetched,
            }) => {
                next.fetched = fetched;
                // Only the statement still being opened is shown.
                if next.detail == Shown::Opening(number) {
                    next.detail = match opened {
                        Ok(o) => Shown::Opened(CorpusHandle(Rc::new(one_statement(&o))), o),
                        Err(why) => Shown::Failed(number, why),
                    };
                }
            }
        }
        Rc::new(next)
    }
}
