//! The messages between the explorer (the page) and the loader worker
//! ([`crate::worker`]), as postcard bytes. The page sends a [`Request`]; the worker
//! answers with [`Response`]s, always ending a request with a final one (`Done`,
//! `Built`), and names the article it starts on (`Working`) so that a worker that dies
//! is reported by the article it was on. The worker also writes the exports and the
//! workspace file and reads workspace files, so that the explorer carries no JSON
//! printer for them.

use quoteline_core::corpus::framing::Framing;
use quoteline_core::corpus::StatementId;
use quoteline_core::formats::workspace::{StoredArticle, Workspace};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Bumped with any change to these types: a worker from another build (an old cached
/// module) says its version in `Ready`, and the page refuses it with a clear message.
pub const VERSION: u32 = 3;

/// What the page asks the worker.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum Request {
    /// Files of a load, in order (names and bytes): each is read (`formats::ingest`)
    /// and extracted, and kept for the next `Build`. One `Loaded` or `Refused` per file,
    /// then `Done`.
    Load {
        files: Vec<(String, Vec<u8>)>,
        /// Test-only: panic on the article of this name (see `ui::guard`).
        panic_on: Option<String>,
    },
    /// The corpus of a workspace (the seeds first, if `with_seeds`), as a corpus file.
    /// Answered by `Built`.
    Build {
        with_seeds: bool,
        articles: Vec<StoredArticle>,
        panic_on: Option<String>,
    },
    /// The framing of a corpus file (headlines, ledes, conflicting claims): answered by
    /// `Framed`, or `Refused` if the file cannot be read.
    Framing {
        #[serde(with = "bytes")]
        pack: Vec<u8>,
    },
    /// The statements `ids` of a corpus file as an export: answered by `Text`, or
    /// `Refused` if the file cannot be read.
    Export {
        format: ExportFormat,
        #[serde(with = "bytes")]
        pack: Vec<u8>,
        ids: Vec<StatementId>,
    },
    /// A workspace as a workspace file (`Workspace::to_json`): answered by `Text`.
    WriteWorkspace { workspace: Workspace },
    /// A workspace file read (`Workspace::from_json`): answered by `Workspace`, or
    /// `Refused` with why it cannot be used.
    ReadWorkspace { text: String },
}

/// The formats of [`Request::Export`].
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// What the worker says.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum Response {
    /// Started, with its protocol version; nothing is sent to it before this.
    Ready { version: u32 },
    /// Starting on this article.
    Working { name: String },
    /// A file of a load, read and extracted: the article to store, and notes for the user.
    Loaded {
        article: StoredArticle,
        notes: Vec<String>,
    },
    /// A file of a load that cannot be used, with the reason (naming it).
    Refused { why: String },
    /// The end of a `Load`.
    Done,
    /// The corpus file of a `Build` (`formats::pack`).
    Built {
        #[serde(with = "bytes")]
        pack: Vec<u8>,
    },
    /// The framing asked for.
    Framed { framing: Framing },
    /// The worker panicked (its last words before it stops).
    Panicked { message: String },
    /// An export or a workspace file, written.
    Text { text: String },
    /// A workspace file, read.
    Workspace { workspace: Workspace },
}

/// A corpus file in a message, as serde bytes: postcard writes them as it writes a
/// sequence of `u8` (its length, then the bytes), but in one copy rather than one call a
/// byte, which at 17 MB was a long task of the page's.
mod bytes {
    use serde::de::{Deserializer, Error, SeqAccess, Visitor};
    use serde::Serializer;
    use std::fmt;

    pub fn serialize<S: Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(b)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_byte_buf(Bytes)
    }

    struct Bytes;

    impl<'de> Visitor<'de> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("bytes")
        }
        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
            while let Some(b) = seq.next_element()? {
                out.push(b);
            }
            Ok(out)
        }
    }
}

/// A message as bytes.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Plain owned data into a Vec: cannot fail.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// [`Request::Build`]'s index among the requests (postcard writes it first).
const BUILD: u32 = 1;

/// The bytes of a [`Request::Build`], written from borrowed articles: a big load's
/// are megabytes, which cloning into a `Request` and growing a buffer over them cost a
/// long task of the page's. Postcard writes an enum's variant as its index then its
/// fields, and a tuple as its items, so these are `encode(&Request::Build { .. })`'s
/// bytes (`tests::a_build_from_borrowed_articles_is_the_same_bytes`).
pub fn encode_build(
    with_seeds: bool,
    articles: &[&StoredArticle],
    panic_on: Option<&str>,
) -> Vec<u8> {
    let room: usize = articles
        .iter()
        .map(|a| {
            a.name.len()
                + a.text.len()
                + a.meta.fields().iter().map(|f| f.len()).sum::<usize>()
                + 32
        })
        .sum();
    // Plain owned data into a Vec: cannot fail.
    postcard::to_extend(
        &(BUILD, with_seeds, articles, panic_on),
        Vec::with_capacity(room + 64),
    )
    .unwrap_or_default()
}

/// [`Response::Built`]'s index among the responses (postcard writes it first).
const BUILT: u8 = 5;

/// Where the corpus file lies in a [`Response::Built`]'s bytes (its offset and length),
/// from the message's first bytes (16 are enough); `None` for any other message. The
/// page copies the file out of the message alone, instead of the whole message and
/// then the file out of it again: postcard writes the variant's index, the bytes'
/// length and the bytes (`tests::a_built_corpus_file_is_found_in_its_message`).
pub fn built_range(head: &[u8]) -> Option<(usize, usize)> {
    let (&first, rest) = head.split_first()?;
    if first != BUILT {
        return None;
    }
    let (len, after) = postcard::take_from_bytes::<u64>(rest).ok()?;
    Some((head.len() - after.len(), usize::try_from(len).ok()?))
}

/// A message read back; `None` if the bytes are not one (another build's worker).
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let r = Request::Load {
            files: vec![("a.txt".into(), b"\"Hi,\" she said.".to_vec())],
            panic_on: None,
        };
        assert_eq!(decode::<Request>(&encode(&r)), Some(r));
        let w = Response::Working {
            name: "a.txt".into(),
        };
        assert_eq!(decode::<Response>(&encode(&w)), Some(w));
        assert_eq!(decode::<Response>(b"\xff\xff\xff"), None);
        let built = Response::Built {
            pack: (0..=255).collect(),
        };
        assert_eq!(decode::<Response>(&encode(&built)), Some(built));
    }

    #[test]
    fn a_built_corpus_file_is_found_in_its_message() {
        for n in [0usize, 5, 127, 128, 300, 70_000] {
            let pack: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
            let bytes = encode(&Response::Built { pack: pack.clone() });
            let (at, len) = built_range(bytes.get(..16.min(bytes.len())).unwrap()).unwrap();
            assert_eq!(
                (at + len, bytes.get(at..at + len)),
                (bytes.len(), Some(&pack[..]))
            );
        }
        assert_eq!(built_range(&encode(&Response::Done)), None);
        let working = encode(&Response::Working {
            name: "a".repeat(5),
        });
        assert_eq!(built_range(&working), None);
    }

    #[test]
    fn a_build_from_borrowed_articles_is_the_same_bytes() {
        let a = StoredArticle {
            name: "a.txt".into(),
            text: "\"Hi,\" she said.".into(),
            meta: quoteline_core::corpus::ArticleMeta {
                outlet: "Daily".into(),
                ..Default::default()
            },
        };
        for panic_on in [None, Some("a.txt")] {
            let owned = encode(&Request::Build {
                with_seeds: true,
                articles: vec![a.clone(), a.clone()],
                panic_on: panic_on.map(str::to_string),
            });
            assert_eq!(encode_build(true, &[&a, &a], panic_on), owned);
        }
    }

    /// Bytes are written as a sequence of `u8` was: the same wire format, one copy.
    #[test]
    fn bytes_are_written_as_a_sequence_of_u8_was() {
        #[derive(Serialize)]
        struct Plain {
            pack: Vec<u8>,
        }
        let pack: Vec<u8> = (0..300).map(|i| (i % 256) as u8).collect();
        let plain = encode(&Plain { pack: pack.clone() });
        let framing = encode(&Request::Framing { pack });
        assert_eq!(framing.get(1..), plain.get(..));
    }
}
