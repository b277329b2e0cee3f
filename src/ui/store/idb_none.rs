//! Outside the browser (native builds: SSR render tests) there is no IndexedDB: every
//! call says so, as an unavailable database in the browser does.

use wasm_bindgen::JsValue;

const NONE: &str = "no IndexedDB outside the browser";

#[derive(Clone)]
pub struct Db;

impl Db {
    pub async fn open() -> Result<Db, String> {
        Err(NONE.into())
    }

    pub async fn entries(&self, _store: &str) -> Result<Vec<(String, JsValue)>, String> {
        Err(NONE.into())
    }

    pub async fn get_many(&self, _store: &str, _keys: &[String]) -> Result<Vec<JsValue>, String> {
        Err(NONE.into())
    }

    pub async fn get(&self, _store: &str, _key: &str) -> Result<JsValue, String> {
        Err(NONE.into())
    }

    pub async fn write(
        &self,
        _store: &str,
        _puts: Vec<(String, JsValue)>,
        _deletes: &[String],
    ) -> Result<(), String> {
        Err(NONE.into())
    }

    pub async fn write_pairs(
        &self,
        _store: &str,
        _puts: &js_sys::Array,
        _deletes: &[String],
    ) -> Result<(), String> {
        Err(NONE.into())
    }
}

pub async fn estimate() -> Option<(f64, f64)> {
    None
}

pub async fn persist() -> Option<bool> {
    None
}

pub struct Channel;

impl Channel {
    pub fn open(_name: &str, _on_message: impl FnMut(String) + 'static) -> Option<Channel> {
        None
    }

    pub fn post(&self, _message: &str) {}
}
