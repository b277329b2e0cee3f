//! The loader worker's work, in plain Rust (no web types, so native tests run it): each
//! article read and extracted once by content key (a rebuild after an edit or a load
//! re-extracts only what changed), the corpus of a workspace assembled from them, and
//! that corpus written as a corpus file for the page.

use quoteline_core::corpus::{compare, topics, Corpus, Input, Prepared};
use quoteline_core::formats::ingest::ingest;
use quoteline_core::formats::pack;
use quoteline_core::formats::workspace::StoredArticle;
use std::collections::HashMap;

/// What the page's corpus files say made them.
pub const GENERATOR: &str = "quoteline (the browser's loader worker)";

/// Extracted articles by content key, and the seeds extracted once.
#[derive(Default)]
pub struct Engine {
    prepared: HashMap<u64, Prepared>,
    seeds: Option<Vec<Prepared>>,
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

/// A file of a load as an article to store, with notes for the user (each naming the
/// file), or why it is refused.
pub fn read(name: &str, bytes: &[u8]) -> Result<(StoredArticle, Vec<String>), String> {
    let got = ingest(name, bytes).map_err(|e| e.to_string())?;
    let notes = got.notes.iter().map(|n| format!("{name}: {n}")).collect();
    let article = StoredArticle {
        name: got.name,
        text: got.text,
        meta: got.meta,
    };
    Ok((article, notes))
}

impl Engine {
    /// Extracts `a` unless it is extracted already; `starting` is told first.
    pub fn warm(&mut self, a: &StoredArticle, starting: &mut dyn FnMut(&str)) {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.prepared.entry(key_of(a)) {
            starting(&a.name);
            slot.insert(prepare(a));
        }
    }

    /// The corpus of the seeds (if `with_seeds`) and `articles`, in that order; each
    /// article not extracted yet is named to `starting` before its extraction. Forgets
    /// the extractions of articles no longer in use.
    pub fn build(
        &mut self,
        with_seeds: bool,
        articles: &[StoredArticle],
        starting: &mut dyn FnMut(&str),
    ) -> Corpus {
        let mut preps: Vec<Prepared> = Vec::new();
        if with_seeds {
            let seeds = self.seeds.get_or_insert_with(|| {
                let built = crate::built_seed_corpus().unwrap_or_default();
                crate::seed_inputs(&built)
                    .into_iter()
                    .map(Corpus::prepare)
                    .collect()
            });
            preps.extend(seeds.iter().cloned());
        }
        let keys: Vec<u64> = articles.iter().map(key_of).collect();
        for (a, k) in articles.iter().zip(&keys) {
            self.warm(a, starting);
            if let Some(p) = self.prepared.get(k) {
                preps.push(p.clone());
            }
        }
        let in_use: std::collections::HashSet<u64> = keys.iter().copied().collect();
        self.prepared.retain(|k, _| in_use.contains(k));
        Corpus::assemble(preps)
    }
}

/// A corpus as a corpus file, with its cross-outlet groups (what the page opens).
pub fn pack(corpus: &Corpus) -> Vec<u8> {
    let cmp = compare::compare(corpus, compare::GROUP_THRESHOLD);
    pack::encode(corpus, &cmp, &topics::names(), GENERATOR)
}

/// The framing of a corpus file, or why the file cannot be read.
pub fn framing(pack_bytes: &[u8]) -> Result<quoteline_core::corpus::framing::Framing, String> {
    let p = pack::decode(pack_bytes, &topics::names()).map_err(|e| e.to_string())?;
    Ok(quoteline_core::corpus::framing::framing(&p.corpus))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_reuses_what_a_load_extracted_and_packs_what_the_page_opens() {
        let (a, notes) = read(
            "a.txt",
            "\"We are ready,\" said Governor Tom Hale.\n".as_bytes(),
        )
        .expect("text");
        assert!(notes.is_empty());
        let mut e = Engine::default();
        let mut named = Vec::new();
        e.warm(&a, &mut |n| named.push(n.to_string()));
        let c = e.build(false, std::slice::from_ref(&a), &mut |n| {
            named.push(n.to_string())
        });
        assert_eq!(named, ["a.txt"], "extracted once");
        assert_eq!(c.articles.len(), 1);
        let p = pack::decode(&pack(&c), &topics::names()).expect("the page can open it");
        assert_eq!(p.corpus.entries.len(), c.entries.len());
        assert!(read("x.png", b"\x89PNG\r\n\x1a\n\0\0").is_err());
        let f = framing(&pack(&c)).expect("the framing of a corpus file");
        assert_eq!(f.frames.len(), 1);
        assert!(framing(b"not a corpus file").is_err());
    }
}
