//! What the workspace store writes in IndexedDB, read back with everything that can be
//! wrong with it: one record per article (a versioned JSON text, keyed by the article's
//! name), the mode, and the message a tab posts to the others after a write. Pure: the
//! store (`super`) does the I/O, this decides what a record means.

use crate::ui::json::{self, Json};
use quoteline_core::formats::workspace::{Mode, StoredArticle, Workspace};
use std::collections::HashMap;

/// The record version this build writes; a higher one is left untouched and reported.
pub const RECORD_VERSION: u64 = 1;

/// A record that could not be used, and why. It stays in the database as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Damaged or not Quoteline's: its key and what is wrong.
    Damaged { key: String, why: String },
    /// Written by a newer Quoteline: its key and its record version.
    Newer { key: String, version: u64 },
}

/// An article's record; `seq` is its place in the workspace (the order it was added in).
pub fn encode_article(a: &StoredArticle, seq: u64) -> String {
    let mut out = format!("{{\"v\":{RECORD_VERSION},\"seq\":{seq},\"article\":");
    json::push_article(&mut out, a);
    out.push('}');
    out
}

/// The version of a record, or why it has none.
fn version_of(value: &Json) -> Result<u64, String> {
    value
        .get("v")
        .and_then(Json::as_u64)
        .ok_or_else(|| "it has no record version: not a Quoteline record".to_string())
}

/// Reads the article record stored under `key` (`None`: the value is not text): the
/// article and its place.
pub fn decode_article(key: &str, value: Option<&str>) -> Result<(u64, StoredArticle), Unread> {
    let damaged = |why: String| Unread::Damaged {
        key: key.to_string(),
        why,
    };
    let text = value.ok_or_else(|| damaged("it is not text".into()))?;
    let record = json::parse(text).map_err(|e| damaged(format!("not valid JSON: {e}")))?;
    let version = version_of(&record).map_err(damaged)?;
    if version > RECORD_VERSION {
        return Err(Unread::Newer {
            key: key.to_string(),
            version,
        });
    }
    let fields = |e: String| damaged(format!("its fields are not an article's: {e}"));
    let seq = match record.get("seq") {
        None => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| fields("invalid type: `seq` is not a place".into()))?,
    };
    let article = record
        .get("article")
        .ok_or_else(|| fields("missing field `article`".into()))
        .and_then(|a| json::article(a).map_err(fields))?;
    if article.name != key {
        return Err(damaged(format!("it holds the article “{}”", article.name)));
    }
    article.check().map_err(|p| damaged(p.to_string()))?;
    Ok((seq, article))
}

/// The mode as its record writes it.
fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::WithSeeds => "with-seeds",
        Mode::Alone => "alone",
    }
}

/// The mode's record.
pub fn encode_mode(mode: Mode) -> String {
    format!(
        "{{\"v\":{RECORD_VERSION},\"mode\":\"{}\"}}",
        mode_name(mode)
    )
}

/// Reads the mode's record (`None` value: no mode stored yet, the default).
pub fn decode_mode(value: Option<&str>) -> Result<Mode, Unread> {
    let Some(text) = value else {
        return Ok(Mode::default());
    };
    let damaged = |why: String| Unread::Damaged {
        key: "mode".into(),
        why,
    };
    let record = json::parse(text).map_err(|e| damaged(format!("not valid JSON: {e}")))?;
    let version = version_of(&record).map_err(damaged)?;
    if version > RECORD_VERSION {
        return Err(Unread::Newer {
            key: "mode".into(),
            version,
        });
    }
    let name = record.get("mode").and_then(Json::as_str);
    [Mode::WithSeeds, Mode::Alone]
        .into_iter()
        .find(|m| Some(mode_name(*m)) == name)
        .ok_or_else(|| damaged(format!("not a mode: {}", name.unwrap_or("(none)"))))
}

/// What one tab tells the others after a write: the articles put and deleted, by name,
/// and whether the mode changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub puts: Vec<String>,
    pub deletes: Vec<String>,
    pub mode: bool,
}

impl Change {
    /// The message (JSON: `{"puts":[..],"deletes":[..],"mode":false}`).
    pub fn to_message(&self) -> String {
        let mut out = String::from("{\"puts\":");
        json::push_strings(&mut out, &self.puts);
        out.push_str(",\"deletes\":");
        json::push_strings(&mut out, &self.deletes);
        out.push_str(if self.mode {
            ",\"mode\":true}"
        } else {
            ",\"mode\":false}"
        });
        out
    }

    /// A message from another tab (`None`: not one of ours).
    pub fn from_message(message: &str) -> Option<Change> {
        let m = json::parse(message).ok()?;
        Some(Change {
            puts: m.get("puts")?.as_strings()?,
            deletes: m.get("deletes")?.as_strings()?,
            mode: m.get("mode")?.as_bool()?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty() && !self.mode
    }
}

/// What the database holds of the workspace, as this tab last wrote or read it: each
/// article with its place, and the mode.
#[derive(Clone, Debug, Default)]
pub struct Saved {
    pub articles: HashMap<String, (u64, StoredArticle)>,
    pub mode: Mode,
}

impl Saved {
    /// Records an article as stored, at `seq`.
    pub fn insert(&mut self, seq: u64, a: StoredArticle) {
        self.articles.insert(a.name.clone(), (seq, a));
    }

    /// The stored articles in their order (by place, then name).
    pub fn workspace(&self) -> Workspace {
        let mut all: Vec<&(u64, StoredArticle)> = self.articles.values().collect();
        quoteline_core::text::sort::sort_by(&mut all, |a, b| {
            (a.0, &a.1.name).cmp(&(b.0, &b.1.name))
        });
        Workspace {
            mode: self.mode,
            articles: all.into_iter().map(|(_, a)| a.clone()).collect(),
        }
    }

    /// The places of `puts`: an article's own if it is stored, else the next free ones.
    pub fn places(&self, puts: &[&StoredArticle]) -> Vec<u64> {
        let mut next = self
            .articles
            .values()
            .map(|(s, _)| s + 1)
            .max()
            .unwrap_or(0);
        puts.iter()
            .map(|a| match self.articles.get(&a.name) {
                Some((seq, _)) => *seq,
                None => {
                    next += 1;
                    next - 1
                }
            })
            .collect()
    }
}

/// The write that brings the database from `saved` to `ws`: the articles that are new or
/// changed, the names that are gone, and the mode if it changed. Linear: one lookup per
/// article. Names `saved` does not know (another tab's, or unreadable records) are never
/// deleted.
pub fn diff<'a>(
    saved: &Saved,
    ws: &'a Workspace,
) -> (Vec<&'a StoredArticle>, Vec<String>, Option<Mode>) {
    let puts: Vec<&StoredArticle> = ws
        .articles
        .iter()
        .filter(|a| saved.articles.get(&a.name).map(|(_, s)| s) != Some(*a))
        .collect();
    let present: std::collections::HashSet<&str> =
        ws.articles.iter().map(|a| a.name.as_str()).collect();
    let deletes = saved
        .articles
        .keys()
        .filter(|k| !present.contains(k.as_str()))
        .cloned()
        .collect();
    let mode = (saved.mode != ws.mode).then_some(ws.mode);
    (puts, deletes, mode)
}

/// The notice for records that were skipped, naming them (at most five), or `None`.
pub fn unread_notice(unread: &[Unread]) -> Option<String> {
    if unread.is_empty() {
        return None;
    }
    let shown: Vec<String> = unread
        .iter()
        .take(5)
        .map(|u| match u {
            Unread::Damaged { key, why } => format!("“{key}” ({why})"),
            Unread::Newer { key, version } => format!(
                "“{key}” (written by a newer Quoteline, record version {version}; this one reads up to {RECORD_VERSION})"
            ),
        })
        .collect();
    let more = unread.len().saturating_sub(shown.len());
    Some(format!(
        "{} saved record{} could not be read and {} skipped: {}{}. {} left in browser storage untouched; the rest of your articles loaded.",
        unread.len(),
        if unread.len() == 1 { "" } else { "s" },
        if unread.len() == 1 { "was" } else { "were" },
        shown.join("; "),
        if more > 0 { format!(" and {more} more") } else { String::new() },
        if unread.len() == 1 { "It is" } else { "They are" },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quoteline_core::corpus::ArticleMeta;

    fn article(name: &str, text: &str) -> StoredArticle {
        StoredArticle {
            name: name.into(),
            text: text.into(),
            meta: ArticleMeta::default(),
        }
    }

    #[test]
    fn an_article_reads_back_as_written() {
        let a = article("a.txt", "Merz said so.");
        assert_eq!(
            decode_article("a.txt", Some(&encode_article(&a, 7))),
            Ok((7, a))
        );
    }

    /// The records and messages are the JSON serde_json wrote for them before.
    #[test]
    fn records_are_the_json_they_always_were() {
        #[derive(serde::Serialize)]
        struct ArticleOut<'a> {
            v: u64,
            seq: u64,
            article: &'a StoredArticle,
        }
        #[derive(serde::Serialize)]
        struct ModeOut {
            v: u64,
            mode: Mode,
        }
        #[derive(serde::Serialize)]
        struct ChangeOut<'a> {
            puts: &'a [String],
            deletes: &'a [String],
            mode: bool,
        }
        let a = article("a \"1\".txt", "Merz said:\n\"so\".");
        let out = ArticleOut {
            v: RECORD_VERSION,
            seq: 12,
            article: &a,
        };
        assert_eq!(encode_article(&a, 12), serde_json::to_string(&out).unwrap());
        for mode in [Mode::WithSeeds, Mode::Alone] {
            let out = ModeOut {
                v: RECORD_VERSION,
                mode,
            };
            assert_eq!(encode_mode(mode), serde_json::to_string(&out).unwrap());
        }
        let c = Change {
            puts: vec!["a".into(), "b\"".into()],
            deletes: vec!["c".into()],
            mode: true,
        };
        let out = ChangeOut {
            puts: &c.puts,
            deletes: &c.deletes,
            mode: c.mode,
        };
        assert_eq!(c.to_message(), serde_json::to_string(&out).unwrap());
        assert_eq!(Change::from_message("{\"puts\":[1]}"), None);
    }

    /// Each bad record is named with what is wrong; a newer one with its version.
    #[test]
    fn bad_records_say_why() {
        let damaged = |key: &str, value: Option<&str>| match decode_article(key, value) {
            Err(Unread::Damaged { why, .. }) => why,
            other => panic!("{other:?}"),
        };
        assert_eq!(damaged("a", None), "it is not text");
        assert!(damaged("a", Some("{\"v\":1,")).starts_with("not valid JSON"));
        assert!(damaged("a", Some("{\"x\":1}")).starts_with("it has no record version"));
        assert!(damaged("a", Some("{\"v\":1}")).starts_with("its fields are not"));
        let other = encode_article(&article("b", "text"), 0);
        assert_eq!(damaged("a", Some(&other)), "it holds the article “b”");
        let blank = encode_article(&article("a", " "), 0);
        assert_eq!(damaged("a", Some(&blank)), "the article \"a\" has no text");
        assert_eq!(
            decode_article("a", Some("{\"v\":7,\"article\":{}}")),
            Err(Unread::Newer {
                key: "a".into(),
                version: 7
            })
        );
        assert_eq!(
            decode_mode(Some(&encode_mode(Mode::Alone))),
            Ok(Mode::Alone)
        );
        assert_eq!(decode_mode(None), Ok(Mode::WithSeeds));
        assert!(matches!(
            decode_mode(Some("{\"v\":2}")),
            Err(Unread::Newer { .. })
        ));
    }

    /// A write puts what is new or changed and deletes only what this tab saved and removed.
    #[test]
    fn diff_is_the_change_only() {
        let mut saved = Saved::default();
        for (seq, a) in [article("a", "1"), article("b", "2"), article("c", "3")]
            .into_iter()
            .enumerate()
        {
            saved.insert(seq as u64, a);
        }
        let ws = Workspace {
            mode: Mode::Alone,
            articles: vec![
                article("a", "1"),
                article("b", "changed"),
                article("d", "4"),
            ],
        };
        let (puts, deletes, mode) = diff(&saved, &ws);
        let puts: Vec<&str> = puts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(puts, ["b", "d"]);
        assert_eq!(deletes, ["c"]);
        assert_eq!(mode, Some(Mode::Alone));
        let (puts, _, _) = diff(&saved, &ws);
        assert_eq!(
            saved.places(&puts),
            [1, 3],
            "a changed article keeps its place"
        );
        saved.insert(3, article("d", "4"));
        saved.insert(0, article("z", "first"));
        let names: Vec<String> = saved
            .workspace()
            .articles
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["a", "z", "b", "c", "d"]);
    }

    #[test]
    fn the_notice_names_what_was_skipped() {
        let n = unread_notice(&[
            Unread::Damaged {
                key: "x.txt".into(),
                why: "it is not text".into(),
            },
            Unread::Newer {
                key: "y.txt".into(),
                version: 2,
            },
        ]);
        assert_eq!(n.as_deref(), Some("2 saved records could not be read and were skipped: “x.txt” (it is not text); “y.txt” (written by a newer Quoteline, record version 2; this one reads up to 1). They are left in browser storage untouched; the rest of your articles loaded."));
        assert_eq!(unread_notice(&[]), None);
        let m = Change {
            puts: vec!["a".into()],
            deletes: vec![],
            mode: true,
        };
        assert_eq!(Change::from_message(&m.to_message()), Some(m));
    }
}
