//! `plaint extend`: extend a deadline with a reason.

use super::args::{ExtendArgs, ExtendUnit};
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions::{self, ExtensionRequest};
use crate::calendar::Unit;
use crate::error::Error;

/// Appends the extension; the deadline shows it from then on.
pub fn run(ctx: &Ctx, args: &ExtendArgs) -> anyhow::Result<i32> {
    let id = resolve(ctx, &args.id)?;
    let amount: i64 =
        args.by.trim().parse().map_err(|_| {
            Error::Invalid(format!("--by '{}' is not a whole number of days", args.by))
        })?;
    let request = ExtensionRequest {
        rule: args.rule.trim().to_string(),
        amount,
        unit: args.unit.map(|u| match u {
            ExtendUnit::Workdays => Unit::Workdays,
            ExtendUnit::Days => Unit::Days,
        }),
        reason: args.reason.clone(),
        force: args.force,
    };
    let changed = actions::extend(&ctx.ws, &id, &request, ctx.today, &ctx.actor())?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
        return Ok(0);
    }
    let deadlines = ctx.deadlines(&changed.case);
    let due = deadlines
        .iter()
        .find(|d| d.rule == request.rule)
        .and_then(|d| d.due)
        .map(|due| format!("; now due {due}"))
        .unwrap_or_default();
    output::print_line(&format!("{id}: {} extended by {amount}{due}", request.rule))?;
    Ok(0)
}
