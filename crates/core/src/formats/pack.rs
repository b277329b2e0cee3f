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
//! within years 1 to 9999, groups consistent with the statements: see `check`), and a
//! crafted file with a good checksum is refused naming the field rather than making the
//! app slice out of bounds or overflow a day. The search index is not stored: rebuilding it is a single pass over the
//! statements, faster than reading it from the file.

use crate::corpus::compare::{Comparison, Group};
use crate::corpus::dates::When;
use crate::corpus::dates::{MAX_DAY, MIN_DAY};
use crate::corpus::Corpus;
use crate::lexicon::Fnv;
use crate::text::Span;
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

impl From<PackError> for String {
    fn from(e: PackError) -> String {
        e.to_string()
    }
}

/// Reads a corpus file. `topics` are the names of this app's taxonomy, in its order.
/// `Err` says, in words for the user, why the file cannot be used ([`decode_typed`]
/// gives the reason as a [`PackError`]).
pub fn decode(bytes: &[u8], topics: &[String]) -> Result<Pack, String> {
    decode_typed(bytes, topics).map_err(String::from)
}

/// [`decode`], with the reason as a [`PackError`].
pub fn decode_typed(bytes: &[u8], topics: &[String]) -> Result<Pack, PackError> {
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

/// A refusal of field `field` for `problem`.
fn invalid<T>(field: String, problem: String) -> Result<T, PackError> {
    Err(PackError::Invalid { field, problem })
}

/// Whether `s` is a span of `text`: start before end, both inside it and on char boundaries.
fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end && text.get(s.start..s.end).is_some()
}

/// A date the app can draw and count with: its day within years 1 to 9999 (whatever its
/// precision; an unknown date is day 0).
fn when_ok(w: When) -> bool {
    (MIN_DAY..=MAX_DAY).contains(&w.day)
}

/// The refusal of a date outside years 1 to 9999.
fn bad_date<T>(field: String, what: &str, w: When) -> Result<T, PackError> {
    invalid(
        field,
        format!(
            "{what} has the date day {}, outside the years 1 to 9999 (days {MIN_DAY} to {MAX_DAY})",
            w.day
        ),
    )
}

/// Everything the app relies on to slice, index and count without a check, checked in
/// one pass over the corpus (linear in its size):
/// - every span (statement, cue, sentence, speaker mention, antecedent, date expression,
///   topic words, notes, events' sentence, expression and clause) inside its article,
///   start ≤ end, on char boundaries;
/// - every index in range: a statement's article, speaker, topic and continued
///   statement, an event's article, a group's members and canonical statement;
/// - every date (articles' anchors, statements', events') within years 1 to 9999;
/// - every confidence a number from 0 to 1;
/// - groups agree with the statements: members in corpus order without repeats, the
///   canonical statement one of them, no statement in two groups, the outlet count the
///   number of distinct outlets among the members.
fn check(c: &Corpus, groups: &[Group], topics: usize) -> Result<(), PackError> {
    for (ai, a) in c.articles.iter().enumerate() {
        if !when_ok(a.anchor) {
            return bad_date(
                format!("corpus.articles[{ai}].anchor.day"),
                &format!("article {ai}"),
                a.anchor,
            );
        }
        for (k, d) in a.diagnostics.iter().enumerate() {
            if let Some(s) = d.span.filter(|&s| !span_ok(&a.text, s)) {
                return invalid(
                    format!("corpus.articles[{ai}].diagnostics[{k}].span"),
                    format!(
                        "a note on article {ai} points outside it ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
    }
    for (i, e) in c.entries.iter().enumerate() {
        let Some(a) = c.articles.get(e.article) else {
            return invalid(
                format!("corpus.entries[{i}].article"),
                format!(
                    "statement {i} belongs to article {}, which is not in the file",
                    e.article
                ),
            );
        };
        if e.speaker >= c.speakers.len() {
            return invalid(
                format!("corpus.entries[{i}].speaker"),
                format!(
                    "statement {i} has speaker {}, who is not in the file",
                    e.speaker
                ),
            );
        }
        let st = &e.statement;
        let spans = [
            ("statement.span", Some(st.span)),
            ("statement.cue", st.cue),
            ("statement.sentence", Some(st.sentence)),
            ("statement.evidence.mention", st.evidence.mention),
            ("statement.evidence.antecedent", st.evidence.antecedent),
            ("when_expr", e.when_expr),
        ];
        for (field, s) in spans {
            if let Some(s) = s.filter(|&s| !span_ok(&a.text, s)) {
                return invalid(
                    format!("corpus.entries[{i}].{field}"),
                    format!(
                        "statement {i} points outside its article ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
        for (k, (t, words)) in e.topics.iter().enumerate() {
            if *t >= topics {
                return invalid(
                    format!("corpus.entries[{i}].topics[{k}]"),
                    format!("statement {i} has topic {t}, which the file does not name"),
                );
            }
            if let Some(s) = words.iter().find(|&&s| !span_ok(&a.text, s)) {
                return invalid(
                    format!("corpus.entries[{i}].topics[{k}].words"),
                    format!(
                        "statement {i} points outside its article ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
        if st.continues.is_some_and(|p| p >= c.entries.len()) {
            return invalid(
                format!("corpus.entries[{i}].statement.continues"),
                format!("statement {i} continues a statement that is not in the file"),
            );
        }
        if !(0.0..=1.0).contains(&st.confidence) {
            return invalid(
                format!("corpus.entries[{i}].statement.confidence"),
                format!(
                    "statement {i} has the confidence {}, not a number from 0 to 1",
                    st.confidence
                ),
            );
        }
        if !when_ok(e.when) {
            return bad_date(
                format!("corpus.entries[{i}].when.day"),
                &format!("statement {i}"),
                e.when,
            );
        }
    }
    for (i, ev) in c.events.iter().enumerate() {
        let Some(a) = c.articles.get(ev.article) else {
            return invalid(
                format!("corpus.events[{i}].article"),
                format!("event {i} belongs to an article that is not in the file"),
            );
        };
        for (field, s) in [
            ("sentence", ev.sentence),
            ("expr", ev.expr),
            ("clause", ev.clause),
        ] {
            if !span_ok(&a.text, s) {
                return invalid(
                    format!("corpus.events[{i}].{field}"),
                    format!(
                        "event {i} points outside its article ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
        if !when_ok(ev.when) {
            return bad_date(
                format!("corpus.events[{i}].when.day"),
                &format!("event {i}"),
                ev.when,
            );
        }
    }
    // Each article's outlet as a number, to count a group's outlets without hashing names.
    let mut outlet_ids: std::collections::HashMap<&str, usize> = Default::default();
    let outlet_of: Vec<usize> = c
        .articles
        .iter()
        .map(|a| {
            let n = outlet_ids.len();
            *outlet_ids.entry(a.outlet.as_str()).or_insert(n)
        })
        .collect();
    let mut seen = vec![false; c.entries.len()];
    let mut outlets: Vec<usize> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if !g.members.contains(&g.canonical) {
            return invalid(
                format!("groups[{gi}].canonical"),
                format!("group {gi} stands for a statement that is not one of its members"),
            );
        }
        if g.members.windows(2).any(|w| w.first() >= w.last()) {
            return invalid(
                format!("groups[{gi}].members"),
                format!("group {gi} does not list its members once each, in corpus order"),
            );
        }
        outlets.clear();
        for &m in &g.members {
            match seen.get_mut(m) {
                None => {
                    return invalid(
                        format!("groups[{gi}].members"),
                        format!("group {gi} has statement {m}, which is not in the file"),
                    )
                }
                Some(true) => {
                    return invalid(
                        format!("groups[{gi}].members"),
                        format!("statement {m} is in two groups"),
                    )
                }
                Some(s) => *s = true,
            }
            // In range: `seen` has a slot per statement.
            if let Some(&o) = c.entries.get(m).and_then(|e| outlet_of.get(e.article)) {
                outlets.push(o);
            }
        }
        outlets.sort_unstable();
        outlets.dedup();
        if g.outlets != outlets.len() {
            return invalid(
                format!("groups[{gi}].outlets"),
                format!(
                    "group {gi} says it has {} outlets, and its members come from {}",
                    g.outlets,
                    outlets.len()
                ),
            );
        }
    }
    Ok(())
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

    /// The reported case: days at i64::MAX and i64::MIN behind a recomputed checksum
    /// opened, and the next search killed the page. Refused, naming the date.
    #[test]
    fn extreme_dates_are_refused_naming_the_field() {
        let refuse = |c: &Corpus, cmp: &Comparison| {
            decode_typed(&encode(c, cmp, &names(), "t"), &names()).unwrap_err()
        };
        for day in [i64::MAX, i64::MIN, MAX_DAY + 1, MIN_DAY - 1] {
            let (mut c, cmp) = sample();
            c.entries[1].when.day = day;
            let e = refuse(&c, &cmp);
            assert!(
                matches!(&e, PackError::Invalid { field, .. } if field == "corpus.entries[1].when.day"),
                "{e:?}"
            );
            let msg = String::from(e);
            assert!(
                msg.contains(&day.to_string()) && msg.contains("years 1 to 9999"),
                "{msg}"
            );
            let (mut c, cmp) = sample();
            c.articles[0].anchor.day = day;
            assert!(refuse(&c, &cmp)
                .to_string()
                .contains("corpus.articles[0].anchor.day"));
        }
        // The first and the last day are fine.
        for day in [MIN_DAY, MAX_DAY] {
            let (mut c, cmp) = sample();
            c.entries[0].when.day = day;
            assert!(decode(&encode(&c, &cmp, &names(), "t"), &names()).is_ok());
        }
    }

    #[test]
    fn every_field_is_checked_and_named() {
        let (mut c0, cmp0) = sample();
        let n = c0.articles[0].text.len();
        c0.events.push(crate::corpus::Event {
            article: 0,
            sentence: Span::new(0, n),
            expr: Span::new(n - 10, n - 1),
            clause: Span::new(0, n),
            when: When {
                day: 19_786,
                precision: crate::corpus::dates::Precision::Day,
            },
        });
        assert!(decode(&encode(&c0, &cmp0, &names(), "t"), &names()).is_ok());
        assert!(c0.entries.len() >= 3 && !cmp0.groups.is_empty());
        type Edit = Box<dyn Fn(&mut Corpus, &mut Comparison)>;
        let cases: Vec<(&str, Edit)> = vec![
            (
                "corpus.entries[0].statement.span",
                Box::new(|c, _| c.entries[0].statement.span = Span::new(5, 2)),
            ),
            (
                "corpus.entries[0].statement.sentence",
                Box::new(|c, _| c.entries[0].statement.sentence.end = usize::MAX),
            ),
            (
                "corpus.entries[0].statement.evidence.mention",
                Box::new(|c, _| c.entries[0].statement.evidence.mention = Some(Span::new(1, 1))),
            ),
            (
                "corpus.entries[0].statement.evidence.antecedent",
                Box::new(|c, _| {
                    c.entries[0].statement.evidence.antecedent = Some(Span::new(0, 1000))
                }),
            ),
            (
                "corpus.entries[0].when_expr",
                Box::new(|c, _| c.entries[0].when_expr = Some(Span::new(usize::MAX, usize::MAX))),
            ),
            (
                "corpus.entries[0].topics[0].words",
                Box::new(|c, _| c.entries[0].topics = vec![(0, vec![Span::new(2, 1)])]),
            ),
            (
                "corpus.entries[0].topics[0]",
                Box::new(|c, _| c.entries[0].topics = vec![(usize::MAX, vec![])]),
            ),
            (
                "corpus.entries[0].article",
                Box::new(|c, _| c.entries[0].article = 2),
            ),
            (
                "corpus.entries[0].statement.continues",
                Box::new(|c, _| c.entries[0].statement.continues = Some(usize::MAX)),
            ),
            (
                "corpus.entries[0].statement.confidence",
                Box::new(|c, _| c.entries[0].statement.confidence = f32::NAN),
            ),
            (
                "corpus.entries[0].statement.confidence",
                Box::new(|c, _| c.entries[0].statement.confidence = 1.5),
            ),
            (
                "corpus.events[0].when.day",
                Box::new(|c, _| c.events[0].when.day = i64::MIN),
            ),
            (
                "corpus.events[0].clause",
                Box::new(|c, _| c.events[0].clause = Span::new(0, usize::MAX)),
            ),
            (
                "corpus.events[0].article",
                Box::new(|c, _| c.events[0].article = usize::MAX),
            ),
            (
                "corpus.articles[0].diagnostics[0].span",
                Box::new(|c, _| {
                    c.articles[0].diagnostics = vec![crate::model::Diagnostic {
                        severity: crate::model::Severity::Info,
                        span: Some(Span::new(1, 2)),
                        message: String::new(),
                    }]
                }),
            ),
            (
                "groups[0].outlets",
                Box::new(|_, g| g.groups[0].outlets = usize::MAX),
            ),
            (
                "groups[0].members",
                Box::new(|_, g| g.groups[0].members.reverse()),
            ),
            (
                "groups[0].members",
                Box::new(|_, g| {
                    let m = g.groups[0].members[0];
                    g.groups[0].members.insert(0, m)
                }),
            ),
            (
                "groups[0].canonical",
                Box::new(|_, g| g.groups[0].canonical = usize::MAX),
            ),
            (
                "groups[1].members",
                Box::new(|_, g| {
                    let d = g.groups[0].clone();
                    g.groups.push(d)
                }),
            ),
        ];
        for (field, edit) in cases {
            let (mut c, mut cmp) = (c0.clone(), cmp0.clone());
            edit(&mut c, &mut cmp);
            match decode_typed(&encode(&c, &cmp, &names(), "t"), &names()) {
                Err(PackError::Invalid { field: f, problem }) => {
                    assert_eq!(f, field, "{problem}");
                    assert!(!problem.is_empty());
                }
                other => panic!("{field}: {other:?}"),
            }
        }
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
