//! The Yew UI.
pub fn start() {}
