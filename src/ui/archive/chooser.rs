//! [`DirectoryChooser`]: `?open=directory` asks for an archive directory from disk.
//! Where the browser has `showDirectoryPicker` (Chromium), a button opens it, and the
//! directory kept from the last visit (`picker`) can be reopened with one click, which
//! asks the browser's read permission again when it wants that; elsewhere (Firefox,
//! Safari) a button-like label around `<input type=file webkitdirectory>` (focusable,
//! opened with Enter or Space). Says what to pick, and why the last pick was refused.
//! The files are read in the browser; nothing is uploaded.

use super::picker::{self, DirHandle, Permission};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DirectoryChooserProps {
    /// Why the last chosen directory could not be opened, if it could not.
    pub problem: Option<AttrValue>,
    /// The directory kept from the last visit, whose permission the browser asks again.
    pub remembered: Option<DirHandle>,
    /// The files of a directory chosen with the `webkitdirectory` input.
    pub on_chosen: Callback<web_sys::FileList>,
    /// A directory handle to open, and whether to keep it for the next visit.
    pub on_handle: Callback<(DirHandle, bool)>,
}

#[component]
pub fn DirectoryChooser(props: &DirectoryChooserProps) -> Html {
    // Why the picker or the permission failed (a cancelled pick is no problem).
    let refused = use_state(|| None::<String>);
    let onchange = {
        let cb = props.on_chosen.clone();
        Callback::from(move |ev: Event| {
            let input: Option<web_sys::HtmlInputElement> = ev.target_dyn_into();
            if let Some(files) = input.and_then(|i| i.files()) {
                cb.emit(files);
            }
        })
    };
    let pick = {
        let (cb, refused) = (props.on_handle.clone(), refused.clone());
        Callback::from(move |_| {
            let (cb, refused) = (cb.clone(), refused.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match picker::pick().await {
                    Ok(h) => cb.emit((h, true)),
                    Err(why) if why == "AbortError" => {}
                    Err(why) => refused.set(Some(format!(
                        "The browser did not open its directory picker ({why})."
                    ))),
                }
            });
        })
    };
    let reopen = props.remembered.clone().map(|h| {
        let (cb, refused) = (props.on_handle.clone(), refused.clone());
        Callback::from(move |_| {
            let (h, cb, refused) = (h.clone(), cb.clone(), refused.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match h.permission(true).await {
                    Ok(Permission::Granted) => cb.emit((h, false)),
                    Ok(_) => refused.set(Some(format!(
                        "The browser did not allow this page to read {}: choose it again.",
                        h.dir()
                    ))),
                    Err(why) => refused.set(Some(format!(
                        "The browser could not ask to read {} ({why}): choose it again.",
                        h.dir()
                    ))),
                }
            });
        })
    });
    let problem = (*refused)
        .clone()
        .map(AttrValue::from)
        .or(props.problem.clone());
    html! {
        <section class="notice corpus-banner" id="archive-chooser" aria-labelledby="archive-chooser-title">
            <h2 id="archive-chooser-title">{"Open an archive directory"}</h2>
            <p>{"Choose the directory that "}<code>{"quoteline pack --sharded --out DIR"}</code>
                {" wrote (the one holding root.json). Its files are read here, in the browser, a few at a time as the view needs them; nothing is uploaded."}
                if !picker::available() {
                    {" The browser may ask to confirm: it says “upload”, but nothing leaves this page."}
                }
            </p>
            if let Some(why) = problem {
                <p class="notice error" role="alert" id="corpus-message">{why}</p>
            }
            if let (Some(h), Some(onclick)) = (&props.remembered, reopen) {
                <p id="archive-remembered">{format!("Last time you opened {}. The browser asks once more before this page reads it again.", h.dir())}</p>
                <button type="button" class="tool" id="reopen-archive" {onclick}>{format!("Reopen {}", h.dir())}</button>
            }
            if picker::available() {
                <button type="button" class="tool" id="pick-archive" onclick={pick}>{"Choose a directory…"}</button>
            } else {
                <label class="tool file-pick">{"Choose a directory…"}
                    <input type="file" id="open-archive" class="visually-hidden" webkitdirectory=true multiple=true {onchange} />
                </label>
            }
        </section>
    }
}
