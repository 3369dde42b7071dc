//! Tables as data, and their renderings: a terminal table, tab-separated
//! text for pipes, Markdown, RFC 4180 CSV and HTML; and the self-contained
//! HTML page that notices, the dossier and the report share. Every command that prints
//! rows (list, summary, report, export) goes through here.

use comfy_table::{ContentArrangement, presets};

/// A titled table of text cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// A heading shown above the table (Markdown, terminal).
    pub title: Option<String>,
    /// Column names.
    pub header: Vec<String>,
    /// Rows; each has as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with a title and columns.
    pub fn new(title: Option<&str>, header: &[&str]) -> Self {
        Table {
            title: title.map(str::to_string),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// A boxed table for a terminal; CJK text stays aligned (cell widths
    /// are measured in terminal columns).
    pub fn to_terminal(&self, color: bool) -> String {
        let mut table = comfy_table::Table::new();
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(self.header.clone());
        for row in &self.rows {
            table.add_row(row.clone());
        }
        match &self.title {
            Some(title) => format!("{title}\n{table}\n"),
            None => format!("{table}\n"),
        }
    }

    /// Tab-separated lines with a header, for pipes (`cut -f`, `awk -F'\t'`).
    pub fn to_tsv(&self) -> String {
        let clean = |c: &String| c.replace(['\t', '\n', '\r'], " ");
        let mut out = String::new();
        for line in std::iter::once(&self.header).chain(&self.rows) {
            out.push_str(&line.iter().map(clean).collect::<Vec<_>>().join("\t"));
            out.push('\n');
        }
        out
    }

    /// An HTML table, every cell escaped; the header repeats on each
    /// printed page and rows never split across pages.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&format!("<h3>{}</h3>\n", escape(title)));
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &self.header {
            out.push_str(&format!("<th>{}</th>", escape(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for cell in row {
                out.push_str(&format!("<td>{}</td>", escape(cell)));
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
            out.push_str(&format!("### {title}\n\n"));
        }
        let line = |cells: &Vec<String>| {
            format!(
                "| {} |\n",
                cells.iter().map(clean).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&line(&self.header));
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
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

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The style every page shares: A4 pages, CJK fonts, tables that do not
/// break inside a row.
pub const BASE_CSS: &str = "\
@page { size: A4; margin: 20mm 18mm; }
html { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', 'Source Han Serif SC', 'SimSun', serif; font-size: 11pt; line-height: 1.7; color: #111; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; letter-spacing: 0.1em; }
h2 { font-size: 18pt; text-align: center; margin: 0 0 12pt; letter-spacing: 0.15em; }
h3 { font-size: 13pt; margin: 14pt 0 6pt; }
p { margin: 0 0 8pt; }
p.sign { text-align: right; margin-top: 24pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 14pt; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 3pt 6pt; text-align: left; vertical-align: top; }
th { background: #eee; white-space: nowrap; }
h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 8pt 0 14pt; }
figcaption { font-weight: bold; margin-bottom: 4pt; }
.meta { color: #444; font-size: 9.5pt; }
code { font-family: 'Noto Sans Mono CJK SC', monospace; font-size: 8.5pt; word-break: break-all; }
";

/// A complete, self-contained HTML page: inline style, no scripts, no
/// links to anything outside it.
pub fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>\n{BASE_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "### By category\n\n| category | count |\n|---|---|\n| 强迫购物 | 3 |\n| a, \"quoted\" line \\| pipe | 1 |\n"
        );
    }

    #[test]
    fn tsv_keeps_one_line_per_row() {
        assert_eq!(sample().to_tsv().lines().count(), 3);
    }
}
