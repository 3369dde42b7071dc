//! `plaint followup`: the follow-up call and the complainant's satisfaction.

use super::args::FollowupArgs;
use super::view::print_changed;
use super::{Ctx, parse_at, resolve};
use crate::actions;
use crate::error::Exit;

/// Records the call.
pub fn run(ctx: &Ctx, args: &FollowupArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let at = parse_at(ctx, args.at.as_deref())?;
    // The words people use (很满意, 联系不上) first; else the code or a
    // label, with a suggestion for what matches neither.
    let answer = match crate::intake::parse_satisfaction(&args.satisfaction) {
        Ok(answer) => answer.as_str().to_string(),
        Err(_) => ctx.ws.policy.resolve_code(
            crate::policy::codes::CodeKind::Satisfaction,
            &args.satisfaction,
        )?,
    };
    let changed = actions::followup(
        &ctx.ws,
        &id,
        &answer,
        args.note.as_deref(),
        at,
        &ctx.actor(),
    )?;
    print_changed(ctx, &changed, || {
        let answer = changed
            .case
            .satisfaction
            .map(|s| super::view::satisfaction_label(ctx, s))
            .unwrap_or_default();
        crate::msg!(ctx.lang(), "followup-recorded", id = id, answer = answer)
    })
}
