//! The JSON case object of the manual (docs/manual.md), "Scripts": every stored field, plus
//! `deadlines`, `alarm` and `overdue` as of the day plaint evaluates them.

use serde_json::Value;

use super::Ctx;
use crate::deadline::Deadline;
use crate::deadline::alarm::{AlarmLevels, case_grade};
use crate::model::Case;

/// The case object: every stored field (history unless left out), plus
/// `deadlines` and `overdue` as of the context's day.
pub fn case_json(ctx: &Ctx, case: &Case, with_history: bool) -> Value {
    let deadlines = ctx.deadlines(case);
    serde_json::from_slice(&case_json_bytes(
        case,
        &deadlines,
        &ctx.ws.policy.alarms,
        with_history,
    ))
    .expect("plaint writes valid JSON")
}

/// The case object as compact JSON, written straight from the structs:
/// listing 100k cases must not build a value tree per case.
pub fn case_json_bytes(
    case: &Case,
    deadlines: &[Deadline],
    levels: &AlarmLevels,
    with_history: bool,
) -> Vec<u8> {
    let mut out = serde_json::to_vec(case).expect("a case always serializes");
    out.pop(); // the closing brace; more fields follow
    if !with_history {
        // `history` is the last field of `Case` (the golden test pins the
        // order), and quotes inside string values are always escaped, so the
        // first `,"history":` in the bytes is that field.
        let key = b",\"history\":";
        if let Some(at) = out.windows(key.len()).position(|w| w == key) {
            out.truncate(at);
        }
    }
    out.extend_from_slice(b",\"deadlines\":");
    serde_json::to_writer(&mut out, deadlines).expect("deadlines always serialize");
    out.extend_from_slice(b",\"alarm\":");
    match case_grade(deadlines, levels) {
        Some(alarm) => {
            serde_json::to_writer(&mut out, alarm.as_str()).expect("a code serializes");
        }
        None => out.extend_from_slice(b"null"),
    }
    if let Some(voided) = case.voided()
        && let crate::model::EventKind::Voided { reason } = &voided.what
    {
        // Only on a void case (`.void` reads null elsewhere in jq).
        let void = serde_json::json!({"at": voided.at, "by": voided.by, "reason": reason});
        out.extend_from_slice(b",\"void\":");
        serde_json::to_writer(&mut out, &void).expect("a void record serializes");
    }
    let overdue = deadlines.iter().any(Deadline::overdue);
    out.extend_from_slice(if overdue {
        b",\"overdue\":true}"
    } else {
        b",\"overdue\":false}"
    });
    out
}

/// Says what a command that changed a case did: its warnings on stderr,
/// then the case as JSON under `--json`, or else the `reply` (made only
/// then) when the command wrote anything.
pub fn print_changed(
    ctx: &Ctx,
    changed: &crate::actions::Changed,
    reply: impl FnOnce() -> String,
) -> anyhow::Result<crate::error::Exit> {
    crate::cli::print_warnings(&changed.warnings);
    if ctx.look.json {
        crate::cli::output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else if changed.written {
        crate::cli::output::print_line(&reply())?;
    }
    Ok(crate::error::Exit::Success)
}

/// The case object with `warnings` added, for commands that change a case.
pub fn changed_json(ctx: &Ctx, case: &Case, warnings: &[String]) -> Value {
    let mut value = case_json(ctx, case, true);
    if let Value::Object(map) = &mut value {
        map.insert("warnings".into(), serde_json::json!(warnings));
    }
    value
}
