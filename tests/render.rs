//! Native render tests: the App rendered to HTML with yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

use quoteline::ui::App;

#[tokio::test(flavor = "current_thread")]
async fn app_renders_statements_from_all_five_outlets() {
    let html = yew::LocalServerRenderer::<App>::new().render().await;
    let corpus = quoteline::seed_corpus();
    let items = html.matches("class=\"statement ").count();
    assert_eq!(items, corpus.entries.len(), "every statement is listed");
    for outlet in corpus.outlets() {
        assert!(
            html.contains(&format!("data-outlet=\"{outlet}\"")),
            "no statement from {outlet}"
        );
    }
    assert_eq!(corpus.outlets().len(), 5);
    assert!(html.contains(&format!(
        "{} of {} statements",
        corpus.entries.len(),
        corpus.entries.len()
    )));
    // Facets with counts and an accessible search box.
    for facet in ["outlet", "speaker", "kind", "affiliation"] {
        assert!(
            html.contains(&format!("data-facet=\"{facet}\"")),
            "no {facet} facet"
        );
    }
    assert!(html.contains("Export CSV") && html.contains("Export JSON"));
    assert!(html.contains("<label for=\"search\""));
}

/// An empty corpus ("my articles alone" before any is added) renders every panel with a
/// message instead of panicking.
#[tokio::test(flavor = "current_thread")]
async fn an_empty_corpus_renders_with_a_message() {
    use quoteline::ui::{app::AppProps, context::CorpusHandle};
    let props = AppProps {
        corpus: Some(CorpusHandle(std::rc::Rc::new(
            quoteline_core::corpus::Corpus::default(),
        ))),
        comparison: None,
    };
    let html = yew::LocalServerRenderer::<App>::with_props(props)
        .render()
        .await;
    assert!(html.contains("0 of 0 statements"), "{html}");
    assert!(html.contains("No articles to show"));
    assert!(html.contains("No statement matches"));
}

/// A synthetic corpus far larger than the list's window renders only the window.
#[tokio::test(flavor = "current_thread")]
async fn a_large_corpus_renders_one_window_of_rows() {
    use quoteline::ui::{app::AppProps, context::CorpusHandle};
    use quoteline_core::corpus::Corpus;
    use quoteline_core::synth::{generate, SynthArticle, SynthParams};
    let arts = generate(&SynthParams::for_bytes(3, 300_000)).unwrap();
    let corpus = Corpus::build(arts.iter().map(SynthArticle::input).collect());
    let n = corpus.entries.len();
    assert!(n > quoteline::ui::list::WINDOW * 2);
    let props = AppProps {
        corpus: Some(CorpusHandle(std::rc::Rc::new(corpus))),
        comparison: None,
    };
    let html = yew::LocalServerRenderer::<App>::with_props(props)
        .render()
        .await;
    assert_eq!(
        html.matches("class=\"statement ").count(),
        quoteline::ui::list::WINDOW
    );
    assert!(html.contains(&format!("{n} of {n} statements")));
}
