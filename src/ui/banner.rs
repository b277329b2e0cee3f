//! The error banner. A panic in wasm kills the Yew app, so the hook draws a plain DOM
//! banner (a JavaScript snippet, no Yew and no call back into the dead module) saying
//! what happened, naming the article being read if there was one, with a Reload button;
//! before that, [`super::guard`] writes down what a reload needs to lose nothing.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The id of the banner element (tests look for it).
pub const BANNER_ID: &str = "error-banner";

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(module = "/src/ui/banner.js")]
extern "C" {
    #[wasm_bindgen(js_name = showBanner, catch)]
    fn show_banner(message: &str) -> Result<(), JsValue>;
}

/// Shows `message` in the banner, with a Reload button. Safe to call at any time.
pub fn show_error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    let _ = show_banner(message);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// Routes panics to the console and to the banner, after saving what a reload needs
/// (the article being read, the rest of its load, the pasted text). Installed through
/// Yew: its renderer replaces a hook set with `std::panic::set_hook` by its own, which
/// only logs (that is why a panic once left a dead page with no banner).
pub fn install_panic_banner() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let msg = crate::panic_text::panic_text(info);
        let article = super::guard::on_panic(&msg);
        show_error(&match article {
            Some(name) => format!(
                "Quoteline hit an internal error while reading “{name}” and stopped ({msg}). Reload the page: your saved articles are kept, the articles of this load read before “{name}” are added, and “{name}” is set aside with its text kept."
            ),
            None => format!(
                "Quoteline hit an internal error and stopped ({msg}). Reload the page: your saved articles and any pasted text are kept."
            ),
        });
    }));
}
