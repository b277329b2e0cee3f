//! The workspace kept in IndexedDB: one record per article (keyed by its name), the mode,
//! and the corpus files (`files`). Read once at start; each change written as what
//! changed (an added article is one put), one write at a time, and told to the other
//! tabs, which read just those records. A record that cannot be read is skipped, named,
//! and never written over; an older Quoteline's localStorage workspace is moved in and
//! removed only once read back. Without IndexedDB the articles last for the session, as
//! the one notice says.

pub mod files;
mod handle;
pub mod records;
pub mod status;

#[cfg(target_arch = "wasm32")]
mod idb;
#[cfg(not(target_arch = "wasm32"))]
#[path = "idb_none.rs"]
mod idb;

use super::storage::StorageError;
use quoteline_core::formats::workspace::{Mode, StoredArticle, Workspace};
use records::{Change, Saved, Unread};
use status::Status;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The object stores.
const ARTICLES: &str = "articles";
const META: &str = "meta";
/// The BroadcastChannel the tabs of this origin tell each other their writes on.
const CHANNEL: &str = "quoteline.workspace";
/// Past this many bytes of articles the store asks the browser for persistent storage.
pub const PERSIST_AFTER_BYTES: usize = 4_000_000;
/// How the store reaches the page's state (set by the hook).
pub struct Setters {
    pub workspace: Box<dyn Fn(Rc<Workspace>)>,
    pub status: Box<dyn Fn(Status)>,
}

/// One page's store: what the database holds as this page knows it, the workspace shown,
/// and the write in progress.
#[derive(Default)]
pub struct Session {
    saved: Saved,
    live: Rc<Workspace>,
    ready: bool,
    writing: bool,
    again: bool,
    status: Status,
    channel: Option<idb::Channel>,
    setters: Option<Setters>,
}

pub type Shared = Rc<RefCell<Session>>;

/// Whether the first page should wait for the store (it may hold articles, a mode or a
/// corpus file, or an older Quoteline left a workspace to move in).
pub fn may_hold_something() -> bool {
    handle::hinted() || super::storage::has_legacy()
}

/// Keeps the hint true to what is stored (see `handle`).
fn update_hint(saved: &Saved) {
    let holds = !saved.articles.is_empty() || saved.mode != Default::default();
    handle::holds(Some(holds), None);
}

fn publish(session: &Shared) {
    let s = session.borrow();
    if let Some(set) = &s.setters {
        (set.status)(s.status.clone());
    }
}

fn show(session: &Shared, ws: Rc<Workspace>) {
    session.borrow_mut().live = ws.clone();
    if let Some(set) = &session.borrow().setters {
        (set.workspace)(ws);
    }
}

/// Opens the store and reads the workspace, moving an older localStorage workspace in;
/// then listens to the other tabs. `recovered`: articles of an interrupted load to add.
pub async fn open(session: Shared, setters: Setters, recovered: Vec<StoredArticle>) {
    session.borrow_mut().setters = Some(setters);
    let mut status = Status::default();
    let ws = match idb::Db::open().await {
        Ok(db) => {
            handle::set_db(db.clone());
            let (ws, saved) = load(&db, &mut status).await;
            update_hint(&saved);
            session.borrow_mut().saved = saved;
            ws
        }
        Err(why) => {
            status.unavailable = Some(why);
            // What an older Quoteline kept is shown for the session (and left in place).
            match super::storage::load_legacy().await {
                Ok(old) => old.unwrap_or_default(),
                Err(e) => {
                    status.legacy = Some(e);
                    Workspace::default()
                }
            }
        }
    };
    // Articles added while the store was opening, and those of an interrupted load.
    let early = session.borrow().live.articles.clone();
    let mut ws = ws;
    ws.add_all(early.into_iter().chain(recovered));
    {
        let mut s = session.borrow_mut();
        s.ready = true;
        s.status = status;
    }
    listen(&session);
    let ws = Rc::new(ws);
    show(&session, ws.clone());
    publish(&session);
    save(&session, ws);
    wasm_bindgen_futures::spawn_local(refresh_estimate(session));
}

/// The stored workspace (what could be read), and the old localStorage one moved in.
async fn load(db: &idb::Db, status: &mut Status) -> (Workspace, Saved) {
    let mut saved = Saved::default();
    let mut unread = Vec::new();
    match db.entries(ARTICLES).await {
        Ok(entries) => {
            for (key, value) in entries {
                match records::decode_article(&key, value.as_string().as_deref()) {
                    Ok((seq, a)) => saved.insert(seq, a),
                    Err(u) => unread.push(u),
                }
            }
        }
        Err(why) => status.unavailable = Some(why),
    }
    let mode = db.get(META, "mode").await.unwrap_or(JsValue::UNDEFINED);
    match records::decode_mode(mode.as_string().as_deref()) {
        Ok(m) => saved.mode = m,
        Err(u) => status.unread_mode = Some(u),
    }
    let mut ws = saved.workspace();
    migrate(db, &mut ws, &mut saved, status).await;
    status.unread = unread;
    (ws, saved)
}

/// Moves an older Quoteline's localStorage workspace into the database: its articles
/// that are not there already are written, read back and compared, and only then is the
/// old copy removed. A workspace that cannot be read is left where it is.
async fn migrate(db: &idb::Db, ws: &mut Workspace, saved: &mut Saved, status: &mut Status) {
    let old = match super::storage::load_legacy().await {
        Ok(Some(old)) => old,
        Ok(None) => return,
        Err(e) => {
            status.legacy = Some(e);
            return;
        }
    };
    let before = ws.articles.len();
    let n = ws.merge_import(old.articles);
    if saved.articles.is_empty() {
        ws.mode = old.mode;
    }
    let moved: Vec<StoredArticle> = ws.articles.get(before..).unwrap_or_default().to_vec();
    let places = saved.places(&moved.iter().collect::<Vec<_>>());
    let written = db
        .write_pairs(ARTICLES, &article_records(moved.iter(), &places).await, &[])
        .await;
    let mode_written = db.write(META, mode_record(ws.mode), &[]).await;
    let names: Vec<String> = moved.iter().map(|a| a.name.clone()).collect();
    let back = db.get_many(ARTICLES, &names).await.unwrap_or_default();
    let verified = written.is_ok()
        && mode_written.is_ok()
        && back.len() == moved.len()
        && back.iter().zip(&moved).all(|(v, a)| {
            records::decode_article(&a.name, v.as_string().as_deref()).is_ok_and(|(_, b)| b == *a)
        });
    if verified {
        for (a, seq) in moved.into_iter().zip(places) {
            saved.insert(seq, a);
        }
        saved.mode = ws.mode;
        super::storage::remove_legacy();
        status.notices.push(format!(
            "Your {n} saved article{} moved from localStorage to IndexedDB, where there is room for far more.",
            if n == 1 { " was" } else { "s were" }
        ));
    } else {
        status.notices.push(format!(
            "Your {n} article{} saved in localStorage could not be moved to IndexedDB ({}). They are shown and stay in localStorage.",
            if n == 1 { "" } else { "s" },
            written.err().or(mode_written.err()).unwrap_or_else(|| "they did not read back the same".into())
        ));
    }
}

/// Adopts a changed workspace and writes what changed. Writes run one at a time; a
/// change made during a write is written after it.
pub fn save(session: &Shared, ws: Rc<Workspace>) {
    {
        let mut s = session.borrow_mut();
        s.live = ws;
        if !s.ready {
            return;
        }
        if s.writing {
            s.again = true;
            return;
        }
        s.writing = true;
    }
    let session = session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            write_once(&session).await;
            let mut s = session.borrow_mut();
            if !std::mem::take(&mut s.again) {
                s.writing = false;
                // (The articles a load held until they were saved are let go: saved,
                // or the user was told why not.)
                crate::ui::guard::saved();
                break;
            }
        }
        refresh_estimate(session).await;
    });
}

/// How many article records one slice of [`article_records`] encodes.
const RECORDS_PER_STEP: usize = 50;

/// The database records of `articles`, each at its place (`Saved::places`), as a JS
/// array of `[key, value]` pairs for [`idb::Db::write_pairs`]. Made in slices between
/// paints (`context::in_slices`): a load of thousands of articles is megabytes of JSON.
async fn article_records<'a>(
    articles: impl Iterator<Item = &'a StoredArticle>,
    places: &[u64],
) -> js_sys::Array {
    let mut items = articles.zip(places);
    let out = js_sys::Array::new();
    crate::ui::context::in_slices(|| {
        for _ in 0..RECORDS_PER_STEP {
            let Some((a, seq)) = items.next() else {
                return Some(());
            };
            out.push(&js_sys::Array::of2(
                &JsValue::from_str(&a.name),
                &JsValue::from_str(&records::encode_article(a, *seq)),
            ));
        }
        None
    })
    .await;
    out
}

/// The workspace mode's record in the META store.
fn mode_record(mode: Mode) -> Vec<(String, JsValue)> {
    vec![("mode".into(), records::encode_mode(mode).into())]
}

/// Writes what differs between the workspace shown and the database, in one transaction.
async fn write_once(session: &Shared) {
    let Some(db) = handle::db() else { return };
    // (What changed is copied out; the saved articles are not.)
    let ws = session.borrow().live.clone();
    let (puts, deletes, mode, places) = {
        let s = session.borrow();
        let (puts, deletes, mode) = records::diff(&s.saved, &ws);
        // (A mode record that could not be read is not written over: the mode then
        // lasts for the session.)
        let mode = mode.filter(|_| s.status.unread_mode.is_none());
        let places = s.saved.places(&puts);
        (puts, deletes, mode, places)
    };
    if puts.is_empty() && deletes.is_empty() && mode.is_none() {
        return;
    }
    let change = Change {
        puts: puts.iter().map(|a| a.name.clone()).collect(),
        deletes: deletes.clone(),
        mode: mode.is_some(),
    };
    let bytes: usize = puts.iter().map(|a| a.text.len()).sum();
    let records = article_records(puts.iter().copied(), &places).await;
    let mut result = db.write_pairs(ARTICLES, &records, &deletes).await;
    if let (Ok(()), Some(m)) = (&result, mode) {
        result = db.write(META, mode_record(m), &[]).await;
    }
    match result {
        Ok(()) => {
            let mut s = session.borrow_mut();
            for (a, seq) in puts.into_iter().zip(places) {
                s.saved.insert(seq, a.clone());
            }
            for d in &deletes {
                s.saved.articles.remove(d);
            }
            s.saved.mode = ws.mode;
            s.status.error = None;
            update_hint(&s.saved);
            if let Some(c) = &s.channel {
                c.post(&change.to_message());
            }
        }
        Err(why) => {
            let error = if why == "QuotaExceededError" {
                StorageError::Full {
                    bytes,
                    articles: change.puts.len(),
                    estimate: idb::estimate().await,
                }
            } else {
                StorageError::NotSaved { reason: why }
            };
            session.borrow_mut().status.error = Some(error);
        }
    }
    publish(session);
}

/// Reads the browser's figures, and asks for persistent storage once the articles pass
/// [`PERSIST_AFTER_BYTES`].
async fn refresh_estimate(session: Shared) {
    if handle::db().is_none() {
        return;
    }
    let stored: usize = session
        .borrow()
        .saved
        .articles
        .values()
        .map(|(_, a)| a.text.len())
        .sum();
    let ask = stored > PERSIST_AFTER_BYTES && session.borrow().status.persisted.is_none();
    if ask {
        let answer = idb::persist().await;
        session.borrow_mut().status.persisted = Some(answer);
    }
    let estimate = idb::estimate().await;
    {
        let mut s = session.borrow_mut();
        s.status.estimate = estimate;
        s.status.stored_bytes = stored;
        s.status.stored_articles = s.saved.articles.len();
    }
    publish(&session);
}

/// Listens to the other tabs' writes.
fn listen(session: &Shared) {
    let weak = Rc::downgrade(session);
    let channel = idb::Channel::open(CHANNEL, move |message| {
        if let (Some(session), Some(change)) = (weak.upgrade(), Change::from_message(&message)) {
            wasm_bindgen_futures::spawn_local(apply_remote(session, change));
        }
    });
    session.borrow_mut().channel = channel;
}

/// Another tab wrote `change`: read those records and show them (nothing is written).
async fn apply_remote(session: Shared, change: Change) {
    let Some(db) = handle::db() else { return };
    let values = db
        .get_many(ARTICLES, &change.puts)
        .await
        .unwrap_or_default();
    let mode = if change.mode {
        let v = db.get(META, "mode").await.unwrap_or(JsValue::UNDEFINED);
        records::decode_mode(v.as_string().as_deref()).ok()
    } else {
        None
    };
    let ws = merge_remote(&mut session.borrow_mut(), &change, values, mode);
    show(&session, Rc::new(ws));
    refresh_estimate(session).await;
}

/// The workspace shown with another tab's change: its articles put (replaced in place or
/// added at the end) and deleted, and its mode; `saved` follows. Linear in the articles.
fn merge_remote(
    s: &mut Session,
    change: &Change,
    values: Vec<JsValue>,
    mode: Option<Mode>,
) -> Workspace {
    let mut ws = (*s.live).clone();
    let mut at: std::collections::HashMap<String, usize> = ws
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.clone(), i))
        .collect();
    for (name, value) in change.puts.iter().zip(values) {
        let Ok((seq, a)) = records::decode_article(name, value.as_string().as_deref()) else {
            continue;
        };
        match at.get(&a.name).and_then(|&i| ws.articles.get_mut(i)) {
            Some(b) => *b = a.clone(),
            None => {
                at.insert(a.name.clone(), ws.articles.len());
                ws.articles.push(a.clone());
            }
        }
        s.saved.insert(seq, a);
    }
    let gone: std::collections::HashSet<&String> = change.deletes.iter().collect();
    for name in &gone {
        s.saved.articles.remove(*name);
    }
    ws.articles.retain(|a| !gone.contains(&a.name));
    if let Some(m) = mode {
        s.saved.mode = m;
        ws.mode = m;
    }
    ws
}

/// Removes the records that could not be read and an unreadable localStorage workspace
/// (the user asked to).
pub fn discard_unread(session: &Shared) {
    let (keys, mode, legacy) = {
        let s = session.borrow();
        let keys: Vec<String> = s
            .status
            .unread
            .iter()
            .map(|u| match u {
                Unread::Damaged { key, .. } | Unread::Newer { key, .. } => key.clone(),
            })
            .collect();
        let mode = s.status.unread_mode.is_some();
        (keys, mode, s.status.legacy.is_some())
    };
    if legacy {
        super::storage::remove_legacy();
    }
    let session = session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(db) = handle::db() {
            let _ = db.write(ARTICLES, vec![], &keys).await;
            if mode {
                let _ = db.write(META, vec![], &["mode".to_string()]).await;
            }
        }
        {
            let mut s = session.borrow_mut();
            s.status.unread.clear();
            s.status.unread_mode = None;
            s.status.legacy = None;
        }
        publish(&session);
    });
}
