//! The view as a shareable link: [`AppState`] to URL parameters and back (values that
//! cannot be used are dropped with a notice), dates and windows clamped to what can be
//! drawn, and the fragment's percent-encoding. One link shape serves the explorer (its
//! values checked against the corpus shown) and the archive mode (against the archive's
//! root): each is a [`Vocabulary`].

use crate::corpus::Corpus;
use crate::text::number;
use crate::view::facet::{Facet, Values};
use crate::view::state::{view_ok, AppState, Sort, Tab};
use crate::view::timeline::lanes::LaneBy;

/// What a link's values are checked against: the facets' values a view can select
/// ([`Values`]), and how a selected statement is named in a link.
pub trait Vocabulary: Values {
    /// The link's name of the statement selected at `at` (`AppState::selected`).
    fn statement_id(&self, at: usize) -> Option<String>;
    /// The selection a link's statement name stands for.
    fn statement_at(&self, id: &str) -> Option<usize>;
}

/// The explorer's vocabulary: the corpus shown; a statement is named by its id.
impl Vocabulary for Corpus {
    fn statement_id(&self, at: usize) -> Option<String> {
        self.entries.get(at).map(|e| e.id.clone())
    }
    fn statement_at(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }
}

impl AppState {
    /// The view as URL parameters (for the fragment of a shareable link).
    pub fn to_params<V: Vocabulary + ?Sized>(&self, corpus: &V) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if !self.search.is_empty() {
            p.push(("q", self.search.clone()));
        }
        p.extend(
            (self.filters)
                .pairs(Facet::ALL)
                .map(|(f, v)| (f.key(), v.clone())),
        );
        if self.sort != Sort::Article {
            p.push(("sort", self.sort.as_str().to_string()));
        }
        if let Some(id) = self.selected.and_then(|i| corpus.statement_id(i)) {
            p.push(("sel", id));
        }
        if self.lanes != LaneBy::Speaker {
            p.push(("lanes", self.lanes.as_str().to_string()));
        }
        if self.tab != Tab::Statements {
            p.push(("tab", self.tab.as_str().to_string()));
        }
        if let Some((a, b)) = self.view {
            p.push((
                "view",
                format!("{},{}", number::fixed(a, 3), number::fixed(b, 3)),
            ));
        }
        if let Some((a, b)) = self.range {
            let label = |d: i64| {
                crate::corpus::dates::When {
                    day: d,
                    precision: crate::corpus::dates::Precision::Day,
                }
                .label()
            };
            if a != i64::MIN {
                p.push(("from", label(a)));
            }
            if b != i64::MAX {
                p.push(("to", label(b)));
            }
        }
        p
    }

    /// Reads a view from URL parameters. Unknown values are dropped with a notice, so a
    /// hand-edited or stale link falls back to the nearest valid view.
    pub fn from_params<V: Vocabulary + ?Sized>(
        params: &[(String, String)],
        corpus: &V,
    ) -> AppState {
        let mut s = AppState::default();
        let mut dropped: Vec<String> = Vec::new();
        for (k, v) in params {
            if let Some(f) = Facet::parse(k) {
                if f.accepts(corpus, v) {
                    s.filters.insert(f, v.clone());
                } else {
                    dropped.push(format!("{k} “{}”", short(v)));
                }
                continue;
            }
            match k.as_str() {
                "q" => s.search = v.chars().take(500).collect(),
                "sort" => match Sort::parse(v) {
                    Some(sort) => s.sort = sort,
                    None => dropped.push(format!("sort “{}”", short(v))),
                },
                "sel" => match corpus.statement_at(v) {
                    Some(i) => s.selected = Some(i),
                    None => dropped.push("the selected statement".into()),
                },
                "lanes" => match LaneBy::parse(v) {
                    Some(l) => s.lanes = l,
                    None => dropped.push(format!("lanes “{}”", short(v))),
                },
                "tab" => match Tab::parse(v) {
                    Some(t) => s.tab = t,
                    None => dropped.push(format!("view “{}”", short(v))),
                },
                "view" => match v
                    .split_once(',')
                    .and_then(|(a, b)| Some((number::parse_decimal(a)?, number::parse_decimal(b)?)))
                    .filter(|&view| view_ok(view))
                {
                    Some(view) => s.view = Some(view),
                    None => dropped.push(format!("timeline view “{}”", short(v))),
                },
                "from" | "to" => match link_date(v) {
                    Some(w) => {
                        let (a, b) = s.range.unwrap_or((i64::MIN, i64::MAX));
                        s.range = Some(if k == "from" { (w.day, b) } else { (a, w.day) });
                    }
                    None => dropped.push(format!("date “{}”", short(v))),
                },
                _ => dropped.push(format!("“{}”", short(k))),
            }
        }
        // A half-open range from a hand-edited link: the missing end is unbounded.
        if let Some((a, b)) = s.range {
            if a > b {
                s.range = Some((b, a));
            }
        }
        if !dropped.is_empty() {
            s.notice = Some(format!(
                "Part of this link could not be used and was left out: {}.",
                dropped.join(", ")
            ));
        }
        s
    }
}

/// A link's `from` or `to`: a full date (`YYYY-MM-DD`) in the years 1 to 9999, as a day.
/// The year is checked before the date is turned into a day, so an absurd year cannot
/// overflow the day arithmetic.
pub fn link_date(v: &str) -> Option<crate::corpus::dates::When> {
    let year: i64 = v.trim().split('-').next()?.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    crate::corpus::dates::parse_iso(v)
        .filter(|w| w.precision == crate::corpus::dates::Precision::Day)
        .filter(|w| {
            (crate::corpus::dates::MIN_DAY..=crate::corpus::dates::MAX_DAY).contains(&w.day)
        })
}

/// Encodes parameters as a URL fragment (`q=a%20b&outlet=X`), percent-encoding UTF-8.
pub fn params_to_fragment(params: &[(&str, String)]) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    params
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes a URL fragment (with or without `#`) into parameters; malformed escapes are
/// kept literally, invalid UTF-8 is replaced, so any string gives some answer.
pub fn fragment_to_params(fragment: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'+' => out.push(b' '),
                b'%' => match b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                },
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (dec(k), dec(v)),
            None => (dec(p), String::new()),
        })
        .collect()
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::state::Action;
    use crate::view::test_corpus::corpus;

    fn toggle(f: Facet, v: &str) -> Action {
        Action::Toggle(f, v.to_string())
    }

    #[test]
    fn url_round_trip_and_bad_links() {
        let c = corpus();
        let mut s = AppState::default();
        s.apply(Action::Search("plan \"was ready\"".into()));
        s.apply(toggle(Facet::Outlet, "B"));
        s.apply(toggle(Facet::Kind, "indirect"));
        s.apply(toggle(Facet::Speaker, "Jane Doe"));
        s.apply(Action::SetSort(Sort::Outlet));
        s.apply(toggle(Facet::Topic, "other"));
        s.apply(Action::Select(Some(1)));
        s.apply(Action::SetLanes(LaneBy::Outlet));
        s.apply(Action::SetView(Some((20000.5, 20010.25))));
        s.apply(Action::SetRange(Some((20003, 20001))));
        s.apply(Action::SetTab(Tab::Coverage));
        assert_eq!(s.range, Some((20001, 20003)));
        let params: Vec<(String, String)> = s
            .to_params(&c)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(AppState::from_params(&params, &c), s);
        let junk = vec![
            ("outlet".to_string(), "Nowhere Times".to_string()),
            ("kind".into(), "shouted".into()),
            ("sel".into(), "gone.txt@1-2".into()),
            ("zzz".into(), "1".into()),
            ("speaker".into(), "Jane Doe".into()),
            ("view".into(), "NaN,1".into()),
            ("from".into(), "2026-13-40".into()),
            ("tab".into(), "spreadsheet".into()),
        ];
        let half = AppState::from_params(&[("from".to_string(), "2026-01-05".to_string())], &c);
        assert_eq!(half.range.unwrap().1, i64::MAX);
        assert_eq!(half.to_params(&c), vec![("from", "2026-01-05".to_string())]);
        let r = AppState::from_params(&junk, &c);
        assert_eq!(r.filters[Facet::Speaker], vec!["Jane Doe"]);
        assert!(
            r.filters[Facet::Outlet].is_empty()
                && r.filters[Facet::Kind].is_empty()
                && r.selected.is_none()
        );
        let notice = r.notice.unwrap();
        assert!(
            notice.contains("Nowhere Times")
                && notice.contains("shouted")
                && notice.contains("selected statement"),
            "{notice}"
        );
        assert!(r.view.is_none() && r.range.is_none() && notice.contains("2026-13-40"));
        assert!(r.tab == Tab::Statements && notice.contains("spreadsheet"));
    }

    /// Every value from a link is untrusted. The reported link froze the tab ~9 s, then
    /// panicked with "capacity overflow" in the timeline's ticks.
    #[test]
    fn absurd_link_values_are_dropped_with_the_notice() {
        let c = corpus();
        let link = |fragment: &str| AppState::from_params(&fragment_to_params(fragment), &c);
        for fragment in [
            "#view=3000000000000000,3000000000000002",
            "#view=-3000000000000002,-3000000000000000",
            "#view=NaN,1",
            "#view=1,NaN",
            "#view=inf,inf",
            "#view=-inf,inf",
            "#view=0,infinity",
            "#view=10,0",
            "#view=5,5",
            "#view=-5,-10",
            "#view=1e308,1.7976931348623157e308",
            "#view=3000000,3000010",
            "#view=-800000,-799990",
            "#view=0,100000",
            "#view=1,2,3",
            "#view=",
        ] {
            let s = link(fragment);
            assert!(s.view.is_none(), "{fragment}: {:?}", s.view);
            let notice = s.notice.unwrap_or_default();
            assert!(notice.contains("timeline view"), "{fragment}: {notice}");
        }
        for fragment in [
            "#from=0000-01-01",
            "#to=10000-01-01",
            "#from=9223372036854775807-01-01",
            "#to=-5-01-01",
            "#from=99999999999999999999-01-01",
            "#from=2026-02-30",
            "#to=2026",
        ] {
            let s = link(fragment);
            assert!(s.range.is_none(), "{fragment}: {:?}", s.range);
            assert!(s.notice.unwrap_or_default().contains("date"), "{fragment}");
        }
        // In range: kept, as before.
        let s = link("#view=20000.5,20010.25&from=0001-01-01&to=9999-12-31");
        assert_eq!(s.view, Some((20000.5, 20010.25)));
        assert_eq!(
            s.range,
            Some((crate::corpus::dates::MIN_DAY, crate::corpus::dates::MAX_DAY))
        );
        assert!(s.notice.is_none());
        // A gesture's view is held to the same rules.
        let mut s = AppState::default();
        for v in [
            (3e15, 3e15 + 2.0),
            (f64::NAN, 1.0),
            (0.0, f64::INFINITY),
            (2.0, 1.0),
        ] {
            assert!(!s.apply(Action::SetView(Some(v))), "{v:?}");
            assert!(s.view.is_none());
        }
        assert!(s.apply(Action::SetView(Some((1.0, 2.0)))));
    }

    /// Links written before the facet registry (each facet had a field of its own) open
    /// the same view, and the view writes them back byte for byte.
    #[test]
    fn links_written_before_the_registry_open_the_same_view() {
        let c = corpus();
        let day = |d: &str| crate::corpus::dates::parse_iso(d).unwrap().day;
        let sel = c.entries[1].id.clone();
        let cases: [(String, Vec<Action>); 4] = [
            (
                format!("q=plan%20%22was%20ready%22&outlet=B&kind=indirect&speaker=Jane%20Doe&topic=other&sort=outlet&sel={}&lanes=outlet&tab=coverage&view=20000.500%2C20010.250&from=2026-01-05&to=2026-01-07", sel.replace('@', "%40")),
                vec![
                    Action::Search("plan \"was ready\"".into()),
                    toggle(Facet::Outlet, "B"),
                    toggle(Facet::Kind, "indirect"),
                    toggle(Facet::Speaker, "Jane Doe"),
                    toggle(Facet::Topic, "other"),
                    Action::SetSort(Sort::Outlet),
                    Action::Select(Some(1)),
                    Action::SetLanes(LaneBy::Outlet),
                    Action::SetTab(Tab::Coverage),
                    Action::SetView(Some((20000.5, 20010.25))),
                    Action::SetRange(Some((day("2026-01-05"), day("2026-01-07")))),
                ],
            ),
            (
                "outlet=A&outlet=B&kind=direct&kind=partial&speaker=Jean%20Roux&speaker=Jane%20Doe&affiliation=France".into(),
                vec![
                    toggle(Facet::Outlet, "A"),
                    toggle(Facet::Outlet, "B"),
                    toggle(Facet::Kind, "direct"),
                    toggle(Facet::Kind, "partial"),
                    toggle(Facet::Speaker, "Jean Roux"),
                    toggle(Facet::Speaker, "Jane Doe"),
                    toggle(Facet::Affiliation, "France"),
                ],
            ),
            (
                "topic=security%20guarantees&topic=other".into(),
                vec![
                    toggle(Facet::Topic, "security guarantees"),
                    toggle(Facet::Topic, "other"),
                ],
            ),
            (String::new(), vec![]),
        ];
        for (fragment, actions) in cases {
            let mut want = AppState::default();
            for a in actions {
                want.apply(a);
            }
            let got = AppState::from_params(&fragment_to_params(&fragment), &c);
            assert_eq!(got, want, "{fragment}");
            assert_eq!(params_to_fragment(&got.to_params(&c)), fragment);
        }
        // Facets out of order and repeated values read as before: once each, in the
        // order first named; a facet's values written together.
        let got = AppState::from_params(
            &fragment_to_params("speaker=Jane%20Doe&outlet=B&kind=direct&outlet=B&outlet=A"),
            &c,
        );
        assert_eq!(got.filters[Facet::Outlet], ["B", "A"]);
        assert_eq!(
            params_to_fragment(&got.to_params(&c)),
            "outlet=B&outlet=A&kind=direct&speaker=Jane%20Doe"
        );
    }

    #[test]
    fn fragments_round_trip_and_survive_junk() {
        let p = vec![
            ("q", "Élysée \"a&b\" 100%".to_string()),
            ("outlet", "POLITICO".to_string()),
        ];
        let f = params_to_fragment(&p);
        assert!(!f.contains(' ') && !f.contains('"'));
        let back = fragment_to_params(&format!("#{f}"));
        assert_eq!(
            back,
            vec![
                ("q".to_string(), "Élysée \"a&b\" 100%".to_string()),
                ("outlet".into(), "POLITICO".into())
            ]
        );
        for junk in ["%", "%zz", "a=%E2%82", "==&&=", "q=%FF%FE", "#"] {
            let _ = fragment_to_params(junk);
        }
        assert_eq!(
            fragment_to_params("q=%zz"),
            vec![("q".to_string(), "%zz".to_string())]
        );
    }
}
