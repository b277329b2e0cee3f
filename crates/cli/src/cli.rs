//! The command-line tool: `quoteline extract` prints one JSON object per statement (JSON
//! Lines) on stdout and problems on stderr; `groups` prints the cross-outlet groups;
//! `pack` writes a corpus file; `synth` and `bench` generate and time synthetic
//! corpora. One command per file; `load` reads the files, `contain` keeps one bad
//! article from stopping the others. Arguments are read as the OS gives them, so a file
//! name that is not UTF-8 is used as it is and shown lossily.

use crate::contain::contain;
use crate::load::{self, Loaded};
use quoteline_core::corpus::compare::Comparison;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str = "usage: quoteline extract [--manifest FILE] [--topics FILE] [--max-file-mb N] FILE_OR_DIR...\n\
       quoteline groups  [--manifest FILE] [--topics FILE] [--max-file-mb N] FILE_OR_DIR...\n\
       quoteline pack --out FILE.qlc [--manifest FILE] [--max-file-mb N] FILE_OR_DIR...\n\
       quoteline text FILE\n\
       quoteline synth --out DIR [--seed N] [--events N] [--outlets N] [--paragraphs N] [--mb N]\n\
       quoteline bench [--mb N] [--seed N] [--runs N]\n\
       quoteline bench --statements 1000,5000,20000,50000 [--seed N] [--runs N]\n\
       quoteline bench --growth [--seed N] [--max-seconds N] [--scale F] [--only abcdef]\n\
\n\
  Prints one JSON object per statement (JSON Lines): file, id, speaker, speaker_kind, role, affiliation,\n\
  kind (direct|partial|indirect), text (exactly source[start..end]), start, end (byte offsets),\n\
  offsets (source: they index the file's bytes; normalised: the file was changed on reading, by a\n\
  byte-order mark, UTF-16, invalid UTF-8, CRLF line ends, HTML or Markdown, and they index the text\n\
  that `quoteline text FILE` prints),\n\
  cue, cue_start, cue_end, rule, mention, confidence, low_confidence, outlet,\n\
  date (YYYY-MM-DD, YYYY-MM, YYYY or null), date_precision (day|month|year|unknown), date_expression,\n\
  topics (names, or [\"other\"]), topic_words, group (index into `groups`, or null).\n\
  `groups` prints one JSON object per group of renderings of one utterance across outlets.\n\
  `pack` writes a precomputed corpus file (articles, statements, speakers, dates, topics, groups)\n\
  that the app opens without extracting (Your articles → Open a corpus file, or ?corpus=URL).\n\
  A directory means every .txt, .md and .html file in it (sorted), with its corpus.toml manifest\n\
  if there is one. Files are read as the browser reads them: binary files refused, invalid UTF-8\n\
  replaced (with a count), HTML reduced to its article text, Markdown to its words. Files over\n\
  --max-file-mb (default 64) are refused before they are read.\n\
  Diagnostics, and manifest or topic-file problems (file:line; a line that is not UTF-8 is skipped),\n\
  go to stderr. A file that cannot be used, or an article whose extraction fails, is named on\n\
  stderr with the reason; the others are still printed, and the exit status is 1.\n\
  `bench --growth` times extraction as each dimension of the input grows (paragraph length,\n\
  quotes per paragraph and per sentence, a sentence without punctuation, statements per article,\n\
  statements across outlets); a series stops once a point takes over --max-seconds (60); --scale 0.01\n\
  shrinks every size for a quick look; --only bd runs only those series.\n\
\n\
  For tests only: QUOTELINE_TEST_PANIC_ON=FILE[,...] makes the extraction of that article panic\n\
  (assemble:FILE, compare and pack force a panic in those corpus-wide stages), to show containment.";

pub fn main() -> ExitCode {
    crate::contain::install();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().and_then(|a| a.to_str()) {
        Some("extract") if !rest.is_empty() => crate::extract::run(rest),
        Some("groups") if !rest.is_empty() => crate::groups::run(rest),
        Some("pack") if !rest.is_empty() => crate::pack::run(rest),
        Some("text") if !rest.is_empty() => crate::text::run(rest),
        Some("synth") => crate::synth::run(rest),
        Some("bench") => crate::bench::run(rest),
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

/// Loads the files of a command line, computes the cross-outlet groups, and prints
/// `count` rows made by `row`, one JSON object per line; then reports problems. Each
/// row is contained: one that panics is reported and the others are printed.
pub fn print_json_lines(
    cmd: &str,
    args: &[OsString],
    count: impl Fn(&Loaded, &Comparison) -> usize,
    row: impl Fn(&Loaded, &Comparison, usize) -> serde_json::Value,
) -> ExitCode {
    let mut loaded = match load::load(args) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("quoteline {cmd}: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let cmp = load::groups(&mut loaded, "statements are printed without groups");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = Vec::new();
    for i in 0..count(&loaded, &cmp) {
        match contain(|| row(&loaded, &cmp, i)) {
            Ok(line) => {
                if writeln!(out, "{line}").is_err() {
                    return ExitCode::SUCCESS; // stdout closed (e.g. piped into head)
                }
            }
            Err(panic) => failed.push(format!(
                "quoteline {cmd}: row {i} could not be printed: {panic}"
            )),
        }
    }
    let _ = out.flush();
    loaded.errors.extend(failed);
    load::finish(&loaded)
}

/// Parses `--name value` options (only the `allowed` names).
pub fn options(args: &[OsString], allowed: &[&str]) -> Result<HashMap<String, OsString>, String> {
    let mut map = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let key = a
            .to_str()
            .and_then(|a| a.strip_prefix("--"))
            .ok_or_else(|| format!("unexpected argument {:?}", a.to_string_lossy()))?;
        if !allowed.contains(&key) {
            return Err(format!(
                "unknown option --{key} (allowed: {})",
                allowed
                    .iter()
                    .map(|k| format!("--{k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let v = it.next().ok_or_else(|| format!("--{key} needs a value"))?;
        map.insert(key.to_string(), v.clone());
    }
    Ok(map)
}

/// An option's value as text (`Err` names the option when it is not UTF-8).
pub fn text<'a>(map: &'a HashMap<String, OsString>, key: &str) -> Result<Option<&'a str>, String> {
    map.get(key)
        .map(|v| {
            v.to_str()
                .ok_or_else(|| format!("--{key}: {:?} is not valid UTF-8", v.to_string_lossy()))
        })
        .transpose()
}

/// A whole-number option, or `default`.
pub fn number(map: &HashMap<String, OsString>, key: &str, default: u64) -> Result<u64, String> {
    match text(map, key)? {
        None => Ok(default),
        Some(v) => v
            .parse::<u64>()
            .map_err(|_| format!("--{key} must be a whole number ≥ 0, got {v:?}")),
    }
}

/// True when `a` is the flag `flag`.
pub fn is(a: &OsStr, flag: &str) -> bool {
    a.to_str() == Some(flag)
}
