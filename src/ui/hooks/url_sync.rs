//! The URL follows the view: typing and zooming/panning (a wheel spin or a pinch is many
//! steps) replace the history entry; other changes push one. A replacement waits for a
//! pause of `URL_PAUSE_MS`: Chromium's `replaceState` took about 8 ms of every zoom step
//! at 50,000 statements. A push waits for the next painted frame, after writing anything
//! still waiting, so the history keeps the entries it had. Back and forward restore the
//! view from the URL, read against the corpus shown.

use crate::ui::context::{after_next_paint, CorpusHandle};
use gloo::events::EventListener;
use quoteline_core::corpus::Corpus;
use quoteline_core::view::state::{Action, AppState};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long the URL waits for typing, zooming or panning to pause before it follows.
const URL_PAUSE_MS: u32 = 250;

/// A write of the URL that is waiting: a replacement waits for a pause (its timer), a
/// new entry for the next painted frame.
struct WaitingUrl {
    state: AppState,
    corpus: Rc<Corpus>,
    replace: bool,
    /// Which write this is (a frame's callback writes only the one it was made for).
    id: u64,
    _pause: Option<gloo::timers::callback::Timeout>,
}

type Waiting = Rc<RefCell<Option<WaitingUrl>>>;

/// Writes the URL that is waiting, if any, now.
fn flush_url(waiting: &RefCell<Option<WaitingUrl>>) {
    let taken = waiting.borrow_mut().take();
    if let Some(w) = taken {
        crate::ui::url::write(&w.state, &w.corpus, w.replace);
    }
}

/// Writes the URL that is waiting if it is still write `id`.
fn flush_url_if(waiting: &RefCell<Option<WaitingUrl>>, id: u64) {
    if waiting.borrow().as_ref().is_some_and(|w| w.id == id) {
        flush_url(waiting);
    }
}

/// Whether going from `last` to `now` replaces the history entry (the search or the
/// zoom changed, nothing else) rather than pushing one.
fn replaces(last: &AppState, now: &AppState) -> bool {
    let mut same_but_view = last.clone();
    same_but_view.view = now.view;
    last.search != now.search || same_but_view == *now
}

/// Keeps the URL in step with `state` (nothing is written while `pending`, nor in the
/// render where `restore` is set: that state predates the link's view, being restored),
/// and restores the view from the URL on back and forward, through `dispatch`.
#[hook]
pub fn use_url_sync(
    state: &AppState,
    handle: &CorpusHandle,
    pending: bool,
    restore: Rc<RefCell<bool>>,
    dispatch: Callback<Action>,
) {
    let last_state = use_mut_ref(|| state.clone());
    let waiting: Waiting = use_mut_ref(|| None::<WaitingUrl>);
    let write_count = use_mut_ref(|| 0u64);
    {
        let corpus = handle.0.clone();
        let waiting = waiting.clone();
        use_effect_with((state.clone(), pending), move |(s, pending)| {
            if *pending || std::mem::take(&mut *restore.borrow_mut()) {
                return;
            }
            let replace = replaces(&last_state.borrow(), s);
            *last_state.borrow_mut() = s.clone();
            // Writes are in order: a new entry still waiting is written before a
            // replacement of it waits, and anything waiting before a new entry waits.
            let pushing = waiting.borrow().as_ref().is_some_and(|w| !w.replace);
            if !replace || pushing {
                flush_url(&waiting);
            }
            let id = {
                let mut n = write_count.borrow_mut();
                *n += 1;
                *n
            };
            let pause = replace.then(|| {
                let waiting = waiting.clone();
                gloo::timers::callback::Timeout::new(URL_PAUSE_MS, move || {
                    flush_url_if(&waiting, id)
                })
            });
            // (Dropping the write that was waiting cancels its timer.)
            *waiting.borrow_mut() = Some(WaitingUrl {
                state: s.clone(),
                corpus,
                replace,
                id,
                _pause: pause,
            });
            if !replace {
                // A new entry (`pushState`, about 7 ms in Chromium even on the seeds)
                // waits for the frame that shows the change, not in front of it.
                let waiting = waiting.clone();
                after_next_paint(move || flush_url_if(&waiting, id));
            }
        });
    }
    use_effect_with(handle.clone(), move |h| {
        let corpus = h.0.clone();
        // Leaving the page, or the window (to copy the address, say), writes a
        // replacement still waiting. (A reload within `URL_PAUSE_MS` of the last
        // keystroke reloads the address as it was; the page does not see it coming.)
        let flush: Vec<EventListener> = ["pagehide", "blur"]
            .into_iter()
            .map(|event| {
                let waiting = waiting.clone();
                EventListener::new(&gloo::utils::window(), event, move |_| flush_url(&waiting))
            })
            .collect();
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            // A write still waiting belongs to the entry that was left (a new entry
            // made less than a frame before Back is not made).
            waiting.borrow_mut().take();
            dispatch.emit(Action::Restore(Box::new(crate::ui::url::read(&corpus))));
        });
        move || drop((listener, flush))
    });
}
