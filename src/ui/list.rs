//! The statement list: each statement's words (search hits marked), speaker, outlet, kind
//! and a mark for attributions to review. Keyed by statement id.

use super::app::CorpusHandle;
use super::highlight::{render_marked, term_ranges};
use crate::core::corpus::StatementId;
use crate::core::session::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementListProps {
    pub results: Rc<Vec<StatementId>>,
    pub terms: Rc<Vec<String>>,
    pub selected: Option<StatementId>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn StatementList(props: &StatementListProps) -> Html {
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! { <main class="results"><p>{"No corpus loaded."}</p></main> };
    };
    if props.results.is_empty() {
        return html! {
            <main class="results" id="results">
                <p class="empty">{"No statement matches these filters. Try fewer words or clear the filters."}</p>
            </main>
        };
    }
    html! {
        <main class="results" id="results">
            <ol class="statements" aria-label="Statements">
                { for props.results.iter().map(|&id| {
                    let e = &corpus.entries[id];
                    let art = &corpus.articles[e.article];
                    let sp = &corpus.speakers[e.speaker];
                    let text = corpus.text_of(e);
                    let kind = e.statement.kind.as_str();
                    let selected = props.selected == Some(id);
                    let cb = props.on_action.clone();
                    let onclick = Callback::from(move |_| cb.emit(Action::Select(Some(id))));
                    let speaker_ranges = term_ranges(&sp.name, &props.terms);
                    html! {
                        <li key={e.id.clone()} class={classes!("statement", kind, selected.then_some("selected"))} data-outlet={art.outlet.clone()} data-id={e.id.clone()}>
                            <button type="button" id={format!("st-{id}")} class="statement-button" aria-pressed={selected.to_string()} {onclick}>
                                <span class={classes!("words", kind)}>
                                    if kind != "indirect" { <span class="mark" aria-hidden="true">{"“"}</span> }
                                    { render_marked(text, &term_ranges(text, &props.terms)) }
                                    if kind != "indirect" { <span class="mark" aria-hidden="true">{"”"}</span> }
                                </span>
                                <span class="meta">
                                    <span class="speaker">{ render_marked(&sp.name, &speaker_ranges) }</span>
                                    <span class="outlet">{&art.outlet}</span>
                                    <span class={classes!("kind", kind)}>{kind}</span>
                                    if e.statement.is_low_confidence() {
                                        <span class="review" title="Low-confidence attribution: check the source">{"review"}</span>
                                    }
                                </span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </main>
    }
}
