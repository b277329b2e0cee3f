//! Structure-aware fuzzing of the corpus file reader (`formats::pack::decode`). The FNV
//! checksum guards against damage, not forgery: a crafted file recomputes it. So these
//! tests take real corpus files (the seeds, and a small synthetic corpus), decode the
//! body into its serde structure, change fields to the values that break code (days at
//! i64::MAX/MIN, offsets past the end or inside a UTF-8 sequence, start after end,
//! indices at the length or usize::MAX, vectors cut short or repeated), encode the body
//! again behind a recomputed checksum, and require that the reader either refuses the
//! file with a message or returns a corpus on which everything the app does is safe:
//! search, facet counts, every sort, the timeline (fit, layout, zoom, pan), the group
//! lookups and the coverage grid, exports, and slicing every span. Byte-level damage
//! behind a recomputed checksum gets the same treatment.
//!
//! `PROPTEST_CASES` sets the number of cases (64 by default, so `cargo test` stays quick).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use quoteline_core::corpus::compare::{compare, coverage, Comparison, Group, GROUP_THRESHOLD};
use quoteline_core::corpus::dates::{MAX_DAY, MIN_DAY};
use quoteline_core::corpus::topics::names as topic_names;
use quoteline_core::corpus::Corpus;
use quoteline_core::formats::pack;
use quoteline_core::text::Span;
use quoteline_core::view::export::{citation, export_csv};
use quoteline_core::view::facet::Facet;
use quoteline_core::view::search::SearchIndex;
use quoteline_core::view::state::{Action, AppState, Sort};
use quoteline_core::view::timeline::lanes::{self, LaneBy};
use quoteline_core::view::timeline::{layout, ticks, window};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The body of a corpus file, as `formats::pack` writes it (same fields, same order).
#[derive(Clone, Serialize, Deserialize)]
struct Body {
    generator: String,
    topics: Vec<String>,
    corpus: Corpus,
    groups: Vec<Group>,
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

/// A file with `body` behind a header with its checksum recomputed.
fn file_of(body: &[u8]) -> Vec<u8> {
    let mut file = format!(
        "{} {} {:016x} {}\n",
        pack::FORMAT,
        pack::VERSION,
        pack::checksum(body),
        body.len()
    )
    .into_bytes();
    file.extend_from_slice(body);
    file
}

fn body_of(file: &[u8]) -> &[u8] {
    let nl = file.iter().position(|&b| b == b'\n').unwrap();
    &file[nl + 1..]
}

/// The real corpus files the mutations start from: the seeds, and a small synthetic
/// corpus (more articles, speakers and groups).
fn seeds() -> &'static [Vec<u8>] {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        use quoteline_core::synth::{generate, SynthArticle, SynthParams};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let folder = quoteline_core::formats::manifest::read_folder(dir.as_ref()).unwrap();
        let seeds = quoteline_core::corpus::Corpus::build(
            folder.articles.iter().map(|a| a.input()).collect(),
        );
        let arts = generate(&SynthParams {
            seed: 3,
            events: 40,
            outlets_per_event: 3,
            paragraphs: 2,
        })
        .unwrap();
        let synth = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        [seeds, synth]
            .iter()
            .map(|c| {
                let cmp = compare(c, GROUP_THRESHOLD);
                let bytes = pack::encode(c, &cmp, &topic_names(), "fuzz");
                assert!(pack::decode(&bytes, &topic_names()).is_ok());
                bytes
            })
            .collect()
    })
}

fn decoded_body(file: &[u8]) -> Body {
    postcard::from_bytes(body_of(file)).unwrap()
}

/// Everything the app does with an opened corpus, none of which may panic; and every
/// span the reader let through slices its article.
fn exercise(p: &pack::Pack) {
    let c = &p.corpus;
    for e in &c.entries {
        let text = &c.articles[e.article].text;
        let st = &e.statement;
        let spans = [
            Some(st.span),
            st.cue,
            Some(st.sentence),
            st.evidence.mention,
            st.evidence.antecedent,
            e.when_expr,
        ];
        for s in spans.into_iter().flatten() {
            assert!(text.get(s.start..s.end).is_some(), "{s:?} in {}", e.id);
        }
        for (_, words) in &e.topics {
            for s in words {
                assert!(text.get(s.start..s.end).is_some());
            }
        }
        assert!(e.speaker < c.speakers.len());
        assert!((MIN_DAY..=MAX_DAY).contains(&e.when.day));
    }
    for ev in &c.events {
        let text = &c.articles[ev.article].text;
        for s in [ev.sentence, ev.expr, ev.clause] {
            assert!(text.get(s.start..s.end).is_some());
        }
    }
    let index = SearchIndex::build(c);
    let all: Vec<usize> = (0..c.entries.len()).collect();
    let mut state = AppState::default();
    let mut results = Vec::new();
    for sort in Sort::ALL {
        state.apply(Action::SetSort(sort));
        results = state.results(c, &index);
        let _ = state.facet_counts(c, &index);
    }
    state.apply(Action::Search("the -said \"was\"".into()));
    let facets = state.facet_counts(c, &index);
    for f in [Facet::Outlet, Facet::Speaker, Facet::Topic] {
        for (v, _) in facets[f].iter().take(2) {
            state.apply(Action::Toggle(f, v.clone()));
        }
    }
    state.apply(Action::SetRange(Some((MIN_DAY, MAX_DAY))));
    let _ = state.results(c, &index);
    let _ = state.facet_counts(c, &index);
    // The timeline: fit, layout, zoom in and out, pan, by speaker and by outlet.
    let chrono = lanes::chronological(c);
    for by in [LaneBy::Speaker, LaneBy::Outlet] {
        let agg = lanes::aggregate_in(c, &all, by, &chrono);
        let mut view = window::fit(c, &results);
        assert!(view.is_sane(), "{view:?}");
        for step in 0..12 {
            let l = layout::layout_view(c, &agg, view, 760.0);
            assert!(l.ticks.len() <= ticks::MAX_TICKS);
            view = if step < 8 {
                view.zoom(0.3, 0.4)
            } else {
                view.zoom(9.0, 0.5).pan(0.3)
            };
            assert!(view.is_sane(), "{view:?}");
        }
    }
    // Groups: each statement's group holds it; the coverage grid of every statement.
    let cmp: &Comparison = &p.comparison;
    assert_eq!(cmp.group_of.len(), c.entries.len());
    for (id, g) in cmp.group_of.iter().enumerate() {
        if let Some(g) = g {
            let group = &cmp.groups[*g];
            assert!(group.members.contains(&id));
            assert!(group.members.contains(&group.canonical));
        }
    }
    let _ = coverage(c, cmp, &all);
    let _ = export_csv(c, cmp, &results);
    if let Some(&first) = results.first() {
        assert!(citation(c, first).is_some());
    }
}

/// The reader's answer to `file`: a refusal with a message, or a corpus that is safe.
fn check(file: &[u8]) -> Result<(), TestCaseError> {
    match pack::decode(file, &topic_names()) {
        Err(e) => prop_assert!(!e.to_string().is_empty()),
        Ok(p) => exercise(&p),
    }
    Ok(())
}

/// Which element of a table: `pick(len)` is in `0..len` (`len` > 0).
#[derive(Clone, Copy, Debug)]
struct Pick(u64);

impl Pick {
    fn index(self, len: usize) -> usize {
        (self.0 % len.max(1) as u64) as usize
    }
}

fn index(v: u64) -> Pick {
    Pick(v)
}

/// One change to a decoded body. `at` and `which` pick the element and the field; `v`
/// picks the value (an extreme one most of the time).
#[derive(Clone, Debug)]
enum Mutation {
    Day {
        at: Pick,
        which: u8,
        v: u64,
    },
    Span {
        at: Pick,
        which: u8,
        how: u8,
        v: u64,
    },
    Id {
        at: Pick,
        which: u8,
        how: u8,
    },
    Vector {
        at: Pick,
        which: u8,
        how: u8,
    },
    Confidence {
        at: Pick,
        v: u8,
    },
    GroupOutlets {
        at: Pick,
        v: u64,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<u64>().prop_map(Pick), 0u8..3, any::<u64>())
            .prop_map(|(at, which, v)| Mutation::Day { at, which, v }),
        (any::<u64>().prop_map(Pick), 0u8..10, 0u8..8, any::<u64>())
            .prop_map(|(at, which, how, v)| { Mutation::Span { at, which, how, v } }),
        (any::<u64>().prop_map(Pick), 0u8..7, 0u8..4).prop_map(|(at, which, how)| Mutation::Id {
            at,
            which,
            how
        }),
        (any::<u64>().prop_map(Pick), 0u8..7, 0u8..3)
            .prop_map(|(at, which, how)| Mutation::Vector { at, which, how }),
        (any::<u64>().prop_map(Pick), any::<u8>())
            .prop_map(|(at, v)| Mutation::Confidence { at, v }),
        (any::<u64>().prop_map(Pick), any::<u64>())
            .prop_map(|(at, v)| Mutation::GroupOutlets { at, v }),
    ]
}

/// A day: the extremes and the edges of the allowed range most of the time.
fn day(v: u64) -> i64 {
    const DAYS: [i64; 8] = [
        i64::MAX,
        i64::MIN,
        0,
        -1,
        MIN_DAY - 1,
        MAX_DAY + 1,
        MIN_DAY,
        MAX_DAY,
    ];
    DAYS.get((v % 12) as usize)
        .copied()
        .unwrap_or((v >> 4) as i64)
}

/// An index for a table of `len`: the length, usize::MAX, the last, or the first.
fn id(len: usize, how: u8) -> usize {
    match how {
        0 => len,
        1 => usize::MAX,
        2 => len.saturating_sub(1),
        _ => 0,
    }
}

/// A span of `text`, mostly a bad one: past the end, inside a UTF-8 sequence, start
/// after end, at usize::MAX; or a valid edge case.
fn span(text: &str, old: Span, how: u8, v: u64) -> Span {
    let len = text.len();
    let mid = (1..len).find(|&i| !text.is_char_boundary(i));
    match how {
        0 => Span::new(0, len + 1),
        1 => mid.map_or(Span::new(len, len + 1), |m| Span::new(m, m + 1)),
        2 => mid.map_or(Span::new(2, 1), |m| Span::new(0, m)),
        3 => Span::new(old.end.saturating_add(1), old.start),
        4 => Span::new(usize::MAX, usize::MAX),
        5 => Span::new(len, len),
        6 => Span::new(0, len),
        _ => {
            let a = (v % (len as u64 + 2)) as usize;
            let b = ((v >> 32) % (len as u64 + 2)) as usize;
            Span::new(a, b)
        }
    }
}

fn apply(body: &mut Body, m: &Mutation) {
    let c = &mut body.corpus;
    let (n_articles, n_entries, n_speakers, n_topics) = (
        c.articles.len(),
        c.entries.len(),
        c.speakers.len(),
        body.topics.len(),
    );
    match *m {
        Mutation::Day { at, which, v } => match which {
            0 if n_entries > 0 => c.entries[at.index(n_entries)].when.day = day(v),
            1 if n_articles > 0 => c.articles[at.index(n_articles)].anchor.day = day(v),
            _ if !c.events.is_empty() => {
                let i = at.index(c.events.len());
                c.events[i].when.day = day(v);
            }
            _ => {}
        },
        Mutation::Span { at, which, how, v } => {
            if which >= 7 {
                if c.events.is_empty() {
                    return;
                }
                let i = at.index(c.events.len());
                let Some(text) = c.articles.get(c.events[i].article).map(|a| a.text.clone()) else {
                    return;
                };
                let ev = &mut c.events[i];
                let slot = match which {
                    7 => &mut ev.sentence,
                    8 => &mut ev.expr,
                    _ => &mut ev.clause,
                };
                *slot = span(&text, *slot, how, v);
                return;
            }
            if n_entries == 0 {
                return;
            }
            let i = at.index(n_entries);
            let Some(text) = c.articles.get(c.entries[i].article).map(|a| a.text.clone()) else {
                return;
            };
            let e = &mut c.entries[i];
            let st = &mut e.statement;
            let old = st.span;
            let new = span(&text, old, how, v);
            match which {
                0 => st.span = new,
                1 => st.cue = Some(new),
                2 => st.sentence = new,
                3 => st.evidence.mention = Some(new),
                4 => st.evidence.antecedent = Some(new),
                5 => e.when_expr = Some(new),
                _ => e.topics.push((0, vec![new])),
            }
        }
        Mutation::Id { at, which, how } => {
            if n_entries == 0 {
                return;
            }
            let i = at.index(n_entries);
            match which {
                0 => c.entries[i].article = id(n_articles, how),
                1 => c.entries[i].speaker = id(n_speakers, how),
                2 => c.entries[i].statement.continues = Some(id(n_entries, how)),
                3 => c.entries[i].topics.push((id(n_topics, how), Vec::new())),
                4 if !c.events.is_empty() => {
                    let k = at.index(c.events.len());
                    c.events[k].article = id(n_articles, how);
                }
                5 if !body.groups.is_empty() => {
                    let g = at.index(body.groups.len());
                    body.groups[g].members.push(id(n_entries, how));
                }
                _ if !body.groups.is_empty() => {
                    let g = at.index(body.groups.len());
                    body.groups[g].canonical = id(n_entries, how);
                }
                _ => {}
            }
        }
        Mutation::Vector { at, which, how } => {
            // Cut short at `at`, repeat the element at `at`, or empty the vector.
            fn change<T: Clone>(v: &mut Vec<T>, at: Pick, how: u8) {
                if v.is_empty() {
                    return;
                }
                let i = at.index(v.len());
                match how {
                    0 => v.truncate(i),
                    1 => {
                        let x = v[i].clone();
                        v.insert(i, x);
                    }
                    _ => v.clear(),
                }
            }
            match which {
                0 => change(&mut c.articles, at, how),
                1 => change(&mut c.entries, at, how),
                2 => change(&mut c.speakers, at, how),
                3 => change(&mut c.events, at, how),
                4 => change(&mut body.groups, at, how),
                5 => change(&mut body.topics, at, how),
                _ if !body.groups.is_empty() => {
                    let g = at.index(body.groups.len());
                    change(&mut body.groups[g].members, at, how);
                }
                _ => {}
            }
        }
        Mutation::Confidence { at, v } => {
            if n_entries > 0 {
                let values = [f32::NAN, f32::INFINITY, -1.0, 2.0, 0.0, 1.0];
                c.entries[at.index(n_entries)].statement.confidence =
                    values[v as usize % values.len()];
            }
        }
        Mutation::GroupOutlets { at, v } => {
            if !body.groups.is_empty() {
                let g = at.index(body.groups.len());
                body.groups[g].outlets = [usize::MAX, 0, 1, v as usize][(v % 4) as usize];
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Field-level changes to a real corpus file behind a recomputed checksum.
    #[test]
    fn crafted_fields_are_refused_or_safe(
        seed in 0usize..2,
        edits in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut body = decoded_body(&seeds()[seed]);
        for m in &edits {
            apply(&mut body, m);
        }
        check(&file_of(&postcard::to_allocvec(&body).unwrap()))?;
    }

    /// Byte-level damage to a real corpus file's body behind a recomputed checksum:
    /// bytes changed, removed or inserted (postcard's lengths and varints misread).
    #[test]
    fn crafted_bytes_are_refused_or_safe(
        seed in 0usize..2,
        edits in proptest::collection::vec((any::<Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut body = body_of(&seeds()[seed]).to_vec();
        for (at, b, how) in &edits {
            let i = at.index(body.len());
            match how {
                0 => body[i] = *b,
                1 => {
                    body.remove(i);
                }
                _ => body.insert(i, *b),
            }
        }
        check(&file_of(&body))?;
    }
}

/// Each mutation alone on each field at least once (the proptests pick them at random).
#[test]
fn every_mutation_once_is_refused_or_safe() {
    let mut refused = 0;
    let mut total = 0;
    for file in seeds() {
        let base = decoded_body(file);
        let mut all = Vec::new();
        for which in 0..3 {
            for v in 0..12 {
                all.push(Mutation::Day {
                    at: index(v),
                    which,
                    v,
                });
            }
        }
        for which in 0..10 {
            for how in 0..8 {
                all.push(Mutation::Span {
                    at: index(u64::from(how)),
                    which,
                    how,
                    v: 0x0000_0007_0000_0003,
                });
            }
        }
        for which in 0..7 {
            for how in 0..4 {
                all.push(Mutation::Id {
                    at: index(3),
                    which,
                    how,
                });
            }
        }
        for which in 0..7 {
            for how in 0..3 {
                all.push(Mutation::Vector {
                    at: index(1),
                    which,
                    how,
                });
            }
        }
        for v in 0..6 {
            all.push(Mutation::Confidence { at: index(2), v });
        }
        for v in 0..4u8 {
            all.push(Mutation::GroupOutlets {
                at: index(0),
                v: u64::from(v),
            });
        }
        for m in &all {
            let mut body = base.clone();
            apply(&mut body, m);
            let file = file_of(&postcard::to_allocvec(&body).unwrap());
            total += 1;
            if pack::decode(&file, &topic_names()).is_err() {
                refused += 1;
            }
            check(&file).unwrap_or_else(|e| panic!("{m:?}: {e}"));
        }
    }
    assert!(refused > total / 2, "{refused} of {total} refused");
}

/// The reported case: a crafted file whose statements' days are i64::MAX and i64::MIN,
/// with the checksum recomputed, opened, and the next search killed the wasm page.
#[test]
fn days_at_i64_max_and_min_are_refused_naming_the_date() {
    for file in seeds() {
        for (k, extreme) in [i64::MAX, i64::MIN].into_iter().enumerate() {
            let mut body = decoded_body(file);
            body.corpus.entries[k].when.day = extreme;
            let crafted = file_of(&postcard::to_allocvec(&body).unwrap());
            let e = pack::decode(&crafted, &topic_names())
                .unwrap_err()
                .to_string();
            assert!(
                e.contains(&format!("field corpus.entries[{k}].when.day"))
                    && e.contains(&extreme.to_string())
                    && e.contains("outside the years 1 to 9999"),
                "{e}"
            );
            match pack::decode(&crafted, &topic_names()) {
                Err(pack::PackError::Invalid { field, .. }) => {
                    assert_eq!(field, format!("corpus.entries[{k}].when.day"))
                }
                other => panic!("{other:?}"),
            }
        }
        // Both at once, as reported: the first is named.
        let mut body = decoded_body(file);
        body.corpus.entries[0].when.day = i64::MAX;
        body.corpus.entries[1].when.day = i64::MIN;
        let e = pack::decode(
            &file_of(&postcard::to_allocvec(&body).unwrap()),
            &topic_names(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("corpus.entries[0].when.day"), "{e}");
    }
}

/// The files the fuzzing starts from decode whole, and re-encode to the same bytes
/// through the mirrored body (so the mutations change only what they say).
#[test]
fn the_starting_files_round_trip_through_the_mirrored_body() {
    for file in seeds() {
        let body = decoded_body(file);
        assert!(!body.corpus.entries.is_empty() && !body.groups.is_empty());
        assert_eq!(file_of(&postcard::to_allocvec(&body).unwrap()), *file);
        exercise(&pack::decode(file, &topic_names()).unwrap());
    }
}
