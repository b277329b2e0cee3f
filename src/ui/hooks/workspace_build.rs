//! The workspace's corpus, built by the loader worker when the workspace holds articles
//! of the user's (the seeds alone are embedded, already extracted): again after each
//! change, and on Retry. A result for a workspace that has changed since is dropped; a
//! saved article that stops the worker is set aside for the session and the rest built
//! again without it.

use crate::ui::context::next_task;
use crate::ui::corpus_file::Opened;
use quoteline_core::formats::workspace::Workspace;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The corpus the loader worker built, and for which workspace.
pub type Built = (Rc<Workspace>, Rc<Opened>);

/// Whether a workspace's corpus needs the loader worker (it has articles of the user's).
pub fn needs_worker(ws: &Workspace) -> bool {
    !ws.articles.is_empty()
}

/// What [`use_workspace_build`] gives the root.
pub struct WorkspaceBuild {
    /// The last corpus built (possibly for an older workspace, until the new one is).
    pub built: Option<Built>,
    /// What the build is doing or why it failed: (is an error, text).
    pub status: Option<(bool, String)>,
    /// Whether the build the page opened with ended (until then nothing is shown, as for
    /// a `?corpus=` file on its way; if it failed, the seeds are shown meanwhile). True
    /// from the start when the page opened with no articles of the user's: the first
    /// article added is then extracted with the seeds in view, and the view stays the
    /// user's (it is not read again from the link, which may lag what was just typed).
    pub first_ended: bool,
    /// Builds again (after a failure).
    pub retry: Callback<MouseEvent>,
}

/// Builds `workspace`'s corpus in the loader worker when `wanted` (the app was given no
/// corpus) and it needs the worker. The end of the build the page opened with sets
/// `restore` (the link's view applies to the corpus that arrived); a set-aside article
/// is said in `aside`.
#[hook]
pub fn use_workspace_build(
    workspace: &Rc<Workspace>,
    wanted: bool,
    restore: Rc<RefCell<bool>>,
    aside: UseStateHandle<Option<String>>,
) -> WorkspaceBuild {
    let built = use_state(|| None::<Built>);
    let status = use_state(|| None::<(bool, String)>);
    let retry = use_state(|| 0u32);
    let ended = use_state(|| !(wanted && needs_worker(workspace)));
    let latest = use_mut_ref(|| workspace.clone());
    *latest.borrow_mut() = workspace.clone();
    {
        let (built, status, again, ended) =
            (built.clone(), status.clone(), retry.clone(), ended.clone());
        use_effect_with((workspace.clone(), *retry), move |(ws, _)| {
            if !wanted || !needs_worker(ws) {
                status.set(None);
                return;
            }
            let ws = ws.clone();
            status.set(Some((false, "Extracting your articles…".into())));
            wasm_bindgen_futures::spawn_local(async move {
                // Each step below runs in a task of its own, so that the page paints and
                // takes input between them during a big load: the workspace's change
                // (saved, rendered), encoding the request, reading the corpus file that
                // comes back, and the index and render of the new corpus.
                next_task().await;
                let mut shown_at = f64::NEG_INFINITY;
                let set_status = status.setter();
                let result = crate::ui::store::files::build_or_kept(&ws, &mut |name| {
                    // (At most every 100 ms: a rebuild names thousands of articles.)
                    if js_sys::Date::now() - shown_at >= 100.0 {
                        shown_at = js_sys::Date::now();
                        set_status.set(Some((false, format!("Extracting your articles: {name}…"))));
                    }
                })
                .await;
                next_task().await;
                if !Rc::ptr_eq(&latest.borrow(), &ws) {
                    return;
                }
                // (Read and indexed in slices between paints.)
                let opened = match result {
                    Ok(pack) => {
                        Ok(
                            crate::ui::corpus_file::open::<String>("your articles", pack, false)
                                .await,
                        )
                    }
                    Err(t) => Err(t),
                };
                next_task().await;
                if !Rc::ptr_eq(&latest.borrow(), &ws) {
                    return;
                }
                let end = || {
                    if !*ended {
                        *restore.borrow_mut() = true;
                        ended.set(true);
                    }
                };
                match opened {
                    Ok(Ok(o)) => {
                        end();
                        status.set(None);
                        built.set(Some((ws, Rc::new(o))));
                    }
                    Ok(Err(why)) => {
                        end();
                        status.set(Some((
                            true,
                            format!("Your articles could not be shown: {why}."),
                        )));
                    }
                    Err(crate::ui::worker::Trouble::Died {
                        article: Some(name),
                        message,
                    }) => {
                        crate::ui::guard::disarm_test_panic();
                        crate::ui::guard::set_aside(&name);
                        aside.set(Some(format!("The extraction stopped on an internal error while reading your saved article “{name}” ({message}), so that article is set aside for this session: it stays saved but is not shown. Remove it, or export the workspace to keep it elsewhere.")));
                        again.set(*again + 1);
                    }
                    Err(t) => {
                        end();
                        status.set(Some((true, format!("Your articles are not shown: {t}. The seeds and your saved articles are kept; Retry tries again."))));
                    }
                }
            });
        });
    }
    let on_retry = {
        let (retry, status) = (retry.clone(), status.clone());
        Callback::from(move |_| {
            status.set(None);
            retry.set(*retry + 1);
        })
    };
    WorkspaceBuild {
        built: (*built).clone(),
        status: (*status).clone(),
        first_ended: *ended,
        retry: on_retry,
    }
}
