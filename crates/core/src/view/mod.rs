//! The app's model, with no web types. The reducer (`state`: the user's choices and the
//! actions that change them), the search language (`query`), filtering and the results
//! (`search`), the facet registry and the selections per facet (`facet`), the facets'
//! live counts (`facets`), orders by count (`order`), the
//! shareable link (`link`), the exports (`export`), the timeline's layout (`timeline`)
//! and the filters a newly shown corpus lacks (`prune`). The Yew layer renders it.
//! `archive` answers the same questions over a sharded archive, fetching only what
//! each one needs.

pub mod archive;
pub mod export;
pub mod facet;
pub mod facets;
pub mod link;
pub mod order;
pub mod prune;
pub mod query;
pub mod search;
pub mod state;
pub mod timeline;

#[cfg(test)]
mod test_corpus;
