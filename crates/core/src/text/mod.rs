//! Cleaning and segmentation that never loses the way back to the source: every block,
//! sentence and token is a byte span into the original text, always on char boundaries.
//!
//! An article is split into lines (one paragraph per line, as news text is pasted and
//! scraped). Each line gets a role: headline, body, subhead, byline, credit, boilerplate or
//! footer. Only body blocks carry statements; the others feed article metadata.

use crate::lexicon::Lexicon;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The slice, or "" if the span is not valid for `text` (never panics).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// `s[from..]`, or "" when `from` is past the end or inside a character (never panics).
/// With [`str_to`] and [`Span::of`], the one way the core slices a string by offsets.
#[inline]
pub fn str_from(s: &str, from: usize) -> &str {
    s.get(from..).unwrap_or("")
}

/// `s[..to]`, or "" when `to` is past the end or inside a character (never panics).
#[inline]
pub fn str_to(s: &str, to: usize) -> &str {
    s.get(..to).unwrap_or("")
}

/// Whitespace including no-break and zero-width spaces that scraped text is full of.
/// Calls `f` with `s` in lower case, exactly as `str::to_lowercase` gives it, without
/// allocating for a word of up to [`LOWER_BUF`] bytes: the extractor looks up nearly every
/// word it reads in a word list, and lower-casing each into a new `String` was about a
/// tenth of its time.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words are lower case already; only the others need the buffer (and its zeroing).
    if !s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return f(s);
    }
    let mut buf = [0u8; 3 * LOWER_BUF];
    f(&lower_in(s, &mut buf))
}

/// Whether `word` in lower case is one of `list` (which is lower case):
/// `with_lower(word, |w| list.contains(&w))`, with an ASCII word compared in place.
pub fn in_lower_list(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter()
            .any(|l| l.len() == word.len() && l.eq_ignore_ascii_case(word))
    } else {
        with_lower(word, |w| list.contains(&w))
    }
}

/// `s` in lower case: `s` itself when it has no capital, else written into `buf` when
/// it fits, else a new `String`. (Not generic, so [`with_lower`]'s copies stay small.)
fn lower_in<'a>(s: &'a str, buf: &'a mut [u8; 3 * LOWER_BUF]) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(s);
        }
        if s.len() <= LOWER_BUF {
            if let Some(b) = buf.get_mut(..s.len()) {
                b.copy_from_slice(s.as_bytes());
                b.make_ascii_lowercase();
                let b: &[u8] = b;
                if let Ok(l) = std::str::from_utf8(b) {
                    return Cow::Borrowed(l);
                }
            }
        }
    } else if s.len() <= LOWER_BUF && !s.contains('Σ') {
        // (A capital sigma lower-cases by its place in the word; `to_lowercase` knows how.)
        let mut n = 0;
        for c in s.chars() {
            for l in c.to_lowercase() {
                // (Four bytes hold any char: `encode_utf8` never runs out of room.)
                let Some(room) = buf.get_mut(n..).filter(|r| r.len() >= 4) else {
                    return Cow::Owned(s.to_lowercase());
                };
                n += l.encode_utf8(room).len();
            }
        }
        if let Some(Ok(l)) = buf.get(..n).map(std::str::from_utf8) {
            return Cow::Borrowed(l);
        }
    }
    Cow::Owned(s.to_lowercase())
}

/// The longest word, in bytes, that [`with_lower`] lower-cases on the stack.
pub const LOWER_BUF: usize = 64;

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00a0}' | '\u{200b}' | '\u{feff}' | '\u{2060}')
}

/// The characters of `s` whose first byte passes `lead`, with their byte offsets: a scan of
/// bytes that decodes only the characters it stops at. `lead` must accept nothing but ASCII
/// bytes and UTF-8 lead bytes (0xC2 for `«»`, 0xE2 for `“”‘’…—`), never a continuation byte.
pub fn chars_from<'a>(
    s: &'a str,
    lead: impl Fn(u8) -> bool + 'a,
) -> impl DoubleEndedIterator<Item = (usize, char)> + 'a {
    s.bytes()
        .enumerate()
        .filter(move |&(_, b)| lead(b))
        .filter_map(move |(i, b)| {
            debug_assert!(b.is_ascii() || b >= 0xC0);
            str_from(s, i).chars().next().map(|c| (i, c))
        })
}

/// Shrinks a span to exclude surrounding whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead + trail >= s.len() {
        return Span::new(
            span.start + lead.min(s.len()),
            span.start + lead.min(s.len()),
        );
    }
    Span::new(span.start + lead, span.end - trail)
}

/// The role a line plays in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockRole {
    Headline,
    Subhead,
    Body,
    Byline,
    Credit,
    Boilerplate,
    Footer,
}

/// A non-empty, trimmed line with its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub role: BlockRole,
}

/// The article's structure and the metadata its text reveals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub headline: Option<Span>,
    /// `PARIS —`, `(Reuters):`, `KYIV, Jan 6 (Reuters) -`: excluded from the first body block.
    pub dateline: Option<Span>,
    /// The agency or place named by the dateline, e.g. `Reuters`.
    pub dateline_source: Option<Span>,
    pub byline: Option<Span>,
}

impl Layout {
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.role == BlockRole::Body)
    }
}

fn ends_sentence(line: &str) -> bool {
    let l = line.trim_end_matches(is_space);
    l.ends_with(['.', '!', '?', '”', '"', '’', '…', ':', ')'])
}

/// Whether a complete sentence ends inside the line ("… in December. More"): a period,
/// question or exclamation mark after a word that is no abbreviation, then a space and a
/// capital letter. Such a line is running text, not a headline or subhead.
fn has_inner_sentence_end(line: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).any(|w| {
        let &[a, b] = w else { return false };
        a.ends_with(['.', '!', '?'])
            && a.trim_end_matches(['.', '!', '?'])
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 3
            && !lex.abbreviations.contains(a)
            && b.starts_with(char::is_uppercase)
    })
}

/// Whether a byte is an ASCII character that `char::is_whitespace` accepts.
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The number of words of `s`, counted up to `max`: `s.split_whitespace().take(max).count()`,
/// reading ASCII bytes without decoding them. [`layout`] compares it with 30 and less, and a
/// body paragraph need not be read to its end for that.
fn word_count(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while n < max {
        let Some(&x) = b.get(i) else { break };
        let (ws, len) = if x.is_ascii() {
            (is_ascii_ws(x), 1)
        } else {
            let c = str_from(s, i).chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if ws {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
        }
        i += len;
    }
    n
}

/// `word_count(line, max)`, given the number of words of `line[..head_end]`: only the rest
/// of the line is read.
fn line_words(line: &str, head_end: usize, head_words: usize, max: usize) -> usize {
    if head_words >= max {
        return max;
    }
    let rest = str_from(line, head_end);
    // A word cut by the head's end is counted in both.
    let cut = usize::from(
        str_to(line, head_end)
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
            && rest.chars().next().is_some_and(|c| !c.is_whitespace()),
    );
    (head_words + word_count(rest, max + cut - head_words) - cut).min(max)
}

/// The words of `head` in lower case, joined by single spaces. (Lower-casing word by word
/// is lower-casing the whole: even a final sigma looks no further than its word.) Read char
/// by char, ASCII without decoding: every char but `Σ` lower-cases on its own.
fn head_words_lower(head: &str) -> String {
    if head.contains('Σ') {
        let mut norm = String::with_capacity(head.len());
        for w in head.split_whitespace() {
            if !norm.is_empty() {
                norm.push(' ');
            }
            with_lower(w, |w| norm.push_str(w));
        }
        return norm;
    }
    let b = head.as_bytes();
    let mut v: Vec<u8> = Vec::with_capacity(head.len() + 8);
    let mut gap = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            i += 1;
            if is_ascii_ws(x) {
                gap = !v.is_empty();
                continue;
            }
            if gap {
                v.push(b' ');
                gap = false;
            }
            v.push(x.to_ascii_lowercase());
        } else {
            let c = str_from(head, i).chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                gap = !v.is_empty();
                continue;
            }
            if gap {
                v.push(b' ');
                gap = false;
            }
            for l in c.to_lowercase() {
                v.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }
    String::from_utf8(v).unwrap_or_default()
}

/// A line in the set of lines seen: equal when the lines are equal, hashed by its length and
/// first 32 bytes only (folded into one word), as a body paragraph is long and lines that differ mostly differ early.
#[derive(PartialEq, Eq)]
struct LineKey<'a>(&'a str);

impl std::hash::Hash for LineKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        // Folded into one word first, eight bytes at a time, so the hasher (FNV, a byte
        // at a time) reads 8 bytes, not 40.
        let b = self.0.as_bytes();
        let mut x = b.len() as u64;
        for c in b.get(..32).unwrap_or(b).chunks(8) {
            let mut w = [0u8; 8];
            if let Some(w) = w.get_mut(..c.len()) {
                w.copy_from_slice(c);
            }
            x = (x.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        h.write_u64(x);
    }
}

/// Splits the text into blocks and finds headline, dateline and byline.
pub fn layout(text: &str) -> Layout {
    let lex = Lexicon::get();
    let mut out = Layout::default();
    let mut seen: crate::lexicon::HashSet<LineKey> = Default::default();
    let mut pos = 0;
    let mut in_footer = false;
    let mut seen_content = false;
    for raw in text.split_inclusive('\n') {
        let span = trim_span(text, Span::new(pos, pos + raw.len()));
        pos += raw.len();
        if span.is_empty() {
            continue;
        }
        let line = span.of(text);
        // Boilerplate is recognised by its start; a long line needs only its first 80 chars.
        let head_end = if line.len() <= 80 {
            line.len()
        } else if line.as_bytes().get(..80).is_some_and(<[u8]>::is_ascii) {
            80
        } else {
            line.char_indices().nth(80).map_or(line.len(), |(i, _)| i)
        };
        // The head's words in lower case, joined by single spaces.
        let norm = head_words_lower(str_to(line, head_end));
        // The head's words, counted from `norm` (one space between two), and the line's
        // counted up to `max` from them: only the rest of a long line is read again.
        let head_words = if norm.is_empty() {
            0
        } else {
            norm.bytes().filter(|&b| b == b' ').count() + 1
        };
        let words = |max: usize| line_words(line, head_end, head_words, max);
        let first_content = !seen_content;
        // Whether the line was not seen before (inserted now: asked only below, where no
        // earlier line can have been inserted since).
        let fresh = seen.insert(LineKey(line));
        // Most lines start with two bytes no footer marker or boilerplate prefix starts with.
        let may_mark = lex.may_start_marker(&norm);
        // No boilerplate line is longer than the longest: most lines need no look-up.
        let bare = norm.trim_end_matches([':', '.']);
        let role = if in_footer {
            BlockRole::Footer
        } else if may_mark
            && lex
                .footer_markers
                .iter()
                .any(|m| norm.starts_with(m.as_str()))
        {
            in_footer = true;
            BlockRole::Footer
        } else if (bare.len() <= lex.boiler_line_max && lex.boiler_lines.contains(bare))
            || (may_mark
                && lex
                    .boiler_prefixes
                    .iter()
                    .any(|p| norm.starts_with(p.as_str())))
            // A repeated line: a headline echoed by the page template, a share bar twice.
            || !fresh
        {
            BlockRole::Boilerplate
        } else if is_byline(line) {
            BlockRole::Byline
        } else if words(15) <= 14 && lex.credit_markers.iter().any(|m| norm.contains(m.as_str())) {
            BlockRole::Credit
        } else if first_content
            && !ends_sentence(line)
            && (2..=30).contains(&words(31))
            && !has_inner_sentence_end(line, lex)
        {
            BlockRole::Headline
        } else if !ends_sentence(line) && words(13) <= 12 && !has_inner_sentence_end(line, lex) {
            // Short line without closing punctuation: a subhead mid-article, or a footer
            // credit ("Africa Digital News, New York") after the last paragraph.
            BlockRole::Subhead
        } else {
            BlockRole::Body
        };
        seen_content |= matches!(role, BlockRole::Body | BlockRole::Headline);
        if role == BlockRole::Headline && out.headline.is_none() {
            out.headline = Some(span);
        }
        if role == BlockRole::Byline && out.byline.is_none() {
            out.byline = Some(span);
        }
        out.blocks.push(Block { span, role });
    }
    // Short unpunctuated lines after the last body block are footer material, not subheads.
    if let Some(last_body) = out.blocks.iter().rposition(|b| b.role == BlockRole::Body) {
        for b in out.blocks.iter_mut().skip(last_body + 1) {
            if b.role == BlockRole::Subhead {
                b.role = BlockRole::Footer;
            }
        }
    }
    if let Some(first) = out.blocks.iter_mut().find(|b| b.role == BlockRole::Body) {
        if let Some((dl, src)) = dateline(text, first.span) {
            first.span = trim_span(text, Span::new(dl.end, first.span.end));
            out.dateline = Some(dl);
            out.dateline_source = src;
        }
    }
    out
}

fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && !ends_sentence(line)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "and" | "in" | "&" | "de" | "van" | "von")
        })
}

/// Finds a dateline prefix at the start of the first body paragraph.
fn dateline(text: &str, block: Span) -> Option<(Span, Option<Span>)> {
    let s = block.of(text);
    let window_end = s.char_indices().nth(80).map(|(i, _)| i).unwrap_or(s.len());
    let window = str_to(s, window_end);
    let seps = [" — ", " – ", " - ", "—", "):", ") :"];
    let (cut, sep_len) = seps
        .iter()
        .filter_map(|sep| window.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i)?;
    let head = str_to(s, cut + usize::from(str_from(s, cut).starts_with(')')));
    if head.is_empty() || head.contains(". ") {
        return None;
    }
    let mut depth = 0i32;
    let mut has_caps_word = false;
    let mut has_agency = false;
    let mut outside = String::new();
    for c in head.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                has_agency = true;
            }
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    for w in outside.split(|c: char| c.is_whitespace() || c == ',') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !w.starts_with(char::is_uppercase) {
            return None;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars().all(|c| !c.is_lowercase())
        {
            has_caps_word = true;
        }
    }
    if !(has_caps_word || has_agency) {
        return None;
    }
    // The separator ("):" for "(Reuters):") is part of the dateline.
    let end = cut + sep_len;
    let dl = Span::new(block.start, block.start + end);
    let source = head
        .find('(')
        .and_then(|o| str_from(head, o).find(')').map(|c| (o + 1, o + c)));
    let source = source
        .map(|(a, b)| Span::new(block.start + a, block.start + b))
        .or_else(|| {
            let t = trim_span(text, Span::new(block.start, block.start + head.len()));
            (!t.is_empty()).then_some(t)
        });
    Some((trim_span(text, dl), source))
}

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
        if has_space
            && starts_new
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
    if !lex.abbreviations.contains(word) {
        return false;
    }
    // `U.S.` can still end a sentence: trust a following pronoun or article.
    let after = str_from(text, dot + 1).trim_start_matches(is_space);
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    !(word.len() > 3
        && word.chars().filter(|c| *c == '.').count() >= 2
        && matches!(
            next.as_str(),
            "The"
                | "He"
                | "She"
                | "It"
                | "They"
                | "We"
                | "I"
                | "But"
                | "In"
                | "A"
                | "This"
                | "That"
        ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod lower_tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lower_case_word_by_word_is_lower_case_whole(s in "(\\PC|Σ| ){0,40}") {
            // What `layout` relies on to lower-case a line's words one at a time.
            let by_word: Vec<String> =
                s.split_whitespace().map(|w| super::with_lower(w, str::to_string)).collect();
            let whole = s.to_lowercase();
            prop_assert_eq!(by_word, whole.split_whitespace().collect::<Vec<_>>());
        }
        #[test]
        fn with_lower_is_to_lowercase(s in "\\PC{0,80}") {
            prop_assert_eq!(super::with_lower(&s, str::to_string), s.to_lowercase());
        }
    }

    #[test]
    fn with_lower_handles_the_awkward_cases() {
        for s in [
            "",
            "said",
            "SAID",
            "Merz’s",
            "ΟΔΟΣ Σ",
            "İstanbul",
            "ǅemal",
            "Ⅻ",
            &"Ä".repeat(40),
            &"A".repeat(65),
        ] {
            assert_eq!(
                super::with_lower(s, str::to_string),
                s.to_lowercase(),
                "{s}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(BlockRole, &str)> {
        layout(text)
            .blocks
            .iter()
            .map(|b| (b.role, b.span.of(text)))
            .collect()
    }

    #[test]
    fn boilerplate_headline_and_footer() {
        let t = "Big News Today\n\nBig News Today\nWhatsApp\nFacebook\n\nThe minister said it was fine.\nRead Also: Other story\nA subhead here\nShe said more things today.\n\nNews Desk, New York\nPrint";
        let r = roles(t);
        assert_eq!(r[0], (BlockRole::Headline, "Big News Today"));
        assert_eq!(r[1].0, BlockRole::Boilerplate);
        assert_eq!(r[2].0, BlockRole::Boilerplate);
        assert_eq!(r[4], (BlockRole::Body, "The minister said it was fine."));
        assert_eq!(r[5].0, BlockRole::Boilerplate);
        assert_eq!(r[6], (BlockRole::Subhead, "A subhead here"));
        assert_eq!(r[8], (BlockRole::Footer, "News Desk, New York"));
        assert_eq!(r[9].0, BlockRole::Boilerplate);
    }

    #[test]
    fn datelines() {
        for (t, dl, body) in [
            (
                "PARIS — Europe and the U.S. met.",
                "PARIS —",
                "Europe and the U.S. met.",
            ),
            (
                "(Reuters): The United States backed it.",
                "(Reuters):",
                "The United States backed it.",
            ),
            (
                "KYIV, Jan 6 (Reuters) - Ukraine said so.",
                "KYIV, Jan 6 (Reuters) -",
                "Ukraine said so.",
            ),
        ] {
            let l = layout(t);
            assert_eq!(l.dateline.unwrap().of(t), dl);
            assert_eq!(l.body().next().unwrap().span.of(t), body);
        }
        let t = "The summit — a long one — ended.";
        assert!(layout(t).dateline.is_none());
    }

    #[test]
    fn byline_and_credit() {
        let t = "Body text here, it said.\nNektaria Stamouli contributed reporting.\nBy Aghakazim Guliyev\n";
        let l = layout(t);
        assert_eq!(l.blocks[1].role, BlockRole::Credit);
        assert_eq!(l.byline.unwrap().of(t), "By Aghakazim Guliyev");
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
    fn nbsp_and_crlf() {
        let t = "\u{a0}First line said it.\r\n\r\n  Second one said it too.\u{a0}\r\n";
        let l = layout(t);
        assert_eq!(l.blocks.len(), 2);
        assert_eq!(l.blocks[1].span.of(t), "Second one said it too.");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces that matter here: ASCII words and capitals, every kind of
    /// whitespace, curly quotes, accented and Greek capitals (with the final sigma).
    fn mixed() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Word"),
            Just("the"),
            Just("U.S."),
            Just(" "),
            Just("  "),
            Just("\t"),
            Just("\u{0b}"),
            Just("\u{0c}"),
            Just("\r"),
            Just("\u{a0}"),
            Just("\u{2003}"),
            Just("\u{200b}"),
            Just("“"),
            Just("”"),
            Just("’s"),
            Just("ÉLYSÉE"),
            Just("ΟΔΥΣΣΕΥΣ"),
            Just("Σ"),
            Just("İstanbul"),
            Just("ß"),
            Just("©"),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn word_count_is_split_whitespace(s in mixed(), max in 0usize..40) {
            prop_assert_eq!(word_count(&s, max), s.split_whitespace().take(max).count());
        }

        #[test]
        fn line_words_is_split_whitespace(s in mixed(), cut in 0usize..200, max in 0usize..40) {
            let mut head_end = cut.min(s.len());
            while !s.is_char_boundary(head_end) {
                head_end -= 1;
            }
            let head_words = s[..head_end].split_whitespace().count();
            prop_assert_eq!(
                line_words(&s, head_end, head_words, max),
                s.split_whitespace().take(max).count()
            );
        }

        #[test]
        fn head_words_lower_is_words_lowered(s in mixed()) {
            let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
            prop_assert_eq!(head_words_lower(&s), words.join(" "));
        }
    }

    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn marker_pre_check_never_rules_a_marker_out() {
        let lex = Lexicon::get();
        for m in lex.footer_markers.iter().chain(&lex.boiler_prefixes) {
            assert!(lex.may_start_marker(m), "{m}");
            assert!(lex.may_start_marker(&format!("{m} and more")), "{m}");
        }
        assert!(!lex.may_start_marker("german foreign minister"));
        assert!(lex
            .boiler_lines
            .iter()
            .all(|l| l.len() <= lex.boiler_line_max));
    }
}
