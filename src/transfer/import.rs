//! Importing a batch: every record is validated (with the same rules as
//! `register --from`) before anything is written; then the batch is staged
//! and committed in one step, so it appears whole or not at all.
//!
//! `external_ref` (or the `id` of an exported case) makes an import
//! idempotent: a record whose case is already in the workspace is skipped,
//! or with `update` merged into it as an `edited` event naming the changed
//! fields. Valid records are staged as they are read, in chunks, so memory
//! stays bounded however large the batch.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};

use super::RowError;
use super::records::{ReadOptions, Record, read_records, to_draft};
use crate::error::{Error, Result};
use crate::intake::{Intake, build_case, check_against_policy};
use crate::messages::said::IntoArg;
use crate::model::{Action, Case, CaseId, Event, EventKind};
use crate::policy::workflow;
use crate::storage::Workspace;
use crate::storage::staging::Staging;

/// Valid cases are staged in chunks of this many.
const CHUNK: usize = 512;

/// How to import.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// How to read the input.
    pub read: ReadOptions<'a>,
    /// Merge records into existing cases instead of skipping them.
    pub update: bool,
    /// Report what would happen; write nothing.
    pub dry_run: bool,
    /// Keep records that lack what their state needs, marked as such.
    pub force: bool,
    /// The acting officer.
    pub by: &'a str,
    /// The handler of every case created without one (`--assignee`).
    pub assignee: Option<&'a str>,
    /// The moment of the import.
    pub now: DateTime<FixedOffset>,
}

/// What happens to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A new case.
    Create,
    /// Merged into an existing case.
    Update,
    /// Already there (or unchanged).
    Skip,
}

/// The rows shown by name in one warning; the rest are counted.
const ROWS_SHOWN: usize = 10;

/// The one warning about the rows `rows` whose new cases lack
/// `contract_end` (`notice`: what `register` says of one such case):
/// `第 2、3、4 行：没有合同结束日期：…`, the first [`ROWS_SHOWN`] rows named.
fn unchecked_rows(
    lang: crate::messages::Language,
    rows: &[u64],
    notice: Option<String>,
) -> Option<String> {
    let notice = notice?;
    let shown: Vec<String> = rows.iter().take(ROWS_SHOWN).map(u64::to_string).collect();
    let named = crate::messages::join(lang, &shown);
    Some(match rows {
        [row] => crate::msg!(lang, "row-error", row = row, message = notice),
        _ if rows.len() > ROWS_SHOWN => crate::msg!(
            lang,
            "rows-error-more",
            rows = named,
            count = rows.len(),
            message = notice
        ),
        _ => crate::msg!(lang, "rows-error", rows = named, message = notice),
    })
}

/// The verdict on one valid record.
#[derive(Clone, Debug, Serialize)]
pub struct Planned {
    /// The record's row.
    pub row: u64,
    /// What happens to it.
    pub action: Verdict,
    /// The case ID (for a dry run, only when the record or workspace fixes it).
    pub id: Option<CaseId>,
    /// The record's `external_ref`.
    pub external_ref: Option<String>,
    /// The fields an update changes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Why a record is skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Planned {
    /// The verdict `action` on record `row`, read as `case`: no fields
    /// changed, no reason given.
    fn of(row: u64, action: Verdict, id: Option<CaseId>, case: &Case) -> Planned {
        Planned {
            row,
            action,
            id,
            external_ref: case.external_ref.clone(),
            fields: Vec::new(),
            reason: None,
        }
    }
}

/// The result of an import (the manual's "`plaint import FILE|-`"), with every
/// record's verdict.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Cases created (or that a dry run would create).
    pub created: usize,
    /// Cases updated.
    pub updated: usize,
    /// Records skipped.
    pub skipped: usize,
    /// Every problem; when any, nothing was written and the counts are 0.
    pub errors: Vec<RowError>,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// The IDs of the created cases.
    pub ids: Vec<CaseId>,
    /// Notices that do not stop the import (e.g. a complaint filed late).
    pub warnings: Vec<String>,
    /// The verdict on each valid record, in input order.
    pub records: Vec<Planned>,
}

impl Report {
    /// The report with every problem rendered in `lang`, for a JSON reply.
    #[must_use]
    pub fn rendered(&self, lang: crate::messages::Language) -> Self {
        Report {
            errors: self.errors.iter().map(|e| e.rendered(lang)).collect(),
            warnings: self.warnings.clone(),
            records: self.records.clone(),
            ids: self.ids.clone(),
            ..*self
        }
    }
}

/// Imports the records of `input` into `ws`; `progress(done, total)` is
/// called while the committed files move into place. Problems with records
/// are in the report's `errors` (and then nothing was written); failures
/// that stop the read (unreadable input, I/O) are errors.
pub fn import(
    ws: &Workspace,
    input: impl BufRead,
    options: &Options,
    progress: &dyn Fn(usize, usize),
) -> Result<Report> {
    // A dry run reads only: it never needs (or waits for) the lock.
    let lock = if options.dry_run {
        None
    } else {
        Some(ws.lock()?)
    };
    let existing = Existing::scan(ws)?;
    let staging = match &lock {
        Some(lock) => Some(Staging::begin(ws, lock)?),
        None => None,
    };
    let mut planner = Planner::new(ws, *options, existing, staging);
    let read = read_records(input, options.read, &mut |record| planner.take(record));
    let result = read.and_then(|()| planner.flush());
    let Planner {
        mut report,
        staging,
        records,
        unchecked,
        ..
    } = planner;
    report.warnings.extend(unchecked_rows(
        ws.policy.language,
        &unchecked.0,
        unchecked.1,
    ));
    if let Err(e) = result {
        if let Some(staging) = staging {
            staging.abandon()?;
        }
        return Err(e);
    }
    if records == 0 {
        if let Some(staging) = staging {
            staging.abandon()?;
        }
        return Err(Error::invalid(crate::said!("import-no-records")));
    }
    report.dry_run = options.dry_run;
    if !report.errors.is_empty() {
        if let Some(staging) = staging {
            staging.abandon()?;
        }
        report.created = 0;
        report.updated = 0;
        report.skipped = 0;
        report.ids.clear();
        report.records.clear();
        return Ok(report);
    }
    if let Some(staging) = staging {
        staging.seal()?.apply(progress)?;
    }
    drop(lock);
    Ok(report)
}

/// What the workspace holds already: every ID, and the case of every
/// `external_ref`.
struct Existing {
    ids: HashMap<CaseId, Option<String>>,
    by_ref: HashMap<String, CaseId>,
}

impl Existing {
    /// One parallel read of every case file. A broken file stops the
    /// import: its `external_ref` is unknown, so it could be imported twice.
    fn scan(ws: &Workspace) -> Result<Existing> {
        let listing = ws.case_listing()?;
        let read: Vec<Result<(CaseId, Option<String>)>> = listing
            .ids
            .par_iter()
            .map(|id| ws.read_case(id).map(|c| (c.id, c.external_ref)))
            .collect();
        let mut existing = Existing {
            ids: HashMap::with_capacity(read.len()),
            by_ref: HashMap::new(),
        };
        // A misnamed `.yaml` file may hold a case too.
        let mut broken: Vec<String> = listing.strays.iter().map(ToString::to_string).collect();
        for result in read {
            match result {
                Ok((id, reference)) => {
                    if let Some(r) = &reference {
                        existing.by_ref.insert(r.clone(), id.clone());
                    }
                    existing.ids.insert(id, reference);
                }
                Err(e) => broken.push(e.to_string()),
            }
        }
        if let Some(first) = broken.first() {
            return Err(Error::invalid(crate::said!(
                "import-broken-cases",
                count = broken.len(),
                first = first
            )));
        }
        Ok(existing)
    }
}

/// Plans each record as it is read and stages the valid ones.
struct Planner<'w, 'o> {
    ws: &'w Workspace,
    options: Options<'o>,
    existing: Existing,
    /// Row of each `external_ref` seen in this batch.
    batch_refs: HashMap<String, u64>,
    /// Every ID this batch creates or names.
    batch_ids: HashSet<CaseId>,
    pending: Vec<Case>,
    staging: Option<Staging<'w>>,
    report: Report,
    records: u64,
    /// Rows of new cases without the `contract_end` the filing limit
    /// counts from, and what `register` says of such a case.
    unchecked: (Vec<u64>, Option<String>),
}

impl<'w, 'o> Planner<'w, 'o> {
    fn new(
        ws: &'w Workspace,
        options: Options<'o>,
        existing: Existing,
        staging: Option<Staging<'w>>,
    ) -> Self {
        Planner {
            ws,
            options,
            existing,
            batch_refs: HashMap::new(),
            batch_ids: HashSet::new(),
            pending: Vec::new(),
            staging,
            report: Report::default(),
            records: 0,
            unchecked: (Vec::new(), None),
        }
    }

    fn take(&mut self, record: Record) -> Result<()> {
        self.records += 1;
        let planned = match record.fields {
            Ok(fields) => self.plan(record.row, fields),
            Err(errors) => Err(errors),
        };
        match planned {
            Ok(Some(case)) => {
                self.pending.push(case);
                if self.pending.len() >= CHUNK {
                    self.flush()?;
                }
            }
            Ok(None) => {}
            Err(errors) => self.report.errors.extend(errors),
        }
        Ok(())
    }

    /// Stages the pending cases; once any record failed, nothing more is
    /// staged (the batch will be abandoned).
    fn flush(&mut self) -> Result<()> {
        if let Some(staging) = &mut self.staging
            && self.report.errors.is_empty()
        {
            staging.stage(&self.pending)?;
        }
        self.pending.clear();
        Ok(())
    }

    /// Validates one record and decides its fate; returns the case to
    /// write, if any.
    fn plan(
        &mut self,
        row: u64,
        mut fields: Map<String, Value>,
    ) -> std::result::Result<Option<Case>, Vec<RowError>> {
        // The office an export names: the cases are this workspace's now.
        fields.remove(super::csvmap::EXPORT_OFFICE);
        let raw = self.options.update.then(|| Value::Object(fields.clone()));
        let draft = to_draft(row, fields)?;
        let mut errors = Vec::new();
        if let Some(reference) = draft.external_ref.as_deref().map(str::trim)
            && !reference.is_empty()
            && let Some(first) = self.batch_refs.insert(reference.to_string(), row)
        {
            errors.push(RowError::field(
                row,
                "external_ref",
                crate::said!("ref-twice", reference = reference, first = first),
            ));
        }
        let missing_received = draft
            .received
            .as_deref()
            .is_none_or(|r| r.trim().is_empty());
        if missing_received {
            errors.push(RowError::field(
                row,
                "received",
                crate::said!("received-required"),
            ));
        }
        let intake = Intake {
            policy: &self.ws.policy,
            calendar: &self.ws.calendar,
            force: self.options.force,
            offset: self.ws.offset,
            now: self.options.now,
            by: self.options.by,
            action: Action::Imported,
        };
        let built = build_case(draft, &intake).map_err(|invalid| {
            let mut all = errors.clone();
            all.extend(
                invalid
                    .into_iter()
                    .filter(|e| !(missing_received && e.field == "received"))
                    .map(|e| RowError::field(row, &e.field, e.message)),
            );
            all
        })?;
        if !errors.is_empty() {
            return Err(errors);
        }
        self.report.warnings.extend(
            built
                .warnings
                .iter()
                .map(|w| crate::msg!(self.ws.policy.language, "row-error", row = row, message = w)),
        );
        let case = built.case;
        self.check_stored_files(row, &case)?;
        self.check_duplicate_id(row, &case, built.has_id)?;
        match self.existing_case(row, &case, built.has_id)? {
            Some(id) if self.options.update => self.update(row, id, case, raw.as_ref()),
            Some(id) => {
                self.skip(row, id, &case, "already in the workspace");
                Ok(None)
            }
            None => {
                let case = self.with_assignee(case);
                if let Some(notice) = workflow::filing_limit_unchecked(&self.ws.policy, &case) {
                    self.unchecked.0.push(row);
                    self.unchecked.1 = Some(notice);
                }
                self.create(row, case, built.has_id).map(Some)
            }
        }
    }

    /// The case handed to `--assignee` when it names no handler: the
    /// handover is recorded as `register --assignee` records it (none to
    /// the importing officer, unless the history already hands the case
    /// over, so that the handler always follows the history).
    fn with_assignee(&self, mut case: Case) -> Case {
        let Some(name) = self.options.assignee else {
            return case;
        };
        if case.assignee.is_some() {
            return case;
        }
        case.assignee = Some(name.to_string());
        let handed_over = case.history.iter().any(|e| e.action() == Action::Assigned);
        if name != self.options.by || handed_over {
            let last = case.history.last().map_or(self.options.now, |e| e.at);
            let handover = EventKind::Assigned {
                from: None,
                to: Some(name.to_string()),
            };
            let event = Event::new(self.options.now.max(last), self.options.by, handover);
            case.history.push(event);
        }
        case
    }

    /// Refuses a history whose notices or attachments are not in the
    /// workspace with the bytes it records: `check` would fail on them.
    /// (A path outside the case's own folders is refused with the
    /// history's other problems.)
    fn check_stored_files(&self, row: u64, case: &Case) -> std::result::Result<(), Vec<RowError>> {
        let errors: Vec<RowError> = crate::paperwork::attach::verify(&self.ws.root, case)
            .into_iter()
            .filter_map(|p| {
                let file = p.file?;
                Some(RowError::field(
                    row,
                    "history",
                    crate::said!("file-error", file = file, message = p.message.arg()),
                ))
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Refuses a second record with the same `id` (a repeated
    /// `external_ref` is caught before validation, in `plan`).
    fn check_duplicate_id(
        &mut self,
        row: u64,
        case: &Case,
        has_id: bool,
    ) -> std::result::Result<(), Vec<RowError>> {
        if has_id && !self.batch_ids.insert(case.id.clone()) {
            return Err(vec![RowError::field(
                row,
                "id",
                crate::said!("import-id-twice", id = case.id),
            )]);
        }
        Ok(())
    }

    /// The case already in the workspace that this record describes.
    fn existing_case(
        &self,
        row: u64,
        case: &Case,
        has_id: bool,
    ) -> std::result::Result<Option<CaseId>, Vec<RowError>> {
        if let Some(reference) = &case.external_ref
            && let Some(id) = self.existing.by_ref.get(reference)
        {
            if has_id && case.id != *id {
                return Err(vec![RowError::field(
                    row,
                    "id",
                    crate::said!(
                        "import-ref-other-case",
                        reference = reference,
                        id = id,
                        other = case.id
                    ),
                )]);
            }
            return Ok(Some(id.clone()));
        }
        if has_id && let Some(reference) = self.existing.ids.get(&case.id) {
            if *reference != case.external_ref {
                return Err(vec![RowError::field(
                    row,
                    "id",
                    crate::said!(
                        "import-id-taken",
                        id = case.id,
                        reference = match reference {
                            Some(reference) => reference.into_arg(),
                            None => crate::said!("import-no-ref").into_arg(),
                        }
                    ),
                )]);
            }
            return Ok(Some(case.id.clone()));
        }
        Ok(None)
    }

    fn skip(&mut self, row: u64, id: CaseId, case: &Case, reason: &str) {
        self.report.skipped += 1;
        self.report.records.push(Planned {
            reason: Some(reason.to_string()),
            ..Planned::of(row, Verdict::Skip, Some(id), case)
        });
    }

    fn create(
        &mut self,
        row: u64,
        mut case: Case,
        has_id: bool,
    ) -> std::result::Result<Case, Vec<RowError>> {
        if !has_id {
            case.id = self
                .fresh_id(&case)
                .map_err(|e| vec![RowError::row(row, e.to_string())])?;
        }
        self.report.created += 1;
        let shown = (has_id || !self.options.dry_run).then(|| case.id.clone());
        if let Some(id) = &shown {
            self.report.ids.push(id.clone());
        }
        self.report
            .records
            .push(Planned::of(row, Verdict::Create, shown, &case));
        Ok(case)
    }

    /// A random ID for the case's day that neither the workspace nor this
    /// batch uses.
    fn fresh_id(&mut self, case: &Case) -> Result<CaseId> {
        for _ in 0..64 {
            let id = CaseId::generate(case.received_date())?;
            if !self.existing.ids.contains_key(&id) && self.batch_ids.insert(id.clone()) {
                return Ok(id);
            }
        }
        Err(Error::invalid(crate::said!("import-no-free-id")))
    }

    /// Merges the fields the record carries into the existing case.
    fn update(
        &mut self,
        row: u64,
        id: CaseId,
        built: Case,
        raw: Option<&Value>,
    ) -> std::result::Result<Option<Case>, Vec<RowError>> {
        let fail = |message: String| vec![RowError::row(row, message)];
        let existing = self.ws.read_case(&id).map_err(|e| fail(e.to_string()))?;
        let raw = raw.expect("records are kept when updating");
        let (mut merged, fields) = merge(&existing, &built, raw).map_err(fail)?;
        if fields.is_empty() {
            self.skip(row, id, &built, "unchanged");
            return Ok(None);
        }
        let problems = check_against_policy(&self.ws.policy, &merged);
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|e| RowError::field(row, &e.field, e.message))
                .collect());
        }
        let last = merged.history.last().map_or(self.options.now, |e| e.at);
        let edited = EventKind::Edited {
            fields: fields.clone(),
        };
        let mut event = Event::new(self.options.now.max(last), self.options.by, edited);
        event.note = Some(crate::msg!(self.ws.policy.language, "note-import-updated"));
        merged.history.push(event);
        self.report.updated += 1;
        self.report.records.push(Planned {
            fields,
            ..Planned::of(row, Verdict::Update, Some(id), &merged)
        });
        Ok(Some(merged))
    }
}

/// Fields an update never changes: identity and the append-only history.
const FIXED: &[&str] = &["id", "schema", "history"];

/// `existing` with the fields `raw` carries taken from `built` (its
/// validated form). Objects merge key by key, complainants by position,
/// so a CSV row with only `complainant.phone` keeps the name. Returns the
/// merged case and the top-level fields that changed.
pub fn merge(
    existing: &Case,
    built: &Case,
    raw: &Value,
) -> std::result::Result<(Case, Vec<String>), String> {
    let mut target = serde_json::to_value(existing).map_err(|e| e.to_string())?;
    let new = serde_json::to_value(built).map_err(|e| e.to_string())?;
    let mut changed = Vec::new();
    if let (Value::Object(raw), Value::Object(target_map)) = (raw, &mut target) {
        for (key, raw_value) in raw {
            if FIXED.contains(&key.as_str()) || raw_value.is_null() {
                continue;
            }
            let slot = target_map.entry(key.clone()).or_insert(Value::Null);
            if overlay(slot, new.get(key).unwrap_or(&Value::Null), raw_value) {
                changed.push(key.clone());
            }
        }
        target_map.retain(|_, v| !v.is_null());
    }
    let merged: Case = serde_json::from_value(target).map_err(|e| e.to_string())?;
    Ok((merged, changed))
}

/// Puts into `slot` the parts of `new` that `raw` names; whether anything
/// changed.
fn overlay(slot: &mut Value, new: &Value, raw: &Value) -> bool {
    match (raw, new, &mut *slot) {
        (Value::Object(raw), Value::Object(_), Value::Object(old)) => {
            let mut changed = false;
            for key in raw.keys() {
                let value = new.get(key).cloned().unwrap_or(Value::Null);
                if old.get(key).unwrap_or(&Value::Null) != &value {
                    changed = true;
                    if value.is_null() {
                        old.remove(key);
                    } else {
                        old.insert(key.clone(), value);
                    }
                }
            }
            changed
        }
        (Value::Array(raw), Value::Array(new), Value::Array(old))
            if raw.iter().all(Value::is_object) =>
        {
            let mut changed = false;
            for (i, (raw_item, new_item)) in raw.iter().zip(new).enumerate() {
                if old.len() <= i {
                    old.push(Value::Object(Map::new()));
                }
                changed |= overlay(&mut old[i], new_item, raw_item);
            }
            changed
        }
        _ => {
            let changed = *slot != *new;
            *slot = new.clone();
            changed
        }
    }
}

#[cfg(test)]
mod tests;
