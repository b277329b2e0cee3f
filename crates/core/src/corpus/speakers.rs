//! A corpus's speakers and their merge across articles, shared by [`super::Corpus::assemble`] and the split
//! pack's reduce (`quoteline pack --sharded`): persons resolved across articles (full
//! names first), one speaker per kind and name key in order of first statement, roles,
//! the names a body was called by, then affiliations and a person's aliases. It reads
//! each statement's speaker fields and the mention of a body, never its words.

use crate::extract::people::{name_key, People};
use crate::model::{SpeakerKind, Statement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub type SpeakerId = usize;

/// A speaker merged across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub kind: SpeakerKind,
    pub role: String,
    /// Country or organisation, where the role names one (`French President` -> France).
    pub affiliation: String,
    /// Other names seen for this speaker, each with why it was merged.
    pub aliases: Vec<(String, String)>,
}

/// The speakers of a corpus as they are found.
#[derive(Default)]
pub struct SpeakerMerge {
    people: People,
    list: Vec<Speaker>,
    index: HashMap<(SpeakerKind, String), SpeakerId>,
}

impl SpeakerMerge {
    /// A merge that knows every person named in full among `statements` first, so that a
    /// bare surname in one outlet finds the full name in another.
    pub fn new<'a>(statements: impl IntoIterator<Item = &'a Statement>) -> SpeakerMerge {
        let mut merge = SpeakerMerge::default();
        for s in statements {
            if s.speaker_kind == SpeakerKind::Person && s.speaker.split_whitespace().count() >= 2 {
                merge.people.resolve(&s.speaker, &s.role);
            }
        }
        merge
    }

    /// The speaker of statement `s` of an article whose text is `text`, made on first
    /// sight.
    pub fn of(&mut self, s: &Statement, text: &str) -> SpeakerId {
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
        // (`id` was just found or pushed: `get_mut` always finds it.)
        if let Some(sp) = self.list.get_mut(id) {
            if sp.role.is_empty() {
                sp.role = role;
            }
            // How a body was named, when that differs from its canonical name.
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
        id
    }

    /// The speakers found, with the affiliations their roles give and a person's aliases.
    pub fn finish(self) -> Vec<Speaker> {
        let lex = crate::lexicon::Lexicon::get();
        let mut list = self.list;
        for sp in &mut list {
            sp.affiliation = lex.affiliation(&sp.role).unwrap_or_default();
            if let Some(e) = self.people.entries.iter().find(|e| e.full == sp.name) {
                sp.aliases.extend(e.aliases.iter().cloned());
            }
        }
        list
    }
}

/// How a body was named in its article (the words of its mention without a leading
/// article), when that is short enough to be an alias.
fn body_alias(text: &str, s: &Statement) -> Option<String> {
    if s.speaker_kind != SpeakerKind::Body {
        return None;
    }
    let said = s.evidence.mention?.of(text).trim();
    let bare = said
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim_start_matches("a ")
        .trim_start_matches("A ");
    (!bare.is_empty() && bare.chars().count() <= 48).then(|| bare.to_string())
}
