//! Templates and pages.
//!
//! A notice template is Markdown with minijinja tags. Undefined values are
//! errors (minijinja's strict mode), so a template that refers to a field
//! the case lacks is refused with the field named, never rendered with a
//! blank in a legal document. The rendered Markdown is the `md` format;
//! [`markdown_to_html`] turns the small subset the templates use into the
//! body of a printable page ([`crate::html::html_page`]).

use std::fmt::Write as _;
use std::path::Path;

use minijinja::{Environment, ErrorKind, UndefinedBehavior};

use crate::error::{Error, Result};
use crate::html::escape;

/// The workspace folder whose `KIND.md` files replace the built-in templates.
pub const TEMPLATES_DIR: &str = "templates";

/// A template's text and where it came from (for messages).
#[derive(Clone, Debug)]
pub struct Source {
    /// `templates/KIND.md`, or `built-in PRESET/KIND.md`.
    pub label: String,
    /// The template text.
    pub text: String,
}

/// The template for notice `kind`: the workspace's `templates/KIND.md` when
/// present, else the built-in one. The workspace's template is read as
/// every workspace file is: a regular file, no link anywhere on its path,
/// at most [`MAX_TEMPLATE_BYTES`].
pub fn template(root: &Path, preset: &str, kind: &str, built_in: &str) -> Result<Source> {
    let label = format!("{TEMPLATES_DIR}/{kind}.md");
    match crate::storage::confine::read(root, &label, MAX_TEMPLATE_BYTES, "template") {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| Error::BadFile {
                path: root.join(&label),
                message: crate::limits::not_utf8(&e.utf8_error()).into(),
            })?;
            Ok(Source { label, text })
        }
        Err(Error::NotFound(_)) => Ok(Source {
            label: crate::msg!(
                crate::messages::language(),
                "builtin-template",
                preset = preset,
                kind = kind
            ),
            text: built_in.to_string(),
        }),
        Err(e) => Err(e),
    }
}

/// The largest workspace template: 256 KiB, far beyond any notice.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;

/// How much work one rendering may do (minijinja's fuel: about one unit
/// per instruction). The built-in templates use a few thousand; a
/// template with nested loops that would run for hours is stopped at
/// once, naming the template, instead of holding the command.
pub const TEMPLATE_FUEL: u64 = 5_000_000;

/// Renders `source` with `context`; a syntax error names the template and
/// line, a missing value names the expression that refers to it.
/// `cite("art-15")` in the template prints the citation of that entry of
/// `citations`, the policy's table of sources, and `place("art-15")` the
/// article alone; an id the table lacks is an error naming it, so a
/// document cites only what the table holds.
pub fn render(
    source: &Source,
    context: &serde_json::Value,
    citations: &[crate::policy::citations::Citation],
) -> Result<String> {
    let mut env = Environment::new();
    // `cite` gives the whole citation, `place` only the article (after a
    // first citation of the same text: `第十六条、第二十四条`).
    for (name, form) in [
        (
            "cite",
            crate::policy::citations::Citation::zh as fn(&_) -> String,
        ),
        ("place", crate::policy::citations::Citation::place_zh),
    ] {
        let table: std::collections::BTreeMap<String, String> =
            citations.iter().map(|c| (c.id.clone(), form(c))).collect();
        env.add_function(name, move |id: String| {
            table.get(&id).cloned().ok_or_else(|| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    crate::msg!(
                        crate::messages::language(),
                        "template-cite-unknown",
                        id = id
                    ),
                )
            })
        });
    }
    env.set_fuel(Some(TEMPLATE_FUEL));
    // A notice needs no state carried across loop turns; without it, a
    // loop cannot build a string that doubles every turn.
    env.remove_global("namespace");
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    let template = env
        .template_from_named_str(&source.label, &source.text)
        .map_err(|e| template_error(source, &e))?;
    let mut out = Capped(Vec::new());
    let lang = crate::messages::language();
    let over = format!(
        "{}: {}",
        crate::msg!(lang, "error"),
        crate::msg!(lang, "template-out-of-memory", label = source.label)
    );
    crate::limits::with_memory_budget(TEMPLATE_MEMORY, &over, || {
        template.render_captured_to(context, &mut out).map(drop)
    })
    .map_err(|e| template_error(source, &e))?;
    String::from_utf8(out.0)
        .map_err(|e| Error::invalid(crate::said!("file-error", file = source.label, message = e)))
}

/// The most memory one rendering may hold: 256 MiB, some fifty times
/// what the largest document needs.
pub const TEMPLATE_MEMORY: usize = 256 * 1024 * 1024;

/// The largest document a template may produce: 4 MiB, a thousand times
/// a notice. Output past it stops the rendering at once.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// A buffer that refuses to grow past [`MAX_DOCUMENT_BYTES`].
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_DOCUMENT_BYTES {
            return Err(std::io::Error::other("document too large"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn template_error(source: &Source, e: &minijinja::Error) -> Error {
    use crate::messages::said::Arg;
    let line = e.line().map_or(Arg::Text(String::new()), |l| {
        Arg::Said(Box::new(crate::said!("at-line", line = l)))
    });
    let label = &source.label;
    if e.kind() == ErrorKind::UndefinedError {
        let field = e
            .range()
            .and_then(|r| source.text.get(r))
            .map_or_else(|| "a value".into(), |t| t.trim().to_string());
        // What only the officer can write says how to write it.
        let written = ["findings", "agreement", "measures"]
            .into_iter()
            .find(|name| field == format!("case.{name}"));
        if field == "matter" {
            return Error::invalid(crate::said!("template-missing-matter", label = label));
        }
        if let Some(name) = written {
            return Error::invalid(crate::said!(
                "template-missing-written",
                label = label,
                line = line,
                what = Arg::each(
                    crate::messages::field_label(crate::messages::Language::En, name),
                    crate::messages::field_label(crate::messages::Language::Zh, name)
                ),
                field = field,
                name = name
            ));
        }
        return Error::invalid(crate::said!(
            "template-missing-field",
            label = label,
            line = line,
            field = field
        ));
    }
    if matches!(e.kind(), ErrorKind::OutOfFuel | ErrorKind::WriteFailure) {
        return Error::invalid(crate::said!("template-out-of-fuel", label = label));
    }
    let detail = e.detail().unwrap_or("");
    Error::invalid(crate::said!(
        "template-error",
        label = label,
        line = line,
        kind = e.kind(),
        detail = detail
    ))
}

/// Converts the Markdown the notice templates use to HTML: `#`/`##`/`###`
/// headings, paragraphs (lines kept), `- ` lists, and `> ` blocks, which
/// notices use for the right-aligned signature. Everything is escaped.
pub fn markdown_to_html(markdown: &str) -> String {
    let mut out = String::new();
    for block in blocks(markdown) {
        let first = block[0];
        if let Some((level, text)) = heading(first) {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            let rest = &block[1..];
            if !rest.is_empty() {
                out.push_str(&paragraph(rest));
            }
        } else if block.iter().all(|l| l.starts_with("- ")) {
            out.push_str("<ul>\n");
            for line in &block {
                let _ = writeln!(out, "<li>{}</li>", escape(&line[2..]));
            }
            out.push_str("</ul>\n");
        } else if block.iter().all(|l| l.starts_with('>')) {
            let lines: Vec<String> = block
                .iter()
                .map(|l| escape(l.trim_start_matches('>').trim()))
                .collect();
            let _ = writeln!(out, "<p class=\"sign\">{}</p>", lines.join("<br>\n"));
        } else {
            out.push_str(&paragraph(&block));
        }
    }
    out
}

/// The Markdown with a hard line break (two spaces) at the end of every
/// line that a line of the same paragraph or `>` block follows, so that a
/// Markdown reader keeps the lines a notice is written in (the signature
/// block, 承办人 and 地址) apart, as the HTML format does.
pub fn hard_breaks(markdown: &str) -> String {
    let lines: Vec<&str> = markdown.lines().map(str::trim_end).collect();
    let plain = |l: &str| !l.is_empty() && !l.starts_with("- ") && heading(l).is_none();
    let mut out = String::with_capacity(markdown.len() + 64);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next = lines.get(i + 1).copied().unwrap_or("");
        if plain(line) && plain(next) && line.starts_with('>') == next.starts_with('>') {
            out.push_str("  ");
        }
        out.push('\n');
    }
    out
}

fn blocks(markdown: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in markdown.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else if heading(line).is_some() && !current.is_empty() {
            blocks.push(std::mem::replace(&mut current, vec![line]));
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let text = line[hashes..].strip_prefix(' ')?;
    (1..=3).contains(&hashes).then_some((hashes, text))
}

fn paragraph(lines: &[&str]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    format!("<p>{}</p>\n", lines.join("<br>\n"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_of_a_block_end_in_a_hard_break() {
        let md =
            "# 通知书\n\n张三：\n正文\n\n> 局\n> 2026年\n\n承办人：李明\n地址：某路\n- 甲\n- 乙\n";
        assert_eq!(
            super::hard_breaks(md),
            "# 通知书\n\n张三：  \n正文\n\n> 局  \n> 2026年\n\n承办人：李明  \n地址：某路\n- 甲\n- 乙\n"
        );
    }

    use super::*;

    fn source(text: &str) -> Source {
        Source {
            label: "templates/refusal.md".into(),
            text: text.into(),
        }
    }

    /// Why template `text` does not render with `context`.
    fn refused(text: &str, context: &serde_json::Value) -> String {
        render(&source(text), context, &[]).unwrap_err().to_string()
    }

    #[test]
    fn a_missing_field_is_an_error_naming_the_field() {
        let context = serde_json::json!({"case": {"id": "X"}});
        let err = refused("编号 {{ case.id }}\n原因 {{ case.reason }}\n", &context);
        assert!(err.contains("case.reason"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("templates/refusal.md"), "{err}");
    }

    #[test]
    fn a_syntax_error_names_the_file_and_line() {
        let err = refused("one\n{% if x %}\nthree\n", &serde_json::json!({}));
        assert!(err.contains("templates/refusal.md line"), "{err}");
        assert!(err.contains("syntax error"), "{err}");
    }

    #[test]
    fn optional_parts_test_with_is_defined() {
        let text = "{% if case.refer_to is defined %}向{{ case.refer_to }}{% endif %}";
        let with = serde_json::json!({"case": {"refer_to": "市场监管局"}});
        assert_eq!(render(&source(text), &with, &[]).unwrap(), "向市场监管局");
        let without = serde_json::json!({"case": {}});
        assert_eq!(render(&source(text), &without, &[]).unwrap(), "");
    }

    #[test]
    fn markdown_subset_becomes_escaped_html() {
        let html = markdown_to_html(
            "# 局\n## 通知书\n\n张三<b>：\n第二行\n\n- 甲\n- 乙\n\n> 局\n> 2026年\n",
        );
        assert_eq!(
            html,
            "<h1>局</h1>\n<h2>通知书</h2>\n<p>张三&lt;b&gt;：<br>\n第二行</p>\n\
             <ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n<p class=\"sign\">局<br>\n2026年</p>\n"
        );
    }
}
