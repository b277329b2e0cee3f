//! The app's model, with no web types: the state and its actions (`session`), the search
//! language (`query`) and the timeline's layout (`timeline`). The Yew layer renders it.

pub mod facets;
pub mod query;
pub mod session;
pub mod timeline;
