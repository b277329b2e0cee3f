//! The speaker of a cue the speaker stage left unnamed, read from the clause around it: a
//! second verb's subject ("X toured the plant and said ..."), a participle's ("He ducked,
//! pointing to ..."), a relative clause's antecedent ("Obama, who endorsed Clinton, ...").
//! Each is a person, a body or a pronoun resolved as the speaker stage resolves one.

use crate::extract::context::{inside_any, Sentence};
use crate::extract::cues::Cue;
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::speaker::{
    relative_antecedent_at, who_from_mention, word_before_cue, Attribution, Speakers, Who,
};
use crate::extract::subject::{sentence_body_subject, sentence_subject};
use crate::model::{Rule, SpeakerKind};
use crate::text::{is_space, Span};

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
