//! What two renderings of an utterance are compared on: their folded words, and their
//! content words (stop words, pronouns and auxiliaries left out, stemmed).

use crate::lexicon::Common;
use crate::text::fold;
use std::collections::HashSet;

/// A word the comparison leaves out: a search stop word, or a pronoun or auxiliary.
fn is_stop_word(w: &str) -> bool {
    let lex = Common::get();
    lex.stop_words.contains(&w) || lex.more_stop_words.contains(&w)
}

/// Folded words without punctuation.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'"))
        .collect()
}

/// Content words, stemmed by truncation to six letters (a plain, language-light stemmer:
/// "parliament"/"parliamentary", "deploying"/"deployment", "neighboring"/"neighbouring").
pub fn content(s: &str) -> HashSet<String> {
    words(s)
        .into_iter()
        .filter(|w| !is_stop_word(w) && w.len() > 1)
        .map(|w| {
            let w = w.trim_end_matches('s');
            w.chars().take(6).collect()
        })
        .collect()
}
