//! `quoteline pack --sharded --out DIR/`: the corpus as a directory of static files
//! (`formats::shard`): the root, statement shards by date, article shards and the search
//! index in chunks. The articles come from files (each extracted and assembled alone on
//! every core, then merged: the split pack in one process) or, with `--prepared
//! FILE...`, from the records `quoteline prepare` printed (the reduce of the Spark job).
//! Either way the same merge and the same writer make the directory, so the two give the
//! same bytes. Files of an earlier archive that the new root does not name are removed.

use crate::contain::{contain, forced};
use crate::error::CliError;
use crate::load::{self, shown, Assembly, Loaded};
use crate::prepare::Record;
use quoteline_core::corpus::topics;
use quoteline_core::formats::shard::{self, shard_name_ok, Limits, Root, ROOT};
use std::ffi::OsString;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads the map's records from `files`, in `seq` order; a bad article is an error
/// naming it, and so is a line that is not a record.
fn read_records(files: &[OsString]) -> Result<Loaded, CliError> {
    let mut records: Vec<Record> = Vec::new();
    let mut errors = Vec::new();
    if files.is_empty() {
        return Err(CliError::NoFiles);
    }
    for f in files {
        let path = PathBuf::from(f);
        let file = std::fs::File::open(&path).map_err(|error| CliError::CannotRead {
            file: shown(&path),
            what: "records",
            error,
        })?;
        for (i, line) in std::io::BufReader::new(file).split(b'\n').enumerate() {
            let line = line.map_err(|error| CliError::CannotRead {
                file: shown(&path),
                what: "records",
                error,
            })?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Record>(&line) {
                Ok(r) => records.push(r),
                Err(e) => errors.push(format!(
                    "{}:{}: not a record ({e}); skipped",
                    shown(&path),
                    i + 1
                )),
            }
        }
    }
    // A map task run twice (a retried stage, a file given twice) gives the same record
    // twice: the first of each `seq` is kept.
    records.sort_by_key(|r| r.seq);
    records.dedup_by_key(|r| r.seq);
    let mut parts = Vec::with_capacity(records.len());
    for r in records {
        match (r.corpus, r.bad) {
            (Some(c), _) => parts.push(c),
            (None, bad) => errors.push(format!(
                "{}: skipped: {}",
                bad.unwrap_or_else(|| format!("record {}", r.seq)),
                r.why.unwrap_or_default()
            )),
        }
    }
    let corpus = load::merged(parts, &mut errors);
    Ok(Loaded {
        corpus,
        taxonomy: topics::taxonomy().to_vec(),
        errors,
        warnings: Vec::new(),
        offsets: Default::default(),
        diagnostics: None,
    })
}

/// Writes each file into `dir` as the writer makes it, then removes the shards of an
/// earlier archive that this root does not name.
fn write_dir(
    dir: &Path,
    loaded: &Loaded,
    cmp: &quoteline_core::corpus::compare::Comparison,
) -> Result<Root, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", shown(dir)))?;
    let names = topics::names();
    let generator = concat!("quoteline ", env!("CARGO_PKG_VERSION"));
    let mut sink = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", shown(&path)))
    };
    let root = contain(|| {
        forced("pack", None);
        shard::write(
            &loaded.corpus,
            cmp,
            &names,
            generator,
            Limits::default(),
            &mut sink,
        )
    })
    .map_err(|panic| format!("writing the archive panicked: {panic}"))??;
    let named: std::collections::HashSet<&str> = (root.statement_shards.iter().map(|s| &s.file))
        .chain(root.article_shards.iter().map(|s| &s.file))
        .chain(root.index_chunks.iter().map(|s| &s.file))
        .map(|f| f.name.as_str())
        .collect();
    let stale = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", shown(dir)))?;
    for entry in stale.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        if shard_name_ok(&name) && !named.contains(name.as_str()) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove the stale {name}: {e}"))?;
        }
    }
    Ok(root)
}

/// `pack --sharded`: `out` is the directory, `rest` the articles (or `--prepared` and
/// record files).
pub fn run(out: PathBuf, rest: &[OsString]) -> ExitCode {
    let fail = |e: CliError| {
        eprintln!("quoteline pack: {e}\n{}", crate::usage::USAGE);
        ExitCode::from(2)
    };
    // Everything after `--prepared` is a record file; `--quiet` may come before it.
    let prepared = rest.iter().position(|a| crate::args::is(a, "--prepared"));
    let loaded = match prepared {
        Some(at) => match rest.get(..at).unwrap_or_default() {
            [] => read_records(rest.get(at + 1..).unwrap_or_default()),
            [q] if crate::args::is(q, "--quiet") => read_records(rest.get(at + 1..).unwrap_or_default()),
            _ => Err(CliError::NotHere {
                option: "--prepared",
                why: "comes after every option but --quiet: the articles, manifest and topics were read by `quoteline prepare`",
            }),
        },
        None => load::load_as(rest, Assembly::Merged),
    };
    let mut loaded = match loaded {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    if loaded.corpus.articles.is_empty() {
        for e in &loaded.errors {
            eprintln!("{e}");
        }
        eprintln!("quoteline pack: no article could be read, so no archive was written");
        return ExitCode::from(1);
    }
    let cmp = load::groups(&mut loaded, "the archive is written without groups");
    match write_dir(&out, &loaded, &cmp) {
        Ok(root) => eprintln!(
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
        ),
        Err(e) => loaded.errors.push(format!("quoteline pack: {e}")),
    }
    load::finish(&loaded)
}
