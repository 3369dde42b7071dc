//! `plaint consent`: record the consent of all complainants of a joint
//! complaint.

use super::args::ConsentArgs;
use super::view::print_changed;
use super::{Ctx, resolve};
use crate::actions;
use crate::error::Exit;

/// Appends the consent event.
pub fn run(ctx: &Ctx, args: &ConsentArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let changed = actions::consent(&ctx.ws, &id, &args.text, &ctx.actor())?;
    print_changed(ctx, &changed, || {
        crate::msg!(ctx.lang(), "consent-recorded", id = id)
    })
}
