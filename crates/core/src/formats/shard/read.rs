//! Reading a sharded corpus: the root parsed and checked (another format or version
//! refused with the reason, every file name held to the pattern, the tables consistent),
//! each shard checked against the root's size and checksum before it is decoded, and the
//! view's questions answered from the root alone: the exact counts, the timeline
//! overview, and which shard holds a statement or an article.

use super::file::checksum_hex;
use super::index::{from_gaps, Chunk};
use super::manifest::{decode_rows, Rows};
use super::types::*;
use std::collections::BTreeMap;

/// Whether `name` is a shard name: `statements-`, `articles-`, `index-`, `groups-`,
/// `outlets-`, `summaries-` or `tables-`, five digits,
/// `.bin`, nothing else (so no `/`, `\`, `..`, drive or absolute path can get through).
pub fn shard_name_ok(name: &str) -> bool {
    let Some((kind, rest)) = name.split_once('-') else {
        return false;
    };
    let Some(digits) = rest.strip_suffix(".bin") else {
        return false;
    };
    matches!(
        kind,
        "statements" | "articles" | "index" | "groups" | "outlets" | "summaries" | "tables"
    ) && digits.len() == 5
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Parses and checks a root. Its `format` and `version` are read first, so a root of
/// another version is refused with that reason rather than a decoding error.
pub fn parse_root(bytes: &[u8]) -> Result<Root, ShardError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ShardError::Root(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(ShardError::Foreign(format.to_string()));
    }
    let version = (value.get("version").and_then(|v| v.as_u64()))
        .ok_or_else(|| ShardError::Root("it has no version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > VERSION {
        return Err(ShardError::Newer(version));
    }
    if version < VERSION {
        return Err(ShardError::Older(version));
    }
    let root: Root = serde_json::from_value(value).map_err(|e| ShardError::Root(e.to_string()))?;
    check_names(&root)?;
    check_tables(&root)?;
    Ok(root)
}

/// Every file the root names fits the pattern and is the name of its place: the
/// manifests and the summary file.
fn check_names(root: &Root) -> Result<(), ShardError> {
    let manifests = Table::ALL.map(|t| (Kind::Tables.name(t.number()), root.tables.get(t)));
    let names = manifests
        .into_iter()
        .chain([(Kind::Summaries.name(0), &root.summaries)]);
    for (want, file) in names {
        if !shard_name_ok(&file.name) || file.name != want {
            return Err(ShardError::BadName(file.name.clone()));
        }
    }
    Ok(())
}

/// Shards in a table cover `0..total` without gap or overlap.
fn contiguous(
    what: &str,
    spans: impl Iterator<Item = (u64, u64)>,
    total: u64,
) -> Result<(), ShardError> {
    let mut next = 0u64;
    for (k, (first, count)) in spans.enumerate() {
        if first != next || count == 0 {
            return Err(ShardError::Inconsistent(format!(
                "{what} shard {k} starts at {first} where {next} was expected, or is empty"
            )));
        }
        next = first.saturating_add(count);
    }
    if next != total {
        return Err(ShardError::Inconsistent(format!(
            "the {what} shards hold {next} where the archive has {total}"
        )));
    }
    Ok(())
}

/// The root's speaker table agrees with its facts.
fn check_tables(root: &Root) -> Result<(), ShardError> {
    let f = &root.facts;
    if root.speakers.len() as u64 != f.speakers || root.speaker_counts.len() != root.speakers.len()
    {
        return Err(ShardError::Inconsistent(format!(
            "it names {} speakers and has {} in its table",
            f.speakers,
            root.speakers.len()
        )));
    }
    Ok(())
}

/// Reads table `t`'s manifest into the root: checked against the root (its size and
/// checksum, the shards covering the archive's statements, articles or groups), the
/// error naming the manifest. Names are rebuilt from places, never read.
pub fn read_table(root: &mut Root, t: Table, bytes: &[u8]) -> Result<(), ShardError> {
    let file = root.tables.get(t).clone();
    let named = |e: ShardError| ShardError::Decode {
        name: file.name.clone(),
        problem: match e {
            ShardError::BadName(n) => format!("it names “{n}”, not the shard name of its place"),
            ShardError::Inconsistent(problem) => problem,
            e => e.to_string(),
        },
    };
    let body = body_of(&file, Kind::Tables, bytes)?;
    let rows = decode_rows(t, body).map_err(|problem| ShardError::Decode {
        name: file.name.clone(),
        problem,
    })?;
    let f = &root.facts;
    match (t, rows) {
        (Table::Statements, Rows::Ranged(v)) => {
            contiguous(
                "statement",
                v.iter().map(|s| (s.first, s.count)),
                f.statements,
            )
            .map_err(named)?;
            root.statement_shards = (v.into_iter())
                .map(|s| StatementShardInfo {
                    file: s.file,
                    first: s.first,
                    count: s.count,
                    summary: Summary::default(),
                })
                .collect();
        }
        (Table::Articles, Rows::Ranged(v)) => {
            contiguous("article", v.iter().map(|s| (s.first, s.count)), f.articles)
                .map_err(named)?;
            root.article_shards = v;
        }
        (Table::Groups, Rows::Ranged(v)) => {
            contiguous("group", v.iter().map(|s| (s.first, s.count)), f.groups).map_err(named)?;
            root.group_shards = v;
        }
        (Table::Index, Rows::Named(v)) => root.index_chunks = v,
        (Table::Outlets, Rows::Named(v)) => root.outlet_chunks = v,
        _ => {
            return Err(named(ShardError::Inconsistent(
                "a table of another shape".into(),
            )))
        }
    }
    Ok(())
}

/// Reads the summary file into the root's statement shard table: checked against the
/// root (its size and checksum, a summary for every shard, each counting only values of
/// the vocabularies), the error naming the file.
pub fn read_summaries(root: &mut Root, bytes: &[u8]) -> Result<(), ShardError> {
    let summaries: Vec<Summary> = decode(&root.summaries, Kind::Summaries, bytes)?;
    let fail = |problem: String| ShardError::Decode {
        name: root.summaries.name.clone(),
        problem,
    };
    if summaries.len() != root.statement_shards.len() {
        return Err(fail(format!(
            "it holds {} summaries for {} statement shards",
            summaries.len(),
            root.statement_shards.len()
        )));
    }
    let sizes = [
        root.outlets.len(),
        root.kinds.len(),
        root.topic_counts.len(),
    ];
    for (k, sm) in summaries.iter().enumerate() {
        let lists = [&sm.outlets, &sm.kinds, &sm.topics];
        if lists
            .iter()
            .zip(sizes)
            .any(|(l, n)| l.iter().any(|&(v, _)| v as usize >= n))
        {
            return Err(fail(format!(
                "the summary of statement shard {k} counts a value not in the vocabularies"
            )));
        }
    }
    for (s, sm) in root.statement_shards.iter_mut().zip(summaries) {
        s.summary = sm;
    }
    Ok(())
}

/// Checks a shard's bytes against the root: its size, then its checksum. The error
/// names the shard.
pub fn verify(file: &FileInfo, bytes: &[u8]) -> Result<(), ShardError> {
    if bytes.len() as u64 != file.bytes {
        return Err(ShardError::Size {
            name: file.name.clone(),
            expected: file.bytes,
            found: bytes.len() as u64,
        });
    }
    if checksum_hex(bytes) != file.checksum {
        return Err(ShardError::Checksum(file.name.clone()));
    }
    Ok(())
}

/// Verifies a shard and checks its first line names `kind`: its body.
fn body_of<'b>(file: &FileInfo, kind: Kind, bytes: &'b [u8]) -> Result<&'b [u8], ShardError> {
    verify(file, bytes)?;
    let line = format!("{SHARD_MAGIC} {VERSION} {}\n", kind.as_str());
    bytes
        .strip_prefix(line.as_bytes())
        .ok_or_else(|| ShardError::Decode {
            name: file.name.clone(),
            problem: format!("it does not start with “{}”", line.trim_end()),
        })
}

/// Verifies a shard, checks its first line names `kind`, and decodes its body.
fn decode<T: serde::de::DeserializeOwned>(
    file: &FileInfo,
    kind: Kind,
    bytes: &[u8],
) -> Result<T, ShardError> {
    let body = body_of(file, kind, bytes)?;
    postcard::from_bytes(body).map_err(|e| ShardError::Decode {
        name: file.name.clone(),
        problem: e.to_string(),
    })
}

/// A statement shard, checked and decoded; its count must be the root's.
pub fn decode_statements(
    info: &StatementShardInfo,
    bytes: &[u8],
) -> Result<StatementShard, ShardError> {
    let shard: StatementShard = decode(&info.file, Kind::Statements, bytes)?;
    let n = shard.entries.len();
    if n as u64 != info.count
        || shard.outlets.len() != n
        || shard.texts.len() != n
        || shard.groups.len() != n
    {
        return Err(ShardError::Decode {
            name: info.file.name.clone(),
            problem: format!(
                "it holds {} statements where the root says {}",
                shard.entries.len(),
                info.count
            ),
        });
    }
    Ok(shard)
}

/// An article shard, checked and decoded; its count must be the root's.
pub fn decode_articles(info: &ArticleShardInfo, bytes: &[u8]) -> Result<ArticleShard, ShardError> {
    let shard: ArticleShard = decode(&info.file, Kind::Articles, bytes)?;
    if shard.articles.len() as u64 != info.count {
        return Err(ShardError::Decode {
            name: info.file.name.clone(),
            problem: format!(
                "it holds {} articles where the root says {}",
                shard.articles.len(),
                info.count
            ),
        });
    }
    Ok(shard)
}

/// A group shard, checked and decoded: its count must be the root's, and its members
/// statements of the archive's `statements`.
pub fn decode_groups(
    info: &GroupShardInfo,
    statements: u64,
    bytes: &[u8],
) -> Result<GroupShard, ShardError> {
    let shard: GroupShard = decode(&info.file, Kind::Groups, bytes)?;
    let fail = |problem: String| ShardError::Decode {
        name: info.file.name.clone(),
        problem,
    };
    if shard.groups.len() as u64 != info.count {
        return Err(fail(format!(
            "it holds {} groups where the root says {}",
            shard.groups.len(),
            info.count
        )));
    }
    for (k, g) in shard.groups.iter().enumerate() {
        if (g.members.iter().chain([&g.canonical])).any(|&m| m as u64 >= statements) {
            return Err(fail(format!(
                "group {} names a statement past the last",
                info.first + k as u64
            )));
        }
    }
    Ok(shard)
}

/// An outlet chunk, checked and decoded.
pub fn decode_outlets(info: &ChunkInfo, bytes: &[u8]) -> Result<OutletChunk, ShardError> {
    decode(&info.file, Kind::Outlets, bytes)
}

/// An index chunk, checked and decoded, postings as statement numbers.
pub fn decode_chunk(info: &ChunkInfo, bytes: &[u8]) -> Result<Chunk, ShardError> {
    let mut chunk: Chunk = decode(&info.file, Kind::Index, bytes)?;
    for (_, ids) in &mut chunk.terms {
        from_gaps(ids);
    }
    Ok(chunk)
}

/// The shard whose range `(first, count)` holds `n`.
fn holding(spans: impl Iterator<Item = (u64, u64)>, n: u64) -> Option<usize> {
    let spans: Vec<(u64, u64)> = spans.collect();
    let k = spans
        .partition_point(|&(first, _)| first <= n)
        .checked_sub(1)?;
    spans
        .get(k)
        .filter(|&&(first, count)| n < first + count)
        .map(|_| k)
}

impl Root {
    /// Every file the root names but itself, shards of every kind (those of the tables
    /// read so far) and the manifests.
    pub fn files(&self) -> impl Iterator<Item = &FileInfo> {
        (self.statement_shards.iter().map(|s| &s.file))
            .chain(self.article_shards.iter().map(|s| &s.file))
            .chain(self.index_chunks.iter().map(|s| &s.file))
            .chain(self.group_shards.iter().map(|s| &s.file))
            .chain(self.outlet_chunks.iter().map(|s| &s.file))
            .chain([&self.summaries])
            .chain(Table::ALL.map(|t| self.tables.get(t)))
    }

    /// The statement shard that holds statement number `n`.
    pub fn statement_shard_of(&self, n: u64) -> Option<&StatementShardInfo> {
        let k = holding(self.statement_shards.iter().map(|s| (s.first, s.count)), n)?;
        self.statement_shards.get(k)
    }

    /// The group shard that holds group `g`.
    pub fn group_shard_of(&self, g: u64) -> Option<usize> {
        holding(self.group_shards.iter().map(|s| (s.first, s.count)), g)
    }

    /// The outlet chunk whose run of names would hold `name`.
    pub fn outlet_chunk_of(&self, name: &str) -> Option<usize> {
        let k = (self.outlet_chunks)
            .partition_point(|c| c.first.as_str() <= name)
            .checked_sub(1)?;
        (self.outlet_chunks.get(k))
            .filter(|c| name <= c.last.as_str())
            .map(|_| k)
    }

    /// The article shard that holds article `m`.
    pub fn article_shard_of(&self, m: u64) -> Option<&ArticleShardInfo> {
        let k = holding(self.article_shards.iter().map(|s| (s.first, s.count)), m)?;
        self.article_shards.get(k)
    }

    /// The exact counts of a set of statement shards (all of them for the whole
    /// archive), summed from their summaries (read with [`read_summaries`]): no shard is
    /// fetched.
    pub fn summed<'a>(&'a self, shards: impl Iterator<Item = &'a StatementShardInfo>) -> Summary {
        let mut maps: [BTreeMap<u32, u64>; 3] = Default::default();
        let mut days: BTreeMap<i64, u64> = BTreeMap::new();
        let mut undated = 0;
        for s in shards {
            let lists = [&s.summary.outlets, &s.summary.kinds, &s.summary.topics];
            for (map, list) in maps.iter_mut().zip(lists) {
                for &(v, n) in list {
                    *map.entry(v).or_default() += n;
                }
            }
            for &(d, n) in &s.summary.days {
                *days.entry(d).or_default() += n;
            }
            undated += s.summary.undated;
        }
        let [outlets, kinds, topics] = maps.map(|m| m.into_iter().collect());
        Summary {
            outlets,
            kinds,
            topics,
            days: days.into_iter().collect(),
            undated,
        }
    }

    /// The timeline overview: dated statements per bucket of `days` days (at least one),
    /// `(first day of the bucket, statements)`, from the histogram.
    pub fn timeline(&self, days: i64) -> Vec<(i64, u64)> {
        let width = days.max(1);
        let mut out: Vec<(i64, u64)> = Vec::new();
        for &(d, n) in &self.histogram {
            let start = d.div_euclid(width) * width;
            match out.last_mut() {
                Some((s, total)) if *s == start => *total += n,
                _ => out.push((start, n)),
            }
        }
        out
    }

    /// Statements dated within `from..=to`, exactly, from the histogram.
    pub fn dated_between(&self, from: i64, to: i64) -> u64 {
        (self.histogram.iter())
            .filter(|(d, _)| (from..=to).contains(d))
            .map(|(_, n)| n)
            .sum()
    }
}
