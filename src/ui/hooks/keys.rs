//! The page's keyboard shortcuts: `/` focuses search, `j`/`k` move through the results
//! (focusing the row), Esc closes the detail. Keys typed into a field are the field's.

use gloo::events::{EventListener, EventListenerOptions};
use quoteline_core::corpus::StatementId;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the element of id `id`, if there is one.
fn focus(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Whether a key event is typed into a field.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The result `j` (`down`) or `k` moves to from `selected` among `ids` (not empty).
fn step(ids: &[StatementId], selected: Option<StatementId>, down: bool) -> Option<StatementId> {
    let pos = selected.and_then(|s| ids.iter().position(|&i| i == s));
    let next = match (down, pos) {
        (true, Some(p)) => (p + 1).min(ids.len().saturating_sub(1)),
        (false, Some(p)) => p.saturating_sub(1),
        _ => 0,
    };
    ids.get(next).copied()
}

/// Listens for the shortcuts on the document for the component's lifetime; `results`
/// and `selected` are read as they are when a key is pressed.
#[hook]
pub fn use_keys(
    results: &Rc<Vec<StatementId>>,
    selected: Option<StatementId>,
    dispatch: Callback<Action>,
) {
    let live = use_mut_ref(|| (Rc::new(Vec::<StatementId>::new()), None::<StatementId>));
    *live.borrow_mut() = (results.clone(), selected);
    use_effect_with((), move |_| {
        // Not passive: `/` must not also type itself into the search box.
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                let key = ev.key();
                if key == "Escape" {
                    dispatch.emit(Action::Select(None));
                    return;
                }
                if typing(ev) {
                    return;
                }
                let (ids, selected) = live.borrow().clone();
                match key.as_str() {
                    "/" => {
                        ev.prevent_default();
                        focus("search");
                    }
                    "j" | "k" => {
                        if let Some(next) = step(&ids, selected, key == "j") {
                            dispatch.emit(Action::Select(Some(next)));
                            focus(&format!("st-{next}"));
                        }
                    }
                    _ => {}
                }
            },
        );
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn j_and_k_stop_at_the_ends_and_start_at_the_top() {
        let ids = [3, 5, 8];
        assert_eq!(step(&ids, None, true), Some(3));
        assert_eq!(step(&ids, None, false), Some(3));
        assert_eq!(step(&ids, Some(5), true), Some(8));
        assert_eq!(step(&ids, Some(8), true), Some(8));
        assert_eq!(step(&ids, Some(3), false), Some(3));
        assert_eq!(step(&ids, Some(99), true), Some(3));
        assert_eq!(step(&[], None, true), None);
    }
}
