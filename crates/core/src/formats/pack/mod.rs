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
//! This file writes the file and reads it whole; `format` is what a file is and why one
//! is refused ([`PackError`]), `read` reads one a step at a time (so a page can paint
//! between steps) and `check` checks a decoded body, part by part.

mod check;
mod format;
mod read;

pub use format::{is_pack, Pack, PackError, EXTENSION, FORMAT, SEED_GENERATOR, VERSION};
pub use read::Reading;

use crate::corpus::compare::{Comparison, Group};
use crate::corpus::Corpus;
use crate::lexicon::Fnv;
use serde::Serialize;
use std::hash::Hasher;

/// `format::Body` by reference, for writing without copying the corpus (serde writes a
/// reference exactly as the value, so the bytes are the same). Same fields, same order:
/// the recorded-fixture test re-encodes a decoded `Body` through this and fails if not.
#[derive(Serialize)]
struct BodyRef<'a> {
    generator: &'a str,
    topics: &'a [String],
    corpus: &'a Corpus,
    groups: &'a [Group],
}

/// The header's checksum of a body (FNV-1a, 64 bits).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
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

/// Reads a corpus file. `topics` are the names of this app's taxonomy, in its order.
/// `Err` says why the file cannot be used (its `Display` is the message for the user).
pub fn decode(bytes: &[u8], topics: &[String]) -> Result<Pack, PackError> {
    let mut reading = Reading::new(bytes)?;
    loop {
        if let Some(done) = reading.step(topics) {
            return done;
        }
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
