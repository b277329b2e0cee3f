//! The root's long tables in a compact JSON form, the Rust shapes unchanged: a group is
//! one array `[canonical's place among the members, outlets, quotes differ (0 or 1),
//! first member, then each member's distance from the one before]`, and a summary's
//! counts one flat array `[value, count, value's distance from the one before, count,
//! ...]`. Members and values are ascending, so the distances are small numbers; a root
//! of the first version spelled each as an object or a pair, about twice the bytes.

use crate::corpus::compare::Group;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `#[serde(with = "groups")]` for the root's group table.
pub mod groups {
    use super::*;

    pub fn serialize<S: Serializer>(groups: &[Group], s: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<Vec<u64>> = groups.iter().map(row).collect();
        rows.serialize(s)
    }

    fn row(g: &Group) -> Vec<u64> {
        let canonical = g.members.iter().position(|&m| m == g.canonical);
        let mut out = vec![
            canonical.unwrap_or(0) as u64,
            g.outlets as u64,
            u64::from(g.quotes_differ),
        ];
        let mut prev = 0;
        for &m in &g.members {
            out.push(m.saturating_sub(prev) as u64);
            prev = m;
        }
        out
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Group>, D::Error> {
        let rows: Vec<Vec<u64>> = Vec::deserialize(d)?;
        rows.iter()
            .enumerate()
            .map(|(i, r)| group(r).ok_or_else(|| D::Error::custom(format!("group {i} is not [canonical, outlets, quotes differ, members...] with its canonical among its members"))))
            .collect()
    }

    fn group(r: &[u64]) -> Option<Group> {
        let [canonical, outlets, differ, gaps @ ..] = r else {
            return None;
        };
        let mut members = Vec::with_capacity(gaps.len());
        let mut at: u64 = 0;
        for (k, &g) in gaps.iter().enumerate() {
            if k > 0 && g == 0 {
                return None;
            }
            at = at.checked_add(g)?;
            members.push(usize::try_from(at).ok()?);
        }
        Some(Group {
            canonical: *members.get(usize::try_from(*canonical).ok()?)?,
            members,
            outlets: usize::try_from(*outlets).ok()?,
            quotes_differ: match differ {
                0 => false,
                1 => true,
                _ => return None,
            },
        })
    }
}

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
