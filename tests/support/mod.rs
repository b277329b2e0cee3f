//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use quoteline_core::corpus::Corpus;
use quoteline_core::extract::people::name_key;
use quoteline_core::model::Kind;
use quoteline_core::text::Span;
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
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (ln, line) in src
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let g: Gold = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), ln + 1));
            let start = a
                .text
                .match_indices(&g.text)
                .nth(g.nth)
                .unwrap_or_else(|| {
                    panic!(
                        "{}:{}: text not found in {}: {:?}",
                        path.display(),
                        ln + 1,
                        a.name,
                        g.text
                    )
                })
                .0;
            let kind = Kind::parse(&g.kind)
                .unwrap_or_else(|| panic!("{}:{}: bad kind {}", path.display(), ln + 1, g.kind));
            out.push(GoldItem {
                article: ai,
                kind,
                span: Span::new(start, start + g.text.len()),
                gold: g,
            });
        }
    }
    out
}

/// Whether a predicted canonical speaker name matches the gold speaker or one of its alternatives.
pub fn speaker_matches(pred: &str, gold: &Gold) -> bool {
    let p = name_key(pred);
    std::iter::once(&gold.speaker)
        .chain(gold.alt.iter())
        .any(|g| {
            let g = name_key(g);
            if g.is_empty() || p.is_empty() {
                return g == p;
            }
            let surname = |s: &str| {
                s.split_whitespace()
                    .last()
                    .map(str::to_string)
                    .unwrap_or_default()
            };
            g == p
                || surname(&g) == surname(&p)
                    && (g.split_whitespace().count() == 1
                        || p.split_whitespace().count() == 1
                        || g.split_whitespace().next() == p.split_whitespace().next())
                || (g.len() > 6 && p.contains(&g))
                || (p.len() > 6 && g.contains(&p))
        })
}

/// Overlap of two spans: intersection over the shorter and over the longer.
pub fn overlap(a: Span, b: Span) -> (f64, f64) {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start)) as f64;
    let (short, long) = if a.len() < b.len() {
        (a.len(), b.len())
    } else {
        (b.len(), a.len())
    };
    if short == 0 {
        return (0.0, 0.0);
    }
    (inter / short as f64, inter / long as f64)
}

/// Scores of the extractor against an annotation.
#[derive(Debug, Default)]
pub struct Scores {
    pub report: String,
    /// Non-optional gold quotes, found (span), found with the right speaker.
    pub q_total: usize,
    pub q_found: usize,
    pub q_right: usize,
    /// Predicted quotes, and those matching any gold quote (optional ones included).
    pub p_total: usize,
    pub p_ok: usize,
    /// Non-optional gold indirect statements, found with the right speaker.
    pub i_total: usize,
    pub i_right: usize,
    pub i_found: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    pub fn quote_recall(&self) -> f64 {
        ratio(self.q_right, self.q_total)
    }
    pub fn quote_precision(&self) -> f64 {
        ratio(self.p_ok, self.p_total)
    }
    /// F1 of quote spans (speaker not required).
    pub fn quote_f1(&self) -> f64 {
        let (p, r) = (self.quote_precision(), ratio(self.q_found, self.q_total));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of found quotes with the right speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.q_right, self.q_found)
    }
    pub fn indirect_recall(&self) -> f64 {
        ratio(self.i_right, self.i_total)
    }
    pub fn summary(&self) -> String {
        format!(
            "quotes:   {}/{} found with the right speaker (recall {:.3}; {} found at all), precision {}/{} = {:.3}, span F1 {:.3}, speaker accuracy {:.3}\nindirect: {}/{} found with the right speaker (recall {:.3}; {} found at all)",
            self.q_right, self.q_total, self.quote_recall(), self.q_found, self.p_ok, self.p_total, self.quote_precision(), self.quote_f1(), self.speaker_accuracy(),
            self.i_right, self.i_total, self.indirect_recall(), self.i_found
        )
    }
}

/// Scores `corpus` against `gold`, listing every miss, wrong speaker and spurious quote.
pub fn evaluate(corpus: &Corpus, gold: &[GoldItem]) -> Scores {
    let is_quote = |k: Kind| k != Kind::Indirect;
    let mut sc = Scores::default();
    for g in gold.iter().filter(|g| is_quote(g.kind) && !g.gold.optional) {
        sc.q_total += 1;
        // A quote is found as a quoted piece of a statement: a quote of its own, a piece
        // of an interrupted one, or quoted words a reported clause carries.
        let hit = corpus.entries.iter().find(|e| {
            e.article == g.article
                && e.statement
                    .quoted
                    .iter()
                    .any(|q| overlap(*q, g.span).1 >= 0.9)
        });
        match hit {
            Some(e) => {
                sc.q_found += 1;
                let sp = &corpus.speakers[e.speaker].name;
                if speaker_matches(sp, &g.gold) {
                    sc.q_right += 1;
                } else {
                    sc.report += &format!(
                        "QUOTE WRONG SPEAKER [{}] {:?}: got {sp:?}, want {:?}\n",
                        corpus.articles[g.article].name, g.gold.text, g.gold.speaker
                    );
                }
            }
            None => {
                sc.report += &format!(
                    "QUOTE MISSED [{}] {:?} ({})\n",
                    corpus.articles[g.article].name, g.gold.text, g.gold.speaker
                )
            }
        }
    }
    for e in &corpus.entries {
        for q in &e.statement.quoted {
            sc.p_total += 1;
            if gold
                .iter()
                .any(|g| g.article == e.article && is_quote(g.kind) && overlap(*q, g.span).1 >= 0.9)
            {
                sc.p_ok += 1;
            } else {
                sc.report += &format!(
                    "QUOTE SPURIOUS [{}] {:?}\n",
                    corpus.articles[e.article].name,
                    corpus.span_text(e.article, *q)
                );
            }
        }
    }
    for g in gold
        .iter()
        .filter(|g| g.kind == Kind::Indirect && !g.gold.optional)
    {
        sc.i_total += 1;
        let hits: Vec<_> = corpus
            .entries
            .iter()
            // Reported clauses, with or without quoted words in them.
            .filter(|e| e.article == g.article && !e.statement.is_quote())
            .filter(|e| {
                let (short, long) = overlap(e.statement.span, g.span);
                short >= 0.8 && long >= 0.5
            })
            .collect();
        if !hits.is_empty() {
            sc.i_found += 1;
        }
        if hits
            .iter()
            .any(|e| speaker_matches(&corpus.speakers[e.speaker].name, &g.gold))
        {
            sc.i_right += 1;
        } else if let Some(e) = hits.first() {
            sc.report += &format!(
                "INDIRECT WRONG SPEAKER [{}] {:?}: got {:?}, want {:?}\n",
                corpus.articles[g.article].name,
                g.gold.text,
                corpus.speakers[e.speaker].name,
                g.gold.speaker
            );
        } else {
            sc.report += &format!(
                "INDIRECT MISSED [{}] {:?} ({})\n",
                corpus.articles[g.article].name, g.gold.text, g.gold.speaker
            );
        }
    }
    sc
}

/// Builds a corpus from every `.txt` in `dir` (sorted), with no manifest.
pub fn corpus_from_dir(dir: &Path) -> Corpus {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    Corpus::build(
        texts
            .iter()
            .map(|(n, t)| quoteline_core::corpus::Input {
                name: n,
                text: t,
                meta: Default::default(),
            })
            .collect(),
    )
}

/// Every `.rs` file under `dir`, sorted (for the tidy tests).
pub fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let (mut out, mut stack) = (Vec::new(), vec![dir.to_path_buf()]);
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
