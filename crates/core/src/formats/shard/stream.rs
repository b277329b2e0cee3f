//! The archive written as its articles stream through, with bounded memory: the same
//! files as [`super::write`] over the merged corpus and its groups, byte for byte, while
//! holding neither the articles' texts nor the statements.
//!
//! Each article (a one-article corpus, as `quoteline prepare` prints it or as the pack
//! extracts it on every core) goes to its article shard at once; each statement is
//! spilled with its index terms (as numbers) to a [`Spill`], and only compact keys stay
//! in memory: its sort key, its speaker key (the speaker merge's input, kept once per
//! distinct key) and its grouping key (content words as numbers). At the end the speaker
//! merge and the grouping run over those keys, the statements are read back from the
//! spill in the archive's order into their shards, the index is cut into chunks, and the
//! root is written last.

use super::file::Files;
use super::groups::{group_of, write_groups};
use super::index::{terms, write_terms};
use super::outlets::write_others;
use super::types::*;
use super::write::{
    renumbered_groups, root, ArticleShards, Limits, StatementShards, Tables, Vocab, WrittenShards,
};
use crate::corpus::compare::{Group, Interner, Keys};
use crate::corpus::speakers::{apply_table, Speaker, SpeakerKey, SpeakerMerge};
use crate::corpus::{Corpus, Entry};
use std::collections::{BTreeSet, HashMap};

/// Where the statements wait while the archive streams: bytes kept and read back by
/// place. The CLI spills to a temporary file; `Vec<u8>` keeps them in memory (tests).
pub trait Spill {
    /// Keeps `bytes`, answering where they start.
    fn put(&mut self, bytes: &[u8]) -> Result<u64, String>;
    /// The `len` bytes kept at `at`.
    fn get(&mut self, at: u64, len: usize) -> Result<Vec<u8>, String>;
}

impl Spill for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) -> Result<u64, String> {
        let at = self.len() as u64;
        self.extend_from_slice(bytes);
        Ok(at)
    }

    fn get(&mut self, at: u64, len: usize) -> Result<Vec<u8>, String> {
        let start = usize::try_from(at).map_err(|e| e.to_string())?;
        (self.as_slice().get(start..start.saturating_add(len)))
            .map(<[u8]>::to_vec)
            .ok_or_else(|| format!("the spill holds no {len} bytes at {at}"))
    }
}

/// What stays in memory of a spilled statement: where it is, how it sorts, whose it is.
pub(super) struct Kept {
    pub(super) at: u64,
    pub(super) len: u32,
    pub(super) unknown: bool,
    pub(super) day: i64,
    /// Its id's place in [`Stream::ids`].
    pub(super) id: (u64, u32),
    pub(super) speaker: u32,
}

/// A spilled statement: the entry (its `article` the archive's, its speaker not yet
/// merged), its text, and its text's index terms.
type Spilled = (Entry, String, Vec<u32>);

/// An archive being written (see the module's comment).
pub struct Stream {
    pub(super) topics: Vec<String>,
    pub(super) generator: String,
    pub(super) limits: Limits,
    pub(super) keys: Keys,
    pub(super) speaker_keys: HashMap<SpeakerKey, u32>,
    pub(super) kept: Vec<Kept>,
    /// The statements' ids, one after another.
    pub(super) ids: Vec<u8>,
    pub(super) terms: Interner,
    pub(super) kinds: BTreeSet<&'static str>,
    pub(super) articles: ArticleShards,
    pub(super) article_count: usize,
}

impl Stream {
    /// An archive whose entries' topic indices point into `topics`.
    pub fn new(topics: &[String], generator: &str, limits: Limits) -> Stream {
        Stream {
            topics: topics.to_vec(),
            generator: generator.to_string(),
            limits,
            keys: Keys::default(),
            speaker_keys: HashMap::new(),
            kept: Vec::new(),
            ids: Vec::new(),
            terms: Interner::default(),
            kinds: BTreeSet::new(),
            articles: ArticleShards::new(limits.articles),
            article_count: 0,
        }
    }

    /// Adds the next articles (a corpus of one article, usually): their statements are
    /// spilled, the articles written to their shards.
    pub fn push(
        &mut self,
        part: Corpus,
        spill: &mut dyn Spill,
        sink: &mut Files<'_>,
    ) -> Result<(), String> {
        let base = self.article_count;
        for a in &part.articles {
            self.keys.article(&a.outlet);
        }
        for e in &part.entries {
            self.statement(&part, base, e, spill)?;
        }
        self.article_count += part.articles.len();
        for a in part.articles {
            self.articles.push(a, sink)?;
        }
        Ok(())
    }

    fn statement(
        &mut self,
        part: &Corpus,
        base: usize,
        e: &Entry,
        spill: &mut dyn Spill,
    ) -> Result<(), String> {
        let article = base + e.article;
        let text = part.articles.get(e.article).map_or("", |a| a.text.as_str());
        self.keys.push(article, e, &part.quoted_text(e));
        let key = SpeakerKey::of(&e.statement, text);
        let n = self.speaker_keys.len() as u32;
        let speaker = *self.speaker_keys.entry(key).or_insert(n);
        let words: Vec<u32> = (terms(part.text_of(e)).iter())
            .map(|t| self.terms.id(t))
            .collect();
        let mut entry = e.clone();
        entry.article = article;
        entry.speaker = 0;
        self.kinds.insert(e.statement.kind.as_str());
        let bytes =
            postcard::to_allocvec(&(entry, part.text_of(e), words)).map_err(|e| e.to_string())?;
        let at = spill.put(&bytes)?;
        self.kept.push(Kept {
            at,
            len: bytes.len() as u32,
            unknown: !e.when.is_known(),
            day: e.when.day,
            id: (self.ids.len() as u64, e.id.len() as u32),
            speaker,
        });
        self.ids.extend_from_slice(e.id.as_bytes());
        Ok(())
    }

    /// How many statements have come.
    pub fn statements(&self) -> usize {
        self.kept.len()
    }

    /// How many articles have come.
    pub fn articles(&self) -> usize {
        self.article_count
    }

    /// Merges the speakers and groups the statements over the whole archive (`grouping`
    /// is `compare::group` at `GROUP_THRESHOLD`, or a caller's containment of it), writes the
    /// statement shards and the index, and the root last. Answers the root, or the first
    /// error of the spill or the sink.
    pub fn finish(
        mut self,
        grouping: impl FnOnce(&Keys) -> Vec<Group>,
        spill: &mut dyn Spill,
        sink: &mut Files<'_>,
    ) -> Result<Root, String> {
        let article_shards =
            std::mem::replace(&mut self.articles, ArticleShards::new(0)).finish(sink)?;
        let d = self.decide(grouping);
        let group_of = group_of(&d.groups, d.order.len());
        let written = self.statement_shards(
            &d.order,
            &Numbering {
                speaker_of: &d.speaker_of,
                speakers: &d.speakers,
                group_of: &group_of,
            },
            &d.vocab,
            spill,
            sink,
        )?;
        let mut by_term: Vec<u32> = (0..self.terms.len() as u32).collect();
        by_term.sort_by(|&a, &b| self.terms.get(a).cmp(self.terms.get(b)));
        let index_chunks = write_terms(
            (by_term.iter())
                .filter_map(|&t| {
                    Some((
                        self.terms.get(t),
                        written.postings.get(t as usize)?.as_slice(),
                    ))
                })
                .filter(|(_, ids)| !ids.is_empty()),
            self.limits.index,
            sink,
        )?;
        let speaker_counts = speaker_counts(&d.speaker_of, d.speakers.len());
        let group_shards = write_groups(&d.groups, self.limits.groups, sink)?;
        let (outlet_chunks, other_outlets) = write_others(
            &d.vocab.outlets,
            d.vocab.top,
            &written.shards.others,
            self.limits.index,
            sink,
        )?;
        let tables = Tables {
            articles: self.article_count as u64,
            statements: self.kept.len() as u64,
            speakers: d.speakers,
            speaker_counts,
            groups: d.groups.len() as u64,
            statement_shards: written.shards.table,
            article_shards,
            index_chunks,
            group_shards,
            outlet_chunks,
            other_outlets,
        };
        root(tables, &d.vocab, &self.topics, &self.generator, sink)
    }

    /// The whole-archive steps over the compact keys: the speaker merge, the grouping
    /// (by statement numbers), the vocabularies and the archive's order.
    pub(super) fn decide(&mut self, grouping: impl FnOnce(&Keys) -> Vec<Group>) -> Decided {
        let (speakers, speaker_of) = self.speakers();
        for (k, &s) in self.keys.statements.iter_mut().zip(&speaker_of) {
            k.speaker = s;
        }
        let groups = grouping(&self.keys);
        let keys = std::mem::take(&mut self.keys);
        let articles: Vec<usize> = (keys.statements.iter())
            .map(|k| k.article as usize)
            .collect();
        let vocab = Vocab::ranked(
            (0..keys.outlets.len() as u32)
                .map(|o| keys.outlets.get(o).to_string())
                .collect(),
            keys.article_outlet,
            articles.iter().copied(),
            self.limits.outlets,
            self.kinds.iter().map(|k| k.to_string()).collect(),
            self.topics.len(),
        );
        let order = self.order();
        let groups = numbered(&groups, &order);
        Decided {
            speakers,
            speaker_of,
            groups,
            vocab,
            order,
            articles,
        }
    }

    /// The speaker merge over the statements' keys, in archive order, then the speaker
    /// table: the speakers, and each statement's.
    fn speakers(&mut self) -> (Vec<Speaker>, Vec<u32>) {
        let mut table: Vec<Option<SpeakerKey>> = vec![None; self.speaker_keys.len()];
        for (k, n) in std::mem::take(&mut self.speaker_keys) {
            if let Some(slot) = table.get_mut(n as usize) {
                *slot = Some(k);
            }
        }
        let key = |k: &Kept| table.get(k.speaker as usize).and_then(Option::as_ref);
        let mut merge = SpeakerMerge::of_keys(self.kept.iter().filter_map(key));
        let merged: Vec<usize> = (self.kept.iter())
            .map(|k| key(k).map_or(0, |key| merge.of_key(key)))
            .collect();
        let mut speakers = merge.finish();
        let mut uses = vec![0u64; speakers.len()];
        for &s in &merged {
            if let Some(u) = uses.get_mut(s) {
                *u += 1;
            }
        }
        let remap = apply_table(&mut speakers, crate::lexicon::SPEAKERS, &uses);
        let of = (merged.iter())
            .map(|&s| remap.get(s).copied().unwrap_or_default() as u32)
            .collect();
        (speakers, of)
    }

    /// The statements in the archive's order ([`super::statement_order`]): dated first,
    /// by day, then by id.
    fn order(&self) -> Vec<u32> {
        let id = |k: &Kept| {
            let start = k.id.0 as usize;
            (self.ids.as_slice().get(start..start + k.id.1 as usize)).unwrap_or_default()
        };
        let mut order: Vec<u32> = (0..self.kept.len() as u32).collect();
        order.sort_by(
            |&a, &b| match (self.kept.get(a as usize), self.kept.get(b as usize)) {
                (Some(x), Some(y)) => (x.unknown, x.day, id(x)).cmp(&(y.unknown, y.day, id(y))),
                _ => a.cmp(&b),
            },
        );
        order
    }

    /// Reads the statements back in `order` into their shards, each with its merged
    /// speaker and its group, and gathers the index's postings (its text's terms and its
    /// speaker's).
    fn statement_shards(
        &mut self,
        order: &[u32],
        numbering: &Numbering<'_>,
        vocab: &Vocab,
        spill: &mut dyn Spill,
        sink: &mut Files<'_>,
    ) -> Result<Written, String> {
        let mut shards = StatementShards::new(self.limits.statements);
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut speaker_terms: HashMap<u32, Vec<u32>> = HashMap::new();
        for (n, &i) in order.iter().enumerate() {
            let Some(k) = self.kept.get(i as usize) else {
                continue;
            };
            let bytes = spill.get(k.at, k.len as usize)?;
            let (mut e, text, words): Spilled = postcard::from_bytes(&bytes)
                .map_err(|e| format!("a spilled statement could not be read back ({e})"))?;
            let speaker = (numbering.speaker_of.get(i as usize).copied()).unwrap_or_default();
            e.speaker = speaker as usize;
            let terms = &mut self.terms;
            let theirs = speaker_terms.entry(speaker).or_insert_with(|| {
                let name =
                    (numbering.speakers.get(speaker as usize)).map_or("", |s| s.name.as_str());
                (super::index::terms(name).iter())
                    .map(|t| terms.id(t))
                    .collect()
            });
            let more = theirs.iter().filter(|t| !words.contains(t));
            for &t in words.iter().chain(more) {
                if postings.len() <= t as usize {
                    postings.resize_with(t as usize + 1, Vec::new);
                }
                if let Some(p) = postings.get_mut(t as usize) {
                    p.push(n as u32);
                }
            }
            let group = numbering.group_of.get(n).copied().flatten();
            shards.push(vocab, e, text, group, sink)?;
        }
        Ok(Written {
            shards: shards.finish(vocab, sink)?,
            postings,
        })
    }
}

/// What [`Stream::decide`] decides over the whole archive: the speakers and each
/// statement's (by its place in the stream), the groups (members by statement number),
/// the vocabularies, the archive's order and each statement's article.
pub(super) struct Decided {
    pub speakers: Vec<Speaker>,
    pub speaker_of: Vec<u32>,
    pub groups: Vec<Group>,
    pub vocab: Vocab,
    pub order: Vec<u32>,
    pub articles: Vec<usize>,
}

/// How many statements each of `speakers` speakers has.
pub(super) fn speaker_counts(speaker_of: &[u32], speakers: usize) -> Vec<u64> {
    let mut counts = vec![0u64; speakers];
    for &s in speaker_of {
        if let Some(c) = counts.get_mut(s as usize) {
            *c += 1;
        }
    }
    counts
}

/// The statement shards written, and each term's statements (by the term's number).
struct Written {
    shards: WrittenShards,
    postings: Vec<Vec<u32>>,
}

/// Each statement's merged speaker (by its place in the stream), the speakers, and each
/// statement's group (by its number in the archive).
struct Numbering<'a> {
    speaker_of: &'a [u32],
    speakers: &'a [Speaker],
    group_of: &'a [Option<u32>],
}

/// The groups with statement numbers (places in `order`) for members.
fn numbered(groups: &[Group], order: &[u32]) -> Vec<Group> {
    let mut number = vec![0u64; order.len()];
    for (n, &i) in order.iter().enumerate() {
        if let Some(slot) = number.get_mut(i as usize) {
            *slot = n as u64;
        }
    }
    renumbered_groups(groups, &number)
}
