//! "Your articles": paste text, drop files or pick them (`.txt`, `.md`, `.html`; several
//! at once), with a progress bar and a cancel button; a small form per article (outlet,
//! headline, date, URL; pre-filled from what the text reveals); beside the seeds or on
//! their own; remove one, clear all, export and import the workspace. Files are read in
//! batches and extracted in short slices, so the page stays responsive; nothing leaves
//! the browser.

use super::context::CorpusHandle;
use quoteline_core::corpus::ArticleMeta;
use quoteline_core::formats::ingest::{ingest, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
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

/// A message line: (is an error, text).
type Messages = Vec<(bool, String)>;

/// Something to load: a name and its bytes, or a browser file read when its turn comes.
pub enum Item {
    Text(String, String),
    File(web_sys::File),
}

impl Item {
    fn name(&self) -> String {
        match self {
            Item::Text(n, _) => n.clone(),
            Item::File(f) => f.name(),
        }
    }
    fn size(&self) -> usize {
        match self {
            Item::Text(_, t) => t.len(),
            Item::File(f) => f.size() as usize,
        }
    }
}

/// Waits for the next turn of the event loop, so the page can paint and handle input
/// between slices. A message to itself, not a zero timeout: a timer waits at least 4 ms
/// once nested, and at least a second in a tab in the background, which would stretch
/// a load left to run there from seconds to minutes.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            if channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_err()
            {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
        Err(_) => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the page has painted what it shows now (see `context::after_next_paint`).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        super::context::after_next_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub(crate) async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: the browser could not read it", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// How many of your articles the list shows at first, and how many more each
/// "Show more" adds (a month of coverage is thousands: each row is a form).
const ROWS_PAGE: usize = 50;

/// How many files are read at once.
const READ_BATCH: usize = 64;
/// How long the loader works between two paints, in ms.
const SLICE_MS: f64 = 12.0;

/// Reads a batch of items, each with its size. The files within the size limit are read together, as one
/// `Blob` made of them (a file's read costs the page about a millisecond of its own,
/// so one read for the batch instead of one per file is most of a large load's time
/// saved), and cut back into files by their sizes. If that read fails, or its length
/// is not the sum of the sizes (a file changed on disk), each file is read on its own,
/// so a failure is reported against its own file. One result per item, in order.
async fn read_batch(batch: Vec<(Item, usize)>) -> Vec<Result<Vec<u8>, String>> {
    let (batch, sizes): (Vec<Item>, Vec<usize>) = batch.into_iter().unzip();
    let parts = js_sys::Array::new();
    let mut total = 0;
    for (item, &size) in batch.iter().zip(&sizes) {
        if let Item::File(f) = item {
            if size <= MAX_FILE_BYTES {
                parts.push(f);
                total += size;
            }
        }
    }
    let mut whole: Option<Vec<u8>> = None;
    if parts.length() > 0 {
        if let Ok(blob) = web_sys::Blob::new_with_blob_sequence(&parts) {
            if let Ok(buf) = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                if bytes.len() == total {
                    whole = Some(bytes);
                }
            }
        }
    }
    let mut at = 0;
    let mut out = Vec::with_capacity(batch.len());
    for (item, size) in batch.into_iter().zip(sizes) {
        out.push(match item {
            Item::Text(_, t) => Ok(t.into_bytes()),
            Item::File(f) if size > MAX_FILE_BYTES => Err(format!(
                "{}: too large ({:.1} MB; the limit is {} MB per file). Split it, or run the command-line extractor over it.",
                f.name(),
                size as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            )),
            Item::File(f) => {
                let part = whole.as_ref().and_then(|b| b.get(at..at + size));
                at += size;
                match part {
                    Some(part) => Ok(part.to_vec()),
                    None => read_bytes(&f).await,
                }
            }
        });
    }
    out
}

/// A running load's progress: what it is doing, how many items are done, of how many.
#[derive(Clone, PartialEq)]
struct Progress(String, usize, usize);

/// Shared state of a running load.
#[derive(Clone)]
struct Run {
    progress: UseStateHandle<Option<Progress>>,
    messages: UseStateHandle<Messages>,
    cancel: Rc<RefCell<bool>>,
    live: Rc<RefCell<Rc<Workspace>>>,
    on_change: Callback<Workspace>,
    on_open_file: Callback<web_sys::File>,
}

impl Run {
    /// Loads the items in batches and slices (see `run`); adds what loaded when all are
    /// done (or nothing, if cancelled), and reports each refusal and note.
    fn start(self, items: Vec<Item>) {
        // A corpus file among them is opened as such, not read as an article.
        let (files, items): (Vec<Item>, Vec<Item>) = items.into_iter().partition(
            |i| matches!(i, Item::File(f) if super::corpus_file::is_corpus_name(&f.name())),
        );
        let mut notes: Messages = Vec::new();
        let mut files = files.into_iter();
        if let Some(Item::File(f)) = files.next() {
            let skipped: Vec<String> = files.map(|i| i.name()).collect();
            if !skipped.is_empty() {
                notes.push((
                    true,
                    format!(
                        "Opening {} only: one corpus file is shown at a time, so {} {} not opened.",
                        f.name(),
                        skipped.join(", "),
                        if skipped.len() == 1 { "was" } else { "were" }
                    ),
                ));
            }
            self.on_open_file.emit(f);
        }
        if items.is_empty() {
            if !notes.is_empty() {
                self.messages.set(notes);
            }
            return;
        }
        *self.cancel.borrow_mut() = false;
        wasm_bindgen_futures::spawn_local(self.run(items, notes));
    }

    /// Shows `progress`, lets the page paint and handle input, and says whether the
    /// load goes on (false: it was cancelled, and the user is told nothing was added).
    async fn pause(&self, progress: Progress) -> bool {
        self.progress.set(Some(progress));
        next_tick().await;
        !self.cancelled()
    }

    /// At the end of a slice (`SLICE_MS` since `started`), pauses with `progress` and
    /// starts the next slice; says whether the load goes on.
    async fn slice(&self, started: &mut f64, progress: impl FnOnce() -> Progress) -> bool {
        if js_sys::Date::now() - *started < SLICE_MS {
            return true;
        }
        let go_on = self.pause(progress()).await;
        *started = js_sys::Date::now();
        go_on
    }

    /// Whether the user cancelled; if so, the progress goes and they are told that
    /// nothing was added.
    fn cancelled(&self) -> bool {
        if !*self.cancel.borrow() {
            return false;
        }
        self.progress.set(None);
        super::guard::take_pending();
        self.messages.set(vec![(
            false,
            "Cancelled: nothing from this load was added.".into(),
        )]);
        true
    }

    /// `notes`: what the load already has to say (shown after its summary).
    ///
    /// First the sizes are checked against the limit of one load (nothing is added if
    /// they are over it). Then the files are read a batch at a time (see `read_batch`)
    /// and ingested and extracted in slices of about `SLICE_MS`: between slices the page
    /// paints the progress and handles input, and the cancel button is seen. (One file
    /// per tick cost a timer's minimum delay, a read and a render of the progress per
    /// file: most of a large load's time.)
    async fn run(self, items: Vec<Item>, mut notes: Messages) {
        let total = items.len();
        // The last load's messages would read as this one's.
        self.messages.set(Vec::new());
        // A file's size asks the file system the first time (about 0.2 ms a file in
        // Chromium), so thousands of them are checked in slices too.
        let mut sizes = Vec::with_capacity(total);
        // (Before the first item: the progress shows at once.)
        let mut started = f64::NEG_INFINITY;
        for item in &items {
            let done = sizes.len();
            let progress = || {
                let label = format!("Checking {} of {total}: {}", done + 1, item.name());
                Progress(label, done, total)
            };
            if !self.slice(&mut started, progress).await {
                return;
            }
            sizes.push(item.size());
        }
        let total_bytes: usize = sizes.iter().sum();
        if total_bytes > MAX_TOTAL_BYTES {
            self.progress.set(None);
            notes.insert(
                0,
                (
                    true,
                    format!(
                        "Nothing added: these {total} files hold {:.1} MB, more than the {} MB one load takes. Load fewer at a time.",
                        total_bytes as f64 / 1e6,
                        MAX_TOTAL_BYTES / 1_000_000
                    ),
                ),
            );
            self.messages.set(notes);
            return;
        }
        // The articles read so far are held by `guard` (a panic hook saves them).
        super::guard::take_pending();
        let mut refused = 0;
        let mut done = 0;
        let mut items = items.into_iter().zip(sizes);
        started = f64::NEG_INFINITY;
        loop {
            let batch: Vec<(Item, usize)> = items.by_ref().take(READ_BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let names: Vec<String> = batch.iter().map(|(i, _)| i.name()).collect();
            let read = read_batch(batch).await;
            for (name, bytes) in names.into_iter().zip(read) {
                let progress = || {
                    Progress(
                        format!("Reading {} of {total}: {name}", done + 1),
                        done,
                        total,
                    )
                };
                if !self.slice(&mut started, progress).await {
                    return;
                }
                done += 1;
                match bytes.and_then(|b| ingest(&name, &b).map_err(|e| e.to_string())) {
                    Ok(got) => {
                        notes.extend(got.notes.iter().map(|n| (false, format!("{name}: {n}"))));
                        let article = StoredArticle {
                            name: got.name,
                            text: got.text,
                            meta: got.meta,
                        };
                        // Extract now, while the progress shows; the corpus reuses it.
                        super::extraction::warm(&article, false);
                        super::guard::push_pending(article);
                    }
                    Err(e) => {
                        refused += 1;
                        notes.push((true, e));
                    }
                }
            }
        }
        let added = super::guard::take_pending();
        // Building the corpus from thousands of articles takes a while and cannot be
        // cut into slices: say so before it starts.
        if added.len() > ROWS_PAGE {
            let label = format!("Building the corpus of {} articles…", added.len());
            self.progress.set(Some(Progress(label, total, total)));
            painted().await;
            if self.cancelled() {
                return;
            }
        }
        self.progress.set(None);
        let mut ws = (**self.live.borrow()).clone();
        let n = added.len();
        ws.add_all(added);
        let mut summary = format!("Added {n} article{}.", if n == 1 { "" } else { "s" });
        if refused > 0 {
            summary.push_str(&format!(" {refused} refused (see below)."));
        }
        notes.insert(0, (n == 0, summary));
        self.messages.set(notes);
        if n > 0 {
            self.on_change.emit(ws);
        }
    }
}

#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    let handle = use_context::<CorpusHandle>();
    // The paste box survives a reload of the tab (and a page that died).
    let paste = use_state(super::guard::draft);
    let pasted_count = use_mut_ref(|| 0usize);
    let progress = use_state(|| None::<Progress>);
    let messages = use_state(Messages::new);
    let cancel = use_mut_ref(|| false);
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
    };
    let busy = progress.is_some();

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
            let json = live.borrow().to_json();
            #[cfg(target_arch = "wasm32")]
            let r = super::export::download("quoteline-workspace.json", "application/json", &json);
            // No downloads in server rendering (ui::export is browser-only).
            #[cfg(not(target_arch = "wasm32"))]
            let r: Result<(), String> = {
                let _ = &json;
                Ok(())
            };
            messages.set(vec![match r {
                Ok(()) => (
                    false,
                    format!(
                        "Exported {} articles as quoteline-workspace.json.",
                        live.borrow().articles.len()
                    ),
                ),
                Err(e) => (true, format!("Export failed: {e}.")),
            }]);
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
                let result = text
                    .ok_or_else(|| "the browser could not read it".to_string())
                    .and_then(|t| Workspace::from_json(&t).map_err(|e| e.to_string()));
                match result {
                    Ok(imported) => {
                        let mut ws = (**live.borrow()).clone();
                        let mut n = 0;
                        for a in imported.articles {
                            if !ws
                                .articles
                                .iter()
                                .any(|b| b.name == a.name && b.text == a.text)
                            {
                                ws.add(a);
                                n += 1;
                            }
                        }
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
                <span class="muted">{format!(" · {statements} statement{} · {:.1} kB", if statements == 1 { "" } else { "s" }, a.text.len() as f64 / 1e3)}</span>
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
