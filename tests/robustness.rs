//! Property test: the whole core on arbitrary input never panics and every offset it
//! returns lies on a char boundary inside the text; corpus files with any body behind a
//! valid header are refused or read with every span in bounds. Case count: PROPTEST_CASES (default
//! 2000 here; the README shows a million-case run).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quoteline::core::corpus::{ArticleMeta, Corpus, Input};

fn check(text: &str) {
    let c = Corpus::build(vec![Input {
        name: "x.txt",
        text,
        meta: ArticleMeta::default(),
    }]);
    for e in &c.entries {
        let s = &e.statement;
        for sp in [
            Some(s.span),
            s.cue,
            s.evidence.mention,
            s.evidence.antecedent,
            Some(s.sentence),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                sp.start <= sp.end && sp.end <= text.len(),
                "span out of range"
            );
            assert!(
                text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end),
                "span off a char boundary"
            );
        }
        assert!(!s.span.is_empty());
    }
    for d in &c.articles[0].diagnostics {
        if let Some(sp) = d.span {
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
    }
}

/// Text built from the pieces news text is made of, so the fuzzer reaches deep paths.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just(", adding that ".to_string()),
        Just(" he ".to_string()),
        Just(" told reporters ".to_string()),
        Just("President Jane Doe".to_string()),
        Just("U.S.".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("…".to_string()),
        Just(" — ".to_string()),
        Just("PARIS — ".to_string()),
        Just("(Reuters): ".to_string()),
        Just("WhatsApp\n".to_string()),
        Just("By Someone\n".to_string()),
        Just("the joint statement".to_string()),
        Just("officials familiar with the talks".to_string()),
        Just(":".to_string()),
        Just("é".to_string()),
        Just("\u{a0}".to_string()),
        "[a-zA-Z ]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) { check(&s); }
    #[test]
    fn newsy_strings_never_panic(s in newsy()) { check(&s); }
    /// The browser loader's path: arbitrary bytes as a .txt, .md or .html file, then the core.
    #[test]
    fn arbitrary_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in prop_oneof![Just("txt"), Just("md"), Just("html")]) {
        if let Ok(got) = quoteline::core::ingest::ingest(&format!("f.{ext}"), &bytes) {
            check(&got.text);
        }
    }
    /// A corpus file whose body is any bytes behind a valid header (a crafted file passes
    /// the checksum): refused with a reason, or read whole with every span in bounds.
    #[test]
    fn arbitrary_corpus_file_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..600)) {
        use quoteline::core::pack;
        let mut file = format!("{} {} {:016x} {}\n", pack::FORMAT, pack::VERSION, pack::checksum(&body), body.len()).into_bytes();
        file.extend_from_slice(&body);
        let names = quoteline::core::topics::names();
        match pack::decode(&file, &names) {
            Err(e) => prop_assert!(!e.is_empty()),
            Ok(p) => {
                for e in &p.corpus.entries {
                    prop_assert!(p.corpus.articles[e.article].text.get(e.statement.span.start..e.statement.span.end).is_some());
                }
            }
        }
    }
    /// The recorded corpus file with a few bytes of its body changed, behind a valid
    /// header: this reaches the consistency check with plausible but wrong offsets.
    #[test]
    fn damaged_corpus_files_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..5)) {
        use quoteline::core::pack;
        let fixture: &[u8] = include_bytes!("pack/fixture.qlc");
        let nl = fixture.iter().position(|&b| b == b'\n').unwrap();
        let mut body = fixture[nl + 1..].to_vec();
        for (at, b) in &edits {
            let i = at.index(body.len());
            body[i] = *b;
        }
        let mut file = format!("{} {} {:016x} {}\n", pack::FORMAT, pack::VERSION, pack::checksum(&body), body.len()).into_bytes();
        file.extend_from_slice(&body);
        let names = quoteline::core::topics::names();
        if let Ok(p) = pack::decode(&file, &names) {
            for e in &p.corpus.entries {
                let t = &p.corpus.articles[e.article].text;
                prop_assert!(t.get(e.statement.span.start..e.statement.span.end).is_some());
                prop_assert!(e.speaker < p.corpus.speakers.len());
            }
        }
    }
    #[test]
    fn htmlish_strings_never_panic(s in htmlish()) {
        let (text, _) = quoteline::core::ingest::html_to_text(&s);
        check(&text);
    }
}

/// HTML-like text: tags, attributes, entities, quotes and words.
fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()),
        Just("<a href='javascript:x'>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("&amp;".to_string()),
        Just("&#x201c;".to_string()),
        Just("&".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("“We are ready,” said Jane Doe.".to_string()),
        "[a-zA-Z ]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

#[test]
fn big_and_odd_inputs() {
    // Lossily decoded binary, a very long line, only quote marks, unbalanced marks.
    let bin: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    check(&String::from_utf8_lossy(&bin));
    check(&"He said “yes, ".repeat(20_000));
    check(&"“”\"'’‘".repeat(5000));
    check(&"Witkoff said the plan was ready. ".repeat(30_000));
    // Found by the million-case run: a dateline-like start whose separator is a bare em dash.
    check("ϒAA —!");
    check("AAA—x said it.");
    check("");
    // A 20 MB file of real news text (the seeds, over and over).
    let seeds: String = quoteline::SEEDS
        .iter()
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join("\n");
    let big = seeds.repeat(20_000_000 / seeds.len() + 1);
    assert!(big.len() >= 20_000_000);
    check(&big);
}
