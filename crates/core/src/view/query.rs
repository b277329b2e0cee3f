//! The search language: words (all must match), `"exact phrases"`, `-word` or
//! `-"phrase"` to exclude. Case- and accent-insensitive. Parsing never fails: problems
//! (an unclosed quote, a query of only stop-words) come back as notes with a byte span
//! the UI can underline, and the query still answers sensibly.

use crate::lexicon::Common;
use crate::text::fold;
use crate::text::Span;

/// A parsed search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded words that must all occur (as substrings of the folded text).
    pub words: Vec<String>,
    /// Folded phrases that must occur as written (whitespace-normalised).
    pub phrases: Vec<String>,
    /// Folded words or phrases that must not occur.
    pub excluded: Vec<String>,
    /// Problems found while parsing, with where they are in the input.
    pub notes: Vec<(Span, String)>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty() && self.excluded.is_empty()
    }

    /// The folded terms to highlight in results.
    pub fn highlights(&self) -> Vec<String> {
        self.words
            .iter()
            .chain(self.phrases.iter())
            .cloned()
            .collect()
    }

    /// Whether a folded haystack satisfies the query.
    pub fn matches_folded(&self, hay: &str) -> bool {
        self.words.iter().all(|w| hay.contains(w.as_str()))
            && self.phrases.iter().all(|p| normalised_contains(hay, p))
            && !self.excluded.iter().any(|x| normalised_contains(hay, x))
    }
}

fn normalised_contains(hay: &str, needle: &str) -> bool {
    if !needle.contains(' ') {
        return hay.contains(needle);
    }
    let h: String = hay.split_whitespace().collect::<Vec<_>>().join(" ");
    h.contains(needle)
}

/// Parses a search box string.
pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let mut stop_only: Vec<String> = Vec::new();
    let bytes: Vec<(usize, char)> = input.char_indices().collect();
    let mut i = 0;
    while let Some(&(pos, c)) = bytes.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negate = c == '-' && bytes.get(i + 1).is_some_and(|&(_, n)| !n.is_whitespace());
        let start_i = if negate { i + 1 } else { i };
        // (`negate` has seen a char at `i + 1`.)
        let Some(&(open, sc)) = bytes.get(start_i) else {
            break;
        };
        if matches!(sc, '"' | '“' | '”') {
            // A phrase: up to the next quotation mark, or to the end if it never closes.
            let close = bytes
                .iter()
                .skip(start_i + 1)
                .position(|&(_, d)| matches!(d, '"' | '“' | '”'))
                .map(|k| start_i + 1 + k);
            let end_i = close.unwrap_or(bytes.len());
            let inner_start = open + sc.len_utf8();
            let inner_end = bytes.get(end_i).map_or(input.len(), |b| b.0);
            let phrase = fold(Span::new(inner_start, inner_end).of(input))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if close.is_none() {
                q.notes.push((
                    Span::new(open, input.len()),
                    "unclosed quotation mark: searched for the rest as a phrase".into(),
                ));
            }
            if !phrase.is_empty() {
                if negate {
                    q.excluded.push(phrase);
                } else {
                    q.phrases.push(phrase);
                }
            }
            i = end_i + 1;
            continue;
        }
        let end_i = bytes
            .iter()
            .skip(start_i)
            .position(|&(_, d)| d.is_whitespace())
            .map_or(bytes.len(), |k| start_i + k);
        let word_end = bytes.get(end_i).map_or(input.len(), |b| b.0);
        let word = fold(Span::new(open, word_end).of(input));
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if !word.is_empty() {
            if negate {
                q.excluded.push(word);
            } else if Common::get().stop_words.contains(&word.as_str()) {
                stop_only.push(word);
            } else {
                q.words.push(word);
            }
        }
        let _ = pos;
        i = end_i;
    }
    if q.words.is_empty() && q.phrases.is_empty() && !stop_only.is_empty() {
        // Only stop-words: search for them as a phrase rather than ignore the user.
        q.notes.push((
            Span::new(0, input.len()),
            "only common words: searched for them as a phrase".into(),
        ));
        q.phrases.push(stop_only.join(" "));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_exclusions() {
        let q = parse("Merz  \"not ruling\" -Greece -\"boots on\"");
        assert_eq!(q.words, vec!["merz"]);
        assert_eq!(q.phrases, vec!["not ruling"]);
        assert_eq!(q.excluded, vec!["greece", "boots on"]);
        assert!(q.notes.is_empty());
        assert!(q.matches_folded(&fold("Merz: we are NOT   ruling anything out")));
        assert!(!q.matches_folded(&fold("Merz: not ruling out Greece")));
    }

    #[test]
    fn accents_and_case() {
        let q = parse("ÉLYSÉE");
        assert!(q.matches_folded(&fold("at the Elysee Palace")));
    }

    #[test]
    fn unbalanced_quote_and_stop_words_answer_sensibly() {
        let q = parse("\"security guar");
        assert_eq!(q.phrases, vec!["security guar"]);
        assert_eq!(q.notes.len(), 1);
        assert_eq!(q.notes[0].0, Span::new(0, 14));
        let q = parse("the of");
        assert_eq!(q.phrases, vec!["the of"]);
        assert!(!q.notes.is_empty());
        let q = parse("the Merz");
        assert_eq!(q.words, vec!["merz"]);
        assert!(parse("   ").is_empty());
        assert!(parse("-").words == Vec::<String>::new());
    }
}
