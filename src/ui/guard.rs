//! Containment. Extraction runs in the loader worker, which names the article it dies
//! on (`ui::worker`): the load goes on without it, and a saved article that stops a
//! rebuild is set aside for the session ([`set_aside`]). If the page itself dies (a panic
//! kills its WebAssembly module), a reload loses nothing: this module holds the articles
//! of the load under way (and those of a load that ended, until they are saved), the
//! panic hook ([`on_panic`]) writes them down in the tab's
//! sessionStorage, and the next start ([`recover`]) adds them and says so. The paste box
//! is kept there too while it is typed in ([`save_draft`]).
//!
//! A test-only switch forces a panic: `localStorage["quoteline.test.panic"]` set to
//! `load:NAME` makes the loader worker panic when it extracts the article NAME (removed
//! when the page sees it happen), `render` panics at the next render of the app (read
//! once at start and removed when it fires). A page cannot be made to panic by a link.

use crate::ui::json::{self, Json};
use quoteline_core::formats::workspace::StoredArticle;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// sessionStorage: what the page was doing when it died.
const RECOVERY_KEY: &str = "quoteline.recovery";
/// sessionStorage: the paste box.
const DRAFT_KEY: &str = "quoteline.draft";
/// sessionStorage: saved articles set aside this session (JSON list of names).
const SET_ASIDE_KEY: &str = "quoteline.set-aside";
/// localStorage: the test-only panic switch.
const TEST_PANIC_KEY: &str = "quoteline.test.panic";

thread_local! {
    /// The articles of the load under way read so far (the loader adds them to the
    /// workspace when it ends).
    static PENDING: RefCell<Vec<StoredArticle>> = const { RefCell::new(Vec::new()) };
    /// Articles a load added whose workspace is still being saved (a big one is saved a
    /// few articles a task): written down with the pending ones if the page dies first.
    static UNSAVED: RefCell<Vec<StoredArticle>> = const { RefCell::new(Vec::new()) };
    static SET_ASIDE: RefCell<Option<BTreeSet<String>>> = const { RefCell::new(None) };
    static TEST_PANIC: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// What the panic hook writes and the next start reads.
#[derive(Default, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
struct Record {
    message: String,
    /// The article being read, by name.
    article: Option<String>,
    /// Whether that article was a saved one (else it was new, and `text` holds it).
    saved: bool,
    text: Option<StoredArticle>,
    /// The articles of the unfinished load read before it.
    pending: Vec<StoredArticle>,
    /// How many of them could not be kept (the record was too large for the storage).
    dropped: usize,
}

impl Record {
    /// As JSON (what serde_json wrote for it before: `tests` holds them equal).
    fn to_text(&self) -> String {
        let mut out = String::from("{\"message\":");
        json::push_str(&mut out, &self.message);
        out.push_str(",\"article\":");
        match &self.article {
            Some(a) => json::push_str(&mut out, a),
            None => out.push_str("null"),
        }
        out.push_str(if self.saved {
            ",\"saved\":true,\"text\":"
        } else {
            ",\"saved\":false,\"text\":"
        });
        match &self.text {
            Some(a) => json::push_article(&mut out, a),
            None => out.push_str("null"),
        }
        out.push_str(",\"pending\":[");
        for (i, a) in self.pending.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::push_article(&mut out, a);
        }
        out.push_str(&format!("],\"dropped\":{}}}", self.dropped));
        out
    }

    /// Read back (`None`: not a record of this shape).
    fn from_text(text: &str) -> Option<Record> {
        let v = json::parse(text).ok()?;
        let article = |v: &Json| json::article(v).ok();
        Some(Record {
            message: v.get("message")?.as_str()?.to_string(),
            article: match v.get("article")? {
                Json::Null => None,
                a => Some(a.as_str()?.to_string()),
            },
            saved: v.get("saved")?.as_bool()?,
            text: match v.get("text")? {
                Json::Null => None,
                a => Some(article(a)?),
            },
            pending: v
                .get("pending")?
                .as_array()?
                .iter()
                .map(article)
                .collect::<Option<_>>()?,
            dropped: usize::try_from(v.get("dropped")?.as_u64()?).ok()?,
        })
    }
}

#[cfg(target_arch = "wasm32")]
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn session_get(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        session()?.get_item(key).ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

fn session_set(key: &str, value: Option<&str>) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(s) = session() else { return false };
        match value {
            Some(v) => s.set_item(key, v).is_ok(),
            None => s.remove_item(key).is_ok(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        false
    }
}

/// Test-only: the article the switch asks the loader worker to panic on (`load:NAME`),
/// if any. It stays armed until [`disarm_test_panic`].
pub fn test_panic_load() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(TEST_PANIC_KEY).ok().flatten())
            .and_then(|v| v.strip_prefix("load:").map(str::to_string))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Test-only: removes the switch (the worker panicked as asked).
pub fn disarm_test_panic() {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(TEST_PANIC_KEY);
    }
}

/// Adds an article read by the load under way.
pub fn push_pending(article: StoredArticle) {
    PENDING.with(|p| p.borrow_mut().push(article));
}

/// Takes the articles of the load under way (it ended, or was cancelled).
pub fn take_pending() -> Vec<StoredArticle> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Holds articles a load added until the workspace holding them is saved ([`saved`]).
pub fn hold_unsaved(articles: &[StoredArticle]) {
    UNSAVED.with(|u| u.borrow_mut().extend_from_slice(articles));
}

/// The latest workspace was saved (or could not be, and the user was told): the
/// articles held for it are let go.
pub fn saved() {
    UNSAVED.with(|u| u.borrow_mut().clear());
}

/// Called by the panic hook: writes down what a reload needs, and returns the name of
/// the article being read, if any. Never panics (borrows are tried, not taken).
pub fn on_panic(message: &str) -> Option<String> {
    let take = |p: &RefCell<Vec<StoredArticle>>| {
        p.try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    };
    let mut pending = UNSAVED.with(take);
    pending.extend(PENDING.with(take));
    // Extraction runs in the loader worker, which reports its own failures by article;
    // a panic here is the page's own, between articles.
    let (article, saved, text) = (None::<String>, false, None);
    let mut record = Record {
        message: message.to_string(),
        article: article.clone(),
        saved,
        text,
        pending,
        dropped: 0,
    };
    // Too large for the tab's storage: keep the failing article and as many of the
    // others as fit, and say how many could not be kept.
    loop {
        if session_set(RECOVERY_KEY, Some(&record.to_text())) || record.pending.is_empty() {
            break;
        }
        let keep = record.pending.len() / 2;
        record.dropped += record.pending.len() - keep;
        record.pending.truncate(keep);
    }
    article
}

/// What the previous page left when it died, for the next start.
#[derive(Debug, Default, PartialEq)]
pub struct Recovered {
    /// For the user: what happened and what was done about it.
    pub notice: String,
    /// Articles of the interrupted load to add to the workspace.
    pub add: Vec<StoredArticle>,
}

/// Reads (and removes) what a page that died left; `None` if the last page did not die.
/// A failing new article's text goes back into the paste box; a failing saved article
/// is set aside for this session.
pub fn recover() -> Option<Recovered> {
    let json = session_get(RECOVERY_KEY)?;
    session_set(RECOVERY_KEY, None);
    let record = Record::from_text(&json).unwrap_or_default();
    let mut notice = format!(
        "The page stopped on an internal error ({}).",
        if record.message.is_empty() {
            "no message"
        } else {
            &record.message
        }
    );
    if let Some(name) = &record.article {
        if record.saved {
            set_aside(name);
            notice.push_str(&format!(
                " It happened while reading your saved article “{name}”, so that article is set aside for this session: it stays saved but is not shown. Remove it, or export the workspace to keep it elsewhere."
            ));
        } else if let Some(a) = &record.text {
            save_draft(&a.text);
            notice.push_str(&format!(
                " It happened while reading “{name}”, which was not added: its text is back in the paste box."
            ));
        }
    }
    if !record.pending.is_empty() {
        notice.push_str(&format!(
            " The {} article{} of that load read before it {} added.",
            record.pending.len(),
            if record.pending.len() == 1 { "" } else { "s" },
            if record.pending.len() == 1 {
                "was"
            } else {
                "were"
            }
        ));
    }
    if record.dropped > 0 {
        notice.push_str(&format!(
            " {} more could not be kept (the tab's storage was full): load them again.",
            record.dropped
        ));
    }
    Some(Recovered {
        notice,
        add: record.pending,
    })
}

/// Runs `f` on the set-aside names (read from the tab's storage the first time).
fn with_set_aside<R>(f: impl FnOnce(&mut BTreeSet<String>) -> R) -> R {
    SET_ASIDE.with(|s| {
        f(s.borrow_mut().get_or_insert_with(|| {
            session_get(SET_ASIDE_KEY)
                .and_then(|j| json::parse(&j).ok()?.as_strings())
                // (Inserted one by one: a set collected at once is sorted first, which
                // would bring a sort of its own into the page.)
                .map(|names| {
                    let mut set = BTreeSet::new();
                    for n in names {
                        set.insert(n);
                    }
                    set
                })
                .unwrap_or_default()
        }))
    })
}

/// Sets a saved article aside for this session (it stopped the extraction).
pub fn set_aside(name: &str) {
    with_set_aside(|names| {
        names.insert(name.to_string());
        let mut list = String::new();
        json::push_strings(&mut list, names.iter());
        session_set(SET_ASIDE_KEY, Some(&list));
    });
}

/// Whether a saved article is set aside this session (it made the page die).
pub fn is_set_aside(name: &str) -> bool {
    with_set_aside(|names| names.contains(name))
}

/// The paste box as the tab last saw it.
pub fn draft() -> String {
    session_get(DRAFT_KEY).unwrap_or_default()
}

/// Keeps the paste box (empty: forgets it).
pub fn save_draft(text: &str) {
    session_set(DRAFT_KEY, (!text.is_empty()).then_some(text));
}

/// Panics if the test-only switch asks for a panic at `point` (see the module doc).
pub fn test_panic_point(point: &str) {
    test_panic_at(point, None);
}

/// [`test_panic_point`] for `point:name` (no string is built: it runs per article).
fn test_panic_at(point: &str, name: Option<&str>) {
    let matches = |v: &str| match name {
        None => v == point,
        Some(n) => v
            .strip_prefix(point)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r == n),
    };
    let armed = TEST_PANIC.with(|t| {
        let mut t = t.borrow_mut();
        let v = t.get_or_insert_with(|| {
            #[cfg(target_arch = "wasm32")]
            {
                web_sys::window()
                    .and_then(|w| w.local_storage().ok().flatten())
                    .and_then(|s| s.get_item(TEST_PANIC_KEY).ok().flatten())
            }
            #[cfg(not(target_arch = "wasm32"))]
            None
        });
        if v.as_deref().is_some_and(matches) {
            *v = None;
            true
        } else {
            false
        }
    });
    if armed {
        #[cfg(target_arch = "wasm32")]
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.remove_item(TEST_PANIC_KEY);
        }
        let at = name.map_or(point.to_string(), |n| format!("{point}:{n}"));
        panic!("test panic at {at} (the {TEST_PANIC_KEY} switch)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quoteline_core::corpus::ArticleMeta;

    /// The recovery record is the JSON serde_json wrote for it, and reads back.
    #[test]
    fn the_recovery_record_reads_back() {
        let a = StoredArticle {
            name: "a.txt".into(),
            text: "\"Hi,\" she said.\n".into(),
            meta: ArticleMeta {
                outlet: "Daily".into(),
                ..Default::default()
            },
        };
        for record in [
            Record::default(),
            Record {
                message: "boom at \"x\"".into(),
                article: Some("a.txt".into()),
                saved: true,
                text: Some(a.clone()),
                pending: vec![a.clone(), a],
                dropped: 3,
            },
        ] {
            let text = record.to_text();
            assert_eq!(text, serde_json::to_string(&record).unwrap());
            assert_eq!(Record::from_text(&text), Some(record));
        }
        assert_eq!(Record::from_text("{\"message\":1}"), None);
        assert_eq!(Record::from_text("not json"), None);
    }
}
