//! The handover from the prerendered first view to the explorer. index.html holds the
//! seeds' default view as HTML (`assets/first-view.html`, rendered from [`App`] by
//! `tests/first_view.rs`), inert and busy, with a status line saying the explorer is
//! loading. When the wasm is ready, [`mount`] renders the explorer just before it, and
//! [`Explorer`]'s first render takes it out: the swap is done before the next frame, and
//! the explorer's first frame lays out as the prerender did, so nothing flashes and the
//! scroll position stays.

use super::app::App;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The page's scroll position when the explorer was mounted (before anything moved).
    static SCROLL: std::cell::Cell<(f64, f64)> = const { std::cell::Cell::new((0.0, 0.0)) };
}

/// The id of the prerendered view's element.
pub const ID: &str = "first-view";
/// The class of its status line ("Loading the explorer…").
pub const STATUS_CLASS: &str = "first-view-status";
/// The class of the App's prerendered markup (inert and `aria-busy` until replaced).
pub const APP_CLASS: &str = "first-view-app";

/// Renders [`Explorer`] into a new element placed before the prerendered view, or into
/// `<body>` when the page has none (a build without it, `make serve` before a refresh).
pub fn mount() {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        if let Some(w) = web_sys::window() {
            SCROLL.with(|s| s.set((w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))));
        }
        let prerendered = document.get_element_by_id(ID);
        let root = prerendered.as_ref().and_then(|p| {
            let root = document.create_element("div").ok()?;
            p.parent_node()?.insert_before(&root, Some(p)).ok()?;
            Some(root)
        });
        match root {
            Some(root) => yew::Renderer::<Explorer>::with_root(root).render(),
            None => yew::Renderer::<Explorer>::new().render(),
        };
    }
}

/// Takes the prerendered view out of the page. Called in the explorer's first render: the
/// scheduler does not yield to the browser while renders are pending, so the explorer's
/// own markup is in place before the next frame, and no frame shows both views (a page
/// twice as long to lay out) or neither.
fn take_out() {
    #[cfg(target_arch = "wasm32")]
    if let Some(prerendered) = gloo::utils::document().get_element_by_id(ID) {
        prerendered.remove();
    }
}

/// Puts the page back where it was scrolled to when the explorer was mounted, if the
/// swap moved it (scroll anchoring, or a layout read while the page was short).
fn keep_scroll() {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let (x, y) = SCROLL.with(std::cell::Cell::get);
        let now = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        if now != (x, y) {
            window.scroll_to_with_x_and_y(x, y);
        }
    }
}

/// The explorer as the page starts it: [`App`], whose first render replaces the
/// prerendered view.
#[component]
pub fn Explorer() -> Html {
    use_memo((), |_| take_out());
    use_effect_with((), |_| keep_scroll());
    html! { <App /> }
}
