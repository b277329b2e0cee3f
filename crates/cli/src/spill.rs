//! Where `pack --sharded` keeps its statements while the archive streams: a temporary
//! file (in the system's temporary directory, `TMPDIR`), appended to, then read back by
//! place, and removed when the pack ends.

use quoteline_core::formats::shard::Spill;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

pub struct FileSpill {
    path: PathBuf,
    writer: BufWriter<File>,
    reader: File,
    len: u64,
    /// Bytes put since the last flush.
    dirty: bool,
}

impl FileSpill {
    /// A new, empty spill file.
    pub fn create() -> Result<FileSpill, String> {
        let path = std::env::temp_dir().join(format!(
            "quoteline-spill-{}-{}.tmp",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let cannot =
            |e: std::io::Error| format!("cannot make the spill file {}: {e}", path.display());
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(cannot)?;
        let reader = file.try_clone().map_err(cannot)?;
        Ok(FileSpill {
            writer: BufWriter::with_capacity(1 << 20, file),
            reader,
            path,
            len: 0,
            dirty: false,
        })
    }

    fn failed(&self, e: std::io::Error) -> String {
        format!("the spill file {} failed: {e}", self.path.display())
    }
}

impl Spill for FileSpill {
    fn put(&mut self, bytes: &[u8]) -> Result<u64, String> {
        let at = self.len;
        if let Err(e) = self.writer.write_all(bytes) {
            return Err(self.failed(e));
        }
        self.len += bytes.len() as u64;
        self.dirty = true;
        Ok(at)
    }

    fn get(&mut self, at: u64, len: usize) -> Result<Vec<u8>, String> {
        if self.dirty {
            if let Err(e) = self.writer.flush() {
                return Err(self.failed(e));
            }
            self.dirty = false;
        }
        let mut buf = vec![0; len];
        match self.reader.read_exact_at(&mut buf, at) {
            Ok(()) => Ok(buf),
            Err(e) => Err(self.failed(e)),
        }
    }
}

impl Drop for FileSpill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
