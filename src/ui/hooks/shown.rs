//! The corpus the root shows, with its search index and cross-outlet groups: one given
//! to the app (a test's), a corpus file opened, the workspace's as the loader worker
//! built it, the embedded seeds, or nothing while one is on its way.

use crate::ui::context::CorpusHandle;
use crate::ui::corpus_file::Opened;
use crate::ui::hooks::corpus_source::Source;
use crate::ui::hooks::workspace_build::needs_worker;
use quoteline_core::corpus::compare::Comparison;
use quoteline_core::corpus::{Corpus, StatementId};
use quoteline_core::formats::workspace::{Mode, Workspace};
use quoteline_core::view::search::SearchIndex;
use std::rc::Rc;
use yew::prelude::*;

/// A corpus, its search index and its cross-outlet groups, as shown, and the corpus
/// file it came from.
#[derive(Clone)]
pub struct Shown {
    pub corpus: Rc<Corpus>,
    pub index: Rc<SearchIndex>,
    /// The statements in time order, when the corpus came with them (an opened file).
    pub chronological: Option<Rc<Vec<StatementId>>>,
    pub comparison: Option<Rc<Comparison>>,
    pub pack: Option<Rc<[u8]>>,
}

impl Shown {
    fn empty() -> Shown {
        Shown {
            corpus: Rc::default(),
            index: Rc::default(),
            chronological: None,
            comparison: None,
            pack: None,
        }
    }

    /// A corpus given whole (small: the seeds, a test's), indexed at once.
    fn given(
        corpus: Rc<Corpus>,
        comparison: Option<Rc<Comparison>>,
        pack: Option<Rc<[u8]>>,
    ) -> Shown {
        Shown {
            index: Rc::new(SearchIndex::build(&corpus)),
            chronological: None,
            corpus,
            comparison,
            pack,
        }
    }

    fn opened(o: &Opened) -> Shown {
        Shown {
            corpus: o.corpus.clone(),
            index: o.index.clone(),
            chronological: Some(o.chronological.clone()),
            comparison: Some(o.comparison.clone()),
            pack: Some(o.pack.clone()),
        }
    }
}

/// The embedded seeds (a corpus file made at build time: nothing is extracted).
fn seeds() -> Shown {
    match crate::built_seed_pack() {
        Some(p) => Shown::given(
            Rc::new(p.corpus),
            Some(Rc::new(p.comparison)),
            Some(Rc::from(crate::SEED_PACK)),
        ),
        None => Shown::empty(),
    }
}

/// What is shown: the corpus `given` to the app if any; else by `source`, the
/// workspace's corpus as `built` (the last one stays until the next is built; the seeds
/// if the worker failed), nothing while `waiting` (the store being read, the first
/// build), or the opened file.
#[hook]
pub fn use_shown(
    given: Option<(CorpusHandle, Option<Rc<Comparison>>)>,
    workspace: Rc<Workspace>,
    source: Source,
    built: Option<Rc<Opened>>,
    waiting: bool,
) -> Rc<Shown> {
    use_memo(
        (workspace, source, built, waiting),
        move |(ws, src, built, waiting)| match (given, src) {
            (Some((c, comparison)), _) => Shown::given(c.0, comparison, None),
            // (Until the store is read, as while it builds: nothing.)
            (None, Source::Workspace) if *waiting && !needs_worker(ws) => Shown::empty(),
            (None, Source::Opened(o)) => Shown::opened(o),
            (None, Source::Workspace) if needs_worker(ws) => match built {
                // (Until the new one is built, the last one stays.)
                Some(o) => Shown::opened(o),
                None if *waiting => Shown::empty(),
                // The worker failed: the seeds stay usable meanwhile.
                None if ws.mode == Mode::WithSeeds => seeds(),
                None => Shown::empty(),
            },
            (None, Source::Workspace) if ws.mode == Mode::WithSeeds => seeds(),
            (None, _) => Shown::empty(),
        },
    )
}
