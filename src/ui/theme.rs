//! The theme toggle: follows the system by default; the user can pick light or dark,
//! remembered in localStorage (`quoteline-theme`) and applied as `<html data-theme>`.

use yew::prelude::*;

/// (`assets/first-view.js` applies it by this name before the first paint.)
#[cfg(target_arch = "wasm32")]
const KEY: &str = "quoteline-theme";

fn stored() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .filter(|t| t == "light" || t == "dark")
            .unwrap_or_else(|| "system".into())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        "system".into()
    }
}

fn apply(theme: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(w) = web_sys::window() else { return };
        if let Some(root) = w.document().and_then(|d| d.document_element()) {
            let _ = if theme == "system" {
                root.remove_attribute("data-theme")
            } else {
                root.set_attribute("data-theme", theme)
            };
        }
        // Storage may be unavailable (private mode, quota): the choice then lasts for the page.
        if let Some(s) = w.local_storage().ok().flatten() {
            let _ = if theme == "system" {
                s.remove_item(KEY)
            } else {
                s.set_item(KEY, theme)
            };
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = theme;
}

#[component]
pub fn ThemeToggle() -> Html {
    let theme = use_state(stored);
    {
        let t = (*theme).clone();
        use_effect_with(t, |t| apply(t));
    }
    let next = match theme.as_str() {
        "system" => "light",
        "light" => "dark",
        _ => "system",
    };
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_| theme.set(next.to_string()))
    };
    let label = match theme.as_str() {
        "light" => "Theme: light",
        "dark" => "Theme: dark",
        _ => "Theme: system",
    };
    html! {
        <button type="button" class="tool theme-toggle" id="theme-toggle" {onclick} aria-label={format!("{label} (click for {next})")} title={format!("Switch to {next}")}>{label}</button>
    }
}
