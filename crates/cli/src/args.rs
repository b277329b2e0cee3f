//! Command-line options: `--key value` pairs read as the OS gives them (a file name that
//! is not UTF-8 is used as it is and shown lossily), numbers and flags. Each problem is
//! a [`CliError`] naming the option.

use crate::error::CliError;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};

/// Parses `--name value` options (only the `allowed` names).
pub fn options(args: &[OsString], allowed: &[&str]) -> Result<HashMap<String, OsString>, CliError> {
    let mut map = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let key = a
            .to_str()
            .and_then(|a| a.strip_prefix("--"))
            .ok_or_else(|| CliError::Unexpected(a.to_string_lossy().into_owned()))?;
        if !allowed.contains(&key) {
            return Err(CliError::UnknownOption {
                option: format!("--{key}"),
                allowed: allowed.iter().map(|k| format!("--{k}")).collect(),
            });
        }
        let v = it.next().ok_or_else(|| CliError::NoValue {
            option: format!("--{key}"),
            needs: "a value",
        })?;
        map.insert(key.to_string(), v.clone());
    }
    Ok(map)
}

/// An option's value as text (`Err` names the option when it is not UTF-8).
pub fn text<'a>(
    map: &'a HashMap<String, OsString>,
    key: &str,
) -> Result<Option<&'a str>, CliError> {
    map.get(key)
        .map(|v| {
            v.to_str().ok_or_else(|| CliError::NotUtf8 {
                option: format!("--{key}"),
                value: v.to_string_lossy().into_owned(),
            })
        })
        .transpose()
}

/// A whole-number option, or `default`.
pub fn number(map: &HashMap<String, OsString>, key: &str, default: u64) -> Result<u64, CliError> {
    match text(map, key)? {
        None => Ok(default),
        Some(v) => v.parse::<u64>().map_err(|_| {
            CliError::bad_value(
                format!("--{key}"),
                "must be a whole number ≥ 0",
                format!("{v:?}"),
            )
        }),
    }
}

/// True when `a` is the flag `flag`.
pub fn is(a: &OsStr, flag: &str) -> bool {
    a.to_str() == Some(flag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn problems_name_the_option() {
        let allowed = ["out", "seed"];
        let err = |a: &[&str]| options(&args(a), &allowed).unwrap_err().to_string();
        assert_eq!(err(&["stray"]), "unexpected argument \"stray\"");
        assert_eq!(
            err(&["--bogus", "1"]),
            "unknown option --bogus (allowed: --out, --seed)"
        );
        assert_eq!(err(&["--out"]), "--out needs a value");
        let map = options(&args(&["--seed", "x"]), &allowed).unwrap();
        assert_eq!(
            number(&map, "seed", 1).unwrap_err().to_string(),
            "--seed must be a whole number ≥ 0, got \"x\""
        );
        assert_eq!(number(&map, "runs", 3).unwrap(), 3);
        assert_eq!(text(&map, "seed").unwrap(), Some("x"));
    }

    #[cfg(unix)]
    #[test]
    fn a_value_that_is_not_utf8_is_named() {
        use std::os::unix::ffi::OsStringExt;
        let mut map = HashMap::new();
        map.insert("seed".to_string(), OsString::from_vec(vec![0xff]));
        assert_eq!(
            text(&map, "seed").unwrap_err().to_string(),
            "--seed: \"\u{fffd}\" is not valid UTF-8"
        );
    }
}
