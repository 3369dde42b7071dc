//! `plaint notice`: render, number, store and record a written notice.

use anyhow::Context as _;

use super::args::{NoticeArgs, SupersedeArgs};
use super::{Ctx, output, resolve};
use crate::dates::parse_datetime;
use crate::error::{Error, Exit};
use crate::paperwork::notice::{self, NoticeRequest};
use crate::storage::atomic::write_atomic;

/// Issues the notice (or renders a draft) and prints it, or its record.
pub fn run(ctx: &Ctx, args: &NoticeArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let served = args
        .served
        .as_deref()
        .map(|t| parse_datetime(t, ctx.ws.offset))
        .transpose()
        .context("--served")?;
    check_served(ctx, served)?;
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        return Err(Error::refused(crate::said!("out-exists", out = out.display())).into());
    }
    let request = NoticeRequest {
        kind: args.kind.trim().to_string(),
        to: args.to.clone(),
        format: args.format,
        served,
        draft: args.draft,
        matter: args.matter.clone(),
    };
    let actor = ctx.actor();
    // A draft records nothing; an issued notice is an event, never dated
    // in the future.
    if !request.draft {
        actor.check_clock()?;
    }
    let issued = notice::issue(&ctx.ws, &id, &request, &actor.name, actor.now)?;
    // A document prints its dates plain: the warning promises no `?`.
    ctx.note_coverage(id.as_str(), &issued.provisional, super::Shown::Unmarked);
    if let Some(out) = &args.out {
        write_atomic(out, issued.text.as_bytes())?;
    }
    if ctx.look.json {
        print_json(&id, &issued, args.draft)?;
    } else if args.out.is_none() && !ctx.look.terminal {
        output::print_document(ctx.look, &issued.text)?;
    } else if args.out.is_none() && (args.draft || args.print) {
        // On a terminal an issued notice is named by its stored file (the
        // line below), not dumped as markup; a draft, or a notice asked
        // for with --print, is shown as readable text.
        output::print_document(ctx.look, &issued.readable)?;
    }
    match &issued.file {
        Some(file) => output::notice(&crate::msg!(
            ctx.lang(),
            "notice-issued",
            id = id,
            title = issued.kind.title,
            number = issued.number,
            file = file
        )),
        None => output::notice(&crate::msg!(
            ctx.lang(),
            "notice-draft",
            id = id,
            title = issued.kind.title
        )),
    }
    if let Some(milestone) = issued.served {
        let label = crate::policy::code_label(&ctx.ws.policy.milestones, milestone, ctx.lang());
        output::notice(&crate::msg!(
            ctx.lang(),
            "milestone-recorded",
            id = id,
            milestone = label
        ));
    }
    Ok(Exit::Success)
}

/// Refuses a `--served` day in the future.
fn check_served(
    ctx: &Ctx,
    served: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> anyhow::Result<()> {
    match served {
        Some(at) if at > ctx.now => Err(Error::invalid(crate::msg!(
            ctx.lang(),
            "in-the-future",
            what = format!("--served {}", at.date_naive())
        ))
        .into()),
        _ => Ok(()),
    }
}

fn print_json(
    id: &crate::model::CaseId,
    issued: &notice::Issued,
    draft: bool,
) -> anyhow::Result<()> {
    output::print_json(&serde_json::json!({
        "id": id.to_string(),
        "kind": issued.kind.code,
        "title": issued.kind.title,
        "number": issued.number,
        "file": issued.file,
        "sha256": issued.sha256,
        "served": issued.served,
        "draft": draft,
    }))
}

/// Marks an issued notice superseded by another issuance.
pub fn supersede(ctx: &Ctx, args: &SupersedeArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let actor = ctx.actor();
    actor.check_clock()?;
    let case = notice::supersede(
        &ctx.ws,
        &id,
        &args.number,
        args.sha256.as_deref(),
        &args.reason,
        &actor.name,
        actor.now,
    )?;
    if ctx.look.json {
        output::print_json(&super::view::changed_json(ctx, &case, &[]))?;
    } else {
        output::notice(&crate::msg!(
            ctx.lang(),
            "superseded-reply",
            id = id,
            number = args.number.trim()
        ));
    }
    Ok(Exit::Success)
}
