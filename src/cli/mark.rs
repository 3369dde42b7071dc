//! `plaint mark`: record a milestone.

use super::args::MarkArgs;
use super::view::print_changed;
use super::{Ctx, parse_at, resolve};
use crate::actions;
use crate::error::Exit;

/// Records the milestone in the case's history.
pub fn run(ctx: &Ctx, args: &MarkArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let at = parse_at(ctx, args.at.as_deref())?;
    let typed = args.milestone.trim();
    // `served`: the milestone of the notice that was just delivered.
    let milestone = &if typed == "served" && ctx.ws.policy.milestone("served").is_none() {
        let case = ctx.ws.read_case(&id)?;
        crate::paperwork::notice::served_milestone(&ctx.ws.settings.preset, &case)
            .ok_or_else(|| {
                crate::error::Error::invalid(crate::msg!(ctx.lang(), "served-no-notice", id = id))
            })?
            .to_string()
    } else if typed == crate::model::event::PROMISE_KEPT {
        typed.to_string()
    } else {
        ctx.ws
            .policy
            .resolve_code(crate::policy::codes::CodeKind::Milestone, typed)?
    };
    let changed = actions::mark(
        &ctx.ws,
        &id,
        milestone,
        at,
        args.note.as_deref(),
        &ctx.actor(),
    )?;
    print_changed(ctx, &changed, || {
        let label = crate::policy::code_label(&ctx.ws.policy.milestones, milestone, ctx.lang());
        crate::msg!(ctx.lang(), "milestone-recorded", id = id, milestone = label)
    })
}
