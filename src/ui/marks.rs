//! The timeline's marks, drawn straight into the DOM instead of through Yew's virtual DOM.
//!
//! A zoom replaces or moves every mark in view (hundreds of them at 50,000 statements),
//! and building, diffing and attaching them through Yew cost about 35 ms of script per
//! zoom step there. This layer keeps each mark's element by its key, changes only the
//! attributes that differ from what it last drew, and makes a new mark by cloning a
//! template (one DOM call for the element, its circle and its count). Yew owns the `g.marks` around
//! the marks, with their listeners (see `timeline.rs`); it renders no children there,
//! so it never touches the marks this layer adds.
//!
//! The DOM order of the marks is the order given (lane by lane, in time), which is also
//! their keyboard order.

use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// What one mark shows; the layer compares it with what it drew last.
#[derive(Clone, PartialEq, Debug)]
pub struct MarkSpec {
    /// Unique among the marks drawn together.
    pub key: String,
    /// The `class` attribute.
    pub class: String,
    pub label: String,
    /// The statement that a click or Enter selects (`data-id`).
    pub first: usize,
    /// The centre, in the coordinates of the `g.marks`.
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Drawn inside the circle when the mark merges several statements.
    pub count: Option<String>,
}

struct Drawn {
    el: Element,
    circle: Element,
    /// The count (empty for a mark of one statement).
    text: Element,
    spec: MarkSpec,
}

/// The marks drawn in one `g.marks`, by key.
#[derive(Default)]
pub struct MarksLayer {
    parent: Option<Element>,
    /// The marks drawn last, to skip a render of the timeline that changed none of them.
    last: Option<std::rc::Rc<Vec<MarkSpec>>>,
    template: Option<Node>,
    drawn: HashMap<String, Drawn>,
}

const SVG: &str = "http://www.w3.org/2000/svg";

fn set(el: &Element, name: &str, value: &str) {
    // Setting an attribute on an element of our own cannot fail; if it ever did, the
    // mark would show stale, which is better than stopping the page.
    let _ = el.set_attribute(name, value);
}

impl MarksLayer {
    /// Makes the children of `parent` the marks in `specs`, in that order.
    pub fn sync(&mut self, parent: &Element, specs: &std::rc::Rc<Vec<MarkSpec>>) {
        if self.parent.as_ref() != Some(parent) {
            // A new `g` (the timeline was mounted again): nothing drawn is in it.
            self.drawn.clear();
            self.last = None;
            self.parent = Some(parent.clone());
        }
        if self
            .last
            .as_ref()
            .is_some_and(|l| std::rc::Rc::ptr_eq(l, specs))
        {
            return;
        }
        self.last = Some(specs.clone());
        let Some(doc) = parent.owner_document() else {
            return;
        };
        // Remove the marks that are gone first, so that the ones kept stay in order
        // and a pan moves none of them.
        let keep: HashSet<&str> = specs.iter().map(|s| s.key.as_str()).collect();
        self.drawn.retain(|key, d| {
            let kept = keep.contains(key.as_str());
            if !kept {
                let _ = parent.remove_child(&d.el);
            }
            kept
        });
        let mut cursor: Option<Node> = parent.first_child();
        for spec in specs.iter() {
            let d = match self.drawn.get_mut(&spec.key) {
                Some(d) => {
                    update(d, spec);
                    d
                }
                None => {
                    let Some(d) = self.create(&doc, spec) else {
                        continue;
                    };
                    self.drawn.entry(spec.key.clone()).or_insert(d)
                }
            };
            let node: &Node = d.el.as_ref();
            if cursor.as_ref() == Some(node) {
                cursor = node.next_sibling();
            } else {
                let _ = parent.insert_before(node, cursor.as_ref());
            }
        }
    }

    fn create(&mut self, doc: &web_sys::Document, spec: &MarkSpec) -> Option<Drawn> {
        if self.template.is_none() {
            let g = doc.create_element_ns(Some(SVG), "g").ok()?;
            set(&g, "role", "button");
            set(&g, "tabindex", "0");
            let circle = doc.create_element_ns(Some(SVG), "circle").ok()?;
            g.append_child(&circle).ok()?;
            let text = doc.create_element_ns(Some(SVG), "text").ok()?;
            set(&text, "y", "4");
            g.append_child(&text).ok()?;
            self.template = Some(g.into());
        }
        let el: Element = self
            .template
            .as_ref()?
            .clone_node_with_deep(true)
            .ok()?
            .dyn_into()
            .ok()?;
        let circle = el.first_element_child()?;
        let text = circle.next_element_sibling()?;
        let mut d = Drawn {
            el,
            circle,
            text,
            spec: MarkSpec {
                key: spec.key.clone(),
                class: String::new(),
                label: String::new(),
                first: usize::MAX,
                x: f64::NAN,
                y: f64::NAN,
                r: f64::NAN,
                count: None,
            },
        };
        update(&mut d, spec);
        Some(d)
    }
}

/// Brings one drawn mark to `spec`, touching only what differs.
fn update(d: &mut Drawn, spec: &MarkSpec) {
    let old = &d.spec;
    if old == spec {
        return; // (a pan: every mark still in view)
    }
    if old.class != spec.class {
        set(&d.el, "class", &spec.class);
    }
    if old.label != spec.label {
        set(&d.el, "aria-label", &spec.label);
    }
    if old.first != spec.first {
        set(&d.el, "data-id", &spec.first.to_string());
    }
    if old.x != spec.x || old.y != spec.y {
        set(
            &d.el,
            "transform",
            &format!("translate({} {})", spec.x, spec.y),
        );
    }
    if old.r != spec.r {
        set(&d.circle, "r", &spec.r.to_string());
    }
    if old.count != spec.count {
        d.text.set_text_content(spec.count.as_deref());
    }
    d.spec = spec.clone();
}
