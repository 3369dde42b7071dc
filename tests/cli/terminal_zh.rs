//! The terminal in Chinese: tables on a real colour terminal of several
//! widths, a zh workspace that answers in zh, codes typed as their labels.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

use crate::support::Ws;

/// `text` without ANSI escape sequences (CSI and OSC) and carriage returns.
fn strip_terminal(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for c in chars.by_ref() {
                        if c == '\u{7}' {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs plaint with `args` on a pseudo-terminal `width` columns wide (via
/// `script`), colour on; returns what the terminal received, or `None`
/// when `script` is not installed.
fn on_terminal(ws: &Ws, width: usize, args: &str) -> Option<String> {
    let plaint = env!("CARGO_BIN_EXE_plaint");
    let line = format!("stty cols {width} rows 60; '{plaint}' {args} 2>/dev/null");
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(ws.root())
        .env_remove("NO_COLOR")
        .env_remove("PLAINT_WORKSPACE")
        .env_remove("PLAINT_TODAY")
        .env("TERM", "xterm-256color")
        .env("PLAINT_USER", "tester")
        .env("PLAINT_NOW", "2026-11-27 10:00")
        .env("HOME", ws.root().join(".home"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn list_on_a_colour_terminal_fits_80_100_and_160_columns_without_escape_fragments() {
    let ws = Ws::example("tourism");
    for width in [80, 100, 160] {
        let Some(raw) = on_terminal(&ws, width, "list --today 2026-11-27") else {
            eprintln!("`script` is not installed; terminal rendering not tested");
            return;
        };
        assert!(raw.contains("\u{1b}["), "colour is on at {width}:\n{raw}");
        let screen = strip_terminal(&raw);
        assert!(
            !screen.contains("0m"),
            "escape fragments at {width}:\n{screen}"
        );
        let widths: Vec<usize> = screen.lines().map(UnicodeWidthStr::width).collect();
        assert!(
            widths.iter().all(|&w| w == widths[0] && w <= width),
            "lines of different widths at {width}: {widths:?}\n{screen}"
        );
        for id in ["20261109-8C282", "20261117-KKDVB"] {
            assert!(screen.contains(id), "{id} whole at {width}:\n{screen}");
        }
        insta::assert_snapshot!(format!("list_terminal_{width}"), screen);
    }
}
