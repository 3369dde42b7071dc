//! `plaint explain`: how a due date was reached, day by day.

use super::args::ExplainArgs;
use super::output::{self, bold, dim};
use super::{Ctx, resolve};
use crate::deadline::explain::explain;
use crate::error::Error;

/// Prints the explanation of one rule's deadline for one case.
pub fn run(ctx: &Ctx, args: &ExplainArgs) -> anyhow::Result<i32> {
    let id = resolve(ctx, &args.id)?;
    let case = ctx.ws.read_case(&id)?;
    let ws = &ctx.ws;
    let rule = ws.policy.rule(args.rule.trim())?;
    let explanation = explain(
        &case,
        &ws.policy,
        rule,
        &ws.calendar,
        ws.offset,
        ctx.today,
        ws.settings.language,
    )
    .map_err(|e| Error::Invalid(e.to_string()))?
    .ok_or_else(|| {
        Error::Refused(format!(
            "the {} deadline of {id} has not started (it starts at {})",
            rule.name, rule.start
        ))
    })?;
    if ctx.look.json {
        output::print_json(&explanation)?;
        return Ok(0);
    }
    let lang = ws.settings.language;
    let mut text = format!(
        "{} {} — {} ({} {}, {}{})\n",
        bold(ctx.look, id.as_str()),
        bold(ctx.look, &rule.name),
        explanation.label,
        rule.amount,
        rule.unit.as_str(),
        explanation.kind.label(lang),
        explanation
            .source
            .as_deref()
            .map(|s| format!(", {s}"))
            .unwrap_or_default()
    );
    text.push_str(&format!(
        "extendable: {}\n",
        explanation.extendable.as_str()
    ));
    text.push_str(&format!("calendar: {}\n", ws.calendar.name()));
    for line in &explanation.lines {
        match line.date {
            Some(_) => text.push_str(&format!("  {}\n", line.text)),
            None => text.push_str(&format!("  {}\n", dim(ctx.look, &line.text))),
        }
    }
    output::print_text(&text)?;
    Ok(0)
}
