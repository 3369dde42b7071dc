//! `plaint policy`: the workspace's effective policy, in the workspace
//! language: the workflow, every code with both labels, and each deadline
//! rule with its length, start, stop, pauses, extendability and source.

use super::Ctx;
use super::output::{self, bold};
use crate::error::Exit;
use crate::messages::text;
use crate::policy::document::{PolicyDocument, RuleDocument};
use crate::policy::rules::Extendable;
use crate::policy::{Code, Language, code_label};
use std::fmt::Write as _;

/// Prints the policy document (as JSON with `--json`).
pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let doc = PolicyDocument::of(&ctx.ws.policy);
    if ctx.look.json {
        output::print_json(&doc)?;
        return Ok(Exit::Success);
    }
    output::print_text(&render(ctx, &doc))?;
    Ok(Exit::Success)
}

/// The text of `plaint policy`.
///
/// Long by design: one short block per section of the policy (states,
/// transitions, each code list, the rules), in the order printed.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
fn render(ctx: &Ctx, doc: &PolicyDocument) -> String {
    let lang = ctx.ws.settings.language;
    let head = |heading: &str| format!("\n{}\n", bold(ctx.look, heading));
    let colon = text(lang, "colon");
    let mut out = format!("{}{colon}{}\n", text(lang, "policy-doc-preset"), doc.preset);
    out.push_str(&head(text(lang, "policy-doc-states")));
    for s in &doc.states {
        let open = if s.open {
            ""
        } else {
            text(lang, "policy-doc-final")
        };
        let role = s
            .role
            .map(|r| format!("  [{}]", r.as_str()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {}{open}{role}",
            s.name,
            both(lang, &s.en, &s.zh)
        );
    }
    out.push_str(&head(text(lang, "policy-doc-transitions")));
    for t in &doc.transitions {
        let requires = if t.requires.is_empty() {
            String::new()
        } else {
            let named: Vec<String> = t.requires.iter().map(|r| requirement(lang, r)).collect();
            let requires = crate::messages::join(lang, &named);
            format!("  {}{colon}{requires}", text(lang, "policy-doc-requires"))
        };
        let _ = writeln!(out, "  {} → {}{requires}", t.from, t.to);
    }
    if let Some(s) = &doc.suspend_state {
        let _ = writeln!(out, "  {s} → {}", text(lang, "policy-doc-came-from"));
    }
    let outcomes: String = doc
        .on_the_spot_outcomes
        .iter()
        .map(|o| format!(" --outcome {o}"))
        .collect();
    for s in &doc.on_the_spot {
        let _ = writeln!(
            out,
            "  {} → {s}  --on-the-spot{outcomes}{}",
            doc.states.first().map_or("", |s| s.name.as_str()),
            text(lang, "policy-doc-on-the-spot")
        );
    }
    let sections: [(&str, &[Code]); 8] = [
        (
            text(lang, "policy-doc-rejection-reasons"),
            &doc.rejection_reasons,
        ),
        (
            text(lang, "policy-doc-suspension-reasons"),
            &doc.suspension_reasons,
        ),
        (text(lang, "policy-doc-outcomes"), &doc.outcomes),
        (text(lang, "policy-doc-milestones"), &doc.milestones),
        (text(lang, "policy-doc-channels"), &doc.channels),
        (text(lang, "policy-doc-categories"), &doc.categories),
        (text(lang, "policy-doc-types"), &doc.types),
        (text(lang, "policy-doc-causes"), &doc.causes),
    ];
    for (heading, codes) in sections {
        if codes.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{}\n", bold(ctx.look, heading));
        for c in codes {
            let _ = writeln!(out, "  {}  {}", c.code, both(lang, &c.en, &c.zh));
        }
    }
    out.push_str(&head(text(lang, "policy-doc-intake")));
    if let Some(n) = doc.joint_threshold {
        let _ = writeln!(
            out,
            "  {}{colon}{n}{}{}{colon}1–{}",
            text(lang, "policy-doc-joint"),
            text(lang, "list-separator"),
            text(lang, "field-representatives"),
            doc.max_representatives
        );
    }
    let source = doc
        .filing_limit_source
        .as_deref()
        .map(|s| crate::policy::basis_in(lang, Some(s)))
        .unwrap_or_default();
    for (limit, after) in [
        (doc.filing_limit_days, "policy-doc-after-contract-end"),
        (
            doc.challenge_limit_workdays,
            "policy-doc-after-challenge-due",
        ),
    ] {
        if let Some(days) = limit {
            let within = text(lang, "policy-doc-filed-within");
            let _ = writeln!(out, "  {within}{days} {}{source}", text(lang, after));
        }
    }
    if let Some(source) = &doc.appraisal_source {
        let _ = writeln!(
            out,
            "  {}{}",
            text(lang, "policy-doc-appraisal"),
            crate::policy::basis_in(lang, Some(source))
        );
    }
    out.push_str(&head(text(lang, "policy-doc-rules")));
    for rule in &doc.rules {
        out.push_str(&rule_text(lang, &labelled(&ctx.ws.policy, lang, rule)));
    }
    out.push_str(&head(text(lang, "policy-doc-alarms")));
    let a = doc.alarms;
    out.push_str(&crate::msg!(
        lang,
        "policy-alarm-levels",
        warning = a.warning,
        moderate = a.moderate,
        severe = a.severe
    ));
    out.push('\n');
    out.push_str(&head(text(lang, "policy-doc-leadership")));
    out.push_str(&leadership_text(lang, doc));
    if !doc.citations.is_empty() {
        out.push_str(&head(text(lang, "policy-doc-sources")));
        for c in &doc.citations {
            let cited = match lang {
                Language::En => c.en(),
                Language::Zh => c.zh(),
            };
            let read = match &c.collection {
                Some(piece) => format!("  [{piece}]"),
                None => text(lang, "policy-doc-not-collected").to_string(),
            };
            let _ = writeln!(out, "  {}  {cited}{read}\n    {}", c.id, c.says);
        }
    }
    out
}

/// What makes a repeat complaint, in a line.
fn repeat_text(lang: Language, doc: &PolicyDocument) -> String {
    let fields: Vec<String> = doc
        .repeat
        .by
        .iter()
        .map(|f| crate::messages::fill(lang, &format!("repeat-field-{}", f.as_str()), &[]))
        .collect();
    let fields = if fields.is_empty() {
        text(lang, "check-none").to_string()
    } else {
        crate::messages::join(lang, &fields)
    };
    match doc.repeat.within_days {
        Some(days) => crate::msg!(
            lang,
            "policy-doc-repeat-within",
            fields = fields,
            days = days
        ),
        None => crate::msg!(lang, "policy-doc-repeat", fields = fields),
    }
}

/// Which acts need which role, where cases are escalated and routed.
fn leadership_text(lang: Language, doc: &PolicyDocument) -> String {
    use crate::actions::leadership::roles_text;
    let mut out = String::new();
    for (duty, roles) in &doc.permissions {
        let _ = writeln!(
            out,
            "  {}",
            crate::msg!(
                lang,
                "policy-doc-permission",
                act = duty.label(lang),
                roles = roles_text(lang, roles)
            )
        );
    }
    if doc.permissions.is_empty() {
        let _ = writeln!(out, "  {}", text(lang, "policy-doc-no-permissions"));
    }
    let _ = writeln!(out, "  {}", repeat_text(lang, doc));
    let e = &doc.escalation;
    let cited = e
        .source
        .as_deref()
        .and_then(|id| doc.citations.iter().find(|c| c.id == id));
    let basis = match cited {
        Some(c) if lang == Language::Zh => c.zh(),
        Some(c) => c.en(),
        None => text(lang, "check-none").to_string(),
    };
    let _ = writeln!(
        out,
        "  {}",
        crate::msg!(
            lang,
            "policy-doc-escalate-to",
            roles = roles_text(lang, &e.to),
            basis = basis
        )
    );
    let clock = match e.instruction_workdays {
        Some(days) => crate::msg!(lang, "policy-doc-instruction-days", days = days),
        None => text(lang, "policy-doc-instruction-none").to_string(),
    };
    let _ = writeln!(out, "  {clock}");
    if let Some(to) = &e.route_to {
        let why: Vec<String> = e
            .route
            .iter()
            .map(|w| crate::policy::leadership::route_why_text(lang, w.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "  {}",
            crate::msg!(
                lang,
                "policy-doc-route",
                to = to,
                why = crate::messages::join(lang, &why)
            )
        );
    }
    out
}

/// The label in the workspace language, then the other one.
fn both(lang: Language, en: &str, zh: &str) -> String {
    crate::msg!(lang, "both-labels", en = en, zh = zh)
}

/// The rule as a zh sentence names it: the states, milestones and
/// suspension reasons that start, stop and pause it by their labels
/// (`起算：已受理`, not `accepted`); in English by their codes.
fn labelled(policy: &crate::policy::Policy, lang: Language, rule: &RuleDocument) -> RuleDocument {
    let mut rule = rule.clone();
    if lang == Language::En {
        return rule;
    }
    let name = |code: &String| {
        if policy.state(code).is_some() {
            return policy.state_label(code, lang);
        }
        [&policy.milestones, &policy.suspension_reasons]
            .into_iter()
            .find(|codes| codes.iter().any(|c| &c.code == code))
            .map_or_else(|| code.clone(), |codes| code_label(codes, code, lang))
    };
    rule.start = name(&rule.start);
    for list in [&mut rule.stop, &mut rule.pause, &mut rule.pause_reasons] {
        for code in list.iter_mut() {
            *code = name(code);
        }
    }
    rule
}

fn rule_text(lang: Language, rule: &RuleDocument) -> String {
    let none = text(lang, "policy-doc-none");
    let list = |items: &[String]| {
        if items.is_empty() {
            none.to_string()
        } else {
            crate::messages::join(lang, items)
        }
    };
    let start = if rule.start_or_receipt {
        crate::msg!(lang, "policy-doc-start-or-receipt", start = rule.start)
    } else {
        rule.start.clone()
    };
    let mut pauses = list(&rule.pause);
    if !rule.pause_reasons.is_empty() {
        let _ = write!(
            pauses,
            "{}",
            crate::policy::basis_in(
                lang,
                Some(&format!(
                    "{}{}{}",
                    text(lang, "policy-doc-for"),
                    text(lang, "colon"),
                    crate::messages::join(lang, &rule.pause_reasons)
                ))
            )
        );
    }
    if rule.pause_by_decision {
        pauses.push_str(text(lang, "policy-doc-by-decision"));
    }
    if rule.appraisal_pauses {
        let by_appraisal = text(lang, "policy-doc-appraisal-pauses");
        pauses = if rule.pause.is_empty() {
            by_appraisal.to_string()
        } else {
            crate::messages::join(lang, &[pauses.as_str(), by_appraisal])
        };
    }
    let extendable = match rule.extendable {
        Extendable::No => text(lang, "extendable-no"),
        Extendable::Yes => text(lang, "extendable-yes"),
        Extendable::BeforeDue => text(lang, "policy-doc-extendable-before-due"),
    };
    let unit = match rule.unit.as_str() {
        "workdays" => text(lang, "unit-word-workdays"),
        "days" => text(lang, "unit-word-days"),
        "months" => text(lang, "unit-word-months"),
        unit => unit,
    };
    let (colon, semi) = (text(lang, "colon"), text(lang, "list-separator"));
    format!(
        "  {}  {}\n    {}{colon}{} {unit}{semi}{}{colon}{start}{semi}{}{colon}{}\n    {}{colon}{pauses}{semi}{}{colon}{extendable}\n    {}{colon}{}{semi}{}{colon}{}\n",
        rule.name,
        both(lang, &rule.en, &rule.zh),
        text(lang, "policy-doc-length"),
        rule.amount,
        text(lang, "policy-doc-start"),
        text(lang, "policy-doc-stop"),
        list(&rule.stop),
        text(lang, "policy-doc-pauses"),
        text(lang, "policy-doc-extendable"),
        text(lang, "policy-doc-kind"),
        rule.kind.label(lang),
        text(lang, "policy-doc-source"),
        rule.source
            .as_deref()
            .map_or(text(lang, "policy-doc-no-source"), |s| {
                crate::policy::source_in(lang, s)
            }),
    )
}

/// A transition's requirement as a Chinese sentence names it (`complainant`
/// → 投诉人姓名, from the catalogue's `require-*` text); the code in English.
fn requirement(lang: crate::policy::Language, code: &str) -> String {
    if lang == crate::policy::Language::En {
        return code.to_string();
    }
    let id = format!("require-{code}");
    let said = crate::messages::fill(lang, &id, &[]);
    if said == id {
        return code.to_string();
    }
    said.split('（').next().unwrap_or(code).to_string()
}
