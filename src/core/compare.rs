//! The same utterance in several outlets: statements by one speaker in different articles
//! whose content words overlap enough are grouped; each pair is verbatim, a variant
//! (both quoted, different words) or quote-against-paraphrase; word-level diffs show what
//! changed. Quotes of one speaker that differ inside the quotation marks are flagged.

use super::corpus::{Corpus, StatementId};
use super::model::Kind;
use super::query::fold;
use std::collections::{HashMap, HashSet};

/// How two renderings of one utterance relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same words (ignoring case, accents, punctuation).
    Verbatim,
    /// Both quoted, in different words: the quotation marks disagree.
    Variant,
    /// One quoted, the other reported.
    Paraphrase,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Verbatim => "verbatim",
            Relation::Variant => "variant",
            Relation::Paraphrase => "paraphrase",
        }
    }
}

/// A group of renderings of one utterance across outlets.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Members in corpus order.
    pub members: Vec<StatementId>,
    /// The member whose text stands for the group (the longest direct quote, else the longest).
    pub canonical: StatementId,
    /// Distinct outlets among the members.
    pub outlets: usize,
}

/// All groups, and for each statement its group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub groups: Vec<Group>,
    pub group_of: Vec<Option<usize>>,
    /// Outlets in the corpus.
    pub total_outlets: usize,
}

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "is", "are", "was", "were",
    "be", "it", "that", "this", "with", "by", "as", "we", "they", "he", "she", "so", "there",
    "their", "its", "our", "have", "has", "had", "will", "would", "can", "not", "any", "all",
];

/// Folded words without punctuation.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'"))
        .collect()
}

fn content(s: &str) -> HashSet<String> {
    words(s)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()) && w.len() > 1)
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// Overlap of content words: shared / smaller set (so a fragment matches its full quote).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (content(a), content(b));
    let small = x.len().min(y.len());
    if small < 2 {
        return 0.0;
    }
    x.intersection(&y).count() as f64 / small as f64
}

/// How two statements relate.
pub fn relation(corpus: &Corpus, a: StatementId, b: StatementId) -> Relation {
    let (ea, eb) = (&corpus.entries[a], &corpus.entries[b]);
    let quoted = |k: Kind| k != Kind::Indirect;
    if words(corpus.text_of(ea)) == words(corpus.text_of(eb)) {
        Relation::Verbatim
    } else if quoted(ea.statement.kind) && quoted(eb.statement.kind) {
        Relation::Variant
    } else {
        Relation::Paraphrase
    }
}

/// Groups statements across articles. Candidates share a speaker and come from different
/// articles; they join when their content words overlap by at least `threshold`.
pub fn compare(corpus: &Corpus, threshold: f64) -> Comparison {
    let n = corpus.entries.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut Vec<usize>, x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    let mut by_speaker: HashMap<usize, Vec<StatementId>> = HashMap::new();
    for (i, e) in corpus.entries.iter().enumerate() {
        by_speaker.entry(e.speaker).or_default().push(i);
    }
    let contents: Vec<HashSet<String>> = corpus
        .entries
        .iter()
        .map(|e| content(corpus.text_of(e)))
        .collect();
    for ids in by_speaker.values() {
        for (k, &a) in ids.iter().enumerate() {
            for &b in &ids[k + 1..] {
                if corpus.entries[a].article == corpus.entries[b].article {
                    continue;
                }
                let (x, y) = (&contents[a], &contents[b]);
                let small = x.len().min(y.len());
                if small < 2 {
                    continue;
                }
                let sim = x.intersection(y).count() as f64 / small as f64;
                if sim >= threshold {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    if ra != rb {
                        parent[rb] = ra;
                    }
                }
            }
        }
    }
    let mut members: HashMap<usize, Vec<StatementId>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        members.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Group> = members
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_unstable();
            let canonical = *m
                .iter()
                .max_by_key(|&&i| {
                    (
                        corpus.entries[i].statement.kind == Kind::Direct,
                        corpus.entries[i].statement.span.len(),
                        std::cmp::Reverse(i),
                    )
                })
                .unwrap_or(&m[0]);
            let outlets = m
                .iter()
                .map(|&i| corpus.articles[corpus.entries[i].article].outlet.as_str())
                .collect::<HashSet<_>>()
                .len();
            Group {
                members: m,
                canonical,
                outlets,
            }
        })
        .collect();
    groups.sort_by_key(|g| g.members[0]);
    let mut group_of = vec![None; n];
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            group_of[m] = Some(gi);
        }
    }
    Comparison {
        groups,
        group_of,
        total_outlets: corpus.outlets().len(),
    }
}

/// One piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diff {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// Word-level diff of `a` into `b` (longest common subsequence on folded words, shown
/// with the original words).
pub fn word_diff(a: &str, b: &str) -> Vec<Diff> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let key = |w: &str| words(w).join(" ");
    let (ka, kb): (Vec<String>, Vec<String>) = (
        wa.iter().map(|w| key(w)).collect(),
        wb.iter().map(|w| key(w)).collect(),
    );
    let (n, m) = (wa.len(), wb.len());
    if n * m > 4_000_000 {
        return vec![Diff::Deleted(a.to_string()), Diff::Inserted(b.to_string())];
    }
    let mut l = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            l[i][j] = if ka[i] == kb[j] {
                l[i + 1][j + 1] + 1
            } else {
                l[i + 1][j].max(l[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<Diff> = Vec::new();
    let mut push = |d: Diff| match (out.last_mut(), d) {
        (Some(Diff::Same(s)), Diff::Same(t))
        | (Some(Diff::Deleted(s)), Diff::Deleted(t))
        | (Some(Diff::Inserted(s)), Diff::Inserted(t)) => {
            s.push(' ');
            s.push_str(&t);
        }
        (_, d) => out.push(d),
    };
    while i < n && j < m {
        if ka[i] == kb[j] {
            push(Diff::Same(wb[j].to_string()));
            i += 1;
            j += 1;
        } else if l[i + 1][j] >= l[i][j + 1] {
            push(Diff::Deleted(wa[i].to_string()));
            i += 1;
        } else {
            push(Diff::Inserted(wb[j].to_string()));
            j += 1;
        }
    }
    while i < n {
        push(Diff::Deleted(wa[i].to_string()));
        i += 1;
    }
    while j < m {
        push(Diff::Inserted(wb[j].to_string()));
        j += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_inserted_deleted_and_changed_words() {
        let d = word_diff(
            "We have largely finished the security protocols,",
            "We think we’re largely finished with security protocols…",
        );
        assert!(d.contains(&Diff::Same("largely finished".into())));
        assert!(d
            .iter()
            .any(|x| matches!(x, Diff::Deleted(s) if s.contains("have"))));
        assert!(d
            .iter()
            .any(|x| matches!(x, Diff::Inserted(s) if s.contains("think"))));
        assert_eq!(
            word_diff("a b c", "a b c"),
            vec![Diff::Same("a b c".into())]
        );
    }

    #[test]
    fn seed_witkoff_renderings_are_grouped_across_outlets() {
        let c = crate::seed_corpus();
        let cmp = compare(&c, 0.5);
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
        // Different speakers never group.
        for g in &cmp.groups {
            assert!(g
                .members
                .iter()
                .all(|&m| c.entries[m].speaker == c.entries[g.members[0]].speaker));
        }
    }
}
