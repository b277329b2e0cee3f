//! The statements a search or a speaker can hold, from the archive's index chunks: a
//! word's statements are those with a term starting with it (the chunks whose term range
//! can hold such a term, only those fetched); a phrase's, those with a term starting
//! with one of its words after the first (the first may end inside a term); a speaker's,
//! those holding every term of the name (the index holds each statement's speaker's
//! name). These are candidates, each then checked on its statement; a query the index
//! cannot narrow (only exclusions, a one-word phrase) leaves every statement a candidate.
//!
//! Unlike the in-memory search, which finds a word anywhere inside a word, a word here
//! is found at the start of a word (as Pagefind and most static-site indexes do).

use super::fetch::Fetch;
use super::reader::Archive;
use crate::formats::shard::{terms, ShardError, Table};
use crate::view::query::Query;

/// The leading run of letters and digits: the part of a word that starts an index term.
fn key(word: &str) -> &str {
    let end = word
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(word.len());
    word.get(..end).unwrap_or("")
}

/// The ascending statements in both.
fn intersect(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x == y {
            out.push(x);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out
}

/// The candidates: `None` when nothing narrowed them (every statement is one), else the
/// ascending statements; and the parts of the index that could not be read.
pub struct Candidates {
    pub statements: Option<Vec<u64>>,
    /// Whether every candidate passes (a single word and nothing else to check), so the
    /// postings count exactly.
    pub exact: bool,
    pub unavailable: Vec<ShardError>,
}

impl<F: Fetch> Archive<F> {
    /// Statements holding a term that starts with `prefix` (already folded), ascending.
    async fn prefixed(&mut self, prefix: &str, errs: &mut Vec<ShardError>) -> Vec<u64> {
        if let Err(e) = self.table(Table::Index).await {
            errs.push(e);
            return Vec::new();
        }
        let chunks: Vec<usize> = (self.root().index_chunks.iter().enumerate())
            .filter(|(_, c)| {
                c.last.as_str() >= prefix
                    && (c.first.as_str() <= prefix || c.first.starts_with(prefix))
            })
            .map(|(k, _)| k)
            .collect();
        let mut out = Vec::new();
        for k in chunks {
            match self.chunk(k).await {
                Ok(c) => out.extend(c.statements_for(prefix)),
                Err(e) => errs.push(e),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Statements holding exactly `term` (folded), ascending.
    async fn exact(&mut self, term: &str, errs: &mut Vec<ShardError>) -> Vec<u64> {
        if let Err(e) = self.table(Table::Index).await {
            errs.push(e);
            return Vec::new();
        }
        let chunks: Vec<usize> = (self.root().index_chunks.iter().enumerate())
            .filter(|(_, c)| c.first.as_str() <= term && term <= c.last.as_str())
            .map(|(k, _)| k)
            .collect();
        let mut out = Vec::new();
        for k in chunks {
            match self.chunk(k).await {
                Ok(c) => {
                    let at = c.terms.partition_point(|(t, _)| t.as_str() < term);
                    let runs = c.terms.get(at..).unwrap_or_default().iter();
                    for (_, ids) in runs.take_while(|(t, _)| t == term) {
                        out.extend_from_slice(ids);
                    }
                }
                Err(e) => errs.push(e),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The candidates for a query and, when speakers are selected, their names.
    pub async fn candidates(&mut self, q: &Query, speakers: &[String]) -> Candidates {
        let mut errs = Vec::new();
        let mut sets: Vec<Vec<u64>> = Vec::new();
        for w in &q.words {
            let k = key(w);
            if !k.is_empty() {
                sets.push(self.prefixed(k, &mut errs).await);
            }
        }
        for p in &q.phrases {
            let later = p.split(' ').skip(1).map(key).max_by_key(|k| k.len());
            if let Some(k) = later.filter(|k| !k.is_empty()) {
                sets.push(self.prefixed(k, &mut errs).await);
            }
        }
        let exact = sets.len() == 1
            && q.words.len() == 1
            && q.phrases.is_empty()
            && q.excluded.is_empty()
            && speakers.is_empty()
            && q.words.iter().all(|w| key(w) == w.as_str());
        if !speakers.is_empty() {
            let mut all: Option<Vec<u64>> = Some(Vec::new());
            for name in speakers {
                let mut theirs: Option<Vec<u64>> = None;
                for t in terms(name) {
                    let found = self.exact(&t, &mut errs).await;
                    theirs = Some(theirs.map_or(found.clone(), |s| intersect(&s, &found)));
                }
                all = match (all, theirs) {
                    (Some(mut a), Some(b)) => {
                        a.extend(b);
                        a.sort_unstable();
                        a.dedup();
                        Some(a)
                    }
                    _ => None,
                };
            }
            sets.extend(all);
        }
        let statements = sets.into_iter().reduce(|a, b| intersect(&a, &b));
        Candidates {
            statements,
            exact,
            unavailable: errs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_intersections() {
        assert_eq!(key("co-op"), "co");
        assert_eq!(key("macron"), "macron");
        assert_eq!(key("'x"), "");
        assert_eq!(intersect(&[1, 3, 5, 9], &[2, 3, 9, 10]), vec![3, 9]);
        assert!(intersect(&[], &[1]).is_empty());
    }
}
