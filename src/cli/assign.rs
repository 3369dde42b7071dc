//! `plaint assign`: hand a case to an officer.

use super::args::AssignArgs;
use super::view::print_changed;
use super::{Ctx, resolve};
use crate::actions;
use crate::error::Exit;

/// Assigns the case; the history keeps every handover.
pub fn run(ctx: &Ctx, args: &AssignArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let changed = actions::assign_forced(
        &ctx.ws,
        &id,
        &args.officer,
        args.note.as_deref(),
        args.force,
        &ctx.actor(),
    )?;
    let officer = args.officer.trim();
    print_changed(ctx, &changed, || {
        crate::msg!(ctx.lang(), "assigned-to", id = id, officer = officer)
    })
}
