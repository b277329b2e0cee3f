//! The reduce of a split pack: corpora of one article each (what `quoteline prepare`
//! prints and `pack --sharded` makes on every core) merged into the archive's corpus.
//!
//! Everything local to an article (extraction, dating, topics, ids, context events) is
//! already done in its own corpus; what is left is archive-wide and works on each
//! statement's speaker fields only (name, kind, role, the mention of a body), never on
//! texts: persons resolved across articles (full names first), one speaker per kind and
//! name key in order of first statement, roles and aliases, affiliations, and the
//! speaker table. It is `Corpus::assemble`'s merge, step for step, so the archive equals
//! the one-file corpus of the same articles (`crates/cli/tests/shard.rs` holds them
//! equal); when `assemble` changes, this follows.

use quoteline_core::corpus::{Corpus, Speaker, SpeakerId};
use quoteline_core::extract::people::{name_key, People};
use quoteline_core::lexicon::{Lexicon, SPEAKERS};
use quoteline_core::model::{SpeakerKind, Statement};
use std::collections::HashMap;

/// How a body was named in its article, when that is worth an alias (the words of its
/// mention without a leading article), as `assemble` keeps it.
fn body_alias(text: &str, s: &Statement) -> Option<String> {
    let said = s.evidence.mention?.of(text).trim();
    let bare = said
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim_start_matches("a ")
        .trim_start_matches("A ");
    (!bare.is_empty() && bare.chars().count() <= 48).then(|| bare.to_string())
}

/// The archive's speakers as they are found, by kind and name key.
#[derive(Default)]
struct Speakers {
    people: People,
    list: Vec<Speaker>,
    index: HashMap<(SpeakerKind, String), SpeakerId>,
}

impl Speakers {
    /// The speaker of one statement, made on first sight.
    fn of(&mut self, s: &Statement, text: &str) -> SpeakerId {
        let (name, role) = match s.speaker_kind {
            SpeakerKind::Person => self.people.resolve(&s.speaker, &s.role),
            _ => (s.speaker.clone(), s.role.clone()),
        };
        let display = if name.is_empty() {
            "unattributed".to_string()
        } else {
            name
        };
        let key = (s.speaker_kind, name_key(&display));
        let list = &mut self.list;
        let id = *self.index.entry(key).or_insert_with(|| {
            list.push(Speaker {
                name: display.clone(),
                kind: s.speaker_kind,
                role: role.clone(),
                affiliation: String::new(),
                aliases: Vec::new(),
            });
            list.len() - 1
        });
        if let Some(sp) = self.list.get_mut(id) {
            if sp.role.is_empty() {
                sp.role = role;
            }
            if s.speaker_kind == SpeakerKind::Body {
                if let Some(bare) = body_alias(text, s) {
                    if !bare.eq_ignore_ascii_case(&sp.name)
                        && !sp.aliases.iter().any(|(a, _)| *a == bare)
                    {
                        sp.aliases.push((
                            bare,
                            "a name for the same body (document family or wording in bodies.txt)"
                                .into(),
                        ));
                    }
                }
            }
        }
        id
    }
}

/// Merges one-article corpora, in the order given, into the archive's corpus.
pub fn merge(parts: Vec<Corpus>) -> Corpus {
    let mut speakers = Speakers::default();
    // Persons: full names first, so that a bare surname in one outlet finds the full name in another.
    for e in parts.iter().flat_map(|p| &p.entries) {
        let s = &e.statement;
        if s.speaker_kind == SpeakerKind::Person && s.speaker.split_whitespace().count() >= 2 {
            speakers.people.resolve(&s.speaker, &s.role);
        }
    }
    let mut corpus = Corpus::default();
    for part in parts {
        let base = corpus.articles.len();
        let text = part.articles.first().map_or("", |a| a.text.as_str());
        for mut e in part.entries {
            e.speaker = speakers.of(&e.statement, text);
            e.article += base;
            corpus.entries.push(e);
        }
        corpus.events.extend(part.events.into_iter().map(|mut ev| {
            ev.article += base;
            ev
        }));
        corpus.articles.extend(part.articles);
    }
    let lex = Lexicon::get();
    for sp in &mut speakers.list {
        sp.affiliation = lex.affiliation(&sp.role).unwrap_or_default();
        if let Some(e) = speakers.people.entries.iter().find(|e| e.full == sp.name) {
            sp.aliases.extend(e.aliases.iter().cloned());
        }
    }
    corpus.speakers = speakers.list;
    corpus.apply_speaker_table(SPEAKERS);
    corpus
}
