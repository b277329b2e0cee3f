//! The workspace in the browser's localStorage (one key, the same versioned JSON as an
//! export). A failed write (storage full) leaves what was stored untouched and says so;
//! an unreadable stored workspace is reported and left in place, never overwritten
//! silently. Native builds (SSR tests) have no storage: load gives an empty workspace.

use quoteline_core::formats::workspace::Workspace;

/// The localStorage key.
pub const KEY: &str = "quoteline.workspace";

/// The stored workspace, and a message if it could not be read.
pub fn load() -> (Workspace, Option<String>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return (Workspace::default(), None);
        };
        match store.get_item(KEY) {
            Ok(Some(json)) => match Workspace::from_json(&json) {
                Ok(ws) => (ws, None),
                Err(e) => (
                    Workspace::default(),
                    Some(format!(
                        "Your saved articles could not be read ({e}). They are still in browser storage; loading or importing articles will replace them."
                    )),
                ),
            },
            _ => (Workspace::default(), None),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    (Workspace::default(), None)
}

/// Saves the workspace. `Err` is a message for the user; what was stored before stays.
pub fn save(ws: &Workspace) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let store = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or("this browser gives the page no storage, so articles last only until the page is closed")?;
        if ws.articles.is_empty() && ws.mode == quoteline_core::formats::workspace::Mode::WithSeeds
        {
            return store
                .remove_item(KEY)
                .map_err(|_| "could not clear the saved articles".to_string());
        }
        let json = ws.to_json();
        store.set_item(KEY, &json).map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                format!(
                    "Browser storage is full ({:.1} MB needed): these articles are loaded for now but not saved, and what was saved before is unchanged. Export the workspace to keep them, or remove some articles.",
                    json.len() as f64 / 1e6
                )
            } else {
                format!("Could not save the articles ({name}); they are loaded for now. Export the workspace to keep them.")
            }
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ws;
        Ok(())
    }
}
