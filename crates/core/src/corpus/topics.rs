//! Topics: an editable taxonomy (`data/topics.txt`: name, description, terms with `*`
//! stems) matched against each statement's words, case- and accent-insensitively on word
//! boundaries. Every statement gets its topics with the words that triggered each, or
//! none (shown as "other").

use crate::text::fold;
use crate::text::{str_from, str_to, Span};
use std::sync::OnceLock;

/// One topic of the taxonomy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub name: String,
    pub description: String,
    /// Folded terms; `(term, is_stem)`.
    pub terms: Vec<(String, bool)>,
}

/// The label for statements with no topic.
pub const OTHER: &str = "other";

/// Parses a taxonomy in the `data/topics.txt` format; bad lines and bad terms are skipped.
pub fn parse(src: &str) -> Vec<Topic> {
    parse_checked(src).0
}

/// Why a term cannot be used, if it cannot.
fn bad_term(t: &str) -> Option<String> {
    let body = t.strip_suffix('*').unwrap_or(t);
    if body.contains('*') {
        return Some("`*` may only end a term".into());
    }
    if let Some(c) = body
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '?' | '&')))
    {
        return Some(format!(
            "{c:?} is not allowed (terms are words, `*` and `?` only)"
        ));
    }
    let letters = body.chars().filter(|c| c.is_alphanumeric()).count();
    if letters == 0 || (t.ends_with('*') && letters < 3) {
        return Some("too broad: a stem needs at least 3 letters".into());
    }
    None
}

/// Parses a taxonomy and reports each problem with its 1-based line: a line that is not
/// `name | description | terms`, a repeated topic, a bad term (skipped), a topic left
/// without terms (skipped). Never panics.
pub fn parse_checked(src: &str) -> (Vec<Topic>, Vec<(usize, String)>) {
    let mut topics: Vec<Topic> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        let [name, description, terms] = cols[..] else {
            problems.push((
                i + 1,
                format!(
                    "expected `name | description | terms`, found {} column(s); line skipped",
                    cols.len()
                ),
            ));
            continue;
        };
        if name.is_empty() {
            problems.push((i + 1, "the topic has no name; line skipped".into()));
            continue;
        }
        if topics.iter().any(|t| t.name == name) {
            problems.push((
                i + 1,
                format!("topic {name:?} is defined twice; line skipped"),
            ));
            continue;
        }
        let mut good = Vec::new();
        for t in terms.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            match bad_term(t) {
                Some(why) => problems.push((i + 1, format!("term {t:?}: {why}; term skipped"))),
                None => good.push(match t.strip_suffix('*') {
                    Some(stem) => (fold(stem), true),
                    // Words are matched without a final dot ("U.S." is the word "u.s").
                    None => (fold(t.trim_end_matches('.')), false),
                }),
            }
        }
        if good.is_empty() {
            problems.push((i + 1, format!("topic {name:?} has no usable term; skipped")));
            continue;
        }
        topics.push(Topic {
            name: name.to_string(),
            description: description.to_string(),
            terms: good,
        });
    }
    (topics, problems)
}

/// The built-in taxonomy's topic names, in order (what a corpus file's topic indices mean).
pub fn names() -> Vec<String> {
    taxonomy().iter().map(|t| t.name.clone()).collect()
}

/// The built-in taxonomy.
pub fn taxonomy() -> &'static [Topic] {
    static T: OnceLock<Vec<Topic>> = OnceLock::new();
    T.get_or_init(|| parse(crate::lexicon::TOPICS))
}

/// The topics of `span` in `text`: (topic index, trigger spans), in taxonomy order.
pub fn classify(text: &str, span: Span, topics: &[Topic]) -> Vec<(usize, Vec<Span>)> {
    let s = span.of(text);
    // Words with their source spans, folded for matching.
    let mut words: Vec<(String, Span)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part = c.is_alphanumeric()
            || (start.is_some()
                && matches!(c, '.' | '-' | '’' | '\'')
                && str_from(s, i + c.len_utf8()).starts_with(char::is_alphanumeric));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                words.push((
                    fold(Span::new(b, i).of(s)),
                    Span::new(span.start + b, span.start + i),
                ));
                start = None;
            }
            _ => {}
        }
    }
    // The first three letters of every word: a term whose first word's first three letters
    // are not among them cannot match, so most terms are skipped with one lookup.
    fn head(w: &str) -> &str {
        str_to(w, w.char_indices().nth(3).map_or(w.len(), |(i, _)| i))
    }
    let heads: std::collections::HashSet<&str> = words.iter().map(|(w, _)| head(w)).collect();
    let mut out = Vec::new();
    for (ti, t) in topics.iter().enumerate() {
        let mut hits: Vec<Span> = Vec::new();
        for (term, stem) in &t.terms {
            let Some(first) = term.split_whitespace().next() else {
                continue;
            };
            let h = head(first);
            if !h.contains('?') && !heads.contains(h) {
                continue;
            }
            let parts: Vec<&str> = term.split_whitespace().collect();
            // (`parts` has the first word at least, so `windows` is given no 0.)
            for win in words.windows(parts.len().max(1)) {
                let ok = parts.iter().zip(win).enumerate().all(|(j, (p, (w, _)))| {
                    let last = j + 1 == parts.len();
                    if last && *stem {
                        w.starts_with(p)
                    } else if p.contains('?') {
                        wildcard(w, p)
                    } else {
                        w == p
                    }
                });
                if !ok {
                    continue;
                }
                if let (Some(a), Some(z)) = (win.first(), win.last()) {
                    let sp = Span::new(a.1.start, z.1.end);
                    if !hits.iter().any(|h| h.overlaps(sp)) {
                        hits.push(sp);
                    }
                }
            }
        }
        if !hits.is_empty() {
            hits.sort();
            out.push((ti, hits));
        }
    }
    out
}

fn wildcard(w: &str, p: &str) -> bool {
    w.chars().count() == p.chars().count()
        && w.chars().zip(p.chars()).all(|(a, b)| b == '?' || a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_parses_and_matches_on_word_boundaries() {
        let t = taxonomy();
        assert!(t.len() >= 10);
        let text = "Security guarantees are the key to ensuring a ceasefire holds, and U.S. troops won't deploy.";
        let got = classify(text, Span::new(0, text.len()), t);
        let names: Vec<&str> = got.iter().map(|(i, _)| t[*i].name.as_str()).collect();
        assert!(names.contains(&"security guarantees"), "{names:?}");
        assert!(names.contains(&"ceasefire and monitoring"));
        assert!(names.contains(&"multinational force and troops"));
        assert!(names.contains(&"US commitment and credibility"));
        let (_, hits) = got
            .iter()
            .find(|(i, _)| t[*i].name == "security guarantees")
            .unwrap();
        assert_eq!(hits[0].of(text), "Security guarantees");
        // Word boundaries: "seas" is not inside "overseas"; "air" not inside "chair".
        let t2 = "The chair went overseas.";
        let got = classify(t2, Span::new(0, t2.len()), t);
        assert!(
            !got.iter()
                .any(|(i, _)| t[*i].name == "maritime and airspace"),
            "{got:?}"
        );
        assert!(parse("bad line\n| | \nx | y | a*, bee").len() == 1);
    }

    #[test]
    fn bad_patterns_are_reported_with_their_line_and_skipped() {
        let (t, p) = parse_checked(crate::lexicon::TOPICS);
        assert!(p.is_empty(), "the built-in taxonomy is clean: {p:?}");
        assert!(t.len() >= 10);
        let src = "# comment\n\
                   ok | fine | guarant*, truce\n\
                   regex | bad | (war)+, [peace], peace\n\
                   star | bad | gu*rd, *, ab*\n\
                   only two | columns\n\
                   ok | again | x\n\
                   | no name | y\n";
        let (t, p) = parse_checked(src);
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["ok", "regex"], "{p:?}");
        assert_eq!(t[1].terms, [("peace".to_string(), false)]);
        let lines: Vec<usize> = p.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 3, 4, 4, 4, 4, 5, 6, 7], "{p:#?}");
        assert!(p[0].1.contains("not allowed"));
        assert!(p[2].1.contains("may only end"));
        assert!(p[4].1.contains("too broad"));
        assert!(p[5].1.contains("no usable term"));
    }
}
