//! The extraction's diagnostics (unbalanced quotation marks, quoted terms that are not
//! statements, articles with no paragraph) as a summary on stderr: counts by kind and
//! the first few. `--diagnostics FILE` writes every one as JSON Lines: `article`,
//! `severity`, `message`, `start` and `end` (byte offsets, absent when the diagnostic is
//! about the whole article).

use quoteline_core::corpus::Corpus;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// How many diagnostics are printed one by one before the summary stops listing them.
pub const FIRST: usize = 5;

/// The summary's lines: the first [`FIRST`] diagnostics as `article: message (bytes
/// a..b)`, then, when there are more, the count of each kind (its message), most first.
pub fn summary(corpus: &Corpus, written_to: Option<&Path>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    let mut articles = 0;
    for a in &corpus.articles {
        articles += usize::from(!a.diagnostics.is_empty());
        for d in &a.diagnostics {
            total += 1;
            *kinds.entry(d.message.as_str()).or_default() += 1;
            if total <= FIRST {
                lines.push(format!(
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
    if total > FIRST {
        lines.push(format!(
            "{total} diagnostics in {articles} articles ({} more not listed), by kind:",
            total - FIRST
        ));
        let mut by_count: Vec<(&str, usize)> = kinds.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
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

/// Writes every diagnostic of `corpus` to `path`, one JSON object a line.
pub fn write_all(corpus: &Corpus, path: &Path) -> std::io::Result<usize> {
    let file = std::fs::File::create(path)?;
    let mut out = std::io::BufWriter::new(file);
    let mut n = 0;
    for a in &corpus.articles {
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
            writeln!(out, "{row}")?;
            n += 1;
        }
    }
    out.flush()?;
    Ok(n)
}
