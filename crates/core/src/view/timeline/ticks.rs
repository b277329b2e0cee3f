//! The time axis: ticks for a view (years, months, days or six-hour steps, whichever
//! fits), labelled without running into each other, a bounded number for any view.

use crate::corpus::dates::{civil, days_from_civil};
use crate::lexicon::Common;
use crate::text::capitalised;
use crate::view::timeline::geometry::{
    DAY_TICK_GAP, FALLBACK_WIDTH, MIN_LABEL_GAP, MONTH_TICKS_FROM, SIX_HOUR_TICKS_FROM,
    YEAR_TICK_GAP,
};
use crate::view::timeline::window::View;

/// An axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    pub major: bool,
}

/// The most ticks [`ticks`] makes, whatever the view and width (a bound on its loops).
pub const MAX_TICKS: usize = 2_000;

/// Axis ticks for the view: years, months, days or six-hour steps, whichever fits;
/// labelled ticks at least [`MIN_LABEL_GAP`] apart.
///
/// Total for any input: a view that is not [`View::is_sane`] is drawn as
/// [`View::bounded`] makes it, a width that is not a positive number as [`FALLBACK_WIDTH`], and
/// no more than [`MAX_TICKS`] ticks are made (every loop below is bounded by it).
pub fn ticks(view: View, width: f64) -> Vec<Tick> {
    let view = view.bounded();
    let width = if width.is_finite() && width > 0.0 {
        width
    } else {
        FALLBACK_WIDTH
    };
    let px_per_day = width / view.span();
    let mut out = Vec::new();
    let (y0, _, _) = civil(view.start.floor() as i64);
    let (y1, _, _) = civil(view.end.ceil() as i64);
    // "Jan", "Feb", ...: a month's name, capitalised, to three letters.
    let month = |m: u32| {
        let name = Common::get()
            .months
            .get((m as usize).wrapping_sub(1))
            .copied();
        capitalised(name.and_then(|n| n.get(..3)).unwrap_or(""))
    };
    if px_per_day * 365.0 < YEAR_TICK_GAP {
        // Years, thinned to fit.
        let step = ((YEAR_TICK_GAP / (px_per_day * 365.0)).ceil() as i64).max(1);
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
    } else if px_per_day * 30.0 < MONTH_TICKS_FROM {
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
        let step = if px_per_day >= SIX_HOUR_TICKS_FROM {
            0.25
        } else {
            ((DAY_TICK_GAP / px_per_day).ceil()).max(1.0)
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
                    // The year branch's own gap is YEAR_TICK_GAP; the others keep MIN_LABEL_GAP
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
}
