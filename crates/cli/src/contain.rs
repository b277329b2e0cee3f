//! Panic containment: one article (or one corpus-wide stage) that panics in the engine
//! is reported by name with the panic's message, and the run goes on with the rest.
//!
//! [`install`] puts a panic hook in place that, inside [`contain`], records the message
//! and its location instead of printing the default multi-line report; outside
//! `contain` (a bug in the CLI itself) the default hook still prints. The release
//! profile unwinds (no `panic = "abort"`) so that `catch_unwind` can catch.
//!
//! For tests, `QUOTELINE_TEST_PANIC_ON` forces a panic inside the containment (see
//! [`forced`]).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    /// Depth of [`contain`] calls on this thread: a panic here is contained.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// The message of the last contained panic on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the hook (once, at start-up).
pub fn install() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if DEPTH.with(Cell::get) == 0 {
            default(info);
            return;
        }
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        let message = match info.location() {
            Some(l) => format!("{message} (at {}:{})", l.file(), l.line()),
            None => message,
        };
        LAST.with(|m| *m.borrow_mut() = Some(message));
    }));
}

/// A contained panic: its message and where it happened, on one line
/// (`index out of bounds (at crates/core/src/x.rs:3)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panic(pub String);

impl std::fmt::Display for Panic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Panic {}

/// Runs `f`; a panic inside it becomes `Err(Panic)` (its message with its source
/// location), reported by the caller on one line.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, Panic> {
    DEPTH.with(|d| d.set(d.get() + 1));
    // The closures given here only read their inputs or build new values, so nothing
    // half-updated is observed after a panic.
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get() - 1));
    result.map_err(|_| {
        Panic(
            LAST.with(|m| m.borrow_mut().take())
                .unwrap_or_else(|| "a panic without a message".to_string()),
        )
    })
}

/// The test hook: `QUOTELINE_TEST_PANIC_ON` is a comma-separated list of `FILE` (the
/// extraction of that article panics), `assemble:FILE` (assembling any set of articles
/// that holds FILE panics), `compare` (grouping panics) or `pack` (encoding the corpus
/// file panics). FILE is a file's base name or the name the CLI shows for it. Call
/// this inside [`contain`]; it panics when `stage` and `file` are listed.
pub fn forced(stage: &str, file: Option<&str>) {
    let Some(list) = std::env::var_os("QUOTELINE_TEST_PANIC_ON") else {
        return;
    };
    let list = list.to_string_lossy();
    let base = file.map(|f| f.rsplit(['/', '\\']).next().unwrap_or(f));
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (s, f) = match item.split_once(':') {
            Some((s, f)) if ["assemble", "compare", "pack"].contains(&s) => (s, Some(f)),
            _ if ["compare", "pack"].contains(&item) => (item, None),
            _ => ("extract", Some(item)),
        };
        let hit = match (f, file) {
            (None, _) => true,
            (Some(want), Some(name)) => want == name || Some(want) == base,
            (Some(_), None) => false,
        };
        if s == stage && hit {
            panic!("forced by QUOTELINE_TEST_PANIC_ON={list} ({stage})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contained panic says what and where: the file and line of the `panic!`.
    #[test]
    fn a_contained_panic_names_its_file_and_line() {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(install);
        let line = line!() + 1;
        let e = contain(|| -> u8 { panic!("boom") }).unwrap_err();
        assert_eq!(e.to_string(), format!("boom (at {}:{line})", file!()));
        assert_eq!(contain(|| 7), Ok(7));
    }
}
