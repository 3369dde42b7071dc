//! HTML for printable pages: escaping, and the self-contained page that
//! notices, the dossier and the report share.

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
