//! Quotes as statements: each quotation of a sentence is a later piece of a
//! multi-paragraph quote, a name or term (a diagnostic, no statement), or a direct or
//! partial statement, attributed to the speaker of its cue — or, with no cue, to the
//! speaker of the sentence before a colon, the last speaker, the sentence's subject or
//! the nearest person or body named.

use crate::extract::context::{tokens_between, tokens_ending_by, tokens_within, Found, Sentence};
use crate::extract::cues::Cue;
use crate::extract::mention::words::is_party_tag;
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::phrases::np_after;
use crate::extract::quotes::Quote;
use crate::extract::sent_index::boundary_char;
use crate::extract::sentences::{tokens, Token};
use crate::extract::speaker::{make, who_from_mention, Attribution, Speakers, Who};
use crate::extract::subject::{sentence_head_role, sentence_subject, SubjectNp};
use crate::extract::unnamed::phrase_speaker;
use crate::lexicon::{CueStrength, Lexicon};
use crate::model::*;
use crate::text::{is_space, str_from, trim_span, Span};

/// Determiners before a short quoted phrase used as a name (`the “deal”`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
];

/// The statements of a sentence's quotes, in order (see the module's doc). `prev_sentence`
/// is the sentence before in the block, with its speaker.
pub fn quote_statements(
    s: &Sentence,
    att: &Attribution,
    prev_sentence: Option<&(Span, Option<Who>)>,
    speakers: &mut Speakers,
    found: &mut Found,
) {
    let cues = &att.cues;
    // The sentence before ends in a colon, in the paragraph before: it introduces a quote
    // that opens this paragraph.
    let colon_before = speakers
        .colon
        .take()
        .filter(|(b, _)| b + 1 == s.block)
        .and_then(|(_, w)| w)
        .filter(|_| {
            s.quotes.first().is_some_and(|q| {
                Span::new(s.span.start, q.outer.start)
                    .of(s.text)
                    .trim_matches(is_space)
                    .is_empty()
            })
        });
    if s.span.of(s.text).trim_end().ends_with(':') {
        // Its speaker, or with no cue its subject ("X released the following statement:").
        let who = att.who.clone().or_else(|| {
            sentence_subject(att.subject.as_ref(), &mut speakers.people, true)
                .map(|(name, role, span)| Who::person(name, role, span, Rule::Nearest))
        });
        speakers.colon = Some((s.block, who));
    }
    // A transcript quoted whole (`"PENCE: Well, ...`): the label stage states the line as
    // the label's words; its quotation is no statement of its own.
    let label = s
        .quotes
        .first()
        .filter(|q| q.outer.start == s.span.start)
        .and_then(|_| crate::extract::colon::labelled(s))
        .map(|(label, _)| label);
    for (qi, q) in s.quotes.iter().enumerate() {
        if label.is_some_and(|l| l.start == q.inner.start) {
            found.open_piece = None;
            continue;
        }
        if let Some(prev) = found.open_piece.filter(|_| q.continues) {
            next_piece(s, q, prev, att, speakers, found);
            continue;
        }
        if let Some(reason) = term_reason(s, q, cues) {
            found.diagnostics.push(Diagnostic {
                severity: Severity::Info,
                span: Some(q.inner),
                message: format!("quoted term, not a statement: {reason}"),
            });
            continue;
        }
        let kind = quote_kind(s, q, cues);
        let chosen = choose_cue_for_quote(s, q, cues);
        let (who, cue_span) = match chosen.and_then(|ci| known_cue(att, ci)) {
            Some((span, w)) => (w.clone(), Some(span)),
            // (`“...,” she said.` where no woman was named lately: the pronoun is left
            // unresolved, for review, rather than given the last speaker's name.)
            _ if chosen.is_some_and(|ci| unresolved_pronoun(s, att, ci)) => (Who::none(), None),
            // ("“...,” the New Jersey governor told reporters": a cue whose subject names no
            // one the story named speaks by its own words, as a reported clause's does.)
            _ => match chosen.and_then(|ci| phrase_speaker(s, att, ci, speakers)) {
                Some((span, w)) => (w, Some(span)),
                None => match colon_before.clone().filter(|_| qi == 0 && chosen.is_none()) {
                    Some(w) => (w, None),
                    None => (unattributed(s, q, kind, att, prev_sentence, speakers), None),
                },
            },
        };
        let idx = found.statements.len();
        if who.known() {
            speakers.sal.last_speaker = Some((who.clone(), s.block));
        }
        found.seen_spans.insert(q.inner);
        found
            .statements
            .push(make(kind, q.inner, cue_span, &who, s.span));
        found.open_piece = q.continued.then_some(idx);
    }
}

/// Cue `ci`'s span and speaker, when the speaker is known (`whos` has one per cue).
fn known_cue(att: &Attribution, ci: usize) -> Option<(Span, &Who)> {
    match (att.cues.get(ci), att.whos.get(ci)) {
        (Some(c), Some(w)) if w.known() => Some((c.span, w)),
        _ => None,
    }
}

/// A later piece `q` of the multi-paragraph quote whose last piece so far is statement
/// `prev`: it continues that statement, and names the speaker of every piece when it
/// carries the attribution.
fn next_piece(
    s: &Sentence,
    q: &Quote,
    prev: usize,
    att: &Attribution,
    speakers: &mut Speakers,
    found: &mut Found,
) {
    let statements = &mut found.statements;
    let idx = statements.len();
    // A later piece of a multi-paragraph quote often carries the attribution
    // ("... ,” Moreau said."): it then names the speaker of every piece.
    // (`prev` is the index of a statement pushed before.)
    if let (Some((cue_span, who)), Some(kind)) = (
        choose_cue_for_quote(s, q, &att.cues).and_then(|ci| known_cue(att, ci)),
        statements.get(prev).map(|p| p.kind),
    ) {
        let who = who.clone();
        let mut st = make(kind, q.inner, Some(cue_span), &who, s.span);
        st.continues = Some(prev);
        statements.push(st);
        let mut back = Some(prev);
        while let Some(piece) = back.and_then(|k| statements.get_mut(k)) {
            if matches!(
                piece.evidence.rule,
                Rule::Continuation | Rule::None | Rule::Nearest | Rule::LastSpeaker
            ) || piece.confidence < who.confidence
            {
                let (span, kind, sentence, continues) =
                    (piece.span, piece.kind, piece.sentence, piece.continues);
                *piece = make(kind, span, Some(cue_span), &who, sentence);
                piece.continues = continues;
                piece.evidence.rule = Rule::Continuation;
                piece.evidence.antecedent = who.mention;
                piece.confidence = Rule::Continuation.confidence().min(who.confidence);
            }
            back = piece.continues;
        }
        speakers.sal.last_speaker = Some((who, s.block));
        found.open_piece = q.continued.then_some(idx);
        return;
    }
    let Some(p) = statements.get(prev).cloned() else {
        return;
    };
    statements.push(Statement {
        kind: p.kind,
        span: q.inner,
        cue: p.cue,
        evidence: Evidence {
            rule: Rule::Continuation,
            mention: p.evidence.mention,
            antecedent: p.evidence.mention,
        },
        continues: Some(prev),
        sentence: s.span,
        ..p
    });
    found.open_piece = q.continued.then_some(idx);
}

/// The speaker of a quote whose cue (if any) names none: the speaker of the sentence
/// before, when it ends in a colon; the last speaker, for a direct quote in a sentence
/// with no cue; the sentence's speaker, with no cue; else the nearest person or body
/// named, or the last speaker.
fn unattributed(
    s: &Sentence,
    q: &Quote,
    kind: Kind,
    att: &Attribution,
    prev_sentence: Option<&(Span, Option<Who>)>,
    speakers: &mut Speakers,
) -> Who {
    let (text, bi, cues) = (s.text, s.block, &att.cues);
    let prev_colon = prev_sentence
        .filter(|(ps, _)| ps.of(text).trim_end().ends_with(':'))
        .and_then(|(_, w)| w.clone());
    let prev_same = (speakers.sal.last_speaker.clone()).filter(|(_, b)| bi <= b + 1);
    // "... - Carl Bialik: “...”", "McConnell delivered a blunt message: “...”": a colon
    // in the sentence opens the quote, and the name before it or the sentence's subject
    // speaks, not the speaker before.
    let before_quote = Span::new(s.span.start, q.outer.start)
        .of(text)
        .trim_end_matches(is_space);
    let colon = before_quote
        .strip_suffix(':')
        .map(|b| s.span.start + b.len())
        .filter(|_| cues.is_empty());
    if let Some(w) = prev_colon {
        w
    } else if let Some(w) = signed_after_dash(s, q, speakers) {
        w
    } else if let Some(w) = named_after_quote(s, q, speakers) {
        w
    } else if let Some(w) = colon.and_then(|at| {
        named_before_colon(s, at, speakers).or_else(|| nearest(s, att.subject.as_ref(), speakers))
    }) {
        w
    } else if let Some((w, _)) = prev_same.filter(|_| kind == Kind::Direct && cues.is_empty()) {
        let mut w = w;
        w.antecedent = w.mention;
        w.rule = Rule::Continuation;
        w.confidence = Rule::Continuation.confidence();
        w
    } else if let Some(w) = att.who.clone().filter(|_| cues.is_empty()) {
        w
    } else {
        let mut w = nearest(s, att.subject.as_ref(), speakers).unwrap_or_else(|| {
            (speakers.sal.last_speaker.clone())
                .filter(|(_, b)| bi <= b + 1)
                .map(|(mut w, _)| {
                    w.antecedent = w.mention;
                    w.rule = Rule::LastSpeaker;
                    w.confidence = Rule::LastSpeaker.confidence();
                    w
                })
                .unwrap_or_else(Who::none)
        });
        if w.rule == Rule::Nearest {
            w.confidence = Rule::Nearest.confidence();
        }
        w
    }
}

/// `“...” — Ana Ruiz`, `“...”― Ana Ruiz, 34, Phoenix`, an embedded post's `“...” — Ana
/// Ruiz (@anaruiz) May 5, 2016`: a dash right after the quote's closing mark (or opening
/// the next line, when the quote ends its paragraph), then a person or body named before
/// the line's end (cut at a comma, a bracket or a full stop), signs the quote.
fn signed_after_dash(s: &Sentence, q: &Quote, speakers: &mut Speakers) -> Option<Who> {
    let text = s.text;
    let tail = str_from(text, q.outer.end);
    // Only a dash or the line's end may follow the quote: nothing else is read (a quote
    // inside a long paragraph costs one look).
    let next = tail.trim_start_matches(|c: char| c != '\n' && is_space(c));
    if !next.is_empty() && !next.starts_with(['\n', '—', '―', '–', '-']) {
        return None;
    }
    let mut lines = tail.split('\n');
    let mut line = lines.next().unwrap_or_default();
    let mut line_start = q.outer.end;
    // A quote that ends its paragraph may be signed on the next line (`“...”` ¶ `- Ana
    // Ruiz, Phoenix.`), a short line.
    if line.trim_matches(is_space).is_empty() {
        line_start += line.len() + 1;
        for next in lines.by_ref() {
            if !next.trim_matches(is_space).is_empty() {
                line = next;
                break;
            }
            line_start += next.len() + 1;
        }
        if line.split_whitespace().nth(14).is_some() {
            return None;
        }
    }
    let after_space = line.trim_start_matches(is_space);
    let signed = ["—", "―", "–", "--", "-"]
        .iter()
        .find_map(|d| after_space.strip_prefix(d))?;
    let name = signed.trim_start_matches(is_space);
    let start = line_start + (line.len() - name.len());
    let len = name
        .find([',', '(', '[', '|', '“', '"'])
        .unwrap_or(name.len());
    let name = name
        .get(..len)
        .unwrap_or_default()
        .trim_end_matches(is_space);
    let name = name.strip_suffix('.').unwrap_or(name);
    let words = name.split_whitespace().count();
    if !(1..=6).contains(&words) || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let m = crate::extract::mention::parse_np(text, Span::new(start, start + name.len()))?;
    matches!(
        m.kind,
        MentionKind::Person { .. } | MentionKind::Body { .. }
    )
    .then(|| who_by(s, m, Rule::Signed, speakers))
}

/// `“...,” Hannity pressed.`, `“...!” beamed Dana Hart`: a person named right after the
/// quote, next to a verb the cue list does not know (a regular past tense, in `-ed`).
fn named_after_quote(s: &Sentence, q: &Quote, speakers: &mut Speakers) -> Option<Who> {
    let (text, sent) = (s.text, s.span);
    let inner = q.inner.of(text).trim_end_matches(is_space);
    // (A quote closed by a full stop speaks through a cue only in a sentence of its own
    // that ends there: `“... missing.” Trump said.`)
    let full_stop = inner.ends_with('.');
    if !full_stop && !inner.ends_with([',', '?', '!', '—']) {
        return None;
    }
    let lex = Lexicon::get();
    // The words after the quote: the sentence's, or, when the sentence ends with the quote
    // (`“Is it over?” Ana Ruiz pressed.` splits there), a few words up to the line's end.
    let owned: Vec<Token>;
    let (after, sent, beyond) = match s
        .toks
        .get(s.toks.partition_point(|t| t.span.start < q.outer.end)..)
    {
        Some(rest) if !rest.is_empty() => (rest, sent, false),
        _ => {
            let tail = str_from(text, q.outer.end);
            let len = tail
                .char_indices()
                .take_while(|&(i, c)| i < 80 && c != '\n')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            let window = Span::new(q.outer.end, q.outer.end + len);
            owned = tokens(text, window);
            (owned.as_slice(), window, true)
        }
    };
    let verb_like = |w: &str| {
        w.len() >= 4
            && w.chars().all(|c| c.is_ascii_lowercase())
            && w.ends_with("ed")
            && !lex.stop_words.contains(&w)
            && !lex.more_stop_words.contains(&w)
            && !lex.prepositions.contains(&w)
            && !lex.more_prepositions.contains(&w)
    };
    let person = |m: &Mention| {
        matches!(
            m.kind,
            MentionKind::Person { .. } | MentionKind::Role { .. }
        )
    };
    for (k, t) in after.iter().take(6).enumerate() {
        let w = t.text(text);
        // (A full stop ends the sentence; an abbreviation's does not: `“...!” Rep. Glenn
        // Thompson, R-Pa., said`.)
        let abbreviation = || lex.abbreviations.contains(w) || is_party_tag(w);
        if w.contains(['“', '”', '"', ';']) || (w.contains('.') && !abbreviation()) {
            return None;
        }
        // (Or an irregular one with its particle: "shot back", "went on".)
        let particle = after
            .get(k + 1)
            .is_some_and(|n| matches!(n.text(text), "back" | "on"));
        // (Or a verb of saying, when the quote ends its sentence: `“Is it over?” Ana
        // Ruiz said.` or `“Why?” he asked.` is a sentence of its own, whose cue names
        // the quote's speaker, a pronoun or a body too.)
        let saying = beyond
            && w.chars().all(|c| c.is_ascii_lowercase())
            && lex
                .cue(w)
                .is_some_and(|c| c.strength == CueStrength::Strong && !c.participle);
        if full_stop
            && !(saying
                && k > 0
                && str_from(text, t.span.end)
                    .trim_start_matches(is_space)
                    .starts_with(['.', ',']))
        {
            continue;
        }
        if !(saying
            || verb_like(w)
            || (k > 0 && particle && w.chars().all(|c| c.is_ascii_lowercase())))
        {
            continue;
        }
        // The phrase between the quote and the verb, or right after the verb.
        let found = if k == 0 {
            np_after(text, sent, t.span.end).and_then(|sp| s.np(sp))
        } else {
            let sp = trim_span(text, Span::new(q.outer.end, t.span.start));
            s.np(sp)
        };
        if saying {
            let rule = if k == 0 {
                Rule::SubjectAfterCue
            } else {
                Rule::SubjectBeforeCue
            };
            return found.map(|m| {
                who_from_mention(text, m, rule, &mut speakers.people, &speakers.sal, s.block)
            });
        }
        return found
            .filter(person)
            .map(|m| who_by(s, m, Rule::Nearest, speakers));
    }
    None
}

/// The person or body named right before the colon at `at` (`... - Carl Bialik:`,
/// `More from the Pew Research Center:`), not one a preposition governs (`a message to
/// Trump:`).
fn named_before_colon(s: &Sentence, at: usize, speakers: &mut Speakers) -> Option<Who> {
    let (text, sent) = (s.text, s.span);
    let (sp, false) = s.before.np_before(text, sent, at)? else {
        return None;
    };
    let lex = Lexicon::get();
    let prep = |w: &str| lex.prepositions.contains(&w) || lex.more_prepositions.contains(&w);
    let governed = tokens_ending_by(s.toks, sp.start).last().is_some_and(|t| {
        let w = t.text(text).to_lowercase();
        w != "from" && prep(&w)
    });
    // (Nor the name at the end of a phrase about something else: `a message to Trump`.)
    let inside = tokens_within(s.toks, sp).iter().any(|t| {
        let w = t.text(text);
        !matches!(w, "of" | "for") && prep(w)
    });
    if governed || inside {
        return None;
    }
    let m = s.np(sp)?;
    if !matches!(
        m.kind,
        MentionKind::Person { .. } | MentionKind::Body { .. }
    ) {
        return None;
    }
    Some(who_by(s, m, Rule::Label, speakers))
}

/// With no cue: the sentence subject or the nearest named person or body.
fn nearest(s: &Sentence, subject: Option<&SubjectNp>, speakers: &mut Speakers) -> Option<Who> {
    let (text, sent, toks, quotes) = (s.text, s.span, s.toks, s.quotes);
    if let Some((name, role, span)) = sentence_subject(subject, &mut speakers.people, true) {
        return Some(Who::person(name, role, span, Rule::Nearest));
    }
    // A role as the subject: "The Florida senator's answer was that “...”".
    if let Some(m) = sentence_head_role(s) {
        return Some(who_by(s, m, Rule::Nearest, speakers));
    }
    // A body as the subject: "That version had stipulated ...", "The plan also sets out ...".
    let first_quote = quotes.first().map_or(sent.end, |q| q.outer.start);
    let head_end = Span::new(sent.start, first_quote)
        .of(text)
        .find(|c: char| boundary_char(c))
        .map_or(first_quote, |i| sent.start + i);
    let words: Vec<&Token> = tokens_ending_by(toks, head_end).iter().take(6).collect();
    let first = words.first()?;
    for last in &words {
        let span = Span::new(first.span.start, last.span.end);
        if let Some(Mention {
            kind: MentionKind::Body { name },
            span,
        }) = s.np(span)
        {
            return Some(Who {
                name,
                kind: SpeakerKind::Body,
                role: String::new(),
                rule: Rule::Nearest,
                mention: Some(span),
                antecedent: None,
                confidence: Rule::Nearest.confidence(),
            });
        }
    }
    None
}

/// Whether cue `ci`'s subject is a personal pronoun that no one named lately agrees with.
fn unresolved_pronoun(s: &Sentence, att: &Attribution, ci: usize) -> bool {
    att.whos.get(ci).is_some_and(|w| {
        !w.known()
            && w.mention.is_some_and(|m| {
                matches!(
                    s.np(m).map(|m| m.kind),
                    Some(MentionKind::Pronoun { person: true })
                )
            })
    })
}

/// Which cue attributes a quote: `"...," X said` after it, else the nearest before, else after.
fn choose_cue_for_quote(s: &Sentence, q: &Quote, cues: &[Cue]) -> Option<usize> {
    let (text, toks) = (s.text, s.toks);
    // Cues and tokens are in text order and disjoint, so their starts and ends are both
    // sorted: each question below is a binary search, not a walk over the sentence.
    let first_after =
        Some(cues.partition_point(|c| c.span.start < q.outer.end)).filter(|&i| i < cues.len());
    if let Some((i, c)) = first_after.and_then(|i| cues.get(i).map(|c| (i, c))) {
        let between = Span::new(q.outer.end, c.span.start).of(text);
        // At most six words (counting stops at the seventh).
        let few_words = between.split_whitespace().nth(6).is_none();
        if between.trim_start().starts_with(',')
            || (few_words && !between.contains(['“', '"', '.']))
                && between.trim_matches(is_space).len() < 80
        {
            let gap_tokens = tokens_between(toks, q.outer.end, c.span.start);
            if gap_tokens <= 8 && (between.trim_start().starts_with(',') || gap_tokens == 0) {
                return Some(i);
            }
        }
    }
    if let Some(i) = cues
        .partition_point(|c| c.span.end <= q.outer.start)
        .checked_sub(1)
    {
        return Some(i);
    }
    first_after
}

/// Why a quotation is markup or an embedded post's debris rather than speech, if it is: a
/// number or date (a post's id or time), a handle (`@name`, `realName`), a link.
fn debris_reason(inner: &str) -> Option<&'static str> {
    let t = inner.trim_matches(|c: char| is_space(c) || matches!(c, ',' | '.' | ';' | ':'));
    if t.is_empty() {
        return None;
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | ',' | '/' | ' ' | 'T' | 'Z'))
        && t.chars().any(|c| c.is_ascii_digit())
    {
        return Some("a number or date (a post's id or time)");
    }
    let one_word = !t.contains(char::is_whitespace);
    let camel = t
        .chars()
        .zip(t.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if one_word
        && (t.starts_with('@')
            || (camel
                && t.starts_with(char::is_lowercase)
                && t.len() >= 6
                && t.chars().all(|c| c.is_alphanumeric() || c == '_')))
    {
        return Some("a handle");
    }
    if one_word && (t.contains("pic.twitter.com") || t.starts_with("http") || t.starts_with("www."))
    {
        return Some("a link or tag");
    }
    None
}

/// Why a quotation is a name or term rather than speech, if it is.
fn term_reason(s: &Sentence, q: &Quote, cues: &[Cue]) -> Option<&'static str> {
    let (text, sent, toks) = (s.text, s.span, s.toks);
    let lex = Lexicon::get();
    if let Some(reason) = debris_reason(q.inner.of(text)) {
        return Some(reason);
    }
    let toks_before = tokens_ending_by(toks, q.outer.start);
    let before: Vec<String> = toks_before
        .iter()
        .rev()
        .take(2)
        .map(|t| t.text(text).to_lowercase())
        .collect();
    let adjacent = toks_before.last().is_some_and(|t| {
        Span::new(t.span.end, q.outer.start)
            .of(text)
            .chars()
            .all(is_space)
    });
    let marker = match before.as_slice() {
        [w, ..] if adjacent && lex.term_markers.contains(&w.as_str()) && w != "known" => true,
        [w, k, ..] if adjacent && w == "as" && k == "known" => true,
        _ => false,
    };
    // `what he called “a witch hunt”`, `which Ann Lee dubbed “the tax trap”`: a person
    // who names it is characterising, which is speech; `a group called “X”` is a name.
    let named_by_speaker = || {
        let verb = toks_before.last()?;
        if !lex.naming_verbs.contains(&verb.text(text)) {
            return None;
        }
        let who = toks_before
            .len()
            .checked_sub(2)
            .and_then(|k| toks_before.get(k))?;
        let m = crate::extract::mention::parse_np(text, who.span)?;
        Some(matches!(
            m.kind,
            MentionKind::Pronoun { person: true } | MentionKind::Person { .. }
        ))
    };
    if marker && named_by_speaker() != Some(true) {
        return Some("introduced as a name (so-called, dubbed, known as)");
    }
    let inner = q.inner.of(text).trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let at_start = Span::new(sent.start, q.outer.start)
        .of(text)
        .trim_matches(is_space)
        .is_empty();
    let minor = |w: &str| lex.term_minor_words.contains(&w);
    if !at_start
        && (2..=7).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || minor(w))
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !words
            .iter()
            .any(|w| lex.nonnames.contains(*w) && !minor(&w.to_lowercase()))
    {
        return Some("a title-case name");
    }
    let prev_det = before
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()));
    if cues.is_empty() && prev_det && words.len() <= 5 && inner.starts_with(char::is_lowercase) {
        return Some("a short phrase used as a name, with no speaker in the sentence");
    }
    None
}

/// Mention `m` as a quote's speaker found by `rule` (`Nearest`, `Label`), with that rule's
/// confidence whatever the mention resolved through.
fn who_by(s: &Sentence, m: Mention, rule: Rule, speakers: &mut Speakers) -> Who {
    let mut w = who_from_mention(
        s.text,
        m,
        rule,
        &mut speakers.people,
        &speakers.sal,
        s.block,
    );
    w.confidence = rule.confidence_for(w.kind);
    w
}

/// `direct` when the quotation stands as its own sentence(s); `partial` when it is a fragment
/// fused into the reporter's sentence.
fn quote_kind(s: &Sentence, q: &Quote, cues: &[Cue]) -> Kind {
    let (text, sent, toks) = (s.text, s.span, s.toks);
    let before = Span::new(sent.start, q.outer.start)
        .of(text)
        .trim_end_matches(is_space);
    let inner = q.inner.of(text).trim_start_matches(is_space);
    let upper = inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if q.continues || before.is_empty() {
        return if upper || q.continues || inner.split_whitespace().count() >= 4 {
            Kind::Direct
        } else {
            Kind::Partial
        };
    }
    if before.ends_with(':') && upper {
        return Kind::Direct;
    }
    // Right after a cue (and its object: "telling reporters"), a whole sentence: direct.
    let last_cue_before = cues
        .get(..cues.partition_point(|c| c.span.end <= q.outer.start))
        .and_then(<[Cue]>::last);
    if let Some(c) = last_cue_before {
        let gap = tokens_between(toks, c.span.end, q.outer.start);
        let ends_sentence = inner.trim_end().ends_with(['.', '!', '?']);
        if gap <= 2
            && (upper || ends_sentence)
            && inner.split_whitespace().count() >= 4
            && !Span::new(c.span.end, q.outer.start)
                .of(text)
                .contains("that")
        {
            return Kind::Direct;
        }
    }
    Kind::Partial
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One case a line: a quotation's words, and why it is no statement ("" for speech).
    fn check(input: &str, expect: &str) {
        assert_eq!(debris_reason(input).unwrap_or(""), expect, "{input}");
    }

    #[test]
    fn embedded_post_debris_is_no_statement() {
        check(
            "884512097360123904",
            "a number or date (a post's id or time)",
        );
        check(
            "2016-10-12T08:30:00",
            "a number or date (a post's id or time)",
        );
        check("@GovDeskOffice", "a handle");
        check("mayorTomRuiz", "a handle");
        check("pic.twitter.com/Zq81bXk", "a link or tag");
        check("#SaveTheHarbor", "");
        check("KeepTheLightsOn", "");
        check("Scam.", "");
        check("We will win this county in 2020,", "");
        check("iPad", "");
    }

    /// The statements of `input` as `kind: words (speaker)`, joined by " / ".
    fn statements(input: &str) -> String {
        let found = crate::extract::extract(input);
        let each: Vec<String> = (found.statements.iter())
            .map(|s| format!("{}: {} ({})", s.kind.as_str(), s.span.of(input), s.speaker))
            .collect();
        each.join(" / ")
    }

    #[test]
    fn a_name_given_by_a_speaker_is_speech() {
        for (input, expect) in [
            (
                "Senator Ann Lee attacked what she called “a tax on families” on Monday.",
                "partial: what she called “a tax on families” on Monday (Ann Lee)",
            ),
            (
                "A group called “Moms for Parks” met on Monday in the town hall.",
                "",
            ),
            (
                "The so-called “coalition of the willing” met on Monday in Paris.",
                "",
            ),
        ] {
            assert_eq!(statements(input), expect, "{input}");
        }
    }

    #[test]
    fn a_dash_after_a_quote_signs_it() {
        for (input, expect) in [
            (
                "Readers wrote in.\n\n“The bridge is a disgrace.” ― Lena Ortiz, Tucson\n\nThe end.",
                "direct: The bridge is a disgrace. (Lena Ortiz)",
            ),
            (
                "Readers wrote in.\n\n“We will win the county!” — Tom Reyes (@tomreyes) May 5, 2016\n\nThe end.",
                "direct: We will win the county! (Tom Reyes)",
            ),
            // Signed on the next line, when the quote ends its paragraph.
            (
                "Readers wrote in.\n\n“Fix the bridge first.”\n\n- Lena Ortiz, Tucson.\n\nThe end.",
                "direct: Fix the bridge first. (Lena Ortiz)",
            ),
            // A reporter's sign-off after a quote its sentence attributes changes nothing.
            (
                "Mayor Ana Ruiz said the port was “still the busiest in the state.” — Kim Holt.",
                "partial: the port was “still the busiest in the state.” (Ana Ruiz)",
            ),
        ] {
            assert_eq!(statements(input), expect, "{input}");
        }
    }

    #[test]
    fn a_transcript_quoted_whole_is_its_labels_words() {
        let input = "The transcript follows.\n\n\"HOLLIS: Do you expect the bill to pass this year?\n\n\"REYES: We expect it to pass, and the “Main Street” plan too.\"";
        assert_eq!(
            statements(input),
            "indirect: Do you expect the bill to pass this year? (HOLLIS) / indirect: We expect it to pass, and the “Main Street” plan too (REYES)"
        );
    }
}
