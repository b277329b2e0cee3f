//! [`DiskFetch`]: the reader's [`Fetch`] over a directory picked from disk
//! (`showDirectoryPicker`'s handle, or `<input type=file webkitdirectory>`'s files,
//! where the browser has no picker): the files directly inside the picked
//! directory, by name; a name is looked up only if it is the root's or a shard's (the
//! check `fetcher::file_url` makes), so nothing outside that directory can be read,
//! not even its subdirectories. A file is read when the reader asks for it.

use super::picker::DirHandle;
use quoteline_core::formats::shard::ROOT;
use quoteline_core::view::archive::Fetch;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// One file of a picked directory.
enum DiskFile {
    /// From `<input type=file webkitdirectory>`.
    Picked(web_sys::File),
    /// A `FileSystemFileHandle` from the directory's handle (read when asked for).
    Handle(JsValue),
}

/// The files of a picked archive directory (see the module's comment).
pub struct DiskFetch {
    /// The picked directory's name, ending in `/`.
    dir: String,
    files: HashMap<String, DiskFile>,
}

/// Why `dir` is no archive directory: no root file directly inside it (`nested`: where
/// one is, below it).
fn no_root(dir: &str, nested: Option<String>) -> String {
    let hint = match nested {
        Some(p) => format!("; one is at {p}: choose the directory that holds it"),
        None => ": choose the directory `quoteline pack --sharded --out DIR` wrote".into(),
    };
    let dir = if dir.is_empty() { "(empty)" } else { dir };
    format!("the chosen directory {dir} has no {ROOT} directly inside it{hint}")
}

/// A picked file's path below the directory the user chose (`arch/root.json`): the
/// browser's `webkitRelativePath`, or its bare name if the browser gives none.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Splits a picked path into the chosen directory and a name directly inside it
/// (`arch/root.json` → `("arch", "root.json")`); `None` for a file in a subdirectory.
pub fn top_level(path: &str) -> Option<(&str, &str)> {
    let (dir, name) = path.split_once('/')?;
    (!name.is_empty() && !name.contains('/')).then_some((dir, name))
}

impl DiskFetch {
    /// The files of the picked directory, or why they are not an archive's (no root
    /// file directly inside it).
    pub fn new(picked: &web_sys::FileList) -> Result<DiskFetch, String> {
        let mut dir = String::new();
        let mut files = HashMap::new();
        let mut nested_root = None;
        for k in 0..picked.length() {
            let Some(file) = picked.get(k) else { continue };
            let path = relative_path(&file);
            match top_level(&path) {
                Some((d, name)) => {
                    dir = format!("{d}/");
                    files.insert(name.to_string(), DiskFile::Picked(file));
                }
                None if path.ends_with(&format!("/{ROOT}")) => {
                    nested_root.get_or_insert(path);
                }
                None => {}
            }
        }
        if picked.length() == 0 {
            return Err("no directory was chosen".into());
        }
        if !files.contains_key(ROOT) {
            return Err(no_root(&dir, nested_root));
        }
        Ok(DiskFetch { dir, files })
    }

    /// The files directly inside the directory `handle` (from `showDirectoryPicker`, or
    /// kept from an earlier visit), or why they are not an archive's.
    pub async fn of_handle(handle: &DirHandle) -> Result<DiskFetch, String> {
        let dir = handle.dir();
        let files: HashMap<String, DiskFile> = (handle.files().await)
            .map_err(|why| format!("the directory {dir} could not be read ({why})"))?
            .into_iter()
            .map(|(name, file)| (name, DiskFile::Handle(file)))
            .collect();
        if !files.contains_key(ROOT) {
            return Err(no_root(&dir, None));
        }
        Ok(DiskFetch { dir, files })
    }

    /// The picked directory's name, ending in `/`.
    pub fn dir(&self) -> &str {
        &self.dir
    }
}

impl Fetch for DiskFetch {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        // The same check as over http: only the root's and shards' plain names.
        super::fetcher::file_url(&self.dir, name)?;
        let file = (self.files.get(name))
            .ok_or_else(|| format!("{name} is not in the chosen directory {}", self.dir))?;
        let file = match file {
            DiskFile::Picked(file) => file,
            DiskFile::Handle(handle) => {
                return (super::picker::read(handle).await)
                    .map_err(|why| format!("{name} could not be read from disk ({why})"));
            }
        };
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("{name} could not be read from disk"))?;
        let buffer = buffer
            .dyn_into::<js_sys::ArrayBuffer>()
            .map_err(|_| format!("{name} could not be read from disk"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::top_level;

    #[test]
    fn only_files_directly_inside_the_chosen_directory_count() {
        assert_eq!(top_level("arch/root.json"), Some(("arch", "root.json")));
        assert_eq!(top_level("arch/sub/root.json"), None);
        assert_eq!(top_level("root.json"), None);
        assert_eq!(top_level("arch/"), None);
    }
}
