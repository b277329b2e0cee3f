//! Reading a corpus file a step at a time (each a few milliseconds of work on a big
//! file), so that a page can paint and take input between the steps: the checksum a
//! slice of the body at a time, the body decoded a run of articles or statements at a
//! time, then checked a part at a time. [`super::decode`] is this, run to the end.
//!
//! The body is postcard, which writes a struct as its fields one after the other and a
//! sequence as its length then its items, so [`Body`]'s fields are read here in turn,
//! and the corpus's articles and statements item by item: the same bytes, the same
//! values (`tests::read_in_steps_is_decoding_whole` holds the two equal).

use super::check::{Checking, Inconsistency};
use super::format::{header, map_topics, Body, Pack, PackError};
use crate::corpus::compare::{Comparison, Group};
use crate::corpus::{Article, Corpus, Entry, Event, Speaker};
use crate::lexicon::Fnv;
use serde::de::DeserializeOwned;
use std::hash::Hasher;

/// How many body bytes one step sums.
const SUM_PER_STEP: usize = 1 << 21;
/// How many articles one step decodes (each holds its text).
const ARTICLES_PER_STEP: usize = 200;
/// How many statements one step decodes.
const ENTRIES_PER_STEP: usize = 2_000;
/// How many statements one step checks.
const CHECK_PER_STEP: usize = 6_000;

/// A corpus file being read: see the module's comment.
pub struct Reading<'a> {
    stage: Stage<'a>,
}

/// The body's fields read so far.
#[derive(Default)]
struct Partial {
    generator: String,
    topics: Vec<String>,
    articles: Vec<Article>,
    entries: Vec<Entry>,
}

enum Stage<'a> {
    /// Summing the body: what the header says, the hash so far, the bytes left.
    Sum {
        body: &'a [u8],
        want: u64,
        hash: Fnv,
        left: &'a [u8],
    },
    /// The generator, the topics and the number of articles are next.
    Head(&'a [u8]),
    /// `left` more articles, then the number of statements.
    Articles {
        rest: &'a [u8],
        left: usize,
        partial: Box<Partial>,
    },
    /// `left` more statements, then the speakers, events and groups.
    Entries {
        rest: &'a [u8],
        left: usize,
        partial: Box<Partial>,
    },
    Check(Box<Body>, Checking),
    Done,
}

/// The next value of type `T` in `bytes`, which move past it.
fn take<T: DeserializeOwned>(bytes: &mut &[u8]) -> Result<T, PackError> {
    let (value, rest) =
        postcard::take_from_bytes::<T>(bytes).map_err(|e| PackError::Decode(e.to_string()))?;
    *bytes = rest;
    Ok(value)
}

/// A sequence's length (postcard writes it as a variable-length integer, as a `u64`).
fn take_len(bytes: &mut &[u8]) -> Result<usize, PackError> {
    usize::try_from(take::<u64>(bytes)?)
        .map_err(|_| PackError::Decode("a sequence is longer than this machine can hold".into()))
}

/// Room for `n` items, but no more than the bytes left could hold (each item is a
/// byte at least): a damaged length does not reserve gigabytes.
fn room<T>(n: usize, bytes: &[u8]) -> Vec<T> {
    Vec::with_capacity(n.min(bytes.len()))
}

/// Reads up to `per_step` of the `left` items of a sequence into `into`.
fn take_some<T: DeserializeOwned>(
    bytes: &mut &[u8],
    left: &mut usize,
    per_step: usize,
    into: &mut Vec<T>,
) -> Result<(), PackError> {
    for _ in 0..per_step.min(*left) {
        into.push(take(bytes)?);
        *left -= 1;
    }
    Ok(())
}

impl<'a> Reading<'a> {
    /// Reads the first line: a file that is not a corpus file of this format, or whose
    /// length disagrees with it, is refused here, before anything is summed.
    pub fn new(bytes: &'a [u8]) -> Result<Reading<'a>, PackError> {
        let (want, body) = header(bytes)?;
        Ok(Reading {
            stage: Stage::Sum {
                body,
                want,
                hash: Fnv::default(),
                left: body,
            },
        })
    }

    /// Does the next step: `None` while there is more to do, then the result once.
    pub fn step(&mut self, topics: &[String]) -> Option<Result<Pack, PackError>> {
        let stage = std::mem::replace(&mut self.stage, Stage::Done);
        match self.next(stage, topics) {
            Ok(Ok(next)) => {
                self.stage = next;
                None
            }
            Ok(Err(pack)) => Some(Ok(pack)),
            Err(e) => Some(Err(e)),
        }
    }

    /// The stage after `stage`, or the pack once it is read.
    fn next(
        &self,
        stage: Stage<'a>,
        topics: &[String],
    ) -> Result<Result<Stage<'a>, Pack>, PackError> {
        Ok(Ok(match stage {
            Stage::Sum {
                body,
                want,
                mut hash,
                left,
            } => {
                let (now, rest) = left.split_at(left.len().min(SUM_PER_STEP));
                hash.write(now);
                if !rest.is_empty() {
                    Stage::Sum {
                        body,
                        want,
                        hash,
                        left: rest,
                    }
                } else if hash.finish() == want {
                    Stage::Head(body)
                } else {
                    return Err(PackError::Checksum);
                }
            }
            Stage::Head(mut rest) => {
                let generator = take(&mut rest)?;
                let topics = take(&mut rest)?;
                let left = take_len(&mut rest)?;
                Stage::Articles {
                    partial: Box::new(Partial {
                        generator,
                        topics,
                        articles: room(left, rest),
                        entries: Vec::new(),
                    }),
                    rest,
                    left,
                }
            }
            Stage::Articles {
                mut rest,
                mut left,
                mut partial,
            } => {
                take_some(
                    &mut rest,
                    &mut left,
                    ARTICLES_PER_STEP,
                    &mut partial.articles,
                )?;
                if left > 0 {
                    Stage::Articles {
                        rest,
                        left,
                        partial,
                    }
                } else {
                    let left = take_len(&mut rest)?;
                    partial.entries = room(left, rest);
                    Stage::Entries {
                        rest,
                        left,
                        partial,
                    }
                }
            }
            Stage::Entries {
                mut rest,
                mut left,
                mut partial,
            } => {
                take_some(&mut rest, &mut left, ENTRIES_PER_STEP, &mut partial.entries)?;
                if left > 0 {
                    Stage::Entries {
                        rest,
                        left,
                        partial,
                    }
                } else {
                    Stage::Check(Box::new(tail(rest, *partial)?), Checking::default())
                }
            }
            Stage::Check(body, mut checking) => {
                let c = &body.corpus;
                match checking.step(c, &body.groups, body.topics.len(), CHECK_PER_STEP) {
                    Ok(false) => Stage::Check(body, checking),
                    Ok(true) => return Ok(Err(finish(*body, topics))),
                    Err(Inconsistency { field, problem }) => {
                        return Err(PackError::Invalid { field, problem })
                    }
                }
            }
            // (Called again after the end: the result was given already.)
            Stage::Done => return Err(PackError::Header("the corpus file was read already")),
        }))
    }
}

/// The body, given what is read so far and the bytes of the speakers, events and groups.
fn tail(mut rest: &[u8], p: Partial) -> Result<Body, PackError> {
    let speakers: Vec<Speaker> = take(&mut rest)?;
    let events: Vec<Event> = take(&mut rest)?;
    let groups: Vec<Group> = take(&mut rest)?;
    Ok(Body {
        generator: p.generator,
        topics: p.topics,
        corpus: Corpus {
            articles: p.articles,
            entries: p.entries,
            speakers,
            events,
        },
        groups,
    })
}

/// A checked body as a [`Pack`], its topics mapped to this app's.
fn finish(body: Body, topics: &[String]) -> Pack {
    let mut corpus = body.corpus;
    let notes = map_topics(&mut corpus, &body.topics, topics);
    let comparison = Comparison::from_groups(&corpus, body.groups);
    Pack {
        corpus,
        comparison,
        generator: body.generator,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{encode, tests::sample};
    use super::*;
    use crate::corpus::topics::names;

    /// Reading in steps gives what postcard's decoding of the whole body gives, on a
    /// corpus with articles, statements, speakers, events and groups.
    #[test]
    fn read_in_steps_is_decoding_whole() {
        let (c, cmp) = sample();
        let bytes = encode(&c, &cmp, &names(), "test");
        let (_, body) = super::super::format::header(&bytes).unwrap();
        let whole: Body = postcard::from_bytes(body).unwrap();
        let mut reading = Reading::new(&bytes).unwrap();
        let pack = loop {
            if let Some(done) = reading.step(&names()) {
                break done.unwrap();
            }
        };
        assert_eq!(pack.corpus, whole.corpus);
        assert_eq!(pack.comparison.groups, whole.groups);
        assert_eq!(pack.generator, whole.generator);
        assert!(!pack.corpus.entries.is_empty() && !whole.groups.is_empty());
    }
}
