//! Reported speech: the clause a strong cue reports (`X said (that) CLAUSE`, `CLAUSE, X
//! said`, `according to X, CLAUSE`), cut where a later cue, a clause stop or a reporter's
//! own tail begins, as an indirect statement of the cue's speaker.

use crate::extract::context::{inside_any, Found, Sentence};
use crate::extract::cues::Cue;
use crate::extract::quotes::Quote;
use crate::extract::sent_index::CLAUSE_STOPS;
use crate::extract::sentences::{token_iter, Token};
use crate::extract::speaker::{make, Attribution, Speakers};
use crate::lexicon::{CueStrength, Lexicon};
use crate::model::{Kind, Rule};
use crate::text::{in_lower_list, is_space, str_from, str_to, trim_span, Span};

/// The indirect statements of a sentence: the clause of each strong cue whose speaker is
/// known, unless that span is a statement already.
pub fn indirect_statements(
    s: &Sentence,
    att: &Attribution,
    speakers: &mut Speakers,
    found: &mut Found,
) {
    for (ci, (cue, who)) in att.cues.iter().zip(&att.whos).enumerate() {
        if cue.strength != CueStrength::Strong || !who.known() {
            continue;
        }
        let Some(clause) = indirect_clause(s, &att.cues, ci, who.rule) else {
            continue;
        };
        if !found.seen_spans.insert(clause) {
            continue;
        }
        speakers.sal.last_speaker = Some((who.clone(), s.block));
        found
            .statements
            .push(make(Kind::Indirect, clause, Some(cue.span), who, s.span));
    }
}

/// The reported clause of a strong cue, if it has one.
fn indirect_clause(s: &Sentence, cues: &[Cue], ci: usize, rule: Rule) -> Option<Span> {
    let cue = cues.get(ci)?;
    let next_cue = cues.get(ci + 1);
    if cue.according {
        return according_clause(s, cue, next_cue);
    }
    // Pattern A: the complement follows the cue.
    if let Some(start) = complement_start(s, cue, rule) {
        let end = clause_end(s, next_cue, start);
        if end > start {
            return finish(s, start, end);
        }
    }
    // Pattern B: "CLAUSE, X said." — the cue closes the sentence.
    clause_before(s, cue, next_cue)
}

/// A word that, right after a cue, opens a phrase rather than the reported clause: a
/// preposition (`said on Monday`) or a subordinator (`said while visiting`).
fn opens_phrase(w: &str) -> bool {
    let lex = Lexicon::get();
    lex.prepositions.contains(&w)
        || lex.more_prepositions.contains(&w)
        || lex.clause_prepositions.contains(&w)
}

/// A noun that ends a short time or venue phrase after a cue ("said on Monday", "said in
/// a statement").
fn ends_venue(w: &str) -> bool {
    let lex = Lexicon::get();
    in_lower_list(w, &lex.weekdays)
        || in_lower_list(w, &lex.months)
        || in_lower_list(w, &lex.venue_words)
}

/// Where the clause that starts at `from` ends: where the next cue starts another
/// statement, at a clause stop, or before a reporter's participial tail or a final
/// appositive comment.
fn clause_end(s: &Sentence, next_cue: Option<&Cue>, from: usize) -> usize {
    let (text, sent, quotes) = (s.text, s.span, s.quotes);
    let lex = Lexicon::get();
    // Where a later cue starts another statement, this clause ends.
    let mut end = sent.end;
    if let Some(nc) = next_cue.filter(|c| c.span.start > from) {
        let ns = nc.span.start;
        let before = Span::new(from, ns).of(text).trim_end_matches(is_space);
        let cut_word = ["and", "but", "while", "then"]
            .iter()
            .find(|w| {
                before.ends_with(*w) && str_to(before, before.len() - w.len()).ends_with(is_space)
            })
            .map(|w| before.len() - w.len());
        if nc.participle && before.ends_with(',') {
            end = from + before.len() - 1;
        } else if let Some(cw) = cut_word {
            end = from + cw;
        } else if nc.according || nc.participle {
            end = from + before.len();
        } else if let Some(comma) = before.rfind(',') {
            // "A said X, B said Y": cut at the comma before the next speaker.
            end = from + comma;
        }
    }
    // (In a long sentence the places of the stops and of ", " come from its index: `end`
    // may be the sentence's end, and every cue would scan to it.)
    let ix = s.before.index(text, sent);
    for (k, stop) in CLAUSE_STOPS.iter().enumerate() {
        let found = match ix {
            Some(ix) => ix.first_stop(k, from, end),
            None => Span::new(from, end).of(text).find(stop).map(|i| from + i),
        };
        if let Some(i) = found {
            end = i;
        }
    }
    // A reporter's participial tail: "..., sending its shares down 8%".
    let seg = Span::new(from, end).of(text);
    let seg_end = end;
    let indexed = ix.map(|ix| {
        (ix.comma_spaces.iter())
            .skip(ix.comma_spaces.partition_point(|&p| p < from))
            .take_while(move |&&p| p + 2 <= seg_end)
            .map(move |&p| p - from)
    });
    let scanned = ix
        .is_none()
        .then(|| seg.match_indices(", ").map(|(i, _)| i));
    let commas = indexed
        .into_iter()
        .flatten()
        .chain(scanned.into_iter().flatten());
    for i in commas {
        // The letters after the comma, as a slice (no new String per comma).
        let after = str_from(seg, i + 2);
        let word = str_to(
            after,
            after
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len()),
        );
        if lex.tail_participles.contains(&word) && !inside_any(from + i, quotes) {
            end = from + i;
            break;
        }
        // A sentence-final appositive comment: "..., a jab at larger rivals."
        let rest = str_from(seg, i + 2);
        if (rest.starts_with("a ") || rest.starts_with("an "))
            && !rest.contains(',')
            && str_to(seg, i).split_whitespace().nth(4).is_some()
            && !inside_any(from + i, quotes)
        {
            end = from + i;
            break;
        }
    }
    end
}

/// The clause `start..end`, trimmed of spaces, final punctuation and an opening "that",
/// if it has three words or more, some outside quotes.
fn finish(s: &Sentence, start: usize, end: usize) -> Option<Span> {
    let (text, quotes) = (s.text, s.quotes);
    let mut sp = trim_span(text, Span::new(start, end.max(start)));
    let s = sp.of(text);
    let t =
        s.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '—' | '–') || is_space(c));
    sp.end = sp.start + t.len();
    if let Some(rest) = sp.of(text).strip_prefix("that ") {
        sp.start = sp.end - rest.len();
    }
    let s = sp.of(text);
    // Words outside quotes: a clause that is only a quotation is the quotation's statement.
    // (The first such token settles it: tokens are read lazily, and `quotes` are sorted
    // and disjoint, so `inside_any` is a binary search.)
    let outside = token_iter(text, sp).any(|t| !inside_any(t.span.start, quotes));
    (outside && s.split_whitespace().nth(2).is_some()).then_some(sp)
}

/// The clause of `according to`: before it ("CLAUSE, according to X") or after the
/// comma that ends its phrase ("According to X, CLAUSE").
fn according_clause(s: &Sentence, cue: &Cue, next_cue: Option<&Cue>) -> Option<Span> {
    let (text, sent) = (s.text, s.span);
    let before = Span::new(sent.start, cue.span.start)
        .of(text)
        .trim_end_matches(is_space);
    if before.ends_with(',') {
        return finish(s, sent.start, sent.start + before.len() - 1);
    }
    if before.is_empty() {
        // "According to X, CLAUSE."
        let rest = Span::new(cue.span.end, sent.end).of(text);
        let comma = rest.find(',')?;
        return finish(
            s,
            cue.span.end + comma + 1,
            clause_end(s, next_cue, cue.span.end + comma + 1),
        );
    }
    None
}

/// Where the clause after a cue starts: after `that`, after a short time or venue phrase,
/// after the object of `told`, or right after the cue; `None` when no clause follows.
fn complement_start(s: &Sentence, cue: &Cue, rule: Rule) -> Option<usize> {
    let (text, sent, toks) = (s.text, s.span, s.toks);
    let lex = Lexicon::get();
    let after_toks: &[Token] = toks
        .get(toks.partition_point(|t| t.span.start < cue.span.end)..)
        .unwrap_or_default();
    let rest = Span::new(cue.span.end, sent.end)
        .of(text)
        .trim_start_matches(is_space);
    let rest_start = sent.end - rest.len();
    let first = after_toks.first().map(|t| t.text(text).to_lowercase());
    let tell_like = matches!(
        cue.span.of(text).to_lowercase().as_str(),
        "told" | "tell" | "tells" | "telling"
    );
    // "said that", "said on Tuesday that", "told reporters that", "warned Moscow that" — but not
    // "said the guarantees would reassure Ukrainians that ...", where `that` is inside the clause.
    let that_idx = after_toks
        .iter()
        .take(6)
        .position(|t| t.text(text) == "that")
        .filter(|&k| {
            let Some(tk) = after_toks.get(k) else {
                return false;
            };
            let gap = Span::new(cue.span.end, tk.span.start).of(text);
            let opener_ok = k == 0
                || first.as_deref().is_some_and(opens_phrase)
                || tell_like
                || (k <= 2
                    && after_toks.iter().take(k).all(|t| {
                        t.text(text).starts_with(char::is_uppercase)
                            || matches!(
                                t.text(text),
                                "him" | "her" | "them" | "us" | "me" | "reporters"
                            )
                    }));
            opener_ok && !gap.contains([',', '“', '"', '.'])
        });
    // "said on Monday it would ...", "said in a statement the plan ...": skip a short
    // time or venue phrase that sits between the cue and its clause.
    let after_phrase = if first.as_deref().is_some_and(opens_phrase) {
        after_toks
            .iter()
            .take(5)
            .position(|t| {
                ends_venue(t.text(text)) || t.text(text).chars().all(|c| c.is_ascii_digit())
            })
            .and_then(|k| {
                let (cur, next) = (after_toks.get(k)?, after_toks.get(k + 1)?);
                let gap = Span::new(cur.span.end, next.span.start).of(text);
                (!gap.contains(['“', '"', ':', ',']) && next.text(text) != "that")
                    .then_some(next.span.start)
            })
    } else {
        None
    };
    // "told the council he had ...": an object, then a clause opened by a subject pronoun.
    let tell_clause = tell_like
        .then(|| {
            after_toks
                .iter()
                .take(5)
                .skip(1)
                .find(|t| matches!(t.text(text), "he" | "she" | "they" | "it" | "we" | "I"))
                .map(|t| t.span.start)
        })
        .flatten()
        .filter(|&st| {
            !Span::new(cue.span.end, st)
                .of(text)
                .contains([',', '“', '"'])
        });
    if rule == Rule::SubjectAfterCue {
        None
    } else if let Some(k) = that_idx {
        after_toks.get(k).map(|t| t.span.end)
    } else if rest.is_empty() || rest.starts_with(['“', '"', ':', ',', '.', '‘', '(']) {
        None
    } else if let Some(st) = after_phrase {
        Some(st)
    } else if first.as_deref().is_some_and(opens_phrase) || (cue.participle && cue.tok == 0) {
        None
    } else if let Some(st) = tell_clause {
        Some(st)
    } else if tell_like
        && that_idx.is_none()
        && !after_toks
            .iter()
            .take(4)
            .any(|t| matches!(t.text(text), "reporters" | "journalists"))
    {
        None
    } else if tell_like {
        // "told reporters ..." without "that": the object first, then a clause only if one follows.
        let obj = after_toks
            .iter()
            .take(3)
            .position(|t| lex.told_objects.contains(&t.text(text)));
        obj.and_then(|k| after_toks.get(k + 1))
            .map(|t| t.span.start)
            .filter(|&s| !str_from(text, s).starts_with(['“', '"']))
    } else {
        Some(rest_start)
    }
}

/// Pattern B: the clause before the cue ("CLAUSE, X said."; "A, he said, B"; a clause
/// that wraps a partial quote).
fn clause_before(s: &Sentence, cue: &Cue, next_cue: Option<&Cue>) -> Option<Span> {
    let (text, sent, quotes) = (s.text, s.span, s.quotes);
    let tail = Span::new(cue.span.end, sent.end)
        .of(text)
        .trim_matches(|c: char| is_space(c) || matches!(c, '.' | '!' | '?'));
    // Words of the tail, counted up to 15 (no test below looks further: each asks for at
    // most 14), so that a long sentence is not walked to its end for every cue.
    let tail_words = tail.split_whitespace().take(15).count();
    let subj = s
        .before
        .np_before(text, sent, cue.span.start)
        .map(|(sp, _)| sp);
    let subj_start = subj.map(|s| s.start).unwrap_or(cue.span.start);
    let lead = Span::new(sent.start, subj_start)
        .of(text)
        .trim_end_matches(is_space);
    let parenthetical =
        lead.ends_with(',') && str_from(text, cue.span.end).trim_start().starts_with(',');
    // (The word counts first: they bound the tail that `contains` then reads.)
    let tail_ok = (tail_words <= 6
        || (tail_words <= 14 && lead.split_whitespace().nth(4).is_some()))
        && !tail.contains(" that ")
        && !tail.starts_with("that ");
    if lead.ends_with(',')
        && (tail_ok || parenthetical)
        && !lead.trim_end_matches(',').trim_end().ends_with(['”', '"'])
    {
        if parenthetical {
            // "A, he said, B": one slice must hold both halves.
            let end = clause_end(s, next_cue, cue.span.end);
            return finish(s, sent.start, end);
        }
        return finish(s, sent.start, sent.start + lead.len() - 1);
    }
    if lead.ends_with(",”") || lead.ends_with(",\"") {
        // A clause that wraps a partial quote: "Security guarantees are “the key ...,” Macron said."
        let q = (quotes.get(..quotes.partition_point(|q| q.outer.end <= subj_start)))
            .and_then(<[Quote]>::last)?;
        if Span::new(sent.start, q.outer.start)
            .of(text)
            .split_whitespace()
            .nth(1)
            .is_some()
            && tail_words <= 6
        {
            return finish(s, sent.start, q.outer.end);
        }
    }
    None
}
