//! How a case is presented: the JSON case object of SPEC §8 and the text
//! of `show`. Shared by every command that prints cases.

use serde_json::Value;

use super::Ctx;
use super::output::{Look, bold, dim};
use crate::deadline::{Deadline, DeadlineState};
use crate::model::{Action, Case, Event};
use crate::policy::{code_label, pick};

/// The case object: every stored field (history unless left out), plus
/// `deadlines` and `overdue` as of the context's day.
pub fn case_json(ctx: &Ctx, case: &Case, with_history: bool) -> Value {
    case_json_with(case, &ctx.deadlines(case), with_history)
}

/// The case object with deadlines already evaluated.
pub fn case_json_with(case: &Case, deadlines: &[Deadline], with_history: bool) -> Value {
    serde_json::from_slice(&case_json_bytes(case, deadlines, with_history))
        .expect("plaint writes valid JSON")
}

/// The case object as compact JSON, written straight from the structs:
/// listing 100k cases must not build a value tree per case.
pub fn case_json_bytes(case: &Case, deadlines: &[Deadline], with_history: bool) -> Vec<u8> {
    let mut out = serde_json::to_vec(case).expect("a case always serializes");
    out.pop(); // the closing brace; more fields follow
    if !with_history {
        // `history` is the last field of `Case` (the golden test pins the
        // order), and quotes inside string values are always escaped, so the
        // first `,"history":` in the bytes is that field.
        let key = b",\"history\":";
        if let Some(at) = out.windows(key.len()).position(|w| w == key) {
            out.truncate(at);
        }
    }
    out.extend_from_slice(b",\"deadlines\":");
    serde_json::to_writer(&mut out, deadlines).expect("deadlines always serialize");
    let overdue = deadlines.iter().any(Deadline::overdue);
    out.extend_from_slice(if overdue {
        b",\"overdue\":true}"
    } else {
        b",\"overdue\":false}"
    });
    out
}

/// A short cell for the next deadline: `2026-12-04 acceptance (3)` (working
/// days left), or `OVERDUE` with the rule when it has passed; in a zh
/// workspace with the rule's Chinese label.
pub fn due_cell(ctx: &Ctx, deadline: &Deadline) -> String {
    let lang = ctx.ws.settings.language;
    let rule = match lang {
        crate::policy::Language::En => deadline.rule.clone(),
        crate::policy::Language::Zh => rule_label(ctx, &deadline.rule),
    };
    let due = deadline.due.map(|d| d.to_string()).unwrap_or_default();
    match (deadline.state, deadline.workdays_left) {
        (DeadlineState::Overdue, _) => {
            format!("{} {due} {rule}", pick(lang, "OVERDUE", "已逾期"))
        }
        (DeadlineState::Paused, _) => format!("{} {rule}", pick(lang, "paused", "暂停")),
        (_, Some(left)) => format!("{due} {rule} ({left})"),
        _ => format!("{due} {rule}"),
    }
}

/// The label of a deadline state in `lang`.
pub fn state_label(lang: crate::policy::Language, state: DeadlineState) -> String {
    let zh = match state {
        DeadlineState::Running => "进行中",
        DeadlineState::Met => "按时",
        DeadlineState::Missed => "超时",
        DeadlineState::Overdue => "已逾期",
        DeadlineState::Paused => "暂停",
        DeadlineState::Stopped => "已终止",
        DeadlineState::NotTracked => "未跟踪",
    };
    let en = match state {
        DeadlineState::NotTracked => "not tracked",
        other => other.as_str(),
    };
    pick(lang, en, zh).to_string()
}

/// The label of deadline rule `name` in the workspace language; a
/// promise to the complainant has its own.
pub fn rule_label(ctx: &Ctx, name: &str) -> String {
    let lang = ctx.ws.settings.language;
    if name == crate::deadline::PROMISE_RULE {
        return pick(lang, "Reply promised to the complainant", "承诺答复").to_string();
    }
    ctx.ws
        .policy
        .rule(name)
        .map(|r| pick(lang, &r.en, &r.zh).to_string())
        .unwrap_or_default()
}

/// The deadlines section of `show`.
pub fn deadlines_text(ctx: &Ctx, deadlines: &[Deadline], look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = format!("\n{}\n", bold(look, pick(lang, "Deadlines", "办理期限")));
    if deadlines.is_empty() {
        out.push_str("  (none running)\n");
        return out;
    }
    let names: Vec<String> = deadlines
        .iter()
        .map(|d| format!("{} ({})", d.rule, rule_label(ctx, &d.rule)))
        .collect();
    let width = names
        .iter()
        .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()))
        .max()
        .unwrap_or(0);
    for (d, name) in deadlines.iter().zip(&names) {
        let zh = lang == crate::policy::Language::Zh;
        let left = match (d.days_left, d.workdays_left, zh) {
            (Some(days), Some(work), false) if days < 0 => {
                format!("{} day(s) late, {} working day(s)", -days, -work)
            }
            (Some(days), Some(work), true) if days < 0 => {
                format!("已逾期 {} 天（{} 个工作日）", -days, -work)
            }
            (Some(days), Some(work), false) => {
                format!("{days} day(s), {work} working day(s) left")
            }
            (Some(days), Some(work), true) => format!("剩余 {days} 天（{work} 个工作日）"),
            _ => d
                .stopped
                .map(|s| format!("{} {s}", pick(lang, "stopped", "止于")))
                .unwrap_or_default(),
        };
        let state = pad(&state_label(lang, d.state), 8);
        let due = d
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "?".repeat(10));
        let line = format!("  {}  {due}  {state} {left}", pad(name, width));
        let line = if d.overdue() {
            super::output::alarm(look, &line)
        } else {
            line
        };
        out.push_str(&line);
        out.push('\n');
        for ext in &d.extensions {
            out.push_str(&format!("      extended +{}\n", ext.describe()));
        }
        for p in d.pauses.iter().filter(|p| p.adds > 0) {
            let reason = p
                .reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "      paused ({}{reason}) {} to {}: +{}\n",
                p.state, p.from, p.until, p.adds
            ));
        }
    }
    out
}

/// The case object with `warnings` added, for commands that change a case.
pub fn changed_json(ctx: &Ctx, case: &Case, warnings: &[String]) -> Value {
    let mut value = case_json(ctx, case, true);
    if let Value::Object(map) = &mut value {
        map.insert("warnings".into(), serde_json::json!(warnings));
    }
    value
}

/// The label of the case's state in the workspace language.
pub fn status_label(ctx: &Ctx, status: &str) -> String {
    ctx.ws.policy.state_label(status, ctx.ws.settings.language)
}

/// The label of a category code in the workspace language.
pub fn category_label(ctx: &Ctx, category: &str) -> String {
    if category == "(none)" {
        return pick(ctx.ws.settings.language, category, "(无)").to_string();
    }
    code_label(
        &ctx.ws.policy.categories,
        category,
        ctx.ws.settings.language,
    )
}

/// The full text of `show`.
pub fn show_text(ctx: &Ctx, case: &Case, look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = String::new();
    let title = case.title.as_deref().unwrap_or("(no title)");
    out.push_str(&format!(
        "{}  {}  [{}]\n",
        bold(look, case.id.as_str()),
        bold(look, title),
        status_label(ctx, &case.status)
    ));
    let mut line = |label: &str, value: String| {
        if !value.is_empty() {
            out.push_str(&format!("{}{value}\n", pad(&format!("{label}:"), 14)));
        }
    };
    let received = case.received.format("%Y-%m-%d %H:%M %:z").to_string();
    let channel = case
        .channel
        .as_deref()
        .map(|c| format!(" ({})", channel_label(ctx, c)))
        .unwrap_or_default();
    line(
        pick(lang, "Received", "登记时间"),
        format!("{received}{channel}"),
    );
    for (i, p) in case.complainants.iter().enumerate() {
        let rep = if case.representatives.contains(&i) {
            " (representative)"
        } else {
            ""
        };
        let details: Vec<&str> = [&p.phone, &p.email, &p.address]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        line(
            pick(lang, "Complainant", "投诉人"),
            format!(
                "{}{rep}{}",
                p.name.as_deref().unwrap_or("(no name)"),
                if details.is_empty() {
                    String::new()
                } else {
                    format!("  {}", details.join(", "))
                }
            ),
        );
    }
    if let Some(agent) = &case.agent {
        line(
            pick(lang, "Agent", "代理人"),
            [&agent.name, &agent.contact, &agent.scope]
                .into_iter()
                .filter_map(|v| v.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(r) = &case.respondent {
        line(
            pick(lang, "Respondent", "被投诉者"),
            [&r.name, &r.department, &r.location, &r.legal_representative]
                .into_iter()
                .filter_map(|v| v.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(d) = &case.department {
        line(pick(lang, "Received by", "受理部门"), d.clone());
    }
    if let Some(c) = &case.category {
        line(pick(lang, "Category", "类别"), category_label(ctx, c));
    }
    line(
        pick(lang, "Priority", "优先级"),
        priority_label(ctx, case.priority.as_str()),
    );
    line(
        pick(lang, "Assignee", "承办人"),
        case.assignee.clone().unwrap_or_default(),
    );
    if let Some(d) = case.contract_end {
        line(pick(lang, "Contract end", "合同结束"), d.to_string());
    }
    if let Some(d) = case.challenge_due {
        line(
            pick(lang, "Challenge answer due", "质疑答复期满"),
            d.to_string(),
        );
    }
    if let Some(o) = &case.outcome {
        line(
            pick(lang, "Outcome", "办理结果"),
            code_label(&ctx.ws.policy.outcomes, o, lang),
        );
    }
    if let Some(body) = &case.refer_to {
        line(pick(lang, "Referred to", "告知向其投诉"), body.clone());
    }
    if let Some(s) = case.satisfaction {
        line(
            pick(lang, "Satisfaction", "满意度"),
            satisfaction_label(ctx, s.as_str()),
        );
    }
    line(
        pick(lang, "External ref", "外部编号"),
        case.external_ref.clone().unwrap_or_default(),
    );
    line(pick(lang, "Tags", "标签"), case.tags.join(", "));
    line(
        pick(lang, "Links", "关联案件"),
        case.links
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    for (label, text) in [
        (pick(lang, "Demands", "投诉请求"), &case.demands),
        (pick(lang, "Facts", "事实与理由"), &case.facts),
        (pick(lang, "Measures", "整改措施"), &case.measures),
    ] {
        if let Some(text) = text {
            out.push_str(&format!("\n{}\n{}\n", bold(look, label), indent(text)));
        }
    }
    out.push_str(&deadlines_text(ctx, &ctx.deadlines(case), look));
    out.push_str(&paperwork_text(ctx, case, look));
    out.push_str(&format!(
        "\n{}\n",
        bold(look, pick(lang, "History", "处理记录"))
    ));
    for event in &case.history {
        out.push_str(&format!(
            "  {}  {}  {}\n",
            dim(look, &event.at.format("%Y-%m-%d %H:%M").to_string()),
            event.by,
            describe_event(ctx, event)
        ));
    }
    out
}

/// The notices issued and the files attached, for `show`.
fn paperwork_text(ctx: &Ctx, case: &Case, look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = String::new();
    let notices: Vec<&Event> = case
        .history
        .iter()
        .filter(|e| e.action == Action::Notice)
        .collect();
    if !notices.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            bold(look, pick(lang, "Notices", "文书"))
        ));
        for e in notices {
            out.push_str(&format!(
                "  {}  {}  {}\n",
                e.number.as_deref().unwrap_or(""),
                notice_title(ctx, e),
                e.file.as_deref().unwrap_or("")
            ));
        }
    }
    let attachments = crate::paperwork::attach::current(case);
    if !attachments.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            bold(look, pick(lang, "Attachments", "证据材料"))
        ));
        for a in attachments {
            out.push_str(&format!(
                "  {}  {} bytes  sha256 {}  {}\n",
                a.name,
                a.size,
                a.sha256.chars().take(16).collect::<String>(),
                a.file
            ));
        }
    }
    out
}

/// The title of the notice an event issued (the kind's code when the
/// preset no longer defines it).
fn notice_title(ctx: &Ctx, event: &Event) -> String {
    let code = event.kind.as_deref().unwrap_or("");
    crate::paperwork::kinds::find(&ctx.ws.settings.preset, code)
        .map(|k| k.title.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// One line describing what an event did.
pub fn describe_event(ctx: &Ctx, event: &Event) -> String {
    let lang = ctx.ws.settings.language;
    let policy = &ctx.ws.policy;
    let mut text = match event.action {
        Action::Status => format!(
            "{} → {}",
            event
                .from
                .as_deref()
                .map(|s| status_label(ctx, s))
                .unwrap_or_default(),
            event
                .to
                .as_deref()
                .map(|s| status_label(ctx, s))
                .unwrap_or_default()
        ),
        Action::Assigned => format!(
            "assigned {}→ {}",
            event
                .from
                .as_deref()
                .map(|f| format!("{f} "))
                .unwrap_or_default(),
            event.to.as_deref().unwrap_or("")
        ),
        Action::Edited => format!("edited {}", event.fields.join(", ")),
        Action::Milestone => format!(
            "milestone {}",
            event
                .milestone
                .as_deref()
                .map(|m| code_label(&policy.milestones, m, lang))
                .unwrap_or_default()
        ),
        Action::Extended => format!(
            "extended {} by {} {}",
            event.rule.as_deref().unwrap_or(""),
            event.amount.unwrap_or(0),
            event.unit.as_deref().unwrap_or("")
        ),
        Action::Followup => format!(
            "follow-up: {}",
            event.satisfaction.map(|s| s.as_str()).unwrap_or("")
        ),
        Action::Notice => format!(
            "{} {} {}",
            pick(lang, "notice", "文书"),
            notice_title(ctx, event),
            event.number.as_deref().unwrap_or("")
        ),
        Action::Attached | Action::Detached => format!(
            "{} {} ({} {})",
            event.action.as_str(),
            event.name.as_deref().unwrap_or(""),
            event.file.as_deref().unwrap_or(""),
            event.size.map(|s| format!("{s} bytes")).unwrap_or_default()
        ),
        other => other.as_str().to_string(),
    };
    if let Some(reason) = &event.reason {
        let label = if event.action == Action::Status {
            let suspended = event.to.is_some() && event.to == policy.suspend_state;
            let codes = if suspended {
                &policy.suspension_reasons
            } else {
                &policy.rejection_reasons
            };
            code_label(codes, reason, lang)
        } else {
            reason.clone()
        };
        text.push_str(&format!(" ({label})"));
    }
    if let Some(to) = &event.transfer_to {
        text.push_str(&format!(" to {to}"));
    }
    if let Some(body) = &event.refer_to {
        text.push_str(&format!(
            " → {}: {body}",
            pick(lang, "referred to", "告知向")
        ));
    }
    if let Some(due) = event.due {
        text.push_str(&format!(
            " {} {due}",
            pick(lang, "reply promised by", "承诺答复日期")
        ));
    }
    if event.on_the_spot {
        text.push_str(pick(lang, " (on the spot)", "（当场解决）"));
    }
    if let Some(consent) = &event.consent {
        text.push_str(&format!(" [{}: {consent}]", pick(lang, "consent", "同意")));
    }
    if let Some(outcome) = &event.outcome {
        text.push_str(&format!(
            " [{}]",
            code_label(&policy.outcomes, outcome, lang)
        ));
    }
    if !event.forced.is_empty() {
        text.push_str(&format!(" FORCED: {}", event.forced.join(", ")));
    }
    if let Some(note) = &event.note {
        text.push_str(&format!(": {}", note.replace('\n', "\n      ")));
    }
    text
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pads `text` with spaces to `width` terminal columns (CJK counts double).
pub fn pad(text: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// The label of a channel name (as stored) in the workspace language.
pub fn channel_label(ctx: &Ctx, channel: &str) -> String {
    let lang = ctx.ws.settings.language;
    match ctx.ws.policy.channels.iter().find(|c| c.code == channel) {
        // English tables keep the code, as before channels were data.
        Some(c) => pick(lang, &c.code, &c.zh).to_string(),
        None if channel == "(unknown)" => pick(lang, channel, "(未知)").to_string(),
        None => channel.to_string(),
    }
}

/// The label of a priority name in the workspace language.
pub fn priority_label(ctx: &Ctx, priority: &str) -> String {
    let zh = match priority {
        "urgent" => "紧急",
        "important" => "重要",
        "normal" => "一般",
        _ => priority,
    };
    pick(ctx.ws.settings.language, priority, zh).to_string()
}

/// The label of a satisfaction answer in the workspace language.
pub fn satisfaction_label(ctx: &Ctx, answer: &str) -> String {
    let zh = match answer {
        "satisfied" => "满意",
        "neutral" => "基本满意",
        "dissatisfied" => "不满意",
        _ => answer,
    };
    pick(ctx.ws.settings.language, answer, zh).to_string()
}
