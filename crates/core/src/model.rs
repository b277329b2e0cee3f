//! The records the extractor produces: statements, their attribution evidence, and
//! diagnostics. Plain data, serialisable, shared by the CLI, the corpus and the UI.

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// How the words are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A sentence or more in quotation marks.
    Direct,
    /// Quoted words inside the reporter's sentence: the reported clause that holds them
    /// (its quoted pieces in [`Statement::quoted`]), or the fragment alone when no clause
    /// carries it (`described it as “...”`).
    Partial,
    /// Reported speech without quotation marks; the text is the reported clause.
    Indirect,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Direct, Kind::Partial, Kind::Indirect];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What kind of thing speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    /// An institution, document, country, group or anonymous source.
    Body,
    /// No speaker could be found.
    Unknown,
}

/// Which attribution rule found the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `X said`, `X told reporters`, `X, writing on Telegram, described ...`.
    SubjectBeforeCue,
    /// `"...," said X`.
    SubjectAfterCue,
    /// `according to X`.
    AccordingTo,
    /// `..., saying ...` / `and added:` — the clause's subject.
    SharedSubject,
    /// `he said`: a pronoun resolved to the last compatible speaker or subject.
    Pronoun,
    /// A quote with no cue of its own continuing the previous speaker.
    Continuation,
    /// No cue; the sentence's subject or the nearest name (low confidence).
    Nearest,
    /// Nothing found.
    None,
    /// `he said`, its antecedent more than two paragraphs back (review).
    PronounFar,
    /// `the minister said`: a role noun, resolved to the person named with that role (or,
    /// unresolved, the role itself as a body).
    Role,
    /// No cue and no name near: the previous paragraph's speaker (review).
    LastSpeaker,
    /// A speaker label opening the line: a transcript's `TAPPER: ...`, `Name: claim`.
    Label,
    /// No name or body the mention reader knows: the words before the cue stand as a
    /// group (`most economists say`, `those surveyed said`) (review).
    Phrase,
    /// A dash after the quote's closing mark, then a name: `“...” — Ana Ruiz`.
    Signed,
}

impl Rule {
    pub fn describe(self) -> &'static str {
        match self {
            Rule::SubjectBeforeCue => "named as the subject of the speech verb",
            Rule::SubjectAfterCue => "named right after the speech verb",
            Rule::AccordingTo => "named after “according to”",
            Rule::SharedSubject => "subject shared with the clause's other verb",
            Rule::Pronoun => "pronoun resolved to the last speaker or subject",
            Rule::Continuation => "quote without a cue continues the previous speaker",
            Rule::Nearest => "no cue: nearest subject or name (review)",
            Rule::None => "no speaker found (review)",
            Rule::PronounFar => "pronoun resolved to a speaker paragraphs back (review)",
            Rule::Role => "role noun resolved to the person named with that role",
            Rule::LastSpeaker => "no cue: the previous paragraph's speaker (review)",
            Rule::Label => "named by the speaker label that opens the line",
            Rule::Phrase => "the words before the speech verb, read as a group (review)",
            Rule::Signed => "named after a dash that closes the quote",
        }
    }

    /// How sure an attribution by this rule is, for a person: [`Rule::confidence_for`].
    pub fn confidence(self) -> f32 {
        self.confidence_for(SpeakerKind::Person)
    }

    /// The one table of attribution confidences: by rule and by what speaks. Below
    /// [`LOW_CONFIDENCE`] the attribution is flagged for review.
    pub fn confidence_for(self, kind: SpeakerKind) -> f32 {
        use SpeakerKind::{Body, Person, Unknown};
        match (self, kind) {
            (_, Unknown) | (Rule::None, _) => 0.1,
            (Rule::SubjectBeforeCue | Rule::SubjectAfterCue | Rule::AccordingTo, Person) => 0.95,
            (Rule::SubjectBeforeCue | Rule::SubjectAfterCue | Rule::AccordingTo, Body) => 0.9,
            (Rule::SharedSubject, _) => 0.8,
            (Rule::Pronoun, Person) => 0.8,
            (Rule::Pronoun, Body) => 0.7,
            (Rule::PronounFar, Person) => 0.55,
            (Rule::PronounFar, Body) => 0.5,
            (Rule::Role, Person) => 0.75,
            // An unresolved role noun (`the minister`), standing as a body.
            (Rule::Role, Body) => 0.6,
            (Rule::Continuation, _) => 0.75,
            (Rule::LastSpeaker, _) => 0.5,
            // A label may be a heading's "Name: claim" as well as a transcript's.
            (Rule::Label, _) => 0.5,
            (Rule::Signed, _) => 0.8,
            (Rule::Phrase, _) => 0.4,
            (Rule::Nearest, _) => 0.4,
        }
    }
}

/// Why this speaker: the rule, and the words in the text it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub rule: Rule,
    /// The mention that names the speaker (a name, a pronoun, a body's noun phrase).
    pub mention: Option<Span>,
    /// For pronouns and continuations: the earlier mention it resolves to.
    pub antecedent: Option<Span>,
}

/// One statement in one article, before corpus-wide speaker merging.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub kind: Kind,
    /// The words, one attribution's worth: for a direct quote, from the first quoted
    /// character to the last (a quote the cue interrupts, or one that goes on in the
    /// next sentence or paragraph, is one statement with the words between its pieces
    /// inside the span); for a partial, the reported clause with its quoted words (or the
    /// fragment alone); for indirect, the clause.
    pub span: Span,
    /// The quoted pieces inside `span`, in order, each the characters between a pair of
    /// marks: one piece for a plain quote, several for an interrupted or continued quote
    /// or a clause with several quoted fragments; empty for indirect speech.
    pub quoted: Vec<Span>,
    /// The cue (verb or phrase) and its span.
    pub cue: Option<Span>,
    /// Speaker's canonical name within the article ("" when unknown).
    pub speaker: String,
    pub speaker_kind: SpeakerKind,
    /// Role words seen with the speaker, e.g. `French President`.
    pub role: String,
    pub evidence: Evidence,
    /// 0.0 .. 1.0; below [`LOW_CONFIDENCE`] the UI flags the attribution for review.
    pub confidence: f32,
    /// For quote pieces of a multi-paragraph quote: index of the previous piece.
    pub continues: Option<usize>,
    /// The sentence the statement sits in.
    pub sentence: Span,
}

/// Attributions below this confidence are flagged for review.
pub const LOW_CONFIDENCE: f32 = 0.6;

impl Statement {
    pub fn is_low_confidence(&self) -> bool {
        self.confidence < LOW_CONFIDENCE
    }

    /// Whether the statement is quoted words only, from its first quoted piece to its
    /// last (a quote, perhaps interrupted by its cue), rather than a clause around them
    /// or indirect speech: what a reader shows inside quotation marks.
    pub fn is_quote(&self) -> bool {
        self.kind != Kind::Indirect
            && self
                .quoted
                .first()
                .is_some_and(|q| q.start == self.span.start)
            && self.quoted.last().is_some_and(|q| q.end == self.span.end)
    }

    /// The spans that hold the speaker's words: a direct quote's quoted pieces (not the
    /// cue between them), else the whole span (a reported clause is the speaker's content
    /// as the reporter gives it).
    pub fn said(&self) -> &[Span] {
        if self.kind == Kind::Direct && !self.quoted.is_empty() {
            &self.quoted
        } else {
            std::slice::from_ref(&self.span)
        }
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

/// A note about the input: something skipped, repaired or doubtful.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Option<Span>,
    pub message: String,
}

/// A speaker alias seen in the article, with why it was merged into the speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasNote {
    pub speaker: String,
    pub alias: String,
    pub reason: String,
}
