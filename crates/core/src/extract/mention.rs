//! Mentions: reading a noun phrase as a speaker mention — a person (with role), a body
//! (institution, document, group, anonymous source), a pronoun or a role standing for a
//! person named earlier (`the minister`).

use crate::extract::sentences::{tokens, Token};
use crate::lexicon::Lexicon;
use crate::text::{in_lower_list, is_space, str_from, trim_span, with_lower, Span};
pub use words::is_age;
use words::{
    ends_name, is_acronym, is_capitalised, is_party_tag, is_possessive, looks_demonym,
    role_reference, strip_possessive, Lowered,
};

mod run;
pub(crate) mod words;

/// What a noun phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Person {
        name: String,
        role: String,
    },
    Body {
        name: String,
    },
    /// `he`/`she` (person) or `they`/`it`/`we` (group or body).
    Pronoun {
        person: bool,
    },
    /// A definite role without a name (`the minister`): the title, lower case.
    Role {
        title: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

const PREPS: &[&str] = &["of", "at", "from", "for", "with", "in", "on"];

/// The canonical form of a body noun phrase: determiners dropped, post-modifiers cut,
/// the first word lower-cased when it is a common noun.
fn body_name(np: &str) -> String {
    let lex = Lexicon::get();
    let mut words: Vec<&str> = np.split_whitespace().collect();
    let mut opens = true;
    while let Some(w) = words.first().filter(|w| {
        in_lower_list(w, &lex.np_determiners) || (words.len() > 1 && lex.nonnames.contains(**w))
    }) {
        opens &= in_lower_list(w, &lex.np_determiners);
        words.remove(0);
    }
    if let Some(cut) = words.iter().enumerate().position(|(i, w)| {
        lex.body_name_cuts.contains(w)
            || (i > 0
                && matches!(*w, "on" | "in" | "at" | "by")
                && !(i.checked_sub(1).and_then(|p| words.get(p)))
                    .is_some_and(|w| matches!(*w, "familiar" | "briefed" | "involved" | "close")))
    }) {
        words.truncate(cut);
    }
    words.truncate(7);
    let mut s = words.join(" ");
    s = s.trim_end_matches([',', ';', ':']).to_string();
    let last_word = s.rsplit(' ').next().unwrap_or("");
    if s.ends_with('.')
        && last_word.matches('.').count() < 2
        && !lex.abbreviations.contains(last_word)
    {
        s.pop();
    }
    // A capitalised head that opens the phrase is capitalised as the sentence's first word
    // ("Officials said"); after other words ("If Democrats"), as a name.
    if let Some(first) = words.first().filter(|_| opens) {
        let lower = first.to_lowercase();
        if is_capitalised(first)
            && lex.body_heads.contains(&lower)
            && first.chars().skip(1).all(|c| !c.is_uppercase())
        {
            s = format!(
                "{}{}",
                lower.chars().next().unwrap_or_default(),
                str_from(&s, first.chars().next().map_or(0, char::len_utf8))
            );
        }
    }
    s
}

/// Reads the noun phrase in `span` as a speaker mention.
pub fn parse_np(text: &str, span: Span) -> Option<Mention> {
    parse_np_with(text, span, None)
}

/// [`parse_np`] for a span whose tokens the caller has already: `toks` must be exactly
/// `tokens(text, span)`, and `span` must have no surrounding whitespace.
pub fn parse_np_tokens(text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    parse_np_with(text, span, Some(toks))
}

fn parse_np_with(text: &str, span: Span, known: Option<&[Token]>) -> Option<Mention> {
    let span = trim_span(text, span);
    let np = span
        .of(text)
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–') || is_space(c));
    if np.is_empty() || np.len() > 160 {
        return None;
    }
    let owned: Vec<Token>;
    let toks: &[Token] = match known {
        Some(toks) => toks,
        None => {
            owned = tokens(text, span);
            &owned
        }
    };
    if toks.is_empty() {
        return None;
    }
    // "..., and officials said": the coordinator that joins the clause is no part of the
    // phrase after it.
    if let [first, second, ..] = toks {
        let w = first.text(text);
        if w.starts_with(|c: char| c.is_ascii_lowercase())
            && in_lower_list(w, &Lexicon::get().coordinators)
        {
            let rest = toks.get(1..).unwrap_or_default();
            let end = rest.last().map_or(span.end, |t| t.span.end);
            return parse_np_with(text, Span::new(second.span.start, end), Some(rest));
        }
    }
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    // A verb's auxiliary (as written: "Will" is a name) splits a clause read as a noun
    // phrase. With no name after it, the words before it are the phrase: "the Post will
    // brand you a liar" names the Post, "She has since" is she, and a phrase that opens
    // with one ("was defending the group") names nobody. With a name after it, the words
    // after it are: "the Post will brand you a liar and NBC News" (will accuse) is NBC
    // News, "the rules were changed by Mayor Paul Ortiz" (who criticized) is the mayor.
    let auxiliaries = &Lexicon::get().auxiliaries;
    let auxiliary = |w: &&str| {
        w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && auxiliaries.contains(w)
    };
    if let Some(k) = words.iter().position(auxiliary) {
        let (head, rest) = toks.split_at(k);
        let tail = rest.get(1..).unwrap_or_default();
        let part = if tail
            .iter()
            .any(|t| t.text(text).starts_with(char::is_uppercase))
        {
            tail
        } else {
            head
        };
        let (first, last) = (part.first()?, part.last()?);
        return parse_np_with(text, Span::new(first.span.start, last.span.end), Some(part));
    }
    let lower = Lowered::new(&words);
    let p = Phrase {
        text,
        span,
        np,
        toks,
        words,
        lower,
    };
    if let Some(pronoun) = p.pronoun() {
        return pronoun;
    }
    let runs = p.name_runs();
    if let Some(m) = p.head_mention(&runs) {
        return Some(m);
    }
    p.person(&runs)
}

/// A noun phrase being read: its span, its text trimmed of punctuation, its tokens and
/// its words as written and lower-cased.
struct Phrase<'a> {
    text: &'a str,
    span: Span,
    np: &'a str,
    toks: &'a [Token],
    words: Vec<&'a str>,
    lower: Lowered,
}

impl Phrase<'_> {
    /// Word `k` ("" past the last).
    fn wd(&self, k: usize) -> &str {
        self.words.get(k).copied().unwrap_or_default()
    }

    /// Token `k`'s span (an empty span past the last).
    fn tok_span(&self, k: usize) -> Span {
        self.toks.get(k).map_or(Span::default(), |t| t.span)
    }

    /// Whether only spaces (no dash, comma or bracket) lie between tokens `k - 1` and `k`.
    fn spaced(&self, k: usize) -> bool {
        let (a, b) = (self.tok_span(k.saturating_sub(1)), self.tok_span(k));
        a.end <= b.start
            && Span::new(a.end, b.start)
                .of(self.text)
                .chars()
                .all(is_space)
    }

    /// Whether word `idx` is a body's head noun (`officials`, `ministry’s`).
    fn head_is_body(&self, idx: usize) -> bool {
        Lexicon::get()
            .body_heads
            .contains(strip_possessive(self.lower.word(idx)))
    }

    fn mention(&self, kind: MentionKind) -> Mention {
        Mention {
            span: self.span,
            kind,
        }
    }

    /// A one-word phrase that is a pronoun: `Some` of the mention (or of `None` for a
    /// pronoun that names no speaker: `I`, `who`, `this`); `None` to read on.
    fn pronoun(&self) -> Option<Option<Mention>> {
        if self.words.len() != 1 {
            return None;
        }
        match self.lower.word(0) {
            "he" | "she" => Some(Some(self.mention(MentionKind::Pronoun { person: true }))),
            "they" | "it" | "we" => {
                Some(Some(self.mention(MentionKind::Pronoun { person: false })))
            }
            "i" | "you" | "who" | "which" | "that" | "this" | "there" => Some(None),
            _ => None,
        }
    }

    /// Document families: "the joint statement put out by ...", "the leaders’ statement".
    /// Longest alias that matches a run of whole words ending at a family head word.
    fn family(&self) -> Option<(usize, usize, &'static String)> {
        let lex = Lexicon::get();
        let lower = &self.lower;
        let mut family: Option<(usize, usize, usize, &String)> = None;
        for h in 0..lower.len() {
            if !lex.family_heads.contains(lower.word(h)) {
                continue;
            }
            for start in (h.saturating_sub(3)..=h).rev() {
                let candidate = lower.run(start, h + 1);
                if let Some(fam) = lex.body_families.get(candidate) {
                    if family.is_none_or(|(len, _, _, _)| candidate.len() > len) {
                        family = Some((candidate.len(), start, h + 1, fam));
                    }
                }
            }
        }
        // A one-word alias (`the statement`) is the family only where the article names
        // the family in full (`a joint statement`, `the final declaration`): elsewhere it is
        // any statement, named by its own word.
        let (_, start, end, f) = family?;
        Some((start, end, f))
    }

    /// Whether the article (the whole text the phrase is in) uses one of the family's
    /// aliases of several words, in any case.
    fn article_names(&self, family: &str) -> bool {
        let Some(phrases) = Lexicon::get().family_phrases.get(family) else {
            return false;
        };
        let lower = self.text.to_lowercase();
        phrases.iter().any(|p| lower.contains(p.as_str()))
    }

    /// What words `from..to` of the phrase (a non-empty run) name, read on their own.
    fn sub_phrase(&self, from: usize, to: usize) -> Option<Mention> {
        let toks = self.toks.get(from..to)?;
        let span = Span::new(toks.first()?.span.start, toks.last()?.span.end);
        parse_np_tokens(self.text, span, toks)
    }

    /// Who put out the document whose noun starts at word `start` (`The town released a
    /// statement`, `the council issued a statement`): a person or body named before the
    /// verb.
    fn issuer_before(&self, start: usize) -> Option<Mention> {
        let lex = Lexicon::get();
        let v = (1..start).find(|&k| lex.issuing_verbs.contains(&self.lower.word(k)))?;
        self.sub_phrase(0, v).filter(|m| {
            matches!(
                m.kind,
                MentionKind::Person { .. } | MentionKind::Body { .. }
            )
        })
    }

    /// The author after a document's noun (`a statement from the Harbor Authority`, `the
    /// letter by Ana Ruiz`): a person, or a body by its proper name, named by the rest of
    /// the phrase. (Not a description, `the statement from Kyiv’s European allies`: the
    /// document, which outlets name alike, speaks for it.)
    fn author_after(&self, end: usize) -> Option<Mention> {
        if !matches!(self.lower.word(end), "from" | "by") || end + 1 >= self.words.len() {
            return None;
        }
        self.sub_phrase(end + 1, self.words.len())
            .filter(|m| match &m.kind {
                MentionKind::Person { .. } => true,
                MentionKind::Body { name } => name.split_whitespace().all(is_capitalised),
                _ => false,
            })
    }

    /// The person name runs: capitalised words (with particles), each ending at the
    /// first possessive, as word ranges.
    fn name_runs(&self) -> Vec<(usize, usize)> {
        let lex = Lexicon::get();
        let words = &self.words;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if is_capitalised(self.wd(i)) && !is_party_tag(self.wd(i)) {
                let s = i;
                let particle_run = |i: usize| {
                    // "van der Heijden", "de la Cruz": particles followed by a capitalised word.
                    let mut j = i;
                    while j < words.len() && lex.name_particles.contains(&self.lower.word(j)) {
                        j += 1;
                    }
                    j > i && j < words.len() && is_capitalised(self.wd(j))
                };
                while i < words.len()
                    && (is_capitalised(self.wd(i)) || (i > s && particle_run(i)))
                    && !(i > s && (is_party_tag(self.wd(i)) || !self.spaced(i)))
                {
                    i += 1;
                    if is_possessive(self.wd(i - 1)) {
                        break;
                    }
                }
                runs.push((s, i));
            } else {
                i += 1;
            }
        }
        runs
    }

    /// What the phrase's head makes it, before its name runs are read as a person: a
    /// document family, a titled person before a preposition, a body (by its head, a
    /// post-modifier or its places) or a role.
    fn head_mention(&self, runs: &[(usize, usize)]) -> Option<Mention> {
        let lex = Lexicon::get();
        let (words, lower) = (&self.words, &self.lower);
        let last = words.len() - 1;
        // (Not "Anthony Romero in a statement": a name before a preposition is the head.)
        let in_phrase = |start: usize| {
            (1..start).any(|p| PREPS.contains(&lower.word(p)) && is_capitalised(self.wd(p - 1)))
        };
        let family = self.family().filter(|&(start, _, _)| !in_phrase(start));
        if let Some((start, end, _)) = family {
            if let Some(author) = self.author_after(end) {
                return Some(author);
            }
            if let Some(issuer) = self.issuer_before(start) {
                return Some(issuer);
            }
        }
        // A one-word alias (`the statement`) is the family only where the article names
        // the family in full (`a joint statement`, `the final declaration`): elsewhere it
        // is any statement, named by its own word.
        let named_in_full =
            |&(start, end, f): &(usize, usize, &String)| end - start > 1 || self.article_names(f);
        if let Some((_, _, family)) = family.filter(named_in_full) {
            // Only when the family noun is the head, not a modifier of a person.
            let person_after = runs
                .last()
                .is_some_and(|&(s, e)| e == words.len() && s > 0 && !self.head_is_body(last));
            if !person_after {
                return Some(self.mention(MentionKind::Body {
                    name: family.clone(),
                }));
            }
        }
        // "Professor Henrik Solberg-Nilsen of the University of Greyhaven": the head comes
        // before the first preposition; take it when it is a full or titled name.
        if let Some(p) = (1..words.len())
            .find(|&p| PREPS.contains(&lower.word(p)) && is_capitalised(self.wd(p - 1)))
        {
            // (The head's tokens are the phrase's first `p`: the span ends where a token does.)
            if let Some(m) = self.sub_phrase(0, p) {
                if let MentionKind::Person { name, role } = &m.kind {
                    if name.contains(' ') || !role.is_empty() {
                        return Some(m);
                    }
                }
            }
        }
        let body = || {
            self.mention(MentionKind::Body {
                name: body_name(self.np),
            })
        };
        if self.head_is_body(last) || self.body_with_complement() {
            return Some(body());
        }
        // A body head with a post-modifier: "officials familiar with the talks", "sources close to X".
        if let Some(h) = (0..words.len().min(4)).find(|&h| {
            self.head_is_body(h)
                && h + 1 < lower.len()
                && lex.body_postmodifiers.contains(&lower.word(h + 1))
        }) {
            if !runs.iter().any(|&(s, e)| s > h && e - s >= 2) {
                return Some(body());
            }
        }
        // Coordinated bodies and places: "France and the U.K.", "Washington".
        let all_places = runs.iter().all(|&(s, e)| {
            (s..e).all(|k| {
                lex.places.contains(strip_possessive(self.wd(k))) || is_acronym(self.wd(k))
            })
        });
        // (A state or city alone never speaks: only a country or an acronym makes the body.)
        let speaks = runs.iter().any(|&(s, e)| {
            (s..e).any(|k| {
                let w = strip_possessive(self.wd(k));
                lex.countries.contains(w) || !lex.places.contains(w)
            })
        });
        if !runs.is_empty()
            && all_places
            && speaks
            && words
                .iter()
                .all(|w| is_capitalised(w) || with_lower(w, |w| matches!(w, "and" | "the" | "of")))
        {
            return Some(body());
        }
        // "the minister", "the company’s chief executive", "the judge": a role standing for a person named earlier.
        if let Some(t) = role_reference(words, lower) {
            return Some(self.mention(MentionKind::Role {
                title: t.to_string(),
            }));
        }
        self.description()
    }

    /// A description in common nouns, no title among them: `the businessman`, `the
    /// gambling tycoon` stand for someone the article may have named with those words (a
    /// role to resolve); `a reporter`, `another supporter`, `his colleague` for someone
    /// not named (a speaker of that description).
    fn description(&self) -> Option<Mention> {
        let lex = Lexicon::get();
        let lower = &self.lower;
        let n = lower.len();
        if !(2..=4).contains(&n) {
            return None;
        }
        let definite = match lower.word(0) {
            "the" => true,
            "a" | "an" | "another" | "his" | "her" | "their" => false,
            _ => return None,
        };
        let plain = |k: usize| {
            let w = lower.word(k);
            let word = self.wd(k);
            w.len() >= 2
                && word
                    .chars()
                    .all(|c| c.is_lowercase() || matches!(c, '-' | '’' | '\''))
                && !word.starts_with('-')
                && !w.ends_with("ly")
                && !lex.stop_words.contains(&w)
                && !lex.more_stop_words.contains(&w)
                && !lex.prepositions.contains(&w)
                && !lex.more_prepositions.contains(&w)
                && lex.cue(w).is_none()
                && !lex.quantifiers.contains(&w)
        };
        // The head is a noun: not a participle ("the thinking", "the affected").
        let head = lower.word(n - 1);
        if !(1..n).all(|k| plain(k) && self.spaced(k))
            || head.len() < 3
            || head.ends_with("ing")
            || head.ends_with("ed")
        {
            return None;
        }
        let words = lower.run(1, n).to_string();
        Some(self.mention(if definite {
            MentionKind::Role { title: words }
        } else {
            MentionKind::Body { name: words }
        }))
    }

    /// The person the last non-possessive name run names, with the role words before it
    /// (or a body, when the run is only countries, an acronym or a count of people).
    /// Whether the phrase opens with a count of people: a listed quantifier ("most",
    /// "one in three"), a fraction of them ("three-fourths", "two-thirds") or a share
    /// ("74 percent", "29%").
    fn counts_people(&self) -> bool {
        let quantifiers = &Lexicon::get().quantifiers;
        let w = self.lower.word(0);
        let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        quantifiers.contains(&w)
            || w.split_once('-').is_some_and(|(a, b)| {
                // A fraction ("two-thirds"), not a compound number ("twenty-seven").
                quantifiers.contains(&a) && b.ends_with('s') && !quantifiers.contains(&b)
            })
            || w.strip_suffix('%').is_some_and(number)
            || (number(w) && self.lower.word(1) == "percent")
    }

    fn person(&self, runs: &[(usize, usize)]) -> Option<Mention> {
        let lex = Lexicon::get();
        let lower = &self.lower;
        let words = &self.words;
        // "One in three said", "Most of them said": a count of people is a group.
        // (Not "Majority Leader Ana Ruiz": the count is followed by a small word or nothing.)
        let counts = words.len() == 1 || !is_capitalised(self.wd(1));
        if self.counts_people() && counts && !self.has_full_name(runs) {
            // The count up to a relative pronoun or clause word ("40 percent who said").
            let n = (1..words.len().min(6))
                .find(|&k| {
                    let w = lower.word(k);
                    lex.relative_pronouns.contains(&w) || lex.clause_words.contains(&w)
                })
                .unwrap_or(words.len().min(6));
            return Some(self.mention(MentionKind::Body {
                name: lower.run(0, n).trim_end_matches([',', '.']).to_string(),
            }));
        }
        // "Ravi Anand — a Yale-educated cardiologist —": the name before a dash is the head.
        // So is the name before a clause ("Trump as he dined with Clinton").
        let dash = (1..words.len()).find(|&k| {
            let (a, b) = (self.tok_span(k - 1), self.tok_span(k));
            (a.end <= b.start && Span::new(a.end, b.start).of(self.text).contains(['—', '–']))
                || lex.clause_words.contains(&lower.word(k))
        });
        let before_dash = |&&(_, e): &&(usize, usize)| dash.is_none_or(|d| e <= d);
        let runs: Vec<(usize, usize)> = if runs.iter().any(|r| before_dash(&r)) {
            runs.iter().filter(before_dash).copied().collect()
        } else {
            runs.to_vec()
        };
        let words = match dash.filter(|_| runs.iter().all(|r| before_dash(&r))) {
            Some(d) => words.get(..d).unwrap_or_default(),
            None => words.as_slice(),
        };
        let (rs, re) = *runs
            .iter()
            .rev()
            .find(|&&(_, e)| !(is_possessive(self.wd(e - 1)) && e < words.len()))?;
        // The run must end the phrase (`Witkoff`, `French President Emmanuel Macron`) or be
        // followed only by an apposition or a party tag (`John Mica (R-Fla.)`).
        let after = words.get(re..).unwrap_or_default();
        if after.iter().any(|w| is_capitalised(w) && !is_party_tag(w)) {
            return None;
        }
        if re < words.len() && re + 3 < words.len() && !after.iter().any(|w| is_party_tag(w)) {
            return None;
        }
        // A title that starts before the run and ends inside it: "Secretary of State
        // Hillary Clinton" (the run is "State Hillary Clinton").
        let (role_from, name_start) = run::title_into_run(&self.lower, rs, re);
        let name_start = run::name_start_in_run(&self.words, &self.lower, name_start, re);
        // A dateline's month, a headline's verb or a hyphenated modifier ends the name.
        let name_end = (name_start + 1..re)
            .find(|&k| ends_name(self.wd(k), lower.word(k)))
            .unwrap_or(re);
        let name_start = self.name_after_description(name_start, name_end);
        let name_words: Vec<&str> = words
            .get(name_start..name_end)
            .unwrap_or_default()
            .iter()
            .map(|w| strip_possessive(w))
            .collect();
        if name_words.is_empty() {
            return None;
        }
        if let Some(not_person) = self.not_a_person(&name_words) {
            return not_person;
        }
        if let Some(group) = self.adjective_of_group(&name_words, name_start, name_end) {
            return Some(group);
        }
        let role_start = (0..rs)
            .rev()
            .take_while(|&j| {
                lex.is_title(lower.word(j))
                    || lower.word(j).contains('.')
                    || looks_demonym(self.wd(j))
                    || lex.places.contains(self.wd(j))
            })
            .last()
            .unwrap_or(rs)
            .min(role_from.unwrap_or(rs));
        let mut role: Vec<&str> = words
            .get(role_start..name_start)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|w| !lex.nonnames.contains(strip_possessive(w)))
            .collect();
        // A party tag (`R-Fla.`) belongs with the role.
        role.extend(
            words
                .iter()
                .filter(|w| is_party_tag(w))
                .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | ','))),
        );
        let name_span = Span::new(
            self.tok_span(name_start).start,
            self.tok_span(name_end - 1).end,
        );
        Some(Mention {
            span: name_span,
            kind: MentionKind::Person {
                name: name_words.join(" "),
                role: role.join(" "),
            },
        })
    }

    /// "Police Commissioner Richard Ross": in a run (`from..to`) that does not open with
    /// a first name, a known first name with a word after it opens the name when a title,
    /// a place, a nationality or a body's head comes before it; those words describe the
    /// person, in the role. (Not "Christine Todd Whitman", nor "Norbert Leo Butz".) Where
    /// the name starts.
    fn name_after_description(&self, from: usize, to: usize) -> usize {
        let (lex, lower) = (Lexicon::get(), &self.lower);
        if to < from + 3 || lex.genders.contains_key(lower.word(from)) {
            return from;
        }
        let describes = |k: usize| {
            lex.titles.contains(lower.word(k))
                || lex.places.contains(self.wd(k))
                || looks_demonym(self.wd(k))
                || lex.body_heads.contains(lower.word(k))
        };
        (from + 1..to - 1)
            .find(|&p| {
                lex.genders.contains_key(lower.word(p))
                    && !self.wd(p - 1).ends_with('.')
                    && (from..p).any(describes)
            })
            .unwrap_or(from)
    }

    /// A party, a leaning or a nationality before a common noun is the phrase's
    /// adjective, no person's name: "Democratic voters", "Clinton’s Democratic opponent",
    /// "Chinese military commentators" name a group or a description (the body), when the
    /// phrase ends, within three words, in a title or a body's head noun.
    fn adjective_of_group(
        &self,
        name_words: &[&str],
        name_start: usize,
        name_end: usize,
    ) -> Option<Mention> {
        let lex = Lexicon::get();
        let lower = &self.lower;
        let [only] = name_words else { return None };
        if !(self.wd(name_end)).starts_with(char::is_lowercase) {
            return None;
        }
        let adjective = lex.unmerged_names.contains(&lower.word(name_start))
            || lex.demonyms.contains_key(*only);
        let rest = (name_end..self.words.len()).map(|k| lower.word(k));
        if !adjective || !(1..=3).contains(&rest.len()) {
            return None;
        }
        let nouns = rest.clone().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !in_lower_list(w, &lex.stop_words)
                && !in_lower_list(w, &lex.prepositions)
        });
        let head = lower.word(self.words.len().saturating_sub(1));
        let names_people = || {
            lex.is_title(head)
                || head.strip_suffix('s').is_some_and(|h| lex.is_title(h))
                || lex.body_heads.contains(head)
        };
        (nouns && names_people()).then(|| {
            self.mention(MentionKind::Body {
                name: body_name(self.np),
            })
        })
    }

    /// "the Center for Responsive Politics", "Institute for the Study of War": a
    /// capitalised body head with a capitalised complement names the body.
    fn body_with_complement(&self) -> bool {
        let lower = &self.lower;
        let opens = |k: usize| in_lower_list(self.wd(k), &Lexicon::get().np_determiners);
        let Some(h) =
            (0..self.words.len().min(2)).find(|&h| (0..h).all(opens) && self.head_is_body(h))
        else {
            return false;
        };
        is_capitalised(self.wd(h))
            && matches!(lower.word(h + 1), "for" | "of" | "on" | "to")
            && h + 2 < self.words.len()
            && (h + 2..self.words.len()).all(|k| {
                !is_possessive(self.wd(k))
                    && (is_capitalised(self.wd(k))
                        || matches!(lower.word(k), "the" | "of" | "for" | "and" | "on"))
            })
    }

    /// What name words that are no person's make the phrase: a country's or an acronym's
    /// body, or no speaker (a dateline, a sentence opener, a heading in capitals); `None`
    /// when they are a person's name.
    fn not_a_person(&self, name_words: &[&str]) -> Option<Option<Mention>> {
        let lex = Lexicon::get();
        let body = |name: String| Some(self.mention(MentionKind::Body { name }));
        // (A lone determiner or quantifier opening the sentence, "Another ranking", "Any
        // single poll", is no name either.)
        let function_word =
            |w: &str| in_lower_list(w, &lex.quantifiers) || in_lower_list(w, &lex.np_determiners);
        if name_words
            .iter()
            .all(|w| lex.nonnames.contains(*w) || lex.places.contains(*w) || function_word(w))
        {
            // A country speaks for its government; a state, a city or a dateline never speaks.
            if name_words.iter().all(|w| lex.countries.contains(*w)) {
                return Some(body(name_words.join(" ")));
            }
            return Some(None);
        }
        let capitals = |w: &str| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        if let [only] = name_words {
            if capitals(only) {
                // An acronym (`FBI`, `NATO`) is a body; a longer word in capitals (a
                // heading's `VOTERS`) is no speaker.
                return Some(if is_acronym(only) {
                    body(only.to_string())
                } else {
                    None
                });
            }
        }
        // A heading in capitals ("JUST TOO EARLY"): no name in running text is written so.
        if name_words.len() >= 2
            && name_words.iter().all(|w| capitals(w))
            && name_words.iter().all(|w| !w.contains('.'))
            && name_words
                .iter()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        {
            return Some(None);
        }
        None
    }

    /// Whether a run of two or more capitalised words (a full name) follows the first word.
    fn has_full_name(&self, runs: &[(usize, usize)]) -> bool {
        runs.iter()
            .any(|&(s, e)| s > 0 && e - s >= 2 && !self.lower.word(s).is_empty())
    }
}

#[cfg(test)]
mod tests;
