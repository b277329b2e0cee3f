//! The Yew UI: a thin layer that reads [`quoteline_core::view::state::AppState`], renders
//! it and dispatches [`quoteline_core::view::state::Action`]s. One public component per
//! file.

pub mod app;
pub mod archive;
pub mod banner;
pub mod chips;
pub mod context;
pub mod corpus_file;
pub mod coverage;
pub mod detail;
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod export;
pub mod filters;
pub mod first_view;
pub mod framing;
pub mod guard;
pub mod highlight;
pub mod hooks;
pub mod json;
pub mod list;
pub mod loader;
pub mod loading;
pub mod marks;
pub mod notice;
pub mod storage;
pub mod store;
pub mod theme;
pub mod timeline;
pub mod tooltip;
pub mod url;
pub mod worker;

pub use app::App;

/// Starts the explorer: installs the panic banner, then renders [`App`] in place of the
/// prerendered first view (or into `<body>`: [`first_view::mount`]).
/// The archive mode (`?corpus=DIR/`) is a module of its own (`src/archive_main.rs`,
/// [`archive::start`]): the boot script starts it instead of this one, so the explorer's
/// module holds none of its code (`tests/architecture.rs`).
pub fn start() {
    banner::install_panic_banner();
    first_view::mount();
}
