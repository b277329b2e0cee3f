//! "Your articles": paste text, drop files or pick them (`.txt`, `.md`, `.html`; several
//! at once), with a progress bar and a cancel button; a small form per article (outlet,
//! headline, date, URL; pre-filled from what the text reveals); beside the seeds or on
//! their own; remove one, clear all, export and import the workspace. A load runs in
//! `loading` (the files are extracted by the loader worker, so the page stays
//! responsive); nothing leaves the browser.

use super::context::CorpusHandle;
use quoteline_core::corpus::ArticleMeta;
use quoteline_core::formats::ingest::{MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use quoteline_core::formats::workspace::{Mode, StoredArticle, Workspace};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    pub workspace: Rc<Workspace>,
    /// A new workspace to adopt (and save).
    pub on_change: Callback<Workspace>,
    /// Why the last save failed, if it did.
    pub save_error: Option<super::storage::StorageError>,
    /// A precomputed corpus file to open (picked, or dropped among the articles).
    pub on_open_file: Callback<web_sys::File>,
}

use super::loading::{Item, Messages, Progress, Run};

/// How many of your articles the list shows at first, and how many more each
/// "Show more" adds (a month of coverage is thousands: each row is a form).
const ROWS_PAGE: usize = 50;

#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    let handle = use_context::<CorpusHandle>();
    // The paste box survives a reload of the tab (and a page that died).
    let paste = use_state(super::guard::draft);
    let pasted_count = use_mut_ref(|| 0usize);
    let progress = use_state(|| None::<Progress>);
    let messages = use_state(Messages::new);
    let cancel = use_mut_ref(|| false);
    let retry = use_state(|| None::<Rc<Vec<Item>>>);
    let confirm_clear = use_state(|| false);
    let dragging = use_state(|| false);
    let row_limit = use_state(|| ROWS_PAGE);
    let row_filter = use_state(String::new);
    // Each article's place in the corpus and its statement count, by name: counted once
    // per corpus, not once per row (that was a scan of every statement per row).
    let article_stats = use_memo(handle.clone(), |h| {
        let mut stats: std::collections::HashMap<String, (usize, usize)> = Default::default();
        if let Some(CorpusHandle(c)) = h {
            let mut counts = vec![0usize; c.articles.len()];
            for e in &c.entries {
                if let Some(n) = counts.get_mut(e.article) {
                    *n += 1;
                }
            }
            for (i, a) in c.articles.iter().enumerate() {
                stats.insert(a.name.clone(), (i, counts[i]));
            }
        }
        stats
    });
    // The current workspace for callbacks and the async loader (shared, not copied).
    let live = use_mut_ref(|| Rc::new(Workspace::default()));
    *live.borrow_mut() = props.workspace.clone();
    let run = Run {
        progress: progress.clone(),
        messages: messages.clone(),
        cancel: cancel.clone(),
        live: live.clone(),
        on_change: props.on_change.clone(),
        on_open_file: props.on_open_file.clone(),
        retry: retry.clone(),
    };
    let busy = progress.is_some();
    let on_retry = {
        let (run, retry) = (run.clone(), retry.clone());
        Callback::from(move |_| {
            if let Some(items) = (*retry).clone() {
                run.clone().start((*items).clone());
            }
        })
    };

    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                super::guard::save_draft(&t.value());
                paste.set(t.value());
            }
        })
    };
    let add_paste = {
        let (paste, run, count, messages) = (
            paste.clone(),
            run.clone(),
            pasted_count.clone(),
            messages.clone(),
        );
        Callback::from(move |_| {
            if paste.trim().is_empty() {
                messages.set(vec![(
                    true,
                    "The pasted text is empty: nothing added.".into(),
                )]);
                return;
            }
            *count.borrow_mut() += 1;
            let name = format!("pasted text {}", *count.borrow());
            run.clone().start(vec![Item::Text(name, (*paste).clone())]);
            // (From here until it is added, a panic hook keeps the text: see guard.)
            super::guard::save_draft("");
            paste.set(String::new());
        })
    };
    let files_of = |list: Option<web_sys::FileList>| -> Vec<Item> {
        let mut items = Vec::new();
        if let Some(list) = list {
            for i in 0..list.length() {
                if let Some(f) = list.get(i) {
                    items.push(Item::File(f));
                }
            }
        }
        items
    };
    let on_pick = {
        let run = run.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                run.clone().start(files_of(input.files()));
                input.set_value("");
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (run, dragging) = (run.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            run.clone()
                .start(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_| *cancel.borrow_mut() = true)
    };
    let set_mode = |mode: Mode| {
        let (live, cb) = (live.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut ws = (**live.borrow()).clone();
            ws.mode = mode;
            cb.emit(ws);
        })
    };
    let export = {
        let (live, messages) = (live.clone(), messages.clone());
        Callback::from(move |_| {
            let ws = live.borrow().clone();
            let messages = messages.clone();
            // (The loader worker writes the file: the explorer carries no JSON printer.)
            wasm_bindgen_futures::spawn_local(async move {
                let r = super::worker::write_workspace(&ws)
                    .await
                    .and_then(|json| offer_workspace(&json));
                messages.set(vec![match r {
                    Ok(()) => (
                        false,
                        format!(
                            "Exported {} article{} as quoteline-workspace.json.",
                            ws.articles.len(),
                            if ws.articles.len() == 1 { "" } else { "s" }
                        ),
                    ),
                    Err(e) => (true, format!("Export failed: {e}.")),
                }]);
            });
        })
    };
    let on_import = {
        let (live, cb, messages) = (live.clone(), props.on_change.clone(), messages.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let (live, cb, messages) = (live.clone(), cb.clone(), messages.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let result = match text {
                    Some(t) => super::worker::read_workspace(t).await,
                    None => Err("the browser could not read it".to_string()),
                };
                match result {
                    Ok(imported) => {
                        let mut ws = (**live.borrow()).clone();
                        let n = ws.merge_import(imported.articles);
                        messages.set(vec![(
                            false,
                            format!(
                                "Imported {n} article{} from {name}.",
                                if n == 1 { "" } else { "s" }
                            ),
                        )]);
                        cb.emit(ws);
                    }
                    Err(why) => messages.set(vec![(
                        true,
                        format!(
                            "Import refused: {name}: {why}. Your current articles are unchanged."
                        ),
                    )]),
                }
            });
        })
    };
    let on_open_corpus = {
        let cb = props.on_open_file.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                    cb.emit(f);
                }
                input.set_value("");
            }
        })
    };
    let clear = {
        let (live, cb, confirm) = (live.clone(), props.on_change.clone(), confirm_clear.clone());
        Callback::from(move |_| {
            let mut ws = (**live.borrow()).clone();
            ws.articles.clear();
            confirm.set(false);
            cb.emit(ws);
        })
    };
    let ask_clear = {
        let c = confirm_clear.clone();
        Callback::from(move |_| c.set(true))
    };
    let keep = {
        let c = confirm_clear.clone();
        Callback::from(move |_| c.set(false))
    };

    let ws = &props.workspace;
    let corpus = handle.map(|h| h.0);
    // The rows shown: those the filter finds (name, outlet or headline, any case), the
    // first `row_limit` of them.
    let needle = row_filter.trim().to_lowercase();
    let found = |a: &&StoredArticle| {
        needle.is_empty()
            || [&a.name, &a.meta.outlet, &a.meta.headline]
                .iter()
                .any(|f| f.to_lowercase().contains(&needle))
    };
    let found: Vec<&StoredArticle> = ws.articles.iter().filter(found).collect();
    let matching = found.len();
    let rows = &found[..matching.min(*row_limit)];
    let rows_summary = match (needle.is_empty(), rows.len() == ws.articles.len()) {
        (true, true) => format!(
            "{} article{}.",
            ws.articles.len(),
            if ws.articles.len() == 1 { "" } else { "s" }
        ),
        (true, false) => format!("Showing {} of {} articles.", rows.len(), ws.articles.len()),
        (false, _) => format!(
            "{matching} of {} articles match “{}”{}.",
            ws.articles.len(),
            row_filter.trim(),
            if rows.len() < matching {
                format!("; showing {}", rows.len())
            } else {
                String::new()
            }
        ),
    };
    let on_row_filter = {
        let (f, limit) = (row_filter.clone(), row_limit.clone());
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                f.set(i.value());
                limit.set(ROWS_PAGE);
            }
        })
    };
    let more_rows = {
        let limit = row_limit.clone();
        Callback::from(move |_| limit.set(*limit + ROWS_PAGE))
    };
    let all_rows = {
        let limit = row_limit.clone();
        Callback::from(move |_| limit.set(usize::MAX))
    };
    html! {
        <section class="loader" id="loader" aria-labelledby="loader-title">
            <h2 id="loader-title">{"Your articles"}</h2>
            <p class="hint">{"Add articles to explore them like the seeds. They are read and stored in this browser only; nothing is sent anywhere."}</p>
            <div class="load-inputs">
                <div class={classes!("dropzone", (*dragging).then_some("dragging"))} id="dropzone"
                    ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <p>{"Drop .txt, .md or .html files (or a .qlc corpus file) here, or "}</p>
                    <label class="tool file-pick">{"Choose files…"}
                        <input type="file" id="pick-files" multiple=true class="visually-hidden"
                            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onchange={on_pick} disabled={busy} />
                    </label>
                    <p class="muted small">{format!("Up to {} MB per file and {} MB per load.", MAX_FILE_BYTES / 1_000_000, MAX_TOTAL_BYTES / 1_000_000)}</p>
                </div>
                <div class="paste">
                    <label for="paste-text">{"Or paste an article"}</label>
                    <textarea id="paste-text" rows="5" value={(*paste).clone()} oninput={on_paste_input} placeholder="Paste the text of an article (or its HTML)…" />
                    <button type="button" class="tool" id="add-paste" onclick={add_paste} disabled={busy}>{"Add pasted text"}</button>
                </div>
            </div>
            if let Some(Progress(label, done, total)) = &*progress {
                <div class="progress" role="status">
                    <label for="load-progress">{label}</label>
                    <progress id="load-progress" max={total.to_string()} value={done.to_string()} />
                    <button type="button" class="tool" onclick={on_cancel}>{"Cancel"}</button>
                </div>
            }
            <div class="load-messages" role="status" aria-live="polite" id="load-messages">
                { for messages.iter().map(|(err, m)| html! { <p class={classes!(err.then_some("error"))}>{m}</p> }) }
                if let Some(e) = &props.save_error { <p class="error">{e}</p> }
                if retry.is_some() && !busy {
                    <p><button type="button" class="tool" id="load-retry" onclick={on_retry}>{"Retry"}</button></p>
                }
            </div>
            <fieldset class="mode">
                <legend>{"Show my articles"}</legend>
                <label><input type="radio" name="mode" checked={ws.mode == Mode::WithSeeds} onchange={set_mode(Mode::WithSeeds)} />{" beside the embedded seed articles"}</label>
                <label><input type="radio" name="mode" checked={ws.mode == Mode::Alone} onchange={set_mode(Mode::Alone)} />{" on their own (the seeds stay built in; switch back any time)"}</label>
            </fieldset>
            if ws.articles.is_empty() {
                <p class="muted">{"No articles of yours yet."}</p>
            } else {
                if ws.articles.len() > ROWS_PAGE {
                    <div class="my-articles-find">
                        <label for="find-article">{"Find an article"}</label>
                        <input id="find-article" type="search" value={(*row_filter).clone()} oninput={on_row_filter}
                            placeholder="name, outlet or headline" />
                    </div>
                }
                <p class="muted small" id="my-articles-count" role="status">{rows_summary}</p>
                <ul class="my-articles" aria-labelledby="loader-title">
                    { for rows.iter().map(|a| article_row(a, corpus.as_deref(), article_stats.get(&a.name).copied(), &live, &props.on_change, &messages)) }
                </ul>
                if rows.len() < matching {
                    <p class="my-articles-more">
                        <button type="button" class="tool" id="more-articles" onclick={more_rows}>
                            {format!("Show {} more", ROWS_PAGE.min(matching - rows.len()))}
                        </button>
                        {" "}
                        <button type="button" class="tool" id="all-articles" onclick={all_rows}>
                            {format!("Show all {matching}")}
                        </button>
                    </p>
                }
            }
            <div class="ws-actions">
                <button type="button" class="tool" onclick={export} disabled={ws.articles.is_empty()}>{"Export workspace"}</button>
                <label class="tool file-pick">{"Open a corpus file…"}
                    <input type="file" id="open-corpus" accept={format!(".{}", quoteline_core::formats::pack::EXTENSION)} class="visually-hidden" onchange={on_open_corpus} />
                </label>
                if served() {
                    // The archive mode (its own module) asks for the directory.
                    <a class="tool" id="open-archive-dir" href="archive.html?open=directory">{"Open an archive directory…"}</a>
                }
                <label class="tool file-pick">{"Import workspace…"}
                    <input type="file" id="import-workspace" accept=".json,application/json" class="visually-hidden" onchange={on_import} />
                </label>
                if *confirm_clear {
                    <span class="confirm">{format!("Remove all {} articles? ", ws.articles.len())}
                        <button type="button" class="tool danger" onclick={clear}>{"Remove all"}</button>
                        <button type="button" class="tool" onclick={keep}>{"Keep them"}</button>
                    </span>
                } else {
                    <button type="button" class="tool" onclick={ask_clear} disabled={ws.articles.is_empty()}>{"Clear all"}</button>
                }
            </div>
        </section>
    }
}

/// Whether the page is served over http(s): a sharded archive's directory is read by
/// the archive mode, which a page opened from disk (the single file) does not have.
fn served() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p != "file:")
}

/// One loaded article: its statements, the form, and Remove.
fn article_row(
    a: &StoredArticle,
    corpus: Option<&quoteline_core::corpus::Corpus>,
    // Its index in the corpus and its statement count.
    stats: Option<(usize, usize)>,
    live: &Rc<RefCell<Rc<Workspace>>>,
    on_change: &Callback<Workspace>,
    messages: &UseStateHandle<Messages>,
) -> Html {
    let statements = stats.map_or(0, |(_, n)| n);
    let article = corpus
        .zip(stats)
        .filter(|(c, (i, _))| *i < c.articles.len())
        .map(|(c, (i, _))| (c, i));
    // What the form shows: what the user gave, else what the text reveals.
    let shown = |given: &str, inferred: Option<String>| {
        if given.is_empty() {
            inferred.unwrap_or_default()
        } else {
            given.to_string()
        }
    };
    let inferred = article.map(|(c, i)| &c.articles[i]);
    let outlet = shown(&a.meta.outlet, inferred.map(|x| x.outlet.clone()));
    let headline = shown(&a.meta.headline, inferred.map(|x| x.meta.headline.clone()));
    let date = shown(
        &a.meta.date,
        inferred
            .filter(|x| x.anchor.is_known())
            .map(|x| x.anchor.label()),
    );
    let field = |key: &'static str| {
        let (live, cb, name, messages) = (
            live.clone(),
            on_change.clone(),
            a.name.clone(),
            messages.clone(),
        );
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let Some(v) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value().trim().to_string())
            else {
                return;
            };
            if key == "date"
                && !v.is_empty()
                && quoteline_core::corpus::dates::parse_iso(&v).is_none()
            {
                messages.set(vec![(
                    true,
                    format!(
                        "{name}: the date “{v}” is not YYYY-MM-DD (or YYYY-MM, YYYY); not changed."
                    ),
                )]);
                return;
            }
            if key == "url"
                && !v.is_empty()
                && !(v.starts_with("https://") || v.starts_with("http://"))
            {
                messages.set(vec![(
                    true,
                    format!("{name}: the URL must start with http:// or https://; not changed."),
                )]);
                return;
            }
            let mut ws = (**live.borrow()).clone();
            if let Some(art) = ws.articles.iter_mut().find(|x| x.name == name) {
                let m: &mut ArticleMeta = &mut art.meta;
                match key {
                    "outlet" => m.outlet = v,
                    "headline" => m.headline = v,
                    "date" => m.date = v,
                    _ => m.url = v,
                }
            }
            cb.emit(ws);
        })
    };
    let remove = {
        let (live, cb, name) = (live.clone(), on_change.clone(), a.name.clone());
        Callback::from(move |_| {
            let mut ws = (**live.borrow()).clone();
            ws.remove(&name);
            cb.emit(ws);
        })
    };
    let id = |k: &str| {
        format!(
            "{k}-{}",
            a.name.replace(|c: char| !c.is_alphanumeric(), "-")
        )
    };
    html! {
        <li class="my-article" key={a.name.clone()} data-name={a.name.clone()}>
            <div class="my-article-head">
                <strong>{&a.name}</strong>
                <span class="muted">{format!(" · {statements} statement{} · {} kB", if statements == 1 { "" } else { "s" }, quoteline_core::text::number::fixed(a.text.len() as f64 / 1e3, 1))}</span>
                <button type="button" class="tool" onclick={remove} aria-label={format!("Remove {}", a.name)}>{"Remove"}</button>
            </div>
            <div class="meta-form">
                <label for={id("outlet")}>{"Outlet"}</label>
                <input id={id("outlet")} value={outlet} onchange={field("outlet")} />
                <label for={id("headline")}>{"Headline"}</label>
                <input id={id("headline")} value={headline} onchange={field("headline")} />
                <label for={id("date")}>{"Date"}</label>
                <input id={id("date")} value={date} placeholder="YYYY-MM-DD" onchange={field("date")} />
                <label for={id("url")}>{"URL"}</label>
                <input id={id("url")} value={a.meta.url.clone()} placeholder="https://…" onchange={field("url")} />
            </div>
        </li>
    }
}

/// Offers a workspace file as the download `quoteline-workspace.json`.
fn offer_workspace(json: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    return super::export::download("quoteline-workspace.json", "application/json", json)
        .map_err(|e| e.to_string());
    // No downloads in server rendering (ui::export is browser-only).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = json;
        Ok(())
    }
}
