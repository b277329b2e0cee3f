//! The framing of the corpus shown, made by the loader worker (it reads headlines and
//! ledes with the extractor's layout) the first time the Framing tab is open for a
//! corpus, from the corpus file the page holds.

use crate::ui::context::CorpusHandle;
use quoteline_core::corpus::framing::Framing;
use std::rc::Rc;
use yew::prelude::*;

/// What [`use_framing`] gives: the framing when made, else what is happening or why it
/// failed (is an error, text), and a Retry.
pub struct FramingState {
    pub framing: Option<Rc<Framing>>,
    pub status: Option<(bool, String)>,
    pub retry: Callback<MouseEvent>,
}

/// Asks the worker for the framing of `pack` (the corpus file of `handle`) when `open`.
#[hook]
pub fn use_framing(handle: &CorpusHandle, pack: Option<Rc<[u8]>>, open: bool) -> FramingState {
    let framing = use_state(|| None::<(CorpusHandle, Rc<Framing>)>);
    let status = use_state(|| None::<(bool, String)>);
    let retry = use_state(|| 0u32);
    {
        let (framing, status) = (framing.clone(), status.clone());
        use_effect_with((handle.clone(), open, *retry), move |(h, open, _)| {
            let made = framing.as_ref().is_some_and(|(fh, _)| fh == h);
            let Some(pack) = pack.filter(|_| *open && !made) else {
                return;
            };
            status.set(Some((false, "Reading the headlines and ledes…".into())));
            let h = h.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::ui::worker::framing(&pack).await {
                    Ok(f) => {
                        status.set(None);
                        framing.set(Some((h, Rc::new(f))));
                    }
                    Err(why) => status.set(Some((
                        true,
                        format!("The framing view could not be made: {why}. The other views work."),
                    ))),
                }
            });
        });
    }
    let on_retry = {
        let retry = retry.clone();
        Callback::from(move |_| retry.set(*retry + 1))
    };
    FramingState {
        framing: framing
            .as_ref()
            .filter(|(h, _)| h == handle)
            .map(|(_, f)| f.clone()),
        status: (*status).clone(),
        retry: on_retry,
    }
}
