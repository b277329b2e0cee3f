//! `quoteline pack --out FILE`: the corpus and its groups in one precomputed file. An
//! article that cannot be used is left out and named; when grouping fails the file is
//! written without groups; when encoding fails no file is written. Either way the
//! problem is reported and the exit status is 1. `--sharded --out DIR/` writes a
//! directory of shards instead (`shard.rs`).

use crate::args::is;
use crate::contain::{contain, forced};
use crate::error::CliError;
use crate::load::{self, shown};
use crate::usage::USAGE;
use quoteline_core::corpus::topics;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    let fail = |e: CliError| {
        eprintln!("quoteline pack: {e}\n{USAGE}");
        ExitCode::from(2)
    };
    let mut rest = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut sharded = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if is(a, "--sharded") {
            sharded = true;
        } else if is(a, "--out") {
            match it.next() {
                Some(v) => out = Some(v.into()),
                None => {
                    return fail(CliError::NoValue {
                        option: "--out".into(),
                        needs: "a file",
                    })
                }
            }
        } else if is(a, "--topics") {
            return fail(CliError::NotHere {
                option: "--topics",
                why: "applies to extract and groups: the app shows its own topics, so a corpus file is tagged with them",
            });
        } else {
            rest.push(a.clone());
        }
    }
    let Some(out) = out else {
        return fail(CliError::Required(if sharded {
            "--out DIR"
        } else {
            "--out FILE"
        }));
    };
    if sharded {
        return crate::shard::run(out, &rest);
    }
    let mut loaded = match load::load(&rest) {
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
    let cmp = load::groups(&mut loaded, "the corpus file is written without groups");
    let names = topics::names();
    let generator = concat!("quoteline ", env!("CARGO_PKG_VERSION"));
    let bytes = match contain(|| {
        forced("pack", None);
        quoteline_core::formats::pack::encode(&loaded.corpus, &cmp, &names, generator)
    }) {
        Ok(b) => b,
        Err(panic) => {
            loaded.errors.push(format!(
                "quoteline pack: encoding the corpus file panicked: {panic}; no file was written"
            ));
            return load::finish(&loaded);
        }
    };
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("quoteline pack: cannot write {}: {e}", shown(&out));
        return ExitCode::from(1);
    }
    eprintln!(
        "wrote {}: {} articles, {} statements, {} speakers, {} groups, {} bytes",
        shown(&out),
        loaded.corpus.articles.len(),
        loaded.corpus.entries.len(),
        loaded.corpus.speakers.len(),
        cmp.groups.len(),
        bytes.len()
    );
    load::finish(&loaded)
}
