//! Printing: JSON documents, tables on a terminal, plain text when piped,
//! and errors. Data goes to stdout, messages to stderr.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::error::Error;
use crate::messages::Language;
use crate::msg;

/// The language of the workspace this process works in, once it is known.
static LANGUAGE: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

/// Sets the language warnings and errors are worded in (the workspace's).
pub fn set_language(lang: Language) {
    let _ = LANGUAGE.set(lang);
}

/// The language warnings and errors are worded in: the workspace's, or
/// English before a workspace is open.
pub fn language() -> Language {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// How output should look, decided once from flags and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// `--json` was given.
    pub json: bool,
    /// stdout is a terminal: pretty tables and colour are welcome.
    pub terminal: bool,
    /// Colour is allowed (terminal, and no `NO_COLOR`).
    pub color: bool,
    /// The terminal's width in columns, when stdout is one.
    pub width: Option<usize>,
}

/// The output style for this process.
pub fn detect(json: bool) -> Look {
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Look {
        json,
        terminal,
        color: terminal && !no_color,
        width: terminal.then(terminal_width).flatten(),
    }
}

/// The width of the terminal on stdout: what the terminal says, else
/// `$COLUMNS`.
fn terminal_width() -> Option<usize> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ only writes a `winsize` through the pointer given.
    let asked = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
    if asked == 0 && size.ws_col > 0 {
        return Some(usize::from(size.ws_col));
    }
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse()
        .ok()
        .filter(|&w| w > 0)
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

/// Prints a warning on stderr.
pub fn warn(message: &str) {
    let style = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    let label = msg!(language(), "warning");
    anstream::eprintln!("{style}{label}{style:#}: {message}");
}

/// Prints a short confirmation on stderr, for a person at a terminal.
pub fn notice(message: &str) {
    anstream::eprintln!("{message}");
}

/// Prints a table on a terminal (fitted to its width, alarm rows red when
/// colour is on), or tab-separated rows when piped, so that scripts can
/// `cut -f` it.
pub fn print_table(look: Look, table: &crate::format::Table) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if look.terminal {
        write!(out, "{}", table.to_terminal_within(look.color, look.width))?;
    } else {
        write!(out, "{}", table.to_tsv())?;
    }
    Ok(())
}

/// Prints tables: boxed on a terminal; piped, each as tab-separated rows
/// after a `# title` line, with a blank line between tables.
pub fn print_tables(look: Look, tables: &[crate::format::Table]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for (i, table) in tables.iter().enumerate() {
        if look.terminal {
            write!(out, "{}", table.to_terminal_within(look.color, look.width))?;
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

/// The message of a lookup error in the workspace language, with at most
/// ten candidates of an ambiguous ID; `None` for other errors, whose
/// messages are already worded where they arise.
fn localized(err: &anyhow::Error) -> Option<String> {
    let lang = language();
    match err.downcast_ref::<Error>()? {
        Error::NotFound(query) => Some(msg!(lang, "not-found", query = query)),
        Error::Ambiguous { query, candidates } => {
            let shown = candidates.iter().take(10).cloned().collect::<Vec<_>>();
            let ids = if candidates.len() > 10 {
                msg!(
                    lang,
                    "ambiguous-more",
                    ids = shown.join(", "),
                    more = candidates.len() - 10
                )
            } else {
                shown.join(", ")
            };
            Some(msg!(
                lang,
                "ambiguous",
                query = query,
                count = candidates.len(),
                ids = ids
            ))
        }
        _ => None,
    }
}

/// Prints an error on stderr, as JSON when `json`, and returns the exit code.
pub fn report_error(err: &anyhow::Error, json: bool) -> i32 {
    let (exit, code) = error_codes(err);
    let message = localized(err).unwrap_or_else(|| format!("{err:#}"));
    if json {
        let doc = serde_json::json!({"error": {"message": message, "code": code}});
        eprintln!("{doc}");
    } else {
        let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        let label = msg!(language(), "error");
        anstream::eprintln!("{style}{label}{style:#}: {message}");
    }
    exit
}
