//! [`DirectoryChooser`]: `?open=directory` asks for an archive directory from disk:
//! a button-like label around `<input type=file webkitdirectory>` (focusable, opened
//! with Enter or Space, in Chromium, Firefox and Safari), what to pick, and why the
//! last pick was refused. The files are read in the browser; nothing is uploaded.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DirectoryChooserProps {
    /// Why the last chosen directory could not be opened, if it could not.
    pub problem: Option<AttrValue>,
    pub on_chosen: Callback<web_sys::FileList>,
}

#[component]
pub fn DirectoryChooser(props: &DirectoryChooserProps) -> Html {
    let onchange = {
        let cb = props.on_chosen.clone();
        Callback::from(move |ev: Event| {
            let input: Option<web_sys::HtmlInputElement> = ev.target_dyn_into();
            if let Some(files) = input.and_then(|i| i.files()) {
                cb.emit(files);
            }
        })
    };
    html! {
        <section class="notice corpus-banner" id="archive-chooser" aria-labelledby="archive-chooser-title">
            <h2 id="archive-chooser-title">{"Open an archive directory"}</h2>
            <p>{"Choose the directory that "}<code>{"quoteline pack --sharded --out DIR"}</code>
                {" wrote (the one holding root.json). Its files are read here, in the browser, a few at a time as the view needs them; nothing is uploaded. The browser may ask to confirm: it says “upload”, but nothing leaves this page."}</p>
            if let Some(why) = &props.problem {
                <p class="notice error" role="alert" id="corpus-message">{why.clone()}</p>
            }
            <label class="tool file-pick">{"Choose a directory…"}
                <input type="file" id="open-archive" class="visually-hidden" webkitdirectory=true multiple=true {onchange} />
            </label>
        </section>
    }
}
