//! Speakers: reading a noun phrase as a person (with role), a body (institution, document,
//! group, anonymous source) or a pronoun, and resolving the many ways an article names
//! one person (`German Chancellor Friedrich Merz`, later `Merz`; `Zelenskyy`/`Zelenskiy`).

use crate::extract::sentences::{tokens, Token};
use crate::lexicon::Lexicon;
use crate::text::{
    fold_accent, in_lower_list, is_space, str_from, str_to, trim_span, with_lower, Span,
};

/// What a noun phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Person {
        name: String,
        role: String,
    },
    Body {
        name: String,
    },
    /// `he`/`she` (person) or `they`/`it`/`we` (group or body).
    Pronoun {
        person: bool,
    },
    /// A definite role without a name (`the minister`): the title, lower case.
    Role {
        title: String,
    },
}

/// `the (foreign) minister`, `the company’s chief executive`: determiner or possessive,
/// then only role words, the last of which is a title. Returns the title.
fn role_reference<'a>(words: &[&str], lower: &'a Lowered) -> Option<&'a str> {
    let lex = Lexicon::get();
    if lower.len() == 0 {
        return None;
    }
    if !matches!(lower.word(0), "the" | "its" | "their" | "his" | "her")
        && !words.first().is_some_and(|w| is_possessive(w))
    {
        return None;
    }
    // The words after the determiner: `1..len`.
    let len = lower.len();
    let n = len - 1;
    if n == 0 || n > 4 {
        return None;
    }
    let two = (n >= 2)
        .then(|| lower.run(len - 2, len))
        .filter(|t| lex.titles.contains(*t));
    let title = two.or_else(|| {
        let last = lower.word(len - 1);
        lex.titles.contains(last).then_some(last)
    })?;
    let title_words = title.split_whitespace().count();
    // Everything before the title is a modifier: a title word, a demonym, a place, a
    // possessive or a lower-case adjective; never a name.
    let ok = (1..1 + n - title_words).all(|k| {
        let Some(&w) = words.get(k) else {
            return false;
        };
        lex.titles.contains(lower.word(k))
            || looks_demonym(w)
            || is_possessive(w)
            || lex.places.contains(w)
            || !is_capitalised(w)
    });
    ok.then_some(title)
}

/// The words of a phrase in lower case, exactly as `str::to_lowercase` gives them and with
/// `'` written `’` (as the lexicons spell it), held in one string joined by single spaces:
/// a run of words is then a slice of it, not a new joined `String`.
struct Lowered {
    buf: String,
    /// The byte range of each word in `buf`.
    at: Vec<(usize, usize)>,
}

impl Lowered {
    fn new(words: &[&str]) -> Lowered {
        let mut buf = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut at = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            let start = buf.len();
            if w.is_ascii() {
                // An ASCII word lower-cases in place (as `to_lowercase` would), with no copy
                // through `with_lower`'s buffer and no UTF-8 check of it.
                buf.push_str(w);
                if let Some(added) = buf.get_mut(start..) {
                    added.make_ascii_lowercase();
                }
            } else {
                with_lower(w, |l| buf.push_str(l));
            }
            if str_from(&buf, start).contains('\'') {
                let l = buf.split_off(start);
                buf.push_str(&l.replace('\'', "’"));
            }
            at.push((start, buf.len()));
        }
        Lowered { buf, at }
    }
    fn len(&self) -> usize {
        self.at.len()
    }
    /// Word `i` ("" past the last).
    fn word(&self, i: usize) -> &str {
        self.at
            .get(i)
            .map_or("", |&(s, e)| Span::new(s, e).of(&self.buf))
    }
    /// Words `a..b` (`a < b`) joined by single spaces ("" when not all are there).
    fn run(&self, a: usize, b: usize) -> &str {
        match (
            self.at.get(a),
            b.checked_sub(1).and_then(|z| self.at.get(z)),
        ) {
            (Some(&(s, _)), Some(&(_, e))) => Span::new(s, e).of(&self.buf),
            _ => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "some", "its", "their", "his", "her",
    "our", "other", "another", "both", "all", "many", "several",
];
const POSTMODIFIERS: &[&str] = &[
    "familiar",
    "briefed",
    "close",
    "with",
    "from",
    "of",
    "in",
    "at",
    "involved",
    "knowledgeable",
    "speaking",
    "representing",
    "for",
    "published",
    "released",
    "issued",
    "seen",
    "obtained",
    "by",
    "on",
    "conducted",
    "led",
    "commissioned",
    "filed",
];
const PREPS: &[&str] = &["of", "at", "from", "for", "with", "in", "on"];
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "der", "van", "von", "le", "la", "bin", "ibn", "al", "du", "dos",
    "das", "ter", "ten",
];

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

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

fn looks_demonym(w: &str) -> bool {
    is_capitalised(w)
        && ["an", "ian", "ese", "ish", "ch", "i", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// The canonical form of a body noun phrase: determiners dropped, post-modifiers cut,
/// the first word lower-cased when it is a common noun.
fn body_name(np: &str) -> String {
    let lex = Lexicon::get();
    let mut words: Vec<&str> = np.split_whitespace().collect();
    while words.first().is_some_and(|w| in_lower_list(w, DETERMINERS)) {
        words.remove(0);
    }
    if let Some(cut) = words.iter().enumerate().position(|(i, w)| {
        matches!(
            *w,
            "—" | "–"
                | "who"
                | "which"
                | "that"
                | "put"
                | "issued"
                | "released"
                | "published"
                | "conducted"
                | "commissioned"
                | "filed"
                | "seen"
                | "obtained"
        ) || (i > 0
            && matches!(*w, "on" | "in" | "at" | "by")
            && !(i.checked_sub(1).and_then(|p| words.get(p)))
                .is_some_and(|w| matches!(*w, "familiar" | "briefed" | "involved" | "close")))
    }) {
        words.truncate(cut);
    }
    words.truncate(7);
    let mut s = words.join(" ");
    s = s.trim_end_matches([',', ';', ':']).to_string();
    let last_word = s.rsplit(' ').next().unwrap_or("");
    if s.ends_with('.')
        && last_word.matches('.').count() < 2
        && !lex.abbreviations.contains(last_word)
    {
        s.pop();
    }
    if let Some(first) = words.first() {
        let lower = first.to_lowercase();
        if is_capitalised(first)
            && lex.body_heads.contains(&lower)
            && first.chars().skip(1).all(|c| !c.is_uppercase())
        {
            s = format!(
                "{}{}",
                lower.chars().next().unwrap_or_default(),
                str_from(&s, first.chars().next().map_or(0, char::len_utf8))
            );
        }
    }
    s
}

/// Reads the noun phrase in `span` as a speaker mention.
pub fn parse_np(text: &str, span: Span) -> Option<Mention> {
    parse_np_with(text, span, None)
}

/// [`parse_np`] for a span whose tokens the caller has already: `toks` must be exactly
/// `tokens(text, span)`, and `span` must have no surrounding whitespace.
pub fn parse_np_tokens(text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    parse_np_with(text, span, Some(toks))
}

fn parse_np_with(text: &str, span: Span, known: Option<&[Token]>) -> Option<Mention> {
    let lex = Lexicon::get();
    let span = trim_span(text, span);
    let np = span
        .of(text)
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–') || is_space(c));
    if np.is_empty() || np.len() > 160 {
        return None;
    }
    let owned: Vec<Token>;
    let toks: &[Token] = match known {
        Some(toks) => toks,
        None => {
            owned = tokens(text, span);
            &owned
        }
    };
    if toks.is_empty() {
        return None;
    }
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let lower = Lowered::new(&words);
    // Word `k` and its span ("" and an empty span past the last).
    let wd = |k: usize| words.get(k).copied().unwrap_or_default();
    let tok_span = |k: usize| toks.get(k).map_or(Span::default(), |t| t.span);
    if words.len() == 1 {
        match lower.word(0) {
            "he" | "she" => {
                return Some(Mention {
                    span,
                    kind: MentionKind::Pronoun { person: true },
                })
            }
            "they" | "it" | "we" => {
                return Some(Mention {
                    span,
                    kind: MentionKind::Pronoun { person: false },
                })
            }
            "i" | "you" | "who" | "which" | "that" | "this" | "there" => return None,
            _ => {}
        }
    }
    // Document families: "the joint statement put out by ...", "the leaders’ statement".
    // Longest alias that matches a run of whole words ending at a family head word.
    let mut family: Option<(usize, &String)> = None;
    for h in 0..lower.len() {
        if !lex.family_heads.contains(lower.word(h)) {
            continue;
        }
        for start in (h.saturating_sub(3)..=h).rev() {
            let candidate = lower.run(start, h + 1);
            if let Some(fam) = lex.body_families.get(candidate) {
                if family.is_none_or(|(len, _)| candidate.len() > len) {
                    family = Some((candidate.len(), fam));
                }
            }
        }
    }
    // A person name run: capitalised words (with particles), the rightmost that is not possessive.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if is_capitalised(wd(i)) {
            let s = i;
            let particle_run = |i: usize| {
                // "van der Heijden", "de la Cruz": particles followed by a capitalised word.
                let mut j = i;
                while j < words.len() && PARTICLES.contains(&lower.word(j)) {
                    j += 1;
                }
                j > i && j < words.len() && is_capitalised(wd(j))
            };
            while i < words.len() && (is_capitalised(wd(i)) || (i > s && particle_run(i))) {
                i += 1;
                if is_possessive(wd(i - 1)) {
                    break;
                }
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let head_is_body = |idx: usize| lex.body_heads.contains(strip_possessive(lower.word(idx)));
    let last = words.len() - 1;
    if let Some((_, family)) = family {
        // Only when the family noun is the head, not a modifier of a person.
        let person_after = runs
            .last()
            .is_some_and(|&(s, e)| e == words.len() && s > 0 && !head_is_body(last));
        if !person_after {
            return Some(Mention {
                span,
                kind: MentionKind::Body {
                    name: family.clone(),
                },
            });
        }
    }
    // "Professor Henrik Solberg-Nilsen of the University of Greyhaven": the head comes
    // before the first preposition; take it when it is a full or titled name.
    if let Some(p) =
        (1..words.len()).find(|&p| PREPS.contains(&lower.word(p)) && is_capitalised(wd(p - 1)))
    {
        // (The head's tokens are the phrase's first `p`: the span ends where a token does.)
        let head = Span::new(tok_span(0).start, tok_span(p - 1).end);
        if let Some(m) = parse_np_tokens(text, head, toks.get(..p).unwrap_or_default()) {
            if let MentionKind::Person { name, role } = &m.kind {
                if name.contains(' ') || !role.is_empty() {
                    return Some(m);
                }
            }
        }
    }
    if head_is_body(last) {
        return Some(Mention {
            span,
            kind: MentionKind::Body {
                name: body_name(np),
            },
        });
    }
    // A body head with a post-modifier: "officials familiar with the talks", "sources close to X".
    if let Some(h) = (0..words.len().min(4)).find(|&h| {
        head_is_body(h) && h + 1 < lower.len() && POSTMODIFIERS.contains(&lower.word(h + 1))
    }) {
        if !runs.iter().any(|&(s, e)| s > h && e - s >= 2) {
            return Some(Mention {
                span,
                kind: MentionKind::Body {
                    name: body_name(np),
                },
            });
        }
    }
    // Coordinated bodies and places: "France and the U.K.", "Washington".
    let all_places = runs.iter().all(|&(s, e)| {
        (s..e).all(|k| {
            lex.places.contains(strip_possessive(wd(k)))
                || wd(k)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
    });
    if !runs.is_empty()
        && all_places
        && words
            .iter()
            .all(|w| is_capitalised(w) || with_lower(w, |w| matches!(w, "and" | "the" | "of")))
    {
        return Some(Mention {
            span,
            kind: MentionKind::Body {
                name: body_name(np),
            },
        });
    }
    // "the minister", "the company’s chief executive", "the judge": a role standing for a person named earlier.
    if let Some(t) = role_reference(&words, &lower) {
        return Some(Mention {
            span,
            kind: MentionKind::Role {
                title: t.to_string(),
            },
        });
    }
    let (rs, re) = *runs
        .iter()
        .rev()
        .find(|&&(_, e)| !(is_possessive(wd(e - 1)) && e < words.len()))?;
    // The run must end the phrase (`Witkoff`, `French President Emmanuel Macron`) or be
    // followed only by an apposition.
    if re < words.len()
        && !words
            .get(re..)
            .unwrap_or_default()
            .iter()
            .all(|w| !is_capitalised(w))
    {
        return None;
    }
    if re < words.len() && re + 3 < words.len() {
        return None;
    }
    // Split role words off the front of the run.
    let mut name_start = rs;
    let mut k = rs;
    while k < re {
        let mut matched = 0;
        // Most words of a run (the name itself) start no title: one look-up rules out all
        // the phrases that start with them.
        if lex.is_title_start(lower.word(k)) {
            for n in (1..=lex.title_max_words.min(re - k)).rev() {
                if lex.is_title(lower.run(k, k + n)) {
                    matched = n;
                    break;
                }
            }
        }
        if matched > 0 {
            k += matched;
            name_start = k;
        } else {
            k += 1;
        }
    }
    // Leading demonyms/places before a title belong to the role ("French President").
    let name_words: Vec<&str> = words
        .get(name_start..re)
        .unwrap_or_default()
        .iter()
        .map(|w| strip_possessive(w))
        .collect();
    if name_words.is_empty() {
        return None;
    }
    if name_words
        .iter()
        .all(|w| lex.nonnames.contains(*w) || lex.places.contains(*w))
    {
        if name_words.iter().all(|w| lex.places.contains(*w)) {
            return Some(Mention {
                span,
                kind: MentionKind::Body {
                    name: name_words.join(" "),
                },
            });
        }
        return None;
    }
    if name_words.len() == 1
        && name_words
            .first()
            .copied()
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return Some(Mention {
            span,
            kind: MentionKind::Body {
                name: name_words.first().copied().unwrap_or_default().to_string(),
            },
        });
    }
    let role_start = (0..rs)
        .rev()
        .take_while(|&j| {
            lex.is_title(lower.word(j))
                || lower.word(j).contains('.')
                || looks_demonym(wd(j))
                || lex.places.contains(wd(j))
        })
        .last()
        .unwrap_or(rs);
    let role = words.get(role_start..name_start).unwrap_or_default();
    let name_span = Span::new(tok_span(name_start).start, tok_span(re - 1).end);
    Some(Mention {
        span: name_span,
        kind: MentionKind::Person {
            name: name_words.join(" "),
            role: role.join(" "),
        },
    })
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

    fn np(s: &str) -> Option<MentionKind> {
        parse_np(s, Span::new(0, s.len())).map(|m| m.kind)
    }
    fn person(name: &str, role: &str) -> Option<MentionKind> {
        Some(MentionKind::Person {
            name: name.into(),
            role: role.into(),
        })
    }
    fn body(name: &str) -> Option<MentionKind> {
        Some(MentionKind::Body { name: name.into() })
    }

    #[test]
    fn people_with_roles() {
        assert_eq!(
            np("French President Emmanuel Macron"),
            person("Emmanuel Macron", "French President")
        );
        assert_eq!(
            np("U.S. envoy Steve Witkoff"),
            person("Steve Witkoff", "U.S. envoy")
        );
        assert_eq!(
            np("Gen. Alexus Grynkewich"),
            person("Alexus Grynkewich", "Gen.")
        );
        assert_eq!(np("Witkoff"), person("Witkoff", ""));
        assert_eq!(
            np("Donald Trump’s son-in-law Jared Kushner"),
            person("Jared Kushner", "son-in-law")
        );
        assert_eq!(
            np("Greek Prime Minister Kyriakos Mitsotakis"),
            person("Kyriakos Mitsotakis", "Greek Prime Minister")
        );
    }

    #[test]
    fn bodies_and_pronouns() {
        assert_eq!(
            np("the joint statement put out by the so-called coalition of the willing"),
            body("joint statement")
        );
        assert_eq!(np("the leaders’ statement"), body("joint statement"));
        assert_eq!(
            np("Officials familiar with the discussions"),
            body("officials familiar with the discussions")
        );
        assert_eq!(
            np("Greek government officials"),
            body("Greek government officials")
        );
        assert_eq!(
            np("A joint statement from coalition leaders"),
            body("joint statement")
        );
        assert_eq!(np("Coalition leaders"), body("coalition leaders"));
        assert_eq!(np("European officials"), body("European officials"));
        assert_eq!(np("France and the U.K."), body("France and the U.K."));
        assert_eq!(np("Ukraine"), body("Ukraine"));
        assert_eq!(np("he"), Some(MentionKind::Pronoun { person: true }));
        assert_eq!(np("they"), Some(MentionKind::Pronoun { person: false }));
        assert_eq!(
            np("the minister"),
            Some(MentionKind::Role {
                title: "minister".into()
            })
        );
        assert_eq!(
            np("the company’s chief executive"),
            Some(MentionKind::Role {
                title: "chief executive".into()
            })
        );
        assert_eq!(
            np("the French president"),
            Some(MentionKind::Role {
                title: "president".into()
            })
        );
    }

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
}
