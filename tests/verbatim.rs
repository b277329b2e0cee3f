//! Verbatim: over the whole embedded corpus, every statement, cue and mention is an exact
//! slice of its source article at its recorded offsets, and the seeds are byte-for-byte
//! the shared originals.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::model::Kind;

#[test]
fn every_statement_is_an_exact_slice_of_its_article() {
    let corpus = quoteline::seed_corpus();
    assert_eq!(corpus.articles.len(), quoteline::SEEDS.len());
    assert!(
        corpus.entries.len() >= 90,
        "only {} statements",
        corpus.entries.len()
    );
    for e in &corpus.entries {
        let text = &corpus.articles[e.article].text;
        let s = &e.statement;
        assert!(
            s.span.start < s.span.end && s.span.end <= text.len(),
            "{}: bad span",
            e.id
        );
        assert!(
            text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end),
            "{}: not on a char boundary",
            e.id
        );
        let slice = &text[s.span.start..s.span.end];
        assert_eq!(corpus.text_of(e), slice);
        assert_eq!(
            e.id,
            format!(
                "{}@{}-{}",
                corpus.articles[e.article].name, s.span.start, s.span.end
            )
        );
        if s.kind != Kind::Indirect {
            // Quotes are the characters between the marks: a mark right outside on both sides.
            let before = text[..s.span.start].chars().next_back();
            assert!(
                before.is_some_and(|c| matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'')),
                "{}: no opening mark before {slice:?}",
                e.id
            );
        }
        for sp in [s.cue, s.evidence.mention, s.evidence.antecedent]
            .into_iter()
            .flatten()
        {
            assert!(
                sp.end <= text.len()
                    && text.is_char_boundary(sp.start)
                    && text.is_char_boundary(sp.end),
                "{}: bad cue/mention span",
                e.id
            );
        }
        assert!(
            s.sentence.contains(s.span),
            "{}: statement outside its sentence",
            e.id
        );
    }
}

#[test]
fn seeds_are_the_shared_originals() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&shared) else {
        // The shared folder exists only on the development machine; the embedded copies are then checked against seeds/.
        for s in quoteline::SEEDS {
            let on_disk = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("seeds")
                    .join(s.file),
            )
            .unwrap();
            assert_eq!(on_disk, s.text);
        }
        return;
    };
    let mut n = 0;
    for f in rd.filter_map(Result::ok) {
        let name = f.file_name().to_string_lossy().to_string();
        let embedded = quoteline::SEEDS
            .iter()
            .find(|s| s.file == name)
            .unwrap_or_else(|| panic!("{name} not embedded"));
        assert_eq!(
            std::fs::read(f.path()).unwrap(),
            embedded.text.as_bytes(),
            "{name} differs"
        );
        n += 1;
    }
    assert_eq!(n, quoteline::SEEDS.len());
}
