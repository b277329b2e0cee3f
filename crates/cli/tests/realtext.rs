//! The real-text tier: every article of PolNeAR (`../shared/polnear`, train and dev),
//! the seeds and the test fixtures, through the browser's ingest path (ingest, extract,
//! corpus, groups, pack written and read back) in this process, and through the CLI's
//! `extract`, `groups` and `pack`, each article alone and each folder as one run: zero
//! panics, zero aborted runs, every offset on a char boundary of its text.
//!
//! PolNeAR is read from where it lies and never copied (its licence is unclear). Without
//! it (a user's clone) the tier says so and runs on the seeds and fixtures. Another copy
//! can be named with `QUOTELINE_POLNEAR=DIR`.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::{Corpus, Input};
use quoteline_core::formats::ingest::ingest;
use quoteline_core::{corpus::topics, formats::pack};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The PolNeAR text folders, or `None` (said on stderr) when the corpus is absent.
fn polnear_dirs() -> Option<Vec<PathBuf>> {
    let base = std::env::var_os("QUOTELINE_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/polnear"));
    let dirs: Vec<PathBuf> = ["train", "dev"]
        .iter()
        .map(|s| base.join(s).join("text"))
        .filter(|d| d.is_dir())
        .collect();
    if dirs.is_empty() {
        eprintln!(
            "realtext: PolNeAR is absent ({} has no train/text or dev/text), so this tier runs on the seeds and test fixtures only",
            base.display()
        );
        return None;
    }
    Some(dirs)
}

fn files_in(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| exts.iter().any(|e| x.eq_ignore_ascii_case(e)))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The folders of articles the tier runs on, with their articles.
fn corpora() -> Vec<(PathBuf, Vec<PathBuf>)> {
    let mut dirs = vec![root().join("seeds"), root().join("tests/unseen")];
    dirs.extend(polnear_dirs().unwrap_or_default());
    let mut out: Vec<(PathBuf, Vec<PathBuf>)> = dirs
        .into_iter()
        .map(|d| {
            let f = files_in(&d, &["txt", "md", "html"]);
            (d, f)
        })
        .collect();
    // The loader's fixtures: HTML, Markdown, Latin-1, an image (refused, not a panic).
    let fixtures = root().join("e2e/fixtures");
    let f = files_in(&fixtures, &["txt", "md", "html", "png"]);
    out.push((fixtures, f));
    out
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// The browser's path for one file, as the app takes it: ingest, extract, corpus,
/// groups, corpus file written and read back; every span checked against the text.
fn through_the_app(path: &Path) -> Result<usize, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let got = match ingest(&name, &bytes) {
        Ok(g) => g,
        Err(_) => return Ok(0), // refused with a reason, as the loader shows it
    };
    let corpus = Corpus::build(vec![Input {
        name: &name,
        text: &got.text,
        meta: got.meta.clone(),
    }]);
    for e in &corpus.entries {
        let s = &e.statement;
        for sp in [Some(s.span), s.cue, s.evidence.mention, Some(s.sentence)]
            .into_iter()
            .flatten()
        {
            if sp.start > sp.end
                || sp.end > got.text.len()
                || !got.text.is_char_boundary(sp.start)
                || !got.text.is_char_boundary(sp.end)
            {
                return Err(format!(
                    "span {}..{} is not a slice of the text",
                    sp.start, sp.end
                ));
            }
        }
    }
    let cmp = compare(&corpus, GROUP_THRESHOLD);
    let names = topics::names();
    let file = pack::encode(&corpus, &cmp, &names, "realtext");
    pack::decode(&file, &names).map_err(|e| format!("its corpus file does not read back: {e}"))?;
    Ok(corpus.entries.len())
}

#[test]
fn every_real_article_goes_through_the_app_path_without_a_panic() {
    let mut failures = Vec::new();
    let (mut articles, mut statements) = (0, 0);
    for (_, files) in corpora() {
        for f in files {
            articles += 1;
            match std::panic::catch_unwind(|| through_the_app(&f)) {
                Ok(Ok(n)) => statements += n,
                Ok(Err(why)) => failures.push(format!("{}: {why}", f.display())),
                Err(p) => {
                    failures.push(format!("{}: panicked: {}", f.display(), panic_message(&*p)))
                }
            }
        }
    }
    eprintln!("realtext: {articles} articles through the app's path, {statements} statements, {} failures", failures.len());
    assert!(
        failures.is_empty(),
        "{} of {articles} articles failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(args)
        .output()
        .expect("the quoteline binary runs")
}

/// One CLI run judged: exit 0, or 1 for a file refused with a reason (an image among
/// the fixtures); never a panic (101) or an abort (signal).
fn judge(what: String, out: &std::process::Output, refused_ok: bool) -> Option<String> {
    let code = out.status.code();
    let ok = code == Some(0) || (refused_ok && code == Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    (!ok || stderr.contains("panicked")).then(|| {
        format!(
            "{what}: exit {code:?}: {}",
            stderr.lines().take(5).collect::<Vec<_>>().join(" | ")
        )
    })
}

#[test]
fn every_real_article_goes_through_the_cli_alone_and_as_folders() {
    let tmp = std::env::temp_dir().join(format!("quoteline-realtext-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("a temporary folder");
    let corpora = corpora();
    let mut failures = Vec::new();
    // Each folder as one run.
    for (dir, _) in &corpora {
        let refused_ok = dir.ends_with("fixtures");
        let qlc = tmp.join("folder.qlc");
        for cmd in ["extract", "groups"] {
            let out = cli(&[cmd.as_ref(), dir.as_os_str()]);
            failures.extend(judge(format!("{cmd} {}", dir.display()), &out, refused_ok));
        }
        let out = cli(&[
            "pack".as_ref(),
            "--out".as_ref(),
            qlc.as_os_str(),
            dir.as_os_str(),
        ]);
        failures.extend(judge(format!("pack {}", dir.display()), &out, refused_ok));
    }
    // Each article alone, on two threads.
    let all: Vec<(PathBuf, bool)> = corpora
        .iter()
        .flat_map(|(d, fs)| fs.iter().map(move |f| (f.clone(), d.ends_with("fixtures"))))
        .collect();
    let half = all.len().div_ceil(2).max(1);
    let alone: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(half)
            .enumerate()
            .map(|(t, part)| {
                let tmp = tmp.clone();
                s.spawn(move || {
                    let qlc = tmp.join(format!("alone-{t}.qlc"));
                    let mut bad = Vec::new();
                    for (f, refused_ok) in part {
                        let out = cli(&["extract".as_ref(), f.as_os_str()]);
                        bad.extend(judge(format!("extract {}", f.display()), &out, *refused_ok));
                        let out = cli(&[
                            "pack".as_ref(),
                            "--out".as_ref(),
                            qlc.as_os_str(),
                            f.as_os_str(),
                        ]);
                        bad.extend(judge(format!("pack {}", f.display()), &out, *refused_ok));
                    }
                    bad
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec!["a worker thread panicked".into()])
            })
            .collect()
    });
    failures.extend(alone);
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!(
        "realtext: {} articles through the CLI alone (extract, pack) and {} folders (extract, groups, pack), {} failures",
        all.len(),
        corpora.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} CLI runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
