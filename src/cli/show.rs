//! `plaint show`: one case in full.

use super::args::ShowArgs;
use super::view::{case_json, show_text};
use super::{Ctx, output, resolve};

/// Prints the case, its deadlines and its history.
pub fn run(ctx: &Ctx, args: &ShowArgs) -> anyhow::Result<i32> {
    let id = resolve(ctx, &args.id)?;
    let case = ctx.ws.read_case(&id)?;
    if ctx.look.json {
        output::print_json(&case_json(ctx, &case, true))?;
    } else {
        print!("{}", show_text(ctx, &case, ctx.look));
    }
    Ok(0)
}
