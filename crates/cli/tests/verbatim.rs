//! Verbatim, for the CLI: every row it prints is an exact slice of what its offsets name.
#![cfg(not(target_arch = "wasm32"))]

/// The CLI over every corpus at hand (the seeds, tests/unseen, the e2e fixtures, PolNeAR
/// dev and train when present, and copies of a seed with CRLF line ends, a byte-order mark and in
/// UTF-16): each row's `text` is exactly the bytes at `start..end` of what its
/// `offsets` names: the file itself (`source`), or the text `quoteline text FILE`
/// prints (`normalised`), and so is each of its quoted pieces; a file that was changed on reading never says `source`.
#[test]
fn cli_rows_are_exact_slices_of_what_their_offsets_name() {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let tmp = std::env::temp_dir().join(format!("quoteline-verbatim-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let seed = std::fs::read_to_string(root.join("seeds/000_f44517c96471a70f.txt")).unwrap();
    std::fs::write(tmp.join("crlf.txt"), seed.replace('\n', "\r\n")).unwrap();
    std::fs::write(tmp.join("bom.txt"), format!("\u{feff}{seed}")).unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(tmp.join("utf16.txt"), utf16).unwrap();
    std::fs::write(tmp.join("plain.txt"), &seed).unwrap();
    let mut dirs: Vec<PathBuf> = vec![
        root.join("seeds"),
        root.join("tests/unseen"),
        root.join("e2e/fixtures"),
        tmp.clone(),
    ];
    let polnear = root.join("../shared/polnear");
    if polnear.is_dir() {
        dirs.push(polnear.join("dev/text"));
        dirs.push(polnear.join("train/text"));
    } else {
        eprintln!(
            "verbatim: PolNeAR is absent ({}), so it is not checked here",
            polnear.display()
        );
    }
    let bin = env!("CARGO_BIN_EXE_quoteline");
    let mut rows = 0;
    let mut normalised_files = std::collections::BTreeSet::new();
    for dir in &dirs {
        let out = Command::new(bin).arg("extract").arg(dir).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let mut texts: std::collections::HashMap<String, Vec<u8>> = Default::default();
        for line in stdout.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let file = v["file"].as_str().unwrap().to_string();
            let offsets = v["offsets"].as_str().unwrap();
            let (s, e) = (
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            let key = format!("{offsets} {file}");
            let base = texts.entry(key).or_insert_with(|| {
                if offsets == "source" {
                    std::fs::read(&file).unwrap()
                } else {
                    normalised_files.insert(file.clone());
                    Command::new(bin)
                        .args(["text", &file])
                        .output()
                        .unwrap()
                        .stdout
                }
            });
            assert_eq!(
                base.get(s..e),
                Some(v["text"].as_str().unwrap().as_bytes()),
                "{file} ({offsets}) {s}..{e}"
            );
            // Each quoted piece: the bytes its offsets name, inside the row's span.
            let pieces = v["quoted"].as_array().unwrap();
            let spans = v["quoted_spans"].as_array().unwrap();
            assert_eq!(pieces.len(), spans.len(), "{file} {s}..{e}");
            for (piece, span) in pieces.iter().zip(spans) {
                let (qs, qe) = (
                    span[0].as_u64().unwrap() as usize,
                    span[1].as_u64().unwrap() as usize,
                );
                assert!(s <= qs && qe <= e, "{file} {s}..{e}: piece {qs}..{qe}");
                assert_eq!(
                    base.get(qs..qe),
                    Some(piece.as_str().unwrap().as_bytes()),
                    "{file} ({offsets}) piece {qs}..{qe}"
                );
            }
            rows += 1;
        }
    }
    for changed in ["crlf.txt", "bom.txt", "utf16.txt"] {
        assert!(
            normalised_files.iter().any(|f| f.ends_with(changed)),
            "{changed} must say its offsets are normalised"
        );
    }
    assert!(!normalised_files.iter().any(|f| f.ends_with("plain.txt")));
    assert!(rows > 100, "only {rows} rows checked");
    let _ = std::fs::remove_dir_all(&tmp);
}
