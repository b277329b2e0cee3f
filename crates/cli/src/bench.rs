//! `quoteline bench`: extraction throughput on a synthetic corpus, `--statements` for
//! how each stage grows with corpus size, `--growth` (see `growth.rs`) for how
//! extraction grows in each dimension of one article.

use crate::args::{is, number, options};
use crate::error::CliError;
use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::topics;
use quoteline_core::corpus::{Corpus, Input};
use quoteline_core::synth::{generate, SynthArticle, SynthParams};
use std::ffi::OsString;
use std::process::ExitCode;

/// Median and spread (min–max) of `runs` timings of `f`, in milliseconds.
pub fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64, T) {
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
fn run_scaling(list: &str, seed: u64, runs: usize) -> Result<(), CliError> {
    use quoteline_core::view::facet::Facet;
    use quoteline_core::view::search::SearchIndex;
    use quoteline_core::view::state::{Action, AppState};
    use quoteline_core::view::timeline::lanes::{aggregate, LaneBy};
    use quoteline_core::view::timeline::layout::{layout, layout_view};
    use quoteline_core::view::timeline::window::fit;
    let sizes: Vec<usize> = list
        .split(',')
        .map(|s| {
            s.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| (100..=2_000_000).contains(&n))
                .ok_or_else(|| {
                    CliError::bad_value(
                        "--statements",
                        "wants sizes from 100 to 2000000",
                        format!("{s:?}"),
                    )
                })
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
                .map(|a| quoteline_core::extract::extract(&a.text).statements.len())
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
        clicked.apply(Action::Toggle(Facet::Outlet, outlet));
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
            quoteline_core::formats::pack::encode(&corpus, &cmp, &names, "bench")
        });
        let (pr, _, _, read) = time_ms(runs, || {
            quoteline_core::formats::pack::decode(&file, &names).is_ok()
        });
        if !read {
            return Err(CliError::NoReadBack);
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

pub fn run(args: &[OsString]) -> ExitCode {
    let result = (|| -> Result<(), CliError> {
        if let Some(i) = args.iter().position(|a| is(a, "--growth")) {
            let rest: Vec<OsString> = args[..i].iter().chain(&args[i + 1..]).cloned().collect();
            let map = options(&rest, &["seed", "max-seconds", "scale", "only"])?;
            let fraction = |key: &str, default: f64| -> Result<f64, CliError> {
                match crate::args::text(&map, key)? {
                    None => Ok(default),
                    Some(v) => v
                        .parse::<f64>()
                        .ok()
                        .filter(|x| *x > 0.0 && *x <= 1000.0)
                        .ok_or_else(|| {
                            CliError::bad_value(
                                format!("--{key}"),
                                "wants a number above 0",
                                format!("{v:?}"),
                            )
                        }),
                }
            };
            let limit = fraction("max-seconds", 60.0)?;
            let scale = fraction("scale", 1.0)?;
            let only = crate::args::text(&map, "only")?.unwrap_or_default();
            return Ok(crate::growth::run(
                number(&map, "seed", 1)?,
                limit,
                scale,
                only,
            )?);
        }
        if let Some(i) = args.iter().position(|a| is(a, "--statements")) {
            let list = args.get(i + 1).ok_or(CliError::NoValue {
                option: "--statements".into(),
                needs: "a list, e.g. 1000,5000,20000,50000",
            })?;
            let list = list.to_str().ok_or(CliError::BadValue {
                option: "--statements".into(),
                wants: "wants a list of numbers, e.g. 1000,5000,20000,50000",
                got: None,
            })?;
            let rest: Vec<OsString> = args[..i].iter().chain(&args[i + 2..]).cloned().collect();
            let map = options(&rest, &["seed", "runs"])?;
            let runs = number(&map, "runs", 3)?.clamp(1, 100) as usize;
            return run_scaling(list, number(&map, "seed", 1)?, runs);
        }
        let mut map = options(args, &["mb", "seed", "runs"])?;
        map.entry("mb".into()).or_insert_with(|| "10".into());
        let runs = number(&map, "runs", 3)?.max(1);
        let params = crate::synth::params(&map)?;
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
                .map(|a| quoteline_core::extract::extract(&a.text).statements.len())
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
