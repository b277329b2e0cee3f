//! An opened archive statement in the explorer's own detail panel: the panel reads its
//! statement from the corpus context, so the statement, its speaker and its article are
//! given to it as a corpus of one statement (the seam: no second detail panel), and the
//! statement's cross-outlet group, or why its shard could not be read, follows it.

use super::super::context::CorpusHandle;
use super::super::detail::DetailPanel;
use quoteline_core::corpus::{Corpus, Entry};
use quoteline_core::view::archive::Opened;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// The corpus of one statement: `opened`'s article, speaker and entry (renumbered 0).
pub fn one_statement(opened: &Opened) -> Corpus {
    let entry = Entry {
        article: 0,
        speaker: 0,
        ..opened.row.entry.clone()
    };
    Corpus {
        articles: vec![opened.article.clone()],
        entries: vec![entry],
        speakers: vec![opened.speaker.clone()],
        events: Vec::new(),
    }
}

/// What the detail shows.
#[derive(Clone, PartialEq)]
pub enum Shown {
    Nothing,
    /// Statement number `n` being fetched.
    Opening(u64),
    Opened(CorpusHandle, Rc<Opened>),
    /// Statement number `n` could not be opened: why.
    Failed(u64, String),
}

#[derive(Properties, PartialEq)]
pub struct OpenedDetailProps {
    pub shown: Shown,
    pub on_action: Callback<Action>,
}

/// The detail panel of the archive mode (see the module's comment).
#[component]
pub fn OpenedDetail(props: &OpenedDetailProps) -> Html {
    // The panel's empty state (what to do, the keys) reads an empty corpus.
    let empty = use_memo((), |_| CorpusHandle(Rc::new(Corpus::default())));
    let close = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::Select(None)))
    };
    match &props.shown {
        Shown::Nothing => html! {
            <ContextProvider<CorpusHandle> context={(*empty).clone()}>
                <DetailPanel selected={None} on_action={props.on_action.clone()} comparison={None} />
            </ContextProvider<CorpusHandle>>
        },
        Shown::Opening(n) => html! {
            <aside class="detail" aria-label="Statement detail" id="detail" aria-busy="true">
                <p role="status">{format!("Opening statement {n} and its article…")}</p>
            </aside>
        },
        Shown::Failed(n, why) => html! {
            <aside class="detail" aria-label="Statement detail" id="detail">
                <p class="notice error" role="alert" id="open-message">
                    {format!("Statement {n} could not be opened: {why}. The rest of the archive still works.")}
                </p>
                <button type="button" class="tool" onclick={close}>{"Close (Esc)"}</button>
            </aside>
        },
        Shown::Opened(handle, opened) => {
            let group = match &opened.group {
                Ok(None) => html! {},
                Ok(Some(g)) => html! {
                    <p class="reported-by" id="archive-group">{format!(
                        "In a cross-outlet group of {} renderings from {} outlets.",
                        g.members.len(),
                        g.outlets
                    )}</p>
                },
                Err(e) => html! {
                    <p class="notice error" role="alert" id="archive-group">
                        {format!("Its cross-outlet group is unavailable: {e}.")}
                    </p>
                },
            };
            html! {
                <div class="archive-detail">
                    {group}
                    <ContextProvider<CorpusHandle> context={handle.clone()}>
                        <DetailPanel selected={Some(0)} on_action={props.on_action.clone()} comparison={None} />
                    </ContextProvider<CorpusHandle>>
                </div>
            }
        }
    }
}
