//! The archive's search index, split by term: every folded word of a statement (and of
//! its speaker's name, as the explorer's search sees them) with the numbers of the
//! statements that hold it, sorted by term and cut into chunks of about the same size.
//! A word search fetches the chunks whose term range can hold words starting with it;
//! a phrase or an exclusion is then checked on the statements fetched.

use super::file::{emit_file, shard_bytes, Files};
use super::types::*;
use crate::corpus::Corpus;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A decoded index chunk: terms in order, each with its statements' numbers, ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub terms: Vec<(String, Vec<u64>)>,
}

/// The distinct folded words of `text`, in order of first appearance.
pub fn terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut seen = std::collections::HashSet::new();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .map(String::from)
        .collect()
}

/// Postings as gaps (the first a number, then differences), which postcard's varints
/// keep short; [`from_gaps`] undoes it.
fn to_gaps(ids: &[u32]) -> Vec<u64> {
    let mut prev = 0;
    ids.iter()
        .map(|&i| {
            let i = u64::from(i);
            let g = i.saturating_sub(prev);
            prev = i;
            g
        })
        .collect()
}

pub(super) fn from_gaps(gaps: &mut [u64]) {
    let mut acc: u64 = 0;
    for g in gaps.iter_mut() {
        acc = acc.saturating_add(*g);
        *g = acc;
    }
}

/// Every term of the corpus with its statements' numbers, statements in `order` (u32
/// while they are gathered: the whole index is in memory then).
fn postings(corpus: &Corpus, order: &[usize]) -> BTreeMap<String, Vec<u32>> {
    let mut map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (k, e) in order
        .iter()
        .filter_map(|&i| corpus.entries.get(i))
        .enumerate()
    {
        let speaker = corpus
            .speakers
            .get(e.speaker)
            .map_or("", |s| s.name.as_str());
        let text = format!("{} {speaker}", corpus.text_of(e));
        for t in terms(&text) {
            map.entry(t).or_default().push(k as u32);
        }
    }
    map
}

/// Writes the chunks through `sink` and answers their table. A term whose postings
/// would overflow a chunk is cut into pieces over consecutive chunks (each piece's
/// statements in order), so no chunk grows far past `limit` however common a word is,
/// and a reader can fetch a common word's statements chunk by chunk, earliest first.
pub(super) fn write(
    corpus: &Corpus,
    order: &[usize],
    limit: usize,
    sink: &mut Files<'_>,
) -> Result<Vec<ChunkInfo>, String> {
    let map = postings(corpus, order);
    write_terms(
        map.iter().map(|(t, ids)| (t.as_str(), ids.as_slice())),
        limit,
        sink,
    )
}

/// [`write`] for terms already gathered: each term, in term order, with its statements'
/// numbers, ascending.
pub(super) fn write_terms<'a>(
    terms: impl Iterator<Item = (&'a str, &'a [u32])>,
    limit: usize,
    sink: &mut Files<'_>,
) -> Result<Vec<ChunkInfo>, String> {
    let mut out = Vec::new();
    let mut chunk = Chunk::default();
    let mut size = 0;
    // About two bytes a posting once written as gaps.
    let piece = (limit / 2).max(1);
    let mut pieces = terms
        .flat_map(|(term, ids)| ids.chunks(piece).map(move |run| (term, run)))
        .peekable();
    while let Some((term, run)) = pieces.next() {
        size += term.len() + 2 * run.len() + 2;
        chunk.terms.push((term.to_string(), to_gaps(run)));
        if size >= limit || pieces.peek().is_none() {
            let first = chunk.terms.first().map(|t| t.0.clone()).unwrap_or_default();
            let last = chunk.terms.last().map(|t| t.0.clone()).unwrap_or_default();
            let bytes = shard_bytes(Kind::Index, &chunk);
            let file = emit_file(sink, Kind::Index.name(out.len()), bytes)?;
            out.push(ChunkInfo { file, first, last });
            chunk.terms.clear();
            size = 0;
        }
    }
    Ok(out)
}

impl Root {
    /// The index chunks a search for `word` needs: those whose term range can hold a
    /// term starting with the folded word (usually one; two when the word's terms
    /// straddle a cut). An empty word needs none.
    pub fn chunks_for(&self, word: &str) -> Vec<&ChunkInfo> {
        let w = fold(word.trim());
        if w.is_empty() {
            return Vec::new();
        }
        (self.index_chunks.iter())
            .filter(|c| c.last.as_str() >= w.as_str() && (c.first <= w || c.first.starts_with(&w)))
            .collect()
    }
}

impl Chunk {
    /// The statements holding a term that starts with the folded `word`, ascending.
    pub fn statements_for(&self, word: &str) -> Vec<u64> {
        let w = fold(word.trim());
        let start = self.terms.partition_point(|(t, _)| t.as_str() < w.as_str());
        let mut ids: Vec<u64> = (self.terms.get(start..).unwrap_or_default().iter())
            .take_while(|(t, _)| t.starts_with(&w))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
