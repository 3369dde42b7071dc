//! The provincial export: an office's cases, their history and their
//! deadlines as of a day, as Apache Parquet tables a province reads with
//! DuckDB (or Spark, Trino) over many offices at once.
//!
//! One file per table and year of receipt, laid out the Hive way
//! (`office=CODE/year=YYYY/cases.parquet`): the office and the year are
//! the folder names, not columns of the files. Aggregates of the
//! publication only: no complainant, contact or free text is written.
//! The figures are those `report` counts: the deadline states are
//! [`crate::deadline`]'s, and the per-case facts (accepted, days to close,
//! standing satisfaction, ...) are computed by the same functions
//! [`super::report`] uses. Pure: the files come back as bytes; writing
//! them is the caller's.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int32Builder, StringBuilder, TimestampSecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use chrono::{Datelike, NaiveDate};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::stats::{self, CLOSING_ROLES};
use crate::error::{Error, Result};
use crate::model::{Case, Event, EventKind};
use crate::policy::{Language, Policy, Role, code_label};
use crate::query::Row;
use crate::storage::{Snapshot, Workspace};

/// The version of the tables' layout, in each file's metadata
/// (`plaint.schema_version`); raised when a column changes meaning or
/// goes away (added columns keep it).
pub const SCHEMA_VERSION: u32 = 1;

/// The tables, in the order they are written.
pub const TABLES: [&str; 3] = ["cases", "events", "deadlines"];

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Moment,
    Int,
    Flag,
}

/// One value of a row, in its column's kind.
#[derive(Clone, Debug)]
enum Val {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Moment(i64),
    Int(Option<i64>),
    Flag(bool),
}

/// A column: its name, kind and whether it may be empty.
type Spec = (&'static str, Kind, bool);

const CASES: &[Spec] = &[
    ("case_id", Kind::Text, false),
    ("received", Kind::Moment, false),
    ("received_date", Kind::Date, false),
    ("preset", Kind::Text, false),
    ("status", Kind::Text, false),
    ("status_label", Kind::Text, false),
    ("status_role", Kind::Text, true),
    ("open", Kind::Flag, false),
    ("accepted", Kind::Flag, false),
    ("category", Kind::Text, true),
    ("category_label", Kind::Text, true),
    ("channel", Kind::Text, true),
    ("channel_label", Kind::Text, true),
    ("department", Kind::Text, true),
    ("departments_concerned", Kind::Text, true),
    ("respondent", Kind::Text, true),
    ("assignee", Kind::Text, true),
    ("priority", Kind::Text, false),
    ("outcome", Kind::Text, true),
    ("outcome_label", Kind::Text, true),
    ("rejection_reason", Kind::Text, true),
    ("rejection_reason_label", Kind::Text, true),
    ("satisfaction", Kind::Text, true),
    ("forced_extensions", Kind::Int, false),
    ("workdays_to_close", Kind::Int, true),
    ("deadlines_error", Kind::Text, true),
];

const EVENTS: &[Spec] = &[
    ("case_id", Kind::Text, false),
    ("seq", Kind::Int, false),
    ("at", Kind::Moment, false),
    ("date", Kind::Date, false),
    ("action", Kind::Text, false),
    ("by", Kind::Text, false),
    ("from_status", Kind::Text, true),
    ("to_status", Kind::Text, true),
    ("reason", Kind::Text, true),
    ("milestone", Kind::Text, true),
    ("rule", Kind::Text, true),
    ("forced", Kind::Flag, false),
];

const DEADLINES: &[Spec] = &[
    ("case_id", Kind::Text, false),
    ("rule", Kind::Text, false),
    ("rule_label", Kind::Text, false),
    ("kind", Kind::Text, false),
    ("kind_label", Kind::Text, false),
    ("source", Kind::Text, true),
    ("start", Kind::Date, true),
    ("due", Kind::Date, true),
    ("state", Kind::Text, false),
    ("state_label", Kind::Text, false),
    ("stopped", Kind::Date, true),
    ("as_of", Kind::Date, false),
    ("days_left", Kind::Int, true),
    ("workdays_left", Kind::Int, true),
    ("workdays_taken", Kind::Int, true),
    ("extensions", Kind::Int, false),
    ("provisional", Kind::Flag, false),
];

/// The rows of one year of receipt, table by table.
#[derive(Debug, Default)]
struct Year {
    cases: Vec<Vec<Val>>,
    events: Vec<Vec<Val>>,
    deadlines: Vec<Vec<Val>>,
}

/// The rows of the export, per year of receipt.
#[derive(Debug, Default)]
pub struct Rows {
    years: BTreeMap<i32, Year>,
}

impl Rows {
    /// Adds one case with its deadlines as of `today`.
    pub fn add(&mut self, ws: &Workspace, row: &Row, today: NaiveDate) {
        let case = row.case;
        let year = case.received.with_timezone(&ws.offset).year();
        let part = self.years.entry(year).or_default();
        part.cases.push(case_row(ws, row));
        for (i, event) in case.history.iter().enumerate() {
            part.events.push(event_row(ws, case, i, event));
        }
        for d in &row.deadlines {
            part.deadlines.push(deadline_row(ws, case, d, today));
        }
    }

    /// The rows of both parts.
    pub fn merge(mut self, other: Rows) -> Rows {
        for (year, part) in other.years {
            let mine = self.years.entry(year).or_default();
            mine.cases.extend(part.cases);
            mine.events.extend(part.events);
            mine.deadlines.extend(part.deadlines);
        }
        self
    }
}

/// One written file: its path under the office's folder
/// (`year=YYYY/cases.parquet`), its bytes, and its row count.
#[derive(Debug)]
pub struct File {
    /// The path under `office=CODE/`.
    pub path: String,
    /// The year of receipt its rows belong to.
    pub year: i32,
    /// The table: `cases`, `events` or `deadlines`.
    pub table: &'static str,
    /// How many rows it holds.
    pub rows: usize,
    /// The Parquet file.
    pub bytes: Vec<u8>,
}

/// What the export of one office holds.
#[derive(Debug)]
pub struct Export {
    /// The files, year by year, each year's three tables.
    pub files: Vec<File>,
    /// The case files that could not be read (left out).
    pub broken: Vec<Error>,
}

/// Reads every case of `snapshot` that `keep` keeps, evaluates its
/// deadlines as of `today`, and encodes the tables of office `office`.
pub fn export(
    ws: &Workspace,
    snapshot: &Snapshot,
    office: &str,
    today: NaiveDate,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Result<Export> {
    let (rows, broken) = crate::query::fold(
        ws,
        snapshot,
        today,
        |_, _| true,
        Rows::default,
        |rows, row| {
            if keep(row.case) {
                rows.add(ws, row, today);
            }
        },
        Rows::merge,
    );
    let meta = Meta {
        office,
        today,
        tz: ws.settings.timezone.clone(),
        preset: ws.settings.preset.clone(),
    };
    let mut files = Vec::new();
    for (year, mut part) in rows.years {
        sort_rows(&mut part);
        for (table, spec, rows) in [
            ("cases", CASES, part.cases),
            ("events", EVENTS, part.events),
            ("deadlines", DEADLINES, part.deadlines),
        ] {
            let count = rows.len();
            let bytes = encode(table, spec, rows, &meta)?;
            files.push(File {
                path: format!("year={year}/{table}.parquet"),
                year,
                table,
                rows: count,
                bytes,
            });
        }
    }
    Ok(Export { files, broken })
}

/// Rows in case-ID order (events by their place in the history, deadlines
/// by rule), so the same workspace gives the same files.
fn sort_rows(part: &mut Year) {
    let key = |row: &Vec<Val>, at: usize| match &row[at] {
        Val::Text(Some(s)) => s.clone(),
        Val::Int(Some(n)) => format!("{n:012}"),
        _ => String::new(),
    };
    part.cases.sort_by_key(|r| key(r, 0));
    part.events.sort_by_key(|r| (key(r, 0), key(r, 1)));
    part.deadlines.sort_by_key(|r| (key(r, 0), key(r, 1)));
}

fn text(value: impl Into<String>) -> Val {
    Val::Text(Some(value.into()))
}

fn maybe(value: Option<impl Into<String>>) -> Val {
    Val::Text(value.map(Into::into))
}

fn int(value: impl TryInto<i64>) -> Val {
    Val::Int(value.try_into().ok())
}

/// A code's label among `codes`, when there is a code.
fn label(codes: &[crate::policy::Code], code: Option<&str>, lang: Language) -> Val {
    maybe(code.map(|c| code_label(codes, c, lang)))
}

fn case_row(ws: &Workspace, row: &Row) -> Vec<Val> {
    let (case, policy, lang) = (row.case, &ws.policy, ws.policy.language);
    let role = policy.role(&case.status);
    let reason = (role == Some(Role::Rejected))
        .then(|| rejection_reason(case))
        .flatten();
    let concerned = case.departments().join(";");
    let accepted = stats::first_reached(case, policy, &[Role::Accepted], ws.offset).is_some();
    let days = stats::workdays_until(case, policy, &CLOSING_ROLES, &ws.calendar, ws.offset);
    vec![
        text(case.id.as_str()),
        Val::Moment(case.received.timestamp()),
        Val::Date(Some(case.received.with_timezone(&ws.offset).date_naive())),
        text(policy.preset.as_str()),
        text(case.status.as_str()),
        text(policy.state_label(&case.status, lang)),
        maybe(role.map(Role::as_str)),
        Val::Flag(policy.is_open(&case.status)),
        Val::Flag(accepted),
        maybe(case.category.as_deref()),
        label(&policy.categories, case.category.as_deref(), lang),
        maybe(case.channel.as_deref()),
        label(&policy.channels, case.channel.as_deref(), lang),
        maybe(case.department.as_deref()),
        maybe(Some(concerned.as_str()).filter(|d| !d.is_empty())),
        maybe(case.respondent_name()),
        maybe(case.assignee.as_deref()),
        text(case.priority.as_str()),
        maybe(case.outcome.as_deref()),
        label(&policy.outcomes, case.outcome.as_deref(), lang),
        maybe(reason),
        label(&policy.rejection_reasons, reason, lang),
        maybe(stats::standing_satisfaction(case, policy).map(crate::model::Satisfaction::as_str)),
        int(forced_extensions(case)),
        Val::Int(days),
        maybe(row.error.as_deref()),
    ]
}

/// The reason given when the case moved into its current (rejected)
/// state, as `report` counts it.
fn rejection_reason(case: &Case) -> Option<&str> {
    case.move_into_status()?.reason.as_deref()
}

/// Extensions recorded with `--force` beyond what the rule's source
/// allows, as `report` counts them.
fn forced_extensions(case: &Case) -> usize {
    case.history
        .iter()
        .filter(|e| {
            matches!(e.what, EventKind::Extended(_))
                && e.forced
                    .iter()
                    .any(|f| f == crate::model::event::FORCED_EXTENSION)
        })
        .count()
}

fn event_row(ws: &Workspace, case: &Case, i: usize, event: &Event) -> Vec<Val> {
    let moved = event.status_move();
    let rule = match &event.what {
        EventKind::Extended(x) => Some(x.rule.as_str()),
        _ => None,
    };
    vec![
        text(case.id.as_str()),
        int(i + 1),
        Val::Moment(event.at.timestamp()),
        Val::Date(Some(event.at.with_timezone(&ws.offset).date_naive())),
        text(event.action().as_str()),
        text(event.by.as_str()),
        maybe(moved.and_then(|m| m.from.as_deref())),
        maybe(event.moved_to()),
        maybe(moved.and_then(|m| m.reason.as_deref())),
        maybe(event.milestone()),
        maybe(rule),
        Val::Flag(!event.forced.is_empty()),
    ]
}

fn deadline_row(
    ws: &Workspace,
    case: &Case,
    d: &crate::deadline::Deadline,
    today: NaiveDate,
) -> Vec<Val> {
    let lang = ws.policy.language;
    vec![
        text(case.id.as_str()),
        text(d.rule.as_str()),
        text(rule_label(&ws.policy, &d.rule, lang)),
        text(d.kind.as_str()),
        text(d.kind.label(lang)),
        maybe(
            d.source
                .as_deref()
                .map(|s| crate::policy::source_in(lang, s)),
        ),
        Val::Date(d.start),
        Val::Date(d.due),
        text(d.state.as_str()),
        text(d.state.label(lang)),
        Val::Date(d.stopped),
        Val::Date(Some(today)),
        Val::Int(d.days_left),
        Val::Int(d.workdays_left),
        Val::Int(workdays_taken(ws, d, today)),
        int(d.extensions.len()),
        Val::Flag(d.provisional),
    ]
}

/// Working days from the start to the stop, or to `today` while the
/// deadline runs; `None` when the start is not known.
fn workdays_taken(ws: &Workspace, d: &crate::deadline::Deadline, today: NaiveDate) -> Option<i64> {
    let start = d.start?;
    let end = d.stopped.unwrap_or(today).max(start);
    ws.calendar
        .workdays_between(start, end)
        .ok()
        .map(|c| c.value)
}

/// A deadline rule's name as the workspace's language gives it.
fn rule_label(policy: &Policy, rule: &str, lang: Language) -> String {
    match policy.deadlines.iter().find(|r| r.name == rule) {
        Some(r) => crate::policy::pick(lang, &r.en, &r.zh).to_string(),
        None if rule == "promise" => crate::messages::text(lang, "promise-rule").to_string(),
        None => rule.to_string(),
    }
}

/// What each file's metadata says besides its schema.
struct Meta<'a> {
    office: &'a str,
    today: NaiveDate,
    tz: String,
    preset: String,
}

/// One table's rows as a Parquet file (Snappy-compressed).
fn encode(table: &str, spec: &[Spec], rows: Vec<Vec<Val>>, meta: &Meta) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::invalid(crate::said!("parquet-encode", table = table, error = e))
    };
    let schema = Arc::new(schema(spec, &meta.tz));
    let columns = columns(spec, rows, &meta.tz);
    let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| fail(&e))?;
    let info = [
        ("plaint.schema_version", SCHEMA_VERSION.to_string()),
        ("plaint.table", table.to_string()),
        ("plaint.office", meta.office.to_string()),
        ("plaint.as_of", meta.today.to_string()),
        ("plaint.preset", meta.preset.clone()),
        ("plaint.timezone", meta.tz.clone()),
    ];
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("plaint {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(
            info.into_iter()
                .map(|(k, v)| KeyValue::new(k.to_string(), v))
                .collect(),
        ))
        .build();
    let mut bytes = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut bytes, schema, Some(props)).map_err(|e| fail(&e))?;
    writer.write(&batch).map_err(|e| fail(&e))?;
    writer.close().map_err(|e| fail(&e))?;
    Ok(bytes)
}

/// The Arrow schema of a table; moments carry the office's offset.
fn schema(spec: &[Spec], tz: &str) -> Schema {
    Schema::new(
        spec.iter()
            .map(|(name, kind, nullable)| {
                let ty = match kind {
                    Kind::Text => DataType::Utf8,
                    Kind::Date => DataType::Date32,
                    Kind::Moment => DataType::Timestamp(TimeUnit::Second, Some(tz.into())),
                    Kind::Int => DataType::Int32,
                    Kind::Flag => DataType::Boolean,
                };
                Field::new(*name, ty, *nullable)
            })
            .collect::<Vec<_>>(),
    )
}

/// The rows turned into one Arrow array per column.
fn columns(spec: &[Spec], rows: Vec<Vec<Val>>, tz: &str) -> Vec<ArrayRef> {
    let mut cols: Vec<Vec<Val>> = spec
        .iter()
        .map(|_| Vec::with_capacity(rows.len()))
        .collect();
    for row in rows {
        debug_assert_eq!(row.len(), spec.len(), "a row of every column");
        for (col, value) in cols.iter_mut().zip(row) {
            col.push(value);
        }
    }
    spec.iter()
        .zip(cols)
        .map(|((_, kind, _), values)| array(*kind, values, tz))
        .collect()
}

fn array(kind: Kind, values: Vec<Val>, tz: &str) -> ArrayRef {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch");
    let days = |d: NaiveDate| i32::try_from((d - epoch).num_days()).ok();
    match kind {
        Kind::Text => {
            let mut b = StringBuilder::new();
            values.into_iter().for_each(|v| match v {
                Val::Text(s) => b.append_option(s),
                _ => b.append_null(),
            });
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::new();
            values.into_iter().for_each(|v| match v {
                Val::Date(d) => b.append_option(d.and_then(days)),
                _ => b.append_null(),
            });
            Arc::new(b.finish())
        }
        Kind::Moment => {
            let mut b = TimestampSecondBuilder::new().with_timezone(tz);
            values.into_iter().for_each(|v| match v {
                Val::Moment(s) => b.append_value(s),
                _ => b.append_null(),
            });
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int32Builder::new();
            values.into_iter().for_each(|v| match v {
                Val::Int(n) => b.append_option(n.and_then(|n| i32::try_from(n).ok())),
                _ => b.append_null(),
            });
            Arc::new(b.finish())
        }
        Kind::Flag => {
            let mut b = BooleanBuilder::new();
            values.into_iter().for_each(|v| match v {
                Val::Flag(f) => b.append_value(f),
                _ => b.append_null(),
            });
            Arc::new(b.finish())
        }
    }
}

/// The documented columns of `table`, `(name, type, nullable)`, for the
/// test that holds the manual to the files.
pub fn columns_of(table: &str) -> Vec<(&'static str, &'static str, bool)> {
    let spec = match table {
        "cases" => CASES,
        "events" => EVENTS,
        _ => DEADLINES,
    };
    spec.iter()
        .map(|(name, kind, nullable)| {
            let ty = match kind {
                Kind::Text => "string",
                Kind::Date => "date",
                Kind::Moment => "timestamp",
                Kind::Int => "int32",
                Kind::Flag => "boolean",
            };
            (*name, ty, *nullable)
        })
        .collect()
}
