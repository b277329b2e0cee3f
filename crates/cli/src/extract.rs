//! `quoteline extract`: one JSON object per statement (JSON Lines), with its article,
//! speaker, span, cue, rule, date, topics and cross-outlet group.

use crate::jsonl::print_json_lines;
use quoteline_core::corpus::topics;
use std::ffi::OsString;
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    print_json_lines(
        "extract",
        args,
        |loaded, _| loaded.corpus.entries.len(),
        |loaded, cmp, i| {
            let corpus = &loaded.corpus;
            let e = &corpus.entries[i];
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
                "offsets": loaded.offsets_of(&a.name),
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
                "group": cmp.group_of.get(i).copied().flatten(),
            })
        },
    )
}
