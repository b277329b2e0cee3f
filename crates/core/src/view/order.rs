//! Orders by count: the facets and the timeline's lanes list the biggest count first,
//! then by name. (A leaf: the search index, the facet counts and the lanes all use it.)

/// Indices `0..counts.len()`, the biggest count first, then by name, then by index (the
/// speaker facet's order and the timeline's lanes).
/// (`names` shorter than `counts` sorts the unnamed ones as if named "".)
pub fn order_by_count_then_name(counts: &[usize], names: &[&str]) -> Vec<usize> {
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let name = |i: usize| names.get(i).copied().unwrap_or("");
    // (`order` breaks the ties by index.)
    crate::text::sort::order(counts.len(), &|a, b| {
        count(b).cmp(&count(a)).then(name(a).cmp(name(b)))
    })
}

/// Facet values: the biggest count first, then by name. (One function for every facet,
/// so the wasm holds one copy of the sort.)
pub fn by_count_then_name(a: &(String, usize), b: &(String, usize)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}
