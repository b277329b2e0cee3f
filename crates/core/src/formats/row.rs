//! One statement as a row of plain values, [`StatementRow`]: the one shape of the CLI's
//! JSON Lines (`quoteline extract`) and of the app's CSV and JSON export
//! (`view::export`). Its fields are in the order the CLI has always printed them, which
//! is alphabetical (serde_json's objects keep their keys sorted), so the struct printed
//! directly and the struct printed through a `serde_json::Value` are the same bytes.

use crate::corpus::compare::Comparison;
use crate::corpus::dates::Precision;
use crate::corpus::topics::{self, Topic};
use crate::corpus::{Corpus, StatementId};
use crate::model::{Kind, Rule, SpeakerKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a row's `offsets` says in the app's export: the byte offsets index the article's
/// text as the app holds it (the text a file was read as; the app keeps no file bytes).
/// The CLI says `source` or `normalised` (see `formats::ingest::Offsets`).
pub const OFFSETS_IN_APP: &str = "text";

/// One statement with its article, speaker, span, cue, rule, date, topics and
/// cross-outlet group. A field that does not apply is `None` (JSON `null`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementRow<'a> {
    pub affiliation: &'a str,
    /// The extractor's confidence, an `f32` widened to `f64` (as the CLI has always
    /// printed it: `0.949999988079071`, not `0.95`).
    pub confidence: f64,
    /// The speech verb or phrase that attributes the statement.
    pub cue: Option<&'a str>,
    pub cue_end: Option<usize>,
    pub cue_start: Option<usize>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when undated.
    pub date: Option<String>,
    /// The time expression that dated it (else the article's date did).
    pub date_expression: Option<&'a str>,
    pub date_precision: Precision,
    /// Byte offset of the end of `text`.
    pub end: usize,
    /// The article's name (the CLI: the path as given).
    pub file: &'a str,
    /// The statement's cross-outlet group (an index into `quoteline groups`' output).
    pub group: Option<usize>,
    /// `{file}@{start}-{end}`.
    pub id: &'a str,
    pub kind: Kind,
    pub low_confidence: bool,
    /// The words that name the speaker (a name, a pronoun, a body's noun phrase).
    pub mention: Option<&'a str>,
    /// What `start` and `end` index: `source`, `normalised` (the CLI) or
    /// [`OFFSETS_IN_APP`] (the app).
    pub offsets: &'a str,
    pub outlet: &'a str,
    /// The quoted words inside `text`, each between a pair of marks: one for a plain
    /// quote, several for an interrupted quote or a clause carrying quoted fragments,
    /// none for indirect speech.
    pub quoted: Vec<&'a str>,
    /// The byte offsets (`[start, end]`) of each of `quoted`.
    pub quoted_spans: Vec<[usize; 2]>,
    pub role: &'a str,
    pub rule: Rule,
    pub speaker: &'a str,
    pub speaker_kind: SpeakerKind,
    /// Byte offset of the start of `text`.
    pub start: usize,
    /// The statement's words: the bytes `start..end` of the article's text.
    pub text: &'a str,
    /// Each topic's name with the words that triggered it, by name.
    pub topic_words: BTreeMap<&'a str, Vec<&'a str>>,
    /// Topic names in taxonomy order, or [`topics::OTHER`] alone when there is none.
    pub topics: Vec<&'a str>,
}

impl<'a> StatementRow<'a> {
    /// Statement `id` of `corpus` as a row; `None` when it, its speaker or its article is
    /// not in the corpus (which a checked corpus rules out). `cmp` gives its group,
    /// `offsets` what its offsets index. `taxonomy`: `None` takes the statement's topics
    /// as the corpus found them (with the built-in taxonomy); `Some` classifies its
    /// words anew against that taxonomy (the CLI's `--topics`).
    pub fn new(
        corpus: &'a Corpus,
        cmp: &Comparison,
        id: StatementId,
        offsets: &'a str,
        taxonomy: Option<&'a [Topic]>,
    ) -> Option<StatementRow<'a>> {
        let e = corpus.entries.get(id)?;
        let a = corpus.articles.get(e.article)?;
        let sp = corpus.speakers.get(e.speaker)?;
        let s = &e.statement;
        let text = a.text.as_str();
        let (tax, found) = match taxonomy {
            Some(t) => (t, topics::classify(text, s.span, t)),
            None => (topics::taxonomy(), e.topics.clone()),
        };
        let named: Vec<(&'a str, Vec<&'a str>)> = found
            .iter()
            .filter_map(|(t, spans)| {
                let name = tax.get(*t)?.name.as_str();
                Some((name, spans.iter().map(|w| w.of(text)).collect()))
            })
            .collect();
        let topic_names: Vec<&'a str> = if named.is_empty() {
            vec![topics::OTHER]
        } else {
            named.iter().map(|(name, _)| *name).collect()
        };
        // A name twice in a taxonomy: the later topic's words, as a JSON object keeps.
        let mut topic_words = BTreeMap::new();
        for (name, words) in named {
            topic_words.insert(name, words);
        }
        Some(StatementRow {
            affiliation: &sp.affiliation,
            confidence: f64::from(s.confidence),
            cue: s.cue.map(|c| c.of(text)),
            cue_end: s.cue.map(|c| c.end),
            cue_start: s.cue.map(|c| c.start),
            date: e.when.is_known().then(|| e.when.label()),
            date_expression: e.when_expr.map(|x| x.of(text)),
            date_precision: e.when.precision,
            end: s.span.end,
            file: &a.name,
            group: cmp.group_of.get(id).copied().flatten(),
            id: &e.id,
            kind: s.kind,
            low_confidence: s.is_low_confidence(),
            mention: s.evidence.mention.map(|m| m.of(text)),
            offsets,
            outlet: &a.outlet,
            quoted: s.quoted.iter().map(|q| q.of(text)).collect(),
            quoted_spans: s.quoted.iter().map(|q| [q.start, q.end]).collect(),
            role: &sp.role,
            rule: s.evidence.rule,
            speaker: &sp.name,
            speaker_kind: sp.kind,
            start: s.span.start,
            text: s.span.of(text),
            topic_words,
            topics: topic_names,
        })
    }

    /// The field names, in order (the CSV export's header).
    pub fn field_names() -> Vec<String> {
        let blank = StatementRow {
            affiliation: "",
            confidence: 0.0,
            cue: None,
            cue_end: None,
            cue_start: None,
            date: None,
            date_expression: None,
            date_precision: Precision::Unknown,
            end: 0,
            file: "",
            group: None,
            id: "",
            kind: Kind::Direct,
            low_confidence: false,
            mention: None,
            offsets: "",
            outlet: "",
            quoted: Vec::new(),
            quoted_spans: Vec::new(),
            role: "",
            rule: Rule::Pronoun,
            speaker: "",
            speaker_kind: SpeakerKind::Unknown,
            start: 0,
            text: "",
            topic_words: BTreeMap::new(),
            topics: Vec::new(),
        };
        blank.json_fields().into_iter().map(|(k, _)| k).collect()
    }

    /// The row as JSON values by field name, in the row's order. It goes through the JSON
    /// text that the app's JSON export writes (pretty) and the JSON reader the app holds
    /// anyway, rather than `serde_json::to_value`, whose serializer would add several
    /// kilobytes to the wasm for this alone.
    pub fn json_fields(&self) -> Vec<(String, serde_json::Value)> {
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        match serde_json::from_str(&text) {
            Ok(serde_json::Value::Object(map)) => map.into_iter().collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::{compare, GROUP_THRESHOLD};

    /// Printed directly (the app's JSON export) and through a `serde_json::Value` (the
    /// CLI's JSON Lines), a row is the same text: its fields are in the order a JSON
    /// object keeps its keys.
    #[test]
    fn the_struct_order_is_the_json_object_order() {
        let c = crate::test_seeds::seed_corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        for id in 0..c.entries.len() {
            let row = StatementRow::new(&c, &cmp, id, "source", None).unwrap();
            let direct = serde_json::to_string(&row).unwrap();
            let via_value = serde_json::to_value(&row).unwrap().to_string();
            assert_eq!(direct, via_value);
            let names: Vec<String> = serde_json::to_value(&row)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            assert_eq!(names, StatementRow::field_names());
        }
    }

    /// The corpus's own topics and the built-in taxonomy classified anew agree; a
    /// statement out of the corpus has no row.
    #[test]
    fn own_topics_equal_topics_classified_anew() {
        let c = crate::test_seeds::seed_corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        let tax = topics::taxonomy();
        let mut with_topics = 0;
        for id in 0..c.entries.len() {
            let own = StatementRow::new(&c, &cmp, id, "source", None).unwrap();
            let anew = StatementRow::new(&c, &cmp, id, "source", Some(tax)).unwrap();
            assert_eq!(own, anew);
            with_topics += usize::from(own.topics != [topics::OTHER]);
        }
        assert!(with_topics > 0);
        assert!(StatementRow::new(&c, &cmp, c.entries.len(), "source", None).is_none());
    }
}
