//! Dates on the seed corpus: every statement carries a date with its precision or is
//! explicitly undated, and no date is made up: a statement is dated only by its
//! article's date (manifest or text) or by a time expression in its own sentence.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::dates::Precision;

#[test]
fn every_seed_statement_is_dated_from_the_text_or_undated() {
    let c = quoteline::seed_corpus();
    let (mut dated, mut undated) = (0, 0);
    for e in &c.entries {
        let a = &c.articles[e.article];
        let label = e.when.label();
        if !e.when.is_known() {
            assert_eq!(e.when.precision, Precision::Unknown);
            assert_eq!(label, "undated");
            undated += 1;
            continue;
        }
        dated += 1;
        match e.when_expr {
            // Dated by an expression: it lies in the article, in the statement's sentence.
            Some(x) => {
                assert!(e.statement.sentence.contains(x), "{}: {:?}", e.id, x);
                assert!(!x.of(&a.text).trim().is_empty());
                // Relative expressions need an anchor; without one only a full date dates.
                if !a.anchor.is_known() {
                    assert!(
                        x.of(&a.text).chars().filter(char::is_ascii_digit).count() >= 4,
                        "{}: '{}' dated without an article date",
                        e.id,
                        x.of(&a.text)
                    );
                }
            }
            // Dated by the article: the article has a date.
            None => {
                assert!(
                    a.anchor.is_known(),
                    "{}: dated but its article is not",
                    e.id
                );
                assert_eq!(e.when, a.anchor, "{}", e.id);
            }
        }
    }
    // Reuters and Africa Digital News give no date in the text and none is known for
    // them: their statements are undated, not placed on a guessed day.
    for a in &c.articles {
        if a.meta.date.is_empty() && a.meta.event_date.is_empty() && !a.anchor.is_known() {
            let n = c
                .entries
                .iter()
                .filter(|e| &c.articles[e.article] == a && e.when.is_known())
                .count();
            assert_eq!(n, 0, "{}: statements dated without any date", a.name);
        }
    }
    println!("dates: {dated} statements dated, {undated} undated");
    assert!(dated > 0 && undated > 0);
    // The summit day is where the dated statements are.
    let summit = quoteline_core::corpus::dates::parse_iso("2026-01-06").unwrap();
    assert!(c
        .entries
        .iter()
        .filter(|e| e.when.is_known())
        .all(|e| e.when == summit || e.when_expr.is_some()));
}
