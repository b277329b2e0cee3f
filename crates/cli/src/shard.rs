//! `quoteline pack --sharded --out DIR/`: the corpus as a directory of static files
//! (`formats::shard`): the root, statement shards by date, article shards and the search
//! index in chunks. The articles come from files (each extracted and assembled alone on
//! every core, then merged: the split pack in one process) or, with `--prepared
//! FILE...`, from the records `quoteline prepare` printed (the reduce of the Spark job).
//! Either way the same merge and the same writer make the directory, so the two give the
//! same bytes. Files of an earlier archive that the new root does not name are removed.

//! `quoteline pack --sharded --out DIR/`: the corpus as a directory of static files
//! (`formats::shard`): the root, statement shards by date, article shards and the search
//! index in chunks. The articles come from files (`parts`: each extracted and assembled
//! alone on every core as they are read) or, with `--prepared FILE...`, from the
//! records `quoteline prepare` printed (`records`: the reduce of the Spark job). Either
//! way they stream through the same writer (`formats::shard::Stream`), which keeps only
//! compact keys in memory and spills the statements to a temporary file (`spill`), so
//! the two give the same bytes and memory stays bounded. Files of an earlier archive
//! that the new root does not name are removed.

use crate::contain::{contain, forced};
use crate::error::CliError;
use crate::load::shown;
use crate::progress::Progress;
use crate::spill::FileSpill;
use quoteline_core::corpus::compare::{group, Group, Keys, GROUP_THRESHOLD};
use quoteline_core::corpus::{topics, Corpus};
use quoteline_core::formats::shard::{shard_name_ok, Limits, Root, Stream, ROOT};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the pack has found: errors (exit status 1), warnings, the diagnostics.
#[derive(Default)]
struct Report {
    errors: Vec<String>,
    warnings: Vec<String>,
    tally: crate::diagnostics::Tally,
    /// `--diagnostics FILE`, written as the articles come.
    written: Option<(PathBuf, crate::diagnostics::Writer)>,
}

impl Report {
    fn article(&mut self, a: &quoteline_core::corpus::Article) {
        self.tally.add(a);
        if let Some((path, w)) = &mut self.written {
            if let Err(e) = w.add(a) {
                self.errors.push(format!(
                    "{}: the diagnostics could not be written: {e}",
                    shown(path)
                ));
                self.written = None;
            }
        }
    }

    /// Prints the summary of the diagnostics, the warnings and the errors; exit status
    /// 1 if there is an error.
    fn finish(mut self) -> ExitCode {
        let mut to = None;
        if let Some((path, w)) = self.written.take() {
            match w.finish() {
                Ok(_) => to = Some(path),
                Err(e) => self.errors.push(format!(
                    "{}: the diagnostics could not be written: {e}",
                    shown(&path)
                )),
            }
        }
        for line in self.tally.lines(to.as_deref()) {
            eprintln!("{line}");
        }
        for w in self.warnings.iter().chain(&self.errors) {
            eprintln!("{w}");
        }
        if self.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

/// The archive being written into a directory: the stream, its spill, and the first
/// failure of either.
struct Writing {
    dir: PathBuf,
    stream: Stream,
    spill: FileSpill,
    failure: Option<String>,
}

/// A sink that writes each file into `dir`.
fn sink(dir: &Path) -> impl FnMut(&str, Vec<u8>) -> Result<(), String> + '_ {
    move |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", shown(&path)))
    }
}

impl Writing {
    fn new(dir: PathBuf) -> Result<Writing, String> {
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", shown(&dir)))?;
        let names = topics::names();
        let generator = concat!("quoteline ", env!("CARGO_PKG_VERSION"));
        Ok(Writing {
            stream: Stream::new(&names, generator, Limits::default()),
            spill: FileSpill::create()?,
            dir,
            failure: None,
        })
    }

    /// Adds one article's corpus; `false` once writing has failed.
    fn push(&mut self, c: Corpus) -> bool {
        let (stream, spill, dir) = (&mut self.stream, &mut self.spill, &self.dir);
        let done = contain(|| {
            forced("pack", None);
            stream.push(c, spill, &mut sink(dir))
        });
        match done {
            Ok(Ok(())) => true,
            Ok(Err(e)) => self.failed(e),
            Err(panic) => self.failed(format!("writing the archive panicked: {panic}")),
        }
    }

    fn failed(&mut self, e: String) -> bool {
        self.failure.get_or_insert(e);
        false
    }

    /// The whole-archive steps, the statement shards, the index and the root; then the
    /// shards of an earlier archive that this root does not name are removed.
    /// When grouping panics, it is reported in `errors` and the archive is written
    /// without groups.
    fn finish(self, errors: &mut Vec<String>) -> Result<Root, String> {
        if let Some(e) = self.failure {
            return Err(e);
        }
        let (stream, mut spill, dir) = (self.stream, self.spill, self.dir);
        let grouping = |keys: &Keys| grouped(keys, errors);
        let root = contain(|| stream.finish(grouping, &mut spill, &mut sink(&dir)))
            .map_err(|panic| format!("writing the archive panicked: {panic}"))??;
        remove_stale(&dir, &root)?;
        Ok(root)
    }
}

/// The cross-outlet groups of `keys`; when grouping panics, the panic is reported in
/// `errors` and there are none (the archive is written without groups). The single-process
/// pack and the partitioned reduce's plan both group through it.
pub fn grouped(keys: &Keys, errors: &mut Vec<String>) -> Vec<Group> {
    contain(|| {
        forced("compare", None);
        group(keys, GROUP_THRESHOLD)
    })
    .unwrap_or_else(|panic| {
        errors.push(format!(
            "grouping statements across outlets panicked: {panic}; the archive is written without groups"
        ));
        Vec::new()
    })
}

/// Removes the shards of an earlier archive in `dir` that `root` does not name.
pub fn remove_stale(dir: &Path, root: &Root) -> Result<(), String> {
    let named: std::collections::HashSet<&str> = root.files().map(|f| f.name.as_str()).collect();
    let stale = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", shown(dir)))?;
    for entry in stale.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        if shard_name_ok(&name) && !named.contains(name.as_str()) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove the stale {name}: {e}"))?;
        }
    }
    Ok(())
}

/// Streams the articles of the command line into `w`: from files and stdin, or from
/// `--prepared` record files. `Err` is a usage problem.
fn stream(rest: &[OsString], w: &mut Writing, report: &mut Report) -> Result<(), CliError> {
    // Everything after `--prepared` is a record file; `--quiet` may come before it.
    let Some(at) = rest.iter().position(|a| crate::args::is(a, "--prepared")) else {
        let sources = crate::load::sources(rest)?;
        report.errors.extend(sources.errors.iter().cloned());
        report.warnings.extend(sources.warnings.iter().cloned());
        if let Some(path) = &sources.diagnostics {
            match crate::diagnostics::Writer::create(path) {
                Ok(wr) => report.written = Some((path.clone(), wr)),
                Err(e) => report.errors.push(format!(
                    "{}: the diagnostics could not be written: {e}",
                    shown(path)
                )),
            }
        }
        let sizes = (sources.files.iter())
            .map(|(_, p)| std::fs::metadata(p).map_or(0, |m| m.len() as usize))
            .sum();
        let progress = Progress::new(sources.files.len(), sizes, sources.quiet);
        let mut n = 0;
        crate::parts::each(&sources, |p| {
            n += 1;
            progress.done(n, p.bytes);
            report.warnings.extend(p.notes);
            match p.corpus {
                Ok(c) => {
                    c.articles.iter().for_each(|a| report.article(a));
                    w.push(c)
                }
                Err(e) => {
                    report.errors.push(e);
                    true
                }
            }
        });
        progress.finish();
        return Ok(());
    };
    match rest.get(..at).unwrap_or_default() {
        [] => {}
        [q] if crate::args::is(q, "--quiet") => {}
        _ => {
            return Err(CliError::NotHere {
                option: "--prepared",
                why: "comes after every option but --quiet: the articles, manifest and topics were read by `quoteline prepare`",
            })
        }
    }
    let mut errors = Vec::new();
    crate::records::each(rest.get(at + 1..).unwrap_or_default(), &mut errors, |c| {
        c.articles.iter().for_each(|a| report.article(a));
        w.push(c)
    })?;
    report.errors.extend(errors);
    Ok(())
}

/// `pack --sharded`: `out` is the directory, `rest` the articles (or `--prepared` and
/// record files).
pub fn run(out: PathBuf, rest: &[OsString]) -> ExitCode {
    let mut w = match Writing::new(out.clone()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("quoteline pack: {e}");
            return ExitCode::from(1);
        }
    };
    let mut report = Report::default();
    if let Err(e) = stream(rest, &mut w, &mut report) {
        eprintln!("quoteline pack: {e}\n{}", crate::usage::USAGE);
        return ExitCode::from(2);
    }
    if w.stream.articles() == 0 && w.failure.is_none() {
        for e in &report.errors {
            eprintln!("{e}");
        }
        eprintln!("quoteline pack: no article could be read, so no archive was written");
        return ExitCode::from(1);
    }
    match w.finish(&mut report.errors) {
        Ok(root) => eprintln!(
            "wrote {}: {} articles, {} statements, {} speakers, {} groups; {} statement shards, {} article shards, {} index chunks, {} group shards, {} outlet chunks, {ROOT} {} bytes",
            shown(&out),
            root.facts.articles,
            root.facts.statements,
            root.facts.speakers,
            root.facts.groups,
            root.statement_shards.len(),
            root.article_shards.len(),
            root.index_chunks.len(),
            root.group_shards.len(),
            root.outlet_chunks.len(),
            std::fs::metadata(out.join(ROOT)).map_or(0, |m| m.len()),
        ),
        Err(e) => report.errors.push(format!("quoteline pack: {e}")),
    }
    report.finish()
}
