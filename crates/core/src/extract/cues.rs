//! Cues: the speech verbs of a sentence (`said`, `warned`, `adding`) and `according to`,
//! outside its quotes, skipping passives (`was announced`) and nouns (`the report`).

use crate::extract::context::{inside_any, Sentence};
use crate::lexicon::{CueStrength, Lexicon};
use crate::text::{in_lower_list, is_space, with_lower, Span};

/// A speech cue found in a sentence.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The verb (or `according to`).
    pub span: Span,
    pub strength: CueStrength,
    pub participle: bool,
    pub according: bool,
    /// Index of the token in the sentence.
    pub tok: usize,
}

/// Speech cues outside quotes, skipping passives (`was announced`) and nouns (`the report`).
pub fn find_cues(s: &Sentence) -> Vec<Cue> {
    let (text, sent, toks, quotes) = (s.text, s.span, s.toks, s.quotes);
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if inside_any(t.span.start, quotes) {
            continue;
        }
        let w = t.text(text);
        // Cheap pre-check: every cue form is 3–14 letters.
        if !(3..=14).contains(&w.len()) {
            continue;
        }
        if w.eq_ignore_ascii_case("according") {
            if let Some(to) = toks.get(i + 1).filter(|n| n.text(text) == "to") {
                out.push(Cue {
                    span: Span::new(t.span.start, to.span.end),
                    strength: CueStrength::Strong,
                    participle: false,
                    according: true,
                    tok: i,
                });
                continue;
            }
        }
        let Some(form) = lex.cue(w) else { continue };
        // The word before, compared in lower case without a new `String` per cue.
        let prev_tok = i.checked_sub(1).and_then(|p| toks.get(p));
        let prev = prev_tok.map(|p| p.text(text));
        let first = t.span.start == sent.start
            || Span::new(sent.start, t.span.start)
                .of(text)
                .trim_matches(|c: char| is_space(c) || c == '“' || c == '"')
                .is_empty();
        if w.starts_with(char::is_uppercase) && !(first && form.participle) {
            continue;
        }
        if prev.is_some_and(|p| in_lower_list(p, &lex.passive_before_cue)) {
            continue;
        }
        // "said" as an adjective or in "that said".
        if prev.is_some_and(|p| with_lower(p, |p| p == "that"))
            && w == "said"
            && prev_tok.is_some_and(|p| {
                Span::new(p.span.end, t.span.start)
                    .of(text)
                    .chars()
                    .all(is_space)
            })
            && toks
                .get(i + 1)
                .is_none_or(|n| n.span.start > t.span.end + 1)
        {
            continue;
        }
        out.push(Cue {
            span: t.span,
            strength: form.strength,
            participle: form.participle,
            according: false,
            tok: i,
        });
    }
    out
}
