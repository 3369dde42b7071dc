//! `plaint assign`: hand a case to an officer.

use super::args::AssignArgs;
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions;
use crate::error::Exit;

/// Assigns the case; the history keeps every handover.
pub fn run(ctx: &Ctx, args: &AssignArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let changed = actions::assign(
        &ctx.ws,
        &id,
        &args.officer,
        args.note.as_deref(),
        &ctx.actor(),
    )?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else if changed.written {
        let officer = args.officer.trim();
        output::print_line(&crate::msg!(
            ctx.lang(),
            "assigned-to",
            id = id,
            officer = officer
        ))?;
    }
    Ok(Exit::Success)
}
