//! An opened archive statement in the explorer's own detail panel: the panel reads its
//! statement from the corpus context, so the statement, its speaker and its article are
//! given to it as a corpus of one statement (the seam: no second detail panel), and its
//! "In other outlets" is the statement's cross-outlet group (computed at pack time): the
//! group's other renderings with their outlets, each opened by a click, or why the
//! group or their shards could not be read.

use super::super::context::CorpusHandle;
use super::super::detail::{diff_view, DetailPanel};
use quoteline_core::corpus::{Corpus, Entry};
use quoteline_core::view::archive::{Opened, Row};
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
    /// Opens another statement by its number (a rendering in another outlet).
    pub on_open: Callback<u64>,
}

/// One rendering in another outlet: its outlet and kind (a button that opens it), its
/// speaker where another is named, and its words' differences from the opened one.
fn rendering(here: &Row, r: &Row, on_open: &Callback<u64>) -> Html {
    let (cb, n) = (on_open.clone(), r.number);
    html! {
        <li key={r.number.to_string()} data-number={r.number.to_string()}>
            <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(n))}>
                {format!("{} · {}", r.outlet, r.entry.statement.kind.as_str())}
            </button>
            if r.entry.article == here.entry.article {
                <span class="muted">{" same article"}</span>
            }
            if r.speaker != here.speaker {
                <span class="flag">{format!("attributed to {}", r.speaker)}</span>
            }
            { diff_view(&here.text, &r.text) }
        </li>
    }
}

/// The detail's "In other outlets" for an opened archive statement.
fn other_outlets(opened: &Opened, on_open: &Callback<u64>) -> Html {
    let g = match &opened.group {
        Ok(Some(g)) => g,
        Ok(None) => {
            return html! { <p class="muted" id="archive-group">{"No other rendering of this statement is in the archive."}</p> }
        }
        Err(e) => {
            return html! {
                <p class="notice error" role="alert" id="archive-group">
                    {format!("Its cross-outlet group is unavailable: {e}.")}
                </p>
            }
        }
    };
    let others = g.members.len().saturating_sub(1);
    let list = match &opened.others {
        Ok(rows) => html! {
            <>
                <ul class="renderings" id="archive-others">
                    { for rows.iter().map(|r| rendering(&opened.row, r, on_open)) }
                </ul>
                if rows.len() < others {
                    <p class="muted">{format!("The first {} of the {others} others are shown.", rows.len())}</p>
                }
            </>
        },
        Err(e) => html! {
            <p class="notice error" role="alert" id="archive-others">
                {format!("Its other renderings are unavailable: {e}.")}
            </p>
        },
    };
    html! {
        <>
            <p class="reported-by" id="archive-group">{format!(
                "Reported by {} outlets, in {} renderings.",
                g.outlets,
                g.members.len()
            )}</p>
            if g.quotes_differ {
                <p class="flag-line"><span class="flag">{"Quotes differ:"}</span>{" outlets put different words inside the quotation marks for this remark. Check which matches the source."}</p>
            }
            { list }
        </>
    }
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
        Shown::Opened(handle, opened) => html! {
            <div class="archive-detail">
                <ContextProvider<CorpusHandle> context={handle.clone()}>
                    <DetailPanel selected={Some(0)} on_action={props.on_action.clone()} comparison={None} others={other_outlets(opened, &props.on_open)} />
                </ContextProvider<CorpusHandle>>
            </div>
        },
    }
}
