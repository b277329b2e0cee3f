//! The speaker of a cue the speaker stage left unnamed, read from the clause around it: a
//! second verb's subject ("X toured the plant and said ..."), a participle's ("He ducked,
//! pointing to ..."), a relative clause's antecedent ("Obama, who endorsed Clinton, ...").
//! Each is a person, a body or a pronoun resolved as the speaker stage resolves one.
//! Failing those, the cue's subject phrase itself names the speaker, at low confidence
//! (`named_by_phrase`: "Most economists say ...", "“...,” the state's governor told").

use crate::extract::context::{inside_any, Sentence};
use crate::extract::cues::Cue;
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::phrases::np_after;
use crate::extract::speaker::{
    relative_antecedent_at, who_from_mention, word_before_cue, Attribution, Speakers, Who,
};
use crate::extract::subject::{sentence_body_subject, sentence_subject};
use crate::lexicon::{CueStrength, Lexicon};
use crate::model::{Rule, SpeakerKind};
use crate::text::{in_lower_list, is_space, trim_span, Span};

/// The speaker of `cue` when the speaker stage named none, from the clause around it.
pub fn unnamed_speaker(
    s: &Sentence,
    att: &Attribution,
    cue: &Cue,
    speakers: &mut Speakers,
) -> Option<Who> {
    let (text, toks) = (s.text, s.toks);
    if cue.according {
        return None;
    }
    // The word before the verb, past adverbs and auxiliaries ("and also said", "who has
    // repeatedly called for").
    let (k, blank) = word_before_cue(s, cue)?;
    let before = toks.get(k)?;
    if !blank {
        // A participle after a comma: "He ducked, pointing to his record".
        let gap = Span::new(before.span.end, cue.span.start).of(text);
        if cue.participle && k + 1 == cue.tok && gap.trim_matches(is_space) == "," {
            return clause_subject(s, att, before.span.end, speakers);
        }
        return None;
    }
    if inside_any(before.span.start, s.quotes) {
        return None;
    }
    match before.text(text) {
        "and" | "but" | "then" | "yet" if !cue.participle => {
            clause_subject(s, att, before.span.start, speakers)
        }
        // "Obama, who endorsed Clinton on Thursday, ...": the phrase before "who".
        "who" | "which" if !cue.participle => relative_antecedent_at(s, k, speakers),
        _ => None,
    }
}

/// The subject of the clause that opens the sentence, when it ends before `by`: a person or
/// body named at its start, or a pronoun that opens it.
fn clause_subject(
    s: &Sentence,
    att: &Attribution,
    by: usize,
    speakers: &mut Speakers,
) -> Option<Who> {
    if let Some((name, role, span)) =
        sentence_subject(att.subject.as_ref(), &mut speakers.people, false)
    {
        return (span.end <= by)
            .then(|| Who::named(name, SpeakerKind::Person, role, span, Rule::SharedSubject));
    }
    if let Some((name, span)) = sentence_body_subject(s) {
        return (span.end <= by).then(|| {
            Who::named(
                name,
                SpeakerKind::Body,
                String::new(),
                span,
                Rule::SharedSubject,
            )
        });
    }
    let first = s.toks.first()?;
    let m = s.np(first.span)?;
    matches!(m.kind, MentionKind::Pronoun { .. })
        .then(|| who_of(s, m, speakers))
        .flatten()
        .map(Who::into_shared)
}

/// A mention as a speaker, as the speaker stage reads one ([`who_from_mention`]): a
/// person resolved against the people named so far, a body, a pronoun's antecedent, a
/// role's holder. None when nothing resolves it, or only a pronoun's distant antecedent.
fn who_of(s: &Sentence, m: Mention, speakers: &mut Speakers) -> Option<Who> {
    let who = who_from_mention(
        s.text,
        m,
        Rule::SubjectBeforeCue,
        &mut speakers.people,
        &speakers.sal,
        s.block,
    );
    (who.known() && who.rule != Rule::PronounFar).then_some(who)
}

/// The speaker of a cue whose subject names no known person or body, read from the
/// subject's own words ("Most economists say ...", "..., those surveyed said"): a group,
/// at low confidence. None for a pronoun, a participle or a long phrase.
pub fn named_by_phrase(s: &Sentence, cue: &Cue) -> Option<Who> {
    let (text, sent) = (s.text, s.span);
    if cue.participle {
        return None;
    }
    let before = Span::new(sent.start, cue.span.start)
        .of(text)
        .trim_end_matches(is_space);
    let mut sp = if cue.according {
        np_after(text, sent, cue.span.end)?
    } else if before.is_empty() || before.ends_with([',', '”', '"']) {
        // An inverted cue: "CLAUSE, said the former rival."
        np_after(text, sent, cue.span.end)?
    } else {
        match s.before.np_before(text, sent, cue.span.start) {
            Some((sp, false)) if !sp.is_empty() => sp,
            _ => return None,
        }
    };
    let lex = Lexicon::get();
    // "18 percent who say ...": the phrase before the relative pronoun.
    if let Some(head) = sp.of(text).trim_end().rsplit_once(char::is_whitespace) {
        if in_lower_list(head.1, &lex.relative_pronouns) {
            sp = trim_span(text, Span::new(sp.start, sp.start + head.0.len()));
        }
    }
    let phrase = sp.of(text);
    let mut words = phrase.split_whitespace();
    let first = words.next()?;
    let last = words.clone().last().unwrap_or(first);
    let one_word = words.clone().next().is_none();
    // A phrase that ends in a small word or a possessive is no noun phrase ("her lead
    // in", "the convention’s"); a lone word is a name or a plural ("Republicans").
    let small = |w: &str| {
        in_lower_list(w, &lex.unnamed_subjects)
            || in_lower_list(w, &lex.prepositions)
            || in_lower_list(w, &lex.more_prepositions)
            || in_lower_list(w, &lex.stop_words)
            || in_lower_list(w, &lex.more_stop_words)
    };
    if words.clone().count() > 7
        || !first.starts_with(char::is_alphanumeric)
        || small(last)
        || last.ends_with("’s")
        || last.ends_with("'s")
        || (one_word
            && !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !first.ends_with('s'))
        || phrase.contains(['“', '”', '"'])
    {
        return None;
    }
    // A verb's auxiliary makes the phrase a clause. People named after the last one, past
    // a question word, speak ("That is why critics say": critics); otherwise there is no
    // name ("it was widely reported"), so the statement is kept unattributed, for review,
    // not given the clause.
    let all: Vec<&str> = phrase.split_whitespace().collect();
    if let Some(a) = all.iter().rposition(|w| lex.auxiliaries.contains(w)) {
        let tail: Vec<&str> = (all.get(a + 1..).unwrap_or_default().iter().copied())
            .skip_while(|w| in_lower_list(w, &lex.question_words))
            .collect();
        let name = tail.join(" ");
        if tail.is_empty() || !names_people(&name) {
            return Some(Who {
                mention: Some(sp),
                ..Who::none()
            });
        }
        return Some(Who::named(
            name,
            SpeakerKind::Body,
            String::new(),
            sp,
            Rule::Phrase,
        ));
    }
    // (Without a coordinator that opens it, "and many other polls", nor an article.)
    let mut name = phrase;
    for _ in 0..2 {
        let w = name.split_whitespace().next().unwrap_or_default();
        if lex.coordinators.contains(&w) || matches!(w.to_lowercase().as_str(), "the" | "a" | "an")
        {
            name = name.get(w.len()..).unwrap_or(name).trim();
        }
    }
    Some(Who {
        name: name.to_string(),
        kind: SpeakerKind::Body,
        role: String::new(),
        rule: Rule::Phrase,
        mention: Some(sp),
        antecedent: None,
        confidence: Rule::Phrase.confidence_for(SpeakerKind::Body),
    })
}

/// Whether a phrase read as a group names people: its head is a plural of people
/// (`critics`, `officials`) or a capitalised plural (`Republicans`, `Germans`).
pub fn names_people(phrase: &str) -> bool {
    let head = phrase.split_whitespace().last().unwrap_or_default();
    in_lower_list(head, &Lexicon::get().people_nouns)
        || (head.starts_with(char::is_uppercase)
            && head.ends_with('s')
            && head.chars().all(char::is_alphabetic))
}

/// Cue `ci`'s span and a speaker named by the words around it when the speaker stage
/// named none (see [`unnamed_speaker`], [`named_by_phrase`]): a quotation's cue.
pub fn phrase_speaker(
    s: &Sentence,
    att: &Attribution,
    ci: usize,
    speakers: &mut Speakers,
) -> Option<(Span, Who)> {
    let cue = att.cues.get(ci)?;
    let w = unnamed_speaker(s, att, cue, speakers).or_else(|| named_by_phrase(s, cue))?;
    // A weak act's phrase must name people ("Some Republicans criticized it as “...”"),
    // and a lone function word ("When asked") names no one.
    let lex = Lexicon::get();
    let people = cue.strength == CueStrength::Strong || names_people(&w.name);
    let lone_word = !w.name.contains(' ')
        && (lex.nonnames.contains(w.name.as_str())
            || crate::text::in_lower_list(&w.name, &lex.clause_words));
    (w.known() && people && !lone_word).then_some((cue.span, w))
}
