//! The root component: builds the corpus once, owns the one reducer of UI state, derives
//! results and facet counts with `use_memo`, and wires the global keyboard shortcuts.

use super::detail::DetailPanel;
use super::filters::FilterPanel;
use super::list::StatementList;
use crate::core::corpus::{Corpus, StatementId};
use crate::core::session::{Action, AppState};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The corpus, shared by pointer: equality is `Rc::ptr_eq`, never a deep compare.
#[derive(Clone)]
pub struct CorpusHandle(pub Rc<Corpus>);

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The reducer's state: the pure [`AppState`], returned as the same `Rc` when nothing changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState(pub AppState);

impl Reducible for UiState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.0.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Props for [`App`]; the corpus defaults to the embedded seeds.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub corpus: Option<CorpusHandle>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let corpus = {
        let given = props.corpus.clone();
        use_memo((), move |_| given.map(|c| c.0).unwrap_or_else(|| Rc::new(crate::seed_corpus())))
    };
    let corpus: Rc<Corpus> = (*corpus).clone();
    let handle = CorpusHandle(corpus.clone());
    let state = use_reducer(UiState::default);
    let results: Rc<Vec<StatementId>> = use_memo((handle.clone(), state.0.clone()), |(c, s)| s.results(&c.0));
    let facets = use_memo((handle.clone(), state.0.clone()), |(c, s)| s.facet_counts(&c.0));

    // Keyboard: `/` focuses search, j/k move through results, Esc closes the detail.
    let live = use_mut_ref(|| (Vec::<StatementId>::new(), None::<StatementId>));
    *live.borrow_mut() = ((*results).clone(), state.0.selected);
    {
        let dispatcher = state.dispatcher();
        let live = live.clone();
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            // Not passive: `/` must not also type itself into the search box.
            let listener = EventListener::new_with_options(&doc, "keydown", EventListenerOptions::enable_prevent_default(), move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                let typing = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                let key = ev.key();
                if key == "Escape" {
                    dispatcher.dispatch(Action::Select(None));
                    return;
                }
                if typing {
                    return;
                }
                let (ids, selected) = live.borrow().clone();
                match key.as_str() {
                    "/" => {
                        ev.prevent_default();
                        if let Some(el) = gloo::utils::document().get_element_by_id("search").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let _ = el.focus();
                        }
                    }
                    "j" | "k" if !ids.is_empty() => {
                        let pos = selected.and_then(|s| ids.iter().position(|&i| i == s));
                        let next = match (key.as_str(), pos) {
                            ("j", Some(p)) => (p + 1).min(ids.len() - 1),
                            ("k", Some(p)) => p.saturating_sub(1),
                            _ => 0,
                        };
                        dispatcher.dispatch(Action::Select(Some(ids[next])));
                        if let Some(el) = gloo::utils::document().get_element_by_id(&format!("st-{}", ids[next])).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let _ = el.focus();
                        }
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    let on_search = {
        let d = state.dispatcher();
        Callback::from(move |ev: InputEvent| {
            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                d.dispatch(Action::Search(input.value()));
            }
        })
    };
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let total = corpus.entries.len();
    let shown = results.len();
    html! {
        <ContextProvider<CorpusHandle> context={handle.clone()}>
            <div class="app">
                <header class="topbar">
                    <div class="brand">
                        <h1>{"Quoteline"}</h1>
                        <p class="tagline">{"Who said what, when, and how each outlet reported it"}</p>
                    </div>
                    <div class="searchbox">
                        <label for="search" class="visually-hidden">{"Search statements and speakers"}</label>
                        <input id="search" type="search" placeholder="Search words or speakers  ( / )" value={state.0.search.clone()} oninput={on_search} autocomplete="off" />
                    </div>
                    <p class="count" aria-live="polite" id="result-count">
                        {format!("{shown} of {total} statements · {} articles", corpus.articles.len())}
                    </p>
                </header>
                <div class="layout">
                    <FilterPanel facets={facets.clone()} state={state.0.clone()} on_action={dispatch.clone()} />
                    <StatementList results={results.clone()} terms={Rc::new(state.0.search_terms())} selected={state.0.selected} on_action={dispatch.clone()} />
                    <DetailPanel selected={state.0.selected} on_action={dispatch} />
                </div>
            </div>
        </ContextProvider<CorpusHandle>>
    }
}
