//! `quoteline eval GOLD_DIR [--show N]`: scores the extractor against attribution
//! annotations in brat standoff format (`formats::brat`), as PolNeAR and PARC-style
//! corpora give them. GOLD_DIR holds `text/NAME.txt` with `attributions/NAME_*.ann` (the
//! first in sorted order is scored; PolNeAR's layout), or `NAME.txt` beside `NAME.ann`.
//! A `metadata.tsv` (`filename` and `publisher` columns) in GOLD_DIR or its parent gives
//! the per-publisher rows.
//!
//! The matching rule: a statement matches an annotated attribution when its span and the
//! attribution's content overlap by at least half of the shorter of the two. A statement
//! belongs to the attribution it matches best (the most bytes shared, over the bytes of
//! both): a second statement belonging to one attribution is a duplicate (one inside a
//! nested attribution's content is that attribution's, not a duplicate of the outer). A
//! statement inside another's words, with its own cue there too and another speaker, is a
//! nested attribution (`Reardon criticized Lamport for saying that X`: Lamport's X),
//! which PolNeAR's guidelines leave unannotated ("No nested attributions": only the
//! outermost is marked): it is counted apart, not as a duplicate; "duplicates, nested
//! counted" adds them back, and "any attribution overlapped" counts every statement
//! beyond the first that overlaps an attribution at all. Source accuracy compares each
//! attribution's source with the speaker of its best-matching statement: a word of the
//! source in the speaker's name (accents folded), or, for a source that is a description with no
//! capitalised word ("the chairman"), in the speaker's role (a role word in any of its
//! forms: "senator" is "Sen."); a role reference with names in it ("the Florida senator")
//! is right when its title and each of its capitalised words are in the speaker's role or
//! name. A source that is only pronouns, or indefinite pronouns ("others", "some":
//! `lexicon/data/speech.txt` `[subject.indefinite]`), names nobody and is left out. An
//! attribution whose source is only verbs of speech while its cue is a phrase has its two
//! labels read swapped (an annotation slip; how many is printed). Classes come
//! from the annotated cue (lexicon/data/eval.txt): verbs of saying, beliefs and
//! intentions (not statements: scored apart), other speech acts; "quote-bearing" is any
//! content holding a quotation mark (a doubled apostrophe or backtick, `''`, counts as one).

use crate::contain::contain;
use quoteline_core::corpus::{ArticleMeta, Corpus, Input, Prepared};
use quoteline_core::formats::brat::{self, Attribution};
use quoteline_core::lexicon::{Lexicon, Sections, Words, EVAL};
use quoteline_core::model::Rule;
use quoteline_core::text::{fold, Span};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One article to score: its text, annotations and publisher.
struct Gold {
    name: String,
    text: String,
    attributions: Vec<Attribution>,
    publisher: String,
}

/// Counts for one group of articles (all, or one publisher).
#[derive(Default)]
struct Tally {
    articles: usize,
    /// Per class: (annotated, found).
    classes: BTreeMap<&'static str, (usize, usize)>,
    quote_covered: usize,
    statements: usize,
    matched: usize,
    /// Statements whose best attribution already has another (see `run`), nested
    /// attributions included.
    duplicates: usize,
    /// Of those, the ones inside another statement of the same attribution, with their
    /// own cue there and another speaker: a nested attribution, which the annotation
    /// does not mark.
    nested_duplicates: usize,
    /// Statements beyond the first that match an attribution at all (nested ones too).
    overlapping: usize,
    /// (sources compared, speaker names the source).
    sources: (usize, usize),
    quote_sources: (usize, usize),
}

const QUOTE_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];

/// Whether `content` holds a quotation mark, the typewriter `''` and TeX ``` `` ``` included.
fn holds_quote_mark(content: &str) -> bool {
    content.contains(QUOTE_MARKS) || content.contains("''") || content.contains("``")
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether a statement's span matches an attribution's content (see the module doc).
fn matches(statement: Span, content: &[Span]) -> bool {
    let total: usize = content.iter().map(|c| c.len()).sum();
    let shared: usize = content.iter().map(|c| overlap(statement, *c)).sum();
    shared > 0 && shared * 2 >= total.min(statement.len())
}

/// Whether an annotated source is a description rather than a name: no word after an
/// opening determiner or pronoun is capitalised ("the chairman", "his wife"; not "the
/// Trump campaign").
fn descriptive(source: &[Span], text: &str, determiners: &Words, pronouns: &Words) -> bool {
    let words: Vec<&str> = source
        .iter()
        .flat_map(|s| s.of(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let rest = words.iter().skip_while(|w| {
        let l = w.to_lowercase();
        determiners.contains(&l.as_str()) || pronouns.contains(&l.as_str())
    });
    !words.is_empty() && !rest.clone().any(|w| w.starts_with(char::is_uppercase))
}

/// Repairs attributions whose Source and Cue labels were swapped by the annotator (the
/// source is only verbs of speech, "said", and the cue a phrase that is not): the two are
/// exchanged. How many were.
fn unswap_labels(attributions: &mut [Attribution], text: &str) -> usize {
    let lex = Lexicon::get();
    let words = |spans: &[Span]| -> Vec<String> {
        (spans.iter())
            .flat_map(|s| s.of(text).split(|c: char| !c.is_alphabetic()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let only_cues = |ws: &[String]| !ws.is_empty() && ws.iter().all(|w| lex.cue(w).is_some());
    let mut n = 0;
    for a in attributions.iter_mut() {
        if only_cues(&words(&a.source)) && !only_cues(&words(&a.cue)) && !a.cue.is_empty() {
            std::mem::swap(&mut a.source, &mut a.cue);
            n += 1;
        }
    }
    n
}

/// The capitalised words of a source after its first word (`Florida` in "The Florida
/// senator"), lower case.
fn capitalised_words(source: &[Span], text: &str) -> Vec<String> {
    (source.iter())
        .flat_map(|s| s.of(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .collect()
}

/// The bytes a statement and an attribution's content share, over the bytes of both.
fn jaccard(statement: Span, content: &[Span]) -> f64 {
    let shared: usize = content.iter().map(|c| overlap(statement, *c)).sum();
    let total: usize = content.iter().map(|c| c.len()).sum::<usize>() + statement.len();
    shared as f64 / (total - shared).max(1) as f64
}

fn words_of(text: &str, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .flat_map(|s| s.of(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The cue word lists of the classes (lexicon/data/eval.txt).
struct Classes {
    saying: Words,
    speech: Words,
    belief: Words,
}

impl Classes {
    /// The class of an attribution, from its cue's words: a verb of saying first, then a
    /// belief, then another speech act; a cue with none of them is another attribution
    /// (perception, knowledge, stance, an action).
    fn of(&self, cue: &[String]) -> &'static str {
        let has = |list: &Words| cue.iter().any(|w| list.contains(&w.as_str()));
        if has(&self.saying) {
            "verbs of saying"
        } else if has(&self.belief) {
            "beliefs and intentions"
        } else if has(&self.speech) {
            "other speech acts"
        } else {
            "other attributions"
        }
    }
}

/// The files of GOLD_DIR: each text with its annotation file.
fn pairs(dir: &Path) -> Vec<(PathBuf, Option<PathBuf>)> {
    let texts = if dir.join("text").is_dir() {
        dir.join("text")
    } else {
        dir.to_path_buf()
    };
    let anns = if dir.join("attributions").is_dir() {
        dir.join("attributions")
    } else {
        texts.clone()
    };
    let list = |d: &Path, ext: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|x| x == ext));
        v.sort();
        v
    };
    let ann_files = list(&anns, "ann");
    list(&texts, "txt")
        .into_iter()
        .map(|t| {
            let stem = t
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let ann = ann_files
                .iter()
                .find(|a| {
                    let s = a
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    s == stem || s.strip_prefix(&stem).is_some_and(|r| r.starts_with('_'))
                })
                .cloned();
            (t, ann)
        })
        .collect()
}

/// `filename` → `publisher` from a metadata.tsv in `dir` or its parent.
fn publishers(dir: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("metadata.tsv"))
        .or_else(|_| std::fs::read_to_string(dir.join("../metadata.tsv")))
        .unwrap_or_default();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let (Some(f), Some(p)) = (
        header.iter().position(|h| *h == "filename"),
        header.iter().position(|h| *h == "publisher"),
    ) else {
        return BTreeMap::new();
    };
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Some((
                cols.get(f)?.trim_end_matches(".txt").to_string(),
                cols.get(p)?.to_string(),
            ))
        })
        .collect()
}

pub fn run(args: &[OsString]) -> ExitCode {
    let mut show = 0usize;
    let mut dir = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--show" {
            match it
                .next()
                .and_then(|n| n.to_str())
                .and_then(|n| n.parse().ok())
            {
                Some(n) => show = n,
                None => {
                    eprintln!(
                        "quoteline eval: --show needs a number\n{}",
                        crate::usage::USAGE
                    );
                    return ExitCode::from(2);
                }
            }
        } else if dir.is_none() {
            dir = Some(PathBuf::from(a));
        } else {
            eprintln!("quoteline eval: give one GOLD_DIR\n{}", crate::usage::USAGE);
            return ExitCode::from(2);
        }
    }
    let Some(dir) = dir else {
        eprintln!("quoteline eval: give GOLD_DIR\n{}", crate::usage::USAGE);
        return ExitCode::from(2);
    };
    let mut failed = false;
    let pubs = publishers(&dir);
    let mut golds = Vec::new();
    let mut swapped = 0;
    for (text_path, ann_path) in pairs(&dir) {
        let name = text_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            eprintln!(
                "{}: cannot be read as UTF-8 text; skipped",
                text_path.display()
            );
            failed = true;
            continue;
        };
        let Some(ann_path) = ann_path else {
            eprintln!("{}: no annotation file; skipped", text_path.display());
            failed = true;
            continue;
        };
        let ann = std::fs::read_to_string(&ann_path).unwrap_or_default();
        let (mut attributions, problems) = brat::parse(&ann, &text);
        for p in problems {
            eprintln!("{}", p.display(&ann_path.display().to_string()));
        }
        swapped += unswap_labels(&mut attributions, &text);
        let stem = name.trim_end_matches(".txt").to_string();
        golds.push(Gold {
            publisher: pubs
                .get(&stem)
                .cloned()
                .unwrap_or_else(|| "(unknown)".into()),
            name,
            text,
            attributions,
        });
    }
    if swapped > 0 {
        eprintln!(
            "note: {swapped} attributions have a verb of speech as their source and a phrase as their cue; their two labels are read swapped"
        );
    }
    if golds.is_empty() {
        eprintln!("quoteline eval: no annotated texts in {}", dir.display());
        return ExitCode::from(1);
    }
    // Extract each article under containment (a crash is named, the others go on).
    let mut preps: Vec<Prepared> = Vec::new();
    let mut kept: Vec<&Gold> = Vec::new();
    for g in &golds {
        let input = Input {
            name: &g.name,
            text: &g.text,
            meta: ArticleMeta::default(),
        };
        match contain(|| Corpus::prepare(input)) {
            Ok(p) => {
                preps.push(p);
                kept.push(g);
            }
            Err(e) => {
                eprintln!(
                    "{}: extraction failed ({e}); left out of the scores",
                    g.name
                );
                failed = true;
            }
        }
    }
    let corpus = Corpus::assemble(preps);
    let mut classes = Sections::words(EVAL);
    let (cues, pronouns, determiners) = (
        Classes {
            saying: classes.take("saying"),
            speech: classes.take("speech"),
            belief: classes.take("belief"),
        },
        classes.take("pronouns"),
        classes.take("determiners"),
    );
    let mut all = Tally::default();
    let mut by_pub: BTreeMap<String, Tally> = BTreeMap::new();
    let mut shown = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut short = Vec::new(); // quote-bearing content found, but less than half covered
    for (ai, g) in kept.iter().enumerate() {
        // Each statement's span, speaker, the speaker's roles (in the article and in the
        // corpus's speaker table) and its cue.
        let stmts: Vec<(Span, &str, String, Option<Span>, Rule)> = corpus
            .entries
            .iter()
            .filter(|e| e.article == ai)
            .map(|e| {
                let sp = corpus.speakers.get(e.speaker);
                let role = format!(
                    "{} {}",
                    e.statement.role,
                    sp.map_or("", |s| s.role.as_str())
                );
                (
                    e.statement.span,
                    sp.map_or("", |s| s.name.as_str()),
                    role,
                    e.statement.cue,
                    e.statement.evidence.rule,
                )
            })
            .collect();
        let mut used = vec![0usize; stmts.len()];
        let mut t = Tally {
            articles: 1,
            statements: stmts.len(),
            ..Tally::default()
        };
        // Each attribution's matching statements, and each statement's best attribution
        // (the one its span shares the most with, as a share of both together): a
        // statement nested in another attribution's content is on its own attribution,
        // not a second statement on the outer one.
        // (Each hit with its score, `jaccard`, worked out once.)
        let hits_of: Vec<Vec<(usize, f64)>> = (g.attributions.iter())
            .map(|a| {
                (0..stmts.len())
                    .filter(|&i| matches(stmts[i].0, &a.content))
                    .map(|i| (i, jaccard(stmts[i].0, &a.content)))
                    .collect()
            })
            .collect();
        let mut best: Vec<Option<(f64, usize)>> = vec![None; stmts.len()];
        for (ai, hits) in hits_of.iter().enumerate() {
            for &(i, j) in hits {
                if best[i].is_none_or(|(b, _)| j > b) {
                    best[i] = Some((j, ai));
                }
            }
        }
        let mut assigned = vec![0usize; g.attributions.len()];
        for &(_, ai) in best.iter().flatten() {
            assigned[ai] += 1;
        }
        t.duplicates = assigned.iter().map(|n| n.saturating_sub(1)).sum();
        for (ai, (a, hits)) in g.attributions.iter().zip(&hits_of).enumerate() {
            let cue = words_of(&g.text, &a.cue);
            let class = cues.of(&cue);
            let quoted = a.content.iter().any(|c| holds_quote_mark(c.of(&g.text)));
            for &(i, _) in hits {
                used[i] += 1;
            }
            t.overlapping += hits.len().saturating_sub(1);
            let mine: Vec<usize> = (hits.iter().map(|&(i, _)| i))
                .filter(|&i| best[i].is_some_and(|(_, b)| b == ai))
                .collect();
            // A second statement inside another's words, with its cue there too and
            // another speaker: an attribution told inside another (`she said Lee claimed
            // X`) that the annotation leaves unmarked.
            let inside = |i: usize, j: usize| {
                let (a, b) = (stmts[i].0, stmts[j].0);
                i != j
                    && stmts[i].1 != stmts[j].1
                    && b.start <= a.start
                    && a.end <= b.end
                    && stmts[i]
                        .3
                        .is_some_and(|c| b.start <= c.start && c.end <= b.end)
            };
            let nested = (mine.iter())
                .filter(|&&i| mine.iter().any(|&j| inside(i, j)))
                .count();
            t.nested_duplicates += nested.min(mine.len().saturating_sub(1));
            if mine.len() > 1 && shown.3.len() < show {
                let each: Vec<String> = (mine.iter())
                    .map(|&i| format!("“{}”", one_line(&[stmts[i].0], &g.text)))
                    .collect();
                shown.3.push(format!(
                    "{}: {} statements on “{}”: {}",
                    g.name,
                    mine.len(),
                    one_line(&a.content, &g.text),
                    each.join(" + ")
                ));
            }
            let found = !hits.is_empty();
            for c in [Some(class), quoted.then_some("quote-bearing")]
                .into_iter()
                .flatten()
            {
                let e = t.classes.entry(c).or_default();
                e.0 += 1;
                e.1 += usize::from(found);
            }
            if quoted && found {
                let total: usize = a.content.iter().map(|c| c.len()).sum();
                let covered: usize = a
                    .content
                    .iter()
                    .map(|c| {
                        hits.iter()
                            .map(|&(i, _)| overlap(stmts[i].0, *c))
                            .max()
                            .unwrap_or(0)
                    })
                    .sum();
                t.quote_covered += usize::from(covered * 2 >= total);
                if covered * 2 < total && short.len() < show {
                    let each: Vec<String> = (hits.iter())
                        .map(|&(i, _)| format!("“{}”", one_line(&[stmts[i].0], &g.text)))
                        .collect();
                    short.push(format!(
                        "{}: “{}”: {}",
                        g.name,
                        one_line(&a.content, &g.text),
                        each.join(" + ")
                    ));
                }
            }
            if !found && shown.0.len() < show && class != "beliefs and intentions" {
                shown.0.push(format!(
                    "{} [{class}] cue “{}”: {}",
                    g.name,
                    one_line(&a.cue, &g.text),
                    one_line(&a.content, &g.text)
                ));
            }
            let source = words_of(&g.text, &a.source);
            let named: Vec<&String> = source
                .iter()
                .filter(|w| {
                    !pronouns.contains(&w.as_str())
                        && !Lexicon::get().indefinite_subjects.contains(&w.as_str())
                        && w.len() > 1
                })
                .collect();
            // The speaker of the statement that best matches the attribution.
            let closest = (hits.iter())
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|&(i, _)| i);
            if let (Some(first), false) = (closest, named.is_empty()) {
                // (Accents folded on both sides: the corpus may name a speaker as another
                // article spells them, "Calderon" for "Calderón".)
                let (speaker, role) = (fold(stmts[first].1), fold(&stmts[first].2));
                let has = |words: &str, w: &str| {
                    let w = fold(w);
                    (words.split(|c: char| !c.is_alphanumeric())).any(|s| s == w)
                };
                // A description ("the chairman", "the former secretary of State") names
                // nobody: its words may be the speaker's role instead.
                let described = descriptive(&a.source, &g.text, &determiners, &pronouns);
                // A role word is in the role in any of its forms ("senator", "Sen.").
                let lex = Lexicon::get();
                let in_role = |w: &str| {
                    let w = fold(w);
                    (role.split(|c: char| !c.is_alphanumeric())).any(|r| {
                        r == w
                            || lex.same_role_word(r, &w)
                            || lex.same_role_word(&format!("{r}."), &w)
                    })
                };
                // A role reference with names in it ("the Florida senator"): its title
                // and each of its capitalised words are in the speaker's role or name.
                let capitalised = capitalised_words(&a.source, &g.text);
                let titled = source.last().is_some_and(|w| lex.is_title(w))
                    && !capitalised.is_empty()
                    && source.last().is_some_and(|w| in_role(w))
                    && (capitalised.iter()).all(|w| has(&speaker, w) || in_role(w));
                let right = titled
                    || named
                        .iter()
                        .any(|w| has(&speaker, w) || (described && in_role(w)));
                t.sources.0 += 1;
                t.sources.1 += usize::from(right);
                if quoted {
                    t.quote_sources.0 += 1;
                    t.quote_sources.1 += usize::from(right);
                }
                if !right && shown.2.len() < show {
                    // How the two attributions sit: the annotated one told inside the
                    // statement ("inner"), the statement's inside the annotated content
                    // ("outer"), or neither ("apart").
                    let (st, st_cue) = (stmts[first].0, stmts[first].3);
                    let within = |outer: &[Span], sp: Span| {
                        outer.iter().any(|o| o.start <= sp.start && sp.end <= o.end)
                    };
                    let nesting = if a.cue.iter().any(|&c| within(&[st], c)) {
                        "inner"
                    } else if st_cue.is_some_and(|c| within(&a.content, c)) {
                        "outer"
                    } else {
                        "apart"
                    };
                    shown.2.push(format!(
                        "{}: {nesting}: source “{}” (cue “{}”), speaker “{}” (cue “{}”) [{:?}]: {}",
                        g.name,
                        one_line(&a.source, &g.text),
                        one_line(&a.cue, &g.text),
                        stmts[first].1,
                        stmts[first]
                            .3
                            .map_or(String::new(), |c| one_line(&[c], &g.text)),
                        stmts[first].4,
                        one_line(&a.content, &g.text)
                    ));
                }
            }
        }
        t.matched = used.iter().filter(|&&n| n > 0).count();
        for (i, (span, speaker, _, _, _)) in stmts.iter().enumerate() {
            if used[i] == 0 && shown.1.len() < show {
                shown.1.push(format!(
                    "{} ({speaker}): {}",
                    g.name,
                    one_line(&[*span], &g.text)
                ));
            }
        }
        add(&mut all, &t);
        add(by_pub.entry(g.publisher.clone()).or_default(), &t);
    }
    print_tally("all", &all);
    for (p, t) in &by_pub {
        print_tally(p, t);
    }
    for (title, list) in [
        ("missed", &shown.0),
        ("not annotated (precision)", &shown.1),
        ("wrong source", &shown.2),
        ("duplicates (one attribution, several statements)", &shown.3),
        ("quote-bearing, less than half covered", &short),
    ] {
        if !list.is_empty() {
            println!("\n{title}:");
            for l in list {
                println!("  {l}");
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn one_line(spans: &[Span], text: &str) -> String {
    let s: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
    let s = s.join(" … ").replace('\n', " ");
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s
    }
}

fn add(into: &mut Tally, t: &Tally) {
    into.articles += t.articles;
    for (c, (n, f)) in &t.classes {
        let e = into.classes.entry(c).or_default();
        e.0 += n;
        e.1 += f;
    }
    into.quote_covered += t.quote_covered;
    into.statements += t.statements;
    into.matched += t.matched;
    into.duplicates += t.duplicates;
    into.nested_duplicates += t.nested_duplicates;
    into.overlapping += t.overlapping;
    into.sources.0 += t.sources.0;
    into.sources.1 += t.sources.1;
    into.quote_sources.0 += t.quote_sources.0;
    into.quote_sources.1 += t.quote_sources.1;
}

fn ratio(found: usize, of: usize) -> String {
    if of == 0 {
        "   -  ".into()
    } else {
        format!("{:.3} ({found}/{of})", found as f64 / of as f64)
    }
}

fn print_tally(label: &str, t: &Tally) {
    let class = |c: &str| t.classes.get(c).copied().unwrap_or((0, 0));
    let speech: (usize, usize) = ["verbs of saying", "other speech acts"]
        .iter()
        .map(|c| class(c))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let q = class("quote-bearing");
    println!(
        "{label}: {} articles, {} statements",
        t.articles, t.statements
    );
    println!("  quote-bearing recall             {}", ratio(q.1, q.0));
    println!(
        "  ... covering half the content    {}",
        ratio(t.quote_covered, q.0)
    );
    for c in [
        "verbs of saying",
        "other speech acts",
        "beliefs and intentions",
        "other attributions",
    ] {
        let (n, f) = class(c);
        println!("  {c:<32} {}", ratio(f, n));
    }
    println!(
        "  all speech acts recall           {}",
        ratio(speech.1, speech.0)
    );
    let other = class("other attributions");
    println!(
        "  ... other attributions counted   {}",
        ratio(speech.1 + other.1, speech.0 + other.0)
    );
    println!(
        "  precision                        {}",
        ratio(t.matched, t.statements)
    );
    println!(
        "  duplicates                       {}",
        ratio(t.duplicates - t.nested_duplicates, t.statements)
    );
    println!(
        "  nested attributions (unmarked)   {}",
        ratio(t.nested_duplicates, t.statements)
    );
    println!(
        "  ... duplicates, nested counted   {}",
        ratio(t.duplicates, t.statements)
    );
    println!(
        "  ... any attribution overlapped   {}",
        ratio(t.overlapping, t.statements)
    );
    println!(
        "  source accuracy                  {}",
        ratio(t.sources.1, t.sources.0)
    );
    println!(
        "  ... on quotes                    {}",
        ratio(t.quote_sources.1, t.quote_sources.0)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matching_rule_is_half_of_the_shorter() {
        let content = [Span::new(10, 30)];
        assert!(matches(Span::new(10, 30), &content));
        // A statement inside the content: all of the shorter is shared.
        assert!(matches(Span::new(12, 18), &content));
        // Half of the shorter (the content, 20 bytes) is shared: a match.
        assert!(matches(Span::new(20, 60), &content));
        // Less than half: no match; no overlap at all: no match.
        assert!(!matches(Span::new(21, 60), &content));
        assert!(!matches(Span::new(30, 40), &content));
        // Discontinuous content counts its pieces together.
        assert!(matches(
            Span::new(0, 12),
            &[Span::new(0, 6), Span::new(50, 56)]
        ));
    }

    #[test]
    fn a_description_names_nobody_a_name_does() {
        let mut lists = Sections::words(EVAL);
        let (p, d) = (lists.take("pronouns"), lists.take("determiners"));
        let desc = |t: &str| descriptive(&[Span::new(0, t.len())], t, &d, &p);
        assert!(desc("The chairman"));
        assert!(desc("his wife"));
        assert!(desc("the former secretary of state"));
        assert!(!desc("The Trump campaign"));
        assert!(!desc("Sen. Ann Lee"));
        assert!(!desc("the former secretary of State"));
    }

    #[test]
    fn classes_come_from_the_cue() {
        let mut lists = Sections::words(EVAL);
        let classes = Classes {
            saying: lists.take("saying"),
            speech: lists.take("speech"),
            belief: lists.take("belief"),
        };
        let of = |x: &str| classes.of(&x.split(' ').map(String::from).collect::<Vec<_>>());
        let cases = [
            ("said", "verbs of saying"),
            ("according to", "verbs of saying"),
            ("believes", "beliefs and intentions"),
            ("praised", "other speech acts"),
            ("called for", "other speech acts"),
            ("criticism of", "other speech acts"),
            ("tweeted", "other speech acts"),
            ("warned of", "other speech acts"),
            ("seemed", "other attributions"),
            ("polls show", "other attributions"),
            ("voted for", "other attributions"),
            ("said he believes", "verbs of saying"),
        ];
        for (cue, class) in cases {
            assert_eq!(of(cue), class, "{cue}");
        }
    }
}
