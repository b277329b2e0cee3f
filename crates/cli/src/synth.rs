//! `quoteline synth --out DIR`: writes a deterministic synthetic corpus.

use crate::args::{number, options, text};
use crate::error::CliError;
use quoteline_core::synth::{generate, SynthParams};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// The generator's parameters from `--seed`, and `--mb` or `--events`, `--outlets`,
/// `--paragraphs`.
pub fn params(map: &HashMap<String, OsString>) -> Result<SynthParams, CliError> {
    let seed = number(map, "seed", 1)?;
    if let Some(mb) = text(map, "mb")? {
        let mb: f64 = mb.parse().map_err(|_| {
            CliError::bad_value("--mb", "must be a positive number", format!("{mb:?}"))
        })?;
        if !(mb > 0.0 && mb <= 2000.0) {
            return Err(CliError::bad_value(
                "--mb",
                "must be more than 0 and at most 2000",
                mb.to_string(),
            ));
        }
        return Ok(SynthParams::for_bytes(seed, (mb * 1_000_000.0) as usize));
    }
    let d = SynthParams::default();
    let p = SynthParams {
        seed,
        events: number(map, "events", d.events as u64)? as usize,
        outlets_per_event: number(map, "outlets", d.outlets_per_event as u64)? as usize,
        paragraphs: number(map, "paragraphs", d.paragraphs as u64)? as usize,
    };
    p.validate()?;
    Ok(p)
}

/// Writes the corpus; `Ok` is the summary line.
fn write(args: &[OsString]) -> Result<String, CliError> {
    let map = options(
        args,
        &["out", "seed", "events", "outlets", "paragraphs", "mb"],
    )?;
    let out = Path::new(map.get("out").ok_or(CliError::Required("--out DIR"))?);
    let shown = out.display();
    let params = params(&map)?;
    let arts = generate(&params)?;
    std::fs::create_dir_all(out).map_err(|error| CliError::CannotWrite {
        file: shown.to_string(),
        error,
    })?;
    let mut bytes = 0;
    for a in &arts {
        std::fs::write(out.join(&a.name), &a.text).map_err(|error| CliError::CannotWrite {
            file: format!("{shown}/{}", a.name),
            error,
        })?;
        bytes += a.text.len();
    }
    Ok(format!(
        "wrote {} articles ({:.1} MB) to {shown}",
        arts.len(),
        bytes as f64 / 1e6
    ))
}

pub fn run(args: &[OsString]) -> ExitCode {
    match write(args) {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quoteline synth: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quoteline_core::synth::SynthError;

    fn map(a: &[(&str, &str)]) -> HashMap<String, OsString> {
        a.iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect()
    }

    #[test]
    fn bad_parameters_name_the_option_or_the_parameter() {
        let err = |a: &[(&str, &str)]| params(&map(a)).unwrap_err().to_string();
        assert_eq!(
            err(&[("mb", "abc")]),
            "--mb must be a positive number, got \"abc\""
        );
        assert_eq!(
            err(&[("mb", "3000")]),
            "--mb must be more than 0 and at most 2000, got 3000"
        );
        assert_eq!(err(&[("events", "0")]), "events must be at least 1");
        assert!(matches!(
            params(&map(&[("paragraphs", "0")])),
            Err(CliError::Synth(SynthError::NoParagraphs))
        ));
        assert_eq!(write(&[]).unwrap_err().to_string(), "--out DIR is required");
    }
}
