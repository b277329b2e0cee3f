//! What the loader worker writes and reads for the page, in plain Rust (native tests run
//! it): the statements of a corpus file exported as CSV or JSON, a workspace written as
//! a workspace file, and a workspace file read. The explorer asks for these (they are
//! a click away, not on its first page) and so carries no JSON printer or reader.

use crate::protocol::ExportFormat;
use quoteline_core::corpus::{topics, StatementId};
use quoteline_core::formats::pack;
use quoteline_core::formats::workspace::Workspace;
use quoteline_core::view::export::{export_csv, export_json};

/// The statements `ids` of the corpus file `pack_bytes` (the one the page shows, with
/// its cross-outlet groups) as `format`, or why the file cannot be read.
pub fn export(
    format: ExportFormat,
    pack_bytes: &[u8],
    ids: &[StatementId],
) -> Result<String, String> {
    let p = pack::decode(pack_bytes, &topics::names()).map_err(|e| e.to_string())?;
    Ok(match format {
        ExportFormat::Csv => export_csv(&p.corpus, &p.comparison, ids),
        ExportFormat::Json => export_json(&p.corpus, &p.comparison, ids),
    })
}

/// A workspace as a workspace file.
pub fn write_workspace(ws: &Workspace) -> String {
    ws.to_json()
}

/// A workspace file read, or why it cannot be used (for the user).
pub fn read_workspace(text: &str) -> Result<Workspace, String> {
    Workspace::from_json(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use quoteline_core::formats::workspace::StoredArticle;

    #[test]
    fn exports_are_the_cores_of_the_corpus_file() {
        let p = crate::built_seed_pack().expect("the seeds");
        let ids: Vec<StatementId> = (0..p.corpus.entries.len()).step_by(3).collect();
        let csv = export(ExportFormat::Csv, crate::SEED_PACK, &ids).expect("a corpus file");
        assert_eq!(csv, export_csv(&p.corpus, &p.comparison, &ids));
        let json = export(ExportFormat::Json, crate::SEED_PACK, &ids).expect("a corpus file");
        assert_eq!(json, export_json(&p.corpus, &p.comparison, &ids));
        assert_ne!(csv, json);
        assert!(export(ExportFormat::Csv, b"not a corpus file", &ids).is_err());
    }

    #[test]
    fn a_workspace_file_reads_back_and_a_bad_one_says_why() {
        let mut ws = Workspace::default();
        ws.add_all([StoredArticle {
            name: "a.txt".into(),
            text: "\"Hi,\" she said.".into(),
            meta: Default::default(),
        }]);
        assert_eq!(read_workspace(&write_workspace(&ws)), Ok(ws));
        let why = read_workspace("{\"format\": \"other\"}").unwrap_err();
        assert!(why.contains("not a Quoteline workspace"), "{why}");
    }
}
