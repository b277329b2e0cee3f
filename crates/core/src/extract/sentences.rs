//! The second stage, `Layout → Sentence`: quote-aware sentence splitting inside a body
//! block (abbreviations such as `Gen.` and `U.S.` do not end a sentence), and the word
//! tokens the later stages read. Every sentence and token is a byte span.

use crate::lexicon::Lexicon;
use crate::text::{is_space, str_from, str_to, trim_span, Span};

/// A word token: letters and digits with inner `.`, `’`, `'`, `-` (`U.S.`, `son-in-law`, `Trump’s`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.of(text)
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{2000}'..='\u{206f}') {
        // General punctuation (curly quotes, dashes, `…`, odd spaces): no letter or digit,
        // and the non-ASCII characters news text has most, so kept out of the Unicode tables.
        false
    } else if matches!(c, '\u{c0}'..='\u{24f}') {
        // Latin letters with accents (`é`, `ł`, `ș`), but for `×` and `÷`.
        !matches!(c, '\u{d7}' | '\u{f7}')
    } else {
        c.is_alphanumeric()
    }
}

/// The character at byte `i` of `s` and its length: ASCII without decoding, since
/// nearly every character of news text is.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    str_from(s, i).chars().next().map(|c| (c, c.len_utf8()))
}

/// Word tokens of `span`, in order.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    out.extend(token_iter(text, span));
    out
}

/// The word tokens of `span`, one at a time: exactly what [`tokens`] gives, for a caller
/// that needs only the first few (the cost is then that of the tokens read, not of the span).
pub fn token_iter(text: &str, span: Span) -> TokenIter<'_> {
    TokenIter {
        s: span.of(text),
        base: span.start,
        i: 0,
    }
}

/// See [`token_iter`].
pub struct TokenIter<'a> {
    s: &'a str,
    base: usize,
    i: usize,
}

impl Iterator for TokenIter<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        let s = self.s;
        while let Some((c, len)) = char_at(s, self.i) {
            if !is_word_char(c) {
                self.i += len;
                continue;
            }
            let start = self.i;
            let mut end = self.i + len;
            loop {
                // The bulk of a word, ASCII letters and digits, byte by byte.
                while s.as_bytes().get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some((d, dlen)) = char_at(s, end) else {
                    break;
                };
                if is_word_char(d) {
                    end += dlen;
                } else if matches!(d, '.' | '\'' | '’' | '-' | '‑') {
                    // Inner joiner only when a word char follows; a trailing `.` of an
                    // abbreviation (`U.S.`) is kept when the token already has inner dots.
                    let after = char_at(s, end + dlen).map(|(a, _)| a);
                    if after.is_some_and(is_word_char) {
                        end += dlen;
                    } else if d == '.'
                        && (Span::new(start, end).of(s).contains('.')
                            || (end - start == 1
                                && Span::new(start, end).of(s).chars().all(char::is_uppercase))
                            || Lexicon::get()
                                .abbreviations
                                .contains(Span::new(start, end + 1).of(s)))
                    {
                        // `U.S.`, an initial `J.`, or a listed abbreviation `Gen.`: the dot belongs
                        // to the word; a joiner may still follow (`U.S.-led`).
                        end += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            self.i = end;
            return Some(Token {
                span: Span::new(self.base + start, self.base + end),
            });
        }
        None
    }
}

/// Splits a body block into sentences. Boundaries inside `protected` spans (quotations)
/// are ignored, except right after a quotation that itself ends a sentence.
pub fn sentences(text: &str, block: Span, protected: &[Span]) -> Vec<Span> {
    let lex = Lexicon::get();
    let s = block.of(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    // Jump from one terminal mark to the next: `.`, `!`, `?` are ASCII, and the first byte of
    // `…` (0xE2) is checked for the whole character below. Every other character is passed over.
    while let Some(off) = s.as_bytes().get(i..).and_then(|r| {
        r.iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    }) {
        i += off;
        let Some(c) = str_from(s, i).chars().next() else {
            break;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        let abs = block.start + i;
        // Inside a quotation, unless this punctuation is the last thing before its closing mark.
        let inside = {
            // Protected spans are sorted and disjoint: look at the last one starting before `abs`.
            let idx = protected.partition_point(|p| p.start < abs);
            idx.checked_sub(1)
                .and_then(|k| protected.get(k))
                .is_some_and(|p| {
                    let close_len = p.of(text).chars().next_back().map_or(1, char::len_utf8);
                    abs + c.len_utf8() < p.end.saturating_sub(close_len)
                })
        };
        if inside {
            i += c.len_utf8();
            continue;
        }
        // Absorb closing marks and more terminal punctuation.
        let mut end = i + c.len_utf8();
        while let Some(d) = str_from(s, end)
            .chars()
            .next()
            .filter(|d| matches!(d, '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | '»'))
        {
            end += d.len_utf8();
        }
        let rest = str_from(s, end);
        let next_non_space = rest.chars().find(|d| !is_space(*d));
        let has_space = rest.chars().next().is_some_and(is_space);
        let starts_new = next_non_space.is_some_and(|d| {
            d.is_uppercase()
                || d.is_ascii_digit()
                || matches!(d, '“' | '"' | '‘' | '\'' | '(' | '«' | '—')
        });
        let after_quote = end > i + c.len_utf8();
        if has_space
            && starts_new
            && !(after_quote && attribution_follows(rest, lex))
            && !(c == '.' && is_abbreviation_end(text, block.start + i, lex))
            && (c != '…' || rest.trim_start().starts_with(char::is_uppercase))
        {
            out.push(trim_span(
                text,
                Span::new(block.start + start, block.start + end),
            ));
            start = end;
        }
        i = end;
    }
    let last = trim_span(text, Span::new(block.start + start, block.end));
    if !last.is_empty() {
        out.push(last);
    }
    out.retain(|sp| !sp.is_empty());
    out
}

/// Whether `rest`, the text after a quotation that ends in `.`, `?` or `!`, opens with
/// its attribution, which belongs to the quote's sentence (`“Is it over?” Ana Ruiz asked.`,
/// `“No!” said Mr. Ruiz,`): at most five words up to a comma or a period that ends no
/// abbreviation, the first or the last of them a verb of saying and no other one.
fn attribution_follows(rest: &str, lex: &Lexicon) -> bool {
    let cue = |w: &str| lex.cue(w).is_some_and(|f| !f.participle);
    let mut words: Vec<&str> = Vec::with_capacity(6);
    for w in rest.split_whitespace().take(6) {
        let bare = w.trim_end_matches([',', '.']);
        if bare.is_empty() || bare.contains(['“', '”', '"', '!', '?', ';', ':']) {
            return false;
        }
        words.push(bare);
        let abbreviation = w.ends_with('.')
            && (lex.abbreviations.contains(w)
                || (bare.chars().count() == 1 && bare.starts_with(char::is_uppercase)));
        if w.ends_with(',') || (w.ends_with('.') && !abbreviation) {
            return (2..=5).contains(&words.len())
                && (words.first().is_some_and(|w| cue(w)) || words.last().is_some_and(|w| cue(w)))
                && words.iter().filter(|w| cue(w)).count() == 1;
        }
    }
    false
}

/// Whether the period at `dot` closes an abbreviation or an initial rather than a sentence.
fn is_abbreviation_end(text: &str, dot: usize, lex: &Lexicon) -> bool {
    let before = str_to(text, dot + 1);
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| is_space(*c) || matches!(c, '(' | '“' | '"' | '—'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = str_from(before, word_start);
    if word.chars().count() == 2 && word.starts_with(char::is_uppercase) {
        return true; // An initial: `J.`
    }
    // A run of initials (`J.M.`, `J.R.R.`) is read like a listed abbreviation.
    let initials = word.len() >= 4
        && word.len() % 2 == 0
        && (word.as_bytes().chunks(2)).all(|p| matches!(p, [c, b'.'] if c.is_ascii_uppercase()));
    if !initials && !lex.abbreviations.contains(word) {
        return false;
    }
    // `U.S.` can still end a sentence: trust a following pronoun or article.
    let after = str_from(text, dot + 1).trim_start_matches(is_space);
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    !(word.len() > 3
        && word.chars().filter(|c| *c == '.').count() >= 2
        && lex.sentence_openers.contains(&next.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_keeps_its_attribution() {
        for (t, n) in [
            ("“Is it over?” Ana Ruiz asked. “Yes.”", 2),
            ("“No!” said Mr. Ruiz, smiling. Then he left.", 2),
            ("“It is over.” Ana Ruiz left the room. She was tired.", 3),
            ("“It is over.” The mayor said nothing more.", 2),
        ] {
            let b = Span::new(0, t.len());
            let mut q = Vec::new();
            let mut from = 0;
            while let (Some(o), Some(c)) = (
                t.get(from..).and_then(|r| r.find('“')).map(|i| i + from),
                t.get(from..).and_then(|r| r.find('”')).map(|i| i + from),
            ) {
                q.push(Span::new(o, c + '”'.len_utf8()));
                from = c + '”'.len_utf8();
            }
            let s: Vec<&str> = sentences(t, b, &q).iter().map(|s| s.of(t)).collect();
            assert_eq!(s.len(), n, "{t}: {s:?}");
        }
    }

    #[test]
    fn sentence_split_keeps_abbreviations() {
        let t = "The U.S. envoy spoke. Gen. Alexus Grynkewich agreed on Jan. 6 with Mr. Smith. “Yes.” He left.";
        let b = Span::new(0, t.len());
        let q = [Span::new(
            t.find('“').unwrap(),
            t.find('”').unwrap() + '”'.len_utf8(),
        )];
        let s: Vec<&str> = sentences(t, b, &q).iter().map(|s| s.of(t)).collect();
        assert_eq!(
            s,
            vec![
                "The U.S. envoy spoke.",
                "Gen. Alexus Grynkewich agreed on Jan. 6 with Mr. Smith.",
                "“Yes.”",
                "He left."
            ]
        );
    }

    /// The sentences of `input` (its quotes protected, as the pipeline does), joined by
    /// " | ".
    fn split(input: &str) -> String {
        let mut issues = Vec::new();
        let block = Span::new(0, input.len());
        let quotes = crate::extract::quotes::find_quotes(input, &[block], &mut issues);
        let protected: Vec<Span> = quotes.iter().flatten().map(|q| q.outer).collect();
        let s: Vec<&str> = (sentences(input, block, &protected).iter())
            .map(|s| s.of(input))
            .collect();
        s.join(" | ")
    }

    #[test]
    fn sentences_of_news_copy() {
        // One case a line: a paragraph in the patterns news copy uses, and its sentences.
        let check = |input: &str, expect: &str| assert_eq!(split(input), expect, "{input}");
        check(
            "Sen. Ann Lee (D-Ore.) spoke first. Rep. Tom Reyes, R-Texas, followed.",
            "Sen. Ann Lee (D-Ore.) spoke first. | Rep. Tom Reyes, R-Texas, followed.",
        );
        check(
            "“We won. We will win again,” she said. The crowd cheered.",
            "“We won. We will win again,” she said. | The crowd cheered.",
        );
        check(
            "He asked, “Who pays?” Nobody answered.",
            "He asked, “Who pays?” | Nobody answered.",
        );
        check("The vote is set for Nov. 8 in Washington, D.C. The polls open at 7 a.m. in most states.", "The vote is set for Nov. 8 in Washington, D.C. | The polls open at 7 a.m. in most states.");
        // (An initialism ending a sentence before a capitalised word that is no sentence
        // opener, "D.C. Polls open", stays one sentence: "U.S. Senate" looks the same.)
        check(
            "Talks in Washington, D.C. Polls open at 7 a.m.",
            "Talks in Washington, D.C. Polls open at 7 a.m.",
        );
        // Initials run together ("J.M. Berger") are read as an abbreviation is.
        check(
            "The report, by J.M. Berger, came out. J.M. Berger said so. It was read in the N.F.L. He left.",
            "The report, by J.M. Berger, came out. | J.M. Berger said so. | It was read in the N.F.L. | He left.",
        );
        check(
            "The bill passed 52-48. It now goes to the House.",
            "The bill passed 52-48. | It now goes to the House.",
        );
        check(
            "She cited the Sept. 11 attacks. “Never again,” she said.",
            "She cited the Sept. 11 attacks. | “Never again,” she said.",
        );
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let t = "U.S.-led force, Trump’s son-in-law J. Doe.";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.text(t))
            .collect();
        assert_eq!(
            toks,
            vec!["U.S.-led", "force", "Trump’s", "son-in-law", "J.", "Doe"]
        );
    }

    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
