//! `plaint explain`: how a due date was reached, day by day.

use super::args::ExplainArgs;
use super::output::{self, bold, dim};
use super::{Ctx, resolve};
use crate::deadline::explain::explain;
use crate::error::{Error, Exit};
use std::fmt::Write as _;

/// A promised reply (`promise`, or its label in either language) is a
/// date, not a rule: say so, and where it is shown.
fn refuse_promise(ctx: &Ctx, id: &crate::model::CaseId, typed: &str) -> anyhow::Result<()> {
    let typed = typed.trim();
    let promise = typed == crate::deadline::PROMISE_RULE
        || [crate::policy::Language::En, crate::policy::Language::Zh]
            .iter()
            .any(|&l| typed == crate::msg!(l, "promise-rule"));
    if promise {
        return Err(Error::invalid(crate::msg!(ctx.lang(), "explain-promise", id = id)).into());
    }
    Ok(())
}

/// Prints the explanation of one rule's deadline for one case.
pub fn run(ctx: &Ctx, args: &ExplainArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let case = ctx.ws.read_case(&id)?;
    let ws = &ctx.ws;
    refuse_promise(ctx, &id, &args.rule)?;
    let name = ws
        .policy
        .resolve_code(crate::policy::codes::CodeKind::Rule, &args.rule)?;
    let rule = ws.policy.rule(&name)?;
    let explanation = explain(
        &case,
        &ws.policy,
        rule,
        &ws.calendar,
        ws.offset,
        ctx.today,
        ws.settings.language,
    )
    .map_err(|e| Error::invalid(e.describe(ctx.lang())))?
    .ok_or_else(|| {
        Error::refused(crate::msg!(
            ctx.lang(),
            "explain-not-started",
            rule = super::view::rule_label(ctx, &rule.name),
            id = id,
            start = rule.start
        ))
    })?;
    if ctx.look.json {
        output::print_json(&explanation)?;
        return Ok(Exit::Success);
    }
    let lang = ws.settings.language;
    let label = super::view::rule_label(ctx, &rule.name);
    // The rule's long name, unless it says what its label says.
    let long = if explanation.label == label {
        String::new()
    } else {
        format!(" — {}", explanation.label)
    };
    let mut facts = vec![
        super::view::amount_text(ctx.lang(), rule.amount, rule.unit.as_str()),
        explanation.kind.label(lang).to_string(),
    ];
    facts.extend(
        explanation
            .source
            .as_deref()
            .map(|s| crate::policy::source_in(ctx.lang(), s).to_string()),
    );
    let facts = crate::msg!(
        lang,
        "in-parentheses",
        text = facts.join(crate::messages::text(lang, "clause-comma"))
    );
    let mut text = format!(
        "{} {}{long}{facts}\n",
        bold(ctx.look, id.as_str()),
        bold(ctx.look, &label),
    );
    let extendable = crate::messages::fill(
        lang,
        &format!("extendable-{}", explanation.extendable.as_str()),
        &[],
    );
    text.push_str(&crate::msg!(lang, "explain-extendable", value = extendable));
    text.push('\n');
    let calendar = crate::msg!(ctx.lang(), "explain-calendar", name = ws.calendar.name());
    let _ = writeln!(text, "{calendar}");
    for line in &explanation.lines {
        match line.date {
            Some(_) => {
                let _ = writeln!(text, "  {}", line.text);
            }
            None => {
                let _ = writeln!(text, "  {}", dim(ctx.look, &line.text));
            }
        }
    }
    output::print_text(&text)?;
    Ok(Exit::Success)
}
