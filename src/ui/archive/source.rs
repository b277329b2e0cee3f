//! Where the archive mode's archive comes from: what the address asks for
//! ([`requested`]: `?corpus=DIR/` on this site, or `?open=directory` for one on disk),
//! and [`Source`], the reader's [`Fetch`] over either (`fetcher::BrowserFetch` or
//! `local::DiskFetch`).

use super::fetcher::{directory_of, BrowserFetch};
use super::local::DiskFetch;
use quoteline_core::view::archive::Fetch;

/// What the page's address asks the archive mode to open.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// `?corpus=DIR/`: the directory on this site.
    Site(String),
    /// `?open=directory`: a directory the user picks from disk.
    Disk,
}

/// The parameter value (`?open=directory`) that asks for a directory from disk; the
/// explorer's "Open an archive directory…" links to it, and the boot script starts the
/// archive mode for it.
pub const OPEN_DIRECTORY: &str = "directory";

/// What the address asks for: the archive directory `?corpus=` names, if it names one
/// (a value ending in `/`, or naming the root file), else a directory from disk if
/// `?open=directory`; `None` for a corpus file or neither parameter.
pub fn requested() -> Option<Request> {
    if let Some(dir) = super::super::corpus_file::requested().and_then(|p| directory_of(&p)) {
        return Some(Request::Site(dir));
    }
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    (params.get("open").as_deref() == Some(OPEN_DIRECTORY)).then_some(Request::Disk)
}

/// An archive's files, from this site or from disk.
pub enum Source {
    Site(BrowserFetch),
    Disk(DiskFetch),
}

impl Source {
    /// The directory, as the banner names it (a URL, or the picked directory's name).
    pub fn dir(&self) -> &str {
        match self {
            Source::Site(f) => f.dir(),
            Source::Disk(f) => f.dir(),
        }
    }
}

impl Fetch for Source {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        match self {
            Source::Site(f) => f.fetch(name).await,
            Source::Disk(f) => f.fetch(name).await,
        }
    }
}
