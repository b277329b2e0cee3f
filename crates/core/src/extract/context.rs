//! What the stages share: one sentence as they read it ([`Sentence`]: the text, the
//! sentence's tokens and quotes, its block, the article's memo of noun phrases and the
//! sentence's memo of subjects), what the article has yielded so far ([`Found`]), and the
//! token and quote look-ups every stage uses.

use crate::extract::mention::{parse_np, parse_np_tokens, Mention};
use crate::extract::phrases::BeforeMemo;
use crate::extract::quotes::Quote;
use crate::extract::sentences::Token;
use crate::lexicon::HashSet;
use crate::model::{Diagnostic, Statement};
use crate::text::Span;

/// One sentence, as the stages after segmentation read it.
pub struct Sentence<'a> {
    /// The article's text.
    pub text: &'a str,
    /// The sentence, in `text`.
    pub span: Span,
    /// The sentence's tokens.
    pub toks: &'a [Token],
    /// The quotes that start in the sentence (sorted, disjoint).
    pub quotes: &'a [Quote],
    /// The index of the sentence's body block.
    pub block: usize,
    /// The noun phrases the article has read so far.
    pub nps: &'a NpMemo,
    /// The subjects before the sentence's cues, and its index (reset for each sentence).
    pub before: &'a BeforeMemo,
}

impl Sentence<'_> {
    /// The noun phrase in `span` (inside the sentence) read as a speaker mention, once per
    /// article (see [`NpMemo`]).
    pub fn np(&self, span: Span) -> Option<Mention> {
        parse_np_in(self.nps, self.text, span, self.toks)
    }
}

/// What the article has yielded so far, sentence by sentence.
#[derive(Default)]
pub struct Found {
    pub statements: Vec<Statement>,
    pub diagnostics: Vec<Diagnostic>,
    /// The spans that are a statement already (a quote's inside or a clause).
    pub seen_spans: HashSet<Span>,
    /// The statement whose quote goes on in the next paragraph, by index.
    pub open_piece: Option<usize>,
}

/// The noun phrases of one article read so far, by span: an article asks for the same one
/// again and again (a name run in the pre-pass, then as a sentence's subject, then as the
/// subject of its cue), and [`parse_np`] reads a span the same way each time.
#[derive(Default)]
pub struct NpMemo(std::cell::RefCell<NpMap>);

impl NpMemo {
    /// A memo sized for an article of `bytes` (about one phrase read per 150 bytes of news),
    /// so that it does not grow and rehash as the article is read.
    pub fn for_article(bytes: usize) -> NpMemo {
        let map = NpMap::with_capacity_and_hasher(bytes / 150, Default::default());
        NpMemo(std::cell::RefCell::new(map))
    }
}

/// Span -> what [`parse_np`] read there.
type NpMap = crate::lexicon::HashMap<Span, Option<Mention>>;

/// [`parse_np_fresh`], each span read once per article (see [`NpMemo`]).
pub fn parse_np_in(nps: &NpMemo, text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    if let Some(m) = nps.0.borrow().get(&span) {
        return m.clone();
    }
    let m = parse_np_fresh(text, span, toks);
    nps.0.borrow_mut().insert(span, m.clone());
    m
}

/// [`parse_np`] for a span inside the span `toks` were read from (a sentence or a block),
/// reusing them when the span starts where a token starts and ends where one ends. Those
/// tokens are then exactly what tokenising the span alone gives: where a token ends depends
/// on its own characters and on whether a word character follows, and none follows a token.
fn parse_np_fresh(text: &str, span: Span, toks: &[Token]) -> Option<Mention> {
    let lo = toks.partition_point(|t| t.span.start < span.start);
    let hi = toks.partition_point(|t| t.span.end <= span.end);
    match toks.get(lo..hi) {
        Some(run)
            if run.first().is_some_and(|t| t.span.start == span.start)
                && run.last().is_some_and(|t| t.span.end == span.end) =>
        {
            parse_np_tokens(text, span, run)
        }
        _ => parse_np(text, span),
    }
}

/// The tokens of a sentence, out of its block's tokens. They are exactly what tokenising
/// the sentence alone gives: a sentence ends before whitespace and a token never spans
/// whitespace, and where a token stops depends only on its own characters and the one
/// after it, which is not a word character at a sentence's end either way.
pub fn sentence_tokens(block_toks: &[Token], sent: Span) -> &[Token] {
    let lo = block_toks.partition_point(|t| t.span.start < sent.start);
    let hi = block_toks.partition_point(|t| t.span.start < sent.end);
    block_toks.get(lo..hi).unwrap_or_default()
}

/// Whether `pos` is inside one of `quotes` (sorted, disjoint).
pub fn inside_any(pos: usize, quotes: &[Quote]) -> bool {
    let idx = quotes.partition_point(|q| q.outer.start <= pos);
    idx.checked_sub(1)
        .and_then(|k| quotes.get(k))
        .is_some_and(|q| q.outer.contains_pos(pos))
}

/// How many of `toks` (in text order, disjoint) start at or after `from` and end by `to`.
pub fn tokens_between(toks: &[Token], from: usize, to: usize) -> usize {
    let lo = toks.partition_point(|t| t.span.start < from);
    let hi = toks.partition_point(|t| t.span.end <= to);
    hi.saturating_sub(lo)
}

/// The tokens of `toks` (in text order, disjoint) inside `span`.
pub fn tokens_within(toks: &[Token], span: Span) -> &[Token] {
    let lo = toks.partition_point(|t| t.span.start < span.start);
    let hi = toks.partition_point(|t| t.span.end <= span.end);
    toks.get(lo..hi.max(lo)).unwrap_or_default()
}

/// The tokens of `toks` (in text order, disjoint) that end by `pos`.
pub fn tokens_ending_by(toks: &[Token], pos: usize) -> &[Token] {
    toks.get(..toks.partition_point(|t| t.span.end <= pos))
        .unwrap_or_default()
}
