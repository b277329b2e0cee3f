//! Data for the timeline's unit tests: a three-article corpus and views no gesture makes.

use crate::corpus::{ArticleMeta, Corpus, Input};
use crate::view::timeline::window::{View, MAX_VIEW_DAY, MIN_VIEW_DAY};

pub(crate) fn corpus() -> Corpus {
    let mut inputs = Vec::new();
    let texts: Vec<String> = (0..3).map(|i| format!("“Statement {i} here,” said Jane Doe. “Another one,” said John Roe.\nA day earlier, Jane Doe said the plan was ready.")).collect();
    for (i, t) in texts.iter().enumerate() {
        inputs.push(Input {
            name: ["a.txt", "b.txt", "c.txt"][i],
            text: t,
            meta: ArticleMeta {
                outlet: format!("O{i}"),
                event_date: if i < 2 {
                    "2026-01-06".into()
                } else {
                    String::new()
                },
                ..Default::default()
            },
        });
    }
    Corpus::build(inputs)
}

/// Views no gesture makes but a link or a NaN can: the shared link's
/// `#view=3000000000000000,3000000000000002` froze the tab, then panicked with
/// "capacity overflow" (adding a quarter day to 3e15 no longer changes the f64).
pub(crate) fn absurd_views() -> Vec<View> {
    let v = |start: f64, end: f64| View { start, end };
    vec![
        v(3_000_000_000_000_000.0, 3_000_000_000_000_002.0),
        v(-3e15, -3e15 + 2.0),
        v(f64::NAN, 1.0),
        v(0.0, f64::NAN),
        v(f64::NAN, f64::NAN),
        v(f64::INFINITY, f64::INFINITY),
        v(f64::NEG_INFINITY, f64::INFINITY),
        v(0.0, f64::INFINITY),
        v(10.0, 0.0),
        v(5.0, 5.0),
        v(-1e300, 1e300),
        v(f64::MAX, f64::MAX),
        v(f64::MIN, f64::MIN),
        v(1e-300, 2e-300),
        v(MAX_VIEW_DAY, MAX_VIEW_DAY + 1.0),
        v(MIN_VIEW_DAY - 1.0, MIN_VIEW_DAY),
    ]
}
