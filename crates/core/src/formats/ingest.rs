//! Bringing in the user's own files: bytes to article text. Binary files (images, PDFs,
//! archives, random bytes) are refused with the reason; invalid UTF-8 is decoded lossily
//! with a count of the bytes replaced; UTF-16 with a byte-order mark is decoded; HTML is
//! reduced to its article text (scripts, styles, navigation, forms and share widgets
//! dropped, entities decoded; the result is plain text, never rendered as HTML);
//! Markdown keeps its words without the markup. HTML meta tags give the article form its
//! first values (title, date, site name, canonical URL, author). Pure and total.
use crate::corpus::ArticleMeta;
use crate::text::{str_from, str_to};

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

/// Reads one file as the browser does, with its per-file limit. `Err` is a message
/// naming the file and the reason it was refused.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{name}: too large ({:.1} MB; the limit is {} MB per file). Split it, or run the command-line extractor over it.",
            bytes.len() as f64 / 1e6,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    ingest_unlimited(name, bytes)
}

/// [`ingest`] without the browser's size limit: for callers that enforce their own (the
/// CLI checks a file's size before reading it).
pub fn ingest_unlimited(name: &str, bytes: &[u8]) -> Result<Ingested, String> {
    if let Some(why) = binary_reason(bytes) {
        return Err(format!("{name}: not a text file ({why}); skipped."));
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
        return Err(if bytes.iter().all(u8::is_ascii_whitespace) {
            format!("{name}: empty; nothing to add.")
        } else {
            format!("{name}: no article text in it; nothing to add.")
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

/// Markdown to plain text: heading marks, quote marks, emphasis, links (their text is
/// kept), images and code fences removed; paragraphs stay paragraphs.
pub fn markdown_to_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut para = String::new();
    let mut fence = false;
    for line in src.lines() {
        let t = line.trim_end();
        if t.trim_start().starts_with("```") {
            fence = !fence;
            continue;
        }
        let mut l = t.trim_start();
        if !fence {
            l = l.trim_start_matches('#').trim_start();
            while let Some(rest) = l.strip_prefix('>') {
                l = rest.trim_start();
            }
            if matches!(l, "---" | "***" | "___") {
                l = "";
            }
        }
        let mut s = String::with_capacity(l.len());
        let b = l.as_bytes();
        let mut i = 0;
        while i < l.len() {
            let c = str_from(l, i).chars().next().unwrap_or(' ');
            // ![alt](url) -> nothing; [text](url) -> text
            if (c == '[' || (c == '!' && b.get(i + 1) == Some(&b'['))) && !fence {
                let open = if c == '!' { i + 1 } else { i };
                if let Some(close) = str_from(l, open).find("](").map(|p| open + p) {
                    if let Some(end) = str_from(l, close).find(')').map(|p| close + p) {
                        if c == '[' {
                            s.push_str(l.get(open + 1..close).unwrap_or(""));
                        }
                        i = end + 1;
                        continue;
                    }
                }
            }
            if (c == '*' || c == '_' || c == '`') && !fence {
                // Emphasis and code marks, but not a lone "*" in running text.
                let prev = str_to(l, i).chars().next_back();
                let next = str_from(l, i + 1).chars().next();
                if prev.is_none_or(|p| !p.is_alphanumeric())
                    || next.is_none_or(|n| !n.is_alphanumeric())
                {
                    i += 1;
                    continue;
                }
            }
            s.push(c);
            i += c.len_utf8();
        }
        // Lines of one paragraph are joined (a soft wrap is a space in Markdown); a
        // blank line ends a paragraph; a heading, list item or code line is its own.
        let trimmed = t.trim_start();
        let own_block = fence
            || trimmed.starts_with('#')
            || trimmed.starts_with(['-', '+'])
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if s.trim().is_empty() {
            finish(&mut para, &mut out);
        } else if own_block {
            finish(&mut para, &mut out);
            para.push_str(&s);
            finish(&mut para, &mut out);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(s.trim());
        }
    }
    finish(&mut para, &mut out);
    out
}

/// Appends a finished paragraph (if any) to `out`, paragraphs separated by a blank line.
fn finish(para: &mut String, out: &mut String) {
    let p = para.trim();
    if !p.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(p);
        out.push('\n');
    }
    para.clear();
}

/// Elements whose content is never text.
const RAW: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "textarea", "select", "head",
];
/// Elements whose content is page furniture, not the article.
const FURNITURE: &[&str] = &[
    "nav", "footer", "aside", "form", "button", "menu", "dialog", "figure",
];
/// Words in a class or id that mark furniture (share buttons, related links, ads).
const FURNITURE_MARKS: &[&str] = &[
    "share",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "comment",
    "cookie",
    "promo",
    "advert",
    "sponsor",
    "breadcrumb",
    "recommend",
    "popular",
    "signup",
    "paywall",
];
/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "blockquote",
    "tr",
    "table",
    "main",
    "header",
    "figcaption",
    "dd",
    "dt",
    "pre",
    "address",
    "body",
    "hr",
    "br",
];

/// One tag: name (lower case), closing, self-closing, attributes source, end offset.
struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: &'a str,
    end: usize,
}

/// Parses the tag starting at `at` (a `<`), if it is one.
fn tag_at(src: &str, at: usize) -> Option<Tag<'_>> {
    let rest = str_from(src, at + 1);
    let closing = rest.starts_with('/');
    let name_start = at + 1 + usize::from(closing);
    let name: String = str_from(src, name_start)
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The end: the first `>` outside quotes.
    let mut quote: Option<char> = None;
    let body_start = name_start + name.len();
    for (i, c) in str_from(src, body_start).char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                return Some(Tag {
                    name: name.to_ascii_lowercase(),
                    closing,
                    attrs: src.get(body_start..body_start + i).unwrap_or(""),
                    end: body_start + i + 1,
                })
            }
            _ => {}
        }
    }
    None
}

/// The value of attribute `key` in a tag's attribute source.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = str_from(&lower, from).find(key).map(|p| from + p) {
        let before_ok = p == 0
            || lower
                .as_bytes()
                .get(p - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let after = str_from(&lower, p + key.len()).trim_start();
        if before_ok && after.starts_with('=') {
            let v = str_from(attrs, attrs.len() - after.len() + 1).trim_start();
            let value = match v.chars().next() {
                Some(q @ ('"' | '\'')) => str_from(v, 1).split(q).next().unwrap_or(""),
                _ => v
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            return Some(decode_entities(value));
        }
        from = p + key.len();
    }
    None
}

/// Decodes character references: numeric ones and the common named ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("rsquo", "’"),
        ("lsquo", "‘"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("mdash", "—"),
        ("ndash", "–"),
        ("hellip", "…"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("agrave", "à"),
        ("ccedil", "ç"),
        ("ouml", "ö"),
        ("uuml", "ü"),
        ("auml", "ä"),
        ("szlig", "ß"),
        ("copy", "©"),
        ("shy", ""),
        ("thinsp", " "),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(str_to(rest, p));
        rest = str_from(rest, p);
        let end = str_from(rest, 1)
            .find(';')
            .map(|e| e + 1)
            .filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let ent = rest.get(1..e).unwrap_or("");
            let ch = if let Some(num) = ent.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => num.parse().ok(),
                };
                n.and_then(char::from_u32)
                    .filter(|c| !c.is_control() || c.is_whitespace())
                    .map(String::from)
            } else {
                NAMED
                    .iter()
                    .find(|(n, _)| *n == ent)
                    .map(|(_, v)| v.to_string())
            };
            ch.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = str_from(rest, len);
            }
            None => {
                out.push('&');
                rest = str_from(rest, 1);
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `(start, end)` of the content of the first `<name ...>` element, if any.
fn element_content(src: &str, name: &str) -> Option<(usize, usize)> {
    let lower = src.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(p) = str_from(&lower, from).find(&open).map(|p| from + p) {
        if let Some(t) = tag_at(src, p).filter(|t| t.name == name && !t.closing) {
            let close = format!("</{name}");
            let end = str_from(&lower, t.end)
                .rfind(&close)
                .map_or(src.len(), |e| t.end + e);
            return Some((t.end, end));
        }
        from = p + open.len();
    }
    None
}

/// Reduces HTML to article text and reads its meta tags.
pub fn html_to_text(src: &str) -> (String, ArticleMeta) {
    let mut meta = ArticleMeta::default();
    // Meta tags, from the whole document.
    let mut title = String::new();
    let mut i = 0;
    while let Some(p) = str_from(src, i).find('<').map(|p| i + p) {
        match tag_at(src, p) {
            Some(t) => {
                if !t.closing && t.name == "meta" {
                    let key = attr(t.attrs, "property")
                        .or_else(|| attr(t.attrs, "name"))
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    let value = attr(t.attrs, "content").unwrap_or_default();
                    let value = value.trim();
                    match key.as_str() {
                        "og:title" if meta.headline.is_empty() => meta.headline = value.into(),
                        "og:site_name" => meta.outlet = value.into(),
                        "author" | "article:author" if !value.starts_with("http") => {
                            meta.byline = value.into()
                        }
                        "article:published_time" | "date" | "pubdate" | "dc.date" => {
                            let d = value.get(..10).unwrap_or("");
                            if crate::corpus::dates::parse_iso(d).is_some() && meta.date.is_empty()
                            {
                                meta.date = d.into();
                            }
                        }
                        "og:url" if meta.url.is_empty() => meta.url = value.into(),
                        _ => {}
                    }
                } else if !t.closing && t.name == "link" {
                    if attr(t.attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                        meta.url = attr(t.attrs, "href").unwrap_or_default();
                    }
                } else if !t.closing && t.name == "title" && title.is_empty() {
                    let end = str_from(src, t.end)
                        .find("</")
                        .map_or(src.len(), |e| t.end + e);
                    title = decode_entities(src.get(t.end..end).unwrap_or("").trim());
                }
                i = t.end;
            }
            None => i = p + 1,
        }
    }
    // Only web addresses: never a javascript: or data: URL.
    let url_ok = |u: &str| {
        let l = u.trim().to_ascii_lowercase();
        l.starts_with("https://") || l.starts_with("http://")
    };
    if !url_ok(&meta.url) {
        meta.url.clear();
    }
    if meta.headline.is_empty() {
        meta.headline = title;
    }
    // The article: <article>, else <main>, else <body>, else everything.
    let (from, to) = element_content(src, "article")
        .or_else(|| element_content(src, "main"))
        .or_else(|| element_content(src, "body"))
        .unwrap_or((0, src.len()));
    (reduce(src.get(from..to).unwrap_or("")), meta)
}

/// The text of an HTML fragment, with paragraphs as blank-line-separated lines.
fn reduce(src: &str) -> String {
    let mut out = String::with_capacity(src.len() / 2);
    let mut line = String::new();
    let mut skip: Option<(String, usize)> = None; // element being skipped, nesting depth
    let mut pre = 0usize;
    let flush = |line: &mut String, out: &mut String| {
        let t = line.trim();
        if !t.is_empty() {
            out.push_str(t);
            out.push_str("\n\n");
        }
        line.clear();
    };
    let mut i = 0;
    while i < src.len() {
        let Some(p) = str_from(src, i).find('<').map(|p| i + p) else {
            if skip.is_none() {
                push_text(&mut line, str_from(src, i), pre > 0);
            }
            break;
        };
        if skip.is_none() {
            push_text(&mut line, src.get(i..p).unwrap_or(""), pre > 0);
        }
        if str_from(src, p).starts_with("<!--") {
            i = str_from(src, p)
                .find("-->")
                .map_or(src.len(), |e| p + e + 3);
            continue;
        }
        if str_from(src, p).starts_with("<!") || str_from(src, p).starts_with("<?") {
            i = str_from(src, p).find('>').map_or(src.len(), |e| p + e + 1);
            continue;
        }
        let Some(t) = tag_at(src, p) else {
            if skip.is_none() {
                line.push('<');
            }
            i = p + 1;
            continue;
        };
        i = t.end;
        if let Some((name, depth)) = &mut skip {
            if *name == t.name {
                if t.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else if !t.attrs.trim_end().ends_with('/') {
                    *depth += 1;
                }
            }
            continue;
        }
        if t.closing {
            if t.name == "pre" {
                pre = pre.saturating_sub(1);
            }
            if BLOCKS.contains(&t.name.as_str()) {
                flush(&mut line, &mut out);
            }
            continue;
        }
        let marked = ["class", "id"].iter().any(|k| {
            attr(t.attrs, k).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                FURNITURE_MARKS.iter().any(|m| v.contains(m))
            })
        }) || attr(t.attrs, "aria-hidden").is_some_and(|v| v == "true")
            || t.attrs
                .to_ascii_lowercase()
                .split_whitespace()
                .any(|a| a == "hidden");
        let void = matches!(
            t.name.as_str(),
            "br" | "hr"
                | "img"
                | "meta"
                | "link"
                | "input"
                | "source"
                | "wbr"
                | "area"
                | "base"
                | "col"
                | "track"
                | "param"
        ) || t.attrs.trim_end().ends_with('/');
        if (RAW.contains(&t.name.as_str()) || FURNITURE.contains(&t.name.as_str()) || marked)
            && !void
        {
            skip = Some((t.name.clone(), 1));
            continue;
        }
        if t.name == "pre" {
            pre += 1;
        }
        if BLOCKS.contains(&t.name.as_str()) {
            flush(&mut line, &mut out);
        }
    }
    flush(&mut line, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Appends a text node: entities decoded, white space collapsed (kept in `<pre>`).
fn push_text(line: &mut String, raw: &str, pre: bool) {
    let t = decode_entities(raw);
    if pre {
        line.push_str(&t);
        return;
    }
    for (k, part) in t
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .enumerate()
    {
        if k > 0 && !line.ends_with(' ') && !line.is_empty() {
            line.push(' ');
        }
        line.push_str(part);
    }
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
        assert!(ingest("photo.png", png).unwrap_err().contains("PNG image"));
        assert!(ingest("paper.pdf", b"%PDF-1.7\n%\xe2\xe3")
            .unwrap_err()
            .contains("PDF"));
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        let e = ingest("noise.bin", &noise).unwrap_err();
        assert!(e.starts_with("noise.bin: not a text file"), "{e}");
        assert!(ingest("empty.txt", b"  \n ").unwrap_err().contains("empty"));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(ingest("big.txt", &big).unwrap_err().contains("too large"));
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

    #[test]
    fn html_is_reduced_to_article_text_without_anything_active() {
        let html = r#"<!doctype html><html><head><title>Site | Page</title>
<meta property="og:title" content="Leaders Back Plan &amp; Talks">
<meta property="article:published_time" content="2026-01-06T10:00:00Z">
<meta property="og:site_name" content="The Daily">
<link rel="canonical" href="javascript:alert(1)">
<script>window.pwned = 1; document.write("<p>injected</p>")</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-buttons"><a href="https://x.example/share">Share</a></div>
<article><h1>Leaders back plan</h1>
<p>“We are ready,” said Jane&nbsp;Doe, the mayor. <img src=x onerror="alert(1)"></p>
<p>She added that <a href="javascript:alert(2)">talks</a> would go on &#8212; <b>soon</b>.</p>
<iframe src="https://evil.example/"></iframe>
<aside>Read more: unrelated</aside>
<p class="related-links">Related: other story</p>
</article><footer>© The Daily</footer></body></html>"#;
        let (text, meta) = html_to_text(html);
        assert_eq!(
            text,
            "Leaders back plan\n\n“We are ready,” said Jane Doe, the mayor.\n\nShe added that talks would go on — soon.\n"
        );
        for bad in [
            "pwned",
            "injected",
            "alert",
            "Home",
            "Share",
            "Read more",
            "Related",
            "©",
            "evil",
        ] {
            assert!(!text.contains(bad), "{bad} leaked into {text:?}");
        }
        assert_eq!(meta.headline, "Leaders Back Plan & Talks");
        assert_eq!(meta.date, "2026-01-06");
        assert_eq!(meta.outlet, "The Daily");
        assert_eq!(meta.url, "", "a javascript: URL is dropped");
        let got = ingest("page.html", html.as_bytes()).unwrap();
        assert_eq!(got.text, text);
        assert!(ingest("x.html", b"<html><script>only()</script></html>").is_err());
    }

    #[test]
    fn markdown_keeps_words_not_markup() {
        let md = "# Big news\n\n> “We are *ready*,” said [Jane Doe](https://x.example).\n\n![pic](a.png)\n```\ncode\n```\n";
        let t = markdown_to_text(md);
        assert!(
            t.starts_with("Big news\n\n“We are ready,” said Jane Doe.\n"),
            "{t:?}"
        );
        assert!(!t.contains("pic") && !t.contains("https"));
        assert_eq!(format_of("notes.MD", ""), Format::Markdown);
        assert_eq!(format_of("x.txt", "<!DOCTYPE html><p>"), Format::Text);
        assert_eq!(format_of("x", "  <!doctype html>"), Format::Html);
    }

    #[test]
    fn total_on_junk() {
        for s in [
            "<",
            "<<>>",
            "<a href='",
            "&#xFFFFFFFF;",
            "&#0;",
            "<p>&",
            "<!--",
            "<script>",
            "<pre>",
        ] {
            let _ = html_to_text(s);
            let _ = markdown_to_text(s);
            let _ = ingest("j.html", s.as_bytes());
        }
        assert_eq!(decode_entities("&#0; &bogus; &amp"), "&#0; &bogus; &amp");
    }
}
