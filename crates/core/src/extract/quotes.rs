//! Quotation-mark pairing. Curly and straight double quotes, guillemets and low-9 marks;
//! single quotes as the primary mark only in articles that use no double quotes at all
//! (British style), where apostrophes and possessives (`leaders’`, `daughters'`, `’90s`)
//! are told apart from closing marks. A quote may run over several paragraphs (each
//! reopens with a mark, only the last closes). An unbalanced mark costs at most its own
//! paragraph: it is reported and scanning resumes right after it.

use crate::text::{chars_from, is_space, str_from, str_to, Span};

/// One quoted stretch inside one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Including the marks (or up to paragraph end for an unclosed multi-paragraph piece).
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
    /// This piece continues a quote opened in an earlier paragraph.
    pub continues: bool,
    /// The quote goes on in the next paragraph.
    pub continued: bool,
}

/// Something odd about the marks, kept for the diagnostics list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkIssue {
    pub at: Span,
    pub message: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
}

fn left_flank(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        is_space(p)
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„'
            )
    })
}

fn right_flank(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        is_space(n)
            || matches!(
                n,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '…' | '”' | '’'
            )
    })
}

fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let (l, r) = (left_flank(prev), right_flank(next));
    match c {
        '“' | '„' | '«' => Some(if !l && r && c == '“' {
            Role::Close
        } else {
            Role::Open
        }),
        '”' | '»' => Some(if l && !r && c == '”' {
            Role::Open
        } else {
            Role::Close
        }),
        '"' => Some(match (l, r) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        }),
        _ => None,
    }
}

fn single_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let (l, r) = (left_flank(prev), right_flank(next));
    let prev_word = prev.is_some_and(char::is_alphanumeric);
    let next_word = next.is_some_and(char::is_alphanumeric);
    match c {
        '‘' if next.is_some_and(|n| n.is_ascii_digit()) => None, // ‘90s
        '‘' => Some(Role::Open),
        '’' | '\'' if prev_word && next_word => None, // don’t, Trump’s
        '’' | '\'' if l && next.is_some_and(|n| n.is_ascii_digit()) => None, // ’90s
        '’' | '\'' if l && !r => (c == '\'').then_some(Role::Open),
        '’' | '\'' if !l && r => Some(Role::Close),
        _ => None,
    }
}

/// Whether the article uses double quotation marks anywhere (a doubled apostrophe or
/// backtick, the typewriter and TeX spelling of `"`, counts).
pub fn uses_double_marks(text: &str) -> bool {
    chars_from(text, |b| matches!(b, b'"' | 0xC2 | 0xE2))
        .any(|(_, c)| matches!(c, '“' | '”' | '"' | '„' | '«' | '»'))
        || text.contains("''")
        || text.contains("``")
}

/// The width of a doubled mark at the start of `s`: two apostrophes or two backticks
/// (`''He deserved it,''`, ``` ``like this'' ```) stand for one straight double mark.
fn doubled(s: &str) -> Option<usize> {
    (s.starts_with("''") || s.starts_with("``")).then_some(2)
}

/// The markup tags left in a paragraph (`<tweet author="x" id="1">`, `</a>`), as byte
/// ranges from `<` to `>`: a `<` before a letter or `/`, then a tag name, up to the next
/// `>` with no `<` between. Empty for the paragraphs of ordinary text.
fn markup_tags(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(lt) = str_from(s, from).find('<').map(|i| i + from) {
        let rest = str_from(s, lt + 1);
        let named = rest
            .trim_start_matches('/')
            .starts_with(|c: char| c.is_ascii_alphabetic());
        let close = rest
            .find(['>', '<'])
            .filter(|&k| rest.get(k..).is_some_and(|r| r.starts_with('>')));
        match close {
            Some(k) if named => {
                out.push((lt, lt + 1 + k));
                from = lt + 2 + k;
            }
            _ => from = lt + 1,
        }
    }
    out
}

/// The quotation marks of paragraph `s` (`double`: the article uses double marks), each
/// with its byte offset, the mark as a char, its role and its width, into `marks`.
fn collect_marks(s: &str, double: bool, marks: &mut Vec<(usize, char, Role, usize)>) {
    // Only quotation marks matter: collect them with their neighbours, once. Marks
    // inside markup left in the text (`<tweet author="x">`) are the markup's.
    marks.clear();
    let tags = markup_tags(s);
    let mut tag = 0;
    // With double marks, single ones are never marks (`double_role` gives them no role):
    // apostrophes, common in curly text, are passed over before their neighbours are read;
    // only a doubled one (`''`) is a mark, read as `"`.
    let mut after_doubled = None;
    for (i, c) in chars_from(s, |b| {
        matches!(b, b'"' | 0xC2 | 0xE2) || b == b'\'' || (b == b'`' && double)
    }) {
        // The tags end in order: those ending before `i` are passed for good.
        while tags.get(tag).is_some_and(|t| t.1 < i) {
            tag += 1;
        }
        if after_doubled == Some(i) || tags.get(tag).is_some_and(|t| t.0 < i && i < t.1) {
            continue; // the second half of a doubled mark, or an attribute's quote
        }
        let width = if double {
            doubled(str_from(s, i))
        } else {
            None
        };
        let (c, len) = match width {
            Some(w) => ('"', w),
            None => (c, c.len_utf8()),
        };
        if !matches!(c, '“' | '”' | '"' | '„' | '«' | '»' | '‘' | '’' | '\'')
            || (double && matches!(c, '‘' | '’' | '\''))
        {
            continue;
        }
        if width.is_some() {
            after_doubled = Some(i + 1);
        }
        let prev = str_to(s, i).chars().next_back();
        let next = str_from(s, i + len).chars().next();
        let role = if double {
            double_role(c, prev, next)
        } else {
            single_role(c, prev, next)
        };
        if let Some(role) = role {
            marks.push((i, c, role, len));
        }
    }
}

/// Finds the quotes of each paragraph (`blocks`, in order). Returns quotes per block.
pub fn find_quotes(text: &str, blocks: &[Span], issues: &mut Vec<MarkIssue>) -> Vec<Vec<Quote>> {
    let double = uses_double_marks(text);
    let mut out: Vec<Vec<Quote>> = vec![Vec::new(); blocks.len()];
    let mut carry = false; // a quote is open from the previous block
                           // (byte offset in the block, the mark as a char, its role, its width in bytes)
    let mut marks: Vec<(usize, char, Role, usize)> = Vec::new(); // reused across blocks
    for (bi, block) in blocks.iter().enumerate() {
        let s = block.of(text);
        collect_marks(s, double, &mut marks);
        let chars = &marks;
        let next_block_opens = blocks.get(bi + 1).is_some_and(|nb| {
            let ns = nb.of(text);
            let mut it = ns.chars();
            let (c, n) = match doubled(ns).filter(|_| double) {
                Some(w) => (Some('"'), str_from(ns, w).chars().next()),
                None => (it.next(), it.next()),
            };
            c.is_some_and(|c| {
                if double {
                    double_role(c, None, n).is_some_and(|r| r != Role::Close)
                } else {
                    single_role(c, None, n).is_some_and(|r| r != Role::Close)
                }
            })
        });
        // One linear pass. A second opener before any close means the first was unbalanced:
        // it is reported and the new one takes over. A quote still open at the end of the
        // paragraph is either continued by the next paragraph or reported and dropped; no
        // closing mark can follow it (it would have closed it), so nothing needs rescanning.
        let mut quotes = Vec::new();
        // The open mark (byte offset in the block, char, width) and whether it continues a
        // quote.
        let mut open: Option<((usize, char, usize), bool)> = None;
        let mut skip = 0;
        if carry {
            if let Some(&(0, c, Role::Open | Role::Either, len)) = chars.first() {
                open = Some(((0, c, len), true));
                skip = 1;
            }
        }
        let mark_span = |(at, _, len): (usize, char, usize)| {
            Span::new(block.start + at, block.start + at + len)
        };
        // The last curly closing mark of the paragraph, by index.
        let last_curly_close = chars
            .iter()
            .rposition(|m| matches!(m.1, '”' | '»') || (m.1 == '“' && m.2 == Role::Close));
        // A straight quotation opened inside a curly one.
        let mut nested_open = false;
        for (k, &(at, ch, role, len)) in chars.iter().enumerate().skip(skip) {
            let later = chars.get(k + 1..).unwrap_or_default();
            // Inside a curly quotation, straight marks are a nested quotation when the
            // curly close comes later: “He said "odd" twice,” she said. But a straight
            // close with none opened inside ends the curly quotation: mixed marks
            // (`“We are ready," she said. "We vote.”`).
            if open.is_none() {
                nested_open = false;
            }
            if let Some(((_, oc, _), _)) = open {
                let curly_open = matches!(oc, '“' | '„' | '«');
                if curly_open && ch == '"' && last_curly_close.is_some_and(|c| c > k) {
                    if nested_open {
                        nested_open = false;
                        continue;
                    }
                    if role != Role::Close {
                        nested_open = true;
                        continue;
                    }
                }
            }
            match (open, role) {
                (None, Role::Open | Role::Either) => open = Some(((at, ch, len), false)),
                (None, Role::Close) => issues.push(MarkIssue {
                    at: mark_span((at, ch, len)),
                    message: "closing quotation mark without an opening one; ignored",
                }),
                // British style: "the players’ dressing room" inside a quote is a plural
                // possessive, not the close, when a real close follows in the paragraph.
                (Some(_), Role::Close)
                    if !double
                        && ch == '’'
                        && str_to(s, at).ends_with('s')
                        && str_from(s, at + 3).starts_with(' ')
                        && str_from(s, at + 4).starts_with(char::is_lowercase)
                        && later.iter().any(|m| m.2 == Role::Close) => {}
                (Some(((oa, _, olen), cont)), Role::Close | Role::Either) => {
                    let ob = oa + olen;
                    quotes.push(Quote {
                        outer: Span::new(block.start + oa, block.start + at + len),
                        inner: Span::new(block.start + ob, block.start + at),
                        continues: cont,
                        continued: false,
                    });
                    open = None;
                }
                (Some((o, _)), Role::Open) => {
                    issues.push(MarkIssue {
                        at: mark_span(o),
                        message: "opening quotation mark is never closed in its paragraph; ignored",
                    });
                    open = Some(((at, ch, len), false));
                }
            }
        }
        carry = false;
        if let Some((o, cont)) = open {
            let (oa, _, olen) = o;
            if next_block_opens {
                let ob = oa + olen;
                let end = s.trim_end_matches(is_space).len().max(ob);
                quotes.push(Quote {
                    outer: Span::new(block.start + oa, block.start + end),
                    inner: Span::new(block.start + ob, block.start + end),
                    continues: cont,
                    continued: true,
                });
                carry = true;
            } else if !cont {
                issues.push(MarkIssue {
                    at: mark_span(o),
                    message: "opening quotation mark is never closed in its paragraph; ignored",
                });
            } else {
                issues.push(MarkIssue { at: mark_span(o), message: "a quotation continued from the previous paragraph never closes; this piece is ignored" });
            }
        }
        quotes.retain(|q| q.inner.of(text).chars().any(char::is_alphanumeric));
        if let Some(slot) = out.get_mut(bi) {
            *slot = quotes;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<String> {
        let blocks: Vec<Span> = {
            let mut v = Vec::new();
            let mut p = 0;
            for l in text.split_inclusive('\n') {
                v.push(crate::text::trim_span(text, Span::new(p, p + l.len())));
                p += l.len();
            }
            v
        };
        let mut issues = Vec::new();
        find_quotes(text, &blocks, &mut issues)
            .into_iter()
            .flatten()
            .map(|q| q.inner.of(text).to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            inner("“A,” he said. \"B c.\" Then “d”."),
            vec!["A,", "B c.", "d"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            inner("The leaders’ “robust” plan, don’t ’90s."),
            vec!["robust"]
        );
        assert_eq!(
            inner("It is 'fine,' said the daughters' father, 'really.'"),
            vec!["fine,", "really."]
        );
    }

    #[test]
    fn british_possessive_inside_single_quotes() {
        assert_eq!(
            inner("‘There were home truths told in the players’ dressing room,’ she said."),
            vec!["There were home truths told in the players’ dressing room,"]
        );
        assert_eq!(
            inner("‘We want the fans’ support,’ he said."),
            vec!["We want the fans’ support,"]
        );
    }

    #[test]
    fn straight_marks_nested_in_curly() {
        assert_eq!(
            inner("“He said \"odd\" twice,” she said."),
            vec!["He said \"odd\" twice,"]
        );
    }

    #[test]
    fn mixed_marks_close_where_they_close() {
        assert_eq!(
            inner("“We are ready,\" she said. \"We vote today.” Then she left."),
            vec!["We are ready,", "We vote today."]
        );
    }

    #[test]
    fn nested_single_stays_inside() {
        assert_eq!(
            inner("“He said ‘no’ twice,” she said."),
            vec!["He said ‘no’ twice,"]
        );
    }

    #[test]
    fn multi_paragraph() {
        let t = "“First part goes on\n“second part ends.” he said.\nNext “x” y.";
        assert_eq!(
            inner(t),
            vec!["First part goes on", "second part ends.", "x"]
        );
    }

    #[test]
    fn unbalanced_costs_one_paragraph_at_most() {
        let t = "He said “this never closes and “this does” ok.\nOther “fine” text.";
        assert_eq!(inner(t), vec!["this does", "fine"]);
        let t = "Bad “unclosed here.\nGood “closed” here.";
        assert_eq!(inner(t), vec!["closed"]);
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_double_marks() {
        assert_eq!(
            inner("''It is done,'' he said. ''Next time we win.'' Don't ask."),
            vec!["It is done,", "Next time we win."]
        );
        assert_eq!(
            inner("She called it ``a farce'' on Sunday."),
            vec!["a farce"]
        );
        assert_eq!(
            inner("''A long one\n''goes on here,'' she said."),
            vec!["A long one", "goes on here,"]
        );
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(
            inner("<tweet author=\"GovPat\" id=\"12\">We are “ready” here.</tweet>."),
            vec!["ready"]
        );
        // A lone `<` is text, and quotes after it still pair.
        assert_eq!(inner("If 3 < 4 then “yes” and \"no\"."), vec!["yes", "no"]);
    }

    #[test]
    fn ellipsis_and_dash_inside() {
        assert_eq!(
            inner("“We will … be there — always,” he said."),
            vec!["We will … be there — always,"]
        );
    }
}
