//! Articles as JSON Lines on stdin (`--jsonl`), for a pipe such as Spark's `rdd.pipe`:
//! one object a line with `name` and `text`, and any of the article facts (`outlet`,
//! `headline`, `date`, ... : `ArticleMeta::FIELDS`) as strings. A line that is not such
//! an object is reported as `stdin:LINE: why` and skipped; the others are read.

use quoteline_core::corpus::ArticleMeta;
use std::io::BufRead;

/// One article read from a line.
pub struct LineArticle {
    pub name: String,
    pub text: String,
    pub meta: ArticleMeta,
}

/// The articles of `input`, and a message per line that could not be read.
pub fn read(input: impl BufRead) -> (Vec<LineArticle>, Vec<String>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in input.split(b'\n').enumerate() {
        let at = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                problems.push(format!(
                    "stdin:{at}: could not be read ({e}); input ends here"
                ));
                break;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse(&line) {
            Ok(a) => articles.push(a),
            Err(why) => problems.push(format!("stdin:{at}: {why}; line skipped")),
        }
    }
    (articles, problems)
}

pub fn parse(line: &[u8]) -> Result<LineArticle, String> {
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON ({e})"))?;
    let obj = value
        .as_object()
        .ok_or("not a JSON object with \"name\" and \"text\"")?;
    let string = |key: &str| -> Result<Option<String>, String> {
        match obj.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("\"{key}\" is not a string")),
        }
    };
    let name = string("name")?
        .filter(|n| !n.trim().is_empty())
        .ok_or("no \"name\"")?;
    let text = string("text")?.ok_or("no \"text\"")?;
    let mut meta = ArticleMeta::default();
    for (field, slot) in ArticleMeta::FIELDS.iter().zip(meta.fields_mut()) {
        if let Some(v) = string(field)? {
            *slot = v;
        }
    }
    Ok(LineArticle { name, text, meta })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_an_article_or_a_reason() {
        let input = concat!(
            "{\"name\":\"a\",\"text\":\"Ana Ruiz said the port would close.\",\"outlet\":\"Harbor Post\"}\n",
            "\n",
            "not json\n",
            "[1,2]\n",
            "{\"text\":\"no name\"}\n",
            "{\"name\":\"b\",\"text\":7}\n",
            "{\"name\":\"c\",\"text\":\"\",\"date\":\"2026-01-06\"}\n",
        );
        let (articles, problems) = read(input.as_bytes());
        let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
        assert_eq!(articles[0].meta.outlet, "Harbor Post");
        assert_eq!(articles[1].meta.date, "2026-01-06");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("stdin:3: not JSON"), "{problems:?}");
        assert!(
            problems[1].starts_with("stdin:4: not a JSON object"),
            "{problems:?}"
        );
        assert!(
            problems[2].starts_with("stdin:5: no \"name\""),
            "{problems:?}"
        );
        assert!(
            problems[3].starts_with("stdin:6: \"text\" is not a string"),
            "{problems:?}"
        );
    }
}
