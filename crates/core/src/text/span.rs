//! The ground every layer stands on: [`Span`], a byte range into the source that is
//! always sliced safely (`Span::of`, `str_from`, `str_to`: empty, never a panic, when out
//! of range or off a char boundary), and whitespace as news text has it.

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
