//! Facet orders: the speaker, outlet and topic facets and the timeline's lanes list the
//! biggest count first, then by name.

/// Indices `0..counts.len()`, the biggest count first, then by name, then by index (the
/// speaker facet's order and the timeline's lanes).
/// (`names` shorter than `counts` sorts the unnamed ones as if named "".)
pub fn order_by_count_then_name(counts: &[usize], names: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..counts.len()).collect();
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let name = |i: usize| names.get(i).copied().unwrap_or("");
    order.sort_unstable_by(|&a, &b| {
        count(b)
            .cmp(&count(a))
            .then(name(a).cmp(name(b)))
            .then(a.cmp(&b))
    });
    order
}
