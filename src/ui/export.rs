//! Exports: downloads of the filtered statements as CSV or JSON (built by the pure core),
//! and copying a citation to the clipboard. Blob URLs, so they work offline and under a
//! strict Content-Security-Policy.

use wasm_bindgen::JsCast;

/// Why a download could not be offered. Its `Display` is the message for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadError {
    /// The browser would not make the file (a `Blob`).
    NoFile,
    /// The browser would not make a link to it (an object URL).
    NoLink,
    /// The page has no document to make the link in.
    NoDocument,
    /// The link element made is not a link.
    NoAnchor,
}

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DownloadError::NoFile => "could not create the file",
            DownloadError::NoLink => "could not create a download link",
            DownloadError::NoDocument => "no document",
            DownloadError::NoAnchor => "no anchor",
        })
    }
}

impl std::error::Error for DownloadError {}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    let doc = gloo::utils::document();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| DownloadError::NoFile)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::NoLink)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| DownloadError::NoDocument)?
        .dyn_into()
        .map_err(|_| DownloadError::NoAnchor)?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
