//! The extractor on articles it was not tuned on (tests/unseen/: original articles in
//! other styles and topics, annotated by hand before the extractor saw them). Prints
//! the figures; fails only below a regression floor, since the goal (quote F1 ≥ 0.9,
//! speaker accuracy ≥ 0.9) is a target for articles nobody here has seen.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use std::path::Path;
use support::*;

#[test]
fn unseen_articles_report_and_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unseen");
    let corpus = corpus_from_dir(&dir);
    let gold = load_gold(&corpus, &dir);
    assert!(
        corpus.articles.len() >= 8 && gold.len() >= 60,
        "unseen set missing: {} articles, {} annotations",
        corpus.articles.len(),
        gold.len()
    );
    let sc = evaluate(&corpus, &gold);
    println!("{}\n{}", sc.report, sc.summary());
    assert!(
        sc.quote_f1() >= 0.95,
        "quote F1 {:.3} fell below the floor\n{}",
        sc.quote_f1(),
        sc.report
    );
    assert!(
        sc.speaker_accuracy() >= 0.95,
        "speaker accuracy {:.3} fell below the floor\n{}",
        sc.speaker_accuracy(),
        sc.report
    );
    assert!(
        sc.indirect_recall() >= 0.9,
        "indirect recall {:.3} fell below the floor\n{}",
        sc.indirect_recall(),
        sc.report
    );
}
