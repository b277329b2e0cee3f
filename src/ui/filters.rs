//! The filter panel: outlet and kind facets with live counts, and "clear all".

use crate::core::model::Kind;
use crate::core::session::{Action, AppState, Facets};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub facets: Rc<Facets>,
    pub state: AppState,
    pub on_action: Callback<Action>,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let any = !props.state.outlets.is_empty() || !props.state.kinds.is_empty() || !props.state.search.is_empty();
    let clear = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::ClearAll))
    };
    html! {
        <aside class="filters" aria-label="Filters">
            <fieldset class="facet" data-facet="outlet">
                <legend>{"Outlet"}</legend>
                { for props.facets.outlets.iter().map(|(name, n)| {
                    let checked = props.state.outlets.contains(name);
                    let cb = props.on_action.clone();
                    let value = name.clone();
                    html! {
                        <label class="facet-value" key={name.clone()}>
                            <input type="checkbox" checked={checked} onchange={Callback::from(move |_| cb.emit(Action::ToggleOutlet(value.clone())))} />
                            <span class="facet-name">{name}</span>
                            <span class="facet-count">{n}</span>
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset class="facet" data-facet="kind">
                <legend>{"Kind"}</legend>
                { for props.facets.kinds.iter().map(|(kind, n)| {
                    let checked = props.state.kinds.contains(kind);
                    let cb = props.on_action.clone();
                    let k: Kind = *kind;
                    html! {
                        <label class="facet-value" key={kind.as_str()}>
                            <input type="checkbox" checked={checked} onchange={Callback::from(move |_| cb.emit(Action::ToggleKind(k)))} />
                            <span class={classes!("facet-name", "kind-dot", kind.as_str())}>{kind.as_str()}</span>
                            <span class="facet-count">{n}</span>
                        </label>
                    }
                }) }
            </fieldset>
            <button type="button" class="clear" disabled={!any} onclick={clear}>{"Clear all"}</button>
        </aside>
    }
}
