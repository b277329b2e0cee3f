//! Attribution annotations in brat standoff format (PolNeAR, PARC-style): `T` lines are
//! labelled spans (`Source`, `Cue`, `Content`, `Attribution` or `Attribution-no-source`;
//! a span may be discontinuous, `START END;START END`), `E` lines tie one attribution's
//! spans together. Offsets count characters (code points); they are turned into byte spans of
//! the article's text here. A malformed line is reported with its line number and
//! skipped; the rest still loads. `Discuss` and `Discard` (annotators' working marks)
//! and the `R`, `A`, `M`, `N` and `#` lines are read past.

use crate::text::Span;
use std::collections::HashMap;

/// One annotated attribution: who (may be missing: the author, or implicit), the cue,
/// and what was attributed, each as the byte spans of its pieces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// A problem in an annotation file, at a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratProblem {
    pub line: usize,
    pub message: String,
}

impl BratProblem {
    /// `file:line: message`.
    pub fn display(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.line, self.message)
    }
}

/// The labels a `T` line may carry.
const LABELS: [&str; 7] = [
    "Source",
    "Cue",
    "Content",
    "Attribution",
    "Attribution-no-source",
    "Discuss",
    "Discard",
];

/// Byte offset of each character offset of `text` (one past the end included).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// `START END;START END` in characters → byte spans, or why not.
fn pieces(field: &str, bytes: &[usize]) -> Result<Vec<Span>, String> {
    let mut out = Vec::new();
    for piece in field.split(';') {
        let mut nums = piece.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) = (nums.next(), nums.next(), nums.next()) else {
            return Err(format!("{piece:?} is not START END"));
        };
        let chars = bytes.len().saturating_sub(1);
        if start > end || end > chars {
            return Err(format!(
                "the span {start}..{end} lies outside the text ({chars} characters)"
            ));
        }
        let (Some(&s), Some(&e)) = (bytes.get(start), bytes.get(end)) else {
            return Err(format!("the span {start}..{end} lies outside the text"));
        };
        out.push(Span::new(s, e));
    }
    Ok(out)
}

/// Reads one annotation file against its article's text. Returns the attributions and a
/// problem for each line that could not be used.
pub fn parse(ann: &str, text: &str) -> (Vec<Attribution>, Vec<BratProblem>) {
    let bytes = byte_offsets(text);
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        let mut problem = |message: String| {
            problems.push(BratProblem {
                line: line_no,
                message,
            })
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            problem(format!("{line:?} has no tab-separated fields"));
            continue;
        };
        match id.chars().next() {
            Some('T') => {
                let (label, place) = body.split_once(' ').unwrap_or((body, ""));
                if !LABELS.contains(&label) {
                    problem(format!(
                        "unknown label {label:?} (expected one of {})",
                        LABELS.join(", ")
                    ));
                    continue;
                }
                match pieces(place, &bytes) {
                    Ok(p) => {
                        spans.insert(id, p);
                    }
                    Err(why) => problem(format!("{id}: {why}")),
                }
            }
            Some('E') => events.push((line_no, body)),
            Some('R' | 'A' | 'M' | 'N' | '#') => {}
            _ => problem(format!(
                "{id:?} is not a brat annotation id (T, E, R, A, M, N, #)"
            )),
        }
    }
    let mut out = Vec::new();
    for (line, body) in events {
        let mut a = Attribution::default();
        for arg in body.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                problems.push(BratProblem {
                    line,
                    message: format!("{arg:?} is not ROLE:ID"),
                });
                continue;
            };
            let Some(found) = spans.get(id) else {
                problems.push(BratProblem {
                    line,
                    message: format!("{role} refers to {id}, which is not a usable span"),
                });
                continue;
            };
            // The role names brat writes (`Source`, `Source2`, ...: a second one adds pieces).
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Source" => a.source.extend(found),
                "Cue" => a.cue.extend(found),
                "Content" => a.content.extend(found),
                "Attribution" | "Attribution-no-source" => {}
                other => {
                    problems.push(BratProblem {
                        line,
                        message: format!("unknown role {other:?}"),
                    });
                }
            }
        }
        if a.content.is_empty() {
            problems.push(BratProblem {
                line,
                message: "the attribution has no content span; skipped".into(),
            });
        } else {
            out.push(a);
        }
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Héllo. The mayor said “we will win” on Monday.";

    fn at(text: &str, s: &Span) -> String {
        s.of(text).to_string()
    }

    #[test]
    fn reads_an_attribution_with_character_offsets() {
        // Offsets are characters: "é" is one character and two bytes.
        let ann = "T1\tSource 7 16\tThe mayor\nT2\tCue 17 21\tsaid\nT3\tContent 22 35\t“we will win”\nT4\tAttribution 17 21\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let (a, problems) = parse(ann, TEXT);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a.len(), 1);
        assert_eq!(at(TEXT, &a[0].source[0]), "The mayor");
        assert_eq!(at(TEXT, &a[0].cue[0]), "said");
        assert_eq!(at(TEXT, &a[0].content[0]), "“we will win”");
    }

    #[test]
    fn discontinuous_spans_and_a_missing_source() {
        let ann = "T1\tContent 0 5;22 35\tHéllo “we will win”\nT2\tCue 17 21\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n";
        let (a, problems) = parse(ann, TEXT);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a[0].content.len(), 2);
        assert!(a[0].source.is_empty());
    }

    #[test]
    fn each_bad_line_is_named_and_skipped() {
        let ann = "T1\tContent 0 500\ttoo far\nT2\tOpinion 0 5\tHéllo\nT3\tCue x y\tsaid\nnonsense\nZ1\tthing\nT4\tContent 0 5\tHéllo\nE1\tAttribution:T9 Content:T4\nE2\tCue:T3 Content:T1\n";
        let (a, problems) = parse(ann, TEXT);
        let lines: Vec<String> = problems.iter().map(|p| p.display("a.ann")).collect();
        assert!(
            lines[0].starts_with("a.ann:1: T1: the span 0..500 lies outside the text"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("a.ann:2: unknown label \"Opinion\""),
            "{lines:?}"
        );
        assert!(
            lines[2].starts_with("a.ann:3: T3: \"x y\" is not START END"),
            "{lines:?}"
        );
        assert!(
            lines[3].starts_with("a.ann:4: \"nonsense\" has no tab-separated fields"),
            "{lines:?}"
        );
        assert!(
            lines[4].starts_with("a.ann:5: \"Z1\" is not a brat annotation id"),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("a.ann:7: Attribution refers to T9")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("a.ann:8: Cue refers to T3")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("a.ann:8: the attribution has no content span")),
            "{lines:?}"
        );
        // E1 keeps its usable content.
        assert_eq!(a.len(), 1);
        assert_eq!(at(TEXT, &a[0].content[0]), "Héllo");
    }

    #[test]
    fn any_bytes_never_panic() {
        for ann in [
            "",
            "\t",
            "T1\t",
            "T1\tContent",
            "T1\tContent 3 1\tx",
            "E1\t:",
            "T1\tContent 0 0;\t",
        ] {
            let _ = parse(ann, TEXT);
            let _ = parse(ann, "");
        }
    }
}
