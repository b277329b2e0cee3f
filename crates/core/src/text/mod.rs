//! Text as the engine sees it: byte spans that never lose the way back to the source
//! ([`span`]), case and accent folding ([`fold`]), numbers printed and read in fixed
//! point ([`number`]), and the one sort the explorer's code runs ([`sort`]). This is the
//! ground: it imports
//! nothing else of the engine. Segmentation (layout, sentences, tokens) needs the word
//! lists and is the first stage of `extract`.

pub mod fold;
pub mod number;
pub mod sort;
pub mod span;

pub use fold::{capitalised, fold, fold_accent, in_lower_list, with_lower, LOWER_BUF};
pub use span::{chars_from, is_space, str_from, str_to, trim_span, Span};
