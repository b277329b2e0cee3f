//! The timeline's visible tooltip: a mark's label wrapped into a few lines in a box
//! beside the mark, kept inside the plot. (Screen readers read the mark's own label.)

use quoteline_core::text::number::coord;
use quoteline_core::view::timeline::geometry::{SVG_W, TOOLTIP_LINE_H, TOOLTIP_W};
use yew::prelude::*;

/// Wraps `text` into at most `max` lines of about `width` characters, ending with … when cut.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let full = lines.len() == max;
        let last = lines.last_mut().expect("never empty");
        if last.is_empty() || last.chars().count() + 1 + word.chars().count() <= width {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        } else if full {
            last.push('…');
            break;
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// The visible tooltip for a mark at (`cx`, `cy`): below the mark, or above it near the
/// bottom, kept inside the plot. Screen readers get the same text from the mark's label.
pub fn tooltip(cx: f64, cy: f64, text: &str, h: f64) -> Html {
    let lines = wrap(text, 58, 3);
    let th = 10.0 + TOOLTIP_LINE_H * lines.len() as f64;
    let x = (cx - TOOLTIP_W / 2.0).clamp(0.0, SVG_W - TOOLTIP_W);
    let y = if cy + 14.0 + th <= h {
        cy + 14.0
    } else {
        (cy - 14.0 - th).max(0.0)
    };
    html! {
        <g class="tooltip" aria-hidden="true" pointer-events="none">
            <rect x={coord(x)} y={coord(y)} width={coord(TOOLTIP_W)} height={coord(th)} rx="4" />
            { for lines.iter().enumerate().map(|(i, l)| html! {
                <text x={coord(x + 8.0)} y={coord(y + 4.0 + TOOLTIP_LINE_H * (i + 1) as f64)}>{l}</text>
            }) }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_text_is_wrapped_and_cut_with_an_ellipsis() {
        assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap("aa bb cc dd", 2, 2), ["aa", "bb…"]);
        assert_eq!(wrap("", 10, 2), [""]);
    }
}
