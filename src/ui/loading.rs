//! A load under way: the files' sizes checked, their bytes read in batches and handed to
//! the loader worker (`ui::worker`), which reads and extracts each; the progress shows
//! the article it is on, and Cancel stops the load with nothing added. An article the
//! worker dies on is named and left out, and the rest goes on in a fresh worker; a
//! worker that cannot start is said, with a Retry.

use super::context::next_task;
use quoteline_core::formats::ingest::MAX_FILE_BYTES;
use quoteline_core::formats::ingest::MAX_TOTAL_BYTES;
use quoteline_core::formats::workspace::Workspace;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A message line: (is an error, text).
pub type Messages = Vec<(bool, String)>;

/// Something to load: a name and its bytes, or a browser file read when its turn comes.
#[derive(Clone)]
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

pub(crate) async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: the browser could not read it", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// How many files are read at once.
const READ_BATCH: usize = 64;
/// How long the loader works between two paints, in ms.
const SLICE_MS: f64 = 12.0;
/// How often the progress shows the worker's article, at most, in ms.
const PROGRESS_MS: f64 = 50.0;

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
                "{}: too large ({} MB; the limit is {} MB per file). Split it, or run the command-line extractor over it.",
                f.name(),
                quoteline_core::text::number::fixed(size as f64 / 1e6, 1),
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
pub struct Progress(pub String, pub usize, pub usize);

/// Shared state of a running load.
#[derive(Clone)]
pub struct Run {
    pub progress: UseStateHandle<Option<Progress>>,
    pub messages: UseStateHandle<Messages>,
    pub cancel: Rc<RefCell<bool>>,
    pub live: Rc<RefCell<Rc<Workspace>>>,
    pub on_change: Callback<Workspace>,
    pub on_open_file: Callback<web_sys::File>,
    /// A load the worker could not start for, kept for Retry.
    pub retry: UseStateHandle<Option<Rc<Vec<Item>>>>,
}

/// How a batch ended.
enum Batch {
    Finished,
    /// Cancelled, or the worker could not go on: the load ends, nothing added.
    Stopped,
}

impl Run {
    /// Loads the items (see `run`); adds what loaded when all are done (or nothing, if
    /// cancelled), and reports each refusal and note.
    pub fn start(self, items: Vec<Item>) {
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
        self.retry.set(None);
        wasm_bindgen_futures::spawn_local(self.run(items, notes));
    }

    /// Shows `progress`, lets the page paint and handle input, and says whether the
    /// load goes on (false: it was cancelled, and the user is told nothing was added).
    async fn pause(&self, progress: Progress) -> bool {
        self.progress.set(Some(progress));
        next_task().await;
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

    /// The worker could not start: nothing is added; the message says why, with a Retry.
    fn unavailable(&self, why: &super::worker::Trouble, items: Vec<Item>) {
        self.progress.set(None);
        super::guard::take_pending();
        self.messages.set(vec![(
            true,
            format!(
                "Nothing added: {why}. The explorer still works; Retry loads these articles again."
            ),
        )]);
        self.retry.set(Some(Rc::new(items)));
    }

    /// `notes`: what the load already has to say (shown after its summary).
    ///
    /// First the sizes are checked against the limit of one load (nothing is added if
    /// they are over it), in slices of about `SLICE_MS` between paints. Then the files
    /// are read a batch at a time (see `read_batch`) and handed to the loader worker,
    /// which reads and extracts them while the page stays free; between its answers the
    /// progress shows and Cancel is seen.
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
                        "Nothing added: these {total} files hold {} MB, more than the {} MB one load takes. Load fewer at a time.",
                        quoteline_core::text::number::fixed(total_bytes as f64 / 1e6, 1),
                        MAX_TOTAL_BYTES / 1_000_000
                    ),
                ),
            );
            self.messages.set(notes);
            return;
        }
        self.progress
            .set(Some(Progress("Starting the loader…".into(), 0, total)));
        let session = match super::worker::Session::open().await {
            Ok(s) => s,
            Err(why) => return self.unavailable(&why, items),
        };
        if self.cancelled() {
            return;
        }
        // The articles read so far are held by `guard` (a panic hook saves them).
        super::guard::take_pending();
        let mut tally = Tally {
            total,
            ..Tally::default()
        };
        let mut items = items.into_iter().zip(sizes);
        loop {
            let batch: Vec<(Item, usize)> = items.by_ref().take(READ_BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let names: Vec<String> = batch.iter().map(|(i, _)| i.name()).collect();
            let read = read_batch(batch).await;
            let mut files = Vec::with_capacity(read.len());
            for (name, bytes) in names.into_iter().zip(read) {
                match bytes {
                    Ok(b) => files.push((name, b)),
                    Err(e) => {
                        tally.done += 1;
                        tally.refused += 1;
                        notes.push((true, e));
                    }
                }
            }
            if let Batch::Stopped = self.batch(&session, files, &mut tally, &mut notes).await {
                return;
            }
        }
        drop(session);
        let added = super::guard::take_pending();
        self.progress.set(None);
        let mut ws = (**self.live.borrow()).clone();
        let n = added.len();
        // (Held by `guard` until the workspace holding them is saved.)
        super::guard::hold_unsaved(&added);
        ws.add_all(added);
        let mut summary = format!("Added {n} article{}.", if n == 1 { "" } else { "s" });
        if tally.refused > 0 {
            summary.push_str(&format!(" {} refused (see below).", tally.refused));
        }
        notes.insert(0, (n == 0, summary));
        self.messages.set(notes);
        if n > 0 {
            self.on_change.emit(ws);
        }
    }

    /// Hands one batch of files to the worker and takes its answers. An article the
    /// worker dies on is named and left out; the rest of the batch goes to a fresh one.
    async fn batch(
        &self,
        session: &super::worker::Session,
        mut files: Vec<(String, Vec<u8>)>,
        tally: &mut Tally,
        notes: &mut Messages,
    ) -> Batch {
        use super::worker::Trouble;
        use crate::protocol::{Request, Response};
        let mut shown = f64::NEG_INFINITY;
        while !files.is_empty() {
            session.send(&Request::Load {
                files: files.clone(),
                panic_on: super::guard::test_panic_load(),
            });
            // How many of `files` the worker has answered for.
            let mut answered = 0;
            loop {
                let answer = session.next().await;
                if self.cancelled() {
                    // Its answers to what was sent are not waited for: a fresh worker
                    // serves the next request.
                    super::worker::reset();
                    return Batch::Stopped;
                }
                match answer {
                    Ok(Response::Working { name }) => {
                        if js_sys::Date::now() - shown >= PROGRESS_MS {
                            shown = js_sys::Date::now();
                            let label =
                                format!("Reading {} of {}: {name}", tally.done + 1, tally.total);
                            self.progress
                                .set(Some(Progress(label, tally.done, tally.total)));
                        }
                    }
                    Ok(Response::Loaded { article, notes: n }) => {
                        answered += 1;
                        tally.done += 1;
                        notes.extend(n.into_iter().map(|n| (false, n)));
                        super::guard::push_pending(article);
                    }
                    Ok(Response::Refused { why }) => {
                        answered += 1;
                        tally.done += 1;
                        tally.refused += 1;
                        notes.push((true, why));
                    }
                    Ok(Response::Done) => {
                        files.clear();
                        break;
                    }
                    Ok(_) => {}
                    Err(Trouble::Died { article, message }) => {
                        super::guard::disarm_test_panic();
                        let name = article.unwrap_or_else(|| {
                            files.get(answered).map(|f| f.0.clone()).unwrap_or_default()
                        });
                        tally.done += 1;
                        tally.refused += 1;
                        notes.push((true, format!("{name}: the extraction stopped on an internal error ({message}), so it was left out; the rest of this load went on.")));
                        files.drain(..(answered + 1).min(files.len()));
                        if let Err(why) = session.restart().await {
                            self.unavailable(&why, Vec::new());
                            return Batch::Stopped;
                        }
                        break;
                    }
                    Err(why) => {
                        self.unavailable(&why, Vec::new());
                        return Batch::Stopped;
                    }
                }
            }
        }
        next_task().await;
        if self.cancelled() {
            return Batch::Stopped;
        }
        Batch::Finished
    }
}

/// A load's counts.
#[derive(Default)]
struct Tally {
    total: usize,
    done: usize,
    refused: usize,
}
