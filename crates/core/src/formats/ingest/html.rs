//! HTML to article text: the article's element (else the page's main part or body)
//! reduced to paragraphs of plain text, with scripts, styles, media, navigation, forms
//! and share widgets dropped and entities decoded, and the meta tags read as the
//! article's first facts (title, date, site name, canonical URL, author). The element
//! lists are data (`lexicon/data/html.txt`).

use crate::corpus::ArticleMeta;
use crate::lexicon::{Sections, Words, HTML};
use crate::text::{str_from, str_to};
use std::sync::OnceLock;

/// The element lists of `lexicon/data/html.txt`, read once.
struct Elements {
    /// Elements whose content is never text.
    raw: Words,
    /// Elements whose content is page furniture, not the article.
    furniture: Words,
    /// Words in a class or id that mark furniture (share buttons, related links, ads).
    furniture_marks: Words,
    /// Elements that end a paragraph.
    blocks: Words,
    /// Elements without content or end tag.
    void: Words,
}

fn elements() -> &'static Elements {
    static ELEMENTS: OnceLock<Elements> = OnceLock::new();
    ELEMENTS.get_or_init(|| {
        let mut html = Sections::words(HTML);
        Elements {
            raw: html.take("raw"),
            furniture: html.take("furniture"),
            furniture_marks: html.take("furniture.marks"),
            blocks: html.take("blocks"),
            void: html.take("void"),
        }
    })
}

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
    let el = elements();
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
            if el.blocks.contains(&t.name.as_str()) {
                flush(&mut line, &mut out);
            }
            continue;
        }
        let marked = ["class", "id"].iter().any(|k| {
            attr(t.attrs, k).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                el.furniture_marks.iter().any(|m| v.contains(m))
            })
        }) || attr(t.attrs, "aria-hidden").is_some_and(|v| v == "true")
            || t.attrs
                .to_ascii_lowercase()
                .split_whitespace()
                .any(|a| a == "hidden");
        let name = t.name.as_str();
        let void = el.void.contains(&name) || t.attrs.trim_end().ends_with('/');
        if (el.raw.contains(&name) || el.furniture.contains(&name) || marked) && !void {
            skip = Some((t.name.clone(), 1));
            continue;
        }
        if t.name == "pre" {
            pre += 1;
        }
        if el.blocks.contains(&t.name.as_str()) {
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
    use super::super::ingest;
    use super::*;
    use crate::formats::ingest::markdown_to_text;

    #[test]
    fn the_element_lists_are_there() {
        let e = elements();
        for (name, list) in [
            ("raw", &e.raw),
            ("furniture", &e.furniture),
            ("furniture.marks", &e.furniture_marks),
            ("blocks", &e.blocks),
            ("void", &e.void),
        ] {
            assert!(!list.is_empty(), "html.txt has no [{name}]");
            assert!(
                list.iter().all(|w| *w == w.to_ascii_lowercase()),
                "[{name}]"
            );
        }
        assert!(e.raw.contains(&"script") && e.blocks.contains(&"p") && e.void.contains(&"br"));
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
