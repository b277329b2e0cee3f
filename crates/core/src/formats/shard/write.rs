//! Writing a sharded corpus: the statements in date-then-id order cut into shards of a
//! few hundred kB, each shard's summary, the article shards, the index chunks, the group
//! shards and the outlet chunks, and the root last (it holds every shard's size and checksum). Files go to a sink as they are
//! made, so the caller writes them without holding the archive twice.

use super::file::{emit_file, push_len, push_postcard, shard_head, Files};
use super::groups::{group_of, write_groups};
use super::index;
use super::manifest::manifest_bytes;
use super::outlets::{ranking, write_others};
use super::types::*;
use crate::corpus::compare::{Comparison, Group};
use crate::corpus::{Article, Corpus, Entry, Speaker};
use std::collections::BTreeMap;

/// Where shards are cut: once a shard's contents reach these many bytes (index and
/// outlet chunks both at `index`); and how many outlets the root names (`outlets`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    pub statements: usize,
    pub articles: usize,
    pub index: usize,
    pub groups: usize,
    pub outlets: usize,
}

impl Default for Limits {
    /// A few hundred kB a shard: a view fetches a handful, each over in one round trip.
    fn default() -> Limits {
        Limits {
            statements: 256 * 1024,
            articles: 512 * 1024,
            index: 128 * 1024,
            groups: 128 * 1024,
            // Enough for the facet list with all its values shown on a page, and at
            // most a few kB of the root (see BENCHMARKS.md, format 4).
            outlets: 200,
        }
    }
}

/// The statements' order in the archive: dated first, by day, then by id.
pub fn statement_order(corpus: &Corpus) -> Vec<usize> {
    let mut order: Vec<usize> = (0..corpus.entries.len()).collect();
    let key = |i: &usize| {
        corpus
            .entries
            .get(*i)
            .map(|e| (!e.when.is_known(), e.when.day, e.id.as_str()))
    };
    order.sort_by(|a, b| key(a).cmp(&key(b)));
    order
}

/// The vocabularies: outlets ranked (the root's first `top`, then the rest by name:
/// see `outlets.rs`), kinds by name, topics then "other".
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Vocab {
    pub outlets: Vec<String>,
    pub article_outlet: Vec<u32>,
    pub top: usize,
    pub kinds: Vec<String>,
    pub topics: usize,
}

impl Vocab {
    fn new(corpus: &Corpus, topics: &[String], top: usize) -> Vocab {
        let outlets: Vec<String> = corpus.outlets().into_iter().map(String::from).collect();
        let at: BTreeMap<&str, u32> = (outlets.iter().enumerate())
            .map(|(k, o)| (o.as_str(), k as u32))
            .collect();
        let article_outlet = (corpus.articles.iter())
            .map(|a| at.get(a.outlet.as_str()).copied().unwrap_or(0))
            .collect();
        let mut kinds: Vec<String> = (corpus.entries.iter())
            .map(|e| e.statement.kind.as_str().to_string())
            .collect();
        kinds.sort();
        kinds.dedup();
        let articles = corpus.entries.iter().map(|e| e.article);
        Vocab::ranked(outlets, article_outlet, articles, top, kinds, topics.len())
    }

    /// The vocabularies with the outlets (`names`, in first-seen order, and each
    /// article's) ranked by the statements of `articles` (each statement's article).
    pub(super) fn ranked(
        names: Vec<String>,
        article_outlet: Vec<u32>,
        articles: impl Iterator<Item = usize>,
        top: usize,
        kinds: Vec<String>,
        topics: usize,
    ) -> Vocab {
        let mut counts = vec![0u64; names.len()];
        for a in articles {
            let o = article_outlet.get(a).copied().unwrap_or(0);
            if let Some(c) = counts.get_mut(o as usize) {
                *c += 1;
            }
        }
        let position = ranking(&names, &counts, top);
        let mut outlets = vec![String::new(); names.len()];
        for (name, &p) in names.into_iter().zip(&position) {
            if let Some(slot) = outlets.get_mut(p as usize) {
                *slot = name;
            }
        }
        let article_outlet = (article_outlet.iter())
            .map(|&o| position.get(o as usize).copied().unwrap_or(0))
            .collect();
        Vocab {
            top: top.min(outlets.len()),
            outlets,
            article_outlet,
            kinds,
            topics,
        }
    }

    pub(super) fn outlet(&self, e: &Entry) -> u32 {
        self.article_outlet.get(e.article).copied().unwrap_or(0)
    }

    fn kind(&self, e: &Entry) -> u32 {
        let k = e.statement.kind.as_str();
        self.kinds.iter().position(|x| x == k).unwrap_or(0) as u32
    }
}

/// Adds one statement to a summary's maps.
#[derive(Default)]
struct Tally {
    outlets: BTreeMap<u32, u64>,
    kinds: BTreeMap<u32, u64>,
    topics: BTreeMap<u32, u64>,
    days: BTreeMap<i64, u64>,
    undated: u64,
}

impl Tally {
    fn add(&mut self, v: &Vocab, e: &Entry) {
        *self.outlets.entry(v.outlet(e)).or_default() += 1;
        *self.kinds.entry(v.kind(e)).or_default() += 1;
        if e.topics.is_empty() {
            *self.topics.entry(v.topics as u32).or_default() += 1;
        }
        for (t, _) in &e.topics {
            *self.topics.entry(*t as u32).or_default() += 1;
        }
        if e.when.is_known() {
            *self.days.entry(e.when.day).or_default() += 1;
        } else {
            self.undated += 1;
        }
    }

    fn summary(self) -> Summary {
        Summary {
            outlets: self.outlets.into_iter().collect(),
            kinds: self.kinds.into_iter().collect(),
            topics: self.topics.into_iter().collect(),
            days: self.days.into_iter().collect(),
            undated: self.undated,
        }
    }
}

/// Statement shards as their statements come, in the archive's order: each cut once
/// its contents reach the limit, with its summary. Each statement is encoded once, as it
/// comes, into the body of the [`StatementShard`] being made (postcard writes a `Vec` as
/// its length then its items, so the body is the entries' bytes, the outlets and the
/// texts' bytes, each behind its count, then the groups and the outlets' names the root
/// lacks); the shard's size is then the bytes so far.
pub(super) struct StatementShards {
    limit: usize,
    /// The number of the first shard written (0 but in a part of the partitioned
    /// reduce).
    base: usize,
    entries: Vec<u8>,
    outlets: Vec<u32>,
    texts: Vec<u8>,
    groups: Vec<Option<u32>>,
    tally: Tally,
    first: u64,
    out: Vec<StatementShardInfo>,
    /// Each written shard's counts of the outlets the root does not name.
    others: Vec<Counts>,
}

/// The statement shards written: their table, and each one's counts of the outlets past
/// the root's.
pub(super) struct WrittenShards {
    pub table: Vec<StatementShardInfo>,
    pub others: Vec<Counts>,
}

impl StatementShards {
    pub(super) fn new(limit: usize) -> StatementShards {
        StatementShards::at(limit, 0, 0)
    }

    /// Shards numbered from `base`, whose first statement is number `first`.
    pub(super) fn at(limit: usize, base: usize, first: u64) -> StatementShards {
        StatementShards {
            limit,
            base,
            entries: Vec::new(),
            outlets: Vec::new(),
            texts: Vec::new(),
            groups: Vec::new(),
            tally: Tally::default(),
            first,
            out: Vec::new(),
            others: Vec::new(),
        }
    }

    /// Adds the next statement with its text and its group number, and writes the
    /// shard when it is full.
    pub(super) fn push(
        &mut self,
        vocab: &Vocab,
        e: Entry,
        text: String,
        group: Option<u32>,
        sink: &mut Files<'_>,
    ) -> Result<(), String> {
        self.tally.add(vocab, &e);
        self.outlets.push(vocab.outlet(&e));
        self.groups.push(group);
        push_postcard(&mut self.entries, &e)?;
        push_postcard(&mut self.texts, &text)?;
        if self.entries.len() + self.texts.len() >= self.limit {
            self.cut(vocab, sink)?;
        }
        Ok(())
    }

    fn cut(&mut self, vocab: &Vocab, sink: &mut Files<'_>) -> Result<(), String> {
        let n = self.outlets.len();
        let mut summary = std::mem::take(&mut self.tally).summary();
        let split = summary
            .outlets
            .partition_point(|&(o, _)| (o as usize) < vocab.top);
        let others = summary.outlets.split_off(split);
        let names: Vec<(u32, &str)> = (others.iter())
            .map(|&(o, _)| (o, vocab.outlets.get(o as usize).map_or("", String::as_str)))
            .collect();
        let mut bytes = shard_head(Kind::Statements);
        bytes.reserve(self.entries.len() + self.texts.len() + 7 * n + 16);
        push_len(&mut bytes, n);
        bytes.append(&mut self.entries);
        push_postcard(&mut bytes, &self.outlets)?;
        push_len(&mut bytes, n);
        bytes.append(&mut self.texts);
        push_postcard(&mut bytes, &self.groups)?;
        push_postcard(&mut bytes, &names)?;
        let file = emit_file(
            sink,
            Kind::Statements.name(self.base + self.out.len()),
            bytes,
        )?;
        self.out.push(StatementShardInfo {
            file,
            first: self.first,
            count: n as u64,
            summary,
        });
        self.others.push(others);
        self.first += n as u64;
        self.outlets.clear();
        self.groups.clear();
        Ok(())
    }

    /// Writes the last shard, and answers the table.
    pub(super) fn finish(
        mut self,
        vocab: &Vocab,
        sink: &mut Files<'_>,
    ) -> Result<WrittenShards, String> {
        if !self.outlets.is_empty() {
            self.cut(vocab, sink)?;
        }
        Ok(WrittenShards {
            table: self.out,
            others: self.others,
        })
    }
}

/// Article shards as their articles come, in article order, cut by size; each article
/// encoded once, into the body of the [`ArticleShard`] being made.
pub(super) struct ArticleShards {
    limit: usize,
    base: usize,
    articles: Vec<u8>,
    count: usize,
    first: u64,
    out: Vec<ArticleShardInfo>,
}

impl ArticleShards {
    pub(super) fn new(limit: usize) -> ArticleShards {
        ArticleShards::at(limit, 0, 0)
    }

    /// Shards numbered from `base`, whose first article is number `first`.
    pub(super) fn at(limit: usize, base: usize, first: u64) -> ArticleShards {
        ArticleShards {
            limit,
            base,
            articles: Vec::new(),
            count: 0,
            first,
            out: Vec::new(),
        }
    }

    /// Adds the next article, and writes the shard when it is full.
    pub(super) fn push(&mut self, a: Article, sink: &mut Files<'_>) -> Result<(), String> {
        push_postcard(&mut self.articles, &a)?;
        self.count += 1;
        if self.articles.len() >= self.limit {
            self.cut(sink)?;
        }
        Ok(())
    }

    fn cut(&mut self, sink: &mut Files<'_>) -> Result<(), String> {
        let mut bytes = shard_head(Kind::Articles);
        bytes.reserve(self.articles.len() + 5);
        push_len(&mut bytes, self.count);
        bytes.append(&mut self.articles);
        let file = emit_file(sink, Kind::Articles.name(self.base + self.out.len()), bytes)?;
        self.out.push(ArticleShardInfo {
            file,
            first: self.first,
            count: self.count as u64,
        });
        self.first += self.count as u64;
        self.count = 0;
        Ok(())
    }

    /// Writes the last shard, and answers the table.
    pub(super) fn finish(mut self, sink: &mut Files<'_>) -> Result<Vec<ArticleShardInfo>, String> {
        if self.count > 0 {
            self.cut(sink)?;
        }
        Ok(self.out)
    }
}

/// The groups with statement numbers for members, in order of their first member.
pub(super) fn renumbered_groups(groups: &[Group], number: &[u64]) -> Vec<Group> {
    let at = |i: usize| number.get(i).copied().unwrap_or(0) as usize;
    let mut groups: Vec<Group> = (groups.iter())
        .map(|g| {
            let mut members: Vec<usize> = g.members.iter().map(|&m| at(m)).collect();
            members.sort_unstable();
            Group {
                members,
                canonical: at(g.canonical),
                outlets: g.outlets,
                quotes_differ: g.quotes_differ,
            }
        })
        .collect();
    groups.sort_by_key(|g| g.members.first().copied());
    groups
}

/// The root's totals: sums of the shards' summaries, so the two cannot disagree.
fn totals(root: &mut Root, vocab: &Vocab, topics: &[String]) {
    let mut outlets = vec![0u64; vocab.top];
    let mut kinds = vec![0u64; vocab.kinds.len()];
    let mut topic_counts = vec![0u64; topics.len() + 1];
    let mut days: BTreeMap<i64, u64> = BTreeMap::new();
    let mut undated = 0;
    for s in &root.statement_shards {
        let add = |into: &mut Vec<u64>, from: &Counts| {
            for &(k, n) in from {
                if let Some(slot) = into.get_mut(k as usize) {
                    *slot += n;
                }
            }
        };
        add(&mut outlets, &s.summary.outlets);
        add(&mut kinds, &s.summary.kinds);
        add(&mut topic_counts, &s.summary.topics);
        for &(d, n) in &s.summary.days {
            *days.entry(d).or_default() += n;
        }
        undated += s.summary.undated;
    }
    let named = |names: &[String], counts: Vec<u64>| names.iter().cloned().zip(counts).collect();
    let mut topic_names = topics.to_vec();
    topic_names.push("other".into());
    root.outlets = named(vocab.outlets.get(..vocab.top).unwrap_or_default(), outlets);
    root.kinds = named(&vocab.kinds, kinds);
    root.topic_counts = named(&topic_names, topic_counts);
    root.histogram = days.into_iter().collect();
    root.undated = undated;
}

/// The summary file's bytes: every statement shard's summary, in shard order.
pub(super) fn summaries_bytes(shards: &[StatementShardInfo]) -> Result<Vec<u8>, String> {
    let mut bytes = shard_head(Kind::Summaries);
    push_len(&mut bytes, shards.len());
    for s in shards {
        push_postcard(&mut bytes, &s.summary)?;
    }
    Ok(bytes)
}

/// What the root holds besides the totals, which [`root`] sums from the shards.
pub(super) struct Tables {
    pub articles: u64,
    pub statements: u64,
    pub speakers: Vec<Speaker>,
    pub speaker_counts: Vec<u64>,
    pub groups: u64,
    pub statement_shards: Vec<StatementShardInfo>,
    pub article_shards: Vec<ArticleShardInfo>,
    pub index_chunks: Vec<ChunkInfo>,
    pub group_shards: Vec<GroupShardInfo>,
    pub outlet_chunks: Vec<ChunkInfo>,
    pub other_outlets: Others,
}

/// The root of an archive with these tables, and writes it through `sink`.
pub(super) fn root(
    t: Tables,
    vocab: &Vocab,
    topics: &[String],
    generator: &str,
    sink: &mut Files<'_>,
) -> Result<Root, String> {
    let mut root = Root {
        format: FORMAT.into(),
        version: VERSION,
        generator: generator.into(),
        topics: topics.to_vec(),
        facts: Facts {
            articles: t.articles,
            statements: t.statements,
            speakers: t.speakers.len() as u64,
            groups: t.groups,
        },
        outlets: Vec::new(),
        other_outlets: t.other_outlets,
        kinds: Vec::new(),
        topic_counts: Vec::new(),
        histogram: Vec::new(),
        undated: 0,
        speakers: t.speakers,
        speaker_counts: t.speaker_counts,
        statement_shards: t.statement_shards,
        article_shards: t.article_shards,
        index_chunks: t.index_chunks,
        group_shards: t.group_shards,
        outlet_chunks: t.outlet_chunks,
        tables: Manifests::default(),
        summaries: FileInfo::default(),
    };
    totals(&mut root, vocab, topics);
    let bytes = summaries_bytes(&root.statement_shards)?;
    root.summaries = emit_file(sink, Kind::Summaries.name(0), bytes)?;
    for t in Table::ALL {
        let bytes = manifest_bytes(&root, t);
        *root.tables.get_mut(t) = emit_file(sink, Kind::Tables.name(t.number()), bytes)?;
    }
    let bytes = serde_json::to_vec(&root).map_err(|e| e.to_string())?;
    sink(ROOT, bytes)?;
    Ok(root)
}

/// Writes a corpus and its groups as a sharded archive through `sink`, the root last.
/// `topics` names the taxonomy the entries' topic indices point into. Answers the root,
/// or the sink's first error. (`quoteline pack --sharded` streams the articles through
/// [`super::Stream`] instead, to the same bytes.)
pub fn write(
    corpus: &Corpus,
    cmp: &Comparison,
    topics: &[String],
    generator: &str,
    limits: Limits,
    sink: &mut Files<'_>,
) -> Result<Root, String> {
    let order = statement_order(corpus);
    let mut number = vec![0u64; order.len()];
    for (k, &i) in order.iter().enumerate() {
        if let Some(n) = number.get_mut(i) {
            *n = k as u64;
        }
    }
    let vocab = Vocab::new(corpus, topics, limits.outlets);
    let groups = renumbered_groups(&cmp.groups, &number);
    let group_of = group_of(&groups, order.len());
    let mut statements = StatementShards::new(limits.statements);
    for (n, e) in order
        .iter()
        .filter_map(|&i| corpus.entries.get(i))
        .enumerate()
    {
        let group = group_of.get(n).copied().flatten();
        statements.push(
            &vocab,
            e.clone(),
            corpus.text_of(e).to_string(),
            group,
            sink,
        )?;
    }
    let written = statements.finish(&vocab, sink)?;
    let mut articles = ArticleShards::new(limits.articles);
    for a in &corpus.articles {
        articles.push(a.clone(), sink)?;
    }
    let article_shards = articles.finish(sink)?;
    let index_chunks = index::write(corpus, &order, limits.index, sink)?;
    let mut speaker_counts = vec![0u64; corpus.speakers.len()];
    for e in &corpus.entries {
        if let Some(c) = speaker_counts.get_mut(e.speaker) {
            *c += 1;
        }
    }
    let group_shards = write_groups(&groups, limits.groups, sink)?;
    let (outlet_chunks, other_outlets) = write_others(
        &vocab.outlets,
        vocab.top,
        &written.others,
        limits.index,
        sink,
    )?;
    let tables = Tables {
        articles: corpus.articles.len() as u64,
        statements: corpus.entries.len() as u64,
        speakers: corpus.speakers.clone(),
        speaker_counts,
        groups: groups.len() as u64,
        statement_shards: written.table,
        article_shards,
        index_chunks,
        group_shards,
        outlet_chunks,
        other_outlets,
    };
    root(tables, &vocab, topics, generator, sink)
}
