//! `quoteline reduce STEP`: the reduce of the Spark pack, partitioned. The same archive
//! as `pack --sharded --prepared`, byte for byte, in five steps, each over a stream a
//! Spark task can pipe:
//!
//! - `keys` (executors): stdin records (`prepare`'s) → stdout each record's compact keys
//!   (`formats::shard::PartKeys`), one JSON line each;
//!
//! (`keys` and `emit` name a line they skip on stderr and still exit 0, so a Spark task
//! does not fail on one bad line; the plan and the parts then name what is missing.)
//! - `plan --plan PLAN KEYS...` (the driver): the keys in `seq` order → the speaker merge,
//!   the grouping, the order and every shard's cut point (`Planner`), written to PLAN;
//!   stdout one JSON line with the shard counts;
//! - `emit --plan PLAN` (executors): stdin records → stdout one line per article and
//!   statement, `a|s TAB SHARD TAB NUMBER TAB HEX` (postcard, so floats survive), which
//!   Spark partitions by shard and sorts;
//! - `write --plan PLAN --out DIR --answer FILE` (executors): stdin those lines, whole
//!   shards sorted by number → the shards written into DIR under their final names, and
//!   what the root needs of them in FILE (`PartWritten`, postcard);
//! - `root --plan PLAN --out DIR ANSWER...` (the driver): the index chunks, group
//!   shards, outlet chunks, summaries and `root.json`; stale files of an earlier archive
//!   removed.

use crate::args::{options, text};
use crate::contain::contain;
use crate::error::CliError;
use crate::load::shown;
use crate::prepare::Record;
use quoteline_core::corpus::compare::Keys;
use quoteline_core::corpus::topics;
use quoteline_core::formats::shard::{
    shard_of, Limits, Merge, PartKeys, PartWriter, PartWritten, Plan, Planner, ROOT,
};
use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    let step = args.first().and_then(|a| a.to_str()).unwrap_or_default();
    let rest = args.get(1..).unwrap_or_default();
    let done = match step {
        "keys" => no_options(rest).and_then(|()| keys()),
        "plan" => plan(rest),
        "emit" => options(rest, &["plan"]).and_then(|o| {
            Ok(match load_plan(&path(&o, "plan")?) {
                Ok(plan) => emit(&plan),
                Err(e) => failed("emit", e),
            })
        }),
        "write" => options(rest, &["plan", "out", "answer"]).and_then(|o| {
            let (out, answer) = (path(&o, "out")?, path(&o, "answer")?);
            Ok(match load_plan(&path(&o, "plan")?) {
                Ok(plan) => write(&plan, &out, &answer),
                Err(e) => failed("write", e),
            })
        }),
        "root" => root(rest),
        _ => {
            eprintln!(
                "quoteline reduce: unknown step {step:?} (the steps: keys, plan, emit, write, root)\n{}",
                crate::usage::USAGE
            );
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quoteline reduce {step}: {e}\n{}", crate::usage::USAGE);
            ExitCode::from(2)
        }
    }
}

fn no_options(rest: &[OsString]) -> Result<(), CliError> {
    match rest.first() {
        Some(a) => Err(CliError::Unexpected(a.to_string_lossy().into_owned())),
        None => Ok(()),
    }
}

fn path(
    o: &std::collections::HashMap<String, OsString>,
    key: &'static str,
) -> Result<PathBuf, CliError> {
    text(o, key)?;
    o.get(key)
        .map(PathBuf::from)
        .ok_or(CliError::Required(match key {
            "plan" => "--plan PLAN",
            "out" => "--out DIR",
            _ => "--answer FILE",
        }))
}

/// A step's failure that is no usage problem: named on stderr, exit status 1.
fn failed(step: &str, why: impl std::fmt::Display) -> ExitCode {
    eprintln!("quoteline reduce {step}: {why}");
    ExitCode::from(1)
}

/// The plan in file `p`; `Err` says why it cannot be used.
fn load_plan(p: &Path) -> Result<Plan, String> {
    let bytes = std::fs::read(p).map_err(|e| format!("cannot read the plan {}: {e}", shown(p)))?;
    postcard::from_bytes(&bytes)
        .map_err(|e| format!("{} is not a plan of this version ({e})", shown(p)))
}

/// Each non-blank line of stdin with its number; `Err` when stdin cannot be read.
fn stdin_lines(mut each: impl FnMut(&[u8], u64) -> Result<(), String>) -> Result<(), String> {
    for (i, line) in std::io::stdin().lock().split(b'\n').enumerate() {
        let at = i as u64 + 1;
        let line = line.map_err(|e| format!("stdin:{at}: could not be read ({e})"))?;
        if !line.iter().all(u8::is_ascii_whitespace) {
            each(&line, at)?;
        }
    }
    Ok(())
}

/// `keys`: each record's keys (a bad article's record passes as its name and reason).
fn keys() -> Result<ExitCode, CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let done = stdin_lines(|line, at| {
        let keys = match serde_json::from_slice::<Record>(line) {
            Ok(Record {
                seq,
                corpus: Some(c),
                ..
            }) => contain(|| PartKeys::of(seq, &c))
                .map_err(|p| p.to_string())
                .and_then(|k| k)
                .unwrap_or_else(|why| bad(seq, format!("record {seq}"), why)),
            Ok(r) => bad(r.seq, r.bad.unwrap_or_default(), r.why.unwrap_or_default()),
            Err(e) => {
                eprintln!("quoteline reduce keys: stdin:{at}: not a record ({e}); skipped");
                return Ok(());
            }
        };
        let json = serde_json::to_string(&keys).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| e.to_string())
    })
    .and_then(|()| out.flush().map_err(|e| e.to_string()));
    Ok(match done {
        Err(e) => failed("keys", e),
        Ok(()) => ExitCode::SUCCESS,
    })
}

fn bad(seq: u64, name: String, why: String) -> PartKeys {
    PartKeys {
        seq,
        bad: Some(name),
        why: Some(why),
        ..PartKeys::default()
    }
}

/// `plan`: the keys files in `seq` order through the planner; bad articles named.
fn plan(rest: &[OsString]) -> Result<ExitCode, CliError> {
    let (Some(flag), Some(to)) = (rest.first(), rest.get(1)) else {
        return Err(CliError::Required("--plan PLAN"));
    };
    if !crate::args::is(flag, "--plan") {
        return Err(CliError::Unexpected(flag.to_string_lossy().into_owned()));
    }
    let names = topics::names();
    let generator = concat!("quoteline ", env!("CARGO_PKG_VERSION"));
    let mut planner = Planner::new(&names, generator, Limits::default());
    let mut errors = Vec::new();
    let mut failure = None;
    crate::records::in_order(
        rest.get(2..).unwrap_or_default(),
        &mut errors,
        |line, at, errors| {
            let k = match serde_json::from_slice::<PartKeys>(line) {
                Ok(k) => k,
                Err(e) => {
                    errors.push(format!("{at}: not a record's keys ({e}); skipped"));
                    return None;
                }
            };
            if let Some(name) = &k.bad {
                errors.push(format!(
                    "{name}: skipped: {}",
                    k.why.as_deref().unwrap_or_default()
                ));
                return Some(true);
            }
            if let Err(e) = planner.note(&k) {
                failure = Some(format!("{at}: {e}"));
                return Some(false);
            }
            Some(true)
        },
    )?;
    if let Some(f) = failure {
        return Ok(failed("plan", f));
    }
    if planner.articles() == 0 {
        errors.iter().for_each(|e| eprintln!("{e}"));
        return Ok(failed(
            "plan",
            "no article could be read, so no plan was written",
        ));
    }
    let plan = planner.finish(|keys: &Keys| crate::shard::grouped(keys, &mut errors));
    let bytes = match postcard::to_allocvec(&plan) {
        Ok(b) => b,
        Err(e) => return Ok(failed("plan", e)),
    };
    if let Err(e) = std::fs::write(to, bytes) {
        return Ok(failed(
            "plan",
            format!("cannot write {}: {e}", shown(Path::new(to))),
        ));
    }
    println!(
        "{}",
        serde_json::json!({
            "articles": plan.articles,
            "statements": plan.number.len(),
            "statement_shards": plan.statement_shards(),
            "article_shards": plan.article_shards(),
        })
    );
    errors.iter().for_each(|e| eprintln!("{e}"));
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Lower-case hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

fn unhex(s: &[u8]) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    (s.len() % 2 == 0).then_some(())?;
    s.chunks(2)
        .map(|p| Some((digit(*p.first()?)? << 4) | digit(*p.get(1)?)?))
        .collect()
}

/// `emit`: every article and statement of the records, numbered by the plan.
fn emit(plan: &Plan) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let done = stdin_lines(|line, at| {
        let r = match serde_json::from_slice::<Record>(line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("quoteline reduce emit: stdin:{at}: not a record ({e}); skipped");
                return Ok(());
            }
        };
        let Some(c) = r.corpus else { return Ok(()) };
        let Some((article, first)) = plan.part(r.seq) else {
            eprintln!(
                "quoteline reduce emit: record {} is not in the plan; skipped",
                r.seq
            );
            return Ok(());
        };
        for (k, e) in c.entries.iter().enumerate() {
            let at = first as usize + k;
            let (Some(&n), Some(&speaker)) = (plan.number.get(at), plan.speaker.get(at)) else {
                return Err(format!(
                    "record {}: more statements than the plan has",
                    r.seq
                ));
            };
            let mut entry = e.clone();
            entry.article += article as usize;
            entry.speaker = speaker as usize;
            let n = u64::from(n);
            let shard = shard_of(&plan.statement_bounds, n).unwrap_or(usize::MAX);
            let bytes = postcard::to_allocvec(&(entry, c.text_of(e))).map_err(|e| e.to_string())?;
            writeln!(out, "s\t{shard}\t{n}\t{}", hex(&bytes)).map_err(|e| e.to_string())?;
        }
        for (k, a) in c.articles.iter().enumerate() {
            let n = article + k as u64;
            let shard = shard_of(&plan.article_bounds, n).unwrap_or(usize::MAX);
            let bytes = postcard::to_allocvec(a).map_err(|e| e.to_string())?;
            writeln!(out, "a\t{shard}\t{n}\t{}", hex(&bytes)).map_err(|e| e.to_string())?;
        }
        Ok(())
    })
    .and_then(|()| out.flush().map_err(|e| e.to_string()));
    match done {
        Err(e) => failed("emit", e),
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// A sink that writes each file into `dir`.
fn sink(dir: &Path) -> impl FnMut(&str, Vec<u8>) -> Result<(), String> + '_ {
    move |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", shown(&path)))
    }
}

/// One line of `emit`'s output, parsed and written.
fn write_line(
    w: &mut PartWriter<'_>,
    line: &[u8],
    sink: &mut quoteline_core::formats::shard::Files<'_>,
) -> Result<(), String> {
    let mut fields = line.splitn(4, |&b| b == b'\t');
    let (kind, _, n, payload) = (fields.next(), fields.next(), fields.next(), fields.next());
    let n = n.and_then(|n| std::str::from_utf8(n).ok()?.parse::<u64>().ok());
    let bytes = payload.and_then(|p| unhex(p.trim_ascii_end()));
    let (Some(kind), Some(n), Some(bytes)) = (kind, n, bytes) else {
        return Err("not a line of `reduce emit`".into());
    };
    let undecodable = |e: postcard::Error| format!("item {n} cannot be decoded ({e})");
    match kind {
        b"s" => {
            let (e, text) = postcard::from_bytes(&bytes).map_err(undecodable)?;
            w.statement(n, e, text, sink)
        }
        b"a" => w.article(n, postcard::from_bytes(&bytes).map_err(undecodable)?, sink),
        _ => Err("not a line of `reduce emit`".into()),
    }
}

/// `write`: whole shards from stdin into `out`, what was written into `answer`.
fn write(plan: &Plan, out: &Path, answer: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        return failed("write", format!("cannot make {}: {e}", shown(out)));
    }
    let mut w = PartWriter::new(plan);
    let mut sink = sink(out);
    let done = stdin_lines(|line, at| {
        contain(|| write_line(&mut w, line, &mut sink))
            .map_err(|p| p.to_string())
            .and_then(|r| r)
            .map_err(|e| format!("stdin:{at}: {e}"))
    });
    let written = done.and_then(|()| w.finish(&mut sink)).and_then(|written| {
        let bytes = postcard::to_allocvec(&written).map_err(|e| e.to_string())?;
        std::fs::write(answer, bytes).map_err(|e| format!("cannot write {}: {e}", shown(answer)))
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed("write", e),
    }
}

/// `root`: the parts' answers merged into the root.
fn root(rest: &[OsString]) -> Result<ExitCode, CliError> {
    let mut plan_at = None;
    let mut out = None;
    let mut answers = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if crate::args::is(a, "--plan") {
            plan_at = it.next().map(PathBuf::from);
        } else if crate::args::is(a, "--out") {
            out = it.next().map(PathBuf::from);
        } else {
            answers.push(PathBuf::from(a));
        }
    }
    let plan_at = plan_at.ok_or(CliError::Required("--plan PLAN"))?;
    let out = out.ok_or(CliError::Required("--out DIR"))?;
    if answers.is_empty() {
        return Err(CliError::NoFiles);
    }
    let plan = match load_plan(&plan_at) {
        Ok(p) => p,
        Err(e) => return Ok(failed("root", e)),
    };
    let mut merge = Merge::new(&plan);
    for a in &answers {
        let bytes = std::fs::read(a).map_err(|error| CliError::CannotRead {
            file: shown(a),
            what: "a part's answer",
            error,
        })?;
        match postcard::from_bytes::<PartWritten>(&bytes) {
            Ok(part) => merge.add(part),
            Err(e) => {
                return Ok(failed(
                    "root",
                    format!("{}: not a part's answer ({e})", shown(a)),
                ))
            }
        }
    }
    let root = match contain(|| merge.finish(&mut sink(&out))) {
        Ok(Ok(root)) => root,
        Ok(Err(e)) => return Ok(failed("root", e)),
        Err(panic) => {
            return Ok(failed(
                "root",
                format!("writing the root panicked: {panic}"),
            ))
        }
    };
    if let Err(e) = crate::shard::remove_stale(&out, &root) {
        return Ok(failed("root", e));
    }
    eprintln!(
        "wrote {}: {} articles, {} statements, {} speakers, {} groups; {} statement shards, {} article shards, {} index chunks, {ROOT} {} bytes",
        shown(&out),
        root.facts.articles,
        root.facts.statements,
        root.facts.speakers,
        root.facts.groups,
        root.statement_shards.len(),
        root.article_shards.len(),
        root.index_chunks.len(),
        std::fs::metadata(out.join(ROOT)).map_or(0, |m| m.len()),
    );
    Ok(ExitCode::SUCCESS)
}
