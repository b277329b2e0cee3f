//! The articles of a command line, read and extracted: files and directories, an
//! optional `--manifest FILE` (else a `corpus.toml` in a directory given), an optional
//! `--topics FILE`, an optional `--max-file-mb N`. Nothing a file holds or is called
//! stops the others: unreadable, binary, oversized files and articles whose extraction
//! panics are reported by name and skipped; a manifest or topic line that is not UTF-8
//! is reported as `file:line` and skipped.

use crate::contain::{contain, forced, Panic};
use crate::error::CliError;
use crate::progress::Progress;
use quoteline_core::corpus::compare::{compare, Comparison, GROUP_THRESHOLD};
use quoteline_core::corpus::topics::{self, Topic};
use quoteline_core::corpus::{ArticleMeta, Corpus, Input, Prepared};
use quoteline_core::formats::ingest::{ingest_unlimited, Offsets};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The CLI's own limit per file (the browser's is `formats::ingest::MAX_FILE_BYTES`); `--max-file-mb`.
pub const DEFAULT_MAX_FILE_MB: f64 = 64.0;

/// What [`load`] made of a command line. `errors` are files (or stages) that could not
/// be used and make the exit status 1; `warnings` are problems in the manifest, the
/// taxonomy or a file's bytes (reported with file and line, the rest still used).
pub struct Loaded {
    pub corpus: Corpus,
    pub taxonomy: Vec<Topic>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// What each article's offsets index, by article name.
    pub offsets: std::collections::HashMap<String, Offsets>,
    /// `--diagnostics FILE`: where every diagnostic is written.
    pub diagnostics: Option<PathBuf>,
}

impl Loaded {
    /// `source` or `normalised` for an article (see [`Offsets`]).
    pub fn offsets_of(&self, article: &str) -> &'static str {
        self.offsets
            .get(article)
            .copied()
            .unwrap_or(Offsets::Source)
            .as_str()
    }
}

/// An article's text ready for extraction: the name shown, the text, its facts.
pub struct Text {
    pub name: String,
    pub text: String,
    pub meta: ArticleMeta,
}

/// A file name as shown in messages and output (lossy when it is not UTF-8).
pub fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn expand(
    args: &[PathBuf],
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for p in args {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| {
                            p.extension().is_some_and(|x| {
                                ["txt", "md", "markdown", "html", "htm"]
                                    .contains(&x.to_string_lossy().to_lowercase().as_str())
                            })
                        })
                        .collect();
                    v.sort();
                    files.extend(v.into_iter().map(|f| (shown(&f), f)));
                }
                Err(error) => errors.push(
                    CliError::CannotRead {
                        file: shown(p),
                        what: "directory",
                        error,
                    }
                    .to_string(),
                ),
            }
        } else {
            files.push((shown(p), p.clone()));
        }
    }
    for (name, path) in &files {
        if path.to_str().is_none() {
            warnings.push(format!(
                "{name}: the file name is not valid UTF-8; it is shown with � in its place"
            ));
        }
    }
    files
}

/// Reads a small text file (a manifest, a taxonomy) line by line. A line that is not
/// valid UTF-8 is reported as `file:line` and left empty, so the others keep their
/// numbers and the parser skips it.
fn read_lines(path: &Path, warnings: &mut Vec<String>) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let mut lines = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) => lines.push(s),
            Err(e) => {
                let at = e.valid_up_to();
                warnings.push(format!(
                    "{}:{}: not valid UTF-8 (byte 0x{:02X} at column {}); line skipped",
                    shown(path),
                    i + 1,
                    line[at],
                    at + 1
                ));
                lines.push("");
            }
        }
    }
    Ok(lines.join("\n"))
}

/// The text that an article's statement offsets index: the file's bytes when `offsets`
/// is `source`, else the normalised text (`quoteline text FILE`).
pub fn article_text(path: &Path, limit_mb: f64) -> Result<(String, Offsets), CliError> {
    let name = shown(path);
    let bytes = read_file(&name, path, (limit_mb * 1e6) as u64)?;
    let got =
        contain(|| ingest_unlimited(&name, &bytes)).map_err(|panic| CliError::Panicked {
            file: name.clone(),
            panic,
        })??;
    Ok((got.text, got.offsets))
}

/// The bytes of one article file, refused by size before they are read: at most
/// `limit` bytes are ever held, even when the file grows or its size is not known.
fn read_file(name: &str, path: &Path, limit: u64) -> Result<Vec<u8>, CliError> {
    let too_large = |bytes: u64| CliError::TooLarge {
        file: name.to_string(),
        bytes,
        limit,
    };
    let cannot_read = |error| CliError::CannotRead {
        file: name.to_string(),
        what: "",
        error,
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A command line's articles before they are read: the files, the manifest's facts,
/// the taxonomy, and what reading them found so far.
pub struct Sources {
    pub files: Vec<(String, PathBuf)>,
    manifest: Vec<quoteline_core::formats::manifest::ManifestEntry>,
    pub taxonomy: Vec<Topic>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// `--max-file-mb`, in bytes.
    limit: u64,
    pub quiet: bool,
    /// `--jsonl`: articles as JSON Lines on stdin, after the files.
    pub from_stdin: bool,
    pub diagnostics: Option<PathBuf>,
}

/// One article file read: its text, what its offsets index, and notes on its bytes.
pub struct Opened {
    pub text: Text,
    pub offsets: Offsets,
    pub notes: Vec<String>,
}

impl Sources {
    /// Reads the file `path` (shown as `name`) as the browser loader would (binary
    /// refused, lossy UTF-8, HTML and Markdown reduced), with its manifest facts.
    pub fn read(&self, name: &str, path: &Path) -> Result<Opened, String> {
        let base = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut meta = (self.manifest.iter())
            .find(|m| m.file == base)
            .map(|m| m.meta.clone())
            .unwrap_or_default();
        let bytes = read_file(name, path, self.limit).map_err(|e| e.to_string())?;
        match contain(|| ingest_unlimited(name, &bytes)) {
            Ok(Ok(got)) => {
                // What the file says (HTML meta tags) fills what the manifest left empty.
                meta.fill_from(got.meta);
                Ok(Opened {
                    text: Text {
                        name: name.to_string(),
                        text: got.text,
                        meta,
                    },
                    offsets: got.offsets,
                    notes: got.notes.iter().map(|n| format!("{name}: {n}")).collect(),
                })
            }
            Ok(Err(e)) => Err(e.to_string()),
            Err(panic) => Err(format!("{name}: skipped: reading it panicked: {panic}")),
        }
    }
}

/// Parses the command line of `extract`, `groups` and `pack`: the options, the
/// manifest, the taxonomy and the list of files (none read yet). `Err` is a usage
/// problem (exit status 2).
pub fn sources(args: &[OsString]) -> Result<Sources, CliError> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut manifest_path: Option<PathBuf> = None;
    let mut topics_path: Option<PathBuf> = None;
    let mut max_mb = DEFAULT_MAX_FILE_MB;
    let mut quiet = false;
    let mut from_stdin = false;
    let mut diagnostics: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.to_str() {
            Some("--quiet") => quiet = true,
            Some("--jsonl") => from_stdin = true,
            Some("--diagnostics") => {
                let v = it.next().ok_or_else(|| CliError::NoValue {
                    option: "--diagnostics".into(),
                    needs: "a file",
                })?;
                diagnostics = Some(v.into());
            }
            Some(opt @ ("--manifest" | "--topics")) => {
                let v = it.next().ok_or_else(|| CliError::NoValue {
                    option: opt.to_string(),
                    needs: "a file",
                })?;
                if opt == "--manifest" {
                    manifest_path = Some(v.into());
                } else {
                    topics_path = Some(v.into());
                }
            }
            Some("--max-file-mb") => {
                let v = it.next().ok_or(CliError::NoValue {
                    option: "--max-file-mb".into(),
                    needs: "a number",
                })?;
                max_mb = v
                    .to_str()
                    .and_then(|s| s.parse::<f64>().ok())
                    .filter(|mb| *mb > 0.0 && *mb <= 1_000_000.0)
                    .ok_or_else(|| {
                        CliError::bad_value(
                            "--max-file-mb",
                            "wants a number of megabytes above 0",
                            format!("{:?}", v.to_string_lossy()),
                        )
                    })?;
            }
            Some(s) if s.starts_with("--") => {
                return Err(CliError::UnknownOption {
                    option: s.to_string(),
                    allowed: Vec::new(),
                })
            }
            _ => paths.push(a.into()),
        }
    }
    if paths.is_empty() && !from_stdin {
        return Err(CliError::NoFiles);
    }
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if manifest_path.is_none() {
        manifest_path = paths
            .iter()
            .map(|p| p.join("corpus.toml"))
            .find(|p| p.is_file());
    }
    let manifest = match &manifest_path {
        Some(mp) => read_manifest(mp, &mut errors, &mut warnings),
        None => Vec::new(),
    };
    let taxonomy = match &topics_path {
        Some(tp) => {
            let src = read_lines(tp, &mut warnings).map_err(|error| CliError::CannotRead {
                file: shown(tp),
                what: "topics",
                error,
            })?;
            let (t, problems) = topics::parse_checked(&src);
            warnings.extend(
                problems
                    .iter()
                    .map(|(line, m)| format!("{}:{line}: {m}", shown(tp))),
            );
            t
        }
        None => topics::taxonomy().to_vec(),
    };
    let files = expand(&paths, &mut errors, &mut warnings);
    Ok(Sources {
        files,
        manifest,
        taxonomy,
        errors,
        warnings,
        limit: (max_mb * 1e6) as u64,
        quiet,
        from_stdin,
        diagnostics,
    })
}

/// The manifest's entries; a problem in it is a warning, an unreadable one an error.
fn read_manifest(
    mp: &Path,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Vec<quoteline_core::formats::manifest::ManifestEntry> {
    match read_lines(mp, warnings) {
        Ok(src) => {
            let (entries, problems) = quoteline_core::formats::manifest::parse(&src);
            let name = shown(mp);
            warnings.extend(problems.iter().map(|p| p.display(&name)));
            entries
        }
        Err(error) => {
            errors.push(
                CliError::CannotRead {
                    file: shown(mp),
                    what: "manifest",
                    error,
                }
                .to_string(),
            );
            Vec::new()
        }
    }
}

/// Parses the command line of `extract`, `groups` and `pack`, reads every file and
/// extracts every article. `Err` is a usage problem (exit status 2).
pub fn load(args: &[OsString]) -> Result<Loaded, CliError> {
    let mut s = sources(args)?;
    let mut texts: Vec<Text> = Vec::new();
    let mut offsets = std::collections::HashMap::new();
    for (name, path) in std::mem::take(&mut s.files) {
        match s.read(&name, &path) {
            Ok(r) => {
                s.warnings.extend(r.notes);
                offsets.insert(name, r.offsets);
                texts.push(r.text);
            }
            Err(e) => s.errors.push(e),
        }
    }
    if s.from_stdin {
        // (`--jsonl`: the articles of stdin come after any files named.)
        let (lines, problems) = crate::stdin::read(std::io::stdin().lock());
        s.errors.extend(problems);
        texts.extend(lines.into_iter().map(|a| Text {
            name: a.name,
            text: a.text,
            meta: a.meta,
        }));
    }
    let progress = Progress::new(
        texts.len(),
        texts.iter().map(|t| t.text.len()).sum(),
        s.quiet,
    );
    let mut errors = s.errors;
    let prepared = prepare_parallel(&texts, &mut errors, &progress, prepare_one);
    let corpus = assemble(&texts, prepared, &mut errors);
    progress.finish();
    Ok(Loaded {
        corpus,
        taxonomy: s.taxonomy,
        errors,
        warnings: s.warnings,
        offsets,
        diagnostics: s.diagnostics,
    })
}

/// One article extracted and assembled alone, contained (the map of a split pack),
/// without the context events: the sharded archive does not hold them.
pub fn alone(t: &Text) -> Result<Corpus, Panic> {
    let p = prepare_one(t)?;
    contain(|| {
        forced("assemble", Some(&t.name));
        Corpus::assemble_statements(vec![p])
    })
}

/// [`Corpus::prepare`] of one article, contained: `Err` is the panic's message.
fn prepare_one(t: &Text) -> Result<Prepared, Panic> {
    contain(|| {
        forced("extract", Some(&t.name));
        Corpus::prepare(Input {
            name: &t.name,
            text: &t.text,
            meta: t.meta.clone(),
        })
    })
}

/// [`Corpus::prepare`] for every article, spread over the machine's cores (it is pure
/// and per article), each article contained: one that panics is reported by name and
/// left out. The order of the articles is kept, so the output is the same as one
/// thread's. Returns each prepared article with its index in `texts`.
fn prepare_parallel<T: Send>(
    texts: &[Text],
    errors: &mut Vec<String>,
    progress: &Progress,
    prepare_one: impl Fn(&Text) -> Result<T, Panic> + Sync,
) -> Vec<(usize, T)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(texts.len());
    let finished = std::sync::atomic::AtomicUsize::new(0);
    let prepare_counted = |t: &Text| {
        let r = prepare_one(t);
        let n = finished.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress.done(n, t.text.len());
        r
    };
    let results: Vec<(usize, Result<T, Panic>)> = if threads < 2 {
        texts.iter().map(prepare_counted).enumerate().collect()
    } else {
        // Threads take the next article as they finish one, so one long article does not
        // hold back a fixed share of the others.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut all = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(t) = texts.get(i) else { break };
                            mine.push((i, prepare_counted(t)));
                        }
                        mine
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect::<Vec<_>>()
        });
        all.sort_by_key(|(i, _)| *i);
        all
    };
    let mut done = vec![false; texts.len()];
    let mut prepared = Vec::with_capacity(results.len());
    for (i, r) in results {
        done[i] = true;
        match r {
            Ok(p) => prepared.push((i, p)),
            Err(panic) => errors.push(format!(
                "{}: skipped: extracting it panicked: {panic}",
                texts[i].name
            )),
        }
    }
    for (t, _) in texts.iter().zip(&done).filter(|(_, d)| !**d) {
        errors.push(format!("{}: skipped: its extraction thread failed", t.name));
    }
    prepared
}

/// [`Corpus::assemble`], contained. When it panics, each article is prepared again and
/// assembled alone; those that still panic are reported by name and left out, and the
/// rest are assembled. Only if that fails too is the corpus empty.
fn assemble(texts: &[Text], prepared: Vec<(usize, Prepared)>, errors: &mut Vec<String>) -> Corpus {
    let order: Vec<usize> = prepared.iter().map(|(i, _)| *i).collect();
    let whole = |set: Vec<Prepared>, members: &[usize]| {
        contain(|| {
            for &i in members {
                forced("assemble", Some(&texts[i].name));
            }
            Corpus::assemble(set)
        })
    };
    let first = whole(prepared.into_iter().map(|(_, p)| p).collect(), &order);
    let panic = match first {
        Ok(corpus) => return corpus,
        Err(panic) => panic,
    };
    errors.push(format!(
        "assembling the corpus panicked: {panic}; trying each article alone"
    ));
    let mut good = Vec::new();
    let mut members = Vec::new();
    for i in order {
        let Ok(p) = prepare_one(&texts[i]) else {
            continue; // it prepared once; a second panic would be reported above
        };
        match whole(vec![p.clone()], &[i]) {
            Ok(_) => {
                good.push(p);
                members.push(i);
            }
            Err(panic) => errors.push(format!(
                "{}: skipped: assembling it panicked: {panic}",
                texts[i].name
            )),
        }
    }
    whole(good, &members).unwrap_or_else(|panic| {
        errors.push(format!(
            "assembling the other articles panicked too: {panic}; no statement can be printed"
        ));
        Corpus::default()
    })
}

/// The cross-outlet groups, contained: when grouping panics, it is reported (with
/// `then`, what the command does instead) and every statement is left without a group.
pub fn groups(loaded: &mut Loaded, then: &str) -> Comparison {
    let corpus = &loaded.corpus;
    contain(|| {
        forced("compare", None);
        compare(corpus, GROUP_THRESHOLD)
    })
    .unwrap_or_else(|panic| {
        loaded.errors.push(format!(
            "grouping statements across outlets panicked: {panic}; {then}"
        ));
        Comparison {
            groups: Vec::new(),
            group_of: vec![None; loaded.corpus.entries.len()],
            total_outlets: 0,
        }
    })
}

/// Reports problems on stderr (the extraction's diagnostics summarised, every one in the
/// `--diagnostics` file); exit status 1 if a file or a stage could not be used, or the
/// diagnostics file could not be written.
pub fn finish(loaded: &Loaded) -> ExitCode {
    let mut failed = !loaded.errors.is_empty();
    let written = match &loaded.diagnostics {
        Some(path) => match crate::diagnostics::write_all(&loaded.corpus, path) {
            Ok(_) => Some(path.as_path()),
            Err(e) => {
                eprintln!("{}: the diagnostics could not be written: {e}", shown(path));
                failed = true;
                None
            }
        },
        None => None,
    };
    for line in crate::diagnostics::summary(&loaded.corpus, written) {
        eprintln!("{line}");
    }
    for w in loaded.warnings.iter().chain(&loaded.errors) {
        eprintln!("{w}");
    }
    if !failed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
