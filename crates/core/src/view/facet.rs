//! The facet registry: each facet ([`Facet`]) with, in one place, its link key, its
//! label, how the panel shows it, which values a link or a corpus may name, and how a
//! statement is checked against a selection; and the selections per facet ([`Filters`],
//! indexed by [`Facet`], never by position). Adding a facet is one name in the
//! `facets!` list below and its arm in each `match` here and in `facets` (the counts):
//! every `match` is exhaustive, so the compiler names each arm still missing. A facet
//! whose values come from the data also needs its method in [`Values`], which the
//! compiler then asks of the corpus (here) and of the archive's root
//! (`archive::link::Terms`).

use crate::corpus::{topics, Article, Corpus, Entry, Speaker};
use crate::model::Kind;
use std::ops::{Index, IndexMut};

/// Declares [`Facet`] and [`Facet::ALL`] from one list, so that no facet can be left out
/// of `ALL` (and every discriminant is a place in a [`ByFacet`]).
macro_rules! facets {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A filter of the panel: OR within a facet, AND across facets.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Facet {
            $($(#[$doc])* $name,)*
        }

        impl Facet {
            /// Every facet, in the link's order (`outlet=…&kind=…&speaker=…`).
            pub const ALL: [Facet; [$(Facet::$name,)*].len()] = [$(Facet::$name,)*];
        }
    };
}

facets! {
    /// The article's outlet.
    Outlet,
    /// Direct, partial or indirect speech (the value is [`Kind::as_str`]).
    Kind,
    /// The speaker's name (speakers who share a name are one value).
    Speaker,
    /// The speaker's affiliation (a speaker without one has no value).
    Affiliation,
    /// A topic's name; [`topics::OTHER`] is a statement without a topic.
    Topic,
}

/// How many facets there are.
pub const COUNT: usize = Facet::ALL.len();

impl Facet {
    /// The facets in the panel's order (and the chips' order).
    pub const SHOWN: [Facet; COUNT] = [
        Facet::Outlet,
        Facet::Speaker,
        Facet::Kind,
        Facet::Topic,
        Facet::Affiliation,
    ];

    /// The link's parameter name, the panel's `data-facet` and the chips' prefix.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Kind => "kind",
            Facet::Speaker => "speaker",
            Facet::Affiliation => "affiliation",
            Facet::Topic => "topic",
        }
    }

    /// The facet whose [`key`](Self::key) is `key`.
    pub fn parse(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The panel's title.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Outlet => "Outlet",
            Facet::Kind => "Kind",
            Facet::Speaker => "Speaker",
            Facet::Affiliation => "Affiliation",
            Facet::Topic => "Topic",
        }
    }

    /// Whether the panel shows a few values first, with "Show all" (a big corpus has
    /// thousands of speakers and hundreds of outlets); the kinds are always all shown.
    pub fn collapses(self) -> bool {
        match self {
            Facet::Outlet | Facet::Speaker | Facet::Affiliation | Facet::Topic => true,
            Facet::Kind => false,
        }
    }

    /// Whether the panel leaves the facet out when it has no value (a corpus without
    /// affiliations shows no empty affiliation box).
    pub fn hidden_when_empty(self) -> bool {
        match self {
            Facet::Affiliation => true,
            Facet::Outlet | Facet::Kind | Facet::Speaker | Facet::Topic => false,
        }
    }

    /// Whether a link may select `v` with these values (a corpus's, an archive root's):
    /// an outlet, speaker or affiliation they name; any kind, any topic of the
    /// taxonomy, "other".
    pub fn accepts<V: Values + ?Sized>(self, values: &V, v: &str) -> bool {
        match self {
            Facet::Outlet => values.has_outlet(v),
            Facet::Kind => Kind::parse(v).is_some(),
            Facet::Speaker => values.has_speaker(v),
            Facet::Affiliation => values.has_affiliation(v),
            Facet::Topic => v == topics::OTHER || topics::taxonomy().iter().any(|t| t.name == v),
        }
    }

    /// Whether some statement of `corpus` carries `v` (what a newly shown corpus keeps
    /// of a selection): a topic no statement has is dropped, though a link may name it.
    pub fn present(self, corpus: &Corpus, v: &str) -> bool {
        match self {
            Facet::Outlet | Facet::Kind | Facet::Speaker | Facet::Affiliation => {
                self.accepts(corpus, v)
            }
            Facet::Topic => {
                let taxonomy = topics::taxonomy();
                corpus.entries.iter().any(|e| {
                    if v == topics::OTHER {
                        e.topics.is_empty()
                    } else {
                        e.topics
                            .iter()
                            .any(|(i, _)| taxonomy.get(*i).is_some_and(|x| x.name == v))
                    }
                })
            }
        }
    }

    /// Whether a statement (its entry, speaker and article) has one of the `selected`
    /// values (an empty selection passes all).
    pub fn passes(self, selected: &[String], e: &Entry, sp: &Speaker, a: &Article) -> bool {
        selected.is_empty()
            || match self {
                Facet::Outlet => selected.contains(&a.outlet),
                Facet::Kind => selected.iter().any(|k| k == e.statement.kind.as_str()),
                Facet::Speaker => selected.contains(&sp.name),
                Facet::Affiliation => selected.contains(&sp.affiliation),
                Facet::Topic => {
                    let tax = topics::taxonomy();
                    (e.topics.is_empty() && selected.iter().any(|t| t == topics::OTHER))
                        || e.topics
                            .iter()
                            .any(|(i, _)| tax.get(*i).is_some_and(|t| selected.contains(&t.name)))
                }
            }
    }
}

/// The values of the facets whose values come from the data, which a link's values are
/// checked against ([`Facet::accepts`]): a corpus's, or an archive root's.
pub trait Values {
    fn has_outlet(&self, name: &str) -> bool;
    fn has_speaker(&self, name: &str) -> bool;
    /// An affiliation some speaker has (never the empty one).
    fn has_affiliation(&self, name: &str) -> bool;
}

/// A corpus names the outlets of its articles and the names and affiliations of its
/// speakers.
impl Values for Corpus {
    fn has_outlet(&self, name: &str) -> bool {
        self.articles.iter().any(|a| a.outlet == name)
    }
    fn has_speaker(&self, name: &str) -> bool {
        self.speakers.iter().any(|sp| sp.name == name)
    }
    fn has_affiliation(&self, name: &str) -> bool {
        !name.is_empty() && self.speakers.iter().any(|sp| sp.affiliation == name)
    }
}

/// One `T` per facet, indexed by [`Facet`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ByFacet<T>([T; COUNT]);

impl<T> ByFacet<T> {
    /// One `T` per facet, made from the facet.
    pub fn from_fn(mut f: impl FnMut(Facet) -> T) -> ByFacet<T> {
        ByFacet(Facet::ALL.map(&mut f))
    }
}

// A facet's discriminant is its place in `Facet::ALL` (both come from the one list of
// `facets!`), so it is below `COUNT`: indexing a `ByFacet` cannot fail.
#[allow(clippy::indexing_slicing)]
impl<T> Index<Facet> for ByFacet<T> {
    type Output = T;
    fn index(&self, f: Facet) -> &T {
        &self.0[f as usize]
    }
}

#[allow(clippy::indexing_slicing)]
impl<T> IndexMut<Facet> for ByFacet<T> {
    fn index_mut(&mut self, f: Facet) -> &mut T {
        &mut self.0[f as usize]
    }
}

/// The selected values of each facet (empty = all), in the order they were picked.
pub type Filters = ByFacet<Vec<String>>;

/// Which facets a statement fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misses {
    None,
    Only(Facet),
    /// Two or more.
    Several,
}

impl Misses {
    /// Whether a statement that misses these counts under facet `f` (whose own
    /// selection is ignored there).
    pub fn counts_for(self, f: Facet) -> bool {
        match self {
            Misses::None => true,
            Misses::Only(g) => g == f,
            Misses::Several => false,
        }
    }
}

impl Filters {
    /// Whether no facet has a selection.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// Unselects every value of every facet.
    pub fn clear(&mut self) {
        self.0.iter_mut().for_each(Vec::clear);
    }

    /// Selects `v` in facet `f`, or unselects it if it was selected.
    pub fn toggle(&mut self, f: Facet, v: String) {
        let values = &mut self[f];
        match values.iter().position(|x| *x == v) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(v),
        }
    }

    /// Selects `v` in facet `f` (once).
    pub fn insert(&mut self, f: Facet, v: String) {
        if !self[f].contains(&v) {
            self[f].push(v);
        }
    }

    /// Every (facet, value) selected, facet by facet in `order`.
    pub fn pairs(&self, order: [Facet; COUNT]) -> impl Iterator<Item = (Facet, &String)> {
        order
            .into_iter()
            .flat_map(move |f| self[f].iter().map(move |v| (f, v)))
    }

    /// Which facets a statement fails (its entry, speaker and article).
    pub fn misses(&self, e: &Entry, sp: &Speaker, a: &Article) -> Misses {
        let mut misses = Misses::None;
        for f in Facet::ALL {
            if !f.passes(&self[f], e, sp, a) {
                misses = match misses {
                    Misses::None => Misses::Only(f),
                    Misses::Only(_) | Misses::Several => return Misses::Several,
                };
            }
        }
        misses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_back_and_the_panel_shows_every_facet_once() {
        for f in Facet::ALL {
            assert_eq!(Facet::parse(f.key()), Some(f));
            assert_eq!(Facet::ALL[f as usize], f);
        }
        assert_eq!(Facet::parse("outlets"), None);
        let mut shown = Facet::SHOWN.to_vec();
        shown.sort();
        assert_eq!(shown, Facet::ALL.to_vec());
    }

    #[test]
    fn filters_toggle_and_tell_misses() {
        let c = crate::view::test_corpus::corpus();
        let (e, sp, a) = crate::view::search::parts(&c, 0).unwrap();
        let mut f = Filters::default();
        assert!(f.is_empty());
        assert_eq!(f.misses(e, sp, a), Misses::None);
        f.toggle(Facet::Kind, "shouted".into());
        assert_eq!(f.misses(e, sp, a), Misses::Only(Facet::Kind));
        f.toggle(Facet::Outlet, "Nowhere".into());
        assert_eq!(f.misses(e, sp, a), Misses::Several);
        f.toggle(Facet::Kind, "shouted".into());
        assert_eq!(f.misses(e, sp, a), Misses::Only(Facet::Outlet));
        f.insert(Facet::Outlet, "Nowhere".into());
        assert_eq!(f[Facet::Outlet], ["Nowhere"]);
        f.clear();
        assert!(f.is_empty());
    }
}
