//! The UI state machine: what the user has chosen, changed only through [`Action`]s by a
//! pure [`AppState::apply`]. No DOM here; the Yew layer renders it and dispatches actions.
//! Also the view's URL form (shareable links) and the exports of the filtered statements.

use crate::corpus::{Corpus, StatementId};
use crate::model::Kind;
use crate::view::query::{self, Query};
use crate::view::timeline::LaneBy;
use serde::Serialize;

use crate::text::fold;

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
    pub outlets: Vec<String>,
    pub kinds: Vec<Kind>,
    pub speakers: Vec<String>,
    pub affiliations: Vec<String>,
    /// Topic names; `topics::OTHER` selects statements without a topic.
    pub topics: Vec<String>,
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
    ToggleOutlet(String),
    ToggleKind(Kind),
    ToggleSpeaker(String),
    ToggleAffiliation(String),
    ToggleTopic(String),
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

/// Facet values with live counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub outlets: Vec<(String, usize)>,
    pub kinds: Vec<(Kind, usize)>,
    pub speakers: Vec<(String, usize)>,
    pub affiliations: Vec<(String, usize)>,
    pub topics: Vec<(String, usize)>,
}

fn toggle<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if let Some(i) = v.iter().position(|y| *y == x) {
        v.remove(i);
    } else {
        v.push(x);
    }
}

/// Which facet to leave out when counting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    None,
    Outlet,
    Kind,
    Speaker,
    Affiliation,
    Topic,
}

impl AppState {
    /// Applies an action; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::Search(q) => self.search = q,
            Action::ToggleOutlet(o) => toggle(&mut self.outlets, o),
            Action::ToggleKind(k) => toggle(&mut self.kinds, k),
            Action::ToggleSpeaker(s) => toggle(&mut self.speakers, s),
            Action::ToggleAffiliation(a) => toggle(&mut self.affiliations, a),
            Action::ToggleTopic(t) => toggle(&mut self.topics, t),
            Action::SetSort(s) => self.sort = s,
            Action::Select(id) => self.selected = id,
            Action::ClearAll => {
                self.range = None;
                self.search.clear();
                self.outlets.clear();
                self.kinds.clear();
                self.speakers.clear();
                self.affiliations.clear();
                self.topics.clear();
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
    pub fn filters(&self) -> AppState {
        AppState {
            search: self.search.clone(),
            outlets: self.outlets.clone(),
            kinds: self.kinds.clone(),
            speakers: self.speakers.clone(),
            affiliations: self.affiliations.clone(),
            topics: self.topics.clone(),
            sort: self.sort,
            range: self.range,
            ..AppState::default()
        }
    }

    /// Whether any filter is active.
    pub fn filtered(&self) -> bool {
        !(self.search.trim().is_empty()
            && self.range.is_none()
            && self.outlets.is_empty()
            && self.kinds.is_empty()
            && self.speakers.is_empty()
            && self.affiliations.is_empty()
            && self.topics.is_empty())
    }

    pub fn query(&self) -> Query {
        query::parse(&self.search)
    }

    /// Whether statement `id` passes every filter (but the facet `skip`).
    #[cfg(test)]
    fn passes(
        &self,
        corpus: &Corpus,
        id: StatementId,
        q: &Query,
        hay: &[String],
        skip: Skip,
    ) -> bool {
        self.passes_facets(corpus, id, skip)
            && self.in_range_and_found(&corpus.entries[id], q, &hay[id])
    }

    /// Whether a statement is in the date range and its folded text `hay` matches `q`.
    fn in_range_and_found(&self, e: &crate::corpus::Entry, q: &Query, hay: &str) -> bool {
        self.range
            .is_none_or(|(a, b)| e.when.is_known() && e.when.day >= a && e.when.day <= b)
            && (q.is_empty() || q.matches_folded(hay))
    }

    /// Whether statement `id` passes the facets (but `skip`); not the range or search.
    /// (A statement, speaker or article not in the corpus passes nothing.)
    fn passes_facets(&self, corpus: &Corpus, id: StatementId, skip: Skip) -> bool {
        let Some((e, sp, a)) = parts(corpus, id) else {
            return false;
        };
        (skip == Skip::Outlet || self.outlets.is_empty() || self.outlets.contains(&a.outlet))
            && (skip == Skip::Kind
                || self.kinds.is_empty()
                || self.kinds.contains(&e.statement.kind))
            && (skip == Skip::Speaker
                || self.speakers.is_empty()
                || self.speakers.contains(&sp.name))
            && (skip == Skip::Affiliation
                || self.affiliations.is_empty()
                || self.affiliations.contains(&sp.affiliation))
            && (skip == Skip::Topic || self.topics.is_empty() || {
                let tax = crate::corpus::topics::taxonomy();
                (e.topics.is_empty()
                    && self
                        .topics
                        .iter()
                        .any(|t| t == crate::corpus::topics::OTHER))
                    || e.topics
                        .iter()
                        .any(|(i, _)| tax.get(*i).is_some_and(|t| self.topics.contains(&t.name)))
            })
    }

    /// For each statement, whether it is in the date range and matches the search: the
    /// part of the filters that scans the text. Computed once per search or range and
    /// shared by [`AppState::results_in`] and [`AppState::facet_counts_in`], so a facet
    /// click does not search again, and a keystroke searches once, not twice.
    pub fn matching(&self, corpus: &Corpus, index: &SearchIndex) -> Vec<bool> {
        let q = self.query();
        corpus
            .entries
            .iter()
            .zip(&index.folded)
            .map(|(e, hay)| self.in_range_and_found(e, &q, hay))
            .collect()
    }

    /// The statements that pass every filter, in the chosen order.
    pub fn results(&self, corpus: &Corpus, index: &SearchIndex) -> Vec<StatementId> {
        self.results_in(corpus, &self.matching(corpus, index))
    }

    /// [`AppState::results`], given [`AppState::matching`] for this search and range.
    pub fn results_in(&self, corpus: &Corpus, matching: &[bool]) -> Vec<StatementId> {
        let mut ids: Vec<StatementId> = (0..corpus.entries.len())
            .filter(|&i| {
                matching.get(i) == Some(&true) && self.passes_facets(corpus, i, Skip::None)
            })
            .collect();
        // Each order is a number per statement, ties kept in article order: one sort (so
        // one copy of the sort code in the wasm), and no string compared, let alone
        // lower-cased, per comparison: outlets and speakers are ranked once, in tables
        // as long as the articles and the speakers.
        let ranks: Vec<u64> = match self.sort {
            Sort::Article => return ids,
            Sort::Time => Vec::new(),
            Sort::Outlet => rank_of(corpus.articles.iter().map(|a| a.outlet.clone()).collect()),
            Sort::Speaker => rank_of(
                corpus
                    .speakers
                    .iter()
                    .map(|s| s.name.to_lowercase())
                    .collect(),
            ),
        };
        let key = |i: StatementId| -> u64 {
            let Some(e) = corpus.entries.get(i) else {
                return u64::MAX;
            };
            let rank = |k: usize| ranks.get(k).copied().unwrap_or(u64::MAX);
            match self.sort {
                Sort::Outlet => rank(e.article),
                Sort::Speaker => rank(e.speaker),
                // Known dates first, by day (offset so that negative days sort too).
                _ => {
                    let day = (e.when.day.clamp(-(1 << 61), (1 << 61) - 1) + (1 << 61)) as u64;
                    day | u64::from(!e.when.is_known()) << 63
                }
            }
        };
        ids.sort_unstable_by_key(|&i| (key(i), i));
        ids
    }

    /// Live facet counts: for each value, how many results picking it would give with the
    /// other facets' filters applied (the facet's own selection is ignored).
    ///
    /// One pass: each statement is tested once against the search, the date range and
    /// every facet. One that fails no facet counts under every facet; one that fails
    /// exactly one facet counts only under that facet (whose own selection is ignored);
    /// one that fails two or more counts nowhere.
    pub fn facet_counts(&self, corpus: &Corpus, index: &SearchIndex) -> Facets {
        self.facet_counts_in(corpus, index, &self.matching(corpus, index))
    }

    /// [`AppState::facet_counts`], given [`AppState::matching`] for this search and range.
    pub fn facet_counts_in(
        &self,
        corpus: &Corpus,
        index: &SearchIndex,
        matching: &[bool],
    ) -> Facets {
        let tax = crate::corpus::topics::taxonomy();
        // Counted by the index's slots (no hashing of names per statement).
        let mut outlet_n = vec![0usize; index.outlets.len()];
        let mut kind_n = [0usize; Kind::ALL.len()];
        let mut speaker_n = vec![0usize; index.speakers_by_size.len()];
        let mut affiliation_n = vec![0usize; index.affiliations.len()];
        let mut topic_n = vec![0usize; tax.len() + 1];
        for id in 0..corpus.entries.len() {
            if matching.get(id) != Some(&true) {
                continue;
            }
            let Some((e, sp, a)) = parts(corpus, id) else {
                continue;
            };
            let outlet = a.outlet.as_str();
            let ok = [
                self.outlets.is_empty() || self.outlets.iter().any(|o| o == outlet),
                self.kinds.is_empty() || self.kinds.contains(&e.statement.kind),
                self.speakers.is_empty() || self.speakers.contains(&sp.name),
                self.affiliations.is_empty() || self.affiliations.contains(&sp.affiliation),
                self.topics.is_empty()
                    || (e.topics.is_empty()
                        && self
                            .topics
                            .iter()
                            .any(|t| t == crate::corpus::topics::OTHER))
                    || e.topics
                        .iter()
                        .any(|(i, _)| tax.get(*i).is_some_and(|t| self.topics.contains(&t.name))),
            ];
            let failed = ok
                .iter()
                .enumerate()
                .filter(|(_, &ok)| !ok)
                .fold(0u8, |m, (f, _)| m | 1 << f);
            let counts_for = |f: usize| failed == 0 || failed == 1 << f;
            if failed.count_ones() > 1 {
                continue;
            }
            // (A slot outside its table, which an index built from this corpus never
            // holds, counts nowhere.)
            let slot = |slots: &[u32], i: usize| slots.get(i).map_or(usize::MAX, |&s| s as usize);
            if counts_for(0) {
                bump(&mut outlet_n, slot(&index.outlet_slot, e.article));
            }
            if counts_for(1) {
                bump(&mut kind_n, e.statement.kind as usize);
            }
            if counts_for(2) {
                bump(&mut speaker_n, slot(&index.speaker_slot, e.speaker));
            }
            if counts_for(3) {
                if let Some(&a) = index
                    .affiliation_slot
                    .get(e.speaker)
                    .filter(|&&a| a != NONE)
                {
                    bump(&mut affiliation_n, a as usize);
                }
            }
            if counts_for(4) {
                if e.topics.is_empty() {
                    bump(&mut topic_n, tax.len());
                }
                for (i, _) in &e.topics {
                    bump(&mut topic_n, *i);
                }
            }
        }
        // A value's count is its slot's: a name shared by two speakers has one slot.
        let ordered =
            |order: &[String], slots: Option<&[u32]>, n: &[usize]| -> Vec<(String, usize)> {
                order
                    .iter()
                    .enumerate()
                    .map(|(k, name)| {
                        let slot = slots.map_or(Some(k), |s| s.get(k).map(|&s| s as usize));
                        (
                            name.clone(),
                            slot.and_then(|s| n.get(s)).copied().unwrap_or(0),
                        )
                    })
                    .collect()
            };
        let outlets = ordered(&index.outlets, None, &outlet_n);
        let kinds = Kind::ALL
            .iter()
            .map(|k| (*k, kind_n.get(*k as usize).copied().unwrap_or(0)))
            .collect();
        let mut speakers = ordered(
            &index.speakers_by_size,
            Some(&index.speaker_name_slot),
            &speaker_n,
        );
        // Keep selected speakers visible even at zero; order by count, then name.
        speakers.sort_by(by_count_then_name);
        let mut affiliations = ordered(&index.affiliations, None, &affiliation_n);
        affiliations.retain(|(a, _)| !a.is_empty());
        affiliations.sort_by(by_count_then_name);
        let mut topics: Vec<(String, usize)> = tax
            .iter()
            .map(|t| t.name.clone())
            .chain(std::iter::once(crate::corpus::topics::OTHER.to_string()))
            .zip(topic_n)
            .filter(|(name, n)| *n > 0 || self.topics.contains(name))
            .collect();
        topics.sort_by(by_count_then_name);
        Facets {
            outlets,
            kinds,
            speakers,
            affiliations,
            topics,
        }
    }

    /// The straightforward form of [`AppState::facet_counts`] (one pass per facet), kept
    /// to check the one-pass version against.
    #[cfg(test)]
    fn facet_counts_by_pass(&self, corpus: &Corpus, index: &SearchIndex) -> Facets {
        let q = self.query();
        let count = |skip: Skip,
                     key: &dyn Fn(StatementId) -> String,
                     order: Vec<String>|
         -> Vec<(String, usize)> {
            let mut counts: std::collections::HashMap<String, usize> =
                order.iter().map(|k| (k.clone(), 0)).collect();
            for id in 0..corpus.entries.len() {
                if self.passes(corpus, id, &q, &index.folded, skip) {
                    *counts.entry(key(id)).or_insert(0) += 1;
                }
            }
            order
                .into_iter()
                .map(|k| {
                    let n = counts.get(&k).copied().unwrap_or(0);
                    (k, n)
                })
                .collect()
        };
        let outlets = count(
            Skip::Outlet,
            &|id| corpus.articles[corpus.entries[id].article].outlet.clone(),
            index.outlets.clone(),
        );
        let kinds = count(
            Skip::Kind,
            &|id| corpus.entries[id].statement.kind.as_str().to_string(),
            Kind::ALL.iter().map(|k| k.as_str().to_string()).collect(),
        )
        .into_iter()
        .filter_map(|(k, n)| Kind::parse(&k).map(|k| (k, n)))
        .collect();
        let mut speakers = count(
            Skip::Speaker,
            &|id| corpus.speakers[corpus.entries[id].speaker].name.clone(),
            index.speakers_by_size.clone(),
        );
        // Keep selected speakers visible even at zero; order by count, then name.
        speakers.sort_by(by_count_then_name);
        let mut affiliations = count(
            Skip::Affiliation,
            &|id| {
                corpus.speakers[corpus.entries[id].speaker]
                    .affiliation
                    .clone()
            },
            index.affiliations.clone(),
        );
        affiliations.retain(|(a, _)| !a.is_empty());
        affiliations.sort_by(by_count_then_name);
        // Topics: a statement counts once under each of its topics (or under "other").
        let tax = crate::corpus::topics::taxonomy();
        let mut topic_counts = vec![0usize; tax.len() + 1];
        for id in 0..corpus.entries.len() {
            if self.passes(corpus, id, &q, &index.folded, Skip::Topic) {
                let t = &corpus.entries[id].topics;
                if t.is_empty() {
                    topic_counts[tax.len()] += 1;
                }
                for (i, _) in t {
                    topic_counts[*i] += 1;
                }
            }
        }
        let mut topics: Vec<(String, usize)> = tax
            .iter()
            .map(|t| t.name.clone())
            .chain(std::iter::once(crate::corpus::topics::OTHER.to_string()))
            .zip(topic_counts)
            .filter(|(name, n)| *n > 0 || self.topics.contains(name))
            .collect();
        topics.sort_by(by_count_then_name);
        Facets {
            outlets,
            kinds,
            speakers,
            affiliations,
            topics,
        }
    }

    /// The view as URL parameters (for the fragment of a shareable link).
    pub fn to_params(&self, corpus: &Corpus) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if !self.search.is_empty() {
            p.push(("q", self.search.clone()));
        }
        p.extend(self.outlets.iter().map(|o| ("outlet", o.clone())));
        p.extend(self.kinds.iter().map(|k| ("kind", k.as_str().to_string())));
        p.extend(self.speakers.iter().map(|s| ("speaker", s.clone())));
        p.extend(self.affiliations.iter().map(|a| ("affiliation", a.clone())));
        p.extend(self.topics.iter().map(|t| ("topic", t.clone())));
        if self.sort != Sort::Article {
            p.push(("sort", self.sort.as_str().to_string()));
        }
        if let Some(e) = self.selected.and_then(|i| corpus.entries.get(i)) {
            p.push(("sel", e.id.clone()));
        }
        if self.lanes != LaneBy::Speaker {
            p.push(("lanes", self.lanes.as_str().to_string()));
        }
        if self.tab != Tab::Statements {
            p.push(("tab", self.tab.as_str().to_string()));
        }
        if let Some((a, b)) = self.view {
            p.push(("view", format!("{a:.3},{b:.3}")));
        }
        if let Some((a, b)) = self.range {
            let label = |d: i64| {
                crate::corpus::dates::When {
                    day: d,
                    precision: crate::corpus::dates::Precision::Day,
                }
                .label()
            };
            if a != i64::MIN {
                p.push(("from", label(a)));
            }
            if b != i64::MAX {
                p.push(("to", label(b)));
            }
        }
        p
    }

    /// Reads a view from URL parameters. Unknown values are dropped with a notice, so a
    /// hand-edited or stale link falls back to the nearest valid view.
    pub fn from_params(params: &[(String, String)], corpus: &Corpus) -> AppState {
        let mut s = AppState::default();
        let mut dropped: Vec<String> = Vec::new();
        let outlets = corpus.outlets();
        for (k, v) in params {
            match k.as_str() {
                "q" => s.search = v.chars().take(500).collect(),
                "outlet" if outlets.contains(&v.as_str()) => {
                    toggle_unique(&mut s.outlets, v.clone())
                }
                "kind" => match Kind::parse(v) {
                    Some(kind) => toggle_unique(&mut s.kinds, kind),
                    None => dropped.push(format!("kind “{}”", short(v))),
                },
                "speaker" if corpus.speakers.iter().any(|sp| &sp.name == v) => {
                    toggle_unique(&mut s.speakers, v.clone())
                }
                "affiliation"
                    if corpus
                        .speakers
                        .iter()
                        .any(|sp| &sp.affiliation == v && !v.is_empty()) =>
                {
                    toggle_unique(&mut s.affiliations, v.clone())
                }
                "topic"
                    if v == crate::corpus::topics::OTHER
                        || crate::corpus::topics::taxonomy()
                            .iter()
                            .any(|t| &t.name == v) =>
                {
                    toggle_unique(&mut s.topics, v.clone())
                }
                "sort" => match Sort::parse(v) {
                    Some(sort) => s.sort = sort,
                    None => dropped.push(format!("sort “{}”", short(v))),
                },
                "sel" => match corpus.entries.iter().position(|e| &e.id == v) {
                    Some(i) => s.selected = Some(i),
                    None => dropped.push("the selected statement".into()),
                },
                "lanes" => match LaneBy::parse(v) {
                    Some(l) => s.lanes = l,
                    None => dropped.push(format!("lanes “{}”", short(v))),
                },
                "tab" => match Tab::parse(v) {
                    Some(t) => s.tab = t,
                    None => dropped.push(format!("view “{}”", short(v))),
                },
                "view" => match v
                    .split_once(',')
                    .and_then(|(a, b)| Some((a.parse::<f64>().ok()?, b.parse::<f64>().ok()?)))
                    .filter(|&view| view_ok(view))
                {
                    Some(view) => s.view = Some(view),
                    None => dropped.push(format!("timeline view “{}”", short(v))),
                },
                "from" | "to" => match link_date(v) {
                    Some(w) => {
                        let (a, b) = s.range.unwrap_or((i64::MIN, i64::MAX));
                        s.range = Some(if k == "from" { (w.day, b) } else { (a, w.day) });
                    }
                    None => dropped.push(format!("date “{}”", short(v))),
                },
                "outlet" | "speaker" | "affiliation" | "topic" => {
                    dropped.push(format!("{k} “{}”", short(v)))
                }
                _ => dropped.push(format!("“{}”", short(k))),
            }
        }
        // A half-open range from a hand-edited link: the missing end is unbounded.
        if let Some((a, b)) = s.range {
            if a > b {
                s.range = Some((b, a));
            }
        }
        if !dropped.is_empty() {
            s.notice = Some(format!(
                "Part of this link could not be used and was left out: {}.",
                dropped.join(", ")
            ));
        }
        s
    }
}

/// Whether a timeline window (in days) may be used, from a link or a gesture: both ends
/// finite, the start before the end, no wider than twice [`MAX_SPAN`](crate::view::timeline::MAX_SPAN)
/// (a fitted view with its padding), and within
/// [`MIN_VIEW_DAY`](crate::view::timeline::MIN_VIEW_DAY)..=[`MAX_VIEW_DAY`](crate::view::timeline::MAX_VIEW_DAY)
/// (years 1 to 9999, with room to pan past them). Anything else is dropped, never drawn:
/// at 3·10¹⁵ days an f64 cannot tell one six-hour tick from the next.
pub fn view_ok((a, b): (f64, f64)) -> bool {
    use crate::view::timeline::{MAX_SPAN, MAX_VIEW_DAY, MIN_VIEW_DAY};
    a.is_finite()
        && b.is_finite()
        && b > a
        && (b - a) <= MAX_SPAN * 2.0
        && a >= MIN_VIEW_DAY
        && b <= MAX_VIEW_DAY
}

/// A link's `from` or `to`: a full date (`YYYY-MM-DD`) in the years 1 to 9999, as a day.
/// The year is checked before the date is turned into a day, so an absurd year cannot
/// overflow the day arithmetic.
pub fn link_date(v: &str) -> Option<crate::corpus::dates::When> {
    let year: i64 = v.trim().split('-').next()?.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    crate::corpus::dates::parse_iso(v)
        .filter(|w| w.precision == crate::corpus::dates::Precision::Day)
        .filter(|w| {
            (crate::corpus::dates::MIN_DAY..=crate::corpus::dates::MAX_DAY).contains(&w.day)
        })
}

/// Encodes parameters as a URL fragment (`q=a%20b&outlet=X`), percent-encoding UTF-8.
pub fn params_to_fragment(params: &[(&str, String)]) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    params
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes a URL fragment (with or without `#`) into parameters; malformed escapes are
/// kept literally, invalid UTF-8 is replaced, so any string gives some answer.
pub fn fragment_to_params(fragment: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'+' => out.push(b' '),
                b'%' => match b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                },
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (dec(k), dec(v)),
            None => (dec(p), String::new()),
        })
        .collect()
}

fn toggle_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// A statement with its speaker and article (`None` if any of them is not in the corpus,
/// which a checked corpus rules out).
fn parts(
    corpus: &Corpus,
    id: StatementId,
) -> Option<(
    &crate::corpus::Entry,
    &crate::corpus::Speaker,
    &crate::corpus::Article,
)> {
    let e = corpus.entries.get(id)?;
    Some((
        e,
        corpus.speakers.get(e.speaker)?,
        corpus.articles.get(e.article)?,
    ))
}

/// Adds one to `counts[i]`, if there is such a slot.
fn bump(counts: &mut [usize], i: usize) {
    if let Some(n) = counts.get_mut(i) {
        *n += 1;
    }
}

/// The rank of each key among the distinct keys in sorted order (equal keys, equal ranks).
fn rank_of(keys: Vec<String>) -> Vec<u64> {
    let mut sorted: Vec<&str> = keys.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    keys.iter()
        .map(|k| sorted.binary_search(&k.as_str()).map_or(0, |r| r as u64))
        .collect()
}

/// Facet values: the biggest count first, then by name. (One function for every facet,
/// so the wasm holds one copy of the sort.)
fn by_count_then_name(a: &(String, usize), b: &(String, usize)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Precomputed per-corpus data for fast filtering: each statement's folded text plus
/// speaker name, and speakers ordered by statement count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub folded: Vec<String>,
    /// Distinct outlets in article order (the outlet facet's order).
    pub outlets: Vec<String>,
    pub speakers_by_size: Vec<String>,
    pub affiliations: Vec<String>,
    /// For the facet counts: each article's outlet as a position in `outlets`.
    pub outlet_slot: Vec<u32>,
    /// Each speaker's name as the position of its first occurrence in
    /// `speakers_by_size` (speakers who share a name share a slot).
    pub speaker_slot: Vec<u32>,
    /// The slot of each name in `speakers_by_size`.
    pub speaker_name_slot: Vec<u32>,
    /// Each speaker's affiliation as a position in `affiliations`, or [`NONE`].
    pub affiliation_slot: Vec<u32>,
}

/// No slot: a speaker without an affiliation.
const NONE: u32 = u32::MAX;

impl SearchIndex {
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let folded = corpus
            .entries
            .iter()
            .map(|e| {
                fold(&format!(
                    "{} \u{1f} {}",
                    corpus
                        .articles
                        .get(e.article)
                        .map_or("", |a| e.statement.span.of(&a.text)),
                    corpus
                        .speakers
                        .get(e.speaker)
                        .map_or("", |s| s.name.as_str())
                ))
            })
            .collect();
        let mut counts = vec![0usize; corpus.speakers.len()];
        for e in &corpus.entries {
            bump(&mut counts, e.speaker);
        }
        let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
        let order = crate::view::facets::order_by_count_then_name(&counts, &names);
        let mut affiliations: Vec<String> = corpus
            .speakers
            .iter()
            .map(|s| s.affiliation.clone())
            .filter(|a| !a.is_empty())
            .collect();
        affiliations.sort();
        affiliations.dedup();
        let outlets: Vec<String> = corpus.outlets().into_iter().map(str::to_string).collect();
        let speakers_by_size: Vec<String> = order
            .into_iter()
            .filter_map(|i| corpus.speakers.get(i).map(|s| s.name.clone()))
            .collect();
        let first_of = |names: &[String]| -> std::collections::HashMap<String, u32> {
            let mut m = std::collections::HashMap::new();
            for (k, n) in names.iter().enumerate() {
                m.entry(n.clone()).or_insert(k as u32);
            }
            m
        };
        let outlet_at = first_of(&outlets);
        let speaker_at = first_of(&speakers_by_size);
        // Every name is in its table (both are made from the corpus just above); one that
        // were not would count in no slot.
        let at = |m: &std::collections::HashMap<String, u32>, k: &String| {
            m.get(k).copied().unwrap_or(NONE)
        };
        SearchIndex {
            folded,
            outlet_slot: corpus
                .articles
                .iter()
                .map(|a| at(&outlet_at, &a.outlet))
                .collect(),
            speaker_slot: corpus
                .speakers
                .iter()
                .map(|s| at(&speaker_at, &s.name))
                .collect(),
            speaker_name_slot: speakers_by_size
                .iter()
                .map(|n| at(&speaker_at, n))
                .collect(),
            affiliation_slot: corpus
                .speakers
                .iter()
                .map(|s| {
                    affiliations
                        .binary_search(&s.affiliation)
                        .map_or(NONE, |k| k as u32)
                })
                .collect(),
            outlets,
            speakers_by_size,
            affiliations,
        }
    }
}

/// One exported statement.
#[derive(Serialize)]
pub struct ExportRow<'a> {
    pub id: &'a str,
    pub speaker: &'a str,
    pub role: &'a str,
    pub affiliation: &'a str,
    pub outlet: &'a str,
    pub article: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub cue: Option<&'a str>,
    pub confidence: f32,
    pub topics: Vec<String>,
    pub date: Option<String>,
    pub date_precision: &'static str,
}

fn rows<'a>(corpus: &'a Corpus, ids: &[StatementId]) -> Vec<ExportRow<'a>> {
    ids.iter()
        .filter_map(|&i| parts(corpus, i))
        .map(|(e, sp, a)| ExportRow {
            id: &e.id,
            speaker: &sp.name,
            role: &sp.role,
            affiliation: &sp.affiliation,
            outlet: &a.outlet,
            article: &a.name,
            kind: e.statement.kind.as_str(),
            text: e.statement.span.of(&a.text),
            start: e.statement.span.start,
            end: e.statement.span.end,
            cue: e.statement.cue.map(|c| c.of(&a.text)),
            confidence: e.statement.confidence,
            topics: e
                .topics
                .iter()
                .filter_map(|(i, _)| crate::corpus::topics::taxonomy().get(*i))
                .map(|t| t.name.clone())
                .collect(),
            date: e.when.is_known().then(|| e.when.label()),
            date_precision: match e.when.precision {
                crate::corpus::dates::Precision::Day => "day",
                crate::corpus::dates::Precision::Month => "month",
                crate::corpus::dates::Precision::Year => "year",
                crate::corpus::dates::Precision::Unknown => "unknown",
            },
        })
        .collect()
}

/// The statements as pretty JSON (an array of objects).
pub fn export_json(corpus: &Corpus, ids: &[StatementId]) -> String {
    serde_json::to_string_pretty(&rows(corpus, ids)).unwrap_or_else(|_| "[]".into())
}

fn csv_field(s: &str) -> String {
    // Quote every text field; double inner quotes; neutralise spreadsheet formulas.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The statements as CSV (RFC 4180, a header row, every text field quoted).
pub fn export_csv(corpus: &Corpus, ids: &[StatementId]) -> String {
    let mut out = String::from("id,speaker,role,affiliation,outlet,article,kind,text,start,end,cue,confidence,topics,date,date_precision\r\n");
    for r in rows(corpus, ids) {
        let fields = [
            csv_field(r.id),
            csv_field(r.speaker),
            csv_field(r.role),
            csv_field(r.affiliation),
            csv_field(r.outlet),
            csv_field(r.article),
            r.kind.to_string(),
            csv_field(r.text),
            r.start.to_string(),
            r.end.to_string(),
            csv_field(r.cue.unwrap_or("")),
            format!("{:.2}", r.confidence),
            csv_field(&r.topics.join(";")),
            csv_field(r.date.as_deref().unwrap_or("")),
            r.date_precision.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A citation for one statement: speaker, words, outlet, headline, date, URL, position.
pub fn citation(corpus: &Corpus, id: StatementId) -> Option<String> {
    let (e, sp, a) = parts(corpus, id)?;
    let words = e.statement.span.of(&a.text).trim_end_matches([',', ' ']);
    let quoted = if e.statement.kind == Kind::Indirect {
        format!("(reported) {words}")
    } else {
        format!("“{words}”")
    };
    let mut parts = vec![format!("{}: {}", sp.name, quoted), a.outlet.clone()];
    if !a.meta.headline.is_empty() {
        parts.push(format!("“{}”", a.meta.headline));
    }
    if !a.meta.date.is_empty() {
        parts.push(a.meta.date.clone());
    }
    if !a.meta.url.is_empty() {
        parts.push(a.meta.url.clone());
    }
    parts.push(format!(
        "{}, bytes {}–{}",
        a.name, e.statement.span.start, e.statement.span.end
    ));
    Some(parts.join(". ") + ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleMeta, Input};

    fn corpus() -> Corpus {
        Corpus::build(vec![
            Input { name: "a.txt", text: "“Élan is fine,” said Jane Doe.", meta: ArticleMeta { outlet: "A".into(), ..Default::default() } },
            Input { name: "b.txt", text: "Jane Doe said the plan was ready.\n“=SUM(1) is \"odd\",” said French President Jean Roux.", meta: ArticleMeta { outlet: "B".into(), ..Default::default() } },
        ])
    }

    #[test]
    fn filters_combine() {
        let c = corpus();
        let ix = SearchIndex::build(&c);
        let mut s = AppState::default();
        assert_eq!(s.results(&c, &ix).len(), 3);
        assert!(s.apply(Action::Search("elan".into())));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::Search("doe -elan".into()));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::Search("doe".into()));
        s.apply(Action::ToggleOutlet("B".into()));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::ToggleKind(Kind::Direct));
        assert_eq!(s.results(&c, &ix).len(), 0);
        assert!(s.apply(Action::ClearAll));
        assert_eq!(s.results(&c, &ix).len(), 3);
        assert!(!s.apply(Action::ClearAll));
        s.apply(Action::ToggleOutlet("A".into()));
        s.apply(Action::ToggleKind(Kind::Indirect));
        let f = s.facet_counts(&c, &ix);
        // Outlet counts ignore the outlet selection but honour the kind filter.
        assert_eq!(f.outlets, vec![("A".to_string(), 0), ("B".to_string(), 1)]);
        // Kind counts ignore the kind selection but honour the outlet filter.
        assert_eq!(
            f.kinds,
            vec![(Kind::Direct, 1), (Kind::Partial, 0), (Kind::Indirect, 0)]
        );
        assert_eq!(f.affiliations, vec![("France".to_string(), 0)]);
    }

    #[test]
    fn speaker_facet_and_sort() {
        let c = corpus();
        let ix = SearchIndex::build(&c);
        let mut s = AppState::default();
        s.apply(Action::ToggleSpeaker("Jean Roux".into()));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::ToggleSpeaker("Jane Doe".into()));
        assert_eq!(s.results(&c, &ix).len(), 3, "OR within a facet");
        s.apply(Action::SetSort(Sort::Speaker));
        let names: Vec<&str> = s
            .results(&c, &ix)
            .iter()
            .map(|&i| c.speakers[c.entries[i].speaker].name.as_str())
            .collect();
        assert_eq!(names, vec!["Jane Doe", "Jane Doe", "Jean Roux"]);
    }

    /// The ranked sorts give the order of the plain comparisons they replaced.
    #[test]
    fn sorting_by_rank_equals_sorting_by_comparison() {
        let c = crate::test_seeds::seed_corpus();
        let index = SearchIndex::build(&c);
        let all: Vec<StatementId> = (0..c.entries.len()).collect();
        let by = |cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering| {
            let mut v = all.clone();
            v.sort_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
            v
        };
        let expected = [
            (
                Sort::Time,
                by(&|a, b| {
                    let (x, y) = (c.entries[a].when, c.entries[b].when);
                    (!x.is_known(), x.day).cmp(&(!y.is_known(), y.day))
                }),
            ),
            (
                Sort::Outlet,
                by(&|a, b| {
                    c.articles[c.entries[a].article]
                        .outlet
                        .cmp(&c.articles[c.entries[b].article].outlet)
                }),
            ),
            (
                Sort::Speaker,
                by(&|a, b| {
                    c.speakers[c.entries[a].speaker]
                        .name
                        .to_lowercase()
                        .cmp(&c.speakers[c.entries[b].speaker].name.to_lowercase())
                }),
            ),
        ];
        for (sort, want) in expected {
            let mut s = AppState::default();
            s.apply(Action::SetSort(sort));
            let got = s.results(&c, &index);
            assert_eq!(got, want, "{sort:?}");
            assert_ne!(got, all, "{sort:?} changes the order of the seeds");
        }
    }

    #[test]
    fn one_pass_facet_counts_equal_the_per_facet_passes() {
        let c = crate::test_seeds::seed_corpus();
        let index = SearchIndex::build(&c);
        let outlets: Vec<String> = c.outlets().iter().map(|s| s.to_string()).collect();
        let mut states = vec![AppState::default()];
        for (k, search) in ["", "security", "\"largely finished\"", "-said", "zelensky"]
            .iter()
            .enumerate()
        {
            let mut s = AppState::default();
            s.apply(Action::Search(search.to_string()));
            states.push(s.clone());
            s.apply(Action::ToggleOutlet(outlets[k % outlets.len()].clone()));
            states.push(s.clone());
            s.apply(Action::ToggleKind(Kind::ALL[k % Kind::ALL.len()]));
            states.push(s.clone());
            s.apply(Action::ToggleSpeaker("Steve Witkoff".into()));
            states.push(s.clone());
            s.apply(Action::ToggleTopic("security guarantees".into()));
            states.push(s.clone());
            s.apply(Action::ToggleTopic("other".into()));
            s.apply(Action::ToggleAffiliation("United States".into()));
            states.push(s.clone());
            s.apply(Action::SetRange(Some((20459, 20460))));
            states.push(s);
        }
        for s in &states {
            assert_eq!(
                s.facet_counts(&c, &index),
                s.facet_counts_by_pass(&c, &index),
                "{s:?}"
            );
        }
    }

    #[test]
    fn filters_key_ignores_view_selection_and_tab() {
        let c = corpus();
        let index = SearchIndex::build(&c);
        let mut s = AppState::default();
        s.apply(Action::Search("ready".into()));
        let key = s.filters();
        s.apply(Action::Select(Some(0)));
        s.apply(Action::SetView(Some((1.0, 2.0))));
        s.apply(Action::SetTab(Tab::Framing));
        s.apply(Action::SetLanes(LaneBy::Outlet));
        assert_eq!(s.filters(), key);
        assert_eq!(key.results(&c, &index), s.results(&c, &index));
        s.apply(Action::ToggleKind(Kind::Direct));
        assert_ne!(s.filters(), key);
    }

    #[test]
    fn url_round_trip_and_bad_links() {
        let c = corpus();
        let mut s = AppState::default();
        s.apply(Action::Search("plan \"was ready\"".into()));
        s.apply(Action::ToggleOutlet("B".into()));
        s.apply(Action::ToggleKind(Kind::Indirect));
        s.apply(Action::ToggleSpeaker("Jane Doe".into()));
        s.apply(Action::SetSort(Sort::Outlet));
        s.apply(Action::ToggleTopic("other".into()));
        s.apply(Action::Select(Some(1)));
        s.apply(Action::SetLanes(LaneBy::Outlet));
        s.apply(Action::SetView(Some((20000.5, 20010.25))));
        s.apply(Action::SetRange(Some((20003, 20001))));
        s.apply(Action::SetTab(Tab::Coverage));
        assert_eq!(s.range, Some((20001, 20003)));
        let params: Vec<(String, String)> = s
            .to_params(&c)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(AppState::from_params(&params, &c), s);
        let junk = vec![
            ("outlet".to_string(), "Nowhere Times".to_string()),
            ("kind".into(), "shouted".into()),
            ("sel".into(), "gone.txt@1-2".into()),
            ("zzz".into(), "1".into()),
            ("speaker".into(), "Jane Doe".into()),
            ("view".into(), "NaN,1".into()),
            ("from".into(), "2026-13-40".into()),
            ("tab".into(), "spreadsheet".into()),
        ];
        let half = AppState::from_params(&[("from".to_string(), "2026-01-05".to_string())], &c);
        assert_eq!(half.range.unwrap().1, i64::MAX);
        assert_eq!(half.to_params(&c), vec![("from", "2026-01-05".to_string())]);
        let r = AppState::from_params(&junk, &c);
        assert_eq!(r.speakers, vec!["Jane Doe"]);
        assert!(r.outlets.is_empty() && r.kinds.is_empty() && r.selected.is_none());
        let notice = r.notice.unwrap();
        assert!(
            notice.contains("Nowhere Times")
                && notice.contains("shouted")
                && notice.contains("selected statement"),
            "{notice}"
        );
        assert!(r.view.is_none() && r.range.is_none() && notice.contains("2026-13-40"));
        assert!(r.tab == Tab::Statements && notice.contains("spreadsheet"));
    }

    /// Every value from a link is untrusted. The reported link froze the tab ~9 s, then
    /// panicked with "capacity overflow" in the timeline's ticks.
    #[test]
    fn absurd_link_values_are_dropped_with_the_notice() {
        let c = corpus();
        let link = |fragment: &str| AppState::from_params(&fragment_to_params(fragment), &c);
        for fragment in [
            "#view=3000000000000000,3000000000000002",
            "#view=-3000000000000002,-3000000000000000",
            "#view=NaN,1",
            "#view=1,NaN",
            "#view=inf,inf",
            "#view=-inf,inf",
            "#view=0,infinity",
            "#view=10,0",
            "#view=5,5",
            "#view=-5,-10",
            "#view=1e308,1.7976931348623157e308",
            "#view=3000000,3000010",
            "#view=-800000,-799990",
            "#view=0,100000",
            "#view=1,2,3",
            "#view=",
        ] {
            let s = link(fragment);
            assert!(s.view.is_none(), "{fragment}: {:?}", s.view);
            let notice = s.notice.unwrap_or_default();
            assert!(notice.contains("timeline view"), "{fragment}: {notice}");
        }
        for fragment in [
            "#from=0000-01-01",
            "#to=10000-01-01",
            "#from=9223372036854775807-01-01",
            "#to=-5-01-01",
            "#from=99999999999999999999-01-01",
            "#from=2026-02-30",
            "#to=2026",
        ] {
            let s = link(fragment);
            assert!(s.range.is_none(), "{fragment}: {:?}", s.range);
            assert!(s.notice.unwrap_or_default().contains("date"), "{fragment}");
        }
        // In range: kept, as before.
        let s = link("#view=20000.5,20010.25&from=0001-01-01&to=9999-12-31");
        assert_eq!(s.view, Some((20000.5, 20010.25)));
        assert_eq!(
            s.range,
            Some((crate::corpus::dates::MIN_DAY, crate::corpus::dates::MAX_DAY))
        );
        assert!(s.notice.is_none());
        // A gesture's view is held to the same rules.
        let mut s = AppState::default();
        for v in [
            (3e15, 3e15 + 2.0),
            (f64::NAN, 1.0),
            (0.0, f64::INFINITY),
            (2.0, 1.0),
        ] {
            assert!(!s.apply(Action::SetView(Some(v))), "{v:?}");
            assert!(s.view.is_none());
        }
        assert!(s.apply(Action::SetView(Some((1.0, 2.0)))));
    }

    /// A corpus whose indices point nowhere (which a checked corpus file rules out) still
    /// gives results, counts and exports without a panic: such statements are left out.
    #[test]
    fn stray_indices_are_left_out_not_a_panic() {
        let mut c = corpus();
        c.entries[0].speaker = usize::MAX;
        c.entries[1].article = usize::MAX;
        c.entries[2].topics = vec![(usize::MAX, Vec::new())];
        let index = SearchIndex::build(&c);
        for sort in Sort::ALL {
            let mut s = AppState::default();
            s.apply(Action::SetSort(sort));
            s.apply(Action::ToggleTopic("other".into()));
            let _ = s.results(&c, &index);
            let _ = s.facet_counts(&c, &index);
        }
        let ids = vec![0, 1, 2, usize::MAX];
        let _ = (export_json(&c, &ids), export_csv(&c, &ids));
        assert!(citation(&c, 0).is_none() && citation(&c, 1).is_none());
        assert_eq!(
            crate::view::facets::order_by_count_then_name(&[1, 2, 3], &["a"]),
            vec![2, 1, 0]
        );
    }

    #[test]
    fn fragments_round_trip_and_survive_junk() {
        let p = vec![
            ("q", "Élysée \"a&b\" 100%".to_string()),
            ("outlet", "POLITICO".to_string()),
        ];
        let f = params_to_fragment(&p);
        assert!(!f.contains(' ') && !f.contains('"'));
        let back = fragment_to_params(&format!("#{f}"));
        assert_eq!(
            back,
            vec![
                ("q".to_string(), "Élysée \"a&b\" 100%".to_string()),
                ("outlet".into(), "POLITICO".into())
            ]
        );
        for junk in ["%", "%zz", "a=%E2%82", "==&&=", "q=%FF%FE", "#"] {
            let _ = fragment_to_params(junk);
        }
        assert_eq!(
            fragment_to_params("q=%zz"),
            vec![("q".to_string(), "%zz".to_string())]
        );
    }

    #[test]
    fn exports() {
        let c = corpus();
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let json: serde_json::Value = serde_json::from_str(&export_json(&c, &ids)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 3);
        assert_eq!(json[0]["text"], "Élan is fine,");
        let csv = export_csv(&c, &ids);
        assert_eq!(csv.lines().count(), 4);
        assert!(
            csv.contains("\"'=SUM(1) is \"\"odd\"\",\""),
            "formula neutralised and quotes doubled: {csv}"
        );
        let cite = citation(&c, 0).unwrap();
        assert!(
            cite.starts_with("Jane Doe: “Élan is fine”. A.") && cite.contains("a.txt, bytes"),
            "{cite}"
        );
    }
}
