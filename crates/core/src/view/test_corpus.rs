//! A two-article corpus for the view's unit tests (a formula-like quote, accents, an
//! affiliation).

use crate::corpus::{ArticleMeta, Corpus, Input};

pub(crate) fn corpus() -> Corpus {
    Corpus::build(vec![
        Input { name: "a.txt", text: "“Élan is fine,” said Jane Doe.", meta: ArticleMeta { outlet: "A".into(), ..Default::default() } },
        Input { name: "b.txt", text: "Jane Doe said the plan was ready.\n“=SUM(1) is \"odd\",” said French President Jean Roux.", meta: ArticleMeta { outlet: "B".into(), ..Default::default() } },
    ])
}
