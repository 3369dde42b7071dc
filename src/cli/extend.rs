//! `plaint extend`: extend a deadline with a reason.

use super::args::{ExtendArgs, ExtendUnit};
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions::{self, ExtensionRequest};
use crate::calendar::Unit;
use crate::error::Exit;

/// Appends the extension; the deadline shows it from then on.
pub fn run(ctx: &Ctx, args: &ExtendArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let amount = args.by;
    let request = ExtensionRequest {
        rule: ctx
            .ws
            .policy
            .resolve_code(crate::policy::codes::CodeKind::Rule, &args.rule)?,
        amount,
        unit: args.unit.map(|u| match u {
            ExtendUnit::Workdays => Unit::Workdays,
            ExtendUnit::Days => Unit::Days,
        }),
        reason: args.reason.clone(),
        force: args.force,
    };
    let mut actor = ctx.actor();
    actor.approved_by.clone_from(&args.approved_by);
    let changed = actions::extend(&ctx.ws, &id, &request, ctx.today, &actor)?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
        return Ok(Exit::Success);
    }
    let lang = ctx.lang();
    // Only the extended deadline is shown, so only it can be warned about.
    let extended: Vec<_> = ctx
        .evaluate(&changed.case)
        .into_iter()
        .filter(|d| d.rule == request.rule && d.due.is_some())
        .take(1)
        .collect();
    ctx.note_coverage(changed.case.id.as_str(), &extended, super::Shown::Marked);
    let due = extended
        .first()
        .map(|d| crate::msg!(lang, "now-due", date = super::view::due_date(d)))
        .unwrap_or_default();
    let unit = changed
        .case
        .history
        .iter()
        .rev()
        .find_map(|e| match &e.what {
            crate::model::EventKind::Extended(x) => Some(x.unit.as_str()),
            _ => None,
        })
        .unwrap_or("days");
    let amount = super::view::amount_text(lang, amount, unit);
    let rule = super::view::rule_label(ctx, &request.rule);
    output::print_line(&format!(
        "{}{due}",
        crate::msg!(lang, "extended-by", id = id, rule = rule, amount = amount)
    ))?;
    Ok(Exit::Success)
}
