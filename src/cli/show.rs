//! `plaint show`: one case in full.

use super::args::ShowArgs;
use super::output::bold;
use super::view::{case_json, show_text};
use super::{Ctx, output, resolve};
use crate::error::Exit;
use crate::model::CaseId;
use crate::model::appraisal::{Typed, applicant_text, cost_text, fee_text, records};
use crate::model::{Case, EventKind};
use crate::policy::leadership::waiting_escalations;
use crate::repeat::RepeatField;
use crate::storage::contacts::{Earlier, earlier_cases};
use std::fmt::Write as _;

/// Prints the case, its deadlines and its history.
pub fn run(ctx: &Ctx, args: &ShowArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let case = ctx.ws.read_case(&id)?;
    let earlier = earlier_cases(&ctx.ws, &case)?;
    if ctx.look.json {
        let mut doc = case_json(ctx, &case, true);
        doc["earlier_cases"] = serde_json::json!(earlier.recent);
        doc["earlier_count"] = serde_json::json!(earlier.count);
        doc["repeat_matches"] = serde_json::json!(
            repeat_matches(&earlier)
                .map(|(id, field, value)| serde_json::json!({"id": id, "field": field.as_str(), "value": value}))
                .collect::<Vec<_>>()
        );
        doc["escalations"] = serde_json::json!(escalations(&case));
        doc["appraisals"] = serde_json::json!(appraisals_json(&case));
        output::print_json(&doc)?;
    } else {
        let mut text = show_text(ctx, &case, ctx.look);
        if earlier.is_repeat() {
            let _ = write!(
                text,
                "\n{} {}\n",
                bold(ctx.look, &crate::msg!(ctx.lang(), "repeat-earlier")),
                crate::actions::earlier_list(&earlier, ctx.lang())
            );
            for (id, field, value) in repeat_matches(&earlier) {
                let _ = writeln!(text, "  {}", repeat_why(ctx.lang(), id, field, &value));
            }
        }
        text.push_str(&escalation_text(ctx, &case));
        text.push_str(&appraisal_text(ctx, &case));
        output::print_text(&text)?;
    }
    Ok(Exit::Success)
}

/// Each of the earlier cases shown, with the field it shares with the
/// case and the value (a name and respondent as `name / respondent`).
fn repeat_matches(earlier: &Earlier) -> impl Iterator<Item = (&CaseId, RepeatField, String)> {
    earlier
        .recent
        .iter()
        .zip(&earlier.shared)
        .filter_map(|(id, key)| {
            let (field, value) = RepeatField::of_key(key)?;
            Some((id, field, value.replace('|', " / ")))
        })
}

/// Why an earlier case makes this one a repeat, in a sentence.
fn repeat_why(
    lang: crate::policy::Language,
    id: &CaseId,
    field: RepeatField,
    value: &str,
) -> String {
    match field {
        RepeatField::Phone => crate::msg!(lang, "repeat-why-phone", id = id, value = value),
        RepeatField::Email => crate::msg!(lang, "repeat-why-email", id = id, value = value),
        RepeatField::NameRespondent => crate::msg!(lang, "repeat-why-name", id = id, value = value),
    }
}

/// One escalation of a case, for `--json`.
#[derive(serde::Serialize)]
struct Escalation<'a> {
    at: chrono::DateTime<chrono::FixedOffset>,
    by: &'a str,
    to: &'a str,
    reason: Option<&'a str>,
    waiting: bool,
}

/// Every escalation of `case`, and whether it still waits for an instruction.
fn escalations(case: &Case) -> Vec<Escalation<'_>> {
    let waiting = waiting_escalations(case);
    case.history
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::Escalated { to, reason } => Some(Escalation {
                at: e.at,
                by: &e.by,
                to,
                reason: reason.as_deref(),
                waiting: waiting.iter().any(|w| std::ptr::eq(*w, e)),
            }),
            _ => None,
        })
        .collect()
}

/// The lines saying where the case went to leadership and whether the
/// instruction came.
fn escalation_text(ctx: &Ctx, case: &Case) -> String {
    let lang = ctx.lang();
    let mut text = String::new();
    for e in escalations(case) {
        let (to, at, by) = (e.to, e.at.format("%Y-%m-%d").to_string(), e.by);
        let line = if e.waiting {
            crate::msg!(lang, "show-escalation-waiting", to = to, at = at, by = by)
        } else {
            crate::msg!(lang, "show-escalation-answered", to = to, at = at, by = by)
        };
        let _ = writeln!(text, "{}{line}", if text.is_empty() { "\n" } else { "" });
    }
    text
}

/// Every appraisal of `case` with its result, for `--json`: codes as in
/// the case file, the fee as text in yuan.
fn appraisals_json(case: &Case) -> Vec<serde_json::Value> {
    records(&case.history)
        .iter()
        .map(|r| {
            let a = r.appraisal;
            let (result_at, result, fee) = match r.result {
                Some((e, o)) => (Some(e.at), Some(o.result.as_str()), o.fee),
                None => (None, None, None),
            };
            serde_json::json!({
                "number": a.number,
                "kind": a.kind.code(),
                "matter": a.matter,
                "body": a.body,
                "chosen": a.chosen.code(),
                "applied_by": a.applied_by.code(),
                "cost_advanced_by": a.cost_advanced_by.code(),
                "cost_borne_by": a.cost_borne_by.code(),
                "started_at": r.started.at,
                "started_by": r.started.by,
                "waiting": r.is_open(),
                "result_at": result_at,
                "result": result,
                "fee": fee,
            })
        })
        .collect()
}

/// The section listing each appraisal: kind, matter, body and how it was
/// chosen, the applicant, the cost, and the result or that it is awaited.
fn appraisal_text(ctx: &Ctx, case: &Case) -> String {
    let lang = ctx.lang();
    let list = records(&case.history);
    if list.is_empty() {
        return String::new();
    }
    let source = crate::policy::basis_in(lang, ctx.ws.policy.appraisal_source.as_deref());
    let heading = crate::msg!(lang, "show-appraisals", source = source);
    let mut text = format!("\n{}\n", bold(ctx.look, &heading));
    let day = |at: chrono::DateTime<chrono::FixedOffset>| {
        at.with_timezone(&ctx.ws.offset)
            .format("%Y-%m-%d")
            .to_string()
    };
    for r in &list {
        let a = r.appraisal;
        let kind = a.kind.label(lang);
        let _ = writeln!(
            text,
            "  {}",
            crate::msg!(
                lang,
                "show-appraisal-line",
                number = a.number,
                kind = kind,
                date = day(r.started.at),
                matter = a.matter.replace('\n', " ")
            )
        );
        let body = crate::msg!(
            lang,
            "show-appraisal-body",
            body = a.body,
            chosen = a.chosen.label(lang),
            applicant = applicant_text(lang, a)
        );
        let cost = cost_text(lang, a.cost_advanced_by, a.cost_borne_by);
        let _ = writeln!(text, "      {body}\n      {cost}");
        let last = match r.result {
            Some((e, o)) => crate::msg!(
                lang,
                "show-appraisal-result",
                date = day(e.at),
                result = o.result.replace('\n', " "),
                fee = fee_text(lang, o.fee)
            ),
            None => crate::msg!(lang, "show-appraisal-waiting"),
        };
        let _ = writeln!(text, "      {last}");
    }
    text
}
