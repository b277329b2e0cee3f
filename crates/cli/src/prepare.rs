//! `quoteline prepare --jsonl`: the map of a split pack (Spark's `rdd.pipe`). Each line
//! of stdin is an article as `--jsonl` reads it, with an optional `"seq"` number (its
//! place in the archive); each line of stdout is its record: `{"seq": N, "corpus": ...}`
//! (the article extracted and assembled alone, the engine's own `Corpus`) or
//! `{"seq": N, "bad": NAME, "why": ...}` for an article that cannot be used, so the job
//! reports it by name and goes on. One record a line, in input order; `pack --sharded
//! --prepared FILE...` is the reduce.

use crate::contain::contain;
use crate::load::{alone, Text};
use quoteline_core::corpus::Corpus;
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// One line of the map's output.
#[derive(Serialize, Deserialize)]
pub struct Record {
    pub seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<Corpus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// The record of one input line (line number `at`, counted from 1).
pub fn record(line: &[u8], at: u64) -> Record {
    let seq = serde_json::from_slice::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v.get("seq").and_then(serde_json::Value::as_u64))
        .unwrap_or(at);
    let bad = |name: String, why: String| Record {
        seq,
        corpus: None,
        bad: Some(name),
        why: Some(why),
    };
    let a = match crate::stdin::parse(line) {
        Ok(a) => a,
        Err(why) => return bad(format!("stdin:{at}"), why),
    };
    let t = Text {
        name: a.name,
        text: a.text,
        meta: a.meta,
    };
    match alone(&t) {
        Ok(c) => Record {
            seq,
            corpus: Some(c),
            bad: None,
            why: None,
        },
        Err(panic) => bad(t.name, format!("extracting it panicked: {panic}")),
    }
}

pub fn run(args: &[OsString]) -> ExitCode {
    if args.iter().map(|a| a.to_str()).ne([Some("--jsonl")]) {
        eprintln!(
            "quoteline prepare: takes --jsonl only (articles as JSON Lines on stdin)\n{}",
            crate::usage::USAGE
        );
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, line) in std::io::stdin().lock().split(b'\n').enumerate() {
        let at = i as u64 + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("quoteline prepare: stdin:{at}: could not be read ({e})");
                return ExitCode::from(1);
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let r = record(&line, at);
        let json = contain(|| serde_json::to_string(&r))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_else(|| format!("{{\"seq\":{},\"bad\":\"stdin:{at}\",\"why\":\"its record could not be written\"}}", r.seq));
        if writeln!(out, "{json}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
