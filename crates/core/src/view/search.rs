//! Filtering: the per-corpus [`SearchIndex`] (each statement's folded text, the facet
//! slots), which statements match the search, the date range and the facets, and the
//! results in the chosen order.

use crate::corpus::{Corpus, StatementId};
use crate::text::fold;
use crate::text::sort::{sort, sort_by_key};
use crate::view::facet::Misses;
use crate::view::order::order_by_count_then_name;
use crate::view::query::Query;
use crate::view::state::{AppState, Sort};

impl AppState {
    /// Whether statement `id` passes every filter (but the facet `skip`).
    #[cfg(test)]
    pub(crate) fn passes(
        &self,
        corpus: &Corpus,
        id: StatementId,
        q: &Query,
        hay: &[String],
        skip: crate::view::facet::Facet,
    ) -> bool {
        let Some((e, sp, a)) = parts(corpus, id) else {
            return false;
        };
        self.filters.misses(e, sp, a).counts_for(skip) && self.in_range_and_found(e, q, &hay[id])
    }

    /// Whether a statement is in the date range and its folded text `hay` matches `q`.
    fn in_range_and_found(&self, e: &crate::corpus::Entry, q: &Query, hay: &str) -> bool {
        self.range
            .is_none_or(|(a, b)| e.when.is_known() && e.when.day >= a && e.when.day <= b)
            && (q.is_empty() || q.matches_folded(hay))
    }

    /// Whether statement `id` passes every facet; not the range or search. (A statement,
    /// speaker or article not in the corpus passes nothing.)
    fn passes_facets(&self, corpus: &Corpus, id: StatementId) -> bool {
        parts(corpus, id).is_some_and(|(e, sp, a)| self.filters.misses(e, sp, a) == Misses::None)
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
            .filter(|&i| matching.get(i) == Some(&true) && self.passes_facets(corpus, i))
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
        sort_by_key(&mut ids, |&i| (key(i), i));
        ids
    }
}

/// A statement with its speaker and article (`None` if any of them is not in the corpus,
/// which a checked corpus rules out).
pub(crate) fn parts(
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
pub(crate) fn bump(counts: &mut [usize], i: usize) {
    if let Some(n) = counts.get_mut(i) {
        *n += 1;
    }
}

/// The rank of each key among the distinct keys in sorted order (equal keys, equal ranks).
fn rank_of(keys: Vec<String>) -> Vec<u64> {
    let mut sorted: Vec<&str> = keys.iter().map(String::as_str).collect();
    sort(&mut sorted);
    sorted.dedup();
    keys.iter()
        .map(|k| sorted.binary_search(&k.as_str()).map_or(0, |r| r as u64))
        .collect()
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
pub(crate) const NONE: u32 = u32::MAX;

/// The statement's text and its speaker's name, folded: what a search matches.
fn folded_entry(corpus: &Corpus, e: &crate::corpus::Entry) -> String {
    hay(
        corpus
            .articles
            .get(e.article)
            .map_or("", |a| e.statement.span.of(&a.text)),
        corpus
            .speakers
            .get(e.speaker)
            .map_or("", |s| s.name.as_str()),
    )
}

/// What a search matches for a statement of this text and speaker: both folded, apart
/// (the archive reader checks its statements against the same).
pub fn hay(text: &str, speaker: &str) -> String {
    fold(&format!("{text} \u{1f} {speaker}"))
}

/// A [`SearchIndex`] built a slice of statements at a time (folding every statement's
/// text is most of the work), so that a page can paint and take input between slices.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    folded: Vec<String>,
}

impl IndexBuilder {
    /// Folds the next `n` statements' text; `true` once every statement is folded.
    pub fn step(&mut self, corpus: &Corpus, n: usize) -> bool {
        let from = self.folded.len();
        self.folded.extend(
            corpus
                .entries
                .iter()
                .skip(from)
                .take(n.max(1))
                .map(|e| folded_entry(corpus, e)),
        );
        self.folded.len() >= corpus.entries.len()
    }

    /// The index, once [`step`](Self::step) said every statement is folded (any left
    /// are folded now).
    pub fn finish(mut self, corpus: &Corpus) -> SearchIndex {
        while !self.step(corpus, usize::MAX) {}
        SearchIndex::with_folded(corpus, self.folded)
    }
}

impl SearchIndex {
    pub fn build(corpus: &Corpus) -> SearchIndex {
        IndexBuilder::default().finish(corpus)
    }

    /// The index, given every statement's folded text, in corpus order.
    fn with_folded(corpus: &Corpus, folded: Vec<String>) -> SearchIndex {
        let mut counts = vec![0usize; corpus.speakers.len()];
        for e in &corpus.entries {
            bump(&mut counts, e.speaker);
        }
        let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
        let order = order_by_count_then_name(&counts, &names);
        let mut affiliations: Vec<String> = corpus
            .speakers
            .iter()
            .map(|s| s.affiliation.clone())
            .filter(|a| !a.is_empty())
            .collect();
        sort(&mut affiliations);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::view::export::{citation, export_csv, export_json};
    use crate::view::facet::Facet;
    use crate::view::state::Action;
    use crate::view::test_corpus::corpus;

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
        s.apply(Action::Toggle(Facet::Outlet, "B".into()));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::Toggle(Facet::Kind, "direct".into()));
        assert_eq!(s.results(&c, &ix).len(), 0);
        assert!(s.apply(Action::ClearAll));
        assert_eq!(s.results(&c, &ix).len(), 3);
        assert!(!s.apply(Action::ClearAll));
        s.apply(Action::Toggle(Facet::Outlet, "A".into()));
        s.apply(Action::Toggle(Facet::Kind, "indirect".into()));
        let f = s.facet_counts(&c, &ix);
        // Outlet counts ignore the outlet selection but honour the kind filter.
        assert_eq!(
            f[Facet::Outlet],
            vec![("A".to_string(), 0), ("B".to_string(), 1)]
        );
        // Kind counts ignore the kind selection but honour the outlet filter.
        let kinds: Vec<(Kind, usize)> = f[Facet::Kind]
            .iter()
            .map(|(k, n)| (Kind::parse(k).unwrap(), *n))
            .collect();
        assert_eq!(
            kinds,
            vec![(Kind::Direct, 1), (Kind::Partial, 0), (Kind::Indirect, 0)]
        );
        assert_eq!(f[Facet::Affiliation], vec![("France".to_string(), 0)]);
    }

    #[test]
    fn speaker_facet_and_sort() {
        let c = corpus();
        let ix = SearchIndex::build(&c);
        let mut s = AppState::default();
        s.apply(Action::Toggle(Facet::Speaker, "Jean Roux".into()));
        assert_eq!(s.results(&c, &ix).len(), 1);
        s.apply(Action::Toggle(Facet::Speaker, "Jane Doe".into()));
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
            s.apply(Action::Toggle(Facet::Topic, "other".into()));
            let _ = s.results(&c, &index);
            let _ = s.facet_counts(&c, &index);
        }
        let ids = vec![0, 1, 2, usize::MAX];
        let cmp = crate::corpus::compare::Comparison::default();
        let _ = (export_json(&c, &cmp, &ids), export_csv(&c, &cmp, &ids));
        assert!(citation(&c, 0).is_none() && citation(&c, 1).is_none());
        assert_eq!(order_by_count_then_name(&[1, 2, 3], &["a"]), vec![2, 1, 0]);
    }
}
