//! The map's records for `pack --sharded --prepared FILE...` (the reduce of the Spark
//! job), handed on one at a time in `seq` order: a first pass notes each line's `seq`
//! and place, then each record is read again and parsed in its turn, so the records are
//! never all in memory. A map task run twice (a retried stage, a file given twice) gives
//! the same record twice: the first of each `seq` is used. The partitioned reduce reads
//! its keys files the same way (`in_order`).

use crate::error::CliError;
use crate::load::shown;
use crate::prepare::Record;
use quoteline_core::corpus::Corpus;
use std::ffi::OsString;
use std::io::BufRead;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

/// Where a record's line is.
struct Place {
    seq: u64,
    file: usize,
    line: usize,
    at: u64,
    len: usize,
}

#[derive(serde::Deserialize)]
struct Seq {
    seq: u64,
}

/// Each line's `seq` and place; a line without one is an error naming it.
fn places(
    files: &[(PathBuf, std::fs::File)],
    errors: &mut Vec<String>,
) -> Result<Vec<Place>, CliError> {
    let mut places = Vec::new();
    for (k, (path, file)) in files.iter().enumerate() {
        let cannot = |error| CliError::CannotRead {
            file: shown(path),
            what: "records",
            error,
        };
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let (mut at, mut line, mut buf) = (0u64, 0, Vec::new());
        loop {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf).map_err(cannot)?;
            if n == 0 {
                break;
            }
            line += 1;
            if !buf.iter().all(u8::is_ascii_whitespace) {
                match serde_json::from_slice::<Seq>(&buf) {
                    Ok(s) => places.push(Place {
                        seq: s.seq,
                        file: k,
                        line,
                        at,
                        len: n,
                    }),
                    Err(e) => errors.push(format!(
                        "{}:{line}: not a record ({e}); skipped",
                        shown(path)
                    )),
                }
            }
            at += n as u64;
        }
    }
    places.sort_by_key(|p| p.seq);
    Ok(places)
}

/// Calls `each` with every line of `names` that has a `seq`, in `seq` order, with
/// where it is (`FILE:LINE`); `each` answers `None` when the line cannot be used (a
/// later line of the same `seq` is tried), `Some(false)` to stop. The first usable line
/// of each `seq` is the only one.
pub fn in_order(
    names: &[OsString],
    errors: &mut Vec<String>,
    mut each: impl FnMut(&[u8], &str, &mut Vec<String>) -> Option<bool>,
) -> Result<(), CliError> {
    if names.is_empty() {
        return Err(CliError::NoFiles);
    }
    let mut files = Vec::new();
    for f in names {
        let path = PathBuf::from(f);
        let file = std::fs::File::open(&path).map_err(|error| CliError::CannotRead {
            file: shown(&path),
            what: "records",
            error,
        })?;
        files.push((path, file));
    }
    let places = places(&files, errors)?;
    let mut done: Option<u64> = None;
    for p in &places {
        if done == Some(p.seq) {
            continue;
        }
        let Some((path, file)) = files.get(p.file) else {
            continue;
        };
        let mut buf = vec![0; p.len];
        file.read_exact_at(&mut buf, p.at)
            .map_err(|error| CliError::CannotRead {
                file: shown(path),
                what: "records",
                error,
            })?;
        match each(&buf, &format!("{}:{}", shown(path), p.line), errors) {
            None => {}
            Some(go) => {
                done = Some(p.seq);
                if !go {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

/// Calls `each` with every record's corpus in `seq` order; a bad article or a line that
/// is not a record is an error naming it. When `each` answers `false`, reading stops.
pub fn each(
    names: &[OsString],
    errors: &mut Vec<String>,
    mut each: impl FnMut(Corpus) -> bool,
) -> Result<(), CliError> {
    in_order(names, errors, |line, at, errors| {
        let r = match serde_json::from_slice::<Record>(line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("{at}: not a record ({e}); skipped"));
                return None;
            }
        };
        match (r.corpus, r.bad) {
            (Some(c), _) => Some(each(c)),
            (None, bad) => {
                errors.push(format!(
                    "{}: skipped: {}",
                    bad.unwrap_or_else(|| format!("record {}", r.seq)),
                    r.why.unwrap_or_default()
                ));
                Some(true)
            }
        }
    })
}
