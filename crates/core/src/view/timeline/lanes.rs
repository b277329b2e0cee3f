//! The timeline's lanes: statements grouped by speaker or outlet (the biggest lanes
//! first, the rest folded into "others"), then by day and precision, in time order
//! ([`Aggregate`], the part of a layout that does not depend on the view).

use crate::corpus::dates::Precision;
use crate::corpus::{Corpus, StatementId};
use crate::text::sort::sort;
use crate::view::order::order_by_count_then_name;

/// What the lanes group by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    #[default]
    Speaker,
    Outlet,
}

impl LaneBy {
    pub fn as_str(self) -> &'static str {
        match self {
            LaneBy::Speaker => "speaker",
            LaneBy::Outlet => "outlet",
        }
    }
    pub fn parse(s: &str) -> Option<LaneBy> {
        match s {
            "speaker" => Some(LaneBy::Speaker),
            "outlet" => Some(LaneBy::Outlet),
            _ => None,
        }
    }
}

/// Lanes shown; the rest are folded into "others".
pub const MAX_LANES: usize = 10;

/// The part of a layout that does not depend on the view: the lanes, and the statements
/// grouped by lane, day and precision. Zooming and panning reuse it
/// ([`layout_view`](crate::view::timeline::layout::layout_view)).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aggregate {
    /// Lane name and its number of statements (dated and undated).
    pub lanes: Vec<(String, usize)>,
    /// Dated statements by (lane, day, precision), in that order; each group in article
    /// order.
    pub groups: Vec<((usize, i64, Precision), Vec<StatementId>)>,
    /// Undated statements per lane.
    pub undated: Vec<Vec<StatementId>>,
}

/// The lane name of a statement (`None` for an id or an index not in the corpus).
fn lane_key(corpus: &Corpus, id: StatementId, by: LaneBy) -> Option<&str> {
    let e = corpus.entries.get(id)?;
    match by {
        LaneBy::Speaker => corpus.speakers.get(e.speaker).map(|s| s.name.as_str()),
        LaneBy::Outlet => corpus.articles.get(e.article).map(|a| a.outlet.as_str()),
    }
}

/// The corpus's dated statements in time order: by day, precision and statement (what
/// [`aggregate_in`] groups by within a lane). Once per corpus.
pub fn chronological(corpus: &Corpus) -> Vec<StatementId> {
    in_time_order(
        corpus
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.when.is_known())
            .map(|(id, e)| (e.when.day, e.when.precision, id))
            .collect(),
    )
}

/// Bits of a [`packed`] key that hold the statement.
const ID_BITS: u32 = 24;

/// `(day, precision, statement)` as one number in the same order, when it fits (a day
/// within 2^31 of 1970, fewer than 2^24 statements): the day's bits with the sign
/// flipped (so negative days come first), then the precision, then the statement.
fn packed((day, precision, id): (i64, Precision, StatementId)) -> Option<u64> {
    let day = i32::try_from(day).ok()?;
    let id = u64::try_from(id).ok().filter(|&id| id < 1 << ID_BITS)?;
    let day = u64::from((day as u32) ^ 0x8000_0000);
    Some(day << 32 | (precision as u64) << ID_BITS | id)
}

/// The statements of `dated` in time order: sorted as packed numbers when they all fit
/// (a tenth of the comparator sort's time at 44,000 statements: that sort was a 45 ms
/// task when a large corpus opened), by the tuples otherwise.
fn in_time_order(mut dated: Vec<(i64, Precision, StatementId)>) -> Vec<StatementId> {
    if let Some(mut keys) = dated
        .iter()
        .map(|&d| packed(d))
        .collect::<Option<Vec<u64>>>()
    {
        crate::text::sort::sort_keys(&mut keys);
        let mask = (1u64 << ID_BITS) - 1;
        return keys
            .into_iter()
            .map(|k| (k & mask) as StatementId)
            .collect();
    }
    sort(&mut dated);
    dated.into_iter().map(|(_, _, id)| id).collect()
}

/// Groups `ids` (already filtered) into lanes and days.
pub fn aggregate(corpus: &Corpus, ids: &[StatementId], by: LaneBy) -> Aggregate {
    aggregate_in(corpus, ids, by, &chronological(corpus))
}

/// [`aggregate`] given the corpus's [`chronological`] order, kept across calls: the
/// statements are then grouped in one pass over that order instead of sorted at each
/// search or facet click.
pub fn aggregate_in(
    corpus: &Corpus,
    ids: &[StatementId],
    by: LaneBy,
    chronological: &[StatementId],
) -> Aggregate {
    // Lanes: the biggest first; the rest folded into "others". (Ids or indices not in
    // the corpus, which a checked corpus and its results never hold, are left out.)
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    // Each statement's lane key by its speaker's or article's index, so a name is hashed
    // once per speaker or article rather than once per statement.
    let source = |id: StatementId| {
        corpus.entries.get(id).map(|e| match by {
            LaneBy::Speaker => e.speaker,
            LaneBy::Outlet => e.article,
        })
    };
    let mut key_of_source = vec![
        usize::MAX;
        match by {
            LaneBy::Speaker => corpus.speakers.len(),
            LaneBy::Outlet => corpus.articles.len(),
        }
    ];
    let mut key_of: Vec<Option<usize>> = vec![None; ids.len()];
    for (&id, key) in ids.iter().zip(key_of.iter_mut()) {
        let Some(slot) = source(id).and_then(|src| key_of_source.get_mut(src)) else {
            continue;
        };
        if *slot == usize::MAX {
            let Some(k) = lane_key(corpus, id, by) else {
                continue;
            };
            *slot = *index.entry(k).or_insert_with(|| {
                counts.push((k.to_string(), 0));
                counts.len() - 1
            });
        }
        if let Some(c) = counts.get_mut(*slot) {
            c.1 += 1;
            *key = Some(*slot);
        }
    }
    let order = order_by_count_then_name(
        &counts.iter().map(|c| c.1).collect::<Vec<_>>(),
        &counts.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
    );
    let mut lane_of = vec![0usize; counts.len()];
    let mut lanes: Vec<(String, usize)> = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let (Some(count), Some(lane)) = (counts.get(i), lane_of.get_mut(i)) else {
            continue;
        };
        if rank < MAX_LANES || counts.len() == MAX_LANES + 1 {
            *lane = lanes.len();
            lanes.push(count.clone());
        } else {
            if lanes.len() == MAX_LANES {
                lanes.push((format!("{} others", counts.len() - MAX_LANES), 0));
            }
            *lane = MAX_LANES;
            if let Some(others) = lanes.get_mut(MAX_LANES) {
                others.1 += count.1;
            }
        }
    }
    // Each result's lane (none: not a result), then the dated ones lane by lane in time
    // order, the undated ones in the order given.
    let mut lane_of_id = vec![u32::MAX; corpus.entries.len()];
    let mut undated = vec![Vec::new(); lanes.len()];
    for (&id, key) in ids.iter().zip(&key_of) {
        let (Some(&lane), Some(e)) = (key.and_then(|k| lane_of.get(k)), corpus.entries.get(id))
        else {
            continue;
        };
        if e.when.is_known() {
            if let Some(slot) = lane_of_id.get_mut(id) {
                *slot = lane as u32;
            }
        } else if let Some(u) = undated.get_mut(lane) {
            u.push(id);
        }
    }
    let mut by_lane: Vec<Vec<StatementId>> = vec![Vec::new(); lanes.len()];
    for &id in chronological {
        if let Some(l) = lane_of_id
            .get(id)
            .and_then(|&lane| by_lane.get_mut(lane as usize))
        {
            l.push(id);
        }
    }
    let mut groups: Vec<((usize, i64, Precision), Vec<StatementId>)> = Vec::new();
    for (lane, in_lane) in by_lane.into_iter().enumerate() {
        for id in in_lane {
            let Some(w) = corpus.entries.get(id).map(|e| e.when) else {
                continue;
            };
            let key = (lane, w.day, w.precision);
            match groups.last_mut() {
                Some((k, g)) if *k == key => g.push(id),
                _ => groups.push((key, vec![id])),
            }
        }
    }
    Aggregate {
        lanes,
        groups,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_keys_sort_as_the_tuples_do_and_the_rest_fall_back() {
        let days = [
            i64::MIN,
            -800_000,
            -1,
            0,
            1,
            20_459,
            i32::MAX as i64,
            i64::MAX,
        ];
        let precisions = [
            Precision::Day,
            Precision::Unknown,
            Precision::Month,
            Precision::Year,
        ];
        let mut dated = Vec::new();
        for (i, &day) in days.iter().enumerate() {
            for (j, &p) in precisions.iter().enumerate() {
                // Ids out of order, and one past what a key holds.
                dated.push((day, p, (i * 7 + j * 13) % 41 + 1));
            }
        }
        let by_tuples = |mut d: Vec<(i64, Precision, StatementId)>| {
            d.sort();
            d.into_iter().map(|(_, _, id)| id).collect::<Vec<_>>()
        };
        // Days that fit: the packed keys.
        let fits: Vec<_> = dated
            .iter()
            .copied()
            .filter(|&(d, _, _)| i32::try_from(d).is_ok())
            .collect();
        assert!(fits.iter().all(|&d| packed(d).is_some()));
        assert_eq!(in_time_order(fits.clone()), by_tuples(fits));
        // A day or an id out of range: the tuples, the same order.
        assert_eq!(packed((i64::MAX, Precision::Day, 0)), None);
        assert_eq!(packed((0, Precision::Day, 1 << ID_BITS)), None);
        assert_eq!(in_time_order(dated.clone()), by_tuples(dated.clone()));
        let mut big = dated;
        big.push((0, Precision::Day, 1 << ID_BITS));
        assert_eq!(in_time_order(big.clone()), by_tuples(big));
    }

    /// What `aggregate_in` groups as, by sorting (lane, day, precision, statement).
    fn groups_by_sorting(
        corpus: &Corpus,
        ids: &[StatementId],
        agg: &Aggregate,
        by: LaneBy,
    ) -> Vec<((usize, i64, Precision), Vec<StatementId>)> {
        let lane_named = |name: &str| agg.lanes.iter().position(|(n, _)| n == name);
        let others = agg.lanes.len().saturating_sub(1);
        let mut dated: Vec<(usize, i64, Precision, StatementId)> = ids
            .iter()
            .filter(|&&id| corpus.entries[id].when.is_known())
            .map(|&id| {
                let lane = lane_key(corpus, id, by)
                    .and_then(lane_named)
                    .unwrap_or(others);
                let w = corpus.entries[id].when;
                (lane, w.day, w.precision, id)
            })
            .collect();
        dated.sort_unstable();
        let mut groups: Vec<((usize, i64, Precision), Vec<StatementId>)> = Vec::new();
        for (lane, day, precision, id) in dated {
            match groups.last_mut() {
                Some((key, g)) if *key == (lane, day, precision) => g.push(id),
                _ => groups.push(((lane, day, precision), vec![id])),
            }
        }
        groups
    }

    #[test]
    fn grouping_in_time_order_is_grouping_by_sorting() {
        use crate::synth::{generate, SynthArticle, SynthParams};
        let arts = generate(&SynthParams {
            seed: 5,
            events: 300,
            outlets_per_event: 3,
            paragraphs: 2,
        })
        .unwrap();
        let c = Corpus::build(arts.iter().map(SynthArticle::input).collect());
        let chrono = chronological(&c);
        let n = c.entries.len();
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..40 {
            // All statements, or a random subset in a random order (results come sorted
            // in any of the list's orders).
            let mut ids: Vec<usize> = (0..n)
                .filter(|_| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    round == 0 || rng % 3 == 0
                })
                .collect();
            if round % 2 == 1 {
                ids.reverse();
            }
            for by in [LaneBy::Speaker, LaneBy::Outlet] {
                let agg = aggregate_in(&c, &ids, by, &chrono);
                assert_eq!(
                    agg.groups,
                    groups_by_sorting(&c, &ids, &agg, by),
                    "round {round}"
                );
                let undated: usize = agg.undated.iter().map(Vec::len).sum();
                let dated: usize = agg.groups.iter().map(|(_, g)| g.len()).sum();
                assert_eq!(dated + undated, ids.len());
            }
        }
    }
}
