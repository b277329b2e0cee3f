//! Case and accent folding, in one place: [`with_lower`] lower-cases a word on the stack
//! for lookups in the word lists, [`fold`] folds case and accents for search, topics and
//! the cross-outlet comparison, and [`fold_accent`] folds one character.

/// Whitespace including no-break and zero-width spaces that scraped text is full of.
/// Calls `f` with `s` in lower case, exactly as `str::to_lowercase` gives it, without
/// allocating for a word of up to [`LOWER_BUF`] bytes: the extractor looks up nearly every
/// word it reads in a word list, and lower-casing each into a new `String` was about a
/// tenth of its time.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words are lower case already; only the others need the buffer (and its zeroing).
    if !s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return f(s);
    }
    let mut buf = [0u8; 3 * LOWER_BUF];
    f(&lower_in(s, &mut buf))
}

/// Whether `word` in lower case is one of `list` (which is lower case):
/// `with_lower(word, |w| list.contains(&w))`, with an ASCII word compared in place.
pub fn in_lower_list(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter()
            .any(|l| l.len() == word.len() && l.eq_ignore_ascii_case(word))
    } else {
        with_lower(word, |w| list.contains(&w))
    }
}

/// `s` in lower case: `s` itself when it has no capital, else written into `buf` when
/// it fits, else a new `String`. (Not generic, so [`with_lower`]'s copies stay small.)
fn lower_in<'a>(s: &'a str, buf: &'a mut [u8; 3 * LOWER_BUF]) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(s);
        }
        if s.len() <= LOWER_BUF {
            if let Some(b) = buf.get_mut(..s.len()) {
                b.copy_from_slice(s.as_bytes());
                b.make_ascii_lowercase();
                let b: &[u8] = b;
                if let Ok(l) = std::str::from_utf8(b) {
                    return Cow::Borrowed(l);
                }
            }
        }
    } else if s.len() <= LOWER_BUF && !s.contains('Σ') {
        // (A capital sigma lower-cases by its place in the word; `to_lowercase` knows how.)
        let mut n = 0;
        for c in s.chars() {
            for l in c.to_lowercase() {
                // (Four bytes hold any char: `encode_utf8` never runs out of room.)
                let Some(room) = buf.get_mut(n..).filter(|r| r.len() >= 4) else {
                    return Cow::Owned(s.to_lowercase());
                };
                n += l.encode_utf8(room).len();
            }
        }
        if let Some(Ok(l)) = buf.get(..n).map(std::str::from_utf8) {
            return Cow::Borrowed(l);
        }
    }
    Cow::Owned(s.to_lowercase())
}

/// The longest word, in bytes, that [`with_lower`] lower-cases on the stack.
pub const LOWER_BUF: usize = 64;

/// Lower case with accents folded, for case- and accent-insensitive matching.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .collect()
}

/// Folds the accented Latin letters news text uses to their base letter.
pub fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ș' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ț' | 'ţ' => 't',
        'ğ' => 'g',
        _ => c,
    }
}

/// The word with its first letter upper case (`january` → `January`) when that letter is
/// ASCII, as the calendar's names are (an ASCII mapping keeps Unicode's case tables out of
/// the wasm); any other word as it is.
pub fn capitalised(w: &str) -> String {
    let mut out = w.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod lower_tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lower_case_word_by_word_is_lower_case_whole(s in "(\\PC|Σ| ){0,40}") {
            // What `layout` relies on to lower-case a line's words one at a time.
            let by_word: Vec<String> =
                s.split_whitespace().map(|w| super::with_lower(w, str::to_string)).collect();
            let whole = s.to_lowercase();
            prop_assert_eq!(by_word, whole.split_whitespace().collect::<Vec<_>>());
        }
        #[test]
        fn with_lower_is_to_lowercase(s in "\\PC{0,80}") {
            prop_assert_eq!(super::with_lower(&s, str::to_string), s.to_lowercase());
        }
    }

    #[test]
    fn with_lower_handles_the_awkward_cases() {
        for s in [
            "",
            "said",
            "SAID",
            "Merz’s",
            "ΟΔΟΣ Σ",
            "İstanbul",
            "ǅemal",
            "Ⅻ",
            &"Ä".repeat(40),
            &"A".repeat(65),
        ] {
            assert_eq!(
                super::with_lower(s, str::to_string),
                s.to_lowercase(),
                "{s}"
            );
        }
    }
}
