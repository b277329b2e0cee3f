//! A view's results over an archive, page by page: [`Archive::query`] resolves the
//! filters, asks the index for candidates (a search, a speaker) and plans the statement
//! shards to visit, leaving out those whose summary (or candidates) shows no match;
//! [`Archive::page`] visits them lazily, in date order (oldest or newest first), until
//! the page is full. The total is exact where the summaries make it so, else a range
//! that closes as shards are visited; a shard that cannot be read is skipped and named.

use super::fetch::Fetch;
use super::reader::{Archive, Row};
use super::select::Resolved;
use crate::formats::shard::{ShardError, Table};
use crate::view::facet::Facet;
use crate::view::state::AppState;

/// The order of an archive's results: by date (undated last), then by id; or its
/// reverse. (The archive is stored in that order; the in-memory views' other orders,
/// article, outlet and speaker, would need every matching statement first.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Oldest,
    Newest,
}

/// How many statements match: exactly when `at_least == at_most`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    pub at_least: u64,
    pub at_most: u64,
}

impl Total {
    pub fn exact(self) -> Option<u64> {
        (self.at_least == self.at_most).then_some(self.at_least)
    }
}

/// A statement shard to visit: its place, the bounds of its matches, and the candidates
/// the index gave in it (`None`: every statement is one).
#[derive(Clone, Debug)]
struct Planned {
    shard: usize,
    low: u64,
    high: u64,
    candidates: Option<Vec<u64>>,
}

/// One view's results (see the module's comment).
pub struct Results {
    filters: Resolved,
    order: Order,
    plan: Vec<Planned>,
    /// The next planned shard to visit.
    next: usize,
    /// Matching statements found so far, in the order shown.
    found: Vec<u64>,
    /// Planned shards that could not be read: their bounds stay in the total.
    failed: Vec<Planned>,
    /// The total when the root tells it whole (a speaker or affiliation selection alone:
    /// the root counts each speaker's statements).
    known: Option<u64>,
    /// The archive's statement count when an index chunk could not be read: the
    /// candidates may then miss statements, so the total is at most that.
    partial: Option<u64>,
    unavailable: Vec<ShardError>,
}

/// A page: its rows, the total as known now, and the parts that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub rows: Vec<Row>,
    pub total: Total,
    pub unavailable: Vec<ShardError>,
}

impl Results {
    /// The total as known now: exact counts of the shards visited, bounds of the others.
    pub fn total(&self) -> Total {
        if let Some(n) = self.known {
            return Total {
                at_least: n,
                at_most: n,
            };
        }
        let rest = self.plan.get(self.next..).unwrap_or_default();
        let rest = rest.iter().chain(&self.failed);
        let found = self.found.len() as u64;
        let (low, high) = rest.fold((0, 0), |(l, h), p| (l + p.low, h + p.high));
        Total {
            at_least: found + low,
            at_most: self.partial.unwrap_or(found + high).max(found + high),
        }
    }

    /// The statement shards left to visit.
    pub fn shards_left(&self) -> usize {
        self.plan.len().saturating_sub(self.next)
    }
}

impl<F: Fetch> Archive<F> {
    /// Plans the results of `state`'s filters (its search, facets and date range; its
    /// sort is not used: see [`Order`]).
    pub async fn query(&mut self, state: &AppState, order: Order) -> Results {
        let mut filters = Resolved::new(self.root(), state);
        // What the plan needs beyond the root: outlet chunks (without one, an outlet's
        // statements cannot be told, so the total stays open) and the summaries (without
        // them, every shard is visited, so the total closes at the end).
        let lost = self.resolve_outlets(&mut filters).await;
        let mut unsummarised = None;
        if filters.needs_summaries() {
            match self.summaries().await {
                Ok(()) => filters.summarised = true,
                Err(e) => unsummarised = Some(e),
            }
        }
        let names: Vec<String> = if state.filters[Facet::Affiliation].is_empty() {
            state.filters[Facet::Speaker].clone()
        } else {
            Vec::new()
        };
        let cands = self.candidates(&filters.query, &names).await;
        // Without the statement table no shard can be planned: the total stays open.
        let untabled = self.table(Table::Statements).await.err();
        let root = self.root();
        let mut plan = Vec::new();
        let mut at = 0;
        let listed = cands.statements.as_deref().unwrap_or_default();
        for (k, s) in root.statement_shards.iter().enumerate() {
            let end = s.first + s.count;
            let mine = cands.statements.as_ref().map(|_| {
                let from = at
                    + listed
                        .get(at..)
                        .unwrap_or_default()
                        .partition_point(|&n| n < s.first);
                let to = from
                    + listed
                        .get(from..)
                        .unwrap_or_default()
                        .partition_point(|&n| n < end);
                at = to;
                listed.get(from..to).unwrap_or_default().to_vec()
            });
            let search = mine.as_ref().map(|m| {
                let n = m.len() as u64;
                (if cands.exact { n } else { 0 }, n)
            });
            let search = search.or((!filters.query.is_empty()).then_some((0, s.count)));
            let (low, high) = filters.bounds(root, (k, s), search);
            if high > 0 {
                plan.push(Planned {
                    shard: k,
                    low,
                    high,
                    candidates: mine,
                });
            }
        }
        if order == Order::Newest {
            plan.reverse();
        }
        let known = filters.speakers_alone(root);
        let partial = (!cands.unavailable.is_empty() || !lost.is_empty() || untabled.is_some())
            .then_some(root.facts.statements);
        let mut unavailable = cands.unavailable;
        unavailable.extend(lost);
        unavailable.extend(unsummarised);
        unavailable.extend(untabled);
        Results {
            filters,
            order,
            plan,
            next: 0,
            found: Vec::new(),
            failed: Vec::new(),
            known,
            partial,
            unavailable,
        }
    }

    /// Resolves the selected outlets the root does not name from their outlet chunks
    /// (one chunk per run of names): their positions and their counts in each shard.
    /// An outlet in no chunk has no statements; a chunk that cannot be read is named.
    async fn resolve_outlets(&mut self, f: &mut Resolved) -> Vec<ShardError> {
        let mut errors = Vec::new();
        if f.other_outlets.is_empty() {
            return errors;
        }
        if let Err(e) = self.table(Table::Outlets).await {
            errors.push(e);
            return errors;
        }
        for name in std::mem::take(&mut f.other_outlets) {
            let Some(k) = self.root().outlet_chunk_of(&name) else {
                continue;
            };
            let chunk = match self.outlet_chunk(k).await {
                Ok(c) => c,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let at = chunk
                .outlets
                .binary_search_by(|o| o.name.as_str().cmp(&name));
            let Some(o) = at.ok().and_then(|i| chunk.outlets.get(i)) else {
                continue;
            };
            f.outlets.get_or_insert_with(Vec::new).push(o.position);
            for &(s, n) in &o.shards {
                *f.other_counts.entry(s).or_default() += n;
            }
        }
        errors
    }

    /// The page of `len` results from the `start`-th, visiting shards as far as it needs.
    pub async fn page(&mut self, results: &mut Results, start: usize, len: usize) -> Page {
        let want = start.saturating_add(len);
        while results.found.len() < want {
            let Some(p) = results.plan.get(results.next).cloned() else {
                break;
            };
            results.next += 1;
            match self.visit(results, &p).await {
                Ok(mut hits) => {
                    if results.order == Order::Newest {
                        hits.reverse();
                    }
                    results.found.extend(hits);
                }
                Err(e) => {
                    results.failed.push(p);
                    results.unavailable.push(e);
                }
            }
        }
        let mut rows = Vec::new();
        let numbers: Vec<u64> = results
            .found
            .iter()
            .skip(start)
            .take(len)
            .copied()
            .collect();
        for n in numbers {
            match self.row(n).await {
                Ok(r) => rows.push(r),
                Err(e) => results.unavailable.push(e),
            }
        }
        Page {
            rows,
            total: results.total(),
            unavailable: results.unavailable.clone(),
        }
    }

    /// The matching statements of a planned shard, ascending.
    async fn visit(&mut self, results: &Results, p: &Planned) -> Result<Vec<u64>, ShardError> {
        let shard = self.statements(p.shard).await?;
        let root = self.root();
        let first = root.statement_shards.get(p.shard).map_or(0, |s| s.first);
        let places: Vec<usize> = match &p.candidates {
            Some(c) => c.iter().map(|&n| (n - first) as usize).collect(),
            None => (0..shard.entries.len()).collect(),
        };
        let f = &results.filters;
        let mut hits = Vec::new();
        for at in places {
            let (Some(e), Some(text)) = (shard.entries.get(at), shard.texts.get(at)) else {
                continue;
            };
            let outlet = shard.outlets.get(at).copied().unwrap_or(u32::MAX);
            let speaker = root.speakers.get(e.speaker).map_or("", |s| s.name.as_str());
            if f.is_all() || f.passes(root, e, outlet, text, speaker) {
                hits.push(first + at as u64);
            }
        }
        Ok(hits)
    }
}
