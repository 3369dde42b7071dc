//! `plaint policy`: the workspace's effective policy, in the workspace
//! language: the workflow, every code with both labels, and each deadline
//! rule with its length, start, stop, pauses, extendability and source.

use super::Ctx;
use super::output::{self, bold};
use crate::error::Exit;
use crate::policy::document::{PolicyDocument, RuleDocument};
use crate::policy::rules::Extendable;
use crate::policy::{Code, Language, pick};
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
    let l = |en: &'static str, zh: &'static str| pick(lang, en, zh);
    let head = |en: &'static str, zh: &'static str| format!("\n{}\n", bold(ctx.look, l(en, zh)));
    let colon = l(": ", "：");
    let mut out = format!("{}{colon}{}\n", l("Preset", "预设"), doc.preset);
    out.push_str(&head("States", "状态"));
    for s in &doc.states {
        let open = if s.open {
            ""
        } else {
            l(" (final)", "（终结）")
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
    out.push_str(&head("Transitions", "状态转换"));
    for t in &doc.transitions {
        let requires = if t.requires.is_empty() {
            String::new()
        } else {
            let requires = crate::messages::join(lang, &t.requires);
            format!("  {}{colon}{requires}", l("requires", "需要"))
        };
        let _ = writeln!(out, "  {} → {}{requires}", t.from, t.to);
    }
    if let Some(s) = &doc.suspend_state {
        let _ = writeln!(
            out,
            "  {s} → {}",
            l("the state it came from", "中止前的状态")
        );
    }
    for s in &doc.on_the_spot {
        let _ = writeln!(
            out,
            "  {} → {s}  --on-the-spot{}",
            doc.states.first().map_or("", |s| s.name.as_str()),
            l(" (resolved at receipt)", "（当场协调解决）")
        );
    }
    let sections: [(&str, &str, &[Code]); 6] = [
        ("Rejection reasons", "不予受理理由", &doc.rejection_reasons),
        ("Suspension reasons", "中止理由", &doc.suspension_reasons),
        ("Outcomes", "办结结果", &doc.outcomes),
        ("Milestones", "节点", &doc.milestones),
        ("Channels", "投诉渠道", &doc.channels),
        ("Categories", "投诉类别", &doc.categories),
    ];
    for (en, zh, codes) in sections {
        if codes.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{}\n", bold(ctx.look, pick(lang, en, zh)));
        for c in codes {
            let _ = writeln!(out, "  {}  {}", c.code, both(lang, &c.en, &c.zh));
        }
    }
    out.push_str(&head("Intake", "受理条件"));
    if let Some(n) = doc.joint_threshold {
        let _ = writeln!(
            out,
            "  {}{colon}{n}{}{}{colon}1–{}",
            l("joint complaint from complainants", "共同投诉人数"),
            l("; ", "；"),
            l("representatives", "代表人"),
            doc.max_representatives
        );
    }
    let source = doc
        .filing_limit_source
        .as_deref()
        .map(|s| crate::policy::basis_in(lang, Some(s)))
        .unwrap_or_default();
    if let Some(days) = doc.filing_limit_days {
        let _ = writeln!(
            out,
            "  {}{days} {}{source}",
            l("filed within ", "投诉期限："),
            l("days after contract_end", "日（自 contract_end 起）")
        );
    }
    if let Some(days) = doc.challenge_limit_workdays {
        let _ = writeln!(
            out,
            "  {}{days} {}{source}",
            l("filed within ", "投诉期限："),
            l(
                "working days after challenge_due",
                "个工作日（自 challenge_due 起）"
            )
        );
    }
    out.push_str(&head("Deadline rules", "办理期限"));
    for rule in &doc.rules {
        out.push_str(&rule_text(lang, rule));
    }
    out.push_str(&head("Alarms", "预警等级"));
    let a = doc.alarms;
    out.push_str(&crate::msg!(
        lang,
        "policy-alarm-levels",
        warning = a.warning,
        moderate = a.moderate,
        severe = a.severe
    ));
    out.push('\n');
    if !doc.citations.is_empty() {
        out.push_str(&head("Sources cited", "引用的依据"));
        for c in &doc.citations {
            let cited = match lang {
                Language::En => c.en(),
                Language::Zh => c.zh(),
            };
            let read = match &c.collection {
                Some(piece) => format!("  [{piece}]"),
                None => l("  [not in the source collection]", "  [不在来源汇编中]").to_string(),
            };
            let _ = writeln!(out, "  {}  {cited}{read}\n    {}", c.id, c.says);
        }
    }
    out
}

/// The label in the workspace language, then the other one.
fn both(lang: Language, en: &str, zh: &str) -> String {
    match lang {
        Language::Zh => format!("{zh}（{en}）"),
        Language::En => format!("{en} ({zh})"),
    }
}

fn rule_text(lang: Language, rule: &RuleDocument) -> String {
    let l = |en: &'static str, zh: &'static str| pick(lang, en, zh);
    let none = l("none", "无");
    let list = |items: &[String]| {
        if items.is_empty() {
            none.to_string()
        } else {
            crate::messages::join(lang, items)
        }
    };
    let start = if rule.start_or_receipt {
        format!("{} ({})", rule.start, l("else receipt", "未记录时自收到起"))
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
                    l("for", "仅限"),
                    l(": ", "："),
                    crate::messages::join(lang, &rule.pause_reasons)
                ))
            )
        );
    }
    if rule.pause_by_decision {
        pauses.push_str(l(" (workspace decision)", "（本单位决定）"));
    }
    let extendable = match rule.extendable {
        Extendable::No => l("no", "不可延长"),
        Extendable::Yes => l("yes", "可延长"),
        Extendable::BeforeDue => l(
            "yes, with notice before it is due",
            "可延长，须在期满前告知",
        ),
    };
    let unit = match (rule.unit.as_str(), lang) {
        ("workdays", Language::Zh) => "个工作日",
        ("days", Language::Zh) => "日",
        ("months", Language::Zh) => "个月",
        (unit, _) => unit,
    };
    let (colon, semi) = (l(": ", "："), l("; ", "；"));
    format!(
        "  {}  {}\n    {}{colon}{} {unit}{semi}{}{colon}{start}{semi}{}{colon}{}\n    {}{colon}{pauses}{semi}{}{colon}{extendable}\n    {}{colon}{}{semi}{}{colon}{}\n",
        rule.name,
        both(lang, &rule.en, &rule.zh),
        l("length", "期限"),
        rule.amount,
        l("start", "起算"),
        l("stop", "终止"),
        list(&rule.stop),
        l("pauses", "暂停"),
        l("extendable", "延长"),
        l("kind", "性质"),
        rule.kind.label(lang),
        l("source", "依据"),
        rule.source
            .as_deref()
            .map_or(l("none (office target)", "无（内部目标）"), |s| {
                crate::policy::source_in(lang, s)
            }),
    )
}
