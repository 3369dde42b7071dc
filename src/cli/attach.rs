//! `plaint attach` and `plaint detach`: evidence files of a case.

use super::args::{AttachArgs, DetachArgs};
use super::{Ctx, output, resolve};
use crate::error::Exit;
use crate::paperwork::attach;

/// Copies the files into the workspace and records them.
pub fn run(ctx: &Ctx, args: &AttachArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let actor = ctx.actor();
    actor.check_clock()?;
    let (_, added, warnings) = attach::attach(
        &ctx.ws,
        &id,
        &args.files,
        args.note.as_deref(),
        &actor.name,
        actor.now,
    )?;
    super::print_warnings(&warnings);
    if ctx.look.json {
        output::print_json(&serde_json::json!({
            "id": id.to_string(),
            "attached": added,
            "warnings": warnings,
        }))?;
    } else {
        for a in &added {
            output::print_line(&crate::msg!(
                ctx.lang(),
                "attached-line",
                id = id,
                file = a.file,
                size = a.size,
                sha = a.sha256
            ))?;
        }
    }
    Ok(Exit::Success)
}

/// Records the detachment and removes the stored copy.
pub fn detach(ctx: &Ctx, args: &DetachArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let actor = ctx.actor();
    actor.check_clock()?;
    let (_, gone) = attach::detach(
        &ctx.ws,
        &id,
        args.attachment.trim(),
        &args.reason,
        &actor.name,
        actor.now,
    )?;
    if ctx.look.json {
        output::print_json(&serde_json::json!({"id": id.to_string(), "detached": gone}))?;
    } else {
        output::notice(&crate::msg!(
            ctx.lang(),
            "detached-reply",
            id = id,
            name = gone.name,
            file = gone.file
        ));
    }
    Ok(Exit::Success)
}
