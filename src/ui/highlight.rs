//! Text with marked ranges: search hits in the list, a statement's quoted pieces, the
//! statement, cue and speaker mention in the source view. Pure helpers plus tiny render
//! functions.

use quoteline_core::model::Statement;
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
    quoteline_core::text::sort::sort(&mut out);
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

/// How a statement's words are shown: quoted pieces inside a reported clause stand out
/// (`said`); the words between the pieces of an interrupted quote (its cue) step back
/// (`aside`). A plain quote or clause is one plain run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    Plain,
    Said,
    Aside,
}

/// `span`'s text cut at its quoted pieces, each run with how it is shown (see [`Run`]),
/// as byte ranges of the statement's text.
pub fn statement_runs(st: &Statement) -> Vec<(usize, usize, Run)> {
    let base = st.span.start;
    let len = st.span.len();
    let quote = st.is_quote();
    if quote && st.quoted.len() <= 1 {
        return vec![(0, len, Run::Plain)];
    }
    let (inside, outside) = if quote {
        (Run::Plain, Run::Aside)
    } else {
        (Run::Said, Run::Plain)
    };
    let mut runs = Vec::new();
    let mut pos = 0;
    for q in &st.quoted {
        let (a, b) = (
            q.start.saturating_sub(base),
            q.end.saturating_sub(base).min(len),
        );
        if a < pos || a > b {
            continue;
        }
        if a > pos {
            runs.push((pos, a, outside));
        }
        runs.push((a, b, inside));
        pos = b;
    }
    if pos < len || runs.is_empty() {
        runs.push((pos, len, outside));
    }
    runs
}

/// A statement's words (`text`, its span's text) with its quoted pieces shown as
/// [`statement_runs`] says, and the search hits `ranges` marked within each run.
pub fn render_statement(st: &Statement, text: &str, ranges: &[(usize, usize)]) -> Html {
    html! {
        <>{ for statement_runs(st).into_iter().map(|(a, b, run)| {
            let Some(part) = text.get(a..b) else { return html! {} };
            let hits: Vec<(usize, usize)> = ranges
                .iter()
                .filter(|&&(x, y)| x < b && y > a)
                .map(|&(x, y)| (x.max(a) - a, y.min(b) - a))
                .collect();
            let inner = render_marked(part, &hits);
            match run {
                Run::Plain => inner,
                Run::Said => html! { <span class="said">{inner}</span> },
                Run::Aside => html! { <span class="aside">{inner}</span> },
            }
        }) }</>
    }
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

    #[test]
    fn quoted_pieces_stand_out_in_a_clause_and_the_cue_steps_back_in_a_quote() {
        use quoteline_core::extract::extract;
        let t = "Jane Holt said the plan was “dead on arrival” in the House.\n“We are ready,” Holt said, “and we vote today.”\n“Fine,” Holt said.";
        let ex = extract(t);
        let runs: Vec<Vec<(String, Run)>> = ex
            .statements
            .iter()
            .map(|s| {
                let words = s.span.of(t);
                statement_runs(s)
                    .into_iter()
                    .map(|(a, b, r)| (words[a..b].to_string(), r))
                    .collect()
            })
            .collect();
        let s = |x: &str, r| (x.to_string(), r);
        assert_eq!(
            runs,
            vec![
                vec![
                    s("the plan was “", Run::Plain),
                    s("dead on arrival", Run::Said),
                    s("” in the House", Run::Plain)
                ],
                vec![
                    s("We are ready,", Run::Plain),
                    s("” Holt said, “", Run::Aside),
                    s("and we vote today.", Run::Plain)
                ],
                vec![s("Fine,", Run::Plain)],
            ]
        );
    }
}
