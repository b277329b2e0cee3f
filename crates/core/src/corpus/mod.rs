//! The corpus: articles plus their statements and speakers, built once and indexed.
//! Speakers are merged across articles here (one person under several spellings, a
//! surname in one outlet and a full name in another), with the reason for each merge.

pub mod compare;
pub mod dates;
pub mod framing;
pub mod meta;
pub mod speakers;
pub mod topics;

use crate::extract::extract;
use crate::model::*;
use crate::text::{str_from, str_to, Span};
use dates::{Precision, When};
use serde::{Deserialize, Serialize};
use speakers::SpeakerMerge;
pub use speakers::{Speaker, SpeakerId};

/// Declares [`ArticleMeta`] from its one list of fields, with that list as data: the
/// fields' names ([`ArticleMeta::FIELDS`]) and the fields by position
/// ([`ArticleMeta::fields`], [`ArticleMeta::fields_mut`]), in declaration order. The
/// manifest, the workspace's checks and checksum and the CLI go through these, so a
/// field added here is read, checked and hashed everywhere.
macro_rules! article_meta {
    (
        $(#[$attr:meta])*
        pub struct ArticleMeta { $($(#[$doc:meta])* pub $field:ident: String,)* }
    ) => {
        $(#[$attr])*
        pub struct ArticleMeta { $($(#[$doc])* pub $field: String,)* }

        /// How many fields [`ArticleMeta`] has.
        pub const META_FIELDS: usize = [$(stringify!($field)),*].len();

        impl ArticleMeta {
            /// The fields' names, in declaration order (the order of every file format).
            pub const FIELDS: [&'static str; META_FIELDS] = [$(stringify!($field)),*];

            /// Every field, in declaration order (for hashing and checksums).
            pub fn fields(&self) -> [&str; META_FIELDS] {
                [$(&self.$field),*]
            }

            /// Every field, mutably, in declaration order.
            pub fn fields_mut(&mut self) -> [&mut String; META_FIELDS] {
                [$(&mut self.$field),*]
            }
        }
    };
}

article_meta! {
    /// Facts about an article, from a manifest or inferred from its text. Empty means
    /// unknown. The order of the fields is part of the corpus file and the checksums.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ArticleMeta {
        pub outlet: String,
        pub headline: String,
        pub byline: String,
        pub url: String,
        /// Publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
        pub date: String,
        /// The date of the event reported, same format.
        pub event_date: String,
        pub source: String,
        pub derived_from: String,
    }
}

impl ArticleMeta {
    /// The field named `name`, mutably (`None` for a name that is not a field).
    pub fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        let i = Self::FIELDS.iter().position(|f| *f == name)?;
        self.fields_mut().into_iter().nth(i)
    }

    /// Each field still empty takes `other`'s value (the facts a file gives fill in
    /// what the manifest left unknown).
    pub fn fill_from(&mut self, mut other: ArticleMeta) {
        for (mine, theirs) in self.fields_mut().into_iter().zip(other.fields_mut()) {
            if mine.is_empty() {
                *mine = std::mem::take(theirs);
            }
        }
    }
}

/// One source article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// File name as given.
    pub name: String,
    pub text: String,
    pub meta: ArticleMeta,
    /// The outlet shown in the UI: the manifest's, else inferred, else the file name
    /// (without its folders).
    pub outlet: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Facts inferred from the text: (field, value, evidence).
    pub provenance: Vec<(String, String, String)>,
    /// The date statements are resolved against: publication or event date, else the
    /// first full date in the text; unknown when the article gives none.
    pub anchor: When,
}

/// Something the articles say happened at a time (history, the day before, the day after).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub article: usize,
    /// The sentence that reports it.
    pub sentence: Span,
    /// The time expression.
    pub expr: Span,
    /// The clause around the expression (what happened then), for labels.
    pub clause: Span,
    pub when: When,
}

/// The clause of `sentence` around `expr`: from the last clause break before it to the
/// first after it (commas, dashes, semicolons, "and", "while", "which").
pub fn clause_around(text: &str, sentence: Span, expr: Span) -> Span {
    let s = sentence.of(text);
    let (a, b) = (
        expr.start.saturating_sub(sentence.start),
        expr.end.saturating_sub(sentence.start),
    );
    let breaks = [
        ", ", "; ", " — ", " – ", " and ", " while ", " which ", " but ",
    ];
    let start = breaks
        .iter()
        .filter_map(|br| str_to(s, a).rfind(br).map(|i| i + br.len()))
        .max()
        .unwrap_or(0);
    let end = breaks
        .iter()
        .filter_map(|br| str_from(s, b).find(br).map(|i| b + i))
        .min()
        .unwrap_or(s.len());
    crate::text::trim_span(
        text,
        Span::new(sentence.start + start, sentence.start + end),
    )
}

pub type StatementId = usize;

/// A statement placed in the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id: `{file}@{start}-{end}`.
    pub id: String,
    pub article: usize,
    pub speaker: SpeakerId,
    pub statement: Statement,
    /// When it was said: a time expression tied to the cue, else the article's date.
    pub when: When,
    /// The time expression that dated it, if any (else the article's date did).
    pub when_expr: Option<Span>,
    /// Topics (index into `topics::taxonomy()`) with the words that triggered each.
    pub topics: Vec<(usize, Vec<Span>)>,
}

impl Entry {
    pub fn text<'a>(&self, corpus: &'a Corpus) -> &'a str {
        corpus.span_text(self.article, self.statement.span)
    }
}

/// Articles, statements and speakers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entries: Vec<Entry>,
    pub speakers: Vec<Speaker>,
    /// Context events from the text, in article order.
    pub events: Vec<Event>,
}

/// An article extracted but not yet merged into a corpus (see [`Corpus::prepare`]).
#[derive(Clone)]
pub struct Prepared {
    pub article: Article,
    pub extraction: crate::extract::Extraction,
}

/// An article to add: name, text, known facts.
pub struct Input<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub meta: ArticleMeta,
}

/// The outlet never speaks in its own article: what it "reports" is the article itself
/// (`..., Caliber.Az reports per the newspaper`). Such statements leave the list and stay
/// as diagnostics, so nothing disappears silently.
fn own_narration_out(ex: &mut crate::extract::Extraction, outlet: &str) {
    let own = crate::text::fold(outlet);
    if own.is_empty() {
        return;
    }
    let (narration, statements): (Vec<Statement>, Vec<Statement>) =
        std::mem::take(&mut ex.statements)
            .into_iter()
            .partition(|s| crate::text::fold(&s.speaker) == own);
    ex.statements = statements;
    for s in narration {
        ex.diagnostics.push(Diagnostic {
            severity: Severity::Info,
            span: Some(s.span),
            message: format!("the outlet's own narration ({outlet}), not a statement"),
        });
    }
}

/// The dates of an article's statements. A statement's date is the first day- or
/// month-precise time expression in its sentence that lies outside every statement of that
/// sentence (the reporter's frame: "said on Monday", "A day earlier, X said"), else the
/// article's anchor date. That depends on the sentence alone, so each sentence is read
/// once, however many statements it holds.
struct StatementDates<'a> {
    text: &'a str,
    anchor: When,
    /// Each sentence's statements: (start, the furthest end of those starting by then),
    /// in order of start.
    by_sentence: std::collections::HashMap<Span, Vec<(usize, usize)>>,
    /// Each sentence's date, once found.
    found: std::collections::HashMap<Span, (When, Option<Span>)>,
}

impl<'a> StatementDates<'a> {
    fn new(text: &'a str, statements: &[Statement], anchor: When) -> StatementDates<'a> {
        let mut by_sentence: std::collections::HashMap<Span, Vec<(usize, usize)>> =
            Default::default();
        for s in statements {
            // The speaker's words only: a time expression in the cue that interrupts a
            // quote ("“A,” she said on Monday, “B.”") is the reporter's frame.
            let spans = by_sentence.entry(s.sentence).or_default();
            spans.extend(s.said().iter().map(|w| (w.start, w.end)));
        }
        for spans in by_sentence.values_mut() {
            spans.sort_unstable();
            let mut reach = 0;
            for (_, end) in spans.iter_mut() {
                reach = reach.max(*end);
                *end = reach;
            }
        }
        StatementDates {
            text,
            anchor,
            by_sentence,
            found: Default::default(),
        }
    }

    fn date(&mut self, s: &Statement) -> (When, Option<Span>) {
        if let Some(&d) = self.found.get(&s.sentence) {
            return d;
        }
        let spans = self
            .by_sentence
            .get(&s.sentence)
            .map_or(&[][..], Vec::as_slice);
        // Some statement contains `span` when one starting by its start reaches its end.
        let inside = |span: Span| {
            let k = spans.partition_point(|&(start, _)| start <= span.start);
            k.checked_sub(1)
                .and_then(|k| spans.get(k))
                .is_some_and(|&(_, reach)| reach >= span.end)
        };
        let mut d = (self.anchor, None);
        for (span, expr) in dates::find(self.text, s.sentence) {
            if inside(span) || matches!(expr, dates::Expr::Year(_)) {
                continue;
            }
            let w = dates::resolve(&expr, self.anchor, false);
            if w.precision >= Precision::Month {
                d = (w, Some(span));
                break;
            }
        }
        self.found.insert(s.sentence, d);
        d
    }
}

/// Sentences that date something (history, the day before, what comes next): the
/// timeline's context events. Future tense picks the next matching weekday.
fn context_events(article: &Article, ai: usize, ex: &crate::extract::Extraction) -> Vec<Event> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in &ex.statements {
        seen.insert(s.sentence);
    }
    let mut sentences: Vec<Span> = Vec::new();
    for b in ex.layout.body() {
        let quotes: Vec<Span> = Vec::new();
        sentences.extend(crate::extract::sentences::sentences(text, b.span, &quotes));
    }
    for sent in sentences {
        let st = sent.of(text);
        let future = [" will ", " would ", " next ", " plans to ", " is due "]
            .iter()
            .any(|w| st.contains(w));
        // Each distinct date in the sentence is its own event ("annexed Crimea in 2014 and
        // launched a full-scale invasion in 2022").
        let mut dated: Vec<When> = Vec::new();
        for (span, expr) in dates::find(text, sent) {
            let w = dates::resolve(&expr, article.anchor, future);
            // The article's own day is the summit itself, not context, unless nothing else speaks for it.
            if w.is_known() && !(w == article.anchor && seen.contains(&sent)) && !dated.contains(&w)
            {
                dated.push(w);
                out.push(Event {
                    article: ai,
                    sentence: sent,
                    expr: span,
                    clause: clause_around(text, sent, span),
                    when: w,
                });
            }
        }
    }
    out
}

impl Corpus {
    /// Builds the corpus from articles, extracting each and merging speakers.
    pub fn build(inputs: Vec<Input<'_>>) -> Corpus {
        Corpus::assemble(inputs.into_iter().map(Corpus::prepare).collect())
    }

    /// The per-article half of [`Corpus::build`]: extraction and the article's facts. Pure
    /// and independent per article, so a caller can spread it over time (the browser
    /// loader extracts in short slices between paints) or threads.
    pub fn prepare(input: Input<'_>) -> Prepared {
        {
            let mut ex = extract(input.text);
            let mut meta = input.meta;
            if meta.headline.is_empty() {
                if let Some(h) = ex.layout.headline {
                    meta.headline = h.of(input.text).to_string();
                }
            }
            if meta.byline.is_empty() {
                if let Some(b) = ex.layout.byline {
                    meta.byline = b
                        .of(input.text)
                        .trim_start_matches("By ")
                        .trim_start_matches("BY ")
                        .to_string();
                }
            }
            // Facts the text reveals fill what the manifest leaves empty, with their evidence.
            let inferred = crate::corpus::meta::infer(input.text, &ex.layout);
            let mut provenance = Vec::new();
            for (field, fact, slot) in [
                ("outlet", &inferred.outlet, &mut meta.outlet),
                ("source", &inferred.source, &mut meta.source),
                (
                    "derived from",
                    &inferred.derived_from,
                    &mut meta.derived_from,
                ),
            ] {
                if let Some(f) = fact {
                    provenance.push((field.to_string(), f.value.clone(), f.evidence.clone()));
                    if slot.is_empty() {
                        *slot = f.value.clone();
                    }
                }
            }
            let outlet = if !meta.outlet.is_empty() {
                meta.outlet.clone()
            } else if !meta.source.is_empty() {
                format!("unnamed outlet (source: {})", meta.source)
            } else {
                // The file's own name, without its folders (the CLI names files by path).
                let base = input.name.rsplit(['/', '\\']).next().unwrap_or(input.name);
                base.trim_end_matches(".txt").to_string()
            };
            let anchor = dates::parse_iso(&meta.date)
                .or_else(|| dates::parse_iso(&meta.event_date))
                .or_else(|| dates::first_full_date(input.text))
                .unwrap_or_else(When::unknown);
            own_narration_out(&mut ex, &outlet);
            let mut diagnostics = ex.diagnostics.clone();
            for b in ex.layout.body() {
                for (w, d) in dates::weekday_conflicts(input.text, b.span, anchor) {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        span: Some(w),
                        message: format!(
                            "the weekday “{}” does not agree with the date “{}”",
                            w.of(input.text),
                            d.of(input.text)
                        ),
                    });
                }
            }
            Prepared {
                article: Article {
                    name: input.name.to_string(),
                    text: input.text.to_string(),
                    meta,
                    outlet,
                    diagnostics,
                    provenance,
                    anchor,
                },
                extraction: ex,
            }
        }
    }

    /// The corpus-wide half of [`Corpus::build`]: merges speakers across articles, dates
    /// and tags statements, assigns ids, and collects context events.
    pub fn assemble(prepared: Vec<Prepared>) -> Corpus {
        Corpus::assemble_with(prepared, true)
    }

    /// [`Corpus::assemble`] without the context events (reading every sentence's dates
    /// again): the sharded archive does not hold them.
    pub fn assemble_statements(prepared: Vec<Prepared>) -> Corpus {
        Corpus::assemble_with(prepared, false)
    }

    fn assemble_with(prepared: Vec<Prepared>, events: bool) -> Corpus {
        let mut corpus = Corpus::default();
        let mut extractions = Vec::new();
        for p in prepared {
            corpus.articles.push(p.article);
            extractions.push(p.extraction);
        }
        let mut speakers = SpeakerMerge::new(extractions.iter().flat_map(|ex| &ex.statements));
        for (ai, (ex, art)) in extractions.iter().zip(&corpus.articles).enumerate() {
            let mut dating = StatementDates::new(&art.text, &ex.statements, art.anchor);
            for s in &ex.statements {
                let id = speakers.of(s, &art.text);
                let (when, when_expr) = dating.date(s);
                corpus.entries.push(Entry {
                    id: format!("{}@{}-{}", art.name, s.span.start, s.span.end),
                    article: ai,
                    speaker: id,
                    statement: s.clone(),
                    when,
                    when_expr,
                    topics: crate::corpus::topics::classify(
                        &art.text,
                        s.span,
                        crate::corpus::topics::taxonomy(),
                    ),
                });
            }
        }
        corpus.speakers = speakers.finish();
        corpus.apply_speaker_table(crate::lexicon::SPEAKERS);
        for (ai, (ex, art)) in extractions.iter().zip(&corpus.articles).enumerate() {
            if events {
                corpus.events.extend(context_events(art, ai, ex));
            }
        }
        corpus
    }

    /// Applies a speaker table (see `data/speakers.txt`): merges speakers listed under one
    /// canonical name, and sets the role and affiliation given there
    /// ([`speakers::apply_table`]).
    pub fn apply_speaker_table(&mut self, table: &str) {
        let mut uses = vec![0u64; self.speakers.len()];
        for e in &self.entries {
            if let Some(u) = uses.get_mut(e.speaker) {
                *u += 1;
            }
        }
        let remap = speakers::apply_table(&mut self.speakers, table, &uses);
        for e in &mut self.entries {
            e.speaker = remap.get(e.speaker).copied().unwrap_or_default();
        }
    }

    pub fn text_of(&self, e: &Entry) -> &str {
        self.span_text(e.article, e.statement.span)
    }

    /// The words a statement is compared by across outlets: its quoted pieces, joined by
    /// a space, when it has any (a reported clause's quoted words, a quote without the
    /// cue that interrupts it); else the whole reported clause.
    pub fn quoted_text(&self, e: &Entry) -> std::borrow::Cow<'_, str> {
        match e.statement.quoted.as_slice() {
            [] => self.text_of(e).into(),
            [one] => self.span_text(e.article, *one).into(),
            pieces => {
                let words: Vec<&str> = pieces
                    .iter()
                    .map(|q| self.span_text(e.article, *q))
                    .collect();
                words.join(" ").into()
            }
        }
    }

    /// The text of `span` in article `article`, or "" when there is no such article or
    /// the span does not fit its text.
    pub fn span_text(&self, article: usize, span: Span) -> &str {
        self.articles.get(article).map_or("", |a| span.of(&a.text))
    }

    /// Distinct outlets in article order (one pass: a month of coverage has hundreds).
    pub fn outlets(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.articles
            .iter()
            .map(|a| a.outlet.as_str())
            .filter(|o| seen.insert(*o))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_spellings_across_articles() {
        let a = "Ukrainian President Volodymyr Zelenskyy said the plan was ready.";
        let b = "“We are ready,” Zelensky said.";
        let c = Corpus::build(vec![
            Input {
                name: "a.txt",
                text: a,
                meta: ArticleMeta::default(),
            },
            Input {
                name: "b.txt",
                text: b,
                meta: ArticleMeta {
                    outlet: "B".into(),
                    ..Default::default()
                },
            },
        ]);
        assert_eq!(c.entries.len(), 2);
        assert_eq!(c.entries[0].speaker, c.entries[1].speaker);
        assert_eq!(c.speakers[c.entries[0].speaker].name, "Volodymyr Zelenskyy");
        assert_eq!(c.outlets(), vec!["a", "B"]);
        // A file named by its path falls back to its own name for the outlet.
        let c = Corpus::build(vec![Input {
            name: "archive/2024/jan/c.txt",
            text: b,
            meta: ArticleMeta::default(),
        }]);
        assert_eq!(c.outlets(), vec!["c"]);
    }

    #[test]
    fn event_clause_is_the_part_that_is_dated() {
        let t = "Talks met in Paris, with Russia, which annexed Crimea in 2014 and launched an invasion in 2022.";
        let e = t.find("2014").unwrap();
        let c = clause_around(t, Span::new(0, t.len()), Span::new(e, e + 4));
        assert_eq!(c.of(t), "annexed Crimea in 2014");
    }

    #[test]
    fn the_outlet_is_no_speaker_in_its_own_article() {
        let text = "Leaders met in Paris and agreed on a plan, the Daily Planet reports.\n“We are ready,” said Jane Doe.";
        let meta = ArticleMeta {
            outlet: "Daily Planet".into(),
            ..ArticleMeta::default()
        };
        let p = Corpus::prepare(Input {
            name: "a.txt",
            text,
            meta,
        });
        let speakers: Vec<&str> = (p.extraction.statements.iter())
            .map(|s| s.speaker.as_str())
            .collect();
        assert_eq!(speakers, ["Jane Doe"]);
        assert!(p.article.diagnostics.iter().any(|d| d
            .message
            .contains("the outlet's own narration (Daily Planet)")));
        // Another outlet's report is a statement of that outlet.
        let p = Corpus::prepare(Input {
            name: "b.txt",
            text,
            meta: ArticleMeta::default(),
        });
        assert_eq!(p.extraction.statements.len(), 2);
    }

    #[test]
    fn speaker_table_merges_and_explains() {
        let a = "“We are ready,” said Jane Doe.";
        let b = "“We are not,” said Janet Doe-Smith.";
        let mut c = Corpus::build(vec![
            Input {
                name: "a.txt",
                text: a,
                meta: ArticleMeta::default(),
            },
            Input {
                name: "b.txt",
                text: b,
                meta: ArticleMeta::default(),
            },
        ]);
        assert_ne!(c.entries[0].speaker, c.entries[1].speaker);
        c.apply_speaker_table("# comment\nJane Doe | Janet Doe-Smith | Mayor | Springfield\n");
        assert_eq!(c.speakers.len(), 1);
        assert_eq!(c.entries[0].speaker, c.entries[1].speaker);
        let sp = &c.speakers[0];
        assert_eq!(
            (sp.name.as_str(), sp.role.as_str(), sp.affiliation.as_str()),
            ("Jane Doe", "Mayor", "Springfield")
        );
        assert!(sp
            .aliases
            .iter()
            .any(|(a, why)| a == "Janet Doe-Smith" && why.contains("speakers.txt")));
    }

    /// The one list of fields is the struct's: the names in the order serde writes them,
    /// and the fields by position and by name.
    #[test]
    fn the_meta_fields_are_the_structs() {
        let mut m = ArticleMeta::default();
        for (i, f) in m.fields_mut().into_iter().enumerate() {
            *f = format!("v{i}");
        }
        let json = serde_json::to_value(&m).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        let mut names = ArticleMeta::FIELDS.to_vec();
        names.sort_unstable();
        assert_eq!(keys, names, "FIELDS are the serialized fields");
        let ordered = serde_json::to_string(&m).unwrap();
        let at = |name: &str| ordered.find(&format!("\"{name}\"")).unwrap();
        assert!(ArticleMeta::FIELDS.windows(2).all(|w| at(w[0]) < at(w[1])));
        for (i, name) in ArticleMeta::FIELDS.iter().enumerate() {
            assert_eq!(json[*name], format!("v{i}"));
            assert_eq!(m.fields()[i], format!("v{i}"));
        }
        assert_eq!(m.field_mut("event_date").map(|f| f.as_str()), Some("v5"));
        assert_eq!(m.field_mut("file"), None);
        let mut known = ArticleMeta {
            outlet: "Mine".into(),
            ..Default::default()
        };
        known.fill_from(m);
        assert_eq!(known.outlet, "Mine");
        assert_eq!(known.headline, "v1");
        assert_eq!(known.derived_from, "v7");
    }
}
