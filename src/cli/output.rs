//! Printing: JSON documents, tables on a terminal, plain text when piped,
//! and errors. Data goes to stdout, messages to stderr.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::error::Error;

/// How output should look, decided once from flags and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// `--json` was given.
    pub json: bool,
    /// stdout is a terminal: pretty tables and colour are welcome.
    pub terminal: bool,
    /// Colour is allowed (terminal, and no `NO_COLOR`).
    pub color: bool,
}

/// Whether messages on stderr are JSON documents, one per line (`--json`).
static JSON_MESSAGES: AtomicBool = AtomicBool::new(false);

/// Makes every later warning, notice and error on stderr a one-line JSON
/// document (`--json`), or plain text.
pub fn set_json_messages(json: bool) {
    JSON_MESSAGES.store(json, Ordering::Relaxed);
}

/// The kinds of message plaint writes on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Something the user should know; the command still did its work.
    Warning,
    /// A confirmation for a person at a terminal.
    Notice,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Warning => "warning",
            Kind::Notice => "notice",
        }
    }
}

/// Writes one message on stderr: in `--json` mode the line
/// `{"warning": {"message": ...}}` (or `"notice"`), otherwise text. Every
/// warning and notice plaint prints goes through here.
pub fn message(kind: Kind, text: &str) {
    if JSON_MESSAGES.load(Ordering::Relaxed) {
        let mut body = serde_json::Map::new();
        body.insert("message".into(), text.into());
        print_stderr_json(&serde_json::json!({ kind.key(): body }));
        return;
    }
    match kind {
        Kind::Warning => {
            let style = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
            anstream::eprintln!("{style}warning{style:#}: {text}");
        }
        Kind::Notice => anstream::eprintln!("{text}"),
    }
}

/// Writes `doc` on stderr as one line of compact JSON.
pub fn print_stderr_json(doc: &serde_json::Value) {
    eprintln!("{doc}");
}

/// The output style for this process.
pub fn detect(json: bool) -> Look {
    set_json_messages(json);
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Look {
        json,
        terminal,
        color: terminal && !no_color,
    }
}

/// Prints one JSON document on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Prints a JSON array of `items`, each written as compact JSON by
/// `to_json`. On a terminal it is indented; piped, each element is one
/// line, serialized in parallel a window at a time so memory stays bounded.
pub fn print_json_array<T: Sync>(
    look: Look,
    items: &[T],
    to_json: impl Fn(&T) -> Vec<u8> + Sync,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    if look.terminal {
        let values: Vec<serde_json::Value> = items
            .iter()
            .map(|item| serde_json::from_slice(&to_json(item)))
            .collect::<Result<_, _>>()?;
        return print_json(&values);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    out.write_all(b"[")?;
    let mut first = true;
    for window in items.chunks(4096) {
        let lines: Vec<Vec<u8>> = window.par_iter().map(&to_json).collect();
        for line in lines {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            out.write_all(&line)?;
            first = false;
        }
    }
    out.write_all(b"\n]\n")?;
    out.flush()?;
    Ok(())
}

/// Prints a line on stdout.
pub fn print_line(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

/// Prints a warning on stderr (JSON in `--json` mode).
pub fn warn(text: &str) {
    message(Kind::Warning, text);
}

/// Prints a short confirmation on stderr, for a person at a terminal (JSON
/// in `--json` mode).
pub fn notice(text: &str) {
    message(Kind::Notice, text);
}

/// A new table styled for the terminal, or borderless for pipes.
pub fn table(style: Look, header: Vec<String>) -> Table {
    let mut table = Table::new();
    if style.terminal {
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.load_preset(presets::NOTHING);
    }
    if !style.color {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    table.set_header(header);
    table
}

/// Prints a table on a terminal, or tab-separated rows when piped, so that
/// scripts can `cut -f` it.
pub fn print_rows(style: Look, header: Vec<String>, rows: Vec<Vec<String>>) -> anyhow::Result<()> {
    let plain = vec![false; rows.len()];
    print_rows_marked(style, header, rows, &plain)
}

/// [`print_rows`], with the rows whose `alarm` is true in the alarm style
/// (bold red) when colour is on. The table styles the cells itself, so
/// wrapping a long cell never splits a colour code.
pub fn print_rows_marked(
    style: Look,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    alarm: &[bool],
) -> anyhow::Result<()> {
    if style.terminal {
        let mut t = table(style, header);
        for (i, row) in rows.into_iter().enumerate() {
            if style.color && alarm.get(i).copied().unwrap_or(false) {
                t.add_row(row.into_iter().map(|c| {
                    comfy_table::Cell::new(c)
                        .fg(comfy_table::Color::Red)
                        .add_attribute(comfy_table::Attribute::Bold)
                }));
            } else {
                t.add_row(row);
            }
        }
        return print_line(&t.to_string());
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", header.join("\t"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| c.replace(['\t', '\n'], " ")).collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}

/// Prints tables: boxed on a terminal; piped, each as tab-separated rows
/// after a `# title` line, with a blank line between tables.
pub fn print_tables(look: Look, tables: &[crate::format::Table]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for (i, table) in tables.iter().enumerate() {
        if look.terminal {
            write!(out, "{}", table.to_terminal(look.color))?;
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(title) = &table.title {
            writeln!(out, "# {title}")?;
        }
        write!(out, "{}", table.to_tsv())?;
    }
    Ok(())
}

/// Writes text to stdout as is.
pub fn print_raw(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Styles `text` as a heading when colour is on.
pub fn bold(style: Look, text: &str) -> String {
    paint(style, Style::new().bold(), text)
}

/// Styles `text` as an alarm (overdue) when colour is on.
pub fn alarm(style: Look, text: &str) -> String {
    paint(
        style,
        Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        text,
    )
}

/// Styles `text` as secondary when colour is on.
pub fn dim(style: Look, text: &str) -> String {
    paint(style, Style::new().dimmed(), text)
}

fn paint(style: Look, s: Style, text: &str) -> String {
    if style.color {
        format!("{s}{text}{s:#}")
    } else {
        text.to_string()
    }
}

/// The exit code and `--json` code of an error.
pub fn error_codes(err: &anyhow::Error) -> (i32, &'static str) {
    match err.downcast_ref::<Error>() {
        Some(e) => (e.exit_code(), e.code()),
        None => (1, "error"),
    }
}

/// Prints an error on stderr, as JSON when `json`, and returns the exit code.
pub fn report_error(err: &anyhow::Error, json: bool) -> i32 {
    let (exit, code) = error_codes(err);
    let message = format!("{err:#}");
    if json {
        print_stderr_json(&serde_json::json!({"error": {"message": message, "code": code}}));
    } else {
        let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        anstream::eprintln!("{style}error{style:#}: {message}");
    }
    exit
}
