//! Cues: the speech verbs of a sentence (`said`, `warned`, `adding`) and `according to`,
//! outside its quotes, skipping passives (`was announced`) and nouns (`the report`).

use crate::extract::context::{inside_any, Sentence};
use crate::lexicon::{CueStrength, Lexicon};
use crate::text::{in_lower_list, is_space, with_lower, Span};

/// A speech cue found in a sentence.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The verb (or `according to`).
    pub span: Span,
    pub strength: CueStrength,
    pub participle: bool,
    pub according: bool,
    /// Index of the token in the sentence.
    pub tok: usize,
    /// What the content of a speech act may be, when its verb reports more than a clause.
    pub act: Act,
    /// The verb's lemma (`say` for `said`; `according` for `according to`).
    pub lemma: &'static str,
}

/// The content a speech act's verb may take besides a clause (lexicon/data/speech.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// A clause only (`said`, `according to`).
    Clause,
    /// What follows the verb: a noun phrase, an infinitive or a clause (`endorsed Cruz`).
    Object,
    /// An infinitive only (`declined to comment`), or a clause after `that` (`agreed
    /// that ...`).
    To,
    /// What follows a particle right after the verb (`talked about taxes`, `spoke of a
    /// visit`): the verb alone reports nothing (`spoke to reporters`).
    About,
}

impl Act {
    fn of(lemma: &str) -> Act {
        let lex = Lexicon::get();
        if lex.act_to.contains(&lemma) {
            Act::To
        } else if lex.act_about.contains(&lemma) {
            Act::About
        } else if lex.act_object.contains(&lemma) {
            Act::Object
        } else {
            Act::Clause
        }
    }
}

/// A verb of evidence whose subject is a document or a count ("the new poll shows ...",
/// "records show that ...", "a survey released Monday found ..."): a strong cue whose
/// content is what follows it. Not in a passive (`was shown`) nor a phrasal verb (`showed
/// up`), and only in lower case.
/// Whether the word right before token `i` makes its verb a passive ("was announced")
/// or a noun ("the report"): an auxiliary before an -ing form is the progressive ("is
/// saying"), and only a word right before the verb counts (in `“It will be,” said Lee`
/// the quotation ends at "be").
fn passive(s: &Sentence, i: usize, participle: bool) -> bool {
    let (text, toks) = (s.text, s.toks);
    let lex = Lexicon::get();
    let (Some(p), Some(t)) = (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) else {
        return false;
    };
    let w = p.text(text);
    Span::new(p.span.end, t.span.start)
        .of(text)
        .chars()
        .all(is_space)
        && in_lower_list(w, &lex.passive_before_cue)
        && !(participle && in_lower_list(w, &lex.progressive_auxiliaries))
}

/// Whether a name that a participle's preposition governs comes right before token `i`
/// ("with Sen. John McCain calling it ...", "despite Clinton praising ..."): the -ing form
/// is then that name's verb, not a noun ("American backing").
fn governed_name_before(s: &Sentence, i: usize) -> bool {
    let (text, toks) = (s.text, s.toks);
    let lex = Lexicon::get();
    // (The -ing form must take an object: "with American backing and ..." is a noun.)
    let takes_object = toks.get(i + 1).is_some_and(|n| {
        let w = n.text(text);
        Span::new(
            toks.get(i).map_or(n.span.start, |t| t.span.end),
            n.span.start,
        )
        .of(text)
        .chars()
        .all(is_space)
            && !lex.coordinators.contains(&w)
    });
    if !takes_object {
        return false;
    }
    let mut k = i;
    for _ in 0..4 {
        let Some(p) = k.checked_sub(1).and_then(|p| toks.get(p)) else {
            return false;
        };
        let w = p.text(text);
        if k < i && in_lower_list(w, &lex.participle_governors) {
            return true;
        }
        // (A people's adjective, "with American backing", is no name.)
        if !w.starts_with(char::is_uppercase) || lex.demonyms.contains_key(w) {
            return false;
        }
        k -= 1;
    }
    false
}

fn evidence_cue(s: &Sentence, i: usize) -> Option<Cue> {
    let (text, toks) = (s.text, s.toks);
    let lex = Lexicon::get();
    let t = toks.get(i)?;
    let w = t.text(text);
    if !w.starts_with(|c: char| c.is_ascii_lowercase()) || !lex.evidence_verbs.contains(&w) {
        return None;
    }
    // (A word must come before it: the document it follows is its subject.)
    toks.get(i.checked_sub(1)?)?;
    if passive(s, i, false) {
        return None;
    }
    if toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.text(text), "up" | "off" | "itself" | "themselves"))
    {
        return None;
    }
    let participle = w.ends_with("ing");
    // The subject's head: within six words before the verb, inside one phrase (an -ing
    // form may follow a comma: "a poll released Monday, showing ...").
    let mut next_start = t.span.start;
    let mut head = false;
    for k in (i.saturating_sub(6)..i).rev() {
        let Some(p) = toks.get(k) else { break };
        let gap = Span::new(p.span.end, next_start).of(text);
        let comma_ok = participle && k + 1 == i;
        if gap.contains(['“', '”', '"', ':', ';', '(', ')', '—', '.'])
            || (gap.contains(',') && !comma_ok)
        {
            break;
        }
        if in_lower_list(p.text(text), &lex.document_heads) {
            head = true;
            break;
        }
        next_start = p.span.start;
    }
    // The subject past an apposition ("A Fox News poll, conducted by ..., shows"), "that"
    // right after the verb ("the inquiry found that ..."), or a verb that closes the
    // sentence after its clause ("..., the survey found.").
    let next = toks.get(i + 1);
    let closes = next.is_none_or(|n| n.span.start >= s.span.end)
        && Span::new(t.span.end, s.span.end)
            .of(text)
            .trim_matches(|c: char| is_space(c) || c == '.')
            .is_empty();
    let head = head
        || next.is_some_and(|n| n.text(text) == "that")
        || closes
        || s.before
            .np_before(text, s.span, t.span.start)
            .is_some_and(|(sp, shared)| {
                !shared
                    && sp
                        .of(text)
                        .split_whitespace()
                        .take(12)
                        .any(|w| in_lower_list(w, &lex.document_heads))
            });
    if !head {
        return None;
    }
    let lemma = if w.starts_with('s') { "show" } else { "find" };
    Some(Cue {
        span: t.span,
        strength: CueStrength::Strong,
        participle,
        according: false,
        tok: i,
        act: Act::Object,
        lemma,
    })
}

/// Speech cues outside quotes, skipping passives (`was announced`) and nouns (`the report`).
pub fn find_cues(s: &Sentence) -> Vec<Cue> {
    let (text, sent, toks, quotes) = (s.text, s.span, s.toks, s.quotes);
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
                    act: Act::Clause,
                    lemma: "according",
                });
                continue;
            }
        }
        if let Some(cue) = evidence_cue(s, i) {
            out.push(cue);
            continue;
        }
        let Some(form) = lex.cue(w) else { continue };
        // "fired back", "chimed in": the verb is a cue only with its particle, and the cue
        // is the two words.
        let span = match form.particle {
            None => t.span,
            Some(p) => match toks
                .get(i + 1)
                .filter(|n| n.text(text).eq_ignore_ascii_case(p))
            {
                Some(n) => Span::new(t.span.start, n.span.end),
                None => continue,
            },
        };
        // The word before, compared in lower case without a new `String` per cue.
        let prev_tok = i.checked_sub(1).and_then(|p| toks.get(p));
        let prev = prev_tok.map(|p| p.text(text));
        let first = t.span.start == sent.start
            || Span::new(sent.start, t.span.start)
                .of(text)
                .trim_matches(|c: char| is_space(c) || c == '“' || c == '"')
                .is_empty();
        // A capitalised form is a cue only where it opens the sentence: a participle
        // ("Speaking to reporters, ...") or an inverted verb before a name ("Said Comey,
        // “...”").
        let next_is_name = toks
            .get(i + 1)
            .is_some_and(|n| n.text(text).starts_with(char::is_uppercase));
        if w.starts_with(char::is_uppercase)
            && !(first
                && (form.participle || (form.strength == CueStrength::Strong && next_is_name)))
        {
            continue;
        }
        // Right after a quotation (`“...,” agrees Stevens`) a verb reports it whatever
        // follows.
        let after_quote = || {
            Span::new(sent.start, t.span.start)
                .of(text)
                .trim_end_matches(is_space)
                .ends_with(['”', '"'])
        };
        if passive(s, i, form.participle) {
            continue;
        }
        let act = Act::of(form.lemma);
        // "agreed to debate" and "agreed that ..." report an act; "agreed on a plan" none.
        let next = toks.get(i + 1).map(|n| n.text(text));
        if act == Act::To && !matches!(next, Some("to" | "that")) && !after_quote() {
            continue;
        }
        // "talked about taxes", "spoke out against the plan"; not "spoke to reporters".
        if act == Act::About && !next.is_some_and(|n| lex.about_particles.contains(&n)) {
            continue;
        }
        // A speech act's -ing form is a verb after a comma or a clause word ("..., praising
        // the team"), an auxiliary ("is backing") or at the start; else mostly a noun or
        // an adjective ("American backing", "supporting documents").
        if act != Act::Clause && form.strength == CueStrength::Weak && form.participle {
            let verb = prev_tok.is_none_or(|p| {
                Span::new(p.span.end, t.span.start).of(text).contains(',')
                    || in_lower_list(p.text(text), &lex.clause_words)
                    || in_lower_list(p.text(text), &lex.progressive_auxiliaries)
                    || in_lower_list(p.text(text), &lex.more_prepositions)
            }) || governed_name_before(s, i);
            if !verb {
                continue;
            }
        }
        // "backed away", "backed off": a phrasal verb, no speech act.
        if act != Act::Clause
            && form.strength == CueStrength::Weak
            && next.is_some_and(|n| lex.phrasal_particles.contains(&n))
        {
            continue;
        }
        // "his repeated attempts", "of pledged delegates": an adjective.
        if w.ends_with("ed")
            && prev.is_some_and(|p| {
                in_lower_list(p, &lex.adjective_after)
                    || p.chars().all(|c| c.is_ascii_digit() || c == ',')
            })
        {
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
            span,
            strength: form.strength,
            participle: form.participle,
            according: false,
            tok: i,
            act,
            lemma: form.lemma,
        });
    }
    out
}
