//! The facets' live counts ([`Facets`]): for each outlet, kind, speaker, affiliation and
//! topic, how many results picking it would give.

use crate::corpus::Corpus;
#[cfg(test)]
use crate::corpus::StatementId;
use crate::model::Kind;
use crate::text::sort::sort_by;
use crate::view::order::by_count_then_name;
#[cfg(test)]
#[cfg(test)]
use crate::view::search::Skip;
use crate::view::search::{bump, parts, SearchIndex, NONE};
use crate::view::state::AppState;

/// Facet values with live counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub outlets: Vec<(String, usize)>,
    pub kinds: Vec<(Kind, usize)>,
    pub speakers: Vec<(String, usize)>,
    pub affiliations: Vec<(String, usize)>,
    pub topics: Vec<(String, usize)>,
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
            let ok = self.facet_checks(e, sp, a);
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
        sort_by(&mut speakers, by_count_then_name);
        let mut affiliations = ordered(&index.affiliations, None, &affiliation_n);
        affiliations.retain(|(a, _)| !a.is_empty());
        sort_by(&mut affiliations, by_count_then_name);
        let topics = self.topic_facet(tax, topic_n);
        Facets {
            outlets,
            kinds,
            speakers,
            affiliations,
            topics,
        }
    }

    /// The topic facet: every topic of the taxonomy, then "other", with its count (one
    /// per name, in that order), those with none left out unless selected; biggest first.
    fn topic_facet(
        &self,
        tax: &[crate::corpus::topics::Topic],
        counts: Vec<usize>,
    ) -> Vec<(String, usize)> {
        let mut topics: Vec<(String, usize)> = tax
            .iter()
            .map(|t| t.name.clone())
            .chain(std::iter::once(crate::corpus::topics::OTHER.to_string()))
            .zip(counts)
            .filter(|(name, n)| *n > 0 || self.topics.contains(name))
            .collect();
        sort_by(&mut topics, by_count_then_name);
        topics
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
        sort_by(&mut speakers, by_count_then_name);
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
        sort_by(&mut affiliations, by_count_then_name);
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
        let topics = self.topic_facet(tax, topic_counts);
        Facets {
            outlets,
            kinds,
            speakers,
            affiliations,
            topics,
        }
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
}
