//! `plaint approve` (an approval, by someone holding the role, of an act
//! `plaint.yaml` reserves to that role), `plaint escalate` (a case goes
//! to leadership) and `plaint instruct` (the leader's instruction).

use super::args::{ApproveArgs, EscalateArgs, InstructArgs};
use super::view::print_changed;
use super::{Ctx, resolve};
use crate::actions::leadership;
use crate::error::Exit;
use crate::policy::leadership::INSTRUCTION_RULE;

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

/// Records the escalation; says when the instruction is due, if a time
/// limit is set.
pub fn escalate(ctx: &Ctx, args: &EscalateArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let lang = ctx.lang();
    let changed = leadership::escalate(&ctx.ws, &id, &args.to, &args.reason, &ctx.actor())?;
    let due = ctx
        .evaluate(&changed.case)
        .into_iter()
        .find(|d| d.rule == INSTRUCTION_RULE && d.state.is_open())
        .map(|d| super::view::due_date(&d));
    let to = args.to.trim();
    print_changed(ctx, &changed, || match &due {
        Some(due) => crate::msg!(lang, "escalation-recorded-due", id = id, to = to, due = due),
        None => crate::msg!(lang, "escalation-recorded", id = id, to = to),
    })
}

/// Records the leader's instruction; it meets the escalation.
pub fn instruct(ctx: &Ctx, args: &InstructArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let lang = ctx.lang();
    let actor = ctx.actor();
    let changed = leadership::instruct(&ctx.ws, &id, &args.text, &actor)?;
    print_changed(ctx, &changed, || {
        crate::msg!(lang, "instruction-recorded", id = id, name = actor.name)
    })
}
