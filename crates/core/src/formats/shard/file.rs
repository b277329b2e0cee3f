//! One shard's bytes: its first line and postcard body, its checksum, and the sink
//! that receives each file as it is made.

use super::types::{FileInfo, Kind, SHARD_MAGIC, VERSION};

/// What a sink receives: a file name inside the directory and its bytes. It answers an
/// error message when the file cannot be written, which stops the writing.
pub type Files<'a> = dyn FnMut(&str, Vec<u8>) -> Result<(), String> + 'a;

/// A shard's first line.
pub(super) fn shard_head(kind: Kind) -> Vec<u8> {
    format!("{SHARD_MAGIC} {VERSION} {}\n", kind.as_str()).into_bytes()
}

/// A shard's bytes: the first line, then the postcard body.
pub(super) fn shard_bytes<T: serde::Serialize>(kind: Kind, body: &T) -> Vec<u8> {
    let mut out = shard_head(kind);
    // Serialising plain owned data into a Vec cannot fail.
    out.extend(postcard::to_allocvec(body).unwrap_or_default());
    out
}

/// Appends a postcard sequence length (an unsigned LEB128 varint), as postcard writes
/// it before a `Vec`'s items.
pub(super) fn push_len(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Appends `value` in postcard.
pub(super) fn push_postcard<T: serde::Serialize>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), String> {
    let taken = std::mem::take(out);
    *out = postcard::to_extend(value, taken).map_err(|e| e.to_string())?;
    Ok(())
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
