//! Full names: the pre-pass that registers everyone an article names in full (`German
//! Chancellor Friedrich Merz`, two or more capitalised words or a name after a title),
//! before any sentence is read, so that a later surname (`Merz`) resolves to them.

use crate::extract::context::{inside_any, parse_np_in, NpMemo};
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::people::People;
use crate::extract::quotes::Quote;
use crate::extract::sentences::Token;
use crate::lexicon::Lexicon;
use crate::text::{is_space, with_lower, Span};

/// The people named in full in the body blocks (`block_toks` and `quotes` have an entry
/// per block), outside quotes.
pub fn named_in_full(
    text: &str,
    block_toks: &[Vec<Token>],
    quotes: &[Vec<Quote>],
    nps: &NpMemo,
) -> People {
    let lex = Lexicon::get();
    let mut people = People::default();
    for (toks, bq) in block_toks.iter().zip(quotes) {
        // (Read only once a run of two words or more asks for it.)
        let mut headline: Option<bool> = None;
        // Token `k`'s text and span ("" and an empty span past the last), and whether
        // only spaces lie between tokens `k - 1` and `k`.
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        let tok_span = |k: usize| toks.get(k).map_or(Span::default(), |t| t.span);
        let spaced = |k: usize| match (k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k)) {
            (Some(a), Some(b)) => Span::new(a.span.end, b.span.start)
                .of(text)
                .chars()
                .all(is_space),
            _ => false,
        };
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            let w = t.text(text);
            if w.starts_with(char::is_uppercase) && !inside_any(t.span.start, bq) {
                let s = i;
                while i < toks.len()
                    && word(i).starts_with(char::is_uppercase)
                    && !word(i).ends_with("’s")
                    && !word(i).ends_with("'s")
                {
                    i += 1;
                    // A name run never crosses punctuation ("Jared Kushner, President ...").
                    if i < toks.len() && !spaced(i) {
                        break;
                    }
                }
                let adjacent = i > s && i < toks.len() && spaced(i);
                let e = if adjacent
                    && (word(i).ends_with("’s") || word(i).ends_with("'s"))
                    && word(i).starts_with(char::is_uppercase)
                {
                    i + 1
                } else {
                    i
                };
                let role_start = (0..s)
                    .rev()
                    .take_while(|&j| lex.is_title(word(j)) || word(j).contains('.'))
                    .last()
                    .unwrap_or(s);
                // A title-case line ("Why Progressives Are Celebrating Hillary Clinton")
                // is no name: only the names in it that open with a known first name are.
                let title_case = e >= s + 2 && {
                    let h = *headline.get_or_insert_with(|| title_case_block(text, toks));
                    h || (e >= s + 3 && (s..e).any(|k| function_word(word(k))))
                };
                if title_case {
                    let run: Vec<&str> = (s..e).map(word).collect();
                    let names = title_case_names(&run);
                    for (a, b) in names {
                        let span = Span::new(tok_span(s + a).start, tok_span(s + b - 1).end);
                        register(&mut people, parse_np_in(nps, text, span, toks));
                    }
                    i = e.max(s + 1);
                    continue;
                }
                // Only a run of two or more capitalised words, or one after a title, can name
                // a person in full; single words resolve later against these.
                if e >= s + 2 || (e > s && role_start < s) {
                    let span = Span::new(tok_span(role_start).start, tok_span(e - 1).end);
                    let span = strip_possessive_span(text, span);
                    register(&mut people, parse_np_in(nps, text, span, toks));
                }
                i = e.max(s + 1);
            } else {
                i += 1;
            }
        }
    }
    people
}

/// A person named in full (two words or more, or with a role) registered.
fn register(people: &mut People, m: Option<Mention>) {
    if let Some(Mention {
        kind: MentionKind::Person { name, role },
        ..
    }) = m
    {
        if name.split_whitespace().count() >= 2 || !role.is_empty() {
            people.resolve(&name, &role);
        }
    }
}

/// Whether a block is a title-case line, a headline ("Conservative Icon Morton Blackwell
/// Endorses Ted Cruz."): five words or more of four bytes or more, nine in ten of them
/// capitalised.
fn title_case_block(text: &str, toks: &[Token]) -> bool {
    // (Prose gives up within a few words: more lower-case words than a tenth of the block.)
    let (mut long, mut lower) = (0usize, 0usize);
    for t in toks {
        let w = t.text(text);
        if w.len() < 4 || !w.starts_with(char::is_alphabetic) {
            continue;
        }
        long += 1;
        if !w.starts_with(char::is_uppercase) {
            lower += 1;
            if lower * 10 > toks.len() {
                return false;
            }
        }
    }
    long >= 5 && lower * 10 <= long
}

/// Whether a word is a function word (a stop word or preposition, in any case).
fn function_word(w: &str) -> bool {
    let lex = Lexicon::get();
    with_lower(w, |l| {
        lex.stop_words.contains(l)
            || lex.more_stop_words.contains(l)
            || lex.prepositions.contains(l)
            || lex.more_prepositions.contains(l)
    })
}

/// The names in a run of capitalised words that is a title-case line (a function word
/// capitalised in it, "Are", "And", "Between", or the run in a headline): each as the
/// words from a known first name to the next function word, at most three (word ranges
/// of `run`).
fn title_case_names(run: &[&str]) -> Vec<(usize, usize)> {
    let lex = Lexicon::get();
    let function = function_word;
    let mut names = Vec::new();
    let mut k = 0;
    while k < run.len() {
        let first = run
            .get(k)
            .is_some_and(|w| with_lower(w, |l| lex.genders.contains_key(l)));
        if !first {
            k += 1;
            continue;
        }
        let end = (k + 1..run.len().min(k + 3))
            .take_while(|&j| run.get(j).is_some_and(|w| !function(w)))
            .last()
            .map_or(k + 1, |j| j + 1);
        if end >= k + 2 {
            names.push((k, end));
        }
        k = end;
    }
    names
}

/// `span` without a final possessive `’s`.
fn strip_possessive_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    for suf in ["’s", "'s"] {
        if let Some(t) = s.strip_suffix(suf) {
            return Span::new(span.start, span.start + t.len());
        }
    }
    span
}
