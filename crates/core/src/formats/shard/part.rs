//! The partitioned reduce's parts and its merge. A part ([`PartWriter`]) gets whole
//! shards' worth of statements and articles, each with its number from the [`Plan`],
//! in order, and writes those statement and article shards under their final names,
//! answering what the root needs of them ([`PartWritten`]: file entries, summaries,
//! the index's postings). The merge ([`Merge`]) takes every part's answer and writes
//! the index chunks, the group shards, the outlet chunks, the summary file and the root:
//! the same bytes as the single-process pack.

use super::file::Files;
use super::groups::{group_of, write_groups};
use super::index::{terms, write_terms};
use super::outlets::write_others;
use super::plan::{shard_of, Plan};
use super::types::*;
use super::write::{root, ArticleShards, StatementShards, Tables};
use crate::corpus::{Article, Entry};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What a part wrote: each statement shard (its number, entry, summary and counts of
/// the outlets past the root's), each article shard, and each term's statements.
#[derive(Default, Serialize, Deserialize)]
pub struct PartWritten {
    pub statement_shards: Vec<(u64, StatementShardInfo, Summary, Counts)>,
    pub article_shards: Vec<(u64, ArticleShardInfo)>,
    pub postings: Vec<(String, Vec<u32>)>,
}

/// A shard being written: its number, the next number it expects, the writer.
struct Open<W> {
    shard: usize,
    next: u64,
    writer: W,
}

/// One part of the reduce (see the module's comment).
pub struct PartWriter<'p> {
    plan: &'p Plan,
    group_of: Vec<Option<u32>>,
    statements: Option<Open<StatementShards>>,
    articles: Option<Open<ArticleShards>>,
    out: PartWritten,
    postings: BTreeMap<String, Vec<u32>>,
    speaker_terms: HashMap<usize, Vec<String>>,
}

/// Why a shard cannot be written whole.
fn missing(kind: Kind, shard: usize, from: u64, to: u64) -> String {
    format!(
        "{} lacks items {from} to {to} (a record was lost between the plan and the part)",
        kind.name(shard)
    )
}

impl<'p> PartWriter<'p> {
    pub fn new(plan: &'p Plan) -> PartWriter<'p> {
        PartWriter {
            plan,
            group_of: group_of(&plan.groups, plan.number.len()),
            statements: None,
            articles: None,
            out: PartWritten::default(),
            postings: BTreeMap::new(),
            speaker_terms: HashMap::new(),
        }
    }

    /// Adds statement `number` (its entry's article and speaker already the archive's)
    /// with its text. Statements come by number; one given twice is used once.
    pub fn statement(
        &mut self,
        number: u64,
        e: Entry,
        text: String,
        sink: &mut Files<'_>,
    ) -> Result<(), String> {
        let bounds = &self.plan.statement_bounds;
        let Some(shard) = shard_of(bounds, number) else {
            return Err(format!("statement {number} is not in the plan"));
        };
        if self.statements.as_ref().map(|o| o.shard) != Some(shard) {
            self.close_statements(sink)?;
            let first = bounds.get(shard).copied().unwrap_or(0);
            self.statements = Some(Open {
                shard,
                next: first,
                writer: StatementShards::at(usize::MAX, shard, first),
            });
        }
        let Some(open) = self.statements.as_mut() else {
            return Ok(());
        };
        if number < open.next {
            return Ok(());
        }
        if number > open.next {
            return Err(missing(Kind::Statements, shard, open.next, number - 1));
        }
        open.next += 1;
        let n = number as u32;
        let theirs = self.speaker_terms.entry(e.speaker).or_insert_with(|| {
            let name = (self.plan.speakers.get(e.speaker)).map_or("", |s| s.name.as_str());
            terms(name)
        });
        let words = terms(&text);
        let more = theirs.iter().filter(|t| !words.contains(t));
        for t in words.iter().chain(more) {
            self.postings.entry(t.clone()).or_default().push(n);
        }
        let group = self.group_of.get(number as usize).copied().flatten();
        open.writer.push(&self.plan.vocab, e, text, group, sink)
    }

    /// Adds article `number`. Articles come by number; one given twice is used once.
    pub fn article(&mut self, number: u64, a: Article, sink: &mut Files<'_>) -> Result<(), String> {
        let bounds = &self.plan.article_bounds;
        let Some(shard) = shard_of(bounds, number) else {
            return Err(format!("article {number} is not in the plan"));
        };
        if self.articles.as_ref().map(|o| o.shard) != Some(shard) {
            self.close_articles(sink)?;
            let first = bounds.get(shard).copied().unwrap_or(0);
            self.articles = Some(Open {
                shard,
                next: first,
                writer: ArticleShards::at(usize::MAX, shard, first),
            });
        }
        let Some(open) = self.articles.as_mut() else {
            return Ok(());
        };
        if number < open.next {
            return Ok(());
        }
        if number > open.next {
            return Err(missing(Kind::Articles, shard, open.next, number - 1));
        }
        open.next += 1;
        open.writer.push(a, sink)
    }

    fn close_statements(&mut self, sink: &mut Files<'_>) -> Result<(), String> {
        let Some(open) = self.statements.take() else {
            return Ok(());
        };
        let end = (self.plan.statement_bounds.get(open.shard + 1))
            .copied()
            .unwrap_or(0);
        if open.next != end {
            return Err(missing(
                Kind::Statements,
                open.shard,
                open.next,
                end.saturating_sub(1),
            ));
        }
        let written = open.writer.finish(&self.plan.vocab, sink)?;
        for (mut info, others) in written.table.into_iter().zip(written.others) {
            let summary = std::mem::take(&mut info.summary);
            (self.out.statement_shards).push((open.shard as u64, info, summary, others));
        }
        Ok(())
    }

    fn close_articles(&mut self, sink: &mut Files<'_>) -> Result<(), String> {
        let Some(open) = self.articles.take() else {
            return Ok(());
        };
        let end = (self.plan.article_bounds.get(open.shard + 1))
            .copied()
            .unwrap_or(0);
        if open.next != end {
            return Err(missing(
                Kind::Articles,
                open.shard,
                open.next,
                end.saturating_sub(1),
            ));
        }
        for info in open.writer.finish(sink)? {
            self.out.article_shards.push((open.shard as u64, info));
        }
        Ok(())
    }

    /// Writes the last shards and answers what was written.
    pub fn finish(mut self, sink: &mut Files<'_>) -> Result<PartWritten, String> {
        self.close_statements(sink)?;
        self.close_articles(sink)?;
        self.out.postings = self.postings.into_iter().collect();
        Ok(self.out)
    }
}

/// The root's merge of the parts' answers (see the module's comment).
pub struct Merge<'p> {
    plan: &'p Plan,
    statements: Vec<Option<(StatementShardInfo, Counts)>>,
    articles: Vec<Option<ArticleShardInfo>>,
    postings: BTreeMap<String, Vec<u32>>,
}

impl<'p> Merge<'p> {
    pub fn new(plan: &'p Plan) -> Merge<'p> {
        Merge {
            plan,
            statements: vec![None; plan.statement_shards()],
            articles: vec![None; plan.article_shards()],
            postings: BTreeMap::new(),
        }
    }

    /// Adds one part's answer; a shard answered twice (a part run again) counts once.
    pub fn add(&mut self, part: PartWritten) {
        for (k, mut info, summary, others) in part.statement_shards {
            if let Some(slot @ None) = self.statements.get_mut(k as usize) {
                info.summary = summary;
                *slot = Some((info, others));
            }
        }
        for (k, info) in part.article_shards {
            if let Some(slot @ None) = self.articles.get_mut(k as usize) {
                *slot = Some(info);
            }
        }
        for (t, ids) in part.postings {
            self.postings.entry(t).or_default().extend(ids);
        }
    }

    /// Writes the index chunks, group shards, outlet chunks, summaries and the root.
    pub fn finish(self, sink: &mut Files<'_>) -> Result<Root, String> {
        let (plan, limits) = (self.plan, self.plan.limits);
        let lost = |kind: Kind, k: usize| format!("{} was written by no part", kind.name(k));
        let mut table = Vec::new();
        let mut others = Vec::new();
        for (k, s) in self.statements.into_iter().enumerate() {
            let (info, o) = s.ok_or_else(|| lost(Kind::Statements, k))?;
            table.push(info);
            others.push(o);
        }
        let mut article_shards = Vec::new();
        for (k, a) in self.articles.into_iter().enumerate() {
            article_shards.push(a.ok_or_else(|| lost(Kind::Articles, k))?);
        }
        let mut postings = self.postings;
        for ids in postings.values_mut() {
            ids.sort_unstable();
            ids.dedup();
        }
        let index_chunks = write_terms(
            (postings.iter()).map(|(t, ids)| (t.as_str(), ids.as_slice())),
            limits.index,
            sink,
        )?;
        let group_shards = write_groups(&plan.groups, limits.groups, sink)?;
        let v = &plan.vocab;
        let (outlet_chunks, other_outlets) =
            write_others(&v.outlets, v.top, &others, limits.index, sink)?;
        let tables = Tables {
            articles: plan.articles,
            statements: plan.number.len() as u64,
            speakers: plan.speakers.clone(),
            speaker_counts: plan.speaker_counts.clone(),
            groups: plan.groups.len() as u64,
            statement_shards: table,
            article_shards,
            index_chunks,
            group_shards,
            outlet_chunks,
            other_outlets,
        };
        root(tables, v, &plan.topics, &plan.generator, sink)
    }
}
