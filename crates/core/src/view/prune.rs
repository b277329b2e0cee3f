//! Filters naming values a newly shown corpus does not have (an outlet, a speaker, an
//! affiliation or a topic none of its statements carries) are dropped, with a notice that
//! names them: otherwise the list shows 0 and nothing says why.

use super::state::AppState;
use crate::corpus::{topics, Corpus};

/// `state` without the filter values `corpus` does not have, its notice naming them;
/// `None` when every value is there (or the corpus is empty: nothing to judge by).
pub fn drop_absent(state: &AppState, corpus: &Corpus) -> Option<AppState> {
    if corpus.entries.is_empty() {
        return None;
    }
    let mut next = state.clone();
    let mut dropped: Vec<String> = Vec::new();
    let outlets = corpus.outlets();
    keep(&mut next.outlets, &mut dropped, "outlet", |o| {
        outlets.contains(&o)
    });
    keep(&mut next.speakers, &mut dropped, "speaker", |s| {
        corpus.speakers.iter().any(|sp| sp.name == s)
    });
    keep(&mut next.affiliations, &mut dropped, "affiliation", |a| {
        corpus.speakers.iter().any(|sp| sp.affiliation == a)
    });
    let taxonomy = topics::taxonomy();
    keep(&mut next.topics, &mut dropped, "topic", |t| {
        corpus.entries.iter().any(|e| {
            if t == topics::OTHER {
                e.topics.is_empty()
            } else {
                e.topics
                    .iter()
                    .any(|(i, _)| taxonomy.get(*i).is_some_and(|x| x.name == t))
            }
        })
    });
    if dropped.is_empty() {
        return None;
    }
    next.notice = Some(format!(
        "Filters dropped, absent from this corpus: {}.",
        dropped.join(", ")
    ));
    Some(next)
}

/// Keeps the values `has`; the others are named in `dropped` (`speaker “X”`).
fn keep(
    values: &mut Vec<String>,
    dropped: &mut Vec<String>,
    what: &str,
    has: impl Fn(&str) -> bool,
) {
    values.retain(|v| {
        let ok = has(v);
        if !ok {
            dropped.push(format!("{what} “{v}”"));
        }
        ok
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_values_are_dropped_and_named() {
        let corpus = super::super::test_corpus::corpus();
        let state = AppState {
            outlets: vec!["A".into(), "Z".into()],
            speakers: vec!["Jane Doe".into(), "Nobody Here".into()],
            ..AppState::default()
        };
        let next = drop_absent(&state, &corpus).unwrap();
        assert_eq!(next.outlets, ["A"]);
        assert_eq!(next.speakers, ["Jane Doe"]);
        assert_eq!(
            next.notice.as_deref(),
            Some("Filters dropped, absent from this corpus: outlet “Z”, speaker “Nobody Here”.")
        );
        assert_eq!(drop_absent(&next, &corpus), None, "nothing more to drop");
        assert_eq!(drop_absent(&state, &Corpus::default()), None);
    }
}
