//! One-frame deferral: whether a value has been on screen for a frame yet, so that work
//! keyed on it (a new corpus's facet counts) can wait for the frame after the one that
//! shows it first (its list), and each is a task of its own.

use super::super::context::after_next_paint;
use yew::prelude::*;

/// Whether `value` has been painted: false in the renders where it differs from the value
/// of the last paint, true again from the render after the next paint. True at mount, so
/// a first render (and a server render) shows everything at once.
#[hook]
pub fn use_painted<T: PartialEq + Clone + 'static>(value: &T) -> bool {
    let painted = use_state(|| value.clone());
    let now = *painted == *value;
    {
        let painted = painted.clone();
        use_effect_with(value.clone(), move |v| {
            if *painted != *v {
                let (v, set) = (v.clone(), painted.setter());
                after_next_paint(move || set.set(v));
            }
        });
    }
    now
}
