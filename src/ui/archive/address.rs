//! The archive view in the page's address: its filters, order and opened statement in
//! the fragment (the core's `view::archive::link`, in the explorer's link shape), read
//! when the view opens and on back/forward, written on change: `replaceState` while the
//! search is typed, `pushState` for anything else (a facet, the order, a date range, a
//! statement opened), so a reload restores the view and Back the one before. A write
//! waits for the frame that shows the change (Chromium's `pushState` takes about 7 ms,
//! which in front of the paint made every facet click that much slower).

use crate::ui::context::after_next_paint;
use gloo::events::EventListener;
use quoteline_core::view::archive::link::{params, read, Terms, View};
use quoteline_core::view::link::{fragment_to_params, params_to_fragment};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The view the address's fragment names (the default view without one).
pub fn read_address(terms: &Terms, statements: u64) -> View {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    read(&fragment_to_params(&hash), terms, statements)
}

/// The fragment of `view`, with its `#` (empty for the default view).
fn fragment(view: &View, terms: &Terms) -> String {
    let f = params_to_fragment(&params(view, terms));
    if f.is_empty() {
        f
    } else {
        format!("#{f}")
    }
}

/// Writes `view` into the address if it differs from it: a new history entry, or in
/// place of the current one (`replace`).
fn write(view: &View, terms: &Terms, replace: bool) {
    let Some(w) = web_sys::window() else { return };
    let want = fragment(view, terms);
    if want == w.location().hash().unwrap_or_default() {
        return;
    }
    let Ok(history) = w.history() else { return };
    let url = w.location().pathname().unwrap_or_default()
        + &w.location().search().unwrap_or_default()
        + &want;
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Keeps the address in step with `view` (the first view is the address's own), and
/// hands the address's view to `restore` on back and forward.
#[hook]
pub fn use_address(view: &View, terms: Rc<Terms>, statements: u64, restore: Callback<View>) {
    let last = use_mut_ref(|| view.clone());
    // The write waiting for the next frame: the latest view, and whether it replaces
    // the entry (only if every change since the last write did).
    let waiting: Rc<RefCell<Option<(View, bool)>>> = use_mut_ref(|| None);
    {
        let (last, terms, waiting) = (last.clone(), terms.clone(), waiting.clone());
        use_effect_with(view.clone(), move |now| {
            if *last.borrow() == *now {
                return;
            }
            // Typing changes the search alone: one entry for the whole word.
            let mut typed = last.borrow().clone();
            typed.filters.search = now.filters.search.clone();
            let replace = typed == *now;
            *last.borrow_mut() = now.clone();
            let before = waiting.borrow_mut().take();
            let scheduled = before.is_some();
            let replace = replace && before.is_none_or(|(_, r)| r);
            *waiting.borrow_mut() = Some((now.clone(), replace));
            if !scheduled {
                after_next_paint(move || {
                    if let Some((v, replace)) = waiting.borrow_mut().take() {
                        write(&v, &terms, replace);
                    }
                });
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            // A write still waiting belongs to the entry that was left.
            waiting.borrow_mut().take();
            let back = read_address(&terms, statements);
            // The restored view is the address already: nothing to write for it (the
            // view compared next is its filters without their notice).
            let mut shown = back.clone();
            shown.filters.notice = None;
            *last.borrow_mut() = shown;
            restore.emit(back);
        });
        move || drop(listener)
    });
}
