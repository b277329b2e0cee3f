//! Component tests in headless Chromium (wasm-bindgen-test): mount the App, type a
//! search, click a statement, and check the DOM after the scheduler has flushed.
#![cfg(target_arch = "wasm32")]

use quoteline::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn count(root: &web_sys::Element, sel: &str) -> u32 {
    root.query_selector_all(sel)
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn search_and_select() {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let total = count(&root, "li.statement");
    assert!(total >= 90, "only {total} statements rendered");

    // Type a search: the list narrows and hits are marked.
    let input: web_sys::HtmlInputElement = root
        .query_selector("#search")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("Merz");
    let ev = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    let narrowed = count(&root, "li.statement");
    assert!(
        narrowed > 0 && narrowed < total,
        "search gave {narrowed} of {total}"
    );
    assert!(
        count(&root, "li.statement mark") > 0,
        "search hits are highlighted"
    );

    // Click the first statement: the detail shows it marked in its article.
    let button: web_sys::HtmlElement = root
        .query_selector("li.statement button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "#detail"), 1);
    assert!(count(&root, "#detail mark.hl-statement") >= 1);
    assert!(root
        .query_selector("#detail .speaker-card h3")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Merz"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn error_banner_is_visible_and_announced() {
    quoteline::ui::banner::show_error("something broke");
    let banner = gloo::utils::document()
        .get_element_by_id(quoteline::ui::banner::BANNER_ID)
        .expect("banner element");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(banner.text_content().as_deref(), Some("something broke"));
    // A second error replaces the message rather than stacking banners.
    quoteline::ui::banner::show_error("second");
    assert_eq!(
        gloo::utils::document()
            .query_selector_all(".error-banner")
            .unwrap()
            .length(),
        1
    );
}

/// A long list mounts only a window of rows; scrolling the page moves the window, and the
/// spacers keep the page as tall as the whole list.
#[wasm_bindgen_test]
async fn long_list_is_virtualised() {
    use quoteline::core::corpus::Corpus;
    use quoteline::core::synth::{generate, SynthArticle, SynthParams};
    use quoteline::ui::app::{AppProps, CorpusHandle};
    use quoteline::ui::list::WINDOW;
    use std::rc::Rc;

    let arts = generate(&SynthParams::for_bytes(7, 600_000)).expect("valid parameters");
    let corpus = Corpus::build(arts.iter().map(SynthArticle::input).collect());
    let n = corpus.entries.len();
    // The view lives in the URL fragment; start from an empty one.
    gloo::utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"))
        .unwrap();
    assert!(n > 3 * WINDOW, "synthetic corpus too small: {n}");
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        corpus: Some(CorpusHandle(Rc::new(corpus))),
    };
    let app =
        yew::Renderer::<quoteline::ui::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let mounted = count(&root, "li.statement");
    assert!(
        mounted > 0 && mounted as usize <= WINDOW,
        "{mounted} rows mounted for {n} statements"
    );
    let first_id = |root: &web_sys::Element| {
        root.query_selector("li.statement")
            .unwrap()
            .and_then(|li| li.get_attribute("aria-posinset"))
            .unwrap_or_default()
    };
    assert_eq!(first_id(&root), "1");
    let after: web_sys::HtmlElement = root
        .query_selector("#list-after")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(
        after.offset_height() > 1000,
        "the bottom spacer stands for the rows not mounted"
    );

    // Scroll half way down: the window moves with the page and stays bounded.
    let win = gloo::utils::window();
    let height = doc.document_element().unwrap().scroll_height() as f64;
    win.scroll_to_with_x_and_y(0.0, height / 2.0);
    win.dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    let first: usize = first_id(&root).parse().unwrap();
    let mounted = count(&root, "li.statement") as usize;
    assert!(
        first > WINDOW && mounted <= WINDOW,
        "after scrolling, rows from {first} ({mounted} mounted)"
    );
    assert_eq!(
        root.query_selector("li.statement")
            .unwrap()
            .unwrap()
            .get_attribute("aria-setsize")
            .as_deref(),
        Some(n.to_string().as_str())
    );
    win.scroll_to_with_x_and_y(0.0, 0.0);
    app.destroy();
    root.remove();
}

/// CLI parity: the browser's loading path (ingest, then the app's corpus) gives exactly
/// the statements the CLI gives for the same files (tests/parity.rs checks the CLI side
/// against the same recorded lines).
#[wasm_bindgen_test]
fn browser_loading_path_matches_the_cli() {
    use quoteline::core::ingest::ingest;
    use quoteline::core::workspace::{Mode, StoredArticle, Workspace};
    let files: [(&str, &[u8]); 4] = [
        ("briefing.md", include_bytes!("../e2e/fixtures/briefing.md")),
        (
            "hostile.html",
            include_bytes!("../e2e/fixtures/hostile.html"),
        ),
        ("latin1.txt", include_bytes!("../e2e/fixtures/latin1.txt")),
        ("pasted.txt", include_bytes!("../e2e/fixtures/pasted.txt")),
    ];
    let mut ws = Workspace {
        mode: Mode::Alone,
        articles: Vec::new(),
    };
    for (name, bytes) in files {
        let got = ingest(name, bytes).expect("the samples are text");
        ws.add(StoredArticle {
            name: got.name,
            text: got.text,
            meta: got.meta,
        });
    }
    let c = quoteline::ui::app::build_corpus(&ws);
    assert_eq!(parity_lines(&c), include_str!("parity/expected.jsonl"));
}

/// The recorded corpus file (written by `quoteline pack` over the same samples) opens in
/// the browser with the statements the CLI prints: the precomputed path agrees too.
#[wasm_bindgen_test]
fn corpus_file_opens_with_the_cli_statements() {
    let o =
        quoteline::ui::corpus_file::open("fixture.qlc", include_bytes!("pack/fixture.qlc"), false)
            .expect("the recorded corpus file opens");
    assert_eq!(
        parity_lines(&o.corpus),
        include_str!("parity/expected.jsonl")
    );
    let refused =
        quoteline::ui::corpus_file::open("x.qlc", b"quoteline-corpus 1 00 5\nabcde", false);
    assert!(refused.unwrap_err().contains("checksum"));
}

/// The statements in `tests/parity/expected.jsonl`'s form (file names without folders).
fn parity_lines(c: &quoteline::core::corpus::Corpus) -> String {
    c.entries
        .iter()
        .map(|e| {
            let a = &c.articles[e.article];
            serde_json::json!({
                "file": a.name.rsplit('/').next().unwrap_or(&a.name),
                "start": e.statement.span.start,
                "end": e.statement.span.end,
                "kind": e.statement.kind,
                "speaker": c.speakers[e.speaker].name,
                "text": c.text_of(e),
            })
            .to_string()
                + "\n"
        })
        .collect()
}
