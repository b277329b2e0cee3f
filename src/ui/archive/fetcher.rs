//! Where the archive's files come from: [`BrowserFetch`], the reader's [`Fetch`] over
//! the browser's `fetch`: the archive's directory is checked once as `?corpus=` files
//! are (`corpus_file::same_origin`), and each file name is joined to it only if it is
//! the root's or a shard's (the pattern the reader checks too) and the joined URL stays
//! inside the directory; or a directory picked from disk (`local::DiskFetch`, the same
//! names only). [`Source`] is either, for the view.

use super::local::DiskFetch;
use quoteline_core::formats::shard::{shard_name_ok, ROOT};
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

/// The directory a `?corpus=` value names (ending in `/`), from a value ending in `/`
/// or naming the root file; `None` otherwise (a corpus file).
pub fn directory_of(param: &str) -> Option<String> {
    let path = param.split(['?', '#']).next().unwrap_or("");
    if path.ends_with('/') {
        return Some(path.to_string());
    }
    let dir = path.strip_suffix(ROOT)?;
    (dir.is_empty() || dir.ends_with('/')).then(|| dir.to_string())
}

/// The URL of file `name` in the directory `dir` (a URL ending in `/`), or why it is
/// refused: only the root and names of the shard pattern, which hold no `/`, `\`, `%`,
/// `?`, `#` or `..`, so the join cannot leave the directory.
pub fn file_url(dir: &str, name: &str) -> Result<String, String> {
    let plain =
        !name.is_empty() && !name.contains(['/', '\\', '%', '?', '#', ':']) && !name.contains("..");
    if !dir.ends_with('/') || !plain || (name != ROOT && !shard_name_ok(name)) {
        return Err(format!("{name} is not a file of an archive"));
    }
    Ok(format!("{dir}{name}"))
}

/// The files of one archive directory on this page's own host.
pub struct BrowserFetch {
    /// The directory's absolute URL, ending in `/`.
    dir: String,
}

impl BrowserFetch {
    /// The directory `dir` (from [`directory_of`]), or why it is refused (another host,
    /// a page opened from disk).
    pub fn new(dir: &str) -> Result<BrowserFetch, String> {
        let url = super::super::corpus_file::same_origin(dir)?;
        let mut dir = url.href();
        if let Some(q) = dir.find(['?', '#']) {
            dir.truncate(q);
        }
        if !dir.ends_with('/') {
            return Err(format!("{dir} is not a directory (an archive's ends in /)"));
        }
        Ok(BrowserFetch { dir })
    }

    pub fn dir(&self) -> &str {
        &self.dir
    }
}

impl Fetch for BrowserFetch {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        let href = file_url(&self.dir, name)?;
        let url = web_sys::Url::new(&href).map_err(|_| format!("{href} is not a URL"))?;
        // The browser's own parse must agree: still inside the directory.
        if !url.href().starts_with(&self.dir) {
            return Err(format!("{name} leaves the archive's directory"));
        }
        super::super::corpus_file::fetch_url(&url).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_named_by_a_slash_or_the_root_file() {
        assert_eq!(directory_of("a/b/").as_deref(), Some("a/b/"));
        assert_eq!(directory_of("/x/root.json").as_deref(), Some("/x/"));
        assert_eq!(directory_of("root.json").as_deref(), Some(""));
        assert_eq!(directory_of("a/b/?v=2").as_deref(), Some("a/b/"));
        assert_eq!(directory_of("corpora/archive.qlc"), None);
        assert_eq!(directory_of("x/myroot.json"), None);
    }

    #[test]
    fn only_archive_names_join_and_never_leave_the_directory() {
        let dir = "http://h/a/";
        assert_eq!(file_url(dir, ROOT).unwrap(), "http://h/a/root.json");
        let shard = "statements-00003.bin";
        assert!(shard_name_ok(shard), "the pattern this test assumes");
        assert_eq!(file_url(dir, shard).unwrap(), format!("{dir}{shard}"));
        for bad in [
            "../root.json",
            "/etc/passwd",
            "x/../../y",
            "%2e%2e/root.json",
            "http://other/x",
            "statements-00003.bin?x",
            "..",
            "",
        ] {
            assert!(file_url(dir, bad).is_err(), "{bad}");
        }
        assert!(file_url("http://h/a", ROOT).is_err(), "not a directory");
    }
}
