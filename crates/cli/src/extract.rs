//! `quoteline extract`: one JSON object per statement (JSON Lines), with its article,
//! speaker, span, cue, rule, date, topics and cross-outlet group: the engine's
//! [`StatementRow`], the row the app's CSV and JSON export are made of too.

use crate::jsonl::print_json_lines;
use quoteline_core::formats::row::StatementRow;
use std::ffi::OsString;
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    print_json_lines(
        "extract",
        args,
        |loaded, _| loaded.corpus.entries.len(),
        |loaded, cmp, i| {
            let corpus = &loaded.corpus;
            let article = &corpus.articles[corpus.entries[i].article];
            let offsets = loaded.offsets_of(&article.name);
            // Topics as the CLI has always found them: classified against the loaded
            // taxonomy (`--topics`, else the built-in one).
            let row = StatementRow::new(corpus, cmp, i, offsets, Some(&loaded.taxonomy))
                .unwrap_or_else(|| panic!("statement {i} is not in the corpus"));
            serde_json::to_value(row).unwrap_or_else(|e| panic!("statement {i}: {e}"))
        },
    )
}
