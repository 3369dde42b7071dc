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

use std::path::Path;

use serde::Serialize;

use crate::messages::Language;
use crate::messages::said::Text;

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
    pub message: Text,
}

impl RowError {
    /// A problem with `field` of record `row`.
    pub fn field(row: u64, field: &str, message: impl Into<Text>) -> Self {
        RowError {
            row,
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    /// A problem with record `row` as a whole.
    pub fn row(row: u64, message: impl Into<Text>) -> Self {
        RowError {
            row,
            field: None,
            message: message.into(),
        }
    }
}

impl RowError {
    /// The problem as one line in `lang`: `row 3, phone: …`.
    pub fn render(&self, lang: Language) -> String {
        let (row, message) = (self.row, self.message.render(lang));
        match self
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
        }
    }

    /// The same problem with its message rendered in `lang`, for a JSON
    /// report.
    #[must_use]
    pub fn rendered(&self, lang: Language) -> Self {
        RowError {
            row: self.row,
            field: self.field.clone(),
            message: Text::Plain(self.message.render(lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's problem is data: the same value reads in English and in
    /// Chinese, whatever language the process speaks, and a field's value
    /// is never read for placeholders.
    #[test]
    fn a_record_problem_is_told_in_either_language_from_one_value() {
        let fields: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(r#"{"{fields}": "x"}"#).unwrap();
        let errors = records::to_draft(3, fields).unwrap_err();
        assert_eq!(errors.len(), 1);
        let en = errors[0].render(Language::En);
        let zh = errors[0].render(Language::Zh);
        assert!(
            en.starts_with("row 3, field {fields}: unknown field; fields are: schema, id, title, "),
            "{en}"
        );
        assert!(
            zh.starts_with("第 3 行，字段 {fields}：未知的字段；可用的字段：schema、id、title、"),
            "{zh}"
        );
        // A JSON reply carries the message as rendered for the workspace.
        let rendered = errors[0].rendered(Language::Zh);
        assert_eq!(
            rendered.message.english(),
            errors[0].message.render(Language::Zh)
        );
    }
}
