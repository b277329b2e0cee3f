//! The facets' live counts ([`Facets`]): for each value of each facet of the registry
//! (`facet`), how many results picking it would give. How a facet's statements are
//! counted by the search index's slots is its arm in the `match`es below.

use crate::corpus::topics::{self, Topic};
use crate::corpus::{Corpus, Entry};
use crate::model::Kind;
use crate::text::sort::sort_by;
use crate::view::facet::{ByFacet, Facet};
use crate::view::order::by_count_then_name;
use crate::view::search::{bump, parts, SearchIndex, NONE};
use crate::view::state::AppState;

/// Facet values with live counts, per facet, in the order the panel lists them.
pub type Facets = ByFacet<Vec<(String, usize)>>;

/// How many count slots facet `f` has in `index` (a statement counts in the slots of its
/// values; values that share a name share a slot).
fn slots(f: Facet, index: &SearchIndex, tax: &[Topic]) -> usize {
    match f {
        Facet::Outlet => index.outlets.len(),
        Facet::Kind => Kind::ALL.len(),
        Facet::Speaker => index.speakers_by_size.len(),
        Facet::Affiliation => index.affiliations.len(),
        // Every topic, then "other".
        Facet::Topic => tax.len() + 1,
    }
}

/// Counts statement `e` in its slots of facet `f`. (A slot outside its table, which an
/// index built from this corpus never holds, counts nowhere.)
fn count(f: Facet, index: &SearchIndex, tax: &[Topic], e: &Entry, n: &mut [usize]) {
    let slot = |slots: &[u32], i: usize| slots.get(i).map_or(usize::MAX, |&s| s as usize);
    match f {
        Facet::Outlet => bump(n, slot(&index.outlet_slot, e.article)),
        Facet::Kind => bump(n, e.statement.kind as usize),
        Facet::Speaker => bump(n, slot(&index.speaker_slot, e.speaker)),
        Facet::Affiliation => {
            if let Some(&a) = index
                .affiliation_slot
                .get(e.speaker)
                .filter(|&&a| a != NONE)
            {
                bump(n, a as usize);
            }
        }
        Facet::Topic => {
            if e.topics.is_empty() {
                bump(n, tax.len());
            }
            for (i, _) in &e.topics {
                bump(n, *i);
            }
        }
    }
}

/// A value's count is its slot's: a name shared by two speakers has one slot.
fn ordered(order: &[String], slots: Option<&[u32]>, n: &[usize]) -> Vec<(String, usize)> {
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
}

impl AppState {
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
        let tax = topics::taxonomy();
        // Counted by the index's slots (no hashing of names per statement).
        let mut n = ByFacet::from_fn(|f| vec![0usize; slots(f, index, tax)]);
        for id in 0..corpus.entries.len() {
            if matching.get(id) != Some(&true) {
                continue;
            }
            let Some((e, sp, a)) = parts(corpus, id) else {
                continue;
            };
            let misses = self.filters.misses(e, sp, a);
            for f in Facet::ALL {
                if misses.counts_for(f) {
                    count(f, index, tax, e, &mut n[f]);
                }
            }
        }
        ByFacet::from_fn(|f| self.listed(f, index, tax, &n[f]))
    }

    /// Facet `f`'s values with their counts `n` (by slot), in the panel's order.
    fn listed(
        &self,
        f: Facet,
        index: &SearchIndex,
        tax: &[Topic],
        n: &[usize],
    ) -> Vec<(String, usize)> {
        match f {
            Facet::Outlet => ordered(&index.outlets, None, n),
            Facet::Kind => Kind::ALL
                .iter()
                .map(|k| {
                    let count = n.get(*k as usize).copied().unwrap_or(0);
                    (k.as_str().to_string(), count)
                })
                .collect(),
            Facet::Speaker => {
                let mut speakers =
                    ordered(&index.speakers_by_size, Some(&index.speaker_name_slot), n);
                // Keep selected speakers visible even at zero; order by count, then name.
                sort_by(&mut speakers, by_count_then_name);
                speakers
            }
            Facet::Affiliation => {
                let mut affiliations = ordered(&index.affiliations, None, n);
                affiliations.retain(|(a, _)| !a.is_empty());
                sort_by(&mut affiliations, by_count_then_name);
                affiliations
            }
            Facet::Topic => self.topic_facet(tax, n.to_vec()),
        }
    }

    /// The topic facet: every topic of the taxonomy, then "other", with its count (one
    /// per name, in that order), those with none left out unless selected; biggest first.
    fn topic_facet(&self, tax: &[Topic], counts: Vec<usize>) -> Vec<(String, usize)> {
        let mut topics: Vec<(String, usize)> = tax
            .iter()
            .map(|t| t.name.clone())
            .chain(std::iter::once(topics::OTHER.to_string()))
            .zip(counts)
            .filter(|(name, n)| *n > 0 || self.filters[Facet::Topic].contains(name))
            .collect();
        sort_by(&mut topics, by_count_then_name);
        topics
    }

    /// The straightforward form of [`AppState::facet_counts`] (one pass per facet, by
    /// names, not slots), kept to check the one-pass version against.
    #[cfg(test)]
    fn facet_counts_by_pass(&self, corpus: &Corpus, index: &SearchIndex) -> Facets {
        let q = self.query();
        let count = |skip: Facet,
                     key: &dyn Fn(crate::corpus::StatementId) -> String,
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
        let mut f = Facets::default();
        f[Facet::Outlet] = count(
            Facet::Outlet,
            &|id| corpus.articles[corpus.entries[id].article].outlet.clone(),
            index.outlets.clone(),
        );
        f[Facet::Kind] = count(
            Facet::Kind,
            &|id| corpus.entries[id].statement.kind.as_str().to_string(),
            Kind::ALL.iter().map(|k| k.as_str().to_string()).collect(),
        );
        let mut speakers = count(
            Facet::Speaker,
            &|id| corpus.speakers[corpus.entries[id].speaker].name.clone(),
            index.speakers_by_size.clone(),
        );
        // Keep selected speakers visible even at zero; order by count, then name.
        sort_by(&mut speakers, by_count_then_name);
        f[Facet::Speaker] = speakers;
        let mut affiliations = count(
            Facet::Affiliation,
            &|id| {
                corpus.speakers[corpus.entries[id].speaker]
                    .affiliation
                    .clone()
            },
            index.affiliations.clone(),
        );
        affiliations.retain(|(a, _)| !a.is_empty());
        sort_by(&mut affiliations, by_count_then_name);
        f[Facet::Affiliation] = affiliations;
        // Topics: a statement counts once under each of its topics (or under "other").
        let tax = topics::taxonomy();
        let mut topic_counts = vec![0usize; tax.len() + 1];
        for id in 0..corpus.entries.len() {
            if self.passes(corpus, id, &q, &index.folded, Facet::Topic) {
                let t = &corpus.entries[id].topics;
                if t.is_empty() {
                    topic_counts[tax.len()] += 1;
                }
                for (i, _) in t {
                    topic_counts[*i] += 1;
                }
            }
        }
        f[Facet::Topic] = self.topic_facet(tax, topic_counts);
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::state::Action;

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
            let toggle = |f: Facet, v: &str| Action::Toggle(f, v.to_string());
            s.apply(toggle(Facet::Outlet, &outlets[k % outlets.len()]));
            states.push(s.clone());
            s.apply(toggle(Facet::Kind, Kind::ALL[k % Kind::ALL.len()].as_str()));
            states.push(s.clone());
            s.apply(toggle(Facet::Speaker, "Steve Witkoff"));
            states.push(s.clone());
            s.apply(toggle(Facet::Topic, "security guarantees"));
            states.push(s.clone());
            s.apply(toggle(Facet::Topic, "other"));
            s.apply(toggle(Facet::Affiliation, "United States"));
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
}
