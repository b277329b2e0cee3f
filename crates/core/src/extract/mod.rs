//! Statement extraction: one article's text in, statements and diagnostics out. Pure and
//! total: any `&str` gives a result, offsets always on char boundaries of the input.
//!
//! This file is the pipeline and only that. Each stage is a file, and every import points
//! back along the flow (no stage imports a later one; what several share is in
//! `context.rs`):
//!
//! `&str` → `Layout` → `Sentence` → `Cue` → `Who` → `Statement` → one per attribution →
//! `Extraction`
//!
//! - [`layout`]: `&str → Layout`: boilerplate out, body blocks in;
//! - [`quotes`]: the quote spans of each body block;
//! - [`sentences`]: `Layout → Sentence`: quote-aware sentences and their tokens
//!   (`context.rs` holds what the later stages share about one sentence);
//! - `full_names.rs`: everyone the article names in full, before any sentence is read;
//! - `cues.rs`: `Sentence → Cue`: speech verbs and `according to`;
//! - `speaker.rs`: `Cue → Who`: each cue's speaker, from the phrases around the cue
//!   (`phrases.rs`, over the sentence index of `sent_index.rs`), the sentence's subject
//!   (`subject.rs`), noun phrases read as mentions ([`mention`]), the people registry
//!   ([`people`]) and salience;
//! - `direct.rs`: `Who → Statement` for quotes: direct and partial statements, quoted
//!   terms, multi-paragraph pieces;
//! - `indirect.rs`: `Who → Statement` for reported clauses;
//! - `merge.rs`: one statement per attribution: a clause takes the quoted fragments of
//!   its speaker inside it, an interrupted or continued quote's pieces join, sorted;
//! - here: the statements with diagnostics and aliases, as an [`Extraction`].

mod colon;
mod context;
mod cues;
mod direct;
mod document;
mod full_names;
mod indirect;
mod inverted;
pub mod layout;
pub mod mention;
mod merge;
pub mod people;
mod phrases;
pub mod quotes;
mod sent_index;
pub mod sentences;
mod speaker;
mod subject;
mod unnamed;

use crate::extract::context::{sentence_tokens, Found, NpMemo, Sentence};
use crate::extract::layout::Layout;
use crate::extract::phrases::BeforeMemo;
use crate::extract::quotes::{find_quotes, Quote};
use crate::extract::sentences::{tokens, Token};
use crate::extract::speaker::{attribute, Speakers, Who};
use crate::lexicon::HashSet;
use crate::model::*;
use crate::text::{is_space, Span};
use serde::{Deserialize, Serialize};

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    pub diagnostics: Vec<Diagnostic>,
    pub layout: Layout,
    pub aliases: Vec<AliasNote>,
}

/// Extracts every statement of one article.
pub fn extract(text: &str) -> Extraction {
    let layout = layout::layout(text);
    let body: Vec<Span> = layout.body().map(|b| b.span).collect();
    let mut found = Found {
        diagnostics: text_diagnostics(text, &body),
        // (About a statement per 500 bytes of news: sized so the set does not rehash.)
        seen_spans: HashSet::with_capacity_and_hasher(text.len() / 500, Default::default()),
        ..Found::default()
    };
    let mut issues = Vec::new();
    let quotes = find_quotes(text, &body, &mut issues);
    for issue in issues {
        found.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: Some(issue.at),
            message: issue.message.into(),
        });
    }

    // Each body block is tokenised once: the pre-pass reads the block's tokens and every
    // sentence reads its own run of them (see `sentence_tokens`).
    let block_toks: Vec<Vec<Token>> = body.iter().map(|b| tokens(text, *b)).collect();

    // Pre-pass: everyone the article names in full, so a later surname resolves to them.
    let nps = NpMemo::for_article(text.len());
    let mut speakers = Speakers {
        people: full_names::named_in_full(text, &block_toks, &quotes, &nps),
        ..Speakers::default()
    };
    // Per-sentence memo and index of `np_before` and the clause ends, reset for each sentence.
    let mut subjects_before = BeforeMemo::default();

    for (bi, block) in body.iter().enumerate() {
        // (`quotes` and `block_toks` have an entry per body block.)
        let (Some(bq), Some(btoks)) = (quotes.get(bi), block_toks.get(bi)) else {
            continue;
        };
        let protected: Vec<Span> = bq.iter().map(|q| q.outer).collect();
        let sents = sentences::sentences(text, *block, &protected);
        let mut prev_sentence: Option<(Span, Option<Who>)> = None;
        for sent in sents {
            let first_q = bq.partition_point(|q| q.outer.start < sent.start);
            let sq: Vec<Quote> = (bq.iter().skip(first_q))
                .take_while(|q| q.outer.start < sent.end)
                .copied()
                .collect();
            subjects_before.reset();
            let s = Sentence {
                text,
                span: sent,
                toks: sentence_tokens(btoks, sent),
                quotes: &sq,
                block: bi,
                nps: &nps,
                before: &subjects_before,
            };
            let att = attribute(&s, &mut speakers);
            direct::quote_statements(&s, &att, prev_sentence.as_ref(), &mut speakers, &mut found);
            indirect::indirect_statements(&s, &att, &mut speakers, &mut found);
            prev_sentence = Some((sent, att.who));
        }
    }
    let Found {
        statements,
        diagnostics,
        ..
    } = found;
    let statements = merge::one_per_attribution(text, statements);
    let aliases = speakers
        .people
        .entries
        .iter()
        .flat_map(|e| {
            e.aliases.iter().map(|(a, r)| AliasNote {
                speaker: e.full.clone(),
                alias: a.clone(),
                reason: r.clone(),
            })
        })
        .collect();
    Extraction {
        statements,
        diagnostics,
        layout,
        aliases,
    }
}

/// The stages' table tests: `got`, what a stage made of `input` as one line each, holds
/// `expect` ("" for: nothing at all).
#[cfg(test)]
fn assert_yields(input: &str, got: &[String], expect: &str) {
    if expect.is_empty() {
        assert!(got.is_empty(), "{input:?} gave {got:?}");
    } else {
        assert!(
            got.iter().any(|g| g == expect),
            "{input:?}: want {expect:?}, got {got:?}"
        );
    }
}

/// A warning when the text is empty or has no article paragraphs.
fn text_diagnostics(text: &str, body: &[Span]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if text.trim_matches(is_space).is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: None,
            message: "the text is empty".into(),
        });
    } else if body.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: None,
            message: "no article paragraphs found (only headlines, boilerplate or short lines)"
                .into(),
        });
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(Kind, String, String)> {
        extract(t)
            .statements
            .iter()
            .map(|s| (s.kind, s.span.of(t).to_string(), s.speaker.clone()))
            .collect()
    }
    fn has(v: &[(Kind, String, String)], kind: Kind, text: &str, speaker: &str) -> bool {
        v.iter()
            .any(|(k, t, s)| *k == kind && t == text && s == speaker)
    }

    #[test]
    fn said_x_and_x_said() {
        let t = "Talks ended.\n“We are done,” said Jane Doe, standing nearby. “This is good,” she added.\n“Fine,” Doe said.";
        let v = run(t);
        assert!(has(&v, Kind::Direct, "We are done,", "Jane Doe"), "{v:?}");
        assert!(has(&v, Kind::Direct, "This is good,", "Jane Doe"), "{v:?}");
        assert!(has(&v, Kind::Direct, "Fine,", "Jane Doe"), "{v:?}");
    }

    #[test]
    fn reported_speech_and_according_to() {
        let t = "German Chancellor Friedrich Merz said Berlin was open to talks, telling reporters “we are not ruling anything out.”\nThe plan covers land and sea, according to the joint statement.";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Indirect,
                "Berlin was open to talks",
                "Friedrich Merz"
            ),
            "{v:?}"
        );
        assert!(
            v.iter().any(|(k, x, s)| *k != Kind::Indirect
                && x == "we are not ruling anything out."
                && s == "Friedrich Merz"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                Kind::Indirect,
                "The plan covers land and sea",
                "joint statement"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn pronoun_prefers_last_speaker_over_embedded_name() {
        let t = "Witkoff refused to comment, insisting that Trump “strongly stands behind the plan.”\n“We will be there,” he said.";
        let v = run(t);
        assert!(
            has(&v, Kind::Direct, "We will be there,", "Witkoff"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                Kind::Partial,
                "Trump “strongly stands behind the plan.”",
                "Witkoff"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn she_and_he_agree_with_the_person() {
        let t = "Anna Kowalski said the plan was good.\nDavid Novak said it was late.\n“It is ready,” she said. “It is not,” he said.";
        let v = run(t);
        assert!(
            has(&v, Kind::Direct, "It is ready,", "Anna Kowalski"),
            "{v:?}"
        );
        assert!(has(&v, Kind::Direct, "It is not,", "David Novak"), "{v:?}");
    }

    #[test]
    fn terms_are_not_statements() {
        let t = "Leaders of the so-called “coalition of the willing” met and backed a “Multinational Force for Ukraine” plan, officials said.";
        let v = run(t);
        assert!(!v.iter().any(|(k, ..)| *k != Kind::Indirect), "{v:?}");
    }

    #[test]
    fn apposition_and_telegram() {
        let t = "Ukrainian President Volodymyr Zelenskiy, writing on Telegram after the summit, described the outcome as “a signal of how seriously Europe is ready.”";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Partial,
                "the outcome as “a signal of how seriously Europe is ready.”",
                "Volodymyr Zelenskiy"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn continuation_without_cue() {
        let t = "“America is ready,” Zelensky said. “We believe documents are ready.”";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Direct,
                "America is ready,” Zelensky said. “We believe documents are ready.",
                "Zelensky"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn word_lists_are_in_the_lexicon() {
        let lex = crate::lexicon::Lexicon::get();
        for (name, list, lower) in [
            ("cue.skip_before", &lex.skip_before_cue, true),
            ("cue.passive", &lex.passive_before_cue, true),
            ("clause.words", &lex.clause_words, true),
            ("clause.prepositions", &lex.clause_prepositions, true),
            ("clause.venues", &lex.venue_words, true),
            ("clause.tail_participles", &lex.tail_participles, true),
            ("told.objects", &lex.told_objects, false),
            ("term.markers", &lex.term_markers, true),
            ("term.minor", &lex.term_minor_words, true),
            ("mention.determiners", &lex.np_determiners, true),
            ("mention.postmodifiers", &lex.body_postmodifiers, true),
            ("mention.particles", &lex.name_particles, true),
            ("mention.body_cuts", &lex.body_name_cuts, true),
            ("sentence.openers", &lex.sentence_openers, false),
        ] {
            assert!(!list.is_empty(), "extraction.txt has no [{name}]");
            // `in_lower_list` compares against them as lower-case words.
            if lower {
                assert!(
                    list.iter().all(|w| *w == w.to_lowercase()),
                    "[{name}] is lower case"
                );
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "“",
            "”",
            "\"\"\"",
            "said",
            "according to",
            ", said ,",
            "He said “",
            "\u{0}\u{ffff}“x” said",
            "A.\n\n\n“B\n“C",
        ] {
            let e = extract(t);
            for s in &e.statements {
                assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
            }
        }
    }
}
