//! Reading what a DOM event carries: the value of the `<select>` it came from.

/// The value of the `<select>` an event came from.
/// The value of the `<select>` element an event came from, if it came from one.
pub fn select_value(ev: &yew::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
}
