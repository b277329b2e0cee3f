//! The sharded corpus: a corpus as a directory of static files, for archives too big to
//! download whole (`quoteline pack --sharded --out DIR/`). The explorer fetches the root
//! first, then only the shards a view needs.
//!
//! - `root.json`: the corpus facts, facet vocabularies with their counts (of outlets,
//!   only the first few hundred), the date histogram, the speaker table, and the size
//!   and checksum of the summary file and of the five manifests.
//! - `tables-0000N.bin` (format 5): the shard tables, one manifest each ([`Table`]:
//!   statement shards, article shards, index chunks, group shards, outlet chunks), each
//!   read into the root on first use ([`read_table`]), so the root does not grow with
//!   the number of shards. JSON, not postcard: it is read once per archive, gzip
//!   on the host shrinks its repeated keys, a person can read it with `jq`, and a reader
//!   can tell a foreign or newer root by its `format` and `version` before anything else.
//! - `statements-NNNNN.bin`: statements (the corpus's own [`Entry`], with its outlet and
//!   its text) ordered by date, then id, each shard a few hundred kB; a statement's
//!   number is its place in that order. With the texts, a list of results, a phrase or
//!   an exclusion needs no article shard (`view::archive` reads them).
//! - `articles-NNNNN.bin`: the articles' texts and facts, in article order.
//! - `index-NNNNN.bin`: the search index, split by term: each chunk holds a sorted run
//!   of terms with their postings (statement numbers).
//! - `groups-NNNNN.bin`: the cross-outlet groups by group number (a statement shard
//!   holds each statement's group number); fetched when a statement is opened.
//! - `outlets-NNNNN.bin`: the outlets the root does not name, by name, each with its
//!   count in every statement shard; fetched when one of them is selected.
//! - `summaries-00000.bin`: every statement shard's summary (counts by outlet, kind,
//!   topic and day), fetched when a view filters; the first view needs only the root.
//!
//! Every shard is a first line `quoteline-shard <version> <kind>\n` and a postcard body;
//! its size and FNV-1a checksum are in the root, so a truncated or damaged shard is
//! refused naming that shard. Names are checked against a fixed pattern, so a root can
//! never point a reader outside `DIR/`.
//!
//! `types` holds the shapes and the errors, `compact` the root's long tables in
//! compact JSON, `file` a shard's bytes, `manifest` a table's manifest (names and
//! firsts implied by places); `write` builds the
//! files from a corpus (`groups` and `outlets` the group shards and the outlet
//! vocabulary with its chunks), `stream` the same files from articles as they come (bounded
//! memory: what `pack --sharded` uses), `plan` and `part` the same files from a reduce
//! partitioned across machines (the whole-archive steps over compact keys, then the
//! shards written by parts, then the root merged), `read` checks
//! and decodes them and answers the view's questions from the root's summaries, `index`
//! makes and looks up the term chunks.

mod compact;
mod file;
mod groups;
mod index;
mod manifest;
mod outlets;
mod part;
mod plan;
mod read;
mod stream;
mod types;
mod write;

pub use file::{checksum_hex, Files};
pub use index::{terms, Chunk};
pub use part::{Merge, PartWriter, PartWritten};
pub use plan::{shard_of, PartKeys, Plan, Planner, StatementKeys};
pub use read::{
    decode_articles, decode_chunk, decode_groups, decode_outlets, decode_statements, parse_root,
    read_summaries, read_table, shard_name_ok, verify,
};
pub use stream::{Spill, Stream};
pub use types::*;
pub use write::{statement_order, write, Limits};

/// The seed corpus, its cross-outlet comparison, and its archive written into memory
/// under `limits` (file name → bytes) with the root: the shard tests' and the archive
/// reader's tests' fixture.
#[cfg(test)]
pub(crate) fn seed_archive(
    limits: Limits,
) -> (
    crate::corpus::Corpus,
    crate::corpus::compare::Comparison,
    std::collections::BTreeMap<String, Vec<u8>>,
    Root,
) {
    use crate::corpus::compare::{compare, GROUP_THRESHOLD};
    let corpus = crate::test_seeds::seed_corpus();
    let cmp = compare(&corpus, GROUP_THRESHOLD);
    let mut files = std::collections::BTreeMap::new();
    let root = write(
        &corpus,
        &cmp,
        &crate::corpus::topics::names(),
        "test",
        limits,
        &mut |n: &str, b: Vec<u8>| {
            files.insert(n.to_string(), b);
            Ok(())
        },
    )
    .expect("the seed corpus writes as an archive");
    (corpus, cmp, files, root)
}

/// An archive's root parsed from its files, with every table's manifest read into it
/// (the tests' whole root).
#[cfg(test)]
pub(crate) fn tabled_root(files: &std::collections::BTreeMap<String, Vec<u8>>) -> Root {
    let mut root = parse_root(&files[ROOT]).expect("the root parses");
    for t in Table::ALL {
        let name = root.tables.get(t).name.clone();
        read_table(&mut root, t, &files[&name]).expect("the manifest reads");
    }
    root
}

#[cfg(test)]
mod tests;
