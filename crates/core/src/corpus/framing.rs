//! Framing: each article's headline and lede side by side, the claims they make about who
//! backs or withholds what, and the conflicts between outlets ("Gain US Backing" against
//! "declines security guarantees"). General rules over a stance lexicon
//! (`data/stance.txt`) and the topic taxonomy; nothing here knows the seed articles.
//!
//! A claim is found in a clause of a headline or lede: a stance word (support: "backed",
//! "backing", "signs"; withhold: "declines", "refrained from"), the actor it belongs to
//! (the name right before a noun like "US Backing", an agent after "by"/"from", else the
//! last actor named in the clause, else the one carried from an earlier clause of the same
//! sentence: "US offers support ... but declines ..."), its polarity (a withhold word, or
//! a negation shortly before the support word, makes it negative), and the topics of the
//! clause other than those named by the actor itself. Two claims conflict when they come
//! from different articles, name the same actor and a shared topic, and disagree.

use crate::corpus::topics::{classify, taxonomy};
use crate::corpus::Corpus;
use crate::extract::layout::layout;
use crate::extract::sentences::{sentences, tokens};
use crate::lexicon::Lexicon;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Where in the article a claim was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Place {
    Headline,
    Lede,
}

impl Place {
    pub fn as_str(self) -> &'static str {
        match self {
            Place::Headline => "headline",
            Place::Lede => "lede",
        }
    }
}

/// One claim about an actor's stance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub article: usize,
    pub place: Place,
    /// The actor, canonical ("United States").
    pub actor: String,
    /// Backs (true) or withholds (false).
    pub backs: bool,
    /// The stance words, e.g. "refrained from signing" or "Backing".
    pub trigger: Span,
    /// The clause the claim is read from: the evidence shown.
    pub evidence: Span,
    /// Topics of the clause (indices into the taxonomy).
    pub topics: Vec<usize>,
}

/// An article's headline and lede, as spans of its text where they are in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    pub headline: Option<Span>,
    /// The headline from the manifest when the text does not carry it.
    pub headline_text: String,
    pub lede: Option<Span>,
}

/// Outlets that disagree about one actor on one topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub actor: String,
    /// The topics both sides speak of (a conflict whose claims are all part of a larger
    /// one about the same actor is folded into it).
    pub topics: Vec<usize>,
    /// Claims (indices into [`Framing::claims`]) that say the actor backs it.
    pub backs: Vec<usize>,
    /// Claims that say the actor withholds it.
    pub withholds: Vec<usize>,
}

/// Frames, claims and conflicts for a corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framing {
    pub frames: Vec<Frame>,
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
}

struct Stance {
    support: HashSet<String>,
    withhold: HashSet<String>,
    negation: HashSet<String>,
    /// Alias words (lower case) and the actor they stand for; longest first.
    actors: Vec<(Vec<String>, String)>,
}

fn stance() -> &'static Stance {
    static S: OnceLock<Stance> = OnceLock::new();
    S.get_or_init(|| parse_stance(crate::lexicon::STANCE, &Lexicon::get().demonyms))
}

fn parse_stance(src: &str, demonyms: &crate::lexicon::HashMap<String, String>) -> Stance {
    let mut s = Stance {
        support: HashSet::new(),
        withhold: HashSet::new(),
        negation: HashSet::new(),
        actors: Vec::new(),
    };
    let mut section = "";
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "support" => "support",
                "withhold" => "withhold",
                "negation" => "negation",
                "actors" => "actors",
                _ => "",
            };
            continue;
        }
        if section == "actors" {
            if let Some((alias, actor)) = line.split_once('=') {
                s.actors
                    .push((words_of(alias.trim()), actor.trim().to_string()));
            }
            continue;
        }
        let set = match section {
            "support" => &mut s.support,
            "withhold" => &mut s.withhold,
            "negation" => &mut s.negation,
            _ => continue,
        };
        set.extend(
            line.split(',')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty()),
        );
    }
    for (adj, actor) in demonyms {
        s.actors.push((words_of(adj), actor.clone()));
    }
    s.actors
        .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    s
}

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

/// The word, lower case, without a possessive ending.
fn norm(text: &str, t: Span) -> String {
    let w = t.of(text).to_lowercase();
    w.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches('.')
        .to_string()
}

/// An actor named at token `i`: (actor, tokens used).
fn actor_at(text: &str, toks: &[Span], i: usize) -> Option<(String, usize)> {
    let first = toks.get(i)?.of(text);
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    let st = stance();
    st.actors.iter().find_map(|(alias, actor)| {
        let n = alias.len();
        toks.get(i..i + n)
            .is_some_and(|ts| {
                alias
                    .iter()
                    .zip(ts)
                    .all(|(a, t)| a.trim_end_matches('.') == norm(text, *t))
            })
            .then(|| (actor.clone(), n))
    })
}

/// Claims in one sentence.
fn claims_in(text: &str, sentence: Span, article: usize, place: Place) -> Vec<Claim> {
    let st = stance();
    let toks: Vec<Span> = tokens(text, sentence).into_iter().map(|t| t.span).collect();
    let words: Vec<String> = toks.iter().map(|t| norm(text, *t)).collect();
    // Actor mentions: (token index, tokens, actor, after a preposition).
    let mut mentions: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((actor, n)) = actor_at(text, &toks, i) {
            let after_prep = (i.checked_sub(1).and_then(|p| words.get(p)))
                .is_some_and(|w| Lexicon::get().prepositions.contains(&w.as_str()));
            mentions.push((i, n, actor, after_prep));
            i += n;
        } else {
            i += 1;
        }
    }
    let contrast = |w: &str| {
        matches!(
            w,
            "but" | "while" | "although" | "though" | "whereas" | "yet"
        )
    };
    // Clause boundaries: contrast words and semicolons.
    let mut clause_of = Vec::with_capacity(toks.len());
    let mut c = 0usize;
    let mut prev_end = None;
    for (t, w) in toks.iter().zip(&words) {
        let gap_semicolon = prev_end.is_some_and(|e| Span::new(e, t.start).of(text).contains(';'));
        if gap_semicolon || contrast(w) {
            c += 1;
        }
        clause_of.push(c);
        prev_end = Some(t.end);
    }
    // Token `k`, its word and its clause (every `k` asked below is a token's index).
    let tok = |k: usize| toks.get(k).copied().unwrap_or_default();
    let word = |k: usize| words.get(k).map_or("", String::as_str);
    let clause_at = |k: usize| clause_of.get(k).copied();
    // A clause without the contrast word that opens it.
    let clause_span = |c: usize| {
        let mut ks: Vec<usize> = (0..toks.len())
            .filter(|&k| clause_at(k) == Some(c))
            .collect();
        if ks.len() > 1 && ks.first().is_some_and(|&k| contrast(word(k))) {
            ks.remove(0);
        }
        match (ks.first(), ks.last()) {
            (Some(&a), Some(&z)) => Span::new(tok(a).start, tok(z).end),
            _ => Span::default(),
        }
    };
    let mut out: Vec<Claim> = Vec::new();
    let mut carried: Option<String> = None;
    let mut k = 0;
    while k < toks.len() {
        let w = word(k);
        let (is_support, is_withhold) = (st.support.contains(w), st.withhold.contains(w));
        if !is_support && !is_withhold {
            if let Some(m) = mentions.iter().find(|m| m.0 == k && !m.3) {
                carried = Some(m.2.clone());
            }
            k += 1;
            continue;
        }
        let clause = clause_at(k);
        // A withhold word followed closely by a support word is one negative claim.
        let mut end = k;
        if is_withhold {
            if let Some(j) = (k + 1..(k + 4).min(toks.len()))
                .find(|&j| clause_at(j) == clause && st.support.contains(word(j)))
            {
                end = j;
            }
        }
        let negated = is_support
            && (k.saturating_sub(3)..k).any(|j| {
                clause_at(j) == clause
                    && (st.negation.contains(word(j)) || word(j).ends_with("n't"))
            });
        let backs = is_support && !negated;
        // The actor: right before (a noun like "US Backing"), an agent after by/from, the
        // last one named in the clause (not after a preposition), or the one carried over.
        let before = mentions
            .iter()
            .find(|m| m.0 + m.1 == k)
            .map(|m| m.2.clone());
        let agent = (end + 1..(end + 4).min(toks.len()))
            .find(|&j| matches!(word(j), "by" | "from"))
            .and_then(|j| {
                mentions
                    .iter()
                    .find(|m| m.0 > j && m.0 <= j + 2 && clause_at(m.0) == clause)
                    .map(|m| m.2.clone())
            });
        let last = mentions
            .iter()
            .rfind(|m| m.0 < k && clause_at(m.0) == clause && !m.3)
            .map(|m| m.2.clone());
        let actor = before.or(agent).or(last).or_else(|| carried.clone());
        if let Some(actor) = actor {
            let evidence = clause.map_or_else(Span::default, clause_span);
            let actor_spans: Vec<Span> = mentions
                .iter()
                .map(|m| Span::new(tok(m.0).start, tok((m.0 + m.1).saturating_sub(1)).end))
                .collect();
            let topics: Vec<usize> = classify(text, evidence, taxonomy())
                .into_iter()
                .filter(|(_, hits)| {
                    hits.iter()
                        .any(|h| !actor_spans.iter().any(|a| a.contains(*h)))
                })
                .map(|(t, _)| t)
                .collect();
            if !out
                .iter()
                .any(|c| c.actor == actor && c.backs == backs && c.evidence == evidence)
            {
                out.push(Claim {
                    article,
                    place,
                    actor: actor.clone(),
                    backs,
                    trigger: Span::new(tok(k).start, tok(end).end),
                    evidence,
                    topics,
                });
            }
            carried = Some(actor);
        }
        k = end + 1;
    }
    out
}

/// Headlines, ledes, claims and conflicts of a corpus.
pub fn framing(corpus: &Corpus) -> Framing {
    let mut f = Framing::default();
    for (ai, a) in corpus.articles.iter().enumerate() {
        let lay = layout(&a.text);
        let headline = lay.headline.or_else(|| {
            let h = a.meta.headline.trim();
            (!h.is_empty())
                .then(|| a.text.find(h).map(|p| Span::new(p, p + h.len())))
                .flatten()
        });
        let lede = lay.body().next().map(|b| b.span);
        f.frames.push(Frame {
            headline,
            headline_text: a.meta.headline.clone(),
            lede,
        });
        for (place, span) in [(Place::Headline, headline), (Place::Lede, lede)] {
            let Some(span) = span else { continue };
            for s in sentences(&a.text, span, &[]) {
                f.claims.extend(claims_in(&a.text, s, ai, place));
            }
        }
    }
    let mut by_key: BTreeMap<(String, usize), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, c) in f.claims.iter().enumerate() {
        for &t in &c.topics {
            let e = by_key.entry((c.actor.clone(), t)).or_default();
            if c.backs {
                e.0.push(i);
            } else {
                e.1.push(i);
            }
        }
    }
    for ((actor, topic), (backs, withholds)) in by_key {
        let articles = |ids: &[usize]| -> HashSet<usize> {
            ids.iter()
                .filter_map(|&i| f.claims.get(i).map(|c| c.article))
                .collect()
        };
        // Outlets that disagree: some article says backs, another says withholds.
        let (ab, aw) = (articles(&backs), articles(&withholds));
        if !backs.is_empty() && !withholds.is_empty() && (ab.len() > 1 || ab != aw) {
            f.conflicts.push(Conflict {
                actor,
                topics: vec![topic],
                backs,
                withholds,
            });
        }
    }
    // Fold a conflict into a larger one about the same actor that holds all its claims:
    // largest first, each either joins a kept one that covers it or is kept.
    let mut all: Vec<Conflict> = std::mem::take(&mut f.conflicts);
    all.sort_by_key(|k| std::cmp::Reverse(k.backs.len() + k.withholds.len()));
    for k in all {
        let host = f.conflicts.iter_mut().find(|big| {
            big.actor == k.actor
                && k.backs.iter().all(|c| big.backs.contains(c))
                && k.withholds.iter().all(|c| big.withholds.contains(c))
        });
        match host {
            Some(big) => big.topics.extend(&k.topics),
            None => f.conflicts.push(k),
        }
    }
    for c in &mut f.conflicts {
        c.topics.sort_unstable();
        c.topics.dedup();
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(s: &str) -> Vec<(String, bool, String)> {
        claims_in(s, Span::new(0, s.len()), 0, Place::Lede)
            .into_iter()
            .map(|c| (c.actor, c.backs, c.trigger.of(s).to_string()))
            .collect()
    }

    #[test]
    fn stance_actor_and_polarity_from_general_rules() {
        let us = || "United States".to_string();
        assert_eq!(
            claims("Tariff Plan Wins US Backing At Geneva Talks"),
            [(us(), true, "Backing".into())]
        );
        assert_eq!(
            claims("US offers support in words but declines trade guarantees for Mexico"),
            [
                (us(), true, "offers".into()),
                (us(), false, "declines".into())
            ]
        );
        assert_eq!(
            claims("The United States refrained from signing the accord on Friday."),
            [(us(), false, "refrained from signing".into())]
        );
        assert_eq!(
            claims("The final statement was not formally endorsed by the United States."),
            [(us(), false, "endorsed".into())]
        );
        assert_eq!(
            claims("Leaders met in Paris, and Germany backed the plan."),
            [("Germany".into(), true, "backed".into())]
        );
        // A place after a preposition is no actor; no actor, no claim.
        assert!(claims("Leaders meeting in Washington on Monday signed the accord.").is_empty());
    }

    #[test]
    fn seed_headlines_conflict_over_us_backing_for_guarantees() {
        let c = crate::test_seeds::seed_corpus();
        let f = framing(&c);
        let t = taxonomy();
        let conflict = f
            .conflicts
            .iter()
            .find(|k| {
                k.actor == "United States"
                    && k.topics.iter().any(|&i| t[i].name == "security guarantees")
            })
            .expect("the US backing / declining conflict is flagged");
        let outlet = |i: usize| c.articles[f.claims[i].article].outlet.as_str();
        let backs: HashSet<&str> = conflict.backs.iter().map(|&i| outlet(i)).collect();
        let withholds: HashSet<&str> = conflict.withholds.iter().map(|&i| outlet(i)).collect();
        assert!(backs.contains("Africa Digital News"), "{backs:?}");
        assert!(backs.len() >= 3, "{backs:?}");
        assert_eq!(withholds, HashSet::from(["Caliber.Az"]));
        // The evidence is the words of each article, at their offsets.
        for &i in conflict.backs.iter().chain(&conflict.withholds) {
            let cl = &f.claims[i];
            let text = &c.articles[cl.article].text;
            assert!(cl.evidence.contains(cl.trigger));
            assert!(!cl.evidence.of(text).is_empty());
        }
        let words: Vec<&str> = conflict
            .withholds
            .iter()
            .map(|&i| {
                f.claims[i]
                    .trigger
                    .of(&c.articles[f.claims[i].article].text)
            })
            .collect();
        assert!(words.contains(&"declines"), "{words:?}");
        assert!(words.contains(&"refrained from signing"), "{words:?}");
        // Every article has a lede; headlines where the text or manifest has one.
        assert!(f.frames.iter().all(|fr| fr.lede.is_some()));
        // The narrower conflict over the same claims is folded in: one US conflict.
        assert_eq!(
            f.conflicts
                .iter()
                .filter(|k| k.actor == "United States")
                .count(),
            1,
            "{:?}",
            f.conflicts
        );
    }
}
