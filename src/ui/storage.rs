//! The workspace in the browser's localStorage (one key, the same versioned JSON as an
//! export, compact, written a few articles at a time between frames when the page saves
//! after a change). A failed write (storage full) leaves what was stored untouched and says so;
//! an unreadable stored workspace is reported and left in place, never overwritten
//! silently. Native builds (SSR tests) have no storage: load gives an empty workspace.

use quoteline_core::formats::workspace::{Workspace, WorkspaceError};

/// The localStorage key.
pub const KEY: &str = "quoteline.workspace";

/// Why the workspace could not be saved, or the stored one read. Its `Display` is the
/// message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives the page no storage.
    NoStorage,
    /// Removing the stored workspace (nothing left to save) failed.
    NotCleared,
    /// Storage is full: the size of the workspace that did not fit, in bytes.
    Full { bytes: usize },
    /// The write failed otherwise: the browser's name for the failure.
    NotSaved { reason: String },
    /// The stored workspace could not be read, and why (it stays in storage).
    Unreadable(WorkspaceError),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::NoStorage => f.write_str(
                "this browser gives the page no storage, so articles last only until the page is closed",
            ),
            StorageError::NotCleared => f.write_str("could not clear the saved articles"),
            StorageError::Full { bytes } => write!(
                f,
                "Browser storage is full ({:.1} MB needed): these articles are loaded for now but not saved, and what was saved before is unchanged. Export the workspace to keep them, or remove some articles.",
                *bytes as f64 / 1e6
            ),
            StorageError::NotSaved { reason } => write!(
                f,
                "Could not save the articles ({reason}); they are loaded for now. Export the workspace to keep them."
            ),
            StorageError::Unreadable(e) => write!(
                f,
                "Your saved articles could not be read ({e}). They are still in browser storage; loading or importing articles will replace them."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// A view shows the error as its message (`<span>{e}</span>`), as it shows a string.
impl yew::html::IntoPropValue<yew::virtual_dom::VNode> for &StorageError {
    fn into_prop_value(self) -> yew::virtual_dom::VNode {
        yew::virtual_dom::VText::new(self.to_string()).into()
    }
}

/// The stored workspace, and why it could not be read, if it could not.
pub fn load() -> (Workspace, Option<StorageError>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return (Workspace::default(), None);
        };
        match store.get_item(KEY) {
            Ok(Some(json)) => match Workspace::from_json(&json) {
                Ok(ws) => (ws, None),
                Err(e) => (Workspace::default(), Some(StorageError::Unreadable(e))),
            },
            _ => (Workspace::default(), None),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    (Workspace::default(), None)
}

/// Saves the workspace. On `Err`, what was stored before stays.
pub fn save(ws: &Workspace) -> Result<(), StorageError> {
    #[cfg(target_arch = "wasm32")]
    {
        let store = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(StorageError::NoStorage)?;
        if ws.articles.is_empty() && ws.mode == quoteline_core::formats::workspace::Mode::WithSeeds
        {
            return store.remove_item(KEY).map_err(|_| StorageError::NotCleared);
        }
        write(&store, &ws.to_json())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ws;
        Ok(())
    }
}

/// How long a slice of [`save_in_slices`] writes before the page gets a turn.
#[cfg(target_arch = "wasm32")]
const SLICE_MS: f64 = 12.0;

/// Saves the workspace as [`save`] does, its JSON written a few articles at a time with
/// the page's turn between (a load of thousands of articles is megabytes of JSON).
/// `None`: `wanted` said, between two slices, that this save is no longer wanted (a
/// newer one follows), and nothing was written.
pub async fn save_in_slices(
    ws: &Workspace,
    wanted: impl Fn() -> bool,
) -> Option<Result<(), StorageError>> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return Some(Err(StorageError::NoStorage));
        };
        if ws.articles.is_empty() && ws.mode == quoteline_core::formats::workspace::Mode::WithSeeds
        {
            return Some(store.remove_item(KEY).map_err(|_| StorageError::NotCleared));
        }
        let mut json = String::new();
        let mut started = js_sys::Date::now();
        for piece in ws.json_pieces() {
            json.push_str(&piece);
            if js_sys::Date::now() - started >= SLICE_MS {
                super::context::next_task().await;
                if !wanted() {
                    return None;
                }
                started = js_sys::Date::now();
            }
        }
        // (A newer save may have written while this one was in slices.)
        if !wanted() {
            return None;
        }
        Some(write(&store, &json))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = wanted;
        Some(save(ws))
    }
}

/// Writes the workspace's JSON; on `Err`, what was stored before stays.
#[cfg(target_arch = "wasm32")]
fn write(store: &web_sys::Storage, json: &str) -> Result<(), StorageError> {
    use wasm_bindgen::JsCast;
    store.set_item(KEY, json).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::Full { bytes: json.len() }
        } else {
            StorageError::NotSaved { reason: name }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message says what happened to the articles, in the words the app has
    /// always shown; an unreadable workspace says why (its field, from the engine).
    #[test]
    fn each_error_says_what_happened() {
        let unreadable = Workspace::from_json("{\"format\": \"other\"}").unwrap_err();
        let cases = [
            (StorageError::NoStorage, "this browser gives the page no storage, so articles last only until the page is closed"),
            (StorageError::NotCleared, "could not clear the saved articles"),
            (StorageError::Full { bytes: 6_200_000 }, "Browser storage is full (6.2 MB needed): these articles are loaded for now but not saved, and what was saved before is unchanged. Export the workspace to keep them, or remove some articles."),
            (StorageError::NotSaved { reason: "SecurityError".into() }, "Could not save the articles (SecurityError); they are loaded for now. Export the workspace to keep them."),
            (StorageError::Unreadable(unreadable), "Your saved articles could not be read (not a Quoteline workspace (its \"format\" is \"other\", not \"quoteline-workspace\")). They are still in browser storage; loading or importing articles will replace them."),
        ];
        for (e, message) in cases {
            assert_eq!(e.to_string(), message);
        }
    }
}
