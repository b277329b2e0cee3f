//! The JSON Lines output of `extract` and `groups`: load, group, print one object per
//! line, each row contained, then report problems.

use crate::contain::contain;
use crate::load::{self, Loaded};
use crate::usage::USAGE;
use quoteline_core::corpus::compare::Comparison;
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

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
