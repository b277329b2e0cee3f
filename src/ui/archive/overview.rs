//! The archive's timeline overview: the root's date histogram in at most [`BARS`]
//! buckets, one bar (a button) each; a bar's click or Enter keeps that stretch of time
//! (the date range filter), again to show all. Exact counts, from the root alone.

use quoteline_core::corpus::dates::civil;
use quoteline_core::view::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Bars the overview draws at most.
pub const BARS: i64 = 120;

/// The day numbers a bucket of `days` days starting at `start` covers, as text.
fn day(d: i64) -> String {
    let (y, m, dd) = civil(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// The bucket width, in days, that fits the histogram's span in [`BARS`] bars.
pub fn bucket_days(first: i64, last: i64) -> i64 {
    let span = (last - first).max(0) + 1;
    ((span + BARS - 1) / BARS).max(1)
}

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// `(first day, statements)` per bucket.
    pub buckets: Rc<Vec<(i64, u64)>>,
    pub days: i64,
    pub undated: u64,
    pub range: Option<(i64, i64)>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let most = props.buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let dated: u64 = props.buckets.iter().map(|b| b.1).sum();
    let (first, last) = match (props.buckets.first(), props.buckets.last()) {
        (Some(a), Some(b)) => (a.0, b.0 + props.days - 1),
        _ => (0, -1),
    };
    let summary = if dated == 0 {
        format!("No dated statements; {} undated.", props.undated)
    } else {
        format!(
            "{dated} dated statements from {} to {} ({} days a bar); {} undated. A bar keeps its dates.",
            day(first),
            day(last),
            props.days,
            props.undated
        )
    };
    html! {
        <section class="timeline archive-overview" aria-label="Statements over time" id="archive-overview">
            <div class="overview-bars" role="group" aria-label="Statements per stretch of time">
                { for props.buckets.iter().map(|&(start, n)| {
                    let end = start + props.days - 1;
                    let on = props.range == Some((start, end));
                    let cb = props.on_action.clone();
                    let next = (!on).then_some((start, end));
                    let height = format!("height: {:.1}%", 100.0 * n as f64 / most as f64);
                    let label = if props.days == 1 { day(start) } else { format!("{} to {}", day(start), day(end)) };
                    html! {
                        <button type="button" key={start.to_string()} class={classes!("overview-bar", on.then_some("on"))}
                            aria-pressed={on.to_string()} aria-label={format!("{label}: {n} statements")} title={format!("{label}: {n}")}
                            onclick={Callback::from(move |_| cb.emit(Action::SetRange(next)))}>
                            <span class="overview-fill" style={height} />
                        </button>
                    }
                }) }
            </div>
            <p class="overview-axis">{summary}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_fit_the_bars_and_days_read_as_dates() {
        assert_eq!(bucket_days(10, 10), 1);
        assert_eq!(bucket_days(0, BARS - 1), 1);
        assert_eq!(bucket_days(0, BARS), 2);
        assert_eq!(bucket_days(5, 1), 1, "an empty span is one day");
        assert_eq!(day(0), "1970-01-01");
    }
}
