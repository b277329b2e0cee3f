//! The progress bar of `extract`, `groups` and `pack` over many files: articles done,
//! MB/s and the time left, on stderr. Hidden when stderr is not a terminal (a pipe, a
//! log file, CI) or with `--quiet`; it never writes to stdout.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Progress through `articles` articles of `bytes` bytes in all. Shared by the
/// extraction threads: each calls [`Progress::done`] as it finishes an article.
pub struct Progress {
    bar: ProgressBar,
    articles: usize,
}

impl Progress {
    pub fn new(articles: usize, bytes: usize, quiet: bool) -> Progress {
        let shown = !quiet && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(
            Some(bytes as u64),
            if shown {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        // (The template is fixed and valid: `with_template` fails only on a bad one.)
        if let Ok(style) =
            ProgressStyle::with_template("{bar:24} {msg} · {decimal_bytes_per_sec} · {eta} left")
        {
            bar.set_style(style);
        }
        let p = Progress { bar, articles };
        p.bar.set_message(p.counted(0));
        p
    }

    fn counted(&self, done: usize) -> String {
        format!("{done}/{} articles", self.articles)
    }

    /// One more article done, `bytes` long; `done` articles in all.
    pub fn done(&self, done: usize, bytes: usize) {
        self.bar.inc(bytes as u64);
        self.bar.set_message(self.counted(done));
    }

    /// Removes the bar (the output's own messages follow it).
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
