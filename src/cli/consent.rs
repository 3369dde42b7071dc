//! `plaint consent`: record the consent of all complainants of a joint
//! complaint.

use super::args::ConsentArgs;
use super::view::changed_json;
use super::{Ctx, output, resolve};
use crate::actions;
use crate::error::Exit;

/// Appends the consent event.
pub fn run(ctx: &Ctx, args: &ConsentArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let changed = actions::consent(&ctx.ws, &id, &args.text, &ctx.actor())?;
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else {
        output::print_line(&crate::msg!(ctx.lang(), "consent-recorded", id = id))?;
    }
    Ok(Exit::Success)
}
