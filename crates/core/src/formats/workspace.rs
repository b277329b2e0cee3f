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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// File name (unique within the workspace).
    pub name: String,
    pub text: String,
    /// Facts given in the form or read from the file; empty fields are inferred.
    #[serde(default)]
    pub meta: ArticleMeta,
}

/// The workspace. `Eq`, so that two handles on one `Rc<Workspace>` compare by pointer
/// before comparing megabytes of text (the app keys its derived data on it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub articles: Vec<StoredArticle>,
}

/// A workspace file (version 1) as written: its fields in this order, the articles
/// borrowed rather than copied (a big workspace is megabytes of text).
#[derive(Serialize)]
struct FileV1Out<'a> {
    format: &'a str,
    version: u32,
    checksum: String,
    mode: Mode,
    articles: &'a [StoredArticle],
}

/// A workspace file (version 1) as read: its `format` and `version` are checked first,
/// on the JSON itself.
#[derive(Deserialize)]
struct FileV1 {
    checksum: String,
    mode: Mode,
    articles: Vec<StoredArticle>,
}

/// Why an exported or stored workspace cannot be used. Its `Display` is the message for
/// the user: a refusal of the file names what is wrong with it (its JSON's line and
/// column, its `format`, its `version`, its checksum), and a refusal of an article names
/// the article and the field (`(field articles[1].meta.date)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspaceError {
    /// The JSON ends too early.
    Truncated,
    /// Not JSON: where, and the parser's message.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Its `format` is not [`FORMAT`]: what it is.
    Format(String),
    /// It has no `version` number.
    NoVersion,
    /// Written by a newer Quoteline: its version.
    Newer(u64),
    /// A version no Quoteline wrote.
    UnknownVersion(u64),
    /// Its fields are not a workspace's: the parser's message.
    Fields(String),
    /// Its contents do not match its `checksum`.
    Checksum,
    /// An article's value the app cannot use: which article (from 0), and what.
    Article {
        index: usize,
        problem: ArticleProblem,
    },
}

/// What is wrong with one article of a workspace (see [`WorkspaceError::Article`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleProblem {
    /// Its name is blank.
    NoName,
    /// Its name is longer than [`MAX_NAME_BYTES`]: its length in bytes.
    NameTooLong(usize),
    /// Its name has control characters: the name.
    ControlCharacters(String),
    /// Its text is blank: its name.
    NoText(String),
    /// Its text is larger than the browser's limit per file: its name.
    TextTooLarge(String),
    /// One of its facts is longer than [`MAX_FACT_BYTES`]: its name, the fact and the
    /// fact's length in bytes.
    FactTooLong {
        name: String,
        field: &'static str,
        bytes: usize,
    },
    /// A date outside the years 1 to 9999: its name, the fact and the date.
    DateOutOfRange {
        name: String,
        field: &'static str,
        value: String,
    },
    /// Another article before it has its name: the name.
    SameName(String),
}

impl ArticleProblem {
    /// The field of the article at fault (`name`, `text`, `meta.date`).
    pub fn field(&self) -> String {
        match self {
            ArticleProblem::NoName
            | ArticleProblem::NameTooLong(_)
            | ArticleProblem::ControlCharacters(_)
            | ArticleProblem::SameName(_) => "name".into(),
            ArticleProblem::NoText(_) | ArticleProblem::TextTooLarge(_) => "text".into(),
            ArticleProblem::FactTooLong { field, .. }
            | ArticleProblem::DateOutOfRange { field, .. } => format!("meta.{field}"),
        }
    }

    /// The problem in words, for article `index` (from 0).
    fn describe(&self, index: usize, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArticleProblem::NoName => write!(f, "article {} has no name", index + 1),
            ArticleProblem::NameTooLong(bytes) => write!(
                f,
                "the name of article {} is {bytes} bytes long, more than the limit of {MAX_NAME_BYTES}",
                index + 1
            ),
            ArticleProblem::ControlCharacters(name) => {
                write!(f, "the name {name:?} has control characters")
            }
            ArticleProblem::NoText(name) => write!(f, "the article {name:?} has no text"),
            ArticleProblem::TextTooLarge(name) => {
                write!(f, "the article {name:?} is larger than the limit")
            }
            ArticleProblem::FactTooLong { name, field, bytes } => write!(
                f,
                "the article {name:?} has a {field} of {bytes} bytes, more than the limit of {MAX_FACT_BYTES}"
            ),
            ArticleProblem::DateOutOfRange { name, field, value } => write!(
                f,
                "the article {name:?} has the {} “{}”, outside the years 1 to 9999",
                field.replace('_', " "),
                value.chars().take(40).collect::<String>()
            ),
            ArticleProblem::SameName(name) => write!(f, "two articles are both named {name:?}"),
        }
    }
}

/// The problem of an article read on its own (a stored record): as in a workspace, but
/// not counted among others.
impl std::fmt::Display for ArticleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArticleProblem::NoName => f.write_str("the article has no name"),
            ArticleProblem::NameTooLong(bytes) => write!(
                f,
                "the article's name is {bytes} bytes long, more than the limit of {MAX_NAME_BYTES}"
            ),
            other => other.describe(0, f),
        }
    }
}

impl std::fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkspaceError::Truncated => f.write_str("the file ends too early: it is truncated"),
            WorkspaceError::Json {
                line,
                column,
                message,
            } => write!(f, "not valid JSON (line {line}, column {column}): {message}"),
            WorkspaceError::Format(format) => write!(
                f,
                "not a Quoteline workspace (its \"format\" is {format:?}, not {FORMAT:?})"
            ),
            WorkspaceError::NoVersion => f.write_str("the workspace has no version number"),
            WorkspaceError::Newer(version) => write!(
                f,
                "it was written by a newer Quoteline (workspace version {version}; this one reads up to {VERSION}). Open it with the newer version."
            ),
            WorkspaceError::UnknownVersion(version) => write!(
                f,
                "workspace version {version} is not one Quoteline ever wrote"
            ),
            WorkspaceError::Fields(e) => {
                write!(f, "the workspace does not have the expected fields: {e}")
            }
            WorkspaceError::Checksum => f.write_str(
                "its contents do not match its checksum: the file was edited or damaged",
            ),
            WorkspaceError::Article { index, problem } => {
                problem.describe(*index, f)?;
                write!(f, " (field articles[{index}].{})", problem.field())
            }
        }
    }
}

impl std::error::Error for WorkspaceError {}

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

    /// Adds the articles of an imported workspace that it does not already hold (same
    /// name and text), named as [`Workspace::add_all`] names them; returns how many were
    /// added. Linear in the articles' number and size: each is looked up by a hash of its
    /// name and text, not compared with every article before it.
    pub fn merge_import(&mut self, imported: Vec<StoredArticle>) -> usize {
        let held: std::collections::HashSet<(&str, &str)> = self
            .articles
            .iter()
            .map(|a| (a.name.as_str(), a.text.as_str()))
            .collect();
        // (An imported workspace's names are unique: `from_json` refuses two alike.)
        let new: Vec<StoredArticle> = imported
            .into_iter()
            .filter(|a| !held.contains(&(a.name.as_str(), a.text.as_str())))
            .collect();
        let n = new.len();
        self.add_all(new);
        n
    }

    /// A short fingerprint of the workspace's contents (its export's checksum): two
    /// workspaces with the same fingerprint build the same corpus.
    pub fn fingerprint(&self) -> String {
        checksum(self)
    }

    /// Removes an article by name; returns whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.name != name);
        self.articles.len() != before
    }

    /// The export: versioned JSON with a checksum.
    pub fn to_json(&self) -> String {
        let file = FileV1Out {
            format: FORMAT,
            version: VERSION,
            checksum: checksum(self),
            mode: self.mode,
            articles: &self.articles,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads an export. `Err` says why it cannot be used; nothing is changed by a failure.
    pub fn from_json(src: &str) -> Result<Workspace, WorkspaceError> {
        let value: serde_json::Value = serde_json::from_str(src).map_err(|e| {
            if e.is_eof() {
                WorkspaceError::Truncated
            } else {
                WorkspaceError::Json {
                    line: e.line(),
                    column: e.column(),
                    message: e.to_string(),
                }
            }
        })?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(WorkspaceError::Format(format.to_string()));
        }
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or(WorkspaceError::NoVersion)?;
        if version > u64::from(VERSION) {
            return Err(WorkspaceError::Newer(version));
        }
        if version < 1 {
            return Err(WorkspaceError::UnknownVersion(version));
        }
        // Version 1 is the current one; older versions would be migrated here.
        let file: FileV1 =
            serde_json::from_value(value).map_err(|e| WorkspaceError::Fields(e.to_string()))?;
        let ws = Workspace {
            mode: file.mode,
            articles: file.articles,
        };
        if checksum(&ws) != file.checksum {
            return Err(WorkspaceError::Checksum);
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
fn check(ws: &Workspace) -> Result<(), WorkspaceError> {
    let mut names = std::collections::HashSet::new();
    for (index, a) in ws.articles.iter().enumerate() {
        check_article(a).map_err(|problem| WorkspaceError::Article { index, problem })?;
        if !names.insert(a.name.as_str()) {
            return Err(WorkspaceError::Article {
                index,
                problem: ArticleProblem::SameName(a.name.clone()),
            });
        }
    }
    Ok(())
}

impl StoredArticle {
    /// Whether the app can use the article (see [`check`]): a stored record is read
    /// with it too.
    pub fn check(&self) -> Result<(), ArticleProblem> {
        check_article(self)
    }
}

/// One article's name, text and facts (see [`check`]).
fn check_article(a: &StoredArticle) -> Result<(), ArticleProblem> {
    if a.name.trim().is_empty() {
        return Err(ArticleProblem::NoName);
    }
    if a.name.len() > MAX_NAME_BYTES {
        return Err(ArticleProblem::NameTooLong(a.name.len()));
    }
    if a.name.chars().any(char::is_control) {
        return Err(ArticleProblem::ControlCharacters(a.name.clone()));
    }
    if a.text.trim().is_empty() {
        return Err(ArticleProblem::NoText(a.name.clone()));
    }
    if a.text.len() > crate::formats::ingest::MAX_FILE_BYTES {
        return Err(ArticleProblem::TextTooLarge(a.name.clone()));
    }
    for (field, value) in ArticleMeta::FIELDS.into_iter().zip(a.meta.fields()) {
        if value.len() > MAX_FACT_BYTES {
            return Err(ArticleProblem::FactTooLong {
                name: a.name.clone(),
                field,
                bytes: value.len(),
            });
        }
    }
    for (field, value) in [("date", &a.meta.date), ("event_date", &a.meta.event_date)] {
        if date_out_of_range(value) {
            return Err(ArticleProblem::DateOutOfRange {
                name: a.name.clone(),
                field,
                value: value.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import adds what is new, keeps what is there, and renames a new text under a
    /// taken name, as adding one by one did.
    #[test]
    fn merge_import_skips_what_is_held() {
        let article = |name: &str, text: &str| StoredArticle {
            name: name.into(),
            text: text.into(),
            meta: ArticleMeta::default(),
        };
        let mut ws = Workspace::default();
        ws.add_all([article("a.txt", "one"), article("b.txt", "two")]);
        let added = ws.merge_import(vec![
            article("a.txt", "one"),
            article("b.txt", "other"),
            article("c.txt", "three"),
        ]);
        assert_eq!(added, 2);
        let names: Vec<&str> = ws.articles.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt", "b (2).txt", "c.txt"]);
        assert_ne!(ws.fingerprint(), Workspace::default().fingerprint());
    }

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
            .to_string()
            .contains("truncated"));
        let edited = json.replace("We are ready", "We are not ready");
        assert!(Workspace::from_json(&edited)
            .unwrap_err()
            .to_string()
            .contains("checksum"));
        let newer = json.replace("\"version\": 1", "\"version\": 7");
        assert!(Workspace::from_json(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer Quoteline"));
        let older = json.replace("\"version\": 1", "\"version\": 0");
        assert!(Workspace::from_json(&older)
            .unwrap_err()
            .to_string()
            .contains("version 0"));
        assert!(Workspace::from_json("{\"format\": \"other\"}")
            .unwrap_err()
            .to_string()
            .contains("not a Quoteline workspace"));
        assert!(Workspace::from_json("[1, 2")
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        assert!(Workspace::from_json("nonsense")
            .unwrap_err()
            .to_string()
            .contains("not valid JSON"));
        let missing = json.replace("\"mode\"", "\"mood\"");
        assert!(Workspace::from_json(&missing)
            .unwrap_err()
            .to_string()
            .contains("expected fields"));
    }

    /// A workspace with its checksum recomputed (a crafted or hand-edited file).
    fn signed(ws: &Workspace) -> String {
        let file = FileV1Out {
            format: FORMAT,
            version: VERSION,
            checksum: checksum(ws),
            mode: ws.mode,
            articles: &ws.articles,
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
            let e = Workspace::from_json(&signed(&ws)).unwrap_err().to_string();
            assert!(e.contains(&format!("(field {field})")), "{field}: {e}");
        }
        let mut ws = sample();
        ws.articles[1].name = ws.articles[0].name.clone();
        assert!(Workspace::from_json(&signed(&ws))
            .unwrap_err()
            .to_string()
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

    /// Every refusal, with the message users see: the file's JSON, format, version or
    /// checksum, or the article and the field.
    #[test]
    fn each_refusal_names_what_is_wrong() {
        let json = sample().to_json();
        let err = |src: &str| Workspace::from_json(src).unwrap_err();
        let article = |index, problem| WorkspaceError::Article { index, problem };
        let mut cases: Vec<(WorkspaceError, String)> = vec![
            (err(&json[..json.len() / 2]), "the file ends too early: it is truncated".into()),
            (err("nonsense"), "not valid JSON (line 1, column 2): expected ident at line 1 column 2".into()),
            (err("{\"format\": \"other\"}"), "not a Quoteline workspace (its \"format\" is \"other\", not \"quoteline-workspace\")".into()),
            (err("{\"format\": \"quoteline-workspace\"}"), "the workspace has no version number".into()),
            (err(&json.replace("\"version\": 1", "\"version\": 7")), "it was written by a newer Quoteline (workspace version 7; this one reads up to 1). Open it with the newer version.".into()),
            (err(&json.replace("\"version\": 1", "\"version\": 0")), "workspace version 0 is not one Quoteline ever wrote".into()),
            (err(&json.replace("\"mode\"", "\"mood\"")), "the workspace does not have the expected fields: missing field `mode`".into()),
            (err(&json.replace("We are ready", "We are not ready")), "its contents do not match its checksum: the file was edited or damaged".into()),
        ];
        type Edit = fn(&mut Workspace);
        let crafted: [(Edit, ArticleProblem, &str); 8] = [
            (|w| w.articles[1].name = " ".into(), ArticleProblem::NoName, "article 2 has no name (field articles[1].name)"),
            (|w| w.articles[1].name = "x".repeat(MAX_NAME_BYTES + 1), ArticleProblem::NameTooLong(MAX_NAME_BYTES + 1), "the name of article 2 is 1025 bytes long, more than the limit of 1024 (field articles[1].name)"),
            (|w| w.articles[1].name = "a\tb".into(), ArticleProblem::ControlCharacters("a\tb".into()), "the name \"a\\tb\" has control characters (field articles[1].name)"),
            (|w| w.articles[1].text = "\n".into(), ArticleProblem::NoText("a (2).txt".into()), "the article \"a (2).txt\" has no text (field articles[1].text)"),
            (|w| w.articles[1].text = "x".repeat(crate::formats::ingest::MAX_FILE_BYTES + 1), ArticleProblem::TextTooLarge("a (2).txt".into()), "the article \"a (2).txt\" is larger than the limit (field articles[1].text)"),
            (|w| w.articles[1].meta.byline = "b".repeat(MAX_FACT_BYTES + 1), ArticleProblem::FactTooLong { name: "a (2).txt".into(), field: "byline", bytes: MAX_FACT_BYTES + 1 }, "the article \"a (2).txt\" has a byline of 65537 bytes, more than the limit of 65536 (field articles[1].meta.byline)"),
            (|w| w.articles[1].meta.event_date = "0-01".into(), ArticleProblem::DateOutOfRange { name: "a (2).txt".into(), field: "event_date", value: "0-01".into() }, "the article \"a (2).txt\" has the event date “0-01”, outside the years 1 to 9999 (field articles[1].meta.event_date)"),
            (|w| w.articles[1].name = w.articles[0].name.clone(), ArticleProblem::SameName("a.txt".into()), "two articles are both named \"a.txt\" (field articles[1].name)"),
        ];
        for (edit, problem, message) in crafted {
            let mut ws = sample();
            edit(&mut ws);
            let e = err(&signed(&ws));
            assert_eq!(e, article(1, problem));
            cases.push((e, message.into()));
        }
        for (e, message) in cases {
            assert_eq!(e.to_string(), message, "{e:?}");
        }
    }
}
