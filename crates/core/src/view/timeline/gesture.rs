//! The timeline's pointer gestures as pure state: a drag on the lanes pans, a drag on the
//! axis (or with Shift) brushes a date range, two fingers pinch to zoom, and a press that
//! moves less than [`CLICK_SLOP`] is a click (left to the mark under it). The UI hands it
//! pointer positions in the SVG's viewBox units and does what it answers; nothing here
//! touches the DOM.

use super::geometry::{AXIS_H, EVENTS_H, LABEL_W, PLOT_W};
use super::window::View;

/// How far a press moves, in viewBox units, before it is a drag rather than a click.
pub const CLICK_SLOP: f64 = 3.0;

/// What the timeline does after a pointer event.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Effect {
    /// Capture the pointer: the press became a drag (a click still reaches its mark).
    pub capture: bool,
    /// The brushed stretch to preview, from and to x (`Some(None)`: none any more).
    pub preview: Option<Option<(f64, f64)>>,
    /// A new window: a pinch (on a move) or a pan (on a release).
    pub view: Option<View>,
    /// A date range brushed: its first and last day.
    pub range: Option<(i64, i64)>,
}

/// The gesture under way, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    /// A press on the plot: its x, and whether it brushes (otherwise it pans).
    drag: Option<(f64, bool)>,
    /// The touch points down, by pointer id, with their x.
    touches: Vec<(i32, f64)>,
    /// A pinch: the fingers' distance at its start, the view then, and its pivot as a
    /// fraction of the plot.
    pinch: Option<(f64, View, f64)>,
}

/// The fraction of the plot at `x`, within it.
fn plot_fraction(x: f64) -> f64 {
    ((x - LABEL_W) / PLOT_W).clamp(0.0, 1.0)
}

impl Gesture {
    /// A pointer pressed at (`x`, `y`) (`touch`: a finger; `shift`: Shift held) while
    /// `view` is shown. A second finger turns a drag into a pinch.
    pub fn down(&mut self, id: i32, touch: bool, (x, y): (f64, f64), shift: bool, view: View) {
        if touch {
            self.touches.retain(|(t, _)| *t != id);
            self.touches.push((id, x));
            if let [(_, a), (_, b)] = self.touches[..] {
                self.drag = None;
                self.pinch = Some(((a - b).abs().max(10.0), view, plot_fraction((a + b) / 2.0)));
                return;
            }
        }
        if (LABEL_W..=LABEL_W + PLOT_W).contains(&x) {
            // On the axis (or with Shift) a drag brushes a range; on the lanes it pans.
            self.drag = Some((x, y <= AXIS_H + EVENTS_H || shift));
        }
    }

    /// A pointer moved to `x`.
    pub fn moved(&mut self, id: i32, touch: bool, x: f64) -> Effect {
        if touch {
            if let Some(p) = self.touches.iter_mut().find(|(t, _)| *t == id) {
                p.1 = x;
            }
            if let (Some((d0, v0, at)), [(_, a), (_, b)]) = (self.pinch, &self.touches[..]) {
                return Effect {
                    view: Some(v0.zoom(d0 / (a - b).abs().max(1.0), at)),
                    ..Effect::default()
                };
            }
        }
        let Some((x0, brushing)) = self.drag else {
            return Effect::default();
        };
        Effect {
            capture: (x - x0).abs() > CLICK_SLOP,
            preview: brushing.then_some(Some((x0.min(x), x0.max(x)))),
            ..Effect::default()
        }
    }

    /// A pointer lifted at `x` (`None`: where is unknown) while `view` is shown: a drag
    /// ends in a pan or a brushed range, a press that hardly moved in nothing (a click).
    pub fn up(&mut self, id: i32, x: Option<f64>, view: View) -> Effect {
        self.lift(id);
        let Some((x0, brushing)) = self.drag.take() else {
            return Effect::default();
        };
        let mut effect = Effect {
            preview: Some(None),
            ..Effect::default()
        };
        let Some(x) = x.filter(|x| (x - x0).abs() >= CLICK_SLOP) else {
            return effect;
        };
        if brushing {
            let day = |x: f64| (view.start + (x - LABEL_W) / PLOT_W * view.span()).floor() as i64;
            effect.range = Some((day(x0.min(x)), day(x0.max(x))));
        } else {
            effect.view = Some(view.pan(-(x - x0) / PLOT_W));
        }
        effect
    }

    /// A pointer cancelled by the browser: its gesture ends with nothing done.
    pub fn cancel(&mut self, id: i32) -> Effect {
        self.lift(id);
        self.drag = None;
        Effect {
            preview: Some(None),
            ..Effect::default()
        }
    }

    /// A finger gone: a pinch needs two.
    fn lift(&mut self, id: i32) {
        self.touches.retain(|(t, _)| *t != id);
        if self.touches.len() < 2 {
            self.pinch = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: View = View {
        start: 100.0,
        end: 200.0,
    };
    /// A point on the lanes, and one on the axis, at `x`.
    fn lanes(x: f64) -> (f64, f64) {
        (x, AXIS_H + EVENTS_H + 20.0)
    }
    fn axis(x: f64) -> (f64, f64) {
        (x, AXIS_H / 2.0)
    }
    fn mid() -> f64 {
        LABEL_W + PLOT_W / 2.0
    }

    #[test]
    fn a_drag_on_the_lanes_pans_and_captures_once_it_moves() {
        let mut g = Gesture::default();
        g.down(1, false, lanes(mid()), false, VIEW);
        assert_eq!(g.moved(1, false, mid() + 1.0), Effect::default());
        let e = g.moved(1, false, mid() + PLOT_W / 10.0);
        assert!(e.capture);
        assert_eq!(e.preview, None);
        let e = g.up(1, Some(mid() + PLOT_W / 10.0), VIEW);
        assert_eq!(e.view, Some(VIEW.pan(-0.1)));
        assert_eq!(e.range, None);
        assert_eq!(g, Gesture::default());
    }

    #[test]
    fn a_drag_on_the_axis_or_with_shift_brushes_days() {
        for (point, shift) in [(axis(mid()), false), (lanes(mid()), true)] {
            let mut g = Gesture::default();
            g.down(1, false, point, shift, VIEW);
            let to = mid() + PLOT_W / 4.0;
            assert_eq!(g.moved(1, false, to).preview, Some(Some((mid(), to))));
            let e = g.up(1, Some(to), VIEW);
            assert_eq!(e.range, Some((150, 175)));
            assert_eq!(e.preview, Some(None));
            assert_eq!(e.view, None);
        }
    }

    #[test]
    fn a_press_that_hardly_moves_is_a_click_and_off_the_plot_nothing() {
        let mut g = Gesture::default();
        g.down(1, false, lanes(mid()), false, VIEW);
        let e = g.up(1, Some(mid() + 2.0), VIEW);
        assert_eq!((e.view, e.range, e.preview), (None, None, Some(None)));
        g.down(1, false, lanes(LABEL_W - 5.0), false, VIEW);
        assert_eq!(g.moved(1, false, mid()), Effect::default());
        assert_eq!(g.up(1, Some(mid()), VIEW), Effect::default());
    }

    #[test]
    fn two_fingers_pinch_about_their_middle_and_a_lifted_one_ends_it() {
        let mut g = Gesture::default();
        let (a, b) = (mid() - 50.0, mid() + 50.0);
        g.down(1, true, lanes(a), false, VIEW);
        g.down(2, true, lanes(b), false, VIEW);
        // Apart to twice the distance: twice the zoom, about the middle.
        let e = g.moved(2, true, mid() + 150.0);
        assert_eq!(e.view, Some(VIEW.zoom(0.5, 0.5)));
        assert!(!e.capture);
        assert_eq!(g.up(2, Some(mid() + 150.0), VIEW), Effect::default());
        // One finger left: no pinch, and no drag either (the pinch replaced it).
        assert_eq!(g.moved(1, true, a + 40.0), Effect::default());
    }

    #[test]
    fn a_cancelled_pointer_ends_its_gesture_with_nothing_done() {
        let mut g = Gesture::default();
        g.down(1, false, axis(mid()), false, VIEW);
        assert_eq!(g.cancel(1).preview, Some(None));
        assert_eq!(g.up(1, Some(mid() + 100.0), VIEW), Effect::default());
    }
}
