//! The framing view: conflicting claims between outlets (with the evidence from each
//! article, stance words marked), then every outlet's headline and lede side by side.
//! Follows the outlet filter.

use super::context::CorpusHandle;
use super::highlight::render_marked;
use quoteline_core::corpus::framing::{Claim, Framing};
use quoteline_core::corpus::topics::taxonomy;
use quoteline_core::text::Span;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FramingProps {
    pub framing: Rc<Framing>,
    /// The outlet filter (empty = all).
    pub outlets: Vec<String>,
}

/// `span` of `text` with the given sub-spans marked.
fn marked(text: &str, span: Span, marks: &[Span]) -> Html {
    let ranges: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| span.contains(**m))
        .map(|m| (m.start - span.start, m.end - span.start))
        .collect();
    render_marked(span.of(text), &ranges)
}

#[component]
pub fn FramingView(props: &FramingProps) -> Html {
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let f = &props.framing;
    let t = taxonomy();
    let shown = |article: usize| {
        props.outlets.is_empty() || props.outlets.contains(&corpus.articles[article].outlet)
    };
    let claim = |c: &Claim| {
        let a = &corpus.articles[c.article];
        html! {
            <li>
                <span class="outlet">{&a.outlet}</span>
                <span class="muted">{format!(" ({}) ", c.place.as_str())}</span>
                <q class="evidence">{ marked(&a.text, c.evidence, &[c.trigger]) }</q>
            </li>
        }
    };
    let conflicts: Vec<_> = f
        .conflicts
        .iter()
        .filter(|k| {
            k.backs
                .iter()
                .chain(&k.withholds)
                .any(|&i| shown(f.claims[i].article))
        })
        .collect();
    html! {
        <section class="results framing" id="framing" aria-labelledby="framing-title">
            <h2 id="framing-title">{"Framing: what each outlet leads with"}</h2>
            <h3>{"Conflicting claims"}</h3>
            if conflicts.is_empty() {
                <p class="empty">{"No outlet's headline or lede contradicts another's on who backs what."}</p>
            }
            { for conflicts.iter().map(|k| {
                let topics: Vec<&str> = k.topics.iter().map(|&i| t[i].name.as_str()).collect();
                html! {
                    <article class="conflict">
                        <h4>{format!("{} — {}", k.actor, topics.join(", "))}</h4>
                        <div class="sides">
                            <div class="side backs">
                                <h5>{format!("Says {} backs it", k.actor)}</h5>
                                <ul>{ for k.backs.iter().filter(|&&i| shown(f.claims[i].article)).map(|&i| claim(&f.claims[i])) }</ul>
                            </div>
                            <div class="side withholds">
                                <h5>{format!("Says {} withholds it", k.actor)}</h5>
                                <ul>{ for k.withholds.iter().filter(|&&i| shown(f.claims[i].article)).map(|&i| claim(&f.claims[i])) }</ul>
                            </div>
                        </div>
                    </article>
                }
            }) }
            <h3>{"Headlines and ledes side by side"}</h3>
            <div class="frames">
                { for f.frames.iter().enumerate().filter(|(ai, _)| shown(*ai)).map(|(ai, fr)| {
                    let a = &corpus.articles[ai];
                    let triggers: Vec<Span> = f.claims.iter().filter(|c| c.article == ai).map(|c| c.trigger).collect();
                    html! {
                        <article class="frame" key={a.name.clone()}>
                            <h4>{&a.outlet}</h4>
                            <p class="frame-meta muted">
                                {a.anchor.label()}
                                if !a.meta.byline.is_empty() { {format!(" · {}", a.meta.byline)} }
                                if !a.meta.derived_from.is_empty() { {format!(" · reports per {}", a.meta.derived_from)} }
                            </p>
                            <p class="frame-headline">
                                { match (fr.headline, fr.headline_text.is_empty()) {
                                    (Some(h), _) => marked(&a.text, h, &triggers),
                                    (None, false) => html! { {&fr.headline_text} },
                                    (None, true) => html! { <span class="muted">{"No headline in the text."}</span> },
                                } }
                            </p>
                            <p class="frame-lede">
                                { match fr.lede { Some(l) => marked(&a.text, l, &triggers), None => html! { <span class="muted">{"No lede found."}</span> } } }
                            </p>
                        </article>
                    }
                }) }
            </div>
        </section>
    }
}
