//! The articles of `pack --sharded` as they stream: each file (or `--jsonl` line of
//! stdin) read, extracted and assembled alone on every core, and handed on as a corpus
//! of one article, in the order given, while the next are being read. Only the articles
//! in flight are in memory, never the archive.

use crate::load::{alone, Sources, Text};
use quoteline_core::corpus::Corpus;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

/// One article, read and extracted (or why it cannot be used), with notes on its bytes.
pub struct Part {
    pub corpus: Result<Corpus, String>,
    pub notes: Vec<String>,
    /// The bytes of text read.
    pub bytes: usize,
}

/// The next article to read: a file, or a line of stdin (its number, its bytes).
enum Job {
    File(String, PathBuf),
    Line(usize, Vec<u8>),
}

/// The jobs in order: the files, then (with `--jsonl`) stdin's lines, read as asked.
struct Jobs<'a> {
    files: std::slice::Iter<'a, (String, PathBuf)>,
    stdin: Option<std::io::Stdin>,
    line: usize,
    next: usize,
}

impl Jobs<'_> {
    fn next(&mut self) -> Option<(usize, Job)> {
        let job = match self.files.next() {
            Some((name, path)) => Job::File(name.clone(), path.clone()),
            None => self.line()?,
        };
        self.next += 1;
        Some((self.next - 1, job))
    }

    /// The next line of stdin that is not blank.
    fn line(&mut self) -> Option<Job> {
        let stdin = self.stdin.as_ref()?;
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            match stdin.lock().read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => return Some(Job::Line(self.line, buf)),
                Err(e) => {
                    let why = format!("could not be read ({e}); input ends here");
                    self.stdin = None;
                    return Some(Job::Line(self.line, why.into_bytes()));
                }
            }
        }
    }
}

/// Reads and extracts one article.
fn part(sources: &Sources, job: Job) -> Part {
    let (text, notes) = match job {
        Job::File(name, path) => match sources.read(&name, &path) {
            Ok(r) => (r.text, r.notes),
            Err(e) => return failed(e),
        },
        Job::Line(at, line) => match crate::stdin::parse(&line) {
            Ok(a) => (
                Text {
                    name: a.name,
                    text: a.text,
                    meta: a.meta,
                },
                Vec::new(),
            ),
            Err(why) => return failed(format!("stdin:{at}: {why}; line skipped")),
        },
    };
    let corpus = alone(&text)
        .map_err(|panic| format!("{}: skipped: extracting it panicked: {panic}", text.name));
    Part {
        corpus,
        notes,
        bytes: text.text.len(),
    }
}

fn failed(why: String) -> Part {
    Part {
        corpus: Err(why),
        notes: Vec::new(),
        bytes: 0,
    }
}

/// Calls `each` with every article of `sources`, in order, extracting them on every
/// core meanwhile. `each` runs on the calling thread; when it answers `false`, reading
/// stops.
pub fn each(sources: &Sources, mut each: impl FnMut(Part) -> bool) {
    let jobs = Mutex::new(Jobs {
        files: sources.files.iter(),
        stdin: sources.from_stdin.then(std::io::stdin),
        line: 0,
        next: 0,
    });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Part)>(threads * 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (jobs, stop) = (&jobs, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let next = jobs.lock().ok().and_then(|mut j| j.next());
                    let Some((i, job)) = next else { break };
                    if tx.send((i, part(sources, job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Parts come as they finish; each is handed on in its turn.
        let mut waiting: BTreeMap<usize, Part> = BTreeMap::new();
        let mut turn = 0;
        for (i, p) in rx.iter() {
            if stop.load(Ordering::Relaxed) {
                // (Drained, so that no thread stays blocked on a full channel.)
                continue;
            }
            waiting.insert(i, p);
            while let Some(p) = waiting.remove(&turn) {
                turn += 1;
                if !each(p) {
                    stop.store(true, Ordering::Relaxed);
                    waiting.clear();
                    break;
                }
            }
        }
    });
}
