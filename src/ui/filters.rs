//! The filter panel: the registry's facets (outlet, speaker, kind, topic, affiliation)
//! with live counts (OR within a facet, AND across). The active filters' chips are
//! `chips`.

use quoteline_core::view::facet::{ByFacet, Facet};
use quoteline_core::view::facets::Facets;
use quoteline_core::view::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub facets: Rc<Facets>,
    pub state: AppState,
    pub on_action: Callback<Action>,
}

/// How many values a long facet shows before "show all".
const SHORT_LIST: usize = 8;

/// One facet's fieldset. `values` are (name, count, checked) in order; `act` makes the
/// action of the value at an index (there is one at every index), called only for the values shown (a big corpus has
/// thousands of speakers, of which a few are shown).
fn facet(
    title: &str,
    key: &str,
    values: Vec<(&str, usize, bool)>,
    act: &dyn Fn(usize) -> Option<Action>,
    on_action: &Callback<Action>,
    expanded: bool,
    on_expand: Option<Callback<MouseEvent>>,
) -> Html {
    let total = values.len();
    let shown = values
        .into_iter()
        .enumerate()
        .filter(|(i, v)| expanded || *i < SHORT_LIST || v.2);
    html! {
        <fieldset class="facet" data-facet={key.to_string()}>
            <legend>{title}</legend>
            // The keyed values alone in their own element, so they are matched by key
            // (see the timeline's marks).
            <div class="facet-values">
            { for shown.map(|(i, (name, n, checked))| {
                let cb = on_action.clone();
                let Some(action) = act(i) else {
                    return html! {};
                };
                html! {
                    <label class={classes!("facet-value", (n == 0 && !checked).then_some("zero"))} key={name.to_string()}>
                        <input type="checkbox" checked={checked} onchange={Callback::from(move |_| cb.emit(action.clone()))} />
                        <span class="facet-name">{name}</span>
                        <span class="facet-count" aria-label={format!("{n} statements")}>{n}</span>
                    </label>
                }
            }) }
            </div>
            if let Some(cb) = on_expand.filter(|_| total > SHORT_LIST) {
                <button type="button" class="link more" onclick={cb} aria-expanded={expanded.to_string()}>
                    { if expanded { "Show fewer".to_string() } else { format!("Show all {total}") } }
                </button>
            }
        </fieldset>
    }
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    // Long lists (a newsroom's month of coverage, thousands of speakers) are shortened:
    // the panel then renders a few dozen values, not hundreds.
    // Which facets show all their values.
    let expanded = use_state(ByFacet::<bool>::default);
    let s = &props.state;
    let counts = &props.facets;
    let clear = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::ClearAll))
    };
    let mut boxes: Vec<Html> = Vec::new();
    for f in Facet::SHOWN {
        if f.hidden_when_empty() && counts[f].is_empty() {
            continue;
        }
        let values = counts[f]
            .iter()
            .map(|(v, n)| (v.as_str(), *n, s.filters[f].contains(v)))
            .collect();
        let act = |i: usize| counts[f].get(i).map(|v| Action::Toggle(f, v.0.clone()));
        let flip = f.collapses().then(|| {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                next[f] = !next[f];
                expanded.set(next);
            })
        });
        let all = !f.collapses() || expanded[f];
        boxes.push(facet(
            f.label(),
            f.key(),
            values,
            &act,
            &props.on_action,
            all,
            flip,
        ));
    }
    html! {
        <aside class="filters" id="filters" aria-label="Filters">
            { for boxes }
            <button type="button" class="clear" disabled={!s.filtered()} onclick={clear}>{"Clear all"}</button>
        </aside>
    }
}
