//! Printing: JSON documents, tables on a terminal, plain text when piped,
//! and errors. Data goes to stdout, messages to stderr.
//!
//! Every human-readable line and table cell passes through [`neutralize`],
//! so no control character from a file, an argument or the environment
//! reaches the terminal: a title holding `ESC ]0;…` cannot retitle the
//! window nor clear the screen. JSON and CSV output stay exact.
//!
//! This is the only module that writes to stdout or stderr; the lints table
//! in `Cargo.toml` denies `print!` and `eprint!` everywhere else.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the one place plaint prints"
)]

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::error::{Error, Exit};
use crate::messages::Language;
use crate::msg;

/// Sets the language warnings and errors are worded in (the workspace's).
pub fn set_language(lang: Language) {
    crate::messages::set_language(lang);
}

/// The language warnings and errors are worded in: the workspace's, or
/// English before a workspace is open.
pub fn language() -> Language {
    crate::messages::language()
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

/// Whether stdout carries plaint's own colour sequences (set by [`detect`]).
static COLOR: AtomicBool = AtomicBool::new(false);

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
    // Human text never carries a terminal escape from the files.
    let text = neutralize(text, Place::Lines, false);
    match kind {
        Kind::Warning => {
            let style = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
            let label = msg!(language(), "warning");
            anstream::eprintln!("{style}{label}{style:#}: {text}");
        }
        Kind::Notice => anstream::eprintln!("{text}"),
    }
}

/// Writes `doc` on stderr as one line of compact JSON.
pub fn print_stderr_json(doc: &serde_json::Value) {
    eprintln!("{doc}");
}

/// Asks a person at a terminal a question on stderr, on the same line as
/// the answer they type.
pub fn prompt(question: &str) {
    let question = neutralize(question, Place::Lines, false);
    eprint!("{question} ");
    let _ = std::io::stderr().flush();
}

/// The output style for this process.
pub fn detect(json: bool) -> Look {
    set_json_messages(json);
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = terminal && !no_color;
    COLOR.store(color, Ordering::Relaxed);
    Look {
        json,
        terminal,
        color,
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

/// Where a text is printed: a line may hold newlines and tabs, a table
/// cell newlines only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Lines of text.
    Lines,
    /// One table cell.
    Cell,
}

/// Replaces every character a terminal would act on with a visible escape:
/// C0 controls (but newline, and tab in lines), DEL, C1 controls, ESC, BEL
/// and the bidirectional overrides and isolates. `\\x1b` and `\\u{202e}`
/// show what was there. When `colour` is on, the few SGR sequences
/// plaint's own styles produce (bold, red, dim, reset) pass; nothing else
/// does, and a style the text leaves open is closed at its end.
pub fn neutralize(text: &str, place: Place, colour: bool) -> Cow<'_, str> {
    let acts = |c: char| match c {
        '\n' => false,
        '\t' => place == Place::Cell,
        _ => c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
    };
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    // Beyond here the text holds an escape (or another control): each
    // line is copied with it made visible or, for plaint's own styles
    // with colour on, let through and closed by the line's end.
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    let mut styled = false;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && colour
            && let Some(len) = sgr_len(rest)
        {
            out.push_str(&rest[..len]);
            styled = &rest[..len] != RESET;
            rest = &rest[len..];
            continue;
        }
        if c == '\n' && styled {
            // A style a line opens ends with the line.
            out.push_str(RESET);
            styled = false;
        }
        if acts(c) {
            match u32::from(c) {
                n @ 0..=0x7f => {
                    let _ = write!(out, "\\x{n:02x}");
                }
                n => {
                    let _ = write!(out, "\\u{{{n:x}}}");
                }
            }
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    if styled {
        // A style the text opened ends with it.
        out.push_str(RESET);
    }
    Cow::Owned(out)
}

/// The SGR sequence that ends every style.
const RESET: &str = "\u{1b}[0m";

/// The length of an SGR sequence (`ESC [ 1;31 m`) at the start of `text`,
/// when it is one plaint's own styles produce (bold, red, dim, reset):
/// text can never switch to another colour, hide itself or move the cursor.
fn sgr_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    let len = 2 + params + 1;
    (body.as_bytes().get(params) == Some(&b'm') && own_sequences().contains(&&text[..len]))
        .then_some(len)
}

/// Every SGR sequence plaint's styles render to, each on its own.
fn own_sequences() -> &'static [&'static str] {
    static OWN: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    OWN.get_or_init(|| {
        let mut all = String::new();
        for style in [HEADING, ALARM, DIM, WARNING, OVERDUE, SEVERE] {
            let _ = write!(all, "{style}{style:#}");
        }
        let mut seqs: Vec<&'static str> = all
            .leak()
            .split_inclusive('m')
            .filter(|s| s.starts_with('\u{1b}'))
            .collect();
        seqs.sort_unstable();
        seqs.dedup();
        seqs
    })
}

/// The style of headings.
const HEADING: Style = Style::new().bold();
/// The style of an alarm (overdue).
const ALARM: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();
/// The style of secondary text.
const DIM: Style = Style::new().dimmed();
/// The styles of the alarm grades 预警 and 超时 (中度超时 is [`ALARM`]).
const WARNING: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const OVERDUE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
/// The style of 严重超时: bold white on red.
const SEVERE: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::White)))
    .bg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();

/// [`neutralize`] for stdout, honouring this process's colour setting.
fn clean(text: &str, place: Place) -> Cow<'_, str> {
    neutralize(text, place, COLOR.load(Ordering::Relaxed))
}

/// A copy of `table` fit for stdout: see [`super::table::Table::neutralized`].
fn clean_table(table: &super::table::Table) -> super::table::Table {
    table.neutralized(COLOR.load(Ordering::Relaxed))
}

/// Prints one JSON document on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    // As an I/O error, a closed pipe is recognised and ends plaint quietly.
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
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

/// Prints a line on stdout, neutralized.
pub fn print_line(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", clean(text, Place::Lines))?;
    Ok(())
}

/// Prints human-readable text on stdout as it is but neutralized.
pub fn print_text(text: &str) -> anyhow::Result<()> {
    print_raw(&clean(text, Place::Lines))
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

/// Prints a table on a terminal (fitted to its width, alarm rows red when
/// colour is on), or tab-separated rows when piped, so that scripts can
/// `cut -f` it.
pub fn print_table(look: Look, table: &super::table::Table) -> anyhow::Result<()> {
    let table = clean_table(table);
    let mut out = std::io::stdout().lock();
    if look.terminal {
        write!(out, "{}", table.to_terminal_within(look.color, look.width))?;
    } else {
        write!(out, "{}", table.to_tsv())?;
    }
    Ok(())
}

/// A piped table written a row at a time, byte for byte as
/// [`print_table`] writes it, so that a long listing is never held whole.
pub struct TsvStream {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl TsvStream {
    /// Starts the table with its header line.
    pub fn new(header: &[String]) -> anyhow::Result<TsvStream> {
        let mut stream = TsvStream {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        };
        stream.row(header)?;
        Ok(stream)
    }

    /// Writes one row, each cell neutralized and kept on the line.
    pub fn row(&mut self, cells: &[String]) -> anyhow::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b"\t")?;
            }
            let cell = neutralize(cell, Place::Cell, false);
            self.out
                .write_all(super::table::one_line(&cell).as_bytes())?;
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Writes out what is buffered.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// Prints tables: boxed on a terminal; piped, each as tab-separated rows
/// after a `# title` line, with a blank line between tables.
pub fn print_tables(look: Look, tables: &[super::table::Table]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for (i, table) in tables.iter().enumerate() {
        let table = &clean_table(table);
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

/// Writes bytes to stdout as they are: generated scripts and pages.
pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    std::io::stdout().lock().write_all(bytes)?;
    Ok(())
}

/// stdout for a command that streams a large data document (`export`),
/// buffered; the caller flushes it.
pub fn data_stream() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout().lock())
}

/// Writes a document (a notice, an HTML or CSV report) to stdout: as it
/// is when piped or redirected, where a program reads it; neutralized on a
/// terminal, where an escape sequence in a field (a title change, a screen
/// clear) would act.
pub fn print_document(look: Look, text: &str) -> anyhow::Result<()> {
    if look.terminal {
        return print_raw(&neutralize(text, Place::Lines, false));
    }
    print_raw(text)
}

/// Writes text to stdout as is: data (CSV) only; human text goes through
/// [`print_text`], documents through [`print_document`].
pub fn print_raw(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Styles `text` as a heading when colour is on.
pub fn bold(style: Look, text: &str) -> String {
    paint(style, HEADING, text)
}

/// Styles `text` as an alarm (overdue) when colour is on.
pub fn alarm(style: Look, text: &str) -> String {
    paint(style, ALARM, text)
}

/// Styles `text` in the colour of an alarm grade when colour is on:
/// 预警 yellow, 超时 red, 中度超时 bold red, 严重超时 bold white on red.
pub fn graded(style: Look, grade: crate::deadline::alarm::Alarm, text: &str) -> String {
    use crate::deadline::alarm::Alarm;
    let s = match grade {
        Alarm::Warning => WARNING,
        Alarm::Overdue => OVERDUE,
        Alarm::Moderate => ALARM,
        Alarm::Severe => SEVERE,
    };
    paint(style, s, text)
}

/// Styles `text` as secondary when colour is on.
pub fn dim(style: Look, text: &str) -> String {
    paint(style, DIM, text)
}

fn paint(style: Look, s: Style, text: &str) -> String {
    if style.color {
        format!("{s}{text}{s:#}")
    } else {
        text.to_string()
    }
}

/// The exit status and `--json` code of an error.
pub fn error_codes(err: &anyhow::Error) -> (Exit, &'static str) {
    match err.downcast_ref::<Error>() {
        Some(e) => (e.exit(), e.code()),
        None => (Exit::Failure, "error"),
    }
}

/// The error document of `--json` mode, the one shape every failure takes
/// on stderr: `{"error": {"message": …, "code": …}}`, plus `extra` fields
/// inside `error`.
pub fn error_document(
    message: &str,
    code: &str,
    extra: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Value {
    let mut body = serde_json::Map::new();
    body.insert("message".into(), message.into());
    body.insert("code".into(), code.into());
    body.extend(extra);
    serde_json::json!({ "error": body })
}

/// Prints a failure on stderr: its error document when `json`, else the
/// line `error: MESSAGE`.
fn print_error(message: &str, code: &str, json: bool) {
    if json {
        print_stderr_json(&error_document(message, code, serde_json::Map::new()));
    } else {
        let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        let label = msg!(language(), "error");
        let message = neutralize(message, Place::Lines, false);
        anstream::eprintln!("{style}{label}{style:#}: {message}");
    }
}

/// The error and its causes, `: `-separated as `{err:#}` prints them, each
/// of plaint's own rendered in the workspace language, and the operating
/// system's part (in English from the system library) said in it too.
fn chain_text(err: &anyhow::Error) -> String {
    let lang = language();
    let system = |io: &std::io::Error| match lang {
        Language::En => io.to_string(),
        Language::Zh => io_text(lang, io),
    };
    err.chain()
        .map(|cause| {
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                return system(io);
            }
            match cause.downcast_ref::<Error>() {
                Some(Error::Io { path, cause }) => {
                    crate::msg!(
                        lang,
                        "labelled",
                        label = path.display(),
                        message = system(cause)
                    )
                }
                Some(own) => own.render(lang),
                None => cause.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(crate::messages::text(lang, "cause-separator"))
}

/// An operating-system error in `lang`, keeping its number for searches.
fn io_text(lang: Language, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let id = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => {
            let text = crate::messages::fill(lang, id, &[]);
            msg!(lang, "io-os-error", text = text, code = code)
        }
        None => crate::messages::fill(lang, id, &[]),
    }
}

/// Prints an error on stderr, as JSON when `json`, and returns the exit status.
pub fn report_error(err: &anyhow::Error, json: bool) -> Exit {
    let (exit, code) = error_codes(err);
    let message = chain_text(err);
    print_error(&message, code, json);
    exit
}

/// Prints a command line clap refused (or help and version, which are not
/// errors) and returns the exit status. A value one of plaint's own
/// parsers refused is reported as that error, with its exit status.
pub fn report_usage(e: &clap::Error, json: bool) -> Exit {
    use clap::error::ErrorKind;
    use std::error::Error as _;
    if let Some(own) = e.source().and_then(|s| s.downcast_ref::<Error>()) {
        print_error(&own.render(language()), own.code(), json);
        return own.exit();
    }
    if let Some(flag) = repeated_flag(e) {
        let message = msg!(language(), "flag-repeated", flag = flag);
        print_error(&message, "usage", json);
        return Exit::Usage;
    }
    let quiet = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if json && !quiet {
        let rendered = e.to_string();
        let message: Vec<&str> = rendered
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more"))
            .collect();
        let message = message.join(" ");
        print_error(message.trim_start_matches("error: "), "usage", true);
        return Exit::Usage;
    }
    let _ = e.print();
    if e.exit_code() == 0 {
        Exit::Success
    } else {
        Exit::Usage
    }
}

/// Prints a help screen clap rendered (`help_zh`), with its styles, on
/// stdout or, for the help clap shows instead of an error, stderr.
pub fn print_help_screen(text: &str, stderr: bool) {
    if stderr {
        anstream::eprint!("{text}");
    } else {
        anstream::print!("{text}");
    }
}

/// Prints a usage error already worded (the Chinese of a clap error, see
/// `help_zh`): its error document when `json`, else `error: MESSAGE`.
pub fn report_usage_text(message: &str, json: bool) {
    print_error(message, "usage", json);
}

/// The flag of a command line that gave a single-valued flag twice (clap
/// refuses it as a conflict of the flag with itself), as clap names it
/// (`--department <DEPARTMENT>`).
pub fn repeated_flag(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::ArgumentConflict {
        return None;
    }
    let name = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if v.len() == 1 => v.first().cloned(),
        _ => None,
    };
    let invalid = name(ContextKind::InvalidArg)?;
    // `--department <DEPT>`: the flag is what the person typed.
    let flag = invalid.split(' ').next().unwrap_or(&invalid).to_string();
    (name(ContextKind::PriorArg)? == invalid).then_some(flag)
}

/// Names every unreadable case file on stderr (one error document listing
/// them in `--json` mode); [`Exit::Failure`] when there is any, since the
/// answer printed without them is incomplete.
pub fn report_broken(json: bool, broken: &[Error]) -> Exit {
    if broken.is_empty() {
        return Exit::Success;
    }
    if json {
        let files: Vec<_> = broken
            .iter()
            .map(|e| match e {
                Error::BadFile { path, message } => {
                    serde_json::json!({"file": path, "message": message.render(language())})
                }
                other => serde_json::json!({"file": null, "message": other.render(language())}),
            })
            .collect();
        let mut extra = serde_json::Map::new();
        extra.insert("files".into(), files.into());
        let message = msg!(language(), "files-not-read", count = broken.len());
        print_stderr_json(&error_document(&message, "bad_file", extra));
    } else {
        let lang = language();
        for e in broken {
            let error = match e {
                Error::BadFile { path, message } => {
                    let message = message.render(lang);
                    msg!(lang, "file-error", file = path.display(), message = message)
                }
                other => other.render(lang),
            };
            warn(&msg!(lang, "skipped-file", error = error));
        }
        warn(&msg!(lang, "files-unreadable", count = broken.len()));
    }
    Exit::Failure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        let title = "T\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mRED\u{9b}1m\u{202e}x\u{7f}";
        assert_eq!(
            neutralize(title, Place::Lines, false),
            "T\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mRED\\u{9b}1m\\u{202e}x\\x7f"
        );
        assert_eq!(neutralize("a\tb\nc", Place::Lines, false), "a\tb\nc");
        assert_eq!(
            neutralize("a\tb\nc\rd", Place::Cell, false),
            "a\\x09b\nc\\x0dd"
        );
        assert!(matches!(
            neutralize("张三 plain", Place::Cell, false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn only_colour_sequences_pass_and_only_with_colour_on() {
        let look = Look {
            json: false,
            terminal: true,
            color: true,
            width: None,
        };
        let late = alarm(look, "late");
        let text = format!("{late} \u{1b}]8;;http://x\u{7}\u{1b}[30;40mhidden");
        assert_eq!(
            neutralize(&text, Place::Lines, true),
            format!("{late} \\x1b]8;;http://x\\x07\\x1b[30;40mhidden")
        );
        assert!(!neutralize(&text, Place::Lines, false).contains('\u{1b}'));
    }

    #[test]
    fn a_style_a_text_opens_ends_with_the_text() {
        let red = "\u{1b}[31m";
        assert_eq!(
            neutralize(&format!("{red}alarm"), Place::Lines, true),
            format!("{red}alarm{RESET}")
        );
        let closed = format!("{red}alarm{RESET} plain");
        assert_eq!(neutralize(&closed, Place::Lines, true), closed);
        // And a line's style ends with the line, so the next is plain.
        assert_eq!(
            neutralize(&format!("{red}one\ntwo"), Place::Lines, true),
            format!("{red}one{RESET}\ntwo")
        );
    }
}
