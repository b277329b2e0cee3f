//! The same utterance in several outlets: statements by one speaker in different articles
//! whose content words overlap enough are grouped; each pair is verbatim, a variant
//! (both quoted, different words) or quote-against-paraphrase; word-level diffs show what
//! changed. Quotes of one speaker that differ inside the quotation marks are flagged.
//!
//! This file groups the statements and lays out the coverage grid; `words` gives the
//! words they are compared on, `diff` the word-level diffs.

mod diff;
mod keys;
mod weighted;
mod words;

pub use diff::{word_diff, Diff};
pub use keys::{Interner, Keys, StatementKey};
pub use words::words;

use crate::corpus::{Corpus, StatementId};
use crate::model::Kind;
use keys::is_run;
use std::collections::{HashMap, HashSet};
use weighted::Weighted;

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

/// Shared content words and idf-weighted overlap of two statements, as the grouping sees
/// them (for explaining a group, and for tuning).
pub fn pair_similarity(corpus: &Corpus, a: StatementId, b: StatementId) -> (usize, f64) {
    Weighted::new(&Keys::from_corpus(corpus)).similarity(a, b)
}

/// Overlap at which two statements of one article count as the same remark told twice
/// (a paraphrase in the lede, the quote further down).
const RETOLD: f64 = GROUP_THRESHOLD;
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
    Comparison::from_groups(corpus, group(&Keys::from_corpus(corpus), threshold))
}

/// [`compare`] over the statements' keys: the groups, members in key order.
pub fn group(keys: &Keys, threshold: f64) -> Vec<Group> {
    let weighted = Weighted::new(keys);
    let mut edges = speaker_edges(&weighted, threshold);
    edges.extend(echo_edges(&weighted));
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut clusters = Clusters::new(keys.statements.len());
    clusters.join(&weighted, edges);
    clusters.adopt_fragments(keys);
    clusters.into_groups(keys)
}

/// A pair of statements that may join a group, with their overlap: `(overlap, a, b)`,
/// `a < b`.
type Edge = (f64, StatementId, StatementId);

/// The pairs of one speaker's statements that read as renderings of one utterance.
/// Candidate pairs come from shared content words (a per-speaker inverted index), so a
/// speaker with thousands of statements is not compared all against all: a word used in
/// more than POSTINGS_CAP of their statements is no evidence and is skipped. Pairs need
/// two shared words to be worth scoring (`joins` asks for at least that).
fn speaker_edges(weighted: &Weighted, threshold: f64) -> Vec<Edge> {
    let mut by_speaker: HashMap<u32, Vec<StatementId>> = HashMap::new();
    for (i, k) in weighted.keys.statements.iter().enumerate() {
        by_speaker.entry(k.speaker).or_default().push(i);
    }
    let mut edges: Vec<Edge> = Vec::new();
    let mut speakers: Vec<&Vec<StatementId>> = by_speaker.values().collect();
    speakers.sort();
    for ids in speakers {
        let mut postings: HashMap<u32, Vec<StatementId>> = HashMap::new();
        for &i in ids.iter() {
            for &w in weighted.set(i) {
                postings.entry(w).or_default().push(i);
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
fn echo_edges(weighted: &Weighted) -> Vec<Edge> {
    let entry = |i: StatementId| weighted.keys.get(i);
    let mut edges: Vec<Edge> = Vec::new();
    let mut postings: HashMap<u32, Vec<StatementId>> = HashMap::new();
    for (i, k) in weighted.keys.statements.iter().enumerate() {
        if k.content.len() >= ECHO_WORDS {
            for &w in k.content.iter() {
                postings.entry(w).or_default().push(i);
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
    fn join(&mut self, weighted: &Weighted, edges: Vec<Edge>) {
        let entry = |i: StatementId| weighted.keys.get(i);
        let compatible = |x: StatementId, y: StatementId| {
            let (Some(ex), Some(ey)) = (entry(x), entry(y)) else {
                return false;
            };
            ex.article != ey.article
                || ex.span.overlaps(ey.span)
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
    fn adopt_fragments(&mut self, keys: &Keys) {
        let entry = |i: StatementId| keys.get(i);
        let mut lists: HashMap<(u32, u32), Vec<StatementId>> = HashMap::new();
        // Each statement's list and place in it.
        let mut place: Vec<((u32, u32), usize)> = Vec::with_capacity(keys.statements.len());
        for (i, e) in keys.statements.iter().enumerate() {
            let list = lists.entry((e.article, e.speaker)).or_default();
            place.push(((e.article, e.speaker), list.len()));
            list.push(i);
        }
        let mut reach: HashMap<(u32, u32), PrefixMax> = lists
            .iter()
            .map(|(&key, list)| {
                let mut tree = PrefixMax::new(list.len());
                for (k, &j) in list.iter().enumerate() {
                    if self.grouped(j) {
                        tree.raise(k, entry(j).map_or(0, |h| h.span.end));
                    }
                }
                (key, tree)
            })
            .collect();
        for (i, e) in keys.statements.iter().enumerate() {
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
            let span = e.span;
            let starts_by =
                list.partition_point(|&j| entry(j).is_some_and(|h| h.span.start <= span.start));
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
    fn into_groups(self, keys: &Keys) -> Vec<Group> {
        let entry = |i: StatementId| keys.get(i);
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
                            entry(i).is_some_and(|e| e.kind == Kind::Direct),
                            entry(i).map_or(0, |e| e.span.len()),
                            std::cmp::Reverse(i),
                        )
                    })
                    .unwrap_or_default();
                let outlets = (m.iter())
                    .filter_map(|&i| keys.outlet(i))
                    .collect::<HashSet<_>>()
                    .len();
                let quotes_differ = m.iter().enumerate().any(|(k, &a)| {
                    (m.get(k + 1..).unwrap_or_default())
                        .iter()
                        .any(|&b| keys.differ(a, b))
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
        Comparison::of(corpus.entries.len(), corpus.outlets().len(), groups)
    }

    /// The comparison of `statements` statements from `total_outlets` outlets with
    /// these groups.
    pub fn of(statements: usize, total_outlets: usize, groups: Vec<Group>) -> Comparison {
        let mut group_of = vec![None; statements];
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
            total_outlets,
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
    crate::text::sort::sort_numbers(&mut shown);
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
