//! The extractor against the hand annotation of the seed corpus (tests/gold/, see its README).
//! Prints a full report (misses, wrong speakers, false positives) and checks the bars:
//! quotes recall ≥ 0.97 with the right speaker and precision ≥ 0.95; indirect recall ≥ 0.85.

mod support;
use quoteline::core::model::Kind;
use std::path::Path;
use support::*;

#[test]
fn seed_corpus_meets_the_bars() {
    let corpus = quoteline::seed_corpus();
    let gold = load_gold(&corpus, &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold"));
    assert!(gold.len() >= 100, "gold annotation missing: {} items", gold.len());
    let is_quote = |k: Kind| k != Kind::Indirect;
    let mut report = String::new();

    // Quotes: recall with speaker.
    let (mut q_total, mut q_found, mut q_right) = (0, 0, 0);
    for g in gold.iter().filter(|g| is_quote(g.kind) && !g.gold.optional) {
        q_total += 1;
        let hit = corpus.entries.iter().find(|e| e.article == g.article && is_quote(e.statement.kind) && overlap(e.statement.span, g.span).1 >= 0.9);
        match hit {
            Some(e) => {
                q_found += 1;
                let sp = &corpus.speakers[e.speaker].name;
                if speaker_matches(sp, &g.gold) {
                    q_right += 1;
                } else {
                    report += &format!("QUOTE WRONG SPEAKER [{}] {:?}: got {sp:?}, want {:?}\n", corpus.articles[g.article].name, g.gold.text, g.gold.speaker);
                }
            }
            None => report += &format!("QUOTE MISSED [{}] {:?} ({})\n", corpus.articles[g.article].name, g.gold.text, g.gold.speaker),
        }
    }
    // Quotes: precision (a predicted quote must be a gold quote, optional ones included).
    let (mut p_total, mut p_ok) = (0, 0);
    for e in corpus.entries.iter().filter(|e| is_quote(e.statement.kind)) {
        p_total += 1;
        if gold.iter().any(|g| g.article == e.article && is_quote(g.kind) && overlap(e.statement.span, g.span).1 >= 0.9) {
            p_ok += 1;
        } else {
            report += &format!("QUOTE SPURIOUS [{}] {:?}\n", corpus.articles[e.article].name, corpus.text_of(e));
        }
    }
    // Indirect: recall with speaker (a span overlapping most of the gold clause).
    let (mut i_total, mut i_right) = (0, 0);
    for g in gold.iter().filter(|g| g.kind == Kind::Indirect && !g.gold.optional) {
        i_total += 1;
        let hits: Vec<_> = corpus
            .entries
            .iter()
            .filter(|e| e.article == g.article && e.statement.kind == Kind::Indirect)
            .filter(|e| {
                let (short, long) = overlap(e.statement.span, g.span);
                short >= 0.8 && long >= 0.5
            })
            .collect();
        if hits.iter().any(|e| speaker_matches(&corpus.speakers[e.speaker].name, &g.gold)) {
            i_right += 1;
        } else if let Some(e) = hits.first() {
            report += &format!("INDIRECT WRONG SPEAKER [{}] {:?}: got {:?}, want {:?}\n", corpus.articles[g.article].name, g.gold.text, corpus.speakers[e.speaker].name, g.gold.speaker);
        } else {
            report += &format!("INDIRECT MISSED [{}] {:?} ({})\n", corpus.articles[g.article].name, g.gold.text, g.gold.speaker);
        }
    }
    let i_pred = corpus.entries.iter().filter(|e| e.statement.kind == Kind::Indirect).count();
    let i_matching = corpus
        .entries
        .iter()
        .filter(|e| e.statement.kind == Kind::Indirect)
        .filter(|e| gold.iter().any(|g| g.article == e.article && g.kind == Kind::Indirect && overlap(e.statement.span, g.span).0 >= 0.8))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let q_recall = ratio(q_right, q_total);
    let q_prec = ratio(p_ok, p_total);
    let i_recall = ratio(i_right, i_total);
    println!("{report}");
    println!("quotes:   {q_right}/{q_total} found with the right speaker (recall {q_recall:.3}; {q_found} found at all), precision {p_ok}/{p_total} = {q_prec:.3}");
    println!("indirect: {i_right}/{i_total} found with the right speaker (recall {i_recall:.3}); {i_matching}/{i_pred} predicted overlap a gold clause");
    assert!(q_recall >= 0.97, "quote recall {q_recall:.3} < 0.97\n{report}");
    assert!(q_prec >= 0.95, "quote precision {q_prec:.3} < 0.95\n{report}");
    assert!(i_recall >= 0.85, "indirect recall {i_recall:.3} < 0.85\n{report}");
}
