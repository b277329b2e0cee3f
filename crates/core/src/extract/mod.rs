//! Statement extraction: one article's text in, statements and diagnostics out.
//!
//! Pipeline: [`crate::extract::layout::layout`] (boilerplate out, body blocks in) → [`quotes::find_quotes`]
//! (quote spans per block) → sentences (quote-aware) → cues per sentence → speakers
//! ([`attribute`]) → direct/partial statements from quotes and indirect statements from
//! cue clauses. Pure and total: any `&str` gives a result, offsets always on char
//! boundaries of the input.

pub mod attribute;
pub mod layout;
pub mod quotes;
pub mod sentences;

use crate::extract::attribute::{parse_np, parse_np_tokens, Mention, MentionKind, People};
use crate::extract::quotes::{find_quotes, Quote};
use crate::extract::sentences::{token_iter, tokens, Token};
use crate::lexicon::{CueStrength, Lexicon};
use crate::model::*;
use crate::text::{self, in_lower_list, is_space, str_from, str_to, trim_span, with_lower, Span};

/// A speech cue found in a sentence.
#[derive(Clone, Debug)]
struct Cue {
    /// The verb (or `according to`).
    span: Span,
    strength: CueStrength,
    participle: bool,
    according: bool,
    /// Index of the token in the sentence.
    tok: usize,
}

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
struct Who {
    name: String,
    kind: SpeakerKind,
    role: String,
    rule: Rule,
    mention: Option<Span>,
    antecedent: Option<Span>,
    confidence: f32,
}

impl Who {
    fn none() -> Who {
        Who {
            name: String::new(),
            kind: SpeakerKind::Unknown,
            role: String::new(),
            rule: Rule::None,
            mention: None,
            antecedent: None,
            confidence: 0.1,
        }
    }
    fn known(&self) -> bool {
        self.kind != SpeakerKind::Unknown
    }
}

const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "previously",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "later",
    "repeatedly",
    "again",
    "further",
    "reportedly",
    "separately",
    "publicly",
    "privately",
    "recently",
    "earlier",
    "already",
    "just",
    "once",
    "firmly",
    "strongly",
    "clearly",
    "then",
    "did",
    "does",
    "do",
    "not",
    "never",
    "now",
    "long",
    "often",
    "himself",
    "herself",
    "itself",
    "themselves",
    "only",
    "even",
    "still",
    "repeatedly",
    "flatly",
    "quickly",
    "immediately",
    "subsequently",
    "initially",
    "first",
    "finally",
    "simply",
    "explicitly",
];
const PASSIVE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "the", "a", "an", "so",
];
const PREPOSITIONS: &[&str] = &[
    "to",
    "on",
    "in",
    "at",
    "after",
    "before",
    "for",
    "with",
    "about",
    "by",
    "from",
    "of",
    "as",
    "during",
    "over",
    "under",
    "into",
    "through",
    "against",
    "without",
    "via",
    "per",
    "among",
    "across",
    "alongside",
    "when",
    "while",
    "if",
];
/// Participles that open a reporter's consequence tail after a reported clause
/// ("..., sending its shares down 8%"); other `-ing` words may continue the speaker's words.
const TAIL_PARTICIPLES: &[&str] = &[
    "sending",
    "prompting",
    "raising",
    "bringing",
    "pushing",
    "marking",
    "capping",
    "triggering",
    "sparking",
    "leaving",
    "fuelling",
    "fueling",
    "dragging",
    "lifting",
    "knocking",
    "wiping",
    "underscoring",
    "reflecting",
    "echoing",
    "signalling",
    "signaling",
    "deepening",
    "easing",
    "extending",
];
/// Nouns that end a short time or venue phrase after a cue ("said on Monday", "said in a statement").
const VENUE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "evening",
    "afternoon",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "statement",
    "interview",
    "letter",
    "release",
    "post",
    "briefing",
    "conference",
    "call",
    "speech",
    "hearing",
    "court",
    "filing",
    "email",
    "television",
    "radio",
    "podcast",
    "broadcast",
    "address",
    "meeting",
    "session",
    "summit",
    "report",
    "document",
    "tweet",
    "message",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sunday",
    "parliament",
    "congress",
];
const TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "called",
    "named",
    "titled",
    "entitled",
    "nicknamed",
    "branded",
    "labelled",
    "labeled",
    "term",
    "word",
    "phrase",
    "slogan",
    "known",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
];

struct Salience {
    /// Last person who spoke or was a sentence subject: (name, role, mention span, block index).
    person: Option<(String, String, Span, usize)>,
    /// The few persons before that, most recent last, for "he"/"she" agreement.
    recent: Vec<(String, String, Span, usize)>,
    /// Last body or group that spoke.
    group: Option<(String, SpeakerKind, Span, usize)>,
    /// Last statement's speaker and its block.
    last_speaker: Option<(Who, usize)>,
}

impl Salience {
    fn set_person(&mut self, p: (String, String, Span, usize)) {
        self.recent.retain(|r| r.0 != p.0);
        self.recent.push(p.clone());
        if self.recent.len() > 6 {
            self.recent.remove(0);
        }
        self.person = Some(p);
    }

    /// The most recent person a pronoun can point to: for "he"/"she", skip persons known to
    /// be of the other gender; fall back to the most recent one.
    fn person_for(&self, female: Option<bool>) -> Option<&(String, String, Span, usize)> {
        let lex = Lexicon::get();
        let Some(f) = female else {
            return self.person.as_ref();
        };
        self.recent
            .iter()
            .rev()
            .find(|(n, r, _, _)| lex.gender(n, r).is_none_or(|g| g == f))
            .or(self.person.as_ref())
    }
}

/// Extracts every statement of one article.
pub fn extract(text: &str) -> Extraction {
    let lex = Lexicon::get();
    let layout = crate::extract::layout::layout(text);
    let mut diagnostics = Vec::new();
    let body: Vec<Span> = layout.body().map(|b| b.span).collect();
    if text.trim_matches(is_space).is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: None,
            message: "the text is empty".into(),
        });
    } else if body.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: None,
            message: "no article paragraphs found (only headlines, boilerplate or short lines)"
                .into(),
        });
    }
    let mut issues = Vec::new();
    let quotes = find_quotes(text, &body, &mut issues);
    for issue in issues {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            span: Some(issue.at),
            message: issue.message.into(),
        });
    }

    // Each body block is tokenised once: the pre-pass reads the block's tokens and every
    // sentence reads its own run of them (see `sentence_tokens`).
    let block_toks: Vec<Vec<Token>> = body.iter().map(|b| tokens(text, *b)).collect();

    // Pre-pass: everyone the article names in full, so a later surname resolves to them.
    let mut people = People::default();
    let nps = NpMemo::default();
    for (toks, bq) in block_toks.iter().zip(&quotes) {
        // Token `k`'s text and span ("" and an empty span past the last), and whether
        // only spaces lie between tokens `k - 1` and `k`.
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        let tok_span = |k: usize| toks.get(k).map_or(Span::default(), |t| t.span);
        let spaced = |k: usize| match (k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k)) {
            (Some(a), Some(b)) => Span::new(a.span.end, b.span.start)
                .of(text)
                .chars()
                .all(is_space),
            _ => false,
        };
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            let w = t.text(text);
            if w.starts_with(char::is_uppercase) && !inside_any(t.span.start, bq) {
                let s = i;
                while i < toks.len()
                    && word(i).starts_with(char::is_uppercase)
                    && !word(i).ends_with("’s")
                    && !word(i).ends_with("'s")
                {
                    i += 1;
                    // A name run never crosses punctuation ("Jared Kushner, President ...").
                    if i < toks.len() && !spaced(i) {
                        break;
                    }
                }
                let adjacent = i > s && i < toks.len() && spaced(i);
                let e = if adjacent
                    && (word(i).ends_with("’s") || word(i).ends_with("'s"))
                    && word(i).starts_with(char::is_uppercase)
                {
                    i + 1
                } else {
                    i
                };
                let role_start = (0..s)
                    .rev()
                    .take_while(|&j| lex.is_title(word(j)) || word(j).contains('.'))
                    .last()
                    .unwrap_or(s);
                // Only a run of two or more capitalised words, or one after a title, can name
                // a person in full; single words resolve later against these.
                if e >= s + 2 || (e > s && role_start < s) {
                    let span = Span::new(tok_span(role_start).start, tok_span(e - 1).end);
                    let span = strip_possessive_span(text, span);
                    if let Some(Mention {
                        kind: MentionKind::Person { name, role },
                        ..
                    }) = parse_np_in(&nps, text, span, toks)
                    {
                        if name.split_whitespace().count() >= 2 || !role.is_empty() {
                            people.resolve(&name, &role);
                        }
                    }
                }
                i = e.max(s + 1);
            } else {
                i += 1;
            }
        }
    }

    let mut statements: Vec<Statement> = Vec::new();
    let mut seen_spans: crate::lexicon::HashSet<Span> = Default::default();
    let mut sal = Salience {
        person: None,
        recent: Vec::new(),
        group: None,
        last_speaker: None,
    };
    let mut open_piece: Option<usize> = None; // statement index of a multi-paragraph quote piece
                                              // Per-sentence memo and index of `np_before` and the clause ends, reset for each sentence.
    let mut subjects_before = BeforeMemo::default();

    for (bi, block) in body.iter().enumerate() {
        // (`quotes` and `block_toks` have an entry per body block.)
        let (Some(bq), Some(btoks)) = (quotes.get(bi), block_toks.get(bi)) else {
            continue;
        };
        let protected: Vec<Span> = bq.iter().map(|q| q.outer).collect();
        let sents = crate::extract::sentences::sentences(text, *block, &protected);
        let mut prev_sentence: Option<(Span, Option<Who>)> = None;
        for sent in sents {
            let toks = sentence_tokens(btoks, sent);
            let first_q = bq.partition_point(|q| q.outer.start < sent.start);
            let sq: Vec<Quote> = (bq.iter().skip(first_q))
                .take_while(|q| q.outer.start < sent.end)
                .copied()
                .collect();
            let cues = find_cues(text, sent, toks, &sq);
            subjects_before.reset();
            // The phrase that opens the sentence, read once: each use of the sentence subject
            // below checks it against (and updates) the people known by then.
            let subject = subject_np(&nps, text, sent, toks, &sq);
            // Sentence subject: a person named at the start updates salience for pronouns.
            if let Some((name, role, span)) = sentence_subject(subject.as_ref(), &mut people, true)
            {
                sal.set_person((name, role, span, bi));
            } else if let Some((name, span)) = sentence_body_subject(&nps, text, sent, toks, &sq) {
                // "The Merchants Association, which ..., opposed the plan. ..., they said": a body
                // that is a sentence's subject is what a later "they" or "it" points back to.
                sal.group = Some((name, SpeakerKind::Body, span, bi));
            }
            // Resolve each cue's speaker, in order, so that shared subjects can look back.
            let mut whos: Vec<Who> = Vec::new();
            for ci in 0..cues.len() {
                let who = resolve_cue(
                    &nps,
                    &subjects_before,
                    text,
                    sent,
                    toks,
                    subject.as_ref(),
                    &cues,
                    ci,
                    &whos,
                    &mut people,
                    &sal,
                    bi,
                );
                if who.known() {
                    update_salience(&mut sal, &who, bi);
                }
                whos.push(who);
            }
            let sentence_who = whos
                .iter()
                .find(|w| w.known() && w.rule != Rule::SharedSubject)
                .cloned()
                .or_else(|| whos.iter().find(|w| w.known()).cloned());
            // Cue `ci`'s span and speaker, when the speaker is known (`whos` has one per cue).
            let known_cue = |ci: usize| match (cues.get(ci), whos.get(ci)) {
                (Some(c), Some(w)) if w.known() => Some((c.span, w)),
                _ => None,
            };

            // Quotes.
            for q in &sq {
                if let Some(prev) = open_piece.filter(|_| q.continues) {
                    let idx = statements.len();
                    // A later piece of a multi-paragraph quote often carries the attribution
                    // ("... ,” Moreau said."): it then names the speaker of every piece.
                    // (`prev` is the index of a statement pushed before.)
                    if let (Some((cue_span, who)), Some(kind)) = (
                        choose_cue_for_quote(text, q, &cues, toks).and_then(known_cue),
                        statements.get(prev).map(|p| p.kind),
                    ) {
                        let who = who.clone();
                        let mut st = make(kind, q.inner, Some(cue_span), &who, sent);
                        st.continues = Some(prev);
                        statements.push(st);
                        let mut back = Some(prev);
                        while let Some(piece) = back.and_then(|k| statements.get_mut(k)) {
                            if matches!(
                                piece.evidence.rule,
                                Rule::Continuation | Rule::None | Rule::Nearest
                            ) || piece.confidence < who.confidence
                            {
                                let (span, kind, sentence, continues) =
                                    (piece.span, piece.kind, piece.sentence, piece.continues);
                                *piece = make(kind, span, Some(cue_span), &who, sentence);
                                piece.continues = continues;
                                piece.evidence.rule = Rule::Continuation;
                                piece.evidence.antecedent = who.mention;
                                piece.confidence = (who.confidence - 0.05).max(0.5);
                            }
                            back = piece.continues;
                        }
                        sal.last_speaker = Some((who, bi));
                        open_piece = q.continued.then_some(idx);
                        continue;
                    }
                    let Some(p) = statements.get(prev).cloned() else {
                        continue;
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
                        sentence: sent,
                        ..p
                    });
                    open_piece = q.continued.then_some(idx);
                    continue;
                }
                if let Some(reason) = term_reason(text, sent, toks, q, &cues) {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Info,
                        span: Some(q.inner),
                        message: format!("quoted term, not a statement: {reason}"),
                    });
                    continue;
                }
                let kind = quote_kind(text, sent, toks, q, &cues);
                let chosen = choose_cue_for_quote(text, q, &cues, toks);
                let (who, cue_span) = match chosen.and_then(known_cue) {
                    Some((span, w)) => (w.clone(), Some(span)),
                    _ => {
                        let prev_colon = prev_sentence
                            .as_ref()
                            .filter(|(ps, _)| ps.of(text).trim_end().ends_with(':'))
                            .and_then(|(_, w)| w.clone());
                        let prev_same = sal.last_speaker.clone().filter(|(_, b)| bi <= b + 1);
                        if let Some(w) = prev_colon {
                            (w, None)
                        } else if let Some((w, _)) =
                            prev_same.filter(|_| kind == Kind::Direct && cues.is_empty())
                        {
                            let mut w = w;
                            w.antecedent = w.mention;
                            w.rule = Rule::Continuation;
                            w.confidence = 0.75;
                            (w, None)
                        } else if let Some(w) = sentence_who.clone().filter(|_| cues.is_empty()) {
                            (w, None)
                        } else {
                            let mut w =
                                nearest(&nps, text, sent, toks, &sq, subject.as_ref(), &mut people)
                                    .unwrap_or_else(|| {
                                        sal.last_speaker
                                            .clone()
                                            .filter(|(_, b)| bi <= b + 1)
                                            .map(|(mut w, _)| {
                                                w.antecedent = w.mention;
                                                w.rule = Rule::Continuation;
                                                w.confidence = 0.5;
                                                w
                                            })
                                            .unwrap_or_else(Who::none)
                                    });
                            if w.rule == Rule::Nearest {
                                w.confidence = 0.4;
                            }
                            (w, None)
                        }
                    }
                };
                let idx = statements.len();
                if who.known() {
                    sal.last_speaker = Some((who.clone(), bi));
                }
                seen_spans.insert(q.inner);
                statements.push(make(kind, q.inner, cue_span, &who, sent));
                open_piece = q.continued.then_some(idx);
            }

            // Indirect statements.
            for (ci, (cue, who)) in cues.iter().zip(&whos).enumerate() {
                if cue.strength != CueStrength::Strong || !who.known() {
                    continue;
                }
                let Some(clause) =
                    indirect_clause(&subjects_before, text, sent, toks, &sq, &cues, ci, who.rule)
                else {
                    continue;
                };
                if !seen_spans.insert(clause) {
                    continue;
                }
                sal.last_speaker = Some((who.clone(), bi));
                statements.push(make(Kind::Indirect, clause, Some(cue.span), who, sent));
            }
            prev_sentence = Some((sent, sentence_who));
        }
    }
    statements.sort_by_key(|s| (s.span.start, s.kind));
    statements.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    let aliases = people
        .entries
        .iter()
        .flat_map(|e| {
            e.aliases.iter().map(|(a, r)| AliasNote {
                speaker: e.full.clone(),
                alias: a.clone(),
                reason: r.clone(),
            })
        })
        .collect();
    Extraction {
        statements,
        diagnostics,
        layout,
        aliases,
    }
}

fn make(kind: Kind, span: Span, cue: Option<Span>, who: &Who, sentence: Span) -> Statement {
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
        continues: None,
        sentence,
    }
}

/// The tokens of a sentence, out of its block's tokens. They are exactly what tokenising
/// the sentence alone gives: a sentence ends before whitespace and a token never spans
/// whitespace, and where a token stops depends only on its own characters and the one
/// after it, which is not a word character at a sentence's end either way.
fn sentence_tokens(block_toks: &[Token], sent: Span) -> &[Token] {
    let lo = block_toks.partition_point(|t| t.span.start < sent.start);
    let hi = block_toks.partition_point(|t| t.span.start < sent.end);
    block_toks.get(lo..hi).unwrap_or_default()
}

/// [`parse_np_fresh`], each span read once per article (see [`NpMemo`]).
fn parse_np_in(nps: &NpMemo, text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    if let Some(m) = nps.0.borrow().get(&span) {
        return m.clone();
    }
    let m = parse_np_fresh(text, span, toks);
    nps.0.borrow_mut().insert(span, m.clone());
    m
}

/// The noun phrases of one article read so far, by span: an article asks for the same one
/// again and again (a name run in the pre-pass, then as a sentence's subject, then as the
/// subject of its cue), and [`parse_np`] reads a span the same way each time.
#[derive(Default)]
struct NpMemo(std::cell::RefCell<NpMap>);

/// Span -> what [`parse_np`] read there.
type NpMap = crate::lexicon::HashMap<Span, Option<Mention>>;

/// [`np_before`] for the cues of one sentence, each asked once: a strong cue's subject is
/// read for its speaker ([`resolve_cue`]) and again for its clause ([`indirect_clause`]).
/// It also holds the sentence's [`SentIndex`], built on first use.
/// One is made per article and [`BeforeMemo::reset`] for each sentence, so that the
/// buffers are reused.
#[derive(Default)]
struct BeforeMemo(
    std::cell::RefCell<crate::lexicon::HashMap<usize, NpBefore>>,
    std::cell::OnceCell<SentIndex>,
    /// The index of an earlier sentence, whose buffers the next index reuses.
    std::cell::RefCell<SentIndex>,
);

/// Where the characters and words that [`np_before`] and [`indirect_clause`] look for lie
/// in one sentence, found in one pass, so that each cue asks by binary search instead of
/// scanning the sentence up to (or from) it: with many cues in one long sentence, those
/// scans made the cost cues × sentence length. Positions are byte offsets in the text,
/// in order.
#[derive(Default)]
struct SentIndex {
    /// Each [`boundary_char`]: (start, end).
    boundaries: Vec<(usize, usize)>,
    /// The words (runs of characters that are neither whitespace nor a boundary
    /// character) that are [`CLAUSE_WORDS`]: (start, end).
    clause_words: Vec<(usize, usize)>,
    /// Each `", "`.
    comma_spaces: Vec<usize>,
    /// The first place of each of [`LIST_MARKERS`] (a marker begins with a space, so
    /// only spaces are tried).
    markers: [Option<usize>; 3],
    /// Each place of each of [`CLAUSE_STOPS`] (overlapping ones too, as `find` from any
    /// place would find them).
    stops: [Vec<usize>; 3],
}

/// Sentences up to this many bytes are scanned directly by [`np_before`] and the clause
/// ends, as building a [`SentIndex`] costs more than the few short scans of a normal
/// sentence; each scan is then bounded by this length, so the cost stays linear.
const SHORT_SENTENCE: usize = 512;

/// Where a list of names after the head of a noun phrase begins.
const LIST_MARKERS: [&str; 3] = [" including ", " such as ", " among them "];
/// Where a reported clause stops at the latest.
const CLAUSE_STOPS: [&str; 3] = [" — but ", "; ", " – but "];

impl SentIndex {
    #[cfg(test)]
    fn new(text: &str, sent: Span) -> SentIndex {
        let mut ix = SentIndex::default();
        ix.fill(text, sent);
        ix
    }

    /// Indexes `sent`, reusing the buffers of the sentence indexed before.
    fn fill(&mut self, text: &str, sent: Span) {
        let st = sent.of(text);
        let bytes = st.as_bytes();
        let at = |i: usize| sent.start + i;
        self.boundaries.clear();
        self.clause_words.clear();
        self.comma_spaces.clear();
        self.markers = [None; 3];
        for places in &mut self.stops {
            places.clear();
        }
        // The word being read: its start, and whether it may be a clause word (every one
        // is 2 to 8 ASCII letters starting with one of `abistw`; a word with other
        // characters is looked up anyway, since lower-casing may shorten it). A word ends
        // at whitespace or a boundary character.
        let mut word: Option<(usize, bool)> = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let (c, len) = if b.is_ascii() {
                (char::from(b), 1)
            } else {
                match str_from(st, i).chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let boundary = boundary_char(c);
            if boundary {
                self.boundaries.push((at(i), at(i + len)));
            }
            if boundary || c.is_whitespace() {
                if let Some((w, candidate)) = word.take() {
                    let piece = Span::new(w, i).of(st);
                    if candidate
                        && (piece.len() <= 8 || !piece.is_ascii())
                        && in_lower_list(piece, CLAUSE_WORDS)
                    {
                        self.clause_words.push((at(w), at(i)));
                    }
                }
            } else if let Some((_, candidate)) = &mut word {
                *candidate |= !b.is_ascii();
            } else {
                let first = b.to_ascii_lowercase();
                word = Some((
                    i,
                    matches!(first, b'a' | b'b' | b'i' | b's' | b't' | b'w') || !b.is_ascii(),
                ));
            }
            if matches!(b, b' ' | b';' | b',') {
                let rest = str_from(st, i);
                let next = bytes.get(i + 1);
                if b == b',' && next == Some(&b' ') {
                    self.comma_spaces.push(at(i));
                }
                for (stop, places) in CLAUSE_STOPS.iter().zip(self.stops.iter_mut()) {
                    // The second byte first (a dash's first byte, or the space).
                    if next == stop.as_bytes().get(1) && rest.starts_with(stop) {
                        places.push(at(i));
                    }
                }
                for (m, f) in LIST_MARKERS.iter().zip(self.markers.iter_mut()) {
                    if f.is_none() && next == m.as_bytes().get(1) && rest.starts_with(m) {
                        *f = Some(at(i));
                    }
                }
            }
            i += len;
        }
        if let Some((w, candidate)) = word {
            let piece = str_from(st, w);
            if candidate
                && (piece.len() <= 8 || !piece.is_ascii())
                && in_lower_list(piece, CLAUSE_WORDS)
            {
                self.clause_words.push((at(w), at(st.len())));
            }
        }
    }

    /// The first place of `CLAUSE_STOPS[k]` that lies wholly in `from..to`.
    fn first_stop(&self, k: usize, from: usize, to: usize) -> Option<usize> {
        let places = self.stops.get(k)?;
        let stop = CLAUSE_STOPS.get(k)?;
        let first = places.get(places.partition_point(|&p| p < from))?;
        (first + stop.len() <= to).then_some(*first)
    }
}

/// What [`np_before`] finds: the phrase, and whether it is a coordinated (shared) subject.
type NpBefore = Option<(Span, bool)>;

impl BeforeMemo {
    /// Forgets the sentence before: the next calls are about another one.
    fn reset(&mut self) {
        self.0.get_mut().clear();
        if let Some(ix) = self.1.take() {
            *self.2.get_mut() = ix;
        }
    }

    /// The sentence's index (`sent` is the same sentence at every call until `reset`), for
    /// a sentence longer than [`SHORT_SENTENCE`]; a shorter one is scanned directly.
    fn index(&self, text: &str, sent: Span) -> Option<&SentIndex> {
        if sent.len() <= SHORT_SENTENCE {
            return None;
        }
        Some(self.1.get_or_init(|| {
            let mut ix = self.2.take();
            ix.fill(text, sent);
            ix
        }))
    }

    fn np_before(&self, text: &str, sent: Span, pos: usize) -> Option<(Span, bool)> {
        if let Some(&r) = self.0.borrow().get(&pos) {
            return r;
        }
        let r = np_before(self.index(text, sent), text, sent, pos);
        self.0.borrow_mut().insert(pos, r);
        r
    }
}

/// [`parse_np`] for a span inside the span `toks` were read from (a sentence or a block),
/// reusing them when the span starts where a token starts and ends where one ends. Those
/// tokens are then exactly what tokenising the span alone gives: where a token ends depends
/// on its own characters and on whether a word character follows, and none follows a token.
fn parse_np_fresh(text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    let lo = toks.partition_point(|t| t.span.start < span.start);
    let hi = toks.partition_point(|t| t.span.end <= span.end);
    match toks.get(lo..hi) {
        Some(run)
            if run.first().is_some_and(|t| t.span.start == span.start)
                && run.last().is_some_and(|t| t.span.end == span.end) =>
        {
            parse_np_tokens(text, span, run)
        }
        _ => parse_np(text, span),
    }
}

/// Whether `pos` is inside one of `quotes` (sorted, disjoint).
fn inside_any(pos: usize, quotes: &[Quote]) -> bool {
    let idx = quotes.partition_point(|q| q.outer.start <= pos);
    idx.checked_sub(1)
        .and_then(|k| quotes.get(k))
        .is_some_and(|q| q.outer.contains_pos(pos))
}

fn strip_possessive_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    for suf in ["’s", "'s"] {
        if let Some(t) = s.strip_suffix(suf) {
            return Span::new(span.start, span.start + t.len());
        }
    }
    span
}

/// Speech cues outside quotes, skipping passives (`was announced`) and nouns (`the report`).
fn find_cues(text: &str, sent: Span, toks: &[Token], quotes: &[Quote]) -> Vec<Cue> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if inside_any(t.span.start, quotes) {
            continue;
        }
        let w = t.text(text);
        // Cheap pre-check: every cue form is 3–14 letters.
        if !(3..=14).contains(&w.len()) {
            continue;
        }
        if w.eq_ignore_ascii_case("according") {
            if let Some(to) = toks.get(i + 1).filter(|n| n.text(text) == "to") {
                out.push(Cue {
                    span: Span::new(t.span.start, to.span.end),
                    strength: CueStrength::Strong,
                    participle: false,
                    according: true,
                    tok: i,
                });
                continue;
            }
        }
        let Some(form) = lex.cue(w) else { continue };
        // The word before, compared in lower case without a new `String` per cue.
        let prev_tok = i.checked_sub(1).and_then(|p| toks.get(p));
        let prev = prev_tok.map(|p| p.text(text));
        let first = t.span.start == sent.start
            || Span::new(sent.start, t.span.start)
                .of(text)
                .trim_matches(|c: char| is_space(c) || c == '“' || c == '"')
                .is_empty();
        if w.starts_with(char::is_uppercase) && !(first && form.participle) {
            continue;
        }
        if prev.is_some_and(|p| in_lower_list(p, PASSIVE)) {
            continue;
        }
        // "said" as an adjective or in "that said".
        if prev.is_some_and(|p| with_lower(p, |p| p == "that"))
            && w == "said"
            && prev_tok.is_some_and(|p| {
                Span::new(p.span.end, t.span.start)
                    .of(text)
                    .chars()
                    .all(is_space)
            })
            && toks
                .get(i + 1)
                .is_none_or(|n| n.span.start > t.span.end + 1)
        {
            continue;
        }
        out.push(Cue {
            span: t.span,
            strength: form.strength,
            participle: form.participle,
            according: false,
            tok: i,
        });
    }
    out
}

fn boundary_char(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '”' | '"' | '—' | '–' | '(' | ')' | '“')
}

const CLAUSE_WORDS: &[&str] = &[
    "that", "but", "while", "as", "when", "after", "before", "because", "although", "though",
    "since", "whereas", "if", "so", "where",
];

/// The noun phrase right before `pos` in the sentence (the cue's subject), skipping adverbs,
/// auxiliaries and one apposition (`Witkoff, asked about ..., insisted`).
fn np_before(ix: Option<&SentIndex>, text: &str, sent: Span, pos: usize) -> Option<(Span, bool)> {
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
        if !w.is_empty() && in_lower_list(w, SKIP_BEFORE_CUE) {
            end = sent.start + last_word_start;
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
    }
    let seg = str_to(seg, seg_end);
    // "European leaders including Macron, Starmer ... said": the head comes before "including".
    let lex = Lexicon::get();
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
            .find(|&(w, off)| off + w.len() < seg.len() && in_lower_list(w, CLAUSE_WORDS))
            .map_or(start, |(w, off)| off + w.len()),
    };
    let span = trim_span(text, Span::new(sent.start + s, sent.start + seg.len()));
    (!span.is_empty()).then_some((span, false))
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
fn np_after(text: &str, sent: Span, pos: usize) -> Option<Span> {
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
        end = Some(t.span.end);
        prev_end = t.span.end;
        if k == 9 {
            break;
        }
    }
    let span = trim_span(text, Span::new(pos, end?));
    (!span.is_empty()).then_some(span)
}

fn who_from_mention(
    text: &str,
    m: Mention,
    rule: Rule,
    people: &mut People,
    sal: &Salience,
    bi: usize,
) -> Who {
    match m.kind {
        MentionKind::Person { name, role } => {
            let (full, role) = people.resolve(&name, &role);
            Who {
                name: full,
                kind: SpeakerKind::Person,
                role,
                rule,
                mention: Some(m.span),
                antecedent: None,
                confidence: 0.95,
            }
        }
        MentionKind::Body { name } => Who {
            name,
            kind: SpeakerKind::Body,
            role: String::new(),
            rule,
            mention: Some(m.span),
            antecedent: None,
            confidence: 0.9,
        },
        MentionKind::Pronoun { person: true } => {
            match sal.person_for(match m.span.of(text).to_lowercase().as_str() {
                "she" => Some(true),
                "he" => Some(false),
                _ => None,
            }) {
                Some((name, role, span, b)) => Who {
                    name: name.clone(),
                    kind: SpeakerKind::Person,
                    role: role.clone(),
                    rule: Rule::Pronoun,
                    mention: Some(m.span),
                    antecedent: Some(*span),
                    confidence: if bi <= b + 2 { 0.8 } else { 0.6 },
                },
                None => Who {
                    mention: Some(m.span),
                    ..Who::none()
                },
            }
        }
        MentionKind::Role { title } => {
            // The most salient person holding that role, else the latest one named with it.
            let holds = |role: &str| {
                role.to_lowercase().split_whitespace().any(|w| w == title)
                    || role.to_lowercase().ends_with(&title)
            };
            let found = sal
                .person
                .as_ref()
                .filter(|(_, role, _, _)| holds(role))
                .map(|(n, r, sp, _)| (n.clone(), r.clone(), Some(*sp)))
                .or_else(|| {
                    people
                        .entries
                        .iter()
                        .rev()
                        .find(|e| holds(&e.role))
                        .map(|e| (e.full.clone(), e.role.clone(), None))
                });
            match found {
                Some((name, role, antecedent)) => Who {
                    name,
                    kind: SpeakerKind::Person,
                    role,
                    rule: Rule::Pronoun,
                    mention: Some(m.span),
                    antecedent,
                    confidence: 0.75,
                },
                None => Who {
                    name: title.clone(),
                    kind: SpeakerKind::Body,
                    role: String::new(),
                    rule,
                    mention: Some(m.span),
                    antecedent: None,
                    confidence: 0.6,
                },
            }
        }
        MentionKind::Pronoun { person: false } => match &sal.group {
            Some((name, kind, span, b)) => Who {
                name: name.clone(),
                kind: *kind,
                role: String::new(),
                rule: Rule::Pronoun,
                mention: Some(m.span),
                antecedent: Some(*span),
                confidence: if bi <= b + 1 { 0.7 } else { 0.5 },
            },
            None => Who {
                mention: Some(m.span),
                ..Who::none()
            },
        },
    }
}

fn update_salience(sal: &mut Salience, who: &Who, bi: usize) {
    let span = who.antecedent.or(who.mention).unwrap_or_default();
    match who.kind {
        SpeakerKind::Person => sal.set_person((who.name.clone(), who.role.clone(), span, bi)),
        SpeakerKind::Body => sal.group = Some((who.name.clone(), who.kind, span, bi)),
        SpeakerKind::Unknown => {}
    }
}

#[allow(clippy::too_many_arguments)]
fn resolve_cue(
    nps: &NpMemo,
    before_memo: &BeforeMemo,
    text: &str,
    sent: Span,
    toks: &[Token],
    subject: Option<&SubjectNp>,
    cues: &[Cue],
    ci: usize,
    whos: &[Who],
    people: &mut People,
    sal: &Salience,
    bi: usize,
) -> Who {
    let Some(cue) = cues.get(ci) else {
        return Who::none();
    };
    let shared = |whos: &[Who]| -> Who {
        let mut w = whos
            .iter()
            .rev()
            .find(|w| w.known())
            .cloned()
            .unwrap_or_else(Who::none);
        if w.known() {
            w.rule = Rule::SharedSubject;
            w.confidence = (w.confidence - 0.05).max(0.5);
        }
        w
    };
    if cue.according {
        return np_after(text, sent, cue.span.end)
            .and_then(|sp| parse_np_in(nps, text, sp, toks))
            .map(|m| who_from_mention(text, m, Rule::AccordingTo, people, sal, bi))
            .unwrap_or_else(Who::none);
    }
    if cue.participle {
        // "with Macron saying ..." names its own subject; otherwise the clause's subject speaks.
        let prev_tok = cue.tok.checked_sub(1).and_then(|p| toks.get(p));
        // "quoted co-author Dr. X as saying ...": the phrase before "as" speaks.
        if let Some(p) = prev_tok.filter(|p| p.text(text) == "as") {
            if let Some(m) = np_before(before_memo.index(text, sent), text, sent, p.span.start)
                .and_then(|(sp, _)| parse_np_in(nps, text, sp, toks))
            {
                if !matches!(m.kind, MentionKind::Pronoun { .. }) {
                    return who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi);
                }
            }
        }
        if let Some(p) = prev_tok {
            let between = Span::new(p.span.end, cue.span.start).of(text);
            if between.trim_matches(is_space).is_empty()
                && p.text(text).starts_with(char::is_uppercase)
            {
                if let Some(m) = before_memo
                    .np_before(text, sent, cue.span.start)
                    .and_then(|(sp, _)| parse_np_in(nps, text, sp, toks))
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
            return Who {
                name,
                kind: SpeakerKind::Person,
                role,
                rule: Rule::SharedSubject,
                mention: Some(span),
                antecedent: None,
                confidence: 0.8,
            };
        }
        return Who::none();
    }
    match before_memo.np_before(text, sent, cue.span.start) {
        Some((_, true)) => shared(whos),
        Some((sp, false)) if sp.of(text).chars().any(char::is_alphanumeric) => {
            match parse_np_in(nps, text, sp, toks) {
                Some(m) => who_from_mention(text, m, Rule::SubjectBeforeCue, people, sal, bi),
                None => Who::none(),
            }
        }
        _ => {
            // Inversion: `"...," said Witkoff` / `..., said the statement`.
            let before = Span::new(sent.start, cue.span.start)
                .of(text)
                .trim_end_matches(is_space);
            if before.is_empty() || before.ends_with(['”', '"', ',', ':', '’', '\'']) {
                np_after(text, sent, cue.span.end)
                    .and_then(|sp| parse_np_in(nps, text, sp, toks))
                    .map(|m| who_from_mention(text, m, Rule::SubjectAfterCue, people, sal, bi))
                    .unwrap_or_else(Who::none)
            } else {
                Who::none()
            }
        }
    }
}

/// A person named by the phrase that opens a sentence, as [`subject_np`] reads it.
struct SubjectNp {
    name: String,
    role: String,
    span: Span,
    /// Whether the phrase ends in a possessive (`Donald Trump’s`): then it is no subject.
    possessive: bool,
}

/// The person named at the start of a sentence (its likely subject), if any, given what
/// [`subject_np`] read there. With `strict`, a lone capitalised word counts only when it
/// is a known surname (for pronoun salience); without, any name-like subject counts (for
/// a participle's subject).
fn sentence_subject(
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
fn subject_np(
    nps: &NpMemo,
    text: &str,
    sent: Span,
    toks: &[Token],
    quotes: &[Quote],
) -> Option<SubjectNp> {
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
    if let Some(t) = toks
        .get(i)
        .filter(|t| lex.nonnames.contains(t.text(text)) || lex.cue(t.text(text)).is_some())
    {
        // Jump past the first comma.
        let comma = Span::new(t.span.start, sent.end).of(text).find(',')? + t.span.start;
        i = toks.iter().position(|t| t.span.start > comma)?;
    }
    let s = i;
    let mut e = i;
    while e < toks.len()
        && e < s + 8
        && (word(e).starts_with(char::is_uppercase)
            || lex.is_title(word(e))
            || word(e).contains('-'))
    {
        e += 1;
    }
    if e == s {
        return None;
    }
    // Possessive ("Donald Trump’s son-in-law Jared Kushner") is fine: parse_np takes the last run.
    let span = Span::new(tok_span(s).start, tok_span(e - 1).end);
    match parse_np_in(nps, text, span, toks)?.kind {
        MentionKind::Person { name, role } => Some(SubjectNp {
            name,
            role,
            span,
            possessive: word(e - 1).ends_with("’s"),
        }),
        _ => None,
    }
}

/// A body named at the start of a sentence (its subject), if any.
fn sentence_body_subject(
    nps: &NpMemo,
    text: &str,
    sent: Span,
    toks: &[Token],
    quotes: &[Quote],
) -> Option<(String, Span)> {
    let first = toks.first()?;
    if inside_any(first.span.start, quotes)
        || (first.text(text) != "The" && Lexicon::get().nonnames.contains(first.text(text)))
    {
        return None; // An opening quote or an introductory phrase ("In a letter to ...").
    }
    let head_end = Span::new(sent.start, sent.end)
        .of(text)
        .find(|c: char| boundary_char(c))
        .map_or(sent.end, |i| sent.start + i);
    let words: Vec<&Token> = toks
        .iter()
        .take_while(|t| t.span.end <= head_end)
        .take(7)
        .collect();
    let last_cap = words.iter().rposition(|t| {
        t.text(text).starts_with(char::is_uppercase)
            || with_lower(t.text(text), |w| Lexicon::get().body_heads.contains(w))
    })?;
    let span = Span::new(words.first()?.span.start, words.get(last_cap)?.span.end);
    match parse_np_in(nps, text, span, toks)?.kind {
        MentionKind::Body { name } => Some((name, span)),
        _ => None,
    }
}

/// With no cue: the sentence subject or the nearest named person or body.
fn nearest(
    nps: &NpMemo,
    text: &str,
    sent: Span,
    toks: &[Token],
    quotes: &[Quote],
    subject: Option<&SubjectNp>,
    people: &mut People,
) -> Option<Who> {
    if let Some((name, role, span)) = sentence_subject(subject, people, true) {
        return Some(Who {
            name,
            kind: SpeakerKind::Person,
            role,
            rule: Rule::Nearest,
            mention: Some(span),
            antecedent: None,
            confidence: 0.4,
        });
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
        }) = parse_np_in(nps, text, span, toks)
        {
            return Some(Who {
                name,
                kind: SpeakerKind::Body,
                role: String::new(),
                rule: Rule::Nearest,
                mention: Some(span),
                antecedent: None,
                confidence: 0.4,
            });
        }
    }
    None
}

/// Which cue attributes a quote: `"...," X said` after it, else the nearest before, else after.
fn choose_cue_for_quote(text: &str, q: &Quote, cues: &[Cue], toks: &[Token]) -> Option<usize> {
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

/// How many of `toks` (in text order, disjoint) start at or after `from` and end by `to`.
fn tokens_between(toks: &[Token], from: usize, to: usize) -> usize {
    let lo = toks.partition_point(|t| t.span.start < from);
    let hi = toks.partition_point(|t| t.span.end <= to);
    hi.saturating_sub(lo)
}

/// The tokens of `toks` (in text order, disjoint) that end by `pos`.
fn tokens_ending_by(toks: &[Token], pos: usize) -> &[Token] {
    toks.get(..toks.partition_point(|t| t.span.end <= pos))
        .unwrap_or_default()
}

/// Why a quotation is a name or term rather than speech, if it is.
fn term_reason(
    text: &str,
    sent: Span,
    toks: &[Token],
    q: &Quote,
    cues: &[Cue],
) -> Option<&'static str> {
    let lex = Lexicon::get();
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
        [w, ..] if adjacent && TERM_MARKERS.contains(&w.as_str()) && w != "known" => true,
        [w, k, ..] if adjacent && w == "as" && k == "known" => true,
        _ => false,
    };
    if marker {
        return Some("introduced as a name (so-called, dubbed, known as)");
    }
    let inner = q.inner.of(text).trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let at_start = Span::new(sent.start, q.outer.start)
        .of(text)
        .trim_matches(is_space)
        .is_empty();
    let minor = |w: &str| {
        matches!(
            w,
            "for" | "of" | "the" | "and" | "in" | "on" | "to" | "a" | "an" | "at" | "by" | "with"
        )
    };
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

/// `direct` when the quotation stands as its own sentence(s); `partial` when it is a fragment
/// fused into the reporter's sentence.
fn quote_kind(text: &str, sent: Span, toks: &[Token], q: &Quote, cues: &[Cue]) -> Kind {
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

/// The reported clause of a strong cue, if it has one.
#[allow(clippy::too_many_arguments)]
fn indirect_clause(
    before_memo: &BeforeMemo,
    text: &str,
    sent: Span,
    toks: &[Token],
    quotes: &[Quote],
    cues: &[Cue],
    ci: usize,
    rule: Rule,
) -> Option<Span> {
    let cue = cues.get(ci)?;
    let next_cue = cues.get(ci + 1);
    let sentence_end = sent.end;
    // Where a later cue starts another statement, this clause ends.
    let clause_end_after = |from: usize| -> usize {
        let mut end = sentence_end;
        if let Some(nc) = next_cue.filter(|c| c.span.start > from) {
            let ns = nc.span.start;
            let before = Span::new(from, ns).of(text).trim_end_matches(is_space);
            let cut_word = ["and", "but", "while", "then"]
                .iter()
                .find(|w| {
                    before.ends_with(*w)
                        && str_to(before, before.len() - w.len()).ends_with(is_space)
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
        let ix = before_memo.index(text, sent);
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
            if TAIL_PARTICIPLES.contains(&word) && !inside_any(from + i, quotes) {
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
    };
    let finish = |start: usize, end: usize| -> Option<Span> {
        let mut sp = trim_span(text, Span::new(start, end.max(start)));
        let s = sp.of(text);
        let t = s.trim_end_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':' | '—' | '–') || is_space(c)
        });
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
    };

    if cue.according {
        let before = Span::new(sent.start, cue.span.start)
            .of(text)
            .trim_end_matches(is_space);
        if before.ends_with(',') {
            return finish(sent.start, sent.start + before.len() - 1);
        }
        if before.is_empty() {
            // "According to X, CLAUSE."
            let rest = Span::new(cue.span.end, sentence_end).of(text);
            let comma = rest.find(',')?;
            return finish(
                cue.span.end + comma + 1,
                clause_end_after(cue.span.end + comma + 1),
            );
        }
        return None;
    }
    // Pattern A: the complement follows the cue.
    let after_toks: &[Token] = toks
        .get(toks.partition_point(|t| t.span.start < cue.span.end)..)
        .unwrap_or_default();
    let rest = Span::new(cue.span.end, sentence_end)
        .of(text)
        .trim_start_matches(is_space);
    let rest_start = sentence_end - rest.len();
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
                || first.as_deref().is_some_and(|w| PREPOSITIONS.contains(&w))
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
    let after_phrase = if first.as_deref().is_some_and(|w| PREPOSITIONS.contains(&w)) {
        after_toks
            .iter()
            .take(5)
            .position(|t| {
                in_lower_list(t.text(text), VENUE_WORDS)
                    || t.text(text).chars().all(|c| c.is_ascii_digit())
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
    let complement_start = if rule == Rule::SubjectAfterCue {
        None
    } else if let Some(k) = that_idx {
        after_toks.get(k).map(|t| t.span.end)
    } else if rest.is_empty() || rest.starts_with(['“', '"', ':', ',', '.', '‘', '(']) {
        None
    } else if let Some(st) = after_phrase {
        Some(st)
    } else if first.as_deref().is_some_and(|w| PREPOSITIONS.contains(&w))
        || (cue.participle && cue.tok == 0)
    {
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
        let obj = after_toks.iter().take(3).position(|t| {
            matches!(
                t.text(text),
                "reporters"
                    | "journalists"
                    | "me"
                    | "us"
                    | "him"
                    | "her"
                    | "them"
                    | "lawmakers"
                    | "parliament"
                    | "viewers"
                    | "listeners"
                    | "supporters"
                    | "delegates"
                    | "Reuters"
                    | "AFP"
                    | "AP"
            )
        });
        obj.and_then(|k| after_toks.get(k + 1))
            .map(|t| t.span.start)
            .filter(|&s| !str_from(text, s).starts_with(['“', '"']))
    } else {
        Some(rest_start)
    };
    if let Some(start) = complement_start {
        let end = clause_end_after(start);
        if end > start {
            return finish(start, end);
        }
    }
    // Pattern B: "CLAUSE, X said." — the cue closes the sentence.
    let tail = Span::new(cue.span.end, sentence_end)
        .of(text)
        .trim_matches(|c: char| is_space(c) || matches!(c, '.' | '!' | '?'));
    // Words of the tail, counted up to 15 (no test below looks further: each asks for at
    // most 14), so that a long sentence is not walked to its end for every cue.
    let tail_words = tail.split_whitespace().take(15).count();
    let subj = before_memo
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
            let end = clause_end_after(cue.span.end);
            return finish(sent.start, end);
        }
        return finish(sent.start, sent.start + lead.len() - 1);
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
            return finish(sent.start, q.outer.end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(Kind, String, String)> {
        extract(t)
            .statements
            .iter()
            .map(|s| (s.kind, s.span.of(t).to_string(), s.speaker.clone()))
            .collect()
    }
    fn has(v: &[(Kind, String, String)], kind: Kind, text: &str, speaker: &str) -> bool {
        v.iter()
            .any(|(k, t, s)| *k == kind && t == text && s == speaker)
    }

    #[test]
    fn said_x_and_x_said() {
        let t = "Talks ended.\n“We are done,” said Jane Doe, standing nearby. “This is good,” she added.\n“Fine,” Doe said.";
        let v = run(t);
        assert!(has(&v, Kind::Direct, "We are done,", "Jane Doe"), "{v:?}");
        assert!(has(&v, Kind::Direct, "This is good,", "Jane Doe"), "{v:?}");
        assert!(has(&v, Kind::Direct, "Fine,", "Jane Doe"), "{v:?}");
    }

    #[test]
    fn reported_speech_and_according_to() {
        let t = "German Chancellor Friedrich Merz said Berlin was open to talks, telling reporters “we are not ruling anything out.”\nThe plan covers land and sea, according to the joint statement.";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Indirect,
                "Berlin was open to talks",
                "Friedrich Merz"
            ),
            "{v:?}"
        );
        assert!(
            v.iter().any(|(k, x, s)| *k != Kind::Indirect
                && x == "we are not ruling anything out."
                && s == "Friedrich Merz"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                Kind::Indirect,
                "The plan covers land and sea",
                "joint statement"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn pronoun_prefers_last_speaker_over_embedded_name() {
        let t = "Witkoff refused to comment, insisting that Trump “strongly stands behind the plan.”\n“We will be there,” he said.";
        let v = run(t);
        assert!(
            has(&v, Kind::Direct, "We will be there,", "Witkoff"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                Kind::Partial,
                "strongly stands behind the plan.",
                "Witkoff"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn she_and_he_agree_with_the_person() {
        let t = "Anna Kowalski said the plan was good.\nDavid Novak said it was late.\n“It is ready,” she said. “It is not,” he said.";
        let v = run(t);
        assert!(
            has(&v, Kind::Direct, "It is ready,", "Anna Kowalski"),
            "{v:?}"
        );
        assert!(has(&v, Kind::Direct, "It is not,", "David Novak"), "{v:?}");
    }

    #[test]
    fn terms_are_not_statements() {
        let t = "Leaders of the so-called “coalition of the willing” met and backed a “Multinational Force for Ukraine” plan, officials said.";
        let v = run(t);
        assert!(!v.iter().any(|(k, ..)| *k != Kind::Indirect), "{v:?}");
    }

    #[test]
    fn apposition_and_telegram() {
        let t = "Ukrainian President Volodymyr Zelenskiy, writing on Telegram after the summit, described the outcome as “a signal of how seriously Europe is ready.”";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Partial,
                "a signal of how seriously Europe is ready.",
                "Volodymyr Zelenskiy"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn continuation_without_cue() {
        let t = "“America is ready,” Zelensky said. “We believe documents are ready.”";
        let v = run(t);
        assert!(
            has(
                &v,
                Kind::Direct,
                "We believe documents are ready.",
                "Zelensky"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn sentence_index_finds_what_a_scan_finds() {
        // Every clause word passes the index's cheap pre-check.
        for w in CLAUSE_WORDS {
            assert!((2..=8).contains(&w.len()) && w.starts_with(['a', 'b', 'i', 's', 't', 'w']));
        }
        let t = "x Officials including Ann Lee, who, as he said — but — but then; “so” ends";
        let sent = Span::new(2, t.len());
        let ix = SentIndex::new(t, sent);
        let st = sent.of(t);
        // Stops, overlapping ones too, where `find` from each place finds them.
        for (k, stop) in CLAUSE_STOPS.iter().enumerate() {
            for from in sent.start..=sent.end {
                if !t.is_char_boundary(from) {
                    continue;
                }
                let want = Span::new(from, sent.end).of(t).find(stop).map(|i| from + i);
                assert_eq!(
                    ix.first_stop(k, from, sent.end),
                    want,
                    "{stop:?} from {from}"
                );
            }
        }
        let scan = |m: &str| st.find(m).map(|i| sent.start + i);
        assert_eq!(ix.markers, LIST_MARKERS.map(scan));
        let words: Vec<&str> = ix
            .clause_words
            .iter()
            .map(|&(a, b)| Span::new(a, b).of(t))
            .collect();
        assert_eq!(
            words,
            ["who", "as", "but", "but", "so"]
                .iter()
                .filter(|w| CLAUSE_WORDS.contains(w))
                .copied()
                .collect::<Vec<_>>()
        );
        assert_eq!(
            ix.boundaries.len(),
            st.chars().filter(|&c| boundary_char(c)).count()
        );
        assert_eq!(ix.comma_spaces.len(), st.matches(", ").count());
    }

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

    #[test]
    fn word_lists_are_lower_case() {
        // `in_lower_list` compares against them as lower-case words.
        for list in [SKIP_BEFORE_CUE, CLAUSE_WORDS] {
            assert!(list.iter().all(|w| *w == w.to_lowercase()));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "“",
            "”",
            "\"\"\"",
            "said",
            "according to",
            ", said ,",
            "He said “",
            "\u{0}\u{ffff}“x” said",
            "A.\n\n\n“B\n“C",
        ] {
            let e = extract(t);
            for s in &e.statements {
                assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
            }
        }
    }
}
