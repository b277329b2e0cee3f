//! The precomputed corpus file (`.qlc`): a corpus extracted ahead of time by the CLI
//! (`quoteline pack`), so the browser opens tens of thousands of statements without
//! extracting them. It holds the articles' text, the statements with their offsets,
//! speakers, dates, topics, context events and the cross-outlet groups.
//!
//! Layout: one text line `quoteline-corpus <version> <fnv64 of body, hex> <body bytes>\n`,
//! then the body in postcard (compact binary serde). The line makes the file
//! recognisable (`head -1`) and lets a reader refuse a foreign, newer, older, truncated
//! or damaged file with the reason before decoding anything. A decoded body is then
//! checked whole (every span inside its article and on char boundaries, every id in
//! range), so a crafted file with a good checksum still cannot make the app slice out
//! of bounds. The search index is not stored: rebuilding it is a single pass over the
//! statements, faster than reading it from the file.
#![allow(
    clippy::string_slice,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)] // nopanic: cleared on the branch that owns this file

use super::compare::{Comparison, Group};
use super::corpus::Corpus;
use super::lexicon::Fnv;
use super::text::Span;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// The first word of a corpus file.
pub const FORMAT: &str = "quoteline-corpus";
/// The body's layout. Bump it whenever a type inside [`Body`] changes shape:
/// `tests/pack.rs` pins the encoding of a fixture and fails until this is bumped.
pub const VERSION: u32 = 1;
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

/// Reads a corpus file. `topics` are the names of this app's taxonomy, in its order.
/// `Err` says, in words for the user, why the file cannot be used.
pub fn decode(bytes: &[u8], topics: &[String]) -> Result<Pack, String> {
    if !is_pack(bytes) {
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]).to_string();
        return Err(
            if start.trim_start().starts_with('{') && start.contains("quoteline-workspace") {
                "this is a workspace export (your articles), not a corpus file: import it under “Your articles”".into()
            } else {
                format!("not a Quoteline corpus file: it does not start with “{FORMAT}” (make one with `quoteline pack`)")
            },
        );
    }
    let nl = bytes
        .iter()
        .take(200)
        .position(|&b| b == b'\n')
        .ok_or("the corpus file's first line is cut off or damaged")?;
    let header =
        std::str::from_utf8(&bytes[..nl]).map_err(|_| "the corpus file's first line is damaged")?;
    let parts: Vec<&str> = header.split(' ').collect();
    if parts[0] != FORMAT {
        return Err(format!(
            "not a Quoteline corpus file: its first word is “{}”, not “{FORMAT}”",
            parts[0]
        ));
    }
    let version: u32 = parts
        .get(1)
        .and_then(|v| v.parse().ok())
        .ok_or("the corpus file has no format version")?;
    if version > VERSION {
        return Err(format!(
            "this corpus file was written by a newer Quoteline (format {version}; this app reads format {VERSION}). Open it with the newer version, or make it again with this version's `quoteline pack`."
        ));
    }
    if version < VERSION {
        // No older format is readable: the body of format 0 had no fixed layout.
        return Err(format!(
            "this corpus file was written by an older Quoteline (format {version}; this app reads format {VERSION}). Make it again from the articles with `quoteline pack`."
        ));
    }
    let (Some(sum), Some(len)) = (
        parts.get(2).and_then(|s| u64::from_str_radix(s, 16).ok()),
        parts.get(3).and_then(|s| s.parse::<usize>().ok()),
    ) else {
        return Err("the corpus file's first line is damaged (no checksum or length)".into());
    };
    let body = &bytes[nl + 1..];
    if body.len() < len {
        return Err(format!(
            "the corpus file is truncated: it should hold {len} bytes after its first line, and holds {}",
            body.len()
        ));
    }
    if body.len() > len {
        return Err(format!(
            "the corpus file has {} bytes more than its first line says: it was damaged or two files were joined",
            body.len() - len
        ));
    }
    if checksum(body) != sum {
        return Err(
            "the corpus file's contents do not match its checksum: it was edited or damaged".into(),
        );
    }
    let body: Body = postcard::from_bytes(body).map_err(|e| {
        format!("the corpus file could not be decoded ({e}); it may come from a development build")
    })?;
    let mut corpus = body.corpus;
    check(&corpus, &body.groups, body.topics.len())?;
    let notes = map_topics(&mut corpus, &body.topics, topics);
    let comparison = Comparison::from_groups(&corpus, body.groups);
    Ok(Pack {
        corpus,
        comparison,
        generator: body.generator,
        notes,
    })
}

/// Every span inside its article and on char boundaries, every index in range: what the
/// app relies on to slice and index without a check.
fn check(c: &Corpus, groups: &[Group], topics: usize) -> Result<(), String> {
    let span_ok = |text: &str, s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let bad = |what: String| Err(format!("the corpus file is inconsistent: {what}"));
    for (ai, a) in c.articles.iter().enumerate() {
        let spans = a.diagnostics.iter().filter_map(|d| d.span);
        if let Some(s) = spans.into_iter().find(|&s| !span_ok(&a.text, s)) {
            return bad(format!(
                "a note on article {ai} points outside it ({}..{})",
                s.start, s.end
            ));
        }
    }
    for (i, e) in c.entries.iter().enumerate() {
        let Some(a) = c.articles.get(e.article) else {
            return bad(format!(
                "statement {i} belongs to article {}, which is not in the file",
                e.article
            ));
        };
        if e.speaker >= c.speakers.len() {
            return bad(format!(
                "statement {i} has speaker {}, who is not in the file",
                e.speaker
            ));
        }
        let st = &e.statement;
        let spans = [
            Some(st.span),
            st.cue,
            Some(st.sentence),
            st.evidence.mention,
            st.evidence.antecedent,
            e.when_expr,
        ]
        .into_iter()
        .flatten()
        .chain(e.topics.iter().flat_map(|(_, w)| w.iter().copied()));
        if let Some(s) = spans.into_iter().find(|&s| !span_ok(&a.text, s)) {
            return bad(format!(
                "statement {i} points outside its article ({}..{})",
                s.start, s.end
            ));
        }
        if let Some((t, _)) = e.topics.iter().find(|(t, _)| *t >= topics) {
            return bad(format!(
                "statement {i} has topic {t}, which the file does not name"
            ));
        }
        if st.continues.is_some_and(|p| p >= c.entries.len()) {
            return bad(format!(
                "statement {i} continues a statement that is not in the file"
            ));
        }
    }
    for (i, ev) in c.events.iter().enumerate() {
        let Some(a) = c.articles.get(ev.article) else {
            return bad(format!(
                "event {i} belongs to an article that is not in the file"
            ));
        };
        if let Some(s) = [ev.sentence, ev.expr, ev.clause]
            .into_iter()
            .find(|&s| !span_ok(&a.text, s))
        {
            return bad(format!(
                "event {i} points outside its article ({}..{})",
                s.start, s.end
            ));
        }
    }
    let mut seen = vec![false; c.entries.len()];
    for (gi, g) in groups.iter().enumerate() {
        if !g.members.contains(&g.canonical) {
            return bad(format!(
                "group {gi} stands for a statement that is not one of its members"
            ));
        }
        for &m in &g.members {
            match seen.get_mut(m) {
                None => {
                    return bad(format!(
                        "group {gi} has statement {m}, which is not in the file"
                    ))
                }
                Some(true) => return bad(format!("statement {m} is in two groups")),
                Some(s) => *s = true,
            }
        }
    }
    Ok(())
}

/// Maps the file's topic indices to this app's taxonomy by name; topics the app does
/// not know are dropped from the statements and named in a note.
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
        e.topics.retain_mut(|(t, _)| match map[*t] {
            Some(o) => {
                *t = o;
                true
            }
            None => {
                dropped.insert(theirs[*t].clone());
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
    use crate::core::compare::{compare, GROUP_THRESHOLD};
    use crate::core::corpus::{ArticleMeta, Input};

    use crate::core::topics::names;

    fn sample() -> (Corpus, Comparison) {
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
        let err = |b: &[u8]| decode(b, &names()).unwrap_err();
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
            "quoteline-corpus 1 ",
            "quoteline-corpus 9 ",
            1,
        );
        assert!(err(newer.as_bytes()).contains("newer Quoteline (format 9"));
        let mut older = good.clone();
        older[FORMAT.len() + 1] = b'0';
        assert!(err(&older).contains("older Quoteline (format 0"));
        assert!(err(b"quoteline-corpus").contains("cut off"));
        assert!(err(b"quoteline-corpusX 1 00 0\n").contains("first word"));
        assert!(err(b"quoteline-corpus 1 zz 3\nabc").contains("damaged"));
    }

    #[test]
    fn a_crafted_file_with_a_good_checksum_still_cannot_point_outside_an_article() {
        let (mut c, cmp) = sample();
        c.entries[0].statement.span = Span::new(0, c.articles[0].text.len() + 5);
        let e = decode(&encode(&c, &cmp, &names(), "t"), &names()).unwrap_err();
        assert!(e.contains("statement 0 points outside its article"), "{e}");
        let (mut c, cmp) = sample();
        // Inside the curly quote mark (3 bytes): not a char boundary.
        c.entries[0].statement.cue = Some(Span::new(1, 2));
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .contains("outside"));
        let (mut c, cmp) = sample();
        c.entries[1].speaker = 99;
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .contains("speaker 99"));
        let (c, mut cmp) = sample();
        cmp.groups[0].members.push(500);
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .contains("statement 500"));
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
