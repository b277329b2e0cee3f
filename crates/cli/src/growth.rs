//! `quoteline bench --growth`: the cost curve of extraction in each dimension of the
//! input, so that quadratic behaviour shows: one long paragraph, many quotes in one
//! paragraph and in one sentence, one sentence without punctuation, many statements in
//! one article (with the corpus build and the grouping), and the grouping across the
//! outlets of a synthetic corpus. Each row gives the bytes, seconds, MB/s, the growth
//! of the size and of the time since the previous row, and the exponent
//! `log(time×) / log(size×)`: about 1 when linear, 2 when quadratic. A series stops
//! early (and says so) when a point takes longer than `--max-seconds` or the next is
//! predicted to take more than three times that.

use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::{Corpus, Input};
use quoteline_core::extract::extract;
use quoteline_core::synth::{generate, SynthError, SynthParams};
use std::io::Write;
use std::time::Instant;

/// A series over a count of quotes: `make(n)` builds the text, `extract` is timed.
fn quote_series(mut s: Series, counts: impl IntoIterator<Item = usize>, make: fn(usize) -> String) {
    for n in counts {
        if !s.fits(n as f64) {
            break;
        }
        let text = make(n);
        let (secs, found) = seconds(|| extract(&text).statements.len());
        s.row(
            &format!("{n} quotes ({found} found)"),
            text.len(),
            n as f64,
            secs,
        );
    }
}

/// Seconds of `f`: one run, or the median of three when it is quick.
fn seconds<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let t = Instant::now();
    let mut out = std::hint::black_box(f());
    let first = t.elapsed().as_secs_f64();
    if first >= 0.5 {
        return (first, out);
    }
    let mut times = vec![first];
    for _ in 0..2 {
        let t = Instant::now();
        out = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[1], out)
}

/// The body paragraphs of synthetic articles (whole sentences, balanced quotation
/// marks), at least `bytes` of them.
fn paragraphs(seed: u64, bytes: usize) -> Result<Vec<String>, SynthError> {
    let arts = generate(&SynthParams::for_bytes(seed, bytes + bytes / 2))?;
    let mut out = Vec::new();
    let mut total = 0;
    for a in &arts {
        for line in a.text.lines() {
            let balanced = line.matches('“').count() == line.matches('”').count();
            let sentence = line.ends_with('.') || line.ends_with('”');
            if balanced && sentence && line.len() > 40 && !line.starts_with("Read Also") {
                total += line.len() + 1;
                out.push(line.to_string());
            }
        }
        if total > bytes {
            break;
        }
    }
    Ok(out)
}

/// Whole paragraphs joined by `sep` until the text reaches `bytes`.
fn joined(paras: &[String], sep: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1000);
    for p in paras.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(p);
    }
    s
}

/// One sentence of `bytes` without punctuation: the words of the paragraphs.
fn run_on(paras: &[String], bytes: usize) -> String {
    let words: String = joined(paras, " ", bytes + 1000)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '“'
                    | '”'
                    | '"'
                    | '‘'
                    | '’'
                    | '\''
                    | '—'
                    | '-'
                    | '('
                    | ')'
            )
        })
        .collect();
    let mut end = bytes.min(words.len());
    while !words.is_char_boundary(end) {
        end -= 1;
    }
    let end = words[..end].rfind(' ').unwrap_or(end);
    words[..end].to_string()
}

/// `n` direct quotes in one paragraph, with varied speakers and cue positions.
fn quotes(n: usize) -> String {
    const WHO: [&str; 5] = [
        "Jane Doe",
        "John Roe",
        "Prime Minister Ana Silva",
        "the ministry",
        "Mr Tanaka",
    ];
    let mut s = String::new();
    for k in 0..n {
        let who = WHO[k % WHO.len()];
        let part = match k % 4 {
            0 => format!("“We will keep talking about the budget, point {k},” said {who}."),
            1 => format!("“The talks on point {k} went well,” {who} said."),
            2 => {
                format!("{who} added: “Nothing on point {k} is agreed until everything is agreed.”")
            }
            _ => format!("“Point {k} is closed,” {who} told reporters."),
        };
        if k > 0 {
            s.push(' ');
        }
        s.push_str(&part);
    }
    s
}

/// One sentence holding `n` quoted phrases, then a second speaker's clause.
fn quotes_in_one_sentence(n: usize) -> String {
    let parts: Vec<String> = (0..n).map(|k| format!("“point {k} is agreed”")).collect();
    format!(
        "Jane Doe said {} and John Roe said the talks went well.",
        parts.join(", ")
    )
}

/// One series of the table: its rows, and when to stop.
struct Series {
    limit: f64,
    /// The previous point's size and seconds.
    prev: Option<(f64, f64)>,
    /// The last step's exponent, once the times are long enough to mean something.
    exponent: f64,
    stopped: bool,
}

impl Series {
    fn new(title: &str, limit: f64) -> Series {
        println!("\n{title}");
        println!(
            "{:>30} {:>10} {:>9} {:>8} {:>6} {:>7} {:>8}",
            "size", "bytes", "seconds", "MB/s", "size×", "time×", "exponent"
        );
        Series::continued(limit)
    }

    /// A second curve printed in the table of the previous one.
    fn continued(limit: f64) -> Series {
        Series {
            limit,
            prev: None,
            exponent: 1.0,
            stopped: false,
        }
    }

    /// Prints one row: `size` is the quantity that grows (bytes, quotes, statements).
    fn row(&mut self, label: &str, bytes: usize, size: f64, secs: f64) {
        let mut step = (String::new(), String::new(), String::new());
        if let Some((ps, pt)) = self.prev {
            let (sx, tx) = (size / ps, secs / pt.max(1e-9));
            if sx > 1.0 {
                let exp = tx.ln() / sx.ln();
                step = (format!("{sx:.2}"), format!("{tx:.2}"), format!("{exp:.2}"));
                if pt > 0.02 {
                    self.exponent = exp;
                }
            }
        }
        println!(
            "{label:>30} {bytes:>10} {secs:>9.3} {:>8.2} {:>6} {:>7} {:>8}",
            bytes as f64 / 1e6 / secs.max(1e-9),
            step.0,
            step.1,
            step.2
        );
        let _ = std::io::stdout().flush();
        self.prev = Some((size, secs));
        if secs > self.limit {
            println!(
                "{:>30} stopped: this point took {secs:.1} s (over {} s)",
                "", self.limit
            );
            self.stopped = true;
        }
    }

    /// True when a point of `next` is predicted to take at most three times the limit
    /// (from the last step's exponent, at least linear); else says so and stops.
    fn fits(&mut self, next: f64) -> bool {
        if self.stopped {
            return false;
        }
        let Some((ps, pt)) = self.prev else {
            return true;
        };
        let predicted = pt * (next / ps).powf(self.exponent.max(1.0));
        if predicted > 3.0 * self.limit {
            println!(
                "{:>30} stopped before {next}: predicted ~{predicted:.0} s (the last step grew as size^{:.2})",
                "", self.exponent
            );
            self.stopped = true;
            return false;
        }
        true
    }
}

const KB: usize = 1000;

/// Bytes as a short label (`125 kB`, `2.0 MB`).
fn size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.0} kB", bytes as f64 / 1e3)
    }
}

pub fn run(seed: u64, limit: f64, scale: f64, only: &str) -> Result<(), SynthError> {
    // `--scale` shrinks every size (a quick look, or a test); 1 is the full table.
    let at = |n: usize| ((n as f64 * scale) as usize).max(1);
    // `--only abd` runs those series (for a profiler); all by default.
    let wanted = |series: char| only.is_empty() || only.contains(series);
    println!(
        "growth benchmark: extraction cost as one dimension of one input grows (seed {seed}, scale {scale},\n\
         one thread; quick points are the median of 3 runs). exponent = log(time×)/log(size×): ~1 linear, ~2 quadratic."
    );
    let paras = paragraphs(seed, at(5_200 * KB))?;
    let extract_series = |title: &str, sizes: &[usize], text: &dyn Fn(usize) -> String| {
        let mut s = Series::new(title, limit);
        for &kb in sizes {
            if !s.fits(at(kb * KB) as f64) {
                break;
            }
            let text = text(at(kb * KB));
            let (secs, _) = seconds(|| extract(&text).statements.len());
            s.row(&size(text.len()), text.len(), text.len() as f64, secs);
        }
    };
    if wanted('a') {
        extract_series(
            "(a) one paragraph (no line break) of ordinary news sentences: extract()",
            &[125, 250, 500, 1000, 2000, 5000],
            &|bytes| joined(&paras, " ", bytes),
        );
    }
    if wanted('b') {
        quote_series(
            Series::new("(b) quotes in one paragraph: extract()", limit),
            [10, 100, 1000, 10000].map(at),
            quotes,
        );
    }
    if wanted('c') {
        extract_series(
            "(c) one sentence without punctuation: extract()",
            &[125, 250, 500, 1000, 2000],
            &|bytes| run_on(&paras, bytes),
        );
    }
    if wanted('d') {
        statements(&paras, limit, &at);
    }
    if wanted('e') {
        let mut s = Series::new(
            "(e) statements across outlets (synthetic corpus, 4 outlets an event): compare() (grouping)",
            limit,
        );
        for n in [1000, 2000, 5000, 10000, 20000, 50000].map(at) {
            if !s.fits(n as f64) {
                break;
            }
            // About 200 bytes of synthetic news per statement.
            let arts = generate(&SynthParams::for_bytes(seed, n * 200))?;
            let bytes = arts.iter().map(|a| a.text.len()).sum();
            let corpus = Corpus::build(arts.iter().map(|a| a.input()).collect());
            let found = corpus.entries.len();
            let (secs, groups) = seconds(|| compare(&corpus, GROUP_THRESHOLD).groups.len());
            s.row(
                &format!("{found} st. ({groups} gr.)"),
                bytes,
                found as f64,
                secs,
            );
        }
    }
    if wanted('f') {
        // (b) puts each quote in a sentence of its own; here they share one sentence.
        quote_series(
            Series::new(
                "(f) quotes in one sentence (a list of quoted phrases): extract()",
                limit,
            ),
            [250, 500, 1000, 2000, 4000, 8000].map(at),
            quotes_in_one_sentence,
        );
    }
    Ok(())
}

/// (d) statements per article: paragraphs on their own lines, sized from the statements
/// per byte of a sample. Two curves in one table: the corpus build (extraction and
/// assembly) and the grouping, each row against the previous row of its kind.
fn statements(paras: &[String], limit: f64, at: &dyn Fn(usize) -> usize) {
    let sample = joined(paras, "\n", at(200 * KB));
    let per_byte = extract(&sample).statements.len() as f64 / sample.len() as f64;
    let mut build = Series::new(
        "(d) statements in one article (one paragraph a line): Corpus::build, then compare() (grouping)",
        limit,
    );
    let mut cmp = Series::continued(limit);
    for n in [1000, 2000, 5000, 10000, 20000].map(at) {
        if !build.fits(n as f64) || !cmp.fits(n as f64) {
            break;
        }
        let text = joined(paras, "\n", (n as f64 / per_byte) as usize);
        let input = || {
            vec![Input {
                name: "growth.txt",
                text: &text,
                meta: Default::default(),
            }]
        };
        let (secs, corpus) = seconds(|| Corpus::build(input()));
        let found = corpus.entries.len();
        build.row(
            &format!("build {found} st."),
            text.len(),
            found as f64,
            secs,
        );
        let (secs, groups) = seconds(|| compare(&corpus, GROUP_THRESHOLD).groups.len());
        cmp.row(
            &format!("compare {found} st. ({groups} gr.)"),
            text.len(),
            found as f64,
            secs,
        );
    }
}
