//! `plaint followup`: the follow-up call and the complainant's satisfaction.

use super::args::FollowupArgs;
use super::view::changed_json;
use super::{Ctx, output, parse_at, print_warnings, resolve};
use crate::actions;

/// Records the call.
pub fn run(ctx: &Ctx, args: &FollowupArgs) -> anyhow::Result<i32> {
    let id = resolve(ctx, &args.id)?;
    let at = parse_at(ctx, args.at.as_deref())?;
    let changed = actions::followup(
        &ctx.ws,
        &id,
        &args.satisfaction,
        args.note.as_deref(),
        at,
        &ctx.actor(),
    )?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else {
        output::print_line(&format!(
            "{id}: follow-up recorded ({})",
            args.satisfaction.trim()
        ))?;
    }
    Ok(0)
}
