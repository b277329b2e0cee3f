//! The first stage of extraction, `&str → Layout`: the article split into lines (one
//! paragraph per line, as news text is pasted and scraped), each with a role: headline,
//! body, subhead, byline, credit, boilerplate or footer. Only body blocks carry
//! statements; the others feed article metadata. Every block is a byte span into the
//! original text.

use crate::lexicon::Lexicon;
use crate::text::{is_space, str_from, str_to, trim_span, with_lower, Span};
use serde::{Deserialize, Serialize};

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

/// Whether the line quotes a whole sentence: a closing quotation mark right after a full
/// stop, a question or an exclamation mark (`“We won.” ― Ana Ruiz`).
fn quotes_a_sentence(line: &str) -> bool {
    [".”", "?”", "!”", ".\"", "?\"", "!\"", ".''", "?''", "!''"]
        .iter()
        .any(|m| line.contains(m))
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
        } else if !ends_sentence(line)
            && words(13) <= 12
            && !has_inner_sentence_end(line, lex)
            && !quotes_a_sentence(line)
        {
            // Short line without closing punctuation: a subhead mid-article, or a footer
            // credit ("Africa Digital News, New York") after the last paragraph. (Not a
            // quoted sentence signed after it: `“We won.” ― Ana Ruiz`.)
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
    fn a_signed_quote_is_body_not_a_subhead() {
        let t = "Voters Speak\n\nThe readers wrote in.\n“We won.” ― Ana Ruiz\nWhat comes next\nMore text here, she said.";
        let r = roles(t);
        assert_eq!(r[2], (BlockRole::Body, "“We won.” ― Ana Ruiz"));
        assert_eq!(r[3], (BlockRole::Subhead, "What comes next"));
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
