//! The reducer: what the user has chosen ([`AppState`]), changed only through
//! [`Action`]s by a pure [`AppState::apply`]. No DOM here; the Yew layer renders it and
//! dispatches actions. The results, facet counts, link and exports are read from it
//! elsewhere (`search`, `facets`, `link`, `export`).

use crate::corpus::StatementId;
use crate::view::facet::{Facet, Filters};
use crate::view::query::{self, Query};
use crate::view::timeline::lanes::LaneBy;
use crate::view::timeline::window::{MAX_SPAN, MAX_VIEW_DAY, MIN_VIEW_DAY};

/// How the statement list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Article order, then position in the article (the order events are reported).
    #[default]
    Article,
    /// By date (undated last), then article order.
    Time,
    Outlet,
    Speaker,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Article, Sort::Time, Sort::Outlet, Sort::Speaker];
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Article => "article",
            Sort::Time => "time",
            Sort::Outlet => "outlet",
            Sort::Speaker => "speaker",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Sort::Article => "Article order",
            Sort::Time => "Date",
            Sort::Outlet => "Outlet",
            Sort::Speaker => "Speaker",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the main panel shows beside the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// The statement list.
    #[default]
    Statements,
    /// Groups of renderings × outlets.
    Coverage,
    /// Headlines, ledes and conflicting claims.
    Framing,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Statements, Tab::Coverage, Tab::Framing];
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Statements => "statements",
            Tab::Coverage => "coverage",
            Tab::Framing => "framing",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Tab::Statements => "Statements",
            Tab::Coverage => "Coverage",
            Tab::Framing => "Framing",
        }
    }
    pub fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Everything the user has chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub search: String,
    /// Selected values per facet (empty = all). OR within a facet, AND across facets.
    pub filters: Filters,
    pub sort: Sort,
    pub selected: Option<StatementId>,
    /// Timeline lanes.
    pub lanes: LaneBy,
    /// Timeline window in days (None = fit to the results).
    pub view: Option<(f64, f64)>,
    /// Brushed date range, inclusive days (None = all); undated statements drop out when set.
    pub range: Option<(i64, i64)>,
    /// A short message for the user (e.g. parts of a link that could not be used).
    pub notice: Option<String>,
    /// The main panel's view.
    pub tab: Tab,
}

/// A user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Search(String),
    /// Selects a facet's value, or unselects it.
    Toggle(Facet, String),
    SetSort(Sort),
    Select(Option<StatementId>),
    ClearAll,
    /// Replace the whole state (from the URL on load or on back/forward).
    Restore(Box<AppState>),
    DismissNotice,
    SetLanes(LaneBy),
    SetView(Option<(f64, f64)>),
    SetRange(Option<(i64, i64)>),
    SetTab(Tab),
}

impl AppState {
    /// Applies an action; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::Search(q) => self.search = q,
            Action::Toggle(f, v) => self.filters.toggle(f, v),
            Action::SetSort(s) => self.sort = s,
            Action::Select(id) => self.selected = id,
            Action::ClearAll => {
                self.range = None;
                self.search.clear();
                self.filters.clear();
            }
            Action::Restore(s) => *self = *s,
            Action::DismissNotice => self.notice = None,
            Action::SetLanes(l) => self.lanes = l,
            Action::SetView(v) => self.view = v.filter(|&v| view_ok(v)),
            Action::SetRange(r) => self.range = r.map(|(a, b)| (a.min(b), a.max(b))),
            Action::SetTab(t) => self.tab = t,
        }
        *self != before
    }

    /// The part of the state that decides the results and facet counts (not the
    /// selection, the timeline window, the lanes, the tab or a notice): derived data is
    /// keyed on it, so zooming or selecting does not recompute them.
    pub fn filter_key(&self) -> AppState {
        AppState {
            search: self.search.clone(),
            filters: self.filters.clone(),
            sort: self.sort,
            range: self.range,
            ..AppState::default()
        }
    }

    /// Whether any filter is active.
    pub fn filtered(&self) -> bool {
        !(self.search.trim().is_empty() && self.range.is_none() && self.filters.is_empty())
    }

    pub fn query(&self) -> Query {
        query::parse(&self.search)
    }
}

/// Whether a timeline window (in days) may be used, from a link or a gesture: both ends
/// finite, the start before the end, no wider than twice [`MAX_SPAN`] (a fitted view
/// with its padding), and within [`MIN_VIEW_DAY`]..=[`MAX_VIEW_DAY`] (years 1 to 9999,
/// with room to pan past them). Anything else is dropped, never drawn:
/// at 3·10¹⁵ days an f64 cannot tell one six-hour tick from the next.
pub fn view_ok((a, b): (f64, f64)) -> bool {
    a.is_finite()
        && b.is_finite()
        && b > a
        && (b - a) <= MAX_SPAN * 2.0
        && a >= MIN_VIEW_DAY
        && b <= MAX_VIEW_DAY
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::search::SearchIndex;
    use crate::view::test_corpus::corpus;

    #[test]
    fn filters_key_ignores_view_selection_and_tab() {
        let c = corpus();
        let index = SearchIndex::build(&c);
        let mut s = AppState::default();
        s.apply(Action::Search("ready".into()));
        let key = s.filter_key();
        s.apply(Action::Select(Some(0)));
        s.apply(Action::SetView(Some((1.0, 2.0))));
        s.apply(Action::SetTab(Tab::Framing));
        s.apply(Action::SetLanes(LaneBy::Outlet));
        assert_eq!(s.filter_key(), key);
        assert_eq!(key.results(&c, &index), s.results(&c, &index));
        s.apply(Action::Toggle(Facet::Kind, "direct".into()));
        assert_ne!(s.filter_key(), key);
    }
}
