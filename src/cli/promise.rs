//! `plaint promise`: record a reply date promised to the complainant.

use super::args::PromiseArgs;
use super::view::print_changed;
use super::{Ctx, resolve};
use crate::actions;
use crate::error::Exit;

/// Records the promise; it is tracked as a `promise` deadline from then on.
pub fn run(ctx: &Ctx, args: &PromiseArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let due = args.date;
    let changed = actions::promise(&ctx.ws, &id, due, args.note.as_deref(), &ctx.actor())?;
    print_changed(ctx, &changed, || {
        crate::msg!(ctx.lang(), "promise-recorded", id = id, due = due)
    })
}
