//! The UI state machine: what the user has chosen, changed only through [`Action`]s by a
//! pure [`AppState::apply`]. No DOM here; the Yew layer renders it and dispatches actions.

use super::corpus::{Corpus, StatementId};
use super::model::Kind;
use super::attribute::fold_accent;

/// Everything the user has chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    pub search: String,
    /// Selected outlets (empty = all).
    pub outlets: Vec<String>,
    /// Selected kinds (empty = all).
    pub kinds: Vec<Kind>,
    pub selected: Option<StatementId>,
}

/// Facet values with live counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub outlets: Vec<(String, usize)>,
    pub kinds: Vec<(Kind, usize)>,
}

/// A user intent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Search(String),
    ToggleOutlet(String),
    ToggleKind(Kind),
    Select(Option<StatementId>),
    ClearAll,
}

fn toggle<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if let Some(i) = v.iter().position(|y| *y == x) {
        v.remove(i);
    } else {
        v.push(x);
    }
}

/// Lower case with accents folded, for case- and accent-insensitive search.
pub fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).map(fold_accent).collect()
}

impl AppState {
    /// Applies an action; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::Search(q) => self.search = q,
            Action::ToggleOutlet(o) => toggle(&mut self.outlets, o),
            Action::ToggleKind(k) => toggle(&mut self.kinds, k),
            Action::Select(id) => self.selected = id,
            Action::ClearAll => {
                self.search.clear();
                self.outlets.clear();
                self.kinds.clear();
            }
        }
        *self != before
    }

    /// Live facet counts: for each value, how many results picking it would give with the
    /// other facets' filters applied (the facet's own selection is ignored).
    pub fn facet_counts(&self, corpus: &Corpus) -> Facets {
        let mut without_outlets = self.clone();
        without_outlets.outlets.clear();
        let mut outlets: Vec<(String, usize)> = corpus.outlets().into_iter().map(|o| (o.to_string(), 0)).collect();
        for id in without_outlets.results(corpus) {
            let o = &corpus.articles[corpus.entries[id].article].outlet;
            if let Some(slot) = outlets.iter_mut().find(|(n, _)| n == o) {
                slot.1 += 1;
            }
        }
        let mut without_kinds = self.clone();
        without_kinds.kinds.clear();
        let mut kinds: Vec<(Kind, usize)> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for id in without_kinds.results(corpus) {
            let k = corpus.entries[id].statement.kind;
            if let Some(slot) = kinds.iter_mut().find(|(n, _)| *n == k) {
                slot.1 += 1;
            }
        }
        Facets { outlets, kinds }
    }

    /// The search words, folded (for highlighting).
    pub fn search_terms(&self) -> Vec<String> {
        fold(&self.search).split_whitespace().map(str::to_string).collect()
    }

    /// The statements that pass every filter, in corpus order.
    pub fn results(&self, corpus: &Corpus) -> Vec<StatementId> {
        let words: Vec<String> = fold(&self.search).split_whitespace().map(str::to_string).collect();
        corpus
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.outlets.is_empty() || self.outlets.contains(&corpus.articles[e.article].outlet))
            .filter(|(_, e)| self.kinds.is_empty() || self.kinds.contains(&e.statement.kind))
            .filter(|(_, e)| {
                if words.is_empty() {
                    return true;
                }
                let hay = fold(&format!("{} {}", corpus.text_of(e), corpus.speakers[e.speaker].name));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::{ArticleMeta, Input};

    fn corpus() -> Corpus {
        Corpus::build(vec![
            Input { name: "a.txt", text: "“Élan is fine,” said Jane Doe.", meta: ArticleMeta { outlet: "A".into(), ..Default::default() } },
            Input { name: "b.txt", text: "Jane Doe said the plan was ready.", meta: ArticleMeta { outlet: "B".into(), ..Default::default() } },
        ])
    }

    #[test]
    fn filters_combine() {
        let c = corpus();
        let mut s = AppState::default();
        assert_eq!(s.results(&c).len(), 2);
        assert!(s.apply(Action::Search("elan".into())));
        assert_eq!(s.results(&c).len(), 1);
        s.apply(Action::Search("doe".into()));
        s.apply(Action::ToggleOutlet("B".into()));
        assert_eq!(s.results(&c).len(), 1);
        s.apply(Action::ToggleKind(Kind::Direct));
        assert_eq!(s.results(&c).len(), 0);
        assert!(s.apply(Action::ClearAll));
        assert_eq!(s.results(&c).len(), 2);
        assert!(!s.apply(Action::ClearAll));
        s.apply(Action::ToggleOutlet("A".into()));
        s.apply(Action::ToggleKind(Kind::Indirect));
        let f = s.facet_counts(&c);
        // Outlet counts ignore the outlet selection but honour the kind filter.
        assert_eq!(f.outlets, vec![("A".to_string(), 0), ("B".to_string(), 1)]);
        // Kind counts ignore the kind selection but honour the outlet filter.
        assert_eq!(f.kinds, vec![(Kind::Direct, 1), (Kind::Partial, 0), (Kind::Indirect, 0)]);
    }
}
