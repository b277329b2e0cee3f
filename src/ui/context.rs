//! What the root and the views share: the corpus handle (equal by pointer), and
//! scheduling after the next paint, in a task of its own, or in slices between paints. It imports no component, so every component can
//! import it (the arrows point from `app.rs` and the views down to here).

use quoteline_core::corpus::Corpus;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// How long [`after_next_paint`] waits at most for a frame (a tab in the background
/// paints none).
const PAINT_WAIT_MS: i32 = 100;

/// Runs `f` after the next frame is painted (an animation frame, then a task), after
/// `PAINT_WAIT_MS` if no frame comes first (a tab in the background), or at once if the
/// page cannot schedule it.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else {
        return f();
    };
    let f = std::cell::Cell::new(Some(f));
    let run = std::rc::Rc::new(move || {
        if let Some(f) = f.take() {
            f()
        }
    });
    let in_task = {
        let run = run.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || run())
    };
    let next_frame = {
        let (w, run) = (w.clone(), run.clone());
        wasm_bindgen::closure::Closure::once_into_js(move || {
            if w.set_timeout_with_callback(in_task.unchecked_ref())
                .is_err()
            {
                run();
            }
        })
    };
    let fallback = {
        let run = run.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || run())
    };
    if w.request_animation_frame(next_frame.unchecked_ref())
        .is_err()
        || w.set_timeout_with_callback_and_timeout_and_arguments_0(
            fallback.unchecked_ref(),
            PAINT_WAIT_MS,
        )
        .is_err()
    {
        run();
    }
}

/// Waits for the next turn of the event loop, so the page can paint and handle input
/// between slices. A message to itself, not a zero timeout: a timer waits at least 4 ms
/// once nested, and at least a second in a tab in the background, which would stretch
/// a load left to run there from seconds to minutes.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            if channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_err()
            {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
        Err(_) => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long work sliced by [`in_slices`] runs before it lets the page paint, in ms.
const SLICE_MS: f64 = 8.0;

/// The page's clock, in ms (0 where there is none: natively, or no `performance`).
fn now_ms() -> f64 {
    if cfg!(not(target_arch = "wasm32")) {
        return 0.0;
    }
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Calls `step` until it gives a result, in slices of about `SLICE_MS` with a
/// [`next_task`] between them, so that the page paints and takes input while a big
/// corpus is read and indexed. Natively (tests, server rendering) it runs to the end at
/// once.
pub async fn in_slices<T>(mut step: impl FnMut() -> Option<T>) -> T {
    loop {
        let start = now_ms();
        loop {
            if let Some(done) = step() {
                return done;
            }
            if cfg!(target_arch = "wasm32") && now_ms() - start >= SLICE_MS {
                break;
            }
        }
        between_slices().await;
    }
}

/// A [`next_task`] between two slices of work; nothing natively (tests, server
/// rendering), where the work runs to the end at once.
pub async fn between_slices() {
    if cfg!(target_arch = "wasm32") {
        next_task().await;
    }
}

/// The corpus, shared by pointer: equality is `Rc::ptr_eq`, never a deep compare.
#[derive(Clone)]
pub struct CorpusHandle(pub Rc<Corpus>);

/// A corpus file's bytes as a prop, shared by pointer: equality is `Rc::ptr_eq`. (A
/// derived `PartialEq` on `Rc<[u8]>` compares the bytes when the pointers differ: a
/// `memcmp` of a 17 MB file in a render, 40 ms traced, BENCHMARKS.md, issue 19, eighth
/// step.)
#[derive(Clone, Debug)]
pub struct PackBytes(pub Rc<[u8]>);

impl PartialEq for PackBytes {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
