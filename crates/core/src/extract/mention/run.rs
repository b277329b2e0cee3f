//! A run of capitalised words split into role and name: the title words that open it
//! (or a title that runs into it from before), the words that open a sentence, a date or
//! an inverted verb of speech before the name, and a one-word title after a name, which
//! is a surname.

use super::words::{is_calendar, looks_demonym, strip_possessive, Lowered};
use crate::lexicon::{CueStrength, Lexicon};

/// A title that starts before the run `rs..re` and ends inside it ("Secretary of State
/// Hillary Clinton", the run being "State Hillary Clinton"): where the title starts, if
/// one does, and where the name starts.
pub(super) fn title_into_run(lower: &Lowered, rs: usize, re: usize) -> (Option<usize>, usize) {
    let lex = Lexicon::get();
    let mut role_from: Option<usize> = None;
    let mut name_start = rs;
    for j in rs.saturating_sub(lex.title_max_words)..rs {
        for n in (2..=lex.title_max_words).rev() {
            if j + n > rs && j + n < re && lex.is_title(lower.run(j, j + n)) {
                role_from = Some(role_from.map_or(j, |r| r.min(j)));
                name_start = name_start.max(j + n);
            }
        }
    }
    (role_from, name_start)
}

/// Where the name starts in the run that ends at `re`, from `name_start` (past a title
/// that runs into it): past the role words that open it, and the words that open a
/// sentence, a dateline's month or an inverted verb of speech.
pub(super) fn name_start_in_run(
    words: &[&str],
    lower: &Lowered,
    mut name_start: usize,
    re: usize,
) -> usize {
    let lex = Lexicon::get();
    let wd = |k: usize| words.get(k).copied().unwrap_or_default();
    // Split role words off the front of the run.
    let mut k = name_start;
    while k < re {
        let mut matched = 0;
        // Most words of a run (the name itself) start no title: one look-up rules out all
        // the phrases that start with them.
        if lex.is_title_start(lower.word(k)) {
            for n in (1..=lex.title_max_words.min(re - k)).rev() {
                if lex.is_title(lower.run(k, k + n)) {
                    matched = n;
                    break;
                }
            }
        }
        // A one-word title right after a first name is a surname (`Amy Pope`, `Mark
        // Judge`), not a title: titles come before names.
        // So is one that ends the run after a word that is no title, place,
        // nationality or sentence opener (`Angus King`, `Amy Pope` with a given name
        // the lexicon does not hold).
        let surname = matched == 1 && k > name_start && {
            let (before, lower_before) = k
                .checked_sub(1)
                .map_or(("", ""), |j| (wd(j), lower.word(j)));
            let plain_before = || {
                !lex.is_title_start(lower_before)
                    && !looks_demonym(before)
                    && !lex.nonnames.contains(strip_possessive(before))
                    && !is_calendar(lower_before)
            };
            !lex.places.contains(before)
                && (lex.genders.contains_key(lower_before) || (k + 1 == re && plain_before()))
        };
        if surname {
            break;
        }
        if matched > 0 {
            k += matched;
            name_start = k;
        } else {
            k += 1;
        }
    }
    // Words that open a sentence ("If", "When", "Continuing") are no part of a name.
    // Nor does a dateline's month ("Nov. 19 (UPI) — ...").
    // Nor an inverted verb of speech before the name ("Said Comey, ...").
    let inverted_cue = |k: usize| {
        k + 1 < re
            && lex.cue(lower.word(k)).is_some_and(|c| {
                c.strength == CueStrength::Strong && !c.participle && c.particle.is_none()
            })
    };
    while name_start < re
        && (lex.nonnames.contains(strip_possessive(wd(name_start)))
            || is_calendar(lower.word(name_start))
            || inverted_cue(name_start))
    {
        name_start += 1;
    }
    name_start
}
