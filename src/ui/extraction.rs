//! The corpus of a workspace and the extraction cache behind it: each article extracted
//! once by content key (a rebuild after an edit or a load re-extracts only what changed,
//! and the loader extracts ahead while its progress shows), under the containment of
//! [`super::guard`] (an article that panics is named, and set aside after a reload).

use quoteline_core::corpus::{Corpus, Input, Prepared};
use quoteline_core::formats::workspace::{Mode, StoredArticle, Workspace};

thread_local! {
    /// Extracted articles by content key, so a rebuild after an edit or a load re-extracts
    /// only what changed (and the loader can extract one file per tick ahead of time).
    static PREPARED: std::cell::RefCell<std::collections::HashMap<u64, Prepared>> = Default::default();
    static SEEDS_PREPARED: std::cell::RefCell<Option<Vec<Prepared>>> = const { std::cell::RefCell::new(None) };
}

fn key_of(a: &StoredArticle) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    a.name.hash(&mut h);
    a.text.hash(&mut h);
    a.meta.fields().hash(&mut h);
    h.finish()
}

fn prepare(a: &StoredArticle) -> Prepared {
    Corpus::prepare(Input {
        name: &a.name,
        text: &a.text,
        meta: a.meta.clone(),
    })
}

/// Extracts a loaded article ahead of the corpus rebuild (`saved`: it is in storage
/// already). If it panics, the banner names it and a reload sets it aside.
pub fn warm(a: &StoredArticle, saved: bool) {
    let k = key_of(a);
    if !PREPARED.with(|c| c.borrow().contains_key(&k)) {
        let p = super::guard::reading(a, saved, || prepare(a));
        PREPARED.with(|c| c.borrow_mut().insert(k, p));
    }
}

/// The corpus of a workspace: the seeds (unless it stands alone) and its articles.
pub fn build_corpus(ws: &Workspace) -> Corpus {
    // The seeds alone (how the app opens): as build.rs extracted them, read in about a
    // millisecond instead of extracted again (about 70 ms of the start-up).
    if ws.mode == Mode::WithSeeds && ws.articles.is_empty() {
        if let Some(c) = crate::built_seed_corpus() {
            PREPARED.with(|c| c.borrow_mut().clear());
            return c;
        }
    }
    let mut preps: Vec<Prepared> = Vec::new();
    if ws.mode == Mode::WithSeeds {
        SEEDS_PREPARED.with(|s| {
            let mut s = s.borrow_mut();
            preps.extend(
                s.get_or_insert_with(|| {
                    let built = crate::built_seed_corpus().unwrap_or_default();
                    crate::seed_inputs(&built)
                        .into_iter()
                        .map(Corpus::prepare)
                        .collect()
                })
                .iter()
                .cloned(),
            );
        });
    }
    // An article that made the page die is set aside for the session (still saved).
    let articles: Vec<&StoredArticle> = ws
        .articles
        .iter()
        .filter(|a| !super::guard::is_set_aside(&a.name))
        .collect();
    let keys: Vec<u64> = articles.iter().map(|a| key_of(a)).collect();
    for (a, k) in articles.iter().zip(&keys) {
        warm(a, true);
        if let Some(p) = PREPARED.with(|c| c.borrow().get(k).cloned()) {
            preps.push(p);
        }
    }
    let in_use: std::collections::HashSet<u64> = keys.iter().copied().collect();
    PREPARED.with(|c| c.borrow_mut().retain(|k, _| in_use.contains(k)));
    Corpus::assemble(preps)
}
