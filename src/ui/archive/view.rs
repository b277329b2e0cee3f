//! [`ArchiveApp`], the archive mode's root: opens the archive `?corpus=DIR/` names, or
//! the directory chosen from disk for `?open=directory` (refused with the reason:
//! another host, a root of another version, a root that cannot be read), then composes
//! the explorer's own search box, chips, filter panel (the root's exact counts) and
//! detail panel with the archive's overview and rows. The view's state is the
//! explorer's `AppState` under the same reducer, with the order and the opened
//! statement beside it, all three in the address (`address`); each change of the
//! filters or of the order asks the session for a first page.

use super::address::{read_address, use_address};
use super::chooser::DirectoryChooser;
use super::data::{Change, ViewData};
use super::fetcher::BrowserFetch;
use super::local::DiskFetch;
use super::opened::OpenedDetail;
use super::overview::{bucket_days, Overview};
use super::picker::{DirHandle, Permission};
use super::rows::Rows;
use super::session::{Job, Outcome, Session};
use super::source::{requested, Request, Source};
use crate::ui::app::UiState;
use crate::ui::chips::Chips;
use crate::ui::filters::FilterPanel;
use crate::ui::hooks::keys::use_keys;
use crate::ui::notice::Notice;
use crate::ui::theme::ThemeToggle;
use quoteline_core::formats::shard::Facts;
use quoteline_core::model::Kind;
use quoteline_core::view::archive::link::{Terms, View};
use quoteline_core::view::archive::{Archive, DEFAULT_BUDGET};
use quoteline_core::view::facet::Facet;
use quoteline_core::view::facets::Facets;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An open archive: its session, and what the root alone tells.
pub struct Open {
    pub session: Rc<Session<Source>>,
    pub dir: String,
    /// What a link to this archive can select.
    pub terms: Rc<Terms>,
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
    /// A directory from disk is to be chosen; why the last one was refused, and the
    /// directory kept from the last visit if the browser asks its permission again.
    Choosing(Option<AttrValue>, Option<DirHandle>),
    Opening(String),
    Refused(String),
    Open(Rc<Open>),
}

/// Opens the archive `fetcher` reads: its root fetched and checked, the overview taken
/// from it. `Err` is the reason.
async fn open(fetcher: Source) -> Result<Open, String> {
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
    let mut facets = Facets::default();
    facets[Facet::Outlet] = o.outlets;
    facets[Facet::Kind] = (o.kinds.into_iter())
        .filter(|(k, _)| Kind::parse(k).is_some())
        .collect();
    facets[Facet::Speaker] = o.speakers;
    facets[Facet::Affiliation] = o.affiliations;
    facets[Facet::Topic] = o.topics;
    Ok(Open {
        dir,
        terms: Rc::new(Terms::of(archive.root())),
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
fn ask(session: &Rc<Session<Source>>, job: Job, data: &UseReducerDispatcher<ViewData>) {
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

/// The explorer's page (the seeds and your articles): index.html, beside this page.
const HOME: &str = "./";

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

/// Opens `source` (named `dir` in messages) and sets the phase to the open archive, or
/// to why it could not be opened: refused, or (a directory from disk) to be chosen
/// again.
fn start_opening(phase: UseStateHandle<Phase>, source: Result<Source, String>, dir: String) {
    let disk = matches!(source, Ok(Source::Disk(_)));
    phase.set(Phase::Opening(dir.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let opened = match source {
            Ok(source) => open(source).await,
            Err(why) => Err(why),
        };
        phase.set(match opened {
            Ok(o) => Phase::Open(Rc::new(o)),
            Err(why) => {
                let why = refusal(&dir, &why);
                if disk {
                    Phase::Choosing(Some(why.into()), None)
                } else {
                    Phase::Refused(why)
                }
            }
        });
    });
}

/// Why the archive `dir` could not be opened, as the page says it.
fn refusal(dir: &str, why: &str) -> String {
    format!(
        "Could not open the archive {dir}: {}.",
        why.trim_end_matches('.')
    )
}

/// Opens the directory `handle`, kept for the next visit if `remember` once it opened
/// as an archive; or says why it is none, and the chooser stays.
fn open_handle(phase: UseStateHandle<Phase>, handle: DirHandle, remember: bool) {
    let dir = handle.dir();
    phase.set(Phase::Opening(dir.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let opened = match DiskFetch::of_handle(&handle).await {
            Ok(f) => open(Source::Disk(f)).await,
            Err(why) => Err(why),
        };
        phase.set(match opened {
            Ok(o) => {
                // Not kept (no IndexedDB, a private window): it is open all the same.
                if remember {
                    let _ = handle.remember().await;
                }
                Phase::Open(Rc::new(o))
            }
            Err(why) => Phase::Choosing(Some(refusal(&dir, &why).into()), None),
        });
    });
}

/// `?open=directory`: the directory kept from the last visit, reopened at once if the
/// browser still lets this page read it, else offered to reopen (on a click).
fn reopen_remembered(phase: UseStateHandle<Phase>) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(handle) = DirHandle::remembered().await else {
            return;
        };
        match handle.permission(false).await {
            Ok(Permission::Granted) => open_handle(phase, handle, false),
            Ok(Permission::Prompt) => phase.set(Phase::Choosing(None, Some(handle))),
            _ => {}
        }
    });
}

#[component]
pub fn ArchiveApp() -> Html {
    let request = use_memo((), |_| requested());
    let phase = use_state(|| match &*request {
        Some(Request::Disk) | None => Phase::Choosing(None, None),
        Some(Request::Site(dir)) => Phase::Opening(dir.clone()),
    });
    {
        let phase = phase.clone();
        use_effect_with((), move |_| match (*phase).clone() {
            Phase::Opening(dir) => {
                start_opening(phase, BrowserFetch::new(&dir).map(Source::Site), dir)
            }
            Phase::Choosing(..) if super::picker::available() => reopen_remembered(phase),
            _ => {}
        });
    }
    let on_handle = {
        let phase = phase.clone();
        Callback::from(move |(h, remember): (DirHandle, bool)| {
            open_handle(phase.clone(), h, remember)
        })
    };
    let on_chosen = {
        let phase = phase.clone();
        Callback::from(
            move |files: web_sys::FileList| match DiskFetch::new(&files) {
                Ok(f) => {
                    let dir = f.dir().to_string();
                    start_opening(phase.clone(), Ok(Source::Disk(f)), dir);
                }
                Err(why) => phase.set(Phase::Choosing(
                    Some(
                        format!("Could not open the archive: {}.", why.trim_end_matches('.'))
                            .into(),
                    ),
                    None,
                )),
            },
        )
    };
    match &*phase {
        Phase::Choosing(problem, remembered) => html! {
            <div class="app">
                {header(String::new(), html! {})}
                <DirectoryChooser problem={problem.clone()} remembered={remembered.clone()} {on_chosen} {on_handle} />
            </div>
        },
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
                    {why.clone()}{" "}<a href={HOME}>{"Show the seeds and your articles instead."}</a>
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
    // The first view is the address's (a reload, a shared link).
    let first = {
        let (terms, n) = (open.terms.clone(), open.facts.statements);
        use_memo((), move |_| read_address(&terms, n))
    };
    let state = {
        let f = first.filters.clone();
        use_reducer(move || UiState(f))
    };
    let data = use_reducer(ViewData::default);
    let order = use_state(|| first.order);
    // The statement in the detail, by number: a row's, or a link's.
    let opened = use_state(|| first.opened);
    let raw = state.dispatcher();
    // Selecting a row opens its statement; deselecting (Esc, Close) closes the detail.
    let rows_now = use_mut_ref(|| data.rows.clone());
    *rows_now.borrow_mut() = data.rows.clone();
    let dispatch: Callback<Action> = {
        let (d, opened, rows) = (raw.clone(), opened.setter(), rows_now.clone());
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| {
                if let Action::Select(at) = &a {
                    opened.set(at.and_then(|i| rows.borrow().get(i).map(|r| r.number)));
                }
                d.dispatch(a)
            })
        }))
        .clone()
    };
    let filters = state.0.filter_key();
    // A new view: its first page, and no row selected (the rows change; the opened
    // statement stays in the detail).
    {
        let (session, data, d) = (open.session.clone(), data.dispatcher(), raw.clone());
        use_effect_with((filters.clone(), *order), move |(f, o)| {
            data.dispatch(Change::Ask(f.clone(), *o));
            d.dispatch(Action::Select(None));
            ask(&session, Job::Query(Box::new(f.clone()), *o), &data);
        });
    }
    // The opened statement, fetched with its article.
    {
        let (session, d) = (open.session.clone(), data.dispatcher());
        use_effect_with(*opened, move |n| match *n {
            Some(n) => {
                d.dispatch(Change::Opening(n));
                ask(&session, Job::Open(n), &d);
            }
            None => d.dispatch(Change::Close),
        });
    }
    // The view in the address; back and forward restore it.
    {
        let view = View {
            filters: filters.clone(),
            order: *order,
            opened: *opened,
        };
        let (d, order, opened) = (raw.clone(), order.setter(), opened.setter());
        let restore = Callback::from(move |v: View| {
            order.set(v.order);
            opened.set(v.opened);
            d.dispatch(Action::Restore(Box::new(v.filters)));
        });
        use_address(&view, open.terms.clone(), open.facts.statements, restore);
    }
    let on_more = {
        let (session, d) = (open.session.clone(), data.dispatcher());
        Callback::from(move |_| {
            d.dispatch(Change::AskMore);
            ask(&session, Job::More, &d);
        })
    };
    // A rendering in another outlet: opened in the detail (no row is selected for it).
    let on_open = {
        let (d, opened) = (raw.clone(), opened.setter());
        Callback::from(move |n: u64| {
            d.dispatch(Action::Select(None));
            opened.set(Some(n));
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
                <a class="tool" id="close-corpus" href={HOME}>{"Close"}</a>
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
                    <Rows rows={data.rows.clone()} {terms} selected={state.0.selected} opened={*opened} order={*order} busy={data.busy_for(&filters_now, *order)} more={data.more} search={AttrValue::from(state.0.search.clone())} on_action={dispatch.clone()} {on_order} {on_more} />
                </div>
                <OpenedDetail shown={data.detail.clone()} on_action={dispatch} {on_open} />
            </div>
        </div>
    }
}
