//! The JSON the page keeps in the browser, read and written by hand: the store's records,
//! the crash guard's record and the tabs' messages. The same texts serde_json makes and
//! reads (`tests` holds them equal), without serde_json in the explorer: the workspace
//! file and the exports, which need all of JSON, are the loader worker's.

use quoteline_core::corpus::ArticleMeta;
use quoteline_core::formats::workspace::StoredArticle;

/// Nesting deeper than this is refused (a crafted record must not exhaust the stack).
const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers keep their text; [`Json::as_u64`] reads the ones asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number that is a whole number from 0 to `u64::MAX`, written without a fraction.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A list of strings (`None` if any item is not one).
    pub fn as_strings(&self) -> Option<Vec<String>> {
        self.as_array()?
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect()
    }
}

/// Reads a JSON text, or says where and why it is not one.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let v = p.value(0)?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        if self.at >= self.bytes.len() {
            format!("{what}: the text ends early (at byte {})", self.at)
        } else {
            format!("{what} at byte {}", self.at)
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let end = self.at + word.len();
        if self.bytes.get(self.at..end) == Some(word.as_bytes()) {
            self.at = end;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            _ => Err(self.error("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.error("expected ':'"));
            }
            members.push((key, self.value(depth + 1)?));
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.at += 1;
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default())
            .unwrap_or_default();
        if text == "-" || text.ends_with(['-', '+', '.', 'e', 'E']) {
            return Err(self.error("a malformed number"));
        }
        Ok(Json::Number(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("a malformed \\u escape"))?;
        self.at += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            // (A run of plain bytes is copied at once: a record's text is megabytes.)
            let run = self
                .bytes
                .get(self.at..)
                .unwrap_or_default()
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len().saturating_sub(self.at));
            out.extend_from_slice(self.bytes.get(self.at..self.at + run).unwrap_or_default());
            self.at += run;
            let Some(b) = self.peek() else {
                return Err(self.error("an unterminated string"));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("an unterminated string"));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.eat("\\u") {
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("a lone surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.error("a lone surrogate"))?
                        }
                        _ => return Err(self.error("an unknown escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.error("a control character in a string")),
                _ => out.push(b),
            }
        }
        // (The input is a `str` and escapes are whole characters: always UTF-8.)
        String::from_utf8(out).map_err(|_| self.error("a string that is not UTF-8"))
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
pub fn push_str(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    // (Runs that need no escape are copied at once: a record's text is megabytes.)
    while let Some(i) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let mut chars = rest.get(i..).unwrap_or_default().chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for shift in [4, 0] {
                    let d = HEX
                        .get(((c as usize) >> shift) & 0xF)
                        .copied()
                        .unwrap_or(b'0');
                    out.push(char::from(d));
                }
            }
            c => out.push(c),
        }
    }
    out.push_str(rest);
    out.push('"');
}

/// Appends a list of strings.
pub fn push_strings<'a>(out: &mut String, items: impl IntoIterator<Item = &'a String>) {
    out.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_str(out, s);
    }
    out.push(']');
}

/// Appends an article as serde_json writes a `StoredArticle`.
pub fn push_article(out: &mut String, a: &StoredArticle) {
    out.push_str("{\"name\":");
    push_str(out, &a.name);
    out.push_str(",\"text\":");
    push_str(out, &a.text);
    out.push_str(",\"meta\":{");
    for (i, (field, value)) in ArticleMeta::FIELDS.iter().zip(a.meta.fields()).enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_str(out, field);
        out.push(':');
        push_str(out, value);
    }
    out.push_str("}}");
}

/// Reads an article as serde_json reads a `StoredArticle` (a missing `meta` is empty;
/// members it does not know are passed over), or says which field is wrong.
pub fn article(v: &Json) -> Result<StoredArticle, String> {
    let Json::Object(_) = v else {
        return Err("invalid type: expected an article".into());
    };
    let string = |v: &Json, key: &str| -> Result<String, String> {
        match v.get(key) {
            None => Err(format!("missing field `{key}`")),
            Some(Json::String(s)) => Ok(s.clone()),
            Some(_) => Err(format!("invalid type: `{key}` is not a string")),
        }
    };
    let mut meta = ArticleMeta::default();
    if let Some(m) = v.get("meta") {
        let Json::Object(_) = m else {
            return Err("invalid type: `meta` is not an object".into());
        };
        for (field, slot) in ArticleMeta::FIELDS.iter().zip(meta.fields_mut()) {
            *slot = string(m, field)?;
        }
    }
    Ok(StoredArticle {
        name: string(v, "name")?,
        text: string(v, "text")?,
        meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> StoredArticle {
        StoredArticle {
            name: "a \"b\".txt".into(),
            text: "line\n\ttab \\ \u{1} \u{1f} é 😀 \u{2028} </end>".into(),
            meta: ArticleMeta {
                outlet: "Daily".into(),
                date: "2026-01-06".into(),
                ..Default::default()
            },
        }
    }

    /// The texts are serde_json's, byte for byte, and read back as serde_json reads them.
    #[test]
    fn articles_are_written_and_read_as_serde_json_does() {
        let a = sample();
        let mut mine = String::new();
        push_article(&mut mine, &a);
        assert_eq!(mine, serde_json::to_string(&a).unwrap());
        assert_eq!(article(&parse(&mine).unwrap()), Ok(a.clone()));
        let pretty = serde_json::to_string_pretty(&a).unwrap();
        assert_eq!(article(&parse(&pretty).unwrap()), Ok(a));
        let no_meta = r#"{"name":"x","text":"y","extra":[1,{"z":null}]}"#;
        let read = article(&parse(no_meta).unwrap()).unwrap();
        assert_eq!(
            read,
            serde_json::from_str::<StoredArticle>(no_meta).unwrap()
        );
        let escaped = r#"{"name":"\u00e9\ud83d\ude00\/","text":"","meta":{"outlet":"","headline":"","byline":"","url":"","date":"","event_date":"","source":"","derived_from":""}}"#;
        assert_eq!(
            article(&parse(escaped).unwrap()),
            Ok(serde_json::from_str::<StoredArticle>(escaped).unwrap())
        );
    }

    #[test]
    fn what_is_not_json_or_not_an_article_says_why() {
        for bad in [
            "",
            "{",
            "{\"v\":1,",
            "[1,]",
            "{\"a\" 1}",
            "\"\\x\"",
            "\"\\ud800\"",
            "tru",
            "1 2",
            "\"a\nb\"",
            "-",
            "1e",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "{bad:?}"
            );
        }
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).unwrap_err().contains("nested too deeply"));
        assert_eq!(
            article(&parse("{\"name\":\"a\"}").unwrap()),
            Err("missing field `text`".into())
        );
        assert!(article(&parse("{\"name\":1,\"text\":\"\"}").unwrap()).is_err());
        assert!(article(&parse("[]").unwrap()).is_err());
        assert_eq!(
            parse("18446744073709551615").unwrap().as_u64(),
            Some(u64::MAX)
        );
        assert_eq!(parse("1.5").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
    }

    #[test]
    fn lists_of_strings_round_trip() {
        let names = vec!["a".to_string(), "b\"c".to_string()];
        let mut out = String::new();
        push_strings(&mut out, &names);
        assert_eq!(out, serde_json::to_string(&names).unwrap());
        assert_eq!(parse(&out).unwrap().as_strings(), Some(names));
    }
}
