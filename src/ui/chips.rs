//! The removable chips of the active filters (search, facets, date range), with "Clear
//! all".

use quoteline_core::view::facet::Facet;
use quoteline_core::view::state::{Action, AppState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub state: AppState,
    pub on_action: Callback<Action>,
}

/// One removable chip per active filter.
#[component]
pub fn Chips(props: &ChipsProps) -> Html {
    let s = &props.state;
    let mut chips: Vec<(String, Action)> = Vec::new();
    if !s.search.trim().is_empty() {
        chips.push((
            format!("search: {}", s.search.trim()),
            Action::Search(String::new()),
        ));
    }
    chips.extend(
        s.filters
            .pairs(Facet::SHOWN)
            .map(|(f, v)| (format!("{}: {v}", f.key()), Action::Toggle(f, v.clone()))),
    );
    if let Some((a, b)) = s.range {
        let d = |x: i64, open: &str| {
            if x == i64::MIN || x == i64::MAX {
                open.to_string()
            } else {
                quoteline_core::corpus::dates::When {
                    day: x,
                    precision: quoteline_core::corpus::dates::Precision::Day,
                }
                .label()
            }
        };
        chips.push((
            format!("dates: {} – {}", d(a, "…"), d(b, "…")),
            Action::SetRange(None),
        ));
    }
    if chips.is_empty() {
        return html! {};
    }
    let clear = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::ClearAll))
    };
    html! {
        <div class="chips" aria-label="Active filters">
            <span class="chip-list">
            { for chips.into_iter().map(|(label, action)| {
                let cb = props.on_action.clone();
                html! {
                    <button type="button" class="chip" key={label.clone()} aria-label={format!("Remove {label}")} onclick={Callback::from(move |_| cb.emit(action.clone()))}>
                        {label}<span aria-hidden="true">{" ×"}</span>
                    </button>
                }
            }) }
            </span>
            <button type="button" class="link" onclick={clear}>{"Clear all"}</button>
        </div>
    }
}
