//! The statement list: a toolbar (sort, export) and the statements, each with its words
//! (search hits marked), speaker, outlet, kind and a mark for attributions to review.
//! Keyed by statement id and virtualised: a list longer than [`MOUNT_ALL_UP_TO`] mounts
//! only a window of [`WINDOW`] rows around the viewport. Spacers above and below stand
//! for the rows left out, sized by the measured mean row height, so the page scrolls as
//! if every row were there.

use super::context::{CorpusHandle, PackBytes};
use super::highlight::{render_marked, render_statement, term_ranges};
use crate::protocol::ExportFormat;
use quoteline_core::corpus::StatementId;
use quoteline_core::view::state::{Action, Sort};
use std::rc::Rc;
use yew::prelude::*;

/// Rows mounted at once in a long list: about four screens of rows. Each row is a dozen
/// elements, and a keystroke that changes the results rebuilds most of them, so this
/// bounds a keystroke's work at any size. (At 50,000 statements, 120 rows took a keystroke
/// 77 ms to the next frame, 60 rows 48 ms.)
pub const WINDOW: usize = 60;
/// A list this long or shorter is mounted whole (the seed corpus, a narrow filter), so
/// the browser's find-in-page and a screen reader's list navigation reach every row.
pub const MOUNT_ALL_UP_TO: usize = 120;
/// Rows kept mounted above the first visible one.
const OVERSCAN: usize = 15;
/// The window moves in steps of this many rows, so small scrolls do not re-render.
const STEP: usize = 15;

/// How many rows a list of `total` mounts at once.
pub fn window_len(total: usize) -> usize {
    if total <= MOUNT_ALL_UP_TO {
        total
    } else {
        WINDOW
    }
}

/// Where the window starts for a first visible row.
fn window_start(first_visible: usize, total: usize) -> usize {
    let max = total.saturating_sub(window_len(total)).div_ceil(STEP) * STEP;
    (first_visible.saturating_sub(OVERSCAN) / STEP * STEP).min(max)
}

#[derive(Properties, PartialEq)]
pub struct StatementListProps {
    pub results: Rc<Vec<StatementId>>,
    pub terms: Rc<Vec<String>>,
    pub selected: Option<StatementId>,
    pub sort: Sort,
    /// The corpus file shown (with its cross-outlet groups): the loader worker writes
    /// the exports from it. Without one (a corpus given whole, a test's) an export
    /// says it cannot be made.
    #[prop_or_default]
    pub pack: Option<PackBytes>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn StatementList(props: &StatementListProps) -> Html {
    let start_state = use_state(|| 0usize);
    let status = use_state(String::new);
    // Mean height of a mounted row in px, measured after each render.
    let row_height = use_mut_ref(|| 72.0f64);
    let total = props.results.len();
    // The window follows the selection when it moves outside (j/k, a timeline click).
    let selected_pos = props
        .selected
        .and_then(|s| props.results.iter().position(|&i| i == s));
    {
        let start_state = start_state.clone();
        use_effect_with(selected_pos, move |pos| {
            if let Some(p) = *pos {
                if p < *start_state || p >= *start_state + window_len(total) {
                    start_state.set(window_start(p, usize::MAX));
                }
            }
        });
    }
    use_virtual_scroll(start_state.clone(), row_height, total, props.selected);
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! { <main class="results"><p>{"No corpus loaded."}</p></main> };
    };
    let on_sort = {
        let cb = props.on_action.clone();
        Callback::from(move |ev: Event| {
            if let Some(s) = super::events::select_value(&ev).and_then(|v| Sort::parse(&v)) {
                cb.emit(Action::SetSort(s));
            }
        })
    };
    let export = |format: ExportFormat| {
        let ids = props.results.clone();
        let pack = props.pack.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let (ids, pack, status) = (ids.clone(), pack.clone(), status.clone());
            let (ext, mime) = match format {
                ExportFormat::Csv => ("csv", "text/csv"),
                ExportFormat::Json => ("json", "application/json"),
            };
            status.set(format!("Exporting {} statements…", ids.len()));
            wasm_bindgen_futures::spawn_local(async move {
                let result = match pack {
                    Some(pack) => super::worker::export(format, &pack.0, &ids).await,
                    None => Err("this corpus has no corpus file to export from".into()),
                };
                let result = result.and_then(|content| offer(ext, mime, &content));
                status.set(match result {
                    Ok(()) => format!(
                        "Exported {} statement{} as {}.",
                        ids.len(),
                        if ids.len() == 1 { "" } else { "s" },
                        ext.to_uppercase()
                    ),
                    Err(e) => format!("Export failed: {e}."),
                });
            });
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
            <button type="button" class="tool" onclick={export(ExportFormat::Csv)} disabled={props.results.is_empty()}>{"Export CSV"}</button>
            <button type="button" class="tool" onclick={export(ExportFormat::Json)} disabled={props.results.is_empty()}>{"Export JSON"}</button>
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
    let start = (*start_state).min(window_start(total, total));
    let end = (start + window_len(total)).min(total);
    // A list mounted whole needs no position (the browser counts its rows); a window of
    // a longer one tells assistive technology where its rows stand in the whole. (Set on
    // every row, both change at every keystroke that changes the results.)
    let windowed = window_len(total) < total;
    let setsize = total.to_string();
    html! {
        <main class="results" id="results">
            {toolbar}
            <div id="list-before" class="list-spacer" aria-hidden="true" />
            <ol id="statement-list" class="statements" aria-label="Statements" start={(start + 1).to_string()}>
                { for props.results[start..end].iter().enumerate().map(|(k, &id)| {
                    let e = &corpus.entries[id];
                    let art = &corpus.articles[e.article];
                    let sp = &corpus.speakers[e.speaker];
                    let text = corpus.text_of(e);
                    let kind = e.statement.kind.as_str();
                    let selected = props.selected == Some(id);
                    let cb = props.on_action.clone();
                    let onclick = Callback::from(move |_| cb.emit(Action::Select(Some(id))));
                    html! {
                        <li key={e.id.clone()} class={classes!("statement", kind, selected.then_some("selected"))} data-outlet={art.outlet.clone()} data-id={e.id.clone()} aria-setsize={windowed.then(|| setsize.clone())} aria-posinset={windowed.then(|| (start + k + 1).to_string())}>
                            <button type="button" id={format!("st-{id}")} class="statement-button" aria-pressed={selected.to_string()} {onclick}>
                                // Quotation marks around quoted words come from the style sheet:
                                // two elements fewer per row, and not copied with the words.
                                <span class={classes!("words", kind, e.statement.is_quote().then_some("quote"))}>
                                    { render_statement(&e.statement, text, &term_ranges(text, &props.terms)) }
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
            <div id="list-after" class="list-spacer" aria-hidden="true" />
            if end - start < total {
                <p class="print-only">{format!("Printed: statements {}–{} of {}, the ones on screen. Export CSV or JSON for all of them.", start + 1, end, total)}</p>
            }
        </main>
    }
}

/// After each render: measure the mean row height, size the spacers, move keyboard focus
/// to a newly selected row when the focus is already in the list, and re-place the window
/// for the scroll position. A window scroll or resize re-places it too. (Effects do not
/// run in server-side rendering, which renders the first window as is.)
#[hook]
fn use_virtual_scroll(
    start: UseStateHandle<usize>,
    row_height: Rc<std::cell::RefCell<f64>>,
    total: usize,
    selected: Option<StatementId>,
) {
    use gloo::events::EventListener;
    use wasm_bindgen::JsCast;
    let live = use_mut_ref(|| (0usize, 0usize));
    *live.borrow_mut() = (total, *start);
    let focused_for = use_mut_ref(|| None::<StatementId>);
    let place: Rc<dyn Fn()> = {
        let setter = start.setter();
        let live = live.clone();
        let row_height = row_height.clone();
        Rc::new(move || {
            let (total, current) = *live.borrow();
            let Some(before) = gloo::utils::document().get_element_by_id("list-before") else {
                return;
            };
            let top = before.get_bounding_client_rect().top();
            let h = (*row_height.borrow()).max(1.0);
            let first = if top >= 0.0 { 0 } else { (-top / h) as usize };
            let want = window_start(first.min(total), total);
            if want != current {
                live.borrow_mut().1 = want;
                setter.set(want);
            }
        })
    };
    {
        let place = place.clone();
        use_effect_with((), move |_| {
            let win = gloo::utils::window();
            let on_scroll = {
                let p = place.clone();
                EventListener::new(&win, "scroll", move |_| p())
            };
            let on_resize = EventListener::new(&win, "resize", move |_| place());
            move || drop((on_scroll, on_resize))
        });
    }
    use_effect(move || {
        let doc = gloo::utils::document();
        let (total, start) = *live.borrow();
        let start = start.min(window_start(total, total));
        let end = (start + window_len(total)).min(total);
        // A list mounted whole has no window to place: reading its size here would only
        // force a layout of the page in the middle of the render (the list's rows are
        // measured when a longer list needs them).
        let whole = window_len(total) == total;
        if let Some(ol) = doc.get_element_by_id("statement-list").filter(|_| !whole) {
            let mounted = end.saturating_sub(start);
            let h = ol.get_bounding_client_rect().height();
            if mounted > 0 && h > 0.0 {
                *row_height.borrow_mut() = h / mounted as f64;
            }
        }
        let h = *row_height.borrow();
        let set_height = |id: &str, px: f64| {
            if let Some(el) = doc
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.style().set_property(
                    "height",
                    &format!("{}px", quoteline_core::text::number::fixed(px, 0)),
                );
            }
        };
        set_height("list-before", start as f64 * h);
        set_height("list-after", total.saturating_sub(end) as f64 * h);
        if selected != *focused_for.borrow() {
            match selected {
                None => *focused_for.borrow_mut() = None,
                Some(id) => {
                    if let Some(button) = doc
                        .get_element_by_id(&format!("st-{id}"))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let in_list = doc.active_element().is_none_or(|a| {
                            a.get_attribute("class") // not `class_name`: an SVG element's is no string
                                .is_some_and(|c| {
                                    c.split_whitespace().any(|c| c == "statement-button")
                                })
                                || a.tag_name() == "BODY"
                        });
                        if in_list {
                            let _ = button.focus();
                        }
                        *focused_for.borrow_mut() = selected;
                    }
                }
            }
        }
        if !whole {
            place();
        }
    });
}

/// Offers an export as the download `quoteline-statements.{ext}`.
fn offer(ext: &str, mime: &str, content: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    return super::export::download(&format!("quoteline-statements.{ext}"), mime, content)
        .map_err(|e| e.to_string());
    // No downloads in server rendering (ui::export is browser-only).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ext, mime, content);
        Ok(())
    }
}
