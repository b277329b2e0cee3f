//! The filter panel: outlet, speaker, kind, topic and affiliation facets with live
//! counts (OR within a facet, AND across). The active filters' chips are `chips`.

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
    let all_speakers = use_state(|| false);
    let all_topics = use_state(|| false);
    // Long outlet and affiliation lists (a newsroom's month of coverage) are shortened
    // too: the panel then renders a few dozen values, not hundreds.
    let all_outlets = use_state(|| false);
    let all_affiliations = use_state(|| false);
    let flip = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(!*state))
    };
    let s = &props.state;
    let f = &props.facets;
    let clear = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::ClearAll))
    };
    html! {
        <aside class="filters" id="filters" aria-label="Filters">
            { facet("Outlet", "outlet", f.outlets.iter().map(|(o, n)| (o.as_str(), *n, s.outlets.contains(o))).collect(), &|i| f.outlets.get(i).map(|v| Action::ToggleOutlet(v.0.clone())), &props.on_action, *all_outlets, Some(flip(&all_outlets))) }
            { facet("Speaker", "speaker", f.speakers.iter().map(|(o, n)| (o.as_str(), *n, s.speakers.contains(o))).collect(), &|i| f.speakers.get(i).map(|v| Action::ToggleSpeaker(v.0.clone())), &props.on_action, *all_speakers, Some(flip(&all_speakers))) }
            { facet("Kind", "kind", f.kinds.iter().map(|(k, n)| (k.as_str(), *n, s.kinds.contains(k))).collect(), &|i| f.kinds.get(i).map(|v| Action::ToggleKind(v.0)), &props.on_action, true, None) }
            { facet("Topic", "topic", f.topics.iter().map(|(o, n)| (o.as_str(), *n, s.topics.contains(o))).collect(), &|i| f.topics.get(i).map(|v| Action::ToggleTopic(v.0.clone())), &props.on_action, *all_topics, Some(flip(&all_topics))) }
            if !f.affiliations.is_empty() {
                { facet("Affiliation", "affiliation", f.affiliations.iter().map(|(o, n)| (o.as_str(), *n, s.affiliations.contains(o))).collect(), &|i| f.affiliations.get(i).map(|v| Action::ToggleAffiliation(v.0.clone())), &props.on_action, *all_affiliations, Some(flip(&all_affiliations))) }
            }
            <button type="button" class="clear" disabled={!s.filtered()} onclick={clear}>{"Clear all"}</button>
        </aside>
    }
}
