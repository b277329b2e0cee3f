//! Every pixel size of the timeline, in one place: the SVG's frame (its width, the lane
//! labels, the undated band, the axis, the events band, a lane's height), the marks'
//! radii and the cells that merge them, the room a statement needs before days are
//! drawn one by one, the gap between tick labels, the tooltip. The layout uses them and
//! the Yew layer draws with them. Units are px of the SVG's viewBox.

/// The SVG's viewBox width.
pub const SVG_W: f64 = 1000.0;
/// The lane labels' column, left of the plot.
pub const LABEL_W: f64 = 170.0;
/// The undated band, right of the plot.
pub const UNDATED_W: f64 = 70.0;
/// The plot: the width the layout is made for.
pub const PLOT_W: f64 = SVG_W - LABEL_W - UNDATED_W - 10.0;
/// The axis band at the top (tick labels).
pub const AXIS_H: f64 = 26.0;
/// The context events band under the axis.
pub const EVENTS_H: f64 = 22.0;
/// One lane.
pub const LANE_H: f64 = 26.0;

/// From this many pixels per day, a day's statements are drawn one by one.
pub const EXPAND_PX_PER_DAY: f64 = 160.0;
/// Room each statement needs before a day is drawn statement by statement.
pub const MIN_MARK_PX: f64 = 12.0;

/// Marks of one lane within the same cell this many pixels wide (cells fixed to the
/// calendar at each zoom) are merged into one, drawn in the middle of its cell. The
/// widest mark is 23 px across (24.5 with its outline), so merged marks never cover each
/// other. (With 6 px cells, 49k statements drew 1,051 marks, most of them hidden under
/// their neighbours, with unreadable counts.)
pub const MARK_CLUSTER_PX: f64 = 25.0;
/// The radius of the biggest mark, in px (its outline adds 0.75).
pub const MAX_MARK_RADIUS: f64 = 11.5;
const _: () = assert!(2.0 * (MAX_MARK_RADIUS + 0.75) <= MARK_CLUSTER_PX);
/// The radius of a mark drawn for one statement in an expanded day, in px.
pub const EXPANDED_MARK_RADIUS: f64 = 5.0;

/// The radius of a mark of `count` statements: growing with the square root of the
/// count, at most [`MAX_MARK_RADIUS`]; [`EXPANDED_MARK_RADIUS`] for a statement drawn
/// alone in an expanded day.
pub fn mark_radius(count: usize, expanded: bool) -> f64 {
    if expanded {
        EXPANDED_MARK_RADIUS
    } else {
        (4.0 + (count as f64).sqrt() * 2.2).min(MAX_MARK_RADIUS)
    }
}

/// Context events within the same cell this many pixels wide share one mark.
pub const EVENT_CLUSTER_PX: f64 = 8.0;

/// Labelled ticks are at least this many pixels apart (a label such as "2016" or "Oct"
/// is about 30 px wide at the axis font size).
pub const MIN_LABEL_GAP: f64 = 36.0;
/// The axis: a year narrower than this many px gets year ticks, thinned to this gap.
pub const YEAR_TICK_GAP: f64 = 60.0;
/// The axis: a month narrower than this many px (and a year wider than
/// [`YEAR_TICK_GAP`]) gets month, quarter, half-year or year ticks.
pub const MONTH_TICKS_FROM: f64 = 50.0;
/// The axis: day ticks, every day or every few days, at least this many px apart.
pub const DAY_TICK_GAP: f64 = 70.0;
/// The axis: a day this many px wide or wider gets six-hour ticks.
pub const SIX_HOUR_TICKS_FROM: f64 = 200.0;
/// The width a layout or axis is made for when the one given is not a usable number.
pub const FALLBACK_WIDTH: f64 = 1000.0;

/// The tooltip's width and the height of one of its lines.
pub const TOOLTIP_W: f64 = 360.0;
pub const TOOLTIP_LINE_H: f64 = 15.0;
