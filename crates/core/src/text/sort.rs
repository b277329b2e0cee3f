//! One sort for what the explorer runs: the standard library's sorts are generic, so each
//! element type and comparator used to add its own copy of the sorting code to the page's
//! wasm. Here the sorting itself is one function over indices with a `&dyn` comparator
//! ([`order`]); [`sort_by`] orders a slice with it and then moves the elements into
//! place by swaps, the only code made per element type. Lists of numbers have a sort of
//! their own ([`sort_numbers`]), in place: the timeline sorts one per mark.

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp`, equal ones in index order (a stable order).
#[inline(never)]
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // (The stable sort: it finds the runs already in order, which the timeline's marks
    // and a day's ids mostly are, where the unstable one sorts them again.)
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Whether the indices `0..n` are in order by `cmp` already.
#[inline(never)]
fn in_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> bool {
    (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater)
}

/// Sorts `items` by `cmp`, stably (as `slice::sort_by`). A slice in order already is
/// left as it is after one pass, without allocating (a day's ids, the marks of a lane).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let by_index = |a: usize, b: usize| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => a.cmp(&b),
    };
    if in_order(items.len(), &by_index) {
        return;
    }
    let mut order = order(items.len(), &by_index);
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// Sorts numbers (ids, offsets) in place: no index array, no comparator behind a
/// pointer, for the sorts run per mark when the timeline zooms. (Numbers that are equal
/// are alike, so unstable is stable here.)
#[inline(never)]
pub fn sort_numbers(items: &mut [usize]) {
    items.sort_unstable();
}

/// Sorts packed keys (the timeline's time order, one `u64` a statement) in place, as
/// numbers: no comparator behind a pointer. (Each key is distinct, so unstable is
/// stable here.)
#[inline(never)]
pub fn sort_keys(items: &mut [u64]) {
    items.sort_unstable();
}

/// Sorts `items` in their natural order, stably (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by the key `key` gives each, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Puts the element at `order[k]` at `k`, for every `k`, through `swap` (one cycle of
/// the permutation at a time; `order` is used up to mark the places done). `order` must
/// be a permutation of `0..order.len()`, as [`order`] gives.
#[inline(never)]
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let next = std::mem::replace(slot, at);
            if next == at || next == start {
                break;
            }
            swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small deterministic pseudo-random numbers (xorshift).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    // (`slice::sort_by` itself is what `sort_by` is held to.)
    #[allow(clippy::unnecessary_sort_by)]
    fn the_same_order_as_the_standard_stable_sort() {
        for (seed, n, modulo) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (4, 17, 3),
            (5, 300, 10),
            (6, 1000, 1000),
        ] {
            // Pairs whose second half tells apart the elements the comparator holds equal.
            let items: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut ours = items.clone();
            let mut std_sorted = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, std_sorted, "seed {seed}, {n} items");
            let mut rev = items.clone();
            let mut std_rev = items;
            sort_by_key(&mut rev, |a| std::cmp::Reverse(a.0));
            std_rev.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(rev, std_rev, "seed {seed}, reversed");
        }
    }

    #[test]
    fn sorted_and_reversed_input_and_strings() {
        let mut up: Vec<u32> = (0..50).collect();
        sort(&mut up);
        assert_eq!(up, (0..50).collect::<Vec<_>>());
        let mut down: Vec<u32> = (0..50).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..50).collect::<Vec<_>>());
        let mut words = vec![
            "pear".to_string(),
            "apple".into(),
            "fig".into(),
            "apple".into(),
        ];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }

    #[test]
    fn order_breaks_ties_by_index() {
        let keys = [2, 1, 2, 1, 0];
        assert_eq!(
            order(keys.len(), &|a, b| keys[a].cmp(&keys[b])),
            [4, 1, 3, 0, 2]
        );
    }
}
