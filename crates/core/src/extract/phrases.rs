//! The phrases around a cue: the noun phrase right before it (its subject, past adverbs,
//! auxiliaries and one apposition) and the one right after it (an inverted subject:
//! `said Witkoff`), with a per-sentence memo of the subjects asked for.

use crate::extract::sent_index::{boundary_char, SentIndex, LIST_MARKERS, SHORT_SENTENCE};
use crate::extract::sentences::token_iter;
use crate::lexicon::Lexicon;
use crate::text::{self, in_lower_list, is_space, str_from, str_to, trim_span, with_lower, Span};

/// [`np_before`] for the cues of one sentence, each asked once: a strong cue's subject is
/// read for its speaker (`speaker.rs`) and again for its clause (`indirect.rs`).
/// It also holds the sentence's [`SentIndex`], built on first use.
/// One is made per article and [`BeforeMemo::reset`] for each sentence, so that the
/// buffers are reused.
#[derive(Default)]
pub struct BeforeMemo(
    std::cell::RefCell<crate::lexicon::HashMap<usize, NpBefore>>,
    std::cell::OnceCell<SentIndex>,
    /// The index of an earlier sentence, whose buffers the next index reuses.
    std::cell::RefCell<SentIndex>,
);

/// What [`np_before`] finds: the phrase, and whether it is a coordinated (shared) subject.
pub type NpBefore = Option<(Span, bool)>;

impl BeforeMemo {
    /// Forgets the sentence before: the next calls are about another one.
    pub fn reset(&mut self) {
        self.0.get_mut().clear();
        if let Some(ix) = self.1.take() {
            *self.2.get_mut() = ix;
        }
    }

    /// The sentence's index (`sent` is the same sentence at every call until `reset`), for
    /// a sentence longer than [`SHORT_SENTENCE`]; a shorter one is scanned directly.
    pub fn index(&self, text: &str, sent: Span) -> Option<&SentIndex> {
        if sent.len() <= SHORT_SENTENCE {
            return None;
        }
        Some(self.1.get_or_init(|| {
            let mut ix = self.2.take();
            ix.fill(text, sent);
            ix
        }))
    }

    pub fn np_before(&self, text: &str, sent: Span, pos: usize) -> Option<(Span, bool)> {
        if let Some(&r) = self.0.borrow().get(&pos) {
            return r;
        }
        let r = np_before(self.index(text, sent), text, sent, pos);
        self.0.borrow_mut().insert(pos, r);
        r
    }
}

/// The noun phrase right before `pos` in the sentence (the cue's subject), skipping adverbs,
/// auxiliaries and one apposition (`Witkoff, asked about ..., insisted`).
pub fn np_before(
    ix: Option<&SentIndex>,
    text: &str,
    sent: Span,
    pos: usize,
) -> Option<(Span, bool)> {
    let lex = Lexicon::get();
    let mut end = pos;
    // Skip adverbs and auxiliaries.
    loop {
        let seg = Span::new(sent.start, end)
            .of(text)
            .trim_end_matches(is_space);
        let last_word_start = seg
            .rfind(|c: char| is_space(c) || boundary_char(c))
            .map(|i| i + str_from(seg, i).chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let w = str_from(seg, last_word_start);
        if !w.is_empty() && in_lower_list(w, &lex.skip_before_cue) {
            end = sent.start + last_word_start;
        } else if let Some(start) = time_phrase_start(seg) {
            // "... but on Tuesday wrote", "Smith on Monday said": a date is no subject.
            end = sent.start + start;
        } else if let Some(open) = parenthetical_start(seg) {
            // "Sen. Jane Roe (D-Ore.) said": the bracket after the name is no part of it.
            end = sent.start + open;
        } else {
            end = sent.start + seg.len();
            break;
        }
    }
    let seg = Span::new(sent.start, end).of(text);
    let coordinated = with_lower(
        seg.rsplit(|c: char| is_space(c)).next().unwrap_or(""),
        |w| matches!(w, "and" | "but" | "then"),
    );
    if coordinated {
        return Some((Span::new(end, end), true));
    }
    let mut seg_end = seg.len();
    let trimmed = seg.trim_end_matches(is_space);
    if trimmed.ends_with(',') && !trimmed.ends_with(",”") && !trimmed.ends_with(",\"") {
        // Apposition: drop it and look before the comma that opens it.
        let inner = str_to(trimmed, trimmed.len() - 1);
        // The comma that opens the apposition is followed by a space (not "38,000"): the
        // last `", "` wholly inside `inner` (a prefix of the sentence).
        let comma = match ix {
            Some(ix) => {
                let inner_end = sent.start + inner.len();
                let k = ix.comma_spaces.partition_point(|&p| p + 2 <= inner_end);
                (k.checked_sub(1).and_then(|k| ix.comma_spaces.get(k))).map(|&c| c - sent.start)
            }
            None => inner.rfind(", "),
        };
        match comma {
            Some(c) => seg_end = c,
            None => return None,
        }
        // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": an age, a home town
        // and a state are appositions too, one after the other.
        for _ in 0..4 {
            let head = str_to(seg, seg_end);
            let Some(c) = head.rfind(", ") else { break };
            if !home_or_age(str_from(head, c + 2)) {
                break;
            }
            seg_end = c;
        }
    }
    let seg = str_to(seg, seg_end);
    // "European leaders including Macron, Starmer ... said": the head comes before "including".
    let mut seg = seg;
    // The first place of each marker in the sentence (see `SentIndex`). The first place in
    // `seg` (a prefix of the sentence, shorter once a list is cut) is the same one if it
    // still fits, else there is none.
    let firsts = match ix {
        Some(ix) => ix.markers.map(|m| m.map(|m| m - sent.start)),
        None => first_markers(seg, &LIST_MARKERS),
    };
    for (marker, first) in LIST_MARKERS.into_iter().zip(firsts) {
        if let Some(i) = first.filter(|&i| i + marker.len() <= seg.len()) {
            let list = str_from(seg, i + marker.len());
            let names_only = list
                .split(|c: char| is_space(c) || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    w.starts_with(char::is_uppercase)
                        || lex.is_title(w)
                        || matches!(w, "and" | "other" | "others" | "the")
                });
            if names_only {
                seg = str_to(seg, i);
            }
        }
    }
    // After the last boundary character of `seg` (a prefix of the sentence).
    let seg_end = sent.start + seg.len();
    let start = match ix {
        Some(ix) => (ix.boundaries)
            .get(..ix.boundaries.partition_point(|&(b, _)| b < seg_end))
            .and_then(<[(usize, usize)]>::last)
            .map_or(0, |&(_, e)| e - sent.start),
        // Every boundary character is ASCII or starts with the byte 0xE2 (`”“—–`), so
        // only those bytes are decoded.
        None => text::chars_from(seg, |b| b.is_ascii() || b == 0xE2)
            .rev()
            .find(|&(_, c)| boundary_char(c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0),
    };
    // "Officials who spoke with reporters said", "Westmacott, who will retire soon after
    // serving in Iran, praised": a subject relative clause is no subject; the phrase
    // before its pronoun is.
    let region = Span::new(sent.start + start, sent.start + seg.len());
    if let Some(head_end) = relative_head(text, region) {
        if let Some(r) = np_before(ix, text, sent, head_end) {
            return Some(r);
        }
    }
    // Also cut at a clause word ("... and Witkoff said" is handled above; "that X said"):
    // the last one after `start` that is not the phrase's last word. No boundary character
    // lies between `start` and the end of `seg`, so its whitespace-separated words are the
    // index's words, but for the last one, which `seg` may cut short and which never counts.
    let s = match ix {
        Some(ix) => (ix.clause_words)
            .get(..ix.clause_words.partition_point(|&(_, e)| e < seg_end))
            .and_then(<[(usize, usize)]>::last)
            .filter(|&&(b, _)| b >= sent.start + start)
            .map_or(start, |&(_, e)| e - sent.start),
        None => str_from(seg, start)
            .split_whitespace()
            .rev()
            .map(|w| (w, w.as_ptr() as usize - seg.as_ptr() as usize))
            .find(|&(w, off)| off + w.len() < seg.len() && in_lower_list(w, &lex.clause_words))
            .map_or(start, |(w, off)| off + w.len()),
    };
    let span = trim_span(text, Span::new(sent.start + s, sent.start + seg.len()));
    (!span.is_empty()).then_some((span, false))
}

/// Where a date that ends `seg` starts: a weekday or a month, with a part of the day
/// after it ("Monday night") and a preposition or "last"/"this" before it ("on Tuesday",
/// "last March").
fn time_phrase_start(seg: &str) -> Option<usize> {
    let lex = Lexicon::get();
    let mut words = seg
        .split(is_space)
        .rev()
        .filter(|w| !w.is_empty())
        .map(|w| (w, w.as_ptr() as usize - seg.as_ptr() as usize));
    // (Capitals first: most words before a cue, and the words before those, have none,
    // and skip the lists.)
    let capital = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    let (mut w, mut at) = words.next()?;
    if !capital(w) {
        let (day, k) = words.next()?;
        if !capital(day) || !in_lower_list(w, &lex.day_parts) {
            return None;
        }
        (w, at) = (day, k);
    }
    if !(in_lower_list(w, &lex.weekdays) || in_lower_list(w, &lex.months)) {
        return None;
    }
    match words.next() {
        Some((p, k))
            if in_lower_list(p, &lex.prepositions) || matches!(p, "last" | "this" | "next") =>
        {
            Some(k)
        }
        _ => Some(at),
    }
}

/// Where the phrase before a subject relative clause in `region` ends (a clause after a
/// boundary, the cue's subject), when one opens it: "who" before a verb (`officials who
/// spoke with ...`; not `the judge who he said`, see `subject.relative_objects`), "who'd",
/// or "that" or "which" before an auxiliary (`groups that have endorsed him`), or "whose"
/// whose clause has its own verb (`officials whose laws were struck down say`); not
/// otherwise "whose", whose phrase may be the cue's subject (`Trump, whose lawyers argued`).
/// The first such pronoun counts; one that opens `region` counts when a comma comes
/// right before it (`Westmacott, who ...`), and the phrase then ends at that comma.
fn relative_head(text: &str, region: Span) -> Option<usize> {
    let lex = Lexicon::get();
    let words = region.of(text);
    // (Most phrases hold no relative pronoun, in lower case as one opens a clause.)
    if !lex.relative_pronouns.iter().any(|r| words.contains(r)) {
        return None;
    }
    let mut it = words.split_whitespace().peekable();
    let mut prev_end: Option<usize> = None;
    while let Some(w) = it.next() {
        let at = region.start + (w.as_ptr() as usize - words.as_ptr() as usize);
        let next = it.peek().copied()?;
        let (base, contracted) = match w.find(['\'', '’']) {
            Some(i) => (str_to(w, i), true),
            None => (w, false),
        };
        // (A clause word after it that is no preposition opens the clause the cue is in:
        // "over who had the bill that Christie said" is Christie's, the relative clause done
        // before it; "officials who spoke after the meeting said" is the officials'.)
        let rest = str_from(words, at - region.start + w.len());
        let closed = || {
            rest.split_whitespace().skip(1).any(|r| {
                let r = r.trim_matches(',');
                in_lower_list(r, &lex.clause_words)
                    && !in_lower_list(r, &lex.prepositions)
                    && !in_lower_list(r, &lex.more_prepositions)
            })
        };
        if (with_lower(base, |b| subject_relative(b, contracted, next, lex))
            || (w == "whose" && whose_clause_done(rest, lex)))
            && !closed()
        {
            return match prev_end {
                Some(end) => Some(end),
                None => {
                    let before = str_to(text, region.start).trim_end_matches(is_space);
                    before.ends_with(',').then(|| before.len() - 1)
                }
            };
        }
        prev_end = Some(at + w.trim_end_matches(',').len());
    }
    None
}

/// Whether a "whose" clause has its own verb before the cue (`officials whose laws have
/// been struck down say`): an auxiliary with a word after it that is no adverb. Not
/// `Trump, whose lawyers (have) argued`, where the cue is the clause's verb.
fn whose_clause_done(rest: &str, lex: &Lexicon) -> bool {
    let mut words = rest.split_whitespace().skip(1);
    words
        .by_ref()
        .any(|r| with_lower(r, |r| lex.auxiliaries.contains(r)))
        && words.any(|r| {
            with_lower(r.trim_matches(','), |r| {
                !lex.auxiliaries.contains(r) && !in_lower_list(r, &lex.skip_before_cue)
            })
        })
}

/// Whether the relative pronoun `base` (lower case; `contracted`: "who'd"), followed by
/// the word `next`, opens a subject relative clause (see [`relative_head`]).
fn subject_relative(base: &str, contracted: bool, next: &str, lex: &Lexicon) -> bool {
    let next_lower = |f: &dyn Fn(&str) -> bool| with_lower(next, f);
    match base {
        "who" => {
            contracted
                || (next.starts_with(|c: char| c.is_lowercase())
                    && !next_lower(&|n| lex.relative_objects.contains(n)))
        }
        _ if lex.relative_pronouns.contains(base) => {
            !contracted && next_lower(&|n| lex.auxiliaries.contains(n))
        }
        _ => false,
    }
}

/// An apposition that gives a person's age or home (`30`, `of Raleigh`, `N.C.`, `Ohio`).
fn home_or_age(piece: &str) -> bool {
    let lex = Lexicon::get();
    let piece = piece.trim_matches(is_space);
    let words: Vec<&str> = piece.split_whitespace().collect();
    match words.as_slice() {
        [w] if w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()) => true,
        [of, rest @ ..] if *of == "of" && (1..=3).contains(&rest.len()) => {
            rest.iter().all(|w| w.starts_with(char::is_uppercase))
        }
        [_, ..] if words.len() <= 2 => words.iter().all(|w| {
            lex.places.contains(*w)
                || (w.len() <= 6
                    && w.ends_with('.')
                    && w.starts_with(|c: char| c.is_ascii_uppercase()))
        }),
        _ => false,
    }
}

/// Where a short bracketed remark that closes `seg` opens, when a word comes right before
/// it ("Jane Roe (D-Ore.)", "the chairman (a Democrat)"): the phrase before it is the
/// subject.
fn parenthetical_start(seg: &str) -> Option<usize> {
    let inner = seg.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let remark = str_from(inner, open + 1);
    let before = str_to(seg, open).trim_end_matches(is_space);
    let fits = remark.len() <= 100 && !remark.contains(['(', '“', '”', '"']);
    (fits && before.ends_with(|c: char| c.is_alphanumeric() || c == '.')).then_some(before.len())
}

/// `s.find(marker)` for each of `markers` (each starting with a space), in one pass tried
/// only at the spaces of `s`: much cheaper than setting up a substring search per marker.
fn first_markers<const N: usize>(s: &str, markers: &[&str; N]) -> [Option<usize>; N] {
    let mut first = [None; N];
    let bytes = s.as_bytes();
    for (i, b) in s.bytes().enumerate() {
        if b != b' ' {
            continue;
        }
        for (m, f) in markers.iter().zip(first.iter_mut()) {
            debug_assert!(m.starts_with(' ') && m.len() >= 2);
            // The byte after the space first, before comparing the whole marker.
            if f.is_none()
                && bytes.get(i + 1) == m.as_bytes().get(1)
                && str_from(s, i).starts_with(m)
            {
                *f = Some(i);
            }
        }
    }
    first
}

/// The noun phrase right after `pos`, up to the next boundary (`said Witkoff, standing ...`).
pub fn np_after(text: &str, sent: Span, pos: usize) -> Option<Span> {
    // Token by token, so that abbreviation dots (`Dr.`, `U.S.`) do not end the phrase; stop
    // at the first punctuation between tokens, or after ten words.
    // Read lazily: at most ten tokens, however long the rest of the sentence.
    let mut end = None;
    let mut prev_end = pos;
    for (k, t) in token_iter(text, Span::new(pos, sent.end)).enumerate() {
        let gap = Span::new(prev_end, t.span.start).of(text);
        if k > 0 && gap.chars().any(|c| !is_space(c)) {
            break;
        }
        if k == 0
            && gap
                .chars()
                .any(|c| boundary_char(c) || matches!(c, '.' | '!' | '?'))
        {
            return None;
        }
        // A relative clause ends the phrase ("a former U.S. official who oversaw ...").
        if k > 0 && matches!(t.text(text), "who" | "whose" | "which") {
            break;
        }
        end = Some(t.span.end);
        prev_end = t.span.end;
        if k == 9 {
            break;
        }
    }
    let span = trim_span(text, Span::new(pos, end?));
    (!span.is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn np_before_reads_the_index_as_it_reads_the_text() {
        let texts = [
            "x Officials including Ann Lee, who, as he said — but then; “so” ends",
            "European leaders including Macron, Starmer and others said that Witkoff, asked about it, insisted the plan, a jab, was fine",
            "He said that she told reporters the 38,000 troops such as the Guard, among them Smith, said and then left",
        ];
        for t in texts {
            let sent = Span::new(0, t.len());
            let ix = SentIndex::new(t, sent);
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(
                    np_before(Some(&ix), t, sent, pos),
                    np_before(None, t, sent, pos),
                    "{t:?} at {pos}"
                );
            }
        }
    }
}
