//! The cross-outlet groups of format 4: in group shards (`groups-NNNNN.bin`) by group
//! number, out of the root (the first view does not need them; opening a statement
//! fetches the shard of its group), and each statement's group number, which its
//! statement shard holds.

use super::file::{emit_file, push_len, push_postcard, shard_head, Files};
use super::types::*;
use crate::corpus::compare::Group;

/// Each statement's group number (its group's place in `groups`), by statement number.
pub(super) fn group_of(groups: &[Group], statements: usize) -> Vec<Option<u32>> {
    let mut of = vec![None; statements];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            if let Some(slot) = of.get_mut(m) {
                slot.get_or_insert(g as u32);
            }
        }
    }
    of
}

/// Writes the groups (members as statement numbers) into shards of about `limit`
/// bytes, and answers the shard table.
pub(super) fn write_groups(
    groups: &[Group],
    limit: usize,
    sink: &mut Files<'_>,
) -> Result<Vec<GroupShardInfo>, String> {
    let mut out: Vec<GroupShardInfo> = Vec::new();
    let mut body = Vec::new();
    let mut count = 0usize;
    let mut first = 0u64;
    let mut cut = |body: &mut Vec<u8>, count: &mut usize| -> Result<(), String> {
        let mut bytes = shard_head(Kind::Groups);
        push_len(&mut bytes, *count);
        bytes.append(body);
        let file = emit_file(sink, Kind::Groups.name(out.len()), bytes)?;
        out.push(GroupShardInfo {
            file,
            first,
            count: *count as u64,
        });
        first += *count as u64;
        *count = 0;
        Ok(())
    };
    for g in groups {
        push_postcard(&mut body, g)?;
        count += 1;
        if body.len() >= limit {
            cut(&mut body, &mut count)?;
        }
    }
    if count > 0 {
        cut(&mut body, &mut count)?;
    }
    Ok(out)
}
