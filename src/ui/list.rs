//! The statement list: a toolbar (sort, export) and the statements, each with its words
//! (search hits marked), speaker, outlet, kind and a mark for attributions to review.
//! Keyed by statement id; paged, so that at most [`PAGE`] rows are ever mounted.

use super::app::CorpusHandle;
use super::highlight::{render_marked, term_ranges};
use crate::core::corpus::StatementId;
use crate::core::session::{export_csv, export_json, Action, Sort};
use std::rc::Rc;
use yew::prelude::*;

/// Rows mounted at once.
pub const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct StatementListProps {
    pub results: Rc<Vec<StatementId>>,
    pub terms: Rc<Vec<String>>,
    pub selected: Option<StatementId>,
    pub sort: Sort,
    pub on_action: Callback<Action>,
}

#[component]
pub fn StatementList(props: &StatementListProps) -> Html {
    let page = use_state(|| 0usize);
    let status = use_state(String::new);
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! { <main class="results"><p>{"No corpus loaded."}</p></main> };
    };
    let pages = props.results.len().div_ceil(PAGE).max(1);
    // The page follows the selection (j/k across a page boundary), and stays in range.
    let mut current = (*page).min(pages - 1);
    if let Some(pos) = props
        .selected
        .and_then(|s| props.results.iter().position(|&i| i == s))
    {
        current = pos / PAGE;
    }
    let on_sort = {
        let cb = props.on_action.clone();
        Callback::from(move |ev: Event| {
            if let Some(s) = super::select_value(&ev).and_then(|v| Sort::parse(&v)) {
                cb.emit(Action::SetSort(s));
            }
        })
    };
    let export = |fmt: &'static str| {
        let corpus = corpus.clone();
        let ids = props.results.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let (content, mime) = if fmt == "csv" {
                (export_csv(&corpus, &ids), "text/csv")
            } else {
                (export_json(&corpus, &ids), "application/json")
            };
            #[cfg(target_arch = "wasm32")]
            let result =
                super::export::download(&format!("quoteline-statements.{fmt}"), mime, &content);
            #[cfg(not(target_arch = "wasm32"))]
            let result: Result<(), String> = {
                let _ = (mime, &content);
                Ok(())
            };
            status.set(match result {
                Ok(()) => format!(
                    "Exported {} statements as {}.",
                    ids.len(),
                    fmt.to_uppercase()
                ),
                Err(e) => format!("Export failed: {e}."),
            });
        })
    };
    let goto = |p: usize| {
        let page = page.clone();
        let cb = props.on_action.clone();
        Callback::from(move |_| {
            page.set(p);
            cb.emit(Action::Select(None));
        })
    };
    let toolbar = html! {
        <div class="toolbar">
            <label class="sort">{"Sort "}
                <select onchange={on_sort} aria-label="Sort statements">
                    { for Sort::ALL.iter().map(|s| html! { <option value={s.as_str()} selected={*s == props.sort}>{s.label()}</option> }) }
                </select>
            </label>
            <span class="spacer" />
            <button type="button" class="tool" onclick={export("csv")} disabled={props.results.is_empty()}>{"Export CSV"}</button>
            <button type="button" class="tool" onclick={export("json")} disabled={props.results.is_empty()}>{"Export JSON"}</button>
            <span class="status" role="status">{(*status).clone()}</span>
        </div>
    };
    if props.results.is_empty() {
        return html! {
            <main class="results" id="results">
                {toolbar}
                <p class="empty">{"No statement matches these filters. Try fewer words or clear the filters."}</p>
            </main>
        };
    }
    let start = current * PAGE;
    let end = (start + PAGE).min(props.results.len());
    html! {
        <main class="results" id="results">
            {toolbar}
            <ol class="statements" aria-label="Statements" start={(start + 1).to_string()}>
                { for props.results[start..end].iter().map(|&id| {
                    let e = &corpus.entries[id];
                    let art = &corpus.articles[e.article];
                    let sp = &corpus.speakers[e.speaker];
                    let text = corpus.text_of(e);
                    let kind = e.statement.kind.as_str();
                    let selected = props.selected == Some(id);
                    let cb = props.on_action.clone();
                    let onclick = Callback::from(move |_| cb.emit(Action::Select(Some(id))));
                    html! {
                        <li key={e.id.clone()} class={classes!("statement", kind, selected.then_some("selected"))} data-outlet={art.outlet.clone()} data-id={e.id.clone()}>
                            <button type="button" id={format!("st-{id}")} class="statement-button" aria-pressed={selected.to_string()} {onclick}>
                                <span class={classes!("words", kind)}>
                                    if kind != "indirect" { <span class="mark" aria-hidden="true">{"“"}</span> }
                                    { render_marked(text, &term_ranges(text, &props.terms)) }
                                    if kind != "indirect" { <span class="mark" aria-hidden="true">{"”"}</span> }
                                </span>
                                <span class="meta">
                                    <span class="speaker">{ render_marked(&sp.name, &term_ranges(&sp.name, &props.terms)) }</span>
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
            if pages > 1 {
                <nav class="pager" aria-label="Pages of statements">
                    <button type="button" class="tool" disabled={current == 0} onclick={goto(current.saturating_sub(1))}>{"Previous"}</button>
                    <span>{format!("{}–{} of {}", start + 1, end, props.results.len())}</span>
                    <button type="button" class="tool" disabled={current + 1 >= pages} onclick={goto(current + 1)}>{"Next"}</button>
                </nav>
            }
        </main>
    }
}
