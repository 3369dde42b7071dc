//! `plaint calendar import`: a year's holiday schedule added to the
//! workspace calendar, and the provisional due dates it moves.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::calendar::import::{IMPORTED_MARK, Schedule, parse};
use crate::calendar::{Calendar, CalendarError};
use crate::error::{Error, Result};
use crate::model::CaseId;
use crate::storage::Workspace;
use crate::storage::workspace::{CALENDARS_DIR, load_calendar_set_with};

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    /// The year added (or replaced).
    pub year: i32,
    /// The calendar that now holds it.
    pub calendar: String,
    /// The calendar it extends.
    pub extends: String,
    /// The file written.
    pub file: PathBuf,
    /// Whether `plaint.yaml` was switched to the calendar.
    pub switched: bool,
    /// Days off added.
    pub holidays: usize,
    /// Make-up working days added.
    pub workdays: usize,
    /// The provisional due dates the new year moved.
    pub moved: Vec<Moved>,
}

/// A provisional due date that the imported year moved.
#[derive(Debug)]
pub struct Moved {
    /// The case.
    pub id: CaseId,
    /// The deadline's rule.
    pub rule: String,
    /// The due date before the import.
    pub was: NaiveDate,
    /// The due date after it.
    pub now: NaiveDate,
}

/// Where the year goes: the calendar in use when an earlier import wrote
/// it, else a new `<calendar>-local` extending the one in use.
struct Target {
    name: String,
    extends: String,
    earlier: Option<String>,
}

fn target(ws: &Workspace) -> Result<Target> {
    let lang = ws.settings.language;
    let current = ws.settings.calendar.clone();
    let dir = ws.root.join(CALENDARS_DIR);
    let read = |name: &str| std::fs::read_to_string(dir.join(format!("{name}.yaml"))).ok();
    if let Some(text) = read(&current).filter(|t| t.starts_with(IMPORTED_MARK)) {
        let extends = text
            .lines()
            .find_map(|l| l.strip_prefix("extends:"))
            .map_or_else(|| "cn".to_string(), |v| v.trim().to_string());
        return Ok(Target {
            name: current,
            extends,
            earlier: Some(text),
        });
    }
    let name = format!("{current}-local");
    let earlier = match read(&name) {
        Some(text) if text.starts_with(IMPORTED_MARK) => Some(text),
        Some(_) => {
            return Err(Error::refused(crate::msg!(
                lang,
                "calendar-import-not-ours",
                file = format!("{CALENDARS_DIR}/{name}.yaml")
            )));
        }
        None => None,
    };
    Ok(Target {
        name,
        extends: current,
        earlier,
    })
}

/// Reads the schedule in `text` (from the file `label`), checks it
/// against the workspace calendar and, under the lock, adds its year to
/// the workspace calendar; due dates are compared as of `today`.
/// A refused import writes nothing.
pub fn import_calendar(
    ws: &Workspace,
    label: &str,
    text: &str,
    today: NaiveDate,
) -> Result<Imported> {
    let lang = ws.settings.language;
    let bad = |e: CalendarError| Error::invalid(e.describe(lang));
    let schedule: Schedule = parse(label, text, lang)
        .and_then(|s| s.checked(label, &ws.calendar, lang))
        .map_err(bad)?;
    let lock = ws.lock()?;
    let target = target(ws)?;
    let file_text = schedule
        .file_text(
            label,
            &target.name,
            &target.extends,
            target.earlier.as_deref(),
            lang,
        )
        .map_err(bad)?;
    let path = ws
        .root
        .join(CALENDARS_DIR)
        .join(format!("{}.yaml", target.name));
    let set = load_calendar_set_with(&ws.root, lang, Some((&path, &file_text)))?;
    let calendar = set
        .get(&target.name)
        .cloned()
        .expect("the file just loaded names this calendar")
        .assuming_weekends(ws.settings.assume_weekends.iter().copied());
    let moved = moved(ws, &calendar, today)?;
    let file = ws.write_calendar(&lock, &target.name, &file_text)?;
    let switched = target.name != ws.settings.calendar;
    if switched {
        ws.select_calendar(&lock, &target.name)?;
    }
    Ok(Imported {
        year: schedule.year,
        calendar: target.name,
        extends: target.extends,
        file,
        switched,
        holidays: schedule.holidays.len(),
        workdays: schedule.workdays.len(),
        moved,
    })
}

/// The open provisional deadlines whose due date differs under `new`.
fn moved(ws: &Workspace, new: &Calendar, today: NaiveDate) -> Result<Vec<Moved>> {
    let loaded = ws.load_all()?;
    let mut moved = Vec::new();
    for case in &loaded.cases {
        let eval = |cal: &Calendar| {
            crate::deadline::evaluate(case, &ws.policy, cal, ws.offset, today).unwrap_or_default()
        };
        let after = eval(new);
        for before in eval(&ws.calendar) {
            if !(before.provisional && before.state.is_open()) {
                continue;
            }
            let now = after
                .iter()
                .find(|d| d.rule == before.rule)
                .and_then(|d| d.due);
            if let (Some(was), Some(now)) = (before.due, now)
                && was != now
            {
                moved.push(Moved {
                    id: case.id.clone(),
                    rule: before.rule.clone(),
                    was,
                    now,
                });
            }
        }
    }
    Ok(moved)
}
