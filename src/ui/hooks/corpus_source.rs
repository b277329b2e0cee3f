//! Where the shown corpus comes from: the workspace (the seeds and the user's articles),
//! a `?corpus=` file being fetched, or a corpus file opened (from the link, the picker,
//! or the one reopened after a reload). Opening says what it is doing and, on failure,
//! why, and what is shown instead.

use crate::ui::corpus_file::{self, Opened};
use crate::ui::hooks::workspace_store::WorkspaceStore;
use crate::ui::{loading, store};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the shown corpus comes from.
#[derive(Clone, PartialEq)]
pub enum Source {
    /// The seeds and the user's articles (the workspace).
    Workspace,
    /// A `?corpus=` file being fetched: nothing is built or written to the URL meanwhile.
    Pending(String),
    /// A corpus file, opened.
    Opened(Rc<Opened>),
}

/// A notice's line: (is an error, text).
pub type Message = Option<(bool, String)>;

/// What [`use_corpus_source`] gives the root.
pub struct CorpusSource {
    pub source: UseStateHandle<Source>,
    /// What opening a corpus file is doing, or why it failed.
    pub message: UseStateHandle<Message>,
    /// Opens a corpus file picked by the user (and keeps it, to reopen after a reload).
    pub on_open_file: Callback<web_sys::File>,
    /// Closes the open corpus file: back to the workspace.
    pub close_file: Callback<()>,
}

/// Shows an opened corpus file, or says why `name` could not be opened (and what is
/// shown instead, `fallback`). Whether it opened.
fn adopt(
    opened: Result<Opened, String>,
    name: &str,
    fallback: &str,
    source: &UseStateHandle<Source>,
    message: &UseStateHandle<Message>,
) -> bool {
    match opened {
        Ok(o) => {
            message.set(None);
            source.set(Source::Opened(Rc::new(o)));
            true
        }
        Err(why) => {
            message.set(Some((
                true,
                format!("Could not open the corpus file {name}: {why}. {fallback}"),
            )));
            false
        }
    }
}

/// The corpus source, at first the `?corpus=` link's file (unless the app was `given` a
/// corpus) or the workspace; the file picker's callback and Close. The files from the
/// link and the store are opened by [`use_opened_files`], called where their effects
/// must run (after the root's reaction to a new corpus, which reads `restore`).
#[hook]
pub fn use_corpus_source(given: bool) -> CorpusSource {
    let source = use_state(|| match corpus_file::requested() {
        Some(url) if !given => Source::Pending(url),
        _ => Source::Workspace,
    });
    let message = use_state(|| None::<(bool, String)>);
    let on_open_file = {
        let (source, message) = (source.clone(), message.clone());
        Callback::from(move |file: web_sys::File| open_picked(file, &source, &message))
    };
    let close_file = {
        let source = source.clone();
        Callback::from(move |_| {
            corpus_file::forget_request();
            store::files::forget_opened();
            source.set(Source::Workspace);
        })
    };
    CorpusSource {
        source,
        message,
        on_open_file,
        close_file,
    }
}

/// Opens the `?corpus=` link's file once, and the file `store` reopens; each sets
/// `restore` (the link's view applies to the corpus that arrives).
#[hook]
pub fn use_opened_files(cs: &CorpusSource, store: &WorkspaceStore, restore: Rc<RefCell<bool>>) {
    use_link_file(&cs.source, &cs.message, restore.clone());
    use_reopened_file(&cs.source, &cs.message, store.reopen.clone(), restore);
}

/// `?corpus=URL`: fetched and opened once; on failure, says why and shows the workspace.
#[hook]
fn use_link_file(
    source: &UseStateHandle<Source>,
    message: &UseStateHandle<Message>,
    restore: Rc<RefCell<bool>>,
) {
    let (source, message) = (source.clone(), message.clone());
    use_effect_with((), move |_| {
        if let Source::Pending(url) = (*source).clone() {
            message.set(Some((false, format!("Opening the corpus file {url}…"))));
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match corpus_file::fetch(&url).await {
                    Ok(b) => corpus_file::open(&url, b, true).await,
                    Err(why) => Err(why),
                };
                *restore.borrow_mut() = true;
                let fallback = "Showing the seeds and your articles instead.";
                if !adopt(opened, &url, fallback, &source, &message) {
                    source.set(Source::Workspace);
                }
            });
        }
    });
}

/// The corpus file that was open when the page was left, reopened (until closed).
#[hook]
fn use_reopened_file(
    source: &UseStateHandle<Source>,
    message: &UseStateHandle<Message>,
    reopen: Option<Rc<(String, Vec<u8>)>>,
    restore: Rc<RefCell<bool>>,
) {
    let (source, message) = (source.clone(), message.clone());
    use_effect_with(reopen, move |file| {
        if let (Some(f), Source::Workspace) = (file.clone(), &*source) {
            *restore.borrow_mut() = true;
            // (Pending while it is read: nothing is built or written to the URL.)
            source.set(Source::Pending(f.0.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                let opened = corpus_file::open(&f.0, f.1.clone(), false)
                    .await
                    .map(|o| Opened { kept: true, ..o });
                if !adopt(opened, &f.0, "It is no longer reopened.", &source, &message) {
                    store::files::forget_opened();
                    source.set(Source::Workspace);
                }
            });
        }
    });
}

/// A corpus file picked by the user: opened, and kept in the browser to be reopened
/// after a reload; if it cannot be kept, the user is told (it stays open for this visit).
fn open_picked(
    file: web_sys::File,
    source: &UseStateHandle<Source>,
    message: &UseStateHandle<Message>,
) {
    let (source, message) = (source.clone(), message.clone());
    let name = file.name();
    message.set(Some((false, format!("Opening the corpus file {name}…"))));
    wasm_bindgen_futures::spawn_local(async move {
        let mut opened = match loading::read_bytes(&file).await {
            Ok(b) => corpus_file::open(&name, b, false).await,
            Err(why) => Err(why),
        };
        let mut not_kept = None;
        if let Ok(o) = &mut opened {
            match store::files::keep_opened(&name, &o.pack).await {
                Ok(()) => o.kept = true,
                Err(why) => not_kept = Some(why),
            }
        }
        if adopt(opened, &name, "Nothing was changed.", &source, &message) {
            if let Some(why) = not_kept {
                message.set(Some((true, format!("The corpus file {name} is open, but it could not be kept in this browser, so a reload will not reopen it: {why}."))));
            }
        }
    });
}
