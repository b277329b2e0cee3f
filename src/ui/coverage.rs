//! The coverage grid: each remark reported by more than one outlet (a comparison group)
//! against every outlet, with how that outlet renders it (canonical, verbatim, excerpt,
//! variant, paraphrase) or that it left it out. A cell opens its rendering in the detail
//! panel; rows follow the filters, like the list.

use super::context::CorpusHandle;
use quoteline_core::corpus::compare::{coverage, Cell, Comparison};
use quoteline_core::corpus::StatementId;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoverageProps {
    pub results: Rc<Vec<StatementId>>,
    pub comparison: Rc<Comparison>,
    pub selected: Option<StatementId>,
    pub on_action: Callback<Action>,
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

#[component]
pub fn CoverageView(props: &CoverageProps) -> Html {
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let cmp = &props.comparison;
    let grid = coverage(&corpus, cmp, &props.results);
    let n_rows = grid.rows.len();
    let absent: Vec<usize> = (0..grid.outlets.len())
        .map(|o| {
            grid.rows
                .iter()
                .filter(|(_, cells)| cells[o] == Cell::Absent)
                .count()
        })
        .collect();
    html! {
        <section class="results coverage" id="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{format!("Coverage: {n_rows} remarks reported by more than one outlet")}</h2>
            <p class="hint">
                {"Each row is one remark; each column an outlet. A cell says how that outlet renders it: "}
                <span class="rel canonical">{"canonical"}</span>{" (the fullest quote), "}
                <span class="rel verbatim">{"verbatim"}</span>{", "}
                <span class="rel excerpt">{"excerpt"}</span>{" (part of the same quote), "}
                <span class="rel variant">{"variant"}</span>{" (quoted in other words), "}
                <span class="rel paraphrase">{"paraphrase"}</span>{" (reported, not quoted), or "}
                <span class="rel absent">{"—"}</span>{" left out. Select a cell to open that rendering in its article."}
            </p>
            if n_rows == 0 {
                <p class="empty">{"No remark among these statements is reported by more than one outlet. Clear filters to see all."}</p>
            } else {
                <div class="grid-scroll">
                    <table class="coverage-grid">
                        <caption class="visually-hidden">{"Remarks (rows) by outlet (columns)"}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{"Remark"}</th>
                                { for grid.outlets.iter().map(|o| html! { <th scope="col">{o}</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for grid.rows.iter().map(|(gi, cells)| {
                                let g = &cmp.groups[*gi];
                                let canon = &corpus.entries[g.canonical];
                                let speaker = &corpus.speakers[canon.speaker].name;
                                let selected = props.selected.is_some_and(|s| g.members.contains(&s));
                                html! {
                                    <tr key={canon.id.clone()} class={classes!(selected.then_some("selected"))}>
                                        <th scope="row" class="remark">
                                            <span class="speaker">{speaker}</span>
                                            <span class="canon">{format!("“{}”", short(corpus.text_of(canon), 90))}</span>
                                            <span class="muted">{format!("{} of {} outlets", g.outlets, cmp.total_outlets)}</span>
                                            if g.quotes_differ {
                                                <span class="flag" title="Two outlets put different words inside the quotation marks">{"quotes differ"}</span>
                                            }
                                        </th>
                                        { for cells.iter().zip(&grid.outlets).map(|(cell, outlet)| match *cell {
                                            Cell::Absent => html! {
                                                <td class="cell absent"><span aria-label={format!("{outlet}: left out")}>{"—"}</span></td>
                                            },
                                            Cell::Rendered { id, relation, count } => {
                                                let rel = relation.map_or("canonical", |r| r.as_str());
                                                let cb = props.on_action.clone();
                                                let text = corpus.text_of(&corpus.entries[id]);
                                                // The name starts with the visible text ("variant", "excerpt ×2").
                                                let badge = if count > 1 { format!(" ×{count}") } else { String::new() };
                                                let label = format!("{rel}{badge}: {outlet}, “{}”", short(text, 120));
                                                html! {
                                                    <td class={classes!("cell", rel, (props.selected == Some(id)).then_some("current"))} data-outlet={outlet.clone()}>
                                                        <button type="button" class="cell-button" aria-label={label.clone()} title={label}
                                                            onclick={Callback::from(move |_| cb.emit(Action::Select(Some(id))))}>
                                                            {rel}
                                                            if count > 1 { <span class="count-badge">{badge}</span> }
                                                        </button>
                                                    </td>
                                                }
                                            }
                                        }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{"Left out"}</th>
                                { for absent.iter().map(|a| html! { <td class="left-out">{format!("{a} of {n_rows}")}</td> }) }
                            </tr>
                        </tfoot>
                    </table>
                </div>
            }
        </section>
    }
}
