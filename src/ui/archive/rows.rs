//! The archive's page of results: the rows read so far (a page at a time, fetched
//! lazily), each a button that opens the statement (ids `st-N` by place, so the
//! explorer's keys move through them), the order, and "Show more" while shards are left.
//! Rows show as the explorer's list shows them (the same highlight functions).

use super::super::highlight::{render_marked, render_statement, term_ranges};
use quoteline_core::view::archive::{Order, Row};
use quoteline_core::view::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RowsProps {
    pub rows: Rc<Vec<Row>>,
    pub terms: Rc<Vec<String>>,
    /// The selected row's place.
    pub selected: Option<usize>,
    /// The opened statement's number (a row's, the address's or another outlet's): its
    /// row, if it is on this page, is marked `aria-current` and scrolled into view.
    pub opened: Option<u64>,
    pub order: Order,
    /// Whether a question is being answered (the list is `aria-busy`).
    pub busy: bool,
    /// Whether more rows can be read.
    pub more: bool,
    /// The search shown (for a reader of the page, and the tests: `data-search`).
    pub search: AttrValue,
    pub on_action: Callback<Action>,
    pub on_order: Callback<Order>,
    pub on_more: Callback<()>,
}

#[component]
pub fn Rows(props: &RowsProps) -> Html {
    let on_order = {
        let cb = props.on_order.clone();
        Callback::from(move |ev: Event| {
            let v = super::super::events::select_value(&ev);
            cb.emit(match v.as_deref() {
                Some("newest") => Order::Newest,
                _ => Order::Oldest,
            })
        })
    };
    let more = {
        let cb = props.on_more.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let newest = props.order == Order::Newest;
    // The opened statement's row, scrolled into view when it changes or arrives (a link,
    // Back, another outlet's rendering); `nearest`, so a row already in view stays put.
    let current = props
        .opened
        .and_then(|n| props.rows.iter().position(|r| r.number == n));
    use_effect_with(current, |at| {
        if let Some(el) =
            at.and_then(|at| gloo::utils::document().get_element_by_id(&format!("st-{at}")))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    html! {
        <main class="results" id="results" aria-busy={props.busy.to_string()} data-search={props.search.clone()}>
            <div class="toolbar">
                <label class="sort">{"Sort "}
                    <select onchange={on_order} aria-label="Sort statements">
                        <option value="oldest" selected={!newest}>{"Oldest first"}</option>
                        <option value="newest" selected={newest}>{"Newest first"}</option>
                    </select>
                </label>
            </div>
            if props.rows.is_empty() && !props.busy {
                <p class="empty">{"No statement matches these filters. Try fewer words or clear the filters."}</p>
            }
            <ol id="statement-list" class="statements" aria-label="Statements">
                { for props.rows.iter().enumerate().map(|(at, r)| {
                    let kind = r.entry.statement.kind.as_str();
                    let selected = props.selected == Some(at);
                    let opened = current == Some(at);
                    let cb = props.on_action.clone();
                    let onclick = Callback::from(move |_| cb.emit(Action::Select(Some(at))));
                    html! {
                        <li key={r.number.to_string()} class={classes!("statement", kind, (selected || opened).then_some("selected"))} aria-current={opened.then_some("true")} data-outlet={r.outlet.clone()} data-id={r.entry.id.clone()} data-number={r.number.to_string()} data-group={r.group.map(|g| g.to_string())}>
                            <button type="button" id={format!("st-{at}")} class="statement-button" aria-pressed={selected.to_string()} {onclick}>
                                <span class={classes!("words", kind, r.entry.statement.is_quote().then_some("quote"))}>
                                    { render_statement(&r.entry.statement, &r.text, &term_ranges(&r.text, &props.terms)) }
                                </span>
                                <span class="meta">
                                    <span class="speaker">{ render_marked(&r.speaker, &term_ranges(&r.speaker, &props.terms)) }</span>
                                    <span class="outlet">{&r.outlet}</span>
                                    <span class={classes!("kind", kind)}>{kind}</span>
                                    <span class="date">{ if r.entry.when.is_known() { r.entry.when.label() } else { "undated".to_string() } }</span>
                                </span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if props.more {
                <button type="button" class="tool" id="archive-more" onclick={more} disabled={props.busy}>{"Show more"}</button>
            }
        </main>
    }
}
