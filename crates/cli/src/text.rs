//! `quoteline text FILE`: prints the text that the file's statement offsets index,
//! exactly (the file's own bytes when `extract` says `offsets: source`; the normalised
//! text when it says `normalised`), and the reason on stderr when it was normalised.

use crate::load::{article_text, DEFAULT_MAX_FILE_MB};
use quoteline_core::formats::ingest::Offsets;
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &[OsString]) -> ExitCode {
    let [file] = args else {
        eprintln!("quoteline text: give one file\n{}", crate::usage::USAGE);
        return ExitCode::from(2);
    };
    match article_text(Path::new(file), DEFAULT_MAX_FILE_MB) {
        Ok((text, offsets)) => {
            if let Offsets::Normalised(why) = offsets {
                eprintln!(
                    "{}: normalised ({}): offsets index this text, not the file's bytes",
                    Path::new(file).display(),
                    why.reason()
                );
            }
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .is_err()
            {
                return ExitCode::SUCCESS; // stdout closed
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
