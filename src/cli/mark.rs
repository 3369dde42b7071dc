//! `plaint mark`: record a milestone.

use super::args::MarkArgs;
use super::view::changed_json;
use super::{Ctx, output, parse_at, print_warnings, resolve};
use crate::actions;

/// Records the milestone in the case's history.
pub fn run(ctx: &Ctx, args: &MarkArgs) -> anyhow::Result<i32> {
    let id = resolve(ctx, &args.id)?;
    let at = parse_at(ctx, args.at.as_deref())?;
    let mut milestone = args.milestone.trim();
    // `served`: the milestone of the notice that was just delivered.
    if milestone == "served" && ctx.ws.policy.milestone("served").is_none() {
        let case = ctx.ws.read_case(&id)?;
        milestone = crate::paperwork::notice::served_milestone(&ctx.ws.settings.preset, &case)
            .ok_or_else(|| {
                crate::error::Error::Invalid(format!(
                    "case {id} has no issued notice whose service starts a clock; name the milestone"
                ))
            })?;
    }
    let changed = actions::mark(
        &ctx.ws,
        &id,
        milestone,
        at,
        args.note.as_deref(),
        &ctx.actor(),
    )?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else if changed.written {
        output::print_line(&format!("{id}: {milestone} recorded"))?;
    }
    Ok(0)
}
