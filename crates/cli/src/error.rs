//! What can go wrong on the command line, as one type: an option that is missing,
//! unknown or has a bad value (the message names the option), a file that cannot be read
//! or written (it names the file), the engine's refusals (which name the file or the
//! parameter themselves) and a contained panic. The messages are the words the CLI has
//! always printed; each command adds its prefix (`quoteline synth: `) and picks the exit
//! status.

use crate::contain::Panic;
use quoteline_core::formats::ingest::IngestError;
use quoteline_core::synth::SynthError;

#[derive(Debug)]
pub enum CliError {
    /// A word where an option (`--name`) was expected, as shown (lossily).
    Unexpected(String),
    /// An option the command does not take (`--name`), with the ones it takes when the
    /// command lists them.
    UnknownOption {
        option: String,
        allowed: Vec<String>,
    },
    /// An option given without its value, and what it needs (`a file`, `a number`).
    NoValue { option: String, needs: &'static str },
    /// An option this command does not take, and why (where it applies instead).
    NotHere {
        option: &'static str,
        why: &'static str,
    },
    /// A required option that was not given, as the usage writes it (`--out DIR`).
    Required(&'static str),
    /// An option whose value is not valid UTF-8 (the value shown lossily).
    NotUtf8 { option: String, value: String },
    /// An option whose value is not what it wants (`must be a whole number ≥ 0`), and the
    /// value as shown (quoted, or as read), if it has one.
    BadValue {
        option: String,
        wants: &'static str,
        got: Option<String>,
    },
    /// No file or directory given.
    NoFiles,
    /// A file that could not be opened or read: what it was read as (`topics`,
    /// `manifest`, `directory`; empty for an article) and the system's reason.
    CannotRead {
        file: String,
        what: &'static str,
        error: std::io::Error,
    },
    /// A file or directory that could not be written.
    CannotWrite { file: String, error: std::io::Error },
    /// An article file over the `--max-file-mb` limit: its size and the limit, in bytes.
    TooLarge {
        file: String,
        bytes: u64,
        limit: u64,
    },
    /// An article file refused by the reader (binary, empty, no article text).
    Ingest(IngestError),
    /// Synthetic-corpus parameters the generator refuses.
    Synth(SynthError),
    /// Reading a file panicked; the panic was contained.
    Panicked { file: String, panic: Panic },
    /// The corpus file the benchmark wrote did not read back.
    NoReadBack,
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Unexpected(arg) => write!(f, "unexpected argument {arg:?}"),
            CliError::UnknownOption { option, allowed } if allowed.is_empty() => {
                write!(f, "unknown option {option}")
            }
            CliError::UnknownOption { option, allowed } => {
                write!(f, "unknown option {option} (allowed: {})", allowed.join(", "))
            }
            CliError::NoValue { option, needs } => write!(f, "{option} needs {needs}"),
            CliError::NotHere { option, why } => write!(f, "{option} {why}"),
            CliError::Required(option) => write!(f, "{option} is required"),
            CliError::NotUtf8 { option, value } => {
                write!(f, "{option}: {value:?} is not valid UTF-8")
            }
            CliError::BadValue { option, wants, got } => match got {
                Some(got) => write!(f, "{option} {wants}, got {got}"),
                None => write!(f, "{option} {wants}"),
            },
            CliError::NoFiles => f.write_str("no files given"),
            CliError::CannotRead {
                file,
                what: "",
                error,
            } => write!(f, "{file}: cannot read: {error}"),
            CliError::CannotRead { file, what, error } => {
                write!(f, "{file}: cannot read {what}: {error}")
            }
            CliError::CannotWrite { file, error } => write!(f, "{file}: {error}"),
            CliError::TooLarge { file, bytes, limit } => write!(
                f,
                "{file}: too large ({:.1} MB; the limit is {} MB per file); skipped. Raise it with --max-file-mb N",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            CliError::Ingest(e) => e.fmt(f),
            CliError::Synth(e) => e.fmt(f),
            CliError::Panicked { file, panic } => write!(f, "{file}: reading it panicked: {panic}"),
            CliError::NoReadBack => {
                f.write_str("the corpus file written by the benchmark did not read back")
            }
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::CannotRead { error, .. } | CliError::CannotWrite { error, .. } => Some(error),
            CliError::Ingest(e) => Some(e),
            CliError::Synth(e) => Some(e),
            _ => None,
        }
    }
}

impl From<IngestError> for CliError {
    fn from(e: IngestError) -> CliError {
        CliError::Ingest(e)
    }
}

impl From<SynthError> for CliError {
    fn from(e: SynthError) -> CliError {
        CliError::Synth(e)
    }
}

impl CliError {
    /// `option` with a value that is not `wants`: `got` is the value as the message
    /// shows it.
    pub fn bad_value(option: impl Into<String>, wants: &'static str, got: String) -> CliError {
        CliError::BadValue {
            option: option.into(),
            wants,
            got: Some(got),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    /// Every message names the option or the file it is about, in the words the CLI has
    /// always printed.
    #[test]
    fn each_error_names_its_option_or_file() {
        let gone = || Error::new(ErrorKind::NotFound, "No such file or directory");
        let cases: Vec<(CliError, &str, &str)> = vec![
            (
                CliError::Unexpected("stray".into()),
                "stray",
                "unexpected argument \"stray\"",
            ),
            (
                CliError::UnknownOption {
                    option: "--bogus".into(),
                    allowed: vec!["--mb".into(), "--seed".into()],
                },
                "--bogus",
                "unknown option --bogus (allowed: --mb, --seed)",
            ),
            (
                CliError::UnknownOption {
                    option: "--bogus".into(),
                    allowed: Vec::new(),
                },
                "--bogus",
                "unknown option --bogus",
            ),
            (
                CliError::NoValue {
                    option: "--manifest".into(),
                    needs: "a file",
                },
                "--manifest",
                "--manifest needs a file",
            ),
            (
                CliError::NotHere {
                    option: "--topics",
                    why: "applies to extract and groups: the app shows its own topics, so a corpus file is tagged with them",
                },
                "--topics",
                "--topics applies to extract and groups: the app shows its own topics, so a corpus file is tagged with them",
            ),
            (
                CliError::Required("--out DIR"),
                "--out",
                "--out DIR is required",
            ),
            (
                CliError::NotUtf8 {
                    option: "--seed".into(),
                    value: "\u{fffd}".into(),
                },
                "--seed",
                "--seed: \"\u{fffd}\" is not valid UTF-8",
            ),
            (
                CliError::bad_value("--seed", "must be a whole number ≥ 0", "\"x\"".into()),
                "--seed",
                "--seed must be a whole number ≥ 0, got \"x\"",
            ),
            (
                CliError::BadValue {
                    option: "--statements".into(),
                    wants: "wants a list of numbers, e.g. 1000,5000,20000,50000",
                    got: None,
                },
                "--statements",
                "--statements wants a list of numbers, e.g. 1000,5000,20000,50000",
            ),
            (CliError::NoFiles, "files", "no files given"),
            (
                CliError::CannotRead {
                    file: "a.txt".into(),
                    what: "",
                    error: gone(),
                },
                "a.txt",
                "a.txt: cannot read: No such file or directory",
            ),
            (
                CliError::CannotRead {
                    file: "t.txt".into(),
                    what: "topics",
                    error: gone(),
                },
                "t.txt",
                "t.txt: cannot read topics: No such file or directory",
            ),
            (
                CliError::CannotWrite {
                    file: "out/x.txt".into(),
                    error: Error::other("Not a directory"),
                },
                "out/x.txt",
                "out/x.txt: Not a directory",
            ),
            (
                CliError::TooLarge {
                    file: "big.txt".into(),
                    bytes: 3_000_000,
                    limit: 1_000_000,
                },
                "big.txt",
                "big.txt: too large (3.0 MB; the limit is 1 MB per file); skipped. Raise it with --max-file-mb N",
            ),
            (
                CliError::Ingest(IngestError::Empty {
                    file: "e.txt".into(),
                }),
                "e.txt",
                "e.txt: empty; nothing to add.",
            ),
            (
                CliError::Synth(SynthError::NoEvents),
                "events",
                "events must be at least 1",
            ),
            (
                CliError::Panicked {
                    file: "a.txt".into(),
                    panic: Panic("boom (at src/x.rs:3)".into()),
                },
                "a.txt",
                "a.txt: reading it panicked: boom (at src/x.rs:3)",
            ),
            (
                CliError::NoReadBack,
                "corpus file",
                "the corpus file written by the benchmark did not read back",
            ),
        ];
        for (e, names, message) in cases {
            assert_eq!(e.to_string(), message);
            assert!(message.contains(names), "{message}");
        }
    }
}
