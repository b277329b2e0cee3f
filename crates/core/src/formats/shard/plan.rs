//! The partitioned reduce's plan: what the whole archive decides, from compact keys
//! only. Each article's [`PartKeys`] (made where its record is, on an executor: its
//! outlet and encoded size, and per statement its speaker key, grouping words, day, id
//! and encoded size) goes to a [`Planner`] in archive order; the planner runs the
//! single-process pack's own whole-archive steps over them ([`Stream::decide`]: speaker
//! merge, grouping, vocabularies, order) and computes where every statement and article
//! shard is cut, by the same rule as the writer, so the parts written apart
//! (`part.rs`) are the single-process pack's files, byte for byte.

use super::stream::{speaker_counts, Kept, Stream};
use super::write::{Limits, Vocab};
use crate::corpus::compare::{Group, Keys};
use crate::corpus::speakers::{Speaker, SpeakerKey};
use crate::corpus::Corpus;
use crate::model::Kind as StatementKind;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// One record's keys (a corpus of one article, usually), or why it was not used.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartKeys {
    pub seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Each article's outlet and its size as its article shard encodes it.
    #[serde(default)]
    pub articles: Vec<(String, u64)>,
    #[serde(default)]
    pub statements: Vec<StatementKeys>,
}

/// What the whole-archive steps read of one statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementKeys {
    /// Its article's place in the part.
    pub article: usize,
    pub kind: StatementKind,
    pub span: Span,
    /// The words it is compared by ([`Corpus::quoted_text`]).
    pub quoted: String,
    pub speaker: SpeakerKey,
    pub known: bool,
    pub day: i64,
    pub id: String,
    /// Its size in a statement shard with article and speaker numbered 0.
    pub size: u64,
}

impl PartKeys {
    /// The keys of `part`, the record numbered `seq`.
    pub fn of(seq: u64, part: &Corpus) -> Result<PartKeys, String> {
        let size = |bytes: Result<Vec<u8>, postcard::Error>| {
            bytes.map(|b| b.len() as u64).map_err(|e| e.to_string())
        };
        let mut articles = Vec::new();
        for a in &part.articles {
            articles.push((a.outlet.clone(), size(postcard::to_allocvec(a))?));
        }
        let mut statements = Vec::new();
        for e in &part.entries {
            let text = part.articles.get(e.article).map_or("", |a| a.text.as_str());
            let mut entry = e.clone();
            entry.article = 0;
            entry.speaker = 0;
            let bytes = size(postcard::to_allocvec(&entry))?
                + size(postcard::to_allocvec(part.text_of(e)))?;
            statements.push(StatementKeys {
                article: e.article,
                kind: e.statement.kind,
                span: e.statement.span,
                quoted: part.quoted_text(e).into_owned(),
                speaker: SpeakerKey::of(&e.statement, text),
                known: e.when.is_known(),
                day: e.when.day,
                id: e.id.clone(),
                size: bytes,
            });
        }
        Ok(PartKeys {
            seq,
            bad: None,
            why: None,
            articles,
            statements,
        })
    }
}

/// Everything the parts and the root's merge need: the whole-archive decisions and the
/// cut points. Its size grows with the statements (8 bytes each) and the articles.
#[derive(Serialize, Deserialize)]
pub struct Plan {
    pub topics: Vec<String>,
    pub generator: String,
    pub limits: Limits,
    pub speakers: Vec<Speaker>,
    pub speaker_counts: Vec<u64>,
    pub(super) vocab: Vocab,
    /// The groups, members by statement number.
    pub groups: Vec<Group>,
    pub articles: u64,
    /// Each record's `seq`, its first article's number and its first statement's
    /// place in the stream, by `seq`.
    pub parts: Vec<(u64, u64, u64)>,
    /// Each statement's number (its place in the archive's order) and merged speaker,
    /// by its place in the stream.
    pub number: Vec<u32>,
    pub speaker: Vec<u32>,
    /// Where the statement shards are cut: shard `k` holds numbers `[b[k], b[k + 1])`.
    pub statement_bounds: Vec<u64>,
    /// Where the article shards are cut, the same way.
    pub article_bounds: Vec<u64>,
}

impl Plan {
    /// The record `seq`'s first article and first statement, if it was planned.
    pub fn part(&self, seq: u64) -> Option<(u64, u64)> {
        let at = self.parts.binary_search_by_key(&seq, |p| p.0).ok()?;
        self.parts.get(at).map(|p| (p.1, p.2))
    }

    pub fn statement_shards(&self) -> usize {
        self.statement_bounds.len().saturating_sub(1)
    }

    pub fn article_shards(&self) -> usize {
        self.article_bounds.len().saturating_sub(1)
    }
}

/// The shard that holds number `n`, under `bounds`.
pub fn shard_of(bounds: &[u64], n: u64) -> Option<usize> {
    let k = bounds.partition_point(|&b| b <= n);
    (k >= 1 && k < bounds.len()).then(|| k - 1)
}

/// The cut points of items of these sizes under `limit`, as the shard writers cut:
/// a shard ends with the item that brings it to the limit.
fn bounds(sizes: impl Iterator<Item = usize>, limit: usize) -> Vec<u64> {
    let (mut out, mut acc, mut n) = (vec![0u64], 0usize, 0u64);
    for s in sizes {
        n += 1;
        acc += s;
        if acc >= limit {
            out.push(n);
            acc = 0;
        }
    }
    if out.last() != Some(&n) {
        out.push(n);
    }
    out
}

/// How many bytes postcard's varint takes for `n`.
fn varint_len(n: usize) -> usize {
    let bits = usize::BITS - n.leading_zeros();
    (bits as usize).div_ceil(7).max(1)
}

/// The plan being made from the records' keys, in archive order.
pub struct Planner {
    stream: Stream,
    parts: Vec<(u64, u64, u64)>,
    article_sizes: Vec<u64>,
}

impl Planner {
    pub fn new(topics: &[String], generator: &str, limits: Limits) -> Planner {
        Planner {
            stream: Stream::new(topics, generator, limits),
            parts: Vec::new(),
            article_sizes: Vec::new(),
        }
    }

    /// Adds the next record's keys; a `seq` not above the last one's is refused.
    pub fn note(&mut self, p: &PartKeys) -> Result<(), String> {
        if self.parts.last().is_some_and(|l| l.0 >= p.seq) {
            return Err(format!("record {} comes out of order", p.seq));
        }
        let s = &mut self.stream;
        let (base, first) = (s.article_count, s.kept.len());
        for (outlet, size) in &p.articles {
            s.keys.article(outlet);
            self.article_sizes.push(*size);
        }
        for k in &p.statements {
            s.keys
                .push_parts(base + k.article, 0, k.kind, k.span, &k.quoted);
            let n = s.speaker_keys.len() as u32;
            let speaker = *s.speaker_keys.entry(k.speaker.clone()).or_insert(n);
            s.kinds.insert(k.kind.as_str());
            s.kept.push(Kept {
                at: 0,
                len: u32::try_from(k.size).unwrap_or(u32::MAX),
                unknown: !k.known,
                day: k.day,
                id: (s.ids.len() as u64, k.id.len() as u32),
                speaker,
            });
            s.ids.extend_from_slice(k.id.as_bytes());
        }
        s.article_count += p.articles.len();
        self.parts.push((p.seq, base as u64, first as u64));
        Ok(())
    }

    pub fn articles(&self) -> usize {
        self.stream.article_count
    }

    /// The plan: the whole-archive steps (`grouping` as for [`Stream::finish`]) and
    /// the cut points.
    pub fn finish(self, grouping: impl FnOnce(&Keys) -> Vec<Group>) -> Plan {
        let mut s = self.stream;
        let d = s.decide(grouping);
        let mut number = vec![0u32; d.order.len()];
        for (k, &i) in d.order.iter().enumerate() {
            if let Some(slot) = number.get_mut(i as usize) {
                *slot = k as u32;
            }
        }
        let size = |i: usize| {
            let kept = s.kept.get(i).map_or(0, |k| k.len as usize);
            let article = d.articles.get(i).copied().unwrap_or(0);
            let speaker = d.speaker_of.get(i).copied().unwrap_or(0) as usize;
            kept + varint_len(article) + varint_len(speaker) - 2
        };
        let statement_bounds = bounds(
            d.order.iter().map(|&i| size(i as usize)),
            s.limits.statements,
        );
        let article_bounds = bounds(
            self.article_sizes.iter().map(|&b| b as usize),
            s.limits.articles,
        );
        Plan {
            speaker_counts: speaker_counts(&d.speaker_of, d.speakers.len()),
            topics: s.topics,
            generator: s.generator,
            limits: s.limits,
            speakers: d.speakers,
            vocab: d.vocab,
            groups: d.groups,
            articles: s.article_count as u64,
            parts: self.parts,
            number,
            speaker: d.speaker_of,
            statement_bounds,
            article_bounds,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_points_follow_the_writers_rule() {
        assert_eq!(bounds([5, 5, 5, 5, 1].into_iter(), 10), vec![0, 2, 4, 5]);
        assert_eq!(bounds([10, 3].into_iter(), 10), vec![0, 1, 2]);
        assert_eq!(bounds([4, 6].into_iter(), 10), vec![0, 2]);
        assert_eq!(bounds(std::iter::empty(), 10), vec![0]);
        assert_eq!(shard_of(&[0, 2, 4, 5], 3), Some(1));
        assert_eq!(shard_of(&[0, 2, 4, 5], 5), None);
        assert_eq!(shard_of(&[0], 0), None);
    }

    #[test]
    fn varints_are_postcards() {
        for n in [0usize, 1, 127, 128, 16_383, 16_384, 1 << 30] {
            assert_eq!(
                varint_len(n),
                postcard::to_allocvec(&n).unwrap().len(),
                "{n}"
            );
        }
    }
}
