//! The loader worker from the page's side. It is started on first use (the first load,
//! import or rebuild of your articles, or the framing tab), not with the page: the
//! explorer opens without it. One request runs at a time ([`Session`]); the worker answers in order. A worker
//! that cannot start (not found, refused by the page's Content-Security-Policy, a module
//! of another build) is [`Trouble::Unavailable`], with the reason; one that stops
//! (a panic) is [`Trouble::Died`], naming the article it was on, and the next session
//! starts a fresh one.
//!
//! The worker is `quoteline-worker-boot.js` beside the page (written by the build, see
//! `scripts/worker-boot.mjs`), or, in the single-file build, whatever the page's
//! `quotelineWorker()` returns (a worker made from the inlined module).

use crate::protocol::{self, Request, Response};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::{prelude::*, JsCast};

/// The worker's script, relative to the page.
pub const BOOT: &str = "./quoteline-worker-boot.js";

/// Why a request got no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// The worker could not be started, and why.
    Unavailable(String),
    /// It stopped while working on `article` (a panic), with its last words.
    Died {
        article: Option<String>,
        message: String,
    },
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trouble::Unavailable(why) => write!(f, "the loader could not be started: {why}"),
            Trouble::Died {
                article: Some(a),
                message,
            } => write!(
                f,
                "the extraction stopped on an internal error while reading “{a}” ({message})"
            ),
            Trouble::Died {
                article: None,
                message,
            } => write!(f, "the loader stopped on an internal error ({message})"),
        }
    }
}

/// What arrives from the worker.
enum Event {
    Message(Box<Response>),
    /// It reported a failure to start (its boot script), or an error event came before
    /// it was ready.
    Failed(String),
    /// An error event after it was ready (it died).
    Error(String),
}

struct Connection {
    worker: web_sys::Worker,
    ready: bool,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    /// Which worker events belong to (a stopped worker's late events are dropped).
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    static INBOX: RefCell<VecDeque<Event>> = const { RefCell::new(VecDeque::new()) };
    static WAKE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static WAITING: RefCell<VecDeque<js_sys::Function>> = const { RefCell::new(VecDeque::new()) };
}

fn push(generation: u64, e: Event) {
    if GENERATION.with(Cell::get) != generation {
        return;
    }
    INBOX.with(|i| i.borrow_mut().push_back(e));
    if let Some(w) = WAKE.with(|w| w.borrow_mut().take()) {
        let _ = w.call0(&JsValue::NULL);
    }
}

async fn next_event() -> Event {
    loop {
        if let Some(e) = INBOX.with(|i| i.borrow_mut().pop_front()) {
            return e;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            WAKE.with(|w| *w.borrow_mut() = Some(resolve));
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Stops the worker (if any) and forgets what it sent.
pub fn reset() {
    GENERATION.with(|g| g.set(g.get() + 1));
    if let Some(c) = CONNECTION.with(|c| c.borrow_mut().take()) {
        // (Its handlers go before their closures: an event already queued must not
        // reach a dropped closure.)
        c.worker.set_onmessage(None);
        c.worker.set_onerror(None);
        c.worker.terminate();
    }
    INBOX.with(|i| i.borrow_mut().clear());
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused it".into())
}

fn create() -> Result<web_sys::Worker, String> {
    let global = js_sys::global();
    let factory = js_sys::Reflect::get(&global, &JsValue::from_str("quotelineWorker"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match factory {
        Some(f) => f
            .call0(&global)
            .map_err(|e| describe(&e))?
            .dyn_into::<web_sys::Worker>()
            .map_err(|_| "the page's worker factory gave no worker".into()),
        None => web_sys::Worker::new(BOOT).map_err(|e| describe(&e)),
    }
}

/// A mark on the page's performance timeline (the browser bench times the worker's
/// start with `quoteline-worker-start` and `quoteline-worker-ready`).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

fn connect() -> Result<(), String> {
    if CONNECTION.with(|c| c.borrow().is_some()) {
        return Ok(());
    }
    mark("quoteline-worker-start");
    let worker = create()?;
    let generation = GENERATION.with(Cell::get);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
        move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                // (A built corpus file, megabytes, is copied out of the message once.)
                let head = bytes.subarray(0, bytes.length().min(16)).to_vec();
                let total = bytes.length() as usize;
                if let Some((at, len)) =
                    protocol::built_range(&head).filter(|(at, len)| at + len == total)
                {
                    let pack = bytes.subarray(at as u32, (at + len) as u32).to_vec();
                    return push(
                        generation,
                        Event::Message(Box::new(Response::Built { pack })),
                    );
                }
                match protocol::decode::<Response>(&bytes.to_vec()) {
                Some(r) => push(generation, Event::Message(Box::new(r))),
                None => push(generation, Event::Failed("it is from another version of Quoteline (reload the page to get this one's)".into())),
            }
            } else {
                let why = js_sys::Reflect::get(&data, &JsValue::from_str("failed"))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_else(|| "it sent something unexpected".into());
                push(generation, Event::Failed(why));
            }
        },
    );
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        let message = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "its script was not found or not allowed".into());
        let ready = CONNECTION.with(|c| c.borrow().as_ref().is_some_and(|c| c.ready));
        push(
            generation,
            if ready {
                Event::Error(message)
            } else {
                Event::Failed(message)
            },
        );
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    CONNECTION.with(|c| {
        *c.borrow_mut() = Some(Connection {
            worker,
            ready: false,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Ok(())
}

/// One request at a time: held while a request runs, the next waits for it.
struct Turn;

impl Turn {
    async fn take() -> Turn {
        if BUSY.with(|b| b.replace(true)) {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                WAITING.with(|w| w.borrow_mut().push_back(resolve));
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        Turn
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        // Handed to the next in line (still busy), or free.
        match WAITING.with(|w| w.borrow_mut().pop_front()) {
            Some(next) => {
                let _ = next.call0(&JsValue::NULL);
            }
            None => BUSY.with(|b| b.set(false)),
        }
    }
}

/// The worker, held for one request (or a few in a row).
pub struct Session {
    _turn: Turn,
    /// The article the worker said it started on last.
    working: RefCell<Option<String>>,
}

impl Session {
    /// Waits for the worker's turn, starting it (and waiting until it is ready) if needed.
    pub async fn open() -> Result<Session, Trouble> {
        let turn = Turn::take().await;
        let s = Session {
            _turn: turn,
            working: RefCell::new(None),
        };
        s.ready().await?;
        Ok(s)
    }

    async fn ready(&self) -> Result<(), Trouble> {
        if CONNECTION.with(|c| c.borrow().as_ref().is_some_and(|c| c.ready)) {
            return Ok(());
        }
        connect().map_err(|why| {
            reset();
            Trouble::Unavailable(why)
        })?;
        let failed = |why: String| {
            reset();
            Err(Trouble::Unavailable(why))
        };
        let event = match next_event().await {
            Event::Message(r) => Ok(*r),
            Event::Failed(why) | Event::Error(why) => Err(why),
        };
        match event {
            Ok(Response::Ready { version }) if version == protocol::VERSION => {
                mark("quoteline-worker-ready");
                CONNECTION.with(|c| {
                    if let Some(c) = c.borrow_mut().as_mut() {
                        c.ready = true;
                    }
                });
                Ok(())
            }
            Ok(Response::Ready { version }) => failed(format!(
                "it is from another version of Quoteline (protocol {version}, this page speaks {}); reload the page",
                protocol::VERSION
            )),
            Ok(_) => failed("it spoke before it was ready".into()),
            Err(why) => failed(why),
        }
    }

    /// Starts a fresh worker after one died (same turn).
    pub async fn restart(&self) -> Result<(), Trouble> {
        reset();
        self.working.replace(None);
        self.ready().await
    }

    /// Sends a request (its bytes are handed over, not copied).
    pub fn send(&self, req: &Request) {
        self.send_bytes(&protocol::encode(req));
    }

    /// Sends a request's bytes (`protocol::encode_build`).
    pub fn send_bytes(&self, bytes: &[u8]) {
        let bytes = js_sys::Uint8Array::from(bytes);
        CONNECTION.with(|c| {
            if let Some(c) = c.borrow().as_ref() {
                let transfer = js_sys::Array::of1(&bytes.buffer());
                let _ = c.worker.post_message_with_transfer(&bytes, &transfer);
            }
        });
    }

    /// The next answer. A worker that died is stopped, and the article it was on named.
    pub async fn next(&self) -> Result<Response, Trouble> {
        let died = |message: String| {
            reset();
            Err(Trouble::Died {
                article: self.working.borrow_mut().take(),
                message,
            })
        };
        match next_event().await {
            Event::Message(r) => match *r {
                Response::Panicked { message } => died(message),
                r => {
                    if let Response::Working { name } = &r {
                        self.working.replace(Some(name.clone()));
                    }
                    Ok(r)
                }
            },
            Event::Error(message) | Event::Failed(message) => died(message),
        }
    }
}

/// The corpus file of a workspace: the seeds (unless it stands alone) and its articles
/// but those set aside this session; `working` is told each article the worker starts
/// extracting.
pub async fn build(
    ws: &quoteline_core::formats::workspace::Workspace,
    working: &mut dyn FnMut(&str),
) -> Result<Vec<u8>, Trouble> {
    let s = Session::open().await?;
    let articles: Vec<_> = ws
        .articles
        .iter()
        .filter(|a| !super::guard::is_set_aside(&a.name))
        .collect();
    let bytes = protocol::encode_build(
        ws.mode == quoteline_core::formats::workspace::Mode::WithSeeds,
        &articles,
        super::guard::test_panic_load().as_deref(),
    );
    // (Writing megabytes and copying them out to the worker: two tasks, not one.)
    super::context::between_slices().await;
    s.send_bytes(&bytes);
    loop {
        match s.next().await? {
            Response::Working { name } => working(&name),
            Response::Built { pack } => return Ok(pack),
            _ => {}
        }
    }
}

/// The framing of a corpus file (for the framing tab). `Err`: why not, for the user.
pub async fn framing(pack: &[u8]) -> Result<quoteline_core::corpus::framing::Framing, String> {
    let s = Session::open().await.map_err(|t| t.to_string())?;
    s.send(&Request::Framing {
        pack: pack.to_vec(),
    });
    loop {
        match s.next().await.map_err(|t| t.to_string())? {
            Response::Framed { framing } => return Ok(framing),
            Response::Refused { why } => return Err(why),
            _ => {}
        }
    }
}

/// Sends `req` and waits for its `Text`. `Err`: why not, for the user.
async fn text_of(req: &Request) -> Result<String, String> {
    let s = Session::open().await.map_err(|t| t.to_string())?;
    s.send(req);
    loop {
        match s.next().await.map_err(|t| t.to_string())? {
            Response::Text { text } => return Ok(text),
            Response::Refused { why } => return Err(why),
            _ => {}
        }
    }
}

/// The statements `ids` of the corpus file `pack` as an export (CSV or JSON).
pub async fn export(
    format: protocol::ExportFormat,
    pack: &[u8],
    ids: &[quoteline_core::corpus::StatementId],
) -> Result<String, String> {
    text_of(&Request::Export {
        format,
        pack: pack.to_vec(),
        ids: ids.to_vec(),
    })
    .await
}

/// A workspace as a workspace file (its export).
pub async fn write_workspace(
    workspace: &quoteline_core::formats::workspace::Workspace,
) -> Result<String, String> {
    text_of(&Request::WriteWorkspace {
        workspace: workspace.clone(),
    })
    .await
}

/// A workspace file read. `Err`: why it cannot be used (or the worker could not read
/// it), for the user.
pub async fn read_workspace(
    text: String,
) -> Result<quoteline_core::formats::workspace::Workspace, String> {
    let s = Session::open().await.map_err(|t| t.to_string())?;
    s.send(&Request::ReadWorkspace { text });
    loop {
        match s.next().await.map_err(|t| t.to_string())? {
            Response::Workspace { workspace } => return Ok(workspace),
            Response::Refused { why } => return Err(why),
            _ => {}
        }
    }
}
