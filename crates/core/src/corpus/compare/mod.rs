//! The same utterance in several outlets: statements by one speaker in different articles
//! whose content words overlap enough are grouped; each pair is verbatim, a variant
//! (both quoted, different words) or quote-against-paraphrase; word-level diffs show what
//! changed. Quotes of one speaker that differ inside the quotation marks are flagged.
//!
//! This file groups the statements and lays out the coverage grid; `words` gives the
//! words they are compared on, `diff` the word-level diffs.

mod diff;
mod words;

pub use diff::{word_diff, Diff};
pub use words::words;

use crate::corpus::{Corpus, StatementId};
use crate::model::Kind;
use std::collections::{HashMap, HashSet};
use words::{content, is_run};

/// How two renderings of one utterance relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same words (ignoring case, accents, punctuation).
    Verbatim,
    /// Both quoted, one's words a run of the other's: a fragment of the same quote.
    Excerpt,
    /// Both quoted, in different words: the quotation marks disagree.
    Variant,
    /// One quoted, the other reported.
    Paraphrase,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Verbatim => "verbatim",
            Relation::Excerpt => "excerpt",
            Relation::Variant => "variant",
            Relation::Paraphrase => "paraphrase",
        }
    }
}

/// A group of renderings of one utterance across outlets.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    /// Members in corpus order.
    pub members: Vec<StatementId>,
    /// The member whose text stands for the group (the longest direct quote, else the longest).
    pub canonical: StatementId,
    /// Distinct outlets among the members.
    pub outlets: usize,
    /// Two quoted renderings disagree inside the quotation marks (neither is the other's
    /// words or a run of them): the same speaker's quoted words should match.
    pub quotes_differ: bool,
}

/// The content-word overlap at which two statements of one speaker join a group.
pub const GROUP_THRESHOLD: f64 = 0.4;

/// All groups, and for each statement its group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub groups: Vec<Group>,
    pub group_of: Vec<Option<usize>>,
    /// Outlets in the corpus.
    pub total_outlets: usize,
}

/// How two statements relate.
pub fn relation(corpus: &Corpus, a: StatementId, b: StatementId) -> Relation {
    let (Some(ea), Some(eb)) = (corpus.entries.get(a), corpus.entries.get(b)) else {
        return Relation::Paraphrase;
    };
    let quoted = |k: Kind| k != Kind::Indirect;
    let (wa, wb) = (
        words(&corpus.quoted_text(ea)),
        words(&corpus.quoted_text(eb)),
    );
    if wa == wb {
        Relation::Verbatim
    } else if quoted(ea.statement.kind) && quoted(eb.statement.kind) {
        if is_run(&wa, &wb) || is_run(&wb, &wa) {
            Relation::Excerpt
        } else {
            Relation::Variant
        }
    } else {
        Relation::Paraphrase
    }
}

/// Content words weighted by rarity across the corpus's statements (idf), so that words
/// every statement shares ("security", "Ukraine") count for less than distinctive ones.
struct Weighted {
    sets: Vec<HashSet<String>>,
    idf: HashMap<String, f64>,
    /// Each set's [`Weighted::weight`], summed once (a set is compared many times as
    /// groups grow).
    totals: Vec<f64>,
}

impl Weighted {
    fn new(corpus: &Corpus) -> Weighted {
        let sets: Vec<HashSet<String>> = corpus
            .entries
            .iter()
            .map(|e| content(&corpus.quoted_text(e)))
            .collect();
        let mut df: HashMap<String, usize> = HashMap::new();
        for s in &sets {
            for w in s {
                *df.entry(w.clone()).or_default() += 1;
            }
        }
        let n = sets.len().max(1) as f64;
        let idf = df
            .into_iter()
            .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
            .collect();
        let mut weighted = Weighted {
            sets,
            idf,
            totals: Vec::new(),
        };
        weighted.totals = (weighted.sets.iter())
            .map(|s| weighted.weight(s.iter()))
            .collect();
        weighted
    }
    /// The summed idf of a set's words, added smallest first: a set's iteration order
    /// differs from run to run (each `HashSet` hashes with its own random keys), and a sum
    /// of floats in another order may differ in its last bit, which moved pairs across
    /// the threshold and reordered equal edges, so the same input grouped differently.
    fn weight<'a>(&self, words: impl Iterator<Item = &'a String>) -> f64 {
        let mut w: Vec<f64> = words
            .map(|w| self.idf.get(w).copied().unwrap_or(1.0))
            .collect();
        w.sort_by(f64::total_cmp);
        w.into_iter().sum()
    }
    /// (shared content words, idf-weighted overlap of the smaller set).
    fn similarity(&self, a: usize, b: usize) -> (usize, f64) {
        let (Some(x), Some(y)) = (self.sets.get(a), self.sets.get(b)) else {
            return (0, 0.0);
        };
        let total = |i: usize, s: &HashSet<String>| {
            self.totals
                .get(i)
                .copied()
                .unwrap_or_else(|| self.weight(s.iter()))
        };
        let small = total(a, x).min(total(b, y));
        if small <= 0.0 {
            return (0, 0.0);
        }
        // (The shared words are read in place: the weight does not depend on their order.)
        (
            x.intersection(y).count(),
            self.weight(x.intersection(y)) / small,
        )
    }
    /// Whether two statements read as renderings of one utterance: enough shared words
    /// (all of a two-word fragment, else at least three) and enough weighted overlap, or
    /// many shared words and somewhat less overlap.
    fn joins(&self, a: usize, b: usize, threshold: f64) -> Option<f64> {
        let small = match (self.sets.get(a), self.sets.get(b)) {
            (Some(x), Some(y)) => x.len().min(y.len()),
            _ => return None,
        };
        if small < 2 {
            return None;
        }
        let (shared, sim) = self.similarity(a, b);
        let close = shared >= small.min(3) && sim >= threshold;
        // Long renderings in other words still share many words.
        let long = shared >= MANY_WORDS && sim >= threshold * MANY_FACTOR;
        (close || long).then_some(sim)
    }
}

/// Shared content words and idf-weighted overlap of two statements, as the grouping sees
/// them (for explaining a group, and for tuning).
pub fn pair_similarity(corpus: &Corpus, a: StatementId, b: StatementId) -> (usize, f64) {
    Weighted::new(corpus).similarity(a, b)
}

/// Overlap at which two statements of one article count as the same remark told twice
/// (a paraphrase in the lede, the quote further down).
const RETOLD: f64 = GROUP_THRESHOLD;
/// Shared words, and the fraction of the threshold, for the "many shared words" rule.
const MANY_WORDS: usize = 5;
const MANY_FACTOR: f64 = 0.8;
/// Overlap (with at least [`ECHO_WORDS`] shared words) at which statements join although
/// the outlets name different speakers: one text attributed to "the joint statement" in
/// one report and to "leaders" in another. The group then shows the differing attributions.
const ECHO: f64 = 0.6;
const ECHO_WORDS: usize = 6;
/// A word in more of one speaker's statements than this is skipped as pairing evidence.
const POSTINGS_CAP: usize = 64;

/// Groups statements across articles. Candidates share a speaker; they join when their
/// content words overlap enough (see [`Weighted::joins`]), best pairs first. Two members
/// from one article must be nested (a fragment inside its sentence) or the same remark
/// told twice, so that distinct remarks never chain into one group through a third.
pub fn compare(corpus: &Corpus, threshold: f64) -> Comparison {
    let weighted = Weighted::new(corpus);
    let mut edges = speaker_edges(corpus, &weighted, threshold);
    edges.extend(echo_edges(corpus, &weighted));
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut clusters = Clusters::new(corpus.entries.len());
    clusters.join(corpus, &weighted, edges);
    clusters.adopt_fragments(corpus);
    Comparison::from_groups(corpus, clusters.into_groups(corpus))
}

/// A pair of statements that may join a group, with their overlap: `(overlap, a, b)`,
/// `a < b`.
type Edge = (f64, StatementId, StatementId);

/// The pairs of one speaker's statements that read as renderings of one utterance.
/// Candidate pairs come from shared content words (a per-speaker inverted index), so a
/// speaker with thousands of statements is not compared all against all: a word used in
/// more than POSTINGS_CAP of their statements is no evidence and is skipped. Pairs need
/// two shared words to be worth scoring (`joins` asks for at least that).
fn speaker_edges(corpus: &Corpus, weighted: &Weighted, threshold: f64) -> Vec<Edge> {
    let mut by_speaker: HashMap<usize, Vec<StatementId>> = HashMap::new();
    for (i, e) in corpus.entries.iter().enumerate() {
        by_speaker.entry(e.speaker).or_default().push(i);
    }
    let mut edges: Vec<Edge> = Vec::new();
    let mut speakers: Vec<&Vec<StatementId>> = by_speaker.values().collect();
    speakers.sort();
    for ids in speakers {
        let mut postings: HashMap<&str, Vec<StatementId>> = HashMap::new();
        for &i in ids.iter() {
            for w in weighted.sets.get(i).into_iter().flatten() {
                postings.entry(w.as_str()).or_default().push(i);
            }
        }
        let mut shared: HashMap<(StatementId, StatementId), u32> = HashMap::new();
        for list in postings.values().filter(|l| l.len() <= POSTINGS_CAP) {
            for (k, &a) in list.iter().enumerate() {
                for &b in list.get(k + 1..).unwrap_or_default() {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        let mut pairs: Vec<(StatementId, StatementId)> = shared
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(p, _)| p)
            .collect();
        pairs.sort_unstable();
        for (a, b) in pairs {
            if let Some(sim) = weighted.joins(a, b, threshold) {
                edges.push((sim, a, b));
            }
        }
    }
    edges
}

/// Pairs of different speakers' statements in different articles whose long texts are
/// near-identical (one text attributed to "the joint statement" in one report and to
/// "leaders" in another): an inverted index on words keeps this from being quadratic in
/// the corpus.
fn echo_edges(corpus: &Corpus, weighted: &Weighted) -> Vec<Edge> {
    let entry = |i: StatementId| corpus.entries.get(i);
    let mut edges: Vec<Edge> = Vec::new();
    let mut postings: HashMap<&str, Vec<StatementId>> = HashMap::new();
    for (i, set) in weighted.sets.iter().enumerate() {
        if set.len() >= ECHO_WORDS {
            for w in set {
                postings.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    let mut echo_pairs: HashMap<(StatementId, StatementId), usize> = HashMap::new();
    for ids in postings.values().filter(|ids| ids.len() <= 64) {
        for (k, &a) in ids.iter().enumerate() {
            for &b in ids.get(k + 1..).unwrap_or_default() {
                *echo_pairs.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut echoes: Vec<(StatementId, StatementId)> = echo_pairs
        .into_iter()
        .filter(|&((a, b), n)| {
            n >= ECHO_WORDS
                && matches!((entry(a), entry(b)), (Some(x), Some(y))
                    if x.speaker != y.speaker && x.article != y.article)
        })
        .map(|(p, _)| p)
        .collect();
    echoes.sort_unstable();
    for (a, b) in echoes {
        let (shared, sim) = weighted.similarity(a, b);
        if shared >= ECHO_WORDS && sim >= ECHO {
            edges.push((sim, a, b));
        }
    }
    edges
}

/// Clusters of statements as they join: each statement's cluster, and each cluster's
/// members. A cluster keeps its id (one of its members) while it absorbs others.
struct Clusters {
    cluster: Vec<usize>,
    members_of: HashMap<usize, Vec<StatementId>>,
}

impl Clusters {
    /// Every statement alone.
    fn new(n: usize) -> Clusters {
        Clusters {
            cluster: (0..n).collect(),
            members_of: (0..n).map(|i| (i, vec![i])).collect(),
        }
    }

    /// Joins clusters along `edges`, best first, when every member of one is compatible
    /// with every member of the other: from different articles, or nested, or the same
    /// remark told twice.
    fn join(&mut self, corpus: &Corpus, weighted: &Weighted, edges: Vec<Edge>) {
        let entry = |i: StatementId| corpus.entries.get(i);
        let compatible = |x: StatementId, y: StatementId| {
            let (Some(ex), Some(ey)) = (entry(x), entry(y)) else {
                return false;
            };
            ex.article != ey.article
                || ex.statement.span.overlaps(ey.statement.span)
                || weighted.joins(x, y, RETOLD).is_some()
        };
        // Pairs of clusters found incompatible. A cluster keeps its id while it absorbs
        // others and only grows, so an incompatible pair stays incompatible: a later edge
        // between the same two clusters is refused without comparing their members again.
        let mut refused: std::collections::HashSet<(usize, usize)> = Default::default();
        for (_, a, b) in edges {
            let (Some(&ca), Some(&cb)) = (self.cluster.get(a), self.cluster.get(b)) else {
                continue;
            };
            if ca == cb {
                continue;
            }
            if refused.contains(&(ca.min(cb), ca.max(cb))) {
                continue;
            }
            let members = |c: usize| self.members_of.get(&c).map_or(&[][..], Vec::as_slice);
            let ok = members(ca)
                .iter()
                .all(|&x| members(cb).iter().all(|&y| compatible(x, y)));
            if !ok {
                refused.insert((ca.min(cb), ca.max(cb)));
                continue;
            }
            let moved = self.members_of.remove(&cb).unwrap_or_default();
            for &m in &moved {
                if let Some(c) = self.cluster.get_mut(m) {
                    *c = ca;
                }
            }
            self.members_of.entry(ca).or_default().extend(moved);
        }
    }

    /// Whether statement `j` is in a group (a cluster of more than one).
    fn grouped(&self, j: usize) -> bool {
        self.cluster
            .get(j)
            .and_then(|c| self.members_of.get(c))
            .is_some_and(|m| m.len() > 1)
    }

    /// Puts each statement not in a group into the group of a grouped statement of its
    /// article it is nested in (the quoted words inside the reported sentence), however
    /// short it is: the first such host in corpus order, among the grouped statements of
    /// the same article and speaker (a fragment placed earlier in this pass counts as
    /// grouped for later ones). Entries are in article order, and an article's
    /// statements are sorted by start, so the statements that start by a fragment's
    /// start are a prefix of its (article, speaker) list, and the first host is the first
    /// in that prefix whose end reaches the fragment's: a prefix-maximum tree over the
    /// ends of the grouped ones finds it in log time, where a scan of the article per
    /// fragment was statements² per article.
    fn adopt_fragments(&mut self, corpus: &Corpus) {
        let entry = |i: StatementId| corpus.entries.get(i);
        let mut lists: HashMap<(usize, usize), Vec<StatementId>> = HashMap::new();
        // Each statement's list and place in it.
        let mut place: Vec<((usize, usize), usize)> = Vec::with_capacity(corpus.entries.len());
        for (i, e) in corpus.entries.iter().enumerate() {
            let list = lists.entry((e.article, e.speaker)).or_default();
            place.push(((e.article, e.speaker), list.len()));
            list.push(i);
        }
        let mut reach: HashMap<(usize, usize), PrefixMax> = lists
            .iter()
            .map(|(&key, list)| {
                let mut tree = PrefixMax::new(list.len());
                for (k, &j) in list.iter().enumerate() {
                    if self.grouped(j) {
                        tree.raise(k, entry(j).map_or(0, |h| h.statement.span.end));
                    }
                }
                (key, tree)
            })
            .collect();
        for (i, e) in corpus.entries.iter().enumerate() {
            let Some(&ci) = self.cluster.get(i) else {
                continue;
            };
            if self.grouped(i) {
                continue;
            }
            let Some(&(key, _)) = place.get(i) else {
                continue;
            };
            let (Some(list), Some(tree)) = (lists.get(&key), reach.get_mut(&key)) else {
                continue;
            };
            let span = e.statement.span;
            let starts_by = list.partition_point(|&j| {
                entry(j).is_some_and(|h| h.statement.span.start <= span.start)
            });
            let host = tree
                .first_reaching(span.end)
                .filter(|&k| k < starts_by)
                .and_then(|k| list.get(k).copied());
            if let Some(c) = host.and_then(|j| self.cluster.get(j).copied()) {
                self.members_of.remove(&ci);
                if let Some(x) = self.cluster.get_mut(i) {
                    *x = c;
                }
                self.members_of.entry(c).or_default().push(i);
                if let Some(&(_, k)) = place.get(i) {
                    tree.raise(k, span.end);
                }
            }
        }
    }

    /// The groups: clusters that span articles (a fragment nested in its own sentence is
    /// no comparison), each with its members in corpus order, its canonical statement
    /// (the longest direct quote, else the longest), its outlet count and whether its
    /// quotes differ; in order of their first member.
    fn into_groups(self, corpus: &Corpus) -> Vec<Group> {
        let entry = |i: StatementId| corpus.entries.get(i);
        let mut groups: Vec<Group> = self
            .members_of
            .into_values()
            .filter(|m| {
                let article = |i: StatementId| entry(i).map(|e| e.article);
                let first = m.first().and_then(|&f| article(f));
                m.iter().any(|&i| article(i) != first)
            })
            .map(|mut m| {
                m.sort_unstable();
                // (A group has a member: `max_by_key` finds one.)
                let canonical = m
                    .iter()
                    .copied()
                    .max_by_key(|&i| {
                        (
                            entry(i).is_some_and(|e| e.statement.kind == Kind::Direct),
                            entry(i).map_or(0, |e| e.statement.span.len()),
                            std::cmp::Reverse(i),
                        )
                    })
                    .unwrap_or_default();
                let outlets = m
                    .iter()
                    .filter_map(|&i| entry(i).and_then(|e| corpus.articles.get(e.article)))
                    .map(|a| a.outlet.as_str())
                    .collect::<HashSet<_>>()
                    .len();
                let quotes_differ = m.iter().enumerate().any(|(k, &a)| {
                    (m.get(k + 1..).unwrap_or_default())
                        .iter()
                        .any(|&b| relation(corpus, a, b) == Relation::Variant)
                });
                Group {
                    members: m,
                    canonical,
                    outlets,
                    quotes_differ,
                }
            })
            .collect();
        groups.sort_by_key(|g| g.members.first().copied());
        groups
    }
}

/// Prefix maxima of values that only rise (a Fenwick tree): the first place whose value,
/// or an earlier one's, reaches a bound, in log time. Values are stored plus one, so that
/// 0 means "none yet".
struct PrefixMax(Vec<usize>);

impl PrefixMax {
    fn new(n: usize) -> PrefixMax {
        PrefixMax(vec![0; n + 1])
    }

    /// Raises the value at place `k` (from 0) to at least `v`.
    fn raise(&mut self, k: usize, v: usize) {
        let mut i = k + 1;
        while let Some(slot) = self.0.get_mut(i) {
            *slot = (*slot).max(v + 1);
            i += i & i.wrapping_neg();
        }
    }

    /// The first place (from 0) with a value of at least `bound`, if any.
    fn first_reaching(&self, bound: usize) -> Option<usize> {
        let n = self.0.len().saturating_sub(1);
        let (mut pos, mut best) = (0, 0);
        let mut step = n.checked_next_power_of_two().unwrap_or(0);
        while step > 0 {
            if let Some(&v) = self.0.get(pos + step) {
                if best.max(v) <= bound {
                    pos += step;
                    best = best.max(v);
                }
            }
            step /= 2;
        }
        // `pos` places all stay below `bound`; the next one, if any, reaches it.
        (pos < n).then_some(pos)
    }
}

impl Comparison {
    /// The comparison of `corpus` with these groups (computed here, or read from a
    /// precomputed corpus file): each statement's group and the outlet count.
    pub fn from_groups(corpus: &Corpus, groups: Vec<Group>) -> Comparison {
        let mut group_of = vec![None; corpus.entries.len()];
        for (gi, g) in groups.iter().enumerate() {
            for &m in &g.members {
                if let Some(slot) = group_of.get_mut(m) {
                    *slot = Some(gi);
                }
            }
        }
        Comparison {
            groups,
            group_of,
            total_outlets: corpus.outlets().len(),
        }
    }
}

/// One cell of the coverage grid: how an outlet renders a group's remark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// The outlet does not report it.
    Absent,
    /// Its rendering closest to the group's canonical text (`None`: it is the canonical),
    /// and how many renderings the outlet has in the group.
    Rendered {
        id: StatementId,
        relation: Option<Relation>,
        count: usize,
    },
}

/// The coverage grid: groups (rows) × outlets (columns, corpus order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub outlets: Vec<String>,
    /// (group index, one cell per outlet).
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// The grid for the groups with at least one member among `visible` (the filtered
/// statements), so that the filters narrow it like the list.
pub fn coverage(corpus: &Corpus, cmp: &Comparison, visible: &[StatementId]) -> Coverage {
    let outlets: Vec<String> = corpus.outlets().into_iter().map(String::from).collect();
    let mut shown: Vec<usize> = visible
        .iter()
        .filter_map(|&i| cmp.group_of.get(i).copied().flatten())
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let rank = |r: Option<Relation>| match r {
        None => 0,
        Some(Relation::Verbatim) => 1,
        Some(Relation::Excerpt) => 2,
        Some(Relation::Variant) => 3,
        Some(Relation::Paraphrase) => 4,
    };
    let rows = shown
        .into_iter()
        .filter_map(|gi| {
            let g = cmp.groups.get(gi)?;
            let cells = outlets
                .iter()
                .map(|o| {
                    let mine: Vec<StatementId> = g
                        .members
                        .iter()
                        .copied()
                        .filter(|&m| {
                            (corpus.entries.get(m))
                                .and_then(|e| corpus.articles.get(e.article))
                                .is_some_and(|a| &a.outlet == o)
                        })
                        .collect();
                    mine.iter()
                        .map(|&m| {
                            let r = (m != g.canonical).then(|| relation(corpus, g.canonical, m));
                            (rank(r), m, r)
                        })
                        .min_by_key(|&(rank, m, _)| (rank, m))
                        .map_or(Cell::Absent, |(_, id, relation)| Cell::Rendered {
                            id,
                            relation,
                            count: mine.len(),
                        })
                })
                .collect();
            Some((gi, cells))
        })
        .collect();
    Coverage { outlets, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_max_finds_the_first_place_that_reaches() {
        let values = [3usize, 0, 7, 2, 9, 1, 7];
        for raised in 0..=values.len() {
            let mut tree = PrefixMax::new(values.len());
            for (k, &v) in values.iter().enumerate().take(raised) {
                tree.raise(k, v);
            }
            for bound in 0..11 {
                let want = values.iter().take(raised).position(|&v| v >= bound);
                assert_eq!(
                    tree.first_reaching(bound),
                    want,
                    "{raised} raised, bound {bound}"
                );
            }
        }
    }

    #[test]
    fn coverage_grid_shows_who_left_out_what_and_follows_the_filter() {
        let c = crate::test_seeds::seed_corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        let all: Vec<StatementId> = (0..c.entries.len()).collect();
        let grid = coverage(&c, &cmp, &all);
        assert_eq!(grid.rows.len(), cmp.groups.len());
        assert_eq!(grid.outlets.len(), 5);
        for (gi, cells) in &grid.rows {
            let g = &cmp.groups[*gi];
            let present = cells.iter().filter(|c| **c != Cell::Absent).count();
            assert_eq!(present, g.outlets, "a cell per reporting outlet");
            assert!(cells
                .iter()
                .any(|c| matches!(c, Cell::Rendered { relation: None, .. })));
            for cell in cells {
                if let Cell::Rendered { id, .. } = cell {
                    assert!(g.members.contains(id));
                }
            }
        }
        // Filtering to one statement leaves only its group.
        let one = c
            .entries
            .iter()
            .position(|e| c.text_of(e).ends_with("his “outstanding team.”"))
            .unwrap();
        let grid = coverage(&c, &cmp, &[one]);
        assert_eq!(grid.rows.len(), 1);
        let absent = grid.rows[0]
            .1
            .iter()
            .filter(|c| **c == Cell::Absent)
            .count();
        assert_eq!(
            absent, 3,
            "two of five outlets carry Witkoff's \"outstanding team\""
        );
    }

    #[test]
    fn seed_witkoff_renderings_are_grouped_across_outlets() {
        let c = crate::test_seeds::seed_corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        let find = |needle: &str| {
            c.entries
                .iter()
                .position(|e| c.text_of(e).starts_with(needle))
                .unwrap()
        };
        let a = find("We have largely finished the security protocols");
        let b = find("We think we’re largely finished with security protocols");
        assert_eq!(
            cmp.group_of[a], cmp.group_of[b],
            "the two renderings of Witkoff's remark are one group"
        );
        assert_ne!(c.entries[a].article, c.entries[b].article);
        assert_eq!(relation(&c, a, b), Relation::Variant);
        let g = &cmp.groups[cmp.group_of[a].unwrap()];
        assert!(g.outlets >= 2);
        // POLITICO's and Caliber.Az's identical quote is verbatim.
        let twins: Vec<usize> = c
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| c.text_of(e) == "We have largely finished the security protocols,")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(twins.len(), 2);
        assert_eq!(relation(&c, twins[0], twins[1]), Relation::Verbatim);
        // Statements of different speakers group only as near-identical long texts.
        for g in &cmp.groups {
            for &m in &g.members {
                let first = g.members[0];
                if c.entries[m].speaker != c.entries[first].speaker {
                    let (shared, _) = pair_similarity(&c, m, first);
                    assert!(shared >= ECHO_WORDS, "{}", c.text_of(&c.entries[m]));
                }
            }
        }
    }
}
