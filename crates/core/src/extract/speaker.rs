//! Who speaks: each cue's speaker, resolved from the phrase before it (its subject), after
//! it (inversion: `said Witkoff`), after `according to`, or — for a pronoun, a role or a
//! shared subject — from salience: the people and bodies the article named or heard last.

use crate::extract::context::Sentence;
use crate::extract::cues::{find_cues, Act, Cue};
use crate::extract::document::document_subject;
use crate::extract::inverted::{closes_clause, closing_name_after};
use crate::extract::mention::{Mention, MentionKind};
use crate::extract::people::People;
use crate::extract::phrases::{np_after, np_before};
use crate::extract::subject::{
    apposed_name, governed, next_to, sentence_body_subject, sentence_head_role, sentence_subject,
    subject_np, SubjectNp,
};
use crate::lexicon::{CueStrength, Lexicon};
use crate::model::*;
use crate::text::{in_lower_list, is_space, trim_span, with_lower, Span};

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Who {
    pub name: String,
    pub kind: SpeakerKind,
    pub role: String,
    pub rule: Rule,
    pub mention: Option<Span>,
    pub antecedent: Option<Span>,
    pub confidence: f32,
}

impl Who {
    /// A person named by the phrase at `mention` (no antecedent), by `rule`, at the
    /// rule's confidence.
    pub fn person(name: String, role: String, mention: Span, rule: Rule) -> Who {
        Who::named(name, SpeakerKind::Person, role, mention, rule)
    }

    /// A speaker of `kind` named by the phrase at `mention` (no antecedent), by `rule`, at
    /// the rule's confidence for that kind.
    pub fn named(name: String, kind: SpeakerKind, role: String, mention: Span, rule: Rule) -> Who {
        Who {
            name,
            kind,
            role,
            rule,
            mention: Some(mention),
            antecedent: None,
            confidence: rule.confidence_for(kind),
        }
    }

    /// This speaker as the shared subject of a later verb: rule `SharedSubject`, and a
    /// confidence no higher than that rule's.
    pub fn into_shared(self) -> Who {
        Who {
            rule: Rule::SharedSubject,
            confidence: Rule::SharedSubject
                .confidence_for(self.kind)
                .min(self.confidence),
            ..self
        }
    }

    pub fn none() -> Who {
        Who {
            name: String::new(),
            kind: SpeakerKind::Unknown,
            role: String::new(),
            rule: Rule::None,
            mention: None,
            antecedent: None,
            confidence: Rule::None.confidence(),
        }
    }
    pub fn known(&self) -> bool {
        self.kind != SpeakerKind::Unknown
    }
}

/// The people and bodies an article named or heard last, for pronouns and continuations.
#[derive(Default)]
pub struct Salience {
    /// Last person who spoke or was a sentence subject: (name, role, mention span, block index).
    pub person: Option<(String, String, Span, usize)>,
    /// The few persons before that, most recent last, for "he"/"she" agreement.
    pub recent: Vec<(String, String, Span, usize)>,
    /// Last body or group that spoke.
    pub group: Option<(String, SpeakerKind, Span, usize)>,
    /// Last statement's speaker and its block.
    pub last_speaker: Option<(Who, usize)>,
}

impl Salience {
    pub fn set_person(&mut self, p: (String, String, Span, usize)) {
        self.recent.retain(|r| r.0 != p.0);
        self.recent.push(p.clone());
        if self.recent.len() > 6 {
            self.recent.remove(0);
        }
        self.person = Some(p);
    }

    /// The most recent person a pronoun can point to: for "he"/"she", skip persons known to
    /// be of the other gender; none when every recent person is (the pronoun is then left
    /// unresolved, for review, rather than given a wrong name).
    fn person_for(&self, female: Option<bool>) -> Option<&(String, String, Span, usize)> {
        let lex = Lexicon::get();
        let Some(f) = female else {
            return self.person.as_ref();
        };
        self.recent
            .iter()
            .rev()
            .find(|(n, r, _, _)| lex.gender(n, r).is_none_or(|g| g == f))
    }
}

/// Who the article has named and whom it has heard lately: carried from sentence to
/// sentence.
#[derive(Default)]
pub struct Speakers {
    pub people: People,
    pub sal: Salience,
    /// The sentence before, when it ends in a colon: its block and its speaker. A quote
    /// that opens the next paragraph is what it introduces ("Stone said:" ¶ "...").
    pub colon: Option<(usize, Option<Who>)>,
    /// An interview's answerer, once its first "A:" line named them: every later answer
    /// is theirs, whoever the answers name in between.
    pub interviewee: Option<Who>,
}

/// A sentence's speech cues, the speaker of each (one per cue) and the phrase that opens
/// the sentence.
pub struct Attribution {
    pub cues: Vec<Cue>,
    pub whos: Vec<Who>,
    /// The phrase that opens the sentence, when it names a person.
    pub subject: Option<SubjectNp>,
    /// The sentence's speaker: its first known one that does not merely share a subject,
    /// else its first known one.
    pub who: Option<Who>,
}

/// Finds a sentence's cues and resolves each one's speaker, in order, so that shared
/// subjects can look back; a person or body named as the sentence's subject, and each
/// known speaker, become salient.
pub fn attribute(s: &Sentence, speakers: &mut Speakers) -> Attribution {
    let cues = find_cues(s);
    // The phrase that opens the sentence, read once: each use of the sentence subject
    // below checks it against (and updates) the people known by then.
    let subject = subject_np(s);
    // Sentence subject: a person named at the start updates salience for pronouns.
    if let Some((name, role, span)) = sentence_subject(subject.as_ref(), &mut speakers.people, true)
    {
        speakers.sal.set_person((name, role, span, s.block));
    } else if let Some((name, span)) = sentence_body_subject(s) {
        // "The Merchants Association, which ..., opposed the plan. ..., they said": a body
        // that is a sentence's subject is what a later "they" or "it" points back to.
        speakers.sal.group = Some((name, SpeakerKind::Body, span, s.block));
    }
    // Resolve each cue's speaker, in order, so that shared subjects can look back.
    let mut whos: Vec<Who> = Vec::new();
    for ci in 0..cues.len() {
        let who = resolve_cue(s, subject.as_ref(), &cues, ci, &whos, speakers);
        if who.known() {
            update_salience(&mut speakers.sal, &who, s.block);
        }
        whos.push(who);
    }
    let who = whos
        .iter()
        .find(|w| w.known() && w.rule != Rule::SharedSubject)
        .cloned()
        .or_else(|| whos.iter().find(|w| w.known()).cloned());
    Attribution {
        cues,
        whos,
        subject,
        who,
    }
}

/// A statement of `kind` over `span`, said by `who`.
pub fn make(kind: Kind, span: Span, cue: Option<Span>, who: &Who, sentence: Span) -> Statement {
    Statement {
        kind,
        span,
        cue,
        speaker: who.name.clone(),
        speaker_kind: who.kind,
        role: who.role.clone(),
        evidence: Evidence {
            rule: who.rule,
            mention: who.mention,
            antecedent: who.antecedent,
        },
        confidence: who.confidence,
        quoted: Vec::new(),
        continues: None,
        sentence,
    }
}

/// Whether the word at `pos` opens a sentence or a quotation (what comes before it, past
/// spaces, is nothing or a sentence's or a quotation's opening mark).
fn opens_sentence(text: &str, pos: usize) -> bool {
    let before = crate::text::str_to(text, pos).trim_end_matches(is_space);
    before
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '“' | '"' | '(' | '—' | '–' | ':' | ';'))
}

/// The speaker a mention names, by `rule`: a person as the registry knows them, a body, a
/// pronoun's antecedent from salience, a role's holder.
pub fn who_from_mention(
    text: &str,
    m: Mention,
    rule: Rule,
    people: &mut People,
    sal: &Salience,
    bi: usize,
) -> Who {
    match m.kind {
        // "Having announced ...", "Rattling off ...": a lone participle or adverb that opens
        // the sentence, unless the article named someone so in full. (Not a name after a
        // quotation or inside a clause: `“...,” Kelly said`.)
        MentionKind::Person { name, role }
            if role.is_empty()
                && !name.contains(' ')
                && ["ing", "ed", "ly"].iter().any(|e| name.ends_with(e))
                && opens_sentence(text, m.span.start)
                && !people.knows(&name) =>
        {
            Who {
                mention: Some(m.span),
                ..Who::none()
            }
        }
        MentionKind::Person { name, role } => {
            let (full, role) = people.resolve(&name, &role);
            Who {
                name: full,
                kind: SpeakerKind::Person,
                role,
                rule,
                mention: Some(m.span),
                antecedent: None,
                confidence: rule.confidence_for(SpeakerKind::Person),
            }
        }
        MentionKind::Body { name } => Who {
            name,
            kind: SpeakerKind::Body,
            role: String::new(),
            rule,
            mention: Some(m.span),
            antecedent: None,
            confidence: rule.confidence_for(SpeakerKind::Body),
        },
        MentionKind::Pronoun { person: true } => {
            match sal.person_for(match m.span.of(text).to_lowercase().as_str() {
                "she" => Some(true),
                "he" => Some(false),
                _ => None,
            }) {
                Some((name, role, span, b)) => {
                    let rule = if bi <= b + 2 {
                        Rule::Pronoun
                    } else {
                        Rule::PronounFar
                    };
                    Who {
                        name: name.clone(),
                        kind: SpeakerKind::Person,
                        role: role.clone(),
                        rule,
                        mention: Some(m.span),
                        antecedent: Some(*span),
                        confidence: rule.confidence(),
                    }
                }
                None => Who {
                    mention: Some(m.span),
                    ..Who::none()
                },
            }
        }
        MentionKind::Role { title } => {
            let found = role_holder(m.span.of(text), title.as_str(), people, sal);
            match found {
                Some((name, role, antecedent)) => Who {
                    name,
                    kind: SpeakerKind::Person,
                    role,
                    rule: Rule::Role,
                    mention: Some(m.span),
                    antecedent,
                    confidence: Rule::Role.confidence(),
                },
                None => Who {
                    name: title.to_string(),
                    kind: SpeakerKind::Body,
                    role: String::new(),
                    rule: Rule::Role,
                    mention: Some(m.span),
                    antecedent: None,
                    confidence: Rule::Role.confidence_for(SpeakerKind::Body),
                },
            }
        }
        MentionKind::Pronoun { person: false } => match &sal.group {
            Some((name, kind, span, b)) => {
                let rule = if bi <= b + 1 {
                    Rule::Pronoun
                } else {
                    Rule::PronounFar
                };
                Who {
                    name: name.clone(),
                    kind: *kind,
                    role: String::new(),
                    rule,
                    mention: Some(m.span),
                    antecedent: Some(*span),
                    confidence: rule.confidence_for(*kind),
                }
            }
            None => Who {
                mention: Some(m.span),
                ..Who::none()
            },
        },
    }
}

/// The person a role reference (`the Ohio senator`, with its `title`) stands for: the most
/// salient person holding that role, else the latest one named with it; first one whose
/// role also holds the reference's capitalised modifiers ("Florida Sen. Marco Rubio" for
/// "the Florida senator"), then, when only one person holds the title, one whose role
/// names no other place ("Senator Mara Venn" for "the Ohio senator").
/// (An age, `the 46-year-old`, is held by whoever the story is about. On word boundaries:
/// "the man" is no chairman. A title's other form holds it too: "Sen." is "senator".)
fn role_holder(
    reference: &str,
    title: &str,
    people: &People,
    sal: &Salience,
) -> Option<(String, String, Option<Span>)> {
    let lex = Lexicon::get();
    let modifiers: Vec<String> = (reference.split_whitespace().skip(1))
        .filter(|w| w.starts_with(char::is_uppercase) && !lex.is_title(w))
        .map(|w| w.trim_end_matches(['’', '\'', 's']).to_lowercase())
        .collect();
    // A qualifier of the role ("vice", "former") in the one and not in the other: another
    // office ("the Democratic nominee" is not the "Democratic vice presidential nominee").
    let qualifiers = |s: &str| -> Vec<String> {
        (s.split_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| lex.role_qualifiers.contains(w.as_str()))
            .collect()
    };
    let mut wanted = qualifiers(reference);
    wanted.sort();
    let titled = |role: &str| {
        let mut has = qualifiers(role);
        has.sort();
        has == wanted
            && (role
                .split_whitespace()
                .any(|w| lex.same_role_word(w, title))
                || (role.strip_suffix(title)).is_some_and(|r| r.is_empty() || r.ends_with(' ')))
    };
    // Strict: every modifier is in the role. Loose: no place in the role that is not one.
    let strict = |role: &str| {
        let lower = role.to_lowercase();
        titled(&lower)
            && (modifiers.iter())
                .all(|md| lower.split_whitespace().any(|w| w.starts_with(md.as_str())))
    };
    let loose = |role: &str| {
        titled(&role.to_lowercase())
            && !role.split_whitespace().any(|w| {
                lex.places.contains(w)
                    && !modifiers
                        .iter()
                        .any(|md| with_lower(w, |l| l.starts_with(md.as_str())))
            })
    };
    let pick = |holds: &dyn Fn(&str) -> bool| {
        (sal.person.as_ref())
            .filter(|(_, role, _, _)| holds(role))
            .map(|(n, r, sp, _)| (n.clone(), r.clone(), Some(*sp)))
            .or_else(|| {
                (people.entries.iter().rev())
                    .find(|e| holds(&e.role))
                    .map(|e| (e.full.clone(), e.role.clone(), None))
            })
    };
    if crate::extract::mention::is_age(title) {
        return pick(&|_| true);
    }
    // The loose reading only when one person alone holds the title ("the French president"
    // is not the one president the story named, unless no other was).
    let holders = (people.entries.iter())
        .filter(|e| titled(&e.role.to_lowercase()))
        .count();
    pick(&strict).or_else(|| (holders == 1).then(|| pick(&loose)).flatten())
}

fn update_salience(sal: &mut Salience, who: &Who, bi: usize) {
    let span = who.antecedent.or(who.mention).unwrap_or_default();
    match who.kind {
        SpeakerKind::Person => sal.set_person((who.name.clone(), who.role.clone(), span, bi)),
        SpeakerKind::Body => sal.group = Some((who.name.clone(), who.kind, span, bi)),
        SpeakerKind::Unknown => {}
    }
}

/// The speaker of an earlier cue of the sentence, as the shared subject of this one.
fn shared(whos: &[Who]) -> Who {
    whos.iter()
        .rev()
        .find(|w| w.known())
        .cloned()
        .map_or_else(Who::none, Who::into_shared)
}

/// The speaker of a participle cue (`saying`, `adding`): a subject it names itself
/// (`with Macron saying`, `quoted X as saying`), else the clause's.
fn participle_speaker(
    s: &Sentence,
    subject: Option<&SubjectNp>,
    cue: &Cue,
    whos: &[Who],
    speakers: &mut Speakers,
) -> Who {
    let (text, sent, toks, bi) = (s.text, s.span, s.toks, s.block);
    let (people, sal) = (&mut speakers.people, &speakers.sal);
    // "with Macron saying ..." names its own subject; otherwise the clause's subject speaks.
    let prev_tok = cue.tok.checked_sub(1).and_then(|p| toks.get(p));
    // "quoted co-author Dr. X as saying ...": the phrase before "as" speaks.
    if let Some(p) = prev_tok.filter(|p| p.text(text) == "as") {
        if let Some(m) = np_before(s.before.index(text, sent), text, sent, p.span.start)
            .and_then(|(sp, _)| s.np(sp))
        {
            if !matches!(m.kind, MentionKind::Pronoun { .. }) {
                return who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi);
            }
        }
    }
    // "with polls showing ...", "despite critics saying ...": the phrase the preposition
    // governs is the participle's subject, not the clause's; a document's when the verb is
    // one of evidence and no one is named.
    if let Some((sp, false)) = s.before.np_before(text, sent, cue.span.start) {
        if matches!(cue.lemma, "show" | "find") && s.np(sp).is_none() {
            if let Some(d) = document_subject(s, sp) {
                let name = d.of(text).to_string();
                return Who::named(
                    name,
                    SpeakerKind::Body,
                    String::new(),
                    d,
                    Rule::SubjectBeforeCue,
                );
            }
        }
        let inside = crate::extract::context::tokens_within(toks, sp);
        let governed = inside.first().filter(|t| {
            with_lower(t.text(text), |w| {
                Lexicon::get().participle_governors.contains(w)
            })
        });
        if let (Some(prep), true) = (governed, inside.len() >= 2) {
            let rest = Span::new(prep.span.end, sp.end);
            if let Some(m) = s.np(trim_span(text, rest)) {
                return who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi);
            }
        }
    }
    if let Some(p) = prev_tok {
        let between = Span::new(p.span.end, cue.span.start).of(text);
        // "with Macron saying", "a new poll showing", "top officials vowing": a name, or a
        // plural of people or a body's head, right before the participle is its subject.
        let lex = Lexicon::get();
        let own_subject = p.text(text).starts_with(char::is_uppercase)
            || with_lower(p.text(text), |w| {
                in_lower_list(w, &lex.people_nouns) || lex.body_heads.contains(w)
            });
        if between.trim_matches(is_space).is_empty() && own_subject {
            if let Some(m) = s
                .before
                .np_before(text, sent, cue.span.start)
                .and_then(|(sp, _)| participle_subject(s, sp))
                .and_then(|sp| s.np(sp))
            {
                return who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi);
            }
        }
    }
    let earlier = shared(whos);
    if earlier.known() {
        return earlier;
    }
    // Sentence-initial participle ("Responding to ..., Zelenskyy said") or a participle whose
    // subject is the sentence subject.
    if let Some((name, role, span)) = sentence_subject(subject, people, false) {
        return Who::person(name, role, span, Rule::SharedSubject);
    }
    // "The Florida senator sought to calm them, saying ...": a role opens the sentence.
    if let Some(m) = sentence_head_role(s) {
        return who_from_mention(text, m, Rule::SharedSubject, people, sal, bi);
    }
    // "The Democratic National Committee released a statement, saying ...": a body opens it.
    if let Some((name, span)) = sentence_body_subject(s) {
        return Who::named(
            name,
            SpeakerKind::Body,
            String::new(),
            span,
            Rule::SharedSubject,
        );
    }
    Who::none()
}

/// Whether phrase `sp` ends in an indefinite pronoun that stands alone: the whole phrase,
/// or after `and`, `but` or `while` (`... and others`).
fn lone_indefinite(text: &str, sp: Span) -> bool {
    let mut words = sp.of(text).split_whitespace().rev();
    let lex = Lexicon::get();
    words
        .next()
        .is_some_and(|w| in_lower_list(w, &lex.indefinite_subjects))
        && words
            .next()
            .is_none_or(|w| matches!(w, "and" | "but" | "while" | "And" | "But" | "While"))
}

/// The subject a participle's phrase `sp` ends in: all of it, or the part after an `of`
/// ("in the wake of a new poll": "a new poll"). None when another preposition governs its
/// end ("wrote to Wired explaining", "an email to supporters stating": an object).
fn participle_subject(s: &Sentence, sp: Span) -> Option<Span> {
    let lex = Lexicon::get();
    let last = crate::extract::context::tokens_within(s.toks, sp)
        .iter()
        .rev()
        .skip(1)
        .find(|t| in_lower_list(t.text(s.text), &lex.prepositions));
    match last {
        None => Some(sp),
        Some(t) if t.text(s.text).eq_ignore_ascii_case("of") => {
            Some(trim_span(s.text, Span::new(t.span.end, sp.end)))
        }
        Some(_) => None,
    }
}

/// The word before `cue`, past adverbs and auxiliaries (`and also said`, `who has
/// repeatedly called for`): its token index, and whether only blanks part it from what
/// follows (else a comma or other mark comes right after it: `He ducked, pointing`).
pub fn word_before_cue(s: &Sentence, cue: &Cue) -> Option<(usize, bool)> {
    let (text, toks) = (s.text, s.toks);
    let lex = Lexicon::get();
    let mut k = cue.tok.checked_sub(1)?;
    let mut next_start = cue.span.start;
    loop {
        let t = toks.get(k)?;
        if !Span::new(t.span.end, next_start)
            .of(text)
            .chars()
            .all(is_space)
        {
            return Some((k, false));
        }
        if !in_lower_list(t.text(text), &lex.skip_before_cue) || k == 0 {
            return Some((k, true));
        }
        next_start = t.span.start;
        k -= 1;
    }
}

/// The antecedent of the relative pronoun right before `cue`, past adverbs and
/// auxiliaries (`Obama, who has long said ...`, `the report, which said ...`): the person
/// or body named before it, when one is (not a pronoun, nor a far antecedent).
fn relative_antecedent(s: &Sentence, cue: &Cue, speakers: &mut Speakers) -> Option<Who> {
    let (text, toks) = (s.text, s.toks);
    // (Most cues have no relative pronoun within three words before them.)
    let near = toks.get(cue.tok.saturating_sub(3)..cue.tok)?;
    if !near.iter().any(|t| matches!(t.text(text), "who" | "which")) {
        return None;
    }
    match word_before_cue(s, cue)? {
        (k, true) => relative_antecedent_at(s, k, speakers),
        (_, false) => None,
    }
}

/// The antecedent of the relative pronoun at token `k` (`who`, `which`, outside quotes):
/// the person or body named before it, when one is (not a pronoun, nor a far antecedent).
pub fn relative_antecedent_at(s: &Sentence, k: usize, speakers: &mut Speakers) -> Option<Who> {
    let (text, toks) = (s.text, s.toks);
    let pronoun = toks.get(k)?;
    if !matches!(pronoun.text(text), "who" | "which")
        || crate::extract::context::inside_any(pronoun.span.start, s.quotes)
    {
        return None;
    }
    let ante = toks.get(k.checked_sub(1)?)?;
    let (sp, _) = s.before.np_before(text, s.span, ante.span.end)?;
    let m = s.np(sp)?;
    if matches!(m.kind, MentionKind::Pronoun { .. }) {
        return None;
    }
    let who = who_from_mention(
        text,
        m,
        Rule::SubjectBeforeCue,
        &mut speakers.people,
        &speakers.sal,
        s.block,
    );
    (who.known() && who.rule != Rule::PronounFar).then_some(who)
}

/// The speaker of cue `ci` of the sentence, given the speakers of the cues before it.
fn resolve_cue(
    s: &Sentence,
    subject: Option<&SubjectNp>,
    cues: &[Cue],
    ci: usize,
    whos: &[Who],
    speakers: &mut Speakers,
) -> Who {
    let (text, sent, bi) = (s.text, s.span, s.block);
    let Some(cue) = cues.get(ci) else {
        return Who::none();
    };
    if cue.according {
        let (people, sal) = (&mut speakers.people, &speakers.sal);
        return np_after(text, sent, cue.span.end)
            .and_then(|sp| s.np(sp))
            .map(|m| who_from_mention(text, m, Rule::AccordingTo, people, sal, bi))
            .unwrap_or_else(Who::none);
    }
    if cue.participle {
        return participle_speaker(s, subject, cue, whos, speakers);
    }
    // "Ana Ruiz thanked Obama, who said ...": the relative pronoun's antecedent speaks.
    if let Some(w) = relative_antecedent(s, cue, speakers) {
        return w;
    }
    let (people, sal) = (&mut speakers.people, &speakers.sal);
    // Inversion: `"...," said Witkoff` / `..., said the statement` / `“...” about the
    // plan, said Witkoff`: the phrase after the cue, when a comma or a quote comes before it.
    // (`any_pronoun`: a pronoun after the cue speaks even with words before the cue.)
    let inverted = |people: &mut People, any_pronoun: bool| {
        let before = Span::new(sent.start, cue.span.start)
            .of(text)
            .trim_end_matches(is_space);
        if before.is_empty() || before.ends_with(['”', '“', '"', ',', ':', '’', '\'']) {
            np_after(text, sent, cue.span.end)
                .and_then(|sp| s.np(sp))
                .filter(|m| {
                    any_pronoun
                        || !matches!(m.kind, MentionKind::Pronoun { .. })
                        || before.is_empty()
                })
                .map(|m| who_from_mention(text, m, Rule::SubjectAfterCue, people, sal, bi))
        } else {
            None
        }
    };
    // "CLAUSE, and it has used ..., said Nargis Kassenova, an expert.": after a comma, a
    // named person whose phrase closes the clause right after the cue speaks, whatever
    // the words before the comma are (not "..., said Trump is wrong": a verb follows).
    if let Some(m) = closing_name_after(s, cue) {
        return who_from_mention(text, m, Rule::SubjectAfterCue, people, sal, bi);
    }
    let before = s.before.np_before(text, sent, cue.span.start);
    let after_comma = || {
        Span::new(sent.start, cue.span.start)
            .of(text)
            .trim_end_matches(is_space)
            .ends_with(',')
    };
    // "The company’s chief executive, Laszlo Bock, said": the name in apposition.
    if let Some(m) = before.and_then(|(sp, shared)| {
        (!shared)
            .then(|| apposed_name(s, sp, cue.span.start))
            .flatten()
    }) {
        return who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi);
    }
    match before {
        // "... and others have said", "some say": a lone indefinite names nobody, neither
        // the sentence's subject nor anyone else.
        Some((sp, false)) if lone_indefinite(text, sp) => Who::none(),
        // "Ana Ruiz criticised the plan but on Tuesday said ...": an earlier cue's speaker,
        // else the person who opens the sentence.
        Some((_, true)) => {
            let earlier = shared(whos);
            if earlier.known() {
                return earlier;
            }
            match sentence_subject(subject, people, true) {
                Some((name, role, span)) => Who::person(name, role, span, Rule::SharedSubject),
                None => earlier,
            }
        }
        Some((sp, false)) if sp.of(text).chars().any(char::is_alphanumeric) => match s.np(sp) {
            // "Clinton, during a town hall in Columbus, Ohio, said": a name that a
            // preposition governs is no subject; the sentence's subject before it is.
            Some(m) if governed(s, sp, m.span) && !next_to(s, m.span, cue.span.start) => {
                match sentence_subject(subject, people, true) {
                    Some((name, role, span)) if span.end <= m.span.start => {
                        Who::person(name, role, span, Rule::SubjectBeforeCue)
                    }
                    _ => who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi),
                }
            }
            Some(m) => who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi),
            // "Sandy Ortiz, who lost her son in Aurora, Colorado, said": the phrase before
            // the cue names no speaker (a place, a fragment); the sentence's subject does,
            // or else ("“...” about the plan, said Ana Ortiz") the person after the cue.
            // "as polls show ...", "national polling shows ...": a verb of evidence's
            // subject that is a document (no person, no named body) is the source.
            None if matches!(cue.lemma, "show" | "find") => document_subject(s, sp)
                .map(|d| {
                    let name = d.of(text).to_string();
                    Who::named(
                        name,
                        SpeakerKind::Body,
                        String::new(),
                        d,
                        Rule::SubjectBeforeCue,
                    )
                })
                .unwrap_or_else(Who::none),
            None => match sentence_subject(subject, people, false) {
                Some((name, role, span)) if span.end <= sp.start => {
                    Who::person(name, role, span, Rule::SubjectBeforeCue)
                }
                _ => inverted(people, false)
                    .filter(|w| w.kind == SpeakerKind::Person)
                    .unwrap_or_else(Who::none),
            },
        },
        // Inversion: `"...," said Witkoff` / `..., said the statement`; not `Ruiz, who
        // backs Clinton, said Sanders has won` (a verb after the name: the sentence's
        // subject speaks).
        _ => match inverted(people, true) {
            Some(w) if w.mention.is_none_or(|m| closes_clause(s, m.end)) || !after_comma() => w,
            // (With nobody after the cue, only a verb of saying: `Witkoff, asked about
            // it, insisted` was asked.)
            w if w.is_some() || (cue.act == Act::Clause && cue.strength == CueStrength::Strong) => {
                match sentence_subject(subject, people, false) {
                    Some((name, role, span)) => {
                        Who::person(name, role, span, Rule::SubjectBeforeCue)
                    }
                    None => Who::none(),
                }
            }
            _ => Who::none(),
        },
    }
}

#[cfg(test)]
mod tests;
