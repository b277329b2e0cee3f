//! Text with marked ranges: search hits in the list, the statement, cue and speaker
//! mention in the source view. Pure helpers plus a tiny render function.

use quoteline_core::text::fold;
use yew::prelude::*;

/// Byte ranges of `text` where any of the folded `terms` occurs (case- and accent-insensitive).
pub fn term_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    // Fold char by char, remembering each folded char's source range.
    let mut folded = String::new();
    let mut map: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        for f in fold(&c.to_string()).chars() {
            folded.push(f);
            for _ in 0..f.len_utf8() {
                map.push((i, i + c.len_utf8()));
            }
        }
    }
    let mut out = Vec::new();
    for t in terms.iter().filter(|t| !t.is_empty()) {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(t.as_str()) {
            let a = from + pos;
            let b = a + t.len();
            out.push((map[a].0, map[b - 1].1));
            from = b;
        }
    }
    out.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Renders `text` with the given ranges wrapped in `<mark>`.
pub fn render_marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut pos = 0;
    for &(a, b) in ranges {
        if a < pos || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        parts.push(html! { {&text[pos..a]} });
        parts.push(html! { <mark>{&text[a..b]}</mark> });
        pos = b;
    }
    parts.push(html! { {&text[pos..]} });
    html! { <>{ for parts }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accent_and_case_insensitive() {
        let t = "Élysée and ELYSEE";
        let r = term_ranges(t, &["elysee".into()]);
        assert_eq!(r.len(), 2);
        assert_eq!(&t[r[0].0..r[0].1], "Élysée");
        assert_eq!(&t[r[1].0..r[1].1], "ELYSEE");
    }
}
