//! Bytes to text: binary files (images, archives, programs, random bytes) recognised
//! with the reason, UTF-8 decoded lossily with a count of the bytes replaced, UTF-16
//! with a byte-order mark decoded.

/// Why these bytes are not a text file, if they are not.
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document (save it as text first)"),
        (
            b"PK\x03\x04",
            "a ZIP archive or Office document (save it as text first)",
        ),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "a program"),
        (b"\0asm", "a WebAssembly module"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an Ogg media file"),
        (
            b"\xd0\xcf\x11\xe0",
            "an old Office document (save it as text first)",
        ),
    ];
    if let Some((_, why)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(why);
    }
    if bytes.len() >= 12
        && bytes.starts_with(b"RIFF")
        && bytes.get(8..12) == Some(b"WEBP".as_slice())
    {
        return Some("a WebP image");
    }
    if bytes.len() >= 12 && bytes.get(4..8) == Some(b"ftyp".as_slice()) {
        return Some("a video or audio file");
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return None; // UTF-16 with a byte-order mark: text
    }
    if head.contains(&0) {
        return Some("it contains NUL bytes, so it is binary");
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if !head.is_empty() && control * 10 > head.len() {
        return Some("it is mostly control characters, so it is binary");
    }
    None
}

/// The two bytes of a UTF-16 code unit (a chunk of `chunks_exact(2)`).
fn pair(c: &[u8]) -> [u8; 2] {
    [
        c.first().copied().unwrap_or(0),
        c.get(1).copied().unwrap_or(0),
    ]
}

/// Decodes bytes as text: UTF-8 (a byte-order mark dropped) with invalid bytes replaced
/// by U+FFFD, or UTF-16 with a byte-order mark. Returns the text and how many bytes
/// were replaced.
pub fn decode(bytes: &[u8]) -> (String, usize) {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return decode(rest);
    }
    for (bom, le) in [([0xffu8, 0xfe], true), ([0xfe, 0xff], false)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let units = rest.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes(pair(c))
                } else {
                    u16::from_be_bytes(pair(c))
                }
            });
            let mut bad = rest.len() % 2;
            let text = char::decode_utf16(units)
                .map(|r| {
                    r.unwrap_or_else(|_| {
                        bad += 2;
                        '\u{fffd}'
                    })
                })
                .collect();
            return (text, bad);
        }
    }
    let mut text = String::with_capacity(bytes.len());
    let mut bad = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            bad += chunk.invalid().len();
            text.push('\u{fffd}');
        }
    }
    (text, bad)
}
