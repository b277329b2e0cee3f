//! `quoteline groups`: each group of renderings of one utterance across outlets, one
//! JSON object per line.

use crate::jsonl::print_json_lines;
use quoteline_core::corpus::compare::relation;
use std::ffi::OsString;
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    print_json_lines(
        "groups",
        args,
        |_, cmp| cmp.groups.len(),
        |loaded, cmp, gi| {
            let corpus = &loaded.corpus;
            let g = &cmp.groups[gi];
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
        },
    )
}
