//! Article facts inferred from the text itself, each with the words it rests on: the
//! outlet (a dateline agency, the outlet naming itself — "seen by POLITICO" —, a
//! "Caliber.Az reports" line, a "Name, City" sign-off), the source an article credits
//! ("Primary Source", "reports per ..."). Loaded articles without a manifest get these.

use crate::extract::layout::{BlockRole, Layout};
use crate::text::{is_space, str_from, str_to};

/// One inferred fact and the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub value: String,
    pub evidence: String,
}

/// What the text reveals about its own provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inferred {
    pub outlet: Option<Fact>,
    /// A source the article credits (`Primary Source: mint`).
    pub source: Option<Fact>,
    /// Another outlet this article says it reports from (`reports per the American political newspaper`).
    pub derived_from: Option<Fact>,
}

const SELF_REFERENCES: &[&str] = &[
    "seen by ",
    "obtained by ",
    "reviewed by ",
    "viewed by ",
    "shared with ",
    "confirmed to ",
    "provided to ",
];

fn is_outlet_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 3 && w.chars().all(|c| !c.is_lowercase());
    let domain = w.contains('.')
        && w.split('.')
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        && w.split('.').count() == 2;
    all_caps || domain
}

/// Infers provenance facts from the article text and its layout.
pub fn infer(text: &str, layout: &Layout) -> Inferred {
    let mut out = Inferred::default();
    // 1. An agency in the dateline: "(Reuters):", "KYIV (AP) —".
    if let (Some(dl), Some(src)) = (layout.dateline, layout.dateline_source) {
        if dl.of(text).contains('(') {
            out.outlet = Some(Fact {
                value: src.of(text).trim().to_string(),
                evidence: format!("dateline “{}”", dl.of(text)),
            });
        }
    }
    for block in layout.body() {
        let s = block.span.of(text);
        // 2. The outlet naming itself: "an earlier draft, seen by POLITICO".
        if out.outlet.is_none() {
            for marker in SELF_REFERENCES {
                if let Some(i) = s.find(marker) {
                    let rest = str_from(s, i + marker.len());
                    let word: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '.')
                        .collect();
                    let word = word.trim_end_matches('.');
                    if is_outlet_word(word) {
                        out.outlet = Some(Fact {
                            value: word.to_string(),
                            evidence: format!("the article says “{}{}”", marker, word),
                        });
                        break;
                    }
                }
            }
        }
        // 3. "Caliber.Az reports per the American political newspaper."
        for verb in [" reports", " reported", " has learned", " learned"] {
            let mut from = 0;
            while let Some(i) = str_from(s, from).find(verb).map(|i| i + from) {
                from = i + verb.len();
                let before = str_to(s, i).trim_end();
                let name_start = before
                    .rfind(|c: char| is_space(c) || c == ',')
                    .map_or(0, |p| p + 1);
                let name = str_from(before, name_start);
                let after = str_from(s, i + verb.len());
                if !is_outlet_word(name)
                    || !(after.is_empty() || after.starts_with([' ', ',', '.']))
                {
                    continue;
                }
                // "CNN reported" in another outlet's story cites CNN: a report names its
                // own outlet only when it says where it got the story ("reports per ...",
                // "reported, citing ...") or what it found out ("has learned").
                let cited = after.trim_start_matches([' ', ',']);
                let per = cited.starts_with("per ") || cited.starts_with("citing ");
                if verb.contains("report") && !per {
                    continue;
                }
                if out.outlet.is_none() {
                    out.outlet = Some(Fact {
                        value: name.to_string(),
                        evidence: format!("the article says “{}{}”", name, verb),
                    });
                }
                if let Some(per) = after
                    .trim_start()
                    .strip_prefix("per ")
                    .or_else(|| after.trim_start().strip_prefix("citing "))
                {
                    let src = per.trim_end_matches(|c: char| c == '.' || is_space(c));
                    let src = src.split([',', ';']).next().unwrap_or(src);
                    if !src.is_empty() && src.len() <= 80 {
                        out.derived_from = Some(Fact {
                            value: src.to_string(),
                            evidence: format!("“{name}{verb} per {src}”"),
                        });
                    }
                }
            }
        }
    }
    // 4. and 5. Footer lines: a "Name, City" sign-off; a credited "Primary Source".
    let last_body = layout
        .blocks
        .iter()
        .rposition(|b| b.role == BlockRole::Body)
        .unwrap_or(0);
    for (k, b) in layout.blocks.iter().enumerate().skip(last_body + 1) {
        let line = b.span.of(text);
        if line.eq_ignore_ascii_case("primary source") || line.eq_ignore_ascii_case("source") {
            if let Some(next) = layout.blocks.get(k + 1) {
                let v = next.span.of(text);
                let v = v.rsplit_once(" - ").map_or(v, |(a, _)| a).trim();
                if !v.is_empty() && v.split_whitespace().count() <= 6 {
                    out.source = Some(Fact {
                        value: v.to_string(),
                        evidence: format!("footer “{}” then “{}”", line, next.span.of(text)),
                    });
                }
            }
        }
        if out.outlet.is_none() && b.role == BlockRole::Footer {
            if let Some((name, place)) = line.split_once(", ") {
                let name_words: Vec<&str> = name.split_whitespace().collect();
                let caps = |ws: &[&str]| ws.iter().all(|w| w.starts_with(char::is_uppercase));
                let place_words: Vec<&str> = place.split_whitespace().collect();
                if (2..=5).contains(&name_words.len())
                    && caps(&name_words)
                    && (1..=3).contains(&place_words.len())
                    && caps(&place_words)
                {
                    out.outlet = Some(Fact {
                        value: name.to_string(),
                        evidence: format!("sign-off line “{line}”"),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::layout::layout;

    fn outlet(t: &str) -> Option<String> {
        infer(t, &layout(t)).outlet.map(|f| f.value)
    }

    #[test]
    fn finds_outlets() {
        assert_eq!(
            outlet("(Reuters): The deal was done.\nMore text here, it said."),
            Some("Reuters".into())
        );
        assert_eq!(
            outlet("A draft, seen by POLITICO, said so.\nOther text."),
            Some("POLITICO".into())
        );
        let t = "Leaders met in Paris, Caliber.Az reports per the American political newspaper.\n";
        let i = infer(t, &layout(t));
        assert_eq!(i.outlet.unwrap().value, "Caliber.Az");
        assert_eq!(
            i.derived_from.unwrap().value,
            "the American political newspaper"
        );
        assert_eq!(
            outlet(
                "Some long body text that ends properly here.\n\nAfrica Digital News, New York\n"
            ),
            Some("Africa Digital News".into())
        );
        assert_eq!(
            outlet("Nothing names the outlet in this text at all.\n"),
            None
        );
        // Another outlet cited in the story is not this story's outlet.
        assert_eq!(
            outlet("The senator will attend events in Kansas on Saturday, CNN reported.\n"),
            None
        );
        assert_eq!(
            outlet("The talks failed, POLITICO has learned.\n"),
            Some("POLITICO".into())
        );
        let t = "Body text that is long enough to be a paragraph.\nEditorial Context\nPrimary Source\nmint - news\n";
        assert_eq!(infer(t, &layout(t)).source.unwrap().value, "mint");
    }
}
