//! Component tests in headless Chromium (wasm-bindgen-test): mount the App, type a
//! search, click a statement, and check the DOM after the scheduler has flushed.
#![cfg(target_arch = "wasm32")]

use quoteline::ui::App;
use quoteline_core::text::number::coord;
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
    assert!(total >= 70, "only {total} statements rendered");

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
    let text = |sel: &str| {
        banner
            .query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    };
    assert_eq!(text("p").as_deref(), Some("something broke"));
    // A Reload button (drawn by JS: it works when the module is dead), with the focus.
    assert_eq!(text("button").as_deref(), Some("Reload"));
    assert_eq!(
        gloo::utils::document()
            .active_element()
            .map(|e| e.id())
            .as_deref(),
        Some("error-reload")
    );
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
    use quoteline::ui::list::WINDOW;
    use quoteline::ui::{app::AppProps, context::CorpusHandle};
    use quoteline_core::corpus::Corpus;
    use quoteline_core::synth::{generate, SynthArticle, SynthParams};
    use std::rc::Rc;

    // About 700 statements, over ten windows: enough for the window to move, and small
    // enough for the unoptimised test build to extract within the browser's limits.
    let arts = generate(&SynthParams::for_bytes(7, 150_000)).expect("valid parameters");
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
        comparison: None,
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
    use quoteline_core::formats::ingest::ingest;
    use quoteline_core::formats::workspace::{Mode, StoredArticle, Workspace};
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
    let c = quoteline::worker::engine::Engine::default().build(false, &ws.articles, &mut |_| {});
    assert_eq!(parity_lines(&c), include_str!("parity/expected.jsonl"));
}

/// The recorded corpus file (written by `quoteline pack` over the same samples) opens in
/// the browser with the statements the CLI prints: the precomputed path agrees too.
#[wasm_bindgen_test]
async fn corpus_file_opens_with_the_cli_statements() {
    let o = quoteline::ui::corpus_file::open::<quoteline_core::formats::pack::PackError>(
        "fixture.qlc",
        include_bytes!("pack/fixture.qlc").to_vec(),
        false,
    )
    .await
    .expect("the recorded corpus file opens");
    assert_eq!(
        parity_lines(&o.corpus),
        include_str!("parity/expected.jsonl")
    );
    let bad = format!(
        "quoteline-corpus {} 00 5\nabcde",
        quoteline_core::formats::pack::VERSION
    );
    let refused =
        quoteline::ui::corpus_file::open::<String>("x.qlc", bad.into_bytes(), false).await;
    assert!(refused.unwrap_err().contains("checksum"));
}

/// A download that cannot be offered says what could not be made, in the words the
/// export buttons show after "Export failed: " (ui::export is browser-only).
#[wasm_bindgen_test]
fn each_download_error_says_what_could_not_be_made() {
    use quoteline::ui::export::DownloadError;
    for (e, message) in [
        (DownloadError::NoFile, "could not create the file"),
        (DownloadError::NoLink, "could not create a download link"),
        (DownloadError::NoDocument, "no document"),
        (DownloadError::NoAnchor, "no anchor"),
    ] {
        assert_eq!(e.to_string(), message);
    }
}

/// The statements in `tests/parity/expected.jsonl`'s form (file names without folders).
fn parity_lines(c: &quoteline_core::corpus::Corpus) -> String {
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

/// The timeline's marks layer (`ui::marks`), driven directly: after every sync the
/// children of the `g` are exactly the marks given, in their order, each with its
/// attributes; a mark kept keeps its element; the focused mark's element is never
/// handed to another mark. Random sequences of syncs (a fixed LCG, so a failure repeats).
#[wasm_bindgen_test]
fn marks_layer_draws_exactly_the_marks_given() {
    use quoteline::ui::marks::{MarkSpec, MarksLayer};
    use std::rc::Rc;
    let doc = gloo::utils::document();
    let svg = doc
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "svg")
        .unwrap();
    doc.body().unwrap().append_child(&svg).unwrap();
    let g = doc
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "g")
        .unwrap();
    svg.append_child(&g).unwrap();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        rng = rng
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (rng >> 33) % n
    };
    let mut layer = MarksLayer::default();
    let mut kept: std::collections::HashMap<String, web_sys::Element> = Default::default();
    for round in 0..300 {
        // Keys from a pool of 60, in an order that is mostly the pool's (as a zoom's
        // lanes and days are), sometimes shuffled; labels with and without non-ASCII.
        let mut keys: Vec<u64> = (0..60).filter(|_| next(3) > 0).collect();
        if next(4) == 0 {
            for i in (1..keys.len()).rev() {
                keys.swap(i, next(i as u64 + 1) as usize);
            }
        }
        let specs: Vec<MarkSpec> = keys
            .iter()
            .map(|&k| {
                let n = next(5);
                MarkSpec {
                    key: format!("k{k}"),
                    class: format!("mark {}", ["direct", "group", "reported"][next(3) as usize]),
                    label: if next(2) == 0 {
                        format!("6 January 2026 — Merz: “guarantees” {k}/{n}")
                    } else {
                        format!("label {k} {n}")
                    },
                    first: (k * 10 + n) as usize,
                    x: (k * 7 + next(3)) as f64,
                    y: 40.0,
                    r: 4.0 + n as f64,
                    count: (n > 1).then(|| n.to_string()),
                }
            })
            .collect();
        // Focus a mark now and then; it must not end up showing another mark.
        let children = g.children();
        let focused_key = if children.length() > 0 && next(3) == 0 {
            let i = next(children.length() as u64) as usize;
            let el = children.item(i as u32).unwrap();
            let focus: js_sys::Function =
                js_sys::Reflect::get(&el, &"focus".into()).unwrap().into();
            focus.call0(&el).unwrap();
            assert!(
                doc.active_element() == Some(el),
                "round {round}: the mark took the focus"
            );
            kept.iter()
                .find(|(_, e)| **e == children.item(i as u32).unwrap())
                .map(|(k, _)| k.clone())
        } else {
            None
        };
        layer.sync(&g, &Rc::new(specs.clone()));
        let children = g.children();
        assert_eq!(
            children.length() as usize,
            specs.len(),
            "round {round}: count"
        );
        for (i, s) in specs.iter().enumerate() {
            let el = children.item(i as u32).unwrap();
            let at = format!("round {round}, mark {i} ({})", s.key);
            assert_eq!(
                el.get_attribute("class").as_deref(),
                Some(s.class.as_str()),
                "{at}"
            );
            assert_eq!(
                el.get_attribute("aria-label").as_deref(),
                Some(s.label.as_str()),
                "{at}"
            );
            assert_eq!(
                el.get_attribute("data-id"),
                Some(s.first.to_string()),
                "{at}"
            );
            assert_eq!(
                el.get_attribute("transform"),
                Some(format!("translate({} {})", coord(s.x), coord(s.y))),
                "{at}"
            );
            assert_eq!(el.get_attribute("role").as_deref(), Some("button"), "{at}");
            assert_eq!(el.get_attribute("tabindex").as_deref(), Some("0"), "{at}");
            let circle = el.first_element_child().unwrap();
            assert_eq!(circle.get_attribute("r"), Some(coord(s.r)), "{at}");
            let text = circle.next_element_sibling().unwrap();
            assert_eq!(
                text.text_content().unwrap_or_default(),
                s.count.clone().unwrap_or_default(),
                "{at}"
            );
            if let Some(before) = kept.get(&s.key) {
                assert!(before == &el, "{at}: a kept mark keeps its element");
            }
        }
        if let Some(key) = focused_key {
            // Kept: it still has the focus, showing itself. Gone: removed, not reused.
            let active = doc.active_element().filter(|a| g.contains(Some(a)));
            match specs.iter().position(|s| s.key == key) {
                Some(i) => assert!(
                    active == children.item(i as u32),
                    "round {round}: the focused mark kept keeps the focus"
                ),
                None => assert!(
                    active.is_none(),
                    "round {round}: the focus moved to another mark"
                ),
            }
        }
        kept = specs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), children.item(i as u32).unwrap()))
            .collect();
        // The same marks again (a pan that leaves every mark in view): no change.
        if next(4) == 0 {
            layer.sync(&g, &Rc::new(specs.clone()));
            for (i, s) in specs.iter().enumerate() {
                assert!(
                    kept[&s.key] == g.children().item(i as u32).unwrap(),
                    "round {round}: same marks, same elements"
                );
            }
        }
    }
    svg.remove();
}
