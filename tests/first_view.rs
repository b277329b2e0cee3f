//! The seeds' first view, prerendered: `assets/first-view.html` is the App for an address
//! with no view state, rendered natively with yew's server renderer (the same components
//! as the explorer, so the markup is defined once) inside the wrapper the explorer takes
//! over from (`src/ui/first_view.rs`). index.html pastes it into the page's body (Trunk's
//! `rel="inline"`), so the first statement shows before any wasm arrives.
//!
//! The checked-in file must equal a fresh render byte for byte; after a change to the
//! views or the seeds, refresh it with `make prerender`
//! (`QUOTELINE_BLESS=1 cargo test --test first_view`) and review the diff.
#![cfg(not(target_arch = "wasm32"))]

use quoteline::ui::first_view::{APP_CLASS, ID, STATUS_CLASS};
use quoteline::ui::App;
use std::path::Path;

const FILE: &str = "assets/first-view.html";

/// The page's first view: a status line saying the explorer is loading, and the App's
/// markup, inert and busy until the explorer replaces it.
async fn render() -> String {
    let app = yew::LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    format!(
        concat!(
            "<!-- The seeds' first view, prerendered by tests/first_view.rs (make prerender);\n",
            "     the explorer replaces it when its wasm is ready (src/ui/first_view.rs). -->\n",
            "<div id=\"{id}\">\n",
            "<p class=\"{status}\" role=\"status\">Loading the explorer…<span class=\"first-view-preview\"> ",
            "The list is a preview: its controls work in a moment.</span></p>\n",
            "<div class=\"{app}\" aria-busy=\"true\" inert>{html}</div>\n",
            "</div>\n"
        ),
        id = ID,
        status = STATUS_CLASS,
        app = APP_CLASS,
        html = app,
    )
}

#[tokio::test(flavor = "current_thread")]
async fn the_checked_in_first_view_is_a_fresh_render() {
    let fresh = render().await;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    if std::env::var("QUOTELINE_BLESS").is_ok() {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("writing {FILE}: {e}"));
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == fresh,
        "{FILE} is not the App's render today (a view or the seeds changed): run `make prerender` \
         (QUOTELINE_BLESS=1 cargo test --test first_view) and review the diff"
    );
}

/// The strict CSP (`style-src 'self'`, no `'unsafe-inline'`) refuses inline styles and
/// scripts: the prerender must need neither.
#[tokio::test(flavor = "current_thread")]
async fn the_first_view_needs_no_inline_style_or_script() {
    let html = render().await;
    for refused in [" style=", "<style", "<script", " onclick=", "javascript:"] {
        assert!(!html.contains(refused), "the first view holds {refused:?}");
    }
}

/// It shows the seeds' statements, and says that the explorer is still loading.
#[tokio::test(flavor = "current_thread")]
async fn the_first_view_shows_statements_and_says_it_is_loading() {
    let html = render().await;
    let corpus = quoteline::seed_corpus();
    assert!(html.matches("class=\"statement ").count() > 0);
    assert!(html.contains(&format!("data-outlet=\"{}\"", corpus.outlets()[0])));
    assert!(html.contains("aria-busy=\"true\" inert>"));
    assert!(html.contains("role=\"status\">Loading the explorer"));
}
