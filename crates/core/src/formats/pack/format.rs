//! What a corpus file is: its first line (format, version, checksum, length), the
//! shape of its body, what reading one gives, and why one is refused ([`PackError`]).

use crate::corpus::compare::{Comparison, Group};
use crate::corpus::Corpus;
use serde::Deserialize;

/// The first word of a corpus file.
pub const FORMAT: &str = "quoteline-corpus";
/// The body's layout. Bump it whenever a type inside [`Body`] changes shape:
/// `tests/pack.rs` pins the encoding of a fixture and fails until this is bumped.
pub const VERSION: u32 = 2;
/// The usual file extension.
pub const EXTENSION: &str = "qlc";
/// The generator named in the seed corpus file that `build.rs` writes.
pub const SEED_GENERATOR: &str = "quoteline build.rs (the embedded seeds)";

#[derive(Deserialize)]
pub(super) struct Body {
    /// What wrote the file (`quoteline 0.1.0`), shown when it is opened.
    pub(super) generator: String,
    /// The topic names entries' topic indices refer to, so a file made with another
    /// taxonomy is mapped by name rather than misread by position.
    pub(super) topics: Vec<String>,
    pub(super) corpus: Corpus,
    pub(super) groups: Vec<Group>,
}

/// A corpus file, read and checked.
#[derive(Debug)]
pub struct Pack {
    pub corpus: Corpus,
    pub comparison: Comparison,
    pub generator: String,
    /// Things the reader adapted (topics this app does not know), for the user.
    pub notes: Vec<String>,
}

/// Whether `bytes` look like a corpus file (so a loader can route it here, not to text).
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(FORMAT.as_bytes())
}

/// Why a corpus file cannot be used. Its `Display` is the message for the user, and a
/// refusal of the contents names the field (`statements[3].when.day`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// It does not start with [`FORMAT`].
    NotPack,
    /// It is a workspace export, not a corpus file.
    Workspace,
    /// The first line is cut off or damaged: what is wrong with it.
    Header(&'static str),
    /// The first word is not [`FORMAT`].
    FirstWord(String),
    /// Written in a newer or an older format.
    Newer(u32),
    Older(u32),
    /// Fewer bytes after the first line than it says.
    Truncated {
        expected: usize,
        found: usize,
    },
    /// More bytes than the first line says.
    Longer(usize),
    /// The body does not match the header's checksum.
    Checksum,
    /// The body is not the encoding of a corpus.
    Decode(String),
    /// The body decodes, but a value is out of range or disagrees with another:
    /// `field` is its path (`statements[3].span`), `problem` says what is wrong.
    Invalid {
        field: String,
        problem: String,
    },
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::NotPack => write!(f, "not a Quoteline corpus file: it does not start with “{FORMAT}” (make one with `quoteline pack`)"),
            PackError::Workspace => write!(f, "this is a workspace export (your articles), not a corpus file: import it under “Your articles”"),
            PackError::Header(what) => f.write_str(what),
            PackError::FirstWord(w) => write!(f, "not a Quoteline corpus file: its first word is “{w}”, not “{FORMAT}”"),
            PackError::Newer(v) => write!(f, "this corpus file was written by a newer Quoteline (format {v}; this app reads format {VERSION}). Open it with the newer version, or make it again with this version's `quoteline pack`."),
            // No older format is readable: the body of format 0 had no fixed layout.
            PackError::Older(v) => write!(f, "this corpus file was written by an older Quoteline (format {v}; this app reads format {VERSION}). Make it again from the articles with `quoteline pack`."),
            PackError::Truncated { expected, found } => write!(f, "the corpus file is truncated: it should hold {expected} bytes after its first line, and holds {found}"),
            PackError::Longer(n) => write!(f, "the corpus file has {n} bytes more than its first line says: it was damaged or two files were joined"),
            PackError::Checksum => f.write_str("the corpus file's contents do not match its checksum: it was edited or damaged"),
            PackError::Decode(e) => write!(f, "the corpus file could not be decoded ({e}); it may come from a development build"),
            PackError::Invalid { field, problem } => write!(f, "the corpus file is inconsistent: {problem} (field {field})"),
        }
    }
}

impl std::error::Error for PackError {}

/// The message, for callers that keep messages as text.
impl From<PackError> for String {
    fn from(e: PackError) -> String {
        e.to_string()
    }
}

/// The header's checksum and the body it is of, or why the file is refused.
pub(super) fn header(bytes: &[u8]) -> Result<(u64, &[u8]), PackError> {
    if !is_pack(bytes) {
        let start = String::from_utf8_lossy(bytes.get(..bytes.len().min(64)).unwrap_or(&[]));
        return Err(
            if start.trim_start().starts_with('{') && start.contains("quoteline-workspace") {
                PackError::Workspace
            } else {
                PackError::NotPack
            },
        );
    }
    let nl = bytes
        .iter()
        .take(200)
        .position(|&b| b == b'\n')
        .ok_or(PackError::Header(
            "the corpus file's first line is cut off or damaged",
        ))?;
    let (header, body) = match (bytes.get(..nl), bytes.get(nl + 1..)) {
        (Some(h), Some(b)) => (h, b),
        _ => {
            return Err(PackError::Header(
                "the corpus file's first line is cut off or damaged",
            ))
        }
    };
    let header = std::str::from_utf8(header)
        .map_err(|_| PackError::Header("the corpus file's first line is damaged"))?;
    let mut parts = header.split(' ');
    let first = parts.next().unwrap_or("");
    if first != FORMAT {
        return Err(PackError::FirstWord(first.to_string()));
    }
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(PackError::Header("the corpus file has no format version"))?;
    if version > VERSION {
        return Err(PackError::Newer(version));
    }
    if version < VERSION {
        return Err(PackError::Older(version));
    }
    let (Some(sum), Some(len)) = (
        parts.next().and_then(|s| u64::from_str_radix(s, 16).ok()),
        parts.next().and_then(|s| s.parse::<usize>().ok()),
    ) else {
        return Err(PackError::Header(
            "the corpus file's first line is damaged (no checksum or length)",
        ));
    };
    if body.len() < len {
        return Err(PackError::Truncated {
            expected: len,
            found: body.len(),
        });
    }
    if body.len() > len {
        return Err(PackError::Longer(body.len() - len));
    }
    Ok((sum, body))
}

/// Maps the file's topic indices to this app's taxonomy by name; topics the app does
/// not know are dropped from the statements and named in a note. (Every index is below
/// `theirs.len()`: [`check`] refused the file otherwise; one that were not would be
/// dropped too.)
pub(super) fn map_topics(c: &mut Corpus, theirs: &[String], ours: &[String]) -> Vec<String> {
    let map: Vec<Option<usize>> = theirs
        .iter()
        .map(|n| ours.iter().position(|o| o == n))
        .collect();
    if map.iter().enumerate().all(|(i, m)| *m == Some(i)) {
        return Vec::new();
    }
    let mut dropped = std::collections::BTreeSet::new();
    for e in &mut c.entries {
        e.topics
            .retain_mut(|(t, _)| match map.get(*t).copied().flatten() {
                Some(o) => {
                    *t = o;
                    true
                }
                None => {
                    if let Some(name) = theirs.get(*t) {
                        dropped.insert(name.clone());
                    }
                    false
                }
            });
        crate::text::sort::sort_by_key(&mut e.topics, |(t, _)| *t);
    }
    if dropped.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "topics this app does not have were left off the statements: {}",
            dropped.into_iter().collect::<Vec<_>>().join(", ")
        )]
    }
}
