//! Bar charts as inline SVG for the HTML report.
//!
//! Four charts of one shape (labelled horizontal bars with the value at
//! the end) are all the report draws, so a small writer here replaces a
//! plotting crate and its font stack: the text stays text (searchable,
//! printed with the page's CJK font), and the output is deterministic.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use crate::html::escape;

/// How the values of a chart read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Counts; the longest bar is the largest count.
    Count,
    /// Fractions 0..=1 shown as percentages; a full bar is 100 %.
    Percent,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 190.0;
const BAR_SPACE: f64 = 380.0;
const ROW: f64 = 24.0;
const BAR: f64 = 16.0;
/// Labels longer than this many terminal columns are shortened with `…`.
const LABEL_COLUMNS: usize = 26;

/// A horizontal bar chart of `bars` (label, value) titled `title`.
/// An empty chart says so instead of drawing nothing.
pub fn bar_chart(title: &str, bars: &[(String, f64)], scale: Scale) -> String {
    let rows = bars.len().max(1) as f64;
    let height = rows * ROW + 8.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-size=\"12\">\n<title>{}</title>\n",
        escape(title)
    );
    if bars.is_empty() {
        let _ = writeln!(svg, "<text x=\"0\" y=\"18\" fill=\"#666\">—</text>");
    }
    let max = match scale {
        Scale::Count => bars.iter().map(|(_, v)| *v).fold(0.0, f64::max),
        Scale::Percent => 1.0,
    };
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW;
        let length = if max > 0.0 {
            (value / max).clamp(0.0, 1.0) * BAR_SPACE
        } else {
            0.0
        };
        let shown = match scale {
            Scale::Count => format!("{value}"),
            Scale::Percent => format!("{:.1}%", value * 100.0),
        };
        let text_y = y + BAR - 3.0;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{text_y}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{length:.1}\" height=\"{BAR}\" fill=\"#3b6ea8\"/>\
             <text x=\"{:.1}\" y=\"{text_y}\">{}</text>",
            LABEL - 8.0,
            escape(&shorten(label)),
            LABEL + length + 6.0,
            escape(&shown)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn shorten(label: &str) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in label.chars() {
        used += c.width().unwrap_or(0);
        if used > LABEL_COLUMNS {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count() {
        let svg = bar_chart(
            "按类别",
            &[("购物".into(), 4.0), ("住宿".into(), 2.0)],
            Scale::Count,
        );
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        assert!(svg.contains("<title>按类别</title>"), "{svg}");
        assert!(svg.contains("width=\"380.0\""), "{svg}");
        assert!(svg.contains("width=\"190.0\""), "{svg}");
        assert!(svg.contains(">购物</text>"), "{svg}");
        assert!(svg.contains(">4</text>"), "{svg}");
    }

    #[test]
    fn percentages_scale_to_one_hundred() {
        let svg = bar_chart("按时率", &[("acceptance".into(), 0.5)], Scale::Percent);
        assert!(svg.contains("width=\"190.0\""), "{svg}");
        assert!(svg.contains(">50.0%</text>"), "{svg}");
    }

    #[test]
    fn labels_and_titles_are_escaped_and_shortened() {
        let svg = bar_chart("<a>", &[("x<y".repeat(20), 1.0)], Scale::Count);
        assert!(svg.contains("<title>&lt;a&gt;</title>"), "{svg}");
        assert!(svg.contains("x&lt;y"), "{svg}");
        assert!(svg.contains('…'), "{svg}");
    }

    #[test]
    fn an_empty_chart_draws_a_dash() {
        let svg = bar_chart("t", &[], Scale::Count);
        assert!(svg.contains(">—</text>"), "{svg}");
    }
}
