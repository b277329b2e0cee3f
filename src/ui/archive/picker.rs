//! The bindings of `picker.js`: `showDirectoryPicker` where the browser has it, the
//! chosen directory's handle kept in IndexedDB (a reload reopens it), its read
//! permission, and its files. Each call's error is the browser's name for the failure.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/ui/archive/picker.js")]
extern "C" {
    #[wasm_bindgen(js_name = pickerAvailable)]
    fn picker_available() -> bool;
    #[wasm_bindgen(js_name = pickDirectory)]
    fn pick_directory() -> Promise;
    #[wasm_bindgen(js_name = rememberDirectory)]
    fn remember_directory(handle: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = forgetDirectory)]
    fn forget_directory() -> Promise;
    #[wasm_bindgen(js_name = rememberedDirectory)]
    fn remembered_directory() -> Promise;
    #[wasm_bindgen(js_name = directoryPermission)]
    fn directory_permission(handle: &JsValue, ask: bool) -> Promise;
    #[wasm_bindgen(js_name = directoryFiles)]
    fn directory_files(handle: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = readHandle)]
    fn read_handle(file: &JsValue) -> Promise;
}

async fn wait(p: Promise) -> Result<JsValue, String> {
    JsFuture::from(p)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// A directory handle (`FileSystemDirectoryHandle`) the user chose.
#[derive(Clone, Debug)]
pub struct DirHandle(JsValue);

impl PartialEq for DirHandle {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

/// What the browser says of the read permission on a kept directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// The browser must ask the user again (on a click).
    Prompt,
    Denied,
}

/// Whether this browser picks directories with `showDirectoryPicker` (Chromium); if not
/// (Firefox, Safari), the chooser's `webkitdirectory` input is the way.
pub fn available() -> bool {
    picker_available()
}

/// Asks the user for a directory. `Err` is the browser's reason (`AbortError` when the
/// user cancelled).
pub async fn pick() -> Result<DirHandle, String> {
    wait(pick_directory()).await.map(DirHandle)
}

impl DirHandle {
    /// The directory's name, ending in `/`.
    pub fn dir(&self) -> String {
        let name = js_sys::Reflect::get(&self.0, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        format!("{name}/")
    }

    /// Keeps this directory for the next visit.
    pub async fn remember(&self) -> Result<(), String> {
        wait(remember_directory(&self.0)).await.map(|_| ())
    }

    /// The kept directory, if there is one (and the browser can keep handles).
    pub async fn remembered() -> Option<DirHandle> {
        let v = wait(remembered_directory()).await.ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(DirHandle(v))
    }

    /// Forgets the kept directory.
    pub async fn forget() -> Result<(), String> {
        wait(forget_directory()).await.map(|_| ())
    }

    /// The read permission; with `ask`, asked of the user (on a click only).
    pub async fn permission(&self, ask: bool) -> Result<Permission, String> {
        let p = wait(directory_permission(&self.0, ask)).await?;
        Ok(match p.as_string().as_deref() {
            Some("granted") => Permission::Granted,
            Some("prompt") => Permission::Prompt,
            _ => Permission::Denied,
        })
    }

    /// The files directly inside the directory, by name, with their handles.
    pub async fn files(&self) -> Result<Vec<(String, JsValue)>, String> {
        let all: Array = wait(directory_files(&self.0)).await?.unchecked_into();
        Ok(all
            .iter()
            .filter_map(|pair| {
                let pair: Array = pair.unchecked_into();
                Some((pair.get(0).as_string()?, pair.get(1)))
            })
            .collect())
    }
}

/// The bytes of a file from [`DirHandle::files`].
pub async fn read(file: &JsValue) -> Result<Vec<u8>, String> {
    let buffer: js_sys::ArrayBuffer = wait(read_handle(file)).await?.unchecked_into();
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
