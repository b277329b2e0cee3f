//! Corpus files kept in the store's `files` object store: the one opened from the picker
//! (reopened after a reload until it is closed), and the corpus last built from the
//! workspace, under the workspace's fingerprint, so that a reload shows the articles
//! without extracting them again. Each is `{v, name, key, bytes}`; one that cannot be
//! read is treated as absent (and written over by the next one).

use super::handle;
use super::records::RECORD_VERSION;
use js_sys::{Object, Reflect, Uint8Array};
use quoteline_core::formats::workspace::Workspace;
use wasm_bindgen::{JsCast, JsValue};

const FILES: &str = "files";
/// The corpus file opened from the picker.
const OPENED: &str = "opened";
/// The corpus built from the workspace.
const BUILT: &str = "workspace-corpus";

fn record(name: &str, key: &str, bytes: &[u8]) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"v".into(), &JsValue::from_f64(RECORD_VERSION as f64));
    let _ = Reflect::set(&o, &"name".into(), &name.into());
    let _ = Reflect::set(&o, &"key".into(), &key.into());
    // A Blob, not the bytes: the store then takes it by reference, where a Uint8Array
    // of a big corpus file is cloned into it in one long task of the page's.
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&Uint8Array::from(bytes)))
            .map(JsValue::from)
            .unwrap_or_else(|_| Uint8Array::from(bytes).into());
    let _ = Reflect::set(&o, &"bytes".into(), &blob);
    o.into()
}

/// (name, key, bytes) of a record this version can read (its bytes a Blob, or a
/// Uint8Array as the first version of the store wrote them).
async fn read(v: &JsValue) -> Option<(String, String, Vec<u8>)> {
    let field = |k: &str| Reflect::get(v, &k.into()).ok();
    if field("v")?.as_f64()? > RECORD_VERSION as f64 {
        return None;
    }
    let (name, key) = (field("name")?.as_string()?, field("key")?.as_string()?);
    let bytes = field("bytes")?;
    let bytes: Uint8Array = match bytes.dyn_into::<web_sys::Blob>() {
        Ok(blob) => {
            let buf = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
                .await
                .ok()?;
            Uint8Array::new(&buf)
        }
        Err(other) => other.dyn_into().ok()?,
    };
    Some((name, key, bytes.to_vec()))
}

async fn get(key: &str) -> Option<(String, String, Vec<u8>)> {
    let db = handle::db()?;
    read(&db.get(FILES, key).await.ok()?).await
}

fn put(key: &'static str, value: Option<JsValue>) {
    let Some(db) = handle::db() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = match value {
            Some(v) => db.write(FILES, vec![(key.to_string(), v)], &[]).await,
            None => db.write(FILES, vec![], &[key.to_string()]).await,
        };
    });
}

/// Keeps the corpus file opened from the picker (until [`forget_opened`]). `Err` says
/// why it could not be kept, in words for the user: a reload will not reopen it.
pub async fn keep_opened(name: &str, bytes: &[u8]) -> Result<(), String> {
    let Some(db) = handle::db() else {
        return Err("this browser gives the page no storage (IndexedDB)".into());
    };
    db.write(
        FILES,
        vec![(OPENED.to_string(), record(name, "", bytes))],
        &[],
    )
    .await
    .map_err(|why| match why.as_str() {
        "QuotaExceededError" => format!(
            "the browser's storage for this page is full ({} MB more did not fit)",
            quoteline_core::text::number::fixed(bytes.len() as f64 / 1e6, 1)
        ),
        _ => format!("the browser refused to store it: {why}"),
    })?;
    handle::holds(None, Some(true));
    Ok(())
}

/// The corpus file was closed: it is no longer reopened.
pub fn forget_opened() {
    handle::holds(None, Some(false));
    put(OPENED, None);
}

/// The corpus file that was open when the page was left: its name and bytes.
pub async fn opened() -> Option<(String, Vec<u8>)> {
    let (name, _, bytes) = get(OPENED).await?;
    handle::holds(None, Some(true));
    Some((name, bytes))
}

/// What the kept corpus of a workspace is keyed by: its fingerprint, the articles set
/// aside this session, and this build's engine (the seeds' corpus file it made).
fn built_key(ws: &Workspace, aside: &[String]) -> String {
    let engine = Workspace {
        mode: Default::default(),
        articles: vec![quoteline_core::formats::workspace::StoredArticle {
            name: "engine".into(),
            text: String::from_utf8_lossy(crate::SEED_PACK).into_owned(),
            meta: Default::default(),
        }],
    };
    format!(
        "{}:{}:{}",
        ws.fingerprint(),
        engine.fingerprint(),
        aside.join("\u{1f}")
    )
}

/// The corpus of `ws`: the one kept from the last build if it was built from the same
/// articles by this build, else built by the loader worker (and then kept).
pub async fn build_or_kept(
    ws: &Workspace,
    working: &mut dyn FnMut(&str),
) -> Result<Vec<u8>, crate::ui::worker::Trouble> {
    let aside: Vec<String> = ws
        .articles
        .iter()
        .filter(|a| crate::ui::guard::is_set_aside(&a.name))
        .map(|a| a.name.clone())
        .collect();
    let key = built_key(ws, &aside);
    if let Some((_, kept, bytes)) = get(BUILT).await {
        if kept == key {
            return Ok(bytes);
        }
    }
    // (The request is written in a task of its own, not in the store's reply.)
    crate::ui::context::between_slices().await;
    let built = crate::ui::worker::build(ws, working).await;
    if let Ok(pack) = &built {
        // (In a task of its own: the corpus file is megabytes, copied out and cloned
        // into the store, after the worker's message was read.)
        crate::ui::context::next_task().await;
        put(BUILT, Some(record("your articles", &key, pack)));
        crate::ui::context::next_task().await;
    }
    built
}
