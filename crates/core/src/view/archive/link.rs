//! The archive view as a link, in the explorer's link shape (`view::link`): the filters
//! as `AppState::to_params` writes them, checked against the archive's root
//! ([`Terms`]), plus what only the archive view has: the opened statement by its number
//! (`sel=N`) and the order (`order=newest`; oldest first when absent).

use super::results::Order;
use crate::formats::shard::Root;
use crate::view::facet::Values;
use crate::view::link::Vocabulary;
use crate::view::state::AppState;
use std::collections::HashSet;

/// The values a link to an archive can select: the root's outlets (any name, when the
/// root counts outlets it does not name: the reader resolves those from its outlet
/// chunks, and an unknown one matches nothing), speakers and affiliations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Terms {
    outlets: HashSet<String>,
    other_outlets: bool,
    speakers: HashSet<String>,
    affiliations: HashSet<String>,
}

impl Terms {
    pub fn of(root: &Root) -> Terms {
        Terms {
            outlets: root.outlets.iter().map(|(n, _)| n.clone()).collect(),
            other_outlets: root.other_outlets.values > 0,
            speakers: root.speakers.iter().map(|s| s.name.clone()).collect(),
            affiliations: (root.speakers.iter())
                .filter(|s| !s.affiliation.is_empty())
                .map(|s| s.affiliation.clone())
                .collect(),
        }
    }
}

impl Values for Terms {
    fn has_outlet(&self, name: &str) -> bool {
        self.outlets.contains(name) || (self.other_outlets && !name.is_empty())
    }
    fn has_speaker(&self, name: &str) -> bool {
        self.speakers.contains(name)
    }
    fn has_affiliation(&self, name: &str) -> bool {
        self.affiliations.contains(name)
    }
}

/// The archive's selection is a row of a page (not a statement of a corpus), so the
/// filters' link names none: [`params`] and [`read`] carry the opened statement.
impl Vocabulary for Terms {
    fn statement_id(&self, _at: usize) -> Option<String> {
        None
    }
    fn statement_at(&self, _id: &str) -> Option<usize> {
        None
    }
}

/// The archive view's link: its filters' parameters, the order, the opened statement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub filters: AppState,
    pub order: Order,
    pub opened: Option<u64>,
}

/// The parameters of a view (the explorer's for the filters, then the archive's own).
pub fn params(view: &View, terms: &Terms) -> Vec<(&'static str, String)> {
    let mut p = view.filters.to_params(terms);
    if view.order == Order::Newest {
        p.push(("order", "newest".into()));
    }
    if let Some(n) = view.opened {
        p.push(("sel", n.to_string()));
    }
    p
}

/// Reads a view from a link's parameters. Values that cannot be used are dropped, named
/// in the filters' notice (as the explorer's link does); a statement number past the
/// archive's last is one of them.
pub fn read(params: &[(String, String)], terms: &Terms, statements: u64) -> View {
    let mut order = Order::Oldest;
    let mut opened = None;
    let mut dropped: Vec<String> = Vec::new();
    let mut rest: Vec<(String, String)> = Vec::new();
    for (k, v) in params {
        match k.as_str() {
            "order" => match v.as_str() {
                "newest" => order = Order::Newest,
                "oldest" => order = Order::Oldest,
                _ => dropped.push("the order".into()),
            },
            "sel" => match v.parse::<u64>().ok().filter(|&n| n < statements) {
                Some(n) => opened = Some(n),
                None => dropped.push("the selected statement".into()),
            },
            _ => rest.push((k.clone(), v.clone())),
        }
    }
    let mut filters = AppState::from_params(&rest, terms);
    if !dropped.is_empty() {
        filters.notice = Some(match filters.notice.take() {
            Some(n) => format!("{}, {}.", n.trim_end_matches('.'), dropped.join(", ")),
            None => format!(
                "Part of this link could not be used and was left out: {}.",
                dropped.join(", ")
            ),
        });
    }
    View {
        filters,
        order,
        opened,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::shard::{seed_archive, Limits};
    use crate::view::facet::Facet;
    use crate::view::link::{fragment_to_params, params_to_fragment};
    use crate::view::state::Action;

    fn through_a_link(view: &View, terms: &Terms, statements: u64) -> View {
        let fragment = params_to_fragment(&params(view, terms));
        read(&fragment_to_params(&fragment), terms, statements)
    }

    #[test]
    fn an_archive_view_round_trips_through_its_link() {
        let (_, _, _, root) = seed_archive(Limits::default());
        let terms = Terms::of(&root);
        let n = root.facts.statements;
        let speaker = root
            .speakers
            .iter()
            .find(|s| !s.affiliation.is_empty())
            .unwrap();
        let mut filters = AppState::default();
        for a in [
            Action::Search("summit -\"no comment\"".into()),
            Action::Toggle(Facet::Outlet, root.outlets[0].0.clone()),
            Action::Toggle(Facet::Speaker, speaker.name.clone()),
            Action::Toggle(Facet::Affiliation, speaker.affiliation.clone()),
            Action::Toggle(Facet::Topic, "other".into()),
            Action::SetRange(Some((20_000, 20_010))),
        ] {
            filters.apply(a);
        }
        let view = View {
            filters,
            order: Order::Newest,
            opened: Some(n - 1),
        };
        assert_eq!(through_a_link(&view, &terms, n), view);
        // The default view is the empty link, and reads back as itself.
        assert!(params(&View::default(), &terms).is_empty());
        assert_eq!(read(&[], &terms, n), View::default());
    }

    #[test]
    fn what_an_archive_link_cannot_use_is_dropped_and_named() {
        let (_, _, _, root) = seed_archive(Limits::default());
        let terms = Terms::of(&root);
        let n = root.facts.statements;
        assert_eq!(root.other_outlets.values, 0, "every outlet is in this root");
        let link = format!(
            "#outlet=Nowhere%20Times&speaker=Nobody%20At%20All&order=sideways&sel={n}&q=war&sel=-1"
        );
        let v = read(&fragment_to_params(&link), &terms, n);
        assert_eq!(v.filters.search, "war");
        assert!(v.filters.filters.is_empty());
        assert_eq!((v.order, v.opened), (Order::Oldest, None));
        let notice = v.filters.notice.unwrap();
        for named in [
            "Nowhere Times",
            "Nobody At All",
            "the order",
            "the selected statement",
        ] {
            assert!(notice.contains(named), "{named}: {notice}");
        }
        // A root that counts outlets it does not name takes any outlet: its chunks resolve it.
        let (_, _, _, small) = seed_archive(Limits {
            outlets: 1,
            ..Limits::default()
        });
        assert!(small.other_outlets.values > 0);
        let v = read(&fragment_to_params("outlet=Nowhere"), &Terms::of(&small), n);
        assert_eq!(v.filters.filters[Facet::Outlet], ["Nowhere"]);
    }
}
