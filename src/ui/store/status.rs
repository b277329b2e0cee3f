//! What the store tells the user: IndexedDB missing (said once), records skipped, the
//! move from localStorage, and the figures (what is saved, what the browser reports used
//! and available, whether it keeps the data persistently).

use super::records::{unread_notice, Unread};
use crate::ui::storage::{mb, StorageError};
use yew::prelude::*;

/// The store's state, for the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    /// IndexedDB could not be opened: the browser's reason (articles last for the session).
    pub unavailable: Option<String>,
    /// Article records skipped (left in the database as they are).
    pub unread: Vec<Unread>,
    /// The mode's record, if it was skipped (left as it is; the mode is the default).
    pub unread_mode: Option<Unread>,
    /// An older Quoteline's localStorage workspace that could not be read (left in place).
    pub legacy: Option<StorageError>,
    /// One-time news (the move from localStorage).
    pub notices: Vec<String>,
    /// Why the last write failed (cleared by the next one that succeeds).
    pub error: Option<StorageError>,
    /// What is stored: articles and bytes of text.
    pub stored_articles: usize,
    pub stored_bytes: usize,
    /// The browser's figures: bytes used, bytes available.
    pub estimate: Option<(f64, f64)>,
    /// Persistent storage: not asked yet (`None`), asked and granted or refused, or the
    /// browser cannot say (`Some(None)`).
    pub persisted: Option<Option<bool>>,
}

impl Status {
    /// The line of figures.
    pub fn figures(&self) -> String {
        let mut line = format!(
            "Saved in this browser: {} article{} ({} of text).",
            self.stored_articles,
            if self.stored_articles == 1 { "" } else { "s" },
            mb(self.stored_bytes as f64)
        );
        if let Some((used, quota)) = self.estimate {
            line.push_str(&format!(
                " Browser storage: {} used of {} available.",
                mb(used),
                mb(quota)
            ));
        }
        line.push_str(match self.persisted {
            None => "",
            Some(Some(true)) => " The browser keeps them persistently (persistent storage granted).",
            Some(Some(false)) => " The browser did not grant persistent storage: it may clear them if the disk runs low; export the workspace to keep a copy.",
            Some(None) => " The browser cannot say whether it keeps them persistently.",
        });
        line
    }
}

#[derive(Properties, PartialEq)]
pub struct StoreStatusProps {
    pub status: Status,
    /// Whether to show the figures (under "Your articles").
    pub figures: bool,
    /// Removes what could not be read (the user's explicit choice).
    pub on_discard: Callback<()>,
}

/// The store's notices and, when asked, its figures.
#[component]
pub fn StoreStatus(props: &StoreStatusProps) -> Html {
    let said = use_state(|| false);
    let s = &props.status;
    let dismiss = {
        let said = said.clone();
        Callback::from(move |_| said.set(true))
    };
    let discard = {
        let cb = props.on_discard.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let skipped: Vec<Unread> = s.unread.iter().chain(&s.unread_mode).cloned().collect();
    let unread = unread_notice(&skipped);
    html! {
        <>
            if let (Some(why), false) = (&s.unavailable, *said) {
                <div class="notice" role="status" id="store-unavailable">
                    <span>{format!("This browser gives the page no IndexedDB storage ({why}), so your articles last only until the page is closed. Export the workspace to keep them.")}</span>
                    <button type="button" class="link" onclick={dismiss}>{"Dismiss"}</button>
                </div>
            }
            for n in s.notices.iter() {
                <div class="notice" role="status" id="store-notice"><span>{n}</span></div>
            }
            if unread.is_some() || s.legacy.is_some() {
                <div class="notice error" role="alert" id="store-unread">
                    if let Some(u) = &unread { <span>{u}</span> }
                    if let Some(e) = &s.legacy { <span>{e}</span> }
                    <button type="button" class="link" id="store-discard" onclick={discard}>{"Remove what could not be read"}</button>
                </div>
            }
            if props.figures && s.unavailable.is_none() {
                <p class="notice store-figures" role="status" id="store-figures">{s.figures()}</p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_say_what_is_kept() {
        let s = Status {
            stored_articles: 5000,
            stored_bytes: 20_400_000,
            estimate: Some((61_000_000.0, 12_500_000_000.0)),
            persisted: Some(Some(false)),
            ..Status::default()
        };
        assert_eq!(s.figures(), "Saved in this browser: 5000 articles (20.4 MB of text). Browser storage: 61.0 MB used of 12.5 GB available. The browser did not grant persistent storage: it may clear them if the disk runs low; export the workspace to keep a copy.");
    }
}
