//! The outlet vocabulary of format 4: ranked so that the root names only the first few
//! hundred outlets (the most statements first) with their counts, and written the rest,
//! by name, into outlet chunks (`outlets-NNNNN.bin`), each outlet with its count in every
//! statement shard, so an outlet selection's total stays exact. An archive drawn from
//! thousands of sites would otherwise hold tens of thousands of outlets, and their
//! counts in every shard, in its root.

use super::file::{emit_file, push_len, push_postcard, shard_head, Files};
use super::types::*;

/// Each outlet's position in the ranked vocabulary (by its number in `names`): the
/// first `top` by statements, the most first, then by name; then the rest by name.
pub(super) fn ranking(names: &[String], counts: &[u64], top: usize) -> Vec<u32> {
    let count = |o: usize| counts.get(o).copied().unwrap_or(0);
    let name = |o: usize| names.get(o).map_or("", String::as_str);
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| count(b).cmp(&count(a)).then(name(a).cmp(name(b))));
    let top = top.min(order.len());
    if let Some(rest) = order.get_mut(top..) {
        rest.sort_by(|&a, &b| name(a).cmp(name(b)).then(a.cmp(&b)));
    }
    let mut position = vec![0u32; names.len()];
    for (p, &o) in order.iter().enumerate() {
        if let Some(slot) = position.get_mut(o) {
            *slot = p as u32;
        }
    }
    position
}

/// Writes the outlets past the first `top` (of `names`, ranked) into chunks of about
/// `limit` bytes, with their counts in each statement shard (`per_shard`: each shard's
/// counts of those outlets by position). Answers the chunk table and their totals.
pub(super) fn write_others(
    names: &[String],
    top: usize,
    per_shard: &[Counts],
    limit: usize,
    sink: &mut Files<'_>,
) -> Result<(Vec<ChunkInfo>, Others), String> {
    let top = top.min(names.len());
    let mut others: Vec<OtherOutlet> = (names.get(top..).unwrap_or_default().iter())
        .enumerate()
        .map(|(k, name)| OtherOutlet {
            position: (top + k) as u32,
            name: name.clone(),
            statements: 0,
            shards: Vec::new(),
        })
        .collect();
    for (s, counts) in per_shard.iter().enumerate() {
        for &(o, n) in counts {
            if let Some(x) = (o as usize)
                .checked_sub(top)
                .and_then(|k| others.get_mut(k))
            {
                x.statements += n;
                x.shards.push((s as u32, n));
            }
        }
    }
    let totals = Others {
        values: others.len() as u64,
        statements: others.iter().map(|o| o.statements).sum(),
    };
    let mut chunks = Vec::new();
    let mut body = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut cut = |body: &mut Vec<u8>, run: &mut Vec<&str>| -> Result<(), String> {
        let mut bytes = shard_head(Kind::Outlets);
        push_len(&mut bytes, run.len());
        bytes.append(body);
        let file = emit_file(sink, Kind::Outlets.name(chunks.len()), bytes)?;
        chunks.push(ChunkInfo {
            file,
            first: run.first().map_or_else(String::new, |s| s.to_string()),
            last: run.last().map_or_else(String::new, |s| s.to_string()),
        });
        run.clear();
        Ok(())
    };
    for o in &others {
        push_postcard(&mut body, o)?;
        run.push(&o.name);
        if body.len() >= limit {
            cut(&mut body, &mut run)?;
        }
    }
    if !run.is_empty() {
        cut(&mut body, &mut run)?;
    }
    Ok((chunks, totals))
}
