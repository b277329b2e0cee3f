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

/// What the merge reads of a statement: its speaker's kind, name and role, and how a
/// body was named in its article. Many statements share one, so the split pack keeps
/// each once.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpeakerKey {
    pub kind: SpeakerKind,
    pub name: String,
    pub role: String,
    pub alias: Option<String>,
}

impl SpeakerKey {
    /// The key of statement `s` of an article whose text is `text`.
    pub fn of(s: &Statement, text: &str) -> SpeakerKey {
        SpeakerKey {
            kind: s.speaker_kind,
            name: s.speaker.clone(),
            role: s.role.clone(),
            alias: body_alias(text, s),
        }
    }
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
            merge.know(s.speaker_kind, &s.speaker, &s.role);
        }
        merge
    }

    /// [`SpeakerMerge::new`] over speaker keys (one a statement, in corpus order): the
    /// split pack keeps these instead of the statements.
    pub fn of_keys<'a>(keys: impl IntoIterator<Item = &'a SpeakerKey>) -> SpeakerMerge {
        let mut merge = SpeakerMerge::default();
        for k in keys {
            merge.know(k.kind, &k.name, &k.role);
        }
        merge
    }

    fn know(&mut self, kind: SpeakerKind, name: &str, role: &str) {
        if kind == SpeakerKind::Person && name.split_whitespace().count() >= 2 {
            self.people.resolve(name, role);
        }
    }

    /// The speaker of statement `s` of an article whose text is `text`, made on first
    /// sight.
    pub fn of(&mut self, s: &Statement, text: &str) -> SpeakerId {
        self.of_key(&SpeakerKey::of(s, text))
    }

    /// The speaker of a statement with this key, made on first sight.
    pub fn of_key(&mut self, k: &SpeakerKey) -> SpeakerId {
        let (name, role) = match k.kind {
            SpeakerKind::Person => self.people.resolve(&k.name, &k.role),
            _ => (k.name.clone(), k.role.clone()),
        };
        let display = if name.is_empty() {
            "unattributed".to_string()
        } else {
            name
        };
        let key = (k.kind, name_key(&display));
        let list = &mut self.list;
        let id = *self.index.entry(key).or_insert_with(|| {
            list.push(Speaker {
                name: display.clone(),
                kind: k.kind,
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
            if let Some(bare) = &k.alias {
                if !bare.eq_ignore_ascii_case(&sp.name)
                    && !sp.aliases.iter().any(|(a, _)| a == bare)
                {
                    sp.aliases.push((
                        bare.clone(),
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

/// Applies a speaker table (see `data/speakers.txt`) to `speakers`, where `uses[i]` is
/// how many statements speaker `i` has: merges speakers listed under one canonical name,
/// sets the role and affiliation given there, and drops speakers left without
/// statements. Answers each old speaker's new id (statements are renumbered by it).
pub fn apply_table(speakers: &mut Vec<Speaker>, table: &str, uses: &[u64]) -> Vec<SpeakerId> {
    // Each old speaker's speaker as the lines merge them.
    let mut to: Vec<SpeakerId> = (0..speakers.len()).collect();
    for line in table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        apply_line(speakers, line, &mut to);
    }
    // Drop speakers left without statements, renumbering the rest.
    let mut used = vec![false; speakers.len()];
    for (old, &n) in uses.iter().enumerate() {
        if let Some(u) = to.get(old).and_then(|&t| used.get_mut(t)) {
            *u |= n > 0;
        }
    }
    let mut remap = vec![0; speakers.len()];
    let mut kept = Vec::new();
    for ((sp, &u), r) in std::mem::take(speakers)
        .into_iter()
        .zip(&used)
        .zip(&mut remap)
    {
        if u {
            *r = kept.len();
            kept.push(sp);
        }
    }
    *speakers = kept;
    to.iter()
        .map(|&t| remap.get(t).copied().unwrap_or_default())
        .collect()
}

/// One line of the speaker table: `canonical | aliases; ... | role | affiliation`.
fn apply_line(speakers: &mut [Speaker], line: &str, to: &mut [SpeakerId]) {
    let mut cols = line.split('|').map(str::trim);
    let canonical = cols.next().unwrap_or("");
    if canonical.is_empty() {
        return;
    }
    let aliases: Vec<&str> = cols
        .next()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let role = cols.next().unwrap_or("");
    let affiliation = cols.next().unwrap_or("");
    let keys: Vec<String> = std::iter::once(canonical)
        .chain(aliases.iter().copied())
        .map(name_key)
        .collect();
    let matching: Vec<SpeakerId> = (speakers.iter().enumerate())
        .filter(|(_, s)| keys.contains(&name_key(&s.name)))
        .map(|(i, _)| i)
        .collect();
    let Some((&target, others)) = matching.split_first() else {
        return;
    };
    // (`matching` holds indices of `speakers`, so every `get_mut` below finds one.)
    for &other in others {
        let Some(o) = speakers.get_mut(other) else {
            continue;
        };
        let old = std::mem::take(&mut o.aliases);
        let old_name = o.name.clone();
        if let Some(t) = speakers.get_mut(target) {
            t.aliases.extend(old);
            t.aliases
                .push((old_name, "listed as an alias in speakers.txt".into()));
        }
        for t in to.iter_mut().filter(|t| **t == other) {
            *t = target;
        }
    }
    let Some(t) = speakers.get_mut(target) else {
        return;
    };
    if t.name != canonical {
        let old = std::mem::replace(&mut t.name, canonical.to_string());
        t.aliases
            .push((old, "listed as an alias in speakers.txt".into()));
    }
    if !role.is_empty() {
        t.role = role.to_string();
    }
    if !affiliation.is_empty() {
        t.affiliation = affiliation.to_string();
    }
}
