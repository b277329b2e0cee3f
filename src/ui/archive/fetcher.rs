//! [`BrowserFetch`]: the reader's [`Fetch`] over the browser's `fetch`: the archive's
//! directory is checked once as `?corpus=` files are (`corpus_file::same_origin`), and
//! each file name is joined to it only if it is the root's or a shard's (the pattern the
//! reader checks too) and the joined URL stays inside the directory ([`file_url`], which
//! a directory from disk, `local`, checks names with too).
use quoteline_core::formats::shard::{shard_name_ok, ROOT};
use quoteline_core::view::archive::Fetch;

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
