//! The timeline's marks, drawn straight into the DOM instead of through Yew's virtual DOM.
//!
//! A zoom replaces or moves every mark in view (hundreds of them at 50,000 statements),
//! and building, diffing and attaching them through Yew cost about 35 ms of script per
//! zoom step there. This layer keeps each mark by its key and works out what changed:
//! the marks that are new, moved or gone, and the attributes that differ from what it
//! last drew. It sends all of that to `marks.js` in one call (a list of numbers and one
//! string; see there), which applies it: one call per element and attribute across the
//! wasm boundary, each decoding its own string, was most of a zoom's script time. Yew
//! owns the `g.marks` around the marks, with their listeners (see `timeline.rs`); it
//! renders no children there, so it never touches the marks this layer adds, and the
//! layer can keep the order of the children itself.
//!
//! The DOM order of the marks is the order given (lane by lane, in time), which is also
//! their keyboard order.
//!
//! A zoom replaces most marks by others. The element of a mark that is gone is given to
//! a new mark, in place where the new mark goes there, instead of being removed while
//! another is made; only the elements left over are removed. The focused mark's element
//! is never handed on, so the focus never lands on another mark unasked.

use quoteline_core::text::number::coord;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/ui/marks.js")]
extern "C" {
    type MarksDom;
    #[wasm_bindgen(constructor)]
    fn new(parent: &Element, events: bool) -> MarksDom;
    #[wasm_bindgen(method, catch)]
    fn focused(this: &MarksDom) -> Result<i32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn apply(this: &MarksDom, ops: &[u32], text: &str) -> Result<(), JsValue>;
}

/// What one mark shows; the layer compares it with what it drew last.
#[derive(Clone, PartialEq, Debug)]
pub struct MarkSpec {
    /// Unique among the marks drawn together.
    pub key: String,
    /// The `class` attribute.
    pub class: String,
    /// The `aria-label` (none for an event mark: empty).
    pub label: String,
    /// The statement that a click or Enter selects (`data-id`; none for an event mark:
    /// `usize::MAX`).
    pub first: usize,
    /// The centre, in the coordinates of the `g` the marks are in.
    pub x: f64,
    pub y: f64,
    /// The circle's radius (none for an event mark: NaN).
    pub r: f64,
    /// A statement mark: drawn inside the circle when it merges several statements. An
    /// event mark: its title.
    pub count: Option<String>,
}

impl MarkSpec {
    /// A spec equal to nothing drawn, for a new element.
    fn blank() -> MarkSpec {
        MarkSpec {
            key: String::new(),
            class: String::new(),
            label: String::new(),
            first: usize::MAX,
            x: f64::NAN,
            y: f64::NAN,
            r: f64::NAN,
            count: None,
        }
    }
}

struct Drawn {
    slot: u32,
    spec: MarkSpec,
}

/// The marks drawn in one `g`, by key.
#[derive(Default)]
pub struct MarksLayer {
    /// Context event marks (a title and a diamond), not statement marks.
    events: bool,
    /// The `g` drawn into, and its marks in the DOM.
    dom: Option<(Element, MarksDom)>,
    /// The marks drawn last, to skip a render of the timeline that changed none of them.
    last: Option<Rc<Vec<MarkSpec>>>,
    model: Model,
}

/// What the layer knows of the marks in the DOM.
#[derive(Default)]
struct Model {
    drawn: HashMap<String, Drawn>,
    /// The slots of the drawn marks in their DOM order.
    order: Vec<u32>,
    /// Slots whose element was removed, for new marks to reuse; `slots` is one more than
    /// the highest slot used.
    free: Vec<u32>,
    slots: u32,
}

/// The changes of one sync, in `marks.js`'s encoding.
#[derive(Default)]
struct Ops {
    ops: Vec<u32>,
    text: String,
}

const NONE: u32 = u32::MAX;
const CREATE: u32 = 0;
const MOVE: u32 = 1;
const REMOVE: u32 = 2;
const ATTR: u32 = 3;
const COUNT: u32 = 4;
// The attributes `ATTR` sets.
const CLASS: u32 = 0;
const LABEL: u32 = 1;
const DATA_ID: u32 = 2;
const TRANSFORM: u32 = 3;
const RADIUS: u32 = 4;

/// The length of `s` in UTF-16 units, from its bytes: one unit per character (each
/// starts with a byte that is not a continuation byte), two for those of four bytes.
/// (`encode_utf16().count()` decodes every character: a tenth of a zoom's script.)
pub fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl Ops {
    /// Appends `value` to the text and returns its length in UTF-16 units (JS strings').
    fn push_text(&mut self, value: &str) -> u32 {
        self.text.push_str(value);
        utf16_len(value) as u32
    }
    fn attr(&mut self, slot: u32, name: u32, value: &str) {
        let n = self.push_text(value);
        self.ops.extend([ATTR, slot, name, n]);
    }
    fn count(&mut self, slot: u32, value: &str) {
        let n = self.push_text(value);
        self.ops.extend([COUNT, slot, n]);
    }
    fn create(&mut self, slot: u32) {
        self.ops.extend([CREATE, slot]);
    }
    fn remove(&mut self, slot: u32) {
        self.ops.extend([REMOVE, slot]);
    }
    fn move_before(&mut self, slot: u32, before: Option<u32>) {
        self.ops.extend([MOVE, slot, before.unwrap_or(NONE)]);
    }
    /// The attributes of `new` that differ from `old`.
    fn update(&mut self, slot: u32, old: &MarkSpec, new: &MarkSpec) {
        if old == new {
            return; // (a pan: every mark still in view)
        }
        if old.class != new.class {
            self.attr(slot, CLASS, &new.class);
        }
        if old.label != new.label {
            self.attr(slot, LABEL, &new.label);
        }
        if old.first != new.first {
            self.attr(slot, DATA_ID, &new.first.to_string());
        }
        if old.x != new.x || old.y != new.y {
            self.attr(
                slot,
                TRANSFORM,
                &format!("translate({} {})", coord(new.x), coord(new.y)),
            );
        }
        if old.r.to_bits() != new.r.to_bits() {
            self.attr(slot, RADIUS, &coord(new.r));
        }
        if old.count != new.count {
            self.count(slot, new.count.as_deref().unwrap_or(""));
        }
    }
}

impl MarksLayer {
    /// A layer of context event marks: each a `g` with a `title` (the spec's `count`)
    /// and a diamond, placed by its `x` and `y`; `label`, `first` and `r` unused.
    pub fn events() -> MarksLayer {
        MarksLayer {
            events: true,
            ..MarksLayer::default()
        }
    }

    /// Makes the children of `parent` the marks in `specs`, in that order.
    pub fn sync(&mut self, parent: &Element, specs: &Rc<Vec<MarkSpec>>) {
        if self.dom.as_ref().map(|(g, _)| g) != Some(parent) {
            // A new `g` (the timeline was mounted again): nothing drawn is in it.
            self.dom = Some((parent.clone(), MarksDom::new(parent, self.events)));
            self.model = Model::default();
            self.last = None;
        }
        if self.last.as_ref().is_some_and(|l| Rc::ptr_eq(l, specs)) {
            return;
        }
        self.last = Some(specs.clone());
        let Some((_, dom)) = &self.dom else { return };
        let focused = dom.focused().ok().and_then(|s| u32::try_from(s).ok());
        let ops = self.model.plan(specs, focused);
        // A throw here cannot come from ops made by `plan`; if one ever did, the model
        // would no longer match the DOM, so both start again from nothing (the marks come
        // back at the next render).
        if !ops.ops.is_empty() && dom.apply(&ops.ops, &ops.text).is_err() {
            parent.set_text_content(None);
            self.dom = None;
            self.last = None;
        }
    }
}

impl Model {
    /// Works out the changes that turn the drawn marks into `specs`, and records the
    /// result as drawn. `focused` is the slot of the mark with the focus.
    fn plan(&mut self, specs: &[MarkSpec], focused: Option<u32>) -> Ops {
        let mut ops = Ops::default();
        let keep: HashSet<&str> = specs.iter().map(|s| s.key.as_str()).collect();
        // The marks that are gone, by slot: each is given to a new mark. The focused one
        // is removed at once instead.
        let mut gone: Vec<Option<Drawn>> = (0..self.slots).map(|_| None).collect();
        let mut removed = None;
        for (key, d) in std::mem::take(&mut self.drawn) {
            if keep.contains(key.as_str()) {
                self.drawn.insert(key, d);
            } else if Some(d.slot) == focused {
                ops.remove(d.slot);
                removed = Some(d.slot);
            } else {
                let slot = d.slot as usize;
                gone[slot] = Some(d);
            }
        }
        // The DOM as it is: `prev` in order, less the slots moved away since (`moved`).
        // The cursor `at` is where the next mark goes: before prev[at].
        let prev: Vec<u32> = std::mem::take(&mut self.order)
            .into_iter()
            .filter(|&s| Some(s) != removed)
            .collect();
        self.free.extend(removed);
        let mut moved = vec![false; self.slots as usize];
        let mut at = 0;
        let mut back = prev.len();
        // Gone marks the cursor went past, free to be moved to where a new mark goes.
        let mut passed: Vec<Drawn> = Vec::new();
        let mut order = Vec::with_capacity(specs.len());
        let cursor = |at: &mut usize, moved: &[bool]| -> Option<u32> {
            while *at < prev.len() && moved[prev[*at] as usize] {
                *at += 1;
            }
            prev.get(*at).copied()
        };
        for spec in specs {
            if let Some(d) = self.drawn.get_mut(&spec.key) {
                ops.update(d.slot, &d.spec, spec);
                d.spec.clone_from(spec);
                // Go past the gone marks before it: a later new mark may take them.
                while let Some(s) = cursor(&mut at, &moved) {
                    let Some(g) = gone[s as usize].take() else {
                        break;
                    };
                    passed.push(g);
                    at += 1;
                }
                if cursor(&mut at, &moved) == Some(d.slot) {
                    at += 1;
                } else {
                    ops.move_before(d.slot, cursor(&mut at, &moved));
                    moved[d.slot as usize] = true;
                }
                order.push(d.slot);
                continue;
            }
            // A new mark: the gone mark at the cursor, left where it is; else one gone
            // from elsewhere, moved here; else a new element.
            let here = cursor(&mut at, &moved);
            let taken = match here.and_then(|s| gone[s as usize].take()) {
                Some(d) => {
                    at += 1;
                    Some((d, true))
                }
                None => passed.pop().map(|d| (d, false)).or_else(|| {
                    while back > at {
                        back -= 1;
                        let s = prev[back];
                        if let Some(d) = gone[s as usize].take() {
                            moved[s as usize] = true;
                            return Some((d, false));
                        }
                    }
                    None
                }),
            };
            let (slot, old) = match taken {
                Some((d, in_place)) => {
                    if !in_place {
                        ops.move_before(d.slot, here);
                    }
                    (d.slot, d.spec)
                }
                None => {
                    let slot = self.free.pop().unwrap_or_else(|| {
                        self.slots += 1;
                        moved.push(false);
                        self.slots - 1
                    });
                    ops.create(slot);
                    ops.move_before(slot, here);
                    (slot, MarkSpec::blank())
                }
            };
            ops.update(slot, &old, spec);
            order.push(slot);
            self.drawn.insert(
                spec.key.clone(),
                Drawn {
                    slot,
                    spec: spec.clone(),
                },
            );
        }
        for d in passed.into_iter().chain(gone.into_iter().flatten()) {
            ops.remove(d.slot);
            self.free.push(d.slot);
        }
        self.order = order;
        ops
    }
}

#[cfg(test)]
mod tests {
    use super::utf16_len;

    #[test]
    fn utf16_length_from_bytes_is_the_encoders() {
        for s in [
            "",
            "ascii only",
            "6 January 2026 — Merz: “guarantees”",
            "é, ß, ñ, 中文, 🇺🇦 and 😀",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn utf16_length_of_any_string(s in "\\PC*") {
            proptest::prop_assert_eq!(utf16_len(&s), s.encode_utf16().count());
        }
    }
}
