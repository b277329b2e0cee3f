//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use quoteline::core::attribute::name_key;
use quoteline::core::corpus::Corpus;
use quoteline::core::model::Kind;
use quoteline::core::text::Span;
use serde::Deserialize;
use std::path::Path;

/// One hand-annotated statement (tests/gold/*.jsonl).
#[derive(Deserialize, Debug, Clone)]
pub struct Gold {
    pub kind: String,
    pub text: String,
    pub speaker: String,
    #[serde(default)]
    pub alt: Vec<String>,
    #[serde(default)]
    pub nth: usize,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct GoldItem {
    pub article: usize,
    pub kind: Kind,
    pub span: Span,
    pub gold: Gold,
}

/// Loads the gold annotation for every article of `corpus` that has a file in `dir`.
pub fn load_gold(corpus: &Corpus, dir: &Path) -> Vec<GoldItem> {
    let mut out = Vec::new();
    for (ai, a) in corpus.articles.iter().enumerate() {
        let path = dir.join(a.name.replace(".txt", ".jsonl"));
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        for (ln, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let g: Gold = serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), ln + 1));
            let start = a
                .text
                .match_indices(&g.text)
                .nth(g.nth)
                .unwrap_or_else(|| panic!("{}:{}: text not found in {}: {:?}", path.display(), ln + 1, a.name, g.text))
                .0;
            let kind = Kind::parse(&g.kind).unwrap_or_else(|| panic!("{}:{}: bad kind {}", path.display(), ln + 1, g.kind));
            out.push(GoldItem { article: ai, kind, span: Span::new(start, start + g.text.len()), gold: g });
        }
    }
    out
}

/// Whether a predicted canonical speaker name matches the gold speaker or one of its alternatives.
pub fn speaker_matches(pred: &str, gold: &Gold) -> bool {
    let p = name_key(pred);
    std::iter::once(&gold.speaker).chain(gold.alt.iter()).any(|g| {
        let g = name_key(g);
        if g.is_empty() || p.is_empty() {
            return g == p;
        }
        let surname = |s: &str| s.split_whitespace().last().map(str::to_string).unwrap_or_default();
        g == p || surname(&g) == surname(&p) && (g.split_whitespace().count() == 1 || p.split_whitespace().count() == 1 || g.split_whitespace().next() == p.split_whitespace().next())
            || (g.len() > 6 && p.contains(&g)) || (p.len() > 6 && g.contains(&p))
    })
}

/// Overlap of two spans: intersection over the shorter and over the longer.
pub fn overlap(a: Span, b: Span) -> (f64, f64) {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start)) as f64;
    let (short, long) = if a.len() < b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    if short == 0 {
        return (0.0, 0.0);
    }
    (inter / short as f64, inter / long as f64)
}
