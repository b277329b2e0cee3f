//! A summary's counts in a compact form, the Rust shapes unchanged: one flat array
//! `[value, count, value's distance from the one before, count, ...]`. Values are
//! ascending, so the distances are small numbers (in the root's JSON up to format 3, a
//! pair each was about twice the bytes; format 4 keeps the summaries in their own
//! postcard file, where small numbers are one byte).

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `#[serde(with = "counts")]` for a summary's counts by value, values ascending.
pub mod counts {
    use super::*;

    pub fn serialize<S: Serializer, K: Copy + Into<i64>>(
        counts: &[(K, u64)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut flat: Vec<i64> = Vec::with_capacity(counts.len() * 2);
        let mut prev = 0i64;
        for &(k, n) in counts {
            let k: i64 = k.into();
            flat.push(k.saturating_sub(prev));
            flat.push(i64::try_from(n).unwrap_or(i64::MAX));
            prev = k;
        }
        flat.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, K: TryFrom<i64>>(
        d: D,
    ) -> Result<Vec<(K, u64)>, D::Error> {
        let flat: Vec<i64> = Vec::deserialize(d)?;
        if flat.len() % 2 != 0 {
            return Err(D::Error::custom("counts are pairs of a value and a count"));
        }
        let bad = || D::Error::custom("counts' values must ascend and their counts be positive");
        let mut out = Vec::with_capacity(flat.len() / 2);
        let mut prev = 0i64;
        for (i, pair) in flat.chunks_exact(2).enumerate() {
            let (&[gap, n], true) = (pair, i == 0 || pair.first().is_some_and(|&g| g > 0)) else {
                return Err(bad());
            };
            prev = prev.checked_add(gap).ok_or_else(bad)?;
            let k = K::try_from(prev).map_err(|_| bad())?;
            out.push((k, u64::try_from(n).map_err(|_| bad())?));
        }
        Ok(out)
    }
}
