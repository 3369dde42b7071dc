//! `plaint advance`: move a case through the workflow.

use super::args::AdvanceArgs;
use super::view::{print_changed, status_label};
use super::{Ctx, parse_at, resolve};
use crate::actions;
use crate::error::Exit;
use crate::policy::codes::CodeKind;
use crate::policy::workflow::TransitionRequest;

/// Validates and records the move.
pub fn run(ctx: &Ctx, args: &AdvanceArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let at = parse_at(ctx, args.at.as_deref())?;
    let policy = &ctx.ws.policy;
    let target = policy.resolve_code(CodeKind::State, &args.state)?;
    let suspending = policy.suspend_state.as_deref() == Some(target.as_str())
        && !policy.suspension_reasons.is_empty();
    let reason = match &args.reason {
        Some(r) if policy.has_role(&target, crate::policy::Role::Rejected) => {
            Some(policy.resolve_code(CodeKind::Reason, r)?)
        }
        Some(r) if suspending => Some(policy.resolve_code(CodeKind::SuspensionReason, r)?),
        other => other.clone(),
    };
    let outcome = args
        .outcome
        .as_deref()
        .map(|o| policy.resolve_code(CodeKind::Outcome, o))
        .transpose()?;
    let request = TransitionRequest {
        target,
        note: args.note.clone(),
        reason,
        to: args.to.clone(),
        outcome,
        refer_to: args.refer_to.clone(),
        on_the_spot: args.on_the_spot,
        consent: args.consent.clone(),
        force: args.force,
    };
    let mut actor = ctx.actor();
    actor.approved_by.clone_from(&args.approved_by);
    let changed = actions::advance(&ctx.ws, &id, &request, at, &actor)?;
    print_changed(ctx, &changed, || {
        let state = status_label(ctx, &changed.case.status);
        crate::msg!(ctx.lang(), "case-now", id = id, state = state)
    })
}
