//! Markdown to plain text: the words without the markup, paragraphs kept.

use crate::text::{str_from, str_to};

/// Markdown to plain text: heading marks, quote marks, emphasis, links (their text is
/// kept), images and code fences removed; paragraphs stay paragraphs.
pub fn markdown_to_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut para = String::new();
    let mut fence = false;
    for line in src.lines() {
        let t = line.trim_end();
        if t.trim_start().starts_with("```") {
            fence = !fence;
            continue;
        }
        let mut l = t.trim_start();
        if !fence {
            l = l.trim_start_matches('#').trim_start();
            while let Some(rest) = l.strip_prefix('>') {
                l = rest.trim_start();
            }
            if matches!(l, "---" | "***" | "___") {
                l = "";
            }
        }
        let mut s = String::with_capacity(l.len());
        let b = l.as_bytes();
        let mut i = 0;
        while i < l.len() {
            let c = str_from(l, i).chars().next().unwrap_or(' ');
            // ![alt](url) -> nothing; [text](url) -> text
            if (c == '[' || (c == '!' && b.get(i + 1) == Some(&b'['))) && !fence {
                let open = if c == '!' { i + 1 } else { i };
                if let Some(close) = str_from(l, open).find("](").map(|p| open + p) {
                    if let Some(end) = str_from(l, close).find(')').map(|p| close + p) {
                        if c == '[' {
                            s.push_str(l.get(open + 1..close).unwrap_or(""));
                        }
                        i = end + 1;
                        continue;
                    }
                }
            }
            if (c == '*' || c == '_' || c == '`') && !fence {
                // Emphasis and code marks, but not a lone "*" in running text.
                let prev = str_to(l, i).chars().next_back();
                let next = str_from(l, i + 1).chars().next();
                if prev.is_none_or(|p| !p.is_alphanumeric())
                    || next.is_none_or(|n| !n.is_alphanumeric())
                {
                    i += 1;
                    continue;
                }
            }
            s.push(c);
            i += c.len_utf8();
        }
        // Lines of one paragraph are joined (a soft wrap is a space in Markdown); a
        // blank line ends a paragraph; a heading, list item or code line is its own.
        let trimmed = t.trim_start();
        let own_block = fence
            || trimmed.starts_with('#')
            || trimmed.starts_with(['-', '+'])
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if s.trim().is_empty() {
            finish(&mut para, &mut out);
        } else if own_block {
            finish(&mut para, &mut out);
            para.push_str(&s);
            finish(&mut para, &mut out);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(s.trim());
        }
    }
    finish(&mut para, &mut out);
    out
}

/// Appends a finished paragraph (if any) to `out`, paragraphs separated by a blank line.
fn finish(para: &mut String, out: &mut String) {
    let p = para.trim();
    if !p.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(p);
        out.push('\n');
    }
    para.clear();
}

#[cfg(test)]
mod tests {
    use super::super::{format_of, Format};
    use super::*;

    #[test]
    fn markdown_keeps_words_not_markup() {
        let md = "# Big news\n\n> “We are *ready*,” said [Jane Doe](https://x.example).\n\n![pic](a.png)\n```\ncode\n```\n";
        let t = markdown_to_text(md);
        assert!(
            t.starts_with("Big news\n\n“We are ready,” said Jane Doe.\n"),
            "{t:?}"
        );
        assert!(!t.contains("pic") && !t.contains("https"));
        assert_eq!(format_of("notes.MD", ""), Format::Markdown);
        assert_eq!(format_of("x.txt", "<!DOCTYPE html><p>"), Format::Text);
        assert_eq!(format_of("x", "  <!doctype html>"), Format::Html);
    }
}
