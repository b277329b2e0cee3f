//! What the grouping reads of each statement, and nothing more: its article, speaker,
//! kind and span, its content words and (for a quoted statement) its words, the words
//! as numbers from one vocabulary. A corpus gives them all at once
//! ([`Keys::from_corpus`]); the split pack adds them article by article as it streams
//! ([`Keys::push`]), so the grouping of an archive never needs its texts.

use super::words::{content, words};
use crate::corpus::{Corpus, Entry};
use crate::model::Kind;
use crate::text::Span;
use std::collections::HashMap;

/// Numbers for strings, in order of first sight.
#[derive(Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    /// The number of `s`, given on first sight.
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }

    /// The string numbered `i` ("" for a number never given).
    pub fn get(&self, i: u32) -> &str {
        self.strings.get(i as usize).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

/// One statement as the grouping sees it.
pub struct StatementKey {
    pub article: u32,
    pub speaker: u32,
    pub kind: Kind,
    pub span: Span,
    /// Content words, ascending, each once.
    pub content: Box<[u32]>,
    /// The words in order, for a quoted statement (empty for indirect speech: only two
    /// quoted renderings can disagree inside the quotation marks).
    pub words: Box<[u32]>,
}

/// Every statement's key, in corpus order, and each article's outlet.
#[derive(Default)]
pub struct Keys {
    pub statements: Vec<StatementKey>,
    /// Each article's outlet, as a number.
    pub article_outlet: Vec<u32>,
    pub outlets: Interner,
    vocabulary: Interner,
}

impl Keys {
    /// The keys of a whole corpus.
    pub fn from_corpus(corpus: &Corpus) -> Keys {
        let mut keys = Keys::default();
        for a in &corpus.articles {
            keys.article(&a.outlet);
        }
        for e in &corpus.entries {
            keys.push(e.article, e, &corpus.quoted_text(e));
        }
        keys
    }

    /// Adds the next article, of `outlet`.
    pub fn article(&mut self, outlet: &str) {
        let o = self.outlets.id(outlet);
        self.article_outlet.push(o);
    }

    /// Adds the next statement: `e` in article `article` (the archive's number, whatever
    /// `e.article` says), whose compared words are `quoted` ([`Corpus::quoted_text`]).
    pub fn push(&mut self, article: usize, e: &Entry, quoted: &str) {
        self.push_parts(
            article,
            e.speaker,
            e.statement.kind,
            e.statement.span,
            quoted,
        );
    }

    /// [`Keys::push`] from the parts of an entry the grouping reads (the partitioned
    /// reduce has its keys, not the entry).
    pub fn push_parts(
        &mut self,
        article: usize,
        speaker: usize,
        kind: Kind,
        span: Span,
        quoted: &str,
    ) {
        let mut content: Vec<u32> = (content(quoted).iter())
            .map(|w| self.vocabulary.id(w))
            .collect();
        content.sort_unstable();
        let words: Vec<u32> = if kind == Kind::Indirect {
            Vec::new()
        } else {
            (words(quoted).iter())
                .map(|w| self.vocabulary.id(w))
                .collect()
        };
        self.statements.push(StatementKey {
            article: article as u32,
            speaker: speaker as u32,
            kind,
            span,
            content: content.into(),
            words: words.into(),
        });
    }

    pub fn get(&self, i: usize) -> Option<&StatementKey> {
        self.statements.get(i)
    }

    /// The outlet of statement `i`'s article.
    pub fn outlet(&self, i: usize) -> Option<u32> {
        let k = self.statements.get(i)?;
        self.article_outlet.get(k.article as usize).copied()
    }

    /// How many distinct content words (and words) there are.
    pub fn vocabulary(&self) -> usize {
        self.vocabulary.len()
    }

    /// Whether two quoted renderings disagree inside the quotation marks: both quoted,
    /// and neither's words are the other's or a run of them
    /// ([`super::Relation::Variant`]).
    pub fn differ(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.get(a), self.get(b)) else {
            return false;
        };
        x.kind != Kind::Indirect
            && y.kind != Kind::Indirect
            && x.words != y.words
            && !is_run(&x.words, &y.words)
            && !is_run(&y.words, &x.words)
    }
}

/// Whether `small` occurs as a contiguous run in `big`.
pub fn is_run<T: PartialEq>(small: &[T], big: &[T]) -> bool {
    !small.is_empty() && small.len() <= big.len() && big.windows(small.len()).any(|w| w == small)
}

/// The numbers two ascending lists share, ascending.
pub fn intersection<'a>(x: &'a [u32], y: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || loop {
        let (a, b) = (x.get(i)?, y.get(j)?);
        match a.cmp(b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                return Some(*a);
            }
        }
    })
}
