//! The visible time window ([`View`], in days): its bounds (years 1 to 9999, six hours
//! to forty years), zoom and pan that stay within them, and the window that fits a set
//! of statements.

use crate::corpus::dates::{MAX_DAY, MIN_DAY};
use crate::corpus::{Corpus, StatementId};

/// The visible time window, in days (fractions are hours).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

/// Narrowest and widest windows: six hours to forty years.
pub const MIN_SPAN: f64 = 0.25;
pub const MAX_SPAN: f64 = 365.25 * 40.0;
/// How far a view may reach: [`MAX_SPAN`] before the first day to [`MAX_SPAN`] after the
/// last (room for the padding [`fit`] adds and for panning past the data).
pub const MIN_VIEW_DAY: f64 = MIN_DAY as f64 - MAX_SPAN;
pub const MAX_VIEW_DAY: f64 = (MAX_DAY + 1) as f64 + MAX_SPAN;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::dates::{civil, days_from_civil};
    use crate::view::timeline::test_data::absurd_views;
    use crate::view::timeline::ticks::{ticks, MAX_TICKS};

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
    fn the_day_range_is_years_1_to_9999() {
        assert_eq!(MIN_DAY, days_from_civil(1, 1, 1));
        assert_eq!(MAX_DAY, days_from_civil(9999, 12, 31));
        assert_eq!(civil(MIN_DAY), (1, 1, 1));
        assert_eq!(civil(MAX_DAY), (9999, 12, 31));
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
}
