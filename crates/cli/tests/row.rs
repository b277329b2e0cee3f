//! One statement row: each JSON line `quoteline extract` prints for the seeds has exactly
//! the fields, in the same order and with the same values, of the app's JSON export of
//! the same statement (`view::export`, built here natively from the same files), but
//! `offsets`, which the app cannot know (`formats::row::OFFSETS_IN_APP`).
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::Corpus;
use quoteline_core::formats::manifest::{read_folder, Article};
use quoteline_core::formats::row::OFFSETS_IN_APP;
use quoteline_core::view::export::{export_json, rows};
use std::path::Path;
use std::process::Command;

/// The top-level keys of each object of a pretty-printed JSON array, in the text's order.
fn keys_in_order(pretty: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for line in pretty.lines() {
        if line == "  {" {
            out.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("    \"") {
            let key = rest.split('"').next().unwrap().to_string();
            out.last_mut().unwrap().push(key);
        }
    }
    out
}

/// The keys of one compact JSON object line, in the text's order.
fn line_keys(line: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let mut keys: Vec<(usize, String)> = v
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (line.find(&format!("\"{k}\":")).unwrap(), k.clone()))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

#[test]
fn each_json_line_is_the_apps_export_row() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let folder = read_folder(&seeds).unwrap();
    let corpus = Corpus::build(folder.articles.iter().map(Article::input).collect());
    let cmp = compare(&corpus, GROUP_THRESHOLD);
    let ids: Vec<usize> = (0..corpus.entries.len()).collect();

    // The CLI on the same files under the same names (run inside seeds/, files in the
    // folder's order, its manifest given).
    let files: Vec<&str> = folder.articles.iter().map(|a| a.file.as_str()).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .current_dir(&seeds)
        .args(["extract", "--manifest", "corpus.toml"])
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), corpus.entries.len());
    assert!(lines.len() >= 70, "only {} statements", lines.len());

    // Compact: the row the app exports is the CLI's line, byte for byte, but `offsets`.
    let app_rows = rows(&corpus, &cmp, &ids);
    let mut grouped = 0;
    for (line, row) in lines.iter().zip(&app_rows) {
        assert_eq!(row.offsets, OFFSETS_IN_APP);
        let app = serde_json::to_string(row).unwrap().replace(
            &format!("\"offsets\":\"{OFFSETS_IN_APP}\""),
            "\"offsets\":\"source\"",
        );
        assert_eq!(*line, app);
        grouped += usize::from(row.group.is_some());
    }
    assert!(grouped > 0, "the seeds have cross-outlet groups");

    // The app's JSON export file: the same fields in the same order as each line.
    let pretty = export_json(&corpus, &cmp, &ids);
    let exported = keys_in_order(&pretty);
    assert_eq!(exported.len(), lines.len());
    for (line, keys) in lines.iter().zip(&exported) {
        assert_eq!(&line_keys(line), keys);
        assert_eq!(keys.len(), 27);
    }
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&pretty).unwrap();
    for (line, mut app) in lines.iter().zip(parsed) {
        app["offsets"] = "source".into();
        let cli: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(cli, app);
    }
}
