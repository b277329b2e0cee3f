//! Word-level diffs of two renderings: what one outlet's words add, drop and keep of
//! another's.

use super::words::words;

/// One piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diff {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// Word-level diff of `a` into `b` (longest common subsequence on folded words, shown
/// with the original words).
// Cannot panic: `i < n` and `j < m` index `wa`/`ka` (`n` words) and `wb`/`kb` (`m`), and
// the table has `(n + 1) × (m + 1)` cells, read at most at `i + 1` and `j + 1`.
#[allow(clippy::indexing_slicing)]
pub fn word_diff(a: &str, b: &str) -> Vec<Diff> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let key = |w: &str| words(w).join(" ");
    let (ka, kb): (Vec<String>, Vec<String>) = (
        wa.iter().map(|w| key(w)).collect(),
        wb.iter().map(|w| key(w)).collect(),
    );
    let (n, m) = (wa.len(), wb.len());
    if n * m > 4_000_000 {
        return vec![Diff::Deleted(a.to_string()), Diff::Inserted(b.to_string())];
    }
    let mut l = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            l[i][j] = if ka[i] == kb[j] {
                l[i + 1][j + 1] + 1
            } else {
                l[i + 1][j].max(l[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<Diff> = Vec::new();
    let mut push = |d: Diff| match (out.last_mut(), d) {
        (Some(Diff::Same(s)), Diff::Same(t))
        | (Some(Diff::Deleted(s)), Diff::Deleted(t))
        | (Some(Diff::Inserted(s)), Diff::Inserted(t)) => {
            s.push(' ');
            s.push_str(&t);
        }
        (_, d) => out.push(d),
    };
    while i < n && j < m {
        if ka[i] == kb[j] {
            push(Diff::Same(wb[j].to_string()));
            i += 1;
            j += 1;
        } else if l[i + 1][j] >= l[i][j + 1] {
            push(Diff::Deleted(wa[i].to_string()));
            i += 1;
        } else {
            push(Diff::Inserted(wb[j].to_string()));
            j += 1;
        }
    }
    while i < n {
        push(Diff::Deleted(wa[i].to_string()));
        i += 1;
    }
    while j < m {
        push(Diff::Inserted(wb[j].to_string()));
        j += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_inserted_deleted_and_changed_words() {
        let d = word_diff(
            "We have largely finished the security protocols,",
            "We think we’re largely finished with security protocols…",
        );
        assert!(d.contains(&Diff::Same("largely finished".into())));
        assert!(d
            .iter()
            .any(|x| matches!(x, Diff::Deleted(s) if s.contains("have"))));
        assert!(d
            .iter()
            .any(|x| matches!(x, Diff::Inserted(s) if s.contains("think"))));
        assert_eq!(
            word_diff("a b c", "a b c"),
            vec![Diff::Same("a b c".into())]
        );
    }
}
