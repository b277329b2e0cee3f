//! Command-line options: `--key value` pairs read as the OS gives them (a file name that
//! is not UTF-8 is used as it is and shown lossily), numbers and flags.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};

/// Parses `--name value` options (only the `allowed` names).
pub fn options(args: &[OsString], allowed: &[&str]) -> Result<HashMap<String, OsString>, String> {
    let mut map = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let key = a
            .to_str()
            .and_then(|a| a.strip_prefix("--"))
            .ok_or_else(|| format!("unexpected argument {:?}", a.to_string_lossy()))?;
        if !allowed.contains(&key) {
            return Err(format!(
                "unknown option --{key} (allowed: {})",
                allowed
                    .iter()
                    .map(|k| format!("--{k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let v = it.next().ok_or_else(|| format!("--{key} needs a value"))?;
        map.insert(key.to_string(), v.clone());
    }
    Ok(map)
}

/// An option's value as text (`Err` names the option when it is not UTF-8).
pub fn text<'a>(map: &'a HashMap<String, OsString>, key: &str) -> Result<Option<&'a str>, String> {
    map.get(key)
        .map(|v| {
            v.to_str()
                .ok_or_else(|| format!("--{key}: {:?} is not valid UTF-8", v.to_string_lossy()))
        })
        .transpose()
}

/// A whole-number option, or `default`.
pub fn number(map: &HashMap<String, OsString>, key: &str, default: u64) -> Result<u64, String> {
    match text(map, key)? {
        None => Ok(default),
        Some(v) => v
            .parse::<u64>()
            .map_err(|_| format!("--{key} must be a whole number ≥ 0, got {v:?}")),
    }
}

/// True when `a` is the flag `flag`.
pub fn is(a: &OsStr, flag: &str) -> bool {
    a.to_str() == Some(flag)
}
