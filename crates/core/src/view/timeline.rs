//! Timeline layout as pure geometry: statements placed by date into lanes (by speaker or
//! by outlet), aggregated into one mark per lane and day with its count, expanded into
//! one mark per statement (in article order) when zoomed in far enough. Only what is in
//! view is laid out. Undated statements go to their own band, never to a made-up date.

use crate::corpus::dates::{civil, days_from_civil, Precision, When, MAX_DAY, MIN_DAY};
use crate::corpus::{Corpus, StatementId};
use crate::lexicon::Lexicon;
use crate::text::capitalised;

/// What the lanes group by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    #[default]
    Speaker,
    Outlet,
}

impl LaneBy {
    pub fn as_str(self) -> &'static str {
        match self {
            LaneBy::Speaker => "speaker",
            LaneBy::Outlet => "outlet",
        }
    }
    pub fn parse(s: &str) -> Option<LaneBy> {
        match s {
            "speaker" => Some(LaneBy::Speaker),
            "outlet" => Some(LaneBy::Outlet),
            _ => None,
        }
    }
}

/// The visible time window, in days (fractions are hours).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

/// Narrowest and widest windows: six hours to forty years.
pub const MIN_SPAN: f64 = 0.25;
pub const MAX_SPAN: f64 = 365.25 * 40.0;
/// From this many pixels per day, a day's statements are drawn one by one.
pub const EXPAND_PX_PER_DAY: f64 = 160.0;
/// Room each statement needs before a day is drawn statement by statement.
pub const MIN_MARK_PX: f64 = 12.0;
/// Lanes shown; the rest are folded into "others".
pub const MAX_LANES: usize = 10;
/// How far a view may reach: [`MAX_SPAN`] before the first day to [`MAX_SPAN`] after the
/// last (room for the padding [`fit`] adds and for panning past the data).
pub const MIN_VIEW_DAY: f64 = MIN_DAY as f64 - MAX_SPAN;
pub const MAX_VIEW_DAY: f64 = (MAX_DAY + 1) as f64 + MAX_SPAN;
/// The most ticks [`ticks`] makes, whatever the view and width (a bound on its loops).
pub const MAX_TICKS: usize = 2_000;

impl View {
    pub fn span(&self) -> f64 {
        self.end - self.start
    }
    /// Whether the view can be drawn as it is: finite ends, start before end, both within
    /// [`MIN_VIEW_DAY`]..=[`MAX_VIEW_DAY`].
    pub fn is_sane(&self) -> bool {
        self.start.is_finite()
            && self.end.is_finite()
            && self.start < self.end
            && self.start >= MIN_VIEW_DAY
            && self.end <= MAX_VIEW_DAY
    }
    /// The view made safe to draw, unchanged when it [`View::is_sane`]: ends swapped when
    /// reversed, widened to [`MIN_SPAN`] when equal, moved (keeping its span where it fits)
    /// into [`MIN_VIEW_DAY`]..=[`MAX_VIEW_DAY`]; a view with a NaN or infinite end is the
    /// default window (a year from 1970).
    pub fn bounded(self) -> View {
        if self.is_sane() {
            return self;
        }
        if !(self.start.is_finite() && self.end.is_finite()) {
            return View {
                start: 0.0,
                end: 365.0,
            };
        }
        let (mut a, mut b) = (self.start.min(self.end), self.start.max(self.end));
        // The span, as f64 sees it at these magnitudes (0 when the ends are equal).
        let span = (b - a).clamp(MIN_SPAN, MAX_VIEW_DAY - MIN_VIEW_DAY);
        if b - a < MIN_SPAN {
            b = a + span;
        }
        if a < MIN_VIEW_DAY {
            (a, b) = (MIN_VIEW_DAY, MIN_VIEW_DAY + span);
        }
        if b > MAX_VIEW_DAY {
            (a, b) = (MAX_VIEW_DAY - span, MAX_VIEW_DAY);
        }
        View {
            start: a.max(MIN_VIEW_DAY),
            end: b.min(MAX_VIEW_DAY),
        }
    }
    fn clamp(mut self) -> View {
        let span = self.span().clamp(MIN_SPAN, MAX_SPAN);
        let mid = (self.start + self.end) / 2.0;
        if !mid.is_finite() {
            return View {
                start: 0.0,
                end: 1.0,
            };
        }
        self.start = mid - span / 2.0;
        self.end = mid + span / 2.0;
        self
    }
    /// Zooms by `factor` (< 1 zooms in) around a point at `at` (0..1 across the view).
    /// A NaN, infinite or non-positive `factor` keeps the span; a NaN `at` is the middle.
    pub fn zoom(&self, factor: f64, at: f64) -> View {
        let view = self.bounded();
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let at = if at.is_nan() { 0.5 } else { at.clamp(0.0, 1.0) };
        let pivot = view.start + view.span() * at;
        let span = (view.span() * factor).clamp(MIN_SPAN, MAX_SPAN);
        View {
            start: pivot - span * at,
            end: pivot - span * at + span,
        }
        .clamp()
        .bounded()
    }
    /// Pans by a fraction of the view (negative = earlier).
    /// Panning stops at [`MIN_VIEW_DAY`] and [`MAX_VIEW_DAY`]; a NaN or infinite
    /// `fraction` does not move the view.
    pub fn pan(&self, fraction: f64) -> View {
        let view = self.bounded();
        let fraction = if fraction.is_finite() { fraction } else { 0.0 };
        let d = view.span() * fraction;
        View {
            start: view.start + d,
            end: view.end + d,
        }
        .bounded()
    }
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }
}

/// A window around the dated items; if none of them is dated, around the whole corpus's
/// dated statements; with no dates at all, a year from the first context event or 1970.
pub fn fit(corpus: &Corpus, ids: &[StatementId]) -> View {
    let mut days: Vec<i64> = ids
        .iter()
        .filter_map(|&i| corpus.entries.get(i))
        .map(|e| &e.when)
        .filter(|w| w.is_known())
        .map(|w| w.day)
        .collect();
    if days.is_empty() {
        days = corpus
            .entries
            .iter()
            .map(|e| &e.when)
            .filter(|w| w.is_known())
            .map(|w| w.day)
            .collect();
    }
    if days.is_empty() {
        if let Some(e) = corpus.events.first() {
            days.push(e.when.day);
        }
    }
    match (days.iter().min(), days.iter().max()) {
        (Some(&a), Some(&b)) => {
            let pad = (b.saturating_sub(a) as f64 * 0.1).max(1.5);
            View {
                start: a as f64 - pad,
                end: b as f64 + 1.0 + pad,
            }
            .clamp()
            .bounded()
        }
        _ => View {
            start: 0.0,
            end: 365.0,
        },
    }
}

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

/// Marks of one lane within the same cell this many pixels wide (cells fixed to the
/// calendar at each zoom) are merged into one, drawn in the middle of its cell. The
/// widest mark is 23 px across (24.5 with its outline), so merged marks never cover each
/// other. (With 6 px cells, 49k statements drew 1,051 marks, most of them hidden under
/// their neighbours, with unreadable counts.)
pub const MARK_CLUSTER_PX: f64 = 25.0;
/// The radius of the biggest mark, in px (its outline adds 0.75).
pub const MAX_MARK_RADIUS: f64 = 11.5;
const _: () = assert!(2.0 * (MAX_MARK_RADIUS + 0.75) <= MARK_CLUSTER_PX);

/// An axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    pub major: bool,
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

/// The lane name of a statement (`None` for an id or an index not in the corpus).
fn lane_key(corpus: &Corpus, id: StatementId, by: LaneBy) -> Option<&str> {
    let e = corpus.entries.get(id)?;
    match by {
        LaneBy::Speaker => corpus.speakers.get(e.speaker).map(|s| s.name.as_str()),
        LaneBy::Outlet => corpus.articles.get(e.article).map(|a| a.outlet.as_str()),
    }
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

/// Context events within the same cell this many pixels wide share one mark.
pub const EVENT_CLUSTER_PX: f64 = 8.0;

/// The part of a layout that does not depend on the view: the lanes, and the statements
/// grouped by lane, day and precision. Zooming and panning reuse it ([`layout_view`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aggregate {
    /// Lane name and its number of statements (dated and undated).
    pub lanes: Vec<(String, usize)>,
    /// Dated statements by (lane, day, precision), in that order; each group in article
    /// order.
    pub groups: Vec<((usize, i64, Precision), Vec<StatementId>)>,
    /// Undated statements per lane.
    pub undated: Vec<Vec<StatementId>>,
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

/// The corpus's dated statements in time order: by day, precision and statement (what
/// [`aggregate_in`] groups by within a lane). Once per corpus.
pub fn chronological(corpus: &Corpus) -> Vec<StatementId> {
    let mut dated: Vec<(i64, Precision, StatementId)> = corpus
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.when.is_known())
        .map(|(id, e)| (e.when.day, e.when.precision, id))
        .collect();
    dated.sort_unstable();
    dated.into_iter().map(|(_, _, id)| id).collect()
}

/// Groups `ids` (already filtered) into lanes and days.
pub fn aggregate(corpus: &Corpus, ids: &[StatementId], by: LaneBy) -> Aggregate {
    aggregate_in(corpus, ids, by, &chronological(corpus))
}

/// [`aggregate`] given the corpus's [`chronological`] order, kept across calls: the
/// statements are then grouped in one pass over that order instead of sorted at each
/// search or facet click.
pub fn aggregate_in(
    corpus: &Corpus,
    ids: &[StatementId],
    by: LaneBy,
    chronological: &[StatementId],
) -> Aggregate {
    // Lanes: the biggest first; the rest folded into "others". (Ids or indices not in
    // the corpus, which a checked corpus and its results never hold, are left out.)
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    // Each statement's lane key by its speaker's or article's index, so a name is hashed
    // once per speaker or article rather than once per statement.
    let source = |id: StatementId| {
        corpus.entries.get(id).map(|e| match by {
            LaneBy::Speaker => e.speaker,
            LaneBy::Outlet => e.article,
        })
    };
    let mut key_of_source = vec![
        usize::MAX;
        match by {
            LaneBy::Speaker => corpus.speakers.len(),
            LaneBy::Outlet => corpus.articles.len(),
        }
    ];
    let mut key_of: Vec<Option<usize>> = vec![None; ids.len()];
    for (&id, key) in ids.iter().zip(key_of.iter_mut()) {
        let Some(slot) = source(id).and_then(|src| key_of_source.get_mut(src)) else {
            continue;
        };
        if *slot == usize::MAX {
            let Some(k) = lane_key(corpus, id, by) else {
                continue;
            };
            *slot = *index.entry(k).or_insert_with(|| {
                counts.push((k.to_string(), 0));
                counts.len() - 1
            });
        }
        if let Some(c) = counts.get_mut(*slot) {
            c.1 += 1;
            *key = Some(*slot);
        }
    }
    let order = crate::view::facets::order_by_count_then_name(
        &counts.iter().map(|c| c.1).collect::<Vec<_>>(),
        &counts.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
    );
    let mut lane_of = vec![0usize; counts.len()];
    let mut lanes: Vec<(String, usize)> = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let (Some(count), Some(lane)) = (counts.get(i), lane_of.get_mut(i)) else {
            continue;
        };
        if rank < MAX_LANES || counts.len() == MAX_LANES + 1 {
            *lane = lanes.len();
            lanes.push(count.clone());
        } else {
            if lanes.len() == MAX_LANES {
                lanes.push((format!("{} others", counts.len() - MAX_LANES), 0));
            }
            *lane = MAX_LANES;
            if let Some(others) = lanes.get_mut(MAX_LANES) {
                others.1 += count.1;
            }
        }
    }
    // Each result's lane (none: not a result), then the dated ones lane by lane in time
    // order, the undated ones in the order given.
    let mut lane_of_id = vec![u32::MAX; corpus.entries.len()];
    let mut undated = vec![Vec::new(); lanes.len()];
    for (&id, key) in ids.iter().zip(&key_of) {
        let (Some(&lane), Some(e)) = (key.and_then(|k| lane_of.get(k)), corpus.entries.get(id))
        else {
            continue;
        };
        if e.when.is_known() {
            if let Some(slot) = lane_of_id.get_mut(id) {
                *slot = lane as u32;
            }
        } else if let Some(u) = undated.get_mut(lane) {
            u.push(id);
        }
    }
    let mut by_lane: Vec<Vec<StatementId>> = vec![Vec::new(); lanes.len()];
    for &id in chronological {
        if let Some(l) = lane_of_id
            .get(id)
            .and_then(|&lane| by_lane.get_mut(lane as usize))
        {
            l.push(id);
        }
    }
    let mut groups: Vec<((usize, i64, Precision), Vec<StatementId>)> = Vec::new();
    for (lane, in_lane) in by_lane.into_iter().enumerate() {
        for id in in_lane {
            let Some(w) = corpus.entries.get(id).map(|e| e.when) else {
                continue;
            };
            let key = (lane, w.day, w.precision);
            match groups.last_mut() {
                Some((k, g)) if *k == key => g.push(id),
                _ => groups.push((key, vec![id])),
            }
        }
    }
    Aggregate {
        lanes,
        groups,
        undated,
    }
}

/// Lays out an [`Aggregate`] for a view `width` pixels wide: what is in view, days drawn
/// statement by statement when there is room, marks merged by cell, context events, ticks.
pub fn layout_view(corpus: &Corpus, agg: &Aggregate, view: View, width: f64) -> TimelineLayout {
    let width = if width.is_finite() && width > 10.0 {
        width
    } else {
        1000.0
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
    marks.sort_by(|a, b| {
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
        m.ids.sort_unstable(); // linear for the marks of one day, already in order
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
    in_view.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
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

/// Axis ticks for the view: years, months, days or six-hour steps, whichever fits.
/// Labelled ticks are at least this many pixels apart (a label such as "2016" or "Oct"
/// is about 30 px wide at the axis font size).
pub const MIN_LABEL_GAP: f64 = 36.0;

///
/// Total for any input: a view that is not [`View::is_sane`] is drawn as
/// [`View::bounded`] makes it, a width that is not a positive number as 1000 px, and
/// no more than [`MAX_TICKS`] ticks are made (every loop below is bounded by it).
pub fn ticks(view: View, width: f64) -> Vec<Tick> {
    let view = view.bounded();
    let width = if width.is_finite() && width > 0.0 {
        width
    } else {
        1000.0
    };
    let px_per_day = width / view.span();
    let mut out = Vec::new();
    let (y0, _, _) = civil(view.start.floor() as i64);
    let (y1, _, _) = civil(view.end.ceil() as i64);
    // "Jan", "Feb", ...: a month's name, capitalised, to three letters.
    let month = |m: u32| {
        let name = Lexicon::get()
            .months
            .get((m as usize).wrapping_sub(1))
            .copied();
        capitalised(name.and_then(|n| n.get(..3)).unwrap_or(""))
    };
    if px_per_day * 365.0 < 60.0 {
        // Years, thinned to fit.
        let step = ((60.0 / (px_per_day * 365.0)).ceil() as i64).max(1);
        let mut y = y0 - y0.rem_euclid(step);
        while y <= y1 && out.len() < MAX_TICKS {
            let d = days_from_civil(y, 1, 1) as f64;
            if d >= view.start && d <= view.end {
                out.push(Tick {
                    x: view.x(d, width),
                    label: y.to_string(),
                    major: true,
                });
            }
            y += step;
        }
    } else if px_per_day * 30.0 < 50.0 {
        // Every month, quarter, half-year or year: the first that leaves room for a label.
        let every = [1u32, 3, 6, 12]
            .into_iter()
            .find(|&n| px_per_day * 30.4 * f64::from(n) >= MIN_LABEL_GAP)
            .unwrap_or(12);
        for y in (y0..=y1).take(MAX_TICKS) {
            for m in 1..=12u32 {
                let d = days_from_civil(y, m, 1) as f64;
                if d >= view.start && d <= view.end && (m - 1) % every == 0 {
                    let label = if m == 1 { y.to_string() } else { month(m) };
                    out.push(Tick {
                        x: view.x(d, width),
                        label,
                        major: m == 1,
                    });
                }
            }
        }
    } else {
        let step = if px_per_day >= 200.0 {
            0.25
        } else {
            ((70.0 / px_per_day).ceil()).max(1.0)
        };
        let first = (view.start / step).floor() * step;
        // Each tick from the first by a multiple of the step (a sum of steps drifts, and
        // at magnitudes where adding a step no longer changes an f64 it never ends).
        for k in 0..MAX_TICKS {
            let d = first + k as f64 * step;
            if d > view.end {
                break;
            }
            if d >= view.start {
                let day = d.floor() as i64;
                let (y, m, dd) = civil(day);
                let hour = ((d - d.floor()) * 24.0).round() as i64;
                let label = if hour != 0 {
                    format!("{hour:02}:00")
                } else if dd == 1 && m == 1 {
                    format!("{y}")
                } else {
                    format!("{} {dd}", month(m))
                };
                out.push(Tick {
                    x: view.x(d, width),
                    label,
                    major: hour == 0,
                });
            }
        }
    }
    out.truncate(MAX_TICKS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleMeta, Input};

    fn corpus() -> Corpus {
        let mut inputs = Vec::new();
        let texts: Vec<String> = (0..3).map(|i| format!("“Statement {i} here,” said Jane Doe. “Another one,” said John Roe.\nA day earlier, Jane Doe said the plan was ready.")).collect();
        for (i, t) in texts.iter().enumerate() {
            inputs.push(Input {
                name: ["a.txt", "b.txt", "c.txt"][i],
                text: t,
                meta: ArticleMeta {
                    outlet: format!("O{i}"),
                    event_date: if i < 2 {
                        "2026-01-06".into()
                    } else {
                        String::new()
                    },
                    ..Default::default()
                },
            });
        }
        Corpus::build(inputs)
    }

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

    /// What `aggregate_in` groups as, by sorting (lane, day, precision, statement).
    fn groups_by_sorting(
        corpus: &Corpus,
        ids: &[StatementId],
        agg: &Aggregate,
        by: LaneBy,
    ) -> Vec<((usize, i64, Precision), Vec<StatementId>)> {
        let lane_named = |name: &str| agg.lanes.iter().position(|(n, _)| n == name);
        let others = agg.lanes.len().saturating_sub(1);
        let mut dated: Vec<(usize, i64, Precision, StatementId)> = ids
            .iter()
            .filter(|&&id| corpus.entries[id].when.is_known())
            .map(|&id| {
                let lane = lane_key(corpus, id, by)
                    .and_then(lane_named)
                    .unwrap_or(others);
                let w = corpus.entries[id].when;
                (lane, w.day, w.precision, id)
            })
            .collect();
        dated.sort_unstable();
        let mut groups: Vec<((usize, i64, Precision), Vec<StatementId>)> = Vec::new();
        for (lane, day, precision, id) in dated {
            match groups.last_mut() {
                Some((key, g)) if *key == (lane, day, precision) => g.push(id),
                _ => groups.push(((lane, day, precision), vec![id])),
            }
        }
        groups
    }

    #[test]
    fn grouping_in_time_order_is_grouping_by_sorting() {
        use crate::synth::{generate, SynthArticle, SynthParams};
        let arts = generate(&SynthParams {
            seed: 5,
            events: 300,
            outlets_per_event: 3,
            paragraphs: 2,
        })
        .unwrap();
        let c = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        let chrono = chronological(&c);
        let n = c.entries.len();
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..40 {
            // All statements, or a random subset in a random order (results come sorted
            // in any of the list's orders).
            let mut ids: Vec<usize> = (0..n)
                .filter(|_| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    round == 0 || rng % 3 == 0
                })
                .collect();
            if round % 2 == 1 {
                ids.reverse();
            }
            for by in [LaneBy::Speaker, LaneBy::Outlet] {
                let agg = aggregate_in(&c, &ids, by, &chrono);
                assert_eq!(
                    agg.groups,
                    groups_by_sorting(&c, &ids, &agg, by),
                    "round {round}"
                );
                let undated: usize = agg.undated.iter().map(Vec::len).sum();
                let dated: usize = agg.groups.iter().map(|(_, g)| g.len()).sum();
                assert_eq!(dated + undated, ids.len());
            }
        }
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
    fn zoom_and_pan_stay_in_bounds() {
        let v = View {
            start: 0.0,
            end: 10.0,
        };
        let z = v.zoom(0.5, 0.5);
        assert!((z.span() - 5.0).abs() < 1e-9 && (z.start - 2.5).abs() < 1e-9);
        let mut t = v;
        for _ in 0..100 {
            t = t.zoom(0.5, 0.3);
        }
        assert!((t.span() - MIN_SPAN).abs() < 1e-9);
        for _ in 0..100 {
            t = t.zoom(2.0, 0.3);
        }
        assert!((t.span() - MAX_SPAN).abs() < 1e-6);
        assert!((v.pan(0.5).start - 5.0).abs() < 1e-9);
        assert!(!ticks(
            View {
                start: 0.0,
                end: 3650.0
            },
            1000.0
        )
        .is_empty());
        assert!(!ticks(
            View {
                start: 0.0,
                end: 60.0
            },
            1000.0
        )
        .is_empty());
        assert!(
            ticks(
                View {
                    start: 0.0,
                    end: 1.0
                },
                1000.0
            )
            .len()
                >= 4,
            "six-hour ticks"
        );
    }

    #[test]
    fn tick_labels_never_run_into_each_other() {
        // Spans from hours to decades, at the app's plot width and a narrow one.
        for width in [760.0, 400.0] {
            let mut span = 0.5;
            while span < 40.0 * 365.0 {
                let t = ticks(
                    View {
                        start: 16_000.0,
                        end: 16_000.0 + span,
                    },
                    width,
                );
                assert!(!t.is_empty(), "span {span} days at {width} px: no ticks");
                for w in t.windows(2) {
                    // The year branch's own gap is 60 px; the others keep MIN_LABEL_GAP
                    // (day steps allow a day's rounding).
                    assert!(
                        w[1].x - w[0].x >= MIN_LABEL_GAP - 1.0,
                        "span {span} days at {width} px: {:?} and {:?} are {:.1} px apart",
                        w[0].label,
                        w[1].label,
                        w[1].x - w[0].x
                    );
                }
                span *= 1.3;
            }
        }
    }

    #[test]
    fn the_day_range_is_years_1_to_9999() {
        assert_eq!(MIN_DAY, days_from_civil(1, 1, 1));
        assert_eq!(MAX_DAY, days_from_civil(9999, 12, 31));
        assert_eq!(civil(MIN_DAY), (1, 1, 1));
        assert_eq!(civil(MAX_DAY), (9999, 12, 31));
    }

    /// Views no gesture makes but a link or a NaN can: the shared link's
    /// `#view=3000000000000000,3000000000000002` froze the tab, then panicked with
    /// "capacity overflow" (adding a quarter day to 3e15 no longer changes the f64).
    fn absurd_views() -> Vec<View> {
        let v = |start: f64, end: f64| View { start, end };
        vec![
            v(3_000_000_000_000_000.0, 3_000_000_000_000_002.0),
            v(-3e15, -3e15 + 2.0),
            v(f64::NAN, 1.0),
            v(0.0, f64::NAN),
            v(f64::NAN, f64::NAN),
            v(f64::INFINITY, f64::INFINITY),
            v(f64::NEG_INFINITY, f64::INFINITY),
            v(0.0, f64::INFINITY),
            v(10.0, 0.0),
            v(5.0, 5.0),
            v(-1e300, 1e300),
            v(f64::MAX, f64::MAX),
            v(f64::MIN, f64::MIN),
            v(1e-300, 2e-300),
            v(MAX_VIEW_DAY, MAX_VIEW_DAY + 1.0),
            v(MIN_VIEW_DAY - 1.0, MIN_VIEW_DAY),
        ]
    }

    #[test]
    fn any_view_is_bounded_and_its_ticks_are_few() {
        for view in absurd_views() {
            let b = view.bounded();
            assert!(b.is_sane(), "{view:?} -> {b:?}");
            assert_eq!(b.bounded(), b, "bounded is idempotent");
            for width in [760.0, 0.0, -5.0, f64::NAN, f64::INFINITY, 1e12] {
                let t = ticks(view, width);
                assert!(
                    t.len() <= MAX_TICKS,
                    "{view:?} at {width}: {} ticks",
                    t.len()
                );
                assert!(t.iter().all(|t| !t.label.is_empty()), "{view:?}");
            }
            for (factor, at) in [
                (0.5, 0.5),
                (2.0, 0.0),
                (f64::NAN, f64::NAN),
                (f64::INFINITY, 2.0),
                (0.0, -1.0),
                (-3.0, 0.5),
            ] {
                let z = view.zoom(factor, at);
                assert!(z.is_sane(), "{view:?} zoom {factor} at {at}: {z:?}");
            }
            for fraction in [0.25, -0.25, f64::NAN, f64::INFINITY, 1e300] {
                let p = view.pan(fraction);
                assert!(p.is_sane(), "{view:?} pan {fraction}: {p:?}");
            }
        }
    }

    #[test]
    fn a_sane_view_is_left_as_it_is() {
        for view in [
            View {
                start: 20_000.5,
                end: 20_010.25,
            },
            View {
                start: 0.0,
                end: 1e-6,
            },
            View {
                start: MIN_VIEW_DAY,
                end: MAX_VIEW_DAY,
            },
        ] {
            assert!(view.is_sane());
            assert_eq!(view.bounded(), view);
        }
        // Reversed ends are swapped; equal ends widened; out of range moved in.
        let r = View {
            start: 10.0,
            end: 0.0,
        }
        .bounded();
        assert_eq!((r.start, r.end), (0.0, 10.0));
        let e = View {
            start: 5.0,
            end: 5.0,
        }
        .bounded();
        assert_eq!((e.start, e.end), (5.0, 5.0 + MIN_SPAN));
        let far = View {
            start: 3e15,
            end: 3e15 + 2.0,
        }
        .bounded();
        assert_eq!((far.start, far.end), (MAX_VIEW_DAY - 2.0, MAX_VIEW_DAY));
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
