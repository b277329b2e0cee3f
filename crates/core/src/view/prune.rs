//! Filters naming values a newly shown corpus does not have (an outlet, a speaker, an
//! affiliation or a topic none of its statements carries) are dropped, with a notice that
//! names them: otherwise the list shows 0 and nothing says why.

use super::facet::Facet;
use super::state::AppState;
use crate::corpus::Corpus;

/// `state` without the filter values `corpus` does not have, its notice naming them;
/// `None` when every value is there (or the corpus is empty: nothing to judge by).
pub fn drop_absent(state: &AppState, corpus: &Corpus) -> Option<AppState> {
    if corpus.entries.is_empty() {
        return None;
    }
    let mut next = state.clone();
    let mut dropped: Vec<String> = Vec::new();
    for f in Facet::ALL {
        next.filters[f].retain(|v| {
            let ok = f.present(corpus, v);
            if !ok {
                dropped.push(format!("{} “{v}”", f.key()));
            }
            ok
        });
    }
    if dropped.is_empty() {
        return None;
    }
    next.notice = Some(format!(
        "Filters dropped, absent from this corpus: {}.",
        dropped.join(", ")
    ));
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_values_are_dropped_and_named() {
        let corpus = super::super::test_corpus::corpus();
        let mut state = AppState::default();
        state.filters[Facet::Outlet] = vec!["A".into(), "Z".into()];
        state.filters[Facet::Speaker] = vec!["Jane Doe".into(), "Nobody Here".into()];
        let next = drop_absent(&state, &corpus).unwrap();
        assert_eq!(next.filters[Facet::Outlet], ["A"]);
        assert_eq!(next.filters[Facet::Speaker], ["Jane Doe"]);
        assert_eq!(
            next.notice.as_deref(),
            Some("Filters dropped, absent from this corpus: outlet “Z”, speaker “Nobody Here”.")
        );
        assert_eq!(drop_absent(&next, &corpus), None, "nothing more to drop");
        assert_eq!(drop_absent(&state, &Corpus::default()), None);
    }
}
