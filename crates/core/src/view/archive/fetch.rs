//! How the archive reader gets a file: the [`Fetch`] trait (the app implements it with
//! the browser's `fetch`, the CLI with files, the tests with a map in memory), and
//! [`ready`], which runs a reader's future to its end when every fetch answers at once.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The files of one archive directory, by name (`root.json`, `statements-00003.bin`).
/// The reader only asks for names the root's pattern allows, so an implementation joins
/// them to the directory as they are.
// Single-threaded on both sides (wasm32, and the CLI's one thread), so no `Send` bound
// is wanted on the futures.
#[allow(async_fn_in_trait)]
pub trait Fetch {
    /// The whole file, or why it cannot be had (a 404, a network or file error).
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String>;
}

/// Runs `future` with one poll: its output, or `None` if it had to wait (a fetcher that
/// does not answer at once needs a real executor, as in the browser).
pub fn ready<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}
