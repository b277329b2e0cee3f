//! The extraction's diagnostics (unbalanced quotation marks, quoted terms that are not
//! statements, articles with no paragraph) as a summary on stderr: counts by kind and
//! the first few. `--diagnostics FILE` writes every one as JSON Lines: `article`,
//! `severity`, `message`, `start` and `end` (byte offsets, absent when the diagnostic is
//! about the whole article).

use quoteline_core::corpus::{Article, Corpus};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// How many diagnostics are printed one by one before the summary stops listing them.
pub const FIRST: usize = 5;

/// The summary's lines: the first [`FIRST`] diagnostics as `article: message (bytes
/// a..b)`, then, when there are more, the count of each kind (its message), most first.
pub fn summary(corpus: &Corpus, written_to: Option<&Path>) -> Vec<String> {
    let mut tally = Tally::default();
    for a in &corpus.articles {
        tally.add(a);
    }
    tally.lines(written_to)
}

/// The summary as the articles come (`pack --sharded` does not keep them).
#[derive(Default)]
pub struct Tally {
    lines: Vec<String>,
    kinds: BTreeMap<String, usize>,
    total: usize,
    articles: usize,
}

impl Tally {
    pub fn add(&mut self, a: &Article) {
        self.articles += usize::from(!a.diagnostics.is_empty());
        for d in &a.diagnostics {
            self.total += 1;
            match self.kinds.get_mut(d.message.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.kinds.insert(d.message.clone(), 1);
                }
            }
            if self.total <= FIRST {
                self.lines.push(format!(
                    "{}: {}{}",
                    a.name,
                    d.message,
                    d.span
                        .map(|s| format!(" (bytes {}..{})", s.start, s.end))
                        .unwrap_or_default()
                ));
            }
        }
    }

    /// The summary's lines (see [`summary`]).
    pub fn lines(self, written_to: Option<&Path>) -> Vec<String> {
        let (mut lines, total) = (self.lines, self.total);
        if total > FIRST {
            lines.push(format!(
                "{total} diagnostics in {} articles ({} more not listed), by kind:",
                self.articles,
                total - FIRST
            ));
            let mut by_count: Vec<(String, usize)> = self.kinds.into_iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            lines.extend(
                by_count
                    .iter()
                    .map(|(kind, n)| format!("  {n:>7} × {kind}")),
            );
            lines.push(match written_to {
                Some(p) => format!("every diagnostic is in {}", p.display()),
                None => "--diagnostics FILE writes every one as JSON Lines".to_string(),
            });
        }
        lines
    }
}

/// Writes every diagnostic of `corpus` to `path`, one JSON object a line.
pub fn write_all(corpus: &Corpus, path: &Path) -> std::io::Result<usize> {
    let mut w = Writer::create(path)?;
    for a in &corpus.articles {
        w.add(a)?;
    }
    w.finish()
}

/// The `--diagnostics` file, written as the articles come.
pub struct Writer {
    out: std::io::BufWriter<std::fs::File>,
    n: usize,
}

impl Writer {
    pub fn create(path: &Path) -> std::io::Result<Writer> {
        Ok(Writer {
            out: std::io::BufWriter::new(std::fs::File::create(path)?),
            n: 0,
        })
    }

    /// Writes an article's diagnostics, one JSON object a line.
    pub fn add(&mut self, a: &Article) -> std::io::Result<()> {
        for d in &a.diagnostics {
            let mut row = serde_json::json!({
                "article": a.name,
                "severity": d.severity,
                "message": d.message,
            });
            if let (Some(s), Some(obj)) = (d.span, row.as_object_mut()) {
                obj.insert("start".into(), s.start.into());
                obj.insert("end".into(), s.end.into());
            }
            writeln!(self.out, "{row}")?;
            self.n += 1;
        }
        Ok(())
    }

    /// Flushes the file; answers how many diagnostics it holds.
    pub fn finish(mut self) -> std::io::Result<usize> {
        self.out.flush()?;
        Ok(self.n)
    }
}
