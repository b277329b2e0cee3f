//! What the store's modules share: the open database (once opened), and the hint in
//! localStorage that tells the first page whether the store holds anything it must wait
//! for (articles, the mode "alone", an open corpus file), so that an empty workspace's
//! first page does not wait for IndexedDB.

use super::idb;
use std::cell::{Cell, RefCell};

/// localStorage: set while the store holds something the first page must wait for.
/// `assets/first-view.js` reads it by this name too (it hides the prerendered first view).
const HINT_KEY: &str = "quoteline.store.holds";

thread_local! {
    static DB: RefCell<Option<idb::Db>> = const { RefCell::new(None) };
    /// Whether an opened corpus file is kept.
    static HOLDS_OPENED: Cell<bool> = const { Cell::new(false) };
    /// Whether the workspace stored is more than the default (articles, or "alone").
    static HOLDS_WORKSPACE: Cell<bool> = const { Cell::new(false) };
}

/// The open database, if it was opened.
pub fn db() -> Option<idb::Db> {
    DB.with(|d| d.borrow().clone())
}

pub fn set_db(db: idb::Db) {
    DB.with(|d| *d.borrow_mut() = Some(db));
}

/// Whether the first page should wait for the store.
pub fn hinted() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(HINT_KEY).ok().flatten())
            .is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = HINT_KEY;
        false
    }
}

/// Records what the store holds, and keeps the hint true to it.
pub fn holds(workspace: Option<bool>, opened: Option<bool>) {
    if let Some(w) = workspace {
        HOLDS_WORKSPACE.with(|h| h.set(w));
    }
    if let Some(o) = opened {
        HOLDS_OPENED.with(|h| h.set(o));
    }
    let any = HOLDS_WORKSPACE.with(Cell::get) || HOLDS_OPENED.with(Cell::get);
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if any {
            s.set_item(HINT_KEY, "1")
        } else {
            s.remove_item(HINT_KEY)
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = any;
}
