//! Batch transfer of cases for scripts: `import` of CSV, JSON, JSONL or
//! YAML batches, all or nothing and idempotent, and `export` to the same
//! formats.
//!
//! The pieces, in the order data flows through an import:
//! - [`input`]: bytes to UTF-8 text (BOM, GB18030, binary and empty files);
//! - [`records`]: text to records, one JSON object of draft fields each,
//!   streamed so a large batch never sits in memory whole;
//! - [`csvmap`]: CSV headers to draft fields (`--map`), and back for export;
//! - [`import`]: validating every record, then staging and committing;
//! - [`export`]: cases to the same formats, round-trip exact.

pub mod csvmap;
pub mod export;
pub mod import;
pub mod input;
pub mod records;

use std::fmt;
use std::path::Path;

use serde::Serialize;

/// A batch file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of case objects (or one object).
    Json,
    /// One JSON case object per line.
    Jsonl,
    /// A YAML list of cases, or a stream of `---`-separated documents.
    Yaml,
}

impl Format {
    /// The format named by a file's extension, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// The format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Yaml => "yaml",
        }
    }
}

/// A problem with one record of a batch (or with the CSV header, row 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// The record: the spreadsheet row for CSV (the header is row 1), the
    /// line for JSONL, the position (from 1) in a JSON array or YAML list.
    pub row: u64,
    /// The field or column concerned, when there is one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl RowError {
    /// A problem with `field` of record `row`.
    pub fn field(row: u64, field: &str, message: impl Into<String>) -> Self {
        RowError {
            row,
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    /// A problem with record `row` as a whole.
    pub fn row(row: u64, message: impl Into<String>) -> Self {
        RowError {
            row,
            field: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = crate::messages::language();
        let (row, message) = (self.row, &self.message);
        let text = match self
            .field
            .as_deref()
            .filter(|f| *f != crate::intake::WHOLE_CASE)
        {
            Some(field) => crate::msg!(
                lang,
                "row-field-error",
                row = row,
                field = field,
                message = message
            ),
            None => crate::msg!(lang, "row-error", row = row, message = message),
        };
        f.write_str(&text)
    }
}
