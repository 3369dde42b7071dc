//! Spreadsheet-safe CSV cells: the one rule every CSV writer applies and
//! `import` reverses.
//!
//! A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@`
//! (or a tab or carriage return before one) as a formula, so a title such as
//! `=HYPERLINK(...)` in an export could act when the file is opened. As the
//! OWASP guidance on CSV injection advises, such a cell is written with a
//! leading `'`, which spreadsheets hide. To keep export → import exact, a
//! cell that already starts with one or more `'` before such a character
//! gets one more; reading strips exactly one. A lone `-` (no value) stays
//! as it is.

use std::borrow::Cow;

/// Whether a cell starting with `c` would be read as a formula.
fn triggers(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Whether `cell` is quotes (possibly none) followed by a trigger. A lone
/// `-`, the "no value" of reports, is text to every spreadsheet.
fn is_risky(cell: &str) -> bool {
    let body = cell.trim_start_matches('\'');
    body != "-" && body.chars().next().is_some_and(triggers)
}

/// The cell as written to a CSV file: prefixed with `'` when a spreadsheet
/// would run it.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    if is_risky(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The original text of a cell [`defuse`] wrote.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if is_risky(rest) => rest,
        _ => cell,
    }
}

/// Writes one record with every cell defused: the way every CSV writer of
/// plaint writes a row.
pub fn write_record<W: std::io::Write, S: AsRef<str>>(
    writer: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = S>,
) -> csv::Result<()> {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|c| defuse(c.as_ref()).into_owned())
        .collect();
    writer.write_record(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_are_prefixed_and_plain_text_is_not() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\",\"click\")",
                "'=HYPERLINK(\"http://x\",\"click\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("-5", "'-5"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("导游强迫购物", "导游强迫购物"),
            ("a=b", "a=b"),
            ("'quoted'", "'quoted'"),
            ("-", "-"),
            ("'-", "'-"),
            ("", ""),
        ] {
            assert_eq!(defuse(text), written, "{text:?}");
            assert_eq!(restore(written), text, "{written:?}");
        }
    }

    proptest! {
        #[test]
        fn restore_undoes_defuse(text in "['=+@\\-\t\ra-z张 ]{0,8}") {
            let written = defuse(&text);
            prop_assert_eq!(restore(&written), text.as_str());
            prop_assert!(written == "-" || !written.chars().next().is_some_and(triggers));
        }
    }
}
