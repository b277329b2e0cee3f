//! Content words weighted by rarity across the statements (idf), so that words every
//! statement shares ("security", "Ukraine") count for less than distinctive ones, and
//! the tests of whether two statements read as renderings of one utterance.

use super::keys::{intersection, Keys};

/// The shared content words (all of a two-word fragment, else at least this many) and
/// more: see [`Weighted::joins`].
const MANY_WORDS: usize = 5;
/// The fraction of the threshold the "many shared words" rule asks for.
const MANY_FACTOR: f64 = 0.8;

pub(super) struct Weighted<'k> {
    pub keys: &'k Keys,
    /// Each word's idf, by its number.
    idf: Vec<f64>,
    /// Each statement's summed weight, once (a set is compared many times as groups
    /// grow).
    totals: Vec<f64>,
}

impl<'k> Weighted<'k> {
    pub fn new(keys: &'k Keys) -> Weighted<'k> {
        let mut df = vec![0usize; keys.vocabulary()];
        for k in &keys.statements {
            for &w in k.content.iter() {
                if let Some(d) = df.get_mut(w as usize) {
                    *d += 1;
                }
            }
        }
        let n = keys.statements.len().max(1) as f64;
        let idf = df
            .into_iter()
            .map(|d| (1.0 + n / d.max(1) as f64).ln())
            .collect();
        let mut weighted = Weighted {
            keys,
            idf,
            totals: Vec::new(),
        };
        weighted.totals = (keys.statements.iter())
            .map(|k| weighted.weight(k.content.iter().copied()))
            .collect();
        weighted
    }

    /// A statement's content words.
    pub fn set(&self, i: usize) -> &'k [u32] {
        self.keys.get(i).map_or(&[][..], |k| &k.content)
    }

    /// The summed idf of some words, added smallest first: a sum of floats in another
    /// order may differ in its last bit, which would move pairs across the threshold and
    /// reorder equal edges, so the same input would group differently.
    fn weight(&self, words: impl Iterator<Item = u32>) -> f64 {
        let mut w: Vec<f64> = words
            .map(|w| self.idf.get(w as usize).copied().unwrap_or(1.0))
            .collect();
        w.sort_by(f64::total_cmp);
        w.into_iter().sum()
    }

    /// (shared content words, idf-weighted overlap of the smaller set).
    pub fn similarity(&self, a: usize, b: usize) -> (usize, f64) {
        let (Some(x), Some(y)) = (self.keys.get(a), self.keys.get(b)) else {
            return (0, 0.0);
        };
        let total = |i: usize, s: &[u32]| {
            self.totals
                .get(i)
                .copied()
                .unwrap_or_else(|| self.weight(s.iter().copied()))
        };
        let small = total(a, &x.content).min(total(b, &y.content));
        if small <= 0.0 {
            return (0, 0.0);
        }
        (
            intersection(&x.content, &y.content).count(),
            self.weight(intersection(&x.content, &y.content)) / small,
        )
    }

    /// Whether two statements read as renderings of one utterance: enough shared words
    /// (all of a two-word fragment, else at least three) and enough weighted overlap, or
    /// many shared words and somewhat less overlap.
    pub fn joins(&self, a: usize, b: usize, threshold: f64) -> Option<f64> {
        let small = match (self.keys.get(a), self.keys.get(b)) {
            (Some(x), Some(y)) => x.content.len().min(y.content.len()),
            _ => return None,
        };
        if small < 2 {
            return None;
        }
        let (shared, sim) = self.similarity(a, b);
        let close = shared >= small.min(3) && sim >= threshold;
        // Long renderings in other words still share many words.
        let long = shared >= MANY_WORDS && sim >= threshold * MANY_FACTOR;
        (close || long).then_some(sim)
    }
}
