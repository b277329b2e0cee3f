//! Precomputed corpus files (`quoteline pack`, see `quoteline_core::formats::pack`) in the browser: opened
//! from the file picker or dropped on the loader, or named by `?corpus=URL` (same host
//! only); read and checked without extracting anything. While one is open it replaces
//! the seeds and your articles (which stay stored, untouched); the banner says what is
//! shown and closes it.

use super::context::{between_slices, in_slices};
use quoteline_core::corpus::compare::Comparison;
use quoteline_core::corpus::Corpus;
use quoteline_core::corpus::StatementId;
use quoteline_core::formats::pack::{self, PackError};
use quoteline_core::view::search::{IndexBuilder, SearchIndex};
use quoteline_core::view::timeline::lanes::chronological;
use std::rc::Rc;
use yew::prelude::*;

/// An opened corpus file.
#[derive(Debug)]
pub struct Opened {
    /// The file name or URL it came from.
    pub name: String,
    /// Whether it came from `?corpus=` (a reload opens it again).
    pub from_url: bool,
    /// Whether the browser keeps it, to reopen it after a reload (a file from the
    /// picker; see `store::files::keep_opened`).
    pub kept: bool,
    pub corpus: Rc<Corpus>,
    pub comparison: Rc<Comparison>,
    /// Its search index (built as it was opened, in slices).
    pub index: Rc<SearchIndex>,
    /// Its statements in time order (the timeline's, made as it was opened).
    pub chronological: Rc<Vec<StatementId>>,
    pub generator: String,
    pub bytes: usize,
    /// The file itself (the framing tab hands it to the loader worker).
    pub pack: Rc<[u8]>,
    pub notes: Vec<String>,
}

/// How many statements' text one step of the search index folds.
const FOLD_PER_STEP: usize = 400;

/// Reads and checks a corpus file, and builds its search index, in slices between
/// paints (`context::in_slices`): a file of 40,000 statements is over 200 ms of work,
/// which in one task would freeze the page. `Err` is the reason, a [`PackError`], given
/// as the error type the caller collects reasons in (the app joins it with a download's
/// reason, as text: `PackError` converts to `String`).
pub async fn open<E: From<PackError>>(
    name: &str,
    bytes: Vec<u8>,
    from_url: bool,
) -> Result<Opened, E> {
    let topics = quoteline_core::corpus::topics::names();
    let p = {
        let mut reading = pack::Reading::new(&bytes)?;
        in_slices(|| reading.step(&topics)).await?
    };
    let mut index = IndexBuilder::default();
    in_slices(|| index.step(&p.corpus, FOLD_PER_STEP).then_some(())).await;
    let index = index.finish(&p.corpus);
    // (The statements in time order, for the timeline: a sort, in a task of its own.)
    between_slices().await;
    let chronological = Rc::new(chronological(&p.corpus));
    Ok(Opened {
        name: name.to_string(),
        from_url,
        kept: false,
        corpus: Rc::new(p.corpus),
        comparison: Rc::new(p.comparison),
        index: Rc::new(index),
        chronological,
        generator: p.generator,
        bytes: bytes.len(),
        pack: Rc::from(bytes),
        notes: p.notes,
    })
}

/// Whether a file name is a corpus file's.
pub fn is_corpus_name(name: &str) -> bool {
    name.to_ascii_lowercase()
        .ends_with(&format!(".{}", pack::EXTENSION))
}

/// The `corpus` parameter of the page's query string, if there is one.
pub fn requested() -> Option<String> {
    // Server rendering has no page address.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("corpus").filter(|v| !v.trim().is_empty())
}

/// Takes `?corpus=` out of the address (after closing the file), keeping the fragment.
pub fn forget_request() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let Ok(url) = web_sys::Url::new(&loc.href().unwrap_or_default()) else {
        return;
    };
    url.search_params().delete("corpus");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// `param` (a `?corpus=` value) as a URL on this page's own host, or why it is refused:
/// another host, or a page opened from disk. The one check of `?corpus=` files and
/// archive directories (`archive::fetcher`).
pub fn same_origin(param: &str) -> Result<web_sys::Url, String> {
    let w = web_sys::window().ok_or("no window")?;
    let here = w.location().href().unwrap_or_default();
    if here.starts_with("file:") {
        return Err("?corpus= works when the app is served over http(s); this page was opened from a file, so open the corpus file with “Your articles” → “Open a corpus file…”".into());
    }
    let url =
        web_sys::Url::new_with_base(param, &here).map_err(|_| format!("“{param}” is not a URL"))?;
    let origin = w.location().origin().unwrap_or_default();
    if url.origin() != origin {
        return Err(format!(
            "?corpus= opens files from this site only ({origin}), not from {}. Download the file and open it with “Your articles” → “Open a corpus file…”",
            url.origin()
        ));
    }
    Ok(url)
}

/// Fetches `?corpus=` from this page's own host. Refused, with the reason, for another
/// host, a page opened from disk, an HTTP error or a network failure.
pub async fn fetch(param: &str) -> Result<Vec<u8>, String> {
    fetch_url(&same_origin(param)?).await
}

/// Fetches a URL [`same_origin`] accepted; a redirect to another site, an HTTP error or
/// a network failure is refused with the reason.
pub async fn fetch_url(url: &web_sys::Url) -> Result<Vec<u8>, String> {
    let w = web_sys::window().ok_or("no window")?;
    let origin = w.location().origin().unwrap_or_default();
    // `same-origin` mode: a redirect to another site fails in the browser, before
    // anything is fetched from it (a host without the recommended CSP header would
    // otherwise follow it).
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let resp = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str_and_init(&url.href(), &init))
        .await
        .map_err(|_| {
            format!(
                "{}: could not be fetched (a network error, or a redirect to another site, which ?corpus= does not follow)",
                url.pathname()
            )
        })?;
    let resp: web_sys::Response = wasm_bindgen::JsCast::dyn_into(resp)
        .map_err(|_| "the browser returned something that is not a response".to_string())?;
    // The address the file finally came from, after any redirect, is checked too.
    let final_origin = web_sys::Url::new(&resp.url())
        .map(|u| u.origin())
        .unwrap_or_default();
    if !resp.url().is_empty() && final_origin != origin {
        return Err(format!(
            "{}: the server redirected to {final_origin}; ?corpus= opens files from this site only ({origin})",
            url.pathname()
        ));
    }
    if !resp.ok() {
        return Err(format!(
            "{}: the server answered {} {}",
            url.pathname(),
            resp.status(),
            resp.status_text()
        ));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(
        resp.array_buffer()
            .map_err(|_| "the response has no body".to_string())?,
    )
    .await
    .map_err(|_| format!("{}: the download was interrupted", url.pathname()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Props for [`CorpusBanner`].
#[derive(Properties, PartialEq)]
pub struct CorpusBannerProps {
    pub opened: Rc<Opened>,
    pub on_close: Callback<()>,
}

impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// What is shown while a corpus file is open, and the way back.
#[component]
pub fn CorpusBanner(props: &CorpusBannerProps) -> Html {
    let o = &props.opened;
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let how = if o.from_url {
        "a reload opens it again; Close returns to the seeds and your articles"
    } else if o.kept {
        "kept in this browser: a reload opens it again until Close returns to the seeds and your articles"
    } else {
        "not kept in this browser: a reload or Close returns to the seeds and your articles"
    };
    html! {
        <div class="notice corpus-banner" role="status" id="corpus-banner">
            <span>
                <strong>{format!("Corpus file {}", o.name)}</strong>
                {format!(
                    ": {} articles, {} statements, {} speakers, {} groups ({} MB, made by {}); {how}.",
                    o.corpus.articles.len(),
                    o.corpus.entries.len(),
                    o.corpus.speakers.len(),
                    o.comparison.groups.len(),
                    quoteline_core::text::number::fixed(o.bytes as f64 / 1e6, 1),
                    if o.generator.is_empty() { "an unnamed tool" } else { &o.generator },
                )}
                { for o.notes.iter().map(|n| html! { <span class="note">{format!(" Note: {n}.")}</span> }) }
            </span>
            <button type="button" class="tool" id="close-corpus" onclick={close}>{"Close"}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reason is the engine's [`PackError`], or its message where the caller keeps
    /// text.
    #[tokio::test]
    async fn a_file_that_cannot_be_opened_gives_the_reason() {
        let e = open::<PackError>("notes.qlc", b"hello".to_vec(), false)
            .await
            .unwrap_err();
        assert_eq!(e, PackError::NotPack);
        let text = open::<String>("notes.qlc", b"hello".to_vec(), false)
            .await
            .unwrap_err();
        assert_eq!(text, e.to_string());
        assert!(text.starts_with("not a Quoteline corpus file"), "{text}");
    }
}
