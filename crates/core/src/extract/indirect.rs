//! Reported speech: the clause a strong cue reports (`X said (that) CLAUSE`, `CLAUSE, X
//! said`, `according to X, CLAUSE`), cut where a later cue, a clause stop or a reporter's
//! own tail begins, as an indirect statement of the cue's speaker; and, first, a line's
//! speaker label (`Name: claim`, `colon.rs`).

use crate::extract::colon::label_statement;
use crate::extract::context::{inside_any, Found, Sentence};
use crate::extract::cues::{Act, Cue};
use crate::extract::quotes::Quote;
use crate::extract::sent_index::CLAUSE_STOPS;
use crate::extract::sentences::{token_iter, Token};
use crate::extract::speaker::{make, Attribution, Speakers, Who};
use crate::extract::unnamed::{named_by_phrase, names_people, unnamed_speaker};
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
    label_statement(s, speakers, found);
    for (ci, (cue, who)) in att.cues.iter().zip(&att.whos).enumerate() {
        let strong = cue.strength == CueStrength::Strong;
        if !strong && cue.act == Act::Clause {
            continue;
        }
        // A speaker the speaker stage could not name ("Most of them said ...", "those
        // surveyed say ...") is named by its own words.
        let named;
        let shared = (!who.known())
            .then(|| unnamed_speaker(s, att, cue, speakers))
            .flatten();
        let by_phrase = !who.known() && shared.is_none();
        let who = if let Some(w) = shared {
            named = w;
            &named
        } else if !by_phrase {
            who
        } else {
            // A weak act's speaker named by a phrase must be people ("Some Republicans
            // criticized the plan", "his critics denounced him"), not any noun.
            match named_by_phrase(s, cue).filter(|w| strong || names_people(&w.name)) {
                Some(w) => {
                    named = w;
                    &named
                }
                None => continue,
            }
        };
        let clause = if strong {
            indirect_clause(s, &att.cues, ci, who).or_else(|| {
                (!by_phrase)
                    .then(|| act_content(s, &att.cues, ci))
                    .flatten()
            })
        } else {
            act_content(s, &att.cues, ci)
        };
        let Some(clause) = clause else {
            continue;
        };
        if !found.seen_spans.insert(clause) {
            continue;
        }
        if !by_phrase {
            speakers.sal.last_speaker = Some((who.clone(), s.block));
        }
        found
            .statements
            .push(make(Kind::Indirect, clause, Some(cue.span), who, s.span));
    }
}

/// The content of a speech act that may take a noun phrase or an infinitive: what follows
/// its verb (past a particle: "called for", "warned of") up to the clause's end
/// ("endorsed Cruz last week", "declined to comment", "urged voters to turn out").
fn act_content(s: &Sentence, cues: &[Cue], ci: usize) -> Option<Span> {
    let (text, toks) = (s.text, s.toks);
    let lex = Lexicon::get();
    let cue = cues.get(ci)?;
    if cue.act == Act::Clause || cue.according {
        return None;
    }
    // A time phrase right before a "to" or "that" is passed over: "vowed Tuesday to
    // remain", "promised on Monday to build".
    let base = cue.tok + 1 + time_before_to(s, cue.tok + 1);
    let first = toks.get(base)?;
    let before_first = (base > cue.tok + 1)
        .then(|| toks.get(base - 1).map(|t| t.span.end))
        .flatten()
        .unwrap_or(cue.span.end);
    let gap = Span::new(before_first, first.span.start).of(text);
    if !gap.chars().all(is_space) {
        return None;
    }
    let w = first.text(text);
    // The token after the particles that belong to the verb ("called for", "spoke out
    // against", "agreed that"), when only spaces part them.
    let after_particles = || {
        let mut k = base;
        let mut prev = first;
        while let Some(t) = toks.get(k).filter(|t| {
            let w = t.text(s.text);
            k <= base + 1
                && (in_lower_list(w, &lex.act_particles)
                    || lex.about_particles.contains(&w)
                    || w == "that")
        }) {
            prev = t;
            k += 1;
        }
        let next = toks.get(k)?;
        Span::new(prev.span.end, next.span.start)
            .of(text)
            .chars()
            .all(is_space)
            .then_some(next.span.start)
    };
    // "asked him whether ...", "asked about the plan": a question's words, not the person
    // asked ("asked him", "asked Trump").
    let question = if lex.act_question.contains(&cue.lemma) {
        let q = toks
            .get(cue.tok + 1..)
            .unwrap_or_default()
            .iter()
            .take(5)
            .take_while(|t| !inside_any(t.span.start, s.quotes))
            .find(|t| in_lower_list(t.text(text), &lex.question_words))?;
        if Span::new(cue.span.end, q.span.start)
            .of(text)
            .contains([',', ';', '“', '"', '('])
        {
            return None;
        }
        Some(q.span.start)
    } else {
        None
    };
    let start = if let Some(q) = question {
        q
    } else if cue.act == Act::To {
        match w {
            "to" => first.span.start,
            "that" => after_particles()?,
            _ => return None,
        }
    } else if cue.act == Act::About
        || in_lower_list(w, &lex.act_particles)
        || lex.about_particles.contains(&w)
        || w == "that"
    {
        after_particles()?
    } else if opens_phrase(&w.to_lowercase())
        || ends_venue(w)
        || !w.starts_with(char::is_alphanumeric)
    {
        // "criticized in a statement", "endorsed by": no content right after the verb.
        return None;
    } else {
        first.span.start
    };
    // "the Paris attacks have ...": a noun, whose "content" opens with a verb.
    if cue.span.of(text).ends_with('s')
        && token_iter(text, Span::new(start, s.span.end))
            .next()
            .is_some_and(|t| in_lower_list(t.text(text), &lex.auxiliaries))
    {
        return None;
    }
    let end = clause_end(s, cues.get(ci + 1..).unwrap_or(&[]), start);
    let sp = trim_span(text, Span::new(start, end.max(start)));
    let t = sp.of(text).trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '—' | '–' | '?' | '!') || is_space(c)
    });
    let sp = Span::new(sp.start, sp.start + t.len());
    let outside = token_iter(text, sp).any(|t| !inside_any(t.span.start, s.quotes));
    (outside && t.chars().any(char::is_alphanumeric)).then_some(sp)
}

/// The reported clause of a strong cue, if it has one.
fn indirect_clause(s: &Sentence, cues: &[Cue], ci: usize, who: &Who) -> Option<Span> {
    let rule = who.rule;
    let cue = cues.get(ci)?;
    let later = cues.get(ci + 1..).unwrap_or(&[]);
    if cue.according {
        return according_clause(s, cue, later);
    }
    // Pattern A: the complement follows the cue.
    // After a quotation (`“...,” Trump said Wednesday on ABC`) the words after the cue
    // are a time or a place, not a clause, unless "that" opens them.
    let that_only = Lexicon::get().that_only.contains(&cue.lemma) || after_quotation(s, cue);
    // (Not the speaker's own name after the cue: `..., said Jo Hart, a pollster`.)
    let after_cue = |st: usize| {
        Span::new(cue.span.end, st)
            .of(s.text)
            .split_whitespace()
            .last()
    };
    if let Some(start) = complement_start(s, cue, rule).filter(|&st| {
        (!that_only || after_cue(st) == Some("that"))
            && !who
                .mention
                .is_some_and(|m| m.start >= cue.span.end && m.start <= st && st < m.end.max(st + 1))
    }) {
        let end = clause_end(s, later, start);
        if end > start {
            return finish(s, start, end);
        }
    }
    // Pattern B: "CLAUSE, X said." — the cue closes the sentence. (Not a participle's:
    // what comes before "..., saying" is the speaker's own act, not what was said.)
    if cue.participle {
        return None;
    }
    clause_before(s, cue, later, who)
}

/// Whether the cue's subject (or the cue) comes right after a quotation that ends in a
/// comma or a mark (`“...,” Trump said`).
fn after_quotation(s: &Sentence, cue: &Cue) -> bool {
    let (text, sent) = (s.text, s.span);
    let subj_start = s
        .before
        .np_before(text, sent, cue.span.start)
        .map_or(cue.span.start, |(sp, _)| sp.start.min(cue.span.start));
    let lead = Span::new(sent.start, subj_start)
        .of(text)
        .trim_end_matches(is_space);
    [",”", ",\"", "?”", "?\"", "!”", "!\""]
        .iter()
        .any(|e| lead.ends_with(e))
}

/// A word that, right after a cue, opens a phrase rather than the reported clause: a
/// preposition (`said on Monday`) or a subordinator (`said while visiting`).
fn opens_phrase(w: &str) -> bool {
    let lex = Lexicon::get();
    lex.prepositions.contains(&w)
        || lex.more_prepositions.contains(&w)
        || lex.clause_prepositions.contains(&w)
}

/// How many tokens from `k` are a short time phrase ("Tuesday", "on Monday", "yesterday")
/// followed by "to" or "that", only spaces between them; 0 when there is none.
fn time_before_to(s: &Sentence, k: usize) -> usize {
    let (text, toks) = (s.text, s.toks);
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let n = match word(k) {
        "on" if is_time_word(word(k + 1)) => 2,
        w if is_time_word(w) && !w.starts_with(|c: char| c.is_ascii_digit()) => 1,
        _ => return 0,
    };
    let spaced = (k..k + n).all(|i| {
        let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
            return false;
        };
        Span::new(a.span.end, b.span.start)
            .of(text)
            .chars()
            .all(is_space)
    });
    if spaced && matches!(word(k + n), "to" | "that") {
        n
    } else {
        0
    }
}

/// A word of a time phrase right after a cue ("said Tuesday", "said late last week").
fn is_time_word(w: &str) -> bool {
    let lex = Lexicon::get();
    in_lower_list(w, &lex.weekdays)
        || in_lower_list(w, &lex.months)
        || in_lower_list(w, &lex.time_words)
        || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
}

/// A noun that ends a short time or venue phrase after a cue ("said on Monday", "said in
/// a statement").
fn ends_venue(w: &str) -> bool {
    let lex = Lexicon::get();
    in_lower_list(w, &lex.weekdays)
        || in_lower_list(w, &lex.months)
        || in_lower_list(w, &lex.venue_words)
}

/// Where the clause that starts at `from` ends: where a later cue (`later`) starts another
/// statement, at a clause stop, or before a reporter's participial tail or a final
/// appositive comment.
fn clause_end(s: &Sentence, later: &[Cue], from: usize) -> usize {
    let (text, sent, quotes) = (s.text, s.span, s.quotes);
    let lex = Lexicon::get();
    // Where a later cue starts another statement, this clause ends: the first later cue
    // that cuts it (one that does not, `to defend Ukraine`, lets a later one cut,
    // `..., calling them “...”`).
    let mut end = sent.end;
    for nc in later.iter().filter(|c| c.span.start > from) {
        let ns = nc.span.start;
        let before = Span::new(from, ns).of(text).trim_end_matches(is_space);
        let cut_word = last_word_among(before, &["and", "but", "while", "then"]);
        if nc.participle && before.ends_with(',') {
            end = from + before.len() - 1;
        } else if let Some(cw) = cut_word {
            end = from + cw;
        } else if let Some(cw) = own_subject_cut(s, nc, from) {
            end = cw;
        } else if nc.according || nc.participle {
            end = from + before.len();
        } else if let Some(comma) = (nc.strength == CueStrength::Strong || nc.act == Act::Clause)
            .then(|| before.rfind(','))
            .flatten()
        {
            // "A said X, B said Y": cut at the comma before the next speaker.
            end = from + comma;
        } else {
            continue;
        }
        break;
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

/// Where a later cue `nc` with a subject of its own, coordinated after the clause that
/// starts at `from`, cuts that clause: at the `and`, `but`, `while` or comma before the
/// subject ("X said A and others have said B", "Ryan saying A and Trump calling it B",
/// "McCain supported it and Cruz, as he has before, opposed the measure"). None when the
/// later cue's subject is shared ("said A and then said B": the cut-word rule) or is no
/// short phrase of its own.
fn own_subject_cut(s: &Sentence, nc: &Cue, from: usize) -> Option<usize> {
    let text = s.text;
    let (sp, false) = s.before.np_before(text, s.span, nc.span.start)? else {
        return None;
    };
    let phrase = sp.of(text);
    // The subject as np_before reads it may run back over the conjunction, or (past an
    // apposition) over this whole clause: its last coordinated part is the new subject.
    let opening = ["and ", "but "]
        .iter()
        .find(|w| phrase.starts_with(*w))
        .map(|w| (0, w.len()));
    let inner = [" and ", " but "]
        .iter()
        .filter_map(|w| phrase.rfind(w).map(|i| (i, w.len())))
        .max()
        .filter(|&(i, _)| sp.start < from && sp.start + i >= from);
    let (cut, subject) = match opening.or(inner) {
        Some((i, n)) => (sp.start + i, Span::new(sp.start + i + n, sp.end)),
        None if sp.start > from => {
            let gap = Span::new(from, sp.start)
                .of(text)
                .trim_end_matches(is_space);
            match last_word_among(gap, &["and", "but", "while"]) {
                Some(w) => (from + w, sp),
                None if gap.ends_with(',') && !inside_any(from + gap.len() - 1, s.quotes) => {
                    (from + gap.len() - 1, sp)
                }
                None => return None,
            }
        }
        _ => return None,
    };
    let words = subject.of(text).split_whitespace().count();
    ((1..=4).contains(&words) && !inside_any(subject.start, s.quotes)).then_some(cut)
}

/// Where `s` (trimmed of final spaces) ends in one of `words` standing alone, after a space:
/// that word's start.
fn last_word_among(s: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find(|w| s.ends_with(*w) && str_to(s, s.len() - w.len()).ends_with(is_space))
        .map(|w| s.len() - w.len())
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
fn according_clause(s: &Sentence, cue: &Cue, later: &[Cue]) -> Option<Span> {
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
            clause_end(s, later, cue.span.end + comma + 1),
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
                || (k == 1
                    && first
                        .as_deref()
                        .is_some_and(|w| lex.cue_particles.contains(&w)))
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
                ends_venue(t.text(text))
                    || is_time_word(t.text(text))
                    || t.text(text).chars().all(|c| c.is_ascii_digit())
            })
            .and_then(|k| {
                let (cur, next) = (after_toks.get(k)?, after_toks.get(k + 1)?);
                let gap = Span::new(cur.span.end, next.span.start).of(text);
                // (Not before a second phrase: "said in an interview with ...".)
                (!gap.contains(['“', '"', ':', ',', '.'])
                    && next.text(text) != "that"
                    && !opens_phrase(&next.text(text).to_lowercase()))
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
                .take(8)
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
    } else if let Some(k) = first.as_deref().filter(|w| is_time_word(w)).map(|_| {
        after_toks
            .iter()
            .take_while(|t| is_time_word(t.text(text)))
            .count()
    }) {
        // "said Tuesday the plan ...", "said Tuesday that ..."; not "said Tuesday in Paris".
        let (last, next) = (after_toks.get(k.checked_sub(1)?)?, after_toks.get(k)?);
        let gap = Span::new(last.span.end, next.span.start).of(text);
        let nw = next.text(text).to_lowercase();
        if !gap.chars().all(is_space) || opens_phrase(&nw) || k > 4 {
            None
        } else if nw == "that" {
            Some(next.span.end)
        } else {
            Some(next.span.start)
        }
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
fn clause_before(s: &Sentence, cue: &Cue, later: &[Cue], who: &Who) -> Option<Span> {
    let (text, sent, quotes) = (s.text, s.span, s.quotes);
    let tail = Span::new(cue.span.end, sent.end)
        .of(text)
        .trim_matches(|c: char| is_space(c) || matches!(c, '.' | '!' | '?'));
    // Words of the tail, counted up to 15 (no test below looks further: each asks for at
    // most 14), so that a long sentence is not walked to its end for every cue.
    let tail_words = tail.split_whitespace().take(15).count();
    // (A speaker named after the cue, `..., said Ana Ortiz`, leaves no subject before it.)
    let inverted = who.mention.is_some_and(|m| m.start >= cue.span.end);
    let subj = (!inverted)
        .then(|| s.before.np_before(text, sent, cue.span.start))
        .flatten()
        .map(|(sp, _)| sp);
    let subj_start = subj.map(|s| s.start).unwrap_or(cue.span.start);
    let lead = Span::new(sent.start, subj_start)
        .of(text)
        .trim_end_matches(is_space);
    // (Not `X, noting ..., said, “...”`: a lead that names the speaker is no content.)
    let names_speaker = who
        .mention
        .is_some_and(|m| m.start >= sent.start && m.end <= sent.start + lead.len());
    let parenthetical = lead.ends_with(',')
        && !names_speaker
        && str_from(text, cue.span.end).trim_start().starts_with(',');
    // (The word counts first: they bound the tail that `contains` then reads.)
    let tail_ok = (tail_words <= 6
        || (tail_words <= 14 && lead.split_whitespace().nth(4).is_some()))
        && !tail.contains(" that ")
        && !tail.starts_with("that ");
    // "As the Post reported, CLAUSE": the clause follows.
    if lead.eq_ignore_ascii_case("as") {
        let after = str_from(text, cue.span.end);
        if after.trim_start().starts_with(',') {
            let from = cue.span.end + after.find(',')? + 1;
            return finish(s, from, clause_end(s, later, from));
        }
    }
    if lead.ends_with(',')
        && (tail_ok || parenthetical)
        && !lead.trim_end_matches(',').trim_end().ends_with(['”', '"'])
    {
        // "Rather, he said, ...": a one- or two-word lead is no clause; what follows is.
        if parenthetical && lead.split_whitespace().nth(2).is_none() {
            let from = cue.span.end + str_from(text, cue.span.end).find(',')? + 1;
            return finish(s, from, clause_end(s, later, from));
        }
        if parenthetical {
            // "A, he said, B": one slice must hold both halves.
            let end = clause_end(s, later, cue.span.end);
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

#[cfg(test)]
mod tests;
