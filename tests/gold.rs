//! The extractor against the hand annotation of the seed corpus (tests/gold/, see its README).
//! Prints a full report (misses, wrong speakers, false positives) and checks the bars:
//! quotes recall ≥ 0.97 with the right speaker and precision ≥ 0.95; indirect recall ≥ 0.85.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use std::path::Path;
use support::*;

#[test]
fn seed_corpus_meets_the_bars() {
    let corpus = quoteline::seed_corpus();
    let gold = load_gold(
        &corpus,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold"),
    );
    assert!(
        gold.len() >= 100,
        "gold annotation missing: {} items",
        gold.len()
    );
    let sc = evaluate(&corpus, &gold);
    println!("{}\n{}", sc.report, sc.summary());
    assert!(
        sc.quote_recall() >= 0.97,
        "quote recall {:.3} < 0.97\n{}",
        sc.quote_recall(),
        sc.report
    );
    assert!(
        sc.quote_precision() >= 0.95,
        "quote precision {:.3} < 0.95\n{}",
        sc.quote_precision(),
        sc.report
    );
    assert!(
        sc.indirect_recall() >= 0.85,
        "indirect recall {:.3} < 0.85\n{}",
        sc.indirect_recall(),
        sc.report
    );
}
