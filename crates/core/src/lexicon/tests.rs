//! The lexicon's tests: every list parsed, and the sectioned reader.
use super::*;

#[test]
fn sections_read_words_in_order() {
    let src = "# a comment\n[a]\none two\nthree\n\n[b]\nfour\n[a]\nfive\n";
    assert_eq!(Sections::words(src).len(), 2);
    let mut words = Sections::words(src);
    assert_eq!(&*words.take("a"), ["one", "two", "three", "five"]);
    assert_eq!(&*words.take("b"), ["four"]);
    assert!(words.take("c").is_empty());
}

#[test]
fn the_calendar_and_function_words_are_complete() {
    let lex = Lexicon::get();
    assert_eq!(lex.months.len(), 12);
    assert_eq!(lex.months.first(), Some(&"january"));
    assert_eq!(lex.weekdays.len(), 7);
    assert_eq!(lex.weekdays.first(), Some(&"monday"));
    for (name, w) in [
        ("prepositions", &lex.prepositions),
        ("prepositions.more", &lex.more_prepositions),
        ("stop", &lex.stop_words),
        ("stop.more", &lex.more_stop_words),
    ] {
        assert!(!w.is_empty(), "function_words.txt has no [{name}]");
        assert!(
            w.iter().all(|x| *x == x.to_lowercase()),
            "[{name}] is lower case"
        );
    }
}

#[test]
fn parses_every_list() {
    let lex = Lexicon::get();
    assert_eq!(lex.cue("said").unwrap().lemma, "say");
    assert!(lex.cue("Adding").unwrap().participle);
    assert_eq!(lex.cue("described").unwrap().strength, CueStrength::Weak);
    // `cue` rules words out by their first two letters: exact for ASCII forms.
    assert!(lex.cues.keys().all(|f| f.is_ascii() && f.len() >= 2));
    // ... and by its first two and last bytes and its length: never a form itself.
    for f in lex.cues.keys() {
        assert!(
            lex.cue(f).is_some() && lex.cue(&f.to_uppercase()).is_some(),
            "{f}"
        );
    }
    assert_eq!(lex.cue("SAID").unwrap().lemma, "say");
    assert!(lex.cue("Macron").is_none() && lex.cue("x").is_none());
    assert!(lex.is_title("Prime Minister"));
    assert!(lex.title_max_words >= 2);
    // `is_title_start` rules phrases out by their first word: exact for ASCII titles.
    assert!(lex.titles.iter().all(|t| t.is_ascii()));
    assert!(lex.is_title_start("Prime") && !lex.is_title_start("Macron"));
    assert_eq!(
        lex.body_families.get("final statement").map(String::as_str),
        Some("joint statement")
    );
    assert!(lex.body_heads.contains("officials"));
    assert!(lex.boiler_lines.contains("whatsapp"));
    assert!(lex.abbreviations.contains("U.S."));
    assert!(lex.places.contains("Kyiv"));
    assert!(lex.nonnames.contains("Tuesday"));
    assert_eq!(
        lex.affiliation("French President").as_deref(),
        Some("France")
    );
    assert_eq!(
        lex.affiliation("U.S. envoy").as_deref(),
        Some("United States")
    );
    assert_eq!(
        lex.affiliation("South Korean Foreign Minister").as_deref(),
        Some("South Korea")
    );
    assert_eq!(lex.affiliation("son-in-law"), None);
    assert_eq!(lex.gender("Anna Kowalski", ""), Some(true));
    assert_eq!(lex.gender("Witkoff", ""), None);
    assert_eq!(lex.gender("Alex Smith", "spokeswoman"), Some(true));
    assert_eq!(lex.gender("Steve Witkoff", "U.S. envoy"), Some(false));
}

// Formats' and corpus word lists: their reader.
#[test]
fn lines_section_reads_one_entry_a_line() {
    let src = "# a comment\n[a]\none two\n  three  \n\n[b]\nfour five\n[a]\n# not an entry\nsix\n";
    let mut lines = Sections::lines(src);
    assert_eq!(&*lines.take("a"), ["one two", "three", "six"]);
    assert_eq!(&*lines.take("b"), ["four five"]);
    assert!(lines.take("c").is_empty());
    // The same file read as words splits the entries.
    assert_eq!(&*Sections::words(src).take("b"), ["four", "five"]);
}
