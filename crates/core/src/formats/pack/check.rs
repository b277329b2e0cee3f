//! The check of a decoded corpus file, part by part (articles, statements, events,
//! groups): everything the app relies on to slice, index and count without a check of
//! its own, so that a crafted file with a good checksum is refused naming the field.

use crate::corpus::compare::Group;
use crate::corpus::dates::{When, MAX_DAY, MIN_DAY};
use crate::corpus::{Corpus, Entry};
use crate::text::Span;

/// The first value found out of range or disagreeing with another: `field` is its path
/// (`corpus.entries[3].when.day`), `problem` says what is wrong. The reader refuses the
/// file with it ([`PackError::Invalid`](super::PackError::Invalid)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inconsistency {
    pub field: String,
    pub problem: String,
}

/// A refusal of field `field` for `problem`.
fn invalid<T>(field: String, problem: String) -> Result<T, Inconsistency> {
    Err(Inconsistency { field, problem })
}

/// Whether `s` is a span of `text`: start before end, both inside it and on char boundaries.
/// A confidence as the message says it: in fixed point (the explorer, which checks
/// every corpus file it opens, carries no float printing), or what it is if not a number.
fn shown(x: f32) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        (if x > 0.0 { "inf" } else { "-inf" }).into()
    } else {
        crate::text::number::fixed(f64::from(x), 3)
    }
}

fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end && text.get(s.start..s.end).is_some()
}

/// A date the app can draw and count with: its day within years 1 to 9999 (whatever its
/// precision; an unknown date is day 0).
fn when_ok(w: When) -> bool {
    (MIN_DAY..=MAX_DAY).contains(&w.day)
}

/// The refusal of a date outside years 1 to 9999.
fn bad_date<T>(field: String, what: &str, w: When) -> Result<T, Inconsistency> {
    invalid(
        field,
        format!(
            "{what} has the date day {}, outside the years 1 to 9999 (days {MIN_DAY} to {MAX_DAY})",
            w.day
        ),
    )
}

/// Everything the app relies on to slice, index and count without a check, checked in
/// one pass over the corpus (linear in its size):
/// - every span (statement, cue, sentence, speaker mention, antecedent, date expression,
///   topic words, notes, events' sentence, expression and clause) inside its article,
///   start ≤ end, on char boundaries;
/// - every index in range: a statement's article, speaker, topic and continued
///   statement, an event's article, a group's members and canonical statement;
/// - every date (articles' anchors, statements', events') within years 1 to 9999;
/// - every confidence a number from 0 to 1;
/// - groups agree with the statements: members in corpus order without repeats, the
///   canonical statement one of them, no statement in two groups, the outlet count the
///   number of distinct outlets among the members.
///
/// A part at a time, so that a page can paint between the parts: the articles, then the
/// statements `per_step` at a time, then the events and groups.
#[derive(Debug, Default)]
pub struct Checking {
    /// The next statement to check; `None` until the articles are checked.
    next: Option<usize>,
}

impl Checking {
    /// Checks the next part. `Ok(true)` once everything is checked.
    pub fn step(
        &mut self,
        c: &Corpus,
        groups: &[Group],
        topics: usize,
        per_step: usize,
    ) -> Result<bool, Inconsistency> {
        let Some(from) = self.next else {
            check_articles(c)?;
            self.next = Some(0);
            return Ok(false);
        };
        if from < c.entries.len() {
            let to = from.saturating_add(per_step.max(1)).min(c.entries.len());
            for (i, e) in c.entries.iter().enumerate().take(to).skip(from) {
                check_entry(c, i, e, topics)?;
            }
            self.next = Some(to);
            return Ok(false);
        }
        check_events(c)?;
        check_groups(c, groups)?;
        Ok(true)
    }
}

/// Articles: each anchor date in range, each note's span inside its article.
fn check_articles(c: &Corpus) -> Result<(), Inconsistency> {
    for (ai, a) in c.articles.iter().enumerate() {
        if !when_ok(a.anchor) {
            return bad_date(
                format!("corpus.articles[{ai}].anchor.day"),
                &format!("article {ai}"),
                a.anchor,
            );
        }
        for (k, d) in a.diagnostics.iter().enumerate() {
            if let Some(s) = d.span.filter(|&s| !span_ok(&a.text, s)) {
                return invalid(
                    format!("corpus.articles[{ai}].diagnostics[{k}].span"),
                    format!(
                        "a note on article {ai} points outside it ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
    }
    Ok(())
}

/// Statement `i`: its article, speaker and continued statement in the file, its spans
/// inside its article, its topics named by the file, its confidence from 0 to 1 and its
/// date in range.
fn check_entry(c: &Corpus, i: usize, e: &Entry, topics: usize) -> Result<(), Inconsistency> {
    let Some(a) = c.articles.get(e.article) else {
        return invalid(
            format!("corpus.entries[{i}].article"),
            format!(
                "statement {i} belongs to article {}, which is not in the file",
                e.article
            ),
        );
    };
    if e.speaker >= c.speakers.len() {
        return invalid(
            format!("corpus.entries[{i}].speaker"),
            format!(
                "statement {i} has speaker {}, who is not in the file",
                e.speaker
            ),
        );
    }
    let st = &e.statement;
    let spans = [
        ("statement.span", Some(st.span)),
        ("statement.cue", st.cue),
        ("statement.sentence", Some(st.sentence)),
        ("statement.evidence.mention", st.evidence.mention),
        ("statement.evidence.antecedent", st.evidence.antecedent),
        ("when_expr", e.when_expr),
    ];
    for (field, s) in spans {
        if let Some(s) = s.filter(|&s| !span_ok(&a.text, s)) {
            return invalid(
                format!("corpus.entries[{i}].{field}"),
                format!(
                    "statement {i} points outside its article ({}..{})",
                    s.start, s.end
                ),
            );
        }
    }
    for (k, (t, words)) in e.topics.iter().enumerate() {
        if *t >= topics {
            return invalid(
                format!("corpus.entries[{i}].topics[{k}]"),
                format!("statement {i} has topic {t}, which the file does not name"),
            );
        }
        if let Some(s) = words.iter().find(|&&s| !span_ok(&a.text, s)) {
            return invalid(
                format!("corpus.entries[{i}].topics[{k}].words"),
                format!(
                    "statement {i} points outside its article ({}..{})",
                    s.start, s.end
                ),
            );
        }
    }
    if let Some(why) = quoted_wrong(&a.text, st) {
        return invalid(
            format!("corpus.entries[{i}].statement.quoted"),
            format!("statement {i} {why}"),
        );
    }
    if st.continues.is_some_and(|p| p >= c.entries.len()) {
        return invalid(
            format!("corpus.entries[{i}].statement.continues"),
            format!("statement {i} continues a statement that is not in the file"),
        );
    }
    if !(0.0..=1.0).contains(&st.confidence) {
        return invalid(
            format!("corpus.entries[{i}].statement.confidence"),
            format!(
                "statement {i} has the confidence {}, not a number from 0 to 1",
                shown(st.confidence)
            ),
        );
    }
    if !when_ok(e.when) {
        return bad_date(
            format!("corpus.entries[{i}].when.day"),
            &format!("statement {i}"),
            e.when,
        );
    }
    Ok(())
}

/// Why a statement's quoted pieces are wrong, if they are: each inside the statement's
/// span and on character boundaries, in order without overlap; none for indirect speech.
fn quoted_wrong(text: &str, st: &crate::model::Statement) -> Option<&'static str> {
    if st.kind == crate::model::Kind::Indirect && !st.quoted.is_empty() {
        return Some("is indirect speech yet has quoted pieces");
    }
    let mut from = st.span.start;
    for q in &st.quoted {
        if !span_ok(text, *q) || !st.span.contains(*q) {
            return Some("has a quoted piece outside its span");
        }
        if q.start < from {
            return Some("has quoted pieces out of order or overlapping");
        }
        from = q.end;
    }
    None
}

/// Context events: each in an article of the file, its spans inside it, its date in
/// range.
fn check_events(c: &Corpus) -> Result<(), Inconsistency> {
    for (i, ev) in c.events.iter().enumerate() {
        let Some(a) = c.articles.get(ev.article) else {
            return invalid(
                format!("corpus.events[{i}].article"),
                format!("event {i} belongs to an article that is not in the file"),
            );
        };
        for (field, s) in [
            ("sentence", ev.sentence),
            ("expr", ev.expr),
            ("clause", ev.clause),
        ] {
            if !span_ok(&a.text, s) {
                return invalid(
                    format!("corpus.events[{i}].{field}"),
                    format!(
                        "event {i} points outside its article ({}..{})",
                        s.start, s.end
                    ),
                );
            }
        }
        if !when_ok(ev.when) {
            return bad_date(
                format!("corpus.events[{i}].when.day"),
                &format!("event {i}"),
                ev.when,
            );
        }
    }
    Ok(())
}

/// Groups agree with the statements: the canonical statement one of the members,
/// members in corpus order without repeats and in the file, no statement in two groups,
/// the outlet count the number of distinct outlets among the members.
fn check_groups(c: &Corpus, groups: &[Group]) -> Result<(), Inconsistency> {
    // Each article's outlet as a number, to count a group's outlets without hashing names.
    let mut outlet_ids: std::collections::HashMap<&str, usize> = Default::default();
    let outlet_of: Vec<usize> = c
        .articles
        .iter()
        .map(|a| {
            let n = outlet_ids.len();
            *outlet_ids.entry(a.outlet.as_str()).or_insert(n)
        })
        .collect();
    let mut seen = vec![false; c.entries.len()];
    let mut outlets: Vec<usize> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if !g.members.contains(&g.canonical) {
            return invalid(
                format!("groups[{gi}].canonical"),
                format!("group {gi} stands for a statement that is not one of its members"),
            );
        }
        if g.members.windows(2).any(|w| w.first() >= w.last()) {
            return invalid(
                format!("groups[{gi}].members"),
                format!("group {gi} does not list its members once each, in corpus order"),
            );
        }
        outlets.clear();
        for &m in &g.members {
            match seen.get_mut(m) {
                None => {
                    return invalid(
                        format!("groups[{gi}].members"),
                        format!("group {gi} has statement {m}, which is not in the file"),
                    )
                }
                Some(true) => {
                    return invalid(
                        format!("groups[{gi}].members"),
                        format!("statement {m} is in two groups"),
                    )
                }
                Some(s) => *s = true,
            }
            // In range: `seen` has a slot per statement.
            if let Some(&o) = c.entries.get(m).and_then(|e| outlet_of.get(e.article)) {
                outlets.push(o);
            }
        }
        crate::text::sort::sort_numbers(&mut outlets);
        outlets.dedup();
        if g.outlets != outlets.len() {
            return invalid(
                format!("groups[{gi}].outlets"),
                format!(
                    "group {gi} says it has {} outlets, and its members come from {}",
                    g.outlets,
                    outlets.len()
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::super::{decode, encode, PackError};
    use super::*;
    use crate::corpus::compare::Comparison;
    use crate::corpus::topics::names;

    #[test]
    fn a_crafted_file_with_a_good_checksum_still_cannot_point_outside_an_article() {
        let (mut c, cmp) = sample();
        c.entries[0].statement.span = Span::new(0, c.articles[0].text.len() + 5);
        let e = decode(&encode(&c, &cmp, &names(), "t"), &names()).unwrap_err();
        assert!(
            e.to_string()
                .contains("statement 0 points outside its article"),
            "{e}"
        );
        let (mut c, cmp) = sample();
        // Inside the curly quote mark (3 bytes): not a char boundary.
        c.entries[0].statement.cue = Some(Span::new(1, 2));
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .to_string()
            .contains("outside"));
        let (mut c, cmp) = sample();
        c.entries[1].speaker = 99;
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .to_string()
            .contains("speaker 99"));
        let (c, mut cmp) = sample();
        cmp.groups[0].members.push(500);
        assert!(decode(&encode(&c, &cmp, &names(), "t"), &names())
            .unwrap_err()
            .to_string()
            .contains("statement 500"));
    }

    /// The reported case: days at i64::MAX and i64::MIN behind a recomputed checksum
    /// opened, and the next search killed the page. Refused, naming the date.
    #[test]
    fn extreme_dates_are_refused_naming_the_field() {
        let refuse = |c: &Corpus, cmp: &Comparison| {
            decode(&encode(c, cmp, &names(), "t"), &names()).unwrap_err()
        };
        for day in [i64::MAX, i64::MIN, MAX_DAY + 1, MIN_DAY - 1] {
            let (mut c, cmp) = sample();
            c.entries[1].when.day = day;
            let e = refuse(&c, &cmp);
            assert!(
                matches!(&e, PackError::Invalid { field, .. } if field == "corpus.entries[1].when.day"),
                "{e:?}"
            );
            let msg = String::from(e);
            assert!(
                msg.contains(&day.to_string()) && msg.contains("years 1 to 9999"),
                "{msg}"
            );
            let (mut c, cmp) = sample();
            c.articles[0].anchor.day = day;
            assert!(refuse(&c, &cmp)
                .to_string()
                .contains("corpus.articles[0].anchor.day"));
        }
        // The first and the last day are fine.
        for day in [MIN_DAY, MAX_DAY] {
            let (mut c, cmp) = sample();
            c.entries[0].when.day = day;
            assert!(decode(&encode(&c, &cmp, &names(), "t"), &names()).is_ok());
        }
    }

    #[test]
    fn every_field_is_checked_and_named() {
        let (mut c0, cmp0) = sample();
        let n = c0.articles[0].text.len();
        c0.events.push(crate::corpus::Event {
            article: 0,
            sentence: Span::new(0, n),
            expr: Span::new(n - 10, n - 1),
            clause: Span::new(0, n),
            when: When {
                day: 19_786,
                precision: crate::corpus::dates::Precision::Day,
            },
        });
        assert!(decode(&encode(&c0, &cmp0, &names(), "t"), &names()).is_ok());
        assert!(c0.entries.len() >= 3 && !cmp0.groups.is_empty());
        type Edit = Box<dyn Fn(&mut Corpus, &mut Comparison)>;
        let cases: Vec<(&str, Edit)> = vec![
            (
                "corpus.entries[0].statement.span",
                Box::new(|c, _| c.entries[0].statement.span = Span::new(5, 2)),
            ),
            (
                "corpus.entries[0].statement.quoted",
                Box::new(|c, _| {
                    let s = &mut c.entries[0].statement;
                    s.quoted = vec![Span::new(s.span.start, s.span.end + 1)];
                }),
            ),
            (
                "corpus.entries[0].statement.quoted",
                Box::new(|c, _| {
                    let s = &mut c.entries[0].statement;
                    s.kind = crate::model::Kind::Indirect;
                    s.quoted = vec![s.span];
                }),
            ),
            (
                "corpus.entries[0].statement.sentence",
                Box::new(|c, _| c.entries[0].statement.sentence.end = usize::MAX),
            ),
            (
                "corpus.entries[0].statement.evidence.mention",
                Box::new(|c, _| c.entries[0].statement.evidence.mention = Some(Span::new(1, 1))),
            ),
            (
                "corpus.entries[0].statement.evidence.antecedent",
                Box::new(|c, _| {
                    c.entries[0].statement.evidence.antecedent = Some(Span::new(0, 1000))
                }),
            ),
            (
                "corpus.entries[0].when_expr",
                Box::new(|c, _| c.entries[0].when_expr = Some(Span::new(usize::MAX, usize::MAX))),
            ),
            (
                "corpus.entries[0].topics[0].words",
                Box::new(|c, _| c.entries[0].topics = vec![(0, vec![Span::new(2, 1)])]),
            ),
            (
                "corpus.entries[0].topics[0]",
                Box::new(|c, _| c.entries[0].topics = vec![(usize::MAX, vec![])]),
            ),
            (
                "corpus.entries[0].article",
                Box::new(|c, _| c.entries[0].article = 2),
            ),
            (
                "corpus.entries[0].statement.continues",
                Box::new(|c, _| c.entries[0].statement.continues = Some(usize::MAX)),
            ),
            (
                "corpus.entries[0].statement.confidence",
                Box::new(|c, _| c.entries[0].statement.confidence = f32::NAN),
            ),
            (
                "corpus.entries[0].statement.confidence",
                Box::new(|c, _| c.entries[0].statement.confidence = 1.5),
            ),
            (
                "corpus.events[0].when.day",
                Box::new(|c, _| c.events[0].when.day = i64::MIN),
            ),
            (
                "corpus.events[0].clause",
                Box::new(|c, _| c.events[0].clause = Span::new(0, usize::MAX)),
            ),
            (
                "corpus.events[0].article",
                Box::new(|c, _| c.events[0].article = usize::MAX),
            ),
            (
                "corpus.articles[0].diagnostics[0].span",
                Box::new(|c, _| {
                    c.articles[0].diagnostics = vec![crate::model::Diagnostic {
                        severity: crate::model::Severity::Info,
                        span: Some(Span::new(1, 2)),
                        message: String::new(),
                    }]
                }),
            ),
            (
                "groups[0].outlets",
                Box::new(|_, g| g.groups[0].outlets = usize::MAX),
            ),
            (
                "groups[0].members",
                Box::new(|_, g| g.groups[0].members.reverse()),
            ),
            (
                "groups[0].members",
                Box::new(|_, g| {
                    let m = g.groups[0].members[0];
                    g.groups[0].members.insert(0, m)
                }),
            ),
            (
                "groups[0].canonical",
                Box::new(|_, g| g.groups[0].canonical = usize::MAX),
            ),
            (
                "groups[1].members",
                Box::new(|_, g| {
                    let d = g.groups[0].clone();
                    g.groups.push(d)
                }),
            ),
        ];
        for (field, edit) in cases {
            let (mut c, mut cmp) = (c0.clone(), cmp0.clone());
            edit(&mut c, &mut cmp);
            match decode(&encode(&c, &cmp, &names(), "t"), &names()) {
                Err(PackError::Invalid { field: f, problem }) => {
                    assert_eq!(f, field, "{problem}");
                    assert!(!problem.is_empty());
                }
                other => panic!("{field}: {other:?}"),
            }
        }
    }
}
