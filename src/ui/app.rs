//! The root component, a composition of named hooks (`hooks/`): the workspace store and
//! its build, where the corpus comes from and what is shown, the one reducer of UI
//! state, results and facet counts derived with `use_memo`, the URL, the keys; then the
//! views.

use super::chips::Chips;
use super::context::{after_next_paint, CorpusHandle, PackBytes};
use super::coverage::CoverageView;
use super::detail::DetailPanel;
use super::filters::FilterPanel;
use super::framing::FramingView;
use super::hooks::corpus_source::{use_corpus_source, use_opened_files, Source};
use super::hooks::framing::use_framing;
use super::hooks::keys::use_keys;
use super::hooks::painted::use_painted;
use super::hooks::shown::use_shown;
use super::hooks::url_sync::use_url_sync;
use super::hooks::workspace_build::{needs_worker, use_workspace_build};
use super::hooks::workspace_store::use_workspace_store;
use super::list::StatementList;
use super::notice::Notice;
use super::theme::ThemeToggle;
use super::timeline::Timeline;
use quoteline_core::corpus::compare::Comparison;
use quoteline_core::corpus::{Corpus, StatementId};
use quoteline_core::view::facet::Facet;
use quoteline_core::view::prune::drop_absent;
use quoteline_core::view::state::{Action, AppState, Tab};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The reducer's state: the pure [`AppState`], returned as the same `Rc` when nothing changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState(pub AppState);

impl Reducible for UiState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.0.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Props for [`App`]; the corpus defaults to the embedded seeds.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub corpus: Option<CorpusHandle>,
    /// The cross-outlet groups of `corpus` (none given: no groups are shown).
    #[prop_or_default]
    pub comparison: Option<Rc<Comparison>>,
}

/// A notice's Dismiss button: it clears `state`.
fn dismiss_with<T: 'static>(
    state: &UseStateHandle<Option<T>>,
) -> (AttrValue, Callback<MouseEvent>) {
    let state = state.clone();
    ("Dismiss".into(), Callback::from(move |_| state.set(None)))
}

/// A notice's Retry button.
fn retry(on_retry: &Callback<MouseEvent>) -> (AttrValue, Callback<MouseEvent>) {
    ("Retry".into(), on_retry.clone())
}

#[component]
pub fn App(props: &AppProps) -> Html {
    super::guard::test_panic_point("render");
    // Set when a corpus arrives whose view the link gives (see below).
    let restore_from_url = use_mut_ref(|| false);
    // The user's workspace (loaded articles), from the store (IndexedDB), with what a
    // page that died left behind (see guard).
    let store = use_workspace_store(restore_from_url.clone());
    let (workspace, save_error, recovery_notice) = (
        store.workspace.clone(),
        store.save_error.clone(),
        store.recovery_notice.clone(),
    );
    // Where the shown corpus comes from: the workspace, or a corpus file.
    let files = use_corpus_source(props.corpus.is_some());
    let (source, source_message) = (files.source.clone(), files.message.clone());
    // The workspace's corpus, built by the loader worker when it has articles of the
    // user's (the seeds alone are embedded, already extracted).
    let build = use_workspace_build(
        &workspace,
        props.corpus.is_none(),
        restore_from_url.clone(),
        recovery_notice.clone(),
    );
    let building = matches!(*source, Source::Workspace)
        && props.corpus.is_none()
        && needs_worker(&workspace)
        && build.built.is_none()
        && !build.first_ended;
    let shown = use_shown(
        props.corpus.clone().map(|c| (c, props.comparison.clone())),
        (*workspace).clone(),
        (*source).clone(),
        build.built.as_ref().map(|b| b.1.clone()),
        building || store.loading,
    );
    let corpus: Rc<Corpus> = shown.corpus.clone();
    let chronological = shown.chronological.clone();
    let handle = CorpusHandle(corpus.clone());
    let pending = matches!(*source, Source::Pending(_)) || building || store.loading;
    let index = shown.index.clone();
    let state = {
        let corpus = corpus.clone();
        use_reducer(move || {
            UiState(if pending {
                AppState::default()
            } else {
                super::url::read(&corpus)
            })
        })
    };
    // One callback for the app's lifetime, so children's props stay equal across renders.
    let dispatch: Callback<Action> = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    // The comparison comes with every corpus file (the seeds', the worker's, an opened
    // one); the framing is made by the loader worker when its tab is first opened.
    let comparison = shown.comparison.clone();
    let framing = use_framing(&handle, shown.pack.clone(), state.0.tab == Tab::Framing);
    // A new corpus (articles loaded, removed, edited; a corpus file opened or closed):
    // statement ids changed, so the selection is dropped; filters by name stay. A
    // `?corpus=` file that arrives takes the view from the link instead.
    {
        let d = state.dispatcher();
        let first = use_mut_ref(|| true);
        let restore = restore_from_url.clone();
        let corpus = corpus.clone();
        let now = state.0.clone();
        use_effect_with(handle.clone(), move |_| {
            // (The URL writer below clears the flag, skipping the stale state once.)
            if *restore.borrow() {
                d.dispatch(Action::Restore(Box::new(super::url::read(&corpus))));
            } else if !std::mem::replace(&mut *first.borrow_mut(), false) {
                // Filters naming what the new corpus lacks are dropped, and named.
                if let Some(s) = drop_absent(&now, &corpus) {
                    d.dispatch(Action::Restore(Box::new(s)));
                }
                d.dispatch(Action::Select(None));
            }
        });
    }
    // The `?corpus=` link's file and the one reopened after a reload.
    use_opened_files(&files, &store, restore_from_url.clone());
    let on_workspace = store.on_change.clone();
    // Open when the paste box holds a kept draft, so it is seen.
    let loader_open = use_state(|| !super::guard::draft().is_empty());
    let toggle_loader = {
        let l = loader_open.clone();
        Callback::from(move |_| l.set(!*l))
    };
    // Keyed on the filters only: selecting, zooming or switching tabs reuses them.
    // The part of the state results and facets depend on (also what the filter panel and
    // the chips show: they re-render only when it changes).
    let filters = state.0.filter_key();
    // The text scan (search and date range) once per search or range: a facet click
    // reuses it, and the results and the facet counts share it.
    let matching = use_memo((handle.clone(), filters.search.clone(), filters.range), {
        let index = index.clone();
        move |(c, search, range)| {
            AppState {
                search: search.clone(),
                range: *range,
                ..AppState::default()
            }
            .matching(&c.0, &index)
        }
    });
    // (Keyed on everything `matching` is keyed on, so it is never stale here.)
    let results: Rc<Vec<StatementId>> = use_memo((handle.clone(), filters.clone()), {
        let matching = matching.clone();
        move |(c, f)| f.results_in(&c.0, &matching)
    });
    // A new corpus's facet counts wait for the frame after its list: counting them (and
    // naming thousands of speakers) is a task of its own, not one with the list's.
    let facets_ready = use_painted(&handle);
    let facets = use_memo((handle.clone(), filters.clone(), facets_ready), {
        let (index, matching) = (index.clone(), matching.clone());
        move |(c, f, ready)| match ready {
            true => f.facet_counts_in(&c.0, &index, &matching),
            false => Default::default(),
        }
    });

    // The timeline follows the results one frame later: a keystroke or a facet click
    // paints the list and the counts first, and a burst of them lays the timeline out
    // once, for the latest results. (At 50,000 statements the timeline's grouping and
    // marks were about a third of a keystroke's script.) The results are kept with their
    // corpus: a new corpus reaches the timeline at once, never another corpus's ids.
    let timeline_results = use_state(|| (handle.clone(), results.clone()));
    let waiting_results = use_mut_ref(|| None::<(CorpusHandle, Rc<Vec<StatementId>>)>);
    {
        let shown = timeline_results.clone();
        use_effect_with((handle.clone(), results.clone()), move |(h, r)| {
            if shown.0 == *h && Rc::ptr_eq(&shown.1, r) {
                return;
            }
            let already = waiting_results.borrow().is_some();
            *waiting_results.borrow_mut() = Some((h.clone(), r.clone()));
            if !already {
                let set = shown.setter();
                after_next_paint(move || {
                    if let Some(latest) = waiting_results.borrow_mut().take() {
                        set.set(latest);
                    }
                });
            }
        });
    }
    // A new corpus reaches the timeline with no results until the next paint, so that
    // its first layout (the statements' order and lanes: tens of milliseconds at 40,000
    // statements) is a task of its own, not one with the list and the facets.
    let no_results = use_memo(handle.clone(), |_| Rc::new(Vec::new()));
    let results_for_timeline = if timeline_results.0 == handle {
        timeline_results.1.clone()
    } else {
        (*no_results).clone()
    };

    // The URL follows the state; back and forward restore it.
    use_url_sync(
        &state.0,
        &handle,
        pending,
        restore_from_url.clone(),
        dispatch.clone(),
    );

    // Keyboard: `/` focuses search, j/k move through results, Esc closes the detail.
    use_keys(&results, state.0.selected, dispatch.clone());

    let on_search = {
        let d = state.dispatcher();
        Callback::from(move |ev: InputEvent| {
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                d.dispatch(Action::Search(input.value()));
            }
        })
    };
    let dismiss = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::DismissNotice))
    };
    // On narrow screens the filter panel is a drawer opened from the top bar.
    let filters_open = use_state(|| false);
    let toggle_filters = {
        let f = filters_open.clone();
        Callback::from(move |_| f.set(!*f))
    };
    let query = state.0.query();
    // Kept while the search is unchanged, so a zoom or a selection does not re-render the list.
    let terms: Rc<Vec<String>> = {
        let highlights = query.highlights();
        (*use_memo(state.0.search.clone(), move |_| Rc::new(highlights))).clone()
    };
    // The tab bar: click, or arrow keys / Home / End between tabs (the ARIA tabs pattern).
    let tab = state.0.tab;
    let on_tab_key = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            let i = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            d.dispatch(Action::SetTab(Tab::ALL[next]));
            if let Some(el) = gloo::utils::document()
                .get_element_by_id(&format!("tab-{}", Tab::ALL[next].as_str()))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        })
    };
    let tabs = html! {
        <div class="tabs" role="tablist" aria-label="Views" onkeydown={on_tab_key}>
            { for Tab::ALL.iter().map(|&t| {
                let d = state.dispatcher();
                let selected = t == tab;
                html! {
                    <button type="button" role="tab" id={format!("tab-{}", t.as_str())} class="tab"
                        aria-selected={selected.to_string()} aria-controls="tab-panel"
                        tabindex={if selected { "0" } else { "-1" }}
                        onclick={Callback::from(move |_| d.dispatch(Action::SetTab(t)))}>
                        {t.label()}
                    </button>
                }
            }) }
        </div>
    };
    let panel = match tab {
        Tab::Statements => html! {
            <StatementList results={results.clone()} terms={terms.clone()} selected={state.0.selected} sort={state.0.sort} pack={shown.pack.clone().map(PackBytes)} on_action={dispatch.clone()} />
        },
        Tab::Coverage => html! {
            if let Some(comparison) = comparison.clone() {
                <CoverageView results={results.clone()} {comparison} selected={state.0.selected} on_action={dispatch.clone()} />
            }
        },
        Tab::Framing => html! {
            if let Some(framing) = framing.framing.clone() {
                <FramingView {framing} outlets={state.0.filters[Facet::Outlet].clone()} />
            } else if let Some((err, m)) = &framing.status {
                <Notice text={m.clone()} error={*err} id="framing-message" button={err.then(|| retry(&framing.retry))} button_id="framing-retry" />
            }
        },
    };
    let total = corpus.entries.len();
    let shown = results.len();
    html! {
        <ContextProvider<CorpusHandle> context={handle.clone()}>
            <div class="app">
                <header class="topbar">
                    <div class="brand">
                        <h1>{"Quoteline"}</h1>
                        <p class="tagline">{"Who said what, when, and how each outlet reported it"}</p>
                    </div>
                    <div class="searchbox" role="search">
                        <label for="search" class="visually-hidden">{"Search statements and speakers"}</label>
                        <input id="search" type="search" placeholder="Search: words, \"a phrase\", -exclude  ( / )" value={state.0.search.clone()} oninput={on_search} autocomplete="off" aria-describedby="search-notes" />
                        <p id="search-notes" class="search-notes" aria-live="polite">
                            { for query.notes.iter().map(|(_, n)| html! { <span class="note">{n}</span> }) }
                        </p>
                    </div>
                    <p class="count" aria-live="polite" id="result-count">
                        {format!("{shown} of {total} statements · {} articles", corpus.articles.len())}
                    </p>
                    <button type="button" class="tool filters-toggle" aria-controls="filters" aria-expanded={(*filters_open).to_string()} onclick={toggle_filters}>
                        { if *filters_open { "Hide filters" } else { "Filters" } }
                    </button>
                    <button type="button" class="tool" id="open-loader" aria-controls="loader" aria-expanded={(*loader_open).to_string()} onclick={toggle_loader}>
                        {format!("Your articles ({})", workspace.articles.len())}
                    </button>
                    <ThemeToggle />
                </header>
                if *loader_open {
                    <super::loader::Loader workspace={(*workspace).clone()} on_change={on_workspace} save_error={(*save_error).clone()} on_open_file={files.on_open_file.clone()} />
                } else if let Some(e) = &*save_error {
                    <Notice text={e.to_string()} />
                }
                <super::store::status::StoreStatus status={store.status.clone()} figures={*loader_open} on_discard={store.on_discard.clone()} />
                if let Some(m) = &*recovery_notice {
                    <Notice text={m.clone()} error=true id="recovery-notice" button={dismiss_with(&recovery_notice)} />
                }
                if let Source::Opened(o) = &*source {
                    <super::corpus_file::CorpusBanner opened={o.clone()} on_close={files.close_file.clone()} />
                }
                if let Some((err, m)) = &*source_message {
                    <Notice text={m.clone()} error={*err} id="corpus-message" button={err.then(|| dismiss_with(&source_message))} />
                }
                if let Some((err, m)) = &build.status {
                    <Notice text={m.clone()} error={*err} id="build-message" button={err.then(|| retry(&build.retry))} button_id="build-retry" />
                }
                if corpus.articles.is_empty() && !pending {
                    <p class="notice" role="status">{"No articles to show: add some under “Your articles”, or show them beside the seeds."}</p>
                }
                if let Some(notice) = &state.0.notice {
                    <Notice text={notice.clone()} id="notice" button={(AttrValue::from("Dismiss"), dismiss)} />
                }
                <Chips state={filters.clone()} on_action={dispatch.clone()} />
                <Timeline results={results_for_timeline} {chronological} state={state.0.clone()} on_action={dispatch.clone()} />
                <div class={classes!("layout", (*filters_open).then_some("filters-open"), (tab != Tab::Statements).then_some("wide-center"))}>
                    <FilterPanel facets={facets.clone()} state={filters} on_action={dispatch.clone()} />
                    <div class="center">
                        {tabs}
                        <div id="tab-panel" role="tabpanel" aria-labelledby={format!("tab-{}", tab.as_str())}>
                            {panel}
                        </div>
                    </div>
                    <DetailPanel selected={state.0.selected} on_action={dispatch} comparison={comparison} />
                </div>
            </div>
        </ContextProvider<CorpusHandle>>
    }
}
