//! `plaint void`: void a case registered by mistake.

use super::args::VoidArgs;
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions;
use crate::error::Exit;

/// Records the `voided` event and says what it means.
pub fn run(ctx: &Ctx, args: &VoidArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let changed = actions::void(&ctx.ws, &id, &args.reason, args.force, &ctx.actor())?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else {
        output::notice(&crate::msg!(ctx.lang(), "void-done", id = id));
    }
    Ok(Exit::Success)
}
