//! The timeline's layout as pure geometry: statements placed by date into lanes (by
//! speaker or by outlet), aggregated into one mark per lane and day with its count,
//! expanded into one mark per statement (in article order) when zoomed in far enough.
//! Only what is in view is laid out. Undated statements go to their own band, never to
//! a made-up date. One job per file: the pixel sizes (`geometry`), the time window
//! (`window`), the pointer gestures (`gesture`), the lanes (`lanes`), the marks and events of a view (`layout`) and the
//! axis (`ticks`).

pub mod geometry;
pub mod gesture;
pub mod lanes;
pub mod layout;
pub mod ticks;
pub mod window;

#[cfg(test)]
mod test_data;
