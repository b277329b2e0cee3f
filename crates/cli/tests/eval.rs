//! `quoteline eval`: scores extraction against brat standoff annotations. On the
//! hand-written gold set in tests/eval (its README says what is in it), and on PolNeAR
//! dev when `../shared/polnear` is present (it says so and skips otherwise).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

fn eval(dir: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .arg("eval")
        .arg(dir)
        .args(["--show", "5"])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn scores_a_hand_written_gold_set_and_names_each_bad_line() {
    let (ok, out, err) = eval(&root().join("tests/eval"));
    assert!(ok, "{err}");
    assert!(out.starts_with("all: 1 articles, "), "{out}");
    // The mayor's quotation is found, and covers its whole annotated content.
    assert!(
        out.contains("quote-bearing recall             1.000 (1/1)"),
        "{out}"
    );
    assert!(
        out.contains("... covering half the content    1.000 (1/1)"),
        "{out}"
    );
    // Two attributions of speech: one verb of saying, one other speech act.
    assert!(out.contains("all speech acts recall"), "{out}");
    assert!(out.contains("(2/2)") || out.contains("(1/2)"), "{out}");
    // The publisher from metadata.tsv gets its own rows.
    assert!(out.contains("\ngazette: 1 articles"), "{out}");
    // Malformed lines: file:line: why, and the rest still scored.
    let ann = "tests/eval/attributions/council_x1.ann";
    assert!(
        err.contains(&format!("{ann}:11: unknown label \"Opinion\"")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{ann}:12: Attribution refers to T99")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{ann}:12: the attribution has no content span")),
        "{err}"
    );
}

#[test]
fn refuses_a_folder_without_annotated_texts() {
    let dir = std::env::temp_dir().join(format!("quoteline-eval-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "Text without annotations.").unwrap();
    let (ok, _, err) = eval(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!ok);
    assert!(err.contains("a.txt: no annotation file; skipped"), "{err}");
    assert!(err.contains("no annotated texts"), "{err}");
}

#[test]
fn scores_polnear_dev_without_a_crash() {
    let dev = root().join("../shared/polnear/dev");
    if !dev.is_dir() {
        eprintln!("../shared/polnear is absent: PolNeAR dev was not scored");
        return;
    }
    let (_, out, err) = eval(&dev);
    assert!(out.starts_with("all: 84 articles, "), "{out}");
    assert!(!err.contains("extraction failed"), "{err}");
    for publisher in ["breitbart", "nyt", "wash-post"] {
        assert!(
            out.contains(&format!("\n{publisher}: 12 articles")),
            "{out}"
        );
    }
}
