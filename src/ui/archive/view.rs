//! [`ArchiveApp`], the archive mode's root: opens the archive `?corpus=DIR/` names
//! (refused with the reason: another host, a root of another version, a root that
//! cannot be read), then composes the explorer's own search box, chips, filter panel
//! (the root's exact counts) and detail panel with the archive's overview and rows.
//! The view's state is the explorer's `AppState` under the same reducer; each change
//! of its filters or of the order asks the session for a first page.

use super::data::{Change, ViewData};
use super::fetcher::{requested, BrowserFetch};
use super::opened::OpenedDetail;
use super::overview::{bucket_days, Overview};
use super::rows::Rows;
use super::session::{Job, Outcome, Session};
use crate::ui::app::UiState;
use crate::ui::chips::Chips;
use crate::ui::filters::FilterPanel;
use crate::ui::hooks::keys::use_keys;
use crate::ui::notice::Notice;
use crate::ui::theme::ThemeToggle;
use quoteline_core::formats::shard::Facts;
use quoteline_core::model::Kind;
use quoteline_core::view::archive::{Archive, Order, DEFAULT_BUDGET};
use quoteline_core::view::facet::Facet;
use quoteline_core::view::facets::Facets;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An open archive: its session, and what the root alone tells.
pub struct Open {
    pub session: Rc<Session<BrowserFetch>>,
    pub dir: String,
    pub facts: Facts,
    pub generator: String,
    pub facets: Rc<Facets>,
    pub buckets: Rc<Vec<(i64, u64)>>,
    pub days: i64,
    pub undated: u64,
}

impl PartialEq for Open {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
    }
}

/// Where the archive stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Opening(String),
    Refused(String),
    Open(Rc<Open>),
}

/// Opens the archive in directory `param`: its root fetched and checked, the overview
/// taken from it. `Err` is the reason.
async fn open(param: &str) -> Result<Open, String> {
    let fetcher = BrowserFetch::new(param)?;
    let dir = fetcher.dir().to_string();
    let archive = Archive::open(fetcher, DEFAULT_BUDGET)
        .await
        .map_err(|e| e.to_string())?;
    let daily = archive.root().timeline(1);
    let days = match (daily.first(), daily.last()) {
        (Some(a), Some(b)) => bucket_days(a.0, b.0),
        _ => 1,
    };
    let o = archive.overview(days);
    // The root names no affiliations.
    let mut facets = Facets::default();
    facets[Facet::Outlet] = o.outlets;
    facets[Facet::Kind] = (o.kinds.into_iter())
        .filter(|(k, _)| Kind::parse(k).is_some())
        .collect();
    facets[Facet::Speaker] = o.speakers;
    facets[Facet::Topic] = o.topics;
    Ok(Open {
        dir,
        facts: o.facts,
        generator: archive.root().generator.clone(),
        facets: Rc::new(facets),
        buckets: Rc::new(o.timeline),
        days,
        undated: o.undated,
        session: Session::new(archive),
    })
}

/// Asks `session` a question, starting its run if none is going on; answers go to `data`.
fn ask(session: &Rc<Session<BrowserFetch>>, job: Job, data: &UseReducerDispatcher<ViewData>) {
    if session.ask(job) {
        let data = data.clone();
        wasm_bindgen_futures::spawn_local(
            session
                .clone()
                .run(move |out: Outcome| data.dispatch(Change::Answer(out))),
        );
    }
}

/// The count line: the total (exact, or the range known so far) of the archive's.
fn count_line(d: &ViewData, facts: &Facts) -> String {
    let shown = match d.total {
        Some(t) => match t.exact() {
            Some(n) => n.to_string(),
            None => format!("{}–{}", t.at_least, t.at_most),
        },
        None => "…".to_string(),
    };
    format!(
        "{shown} of {} statements · {} articles",
        facts.statements, facts.articles
    )
}

/// The page without `?corpus=`: the seeds and your articles.
fn home() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
}

/// The top bar: the brand, `search` (none until the archive is open), the count line,
/// the loader's button disabled with its reason, the theme.
fn header(count: String, search: Html) -> Html {
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{"Quoteline"}</h1>
                <p class="tagline">{"Who said what, when, and how each outlet reported it"}</p>
            </div>
            {search}
            <p class="count" aria-live="polite" id="result-count">{count}</p>
            <button type="button" class="tool" id="open-loader" disabled=true aria-describedby="archive-limits" title="An archive is read from its directory; articles cannot be added to it">
                {"Your articles"}
            </button>
            <ThemeToggle />
        </header>
    }
}

#[component]
pub fn ArchiveApp() -> Html {
    let phase = use_state(|| Phase::Opening(requested().unwrap_or_default()));
    {
        let phase = phase.clone();
        use_effect_with((), move |_| {
            if let Phase::Opening(dir) = (*phase).clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    phase.set(match open(&dir).await {
                        Ok(o) => Phase::Open(Rc::new(o)),
                        Err(why) => Phase::Refused(format!(
                            "Could not open the archive {dir}: {}.",
                            why.trim_end_matches('.')
                        )),
                    });
                });
            }
        });
    }
    match &*phase {
        Phase::Opening(dir) => html! {
            <div class="app">
                {header(String::new(), html! {})}
                <p class="notice" role="status" id="corpus-message">{format!("Opening the archive {dir}…")}</p>
            </div>
        },
        Phase::Refused(why) => html! {
            <div class="app">
                {header(String::new(), html! {})}
                <p class="notice error" role="alert" id="corpus-message">
                    {why.clone()}{" "}<a href={home()}>{"Show the seeds and your articles instead."}</a>
                </p>
            </div>
        },
        Phase::Open(open) => html! { <ArchiveView open={open.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ArchiveViewProps {
    open: Rc<Open>,
}

/// The open archive's view (see the module's comment).
#[component]
fn ArchiveView(props: &ArchiveViewProps) -> Html {
    let open = &props.open;
    let state = use_reducer(UiState::default);
    let data = use_reducer(ViewData::default);
    let order = use_state(|| Order::Oldest);
    let dispatch: Callback<Action> = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    let filters = state.0.filter_key();
    // A new view: its first page, and no selection (the rows change).
    {
        let (session, data, d) = (open.session.clone(), data.dispatcher(), dispatch.clone());
        use_effect_with((filters.clone(), *order), move |(f, o)| {
            data.dispatch(Change::Ask(f.clone(), *o));
            d.emit(Action::Select(None));
            ask(&session, Job::Query(Box::new(f.clone()), *o), &data);
        });
    }
    // A selected row: its statement opened.
    {
        let (session, d) = (open.session.clone(), data.dispatcher());
        let number = (state.0.selected).and_then(|at| data.rows.get(at).map(|r| r.number));
        use_effect_with(number, move |n| match *n {
            Some(n) => {
                d.dispatch(Change::Opening(n));
                ask(&session, Job::Open(n), &d);
            }
            None => d.dispatch(Change::Close),
        });
    }
    let on_more = {
        let (session, d) = (open.session.clone(), data.dispatcher());
        Callback::from(move |_| {
            d.dispatch(Change::AskMore);
            ask(&session, Job::More, &d);
        })
    };
    let on_order = {
        let order = order.clone();
        Callback::from(move |o| order.set(o))
    };
    let places: Rc<Vec<usize>> = {
        let n = data.rows.len();
        (*use_memo(data.rows.clone(), move |_| {
            Rc::new((0..n).collect::<Vec<_>>())
        }))
        .clone()
    };
    use_keys(&places, state.0.selected, dispatch.clone());
    let on_search = {
        let d = dispatch.clone();
        Callback::from(move |ev: InputEvent| {
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                d.emit(Action::Search(input.value()));
            }
        })
    };
    let query = state.0.query();
    let terms: Rc<Vec<String>> = {
        let highlights = query.highlights();
        (*use_memo(state.0.search.clone(), move |_| Rc::new(highlights))).clone()
    };
    // (The view asks in an effect, after this render: until its answer is in, the list
    // is busy, whatever the data says.)
    let filters_now = filters.clone();
    let facts = &open.facts;
    let banner = format!(
        "Archive {}: {} articles, {} statements, {} speakers, {} groups (made by {}); {} kB fetched in {} files so far. Counts in the filters and the timeline are the whole archive's; the total above is the selection's.",
        open.dir,
        facts.articles,
        facts.statements,
        facts.speakers,
        facts.groups,
        open.generator,
        data.fetched.0 / 1000,
        data.fetched.1,
    );
    let search = html! {
        <div class="searchbox" role="search">
            <label for="search" class="visually-hidden">{"Search statements and speakers"}</label>
            <input id="search" type="search" placeholder="Search: words, \"a phrase\", -exclude  ( / )" value={state.0.search.clone()} oninput={on_search} autocomplete="off" aria-describedby="search-notes" />
            <p id="search-notes" class="search-notes" aria-live="polite">
                { for query.notes.iter().map(|(_, n)| html! { <span class="note">{n}</span> }) }
                <span class="note">{"A word is found where a word starts with it."}</span>
            </p>
        </div>
    };
    html! {
        <div class="app">
            {header(count_line(&data, facts), search)}
            <div class="notice corpus-banner" role="status" id="corpus-banner" data-fetched={data.fetched.0.to_string()}>
                <span>{banner}</span>
                <a class="tool" id="close-corpus" href={home()}>{"Close"}</a>
            </div>
            if !data.unavailable.is_empty() {
                <Notice id="archive-unavailable" error=true text={format!(
                    "These results leave out what could not be read (the total says how many it could hold): {}.",
                    data.unavailable.join("; ")
                )} />
            }
            if let Some(notice) = &state.0.notice {
                <Notice text={notice.clone()} id="notice" />
            }
            <Chips state={filters.clone()} on_action={dispatch.clone()} />
            <Overview buckets={open.buckets.clone()} days={open.days} undated={open.undated} range={state.0.range} on_action={dispatch.clone()} />
            <div class="layout">
                <FilterPanel facets={open.facets.clone()} state={filters} on_action={dispatch.clone()} />
                <div class="center">
                    <p class="muted" id="archive-limits">{"An archive is read from its directory, a page at a time: adding articles (Your articles), the coverage and framing views and the exports need the whole corpus in memory, so they are off here."}</p>
                    <Rows rows={data.rows.clone()} {terms} selected={state.0.selected} order={*order} busy={data.busy_for(&filters_now, *order)} more={data.more} search={AttrValue::from(state.0.search.clone())} on_action={dispatch.clone()} {on_order} {on_more} />
                </div>
                <OpenedDetail shown={data.detail.clone()} on_action={dispatch} />
            </div>
        </div>
    }
}
