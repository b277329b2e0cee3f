//! The loader worker: a second wasm module built from this crate (`src/worker_main.rs`,
//! the `quoteline-worker` binary), run in a Web Worker and fetched only when articles
//! are first loaded. It reads files, extracts articles and builds the corpus
//! ([`engine`]), and hands the page a corpus file; the page (the explorer) never runs
//! extraction. It also reads the headlines and ledes for the framing view, when that
//! tab is first opened, and writes the exports and reads and writes workspace files
//! ([`files`]). Messages are [`crate::protocol`]'s.

pub mod engine;
pub mod files;

#[cfg(target_arch = "wasm32")]
mod scope {
    use super::engine::{self, Engine};
    use super::files;
    use crate::protocol::{self, Request, Response};
    use std::cell::RefCell;
    use wasm_bindgen::{prelude::*, JsCast};

    thread_local! {
        static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
    }

    fn post(r: &Response) {
        let bytes = js_sys::Uint8Array::from(protocol::encode(r).as_slice());
        if let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
            // Its buffer is transferred, not cloned: the page then receives a built corpus
            // file (megabytes) without copying it again as it reads the message.
            let transfer = js_sys::Array::of1(&bytes.buffer());
            let _ = scope.post_message_with_transfer(&bytes, &transfer);
        }
    }

    /// Test-only: the page's panic switch, passed along (see `ui::guard`).
    fn check_panic(panic_on: &Option<String>, name: &str) {
        if panic_on.as_deref() == Some(name) {
            panic!("test panic at load:{name} (the quoteline.test.panic switch)");
        }
    }

    fn handle(req: Request) {
        match req {
            Request::Load { files, panic_on } => {
                for (name, bytes) in files {
                    match engine::read(&name, &bytes) {
                        Ok((article, notes)) => {
                            ENGINE.with(|e| {
                                e.borrow_mut().warm(&article, &mut |n| {
                                    post(&Response::Working { name: n.into() });
                                    check_panic(&panic_on, n);
                                })
                            });
                            post(&Response::Loaded { article, notes });
                        }
                        Err(why) => post(&Response::Refused { why }),
                    }
                }
                post(&Response::Done);
            }
            Request::Build {
                with_seeds,
                articles,
                panic_on,
            } => {
                let corpus = ENGINE.with(|e| {
                    e.borrow_mut().build(with_seeds, &articles, &mut |n| {
                        post(&Response::Working { name: n.into() });
                        check_panic(&panic_on, n);
                    })
                });
                post(&Response::Built {
                    pack: engine::pack(&corpus),
                });
            }
            Request::Framing { pack } => post(&match engine::framing(&pack) {
                Ok(framing) => Response::Framed { framing },
                Err(why) => Response::Refused { why },
            }),
            Request::Export { format, pack, ids } => {
                post(&match files::export(format, &pack, &ids) {
                    Ok(text) => Response::Text { text },
                    Err(why) => Response::Refused { why },
                })
            }
            Request::WriteWorkspace { workspace } => post(&Response::Text {
                text: files::write_workspace(&workspace),
            }),
            Request::ReadWorkspace { text } => post(&match files::read_workspace(&text) {
                Ok(workspace) => Response::Workspace { workspace },
                Err(why) => Response::Refused { why },
            }),
        }
    }

    /// Starts the worker: a panic is posted (the page names the article it was on),
    /// requests are answered in order, and `Ready` says it is listening.
    pub fn start() {
        let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
            return; // not in a worker: nothing to do
        };
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let message = crate::panic_text::panic_text(info);
            post(&Response::Panicked { message });
        }));
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                let data = js_sys::Uint8Array::new(&ev.data()).to_vec();
                if let Some(req) = protocol::decode::<Request>(&data) {
                    handle(req);
                }
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&Response::Ready {
            version: protocol::VERSION,
        });
    }
}

/// Starts the worker's message loop (in a Web Worker; elsewhere it does nothing).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    scope::start();
}
