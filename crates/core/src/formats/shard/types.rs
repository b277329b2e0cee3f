//! The sharded corpus's shapes: the root and its tables, the decoded shards, and
//! [`ShardError`], why a root or a shard cannot be used.

use crate::corpus::compare::Group;
use crate::corpus::{Article, Entry, Speaker};
use serde::{Deserialize, Serialize};

/// The root's `format` field.
pub const FORMAT: &str = "quoteline-shards";
/// The layout of the root and the shards. Bump it whenever a type inside them changes.
pub const VERSION: u32 = 5;
/// The root's file name inside the directory.
pub const ROOT: &str = "root.json";
/// The first word of every shard.
pub const SHARD_MAGIC: &str = "quoteline-shard";

/// The seven kinds of shard, each with its name prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Statements,
    Articles,
    Index,
    Groups,
    Outlets,
    Summaries,
    Tables,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Statements => "statements",
            Kind::Articles => "articles",
            Kind::Index => "index",
            Kind::Groups => "groups",
            Kind::Outlets => "outlets",
            Kind::Summaries => "summaries",
            Kind::Tables => "tables",
        }
    }

    /// The file name of shard `n` of this kind (`statements-00003.bin`).
    pub fn name(self, n: usize) -> String {
        format!("{}-{n:05}.bin", self.as_str())
    }
}

/// One file of the directory: its name, size in bytes and checksum (FNV-1a 64, hex).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    pub name: String,
    pub bytes: u64,
    pub checksum: String,
}

/// Counts by facet value: `(value, statements)`, by value's position in the root's
/// vocabularies (outlets, kinds, topics), so shard summaries stay small.
pub type Counts = Vec<(u32, u64)>;

/// What a statement shard holds, summarised: enough for exact counts without it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Statements by outlet (the root's first outlets only: the others' counts are in
    /// their outlet chunks), kind and topic (a statement without topic counts as "other",
    /// the position just past the topics).
    #[serde(with = "super::compact::counts")]
    pub outlets: Counts,
    #[serde(with = "super::compact::counts")]
    pub kinds: Counts,
    #[serde(with = "super::compact::counts")]
    pub topics: Counts,
    /// Dated statements by day: `(day, statements)`, days since 1970-01-01.
    #[serde(with = "super::compact::counts")]
    pub days: Vec<(i64, u64)>,
    pub undated: u64,
}

/// A statement shard in the root: its file, the number of its first statement, how many
/// it holds, and its summary. The summaries are not in the root's JSON (format 4): they
/// are in the summary file, which a reader reads into them when a view filters
/// ([`super::read_summaries`]); until then they are empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementShardInfo {
    pub file: FileInfo,
    pub first: u64,
    pub count: u64,
    #[serde(skip)]
    pub summary: Summary,
}

/// An article shard in the root: its file, its first article and how many it holds; a
/// group shard the same, of groups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleShardInfo {
    pub file: FileInfo,
    pub first: u64,
    pub count: u64,
}

/// A group shard in the root: its file, its first group and how many it holds.
pub type GroupShardInfo = ArticleShardInfo;

/// An index chunk in the root: its file, and its first and last term (folded); an
/// outlet chunk the same, with its first and last outlet name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkInfo {
    pub file: FileInfo,
    pub first: String,
    pub last: String,
}

/// The corpus facts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub articles: u64,
    pub statements: u64,
    pub speakers: u64,
    pub groups: u64,
}

/// The root: everything the first view needs, and the manifests of the shard tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Root {
    pub format: String,
    pub version: u32,
    pub generator: String,
    /// The topic names statements' topic indices refer to.
    pub topics: Vec<String>,
    pub facts: Facts,
    /// The vocabularies the summaries' positions refer to, each value with its count.
    /// Outlets: the first few hundred by count (then by name; `Limits::outlets`), the
    /// biggest first; the others, by name, are in `outlet_chunks`, counted together in
    /// `other_outlets`.
    pub outlets: Vec<(String, u64)>,
    pub other_outlets: Others,
    pub kinds: Vec<(String, u64)>,
    /// Topics in `topics` order, then "other".
    pub topic_counts: Vec<(String, u64)>,
    /// Dated statements by day, and the undated count.
    pub histogram: Vec<(i64, u64)>,
    pub undated: u64,
    /// Speakers (entries' `speaker` indices) and each one's statement count.
    pub speakers: Vec<Speaker>,
    pub speaker_counts: Vec<u64>,
    /// The shard tables (format 5): not in the root's JSON, each in its own manifest
    /// file named in `tables`, which a reader reads into them on first use
    /// ([`super::read_table`]); until then they are empty. So the root stays the same
    /// size however many shards the archive has.
    #[serde(skip)]
    pub statement_shards: Vec<StatementShardInfo>,
    #[serde(skip)]
    pub article_shards: Vec<ArticleShardInfo>,
    #[serde(skip)]
    pub index_chunks: Vec<ChunkInfo>,
    /// Cross-outlet groups in group shards, by group number.
    #[serde(skip)]
    pub group_shards: Vec<GroupShardInfo>,
    /// The outlets past the root's, by name, in chunks.
    #[serde(skip)]
    pub outlet_chunks: Vec<ChunkInfo>,
    /// The manifest files of the five shard tables, each with its size and checksum.
    pub tables: Manifests,
    /// Every statement shard's summary, in shard order (`summaries-00000.bin`).
    pub summaries: FileInfo,
}

/// The five shard tables, each one a manifest file (`tables-0000N.bin`, N its
/// [`Table::number`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Statements,
    Articles,
    Index,
    Groups,
    Outlets,
}

impl Table {
    pub const ALL: [Table; 5] = [
        Table::Statements,
        Table::Articles,
        Table::Index,
        Table::Groups,
        Table::Outlets,
    ];

    /// Its place: its manifest's number, and its place in a list of five.
    pub fn number(self) -> usize {
        self as usize
    }

    /// What it lists, for messages.
    pub fn what(self) -> &'static str {
        match self {
            Table::Statements => "statement shard",
            Table::Articles => "article shard",
            Table::Index => "index chunk",
            Table::Groups => "group shard",
            Table::Outlets => "outlet chunk",
        }
    }
}

/// The root's manifest files, one per [`Table`], in that order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifests {
    pub statements: FileInfo,
    pub articles: FileInfo,
    pub index: FileInfo,
    pub groups: FileInfo,
    pub outlets: FileInfo,
}

impl Manifests {
    pub fn get(&self, t: Table) -> &FileInfo {
        match t {
            Table::Statements => &self.statements,
            Table::Articles => &self.articles,
            Table::Index => &self.index,
            Table::Groups => &self.groups,
            Table::Outlets => &self.outlets,
        }
    }

    pub fn get_mut(&mut self, t: Table) -> &mut FileInfo {
        match t {
            Table::Statements => &mut self.statements,
            Table::Articles => &mut self.articles,
            Table::Index => &mut self.index,
            Table::Groups => &mut self.groups,
            Table::Outlets => &mut self.outlets,
        }
    }
}

/// The outlets the root does not name: how many, and their statements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Others {
    pub values: u64,
    pub statements: u64,
}

/// An outlet past the root's first ones: its position in the vocabulary, its name, its
/// statements, and its statements in each statement shard `(shard, statements)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherOutlet {
    pub position: u32,
    pub name: String,
    pub statements: u64,
    pub shards: Vec<(u32, u64)>,
}

/// A decoded outlet chunk: a run of outlets by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletChunk {
    pub outlets: Vec<OtherOutlet>,
}

/// A decoded group shard: its groups, members as statement numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupShard {
    pub groups: Vec<Group>,
}

/// A decoded statement shard: its entries (each `article` a global article number),
/// each one's outlet, as a position in the outlet vocabulary, and each one's text (its
/// span of the article), so a list of statements, a phrase or an exclusion needs no
/// article shard (format 3; format 2 had no texts). Format 4 adds each one's group
/// number, if it is in one, and the names of the outlets it uses that the root does not
/// name (`(position, name)`, ascending), so a list needs no outlet chunk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementShard {
    pub entries: Vec<Entry>,
    pub outlets: Vec<u32>,
    pub texts: Vec<String>,
    pub groups: Vec<Option<u32>>,
    pub other_outlets: Vec<(u32, String)>,
}

/// A decoded article shard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleShard {
    pub articles: Vec<Article>,
}

/// Why a root or a shard cannot be used. Its `Display` is the message for the user and
/// names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShardError {
    /// The root is not JSON of a root: why.
    Root(String),
    /// The root is another format.
    Foreign(String),
    /// The root is from a newer or an older version.
    Newer(u32),
    Older(u32),
    /// A file name in the root that does not fit the pattern (or leaves the directory).
    BadName(String),
    /// The root disagrees with itself: what is wrong.
    Inconsistent(String),
    /// A shard shorter or longer than the root says.
    Size {
        name: String,
        expected: u64,
        found: u64,
    },
    /// A shard whose checksum does not match.
    Checksum(String),
    /// A shard whose contents do not decode, or are not the kind expected.
    Decode {
        name: String,
        problem: String,
    },
    /// A shard that could not be fetched (a 404, a network error): the caller's reason.
    Unavailable {
        name: String,
        why: String,
    },
}

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShardError::Root(e) => write!(f, "the archive's {ROOT} is not a Quoteline archive root: {e}"),
            ShardError::Foreign(w) => write!(f, "the archive's {ROOT} is of format “{w}”, not “{FORMAT}”"),
            ShardError::Newer(v) => write!(f, "this archive was written by a newer Quoteline (archive format {v}; this app reads format {VERSION}). Open it with the newer version, or make it again with `quoteline pack --sharded`."),
            ShardError::Older(v) => write!(f, "this archive was written by an older Quoteline (archive format {v}; this app reads format {VERSION}). Make it again from the articles with `quoteline pack --sharded`."),
            ShardError::BadName(n) => write!(f, "the archive's {ROOT} names a file “{n}” that is not a shard name (kind-NNNNN.bin, inside the archive's folder); it is not used"),
            ShardError::Inconsistent(what) => write!(f, "the archive's {ROOT} is inconsistent: {what}"),
            ShardError::Size { name, expected, found } => write!(f, "part of the archive is unavailable: {name} should hold {expected} bytes and holds {found} (truncated or damaged)"),
            ShardError::Checksum(name) => write!(f, "part of the archive is unavailable: {name} does not match its checksum (damaged)"),
            ShardError::Decode { name, problem } => write!(f, "part of the archive is unavailable: {name} could not be decoded ({problem})"),
            ShardError::Unavailable { name, why } => write!(f, "part of the archive is unavailable: {name} could not be fetched ({why})"),
        }
    }
}

impl std::error::Error for ShardError {}
