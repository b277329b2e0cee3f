//! The view in the URL fragment: read on load and on back/forward, written on change
//! (`pushState` for discrete changes, `replaceState` while typing a search), so that a
//! reload restores the view and a copied link reproduces it. Works from `file://` too.

use quoteline_core::corpus::Corpus;
use quoteline_core::view::link::{fragment_to_params, params_to_fragment};
use quoteline_core::view::state::AppState;

/// The state encoded in the current URL's fragment (default view when there is none).
pub fn read(corpus: &Corpus) -> AppState {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        AppState::from_params(&fragment_to_params(&hash), corpus)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (corpus, fragment_to_params);
        AppState::default()
    }
}

/// The fragment for a state, with the leading `#` (or empty for the default view).
pub fn fragment(state: &AppState, corpus: &Corpus) -> String {
    let f = params_to_fragment(&state.to_params(corpus));
    if f.is_empty() {
        String::new()
    } else {
        format!("#{f}")
    }
}

/// Writes the state into the URL if it differs; `replace` for in-progress typing.
pub fn write(state: &AppState, corpus: &Corpus, replace: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(w) = web_sys::window() else { return };
        let want = fragment(state, corpus);
        let have = w.location().hash().unwrap_or_default();
        if want == have || (want.is_empty() && have.is_empty()) {
            return;
        }
        let Ok(history) = w.history() else { return };
        let path = w.location().pathname().unwrap_or_default()
            + &w.location().search().unwrap_or_default();
        let url = if want.is_empty() {
            path
        } else {
            format!("{path}{want}")
        };
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (state, corpus, replace);
    }
}
