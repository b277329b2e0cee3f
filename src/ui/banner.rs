//! The error banner. A panic in wasm kills the Yew app, so the hook writes a plain DOM
//! banner (no Yew involved) telling the user what happened instead of leaving a blank page.

use wasm_bindgen::JsCast;

/// The id of the banner element (tests look for it).
pub const BANNER_ID: &str = "error-banner";

/// Shows `message` in the banner, creating it if needed. Safe to call at any time.
pub fn show_error(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let el = match doc.get_element_by_id(BANNER_ID) {
        Some(el) => el,
        None => {
            let Ok(el) = doc.create_element("div") else {
                return;
            };
            el.set_id(BANNER_ID);
            let _ = el.set_attribute("role", "alert");
            let _ = el.set_attribute("class", "error-banner");
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&el);
            }
            el
        }
    };
    el.set_text_content(Some(message));
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// Routes panics to the console and to the banner.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        show_error(&format!("Quoteline hit an internal error and stopped: {msg}. Reload the page to start again; your loaded articles are kept."));
    }));
}
