//! The word tests a noun phrase is read with: lower-cased words held once, and the
//! shapes of a name's words (capitalised, possessive, a party tag, a month, an acronym).

use crate::lexicon::Lexicon;
use crate::text::{str_from, with_lower, Span};

/// The words of a phrase in lower case, exactly as `str::to_lowercase` gives them and with
/// `'` written `’` (as the lexicons spell it), held in one string joined by single spaces:
/// a run of words is then a slice of it, not a new joined `String`.
pub(super) struct Lowered {
    buf: String,
    /// The byte range of each word in `buf`.
    at: Vec<(usize, usize)>,
}

impl Lowered {
    pub(super) fn new(words: &[&str]) -> Lowered {
        let mut buf = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut at = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            let start = buf.len();
            if w.is_ascii() {
                // An ASCII word lower-cases in place (as `to_lowercase` would), with no copy
                // through `with_lower`'s buffer and no UTF-8 check of it.
                buf.push_str(w);
                if let Some(added) = buf.get_mut(start..) {
                    added.make_ascii_lowercase();
                }
            } else {
                with_lower(w, |l| buf.push_str(l));
            }
            if str_from(&buf, start).contains('\'') {
                let l = buf.split_off(start);
                buf.push_str(&l.replace('\'', "’"));
            }
            at.push((start, buf.len()));
        }
        Lowered { buf, at }
    }
    pub(super) fn len(&self) -> usize {
        self.at.len()
    }
    /// Word `i` ("" past the last).
    pub(super) fn word(&self, i: usize) -> &str {
        self.at
            .get(i)
            .map_or("", |&(s, e)| Span::new(s, e).of(&self.buf))
    }
    /// Words `a..b` (`a < b`) joined by single spaces ("" when not all are there).
    pub(super) fn run(&self, a: usize, b: usize) -> &str {
        match (
            self.at.get(a),
            b.checked_sub(1).and_then(|z| self.at.get(z)),
        ) {
            (Some(&(s, _)), Some(&(_, e))) => Span::new(s, e).of(&self.buf),
            _ => "",
        }
    }
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// A party tag after a politician's name: `R-Fla.`, `D-Calif`, `I-Vt.`, `R-OH`.
pub(crate) fn is_party_tag(w: &str) -> bool {
    // (Most words fail on their first two bytes: `R-`, `D-`, `I-`, after a bracket.)
    let b = w.trim_start_matches('(').as_bytes();
    if !matches!(b, [b'R' | b'D' | b'I', b'-', ..]) {
        return false;
    }
    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
    let mut parts = w.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|st| {
            (2..=6).contains(&st.len())
                && st.starts_with(char::is_uppercase)
                && st.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
}

/// A word that ends a person's name when it follows one: a month or weekday (a dateline's
/// `WASHINGTON Dec.`), a speech verb (a headline's `Hollande Says`) or a hyphenated
/// modifier (`League-trained`).
pub(super) fn ends_name(w: &str, lower: &str) -> bool {
    let lex = Lexicon::get();
    is_calendar(lower)
        || lex.cue(lower).is_some()
        || w.split_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase) && !lex.is_title(lower))
}

/// A month or weekday, in full or cut short (`Nov.`, `Tues.`), lower case.
pub(super) fn is_calendar(lower: &str) -> bool {
    let bare = lower.trim_end_matches('.');
    let lex = Lexicon::get();
    // The first bytes the calendar's names start with, and their longest length: most
    // words are ruled out before any list is read.
    static SHAPE: std::sync::OnceLock<(u128, usize)> = std::sync::OnceLock::new();
    let (initials, longest) = *SHAPE.get_or_init(|| {
        let names = || lex.months.iter().chain(lex.weekdays.iter());
        // (A name opening with a byte past ASCII lets every first byte through.)
        let initials = names().fold(0u128, |acc, m| match m.bytes().next() {
            Some(b) if b.is_ascii() => acc | 1u128 << b,
            _ => u128::MAX,
        });
        (initials, names().map(|m| m.len()).max().unwrap_or(0))
    });
    let first = bare.bytes().next().unwrap_or(0);
    if bare.len() > longest || (first.is_ascii() && initials & (1u128 << first) == 0) {
        return false;
    }
    let calendar = |list: &[&str]| {
        list.iter()
            .any(|m| *m == bare || (lower.ends_with('.') && bare.len() >= 3 && m.starts_with(bare)))
    };
    calendar(&lex.months) || calendar(&lex.weekdays)
}

/// An acronym (`FBI`, `U.N.`, `NATO`): capitals, at most five letters or with stops. A
/// longer word in capitals is a heading's (`VOTERS`), no name.
pub(super) fn is_acronym(w: &str) -> bool {
    let letters = || w.chars().filter(|c| c.is_alphabetic());
    letters().all(char::is_uppercase) && (letters().count() <= 5 || w.contains('.'))
}

pub(super) fn looks_demonym(w: &str) -> bool {
    is_capitalised(w)
        && ["an", "ian", "ese", "ish", "ch", "i", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// `the (foreign) minister`, `the company’s chief executive`: determiner or possessive,
/// then only role words, the last of which is a title. Returns the title.
pub(super) fn role_reference<'a>(words: &[&str], lower: &'a Lowered) -> Option<&'a str> {
    let lex = Lexicon::get();
    if lower.len() == 0 {
        return None;
    }
    if !matches!(lower.word(0), "the" | "its" | "their" | "his" | "her")
        && !words.first().is_some_and(|w| is_possessive(w))
    {
        return None;
    }
    // The words after the determiner: `1..len`.
    let len = lower.len();
    let n = len - 1;
    if n == 0 || n > 4 {
        return None;
    }
    let two = (n >= 2)
        .then(|| lower.run(len - 2, len))
        .filter(|t| lex.titles.contains(*t));
    let title = two.or_else(|| {
        let last = lower.word(len - 1);
        // "the 46-year-old": an age stands for the person the story is about.
        (lex.titles.contains(last) || is_age(last)).then_some(last)
    })?;
    let title_words = title.split_whitespace().count();
    // Everything before the title is a modifier: a title word, a demonym, a place, a
    // possessive or a lower-case adjective; never a name.
    let ok = (1..1 + n - title_words).all(|k| {
        let Some(&w) = words.get(k) else {
            return false;
        };
        lex.titles.contains(lower.word(k))
            || looks_demonym(w)
            || is_possessive(w)
            || lex.places.contains(w)
            || !is_capitalised(w)
    });
    ok.then_some(title)
}

/// Whether a word is an age used as a noun (`46-year-old`).
pub fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old").is_some_and(|n| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c.is_alphabetic())
    })
}
