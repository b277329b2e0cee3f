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
    yew::Renderer::<App>::with_root(root.clone()).render();
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
