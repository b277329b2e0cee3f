//! A view's filters resolved against an archive's root: the facet values as positions
//! in the root's vocabularies and the speakers as a set of speaker numbers, the check of
//! one statement (the in-memory filter's rules: OR within a facet, AND across, "other"
//! for no topic, a date range drops the undated, the search on the folded text and
//! speaker), and what a shard's summary says about how many of its statements can match.

use crate::corpus::Entry;
use crate::formats::shard::{Counts, Root, StatementShardInfo};
use crate::model::Kind;
use crate::view::facet::Facet;
use crate::view::query::Query;
use crate::view::search::hay;
use crate::view::state::AppState;
use std::collections::{BTreeMap, HashSet};

/// The filters of an [`AppState`] against one archive. `None` is a facet with nothing
/// selected (all pass).
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub outlets: Option<Vec<u32>>,
    /// Selected outlets the root does not name, until their outlet chunks resolve them
    /// (into `outlets`, and their counts into `other_counts`).
    pub other_outlets: Vec<String>,
    /// The resolved other outlets' statements in each statement shard, summed.
    pub other_counts: BTreeMap<u32, u64>,
    /// Whether the shards' summaries are read (else a facet bounds a shard's matches by
    /// its count alone).
    pub summarised: bool,
    pub kinds: Option<Vec<Kind>>,
    /// Positions in the root's `topic_counts` (the topics, then "other").
    pub topics: Option<Vec<u32>>,
    /// Speaker numbers whose name and affiliation are selected.
    pub speakers: Option<HashSet<usize>>,
    pub range: Option<(i64, i64)>,
    pub query: Query,
}

fn positions(names: &[(String, u64)], selected: &[String]) -> Vec<u32> {
    (names.iter().enumerate())
        .filter(|(_, (n, _))| selected.contains(n))
        .map(|(k, _)| k as u32)
        .collect()
}

impl Resolved {
    pub fn new(root: &Root, state: &AppState) -> Resolved {
        let picked = |f: Facet| &state.filters[f];
        let (names, affiliations) = (picked(Facet::Speaker), picked(Facet::Affiliation));
        let speakers = (!names.is_empty() || !affiliations.is_empty()).then(|| {
            (root.speakers.iter().enumerate())
                .filter(|(_, s)| names.is_empty() || names.contains(&s.name))
                .filter(|(_, s)| affiliations.is_empty() || affiliations.contains(&s.affiliation))
                .map(|(k, _)| k)
                .collect()
        });
        let outlets = picked(Facet::Outlet);
        let kinds = picked(Facet::Kind);
        let topics = picked(Facet::Topic);
        Resolved {
            outlets: (!outlets.is_empty()).then(|| positions(&root.outlets, outlets)),
            other_outlets: (outlets.iter())
                .filter(|o| !root.outlets.iter().any(|(n, _)| n == *o))
                .cloned()
                .collect(),
            other_counts: BTreeMap::new(),
            summarised: false,
            kinds: (!kinds.is_empty())
                .then(|| kinds.iter().filter_map(|k| Kind::parse(k)).collect()),
            topics: (!topics.is_empty()).then(|| positions(&root.topic_counts, topics)),
            speakers,
            range: state.range,
            query: state.query(),
        }
    }

    /// Whether a statement passes every filter: its entry, its outlet (position) and
    /// text, and its speaker's name (`speaker`).
    pub fn passes(&self, root: &Root, e: &Entry, outlet: u32, text: &str, speaker: &str) -> bool {
        let other = root.topics.len() as u32;
        self.outlets.as_ref().is_none_or(|o| o.contains(&outlet))
            && self
                .kinds
                .as_ref()
                .is_none_or(|k| k.contains(&e.statement.kind))
            && self.topics.as_ref().is_none_or(|t| {
                (e.topics.is_empty() && t.contains(&other))
                    || e.topics
                        .iter()
                        .any(|(i, _)| t.contains(&(*i as u32)) && *i < root.topics.len())
            })
            && self
                .speakers
                .as_ref()
                .is_none_or(|s| s.contains(&e.speaker))
            && self
                .range
                .is_none_or(|(a, b)| e.when.is_known() && (a..=b).contains(&e.when.day))
            && (self.query.is_empty() || self.query.matches_folded(&hay(text, speaker)))
    }

    /// The exact total of a speaker or affiliation selection with no other filter, from
    /// the root's count of each speaker's statements.
    pub fn speakers_alone(&self, root: &Root) -> Option<u64> {
        let s = self.speakers.as_ref()?;
        let alone = Resolved {
            speakers: None,
            ..self.clone()
        };
        alone
            .is_all()
            .then(|| s.iter().filter_map(|&k| root.speaker_counts.get(k)).sum())
    }

    /// Whether a filter needs the shards' summaries (a facet or a date range).
    pub fn needs_summaries(&self) -> bool {
        self.outlets.is_some()
            || self.kinds.is_some()
            || self.topics.is_some()
            || self.range.is_some()
    }

    /// Whether nothing is filtered.
    pub fn is_all(&self) -> bool {
        self.outlets.is_none()
            && self.kinds.is_none()
            && self.topics.is_none()
            && self.speakers.is_none()
            && self.range.is_none()
            && self.query.is_empty()
    }

    /// How many statements of shard `s` (number `k`) can pass, `(at least, at most)`, from its
    /// summary alone, with `search` the bounds the search index gave for this shard
    /// (`None`: no search, or one the index could not narrow). Each facet on its own is
    /// exact (an outlet or kind set, one topic, a date range), but for several topics (a
    /// statement can have two) and a speaker or affiliation (not summarised: at most
    /// the shard); several filters together give bounds (at least the sum of their
    /// lower bounds less the shard's count for each one past the first).
    pub fn bounds(
        &self,
        root: &Root,
        (k, s): (usize, &StatementShardInfo),
        search: Option<(u64, u64)>,
    ) -> (u64, u64) {
        let sum = |c: &Counts, want: &[u32]| -> u64 {
            c.iter()
                .filter(|(v, _)| want.contains(v))
                .map(|(_, n)| n)
                .sum()
        };
        let sm = &s.summary;
        let mut each: Vec<(u64, u64)> = Vec::new();
        if !self.summarised && self.needs_summaries() {
            each.push((0, s.count));
        }
        if let Some(o) = self.outlets.as_ref().filter(|_| self.summarised) {
            let others = self.other_counts.get(&(k as u32)).copied();
            let n = sum(&sm.outlets, o) + others.unwrap_or(0);
            each.push((n, n));
        }
        if let Some(k) = self.kinds.as_ref().filter(|_| self.summarised) {
            let want: Vec<u32> = (root.kinds.iter().enumerate())
                .filter(|(_, (n, _))| k.iter().any(|k| k.as_str() == n))
                .map(|(p, _)| p as u32)
                .collect();
            let n = sum(&sm.kinds, &want);
            each.push((n, n));
        }
        if let Some(t) = self.topics.as_ref().filter(|_| self.summarised) {
            let most = (sm.topics.iter())
                .filter(|(v, _)| t.contains(v))
                .map(|(_, n)| *n)
                .max();
            let all = sum(&sm.topics, t).min(s.count);
            each.push((if t.len() == 1 { all } else { most.unwrap_or(0) }, all));
        }
        if self.speakers.is_some() {
            each.push((0, s.count));
        }
        if let Some((a, b)) = self.range.filter(|_| self.summarised) {
            let n = (sm.days.iter())
                .filter(|(d, _)| (a..=b).contains(d))
                .map(|(_, n)| n)
                .sum();
            each.push((n, n));
        }
        if let Some(b) = search {
            each.push(b);
        } else if !self.query.is_empty() {
            each.push((0, s.count));
        }
        let high = each
            .iter()
            .map(|b| b.1)
            .min()
            .unwrap_or(s.count)
            .min(s.count);
        let lows: u64 = each.iter().map(|b| b.0).sum();
        let extra = (each.len().saturating_sub(1) as u64).saturating_mul(s.count);
        let low = if each.is_empty() {
            s.count
        } else {
            lows.saturating_sub(extra)
        };
        (low.min(high), high)
    }
}
