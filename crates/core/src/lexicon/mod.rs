//! Every word list of the engine: speech cues, role titles, speaking bodies, boilerplate,
//! abbreviations, places, non-name words, the calendar's names, function words and the
//! lists each stage reads. They live as plain-text data files under `lexicon/data/`, are
//! embedded at compile time and parsed once by a tiny line parser, so no format crate is
//! needed in the wasm. A list of words in sections (`[name]` then words) is read by
//! [`sections`] into [`Words`]: one definition of each list, whatever reads it.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a, byte by byte: the pack's checksums (`formats::pack`) and the synthetic text's
/// seeds are written with it, so it stays as it is.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The hash of the lexicon's and the engine's maps (short words and spans, looked up once
/// per token or more), where SipHash's DoS resistance buys nothing: eight bytes at a time,
/// each mixed in by a rotate, an xor and a multiply (rustc's FxHash), so a word costs a few
/// instructions rather than a few per byte. The multiply leaves the high bits, which
/// hashbrown's tags read, well mixed.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type HashSet<K> = StdHashSet<K, BuildHasherDefault<WordHasher>>;

/// How strongly a verb marks speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueStrength {
    /// Introduces reported speech: `X said (that) ...`.
    Strong,
    /// Only attributes a quotation: `X described it as "..."`.
    Weak,
}

/// A recognised cue form.
#[derive(Clone, Debug)]
pub struct CueForm {
    pub lemma: &'static str,
    pub strength: CueStrength,
    /// `-ing` participle (`saying`, `adding`): its speaker is the clause's subject.
    pub participle: bool,
    /// A particle the form is a cue only with, right after it (`fired back`, `chimed in`):
    /// the cue is the two words.
    pub particle: Option<&'static str>,
}

/// A word list from a data file, in the file's order (it derefs to a slice: `iter`,
/// `position`, `get`), with a hashed [`Words::contains`] once the list is complete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words(Vec<&'static str>, HashSet<&'static str>);

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.0
    }
}

impl Words {
    /// Whether the list holds `word` (exactly, case and all): one hash lookup, where the
    /// slice's `contains` would compare with every entry.
    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        self.1.contains(word.as_ref())
    }

    /// The list with its lookup set built.
    fn indexed(list: Vec<&'static str>) -> Words {
        let set = list.iter().copied().collect();
        Words(list, set)
    }
}

/// A sectioned word-list file, read once: `[name]` lines, each followed by its entries;
/// `#` starts a comment line; a section named twice is one list. [`Sections::words`]
/// reads entries as words separated by white space (over as many lines as wanted),
/// [`Sections::lines`] one entry a line, spaces and all (two-word titles, sentences).
pub struct Sections(Vec<(&'static str, Words)>);

impl Sections {
    /// Entries are words.
    pub fn words(src: &'static str) -> Sections {
        Sections::read(src, false)
    }

    /// Entries are whole lines (trimmed).
    pub fn lines(src: &'static str) -> Sections {
        Sections::read(src, true)
    }

    fn read(src: &'static str, whole_lines: bool) -> Sections {
        let mut out: Vec<(&'static str, Words)> = Vec::new();
        let mut current = None;
        for line in data_lines(src) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(out.iter().position(|(n, _)| *n == name).unwrap_or_else(|| {
                    out.push((name, Words::default()));
                    out.len() - 1
                }));
            } else if let Some((_, words)) = current.and_then(|i| out.get_mut(i)) {
                if whole_lines {
                    words.0.push(line);
                } else {
                    words.0.extend(line.split_whitespace());
                }
            }
        }
        Sections(out)
    }

    /// How many sections the file has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the file has no section.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The section `name`, taken out (empty if the file has none; a test checks that
    /// every section the engine reads is there and not empty).
    pub fn take(&mut self, name: &str) -> Words {
        self.0
            .iter_mut()
            .find(|(n, _)| *n == name)
            .map(|(_, w)| Words::indexed(std::mem::take(&mut w.0)))
            .unwrap_or_default()
    }
}

// Formats' and corpus word lists (from here to "End of formats' and corpus word lists").

/// HTML element names and class words, in sections: how `formats::ingest` reads a web
/// page as an article.
pub const HTML: &str = include_str!("data/html.txt");
/// The synthetic corpus's vocabulary (`synth`), one entry a line, in sections.
pub const SYNTH: &str = include_str!("data/synth.txt");
/// The attribution classes `quoteline eval` scores by (verbs of saying, beliefs) and the
/// pronouns it leaves out of source accuracy, in sections.
pub const EVAL: &str = include_str!("data/eval.txt");

// End of formats' and corpus word lists.

/// All lexicons, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub cues: HashMap<String, CueForm>,
    /// The first two letters of every cue form, as bits: `cue_pairs[a]` has bit `b` set when
    /// a form starts with the ASCII bytes `a`, `b`. [`Lexicon::cue`] asks it first, as nearly
    /// every word it is given is no cue.
    cue_pairs: Vec<u128>,
    /// A one-hash Bloom filter of the cue forms by their first two and last bytes and
    /// their length (see `cue_key`): a second cheap test before the hash look-up.
    cue_bloom: Vec<u64>,
    /// Titles, lower case, single and multiword.
    pub titles: HashSet<String>,
    /// The longest title, in words.
    pub title_max_words: usize,
    /// First words of the titles (`prime` for `prime minister`): a cheap pre-check.
    pub title_starts: HashSet<String>,
    pub body_heads: HashSet<String>,
    /// alias (lower case) -> family (canonical name).
    pub body_families: HashMap<String, String>,
    /// Each family's aliases of several words (`joint statement`, `final declaration`):
    /// a one-word alias (`statement`) names the family only in an article that uses one.
    pub family_phrases: HashMap<String, Vec<String>>,
    /// Last words of family aliases (`statement`, `declaration`): a cheap pre-check.
    pub family_heads: HashSet<String>,
    pub boiler_lines: HashSet<String>,
    /// The longest of `boiler_lines`, in bytes.
    pub boiler_line_max: usize,
    /// The first two bytes of every footer marker and boilerplate prefix, as bits: bit
    /// `a * 256 + b` is set when one starts with bytes `a`, `b`. With a marker shorter
    /// than two bytes, every bit is set.
    marker_pairs: Vec<u64>,
    pub boiler_prefixes: Vec<String>,
    pub footer_markers: Vec<String>,
    pub credit_markers: Vec<String>,
    pub abbreviations: HashSet<String>,
    pub places: HashSet<String>,
    pub nonnames: HashSet<String>,
    /// Demonym or abbreviation -> country or organisation.
    pub demonyms: HashMap<String, String>,
    /// Given names and role words -> female (true) or male (false).
    pub genders: HashMap<String, bool>,
    /// The months, January first, and the weekdays, Monday first (lower case).
    pub months: Words,
    pub weekdays: Words,
    /// Prepositions of place, direction and relation; `more_prepositions` adds those
    /// of time, manner and agent.
    pub prepositions: Words,
    pub more_prepositions: Words,
    /// Words too common to narrow a search; `more_stop_words` adds the pronouns and
    /// auxiliaries the cross-outlet comparison also leaves out.
    pub stop_words: Words,
    pub more_stop_words: Words,
    // Extraction's word lists (extract/): lexicon/data/extraction.txt, one section each.
    /// Adverbs and auxiliaries skipped between a cue and its subject.
    pub skip_before_cue: Words,
    /// A word before a cue verb that makes it no cue (passive, determiner).
    pub passive_before_cue: Words,
    /// Words that open a clause (a cue's subject starts after them).
    pub clause_words: Words,
    /// With the prepositions: words that open a phrase, not a clause, after a cue.
    pub clause_prepositions: Words,
    /// With the weekdays and months: nouns ending a time or venue phrase after a cue.
    pub venue_words: Words,
    /// Participles opening a reporter's tail after a reported clause.
    pub tail_participles: Words,
    /// Objects of `told` a clause may follow without `that` (case-sensitive).
    pub told_objects: Words,
    /// Words introducing a quotation as a name or term.
    pub term_markers: Words,
    /// The term markers that are verbs of naming (`called`, `dubbed`): after a person,
    /// what follows is that person's characterisation.
    pub naming_verbs: Words,
    /// Words that join two verbs of one subject (`and`, `or`).
    pub coordinators: Words,
    /// Particles that may stand between a cue and its `that` ("pointed out that").
    pub cue_particles: Words,
    /// Verbs that put out a document ("The town released a statement"): who speaks is
    /// the phrase before them, not the document.
    pub issuing_verbs: Words,
    /// Conjunctions that may open a sentence before its subject ("But Durbin, ..., said").
    pub opening_conjunctions: Words,
    /// The infinitive marker (`to`).
    pub infinitive_markers: Words,
    /// Prepositions whose phrase is a participle cue's subject (`with`, `despite`).
    pub participle_governors: Words,
    /// Each form of a role word, with the number of its group of equivalent forms
    /// (`senator`, `sen.`): "the Florida senator" is held by "Sen. Marco Rubio".
    pub role_forms: HashMap<String, usize>,
    /// Words that make a role another office (`vice`, `former`): a role reference and
    /// its holder's role have the same ones.
    pub role_qualifiers: Words,
    /// The small words a title-case name may hold.
    pub term_minor_words: Words,
    /// Determiners dropped from a body's name.
    pub np_determiners: Words,
    /// Post-modifiers after a body's head noun.
    pub body_postmodifiers: Words,
    /// Particles inside a person's name.
    pub name_particles: Words,
    /// Words where a body's name is cut.
    pub body_name_cuts: Words,
    /// Words that start a sentence after an abbreviation (`U.S. The ...`; case-sensitive).
    pub sentence_openers: Words,
    // End of extraction's word lists.
    // Reported speech's word lists (extract/cues.rs, indirect.rs): data/speech.txt.
    /// One-word subjects that name no speaker by themselves (`it`, `others`).
    pub unnamed_subjects: Words,
    /// Indefinite pronouns that name nobody as a cue's subject (`others`, `some`).
    pub indefinite_subjects: Words,
    /// Speech acts whose content follows the verb (`endorsed Cruz`), by lemma.
    pub act_object: Words,
    /// Speech acts whose content is an infinitive only (`declined to comment`), by lemma.
    pub act_to: Words,
    /// Words that belong to a speech act's verb (`called for`, `warned of`).
    pub act_particles: Words,
    /// Speech acts whose content follows a particle only (`talked about`), by lemma.
    pub act_about: Words,
    /// The particles that open such an act's content (`about`, `of`, `out`).
    pub about_particles: Words,
    /// Words after a weak act's verb that make it a phrasal verb (`backed away`).
    pub phrasal_particles: Words,
    /// Auxiliaries that, opening a speech act's content, show its verb was a noun.
    pub auxiliaries: Words,
    /// Plurals of people: a group that may be a weak speech act's speaker (`critics`).
    pub people_nouns: Words,
    /// Speech acts whose content is a question (`asked whether ...`), by lemma.
    pub act_question: Words,
    /// Words that open a question's content (`whether`, `about`).
    pub question_words: Words,
    /// Words of a time phrase right after a cue besides weekdays and months (`yesterday`).
    pub time_words: Words,
    /// Parts of the day after a date (`Monday night`), read past before a cue.
    pub day_parts: Words,
    /// Auxiliaries that make a cue's -ing form the progressive (`is saying`).
    pub progressive_auxiliaries: Words,
    /// Words after which a cue's -ed form is an adjective (`his repeated attempts`).
    pub adjective_after: Words,
    /// Cues that report a clause only after `that` (`maintained that`), by lemma.
    pub that_only: Words,
    /// Relative pronouns closing the phrase before a cue (`18 percent who say`).
    pub relative_pronouns: Words,
    /// Words opening a relative clause's own subject right after "who" (not a subject
    /// relative: `the judge who he said ...`).
    pub relative_objects: Words,
    /// Verbs of evidence (`shows`, `found`): a speech act only after a document's head.
    pub evidence_verbs: Words,
    /// Heads of a document or a count that speaks by its verb of evidence (`poll`, `records`).
    pub document_heads: Words,
    /// Words that make a line's "Label:" no speaker (`Related:`, `Update:`).
    pub label_not_speakers: Words,
    /// An interview's question labels (`Q:`), as written: the interviewer's.
    pub question_labels: Words,
    /// An interview's answer labels (`A:`), as written: the interviewee's.
    pub answer_labels: Words,
    /// The places that may speak for their government (`Russia said`), from places.txt's
    /// countries; every other place (a state, a city, a seat of power) never speaks.
    pub countries: HashSet<String>,
    /// Words that make a noun phrase a number of people (`One in three`, `Most`): the
    /// phrase is then a group, never a person.
    pub quantifiers: Words,
    /// One-word names that are common words, never merged with a person (people.rs).
    pub unmerged_names: Words,
}

/// The speaker table: known people and bodies, with their roles and spellings.
pub const SPEAKERS: &str = include_str!("data/speakers.txt");
/// The topic taxonomy: each topic's name and the words that mark it.
pub const TOPICS: &str = include_str!("data/topics.txt");
/// Stance words, by the side they mark.
pub const STANCE: &str = include_str!("data/stance.txt");
const CUES: &str = include_str!("data/cues.txt");
const TITLES: &str = include_str!("data/titles.txt");
const BODIES: &str = include_str!("data/bodies.txt");
const BOILERPLATE: &str = include_str!("data/boilerplate.txt");
const ABBREVIATIONS: &str = include_str!("data/abbreviations.txt");
const PLACES: &str = include_str!("data/places.txt");
const NONNAMES: &str = include_str!("data/nonnames.txt");
const DEMONYMS: &str = include_str!("data/demonyms.txt");
const FIRST_NAMES: &str = include_str!("data/first_names.txt");
const CALENDAR: &str = include_str!("data/calendar.txt");
const FUNCTION_WORDS: &str = include_str!("data/function_words.txt");
// Extraction's word lists (extract/).
const EXTRACTION: &str = include_str!("data/extraction.txt");
// Reported speech's word lists (extract/cues.rs, indirect.rs).
const SPEECH: &str = include_str!("data/speech.txt");

/// The number of bits of `Lexicon::cue_bloom`.
const CUE_BLOOM_BITS: usize = 1 << 16;

/// The Bloom filter bit of an ASCII word (case-insensitively): its first two and last bytes
/// and its length; `None` for a word of fewer than two bytes, which no cue form is.
fn cue_key(w: &[u8]) -> Option<usize> {
    let (&a, &b, &z) = (w.first()?, w.get(1)?, w.last()?);
    let h = (u32::from(a.to_ascii_lowercase()) << 16)
        ^ (u32::from(b.to_ascii_lowercase()) << 8)
        ^ u32::from(z.to_ascii_lowercase())
        ^ ((w.len().min(255) as u32) << 24);
    Some((h.wrapping_mul(0x9e37_79b1) >> 16) as usize % CUE_BLOOM_BITS)
}

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// places.txt: every place, and the countries among them.
fn read_places() -> (HashSet<String>, HashSet<String>) {
    let mut places = Sections::words(PLACES);
    let countries: HashSet<String> = places
        .take("countries")
        .iter()
        .map(|w| w.to_string())
        .collect();
    let mut all: HashSet<String> = countries.clone();
    for section in ["regions", "states", "cities", "seats"] {
        all.extend(places.take(section).iter().map(|w| w.to_string()));
    }
    (all, countries)
}

/// The few lists the explorer reads too: the calendar's names (dates, the timeline's
/// axis) and the stop words (the query, the word diff). Parsed apart from [`Lexicon`],
/// from their two data files only, so code that reads nothing else (the explorer's wasm)
/// carries neither the engine's lists nor their parser. [`Lexicon`] holds the same lists.
#[derive(Debug, Default)]
pub struct Common {
    /// The months, January first, and the weekdays, Monday first (lower case).
    pub months: Words,
    pub weekdays: Words,
    /// Words too common to narrow a search; `more_stop_words` adds the pronouns and
    /// auxiliaries the cross-outlet comparison also leaves out.
    pub stop_words: Words,
    pub more_stop_words: Words,
}

impl Common {
    /// The shared, lazily parsed lists.
    pub fn get() -> &'static Common {
        static COMMON: OnceLock<Common> = OnceLock::new();
        COMMON.get_or_init(|| {
            let mut calendar = Sections::words(CALENDAR);
            let mut function_words = Sections::words(FUNCTION_WORDS);
            Common {
                months: calendar.take("months"),
                weekdays: calendar.take("weekdays"),
                stop_words: function_words.take("stop"),
                more_stop_words: function_words.take("stop.more"),
            }
        })
    }
}

impl Lexicon {
    /// The shared, lazily parsed lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let mut lex = Lexicon {
            cue_pairs: vec![0; 128],
            cue_bloom: vec![0; CUE_BLOOM_BITS / 64],
            ..Lexicon::default()
        };
        for line in data_lines(CUES) {
            let mut words = line.split_whitespace();
            let strength = match words.next() {
                Some("strong") => CueStrength::Strong,
                _ => CueStrength::Weak,
            };
            let Some(lemma) = words.next() else { continue };
            let (lemma, label_only) = match lemma.strip_suffix('*') {
                Some(l) => (l, true),
                None => (lemma, false),
            };
            let mut forms: Vec<&'static str> = if label_only { Vec::new() } else { vec![lemma] };
            // (`+back` at the end: the forms are cues only before that particle.)
            let mut particle = None;
            for w in words {
                match w.strip_prefix('+') {
                    Some(p) => particle = Some(p),
                    None => forms.push(w),
                }
            }
            for form in forms {
                if let [a, b, ..] = *form.to_lowercase().as_bytes() {
                    if let Some(p) = lex
                        .cue_pairs
                        .get_mut(usize::from(a))
                        .filter(|_| b.is_ascii())
                    {
                        *p |= 1u128 << b;
                    }
                }
                if let Some(k) = cue_key(form.to_lowercase().as_bytes()) {
                    if let Some(w) = lex.cue_bloom.get_mut(k / 64) {
                        *w |= 1 << (k % 64);
                    }
                }
                lex.cues.insert(
                    form.to_lowercase(),
                    CueForm {
                        lemma,
                        strength,
                        participle: form.ends_with("ing"),
                        particle,
                    },
                );
            }
        }
        for line in data_lines(TITLES) {
            let t = line.to_lowercase();
            lex.title_max_words = lex.title_max_words.max(t.split_whitespace().count());
            if let Some(first) = t.split_whitespace().next() {
                lex.title_starts.insert(first.to_string());
            }
            lex.titles.insert(t);
        }
        for line in data_lines(BODIES) {
            if let Some((family, aliases)) = line.split_once('=') {
                let family = family.trim().to_string();
                for alias in aliases.split(',') {
                    let alias = alias.trim().to_lowercase();
                    if let Some(head) = alias.split_whitespace().last() {
                        lex.body_heads.insert(head.to_string());
                        lex.family_heads.insert(head.to_string());
                    }
                    if alias.contains(' ') {
                        let phrases = lex.family_phrases.entry(family.clone()).or_default();
                        phrases.push(alias.clone());
                        phrases.push(alias.replace('\'', "’"));
                    }
                    lex.body_families
                        .insert(alias.replace('\'', "’"), family.clone());
                }
            } else {
                lex.body_heads.insert(line.to_lowercase());
            }
        }
        for line in data_lines(BOILERPLATE) {
            let Some((kind, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_lowercase();
            match kind {
                "line" => {
                    lex.boiler_lines.insert(value);
                }
                "prefix" => lex.boiler_prefixes.push(value),
                "footer" => lex.footer_markers.push(value),
                "credit" => lex.credit_markers.push(value),
                _ => {}
            }
        }
        lex.boiler_line_max = lex.boiler_lines.iter().map(String::len).max().unwrap_or(0);
        lex.marker_pairs = vec![0; 1024];
        for m in lex.footer_markers.iter().chain(&lex.boiler_prefixes) {
            match *m.as_bytes() {
                [a, b, ..] => {
                    let k = usize::from(a) * 256 + usize::from(b);
                    if let Some(w) = lex.marker_pairs.get_mut(k / 64) {
                        *w |= 1 << (k % 64);
                    }
                }
                _ => lex.marker_pairs.iter_mut().for_each(|w| *w = u64::MAX),
            }
        }
        let common = Common::get();
        lex.months = common.months.clone();
        lex.weekdays = common.weekdays.clone();
        lex.stop_words = common.stop_words.clone();
        lex.more_stop_words = common.more_stop_words.clone();
        let mut function_words = Sections::words(FUNCTION_WORDS);
        lex.prepositions = function_words.take("prepositions");
        lex.more_prepositions = function_words.take("prepositions.more");
        // Extraction's word lists (extract/).
        lex.read_extraction();
        // End of extraction's word lists.
        lex.abbreviations = data_lines(ABBREVIATIONS).map(str::to_string).collect();
        (lex.places, lex.countries) = read_places();
        lex.demonyms = data_lines(DEMONYMS)
            .filter_map(|l| l.split_once('='))
            .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            .collect();
        for line in data_lines(FIRST_NAMES) {
            let mut words = line.split_whitespace();
            let female = match words.next() {
                Some("f" | "f:") => true,
                Some("m" | "m:") => false,
                _ => continue,
            };
            for w in words {
                lex.genders.insert(w.to_lowercase(), female);
            }
        }
        lex.nonnames = data_lines(NONNAMES)
            .flat_map(|l| l.split_whitespace())
            .map(str::to_string)
            .collect();
        lex.read_speech();
        lex
    }

    /// Extraction's lists (data/extraction.txt).
    fn read_extraction(&mut self) {
        let mut extraction = Sections::words(EXTRACTION);
        self.role_qualifiers = extraction.take("role.qualifiers");
        let forms = extraction.take("role.forms");
        self.role_forms = (forms.iter().enumerate())
            .flat_map(|(g, group)| group.split('=').map(move |f| (f.to_string(), g)))
            .collect();
        self.skip_before_cue = extraction.take("cue.skip_before");
        self.passive_before_cue = extraction.take("cue.passive");
        self.clause_words = extraction.take("clause.words");
        self.clause_prepositions = extraction.take("clause.prepositions");
        self.venue_words = extraction.take("clause.venues");
        self.tail_participles = extraction.take("clause.tail_participles");
        self.told_objects = extraction.take("told.objects");
        self.term_markers = extraction.take("term.markers");
        self.naming_verbs = extraction.take("term.naming_verbs");
        self.coordinators = extraction.take("merge.coordinators");
        self.issuing_verbs = extraction.take("mention.issuing_verbs");
        self.opening_conjunctions = extraction.take("subject.conjunctions");
        self.infinitive_markers = extraction.take("merge.infinitive");
        self.participle_governors = extraction.take("participle.governors");
        self.term_minor_words = extraction.take("term.minor");
        self.np_determiners = extraction.take("mention.determiners");
        self.body_postmodifiers = extraction.take("mention.postmodifiers");
        self.name_particles = extraction.take("mention.particles");
        self.body_name_cuts = extraction.take("mention.body_cuts");
        self.sentence_openers = extraction.take("sentence.openers");
        self.quantifiers = extraction.take("mention.quantifiers");
        self.unmerged_names = extraction.take("people.unmerged");
    }

    /// Reported speech's lists (data/speech.txt).
    fn read_speech(&mut self) {
        let mut speech = Sections::words(SPEECH);
        self.unnamed_subjects = speech.take("subject.unnamed");
        self.indefinite_subjects = speech.take("subject.indefinite");
        self.act_object = speech.take("act.object");
        self.act_to = speech.take("act.to");
        self.act_particles = speech.take("act.particles");
        self.cue_particles = speech.take("cue.particles");
        self.act_about = speech.take("act.about");
        self.about_particles = speech.take("act.about_particles");
        self.act_question = speech.take("act.question");
        self.people_nouns = speech.take("subject.people");
        self.phrasal_particles = speech.take("act.phrasal");
        self.auxiliaries = speech.take("act.auxiliaries");

        self.question_words = speech.take("act.question_words");
        self.time_words = speech.take("cue.time_words");
        self.day_parts = speech.take("cue.day_parts");
        self.progressive_auxiliaries = speech.take("cue.progressive");
        self.adjective_after = speech.take("cue.adjective_after");
        self.that_only = speech.take("cue.that_only");
        self.relative_pronouns = speech.take("subject.relatives");
        self.relative_objects = speech.take("subject.relative_objects");
        self.evidence_verbs = speech.take("cue.evidence");
        self.document_heads = speech.take("subject.documents");
        self.label_not_speakers = speech.take("label.not_speakers");
        self.question_labels = speech.take("label.question");
        self.answer_labels = speech.take("label.answer");
    }

    /// The cue form for a word, case-insensitively.
    pub fn cue(&self, word: &str) -> Option<&CueForm> {
        // Every cue form is ASCII (a test checks it), so a word starting with two ASCII
        // letters that no form starts with, in either case, is no cue.
        if let [a, b, ..] = *word.as_bytes() {
            if a.is_ascii() && b.is_ascii() {
                let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
                // (`cue_pairs` has a word per ASCII byte: `get` always finds `a`'s.)
                if self
                    .cue_pairs
                    .get(usize::from(a))
                    .is_none_or(|p| p & (1u128 << b) == 0)
                {
                    return None;
                }
            }
        }
        // An ASCII word is a cue form only if its lower case is: same length, and the same
        // bytes lower-cased one by one. (A non-ASCII word may lower-case to ASCII: `K`.)
        if word.is_ascii() {
            let k = cue_key(word.as_bytes()).map(|k| {
                self.cue_bloom
                    .get(k / 64)
                    .map_or(0, |w| w & (1 << (k % 64)))
            });
            if k.is_none_or(|bit| bit == 0) {
                return None;
            }
        }
        crate::text::with_lower(word, |w| self.cues.get(w))
    }

    /// Whether `s` may start with a footer marker or a boilerplate prefix: `false` means it
    /// starts with none of them.
    pub fn may_start_marker(&self, s: &str) -> bool {
        match *s.as_bytes() {
            [a, b, ..] => {
                let k = usize::from(a) * 256 + usize::from(b);
                self.marker_pairs
                    .get(k / 64)
                    .is_some_and(|w| w & (1 << (k % 64)) != 0)
            }
            // Shorter than two bytes: it starts only with a marker as short, if any.
            _ => self.marker_pairs.iter().all(|&w| w == u64::MAX),
        }
    }

    /// The country or organisation a role names (`French President` -> France), if any.
    pub fn affiliation(&self, role: &str) -> Option<String> {
        let words: Vec<&str> = role.split_whitespace().collect();
        for n in (1..=2).rev() {
            for w in words.windows(n) {
                if let Some(a) = self.demonyms.get(&w.join(" ")) {
                    return Some(a.clone());
                }
            }
        }
        words
            .iter()
            .find(|w| self.places.contains(**w))
            .map(|w| w.to_string())
    }

    /// Whether a person with this name and role is female (`Some(true)`), male, or unknown:
    /// role words decide first (spokeswoman, Mr.), then the given name.
    pub fn gender(&self, name: &str, role: &str) -> Option<bool> {
        role.split_whitespace()
            .rev()
            .find_map(|w| crate::text::with_lower(w, |w| self.genders.get(w).copied()))
            .or_else(|| {
                name.split_whitespace()
                    .next()
                    .filter(|_| name.contains(' '))
                    .and_then(|f| crate::text::with_lower(f, |f| self.genders.get(f).copied()))
            })
    }

    /// Whether two role words (lower case) are one role: the same word, or forms of one
    /// (`senator`, `sen.`; see `role.forms` in extraction.txt).
    pub fn same_role_word(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .role_forms
                .get(a)
                .is_some_and(|g| self.role_forms.get(b) == Some(g))
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        crate::text::with_lower(phrase, |p| self.titles.contains(p))
    }

    /// Whether some title starts with this word (case-insensitively). A phrase whose first
    /// word fails this is no title.
    pub fn is_title_start(&self, word: &str) -> bool {
        crate::text::with_lower(word, |w| self.title_starts.contains(w))
    }
}

#[cfg(test)]
mod tests;
