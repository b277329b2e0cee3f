//! The root's handle on the workspace store (`ui::store`): the workspace as stored (read
//! once at start, then kept in step with the other tabs), why a write failed, what a page
//! that died left behind, the store's status, and the corpus file to reopen.

use crate::ui::storage::StorageError;
use crate::ui::store::{self, status::Status};
use quoteline_core::formats::workspace::Workspace;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What [`use_workspace_store`] gives the root.
pub struct WorkspaceStore {
    pub workspace: UseStateHandle<Rc<Workspace>>,
    /// Why the last write failed, if it did.
    pub save_error: UseStateHandle<Option<StorageError>>,
    /// What happened to a page that died (see `guard`).
    pub recovery_notice: UseStateHandle<Option<String>>,
    pub status: Status,
    /// The store is being read and may hold articles: the page waits for it.
    pub loading: bool,
    /// The corpus file that was open when the page was left (name, bytes), once read.
    pub reopen: Option<Rc<(String, Vec<u8>)>>,
    /// Adopts a changed workspace and writes the change.
    pub on_change: Callback<Workspace>,
    /// Removes the records that could not be read (the user asked to).
    pub on_discard: Callback<()>,
}

/// The store, read once; `restore` is set when the page waited for it (the link's view
/// then applies to the corpus that arrives).
#[hook]
pub fn use_workspace_store(restore: Rc<RefCell<bool>>) -> WorkspaceStore {
    // What a page that died left behind: its notice now, its articles once read.
    let recovered = use_memo((), |_| crate::ui::guard::recover());
    let workspace = use_state(|| Rc::new(Workspace::default()));
    let save_error = use_state(|| None::<StorageError>);
    let recovery_notice = use_state(|| recovered.as_ref().as_ref().map(|r| r.notice.clone()));
    let status = use_state(Status::default);
    let loading = use_state(store::may_hold_something);
    let waited = *loading;
    let reopen = use_state(|| None::<Rc<(String, Vec<u8>)>>);
    let session = use_mut_ref(store::Session::default);
    {
        let (session, workspace, save_error, status, loading, reopen) = (
            session.clone(),
            workspace.setter(),
            save_error.setter(),
            status.setter(),
            loading.setter(),
            reopen.setter(),
        );
        let add = recovered
            .as_ref()
            .as_ref()
            .map(|r| r.add.clone())
            .unwrap_or_default();
        use_effect_with((), move |_| {
            let setters = store::Setters {
                workspace: Box::new(move |ws| workspace.set(ws)),
                status: Box::new(move |s: Status| {
                    save_error.set(s.error.clone());
                    status.set(s);
                }),
            };
            wasm_bindgen_futures::spawn_local(async move {
                store::open(session, setters, add).await;
                if let Some(f) = store::files::opened().await {
                    reopen.set(Some(Rc::new(f)));
                }
                if waited {
                    *restore.borrow_mut() = true;
                }
                loading.set(false);
            });
        });
    }
    let on_change = {
        let session = session.clone();
        let workspace = workspace.clone();
        Callback::from(move |ws: Workspace| {
            let ws = Rc::new(ws);
            workspace.set(ws.clone());
            store::save(&session, ws);
        })
    };
    let on_discard = Callback::from(move |_| store::discard_unread(&session));
    WorkspaceStore {
        workspace,
        save_error,
        recovery_notice,
        status: (*status).clone(),
        loading: *loading,
        reopen: (*reopen).clone(),
        on_change,
        on_discard,
    }
}
