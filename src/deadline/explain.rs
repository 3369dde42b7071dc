//! How a due date was reached, line by line: the start event, every day
//! counted or skipped (with the holiday's name), the Civil Code roll-forward,
//! pauses, extensions and coverage warnings.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::{Deadline, DeadlineState, evaluate_rule, start_moment};
use crate::calendar::{Calendar, CalendarError, DayKind, Roll, Unit, explain_workdays};
use crate::model::Case;
use crate::policy::rules::DeadlineRule;
use crate::policy::{Language, Policy, pick};

/// One line of an explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The day the line is about, if it is about one day.
    pub date: Option<NaiveDate>,
    /// What happened on it.
    pub text: String,
}

/// The whole explanation of one rule's deadline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The rule name.
    pub rule: String,
    /// The rule's label.
    pub label: String,
    /// The legal source.
    pub source: Option<String>,
    /// `statutory` or `office-target`.
    pub kind: crate::policy::rules::RuleKind,
    /// Whether and when `extend` may lengthen it.
    pub extendable: crate::policy::rules::Extendable,
    /// The evaluated deadline.
    pub deadline: Deadline,
    /// The reasoning, in order.
    pub lines: Vec<Line>,
}

/// Explains `rule` for `case` as of `today`; `None` when it has not started.
pub fn explain(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    calendar: &Calendar,
    offset: chrono::FixedOffset,
    today: NaiveDate,
    language: Language,
) -> Result<Option<Explanation>, CalendarError> {
    let Some(deadline) = evaluate_rule(case, policy, rule, calendar, offset, today)? else {
        return Ok(None);
    };
    let (Some(start_at), Some(start), Some(due)) = (
        start_moment(case, policy, rule),
        deadline.start,
        deadline.due,
    ) else {
        return Ok(Some(Explanation {
            rule: rule.name.clone(),
            label: pick(language, &rule.en, &rule.zh).to_string(),
            kind: rule.kind(),
            extendable: rule.extendable,
            source: rule.source.clone(),
            lines: vec![Line {
                date: None,
                text: format!("state: {}: {NOT_TRACKED}", deadline.state.as_str()),
            }],
            deadline,
        }));
    };
    let mut lines = vec![Line {
        date: Some(start),
        text: format!(
            "start: {} at {} ({}); the day itself is not counted",
            start_label(policy, rule),
            start_at.format("%H:%M"),
            weekday(start)
        ),
    }];
    match rule.unit {
        Unit::Workdays => workday_lines(calendar, start, rule.amount, &mut lines)?,
        Unit::Days | Unit::Months => period_lines(start, rule, &mut lines),
    }
    for pause in &deadline.pauses {
        let unit = if rule.unit == Unit::Workdays {
            "working days"
        } else {
            "days"
        };
        lines.push(Line {
            date: Some(pause.from),
            text: format!(
                "paused ({}{}) from {} to {}: the period is extended by {} {unit}",
                pause.state,
                pause
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default(),
                pause.from,
                pause.until,
                pause.adds
            ),
        });
    }
    for ext in &deadline.extensions {
        lines.push(Line {
            date: Some(ext.at),
            text: format!("extended by {}", ext.describe()),
        });
    }
    if rule.unit != Unit::Workdays {
        roll_lines(calendar, rule, start, &deadline, &mut lines);
    }
    lines.push(Line {
        date: Some(due),
        text: format!("due: {}", weekday(due)),
    });
    lines.push(Line {
        date: None,
        text: state_text(&deadline),
    });
    for warning in &deadline.warnings {
        lines.push(Line {
            date: None,
            text: format!("warning: {warning}"),
        });
    }
    Ok(Some(Explanation {
        rule: rule.name.clone(),
        label: pick(language, &rule.en, &rule.zh).to_string(),
        source: rule.source.clone(),
        kind: rule.kind(),
        extendable: rule.extendable,
        deadline,
        lines,
    }))
}

fn start_label(policy: &Policy, rule: &DeadlineRule) -> String {
    if rule.start == policy.initial_state() {
        "case received".to_string()
    } else if policy.milestone(&rule.start).is_some() {
        format!("milestone {}", rule.start)
    } else {
        format!("case {}", rule.start)
    }
}

fn workday_lines(
    calendar: &Calendar,
    start: NaiveDate,
    amount: i64,
    lines: &mut Vec<Line>,
) -> Result<(), CalendarError> {
    let steps = explain_workdays(calendar, start, amount)?.value;
    for step in steps {
        let text = match (&step.kind, step.count) {
            (DayKind::MakeupWorkday { .. }, Some(n)) => {
                format!(
                    "{} counted, working day {n} of {amount} ({})",
                    weekday(step.date),
                    step.kind
                )
            }
            (_, Some(n)) => format!(
                "{} counted, working day {n} of {amount}",
                weekday(step.date)
            ),
            (kind, None) => format!("{} skipped: {kind}", weekday(step.date)),
        };
        let text = if step.covered {
            text
        } else {
            format!("{text} [year not covered by the calendar: weekends only]")
        };
        lines.push(Line {
            date: Some(step.date),
            text,
        });
    }
    Ok(())
}

fn period_lines(start: NaiveDate, rule: &DeadlineRule, lines: &mut Vec<Line>) {
    let raw = match rule.unit {
        Unit::Months => u32::try_from(rule.amount)
            .ok()
            .and_then(|m| start.checked_add_months(Months::new(m))),
        _ => start.checked_add_days(chrono::Days::new(rule.amount.unsigned_abs())),
    };
    let Some(raw) = raw else { return };
    let unit = if rule.unit == Unit::Months {
        "month(s)"
    } else {
        "days"
    };
    let mut text = format!("{start} + {} {unit} = {}", rule.amount, weekday(raw));
    if rule.unit == Unit::Months && raw.day() != start.day() {
        text.push_str(&format!(
            "; that month has no day {}, so the period ends on its last day",
            start.day()
        ));
    }
    lines.push(Line {
        date: Some(raw),
        text,
    });
}

/// The calendar-day end after pauses and day extensions, and its
/// roll-forward off rest days (Civil Code art. 203).
fn roll_lines(
    calendar: &Calendar,
    rule: &DeadlineRule,
    start: NaiveDate,
    deadline: &Deadline,
    lines: &mut Vec<Line>,
) {
    let base = match rule.unit {
        Unit::Months => u32::try_from(rule.amount)
            .ok()
            .and_then(|m| start.checked_add_months(Months::new(m))),
        _ => start.checked_add_days(chrono::Days::new(rule.amount.unsigned_abs())),
    };
    let added: i64 = deadline.pauses.iter().map(|p| p.adds).sum::<i64>()
        + deadline
            .extensions
            .iter()
            .filter(|e| e.unit == Unit::Days)
            .map(|e| e.amount)
            .sum::<i64>();
    let Some(mut day) =
        base.and_then(|b| b.checked_add_days(chrono::Days::new(added.unsigned_abs())))
    else {
        return;
    };
    if added > 0 {
        lines.push(Line {
            date: Some(day),
            text: format!("with {added} day(s) added: {}", weekday(day)),
        });
    }
    if rule.roll == Roll::None {
        return;
    }
    while !calendar.is_workday(day) {
        lines.push(Line {
            date: Some(day),
            text: format!(
                "{} is a rest day ({}): the period ends on the next working day (Civil Code art. 203)",
                weekday(day),
                calendar.day_kind(day)
            ),
        });
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
}

/// Why a rule of an imported case is not evaluated.
const NOT_TRACKED: &str = "the case was imported past this rule, and its history does not show when the rule started or stopped; it is neither met, missed nor overdue";

fn state_text(deadline: &Deadline) -> String {
    let state = deadline.state.as_str();
    match deadline.state {
        DeadlineState::NotTracked => return format!("state: {state}: {NOT_TRACKED}"),
        DeadlineState::Stopped => {
            return format!(
                "state: {state} on {}: the case left the workflow before this rule's own stop; the clock stopped without the act being done",
                deadline.stopped.map(|s| s.to_string()).unwrap_or_default()
            );
        }
        _ => {}
    }
    match (deadline.stopped, deadline.workdays_left) {
        (Some(stopped), _) => format!("state: {state} (stopped on {stopped})"),
        (None, Some(left)) if left < 0 => format!("state: {state}, {} working day(s) late", -left),
        (None, Some(left)) => format!("state: {state}, {left} working day(s) left"),
        (None, None) => format!("state: {state}"),
    }
}

/// `2026-10-01 Thu`.
pub fn weekday(date: NaiveDate) -> String {
    date.format("%Y-%m-%d %a").to_string()
}
