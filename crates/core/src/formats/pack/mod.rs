//! The precomputed corpus file (`.qlc`): a corpus extracted ahead of time by the CLI
//! (`quoteline pack`), so the browser opens tens of thousands of statements without
//! extracting them. It holds the articles' text, the statements with their offsets,
//! speakers, dates, topics, context events and the cross-outlet groups.
//!
//! Layout: one text line `quoteline-corpus <version> <fnv64 of body, hex> <body bytes>\n`,
//! then the body in postcard (compact binary serde). The line makes the file
//! recognisable (`head -1`) and lets a reader refuse a foreign, newer, older, truncated
//! or damaged file with the reason before decoding anything. The checksum guards against
//! damage, not forgery, so a decoded body is then checked whole in one linear pass
//! (every span inside its article and on char boundaries, every id in range, every date
//! within years 1 to 9999, groups consistent with the statements: `check.rs`), and a
//! crafted file with a good checksum is refused naming the field rather than making the
//! app slice out of bounds or overflow a day. The search index is not stored:
//! rebuilding it is a single pass over the statements, faster than reading it from the
//! file.
//!
//! This file writes and reads the file and refuses it with a [`PackError`]; `check`
//! checks a decoded body, part by part.

mod check;

use crate::corpus::compare::{Comparison, Group};
use crate::corpus::Corpus;
use crate::lexicon::Fnv;
use check::{check, Inconsistency};
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

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
struct Body {
    /// What wrote the file (`quoteline 0.1.0`), shown when it is opened.
    generator: String,
    /// The topic names entries' topic indices refer to, so a file made with another
    /// taxonomy is mapped by name rather than misread by position.
    topics: Vec<String>,
    corpus: Corpus,
    groups: Vec<Group>,
}

/// [`Body`] by reference, for writing without copying the corpus (serde writes a
/// reference exactly as the value, so the bytes are the same). Same fields, same order:
/// the recorded-fixture test re-encodes a decoded `Body` through this and fails if not.
#[derive(Serialize)]
struct BodyRef<'a> {
    generator: &'a str,
    topics: &'a [String],
    corpus: &'a Corpus,
    groups: &'a [Group],
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

/// The header's checksum of a body (FNV-1a, 64 bits).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// Whether `bytes` look like a corpus file (so a loader can route it here, not to text).
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(FORMAT.as_bytes())
}

/// Writes a corpus and its groups. `topics` names the taxonomy the entries' topic
/// indices point into.
pub fn encode(
    corpus: &Corpus,
    comparison: &Comparison,
    topics: &[String],
    generator: &str,
) -> Vec<u8> {
    let body = BodyRef {
        generator,
        topics,
        corpus,
        groups: &comparison.groups,
    };
    // Serialising plain owned data into a Vec cannot fail.
    let body = postcard::to_allocvec(&body).unwrap_or_default();
    let mut out = format!(
        "{FORMAT} {VERSION} {:016x} {}\n",
        checksum(&body),
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
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

/// Reads a corpus file. `topics` are the names of this app's taxonomy, in its order.
/// `Err` says why the file cannot be used (its `Display` is the message for the user).
pub fn decode(bytes: &[u8], topics: &[String]) -> Result<Pack, PackError> {
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
    if checksum(body) != sum {
        return Err(PackError::Checksum);
    }
    let body: Body = postcard::from_bytes(body).map_err(|e| PackError::Decode(e.to_string()))?;
    let mut corpus = body.corpus;
    check(&corpus, &body.groups, body.topics.len())
        .map_err(|Inconsistency { field, problem }| PackError::Invalid { field, problem })?;
    let notes = map_topics(&mut corpus, &body.topics, topics);
    let comparison = Comparison::from_groups(&corpus, body.groups);
    Ok(Pack {
        corpus,
        comparison,
        generator: body.generator,
        notes,
    })
}

/// Maps the file's topic indices to this app's taxonomy by name; topics the app does
/// not know are dropped from the statements and named in a note. (Every index is below
/// `theirs.len()`: [`check`] refused the file otherwise; one that were not would be
/// dropped too.)
fn map_topics(c: &mut Corpus, theirs: &[String], ours: &[String]) -> Vec<String> {
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
        e.topics.sort_by_key(|(t, _)| *t);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::{compare, GROUP_THRESHOLD};
    use crate::corpus::{ArticleMeta, Input};

    use crate::corpus::topics::names;

    pub(super) fn sample() -> (Corpus, Comparison) {
        let c = Corpus::build(vec![
            Input {
                name: "a.txt",
                text: "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday. She said the budget was ready.",
                meta: ArticleMeta { outlet: "A".into(), date: "2024-03-04".into(), ..Default::default() },
            },
            Input {
                name: "b.txt",
                text: "Mayor Ana Ruiz said: “We will rebuild the bridge by spring.” Critics said the plan was late.",
                meta: ArticleMeta { outlet: "B".into(), ..Default::default() },
            },
        ]);
        let cmp = compare(&c, GROUP_THRESHOLD);
        (c, cmp)
    }

    #[test]
    fn round_trip_keeps_the_corpus_and_its_groups() {
        let (c, cmp) = sample();
        assert!(
            !cmp.groups.is_empty(),
            "the sample should group the bridge quote"
        );
        let bytes = encode(&c, &cmp, &names(), "test");
        assert!(is_pack(&bytes));
        let p = decode(&bytes, &names()).unwrap();
        assert_eq!(p.corpus, c);
        assert_eq!(p.comparison, cmp);
        assert_eq!(p.generator, "test");
        assert!(p.notes.is_empty());
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let (c, cmp) = sample();
        let good = encode(&c, &cmp, &names(), "test");
        let err = |b: &[u8]| decode(b, &names()).unwrap_err().to_string();
        assert!(err(b"hello").contains("not a Quoteline corpus file"));
        assert!(
            err(br#"{"format": "quoteline-workspace", "version": 1}"#).contains("workspace export")
        );
        assert!(err(&good[..good.len() - 10]).contains("truncated"));
        let mut longer = good.clone();
        longer.extend_from_slice(b"xx");
        assert!(err(&longer).contains("2 bytes more"));
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(err(&flipped).contains("checksum"));
        let newer = String::from_utf8_lossy(&good).replacen(
            &format!("quoteline-corpus {VERSION} "),
            "quoteline-corpus 9 ",
            1,
        );
        assert!(err(newer.as_bytes()).contains("newer Quoteline (format 9"));
        let mut older = good.clone();
        older[FORMAT.len() + 1] = b'0';
        assert!(err(&older).contains("older Quoteline (format 0"));
        assert!(err(b"quoteline-corpus").contains("cut off"));
        assert!(err(b"quoteline-corpusX 1 00 0\n").contains("first word"));
        assert!(
            err(format!("quoteline-corpus {VERSION} zz 3\nabc").as_bytes()).contains("damaged")
        );
    }

    /// Each refusal of the file as a whole, with the message users see: it says which
    /// part is wrong (the first line, its first word, the body's length or checksum).
    #[test]
    fn each_refusal_says_what_is_wrong() {
        let (c, cmp) = sample();
        let good = encode(&c, &cmp, &names(), "test");
        let n = good.len() - good.iter().position(|&b| b == b'\n').unwrap() - 1;
        let err = |b: &[u8]| decode(b, &names()).unwrap_err();
        let mut longer = good.clone();
        longer.extend_from_slice(b"xx");
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        let cases: Vec<(PackError, Vec<u8>, String)> = vec![
            (PackError::NotPack, b"hello".to_vec(), "not a Quoteline corpus file: it does not start with “quoteline-corpus” (make one with `quoteline pack`)".into()),
            (PackError::Workspace, br#"{"format": "quoteline-workspace"}"#.to_vec(), "this is a workspace export (your articles), not a corpus file: import it under “Your articles”".into()),
            (PackError::Header("the corpus file's first line is cut off or damaged"), b"quoteline-corpus".to_vec(), "the corpus file's first line is cut off or damaged".into()),
            (PackError::Header("the corpus file has no format version"), b"quoteline-corpus x\n".to_vec(), "the corpus file has no format version".into()),
            (PackError::FirstWord("quoteline-corpusX".into()), b"quoteline-corpusX 1 00 0\n".to_vec(), "not a Quoteline corpus file: its first word is “quoteline-corpusX”, not “quoteline-corpus”".into()),
            (PackError::Newer(9), b"quoteline-corpus 9 00 0\n".to_vec(), format!("this corpus file was written by a newer Quoteline (format 9; this app reads format {VERSION}). Open it with the newer version, or make it again with this version's `quoteline pack`.")),
            (PackError::Older(0), b"quoteline-corpus 0 00 0\n".to_vec(), format!("this corpus file was written by an older Quoteline (format 0; this app reads format {VERSION}). Make it again from the articles with `quoteline pack`.")),
            (PackError::Truncated { expected: n, found: n - 10 }, good[..good.len() - 10].to_vec(), format!("the corpus file is truncated: it should hold {n} bytes after its first line, and holds {}", n - 10)),
            (PackError::Longer(2), longer, "the corpus file has 2 bytes more than its first line says: it was damaged or two files were joined".into()),
            (PackError::Checksum, flipped, "the corpus file's contents do not match its checksum: it was edited or damaged".into()),
        ];
        for (want, bytes, message) in cases {
            let e = err(&bytes);
            assert_eq!(e, want);
            assert_eq!(e.to_string(), message);
        }
        // A body with a good checksum that is not a corpus.
        let body = b"\xff\xff\xff";
        let mut junk = format!(
            "{FORMAT} {VERSION} {:016x} {}\n",
            checksum(body),
            body.len()
        )
        .into_bytes();
        junk.extend_from_slice(body);
        let e = err(&junk);
        assert!(matches!(e, PackError::Decode(_)), "{e:?}");
        assert!(
            e.to_string()
                .starts_with("the corpus file could not be decoded ("),
            "{e}"
        );
    }

    #[test]
    fn topics_are_mapped_by_name_and_unknown_ones_named() {
        let (mut c, cmp) = sample();
        let ours = names();
        // The file's taxonomy: an unknown topic first, then ours reversed.
        let mut theirs: Vec<String> = vec!["gardening".into()];
        theirs.extend(ours.iter().rev().cloned());
        let n = ours.len();
        let to_theirs = |i: usize| 1 + (n - 1 - i);
        let first_topic = c.entries.iter().position(|e| !e.topics.is_empty());
        for e in &mut c.entries {
            for (t, _) in &mut e.topics {
                *t = to_theirs(*t);
            }
        }
        c.entries[0].topics.push((0, Vec::new()));
        let want: Vec<Vec<usize>> = sample()
            .0
            .entries
            .iter()
            .map(|e| e.topics.iter().map(|t| t.0).collect())
            .collect();
        let p = decode(&encode(&c, &cmp, &theirs, "t"), &ours).unwrap();
        let got: Vec<Vec<usize>> = p
            .corpus
            .entries
            .iter()
            .map(|e| e.topics.iter().map(|t| t.0).collect())
            .collect();
        assert_eq!(got, want);
        assert!(
            first_topic.is_some(),
            "the sample should have a topic to map"
        );
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].contains("gardening"));
    }
}
