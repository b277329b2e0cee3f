//! The command-line extractor: `quoteline extract FILE_OR_DIR...` prints one JSON object
//! per statement (JSON Lines) on stdout and problems on stderr. Files that cannot be read
//! or are not UTF-8 are reported by name and skipped; the others go on.

use quoteline::core::corpus::{ArticleMeta, Corpus, Input};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: quoteline extract FILE_OR_DIR...\n\
  Prints one JSON object per statement (JSON Lines): file, id, speaker, speaker_kind, role,\n\
  kind (direct|partial|indirect), text (exactly source[start..end]), start, end (byte offsets),\n\
  cue, cue_start, cue_end, rule, confidence, low_confidence, outlet.\n\
  A directory means every .txt file in it (sorted). Diagnostics go to stderr.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") if args.len() > 1 => run_extract(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn expand(args: &[String], errors: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
                    v.sort();
                    files.extend(v.into_iter().map(|f| (f.display().to_string(), f)));
                }
                Err(e) => errors.push(format!("{a}: cannot read directory: {e}")),
            }
        } else {
            files.push((a.clone(), p.to_path_buf()));
        }
    }
    files
}

fn run_extract(args: &[String]) -> ExitCode {
    let mut errors = Vec::new();
    let files = expand(args, &mut errors);
    let mut texts: Vec<(String, String)> = Vec::new();
    for (name, path) in files {
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => texts.push((name, t)),
                Err(e) => errors.push(format!("{name}: not valid UTF-8 (first bad byte at offset {}); skipped", e.utf8_error().valid_up_to())),
            },
            Err(e) => errors.push(format!("{name}: cannot read: {e}")),
        }
    }
    let corpus = Corpus::build(texts.iter().map(|(n, t)| Input { name: n, text: t, meta: ArticleMeta::default() }).collect());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for e in &corpus.entries {
        let a = &corpus.articles[e.article];
        let s = &e.statement;
        let sp = &corpus.speakers[e.speaker];
        let line = serde_json::json!({
            "file": a.name,
            "id": e.id,
            "outlet": a.outlet,
            "speaker": sp.name,
            "speaker_kind": sp.kind,
            "role": sp.role,
            "kind": s.kind,
            "text": s.span.of(&a.text),
            "start": s.span.start,
            "end": s.span.end,
            "cue": s.cue.map(|c| c.of(&a.text)),
            "cue_start": s.cue.map(|c| c.start),
            "cue_end": s.cue.map(|c| c.end),
            "rule": s.evidence.rule,
            "mention": s.evidence.mention.map(|m| m.of(&a.text)),
            "confidence": s.confidence,
            "low_confidence": s.is_low_confidence(),
        });
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS; // stdout closed (e.g. piped into head)
        }
    }
    let _ = out.flush();
    for a in &corpus.articles {
        for d in &a.diagnostics {
            eprintln!("{}: {}{}", a.name, d.message, d.span.map(|s| format!(" (bytes {}..{})", s.start, s.end)).unwrap_or_default());
        }
    }
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
