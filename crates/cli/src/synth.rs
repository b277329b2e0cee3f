//! `quoteline synth --out DIR`: writes a deterministic synthetic corpus.

use crate::args::{number, options, text};
use quoteline_core::synth::{generate, SynthParams};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// The generator's parameters from `--seed`, and `--mb` or `--events`, `--outlets`,
/// `--paragraphs`.
pub fn params(map: &HashMap<String, OsString>) -> Result<SynthParams, String> {
    let seed = number(map, "seed", 1)?;
    if let Some(mb) = text(map, "mb")? {
        let mb: f64 = mb
            .parse()
            .map_err(|_| format!("--mb must be a positive number, got {mb:?}"))?;
        if !(mb > 0.0 && mb <= 2000.0) {
            return Err(format!(
                "--mb must be more than 0 and at most 2000, got {mb}"
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

pub fn run(args: &[OsString]) -> ExitCode {
    let result = (|| -> Result<String, String> {
        let map = options(
            args,
            &["out", "seed", "events", "outlets", "paragraphs", "mb"],
        )?;
        let out = Path::new(map.get("out").ok_or("--out DIR is required")?);
        let shown = out.display();
        let params = params(&map)?;
        let arts = generate(&params)?;
        std::fs::create_dir_all(out).map_err(|e| format!("{shown}: {e}"))?;
        let mut bytes = 0;
        for a in &arts {
            std::fs::write(out.join(&a.name), &a.text)
                .map_err(|e| format!("{shown}/{}: {e}", a.name))?;
            bytes += a.text.len();
        }
        Ok(format!(
            "wrote {} articles ({:.1} MB) to {shown}",
            arts.len(),
            bytes as f64 / 1e6
        ))
    })();
    match result {
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
