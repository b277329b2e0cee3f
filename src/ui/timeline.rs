//! The timeline: an SVG time axis with lanes by speaker or outlet, one mark per lane and
//! day with its count (one mark per statement when zoomed in), context events from the
//! articles, an undated band, zoom (buttons, wheel or trackpad pinch, two-finger pinch,
//! `+`/`-`), pan (drag, arrow keys), a tooltip on hover and on keyboard focus,
//! brushing a date range on the axis to filter the list, and a text alternative listing
//! everything by date. The layout and every pixel size come from
//! `quoteline_core::view::timeline` (its sizes from `timeline::geometry`).

use super::context::CorpusHandle;
use super::marks::{MarkSpec, MarksLayer};
use super::tooltip::tooltip;
use quoteline_core::corpus::dates::{Precision, When};
use quoteline_core::corpus::{Corpus, StatementId};
use quoteline_core::text::number::coord;
use quoteline_core::view::state::{Action, AppState};
use quoteline_core::view::timeline::geometry::{
    mark_radius, AXIS_H, EVENTS_H, LABEL_W, LANE_H, PLOT_W, SVG_W,
};
use quoteline_core::view::timeline::gesture::{Effect, Gesture};
use quoteline_core::view::timeline::lanes::{aggregate_in, chronological, LaneBy};
use quoteline_core::view::timeline::layout::{layout_view, Mark, TimelineLayout};
use quoteline_core::view::timeline::window::{fit, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub results: Rc<Vec<StatementId>>,
    /// The corpus's statements in time order (`lanes::chronological`), when the corpus
    /// came with it (made as it was opened, not in the timeline's first render).
    #[prop_or_default]
    pub chronological: Option<Rc<Vec<StatementId>>>,
    pub state: AppState,
    pub on_action: Callback<Action>,
}

fn day_label(day: i64) -> String {
    When {
        day,
        precision: Precision::Day,
    }
    .label()
}

/// The timeline's `<svg>` for an event (Yew delegates events, so `current_target` is
/// not the svg; walk up from the target).
fn svg_of(e: &MouseEvent) -> Option<web_sys::Element> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("svg.timeline-svg")
        .ok()
        .flatten()
}

/// The event's position in viewBox units.
fn svg_point(e: &MouseEvent, h: f64) -> Option<(f64, f64)> {
    let rect = svg_of(e)?.get_bounding_client_rect();
    (rect.width() > 0.0 && rect.height() > 0.0).then(|| {
        (
            (f64::from(e.client_x()) - rect.left()) * SVG_W / rect.width(),
            (f64::from(e.client_y()) - rect.top()) * h / rect.height(),
        )
    })
}

fn svg_x(e: &MouseEvent) -> Option<f64> {
    let rect = svg_of(e)?.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| (f64::from(e.client_x()) - rect.left()) * SVG_W / rect.width())
}

/// Does what the pointer gesture answered: captures the pointer, shows or clears the
/// brushed stretch, and sets the window or the date range.
fn apply(
    e: &PointerEvent,
    effect: Effect,
    preview: &UseStateHandle<Option<(f64, f64)>>,
    on_action: &Callback<Action>,
) {
    if effect.capture {
        if let Some(svg) = svg_of(e) {
            if !svg.has_pointer_capture(e.pointer_id()) {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
        }
    }
    if let Some(p) = effect.preview {
        preview.set(p);
    }
    if let Some(v) = effect.view {
        on_action.emit(Action::SetView(Some((v.start, v.end))));
    }
    if let Some(r) = effect.range {
        on_action.emit(Action::SetRange(Some(r)));
    }
}

/// A day, or the first and last day of a merged mark.
struct DateSpan(When, When);

impl DateSpan {
    fn label(&self) -> String {
        if self.0.day == self.1.day {
            self.0.label()
        } else {
            format!("{} to {}", self.0.label(), self.1.label())
        }
    }
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn mark_label(corpus: &Corpus, m: &Mark, lane: &str) -> String {
    // A mark merged over several days (zoomed out) names its first and last day.
    let w = DateSpan(m.from, m.to);
    if let [id] = m.ids[..] {
        let e = &corpus.entries[id];
        format!(
            "{} — {}, {}: {}",
            w.label(),
            corpus.speakers[e.speaker].name,
            corpus.articles[e.article].outlet,
            short(corpus.text_of(e), 90)
        )
    } else {
        format!(
            "{} — {lane}: {} statements (in article order within the day)",
            w.label(),
            m.ids.len()
        )
    }
}

/// A mark's key: its lane's name and first day (and, drawn one per statement in an
/// expanded day, its statement). Not the lane's position nor the statements in it, so a
/// search that reorders the lanes or changes a day's statements updates the mark where
/// it is instead of removing it and creating another.
/// (`seen` keeps the keys unique: merged marks can in principle share a first day.)
fn mark_key(lane: &str, m: &Mark, seen: &mut std::collections::HashSet<String>) -> String {
    let key = if m.expanded {
        format!("{lane}\u{1f}{}\u{1f}{}", m.from.day, m.ids[0])
    } else {
        format!("{lane}\u{1f}{}\u{1f}{:?}", m.from.day, m.precision)
    };
    if seen.insert(key.clone()) {
        return key;
    }
    let unique = format!("{key}\u{1f}{}", m.ids[0]);
    seen.insert(unique.clone());
    unique
}

/// A mark's count as drawn inside it: thousands rounded ("2k"), so four digits do not
/// spill out of the circle. Its label and tooltip give the exact number.
fn count_label(n: usize) -> String {
    if n < 1000 {
        n.to_string()
    } else {
        format!("{}k", (n + 500) / 1000)
    }
}

/// Where the marks and the context events are drawn: in a group translated by the view,
/// each at its place on a ruler fixed to the calendar at this zoom ([`Ruler::local`]).
/// A pan then changes the group's transform and leaves every mark still in view equal
/// to what it was, so neither the marks layer nor Yew touches it. The ruler's origin moves by whole
/// steps of [`RULER_SPANS`] views, so coordinates stay small (SVG keeps them in `f32`).
#[derive(Clone, Copy)]
struct Ruler {
    /// How far the view's start lies right of the ruler's origin, in px.
    shift: f64,
}

/// The ruler's origin moves in steps of this many view widths.
const RULER_SPANS: f64 = 4.0;

impl Ruler {
    fn of(view: View) -> Ruler {
        let step = view.span() * RULER_SPANS;
        let origin = (view.start / step).floor() * step;
        Ruler {
            shift: (view.start - origin) / view.span() * PLOT_W,
        }
    }
    /// A view-relative x (0 at the plot's left edge) on the ruler, to 1/100 px so that the
    /// same place compares equal after a pan's floating-point arithmetic.
    fn local(self, x: f64) -> f64 {
        ((x + self.shift) * 100.0).round() / 100.0
    }
    /// The transform that draws the ruler's places in the plot.
    fn transform(self) -> String {
        format!("translate({} 0)", coord(LABEL_W - self.shift))
    }
}

/// The title of a context event mark: its event, or the first three of its events.
fn event_title(corpus: &Corpus, ids: &[usize]) -> String {
    let line = |i: &usize| {
        let ev = &corpus.events[*i];
        let text = ev.clause.of(&corpus.articles[ev.article].text);
        format!(
            "{} ({}): {}",
            ev.when.label(),
            corpus.articles[ev.article].outlet,
            short(text, 160)
        )
    };
    if let [id] = ids {
        return line(id);
    }
    let shown: Vec<String> = ids.iter().take(3).map(line).collect();
    let more = if ids.len() > 3 {
        format!("\n… and {} more", ids.len() - 3)
    } else {
        String::new()
    };
    format!("{} context events:\n{}{more}", ids.len(), shown.join("\n"))
}

/// The context event marks in view (diamonds in the band under the axis, one per cluster
/// of dated events from the articles), placed on `ruler`, for an events [`MarksLayer`].
fn event_specs(corpus: &Corpus, lay: &TimelineLayout, ruler: Ruler) -> Vec<MarkSpec> {
    lay.events
        .iter()
        .filter(|(x, _)| (0.0..=PLOT_W).contains(x))
        .map(|(x, ids)| MarkSpec {
            key: format!("ev{}-{}", ids[0], corpus.events[ids[0]].article),
            class: if ids.len() > 1 {
                "event cluster"
            } else {
                "event"
            }
            .to_string(),
            label: String::new(),
            first: usize::MAX,
            x: ruler.local(*x),
            y: AXIS_H + 11.0,
            r: f64::NAN,
            count: Some(event_title(corpus, ids)),
        })
        .collect()
}

/// The marks of a layout that are in view, in the layout's order (lane by lane, in
/// time), placed on `ruler`.
fn mark_specs(
    corpus: &Corpus,
    lay: &TimelineLayout,
    ruler: Ruler,
    selected: Option<StatementId>,
) -> Vec<MarkSpec> {
    let mut keys = std::collections::HashSet::new();
    lay.marks
        .iter()
        .filter(|m| (-20.0..=PLOT_W + 20.0).contains(&m.x))
        .map(|m| {
            let lane = &lay.lanes[m.lane].0;
            let kind = if m.ids.len() == 1 {
                corpus.entries[m.ids[0]].statement.kind.as_str()
            } else {
                "group"
            };
            let mut class = format!("mark {kind}");
            if selected.is_some_and(|sel| m.ids.contains(&sel)) {
                class.push_str(" selected");
            }
            if m.precision != Precision::Day {
                class.push_str(" coarse");
            }
            MarkSpec {
                key: mark_key(lane, m, &mut keys),
                class,
                label: mark_label(corpus, m, lane),
                first: m.ids[0],
                x: ruler.local(m.x),
                y: AXIS_H + EVENTS_H + LANE_H * m.lane as f64 + LANE_H / 2.0,
                r: mark_radius(m.ids.len(), m.expanded),
                count: (m.ids.len() > 1).then(|| count_label(m.ids.len())),
            }
        })
        .collect()
}

/// The mark an event happened in (`g.mark` with a `data-id`), from its target.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("g.mark[data-id]")
        .ok()
        .flatten()
}

/// The statement a click or Enter on a mark selects.
fn mark_id(m: &web_sys::Element) -> Option<StatementId> {
    m.get_attribute("data-id")?.parse().ok()
}

/// A mark's statement, its centre in viewBox units (this reads layout) and its label.
fn mark_info(m: &web_sys::Element) -> Option<(StatementId, f64, f64, String)> {
    let svg = m
        .closest("svg.timeline-svg")
        .ok()
        .flatten()?
        .get_bounding_client_rect();
    let c = m.first_element_child()?.get_bounding_client_rect();
    // The svg keeps the viewBox's aspect, so one scale serves both axes.
    let scale = (svg.width() > 0.0).then(|| SVG_W / svg.width())?;
    Some((
        mark_id(m)?,
        (c.left() + c.width() / 2.0 - svg.left()) * scale,
        (c.top() + c.height() / 2.0 - svg.top()) * scale,
        m.get_attribute("aria-label")?,
    ))
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    // The pointer gesture under way (pure state: `view::timeline::gesture`).
    let gesture = use_mut_ref(Gesture::default);
    let preview = use_state(|| None::<(f64, f64)>);
    let focused = use_state_eq(String::new);
    // The visible tooltip: the mark's centre and its label (hover or keyboard focus).
    let tip = use_state_eq(|| None::<(f64, f64, String)>);
    // The text alternative is built only while it is open, to keep the page small.
    let list_open = use_state(|| false);
    let on_toggle = {
        let list_open = list_open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                list_open.set(d.open());
            }
        })
    };
    let handle = use_context::<CorpusHandle>();
    // The corpus's statements in time order, once per corpus (a search then groups its
    // results in one pass instead of sorting them).
    let given = props.chronological.clone();
    let chrono = use_memo(handle.clone(), |handle| match (given, handle) {
        (Some(order), _) => order,
        (None, Some(CorpusHandle(corpus))) => Rc::new(chronological(corpus)),
        (None, None) => Rc::default(),
    });
    // The lanes and days depend on the corpus, the results and the lanes: a zoom or a pan
    // reuses them. The layout adds the window; neither is recomputed when the selection,
    // a tooltip or the disclosure changes.
    let aggregated = use_memo(
        (handle.clone(), props.results.clone(), props.state.lanes),
        move |(handle, results, lanes)| {
            handle
                .as_ref()
                .map(|CorpusHandle(corpus)| aggregate_in(corpus, results, *lanes, &chrono))
        },
    );
    let laid = use_memo(
        (
            handle.clone(),
            props.results.clone(),
            props.state.lanes,
            props.state.view,
        ),
        // (Keyed on what `aggregated` is keyed on, and more: it is never stale here.)
        move |(handle, results, _, view)| {
            handle
                .as_ref()
                .zip(aggregated.as_ref().as_ref())
                .map(|(CorpusHandle(corpus), agg)| {
                    let view = view
                        .map(|(a, b)| View { start: a, end: b })
                        .unwrap_or_else(|| fit(corpus, results));
                    (view, layout_view(corpus, agg, view, PLOT_W))
                })
        },
    );
    // The marks in view, drawn by `MarksLayer` into `g.marks` after each render.
    let mark_specs = use_memo(
        (handle.clone(), laid.clone(), props.state.selected),
        |(handle, laid, selected)| match (handle, laid.as_ref()) {
            (Some(CorpusHandle(corpus)), Some((view, lay))) => {
                mark_specs(corpus, lay, Ruler::of(*view), *selected)
            }
            _ => Vec::new(),
        },
    );
    let event_specs = use_memo((handle.clone(), laid.clone()), |(handle, laid)| {
        match (handle, laid.as_ref()) {
            (Some(CorpusHandle(corpus)), Some((view, lay))) => {
                event_specs(corpus, lay, Ruler::of(*view))
            }
            _ => Vec::new(),
        }
    });
    let (marks_ref, events_ref) = (use_node_ref(), use_node_ref());
    let layer = use_mut_ref(MarksLayer::default);
    let events_layer = use_mut_ref(MarksLayer::events);
    {
        let (marks_ref, mark_specs) = (marks_ref.clone(), mark_specs.clone());
        let (events_ref, event_specs) = (events_ref.clone(), event_specs.clone());
        use_effect(move || {
            if let Some(g) = marks_ref.cast::<web_sys::Element>() {
                layer.borrow_mut().sync(&g, &mark_specs);
            }
            if let Some(g) = events_ref.cast::<web_sys::Element>() {
                events_layer.borrow_mut().sync(&g, &event_specs);
            }
        });
    }
    let (Some(CorpusHandle(corpus)), Some((view, lay))) = (handle, laid.as_ref()) else {
        return html! {};
    };
    let view = *view;
    let s = &props.state;
    let h = AXIS_H + EVENTS_H + LANE_H * lay.lanes.len().max(1) as f64 + 8.0;
    let emit = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let zoom_in = emit(Action::SetView(Some({
        let v = view.zoom(0.5, 0.5);
        (v.start, v.end)
    })));
    let zoom_out = emit(Action::SetView(Some({
        let v = view.zoom(2.0, 0.5);
        (v.start, v.end)
    })));
    let earlier = emit(Action::SetView(Some({
        let v = view.pan(-0.25);
        (v.start, v.end)
    })));
    let later = emit(Action::SetView(Some({
        let v = view.pan(0.25);
        (v.start, v.end)
    })));
    let fit_view = emit(Action::SetView(None));
    let clear_range = emit(Action::SetRange(None));
    let lanes_cb = {
        let cb = props.on_action.clone();
        Callback::from(move |ev: Event| {
            if let Some(l) = super::events::select_value(&ev).and_then(|v| LaneBy::parse(&v)) {
                cb.emit(Action::SetLanes(l));
            }
        })
    };
    let onkeydown = {
        let cb = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let v = match e.key().as_str() {
                "+" | "=" => view.zoom(0.5, 0.5),
                "-" | "_" => view.zoom(2.0, 0.5),
                "ArrowLeft" => view.pan(-0.1),
                "ArrowRight" => view.pan(0.1),
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            cb.emit(Action::SetView(Some((v.start, v.end))));
        })
    };
    let onwheel = {
        let cb = props.on_action.clone();
        Callback::from(move |e: WheelEvent| {
            let Some(x) = svg_x(&e) else { return };
            e.prevent_default();
            let at = ((x - LABEL_W) / PLOT_W).clamp(0.0, 1.0);
            let v = view.zoom(if e.delta_y() < 0.0 { 0.8 } else { 1.25 }, at);
            cb.emit(Action::SetView(Some((v.start, v.end))));
        })
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(at) = svg_point(&e, h) {
                let touch = e.pointer_type() == "touch";
                gesture
                    .borrow_mut()
                    .down(e.pointer_id(), touch, at, e.shift_key(), view);
            }
        })
    };
    let onpointermove = {
        let (gesture, preview, cb) = (gesture.clone(), preview.clone(), props.on_action.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(x) = svg_x(&e) else { return };
            let touch = e.pointer_type() == "touch";
            let effect = gesture.borrow_mut().moved(e.pointer_id(), touch, x);
            if effect.view.is_some() {
                // A pinch: the page must not zoom too.
                e.prevent_default();
            }
            apply(&e, effect, &preview, &cb);
        })
    };
    let onpointercancel = {
        let (gesture, preview, cb) = (gesture.clone(), preview.clone(), props.on_action.clone());
        Callback::from(move |e: PointerEvent| {
            let effect = gesture.borrow_mut().cancel(e.pointer_id());
            apply(&e, effect, &preview, &cb);
        })
    };
    let onpointerup = {
        let (preview, cb) = (preview.clone(), props.on_action.clone());
        Callback::from(move |e: PointerEvent| {
            let effect = gesture.borrow_mut().up(e.pointer_id(), svg_x(&e), view);
            apply(&e, effect, &preview, &cb);
        })
    };
    let select = |id: StatementId| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Select(Some(id))))
    };
    let select_key = |id: StatementId| {
        let cb = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(Action::Select(Some(id)));
            }
        })
    };
    // The marks' listeners, one of each on the `g.marks` around them (see `ui::marks`).
    let ruler = Ruler::of(view);
    let on_mark_click = {
        let cb = props.on_action.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = mark_of(e.target()).and_then(|m| mark_id(&m)) {
                cb.emit(Action::Select(Some(id)));
            }
        })
    };
    let on_mark_key = {
        let cb = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(id) = mark_of(e.target()).and_then(|m| mark_id(&m)) {
                e.prevent_default();
                cb.emit(Action::Select(Some(id)));
            }
        })
    };
    let on_mark_focus = {
        let (focused, tip) = (focused.clone(), tip.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some((_, x, y, label)) = mark_of(e.target()).and_then(|m| mark_info(&m)) {
                focused.set(label.clone());
                tip.set(Some((x, y, label)));
            }
        })
    };
    let on_mark_blur = {
        let (focused, tip) = (focused.clone(), tip.clone());
        Callback::from(move |_: FocusEvent| {
            // The focus line names the focused mark only: once focus leaves the marks,
            // a label left there would describe a mark that may no longer exist.
            focused.set(String::new());
            tip.set(None);
        })
    };
    let on_mark_over = {
        let tip = tip.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((_, x, y, label)) = mark_of(e.target()).and_then(|m| mark_info(&m)) {
                tip.set(Some((x, y, label)));
            }
        })
    };
    let on_mark_out = {
        let tip = tip.clone();
        Callback::from(move |e: PointerEvent| {
            // Moving between a mark's circle and its count is not leaving it.
            let from = mark_of(e.target());
            if from.is_some() && from != mark_of(e.related_target()) {
                tip.set(None);
            }
        })
    };
    let brush = s.range.map(|(a, b)| {
        let x0 =
            (LABEL_W + view.x(a.max(-1_000_000) as f64, PLOT_W)).clamp(LABEL_W, LABEL_W + PLOT_W);
        let x1 = (LABEL_W + view.x(b.min(1_000_000) as f64 + 1.0, PLOT_W))
            .clamp(LABEL_W, LABEL_W + PLOT_W);
        (x0, x1)
    });
    let range_text = s.range.map(|(a, b)| {
        let from = if a == i64::MIN {
            "the beginning".to_string()
        } else {
            day_label(a)
        };
        let to = if b == i64::MAX {
            "the end".to_string()
        } else {
            day_label(b)
        };
        format!("{from} to {to}")
    });
    html! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-controls">
                <label>{"Lanes "}
                    <select onchange={lanes_cb} aria-label="Timeline lanes">
                        <option value="speaker" selected={s.lanes == LaneBy::Speaker}>{"by speaker"}</option>
                        <option value="outlet" selected={s.lanes == LaneBy::Outlet}>{"by outlet"}</option>
                    </select>
                </label>
                <button type="button" class="tool" onclick={zoom_in} aria-label="Zoom in (+)">{"+"}</button>
                <button type="button" class="tool" onclick={zoom_out} aria-label="Zoom out (−)">{"−"}</button>
                <button type="button" class="tool" onclick={earlier} aria-label="Earlier (←)">{"←"}</button>
                <button type="button" class="tool" onclick={later} aria-label="Later (→)">{"→"}</button>
                <button type="button" class="tool" onclick={fit_view}>{"Fit"}</button>
                <span class="view-label">{format!("{} – {}", day_label(view.start.floor() as i64), day_label(view.end.floor() as i64))}</span>
                if let Some(t) = range_text.clone() {
                    <span class="range-label">{format!("Range: {t}")}</span>
                    <button type="button" class="link" onclick={clear_range}>{"Clear range"}</button>
                }
                if !props.results.is_empty() && lay.undated.iter().map(Vec::len).sum::<usize>() == props.results.len() {
                    <span class="range-label">{"None of these statements has a date: see the undated band."}</span>
                }
                <span class="hint">{ if lay.expanded { "Within a day: article order (no clock times)." } else { "Drag the axis to pick dates; drag lanes to pan." } }</span>
            </div>
            <div class="timeline-scroll">
            <svg class="timeline-svg" viewBox={format!("0 0 {} {}", coord(SVG_W), coord(h))} role="group" tabindex="0"
                aria-label="Timeline of statements; + and − zoom, arrow keys pan; the list below is the same content as text"
                {onkeydown} {onwheel} {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>
                <rect class="axis-band" x={coord(LABEL_W)} y="0" width={coord(PLOT_W)} height={coord(AXIS_H + EVENTS_H)} />
                { for lay.ticks.iter().filter(|t| (0.0..=PLOT_W).contains(&t.x)).map(|t| html! {
                    <g class={classes!("tick", t.major.then_some("major"))}>
                        <line x1={coord(LABEL_W + t.x)} x2={coord(LABEL_W + t.x)} y1={coord(AXIS_H - 6.0)} y2={coord(h)} />
                        <text x={coord(LABEL_W + t.x + 3.0)} y={coord(AXIS_H - 9.0)}>{&t.label}</text>
                    </g>
                }) }
                if let Some((x0, x1)) = brush {
                    <rect class="brush" x={coord(x0)} y="0" width={coord((x1 - x0).max(1.0))} height={coord(h)} />
                }
                if let Some((x0, x1)) = *preview {
                    <rect class="brush preview" x={coord(x0)} y="0" width={coord(x1 - x0)} height={coord(h)} />
                }
                <text class="lane-label" x="4" y={coord(AXIS_H + 15.0)}>{"Context"}</text>
                // Its event marks are drawn by a `MarksLayer` too.
                <g class="events" transform={ruler.transform()} ref={events_ref} />
                <text class="undated-label" x={coord(LABEL_W + PLOT_W + 14.0)} y={coord(AXIS_H + 15.0)}>{"undated"}</text>
                // Each keyed list is the only content of its own `g`: Yew puts a `for`'s
                // items among their siblings, and one unkeyed sibling makes the whole list
                // match by position, so a pan that moves every mark one place along
                // replaced every mark instead of moving it.
                <g class="lanes">
                { for lay.lanes.iter().enumerate().map(|(li, (name, n))| {
                    let y = AXIS_H + EVENTS_H + LANE_H * li as f64 + LANE_H / 2.0;
                    let undated = &lay.undated[li];
                    html! {
                        <g class="lane" key={format!("lane-{name}")}>
                            <line class="lane-line" x1={coord(LABEL_W)} x2={coord(LABEL_W + PLOT_W)} y1={coord(y)} y2={coord(y)} />
                            <text class="lane-label" x="4" y={coord(y + 4.0)}><title>{format!("{name}: {n} statements")}</title>{short(name, 22)}</text>
                            if !undated.is_empty() {
                                <g class="mark undated" role="button" tabindex="0" aria-label={format!("undated — {name}: {} statements", undated.len())}
                                    onclick={select(undated[0])} onkeydown={select_key(undated[0])}>
                                    <title>{format!("undated — {name}: {} statements", undated.len())}</title>
                                    <rect x={coord(LABEL_W + PLOT_W + 18.0)} y={coord(y - 8.0)} width="40" height="16" rx="8" />
                                    <text x={coord(LABEL_W + PLOT_W + 38.0)} y={coord(y + 4.0)} text-anchor="middle">{undated.len()}</text>
                                </g>
                            }
                        </g>
                    }
                }) }
                </g>
                // Its marks are drawn by `MarksLayer`, not by Yew (see `ui::marks`).
                <g class="marks" transform={ruler.transform()} ref={marks_ref}
                    onclick={on_mark_click} onkeydown={on_mark_key} onfocusin={on_mark_focus}
                    onfocusout={on_mark_blur} onpointerover={on_mark_over} onpointerout={on_mark_out} />
                if let Some((cx, cy, text)) = &*tip {
                    { tooltip(*cx, *cy, text, h) }
                }
            </svg>
            </div>
            <p class="timeline-focus" aria-live="polite">{(*focused).clone()}</p>
            { text_alternative(&corpus, &props.results, &props.on_action, *list_open, on_toggle) }
        </section>
    }
}

/// The timeline as a list by date, for screen readers and for anyone who prefers text.
fn text_alternative(
    corpus: &Corpus,
    results: &[StatementId],
    on_action: &Callback<Action>,
    open: bool,
    ontoggle: Callback<Event>,
) -> Html {
    if !open {
        return html! {
            <details class="timeline-list" id="timeline-list" {ontoggle}>
                <summary>{"Timeline as a list (by date)"}</summary>
            </details>
        };
    }
    let mut by_day: std::collections::BTreeMap<(bool, i64, String), Vec<StatementId>> =
        Default::default();
    for &id in results {
        let w = corpus.entries[id].when;
        by_day
            .entry((!w.is_known(), w.day, w.label()))
            .or_default()
            .push(id);
    }
    let events: Vec<_> = corpus.events.iter().collect();
    const CAP: usize = 300;
    let mut shown = 0usize;
    html! {
        <details class="timeline-list" id="timeline-list" open=true {ontoggle}>
            <summary>{"Timeline as a list (by date)"}</summary>
            if !events.is_empty() {
                <h3>{"Context from the articles"}</h3>
                <ul>
                    { for events.iter().map(|ev| html! {
                        <li>{format!("{} — {}: {}", ev.when.label(), corpus.articles[ev.article].outlet, short(ev.clause.of(&corpus.articles[ev.article].text), 200))}</li>
                    }) }
                </ul>
            }
            <div class="days">
            { for by_day.into_iter().map(|((_, _, label), ids)| {
                let n = ids.len();
                let items: Vec<StatementId> = ids.into_iter().take(CAP.saturating_sub(shown)).collect();
                shown += items.len();
                html! {
                    <section class="day" key={label.clone()}>
                        <h3>{format!("{label} — {n} statement{}", if n == 1 { "" } else { "s" })}</h3>
                        <ol>
                            { for items.iter().map(|&id| {
                                let e = &corpus.entries[id];
                                let cb = on_action.clone();
                                html! {
                                    <li key={e.id.clone()}>
                                        <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(Action::Select(Some(id))))}>
                                            {format!("{} ({}): {}", corpus.speakers[e.speaker].name, corpus.articles[e.article].outlet, short(corpus.text_of(e), 100))}
                                        </button>
                                    </li>
                                }
                            }) }
                        </ol>
                    </section>
                }
            }) }
            </div>
            if shown >= CAP {
                <p>{format!("Showing the first {CAP} statements; narrow the filters to list the rest.")}</p>
            }
        </details>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_of_a_thousand_or_more_are_rounded_to_thousands() {
        let labels: Vec<String> = [7, 999, 1000, 1499, 1500, 1632, 12_400]
            .into_iter()
            .map(super::count_label)
            .collect();
        assert_eq!(labels, ["7", "999", "1k", "1k", "2k", "2k", "12k"]);
    }
}
