//! Reading a batch as a stream of records, one JSON object of draft fields
//! each, whatever the format; and checking a record's fields and types
//! against the draft.
//!
//! JSON arrays, JSONL and CSV are parsed record by record from the reader
//! (a 100 MB array never sits in memory whole). YAML has no streaming
//! parser, so a YAML batch is read whole, up to [`MAX_YAML_BYTES`]. A
//! problem inside one record is reported with its row and the run goes on;
//! a problem that makes the rest unreadable (a syntax error, text that is
//! not UTF-8) stops the read.

use std::io::{BufRead, Read};

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::csvmap::{ColumnMap, Columns};
use super::input::encoding_hint;
use super::{Format, RowError};
use crate::error::{Error, Result};
use crate::model::Draft;
use crate::model::draft::DRAFT_FIELDS;

pub use crate::limits::MAX_YAML_BYTES;

/// The fields of one record, or what is wrong with it.
pub type Fields = std::result::Result<Map<String, Value>, Vec<RowError>>;

/// One record of a batch.
#[derive(Debug)]
pub struct Record {
    /// Its row (see [`RowError::row`]).
    pub row: u64,
    /// Its fields.
    pub fields: Fields,
}

/// How to read a batch.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions<'a> {
    /// The format.
    pub format: Format,
    /// Header names for CSV columns named otherwise.
    pub map: Option<&'a ColumnMap>,
    /// Leave unknown CSV columns out instead of refusing them.
    pub ignore_unknown: bool,
}

/// The callback that receives each record; an error stops the read.
pub type Each<'f> = dyn FnMut(Record) -> Result<()> + 'f;

/// Reads every record of `input` in order, handing each to `each`.
pub fn read_records(input: impl BufRead, options: ReadOptions, each: &mut Each) -> Result<()> {
    match options.format {
        Format::Csv => read_csv(input, options, each),
        Format::Json => read_json(input, each),
        Format::Jsonl => read_jsonl(input, each),
        Format::Yaml => read_yaml(input, each),
    }
}

fn read_csv(input: impl Read, options: ReadOptions, each: &mut Each) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header: csv::StringRecord = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(crate::csvcell::restore)
        .collect();
    let names: Vec<&str> = header.iter().collect();
    let columns = match Columns::resolve(&names, options.map, options.ignore_unknown) {
        Ok(columns) => columns,
        Err(errors) => {
            // A bad header makes every row wrong; report the header alone.
            return each(Record {
                row: 1,
                fields: Err(errors),
            });
        }
    };
    let mut cells = csv::StringRecord::new();
    let mut row = 1;
    while reader.read_record(&mut cells).map_err(csv_error)? {
        row += 1;
        let fields = if cells.len() != columns.len() {
            Err(vec![RowError::row(
                row,
                crate::said!(
                    "import-cell-count",
                    cells = cells.len(),
                    columns = columns.len()
                ),
            )])
        } else {
            // Undo the spreadsheet protection of plaint's own exports.
            let restored: csv::StringRecord = cells.iter().map(crate::csvcell::restore).collect();
            columns.record(row, &restored)
        };
        each(Record { row, fields })?;
    }
    Ok(())
}

fn csv_error(e: csv::Error) -> Error {
    let row = e.position().map(|p| p.record() + 1);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => encoding_hint(),
        _ => crate::said!("import-not-csv", error = e),
    };
    Error::Invalid(match row {
        Some(row) => crate::said!("row-error", row = row, message = message).into(),
        None => message.into(),
    })
}

fn read_jsonl(mut input: impl BufRead, each: &mut Each) -> Result<()> {
    let mut line = String::new();
    let mut row = 0;
    loop {
        line.clear();
        let n = input.read_line(&mut line).map_err(read_error)?;
        if n == 0 {
            return Ok(());
        }
        row += 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields = match serde_json::from_str::<Value>(&line) {
            Ok(value) => object_of(row, value),
            Err(e) => Err(vec![RowError::row(
                row,
                crate::said!("import-not-json-object", error = parser_arg(&e)),
            )]),
        };
        each(Record { row, fields })?;
    }
}

fn read_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::InvalidData {
        Error::invalid(crate::said!(
            "import-not-utf8-because",
            hint = encoding_hint(),
            text = e
        ))
    } else {
        Error::invalid(crate::said!("import-read-failed", error = e))
    }
}

fn read_json(input: impl Read, each: &mut Each) -> Result<()> {
    let mut failure = None;
    let mut de = serde_json::Deserializer::from_reader(input);
    let parsed = serde::Deserializer::deserialize_any(
        &mut de,
        Elements {
            each,
            failure: &mut failure,
        },
    );
    if let Some(e) = failure {
        return Err(e);
    }
    parsed.and_then(|()| de.end()).map_err(|e| {
        if e.is_io() || e.to_string().contains("unicode") {
            return Error::invalid(crate::said!(
                "import-not-json-array-not-utf8",
                error = parser_arg(&e),
                hint = encoding_hint()
            ));
        }
        Error::invalid(crate::said!(
            "import-not-json-array",
            error = parser_arg(&e),
            hint = ""
        ))
    })
}

/// Streams the elements of the top-level JSON array (or the one object).
struct Elements<'a, 'f> {
    each: &'a mut Each<'f>,
    failure: &'a mut Option<Error>,
}

impl Elements<'_, '_> {
    fn give<E: de::Error>(&mut self, row: u64, value: Value) -> std::result::Result<(), E> {
        let record = Record {
            row,
            fields: object_of(row, value),
        };
        (self.each)(record).map_err(|e| {
            *self.failure = Some(e);
            E::custom("stopped")
        })
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON array of case objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> std::result::Result<(), A::Error> {
        let mut row = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            row += 1;
            self.give(row, value)?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> std::result::Result<(), A::Error> {
        let value = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.give(1, value)
    }
}

fn read_yaml(input: impl Read, each: &mut Each) -> Result<()> {
    let mut text = String::new();
    input
        .take(MAX_YAML_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(read_error)?;
    if text.len() as u64 > MAX_YAML_BYTES {
        return Err(Error::invalid(crate::said!(
            "import-yaml-too-large",
            mib = MAX_YAML_BYTES / 1024 / 1024
        )));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    let not_a_list = |error: crate::messages::said::Arg| {
        Error::invalid(crate::said!("import-not-yaml-list", error = error))
    };
    crate::limits::check_nesting(&text)
        .map_err(|e| Error::invalid(crate::said!("import-not-yaml-list", error = e)))?;
    let mut row = 0;
    for document in serde_yaml::Deserializer::from_str(&text) {
        let value = Value::deserialize(document)
            .map_err(|e| not_a_list(crate::yaml_error::yaml_arg(&e)))?;
        let values = match value {
            Value::Null => continue,
            Value::Array(items) => items,
            other => vec![other],
        };
        for value in values {
            row += 1;
            each(Record {
                row,
                fields: object_of(row, value),
            })?;
        }
    }
    Ok(())
}

fn object_of(row: u64, value: Value) -> Fields {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(vec![RowError::row(
            row,
            crate::said!("import-not-object", kind = kind(&other)),
        )]),
    }
}

fn kind(value: &Value) -> crate::messages::said::Said {
    let id = match value {
        Value::Null => "kind-null",
        Value::Bool(_) => "kind-boolean",
        Value::Number(_) => "kind-number",
        Value::String(_) => "kind-string",
        Value::Array(_) => "kind-list",
        Value::Object(_) => "kind-object",
    };
    crate::messages::said::Said::new(id)
}

/// A parser's error, told in the language of the sentence it goes in.
fn parser_arg(e: &dyn std::fmt::Display) -> crate::messages::said::Arg {
    crate::yaml_error::parser_arg(&e.to_string())
}

/// Checks a record's field names and value types and makes it a draft;
/// lists every unknown field and every field of the wrong type.
pub fn to_draft(row: u64, fields: Map<String, Value>) -> std::result::Result<Draft, Vec<RowError>> {
    let unknown: Vec<RowError> = fields
        .keys()
        .filter(|k| !crate::model::draft::is_field(k))
        .map(|k| RowError::field(row, k, crate::said!("import-unknown-field")))
        .collect();
    if !unknown.is_empty() {
        let mut errors = unknown;
        let last = errors.len() - 1;
        errors[last].message = crate::said!(
            "import-unknown-field-list",
            fields = crate::messages::said::Arg::list(DRAFT_FIELDS)
        )
        .into();
        return Err(errors);
    }
    let object = Value::Object(fields);
    match Draft::deserialize(&object) {
        Ok(draft) => Ok(draft),
        Err(whole) => Err(type_errors(row, &object, whole)),
    }
}

/// Finds the fields that made a draft unreadable by trying each alone.
fn type_errors(row: u64, object: &Value, whole: serde_json::Error) -> Vec<RowError> {
    let Value::Object(fields) = object else {
        return vec![RowError::row(
            row,
            crate::said!("as-is", text = parser_arg(&whole)),
        )];
    };
    let errors: Vec<RowError> = fields
        .iter()
        .filter_map(|(key, value)| {
            let single = Value::Object(Map::from_iter([(key.clone(), value.clone())]));
            Draft::deserialize(&single)
                .err()
                .map(|e| RowError::field(row, key, crate::said!("as-is", text = parser_arg(&e))))
        })
        .collect();
    if errors.is_empty() {
        vec![RowError::row(
            row,
            crate::said!("as-is", text = parser_arg(&whole)),
        )]
    } else {
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(format: Format, text: &str) -> Vec<Record> {
        let mut out = Vec::new();
        let options = ReadOptions {
            format,
            map: None,
            ignore_unknown: false,
        };
        read_records(text.as_bytes(), options, &mut |r| {
            out.push(r);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn every_format_gives_the_same_records() {
        let want = serde_json::json!({"received": "2026-11-29", "title": "t"});
        for (format, text) in [
            (Format::Csv, "received,title\n2026-11-29,t\n"),
            (
                Format::Json,
                r#"[{"received": "2026-11-29", "title": "t"}]"#,
            ),
            (
                Format::Jsonl,
                "{\"received\": \"2026-11-29\", \"title\": \"t\"}\n\n",
            ),
            (Format::Yaml, "- received: 2026-11-29\n  title: t\n"),
            (Format::Yaml, "received: 2026-11-29\ntitle: t\n---\n"),
        ] {
            let got = records(format, text);
            assert_eq!(got.len(), 1, "{format:?}");
            let fields = got.into_iter().next().unwrap().fields.unwrap();
            assert_eq!(Value::Object(fields), want, "{format:?}");
        }
    }

    /// An endless JSON array: `[{"received":"2026-11-29"},{...},...`.
    struct Endless {
        started: bool,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let item: &[u8] = if self.started {
                b",{\"received\":\"2026-11-29\"}"
            } else {
                self.started = true;
                b"[{\"received\":\"2026-11-29\"}"
            };
            let n = item.len().min(buf.len());
            buf[..n].copy_from_slice(&item[..n]);
            Ok(n)
        }
    }

    #[test]
    fn a_json_array_is_streamed_not_read_whole() {
        let options = ReadOptions {
            format: Format::Json,
            map: None,
            ignore_unknown: false,
        };
        let mut seen = 0;
        let input = std::io::BufReader::new(Endless { started: false });
        let result = read_records(input, options, &mut |record| {
            assert!(record.fields.is_ok());
            seen += 1;
            if seen == 10_000 {
                return Err(Error::invalid("enough"));
            }
            Ok(())
        });
        assert_eq!(result.unwrap_err().to_string(), "enough");
        assert_eq!(seen, 10_000);
    }

    #[test]
    fn wrong_types_are_named_by_field() {
        let fields = serde_json::json!({"title": 5, "tags": "x", "facts": "ok"});
        let Value::Object(map) = fields else {
            unreachable!()
        };
        let errors = to_draft(3, map).unwrap_err();
        let names: Vec<_> = errors.iter().map(|e| e.field.clone().unwrap()).collect();
        assert_eq!(names, ["title", "tags"]);
    }
}
