//! The corpus manifest (`corpus.toml`): one `[[article]]` table per article file with the
//! facts known about it (outlet, headline, byline, URL, dates, source, evidence). Each
//! entry is parsed on its own, so a malformed entry is reported with its line and skipped
//! while the others still load. Native only (the CLI and `build.rs`, which uses the engine
//! as a build dependency); the browser app gets the seeds' facts as JSON from `build.rs`.

use crate::corpus::{ArticleMeta, Input};
use crate::text::str_to;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::sync::OnceLock;

/// One `[[article]]` entry: the file it is about, the article's facts ([`ArticleMeta`],
/// whose fields are keys of the entry alongside `file`), and what only the manifest
/// records: the dateline and the evidence for the facts. Empty means unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestEntry {
    pub file: String,
    /// The facts the corpus takes from this entry.
    pub meta: ArticleMeta,
    pub dateline: String,
    /// Where in the text each fact was found.
    pub evidence: String,
}

/// The keys an entry takes, in the order a message lists them: `file`, the article's
/// facts with `dateline` after the event date, then `evidence` (the order of the
/// manifest's entries and of every message so far).
fn keys() -> &'static [&'static str] {
    static KEYS: OnceLock<Vec<&'static str>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = vec!["file"];
        for field in ArticleMeta::FIELDS {
            keys.push(field);
            if field == "event_date" {
                keys.push("dateline");
            }
        }
        keys.push("evidence");
        keys
    })
}

impl ManifestEntry {
    /// The value of key `key` (one of [`keys`]), mutably.
    fn slot(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "file" => Some(&mut self.file),
            "dateline" => Some(&mut self.dateline),
            "evidence" => Some(&mut self.evidence),
            _ => self.meta.field_mut(key),
        }
    }
}

/// An entry is read key by key, as serde's derive reads a struct with
/// `deny_unknown_fields` and defaults: an unknown key is refused while the key is read
/// (so the parser's error points at its line), a value that is not a string while the
/// value is, and every key left out is empty.
impl<'de> Deserialize<'de> for ManifestEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ManifestEntry, D::Error> {
        deserializer.deserialize_struct("ManifestEntry", keys(), EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = ManifestEntry;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct ManifestEntry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ManifestEntry, A::Error> {
        let mut entry = ManifestEntry::default();
        let mut seen: Vec<&'static str> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(key));
            }
            seen.push(key);
            let value: String = map.next_value()?;
            if let Some(slot) = entry.slot(key) {
                *slot = value;
            }
        }
        Ok(entry)
    }
}

/// A key of an entry: one of [`keys`], else `unknown field`.
struct Key(&'static str);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        keys()
            .iter()
            .find(|k| **k == v)
            .map(|k| Key(k))
            .ok_or_else(|| E::unknown_field(v, keys()))
    }
}

/// A problem in the manifest, at a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl Problem {
    /// `file:line: message`, the way compilers say it.
    pub fn display(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.line, self.message)
    }
}

/// One `.txt` article of a folder, with the facts its manifest entry gives.
#[derive(Clone, Debug)]
pub struct Article {
    pub file: String,
    pub text: String,
    pub entry: ManifestEntry,
}

impl Article {
    /// The article as the corpus takes it.
    pub fn input(&self) -> Input<'_> {
        Input {
            name: &self.file,
            text: &self.text,
            meta: self.entry.meta.clone(),
        }
    }
}

/// A folder read by [`read_folder`]: its `.txt` articles in file-name order, and the
/// manifest's problems (each `corpus.toml:line: message`).
#[derive(Clone, Debug, Default)]
pub struct Folder {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

/// Reads every `.txt` file of `dir` (sorted by name) and its `corpus.toml`, if any: the
/// way `build.rs` embeds the seeds. A file that is not UTF-8 is an error naming it.
pub fn read_folder(dir: &std::path::Path) -> std::io::Result<Folder> {
    use std::io::{Error, ErrorKind};
    let mut folder = Folder::default();
    let entries = match std::fs::read_to_string(dir.join("corpus.toml")) {
        Ok(text) => {
            let (entries, problems) = parse(&text);
            folder.problems = problems.iter().map(|p| p.display("corpus.toml")).collect();
            entries
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = String::from_utf8(std::fs::read(&path)?).map_err(|_| {
            Error::new(
                ErrorKind::InvalidData,
                format!("{}: not UTF-8", path.display()),
            )
        })?;
        let entry = entries
            .iter()
            .find(|e| e.file == file)
            .cloned()
            .unwrap_or_default();
        folder.articles.push(Article { file, text, entry });
    }
    Ok(folder)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct One {
    article: Vec<ManifestEntry>,
}

fn is_header(line: &str) -> bool {
    let l = line.trim();
    let l = l.split('#').next().unwrap_or("").trim();
    l == "[[article]]"
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with a real month and day.
pub fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| -> Option<u32> {
        (p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
                return false;
            };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// Parses a manifest. Returns the good entries and a problem for each bad one (skipped)
/// and each bad field (left empty).
pub fn parse(src: &str) -> (Vec<ManifestEntry>, Vec<Problem>) {
    let lines: Vec<&str> = src.lines().collect();
    let mut entries: Vec<ManifestEntry> = Vec::new();
    let mut problems = Vec::new();
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| is_header(l)))
        .collect();
    // Before the first entry: comments and blank lines only.
    let first = headers.first().copied().unwrap_or(lines.len());
    for (i, l) in lines.iter().take(first).enumerate() {
        let t = l.trim();
        if !t.is_empty() && !t.starts_with('#') {
            problems.push(Problem {
                line: i + 1,
                message: format!("{t:?} is outside any [[article]] entry; ignored"),
            });
        }
    }
    for (k, &start) in headers.iter().enumerate() {
        let end = headers.get(k + 1).copied().unwrap_or(lines.len());
        // (`start < end <= lines.len()`: headers are line numbers, in order.)
        let entry_lines = lines.get(start..end).unwrap_or_default();
        let chunk = entry_lines.join("\n");
        let entry = match toml::from_str::<One>(&chunk) {
            Ok(mut one) if one.article.len() == 1 => one.article.remove(0),
            Ok(_) => {
                problems.push(Problem {
                    line: start + 1,
                    message: "expected exactly one [[article]] here; entry skipped".into(),
                });
                continue;
            }
            Err(e) => {
                let at = e
                    .span()
                    .map_or(0, |s| str_to(&chunk, s.start).matches('\n').count());
                let message = e.message().trim().to_string();
                problems.push(Problem {
                    line: start + 1 + at,
                    message: format!("{message}; entry skipped"),
                });
                continue;
            }
        };
        // The line of a key in this entry, for field-level problems.
        let line_of = |key: &str| {
            entry_lines
                .iter()
                .position(|l| {
                    l.trim_start()
                        .strip_prefix(key)
                        .is_some_and(|r| r.trim_start().starts_with('='))
                })
                .map_or(start + 1, |p| start + p + 1)
        };
        if entry.file.trim().is_empty() {
            problems.push(Problem {
                line: start + 1,
                message: "entry has no `file`; skipped".into(),
            });
            continue;
        }
        if entries.iter().any(|e| e.file == entry.file) {
            problems.push(Problem {
                line: line_of("file"),
                message: format!("a second entry for {:?}; skipped", entry.file),
            });
            continue;
        }
        let mut entry = entry;
        for (key, value) in [
            ("date", &mut entry.meta.date),
            ("event_date", &mut entry.meta.event_date),
        ] {
            if !value.is_empty() && !valid_date(value) {
                problems.push(Problem {
                    line: line_of(key),
                    message: format!(
                        "{key} {value:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY); left empty"
                    ),
                });
                value.clear();
            }
        }
        entries.push(entry);
    }
    (entries, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_entry_is_reported_with_its_line_and_the_rest_load() {
        let src = "# manifest\n\
                   [[article]]\n\
                   file = \"a.txt\"\n\
                   outlet = \"A\"\n\
                   \n\
                   [[article]]\n\
                   file = \"b.txt\"\n\
                   outlet = \"B\n\
                   \n\
                   [[article]]\n\
                   file = \"c.txt\"\n\
                   headlne = \"typo\"\n\
                   \n\
                   [[article]]\n\
                   file = \"d.txt\"\n\
                   date = \"2026-02-30\"\n\
                   \n\
                   [[article]]\n\
                   outlet = \"no file\"\n\
                   [[article]]\n\
                   file = \"a.txt\"\n";
        let (entries, problems) = parse(src);
        let files: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files, ["a.txt", "d.txt"]);
        assert_eq!(entries[0].meta.outlet, "A");
        assert_eq!(entries[1].meta.date, "", "a bad date is left empty");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [8, 12, 16, 18, 21], "{problems:#?}");
        assert!(problems[1].message.contains("headlne"), "{problems:#?}");
        assert!(problems[2].message.contains("2026-02-30"));
        assert_eq!(
            problems[0].display("corpus.toml"),
            format!("corpus.toml:8: {}", problems[0].message)
        );
    }

    #[test]
    fn text_outside_entries_and_empty_input() {
        assert_eq!(parse(""), (vec![], vec![]));
        let (e, p) = parse("title = \"x\"\n[[article]]\nfile = \"a.txt\"\n");
        assert_eq!(e.len(), 1);
        assert_eq!(p[0].line, 1);
        assert!(valid_date("2024-02-29") && !valid_date("2023-02-29"));
        assert!(valid_date("2026") && valid_date("2026-01") && !valid_date("2026-13"));
        assert!(!valid_date("26-01-06") && !valid_date("2026-1-6"));
    }

    /// Every kind of problem, with its exact message and line: the words users have
    /// always seen (an unknown key lists every key an entry takes, in this order).
    #[test]
    fn each_problem_names_its_line_with_the_same_words() {
        let src = "note = 1\n\
                   [[article]]\n\
                   file = \"a.txt\"\n\
                   headlne = \"typo\"\n\
                   [[article]]\n\
                   file = \"b.txt\"\n\
                   outlet = 5\n\
                   [[article]]\n\
                   byline = \"x\"\n\
                   [[article]]\n\
                   file = \"c.txt\"\n\
                   event_date = \"2026-13\"\n\
                   [[article]]\n\
                   file = \"c.txt\"\n\
                   [[article]]\n\
                   file = \"d.txt\"\n\
                   [[article]]\n\
                   file = \"e.txt\"\n\
                   [article.sub]\n";
        let (entries, problems) = parse(src);
        let shown: Vec<String> = problems.iter().map(|p| p.display("corpus.toml")).collect();
        let keys = "`file`, `outlet`, `headline`, `byline`, `url`, `date`, `event_date`, `dateline`, `source`, `derived_from`, `evidence`";
        assert_eq!(
            shown,
            [
                "corpus.toml:1: \"note = 1\" is outside any [[article]] entry; ignored".to_string(),
                format!("corpus.toml:4: unknown field `headlne`, expected one of {keys}; entry skipped"),
                "corpus.toml:7: invalid type: integer `5`, expected a string; entry skipped".into(),
                "corpus.toml:8: entry has no `file`; skipped".into(),
                "corpus.toml:12: event_date \"2026-13\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); left empty".into(),
                "corpus.toml:14: a second entry for \"c.txt\"; skipped".into(),
                format!("corpus.toml:19: unknown field `sub`, expected one of {keys}; entry skipped"),
            ]
        );
        let files: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files, ["c.txt", "d.txt"]);
    }

    /// Every key lands in its field: the entry's own, or the article's facts.
    #[test]
    fn every_key_is_read_into_its_field() {
        let mut src = String::from("[[article]]\n");
        for k in keys() {
            src.push_str(&format!("{k} = \"{k}-value\"\n"));
        }
        let src = src
            .replace("event_date-value", "2026-01-06")
            .replace("date-value", "2026-01-05");
        let (entries, problems) = parse(&src);
        assert_eq!(problems, vec![]);
        let e = &entries[0];
        assert_eq!(e.file, "file-value");
        assert_eq!(e.dateline, "dateline-value");
        assert_eq!(e.evidence, "evidence-value");
        for (name, value) in ArticleMeta::FIELDS.iter().zip(e.meta.fields()) {
            let want = match *name {
                "event_date" => "2026-01-06".to_string(),
                "date" => "2026-01-05".to_string(),
                _ => format!("{name}-value"),
            };
            assert_eq!(value, want, "{name}");
        }
        assert_eq!(keys().len(), ArticleMeta::FIELDS.len() + 3);
    }
}
