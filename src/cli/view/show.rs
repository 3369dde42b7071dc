//! The text of `show`: the fields, the deadlines with the days left, the
//! paperwork and the history, each event in one line.

use std::fmt::Write as _;

use super::Ctx;
use super::labels::{
    amount_text, category_label, channel_label, priority_label, rule_label, rule_short_label,
    rule_title, satisfaction_label, state_label, status_label,
};
use super::output::{Look, bold, dim};
use crate::deadline::{Deadline, DeadlineState};
use crate::messages::join;
use crate::messages::text;
use crate::model::{Case, Event, EventKind, Move};
use crate::msg;
use crate::policy::leadership::{duty_text, route_why_text};
use crate::policy::{Language, code_label};

/// A short cell for the next deadline: `2026-12-04 acceptance (3)` (working
/// days left), or `OVERDUE` with the rule when it has passed; in a zh
/// workspace with the rule's Chinese label.
pub fn due_cell(ctx: &Ctx, deadline: &Deadline) -> String {
    let lang = ctx.ws.settings.language;
    let rule = match lang {
        crate::policy::Language::En => deadline.rule.clone(),
        crate::policy::Language::Zh => rule_label(ctx, &deadline.rule),
    };
    match (deadline.state, deadline.workdays_left) {
        (DeadlineState::Overdue, _) => {
            msg!(lang, "due-overdue", date = due_date(deadline), rule = rule)
        }
        (DeadlineState::Paused, _) => msg!(lang, "due-paused", rule = rule),
        _ if deadline.days_left == Some(0) => msg!(lang, "due-today", rule = rule),
        (_, Some(left)) => msg!(
            lang,
            "due-left",
            date = due_date(deadline),
            rule = rule,
            n = left
        ),
        _ => format!("{} {rule}", due_date(deadline)),
    }
}

/// The due cell of a narrow terminal's list: `12-14 受理 剩5日`,
/// `11-17 受理 逾期`, `今日到期 受理`: the rule's short label, the date
/// without its year when it falls in `today`'s year, the days left short.
pub fn due_cell_short(ctx: &Ctx, deadline: &Deadline) -> String {
    let lang = ctx.ws.settings.language;
    let rule = rule_short_label(ctx, &deadline.rule);
    let date = match deadline.due {
        Some(due) if chrono::Datelike::year(&due) == chrono::Datelike::year(&ctx.today) => {
            let day = due.format("%m-%d").to_string();
            if deadline.provisional {
                format!("{day}?")
            } else {
                day
            }
        }
        _ => due_date(deadline),
    };
    match (deadline.state, deadline.workdays_left) {
        (DeadlineState::Overdue, _) => msg!(lang, "due-overdue-short", date = date, rule = rule),
        (DeadlineState::Paused, _) => msg!(lang, "due-paused", rule = rule),
        _ if deadline.days_left == Some(0) => msg!(lang, "due-today", rule = rule),
        (_, Some(left)) => msg!(lang, "due-left-short", date = date, rule = rule, n = left),
        _ => format!("{date} {rule}"),
    }
}

/// The due date as shown to a person: `2027-02-01?` when it is
/// provisional (it rests on a year the calendar does not cover).
/// An unknown due date (a rule the history of an imported case does not
/// show) reads `??????????`.
pub fn due_date(deadline: &Deadline) -> String {
    match deadline.due {
        None => "?".repeat(10),
        Some(due) if deadline.provisional => format!("{due}?"),
        Some(due) => due.to_string(),
    }
}

/// How an extension reads in `show` and `explain`.
fn extension_text(lang: Language, ext: &crate::deadline::Extension) -> String {
    let reason = ext
        .reason
        .as_deref()
        .map(|r| msg!(lang, "event-note-text", note = r))
        .unwrap_or_default();
    msg!(
        lang,
        "extension-line",
        amount = amount_text(lang, ext.amount, ext.unit.as_str()),
        by = ext.by,
        reason = reason
    )
}

/// The deadlines section of `show`.
pub fn deadlines_text(ctx: &Ctx, deadlines: &[Deadline], look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = format!("\n{}\n", bold(look, text(lang, "show-deadlines")));
    if deadlines.is_empty() {
        out.push_str(&msg!(lang, "none-running"));
        out.push('\n');
        return out;
    }
    let names: Vec<String> = deadlines
        .iter()
        .map(|d| match lang {
            Language::Zh => rule_label(ctx, &d.rule),
            Language::En => format!("{} ({})", d.rule, rule_title(ctx, &d.rule)),
        })
        .collect();
    let width = names
        .iter()
        .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()))
        .max()
        .unwrap_or(0);
    for (d, name) in deadlines.iter().zip(&names) {
        let left = match (d.days_left, d.workdays_left) {
            (Some(days), Some(work)) if days < 0 => {
                msg!(lang, "late-days", days = -days, workdays = -work)
            }
            (Some(0), _) => msg!(lang, "left-due-today"),
            (Some(days), Some(work)) => msg!(lang, "days-left", days = days, workdays = work),
            _ => d
                .stopped
                .map(|s| msg!(lang, "stopped-on", date = s))
                .unwrap_or_default(),
        };
        let state = pad(&state_label(lang, d.state), 8);
        let grade = crate::deadline::alarm::grade(d, &ctx.ws.policy.alarms);
        let mark = grade
            .map(|g| format!("  [{}]", g.label(lang)))
            .unwrap_or_default();
        let line = format!(
            "  {}  {:<11}  {state} {left}{mark}",
            pad(name, width),
            due_date(d)
        );
        let line = match grade {
            Some(g) => super::output::graded(look, g, &line),
            None => line,
        };
        out.push_str(&line);
        out.push('\n');
        for ext in &d.extensions {
            let _ = writeln!(out, "      {}", extension_text(lang, ext));
        }
        pause_lines(ctx, d, &mut out);
    }
    out
}

/// The lines under a deadline saying what paused it: a stay in a pause
/// state (with its reason), or an appraisal the workspace lets pause it.
fn pause_lines(ctx: &Ctx, d: &Deadline, out: &mut String) {
    let lang = ctx.ws.settings.language;
    for p in d.pauses.iter().filter(|p| p.adds > 0) {
        if let Some(number) = p.appraisal {
            let line = msg!(
                lang,
                "pause-line-appraisal",
                kind = crate::deadline::explain::appraisal_kind_label(&p.state, lang),
                number = number,
                from = p.from,
                until = p.until,
                adds = p.adds
            );
            let _ = writeln!(out, "      {line}");
            continue;
        }
        let reason = p
            .reason
            .as_deref()
            .map(|r| {
                let label = match lang {
                    Language::En => r.to_string(),
                    Language::Zh => code_label(&ctx.ws.policy.suspension_reasons, r, lang),
                };
                msg!(lang, "explain-pause-reason", reason = label)
            })
            .unwrap_or_default();
        let line = msg!(
            lang,
            "pause-line",
            state = status_label(ctx, &p.state),
            reason = reason,
            from = p.from,
            until = p.until,
            adds = p.adds
        );
        let _ = writeln!(out, "      {line}");
    }
}

/// The full text of `show`: the heading, the fields, the long texts, the
/// deadlines, the paperwork and the history.
pub fn show_text(ctx: &Ctx, case: &Case, look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = String::new();
    let no_title = msg!(lang, "no-title");
    let title = case.title.as_deref().unwrap_or(&no_title);
    let _ = writeln!(
        out,
        "{}  {}  [{}]",
        bold(look, case.id.as_str()),
        bold(look, title),
        status_label(ctx, &case.status)
    );
    if let Some(voided) = case.voided()
        && let EventKind::Voided { reason } = &voided.what
    {
        let line = msg!(
            lang,
            "show-voided",
            date = voided.at.format("%Y-%m-%d %H:%M"),
            by = voided.by,
            reason = reason
        );
        let _ = writeln!(out, "{}", bold(look, &line));
    }
    out.push_str(&fields_text(ctx, case));
    // The case's alarm, the worst of its deadlines', under the fields.
    let deadlines = ctx.deadlines(case);
    if let Some(grade) = crate::deadline::alarm::case_grade(&deadlines, &ctx.ws.policy.alarms) {
        let label = msg!(lang, "field-label", label = msg!(lang, "field-alarm"));
        let line = format!("{}{}", pad(&label, 14), grade.label(lang));
        let _ = writeln!(out, "{}", super::output::graded(look, grade, &line));
    }
    for (label, text) in [
        (text(lang, "show-demands"), &case.demands),
        (text(lang, "show-facts"), &case.facts),
        (text(lang, "show-findings"), &case.findings),
        (text(lang, "show-agreement"), &case.agreement),
        (text(lang, "show-measures"), &case.measures),
    ] {
        if let Some(text) = text {
            let _ = write!(out, "\n{}\n{}\n", bold(look, label), indent(text));
        }
    }
    out.push_str(&deadlines_text(ctx, &deadlines, look));
    out.push_str(&paperwork_text(ctx, case, look));
    let _ = write!(out, "\n{}\n", bold(look, text(lang, "show-history")));
    for event in &case.history {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            dim(look, &event.at.format("%Y-%m-%d %H:%M").to_string()),
            event.by,
            describe_event(ctx, event)
        );
    }
    out
}

/// The `Label: value` lines of `show`, the parties first; empty fields are
/// left out.
fn fields_text(ctx: &Ctx, case: &Case) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = String::new();
    let mut line = |label: &str, value: String| {
        if !value.is_empty() {
            let label = msg!(lang, "field-label", label = label);
            let _ = writeln!(out, "{}{value}", pad(&label, 14));
        }
    };
    let received = case.received.format("%Y-%m-%d %H:%M %:z").to_string();
    let channel = case
        .channel
        .as_deref()
        .map(|c| msg!(ctx.lang(), "in-parentheses", text = channel_label(ctx, c)))
        .unwrap_or_default();
    line(text(lang, "show-received"), format!("{received}{channel}"));
    parties_text(ctx, case, &mut line);
    if let Some(d) = &case.department {
        line(text(lang, "show-received-by"), d.clone());
    }
    if let Some(c) = &case.category {
        line(text(lang, "show-category"), category_label(ctx, c));
    }
    if let Some(t) = &case.case_type {
        line(
            text(lang, "show-type"),
            code_label(&ctx.ws.policy.types, t, lang),
        );
    }
    if let Some(c) = &case.cause {
        line(
            text(lang, "show-cause"),
            code_label(&ctx.ws.policy.causes, c, lang),
        );
    }
    line(
        text(lang, "show-priority"),
        priority_label(ctx, case.priority),
    );
    line(
        text(lang, "show-assignee"),
        case.assignee.clone().unwrap_or_default(),
    );
    if let Some(d) = case.contract_end {
        line(text(lang, "show-contract-end"), d.to_string());
    }
    if let Some(d) = case.challenge_due {
        line(text(lang, "show-challenge-answer-due"), d.to_string());
    }
    if let Some(o) = &case.outcome {
        line(
            text(lang, "show-outcome"),
            code_label(&ctx.ws.policy.outcomes, o, lang),
        );
    }
    if let Some(amount) = case.compensation {
        line(
            text(lang, "show-compensation"),
            msg!(lang, "yuan-amount", amount = amount),
        );
    }
    if let Some(body) = &case.refer_to {
        line(text(lang, "show-referred-to"), body.clone());
    }
    if let Some(s) = case.satisfaction {
        line(text(lang, "show-satisfaction"), satisfaction_label(ctx, s));
    }
    line(
        text(lang, "show-external-ref"),
        case.external_ref.clone().unwrap_or_default(),
    );
    line(text(lang, "show-tags"), join(lang, &case.tags));
    let links: Vec<String> = case.links.iter().map(ToString::to_string).collect();
    line(text(lang, "show-links"), join(lang, &links));
    out
}

/// The complainants, the agent and the respondent, one `line` each.
fn parties_text(ctx: &Ctx, case: &Case, line: &mut impl FnMut(&str, String)) {
    let lang = ctx.ws.settings.language;
    for (i, p) in case.complainants.iter().enumerate() {
        let rep = if case.representatives.contains(&i) {
            msg!(lang, "representative")
        } else {
            String::new()
        };
        let details = present(&[&p.phone, &p.email, &p.address]);
        line(
            text(lang, "show-complainant"),
            format!(
                "{}{rep}{}",
                p.name.clone().unwrap_or_else(|| msg!(lang, "no-name")),
                if details.is_empty() {
                    String::new()
                } else {
                    format!("  {}", join(lang, &details))
                }
            ),
        );
    }
    let joined = |parts: &[&Option<String>]| join(lang, &present(parts));
    if let Some(agent) = &case.agent {
        line(
            text(lang, "show-agent"),
            joined(&[&agent.name, &agent.contact, &agent.scope]),
        );
    }
    if let Some(r) = &case.respondent {
        line(
            text(lang, "show-respondent"),
            joined(&[
                &r.name,
                &r.departments_text(crate::policy::codes::list_separator(lang)),
                &r.location,
                &r.legal_representative,
            ]),
        );
    }
    if let Some(p) = &case.project {
        line(
            text(lang, "show-project"),
            joined(&[&p.name, &p.number, &p.lot]),
        );
    }
}

/// The values present among `parts`, in order.
fn present<'a>(parts: &[&'a Option<String>]) -> Vec<&'a str> {
    parts.iter().filter_map(|v| v.as_deref()).collect()
}

/// The notices issued and the files attached, for `show`.
fn paperwork_text(ctx: &Ctx, case: &Case, look: Look) -> String {
    let lang = ctx.ws.settings.language;
    let mut out = String::new();
    let notices = case
        .history
        .iter()
        .filter_map(Event::notice)
        .map(|n| format!("{}  {}  {}", n.number, notice_title(ctx, &n.kind), n.file));
    section(&mut out, look, text(lang, "show-notices"), notices);
    let attachments = crate::paperwork::attach::current(case);
    let attachments = attachments.iter().map(|a| {
        format!(
            "{}  {}  sha256 {}  {}",
            a.name,
            msg!(lang, "size-bytes", n = a.size),
            a.sha256.chars().take(16).collect::<String>(),
            a.file
        )
    });
    section(&mut out, look, text(lang, "show-attachments"), attachments);
    out
}

/// A titled block of `show`, one indented line an item; nothing when
/// there are no items.
fn section(out: &mut String, look: Look, title: &str, items: impl Iterator<Item = String>) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = write!(out, "\n{}\n", bold(look, title));
    for item in items {
        let _ = writeln!(out, "  {item}");
    }
}

/// The title of a notice kind (its code when the preset no longer
/// defines it).
fn notice_title(ctx: &Ctx, code: &str) -> String {
    crate::paperwork::kinds::find(&ctx.ws.settings.preset, code)
        .map_or_else(|| code.to_string(), |k| k.title.to_string())
}

/// One line describing what an event did: what happened, its details,
/// what was forced and the note.
pub fn describe_event(ctx: &Ctx, event: &Event) -> String {
    let lang = ctx.ws.settings.language;
    let mut text = what_happened(ctx, &event.what);
    if !event.forced.is_empty() {
        let what: Vec<String> = event
            .forced
            .iter()
            .map(|f| {
                let label = crate::messages::fill(lang, &format!("forced-{f}"), &[]);
                // A check the catalogue does not name shows as its code.
                if label.starts_with("forced-") {
                    f.clone()
                } else {
                    label
                }
            })
            .collect();
        text.push_str(&msg!(lang, "event-forced", what = join(lang, &what)));
    }
    if let Some(note) = &event.note {
        let note = note.replace('\n', "\n      ");
        text.push_str(&msg!(lang, "event-note-text", note = note));
    }
    text
}

/// What an approval, escalation, instruction or routing event did.
fn leadership_happened(lang: Language, what: &EventKind) -> String {
    match what {
        EventKind::Approved { kind } => msg!(lang, "event-approved", act = duty_text(lang, kind)),
        EventKind::Escalated { to, reason } => {
            let mut text = msg!(lang, "event-escalated", to = to);
            if let Some(reason) = reason {
                text.push_str(&msg!(lang, "in-parentheses", text = reason));
            }
            text
        }
        EventKind::Routed { to, reason } => msg!(
            lang,
            "event-routed",
            to = to,
            why = route_why_text(lang, reason)
        ),
        _ => msg!(lang, "event-instructed"),
    }
}

/// What an event of kind `what` did, with its details: one short arm per
/// kind, exhaustive, so a new kind cannot go undescribed.
fn what_happened(ctx: &Ctx, what: &EventKind) -> String {
    let lang = ctx.ws.settings.language;
    let policy = &ctx.ws.policy;
    match what {
        EventKind::Status(m) => move_text(ctx, m),
        EventKind::Assigned { from, to } => msg!(
            lang,
            "event-assigned",
            from = from.as_deref().map(|f| format!("{f} ")).unwrap_or_default(),
            to = to.as_deref().unwrap_or("")
        ),
        EventKind::Edited { fields } => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| crate::messages::field_label(lang, f))
                .collect();
            msg!(lang, "event-edited", fields = join(lang, &fields))
        }
        EventKind::Milestone { milestone } => msg!(
            lang,
            "event-milestone",
            milestone = code_label(&policy.milestones, milestone, lang)
        ),
        EventKind::Extended(x) => {
            let mut text = msg!(
                lang,
                "event-extended",
                rule = rule_label(ctx, &x.rule),
                amount = amount_text(lang, x.amount, &x.unit)
            );
            if let Some(reason) = &x.reason {
                text.push_str(&msg!(lang, "in-parentheses", text = reason));
            }
            text
        }
        EventKind::Followup { satisfaction } => msg!(
            lang,
            "event-followup",
            answer = satisfaction_label(ctx, *satisfaction)
        ),
        EventKind::Registered => msg!(lang, "event-registered"),
        EventKind::Imported { .. } => msg!(lang, "event-imported"),
        EventKind::Note => msg!(lang, "event-note"),
        EventKind::Promised { due } => {
            msg!(lang, "event-promised") + &msg!(lang, "event-promised-by", date = due)
        }
        EventKind::Consent { consent } => {
            msg!(lang, "event-consent") + &msg!(lang, "event-consent-text", text = consent)
        }
        EventKind::Notice(n) => msg!(
            lang,
            "event-notice",
            title = notice_title(ctx, &n.kind),
            number = n.number
        ),
        EventKind::Superseded { number, .. } => {
            msg!(lang, "event-superseded", number = number)
        }
        EventKind::Approved { .. }
        | EventKind::Escalated { .. }
        | EventKind::Instructed
        | EventKind::Routed { .. } => leadership_happened(lang, what),
        EventKind::Attached {
            name, file, size, ..
        } => msg!(
            lang,
            "event-attached",
            name = name,
            file = file,
            size = msg!(lang, "size-bytes", n = size)
        ),
        EventKind::Detached { name, file, .. } => {
            msg!(lang, "event-detached", name = name, file = file, size = "")
        }
        EventKind::Voided { reason } => msg!(lang, "event-voided", reason = reason),
        EventKind::AppraisalStarted(a) => crate::model::appraisal::started_text(lang, a),
        EventKind::AppraisalResult(o) => crate::model::appraisal::result_text(lang, o),
    }
}

/// A status move: from → to, then its reason, referrals, consent and
/// outcome.
fn move_text(ctx: &Ctx, m: &Move) -> String {
    let lang = ctx.ws.settings.language;
    let policy = &ctx.ws.policy;
    let mut text = format!(
        "{} → {}",
        m.from
            .as_deref()
            .map(|s| status_label(ctx, s))
            .unwrap_or_default(),
        status_label(ctx, &m.to)
    );
    if let Some(reason) = &m.reason {
        let codes = if policy.suspend_state.as_ref() == Some(&m.to) {
            &policy.suspension_reasons
        } else {
            &policy.rejection_reasons
        };
        let label = code_label(codes, reason, lang);
        text.push_str(&msg!(lang, "in-parentheses", text = label));
    }
    if let Some(to) = &m.transfer_to {
        text.push_str(&msg!(lang, "event-transfer-to", to = to));
    }
    if let Some(body) = &m.refer_to {
        text.push_str(&msg!(lang, "event-refer-to", body = body));
    }
    if m.on_the_spot {
        text.push_str(&msg!(lang, "event-on-the-spot"));
    }
    if let Some(consent) = &m.consent {
        text.push_str(&msg!(lang, "event-consent-text", text = consent));
    }
    if let Some(outcome) = &m.outcome {
        let _ = write!(text, " [{}]", code_label(&policy.outcomes, outcome, lang));
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
