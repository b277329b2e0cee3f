//! `quoteline archive DIR`: the archive reader (`view::archive`) over a directory of
//! files, as the app will run it over `fetch`: the first view, then a search, a facet
//! selection and an opened statement as asked, each from a cold cache (only the root
//! kept), printing per operation its time, the bytes and files it fetched, and what it
//! found. A benchmark of the explorer's side of an archive, and a way to look into one.

use crate::args::{number, options, text};
use crate::error::CliError;
use quoteline_core::formats::shard::{shard_name_ok, Table};
use quoteline_core::model::Kind;
use quoteline_core::view::archive::{ready, Archive, Fetch, Order, Page, DEFAULT_BUDGET};
use quoteline_core::view::facet::Facet;
use quoteline_core::view::state::{Action, AppState};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The files of one directory. Only the root and names of the shard pattern are read,
/// so a root cannot lead the reader out of the directory.
struct Files(PathBuf);

impl Fetch for Files {
    async fn fetch(&self, name: &str) -> Result<Vec<u8>, String> {
        if name != quoteline_core::formats::shard::ROOT && !shard_name_ok(name) {
            return Err(format!("{name} is not a file of an archive"));
        }
        std::fs::read(self.0.join(name)).map_err(|e| e.to_string())
    }
}

/// What to ask, from the options.
struct Asked {
    dir: PathBuf,
    search: Option<String>,
    facets: Vec<Action>,
    open: Option<u64>,
    order: Order,
    page: usize,
    budget: u64,
    /// The timeline overview's bucket, in days.
    bucket: i64,
}

/// The facets an option selects (one value each).
const FACETS: [&str; 5] = ["outlet", "kind", "topic", "speaker", "affiliation"];
/// The other options.
const OTHERS: [&str; 6] = [
    "search",
    "open",
    "order",
    "page",
    "budget-mb",
    "bucket-days",
];

fn asked(args: &[OsString]) -> Result<Asked, CliError> {
    let (dir, rest) = args.split_first().ok_or(CliError::Required("DIR"))?;
    let map = options(rest, &[FACETS.as_slice(), &OTHERS].concat())?;
    let mut facets = Vec::new();
    if let Some(o) = text(&map, "outlet")? {
        facets.push(Action::Toggle(Facet::Outlet, o.into()));
    }
    if let Some(k) = text(&map, "kind")? {
        let kind = Kind::parse(k).ok_or_else(|| {
            CliError::bad_value(
                "--kind",
                "must be direct, partial or indirect",
                format!("{k:?}"),
            )
        })?;
        facets.push(Action::Toggle(Facet::Kind, kind.as_str().into()));
    }
    if let Some(t) = text(&map, "topic")? {
        facets.push(Action::Toggle(Facet::Topic, t.into()));
    }
    if let Some(s) = text(&map, "speaker")? {
        facets.push(Action::Toggle(Facet::Speaker, s.into()));
    }
    if let Some(a) = text(&map, "affiliation")? {
        facets.push(Action::Toggle(Facet::Affiliation, a.into()));
    }
    let order = match text(&map, "order")? {
        None | Some("oldest") => Order::Oldest,
        Some("newest") => Order::Newest,
        Some(o) => {
            return Err(CliError::bad_value(
                "--order",
                "must be oldest or newest",
                format!("{o:?}"),
            ))
        }
    };
    Ok(Asked {
        dir: PathBuf::from(dir),
        search: text(&map, "search")?.map(String::from),
        facets,
        open: map
            .contains_key("open")
            .then(|| number(&map, "open", 0))
            .transpose()?,
        order,
        page: number(&map, "page", 50)?.max(1) as usize,
        bucket: number(&map, "bucket-days", 7)?.clamp(1, 100_000) as i64,
        budget: number(&map, "budget-mb", DEFAULT_BUDGET / (1024 * 1024))?
            .saturating_mul(1024 * 1024),
    })
}

/// One line of the report: the operation, its time, what it fetched, what it found.
fn line(what: &str, start: Instant, before: (u64, u64), a: &Archive<Files>, found: &str) {
    let (bytes, files) = a.fetched();
    println!(
        "{what:<12} {:>9.1} ms {:>12} bytes {:>5} files  {found}",
        start.elapsed().as_secs_f64() * 1e3,
        bytes - before.0,
        files - before.1,
    );
}

fn described(p: &Page) -> String {
    let total = match p.total.exact() {
        Some(n) => format!("{n} statements"),
        None => format!(
            "{} to {} statements (more shards to read)",
            p.total.at_least, p.total.at_most
        ),
    };
    let mut s = format!("{total}; {} on the page", p.rows.len());
    if let Some(r) = p.rows.first() {
        s += &format!(", first {} ({}, {})", r.number, r.outlet, r.speaker);
    }
    for e in &p.unavailable {
        s += &format!("\n    {e}");
    }
    s
}

async fn results(a: &mut Archive<Files>, what: &str, state: &AppState, ask: &Asked) {
    a.forget();
    let (start, before) = (Instant::now(), a.fetched());
    let mut r = a.query(state, ask.order).await;
    let page = a.page(&mut r, 0, ask.page).await;
    line(what, start, before, a, &described(&page));
}

async fn run_async(ask: Asked) -> Result<(), String> {
    let start = Instant::now();
    let mut a = Archive::open(Files(ask.dir.clone()), ask.budget)
        .await
        .map_err(|e| e.to_string())?;
    let root = a.root();
    let manifests: u64 = Table::ALL.iter().map(|&t| root.tables.get(t).bytes).sum();
    let facts = format!(
        "{} statements, {} articles, {} speakers; the shard tables in {} manifests of {manifests} bytes, read as needed",
        root.facts.statements, root.facts.articles, root.facts.speakers,
        Table::ALL.len()
    );
    line("root", start, (0, 0), &a, &facts);
    let o = a.overview(ask.bucket);
    let counts = format!(
        "{} outlets (and {} more with {} statements), {} kinds, {} topics, {} speakers, {} timeline buckets",
        o.outlets.len(),
        o.other_outlets.values,
        o.other_outlets.statements,
        o.kinds.len(),
        o.topics.len(),
        o.speakers.len(),
        o.timeline.len()
    );
    let mut r = a.query(&AppState::default(), ask.order).await;
    let page = a.page(&mut r, 0, ask.page).await;
    line(
        "first view",
        start,
        (0, 0),
        &a,
        &format!("{counts}; {}", described(&page)),
    );
    let mut facets = AppState::default();
    for f in &ask.facets {
        facets.apply(f.clone());
    }
    if let Some(q) = &ask.search {
        let mut s = AppState::default();
        s.apply(Action::Search(q.clone()));
        results(&mut a, "search", &s, &ask).await;
        if !ask.facets.is_empty() {
            let mut both = facets.clone();
            both.apply(Action::Search(q.clone()));
            results(&mut a, "both", &both, &ask).await;
        }
    }
    if !ask.facets.is_empty() {
        results(&mut a, "facet", &facets, &ask).await;
    }
    if let Some(n) = ask.open {
        a.forget();
        let (start, before) = (Instant::now(), a.fetched());
        let found = match a.open_statement(n).await {
            Ok(o) => format!(
                "{} by {} in {} ({} bytes of article text){}",
                o.row.entry.id,
                o.speaker.name,
                o.article.name,
                o.article.text.len(),
                match o.group {
                    Ok(Some(g)) => format!(
                        "; one of {} renderings by {} outlets",
                        g.members.len(),
                        g.outlets
                    ),
                    Ok(None) => String::new(),
                    Err(e) => format!("; its group: {e}"),
                },
            ),
            Err(e) => e.to_string(),
        };
        line("open", start, before, &a, &found);
    }
    let (bytes, files) = a.fetched();
    println!(
        "in all: {bytes} bytes in {files} files; {} bytes of shards held at the end",
        a.held()
    );
    Ok(())
}

pub fn run(args: &[OsString]) -> ExitCode {
    let ask = match asked(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("quoteline archive: {e}");
            return ExitCode::from(2);
        }
    };
    // Files answer at once, so one poll runs each question to its end.
    match ready(run_async(ask)) {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err(e)) => {
            eprintln!("quoteline archive: {e}");
            ExitCode::from(1)
        }
        None => {
            eprintln!("quoteline archive: a file read did not finish at once");
            ExitCode::from(1)
        }
    }
}
