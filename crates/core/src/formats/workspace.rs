//! The user's workspace: the articles they loaded (text and the facts they gave), and
//! whether they are shown beside the embedded seeds or alone. It is stored in the browser
//! and exported/imported as versioned JSON with a checksum, so that a truncated or edited
//! file is refused with the reason and the current workspace is left as it was. The seeds
//! are never part of it: nothing here can delete or change them.

use crate::corpus::ArticleMeta;
use serde::{Deserialize, Serialize};

/// The `format` tag of an exported workspace.
pub const FORMAT: &str = "quoteline-workspace";
/// The version this build writes; it reads this one and migrates older ones it knows.
pub const VERSION: u32 = 1;

/// Longest article name accepted (a file name is a few hundred bytes at most).
pub const MAX_NAME_BYTES: usize = 1_024;
/// Longest value of one of an article's facts (outlet, headline, URL, date, ...).
pub const MAX_FACT_BYTES: usize = 65_536;

/// Whether loaded articles join the seeds or replace them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    WithSeeds,
    Alone,
}

/// One loaded article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// File name (unique within the workspace).
    pub name: String,
    pub text: String,
    /// Facts given in the form or read from the file; empty fields are inferred.
    #[serde(default)]
    pub meta: ArticleMeta,
}

/// The workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub articles: Vec<StoredArticle>,
}

#[derive(Serialize, Deserialize)]
struct FileV1 {
    format: String,
    version: u32,
    checksum: String,
    mode: Mode,
    articles: Vec<StoredArticle>,
}

/// FNV-1a over the parts that matter, as hex.
fn checksum(ws: &Workspace) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(match ws.mode {
        Mode::WithSeeds => "with-seeds",
        Mode::Alone => "alone",
    });
    for a in &ws.articles {
        eat(&a.name);
        eat(&a.text);
        for f in a.meta.fields() {
            eat(f);
        }
    }
    format!("{h:016x}")
}

/// `base`, or the first of `base (2)`, `base (3)`, … (before the extension, if any) that
/// is not `taken`.
fn free_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut name = base.to_string();
    let mut k = 2;
    while taken(&name) {
        name = match base.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem} ({k}).{ext}"),
            None => format!("{base} ({k})"),
        };
        k += 1;
    }
    name
}

impl Workspace {
    /// Adds an article, renaming it `name (2)` etc. if the name is taken. Returns its name.
    pub fn add(&mut self, mut article: StoredArticle) -> String {
        article.name = free_name(&article.name, |n| self.articles.iter().any(|a| a.name == n));
        let name = article.name.clone();
        self.articles.push(article);
        name
    }

    /// Adds many articles with the names [`Workspace::add`] would give them one by one,
    /// in time linear in their number (a load of thousands of files compared each name
    /// with every name before it).
    pub fn add_all(&mut self, articles: impl IntoIterator<Item = StoredArticle>) {
        let mut taken: std::collections::HashSet<String> =
            self.articles.iter().map(|a| a.name.clone()).collect();
        for mut article in articles {
            article.name = free_name(&article.name, |n| taken.contains(n));
            taken.insert(article.name.clone());
            self.articles.push(article);
        }
    }

    /// Removes an article by name; returns whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.name != name);
        self.articles.len() != before
    }

    /// The export: versioned JSON with a checksum.
    pub fn to_json(&self) -> String {
        let file = FileV1 {
            format: FORMAT.into(),
            version: VERSION,
            checksum: checksum(self),
            mode: self.mode,
            articles: self.articles.clone(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads an export. `Err` says why it cannot be used; nothing is changed by a failure.
    pub fn from_json(src: &str) -> Result<Workspace, String> {
        let value: serde_json::Value = serde_json::from_str(src).map_err(|e| {
            if e.is_eof() {
                "the file ends too early: it is truncated".to_string()
            } else {
                format!(
                    "not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                )
            }
        })?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(format!(
                "not a Quoteline workspace (its \"format\" is {:?}, not {FORMAT:?})",
                format
            ));
        }
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or("the workspace has no version number")?;
        if version > u64::from(VERSION) {
            return Err(format!(
                "it was written by a newer Quoteline (workspace version {version}; this one reads up to {VERSION}). Open it with the newer version."
            ));
        }
        if version < 1 {
            return Err(format!(
                "workspace version {version} is not one Quoteline ever wrote"
            ));
        }
        // Version 1 is the current one; older versions would be migrated here.
        let file: FileV1 = serde_json::from_value(value)
            .map_err(|e| format!("the workspace does not have the expected fields: {e}"))?;
        let ws = Workspace {
            mode: file.mode,
            articles: file.articles,
        };
        if checksum(&ws) != file.checksum {
            return Err(
                "its contents do not match its checksum: the file was edited or damaged".into(),
            );
        }
        check(&ws)?;
        Ok(ws)
    }
}

/// A date the corpus would turn into a day outside the years 1 to 9999 (`0000-01-01`,
/// `12345-06-07`): the year of a `YYYY-MM` or `YYYY-MM-DD` form, read before any day
/// arithmetic (a year of 19 digits would overflow it). Other text is no date at all,
/// which the corpus treats as unknown, and is let through as it always was.
fn date_out_of_range(s: &str) -> bool {
    let mut parts = s.trim().split('-');
    let year = parts.next().and_then(|y| y.parse::<i128>().ok());
    let (month, day, more) = (parts.next(), parts.next(), parts.next());
    let all_digits =
        |p: Option<&str>| p.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    match year {
        Some(y) if month.is_some() && more.is_none() && all_digits(month) && all_digits(day) => {
            !(1..=9999).contains(&y)
        }
        _ => false,
    }
}

/// What the app relies on in an imported or stored workspace, each refusal naming the
/// article and the field: a name that is not blank, without control characters, at most
/// [`MAX_NAME_BYTES`], and unique; a text that is not blank and at most
/// [`MAX_FILE_BYTES`](crate::formats::ingest::MAX_FILE_BYTES); each fact at most
/// [`MAX_FACT_BYTES`]; dates within the years 1 to 9999.
fn check(ws: &Workspace) -> Result<(), String> {
    let mut names = std::collections::HashSet::new();
    for (i, a) in ws.articles.iter().enumerate() {
        let bad = |field: &str, what: String| Err(format!("{what} (field articles[{i}].{field})"));
        if a.name.trim().is_empty() {
            return bad("name", format!("article {} has no name", i + 1));
        }
        if a.name.len() > MAX_NAME_BYTES {
            return bad(
                "name",
                format!(
                    "the name of article {} is {} bytes long, more than the limit of {MAX_NAME_BYTES}",
                    i + 1,
                    a.name.len()
                ),
            );
        }
        if a.name.chars().any(char::is_control) {
            return bad(
                "name",
                format!("the name {:?} has control characters", a.name),
            );
        }
        if a.text.trim().is_empty() {
            return bad("text", format!("the article {:?} has no text", a.name));
        }
        if a.text.len() > crate::formats::ingest::MAX_FILE_BYTES {
            return bad(
                "text",
                format!("the article {:?} is larger than the limit", a.name),
            );
        }
        for (field, value) in ArticleMeta::FIELDS.into_iter().zip(a.meta.fields()) {
            if value.len() > MAX_FACT_BYTES {
                return bad(
                    &format!("meta.{field}"),
                    format!(
                        "the article {:?} has a {field} of {} bytes, more than the limit of {MAX_FACT_BYTES}",
                        a.name,
                        value.len()
                    ),
                );
            }
        }
        for (field, value) in [("date", &a.meta.date), ("event_date", &a.meta.event_date)] {
            if date_out_of_range(value) {
                return bad(
                    &format!("meta.{field}"),
                    format!(
                        "the article {:?} has the {} “{}”, outside the years 1 to 9999",
                        a.name,
                        field.replace('_', " "),
                        value.chars().take(40).collect::<String>()
                    ),
                );
            }
        }
        if !names.insert(a.name.as_str()) {
            return bad("name", format!("two articles are both named {:?}", a.name));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_all_names_as_add_does() {
        let article = |name: &str| StoredArticle {
            name: name.into(),
            text: String::new(),
            meta: ArticleMeta::default(),
        };
        let names = [
            "a.txt",
            "a.txt",
            "b",
            "a (2).txt",
            "b",
            "a.txt",
            "c.d.txt",
            "c.d.txt",
        ];
        let mut one_by_one = Workspace::default();
        one_by_one.add(article("a.txt"));
        for n in names {
            one_by_one.add(article(n));
        }
        let mut all = Workspace::default();
        all.add(article("a.txt"));
        all.add_all(names.map(article));
        let got: Vec<&str> = all.articles.iter().map(|a| a.name.as_str()).collect();
        let want: Vec<&str> = one_by_one
            .articles
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(got, want);
        assert_eq!(
            got,
            [
                "a.txt",
                "a (2).txt",
                "a (3).txt",
                "b",
                "a (2) (2).txt",
                "b (2)",
                "a (4).txt",
                "c.d.txt",
                "c.d (2).txt"
            ]
        );
    }

    fn sample() -> Workspace {
        let mut ws = Workspace::default();
        ws.add(StoredArticle {
            name: "a.txt".into(),
            text: "“We are ready,” said Jane Doe.".into(),
            meta: ArticleMeta {
                outlet: "The Daily".into(),
                ..Default::default()
            },
        });
        let second = ws.add(StoredArticle {
            name: "a.txt".into(),
            text: "Another.".into(),
            meta: ArticleMeta::default(),
        });
        assert_eq!(second, "a (2).txt");
        ws.mode = Mode::Alone;
        ws
    }

    #[test]
    fn round_trip() {
        let ws = sample();
        let json = ws.to_json();
        assert!(json.contains("\"format\": \"quoteline-workspace\""));
        assert!(json.contains("\"version\": 1"));
        assert_eq!(Workspace::from_json(&json).unwrap(), ws);
    }

    #[test]
    fn tampered_truncated_newer_and_foreign_files_are_refused_with_the_reason() {
        let json = sample().to_json();
        let truncated = &json[..json.len() / 2];
        assert!(Workspace::from_json(truncated)
            .unwrap_err()
            .contains("truncated"));
        let edited = json.replace("We are ready", "We are not ready");
        assert!(Workspace::from_json(&edited)
            .unwrap_err()
            .contains("checksum"));
        let newer = json.replace("\"version\": 1", "\"version\": 7");
        assert!(Workspace::from_json(&newer)
            .unwrap_err()
            .contains("newer Quoteline"));
        let older = json.replace("\"version\": 1", "\"version\": 0");
        assert!(Workspace::from_json(&older)
            .unwrap_err()
            .contains("version 0"));
        assert!(Workspace::from_json("{\"format\": \"other\"}")
            .unwrap_err()
            .contains("not a Quoteline workspace"));
        assert!(Workspace::from_json("[1, 2")
            .unwrap_err()
            .contains("truncated"));
        assert!(Workspace::from_json("nonsense")
            .unwrap_err()
            .contains("not valid JSON"));
        let missing = json.replace("\"mode\"", "\"mood\"");
        assert!(Workspace::from_json(&missing)
            .unwrap_err()
            .contains("expected fields"));
    }

    /// A workspace with its checksum recomputed (a crafted or hand-edited file).
    fn signed(ws: &Workspace) -> String {
        let file = FileV1 {
            format: FORMAT.into(),
            version: VERSION,
            checksum: checksum(ws),
            mode: ws.mode,
            articles: ws.articles.clone(),
        };
        serde_json::to_string(&file).unwrap()
    }

    #[test]
    fn crafted_values_behind_a_good_checksum_are_refused_naming_the_field() {
        type Edit = fn(&mut StoredArticle);
        let cases: [(Edit, &str); 12] = [
            (
                |a| a.meta.date = "0000-01-01".into(),
                "articles[1].meta.date",
            ),
            (
                |a| a.meta.date = "10000-01-01".into(),
                "articles[1].meta.date",
            ),
            (
                |a| a.meta.date = "9223372036854775807-12-31".into(),
                "articles[1].meta.date",
            ),
            (
                |a| a.meta.date = "99999999999999999999999-01-01".into(),
                "articles[1].meta.date",
            ),
            (
                |a| a.meta.event_date = "0-01".into(),
                "articles[1].meta.event_date",
            ),
            (
                |a| a.meta.event_date = "123456-07".into(),
                "articles[1].meta.event_date",
            ),
            (|a| a.name = String::new(), "articles[1].name"),
            (|a| a.name = " \t".into(), "articles[1].name"),
            (
                |a| a.name = "x".repeat(MAX_NAME_BYTES + 1),
                "articles[1].name",
            ),
            (|a| a.name = "a\nb.txt".into(), "articles[1].name"),
            (|a| a.text = " ".into(), "articles[1].text"),
            (
                |a| a.meta.headline = "h".repeat(MAX_FACT_BYTES + 1),
                "articles[1].meta.headline",
            ),
        ];
        for (edit, field) in cases {
            let mut ws = sample();
            edit(&mut ws.articles[1]);
            let e = Workspace::from_json(&signed(&ws)).unwrap_err();
            assert!(e.contains(&format!("(field {field})")), "{field}: {e}");
        }
        let mut ws = sample();
        ws.articles[1].name = ws.articles[0].name.clone();
        assert!(Workspace::from_json(&signed(&ws))
            .unwrap_err()
            .contains("both named"));
        // In range, or no date at all (read as unknown): accepted as before.
        for date in [
            "0001-01-01",
            "9999-12-31",
            "2026-01",
            "2026",
            "",
            "last Tuesday",
            "2026-01-05T10:00",
        ] {
            let mut ws = sample();
            ws.articles[1].meta.date = date.into();
            ws.articles[1].meta.event_date = date.into();
            assert_eq!(Workspace::from_json(&signed(&ws)).unwrap(), ws, "{date}");
        }
    }

    #[test]
    fn remove_and_names() {
        let mut ws = sample();
        assert!(ws.remove("a.txt"));
        assert!(!ws.remove("a.txt"));
        assert_eq!(ws.articles.len(), 1);
    }
}
