//! The document that speaks by a verb of evidence ("as polls show ...", "a USA TODAY
//! analysis shows ..."): read from the cue's subject phrase when it names no person and no
//! body, so that the sentence's subject is not taken for the source instead.
use crate::extract::context::Sentence;
use crate::lexicon::Lexicon;
use crate::text::{in_lower_list, Span};

/// The document a verb of evidence's subject phrase `sp` names ("as polls" -> "polls",
/// "a USA TODAY analysis" -> the phrase), its span: its last document head, with the
/// names or the one modifier before it and their determiners.
pub fn document_subject(s: &Sentence, sp: Span) -> Option<Span> {
    let lex = Lexicon::get();
    let text = s.text;
    let toks = crate::extract::context::tokens_within(s.toks, sp);
    let h = toks
        .iter()
        .rposition(|t| in_lower_list(t.text(text), &lex.document_heads))?;
    // A word no document's phrase reaches back over: a subordinator, a preposition, a cue
    // or a word a comma follows.
    let stops = |k: usize| {
        toks.get(k).is_none_or(|t| {
            let w = t.text(text);
            in_lower_list(w, &lex.clause_words)
                || in_lower_list(w, &lex.prepositions)
                || in_lower_list(w, &lex.more_prepositions)
                || in_lower_list(w, &lex.participle_governors)
                || lex.cue(w).is_some()
                || toks
                    .get(k + 1)
                    .is_some_and(|n| Span::new(t.span.end, n.span.start).of(text).contains(','))
        })
    };
    let det = |k: usize| {
        toks.get(k)
            .is_some_and(|t| in_lower_list(t.text(text), &lex.np_determiners))
    };
    let open = |k: usize| k == 0 || stops(k - 1) || det(k - 1);
    // Names before the head ("Marquette Law School poll", "USA TODAY analysis"), or one
    // modifier that opens the phrase ("national polling", "recent polls"; not "cement
    // what polls"), then its determiners ("many other polls").
    let named = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.text(text)
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
    };
    let mut first = h;
    while first > 0 && h - first < 4 && !stops(first - 1) && named(first - 1) {
        first -= 1;
    }
    if first == h && h > 0 && !stops(h - 1) && !det(h - 1) && open(h - 1) {
        first = h - 1;
    }
    while first > 0 && h - first < 6 && !stops(first - 1) && det(first - 1) {
        first -= 1;
    }
    let last = h;
    let (a, b) = (toks.get(first)?, toks.get(last)?);
    Some(Span::new(a.span.start, b.span.end))
}
