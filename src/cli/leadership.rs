//! `plaint approve`: an approval, by someone holding the role, of an act
//! `plaint.yaml` reserves to that role.

use super::args::ApproveArgs;
use super::view::print_changed;
use super::{Ctx, resolve};
use crate::actions::leadership;
use crate::error::Exit;

/// Records the approval; the next such act on the case uses it.
pub fn approve(ctx: &Ctx, args: &ApproveArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let lang = ctx.lang();
    let duty = leadership::parse_duty(lang, &args.act)?;
    let actor = ctx.actor();
    let changed = leadership::approve(&ctx.ws, &id, duty, args.note.as_deref(), &actor)?;
    print_changed(ctx, &changed, || {
        crate::msg!(
            lang,
            "approval-recorded",
            id = id,
            act = duty.label(lang),
            name = actor.name
        )
    })
}
