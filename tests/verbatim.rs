//! Verbatim: over the whole embedded corpus, every statement, cue and mention is an exact
//! slice of its source article at its recorded offsets, and the seeds are byte-for-byte
//! the shared originals.
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::model::Kind;

#[test]
fn every_statement_is_an_exact_slice_of_its_article() {
    let corpus = quoteline::seed_corpus();
    assert_eq!(
        corpus.articles.len(),
        quoteline::built_seed_corpus().unwrap().articles.len()
    );
    assert!(
        corpus.entries.len() >= 70,
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
        // Quoted pieces are the characters between the marks: an opening mark right
        // before each; inside the statement, in order; none for indirect speech, at
        // least one for a quote.
        assert_eq!(s.kind == Kind::Indirect, s.quoted.is_empty(), "{}", e.id);
        let mut from = s.span.start;
        for q in &s.quoted {
            assert!(
                s.span.contains(*q) && q.start >= from && q.start < q.end,
                "{}: quoted piece {q:?} outside its statement or out of order",
                e.id
            );
            from = q.end;
            let before = text[..q.start].chars().next_back();
            assert!(
                before.is_some_and(|c| matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'')),
                "{}: no opening mark before {:?}",
                e.id,
                &text[q.start..q.end]
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

/// The embedded seeds (the texts inside the seed corpus file) are byte for byte the files
/// in `seeds/`, and those are the shared originals (`../shared/seeds`, on the development
/// machine only; said so when absent).
#[test]
fn seeds_are_the_shared_originals() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = quoteline::built_seed_corpus().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|f| f.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let embedded: Vec<&str> = built.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(embedded, names, "the embedded seeds are not seeds/*.txt");
    for a in &built.articles {
        let on_disk = std::fs::read(root.join("seeds").join(&a.name)).unwrap();
        assert_eq!(
            on_disk,
            a.text.as_bytes(),
            "seeds/{} differs from its embedded text",
            a.name
        );
    }
    let shared = root.join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&shared) else {
        eprintln!("../shared/seeds is absent: the embedded seeds were checked against seeds/ only");
        return;
    };
    let mut n = 0;
    for f in rd.filter_map(Result::ok) {
        let name = f.file_name().to_string_lossy().to_string();
        let a = built
            .articles
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} not embedded"));
        assert_eq!(
            std::fs::read(f.path()).unwrap(),
            a.text.as_bytes(),
            "{name} differs"
        );
        n += 1;
    }
    assert_eq!(n, built.articles.len());
}
