//! The detail panel: the statement in full, a speaker card (name, role, aliases and why
//! they were merged), the evidence, and the source article with the statement, cue and
//! speaker mention marked and scrolled into view.

use super::context::CorpusHandle;
use super::highlight::render_statement;
use quoteline_core::corpus::{Corpus, StatementId};
use quoteline_core::text::Span;
use quoteline_core::view::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    pub selected: Option<StatementId>,
    pub on_action: Callback<Action>,
    /// Cross-outlet groups (shared by pointer).
    /// Present whenever a statement is selected (the app computes it on demand).
    pub comparison: Option<std::rc::Rc<quoteline_core::corpus::compare::Comparison>>,
    /// What "In other outlets" shows when there is no `comparison` (a view that holds
    /// one statement, not the corpus, gives its own list).
    #[prop_or_default]
    pub others: Html,
}

/// The word differences of `there` from `here`, for a rendering in another outlet.
pub fn diff_view(here: &str, there: &str) -> Html {
    use quoteline_core::corpus::compare::{word_diff, Diff};
    html! {
        <span class="diff" aria-label="Word differences from the statement above">
            { for word_diff(here, there).into_iter().map(|d| match d {
                Diff::Same(t) => html! { <span>{t}{" "}</span> },
                Diff::Deleted(t) => html! { <del title="only in the statement above">{t}{" "}</del> },
                Diff::Inserted(t) => html! { <ins title="only in this outlet">{t}{" "}</ins> },
            }) }
        </span>
    }
}

/// The same statement in other outlets, each with its relation and a word diff.
fn other_outlets(
    corpus: &Corpus,
    cmp: &quoteline_core::corpus::compare::Comparison,
    id: StatementId,
    on_action: &Callback<Action>,
) -> Html {
    use quoteline_core::corpus::compare::relation;
    let Some(g) = cmp
        .group_of
        .get(id)
        .copied()
        .flatten()
        .map(|g| &cmp.groups[g])
    else {
        return html! { <p class="muted">{format!("No other outlet of the {} reports this statement.", cmp.total_outlets)}</p> };
    };
    let here = corpus.text_of(&corpus.entries[id]);
    let me = &corpus.entries[id];
    html! {
        <>
            <p class="reported-by">{format!("Reported by {} of {} outlets.", g.outlets, cmp.total_outlets)}</p>
            if g.quotes_differ {
                <p class="flag-line"><span class="flag">{"Quotes differ:"}</span>{" outlets put different words inside the quotation marks for this remark. Check which matches the source."}</p>
            }
            <ul class="renderings">
                { for g.members.iter().filter(|&&m| m != id).map(|&m| {
                    let e = &corpus.entries[m];
                    let rel = relation(corpus, id, m);
                    let cb = on_action.clone();
                    html! {
                        <li key={e.id.clone()}>
                            <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(Action::Select(Some(m))))}>
                                {format!("{} · {}", corpus.articles[e.article].outlet, e.statement.kind.as_str())}
                            </button>
                            <span class={classes!("relation", rel.as_str())}>{rel.as_str()}</span>
                            if e.article == me.article {
                                <span class="muted">{" same article"}</span>
                            }
                            if e.speaker != me.speaker {
                                <span class="flag">{format!("attributed to {}", corpus.speakers[e.speaker].name)}</span>
                            }
                            if !corpus.articles[e.article].meta.derived_from.is_empty() {
                                <span class="derived">{format!(" reports per {}", corpus.articles[e.article].meta.derived_from)}</span>
                            }
                            { diff_view(here, corpus.text_of(e)) }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

/// Splits the article into runs, each tagged with the marks covering it.
pub fn source_runs(text: &str, marks: &[(Span, &'static str)]) -> Vec<(Span, Vec<&'static str>)> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (s, _) in marks {
        if s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end) {
            cuts.push(s.start);
            cuts.push(s.end);
        }
    }
    quoteline_core::text::sort::sort_numbers(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let run = Span::new(w[0], w[1]);
            let classes = marks
                .iter()
                .filter(|(s, _)| s.contains(run))
                .map(|(_, c)| *c)
                .collect();
            (run, classes)
        })
        .collect()
}

fn source_view(corpus: &Corpus, id: StatementId, target: &NodeRef) -> Html {
    let e = &corpus.entries[id];
    let text = &corpus.articles[e.article].text;
    let s = &e.statement;
    let mut marks = vec![(s.span, "hl-statement")];
    // A clause's quoted words, and an interrupted quote's pieces, within the statement.
    if !s.is_quote() || s.quoted.len() > 1 {
        marks.extend(s.quoted.iter().map(|q| (*q, "hl-quoted")));
    }
    if let Some(c) = s.cue {
        marks.push((c, "hl-cue"));
    }
    if let Some(m) = s.evidence.mention {
        marks.push((m, "hl-mention"));
    }
    if let Some(a) = s.evidence.antecedent {
        marks.push((a, "hl-antecedent"));
    }
    let mut first_statement = true;
    html! {
        <div class="source-text" tabindex="0" aria-label="Source article">
            { for source_runs(text, &marks).into_iter().map(|(run, classes)| {
                let t = run.of(text);
                if classes.is_empty() {
                    html! { {t} }
                } else {
                    let r = if classes.contains(&"hl-statement") && first_statement { first_statement = false; target.clone() } else { NodeRef::default() };
                    html! { <mark ref={r} class={classes!(classes)}>{t}</mark> }
                }
            }) }
        </div>
    }
}

#[component]
pub fn DetailPanel(props: &DetailPanelProps) -> Html {
    let target = use_node_ref();
    let copied = use_state(String::new);
    {
        let copied = copied.clone();
        use_effect_with(props.selected, move |_| copied.set(String::new()));
    }
    {
        let target = target.clone();
        use_effect_with(props.selected, move |_| {
            // Scroll only the source pane, so the statement and speaker card stay in view.
            if let Some(mark) = target.cast::<web_sys::HtmlElement>() {
                if let Some(pane) =
                    mark.closest(".source-text").ok().flatten().and_then(|p| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(p).ok()
                    })
                {
                    // The pane is positioned, so it is the mark's offsetParent.
                    let top = mark.offset_top() - pane.client_height() / 3;
                    pane.set_scroll_top(top.max(0));
                }
            }
        });
    }
    let Some(CorpusHandle(corpus)) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let Some(id) = props.selected.filter(|&i| i < corpus.entries.len()) else {
        return html! {
            <aside class="detail empty" aria-label="Statement detail">
                <p>{"Select a statement to see it in its article, with the speaker and the evidence for the attribution."}</p>
                <p class="hint">{"Keys: / search · j/k next/previous · Enter open · Esc close"}</p>
            </aside>
        };
    };
    let e = &corpus.entries[id];
    let art = &corpus.articles[e.article];
    let sp = &corpus.speakers[e.speaker];
    let s = &e.statement;
    let close = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::Select(None)))
    };
    let quoted = s.is_quote();
    let copy = {
        let corpus = corpus.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let Some(c) = quoteline_core::view::export::citation(&corpus, id) else {
                return;
            };
            let copied = copied.clone();
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                let ok = super::export::copy(&c).await;
                copied.set(if ok {
                    "Citation copied.".to_string()
                } else {
                    format!("Copy failed; select and copy: {c}")
                });
            });
            #[cfg(not(target_arch = "wasm32"))]
            copied.set(c);
        })
    };
    html! {
        <aside class="detail" aria-label="Statement detail" id="detail">
            <div class="detail-head">
                <h2>{"Statement"}</h2>
                <button type="button" class="close" onclick={close} aria-label="Close detail (Esc)">{"×"}</button>
            </div>
            <blockquote class={classes!("full", s.kind.as_str())}>
                if quoted { {"“"} } {render_statement(s, corpus.text_of(e), &[])} if quoted { {"”"} }
            </blockquote>
            <p class="detail-actions">
                <button type="button" class="tool" onclick={copy}>{"Copy citation"}</button>
                <span class="status" role="status">{(*copied).clone()}</span>
            </p>
            <dl class="facts">
                <dt>{"Kind"}</dt><dd>{s.kind.as_str()}</dd>
                <dt>{"Outlet"}</dt>
                <dd>
                    {&art.outlet}
                    { for art.provenance.iter().filter(|(f, v, _)| f == "outlet" && *v == art.outlet).map(|(_, _, ev)| html! { <span class="evidence">{format!(" — from the text: {ev}")}</span> }) }
                </dd>
                <dt>{"Cue"}</dt><dd>{s.cue.map(|c| c.of(&art.text).to_string()).unwrap_or_else(|| "none (continues or nearest)".into())}</dd>
                <dt>{"Why this speaker"}</dt><dd>{s.evidence.rule.describe()}</dd>
                <dt>{"Confidence"}</dt><dd>{format!("{}%", quoteline_core::text::number::fixed(f64::from(s.confidence) * 100.0, 0))} if s.is_low_confidence() { <span class="review">{" review"}</span> }</dd>
                <dt>{"Topics"}</dt>
                <dd class="topics">
                    if e.topics.is_empty() { {"other"} }
                    { for e.topics.iter().map(|(i, hits)| {
                        let t = &quoteline_core::corpus::topics::taxonomy()[*i];
                        let words: Vec<&str> = hits.iter().map(|h| h.of(&art.text)).collect();
                        html! { <span class="topic" title={t.description.clone()}>{&t.name}<span class="trigger">{format!(" ({})", words.join(", "))}</span></span> }
                    }) }
                </dd>
                <dt>{"Date"}</dt>
                <dd>{ match e.when_expr {
                    Some(x) => format!("{} (from “{}”)", e.when.label(), x.of(&art.text)),
                    None if e.when.is_known() => format!("{} (the article's date)", e.when.label()),
                    None => "undated (the article gives no date)".to_string(),
                } }</dd>
                <dt>{"Position"}</dt><dd>{format!("{} bytes {}–{}", art.name, s.span.start, s.span.end)}</dd>
            </dl>
            <section class="others" aria-label="In other outlets">
                <h3>{"In other outlets"}</h3>
                if let Some(cmp) = &props.comparison {
                    { other_outlets(&corpus, cmp, id, &props.on_action) }
                } else {
                    { props.others.clone() }
                }
            </section>
            <section class="speaker-card" aria-label="Speaker">
                <h3>{&sp.name}</h3>
                if !sp.role.is_empty() { <p class="role">{&sp.role}</p> }
                if !sp.affiliation.is_empty() { <p class="role">{format!("Affiliation: {}", sp.affiliation)}</p> }
                <p class="speaker-kind">{format!("{:?}", sp.kind).to_lowercase()}</p>
                if !sp.aliases.is_empty() {
                    <ul class="aliases">
                        { for sp.aliases.iter().map(|(a, why)| html! { <li key={a.clone()}><b>{a}</b>{": "}{why}</li> }) }
                    </ul>
                }
            </section>
            <section class="source" aria-label="In the article">
                <h3>{"In the article"}</h3>
                <p class="article-meta">
                    if !art.meta.headline.is_empty() { <span class="headline">{&art.meta.headline}</span> }
                    <span>{&art.outlet}</span>
                    if !art.meta.byline.is_empty() { <span>{format!("by {}", art.meta.byline)}</span> }
                    if !art.meta.derived_from.is_empty() { <span class="derived">{format!("reports per {}", art.meta.derived_from)}</span> }
                    if !art.meta.source.is_empty() { <span class="derived">{format!("primary source: {}", art.meta.source)}</span> }
                </p>
                <p class="legend"><mark class="hl-statement">{"statement"}</mark>{" "}<mark class="hl-statement hl-quoted">{"quoted words"}</mark>{" "}<mark class="hl-cue">{"cue"}</mark>{" "}<mark class="hl-mention">{"speaker mention"}</mark></p>
                { source_view(&corpus, id, &target) }
            </section>
        </aside>
    }
}
