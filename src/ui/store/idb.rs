//! The bindings of `idb.js`: IndexedDB, `navigator.storage` and BroadcastChannel as
//! futures whose error is the browser's name for the failure. Browser builds only.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/ui/store/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbOpen)]
    fn idb_open() -> Promise;
    #[wasm_bindgen(js_name = idbEntries)]
    fn idb_entries(db: &JsValue, store: &str) -> Promise;
    #[wasm_bindgen(js_name = idbGetMany)]
    fn idb_get_many(db: &JsValue, store: &str, keys: &Array) -> Promise;
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(db: &JsValue, store: &str, key: &str) -> Promise;
    #[wasm_bindgen(js_name = idbWrite)]
    fn idb_write(db: &JsValue, store: &str, puts: &Array, deletes: &Array) -> Promise;
    #[wasm_bindgen(js_name = storageEstimate)]
    fn storage_estimate() -> Promise;
    #[wasm_bindgen(js_name = storagePersist)]
    fn storage_persist() -> Promise;
    #[wasm_bindgen(js_name = channelOpen)]
    fn channel_open(name: &str, on_message: &js_sys::Function) -> JsValue;
    #[wasm_bindgen(js_name = channelPost)]
    fn channel_post(channel: &JsValue, message: &str);
}

/// The browser's name for a failure (`QuotaExceededError`, ...).
fn why(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

async fn wait(p: Promise) -> Result<JsValue, String> {
    JsFuture::from(p).await.map_err(why)
}

/// An open database.
#[derive(Clone)]
pub struct Db(JsValue);

impl Db {
    /// Opens the database (creating it on first use).
    pub async fn open() -> Result<Db, String> {
        wait(idb_open()).await.map(Db)
    }

    /// Every (key, value) of `store`, in key order (a key that is not text is skipped).
    pub async fn entries(&self, store: &str) -> Result<Vec<(String, JsValue)>, String> {
        let all: Array = wait(idb_entries(&self.0, store)).await?.unchecked_into();
        Ok(all
            .iter()
            .filter_map(|pair| {
                let pair: Array = pair.unchecked_into();
                Some((pair.get(0).as_string()?, pair.get(1)))
            })
            .collect())
    }

    /// The values of `keys` in `store` (`undefined` where there is none).
    pub async fn get_many(&self, store: &str, keys: &[String]) -> Result<Vec<JsValue>, String> {
        let keys: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
        let all: Array = wait(idb_get_many(&self.0, store, &keys))
            .await?
            .unchecked_into();
        Ok(all.iter().collect())
    }

    /// One value (`undefined` when there is none).
    pub async fn get(&self, store: &str, key: &str) -> Result<JsValue, String> {
        wait(idb_get(&self.0, store, key)).await
    }

    /// Puts and deletes in one transaction: all of it is stored, or none.
    pub async fn write(
        &self,
        store: &str,
        puts: Vec<(String, JsValue)>,
        deletes: &[String],
    ) -> Result<(), String> {
        let puts: Array = puts
            .into_iter()
            .map(|(k, v)| Array::of2(&JsValue::from_str(&k), &v))
            .collect();
        self.write_pairs(store, &puts, deletes).await
    }

    /// [`Db::write`] given the puts as a JS array of `[key, value]` pairs (made a slice
    /// at a time by the caller, for thousands of records).
    pub async fn write_pairs(
        &self,
        store: &str,
        puts: &Array,
        deletes: &[String],
    ) -> Result<(), String> {
        let deletes: Array = deletes.iter().map(|k| JsValue::from_str(k)).collect();
        wait(idb_write(&self.0, store, puts, &deletes))
            .await
            .map(drop)
    }
}

/// Bytes used and bytes available to the page, when the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let v = JsFuture::from(storage_estimate()).await.ok()?;
    let pair: Array = v.dyn_into().ok()?;
    Some((pair.get(0).as_f64()?, pair.get(1).as_f64()?))
}

/// Asks for persistent storage: whether it was granted (`None`: the browser cannot say).
pub async fn persist() -> Option<bool> {
    JsFuture::from(storage_persist()).await.ok()?.as_bool()
}

/// A channel to the other tabs of this origin; `on_message` gets what they post.
pub struct Channel {
    channel: JsValue,
    _on_message: Closure<dyn FnMut(String)>,
}

impl Channel {
    /// The channel `name`, or `None` when the browser has no BroadcastChannel.
    pub fn open(name: &str, on_message: impl FnMut(String) + 'static) -> Option<Channel> {
        let on_message = Closure::<dyn FnMut(String)>::new(on_message);
        let channel = channel_open(name, on_message.as_ref().unchecked_ref());
        (!channel.is_null()).then_some(Channel {
            channel,
            _on_message: on_message,
        })
    }

    /// Posts `message` to the other tabs.
    pub fn post(&self, message: &str) {
        channel_post(&self.channel, message);
    }
}
