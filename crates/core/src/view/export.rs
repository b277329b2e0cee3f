//! The app's exports of the filtered statements, JSON and CSV, both made of the CLI's
//! row ([`StatementRow`], one per statement, field for field what `quoteline extract`
//! prints), and the citation of one statement.
//!
//! The CSV's header is the row's field names in the row's order. Each cell is the
//! field's JSON value made flat: a string quoted (inner quotes doubled, a leading `=`,
//! `+`, `-` or `@` neutralised with `'`), `null` an empty cell, a boolean `true` or
//! `false`, an integer as it is, a fraction (the confidence) to two decimals, a list
//! (`topics`) its items joined by `;`, and a map (`topic_words`) its entries as
//! `name=word|word` joined by `;`, each of those quoted as a string.

use crate::corpus::compare::Comparison;
use crate::corpus::{Corpus, StatementId};
use crate::formats::row::{StatementRow, OFFSETS_IN_APP};
use crate::view::search::parts;
use serde_json::Value;

/// The exported statements' rows, in the order of `ids` (ids not in the corpus left out).
pub fn rows<'a>(
    corpus: &'a Corpus,
    cmp: &Comparison,
    ids: &[StatementId],
) -> Vec<StatementRow<'a>> {
    ids.iter()
        .filter_map(|&i| StatementRow::new(corpus, cmp, i, OFFSETS_IN_APP, None))
        .collect()
}

/// The statements as pretty JSON (an array of [`StatementRow`] objects).
pub fn export_json(corpus: &Corpus, cmp: &Comparison, ids: &[StatementId]) -> String {
    serde_json::to_string_pretty(&rows(corpus, cmp, ids)).unwrap_or_else(|_| "[]".into())
}

/// A string as a CSV cell: quoted, inner quotes doubled, spreadsheet formulas neutralised.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A list item or map value as text: a string as it is, anything else as JSON.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One JSON value as a CSV cell (see the module's documentation).
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() => n
            .as_f64()
            .map_or(n.to_string(), |f| crate::text::number::fixed(f, 2)),
        Value::Number(n) => n.to_string(),
        Value::String(s) => csv_field(s),
        Value::Array(items) => csv_field(&items.iter().map(plain).collect::<Vec<_>>().join(";")),
        Value::Object(map) => csv_field(
            &map.iter()
                .map(|(k, v)| {
                    let words = match v {
                        Value::Array(items) => {
                            items.iter().map(plain).collect::<Vec<_>>().join("|")
                        }
                        other => plain(other),
                    };
                    format!("{k}={words}")
                })
                .collect::<Vec<_>>()
                .join(";"),
        ),
    }
}

/// A row's JSON values, in the row's order.
fn values(row: &StatementRow) -> Vec<Value> {
    row.json_fields().into_iter().map(|(_, v)| v).collect()
}

/// The statements as CSV (RFC 4180: a header row of the row's field names, CRLF line
/// ends; cells as the module's documentation says).
pub fn export_csv(corpus: &Corpus, cmp: &Comparison, ids: &[StatementId]) -> String {
    let rows = rows(corpus, cmp, ids);
    let mut out = StatementRow::field_names().join(",");
    out.push_str("\r\n");
    for r in &rows {
        let cells: Vec<String> = values(r).iter().map(csv_cell).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A citation for one statement: speaker, words, outlet, headline, date, URL, position.
pub fn citation(corpus: &Corpus, id: StatementId) -> Option<String> {
    let (e, sp, a) = parts(corpus, id)?;
    let words = e.statement.span.of(&a.text).trim_end_matches([',', ' ']);
    // A quote in marks (an interrupted one keeps its inner marks and cue); a reported
    // clause as the reporter gave it, quoted fragments and all.
    let quoted = if e.statement.is_quote() {
        format!("“{words}”")
    } else {
        format!("(reported) {words}")
    };
    let mut parts = vec![format!("{}: {}", sp.name, quoted), a.outlet.clone()];
    if !a.meta.headline.is_empty() {
        parts.push(format!("“{}”", a.meta.headline));
    }
    if !a.meta.date.is_empty() {
        parts.push(a.meta.date.clone());
    }
    if !a.meta.url.is_empty() {
        parts.push(a.meta.url.clone());
    }
    parts.push(format!(
        "{}, bytes {}–{}",
        a.name, e.statement.span.start, e.statement.span.end
    ));
    Some(parts.join(". ") + ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::{compare, GROUP_THRESHOLD};
    use crate::view::test_corpus::corpus;

    #[test]
    fn exports() {
        let c = corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let json: serde_json::Value = serde_json::from_str(&export_json(&c, &cmp, &ids)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 3);
        assert_eq!(json[0]["text"], "Élan is fine,");
        assert_eq!(json[0]["offsets"], OFFSETS_IN_APP);
        let csv = export_csv(&c, &cmp, &ids);
        assert_eq!(csv.lines().count(), 4);
        assert!(
            csv.contains("\"'=SUM(1) is \"\"odd\"\",\""),
            "formula neutralised and quotes doubled: {csv}"
        );
        let cite = citation(&c, 0).unwrap();
        assert!(
            cite.starts_with("Jane Doe: “Élan is fine”. A.") && cite.contains("a.txt, bytes"),
            "{cite}"
        );
    }

    /// The CSV has the JSON's fields, in its order, one cell each; nested values are flat.
    #[test]
    fn the_csv_is_the_json_made_flat() {
        let c = crate::test_seeds::seed_corpus();
        let cmp = compare(&c, GROUP_THRESHOLD);
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let json: Vec<serde_json::Map<String, Value>> =
            serde_json::from_str(&export_json(&c, &cmp, &ids)).unwrap();
        let csv = export_csv(&c, &cmp, &ids);
        let mut lines = csv.split("\r\n");
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let keys: Vec<&str> = json[0].keys().map(String::as_str).collect();
        assert_eq!(header, keys);
        assert_eq!(header.first(), Some(&"affiliation"));
        assert_eq!(header.last(), Some(&"topics"));
        // A statement with topic words: its cells.
        let (i, row) = json
            .iter()
            .enumerate()
            .find(|(_, r)| r["topic_words"].as_object().is_some_and(|m| !m.is_empty()))
            .unwrap();
        let cells: Vec<String> = values(&rows(&c, &cmp, &ids)[i])
            .iter()
            .map(csv_cell)
            .collect();
        let at = |k: &str| &cells[header.iter().position(|h| *h == k).unwrap()];
        let (name, words) = row["topic_words"]
            .as_object()
            .unwrap()
            .iter()
            .next()
            .unwrap();
        let first_word = words[0].as_str().unwrap();
        assert!(at("topic_words").starts_with(&format!("\"{name}={first_word}")));
        assert!(at("topics").contains(name.as_str()));
        assert_eq!(
            at("low_confidence"),
            row["low_confidence"].to_string().as_str()
        );
        assert_eq!(at("start"), row["start"].to_string().as_str());
        assert_eq!(
            at("confidence"),
            format!("{:.2}", row["confidence"].as_f64().unwrap()).as_str()
        );
        // An empty selection still has the header.
        assert_eq!(
            export_csv(&c, &cmp, &[]),
            format!("{}\r\n", header.join(","))
        );
    }
}
