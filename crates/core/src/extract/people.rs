//! The people an article names: one entry per person, merged by surname (`German
//! Chancellor Friedrich Merz`, later `Merz`) and by spelling variant (`Zelenskyy`,
//! `Zelenskiy`), with why each alias was merged. The registry the speaker stages fill and
//! the corpus reuses across articles.

use crate::text::{fold_accent, str_to};

/// Normalises a name for comparison: lower case, common diacritics folded, letters only.
pub fn name_key(s: &str) -> String {
    if s.is_ascii() {
        // The same, for ASCII (which folds to itself) without the per-char case tables.
        let mut key = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b == b' ' {
                key.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return key;
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

/// Edit distance with transpositions, capped: returns `cap + 1` once it is exceeded.
// Cannot panic: `i` runs over `1..=a.len()` and `j` over `1..=b.len()`, every row has
// `b.len() + 1` cells, and the `- 2` indices are read only when `i > 1 && j > 1`.
#[allow(clippy::indexing_slicing)]
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap + 1)
}

/// Whether two surnames are spellings of one name (`Zelenskyy`, `Zelenskiy`, `Zelensky`).
pub fn same_surname(a: &str, b: &str) -> bool {
    same_surname_key(&name_key(a), &name_key(b))
}

fn same_surname_key(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let prefix = |s: &str| s.chars().take(4).collect::<String>();
    a.chars().count() >= 6
        && b.chars().count() >= 6
        && prefix(a) == prefix(b)
        && edit_distance(a, b, 1) <= 1
}

/// Whether a one-word name is a common word (`Republicans`, `One`, `Politics`), which no
/// person's surname stands for.
fn is_common_word(word: &str) -> bool {
    let lex = crate::lexicon::Lexicon::get();
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    lex.unmerged_names.contains(&lower.as_str())
        || lex.unmerged_names.contains(&singular)
        || lex.body_heads.contains(&lower)
        || lex.quantifiers.contains(&lower.as_str())
        || lex.nonnames.contains(word)
}

/// The people an article names, merged by surname, with why each alias was merged.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub entries: Vec<PersonEntry>,
    /// First four letters of the folded surname -> entries (fuzzy matching stays local).
    by_prefix: crate::lexicon::HashMap<String, Vec<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonEntry {
    pub full: String,
    pub role: String,
    pub aliases: Vec<(String, String)>,
    /// `name_key` of the surname and first name, cached.
    surname_key: String,
    first_key: Option<String>,
}

impl PersonEntry {
    pub fn surname(&self) -> &str {
        self.full.split_whitespace().last().unwrap_or("")
    }
    pub fn first(&self) -> Option<&str> {
        let mut w = self.full.split_whitespace();
        let first = w.next();
        w.next().and(first)
    }
}

/// The first four letters of a name key (its bucket in `People::by_prefix`).
fn key_prefix(key: &str) -> &str {
    key.char_indices()
        .nth(4)
        .map_or(key, |(i, _)| str_to(key, i))
}

impl People {
    /// Whether a surname (or spelling variant) is already registered.
    pub fn knows(&self, surname: &str) -> bool {
        let key = name_key(surname);
        self.by_prefix.get(key_prefix(&key)).is_some_and(|b| {
            b.iter()
                .filter_map(|&i| self.entries.get(i))
                .any(|e| same_surname_key(&e.surname_key, &key))
        })
    }

    /// Finds or adds the person for a name, returning the canonical name and role.
    pub fn resolve(&mut self, name: &str, role: &str) -> (String, String) {
        // The first and last words, without collecting the words.
        let mut words = name.split_whitespace();
        let Some(head) = words.next() else {
            return (String::new(), String::new());
        };
        let last = words.next_back();
        if last.is_none() && is_common_word(head) {
            return (name.to_string(), role.to_string());
        }
        let surname = last.unwrap_or(head);
        let first = last.map(|_| head);
        let key = name_key(surname);
        let first_key = first.map(name_key);
        let found = self.by_prefix.get(key_prefix(&key)).and_then(|bucket| {
            bucket.iter().copied().find(|&i| {
                let Some(e) = self.entries.get(i) else {
                    return false;
                };
                same_surname_key(&e.surname_key, &key)
                    && match (&e.first_key, &first_key) {
                        (Some(a), Some(b)) => a == b || (b.len() == 1 && a.starts_with(b.as_str())),
                        _ => true,
                    }
            })
        });
        match found.and_then(|i| self.entries.get_mut(i)) {
            Some(e) => {
                if name.split_whitespace().count() > e.full.split_whitespace().count() {
                    let old = std::mem::replace(&mut e.full, name.to_string());
                    e.surname_key = key.clone();
                    e.first_key = first_key.clone();
                    e.aliases.push((
                        old,
                        "same surname; the longer form names the person in full".into(),
                    ));
                } else if name != e.full && !e.aliases.iter().any(|(a, _)| a == name) {
                    let reason = if key == e.surname_key {
                        "same surname as the full name given earlier".to_string()
                    } else {
                        format!("spelling variant of {} (one letter apart)", e.surname())
                    };
                    e.aliases.push((name.to_string(), reason));
                }
                if e.role.is_empty() && !role.is_empty() {
                    e.role = role.to_string();
                }
                (e.full.clone(), e.role.clone())
            }
            None => {
                self.by_prefix
                    .entry(key_prefix(&key).to_string())
                    .or_default()
                    .push(self.entries.len());
                self.entries.push(PersonEntry {
                    full: name.to_string(),
                    role: role.to_string(),
                    aliases: Vec::new(),
                    surname_key: key,
                    first_key,
                });
                (name.to_string(), role.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_merge() {
        assert!(same_surname("Zelenskyy", "Zelenskiy"));
        assert!(same_surname("Zelenskyy", "Zelensky"));
        assert!(!same_surname("Macron", "Marcon"));
        let mut p = People::default();
        p.resolve("Volodymyr Zelenskyy", "Ukrainian President");
        assert_eq!(p.resolve("Zelensky", "").0, "Volodymyr Zelenskyy");
        assert_eq!(p.entries[0].aliases.len(), 1);
        assert_eq!(p.resolve("Donald Tusk", "").0, "Donald Tusk");
        assert_eq!(p.resolve("Donald Trump", "").0, "Donald Trump");
    }

    /// One case a line: the names registered in order, then a name, and what it resolves to.
    fn check(known: &[&str], name: &str, expect: &str) {
        let mut p = People::default();
        for k in known {
            p.resolve(k, "");
        }
        assert_eq!(p.resolve(name, "").0, expect, "{known:?} {name}");
    }

    #[test]
    fn common_words_are_no_surnames() {
        check(&["Dana Republican"], "Republican", "Republican");
        check(&["Eager Democrat"], "Democrats", "Democrats");
        check(&["Responsive Politics"], "Politics", "Politics");
        check(&["Quiet One"], "One", "One");
        check(&["Lena Whitcombe"], "Whitcombe", "Lena Whitcombe");
        check(&["Lena Whitcombe"], "Whitcomb", "Lena Whitcombe");
    }
}
