//! One shard's bytes: its first line and postcard body, its checksum, and the sink
//! that receives each file as it is made.

use super::types::{FileInfo, Kind, SHARD_MAGIC, VERSION};

/// What a sink receives: a file name inside the directory and its bytes. It answers an
/// error message when the file cannot be written, which stops the writing.
pub type Files<'a> = dyn FnMut(&str, Vec<u8>) -> Result<(), String> + 'a;

/// A shard's bytes: the first line, then the postcard body.
pub(super) fn shard_bytes<T: serde::Serialize>(kind: Kind, body: &T) -> Vec<u8> {
    let mut out = format!("{SHARD_MAGIC} {VERSION} {}\n", kind.as_str()).into_bytes();
    // Serialising plain owned data into a Vec cannot fail.
    out.extend(postcard::to_allocvec(body).unwrap_or_default());
    out
}

/// Hands one shard to the sink and answers its table entry.
pub(super) fn emit_file(
    sink: &mut Files<'_>,
    name: String,
    bytes: Vec<u8>,
) -> Result<FileInfo, String> {
    let info = FileInfo {
        bytes: bytes.len() as u64,
        checksum: checksum_hex(&bytes),
        name: name.clone(),
    };
    sink(&name, bytes)?;
    Ok(info)
}

/// A shard's checksum as the root writes it.
pub fn checksum_hex(bytes: &[u8]) -> String {
    format!("{:016x}", crate::formats::pack::checksum(bytes))
}
