//! The `quoteline` command line: `quoteline extract` prints one JSON object per statement
//! (JSON Lines) on stdout and problems on stderr; `groups` prints the cross-outlet
//! groups; `pack` writes a corpus file (`shard`: or a sharded archive, from the
//! articles or from `prepare`'s records, merged by `merge`); `prepare` is the map of a split pack and `reduce` its reduce partitioned across machines; `archive` reads a sharded archive as the app
//! will (and times it); `text` prints a file as it is read; `eval`
//! scores extraction against annotated attributions; `synth` and
//! `bench` generate and time synthetic corpora. One command per file; `load` reads the
//! files, `contain` keeps one bad article from stopping the others, `args` reads
//! options, `error` says what went wrong, `jsonl` prints rows, `stdin` reads articles
//! as JSON Lines, `progress` draws the progress bar, `diagnostics` summarises the
//! extraction's diagnostics, `usage` is the help text. Native only: a package of its own, which the browser build never compiles.

mod archive;
mod args;
mod bench;
mod contain;
mod diagnostics;
mod error;
mod eval;
mod extract;
mod groups;
mod growth;
mod jsonl;
mod load;
mod pack;
mod parts;
mod prepare;
mod progress;
mod records;
mod reduce;
mod shard;
mod spill;
mod stdin;
mod synth;
mod text;
mod usage;

/// mimalloc for the native CLI: extraction allocates many small strings and vectors.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    use crate::usage::USAGE;
    use std::ffi::OsString;
    use std::process::ExitCode;
    crate::contain::install();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().and_then(|a| a.to_str()) {
        Some("extract") if !rest.is_empty() => crate::extract::run(rest),
        Some("groups") if !rest.is_empty() => crate::groups::run(rest),
        Some("pack") if !rest.is_empty() => crate::pack::run(rest),
        Some("prepare") => crate::prepare::run(rest),
        Some("reduce") => crate::reduce::run(rest),
        Some("text") if !rest.is_empty() => crate::text::run(rest),
        Some("eval") if !rest.is_empty() => crate::eval::run(rest),
        Some("synth") => crate::synth::run(rest),
        Some("archive") if !rest.is_empty() => crate::archive::run(rest),
        Some("bench") => crate::bench::run(rest),
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
