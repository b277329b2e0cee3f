//! The command-line tool: `quoteline extract` prints one JSON object per statement (JSON
//! Lines) on stdout and problems on stderr; `groups` prints the cross-outlet groups;
//! `synth` and `bench` generate and time synthetic corpora. Files that cannot be read or
//! are not UTF-8 are reported by name and skipped; the others go on.

use quoteline::core::compare::{compare, relation, Comparison, GROUP_THRESHOLD};
use quoteline::core::corpus::{ArticleMeta, Corpus, Input, Prepared};
use quoteline::core::ingest::ingest;
use quoteline::core::manifest::ManifestEntry;
use quoteline::core::synth::{generate, SynthArticle, SynthParams};
use quoteline::core::topics::{self, Topic};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: quoteline extract [--manifest FILE] [--topics FILE] FILE_OR_DIR...\n\
       quoteline groups  [--manifest FILE] [--topics FILE] FILE_OR_DIR...\n\
       quoteline pack --out FILE.qlc [--manifest FILE] FILE_OR_DIR...\n\
       quoteline synth --out DIR [--seed N] [--events N] [--outlets N] [--paragraphs N] [--mb N]\n\
       quoteline bench [--mb N] [--seed N] [--runs N]\n\
       quoteline bench --statements 1000,5000,20000,50000 [--seed N] [--runs N]\n\
\n\
  Prints one JSON object per statement (JSON Lines): file, id, speaker, speaker_kind, role, affiliation,\n\
  kind (direct|partial|indirect), text (exactly source[start..end]), start, end (byte offsets),\n\
  cue, cue_start, cue_end, rule, mention, confidence, low_confidence, outlet,\n\
  date (YYYY-MM-DD, YYYY-MM, YYYY or null), date_precision (day|month|year|unknown), date_expression,\n\
  topics (names, or [\"other\"]), topic_words, group (index into `groups`, or null).\n\
  `groups` prints one JSON object per group of renderings of one utterance across outlets.\n\
  `pack` writes a precomputed corpus file (articles, statements, speakers, dates, topics, groups)\n\
  that the app opens without extracting (Your articles → Open a corpus file, or ?corpus=URL).\n\
  A directory means every .txt, .md and .html file in it (sorted), with its corpus.toml manifest\n\
  if there is one. Files are read as the browser reads them: binary files refused, invalid UTF-8\n\
  replaced (with a count), HTML reduced to its article text, Markdown to its words.\n\
  Diagnostics, and manifest or topic-file problems (file:line), go to stderr.";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") if args.len() > 1 => run_extract(&args[1..]),
        Some("groups") if args.len() > 1 => run_groups(&args[1..]),
        Some("pack") if args.len() > 1 => run_pack(&args[1..]),
        Some("synth") => run_synth(&args[1..]),
        Some("bench") => run_bench(&args[1..]),
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

/// The articles of a command line, extracted: files and directories, an optional
/// `--manifest FILE` (else a `corpus.toml` in a directory given), an optional
/// `--topics FILE`. `errors` are files that could not be used; `warnings` are problems
/// in the manifest or taxonomy (reported with file and line, the rest still used).
struct Loaded {
    corpus: Corpus,
    taxonomy: Vec<Topic>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn load(args: &[String]) -> Result<Loaded, String> {
    let mut paths = Vec::new();
    let mut manifest_path: Option<PathBuf> = None;
    let mut topics_path: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--manifest" | "--topics" => {
                let v = it.next().ok_or_else(|| format!("{a} needs a file"))?;
                if a == "--manifest" {
                    manifest_path = Some(v.into());
                } else {
                    topics_path = Some(v.into());
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        return Err("no files given".into());
    }
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if manifest_path.is_none() {
        manifest_path = paths
            .iter()
            .map(|p| Path::new(p).join("corpus.toml"))
            .find(|p| p.is_file());
    }
    let mut manifest = Vec::new();
    if let Some(mp) = &manifest_path {
        match std::fs::read_to_string(mp) {
            Ok(src) => {
                let (entries, problems) = quoteline::core::manifest::parse(&src);
                let name = mp.display().to_string();
                warnings.extend(problems.iter().map(|p| p.display(&name)));
                manifest = entries;
            }
            Err(e) => errors.push(format!("{}: cannot read manifest: {e}", mp.display())),
        }
    }
    let taxonomy = match &topics_path {
        Some(tp) => {
            let src = std::fs::read_to_string(tp)
                .map_err(|e| format!("{}: cannot read topics: {e}", tp.display()))?;
            let (t, problems) = topics::parse_checked(&src);
            warnings.extend(
                problems
                    .iter()
                    .map(|(line, m)| format!("{}:{line}: {m}", tp.display())),
            );
            t
        }
        None => topics::taxonomy().to_vec(),
    };
    let files = expand(&paths, &mut errors);
    let mut texts: Vec<(String, String, ArticleMeta)> = Vec::new();
    for (name, path) in files {
        let base = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let meta = manifest
            .iter()
            .find(|m| m.file == base)
            .map(ManifestEntry::meta)
            .unwrap_or_default();
        // The browser loader's path: binary refused, lossy UTF-8, HTML and Markdown reduced.
        match std::fs::read(&path) {
            Ok(bytes) => match ingest(&name, &bytes) {
                Ok(got) => {
                    warnings.extend(got.notes.iter().map(|n| format!("{name}: {n}")));
                    let mut meta = meta;
                    for (mine, from_file) in [
                        (&mut meta.outlet, got.meta.outlet),
                        (&mut meta.headline, got.meta.headline),
                        (&mut meta.byline, got.meta.byline),
                        (&mut meta.url, got.meta.url),
                        (&mut meta.date, got.meta.date),
                    ] {
                        if mine.is_empty() {
                            *mine = from_file;
                        }
                    }
                    texts.push((name, got.text, meta));
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(format!("{name}: cannot read: {e}")),
        }
    }
    let corpus = Corpus::assemble(prepare_parallel(&texts));
    Ok(Loaded {
        corpus,
        taxonomy,
        errors,
        warnings,
    })
}

/// [`Corpus::prepare`] for every article, spread over the machine's cores (it is pure
/// and per article); the order of the articles is kept, so the output is the same as
/// one thread's.
fn prepare_parallel(texts: &[(String, String, ArticleMeta)]) -> Vec<Prepared> {
    let prep = |(n, t, m): &(String, String, ArticleMeta)| {
        Corpus::prepare(Input {
            name: n,
            text: t,
            meta: m.clone(),
        })
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || texts.len() < 2 {
        return texts.iter().map(prep).collect();
    }
    let chunk = texts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(prep).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Reports problems on stderr; exit status 1 if a file could not be used.
fn finish(loaded: &Loaded) -> ExitCode {
    for a in &loaded.corpus.articles {
        for d in &a.diagnostics {
            eprintln!(
                "{}: {}{}",
                a.name,
                d.message,
                d.span
                    .map(|s| format!(" (bytes {}..{})", s.start, s.end))
                    .unwrap_or_default()
            );
        }
    }
    for w in loaded.warnings.iter().chain(&loaded.errors) {
        eprintln!("{w}");
    }
    if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Loads the files of a command line, computes the cross-outlet groups, and prints one
/// JSON object per row that `rows` makes (JSON Lines); then reports problems.
fn print_json_lines(
    cmd: &str,
    args: &[String],
    rows: impl Fn(&Loaded, &Comparison) -> Vec<serde_json::Value>,
) -> ExitCode {
    let loaded = match load(args) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("quoteline {cmd}: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let cmp = compare(&loaded.corpus, GROUP_THRESHOLD);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in rows(&loaded, &cmp) {
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS; // stdout closed (e.g. piped into head)
        }
    }
    let _ = out.flush();
    finish(&loaded)
}

fn run_extract(args: &[String]) -> ExitCode {
    print_json_lines("extract", args, |loaded, cmp| {
        let corpus = &loaded.corpus;
        corpus
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let a = &corpus.articles[e.article];
                let s = &e.statement;
                let sp = &corpus.speakers[e.speaker];
                let found = topics::classify(&a.text, s.span, &loaded.taxonomy);
                let names: Vec<&str> = if found.is_empty() {
                    vec![topics::OTHER]
                } else {
                    found
                        .iter()
                        .map(|(t, _)| loaded.taxonomy[*t].name.as_str())
                        .collect()
                };
                let words: serde_json::Map<String, serde_json::Value> = found
                    .iter()
                    .map(|(t, spans)| {
                        (
                            loaded.taxonomy[*t].name.clone(),
                            spans
                                .iter()
                                .map(|w| w.of(&a.text))
                                .collect::<Vec<_>>()
                                .into(),
                        )
                    })
                    .collect();
                serde_json::json!({
                    "file": a.name,
                    "id": e.id,
                    "outlet": a.outlet,
                    "speaker": sp.name,
                    "speaker_kind": sp.kind,
                    "role": sp.role,
                    "affiliation": sp.affiliation,
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
                    "date": e.when.is_known().then(|| e.when.label()),
                    "date_precision": e.when.precision,
                    "date_expression": e.when_expr.map(|x| x.of(&a.text)),
                    "topics": names,
                    "topic_words": words,
                    "group": cmp.group_of[i],
                })
            })
            .collect()
    })
}

/// `quoteline pack --out FILE`: the corpus and its groups in one precomputed file.
fn run_pack(args: &[String]) -> ExitCode {
    let fail = |e: String| {
        eprintln!("quoteline pack: {e}\n{USAGE}");
        ExitCode::from(2)
    };
    let mut rest = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => match it.next() {
                Some(v) => out = Some(v.into()),
                None => return fail("--out needs a file".into()),
            },
            "--topics" => {
                return fail("--topics applies to extract and groups: the app shows its own topics, so a corpus file is tagged with them".into())
            }
            _ => rest.push(a.clone()),
        }
    }
    let Some(out) = out else {
        return fail("--out FILE is required".into());
    };
    let loaded = match load(&rest) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    if loaded.corpus.articles.is_empty() {
        for e in &loaded.errors {
            eprintln!("{e}");
        }
        eprintln!("quoteline pack: no article could be read, so no corpus file was written");
        return ExitCode::from(1);
    }
    let cmp = compare(&loaded.corpus, GROUP_THRESHOLD);
    let names = topics::names();
    let generator = concat!("quoteline ", env!("CARGO_PKG_VERSION"));
    let bytes = quoteline::core::pack::encode(&loaded.corpus, &cmp, &names, generator);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("quoteline pack: cannot write {}: {e}", out.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "wrote {}: {} articles, {} statements, {} speakers, {} groups, {} bytes",
        out.display(),
        loaded.corpus.articles.len(),
        loaded.corpus.entries.len(),
        loaded.corpus.speakers.len(),
        cmp.groups.len(),
        bytes.len()
    );
    finish(&loaded)
}

/// `quoteline groups`: each group of renderings of one utterance across outlets.
fn run_groups(args: &[String]) -> ExitCode {
    print_json_lines("groups", args, |loaded, cmp| {
        let corpus = &loaded.corpus;
        cmp.groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let canon = &corpus.entries[g.canonical];
                let renderings: Vec<serde_json::Value> = g
                    .members
                    .iter()
                    .map(|&m| {
                        let e = &corpus.entries[m];
                        serde_json::json!({
                            "id": e.id,
                            "outlet": corpus.articles[e.article].outlet,
                            "kind": e.statement.kind,
                            "text": corpus.text_of(e),
                            "relation": if m == g.canonical { "canonical" } else { relation(corpus, g.canonical, m).as_str() },
                        })
                    })
                    .collect();
                serde_json::json!({
                    "group": gi,
                    "speaker": corpus.speakers[canon.speaker].name,
                    "canonical": corpus.text_of(canon),
                    "reported_by": g.outlets,
                    "of_outlets": cmp.total_outlets,
                    "quotes_differ": g.quotes_differ,
                    "renderings": renderings,
                })
            })
            .collect()
    })
}

/// Parses `--name value` options; every value must be a non-negative integer unless listed in `text`.
fn options(
    args: &[String],
    allowed: &[&str],
) -> Result<std::collections::HashMap<String, String>, String> {
    let mut map = std::collections::HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let key = a
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {a:?}"))?;
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

fn number(
    map: &std::collections::HashMap<String, String>,
    key: &str,
    default: u64,
) -> Result<u64, String> {
    match map.get(key) {
        None => Ok(default),
        Some(v) => v
            .parse::<u64>()
            .map_err(|_| format!("--{key} must be a whole number ≥ 0, got {v:?}")),
    }
}

fn synth_params(map: &std::collections::HashMap<String, String>) -> Result<SynthParams, String> {
    let seed = number(map, "seed", 1)?;
    if let Some(mb) = map.get("mb") {
        let mb: f64 = mb
            .parse()
            .map_err(|_| format!("--mb must be a positive number, got {mb:?}"))?;
        if !(mb > 0.0 && mb <= 2000.0) {
            return Err(format!(
                "--mb must be more than 0 and at most 2000, got {mb}"
            ));
        }
        return Ok(SynthParams::for_bytes(seed, (mb * 1_000_000.0) as usize));
    }
    let d = SynthParams::default();
    let p = SynthParams {
        seed,
        events: number(map, "events", d.events as u64)? as usize,
        outlets_per_event: number(map, "outlets", d.outlets_per_event as u64)? as usize,
        paragraphs: number(map, "paragraphs", d.paragraphs as u64)? as usize,
    };
    p.validate()?;
    Ok(p)
}

fn run_synth(args: &[String]) -> ExitCode {
    let result = (|| -> Result<String, String> {
        let map = options(
            args,
            &["out", "seed", "events", "outlets", "paragraphs", "mb"],
        )?;
        let out = map.get("out").ok_or("--out DIR is required")?;
        let params = synth_params(&map)?;
        let arts = generate(&params)?;
        std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
        let mut bytes = 0;
        for a in &arts {
            std::fs::write(Path::new(out).join(&a.name), &a.text)
                .map_err(|e| format!("{out}/{}: {e}", a.name))?;
            bytes += a.text.len();
        }
        Ok(format!(
            "wrote {} articles ({:.1} MB) to {out}",
            arts.len(),
            bytes as f64 / 1e6
        ))
    })();
    match result {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quoteline synth: {e}");
            ExitCode::from(2)
        }
    }
}

/// Median and spread (min–max) of `runs` timings of `f`, in milliseconds.
fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = std::time::Instant::now();
        last = Some(std::hint::black_box(f()));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let out = last.expect("at least one run");
    (
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        out,
    )
}

/// `quoteline bench --statements 1000,5000,20000,50000`: how each stage grows with size.
fn run_scaling(list: &str, seed: u64, runs: usize) -> Result<(), String> {
    use quoteline::core::session::{Action, AppState, SearchIndex};
    use quoteline::core::timeline::{aggregate, fit, layout, layout_view, LaneBy};
    let sizes: Vec<usize> = list
        .split(',')
        .map(|s| {
            s.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| (100..=2_000_000).contains(&n))
                .ok_or_else(|| format!("--statements wants sizes from 100 to 2000000, got {s:?}"))
        })
        .collect::<Result<_, _>>()?;
    println!("scaling benchmark: synthetic corpora (seed {seed}), one thread, median of {runs} runs (min–max), times in ms");
    println!(
        "{:>10} {:>8} {:>9} {:>12} {:>12} {:>10} {:>18} {:>18} {:>14} {:>10} {:>12} {:>10} {:>10} {:>9}",
        "statements",
        "MB",
        "extract",
        "MB/s",
        "corpus",
        "index",
        "query+facets",
        "facet click",
        "timeline",
        "zoom",
        "groups",
        "pack write",
        "pack read",
        "file MB"
    );
    let names = topics::names();
    // About 200 bytes of synthetic news per statement (measured on the generator).
    for target in sizes {
        let arts = generate(&SynthParams::for_bytes(seed, target * 200))?;
        let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
        let inputs = || -> Vec<Input<'_>> { arts.iter().map(SynthArticle::input).collect() };
        let (ex, _, _, _) = time_ms(runs, || {
            arts.iter()
                .map(|a| quoteline::core::extract::extract(&a.text).statements.len())
                .sum::<usize>()
        });
        let (build, _, _, corpus) = time_ms(runs, || Corpus::build(inputs()));
        let (index_ms, _, _, index) = time_ms(runs, || SearchIndex::build(&corpus));
        // Typing a search: the text scan, then the results and every facet's counts from
        // it, as the app recomputes them.
        let mut state = AppState::default();
        state.apply(Action::Search("said ready".into()));
        let (q, qmin, qmax, _) = time_ms(runs.max(5), || {
            let matching = state.matching(&corpus, &index);
            (
                state.results_in(&corpus, &matching).len(),
                state.facet_counts_in(&corpus, &index, &matching),
            )
        });
        let outlet = corpus
            .outlets()
            .first()
            .map(|o| o.to_string())
            .unwrap_or_default();
        // A facet click on the typed search: the app keeps that search's scan.
        let mut clicked = state.clone();
        clicked.apply(Action::ToggleOutlet(outlet));
        let scanned = clicked.matching(&corpus, &index);
        let (f, fmin, fmax, _) = time_ms(runs.max(5), || {
            (
                clicked.results_in(&corpus, &scanned).len(),
                clicked.facet_counts_in(&corpus, &index, &scanned),
            )
        });
        let all: Vec<usize> = (0..corpus.entries.len()).collect();
        let (tl, _, _, _) = time_ms(runs.max(5), || {
            let view = fit(&corpus, &all);
            layout(&corpus, &all, LaneBy::Speaker, view, 760.0)
                .marks
                .len()
        });
        // A zoom or pan: the lanes and days are kept; only the view's layout is redone.
        let agg = aggregate(&corpus, &all, LaneBy::Speaker);
        let fitted = fit(&corpus, &all);
        let (zoom, _, _, _) = time_ms(runs.max(5), || {
            layout_view(&corpus, &agg, fitted.zoom(0.5, 0.3), 760.0)
                .marks
                .len()
        });
        let (g, _, _, cmp) = time_ms(runs, || compare(&corpus, GROUP_THRESHOLD));
        // The precomputed corpus file: written once by `pack`, read by the app instead
        // of extracting (the read includes the whole-file consistency check).
        let (pw, _, _, file) = time_ms(runs, || {
            quoteline::core::pack::encode(&corpus, &cmp, &names, "bench")
        });
        let (pr, _, _, read) = time_ms(runs, || {
            quoteline::core::pack::decode(&file, &names).is_ok()
        });
        if !read {
            return Err("the corpus file written by the benchmark did not read back".into());
        }
        println!(
            "{:>10} {:>8.2} {:>9.1} {:>12.1} {:>12.1} {:>10.1} {:>18} {:>18} {:>14.1} {:>10.1} {:>12.1} {:>10.1} {:>10.1} {:>9.1}",
            corpus.entries.len(),
            bytes as f64 / 1e6,
            ex,
            bytes as f64 / 1e6 / (ex / 1000.0),
            build,
            index_ms,
            format!("{q:.2} ({qmin:.2}–{qmax:.2})"),
            format!("{f:.2} ({fmin:.2}–{fmax:.2})"),
            tl,
            zoom,
            g,
            pw,
            pr,
            file.len() as f64 / 1e6
        );
    }
    Ok(())
}

fn run_bench(args: &[String]) -> ExitCode {
    let result = (|| -> Result<(), String> {
        if let Some(i) = args.iter().position(|a| a == "--statements") {
            let list = args
                .get(i + 1)
                .ok_or("--statements needs a list, e.g. 1000,5000,20000,50000")?;
            let rest: Vec<String> = args[..i].iter().chain(&args[i + 2..]).cloned().collect();
            let map = options(&rest, &["seed", "runs"])?;
            let runs = number(&map, "runs", 3)?.clamp(1, 100) as usize;
            return run_scaling(list, number(&map, "seed", 1)?, runs);
        }
        let mut map = options(args, &["mb", "seed", "runs"])?;
        map.entry("mb".into()).or_insert_with(|| "10".into());
        let runs = number(&map, "runs", 3)?.max(1);
        let params = synth_params(&map)?;
        let arts = generate(&params)?;
        let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
        println!(
            "extraction benchmark: {} synthetic articles, {:.1} MB, seed {}, one thread",
            arts.len(),
            bytes as f64 / 1e6,
            params.seed
        );
        let mut times = Vec::new();
        let mut statements = 0;
        for _ in 0..runs {
            let t = std::time::Instant::now();
            statements = arts
                .iter()
                .map(|a| quoteline::core::extract::extract(&a.text).statements.len())
                .sum::<usize>();
            times.push(t.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!(
            "extract:      {:>8.1} MB/s  (median of {runs}: {:.3} s; {statements} statements)",
            bytes as f64 / 1e6 / median,
            median
        );
        let t = std::time::Instant::now();
        let corpus = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        let build = t.elapsed().as_secs_f64();
        println!(
            "corpus build: {:>8.1} MB/s  ({:.3} s; {} statements, {} speakers)",
            bytes as f64 / 1e6 / build,
            build,
            corpus.entries.len(),
            corpus.speakers.len()
        );
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quoteline bench: {e}");
            ExitCode::from(2)
        }
    }
}
