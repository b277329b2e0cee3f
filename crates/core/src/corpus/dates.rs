//! Dates: civil dates as day numbers, time expressions found in the text ("on Tuesday",
//! "January 6", "Jan. 6, 2026", "a day earlier", "in 2014"), resolved against an article's
//! anchor date, each with its precision. A statement is dated by a time expression tied
//! to its cue ("said on Monday"), else by its article's date; without either it is
//! undated, never given a made-up date.

use crate::lexicon::Common;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// The first and the last day a date may have, 0001-01-01 and 9999-12-31, as days since
/// 1970-01-01. A corpus file with a date outside is refused and a link's date outside is
/// dropped, so that day arithmetic (a day's end, a view's padding) cannot overflow and a
/// day as `f64` keeps far more than the six-hour precision the axis draws.
pub const MIN_DAY: i64 = -719_162;
pub const MAX_DAY: i64 = 2_932_896;

/// How precisely a date is known.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    #[default]
    Unknown,
    Year,
    Month,
    Day,
}

/// A date as days since 1970-01-01 (proleptic Gregorian), with its precision.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct When {
    pub day: i64,
    pub precision: Precision,
}

impl When {
    pub fn unknown() -> When {
        When {
            day: 0,
            precision: Precision::Unknown,
        }
    }
    pub fn is_known(&self) -> bool {
        self.precision != Precision::Unknown
    }
    /// `2026-01-06`, `2026-01`, `2014`, or `undated`.
    pub fn label(&self) -> String {
        let (y, m, d) = civil(self.day);
        match self.precision {
            Precision::Day => format!("{y:04}-{m:02}-{d:02}"),
            Precision::Month => format!("{y:04}-{m:02}"),
            Precision::Year => format!("{y:04}"),
            Precision::Unknown => "undated".into(),
        }
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
/// Years are clamped to ±[`YEAR_LIMIT`], so no input overflows the arithmetic.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = y.clamp(-YEAR_LIMIT, YEAR_LIMIT);
    let (m, d) = (m.clamp(1, 12), d.min(31));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The largest year the day arithmetic takes (far past any date the app shows; its
/// day numbers are nowhere near overflowing an `i64`).
pub const YEAR_LIMIT: i64 = 1_000_000_000;

/// The civil date of a day number (clamped to ±[`YEAR_LIMIT`] years, so any `i64` is
/// safe).
pub fn civil(z: i64) -> (i64, u32, u32) {
    let limit = YEAR_LIMIT * 366;
    let z = z.clamp(-limit, limit) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 = Monday .. 6 = Sunday.
pub fn weekday(day: i64) -> u32 {
    ((day + 3).rem_euclid(7)) as u32
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn parse_iso(s: &str) -> Option<When> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<i64>().ok();
    match parts.as_slice() {
        [y] => num(y).filter(|y| (1000..=9999).contains(y)).map(|y| When {
            day: days_from_civil(y, 1, 1),
            precision: Precision::Year,
        }),
        [y, m] => {
            let (y, m) = (num(y)?, num(m)?);
            ((1..=9999).contains(&y) && (1..=12).contains(&m)).then(|| When {
                day: days_from_civil(y, m as u32, 1),
                precision: Precision::Month,
            })
        }
        [y, m, d] => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            ((1..=9999).contains(&y)
                && (1..=12).contains(&m)
                && (1..=days_in_month(y, m as u32) as i64).contains(&d))
            .then(|| When {
                day: days_from_civil(y, m as u32, d as u32),
                precision: Precision::Day,
            })
        }
        _ => None,
    }
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The month a word names: its full name, or its first three letters, or "Sept", with
/// or without a period. A month name shorter than the word (`may` against `sept`) is not
/// a match, never a slice past its end.
fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    Common::get()
        .months
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || ((w.len() == 3 || w.eq_ignore_ascii_case("sept"))
                    && m.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
        })
        .map(|i| i as u32 + 1)
}

/// A time expression found in the text, not yet resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// Month and day, with a year when written.
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i64>,
    },
    Weekday(u32),
    /// Days relative to the anchor ("a day earlier" = -1).
    Relative(i64),
    Year(i64),
}

/// Time expressions in `span`, in order, with their spans.
pub fn find(text: &str, span: Span) -> Vec<(Span, Expr)> {
    let s = span.of(text);
    let words: Vec<(usize, &str)> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '—' | '–'))
        .scan(0usize, |_, w| Some(w))
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    // Where word `k` ends, without its trailing period or comma.
    let word_end = |k: usize| {
        words
            .get(k)
            .map(|(o, w)| o + w.trim_end_matches(['.', ',']).len())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(off, w)) = words.get(i) {
        let first = w.chars().next().unwrap_or(' ');
        // Cheap reject: every expression starts with a capital (month, weekday), a digit-free
        // short word (a, the, in, since, by, from, yesterday, today, tomorrow).
        if !(first.is_uppercase()
            || matches!(
                first,
                'a' | 't' | 'i' | 's' | 'b' | 'f' | 'y' | 'A' | 'T' | 'I' | 'S' | 'B' | 'F' | 'Y'
            ))
        {
            i += 1;
            continue;
        }
        // The word, compared without case and without allocating: every word compared
        // with it below is ASCII, and no other letter lower-cases to an ASCII one that
        // occurs in them.
        let wl = w.trim_end_matches(['.', '’', '\'']);
        let is = |x: &str| wl.eq_ignore_ascii_case(x);
        let sp = |a: usize, b: usize| Span::new(span.start + a, span.start + b);
        if let Some(m) = first.is_uppercase().then(|| month_of(w)).flatten() {
            let day = words
                .get(i + 1)
                .and_then(|(_, d)| d.trim_end_matches(['.', ',']).parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            if let Some(d) = day {
                let year = words
                    .get(i + 2)
                    .and_then(|(_, y)| y.trim_end_matches(['.', ',']).parse::<i64>().ok())
                    .filter(|y| (1000..=2999).contains(y));
                let last = if year.is_some() { i + 2 } else { i + 1 };
                // (Word `last` is there: its day or year was just read.)
                let end = word_end(last).unwrap_or(off + w.len());
                out.push((
                    sp(off, end),
                    Expr::MonthDay {
                        month: m,
                        day: d,
                        year,
                    },
                ));
                i = last + 1;
                continue;
            }
        }
        if let Some((wd, name)) = Common::get()
            .weekdays
            .iter()
            .enumerate()
            .find(|(_, d)| is(d))
        {
            if w.starts_with(char::is_uppercase) {
                out.push((sp(off, off + name.len()), Expr::Weekday(wd as u32)));
            }
        }
        // Relative phrases start with one of a few words; compare word by word, no allocation.
        let phrase_is = |p: &str| {
            let mut n = 0;
            for (k, pw) in p.split(' ').enumerate() {
                match words.get(i + k) {
                    Some((_, w)) if w.trim_end_matches(['.', ',']).eq_ignore_ascii_case(pw) => {
                        n += 1
                    }
                    _ => return false,
                }
            }
            n > 0
        };
        let starts = ["a", "the", "yesterday", "today", "tomorrow"]
            .into_iter()
            .any(is);
        let relative = [
            ("a day earlier", -1),
            ("the day before", -1),
            ("the previous day", -1),
            ("a day later", 1),
            ("the next day", 1),
            ("the following day", 1),
            ("yesterday", -1),
            ("today", 0),
            ("tomorrow", 1),
        ];
        for (p, rel) in relative.into_iter().filter(|_| starts) {
            let n = p.split(' ').count();
            if phrase_is(p) {
                // (`phrase_is` has read words `i` to `i + n - 1`.)
                let end = word_end(i + n - 1).unwrap_or(off + w.len());
                out.push((sp(off, end), Expr::Relative(rel)));
            }
        }
        if ["in", "since", "by", "from"].into_iter().any(is) {
            if let Some((yo, y)) = words.get(i + 1) {
                if let Ok(year) = y.trim_end_matches(['.', ',']).parse::<i64>() {
                    if (1000..=2999).contains(&year) && y.trim_end_matches(['.', ',']).len() == 4 {
                        out.push((sp(*yo, yo + 4), Expr::Year(year)));
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// Resolves an expression against an anchor date (the article's date). `future` picks the
/// next matching weekday instead of the last one ("will meet on Wednesday").
pub fn resolve(expr: &Expr, anchor: When, future: bool) -> When {
    let day = |d: i64| When {
        day: d,
        precision: Precision::Day,
    };
    match *expr {
        Expr::Year(y) => When {
            day: days_from_civil(y, 1, 1),
            precision: Precision::Year,
        },
        Expr::MonthDay {
            month,
            day: d,
            year: Some(y),
        } => {
            if d <= days_in_month(y, month) {
                day(days_from_civil(y, month, d))
            } else {
                When::unknown()
            }
        }
        Expr::MonthDay {
            month,
            day: d,
            year: None,
        } => {
            if anchor.precision < Precision::Year {
                return When::unknown();
            }
            let (ay, _, _) = civil(anchor.day);
            if d > days_in_month(ay, month) {
                return When::unknown();
            }
            day(days_from_civil(ay, month, d))
        }
        Expr::Weekday(wd) => {
            if anchor.precision != Precision::Day {
                return When::unknown();
            }
            let aw = weekday(anchor.day) as i64;
            let diff = wd as i64 - aw;
            if future {
                day(anchor.day + diff.rem_euclid(7))
            } else {
                day(anchor.day - (-diff).rem_euclid(7))
            }
        }
        Expr::Relative(r) => {
            if anchor.precision == Precision::Day {
                day(anchor.day + r)
            } else {
                When::unknown()
            }
        }
    }
}

/// The first explicit full date (`January 6, 2026`) in the text, for articles without one.
pub fn first_full_date(text: &str) -> Option<When> {
    find(text, Span::new(0, text.len()))
        .into_iter()
        .find_map(|(_, e)| match e {
            Expr::MonthDay { year: Some(_), .. } => {
                Some(resolve(&e, When::unknown(), false)).filter(When::is_known)
            }
            _ => None,
        })
}

/// Where a weekday and an explicit date disagree in the same span, the disagreement
/// (both spans), for a diagnostic.
pub fn weekday_conflicts(text: &str, span: Span, anchor: When) -> Vec<(Span, Span)> {
    let found = find(text, span);
    let mut out = Vec::new();
    for (ws, we) in found.iter().filter(|(_, e)| matches!(e, Expr::Weekday(_))) {
        let Expr::Weekday(wd) = we else { continue };
        for (ds, de) in found
            .iter()
            .filter(|(_, e)| matches!(e, Expr::MonthDay { .. }))
        {
            let d = resolve(de, anchor, false);
            if d.precision == Precision::Day
                && ds.start.abs_diff(ws.end) < 40
                && weekday(d.day) != *wd
            {
                out.push((*ws, *ds));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn day_arithmetic_is_total_and_iso_years_stay_in_range() {
        for z in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX] {
            let (_, m, d) = civil(z);
            assert!((1..=12).contains(&m) && (1..=31).contains(&d));
        }
        for y in [i64::MIN, -1, 0, 1, 9999, i64::MAX] {
            let _ = days_from_civil(y, 2, 29);
        }
        assert_eq!(
            parse_iso("2016-09-03").map(|w| civil(w.day)),
            Some((2016, 9, 3))
        );
        for bad in [
            "0000-01-01",
            "12345-01-01",
            "9223372036854775807-01-01",
            "-5-01",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    use super::*;

    fn exprs(t: &str) -> Vec<(String, Expr)> {
        find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, e)| (s.of(t).to_string(), e))
            .collect()
    }

    #[test]
    fn civil_round_trip_and_weekdays() {
        let d = days_from_civil(2026, 1, 6);
        assert_eq!(civil(d), (2026, 1, 6));
        assert_eq!(weekday(d), 1, "6 January 2026 is a Tuesday");
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil(days_from_civil(2000, 2, 29)), (2000, 2, 29));
        assert_eq!(parse_iso("2026-01-06").unwrap().day, d);
        assert!(parse_iso("2026-02-30").is_none());
        assert_eq!(parse_iso("2014").unwrap().precision, Precision::Year);
    }

    #[test]
    fn finds_and_resolves_expressions() {
        let t = "The United States on Tuesday (January 6) backed it; a day earlier the chiefs met. Russia annexed Crimea in 2014. Talks resume on Wednesday. Jan. 5, 2026 too.";
        let e = exprs(t);
        assert_eq!(e[0], ("Tuesday".into(), Expr::Weekday(1)));
        assert_eq!(
            e[1],
            (
                "January 6".into(),
                Expr::MonthDay {
                    month: 1,
                    day: 6,
                    year: None
                }
            )
        );
        assert_eq!(e[2], ("a day earlier".into(), Expr::Relative(-1)));
        assert_eq!(e[3], ("2014".into(), Expr::Year(2014)));
        assert_eq!(e[4], ("Wednesday".into(), Expr::Weekday(2)));
        assert_eq!(
            e[5],
            (
                "Jan. 5, 2026".into(),
                Expr::MonthDay {
                    month: 1,
                    day: 5,
                    year: Some(2026)
                }
            )
        );
        let anchor = parse_iso("2026-01-06").unwrap();
        assert_eq!(resolve(&e[0].1, anchor, false).label(), "2026-01-06");
        assert_eq!(resolve(&e[2].1, anchor, false).label(), "2026-01-05");
        assert_eq!(resolve(&e[4].1, anchor, true).label(), "2026-01-07");
        assert_eq!(resolve(&e[4].1, anchor, false).label(), "2025-12-31");
        assert_eq!(resolve(&e[3].1, anchor, false).label(), "2014");
        assert_eq!(resolve(&e[0].1, When::unknown(), false).label(), "undated");
        assert_eq!(first_full_date(t).unwrap().label(), "2026-01-05");
    }

    /// "Sept." used to slice `may` past its end (45 of PolNeAR's 1,008 articles panicked).
    #[test]
    fn abbreviated_months_and_weekdays_in_real_sentences() {
        let sept = |day| Expr::MonthDay {
            month: 9,
            day,
            year: None,
        };
        let t = "The candidates will meet again on Sept. 3 in Las Vegas, aides said.";
        assert_eq!(exprs(t), vec![("Sept. 3".into(), sept(3))]);
        let anchor = parse_iso("2016-08-30").unwrap();
        assert_eq!(resolve(&sept(3), anchor, false).label(), "2016-09-03");

        // "Thurs." is not one of the weekday names read (only full names are); the date is.
        let t = "The debate, scheduled for Thurs., Sept. 10, was moved, Mr. Priebus said.";
        assert_eq!(exprs(t), vec![("Sept. 10".into(), sept(10))]);

        let t =
            "Early voting starts Oct. 12, 2016, in Ohio and ends in Sept with a vote on Sept 30.";
        assert_eq!(
            exprs(t),
            vec![
                (
                    "Oct. 12, 2016".into(),
                    Expr::MonthDay {
                        month: 10,
                        day: 12,
                        year: Some(2016)
                    }
                ),
                ("Sept 30".into(), sept(30)),
            ]
        );
        assert_eq!(first_full_date(t).unwrap().label(), "2016-10-12");

        let t = "Sen. Ted Cruz (R-Tex.) said in Jan. that he would stay in, and in Oct. he did.";
        assert!(exprs(t).is_empty());
        assert_eq!(month_of("Jan."), Some(1));
        assert_eq!(month_of("Oct."), Some(10));
        assert_eq!(month_of("Sept."), Some(9));
        assert_eq!(month_of("Sept"), Some(9));
        assert_eq!(month_of("SEPT."), Some(9));
        assert_eq!(month_of("Sep"), Some(9));
        assert_eq!(month_of("Thurs."), None);
        assert_eq!(month_of("Septs"), None);

        let t = "On Thurs. the senator flew home; Sept., he said, would be busy.";
        assert!(exprs(t).is_empty());
        let t = "THURSDAY, SEPT. 8 — Mrs. Clinton spoke on Thursday, Sept. 8, 2016.";
        let e = exprs(t);
        assert_eq!(e.get(1).map(|x| x.0.as_str()), Some("SEPT. 8"));
        assert_eq!(
            e.iter().map(|x| x.1.clone()).collect::<Vec<_>>(),
            vec![
                Expr::Weekday(3),
                sept(8),
                Expr::Weekday(3),
                Expr::MonthDay {
                    month: 9,
                    day: 8,
                    year: Some(2016)
                }
            ]
        );
    }

    #[test]
    fn weekday_must_agree_with_date() {
        let anchor = parse_iso("2026-01-06").unwrap();
        let ok = "on Tuesday (January 6)";
        assert!(weekday_conflicts(ok, Span::new(0, ok.len()), anchor).is_empty());
        let bad = "on Monday (January 6)";
        assert_eq!(
            weekday_conflicts(bad, Span::new(0, bad.len()), anchor).len(),
            1
        );
    }
}
