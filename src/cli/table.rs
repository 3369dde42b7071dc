//! Tables as data, and their renderings: a terminal table, tab-separated
//! text for pipes, Markdown, RFC 4180 CSV and HTML. Every command that
//! prints rows (list, summary, report, calendar show) builds a [`Table`]
//! and prints it through [`super::output::print_table`].
//!
//! One rule keeps a cell on its line: the output module has already made
//! every control character but the newline visible
//! ([`super::output::neutralize`]), and the terminal and tab-separated
//! renderings turn what line breaks remain into spaces.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use comfy_table::{Attribute, Cell, Color, ContentArrangement, presets};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::deadline::alarm::Alarm;
use crate::html::escape;

/// A titled table of text cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// A heading shown above the table (Markdown, terminal).
    pub title: Option<String>,
    /// Column names.
    pub header: Vec<String>,
    /// Rows; each has as many cells as the header.
    pub rows: Vec<Vec<String>>,
    /// How the table fits a terminal narrower than its content.
    pub fit: Fit,
    /// Rows (by index) shown as alarms (red) on a colour terminal.
    pub alarms: BTreeSet<usize>,
    /// Cells (row, column) coloured by an alarm grade on a colour
    /// terminal; a cell's own tone wins over its row's red.
    pub tones: BTreeMap<(usize, usize), Alarm>,
    /// Short column names (by index) a terminal shows instead of long
    /// ones, whose definitions go in `notes`.
    pub short: BTreeMap<usize, String>,
    /// Lines a terminal shows under the table: what its short column
    /// names stand for.
    pub notes: Vec<String>,
}

/// How a terminal table is made to fit the width: one free-text column
/// shrinks (cut with `…`), and when even that is not enough, whole columns
/// are left out in a fixed order. Every other cell is shown whole: IDs,
/// dates and states never wrap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    /// The column that shrinks (titles, free text).
    pub flex: Option<usize>,
    /// Columns left out, first to last, when the rest does not fit.
    pub drop_order: Vec<usize>,
    /// Below the width where a header would stand more than two lines
    /// tall, show each row as a block (its first cell, then `column value`
    /// pairs) instead of a grid.
    pub blocks: bool,
    /// The width the shrinking column keeps before other columns are left
    /// out ([`FLEX_WANT`] when 0): `list` keeps twelve Chinese characters
    /// of a title.
    pub want: usize,
    /// Below this width every row is a block, whatever the headers.
    pub blocks_below: usize,
}

/// A cell in the colour of an alarm grade: 预警 yellow, 超时 red, 中度超时
/// bold red, 严重超时 bold white on red.
fn tone(cell: Cell, grade: Alarm) -> Cell {
    match grade {
        Alarm::Warning => cell.fg(Color::Yellow),
        Alarm::Overdue => cell.fg(Color::Red),
        Alarm::Moderate => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Alarm::Severe => cell
            .fg(Color::White)
            .bg(Color::Red)
            .add_attribute(Attribute::Bold),
    }
}

/// Other columns are left out before the shrinking column gets narrower
/// than this...
const FLEX_WANT: usize = 16;
/// ...and it is left out itself only when it cannot have this much.
const FLEX_MIN: usize = 8;

impl Table {
    /// An empty table with a title and columns.
    pub fn new(title: Option<&str>, header: &[&str]) -> Self {
        Table {
            title: title.map(str::to_string),
            header: header
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            rows: Vec::new(),
            ..Table::default()
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Appends a row shown as an alarm (red) on a colour terminal.
    pub fn push_alarm(&mut self, row: Vec<String>) {
        self.alarms.insert(self.rows.len());
        self.rows.push(row);
    }

    /// A boxed table for a terminal; CJK text stays aligned (cell widths
    /// are measured in terminal columns).
    pub fn to_terminal(&self, color: bool) -> String {
        self.to_terminal_within(color, None)
    }

    /// A boxed table for a terminal `width` columns wide (unbounded when
    /// `None`). Widths are measured on the plain text and colour is applied
    /// after the layout, so colour codes never count as width; the table
    /// fits the width as [`Fit`] says.
    pub fn to_terminal_within(&self, color: bool, width: Option<usize>) -> String {
        if !self.short.is_empty() {
            let mut short = self.clone();
            for (&i, name) in &self.short {
                if let Some(h) = short.header.get_mut(i) {
                    h.clone_from(name);
                }
            }
            short.short.clear();
            return short.to_terminal_within(color, width);
        }
        if let Some(width) = width.filter(|&w| w < self.fit.blocks_below) {
            return self.to_blocks(width, color);
        }
        let (shown, cuts) = self.layout(width);
        let header_widths = self.header_widths(&shown, &cuts, width);
        if let Some(width) = width.filter(|_| self.fit.blocks)
            && shown
                .iter()
                .zip(&header_widths)
                .any(|(&i, &w)| wrap(&one_line(&self.header[i]), w).lines().count() > 2)
        {
            return self.to_blocks(width, color);
        }
        let mut table = comfy_table::Table::new();
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Disabled);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let cells = |n: usize, row: &[String], alarm: bool| -> Vec<Cell> {
            shown
                .iter()
                .map(|&i| {
                    let text = one_line(row.get(i).map_or("", String::as_str));
                    let text = match cuts.get(&i) {
                        Some(&w) => cut(&text, w),
                        None => text,
                    };
                    let cell = Cell::new(text);
                    if let Some(&grade) = self.tones.get(&(n, i)).filter(|_| color) {
                        tone(cell, grade)
                    } else if alarm && color {
                        cell.fg(Color::Red).add_attribute(Attribute::Bold)
                    } else {
                        cell
                    }
                })
                .collect()
        };
        let header: Vec<Cell> = shown
            .iter()
            .zip(&header_widths)
            .map(|(&i, &w)| Cell::new(wrap(&one_line(&self.header[i]), w)))
            .collect();
        table.set_header(header);
        for (n, row) in self.rows.iter().enumerate() {
            table.add_row(cells(n, row, self.alarms.contains(&n)));
        }
        let mut out = match &self.title {
            Some(title) => format!("{title}\n{table}\n"),
            None => format!("{table}\n"),
        };
        for note in &self.notes {
            out.push_str(&one_line(note));
            out.push('\n');
        }
        out
    }

    /// Each row as a block for a narrow terminal: its first cell on a
    /// line, then every other column as `name value`, as many to a line
    /// as fit `width`; the notes follow.
    fn to_blocks(&self, width: usize, color: bool) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push('\n');
        }
        for (n, row) in self.rows.iter().enumerate() {
            let cell = |i: usize| one_line(row.get(i).map_or("", String::as_str));
            // Bold, and red for an alarm row, as in the grid.
            let style = match (color, self.alarms.contains(&n)) {
                (false, _) => None,
                (true, false) => Some("\u{1b}[1m"),
                (true, true) => Some("\u{1b}[1;31m"),
            };
            out.push_str(style.unwrap_or(""));
            out.push_str(&cell(0));
            out.push_str(if style.is_some() { "\u{1b}[0m\n" } else { "\n" });
            let mut line = String::new();
            for (i, name) in self.header.iter().enumerate().skip(1) {
                if cell(i).is_empty() {
                    continue;
                }
                let pair = cut(
                    &format!("{} {}", one_line(name), cell(i)),
                    width.saturating_sub(2),
                );
                if !line.is_empty() && 2 + line.width() + 2 + pair.width() > width {
                    out.push_str("  ");
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push_str("  ");
                }
                line.push_str(&pair);
            }
            if !line.is_empty() {
                out.push_str("  ");
                out.push_str(&line);
                out.push('\n');
            }
        }
        for note in &self.notes {
            out.push_str(&one_line(note));
            out.push('\n');
        }
        out
    }

    /// Which columns are shown, and the width each column that must
    /// shrink is cut to: the shrinking column first; when the table is
    /// still too wide with every column that may be dropped left out, the
    /// widest other column but the first (an ID or a row's name) is cut
    /// too, so that no table is ever wider than the terminal.
    fn layout(&self, width: Option<usize>) -> (Vec<usize>, BTreeMap<usize, usize>) {
        let mut shown: Vec<usize> = (0..self.header.len()).collect();
        let Some(width) = width else {
            return (shown, BTreeMap::new());
        };
        let content: Vec<usize> = (0..self.header.len())
            .map(|i| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|r| one_line(r.get(i).map_or("", String::as_str)).width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // Each column takes its content, a space either side and a border;
        // one more border closes the row.
        let total = |shown: &[usize], flex: usize| -> usize {
            1 + shown
                .iter()
                .map(|&i| {
                    3 + if self.fit.flex == Some(i) {
                        flex
                    } else {
                        content[i]
                    }
                })
                .sum::<usize>()
        };
        let flex_content = self.fit.flex.map_or(0, |f| content[f]);
        let mut drops = self.fit.drop_order.iter().peekable();
        loop {
            let next_is_flex = drops.peek().is_some_and(|&&d| Some(d) == self.fit.flex);
            let want = if self.fit.want == 0 {
                FLEX_WANT
            } else {
                self.fit.want
            };
            let wanted = if next_is_flex { FLEX_MIN } else { want };
            if total(&shown, flex_content.min(wanted)) <= width {
                break;
            }
            match drops.next() {
                Some(drop) => shown.retain(|i| i != drop),
                None => break,
            }
        }
        let mut cuts = BTreeMap::new();
        if let Some(f) = self.fit.flex.filter(|f| shown.contains(f)) {
            let rest = total(&shown, 0);
            cuts.insert(f, width.saturating_sub(rest).clamp(1, content[f].max(1)));
        }
        // Headers wrap (see `header_widths`): only the cells count here.
        let cells: Vec<usize> = (0..self.header.len())
            .map(|i| {
                let widest = self
                    .rows
                    .iter()
                    .map(|r| one_line(r.get(i).map_or("", String::as_str)).width());
                cuts.get(&i)
                    .copied()
                    .unwrap_or_else(|| widest.max().unwrap_or(0).max(HEADER_MIN))
            })
            .collect();
        let used = 1 + shown.iter().map(|&i| 3 + cells[i]).sum::<usize>();
        let widest = shown
            .iter()
            .skip(1)
            .filter(|&&i| !cuts.contains_key(&i))
            .max_by_key(|&&i| cells[i])
            .copied();
        if let Some(w) = widest.filter(|_| used > width) {
            let rest = used - cells[w];
            cuts.insert(
                w,
                width.saturating_sub(rest).clamp(CUT_MIN, cells[w].max(1)),
            );
        }
        (shown, cuts)
    }

    /// The widths the shown header cells are wrapped to: their own, unless
    /// the table is still wider than the terminal, when a long header
    /// (`按时率 = 按时 ÷ (按时 + 超时 + 逾期未办)`) goes onto several lines,
    /// never narrower than its column's cells.
    fn header_widths(
        &self,
        shown: &[usize],
        cuts: &BTreeMap<usize, usize>,
        width: Option<usize>,
    ) -> Vec<usize> {
        let own: Vec<usize> = shown
            .iter()
            .map(|&i| one_line(&self.header[i]).width())
            .collect();
        let Some(width) = width else {
            return own;
        };
        let body: Vec<usize> = shown
            .iter()
            .map(|&i| match cuts.get(&i) {
                Some(&w) => w,
                None => self
                    .rows
                    .iter()
                    .map(|r| one_line(r.get(i).map_or("", String::as_str)).width())
                    .max()
                    .unwrap_or(0),
            })
            .collect();
        let total = |widths: &[usize]| 1 + widths.iter().map(|w| w + 3).sum::<usize>();
        let mut widths: Vec<usize> = own.iter().zip(&body).map(|(h, b)| *h.max(b)).collect();
        // Narrow the widest header first, a column at a time, until it
        // fits: first down to its longest word (`不予受理` stays whole),
        // then long words break into pieces of four columns (two Chinese
        // characters), and only then anything narrower.
        let longest_word: Vec<usize> = shown
            .iter()
            .map(|&i| {
                words(&one_line(&self.header[i]))
                    .iter()
                    .map(|w| w.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let pieces: Vec<usize> = longest_word.iter().map(|&w| w.min(HEADER_PIECE)).collect();
        for floor in [&longest_word, &pieces, &vec![HEADER_MIN; shown.len()]] {
            while total(&widths) > width {
                let Some((n, _)) = widths
                    .iter()
                    .enumerate()
                    .filter(|(n, w)| **w > body[*n].max(floor[*n]))
                    .max_by_key(|(_, w)| **w)
                else {
                    break;
                };
                widths[n] -= 1;
            }
        }
        widths
    }

    /// A copy with the title, every header and every cell
    /// [`neutralize`](super::output::neutralize)d: the first half of the
    /// one rule every rendering follows. The title may keep plaint's own
    /// styles as `colour` allows; headers and cells never do, since a
    /// table's colours are applied after its layout, so no text in a cell
    /// can colour the rows after it.
    pub fn neutralized(&self, colour: bool) -> Table {
        use super::output::{Place, neutralize};
        let row = |cells: &[String]| -> Vec<String> {
            cells
                .iter()
                .map(|c| neutralize(c, Place::Cell, false).into_owned())
                .collect()
        };
        Table {
            title: self
                .title
                .as_deref()
                .map(|t| neutralize(t, Place::Lines, colour).into_owned()),
            header: row(&self.header),
            rows: self.rows.iter().map(|r| row(r)).collect(),
            ..self.clone()
        }
    }

    /// Tab-separated lines with a header, for pipes (`cut -f`, `awk -F'\t'`).
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for line in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = line.iter().map(|c| one_line(c)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }

    /// An HTML table, every cell escaped; the header repeats on each
    /// printed page and rows never split across pages.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            let _ = writeln!(out, "<h3>{}</h3>", escape(title));
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &self.header {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for cell in row {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }

    /// A Markdown table (GitHub flavour), pipes and newlines escaped.
    pub fn to_markdown(&self) -> String {
        let clean = |c: &String| c.replace('|', "\\|").replace(['\n', '\r'], " ");
        let mut out = String::new();
        if let Some(title) = &self.title {
            let _ = write!(out, "## {title}\n\n");
        }
        let line = |cells: &Vec<String>| {
            format!(
                "| {} |\n",
                cells.iter().map(clean).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&line(&self.header));
        let _ = writeln!(out, "|{}", "---|".repeat(self.header.len()));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }

    /// RFC 4180 CSV, cells defused for spreadsheets ([`crate::csvcell`]);
    /// with `bom`, a UTF-8 byte order mark first, which spreadsheet
    /// programs on Chinese systems need to read UTF-8.
    pub fn to_csv(&self, bom: bool) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for line in std::iter::once(&self.header).chain(&self.rows) {
            crate::csvcell::write_record(&mut writer, line).expect("writing to memory");
        }
        let bytes = writer.into_inner().expect("writing to memory");
        let text = String::from_utf8(bytes).expect("cells are UTF-8");
        if bom { format!("\u{feff}{text}") } else { text }
    }
}

/// A header is wrapped no narrower than this, its cells allowing.
const HEADER_MIN: usize = 2;

/// A long header word is broken into pieces this wide before any header
/// gets narrower.
const HEADER_PIECE: usize = 4;

/// A column cut only because nothing else can give way keeps this much.
const CUT_MIN: usize = 8;

/// `text` on lines at most `width` terminal columns wide: broken at
/// spaces, or between CJK characters, or (a word longer than the width)
/// anywhere.
fn wrap(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        if word == " " {
            if !line.is_empty() {
                line.push(' ');
            }
            continue;
        }
        if line.width() + word.width() > width && !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        for c in word.chars() {
            if line.width() + c.to_string().width() > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line.trim_end().to_string());
    lines.join("\n")
}

/// The words `text` is wrapped between: runs of non-space ASCII, runs of
/// letters of other scripts (`逾期未办`), and every other character alone
/// (a space, `÷`, `、`); an opening bracket keeps to the word after it, a
/// closing one to the word before it.
fn words(text: &str) -> Vec<String> {
    #[derive(PartialEq)]
    enum Class {
        Ascii,
        Letters,
        Alone,
    }
    let class = |c: char| {
        if c.is_ascii_graphic() {
            Class::Ascii
        } else if c.is_alphanumeric() {
            Class::Letters
        } else {
            Class::Alone
        }
    };
    let mut words: Vec<String> = Vec::new();
    let mut last = Class::Alone;
    for c in text.chars() {
        let this = class(c);
        match words.last_mut() {
            Some(w) if this != Class::Alone && this == last => w.push(c),
            _ => words.push(c.to_string()),
        }
        last = this;
    }
    let mut glued: Vec<String> = Vec::new();
    let mut open = String::new();
    for word in words {
        if word.ends_with(['(', '（']) && word.len() <= '（'.len_utf8() {
            open.push_str(&word);
        } else if word.starts_with([')', '）']) && !glued.is_empty() && open.is_empty() {
            glued.last_mut().expect("not empty").push_str(&word);
        } else {
            glued.push(std::mem::take(&mut open) + &word);
        }
    }
    if !open.is_empty() {
        glued.push(open);
    }
    glued
}

/// `text` on one line: line breaks and tabs become spaces.
pub(super) fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r', '\t']) {
        text.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
    } else {
        text.to_string()
    }
}

/// `text` cut to at most `width` terminal columns, ending in `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_never_wider_than_the_terminal_when_nothing_is_left_to_drop() {
        let mut table = Table::new(None, &["编号", "状态", "期限", "标题"]);
        table.fit.flex = Some(3);
        table.fit.drop_order = vec![3];
        table.push(
            [
                "20261109-8C282",
                "调查中",
                "已逾期 2026-11-23 被投诉人书面答复",
                "退款",
            ]
            .map(String::from)
            .to_vec(),
        );
        for width in [50, 60, 63] {
            let text = table.to_terminal_within(false, Some(width));
            assert!(text.lines().all(|l| l.width() <= width), "{width}:\n{text}");
            assert!(
                text.contains("20261109-8C282"),
                "the ID is never cut:\n{text}"
            );
            assert!(
                text.contains("已逾期 2026-11-23") && text.contains('…'),
                "{text}"
            );
        }
        let whole = table.to_terminal_within(false, Some(64));
        assert!(whole.contains("被投诉人书面答复"), "{whole}");
    }

    #[test]
    fn a_header_breaks_between_words_before_it_breaks_a_word() {
        assert_eq!(
            words("按时率 = 按时 ÷ (按时 + 逾期未办)"),
            [
                "按时率",
                " ",
                "=",
                " ",
                "按时",
                " ",
                "÷",
                " ",
                "(按时",
                " ",
                "+",
                " ",
                "逾期未办)"
            ]
        );
        assert_eq!(words("数(工作日)"), ["数", "(工作日)"]);
        assert_eq!(
            wrap("按时率 = 按时 ÷ (按时 + 超时 + 逾期未办)", 12),
            "按时率 =\n按时 ÷ (按时\n+ 超时 +\n逾期未办)"
        );
        let mut table = Table::new(None, &["类别", "不予受理", "撤回", "在办"]);
        table.push(["住宿", "0", "0", "1"].map(String::from).to_vec());
        // 8 columns short of its natural width: 不予受理 keeps whole only
        // if the others can give way, which they cannot: it breaks in two.
        let text = table.to_terminal_within(false, Some(30));
        assert!(
            text.contains("不予") && text.contains("受理") && !text.contains("不予受理"),
            "{text}"
        );
        assert!(text.contains("撤回") && text.contains("在办"), "{text}");
        let text = table.to_terminal_within(false, Some(34));
        assert!(text.contains("不予受理"), "{text}");
    }

    #[test]
    fn long_headers_wrap_so_a_report_table_fits_the_terminal() {
        let rate = "按时率 = 按时 ÷ (按时 + 超时 + 逾期未办)";
        let mut table = Table::new(
            None,
            &[
                "类别",
                "收到",
                "受理",
                "不予受理",
                "移送",
                "办结",
                "撤回",
                "在办",
                rate,
                "办结用时中位数(工作日)",
            ],
        );
        table.push(
            [
                "擅自变更行程",
                "1",
                "1",
                "0",
                "0",
                "0",
                "0",
                "1",
                "100.0%",
                "-",
            ]
            .map(String::from)
            .to_vec(),
        );
        for width in [80, 100] {
            let text = table.to_terminal_within(false, Some(width));
            let widths: Vec<usize> = text.lines().map(UnicodeWidthStr::width).collect();
            assert!(
                widths.iter().all(|&w| w <= width),
                "{width} {widths:?}:\n{text}"
            );
            assert!(
                text.contains("100.0%") && text.contains("擅自变更行程"),
                "{text}"
            );
        }
        let wide = table.to_terminal_within(false, Some(200));
        assert!(wide.contains(rate), "unwrapped when it fits:\n{wide}");
        let wrapped = wrap("办结用时中位数(工作日)", 10);
        assert!(wrapped.lines().all(|l| l.width() <= 10), "{wrapped}");
        assert_eq!(wrapped.replace('\n', ""), "办结用时中位数(工作日)");
    }

    fn sample() -> Table {
        let mut t = Table::new(Some("By category"), &["category", "count"]);
        t.push(vec!["强迫购物".into(), "3".into()]);
        t.push(vec!["a, \"quoted\"\nline | pipe".into(), "1".into()]);
        t
    }

    #[test]
    fn csv_quotes_per_rfc_4180_and_adds_a_bom_on_request() {
        let csv = sample().to_csv(false);
        assert_eq!(
            csv,
            "category,count\n强迫购物,3\n\"a, \"\"quoted\"\"\nline | pipe\",1\n"
        );
        assert!(sample().to_csv(true).starts_with('\u{feff}'));
    }

    #[test]
    fn markdown_escapes_pipes_and_newlines() {
        let md = sample().to_markdown();
        assert_eq!(
            md,
            "## By category\n\n| category | count |\n|---|---|\n| 强迫购物 | 3 |\n| a, \"quoted\" line \\| pipe | 1 |\n"
        );
    }

    /// `text` without ANSI escape sequences (CSI ... final byte).
    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                continue;
            }
            out.push(c);
        }
        out
    }

    fn wide_list() -> Table {
        let mut t = Table::new(
            None,
            &["编号", "登记日期", "状态", "承办人", "期限", "标题"],
        );
        t.fit.flex = Some(5);
        t.fit.drop_order = vec![1, 3];
        t.push(vec![
            "20261009-2QZHR".into(),
            "2026-10-09".into(),
            "调解中".into(),
            "李明".into(),
            "2026-12-21 办结 (16)".into(),
            "国庆团擅自取消天门山行程改为购物，\n游客要求赔偿".into(),
        ]);
        t.push_alarm(vec![
            "20261109-8C282".into(),
            "2026-11-09".into(),
            "调查中".into(),
            "王芳".into(),
            "已逾期 2026-11-23 被投诉人书面答复".into(),
            "Refund refused for a cancelled evening show".into(),
        ]);
        t
    }

    #[test]
    fn colour_never_counts_as_width_and_the_table_fits_80_100_160_columns() {
        for width in [80, 100, 160] {
            let coloured = wide_list().to_terminal_within(true, Some(width));
            assert!(coloured.contains('\u{1b}'), "colour is on");
            let plain = strip_ansi(&coloured);
            assert_eq!(plain, wide_list().to_terminal_within(false, Some(width)));
            let widths: Vec<usize> = plain.lines().map(UnicodeWidthStr::width).collect();
            assert!(
                widths.iter().all(|&w| w == widths[0] && w <= width),
                "{width}: {plain}"
            );
            assert_eq!(plain.lines().count(), 6, "one line per row: {plain}");
            assert!(plain.contains("20261109-8C282") && plain.contains("已逾期 2026-11-23"));
            insta::assert_snapshot!(format!("list_table_{width}"), plain);
        }
    }

    #[test]
    fn a_cut_cell_ends_in_an_ellipsis_within_its_width() {
        assert_eq!(cut("国庆团擅自取消", 7), "国庆团…");
        assert_eq!(cut("abcdefgh", 5), "abcd…");
        assert_eq!(cut("短", 5), "短");
    }

    #[test]
    fn tsv_keeps_one_line_per_row() {
        assert_eq!(sample().to_tsv().lines().count(), 3);
    }
}
