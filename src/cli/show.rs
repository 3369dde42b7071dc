//! `plaint show`: one case in full.

use super::args::ShowArgs;
use super::output::bold;
use super::view::{case_json, show_text};
use super::{Ctx, output, resolve};
use crate::error::Exit;
use crate::storage::contacts::earlier_cases;
use std::fmt::Write as _;

/// Prints the case, its deadlines and its history.
pub fn run(ctx: &Ctx, args: &ShowArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let case = ctx.ws.read_case(&id)?;
    let earlier = earlier_cases(&ctx.ws, &case)?;
    if ctx.look.json {
        let mut doc = case_json(ctx, &case, true);
        doc["earlier_cases"] = serde_json::json!(earlier.recent);
        doc["earlier_count"] = serde_json::json!(earlier.count);
        output::print_json(&doc)?;
    } else {
        let mut text = show_text(ctx, &case, ctx.look);
        if earlier.is_repeat() {
            let _ = write!(
                text,
                "\n{} {}\n",
                bold(ctx.look, &crate::msg!(ctx.lang(), "repeat-earlier")),
                crate::actions::earlier_list(&earlier, ctx.lang())
            );
        }
        output::print_text(&text)?;
    }
    Ok(Exit::Success)
}
