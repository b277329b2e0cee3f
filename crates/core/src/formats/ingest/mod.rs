//! Bringing in the user's own files: bytes to article text. Binary files (images, PDFs,
//! archives, random bytes) are refused with the reason; invalid UTF-8 is decoded lossily
//! with a count of the bytes replaced; UTF-16 with a byte-order mark is decoded; HTML is
//! reduced to its article text (scripts, styles, navigation, forms and share widgets
//! dropped, entities decoded; the result is plain text, never rendered as HTML);
//! Markdown keeps its words without the markup. HTML meta tags give the article form its
//! first values (title, date, site name, canonical URL, author). Pure and total.
//!
//! This file decides a file's format and what its offsets index, and refuses it with an
//! [`IngestError`]; `encoding` turns bytes into text, `markdown` and `html` reduce those
//! formats to their words.

mod encoding;
mod html;
mod markdown;

pub use encoding::{binary_reason, decode};
pub use html::{decode_entities, html_to_text};
pub use markdown::markdown_to_text;

use crate::corpus::ArticleMeta;

/// Largest file the browser loader accepts (a long news article is under 0.1 MB).
pub const MAX_FILE_BYTES: usize = 5_000_000;
/// Largest total of one load (several files at once).
pub const MAX_TOTAL_BYTES: usize = 50_000_000;

/// A file turned into an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Ingested {
    pub name: String,
    pub text: String,
    /// What the file itself says (HTML meta tags); empty for plain text.
    pub meta: ArticleMeta,
    /// Things the user should know (bytes replaced, markup removed).
    pub notes: Vec<String>,
    /// What statement offsets into `text` index: the file's own bytes, or a normalised
    /// text that differs from them.
    pub offsets: Offsets,
}

/// What the byte offsets of an article's statements count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offsets {
    /// `text` is the file's bytes exactly: offsets index the file.
    Source,
    /// `text` differs from the file's bytes for this reason: offsets index `text` (the
    /// CLI prints it with `quoteline text FILE`).
    Normalised(Normalised),
}

/// Why an article's text is not the file's bytes (the first reason found).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Normalised {
    /// A UTF-8 byte-order mark was dropped.
    ByteOrderMark,
    /// UTF-16 was decoded to UTF-8.
    Utf16,
    /// Bytes that are not UTF-8 were replaced with U+FFFD.
    InvalidUtf8,
    /// CRLF line ends became LF.
    LineEnds,
    /// HTML was reduced to its article text.
    Html,
    /// Markdown was reduced to its words.
    Markdown,
}

impl Offsets {
    /// `source`, or `normalised`, as the CLI prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Offsets::Source => "source",
            Offsets::Normalised(_) => "normalised",
        }
    }
}

impl Normalised {
    /// Why, for a person.
    pub fn reason(self) -> &'static str {
        match self {
            Normalised::ByteOrderMark => "a byte-order mark was dropped",
            Normalised::Utf16 => "the file is UTF-16, decoded to UTF-8",
            Normalised::InvalidUtf8 => "bytes that are not UTF-8 were replaced",
            Normalised::LineEnds => "CRLF line ends became LF",
            Normalised::Html => "HTML was reduced to its article text",
            Normalised::Markdown => "Markdown was reduced to its words",
        }
    }
}

/// How a file's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// The format, by extension, else (pasted text, other names) by a look at the start.
pub fn format_of(name: &str, head: &str) -> Format {
    let lower = name.to_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    if lower.ends_with(".txt") || lower.ends_with(".text") {
        return Format::Text;
    }
    let start = head
        .trim_start()
        .get(..200)
        .unwrap_or(head.trim_start())
        .to_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Why a file could not be brought in. Its `Display` is the message for the user, and
/// it starts with the file's name (`photo.png: not a text file (a PNG image); skipped.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IngestError {
    /// Larger than [`MAX_FILE_BYTES`], the browser's limit per file: its size in bytes.
    TooLarge { file: String, bytes: usize },
    /// Not a text file, and why (an image, an archive, NUL bytes, ...).
    NotText { file: String, why: &'static str },
    /// Nothing but white space.
    Empty { file: String },
    /// Text, but no article text in it (an HTML page of scripts and navigation only).
    NoArticleText { file: String },
}

impl IngestError {
    /// The name of the file refused.
    pub fn file(&self) -> &str {
        match self {
            IngestError::TooLarge { file, .. }
            | IngestError::NotText { file, .. }
            | IngestError::Empty { file }
            | IngestError::NoArticleText { file } => file,
        }
    }
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IngestError::TooLarge { file, bytes } => write!(
                f,
                "{file}: too large ({:.1} MB; the limit is {} MB per file). Split it, or run the command-line extractor over it.",
                *bytes as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            IngestError::NotText { file, why } => {
                write!(f, "{file}: not a text file ({why}); skipped.")
            }
            IngestError::Empty { file } => write!(f, "{file}: empty; nothing to add."),
            IngestError::NoArticleText { file } => {
                write!(f, "{file}: no article text in it; nothing to add.")
            }
        }
    }
}

impl std::error::Error for IngestError {}

/// Reads one file as the browser does, with its per-file limit. `Err` names the file and
/// the reason it was refused.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            file: name.to_string(),
            bytes: bytes.len(),
        });
    }
    ingest_unlimited(name, bytes)
}

/// [`ingest`] without the browser's size limit: for callers that enforce their own (the
/// CLI checks a file's size before reading it).
pub fn ingest_unlimited(name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if let Some(why) = binary_reason(bytes) {
        return Err(IngestError::NotText {
            file: name.to_string(),
            why,
        });
    }
    let (raw, replaced) = decode(bytes);
    let mut notes = Vec::new();
    if replaced > 0 {
        notes.push(format!(
            "{replaced} byte{} not valid UTF-8 and replaced with �.",
            if replaced == 1 { " was" } else { "s were" }
        ));
    }
    let format = format_of(name, &raw);
    let (text, meta) = match format {
        Format::Html => {
            let (t, m) = html_to_text(&raw);
            notes.push("HTML reduced to its article text.".into());
            (t, m)
        }
        Format::Markdown => (markdown_to_text(&raw), ArticleMeta::default()),
        Format::Text => (raw.replace("\r\n", "\n"), ArticleMeta::default()),
    };
    let offsets = if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        Offsets::Normalised(Normalised::ByteOrderMark)
    } else if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        Offsets::Normalised(Normalised::Utf16)
    } else if replaced > 0 {
        Offsets::Normalised(Normalised::InvalidUtf8)
    } else if format == Format::Html {
        Offsets::Normalised(Normalised::Html)
    } else if text.as_bytes() == bytes {
        Offsets::Source
    } else if format == Format::Markdown {
        Offsets::Normalised(Normalised::Markdown)
    } else {
        Offsets::Normalised(Normalised::LineEnds)
    };
    if text.trim().is_empty() {
        let file = name.to_string();
        return Err(if bytes.iter().all(u8::is_ascii_whitespace) {
            IngestError::Empty { file }
        } else {
            IngestError::NoArticleText { file }
        });
    }
    Ok(Ingested {
        name: name.to_string(),
        text,
        meta,
        notes,
        offsets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_say_what_they_index() {
        let kind = |name: &str, bytes: &[u8]| ingest(name, bytes).unwrap().offsets;
        assert_eq!(
            kind("a.txt", "Merz said “yes.”\n".as_bytes()),
            Offsets::Source
        );
        assert_eq!(
            kind("a.txt", b"Merz said yes.\r\nHe left.\r\n"),
            Offsets::Normalised(Normalised::LineEnds)
        );
        assert_eq!(
            kind("a.txt", b"\xef\xbb\xbfMerz said yes.\n"),
            Offsets::Normalised(Normalised::ByteOrderMark)
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Merz said yes.\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            kind("a.txt", &utf16),
            Offsets::Normalised(Normalised::Utf16)
        );
        assert_eq!(
            kind("a.txt", b"Merz said \xe9t\xe9.\n"),
            Offsets::Normalised(Normalised::InvalidUtf8)
        );
        assert_eq!(
            kind("a.html", b"<p>Merz said yes.</p>"),
            Offsets::Normalised(Normalised::Html)
        );
        assert_eq!(
            kind("a.md", b"# Title\n\nMerz said **yes**.\n"),
            Offsets::Normalised(Normalised::Markdown)
        );
        // Markdown with no markup is its own text.
        assert_eq!(kind("a.md", b"Merz said yes.\n"), Offsets::Source);
    }

    #[test]
    fn binary_files_are_refused_with_the_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = |name: &str, bytes: &[u8]| ingest(name, bytes).unwrap_err().to_string();
        assert!(err("photo.png", png).contains("PNG image"));
        assert!(err("paper.pdf", b"%PDF-1.7\n%\xe2\xe3").contains("PDF"));
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        let e = err("noise.bin", &noise);
        assert!(e.starts_with("noise.bin: not a text file"), "{e}");
        assert!(err("empty.txt", b"  \n ").contains("empty"));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(err("big.txt", &big).contains("too large"));
    }

    /// Each refusal names the file, with the words the loader has always shown.
    #[test]
    fn each_refusal_names_the_file() {
        let cases = [
            (
                ingest("big.txt", &vec![b'a'; MAX_FILE_BYTES + 1]).unwrap_err(),
                "big.txt: too large (5.0 MB; the limit is 5 MB per file). Split it, or run the command-line extractor over it.",
            ),
            (
                ingest("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
                "photo.png: not a text file (a PNG image); skipped.",
            ),
            (
                ingest("empty.txt", b"  \n ").unwrap_err(),
                "empty.txt: empty; nothing to add.",
            ),
            (
                ingest("x.html", b"<html><script>only()</script></html>").unwrap_err(),
                "x.html: no article text in it; nothing to add.",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want);
            assert!(e.to_string().starts_with(e.file()));
        }
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_and_counted() {
        let bytes =
            b"\xef\xbb\xbf\xe2\x80\x9cWe are ready,\xe2\x80\x9d said Jane Doe. Caf\xe9 \xff\xfe!";
        let got = ingest("a.txt", bytes).unwrap();
        assert!(got.text.starts_with("“We are ready,”"));
        assert!(
            got.text.contains("Caf� ��!") || got.text.contains("Caf�"),
            "{}",
            got.text
        );
        assert!(
            got.notes[0].starts_with("3 bytes were not valid UTF-8"),
            "{:?}",
            got.notes
        );
        let utf16: Vec<u8> = [0xfffe_u16.to_be_bytes().to_vec()]
            .into_iter()
            .flatten()
            .chain("Hi “there”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), ("Hi “there”".to_string(), 0));
    }
}
