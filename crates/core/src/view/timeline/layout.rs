//! A view's layout ([`TimelineLayout`]): the marks in view, placed by date in their
//! lanes, one per lane and day (or per statement, zoomed in), merged by calendar cells
//! when zoomed out; the context events in view; the axis ticks.

use crate::corpus::dates::{Precision, When};
use crate::corpus::{Corpus, StatementId};
use crate::text::sort::{sort_by, sort_numbers};
use crate::view::timeline::geometry::{
    EVENT_CLUSTER_PX, EXPAND_PX_PER_DAY, FALLBACK_WIDTH, MARK_CLUSTER_PX, MIN_MARK_PX,
};
use crate::view::timeline::lanes::{aggregate, Aggregate, LaneBy};
use crate::view::timeline::ticks::{ticks, Tick};
use crate::view::timeline::window::View;

/// One drawn mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub lane: usize,
    pub x: f64,
    /// Statements in this mark, in article order.
    pub ids: Vec<StatementId>,
    /// The earliest and the latest date of its statements: one date unless neighbouring
    /// days were merged into it because they fell in the same [`MARK_CLUSTER_PX`]-wide
    /// cell at this zoom. `from.day` is the mark's day, by which it is keyed.
    pub from: When,
    pub to: When,
    pub precision: Precision,
    /// True when this mark is a single statement drawn in an expanded day.
    pub expanded: bool,
}

/// The whole timeline, ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    /// Lane name and its number of statements (dated and undated).
    pub lanes: Vec<(String, usize)>,
    pub marks: Vec<Mark>,
    /// Undated statements per lane.
    pub undated: Vec<Vec<StatementId>>,
    pub ticks: Vec<Tick>,
    /// Context events in view, one entry per cluster of events closer than
    /// [`EVENT_CLUSTER_PX`]: (x of the first, event indices), so that a corpus with
    /// thousands of dated sentences draws a bounded number of marks.
    pub events: Vec<(f64, Vec<usize>)>,
    /// Whether days are drawn statement by statement (and so in article order).
    pub expanded: bool,
}

/// Where a mark of `day` at `precision` is drawn, in days: the middle of a known day,
/// the start of a month or a year.
fn centre_of(day: i64, precision: Precision) -> f64 {
    if precision == Precision::Day {
        day as f64 + 0.5
    } else {
        day as f64
    }
}

/// Lays out `ids` (already filtered) for a view `width` pixels wide.
pub fn layout(
    corpus: &Corpus,
    ids: &[StatementId],
    by: LaneBy,
    view: View,
    width: f64,
) -> TimelineLayout {
    layout_view(corpus, &aggregate(corpus, ids, by), view, width)
}

/// Lays out an [`Aggregate`] for a view `width` pixels wide: what is in view, days drawn
/// statement by statement when there is room, marks merged by cell, context events, ticks.
pub fn layout_view(corpus: &Corpus, agg: &Aggregate, view: View, width: f64) -> TimelineLayout {
    let width = if width.is_finite() && width > 10.0 {
        width
    } else {
        FALLBACK_WIDTH
    };
    // Any view is drawn (a link's, a NaN from a gesture): see `View::bounded`.
    let view = view.bounded();
    let px_per_day = width / view.span();
    let in_view = |&(_, day, precision): &(usize, i64, Precision)| {
        let end = match precision {
            Precision::Day => day.saturating_add(1),
            Precision::Month => day.saturating_add(31),
            _ => day.saturating_add(366),
        };
        (end as f64) > view.start && (day as f64) < view.end
    };
    let buckets = agg.groups.iter().filter(|(key, _)| in_view(key));
    // Expand days into single statements only when each gets room (≥ 12 px).
    let biggest = buckets
        .clone()
        .filter(|((_, _, p), _)| *p == Precision::Day)
        .map(|(_, g)| g.len())
        .max()
        .unwrap_or(1) as f64;
    let expanded = px_per_day >= EXPAND_PX_PER_DAY && px_per_day / biggest >= MIN_MARK_PX;
    let mut marks = Vec::new();
    for &((lane, day, precision), ref group) in buckets {
        if expanded && precision == Precision::Day {
            let n = group.len() as f64;
            for (k, &id) in group.iter().enumerate() {
                let x = view.x(day as f64 + (k as f64 + 0.5) / n, width);
                marks.push(Mark {
                    lane,
                    x,
                    ids: vec![id],
                    from: When { day, precision },
                    to: When { day, precision },
                    precision,
                    expanded: true,
                });
            }
        } else {
            let centre = centre_of(day, precision);
            marks.push(Mark {
                lane,
                x: view.x(centre, width),
                ids: group.clone(),
                from: When { day, precision },
                to: When { day, precision },
                precision,
                expanded: false,
            });
        }
    }
    // Zoomed out over years, a lane has a mark per day a few pixels apart: merge those
    // in the same MARK_CLUSTER_PX-wide cell, so the number drawn is bounded by the width.
    // The cells are fixed to the calendar at this zoom (not to the view's left edge), so
    // panning moves the marks without regrouping them.
    let cell =
        |m: &Mark| (centre_of(m.from.day, m.precision) * px_per_day / MARK_CLUSTER_PX).floor();
    sort_by(&mut marks, |a, b| {
        a.lane
            .cmp(&b.lane)
            .then(a.x.total_cmp(&b.x))
            .then(a.ids.cmp(&b.ids))
    });
    let mut merged: Vec<Mark> = Vec::with_capacity(marks.len());
    let mut last_cell = f64::NAN;
    for m in marks {
        let c = cell(&m);
        let same_cell = c == std::mem::replace(&mut last_cell, c);
        match merged.last_mut() {
            Some(prev) if !m.expanded && !prev.expanded && prev.lane == m.lane && same_cell => {
                prev.ids.extend(m.ids); // sorted once, below
                if m.from.day < prev.from.day {
                    prev.from = m.from;
                }
                if m.to.day >= prev.to.day {
                    prev.to = m.to;
                }
                prev.precision = prev.precision.min(m.precision);
                // A mark of several days stands in the middle of its cell, so the marks
                // of neighbouring cells do not cover each other.
                prev.x = view.x((c + 0.5) * MARK_CLUSTER_PX / px_per_day, width);
            }
            _ => merged.push(m),
        }
    }
    for m in &mut merged {
        sort_numbers(&mut m.ids); // the marks of one day, already in order
    }
    let marks = merged;
    // Events share a mark by EVENT_CLUSTER_PX-wide cells fixed to the calendar, as marks do.
    let mut in_view: Vec<(f64, f64, usize)> = corpus
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| (e.when.day as f64) >= view.start - 1.0 && (e.when.day as f64) <= view.end)
        .map(|(i, e)| {
            let centre = centre_of(e.when.day, e.when.precision);
            let cell = (centre * px_per_day / EVENT_CLUSTER_PX).floor();
            (view.x(centre, width), cell, i)
        })
        .collect();
    sort_by(&mut in_view, |a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    let mut events: Vec<(f64, Vec<usize>)> = Vec::new();
    let mut last_cell = f64::NAN;
    for (x, cell, i) in in_view {
        let same_cell = cell == std::mem::replace(&mut last_cell, cell);
        match events.last_mut() {
            Some((_, ids)) if same_cell => ids.push(i),
            _ => events.push((x, vec![i])),
        }
    }
    TimelineLayout {
        lanes: agg.lanes.clone(),
        marks,
        undated: agg.undated.clone(),
        ticks: ticks(view, width),
        events,
        expanded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::dates::days_from_civil;
    use crate::view::timeline::lanes::aggregate;
    use crate::view::timeline::test_data::{absurd_views, corpus};
    use crate::view::timeline::ticks::MAX_TICKS;
    use crate::view::timeline::window::fit;

    #[test]
    fn aggregates_per_lane_and_day_and_keeps_undated_apart() {
        let c = corpus();
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let v = fit(&c, &ids);
        let l = layout(&c, &ids, LaneBy::Speaker, v, 500.0);
        assert!(!l.expanded, "100 px a day aggregates");
        assert_eq!(l.lanes[0].0, "Jane Doe");
        // Jane: 2 on Jan 6 (two articles) and 2 "a day earlier" (Jan 5); John: 2 on Jan 6.
        let jane: Vec<&Mark> = l.marks.iter().filter(|m| m.lane == 0).collect();
        assert_eq!(
            jane.len(),
            2,
            "{:?}",
            l.marks
                .iter()
                .map(|m| (
                    m.lane,
                    m.from.day,
                    m.ids
                        .iter()
                        .map(|&i| (
                            c.text_of(&c.entries[i]).to_string(),
                            c.entries[i].when.label()
                        ))
                        .collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>()
        );
        assert!(jane.iter().all(|m| m.ids.len() == 2 && !m.expanded));
        assert!(jane[0].x < jane[1].x, "Jan 5 left of Jan 6");
        // The third article has no date: its statements are undated, not placed.
        assert_eq!(l.undated.iter().map(Vec::len).sum::<usize>(), 3);
        let by_outlet = layout(&c, &ids, LaneBy::Outlet, v, 1000.0);
        assert_eq!(by_outlet.lanes.len(), 3);
    }

    #[test]
    fn zooming_in_expands_days_in_article_order_and_culls() {
        let c = corpus();
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let jan6 = days_from_civil(2026, 1, 6) as f64;
        let v = View {
            start: jan6,
            end: jan6 + 1.0,
        };
        let l = layout(&c, &ids, LaneBy::Speaker, v, 1000.0);
        assert!(l.expanded);
        assert!(
            l.marks
                .iter()
                .all(|m| m.ids.len() == 1 && m.from.day == jan6 as i64),
            "Jan 5 is out of view and culled"
        );
        let xs: Vec<f64> = l
            .marks
            .iter()
            .filter(|m| m.lane == 0)
            .map(|m| m.x)
            .collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
    }

    /// Panning at one zoom moves the marks and the context events without regrouping
    /// them: every group wholly inside both views is the same group in both. (With groups
    /// chained from the view's left edge, one mark leaving on the left regrouped a whole
    /// lane, and the app redrew every mark.)
    #[test]
    fn panning_keeps_the_groups_in_view() {
        use crate::synth::{generate, SynthArticle, SynthParams};
        let arts = generate(&SynthParams {
            seed: 7,
            events: 400,
            outlets_per_event: 2,
            paragraphs: 2,
        })
        .unwrap();
        let c = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let full = fit(&c, &ids);
        let width = 1000.0;
        // Zoomed out so far that a lane merges many days into each mark.
        let view = full.zoom(2.0, 0.5);
        // Inside both views, 30 px from their edges (a cell cut by an edge loses members).
        let inside = |x: f64| x > 30.0 && x < width - 30.0;
        let mut merged = 0;
        for step in 1..=8 {
            let moved = View {
                start: view.start + step as f64 * view.span() * 0.037,
                end: view.end + step as f64 * view.span() * 0.037,
            };
            let (a, b) = (
                layout(&c, &ids, LaneBy::Speaker, view, width),
                layout(&c, &ids, LaneBy::Speaker, moved, width),
            );
            // A day's x in the moved view is its x in the first one plus `shift`.
            let shift = moved.x(0.0, width) - view.x(0.0, width);
            // `dx` takes an x of the layout given to the first view's.
            let groups = |l: &TimelineLayout, dx: f64| -> Vec<(usize, Vec<usize>)> {
                let mut g: Vec<_> = l
                    .marks
                    .iter()
                    .filter(|m| inside(m.x + dx) && inside(m.x + dx + shift))
                    .map(|m| (m.lane, m.ids.clone()))
                    .collect();
                g.sort();
                g
            };
            let (ga, gb) = (groups(&a, 0.0), groups(&b, -shift));
            assert!(!ga.is_empty());
            assert_eq!(ga, gb, "pan step {step}");
            merged += ga.iter().filter(|(_, ids)| ids.len() > 1).count();
            let events = |l: &TimelineLayout, dx: f64| -> Vec<Vec<usize>> {
                let mut g: Vec<_> = l
                    .events
                    .iter()
                    .filter(|(x, _)| inside(x + dx) && inside(x + dx + shift))
                    .map(|(_, e)| e.clone())
                    .collect();
                g.sort();
                g
            };
            assert_eq!(
                events(&a, 0.0),
                events(&b, -shift),
                "events, pan step {step}"
            );
        }
        assert!(merged > 0, "the view merges marks");
    }

    #[test]
    fn a_mark_spans_the_earliest_to_the_latest_date_of_its_statements() {
        use crate::synth::{generate, SynthArticle, SynthParams};
        let arts = generate(&SynthParams {
            seed: 11,
            events: 300,
            outlets_per_event: 2,
            paragraphs: 2,
        })
        .unwrap();
        let c = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        let mut view = fit(&c, &ids).zoom(2.0, 0.5);
        let (mut merged, mut marks) = (0, 0);
        for _ in 0..10 {
            for m in layout(&c, &ids, LaneBy::Speaker, view, 760.0).marks {
                let days = m.ids.iter().map(|&i| c.entries[i].when.day);
                let (lo, hi) = (days.clone().min().unwrap(), days.max().unwrap());
                assert_eq!((m.from.day, m.to.day), (lo, hi), "{m:?}");
                for w in [m.from, m.to] {
                    assert!(
                        m.ids.iter().any(|&i| c.entries[i].when == w),
                        "{w:?} is a statement's date"
                    );
                }
                marks += 1;
                merged += usize::from(lo != hi);
            }
            view = view.zoom(0.5, 0.3);
        }
        assert!(
            marks > 100 && merged > 10,
            "{marks} marks, {merged} over several days"
        );
    }

    #[test]
    fn layout_takes_any_view_and_width() {
        let c = corpus();
        let ids: Vec<usize> = (0..c.entries.len()).collect();
        // Ids not in the corpus are left out, not a panic.
        let with_strays: Vec<usize> = ids.iter().copied().chain([usize::MAX, 999]).collect();
        let agg = aggregate(&c, &with_strays, LaneBy::Speaker);
        assert_eq!(agg, aggregate(&c, &ids, LaneBy::Speaker));
        for view in absurd_views() {
            for width in [760.0, f64::NAN, 0.0] {
                let l = layout_view(&c, &agg, view, width);
                assert!(l.ticks.len() <= MAX_TICKS);
                assert!(l.marks.iter().all(|m| m.x.is_finite()), "{view:?}");
            }
        }
        assert!(fit(&c, &[usize::MAX]).is_sane());
    }
}
