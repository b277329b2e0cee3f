//! A shard table's manifest file (format 5): the table in postcard with what its
//! place implies left out. A shard's name is its kind and its place, and a range's first
//! number the sum of the counts before it, so a statement, article or group shard is
//! `(bytes, checksum, count)` and an index or outlet chunk `(bytes, checksum, first
//! term, last term)`, the checksum as a number: about a third of the entries' bytes.

use super::file::shard_bytes;
use super::types::*;
use serde::{Deserialize, Serialize};

/// A shard of a range table on the wire.
#[derive(Serialize, Deserialize)]
struct Ranged {
    bytes: u64,
    checksum: u64,
    count: u64,
}

/// A chunk of a term or name table on the wire.
#[derive(Serialize, Deserialize)]
struct Named {
    bytes: u64,
    checksum: u64,
    first: String,
    last: String,
}

/// What a manifest holds, decoded: one of the two shapes.
pub(super) enum Rows {
    Ranged(Vec<ArticleShardInfo>),
    Named(Vec<ChunkInfo>),
}

fn number(file: &FileInfo) -> u64 {
    u64::from_str_radix(&file.checksum, 16).unwrap_or(0)
}

fn ranged<'a>(files: impl Iterator<Item = (&'a FileInfo, u64)>) -> Vec<Ranged> {
    files
        .map(|(f, count)| Ranged {
            bytes: f.bytes,
            checksum: number(f),
            count,
        })
        .collect()
}

fn named(chunks: &[ChunkInfo]) -> Vec<Named> {
    (chunks.iter())
        .map(|c| Named {
            bytes: c.file.bytes,
            checksum: number(&c.file),
            first: c.first.clone(),
            last: c.last.clone(),
        })
        .collect()
}

/// Table `t`'s manifest file.
pub(super) fn manifest_bytes(root: &Root, t: Table) -> Vec<u8> {
    match t {
        Table::Statements => {
            let rows = ranged(root.statement_shards.iter().map(|s| (&s.file, s.count)));
            shard_bytes(Kind::Tables, &rows)
        }
        Table::Articles => {
            let rows = ranged(root.article_shards.iter().map(|s| (&s.file, s.count)));
            shard_bytes(Kind::Tables, &rows)
        }
        Table::Groups => {
            let rows = ranged(root.group_shards.iter().map(|s| (&s.file, s.count)));
            shard_bytes(Kind::Tables, &rows)
        }
        Table::Index => shard_bytes(Kind::Tables, &named(&root.index_chunks)),
        Table::Outlets => shard_bytes(Kind::Tables, &named(&root.outlet_chunks)),
    }
}

fn file(kind: Kind, k: usize, bytes: u64, checksum: u64) -> FileInfo {
    FileInfo {
        name: kind.name(k),
        bytes,
        checksum: format!("{checksum:016x}"),
    }
}

/// The kind of shard table `t` lists.
pub(super) fn kind_of(t: Table) -> Kind {
    match t {
        Table::Statements => Kind::Statements,
        Table::Articles => Kind::Articles,
        Table::Index => Kind::Index,
        Table::Groups => Kind::Groups,
        Table::Outlets => Kind::Outlets,
    }
}

/// A manifest's body (after its first line), decoded into table `t`'s rows, names and
/// firsts rebuilt from their places. A count that would overflow is an error.
pub(super) fn decode_rows(t: Table, body: &[u8]) -> Result<Rows, String> {
    let kind = kind_of(t);
    match t {
        Table::Statements | Table::Articles | Table::Groups => {
            let rows: Vec<Ranged> = postcard::from_bytes(body).map_err(|e| e.to_string())?;
            let mut first = 0u64;
            let mut out = Vec::with_capacity(rows.len());
            for (k, r) in rows.into_iter().enumerate() {
                out.push(ArticleShardInfo {
                    file: file(kind, k, r.bytes, r.checksum),
                    first,
                    count: r.count,
                });
                first = (first.checked_add(r.count))
                    .ok_or_else(|| format!("its counts overflow at shard {k}"))?;
            }
            Ok(Rows::Ranged(out))
        }
        Table::Index | Table::Outlets => {
            let rows: Vec<Named> = postcard::from_bytes(body).map_err(|e| e.to_string())?;
            let out = (rows.into_iter().enumerate())
                .map(|(k, r)| ChunkInfo {
                    file: file(kind, k, r.bytes, r.checksum),
                    first: r.first,
                    last: r.last,
                })
                .collect();
            Ok(Rows::Named(out))
        }
    }
}
