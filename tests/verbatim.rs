//! Verbatim: over the whole embedded corpus, every statement, cue and mention is an exact
//! slice of its source article at its recorded offsets, and the seeds are byte-for-byte
//! the shared originals.
#![cfg(not(target_arch = "wasm32"))]

use quoteline::core::model::Kind;

#[test]
fn every_statement_is_an_exact_slice_of_its_article() {
    let corpus = quoteline::seed_corpus();
    assert_eq!(corpus.articles.len(), quoteline::SEEDS.len());
    assert!(
        corpus.entries.len() >= 90,
        "only {} statements",
        corpus.entries.len()
    );
    for e in &corpus.entries {
        let text = &corpus.articles[e.article].text;
        let s = &e.statement;
        assert!(
            s.span.start < s.span.end && s.span.end <= text.len(),
            "{}: bad span",
            e.id
        );
        assert!(
            text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end),
            "{}: not on a char boundary",
            e.id
        );
        let slice = &text[s.span.start..s.span.end];
        assert_eq!(corpus.text_of(e), slice);
        assert_eq!(
            e.id,
            format!(
                "{}@{}-{}",
                corpus.articles[e.article].name, s.span.start, s.span.end
            )
        );
        if s.kind != Kind::Indirect {
            // Quotes are the characters between the marks: a mark right outside on both sides.
            let before = text[..s.span.start].chars().next_back();
            assert!(
                before.is_some_and(|c| matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'')),
                "{}: no opening mark before {slice:?}",
                e.id
            );
        }
        for sp in [s.cue, s.evidence.mention, s.evidence.antecedent]
            .into_iter()
            .flatten()
        {
            assert!(
                sp.end <= text.len()
                    && text.is_char_boundary(sp.start)
                    && text.is_char_boundary(sp.end),
                "{}: bad cue/mention span",
                e.id
            );
        }
        assert!(
            s.sentence.contains(s.span),
            "{}: statement outside its sentence",
            e.id
        );
    }
}

#[test]
fn seeds_are_the_shared_originals() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&shared) else {
        // The shared folder exists only on the development machine; the embedded copies are then checked against seeds/.
        for s in quoteline::SEEDS {
            let on_disk = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("seeds")
                    .join(s.file),
            )
            .unwrap();
            assert_eq!(on_disk, s.text);
        }
        return;
    };
    let mut n = 0;
    for f in rd.filter_map(Result::ok) {
        let name = f.file_name().to_string_lossy().to_string();
        let embedded = quoteline::SEEDS
            .iter()
            .find(|s| s.file == name)
            .unwrap_or_else(|| panic!("{name} not embedded"));
        assert_eq!(
            std::fs::read(f.path()).unwrap(),
            embedded.text.as_bytes(),
            "{name} differs"
        );
        n += 1;
    }
    assert_eq!(n, quoteline::SEEDS.len());
}

/// The CLI over every corpus at hand (the seeds, tests/unseen, the e2e fixtures, PolNeAR
/// dev when present, and copies of a seed with CRLF line ends, a byte-order mark and in
/// UTF-16): each row's `text` is exactly the bytes at `start..end` of what its
/// `offsets` names: the file itself (`source`), or the text `quoteline text FILE`
/// prints (`normalised`), and a file that was changed on reading never says `source`.
#[test]
fn cli_rows_are_exact_slices_of_what_their_offsets_name() {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
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
    let polnear = root.join("../shared/polnear/dev/text");
    if polnear.is_dir() {
        dirs.push(polnear);
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
