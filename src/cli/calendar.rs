//! `plaint calendar`: working-day arithmetic and the holiday list.
//!
//! Plain output is just the answer (`2026-10-13`, `5`), so scripts can use
//! `$(plaint calendar add ...)`; coverage warnings go to stderr.

use chrono::Datelike;

use super::args::{
    CalendarAddArgs, CalendarBetweenArgs, CalendarCommand, CalendarDayArgs, CalendarImportArgs,
    CalendarShowArgs,
};
use super::output;
use super::{Ctx, print_warnings};
use crate::calendar::{Calendar, CalendarError, Computed, year_spans};
use crate::deadline::explain::{day_kind_text, holiday_name, weekday_name};
use crate::error::{Error, Exit};
use crate::messages::text;
use crate::storage::workspace::load_calendar;

/// Runs one `calendar` subcommand.
pub fn run(ctx: &Ctx, command: &CalendarCommand) -> anyhow::Result<Exit> {
    match command {
        CalendarCommand::Add(args) => add(ctx, args),
        CalendarCommand::Between(args) => between(ctx, args),
        CalendarCommand::Show(args) => show(ctx, args),
        CalendarCommand::IsWorkday(args) => is_workday(ctx, args),
        CalendarCommand::Import(args) => import(ctx, args),
    }
}

/// The workspace's calendar, or the one named; either way the years of
/// `assume_weekends` are accepted, as everywhere else.
fn calendar(ctx: &Ctx, name: Option<&str>) -> anyhow::Result<Calendar> {
    Ok(match name {
        Some(name) => load_calendar(&ctx.ws.root, name, ctx.lang())?
            .assuming_weekends(ctx.ws.settings.assume_weekends.iter().copied()),
        None => ctx.ws.calendar.clone(),
    })
}

/// The coverage warnings of a computation on `cal`, in the workspace
/// language: one per run of years it assumed and nobody accepted.
fn coverage_warnings<T>(ctx: &Ctx, cal: &Calendar, result: &Computed<T>) -> Vec<String> {
    year_spans(&result.warned_years(cal))
        .into_iter()
        .map(|years| {
            crate::msg!(
                ctx.lang(),
                "coverage-day",
                calendar = cal.name(),
                year = years
            )
        })
        .collect()
}

fn add(ctx: &Ctx, args: &CalendarAddArgs) -> anyhow::Result<Exit> {
    let cal = calendar(ctx, args.calendar.as_deref())?;
    let result = cal.add_workdays(args.date, args.n);
    print_computed(ctx, &cal, result, "date")
}

fn between(ctx: &Ctx, args: &CalendarBetweenArgs) -> anyhow::Result<Exit> {
    let cal = calendar(ctx, args.calendar.as_deref())?;
    let result = cal.workdays_between(args.a, args.b);
    print_computed(ctx, &cal, result, "workdays")
}

/// Prints the answer of `add` or `between`: the value alone (under `key`
/// in `--json`), its coverage warnings on stderr.
fn print_computed<T: serde::Serialize + std::fmt::Display>(
    ctx: &Ctx,
    cal: &Calendar,
    result: Result<Computed<T>, CalendarError>,
    key: &str,
) -> anyhow::Result<Exit> {
    let result = result.map_err(|e| Error::invalid(e.describe(ctx.lang())))?;
    let warnings = coverage_warnings(ctx, cal, &result);
    print_warnings(&warnings);
    if ctx.look.json {
        output::print_json(&serde_json::json!({key: result.value, "warnings": warnings}))?;
    } else {
        output::print_line(&result.value.to_string())?;
    }
    Ok(Exit::Success)
}

fn is_workday(ctx: &Ctx, args: &CalendarDayArgs) -> anyhow::Result<Exit> {
    let cal = calendar(ctx, args.calendar.as_deref())?;
    let date = args.date;
    let kind = cal.day_kind(date);
    let warnings = if !cal.warns_for(date.year()) {
        Vec::new()
    } else {
        vec![crate::msg!(
            ctx.lang(),
            "coverage-day",
            calendar = cal.name(),
            year = date.year()
        )]
    };
    print_warnings(&warnings);
    if ctx.look.json {
        output::print_json(&serde_json::json!({
            "date": date,
            "workday": kind.is_workday(),
            "kind": kind,
            "reason": kind.to_string(),
            "warnings": warnings,
        }))?;
    } else {
        let lang = ctx.lang();
        let answer = if kind.is_workday() {
            crate::msg!(lang, "yes")
        } else {
            crate::msg!(lang, "no")
        };
        let kind = day_kind_text(&cal, lang, date.year(), &kind);
        output::print_line(&format!("{answer}\t{kind}"))?;
    }
    Ok(Exit::Success)
}

fn show(ctx: &Ctx, args: &CalendarShowArgs) -> anyhow::Result<Exit> {
    let cal = calendar(ctx, args.calendar.as_deref())?;
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let covered = cal.covers(year);
    if cal.warns_for(year) {
        output::warn(&crate::msg!(
            ctx.lang(),
            "coverage-year",
            calendar = cal.name(),
            year = year
        ));
    }
    let holidays = cal.holidays_in(year);
    let makeups = cal.makeup_days_in(year);
    if ctx.look.json {
        let holidays: Vec<_> = holidays
            .iter()
            .map(|(d, h)| {
                serde_json::json!({"date": d, "weekday": d.format("%a").to_string(), "name": h.name, "zh": h.zh, "in_lieu": h.in_lieu})
            })
            .collect();
        let workdays: Vec<_> = makeups
            .iter()
            .map(|(d, name)| serde_json::json!({"date": d, "weekday": d.format("%a").to_string(), "pays_back": name}))
            .collect();
        output::print_json(&serde_json::json!({
            "calendar": cal.name(), "year": year, "covered": covered,
            "holidays": holidays, "workdays": workdays,
        }))?;
        return Ok(Exit::Success);
    }
    let mut rows: Vec<(chrono::NaiveDate, Vec<String>)> = Vec::new();
    let lang = ctx.lang();
    for (date, holiday) in &holidays {
        let name = holiday_name(&cal, lang, year, &holiday.name);
        let kind = if holiday.in_lieu {
            crate::msg!(lang, "day-in-lieu")
        } else {
            crate::msg!(lang, "day-holiday")
        };
        rows.push((
            *date,
            vec![date.to_string(), weekday_name(lang, *date), kind, name],
        ));
    }
    for (date, name) in &makeups {
        let kind = crate::msg!(lang, "day-makeup");
        let name = name
            .map(|n| holiday_name(&cal, lang, year, n))
            .unwrap_or_default();
        rows.push((
            *date,
            vec![date.to_string(), weekday_name(lang, *date), kind, name],
        ));
    }
    rows.sort_by_key(|(d, _)| *d);
    let header = [
        text(lang, "calendar-col-date"),
        text(lang, "calendar-col-day"),
        text(lang, "calendar-col-kind"),
        text(lang, "calendar-col-name"),
    ];
    let mut table = super::table::Table::new(None, &header);
    table.fit.flex = Some(3);
    for (_, row) in rows {
        table.push(row);
    }
    output::print_table(ctx.look, &table)?;
    Ok(Exit::Success)
}

/// `calendar import FILE`: the year added, the file written, and every
/// provisional due date that moved (text: a table; `--json`: a document).
fn import(ctx: &Ctx, args: &CalendarImportArgs) -> anyhow::Result<Exit> {
    let label = args.file.display().to_string();
    if !args.file.is_file() {
        return Err(Error::invalid(crate::msg!(ctx.lang(), "no-such-file", file = label)).into());
    }
    let schedule = crate::limits::read_text_bounded(
        &args.file,
        crate::limits::MAX_SETTINGS_BYTES,
        "calendar file",
    )?;
    let done =
        crate::actions::calendar_import::import_calendar(&ctx.ws, &label, &schedule, ctx.today)?;
    let file = done
        .file
        .strip_prefix(&ctx.ws.root)
        .unwrap_or(&done.file)
        .display()
        .to_string();
    if ctx.look.json {
        return import_json(&done, &file);
    }
    import_text(ctx, &done, &file)
}

fn import_json(
    done: &crate::actions::calendar_import::Imported,
    file: &str,
) -> anyhow::Result<Exit> {
    {
        let moved: Vec<_> = done
            .moved
            .iter()
            .map(|m| serde_json::json!({"id": m.id.as_str(), "rule": m.rule, "was": m.was, "now": m.now}))
            .collect();
        output::print_json(&serde_json::json!({
            "year": done.year, "calendar": done.calendar, "extends": done.extends,
            "file": file, "switched": done.switched, "holidays": done.holidays,
            "workdays": done.workdays, "moved": moved,
        }))?;
    }
    Ok(Exit::Success)
}

fn import_text(
    ctx: &Ctx,
    done: &crate::actions::calendar_import::Imported,
    file: &str,
) -> anyhow::Result<Exit> {
    let lang = ctx.lang();
    output::print_line(&crate::msg!(
        lang,
        "calendar-imported",
        year = done.year,
        calendar = done.calendar,
        file = file,
        holidays = done.holidays,
        workdays = done.workdays
    ))?;
    if done.switched {
        output::print_line(&crate::msg!(
            lang,
            "calendar-switched",
            calendar = done.calendar,
            extends = done.extends
        ))?;
    }
    if done.moved.is_empty() {
        output::print_line(&crate::msg!(lang, "calendar-moved-none"))?;
        return Ok(Exit::Success);
    }
    output::print_line(&crate::msg!(lang, "calendar-moved-head"))?;
    let header = [
        text(lang, "calendar-col-case"),
        text(lang, "calendar-col-rule"),
        text(lang, "calendar-col-was"),
        text(lang, "calendar-col-now"),
    ];
    let mut table = super::table::Table::new(None, &header);
    for m in &done.moved {
        table.push(vec![
            m.id.as_str().to_string(),
            super::view::labels::rule_label(ctx, &m.rule),
            m.was.to_string(),
            m.now.to_string(),
        ]);
    }
    output::print_table(ctx.look, &table)?;
    Ok(Exit::Success)
}
