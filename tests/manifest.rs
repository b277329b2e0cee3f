//! The facts in seeds/corpus.toml are the ones the articles themselves give: what the
//! app infers from each seed's text (with no manifest) matches the manifest.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::{ArticleMeta, Corpus, Input};

#[test]
fn inferred_facts_match_the_manifest() {
    let built = quoteline::built_seed_corpus().unwrap();
    let inferred = Corpus::build(
        built
            .articles
            .iter()
            .map(|a| Input {
                name: &a.name,
                text: &a.text,
                meta: ArticleMeta::default(),
            })
            .collect(),
    );
    let manifest = quoteline::seed_corpus();
    for (i, (a, m)) in inferred.articles.iter().zip(&manifest.articles).enumerate() {
        let seed = &built.articles[i];
        let want = &m.meta;
        assert_eq!(
            a.outlet, m.outlet,
            "{}: outlet inferred from the text differs from the manifest",
            seed.name
        );
        for (field, got, want) in [
            ("headline", &a.meta.headline, &want.headline),
            ("byline", &a.meta.byline, &want.byline),
            ("source", &a.meta.source, &want.source),
            ("derived_from", &a.meta.derived_from, &want.derived_from),
        ] {
            if !want.is_empty() {
                assert_eq!(got, want, "{}: {field}", seed.name);
            }
        }
        assert!(
            !a.outlet.ends_with(".txt") && a.outlet != seed.name.trim_end_matches(".txt"),
            "{}: no outlet found in the text",
            seed.name
        );
    }
    assert_eq!(inferred.outlets().len(), 5);
}
