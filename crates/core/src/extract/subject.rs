//! Subjects: the person or body named by the phrase that opens a sentence — what a later
//! pronoun points back to, and who speaks through a participle or a quote with no cue.

use crate::extract::context::{inside_any, Sentence};
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::people::People;
use crate::extract::sent_index::boundary_char;
use crate::extract::sentences::Token;
use crate::lexicon::Lexicon;
use crate::text::{in_lower_list, is_space, trim_span, with_lower, Span};

/// A person named by the phrase that opens a sentence, as [`subject_np`] reads it.
pub struct SubjectNp {
    pub name: String,
    pub role: String,
    pub span: Span,
    /// Whether the phrase ends in a possessive (`Donald Trump’s`): then it is no subject.
    pub possessive: bool,
}

/// The person named at the start of a sentence (its likely subject), if any, given what
/// [`subject_np`] read there. With `strict`, a lone capitalised word counts only when it
/// is a known surname (for pronoun salience); without, any name-like subject counts (for
/// a participle's subject).
pub fn sentence_subject(
    subject: Option<&SubjectNp>,
    people: &mut People,
    strict: bool,
) -> Option<(String, String, Span)> {
    let SubjectNp {
        name,
        role,
        span,
        possessive,
    } = subject?;
    // A full name, a titled name, or a surname already known: never a lone capitalised word
    // that merely starts the sentence ("Conditions in warmer seas ...").
    if !*possessive && (!strict || name.contains(' ') || !role.is_empty() || people.knows(name)) {
        let (full, role) = people.resolve(name, role);
        Some((full, role, *span))
    } else {
        None
    }
}

/// The person phrase at the start of a sentence, read without reference to the people
/// known so far (so one reading serves every use of the sentence's subject).
pub fn subject_np(sentence: &Sentence) -> Option<SubjectNp> {
    let (text, sent, toks, quotes) = (sentence.text, sentence.span, sentence.toks, sentence.quotes);
    let lex = Lexicon::get();
    // Skip an opening quote and an introductory phrase ("Speaking after the talks, ...").
    // Token `k`'s text and span ("" and an empty span past the last).
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let tok_span = |k: usize| toks.get(k).map_or(Span::default(), |t| t.span);
    let mut i = 0;
    while toks
        .get(i)
        .is_some_and(|t| inside_any(t.span.start, quotes))
    {
        i += 1;
    }
    // ("Former Gov. Ana Ruiz, for her part, ...": a modifier that opens the subject
    // itself is no introductory phrase.)
    // ("The Washington Post columnist Ruth Marcus ...": nor is a determiner before one.)
    // (A label, "A: Senator Hale ...", is neither: only a space may come between.)
    let opens_name = |k: usize| {
        with_lower(word(k), |w| {
            w == "former" || in_lower_list(w, &lex.np_determiners)
        }) && word(k + 1).starts_with(char::is_uppercase)
            && toks.get(k).zip(toks.get(k + 1)).is_some_and(|(a, b)| {
                Span::new(a.span.end, b.span.start.max(a.span.end))
                    .of(text)
                    .chars()
                    .all(char::is_whitespace)
            })
    };
    // "But Durbin, noting ..., said", "And then Trump went": a conjunction is a word or
    // two, not a phrase to a comma.
    let conjunction = |k: usize| {
        toks.get(k)
            .is_some_and(|t| in_lower_list(t.text(text), &lex.opening_conjunctions))
    };
    if conjunction(i) && word(i + 1).starts_with(char::is_uppercase) {
        i += 1;
    } else if conjunction(i) && conjunction(i + 1) && word(i + 2).starts_with(char::is_uppercase) {
        i += 2;
    }
    // "Meanwhile Rihanna, who ..., spoke": an adverb right before a name is one word, not
    // a phrase to a comma (a preposition is: "In Washington, Obama said"; so is a
    // participle, "Speaking Tuesday, ...", and a date, "Last Tuesday, ...").
    let lone_adverb = |k: usize| {
        let (w, next) = (word(k), word(k + 1));
        // (Cheapest first: most sentences open with a word before a lower-case one.)
        next.starts_with(char::is_uppercase)
            && !w.ends_with("ing")
            && !w.ends_with("ed")
            && lex.nonnames.contains(w)
            && !in_lower_list(w, &lex.prepositions)
            && lex.cue(w).is_none()
            && !in_lower_list(next, &lex.weekdays)
            && !in_lower_list(next, &lex.months)
            && Span::new(tok_span(k).end, tok_span(k + 1).start.max(tok_span(k).end))
                .of(text)
                .chars()
                .all(char::is_whitespace)
    };
    if lone_adverb(i) {
        i += 1;
    } else if let Some(t) = toks.get(i).filter(|t| {
        (lex.nonnames.contains(t.text(text)) && !opens_name(i)) || lex.cue(t.text(text)).is_some()
    }) {
        // Jump past the first comma.
        let comma = Span::new(t.span.start, sent.end).of(text).find(',')? + t.span.start;
        i = toks.iter().position(|t| t.span.start > comma)?;
    } else if let Some(after) = opening_modifier(sentence, i) {
        i = after;
    }
    let s = i;
    let mut e = i;
    let in_phrase = |k: usize| {
        word(k).starts_with(char::is_uppercase) || lex.is_title(word(k)) || word(k).contains('-')
    };
    // A lower-case modifier of a title that follows it goes on the phrase ("Republican
    // presidential front-runner Donald Trump", "Democratic presidential candidate Bernie
    // Sanders"): a word of letters, no function word, with the title within two words.
    let modifier = |k: usize| {
        let w = word(k);
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars().all(|c| c.is_alphabetic())
            && (k + 1..k + 3).any(|n| {
                let t = word(n);
                !t.starts_with(char::is_uppercase) && (t.contains('-') || lex.is_title(t))
            })
            && !in_lower_list(w, &lex.stop_words)
            && !in_lower_list(w, &lex.prepositions)
            && lex.cue(w).is_none()
    };
    // Whether the gap between tokens `k - 1` and `k` holds `mark`.
    let gap_holds = |k: usize, mark: char| {
        k > s
            && Span::new(
                tok_span(k - 1).end,
                tok_span(k).start.max(tok_span(k - 1).end),
            )
            .of(text)
            .contains(mark)
    };
    // A parenthesis ends the phrase (`Durbin (D-Ill.), noting ..., said` is Durbin's), and
    // so does a comma (`Tracy Martin, Trayvon's father, issued` is Tracy Martin's).
    let parenthesised = |k: usize| gap_holds(k, '(');
    let after_comma = |k: usize| gap_holds(k, ',');
    // ("Later, former Gov. Ana Ruiz said": a lower-case "former" may open the phrase.)
    let former = word(s) == "former" && word(s + 1).starts_with(char::is_uppercase);
    while e < toks.len()
        && e < s + 8
        && (in_phrase(e) || (e > s && modifier(e)) || (e == s && former))
        && !parenthesised(e)
        && !after_comma(e)
    {
        e += 1;
    }
    if e == s {
        return None;
    }
    if lone_word_no_name(sentence, s, e) {
        return None;
    }
    // Possessive ("Donald Trump’s son-in-law Jared Kushner") is fine: parse_np takes the last run.
    let span = Span::new(tok_span(s).start, tok_span(e - 1).end);
    match sentence.np(span)?.kind {
        MentionKind::Person { name, role } => Some(SubjectNp {
            name,
            role,
            span,
            possessive: word(e - 1).ends_with("’s"),
        }),
        _ => None,
    }
}

/// Whether the subject phrase of tokens `s..e` is one word that names no one: an -ing or
/// -ly word opening the sentence that is no given name ("Pivoting to deficit reduction
/// too soon, ...", "Hastily, ..."; not "Ebeling" after an opener), or a determiner,
/// quantifier or people's adjective before a lower-case noun ("Another ranking says",
/// "Chinese local governments").
fn lone_word_no_name(sentence: &Sentence, s: usize, e: usize) -> bool {
    let (text, sent, toks) = (sentence.text, sentence.span, sentence.toks);
    let lex = Lexicon::get();
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let lone = word(s);
    if e != s + 1 {
        return false;
    }
    let opens = toks.get(s).is_some_and(|t| {
        Span::new(sent.start, t.span.start)
            .of(text)
            .chars()
            .all(|c| !c.is_alphanumeric())
    });
    let inflected = lone.len() > 4
        && (lone.ends_with("ing") || lone.ends_with("ly"))
        && !with_lower(lone, |l| lex.genders.contains_key(l));
    let modifier = word(e).starts_with(char::is_lowercase)
        && (in_lower_list(lone, &lex.quantifiers)
            || in_lower_list(lone, &lex.np_determiners)
            || in_lower_list(lone, &lex.stop_words)
            || lex.demonyms.contains_key(lone));
    (opens && inflected) || modifier
}

/// The token after an opening adverb's, participle's or quantity's phrase ("Ultimately,
/// Mr. Yanukovych refused", "Facing criticism from both parties, Mr. Trump released",
/// "One of the men, Jessie Elkins, said"), when token `i` opens one: a word ending in -ly
/// or -ing that is no first name, or a number or quantifier, followed by a comma or a
/// lower-case word, whose phrase ends at a
/// comma before a capitalised word (the subject). None otherwise ("Manning said the plan,
/// which ...": no capital after the comma; "Kelly Ayotte said": a capital after the word).
fn opening_modifier(sentence: &Sentence, i: usize) -> Option<usize> {
    let (text, toks) = (sentence.text, sentence.toks);
    let (first, next) = (toks.get(i)?, toks.get(i + 1)?);
    let w = first.text(text);
    let lex = Lexicon::get();
    let inflected = w.len() > 4
        && (w.ends_with("ly") || w.ends_with("ing"))
        && w.starts_with(char::is_uppercase)
        && !with_lower(w, |l| lex.genders.contains_key(l));
    // ("One month after announcing ..., Marco Rubio", "One of the men, Jessie Elkins,
    // said": a number or quantifier opens such a phrase too.)
    let quantity = w.starts_with(|c: char| c.is_ascii_digit())
        || (w.starts_with(char::is_uppercase) && in_lower_list(w, &lex.quantifiers));
    let inflected = inflected || quantity;
    let gap = Span::new(first.span.end, next.span.start.max(first.span.end)).of(text);
    let phrase_follows = gap.contains(',') || next.text(text).starts_with(char::is_lowercase);
    if !inflected || !phrase_follows {
        return None;
    }
    // The first comma, within the next dozen words, and a capitalised word right after it.
    let k = (i + 1..toks.len().min(i + 14)).find(|&k| {
        let prev = toks.get(k - 1).map_or(0, |t| t.span.end);
        let t = toks.get(k).map_or(Span::default(), |t| t.span);
        Span::new(prev, t.start.max(prev)).of(text).contains(',')
    })?;
    let capital = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text(text).starts_with(char::is_uppercase))
    };
    // ("Weighing in, former Gov. Mike Huckabee agreed": "former" before the name too.)
    let former = toks.get(k).is_some_and(|t| t.text(text) == "former");
    (capital(k) || (former && capital(k + 1))).then_some(k)
}

/// A body named at the start of a sentence (its subject), if any.
pub fn sentence_body_subject(s: &Sentence) -> Option<(String, Span)> {
    let (text, sent, toks, quotes) = (s.text, s.span, s.toks, s.quotes);
    let first = toks.first()?;
    if inside_any(first.span.start, quotes)
        || (first.text(text) != "The" && Lexicon::get().nonnames.contains(first.text(text)))
    {
        return None; // An opening quote or an introductory phrase ("In a letter to ...").
    }
    // Only the first seven words can be the subject: the boundary is looked for up to
    // the seventh word's end, not through the whole sentence.
    let reach = toks.get(6).map_or(sent.end, |t| t.span.end);
    let head_end = Span::new(sent.start, reach)
        .of(text)
        .find(|c: char| boundary_char(c))
        .map_or(reach, |i| sent.start + i);
    let words: Vec<&Token> = toks
        .iter()
        .take_while(|t| t.span.end <= head_end)
        .take(7)
        .collect();
    // (An opening determiner alone, "The deal was signed", names nothing: no phrase to read.)
    let lex = Lexicon::get();
    let last_cap = words.iter().enumerate().rposition(|(k, t)| {
        let w = t.text(text);
        (w.starts_with(char::is_uppercase) && !(k == 0 && in_lower_list(w, &lex.np_determiners)))
            || with_lower(w, |w| lex.body_heads.contains(w))
    })?;
    let span = Span::new(words.first()?.span.start, words.get(last_cap)?.span.end);
    match s.np(span)?.kind {
        MentionKind::Body { name } => Some((name, span)),
        _ => None,
    }
}

/// A role opening the sentence (`The Florida senator sought ...`, `The billionaire
/// businessman began ...`): the longest phrase from the first word, within the first six,
/// that ends in a title or a plural of one (not a thing: `The deal was ...`).
pub fn sentence_head_role(s: &Sentence) -> Option<Mention> {
    let (text, toks, quotes) = (s.text, s.toks, s.quotes);
    let first = toks.first()?;
    if inside_any(first.span.start, quotes) || first.text(text) != "The" {
        return None;
    }
    let lex = Lexicon::get();
    let mut best: Option<Mention> = None;
    for (k, last) in toks.iter().enumerate().take(6).skip(1) {
        let span = Span::new(first.span.start, last.span.end);
        if span.of(text).contains(|c: char| boundary_char(c)) {
            break;
        }
        let titled = with_lower(last.text(text), |w| {
            lex.is_title(w) || w.strip_suffix('s').is_some_and(|h| lex.is_title(h))
        });
        if let Some(m) = s.np(span).filter(|_| titled) {
            if let MentionKind::Role { .. } = &m.kind {
                best = Some(m.clone());
            }
        } else if k > 2 && best.is_some() {
            break;
        }
    }
    best
}

/// Whether the mention at `m` inside the phrase `sp` follows a preposition of the phrase
/// (`a meeting in Columbus`).
pub fn governed(s: &Sentence, sp: Span, m: Span) -> bool {
    let lex = Lexicon::get();
    crate::extract::context::tokens_within(s.toks, Span::new(sp.start, m.start))
        .last()
        .is_some_and(|t| in_lower_list(t.text(s.text), &lex.prepositions))
}

/// Whether only blanks lie between `m` and `pos`: a phrase right before its verb is that
/// verb's subject ("as polls show", "after Trump said"), whatever word comes before it.
pub fn next_to(s: &Sentence, m: Span, pos: usize) -> bool {
    m.end <= pos && Span::new(m.end, pos).of(s.text).chars().all(is_space)
}

/// A person's full name set off by commas between the cue's subject phrase `sp` and the
/// cue (`The company’s executive, Laszlo Bock, said`): the name, not the description,
/// speaks. Not a description in apposition (`Witkoff, asked about it, said`, `Lee, the
/// mayor, said`: the subject speaks).
pub fn apposed_name(s: &Sentence, sp: Span, cue_start: usize) -> Option<Mention> {
    let text = s.text;
    let gap = Span::new(sp.end, cue_start).of(text);
    let open = gap.find(',')?;
    let close = gap.rfind(',')?;
    if close <= open || !gap.get(..open)?.trim_matches(is_space).is_empty() {
        return None;
    }
    let inner = Span::new(sp.end + open + 1, sp.end + close);
    let words = inner.of(text).split_whitespace().count();
    if words < 2 {
        return None;
    }
    let inner = trim_span(text, inner);
    let m = s
        .np(inner)
        .filter(|m| matches!(&m.kind, MentionKind::Person { name, .. } if name.contains(' ')))?;
    // A longer apposition is a name with its place (`, Darran Whiting of Liberty Baptist
    // Church in Marion, said`): the name opens it and a preposition follows the name.
    let placed = || {
        m.span.start == inner.start
            && Span::new(m.span.end, inner.end)
                .of(text)
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "of" | "from" | "at"))
    };
    (words <= 5 || placed()).then_some(m)
}
