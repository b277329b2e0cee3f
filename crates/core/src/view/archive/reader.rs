//! [`Archive`]: a sharded archive opened through a [`Fetch`]: the checked root, the
//! decoded shards in a bounded [`Cache`], and a count of the bytes fetched. It answers
//! the first view from the root alone ([`Archive::overview`]) and opens a statement with
//! its article ([`Archive::open_statement`]); `results` answers selections and searches.

use super::cache::{Cache, Kept};
use super::fetch::Fetch;
use crate::corpus::compare::Group;
use crate::corpus::{Article, Entry, Speaker};
use crate::formats::shard::{
    decode_articles, decode_chunk, decode_groups, decode_outlets, decode_statements, parse_root,
    read_summaries, read_table, ArticleShard, Chunk, Facts, FileInfo, GroupShard, Others,
    OutletChunk, Root, ShardError, StatementShard, Table, ROOT,
};
use crate::view::order::by_count_then_name;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The shards' file bytes the reader keeps decoded by default: a few dozen shards.
pub const DEFAULT_BUDGET: u64 = 16 * 1024 * 1024;

/// An open archive (see the module's comment).
pub struct Archive<F: Fetch> {
    fetcher: F,
    root: Root,
    cache: Cache,
    fetched: u64,
    files: u64,
    /// Whether the summary file has been read into the root.
    summarised: bool,
    /// Which tables' manifests have been read into the root, by [`Table::number`].
    tabled: [bool; 5],
}

/// The first view, from the root alone: the facts, each facet's values with their
/// counts (the biggest first, then by name), and the timeline overview. Outlets are the
/// root's first few hundred; the others are counted together in `other_outlets`.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub facts: Facts,
    pub outlets: Vec<(String, usize)>,
    pub other_outlets: Others,
    pub kinds: Vec<(String, usize)>,
    pub topics: Vec<(String, usize)>,
    /// By name: speakers who share a name share a count, as in the app's facet.
    pub speakers: Vec<(String, usize)>,
    /// Speakers' affiliations (where the pack recorded one), each with its speakers'
    /// statements: exact, from the root's per-speaker counts.
    pub affiliations: Vec<(String, usize)>,
    /// Dated statements per bucket, `(first day, statements)`, and the undated.
    pub timeline: Vec<(i64, u64)>,
    pub undated: u64,
}

/// A statement as a list shows it: its number in the archive, its entry and text, its
/// outlet and its speaker's name, and the number of its cross-outlet group, if it is in
/// one.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub number: u64,
    pub entry: Entry,
    pub text: String,
    pub outlet: String,
    pub speaker: String,
    pub group: Option<u64>,
}

/// A statement opened: its row, its speaker, its article, and the group of its
/// renderings across outlets, if it is in one (members are statement numbers), or why
/// its group shard could not be read (the rest is still there); and the group's other
/// members as rows (the first [`OTHERS_READ`] in the group's order), or why one of
/// their statement shards could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub row: Row,
    pub speaker: Speaker,
    pub article: Article,
    pub group: Result<Option<Group>, ShardError>,
    pub others: Result<Vec<Row>, ShardError>,
}

/// How many of a group's other renderings opening a statement reads (a group is one
/// remark across outlets, dated close together, so they are mostly in the statement's
/// own shard or the next).
pub const OTHERS_READ: usize = 24;

fn sorted(mut v: Vec<(String, usize)>) -> Vec<(String, usize)> {
    v.sort_by(by_count_then_name);
    v
}

fn usize_of(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl<F: Fetch> Archive<F> {
    /// Fetches and checks the root. A root of another format or version, or one that
    /// disagrees with itself, is refused with the reason.
    pub async fn open(fetcher: F, budget: u64) -> Result<Archive<F>, ShardError> {
        let bytes = (fetcher.fetch(ROOT).await).map_err(|why| ShardError::Unavailable {
            name: ROOT.into(),
            why,
        })?;
        let root = parse_root(&bytes)?;
        Ok(Archive {
            fetcher,
            root,
            cache: Cache::new(budget),
            fetched: bytes.len() as u64,
            files: 1,
            summarised: false,
            tabled: [false; 5],
        })
    }

    /// Reads table `t`'s manifest into the root, once (each on the first question that
    /// needs it). A manifest that cannot be read is named; the other tables still work.
    pub async fn table(&mut self, t: Table) -> Result<(), ShardError> {
        if self.tabled.get(t.number()).copied().unwrap_or(false) {
            return Ok(());
        }
        let name = self.root.tables.get(t).name.clone();
        let bytes = (self.fetcher.fetch(&name).await)
            .map_err(|why| ShardError::Unavailable { name, why })?;
        self.fetched += bytes.len() as u64;
        self.files += 1;
        read_table(&mut self.root, t, &bytes)?;
        if let Some(done) = self.tabled.get_mut(t.number()) {
            *done = true;
        }
        Ok(())
    }

    /// Reads the statement shards' summaries into the root, once (a view that filters
    /// needs them; the first view does not).
    pub async fn summaries(&mut self) -> Result<(), ShardError> {
        if self.summarised {
            return Ok(());
        }
        self.table(Table::Statements).await?;
        let name = self.root.summaries.name.clone();
        let bytes = (self.fetcher.fetch(&name).await)
            .map_err(|why| ShardError::Unavailable { name, why })?;
        self.fetched += bytes.len() as u64;
        self.files += 1;
        read_summaries(&mut self.root, &bytes)?;
        self.summarised = true;
        Ok(())
    }

    pub fn root(&self) -> &Root {
        &self.root
    }

    /// The bytes fetched so far (the root included), and how many files.
    pub fn fetched(&self) -> (u64, u64) {
        (self.fetched, self.files)
    }

    /// The file bytes of the shards kept decoded now (at most the budget, but for one
    /// shard larger than it).
    pub fn held(&self) -> u64 {
        self.cache.held()
    }

    /// Drops every decoded shard (the next question fetches what it needs again).
    pub fn forget(&mut self) {
        self.cache.clear();
    }

    /// Shard `info` of kind `T` (a `what`, for the message when there is no such shard):
    /// from the cache, or fetched, checked by `decode` and kept.
    async fn shard<I, T: Kept>(
        &mut self,
        what: &str,
        info: Option<I>,
        file: fn(&I) -> &FileInfo,
        decode: impl FnOnce(&I, &[u8]) -> Result<T, ShardError>,
    ) -> Result<Rc<T>, ShardError> {
        let info = info.ok_or_else(|| {
            ShardError::Inconsistent(format!("a {what} past the last was asked for"))
        })?;
        let file = file(&info);
        if let Some(d) = self.cache.get(&file.name) {
            return T::unwrap(d).ok_or_else(|| mixed(&file.name));
        }
        let bytes =
            (self.fetcher.fetch(&file.name).await).map_err(|why| ShardError::Unavailable {
                name: file.name.clone(),
                why,
            })?;
        self.fetched += bytes.len() as u64;
        self.files += 1;
        let shard = Rc::new(decode(&info, &bytes)?);
        self.cache
            .put(&file.name, file.bytes, T::wrap(Rc::clone(&shard)));
        Ok(shard)
    }

    /// Statement shard `k`.
    pub async fn statements(&mut self, k: usize) -> Result<Rc<StatementShard>, ShardError> {
        self.table(Table::Statements).await?;
        let info = self.root.statement_shards.get(k).cloned();
        self.shard("statement shard", info, |i| &i.file, decode_statements)
            .await
    }

    /// Article shard `k`.
    pub async fn articles(&mut self, k: usize) -> Result<Rc<ArticleShard>, ShardError> {
        self.table(Table::Articles).await?;
        let info = self.root.article_shards.get(k).cloned();
        self.shard("article shard", info, |i| &i.file, decode_articles)
            .await
    }

    /// Index chunk `k`.
    pub async fn chunk(&mut self, k: usize) -> Result<Rc<Chunk>, ShardError> {
        self.table(Table::Index).await?;
        let info = self.root.index_chunks.get(k).cloned();
        self.shard("index chunk", info, |i| &i.file, decode_chunk)
            .await
    }

    /// Group shard `k`.
    pub async fn groups(&mut self, k: usize) -> Result<Rc<GroupShard>, ShardError> {
        self.table(Table::Groups).await?;
        let info = self.root.group_shards.get(k).cloned();
        let statements = self.root.facts.statements;
        self.shard(
            "group shard",
            info,
            |i| &i.file,
            |i, b| decode_groups(i, statements, b),
        )
        .await
    }

    /// Outlet chunk `k`.
    pub async fn outlet_chunk(&mut self, k: usize) -> Result<Rc<OutletChunk>, ShardError> {
        self.table(Table::Outlets).await?;
        let info = self.root.outlet_chunks.get(k).cloned();
        self.shard("outlet chunk", info, |i| &i.file, decode_outlets)
            .await
    }

    /// Group number `g`, from its group shard.
    pub async fn group(&mut self, g: u64) -> Result<Group, ShardError> {
        let past = || ShardError::Inconsistent(format!("group {g} is past the last"));
        self.table(Table::Groups).await?;
        let k = self.root.group_shard_of(g).ok_or_else(past)?;
        let first = self.root.group_shards.get(k).map_or(0, |s| s.first);
        let shard = self.groups(k).await?;
        (shard.groups.get(usize_of(g - first)).cloned()).ok_or_else(past)
    }

    /// The first view from the root alone (no shard fetched): timeline buckets of
    /// `bucket_days` days.
    pub fn overview(&self, bucket_days: i64) -> Overview {
        let r = &self.root;
        let named = |v: &[(String, u64)]| {
            sorted(v.iter().map(|(n, c)| (n.clone(), usize_of(*c))).collect())
        };
        let mut speakers: BTreeMap<&str, usize> = BTreeMap::new();
        let mut affiliations: BTreeMap<&str, usize> = BTreeMap::new();
        for (s, &n) in r.speakers.iter().zip(&r.speaker_counts) {
            *speakers.entry(s.name.as_str()).or_default() += usize_of(n);
            if !s.affiliation.is_empty() {
                *affiliations.entry(s.affiliation.as_str()).or_default() += usize_of(n);
            }
        }
        let owned =
            |m: BTreeMap<&str, usize>| m.into_iter().map(|(n, c)| (n.to_string(), c)).collect();
        Overview {
            facts: r.facts.clone(),
            outlets: named(&r.outlets),
            other_outlets: r.other_outlets,
            kinds: named(&r.kinds),
            topics: named(&r.topic_counts),
            speakers: sorted(owned(speakers)),
            affiliations: sorted(owned(affiliations)),
            timeline: r.timeline(bucket_days),
            undated: r.undated,
        }
    }

    /// Statement number `n` as a list row (fetching its shard if it is not kept).
    pub async fn row(&mut self, n: u64) -> Result<Row, ShardError> {
        self.table(Table::Statements).await?;
        let k = self.shard_index_of(n)?;
        let first = self.root.statement_shards.get(k).map_or(0, |s| s.first);
        let shard = self.statements(k).await?;
        let at = usize_of(n - first);
        row_of(&self.root, &shard, n, at)
            .ok_or_else(|| ShardError::Inconsistent(format!("statement {n} is not in its shard")))
    }

    fn shard_index_of(&self, n: u64) -> Result<usize, ShardError> {
        let spans = &self.root.statement_shards;
        let k = spans.partition_point(|s| s.first <= n).checked_sub(1);
        k.filter(|&k| spans.get(k).is_some_and(|s| n < s.first + s.count))
            .ok_or_else(|| {
                ShardError::Inconsistent(format!(
                    "statement {n} is past the last ({})",
                    self.root.facts.statements
                ))
            })
    }

    /// Opens statement `n`: its row from its statement shard, its speaker from the root,
    /// its article from the article shard, and its group from its group shard.
    pub async fn open_statement(&mut self, n: u64) -> Result<Opened, ShardError> {
        let row = self.row(n).await?;
        let m = row.entry.article as u64;
        self.table(Table::Articles).await?;
        let spans = &self.root.article_shards;
        let k = (spans.partition_point(|s| s.first <= m).checked_sub(1))
            .filter(|&k| spans.get(k).is_some_and(|s| m < s.first + s.count))
            .ok_or_else(|| {
                ShardError::Inconsistent(format!("statement {n} names article {m}, past the last"))
            })?;
        let first = spans.get(k).map_or(0, |s| s.first);
        let shard = self.articles(k).await?;
        let article = (shard.articles.get(usize_of(m - first)).cloned())
            .ok_or_else(|| ShardError::Inconsistent(format!("article {m} is not in its shard")))?;
        let speaker = (self.root.speakers.get(row.entry.speaker).cloned()).ok_or_else(|| {
            ShardError::Inconsistent(format!("statement {n} names a speaker past the last"))
        })?;
        let group = match row.group {
            Some(g) => self.group(g).await.map(Some),
            None => Ok(None),
        };
        let others = match &group {
            Ok(Some(g)) => self.rows_of(g.members.iter().map(|&m| m as u64), n).await,
            _ => Ok(Vec::new()),
        };
        Ok(Opened {
            row,
            speaker,
            article,
            group,
            others,
        })
    }

    /// The rows of statements `members` but `n`, the first [`OTHERS_READ`] of them.
    async fn rows_of(
        &mut self,
        members: impl Iterator<Item = u64>,
        n: u64,
    ) -> Result<Vec<Row>, ShardError> {
        let mut rows = Vec::new();
        for m in members.filter(|&m| m != n).take(OTHERS_READ) {
            rows.push(self.row(m).await?);
        }
        Ok(rows)
    }
}

/// The row of the statement at place `at` of a shard, numbered `n`.
pub(super) fn row_of(root: &Root, shard: &StatementShard, n: u64, at: usize) -> Option<Row> {
    let entry = shard.entries.get(at)?.clone();
    let outlet = shard.outlets.get(at).and_then(|&o| {
        let named = root.outlets.get(o as usize).map(|x| x.0.as_str());
        named.or_else(|| {
            let others = &shard.other_outlets;
            let k = others.binary_search_by_key(&o, |x| x.0).ok()?;
            others.get(k).map(|x| x.1.as_str())
        })
    });
    let speaker = root.speakers.get(entry.speaker).map(|s| s.name.clone());
    Some(Row {
        number: n,
        text: shard.texts.get(at)?.clone(),
        outlet: outlet.unwrap_or_default().to_string(),
        speaker: speaker.unwrap_or_default(),
        group: shard.groups.get(at).copied().flatten().map(u64::from),
        entry,
    })
}

fn mixed(name: &str) -> ShardError {
    ShardError::Decode {
        name: name.to_string(),
        problem: "it was kept as another kind of shard".into(),
    }
}
