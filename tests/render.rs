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
