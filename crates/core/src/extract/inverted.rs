//! The speaker named after its cue (`..., said Ana Ortiz, a pollster`): whether the
//! phrase after an inverted verb of saying is its speaker, which it is only when that
//! phrase closes the clause (`said Ortiz has won` is a reported clause, not an inversion).

use crate::extract::context::Sentence;
use crate::extract::cues::{Act, Cue};
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::phrases::np_after;
use crate::lexicon::{CueStrength, Lexicon};
use crate::text::{in_lower_list, is_space, Span};

/// The named person right after an inverted cue that follows a comma (`..., said Ana
/// Ortiz.`, `..., said Ana Ortiz, an expert`, `..., said Ana Ortiz in an interview`):
/// the name, when only the clause's end, a comma or a preposition follows it.
pub fn closing_name_after(s: &Sentence, cue: &Cue) -> Option<Mention> {
    let text = s.text;
    let before = Span::new(s.span.start, cue.span.start)
        .of(text)
        .trim_end_matches(is_space);
    if !before.ends_with(',') || cue.act != Act::Clause || cue.strength != CueStrength::Strong {
        return None;
    }
    let after = np_after(text, s.span, cue.span.end)?;
    let m = s.np(after)?;
    if m.span.start != after.start
        || !matches!(&m.kind, MentionKind::Person { name, .. } if name.contains(' '))
    {
        return None;
    }
    closes_clause(s, m.span.end).then_some(m)
}

/// Whether the speaker's phrase ending at `end` closes its clause: the sentence's end, a
/// mark, a preposition or a day follows (`said Ana Ortiz.`, `said Ana Ortiz, a pollster`,
/// `said Ana Ortiz in a statement`, `said Ana Ortiz Tuesday`), not a verb (`said Ortiz
/// has won`: Ortiz opens the reported clause).
pub fn closes_clause(s: &Sentence, end: usize) -> bool {
    let rest = Span::new(end, s.span.end)
        .of(s.text)
        .trim_start_matches(is_space);
    let lex = Lexicon::get();
    rest.is_empty()
        || rest.starts_with([',', '.', ';', ':', '!', '?', ')', '—', '–', '-'])
        || rest.split_whitespace().next().is_some_and(|w| {
            (in_lower_list(w, &lex.prepositions) && w.starts_with(char::is_lowercase))
                || in_lower_list(w.trim_end_matches([',', '.']), &lex.weekdays)
                || in_lower_list(w.trim_end_matches([',', '.']), &lex.time_words)
        })
}
