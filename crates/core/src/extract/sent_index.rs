//! The sentence index: where the boundary characters, clause words, `", "`, list markers
//! and clause stops lie in one long sentence, found in one pass, so that the subject of
//! each cue (`phrases.rs`) and the end of each reported clause (`indirect.rs`) are found
//! by binary search.

use crate::lexicon::Lexicon;
use crate::text::{in_lower_list, str_from, Span};

/// Where the characters and words that the subject of a cue (`np_before`) and the end of
/// a reported clause look for lie in one sentence, found in one pass, so that each cue
/// asks by binary search instead of scanning the sentence up to (or from) it: with many
/// cues in one long sentence, those scans made the cost cues × sentence length.
/// Positions are byte offsets in the text, in order.
#[derive(Default)]
pub struct SentIndex {
    /// Each [`boundary_char`]: (start, end).
    pub boundaries: Vec<(usize, usize)>,
    /// The words (runs of characters that are neither whitespace nor a boundary
    /// character) that are clause words (`Lexicon::clause_words`): (start, end).
    pub clause_words: Vec<(usize, usize)>,
    /// Each `", "`.
    pub comma_spaces: Vec<usize>,
    /// The first place of each of [`LIST_MARKERS`] (a marker begins with a space, so
    /// only spaces are tried).
    pub markers: [Option<usize>; 3],
    /// Each place of each of [`CLAUSE_STOPS`] (overlapping ones too, as `find` from any
    /// place would find them).
    pub stops: [Vec<usize>; 3],
}

/// Sentences up to this many bytes are scanned directly by `np_before` and the clause
/// ends, as building a [`SentIndex`] costs more than the few short scans of a normal
/// sentence; each scan is then bounded by this length, so the cost stays linear.
pub const SHORT_SENTENCE: usize = 512;

/// Where a list of names after the head of a noun phrase begins.
pub const LIST_MARKERS: [&str; 3] = [" including ", " such as ", " among them "];
/// Where a reported clause stops at the latest.
pub const CLAUSE_STOPS: [&str; 3] = [" — but ", "; ", " – but "];

/// The characters that bound a phrase: punctuation inside a sentence, quote marks,
/// dashes and brackets.
pub fn boundary_char(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '”' | '"' | '—' | '–' | '(' | ')' | '“')
}

impl SentIndex {
    #[cfg(test)]
    pub fn new(text: &str, sent: Span) -> SentIndex {
        let mut ix = SentIndex::default();
        ix.fill(text, sent);
        ix
    }

    /// Indexes `sent`, reusing the buffers of the sentence indexed before.
    pub fn fill(&mut self, text: &str, sent: Span) {
        let lex = Lexicon::get();
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
                        && in_lower_list(piece, &lex.clause_words)
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
                && in_lower_list(piece, &lex.clause_words)
            {
                self.clause_words.push((at(w), at(st.len())));
            }
        }
    }

    /// The first place of `CLAUSE_STOPS[k]` that lies wholly in `from..to`.
    pub fn first_stop(&self, k: usize, from: usize, to: usize) -> Option<usize> {
        let places = self.stops.get(k)?;
        let stop = CLAUSE_STOPS.get(k)?;
        let first = places.get(places.partition_point(|&p| p < from))?;
        (first + stop.len() <= to).then_some(*first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_index_finds_what_a_scan_finds() {
        let lex = Lexicon::get();
        // Every clause word passes the index's cheap pre-check.
        for w in lex.clause_words.iter() {
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
                .filter(|w| lex.clause_words.contains(w))
                .copied()
                .collect::<Vec<_>>()
        );
        assert_eq!(
            ix.boundaries.len(),
            st.chars().filter(|&c| boundary_char(c)).count()
        );
        assert_eq!(ix.comma_spaces.len(), st.matches(", ").count());
    }
}
