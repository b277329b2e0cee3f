//! Why the workspace could not be saved or read ([`StorageError`], the user's message),
//! and the workspace an older Quoteline kept in localStorage (one key, the same versioned
//! JSON as an export, read by the loader worker), which the store (`super::store`) moves
//! into IndexedDB. An unreadable one is reported and left in place until the user clears
//! it. Native builds (SSR tests) have no storage.

use quoteline_core::formats::workspace::Workspace;

/// The localStorage key.
pub const KEY: &str = "quoteline.workspace";

/// Why the workspace could not be saved, or the stored one read. Its `Display` is the
/// message for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives the page no storage.
    NoStorage,
    /// Removing the stored workspace (nothing left to save) failed.
    NotCleared,
    /// Storage is full: the size of what did not fit, in bytes, how many articles that
    /// is, and the browser's figures (bytes used, bytes available) when it gives them.
    Full {
        bytes: usize,
        articles: usize,
        estimate: Option<(f64, f64)>,
    },
    /// The write failed otherwise: the browser's name for the failure.
    NotSaved { reason: String },
    /// The stored workspace could not be read, and why (it stays in storage).
    Unreadable(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::NoStorage => f.write_str(
                "This browser gives the page no storage (IndexedDB), so your articles last only until the page is closed. Export the workspace to keep them.",
            ),
            StorageError::NotCleared => f.write_str("could not clear the saved articles"),
            StorageError::Full {
                bytes,
                articles,
                estimate,
            } => {
                write!(f, "Browser storage is full")?;
                if let Some((used, quota)) = estimate {
                    write!(f, " ({} used of {} available)", mb(*used), mb(*quota))?;
                }
                write!(
                    f,
                    ": {articles} new article{} ({}) {} kept for this session only, and everything saved before is kept. Export the workspace to keep them, or remove some articles.",
                    if *articles == 1 { "" } else { "s" },
                    mb(*bytes as f64),
                    if *articles == 1 { "is" } else { "are" },
                )
            }
            StorageError::NotSaved { reason } => write!(
                f,
                "Could not save the articles ({reason}); they are loaded for now. Export the workspace to keep them."
            ),
            StorageError::Unreadable(e) => write!(
                f,
                "Your articles kept in localStorage could not be read ({e}). They are left there untouched until you remove them."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// Bytes in megabytes, for the user (`4.2 MB`; `1.5 GB` from 1,000 MB).
pub fn mb(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{} GB", quoteline_core::text::number::fixed(bytes / 1e9, 1))
    } else {
        format!("{} MB", quoteline_core::text::number::fixed(bytes / 1e6, 1))
    }
}

/// A view shows the error as its message (`<span>{e}</span>`), as it shows a string.
impl yew::html::IntoPropValue<yew::virtual_dom::VNode> for &StorageError {
    fn into_prop_value(self) -> yew::virtual_dom::VNode {
        yew::virtual_dom::VText::new(self.to_string()).into()
    }
}

/// The workspace an older Quoteline kept in localStorage (`Ok(None)`: there is none),
/// or why it cannot be read (it is then left where it is). The loader worker reads it,
/// so a page with one starts the worker.
pub async fn load_legacy() -> Result<Option<Workspace>, StorageError> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return Ok(None);
        };
        match store.get_item(KEY) {
            Ok(Some(json)) => super::worker::read_workspace(json)
                .await
                .map(Some)
                .map_err(StorageError::Unreadable),
            _ => Ok(None),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    Ok(None)
}

/// Whether localStorage holds an older Quoteline's workspace (read or not).
pub fn has_legacy() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Removes the localStorage workspace (once its articles are verified in IndexedDB, or
/// when the user clears what could not be read).
pub fn remove_legacy() {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message says what happened to the articles, in the words the app has
    /// always shown; an unreadable workspace says why (its field, from the engine).
    #[test]
    fn each_error_says_what_happened() {
        let unreadable = Workspace::from_json("{\"format\": \"other\"}")
            .unwrap_err()
            .to_string();
        let cases = [
            (StorageError::NoStorage, "This browser gives the page no storage (IndexedDB), so your articles last only until the page is closed. Export the workspace to keep them."),
            (StorageError::NotCleared, "could not clear the saved articles"),
            (StorageError::Full { bytes: 6_200_000, articles: 3, estimate: Some((2.9e6, 3e6)) }, "Browser storage is full (2.9 MB used of 3.0 MB available): 3 new articles (6.2 MB) are kept for this session only, and everything saved before is kept. Export the workspace to keep them, or remove some articles."),
            (StorageError::Full { bytes: 400_000, articles: 1, estimate: None }, "Browser storage is full: 1 new article (0.4 MB) is kept for this session only, and everything saved before is kept. Export the workspace to keep them, or remove some articles."),
            (StorageError::NotSaved { reason: "SecurityError".into() }, "Could not save the articles (SecurityError); they are loaded for now. Export the workspace to keep them."),
            (StorageError::Unreadable(unreadable), "Your articles kept in localStorage could not be read (not a Quoteline workspace (its \"format\" is \"other\", not \"quoteline-workspace\")). They are left there untouched until you remove them."),
        ];
        for (e, message) in cases {
            assert_eq!(e.to_string(), message);
        }
    }
}
