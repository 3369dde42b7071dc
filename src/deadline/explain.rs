//! How a due date was reached, line by line: the start event, every day
//! counted or skipped (with the holiday's name), the Civil Code roll-forward,
//! pauses, extensions and coverage warnings.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::{Deadline, DeadlineState, evaluate_rule, start_moment};
use crate::calendar::{Calendar, CalendarError, DayKind, Roll, Unit, explain_workdays};
use crate::model::Case;
use crate::msg;
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
///
/// Long by design: the explanation follows the evaluation of a rule step
/// by step, so the two can be read side by side.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
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
    let lang = language;
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
                text: state_text(&deadline, lang),
            }],
            deadline,
        }));
    };
    let mut lines = vec![Line {
        date: Some(start),
        text: msg!(
            lang,
            "explain-start",
            what = start_label(policy, rule, lang),
            time = start_at.format("%H:%M"),
            day = weekday_in(lang, start)
        ),
    }];
    match rule.unit {
        Unit::Workdays => workday_lines(calendar, start, rule.amount, lang, &mut lines)?,
        Unit::Days | Unit::Months => period_lines(start, rule, lang, &mut lines),
    }
    for pause in &deadline.pauses {
        lines.push(pause_line(policy, rule, pause, lang));
    }
    appraisal_lines(case, policy, rule, &deadline, start_at, lang, &mut lines);
    for ext in &deadline.extensions {
        let amount = match ext.unit {
            Unit::Workdays => msg!(lang, "unit-workdays", n = ext.amount),
            Unit::Months => msg!(lang, "unit-months", n = ext.amount),
            Unit::Days => msg!(lang, "unit-days", n = ext.amount),
        };
        let reason = ext
            .reason
            .as_deref()
            .map(|r| msg!(lang, "event-note-text", note = r))
            .unwrap_or_default();
        lines.push(Line {
            date: Some(ext.at),
            text: msg!(
                lang,
                "explain-extended",
                amount = amount,
                by = ext.by,
                reason = reason
            ),
        });
    }
    if rule.unit != Unit::Workdays {
        roll_lines(calendar, rule, start, &deadline, lang, &mut lines);
    }
    lines.push(Line {
        date: Some(due),
        text: msg!(
            lang,
            "explain-due",
            day = weekday_in(lang, due),
            mark = if deadline.provisional { "?" } else { "" }
        ),
    });
    lines.push(Line {
        date: None,
        text: state_text(&deadline, lang),
    });
    // Only a deadline still to be met depends on the assumed days, and
    // only years nobody accepted (`assume_weekends`) are warned about: the
    // rule of every coverage warning.
    let warned = deadline
        .uncovered_years
        .iter()
        .filter(|&&y| deadline.state.is_open() && calendar.warns_for(y));
    for year in warned {
        let warning = msg!(
            lang,
            "coverage-day",
            calendar = calendar.name(),
            year = year
        );
        lines.push(Line {
            date: None,
            text: msg!(lang, "explain-warning", text = warning),
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

/// The line saying a pause lengthened the period: a stay in a pause
/// state, or an appraisal the workspace lets pause the rule.
fn pause_line(policy: &Policy, rule: &DeadlineRule, pause: &super::Pause, lang: Language) -> Line {
    let unit = if rule.unit == Unit::Workdays {
        msg!(lang, "unit-workdays", n = pause.adds)
    } else {
        msg!(lang, "unit-days", n = pause.adds)
    };
    let text = match pause.appraisal {
        Some(number) => msg!(
            lang,
            "explain-appraisal-pauses",
            kind = appraisal_kind_label(&pause.state, lang),
            number = number,
            from = pause.from,
            until = pause.until,
            adds = unit
        ),
        None => msg!(
            lang,
            "explain-paused",
            state = match lang {
                Language::En => pause.state.clone(),
                Language::Zh => policy.state_label(&pause.state, lang),
            },
            reason = pause
                .reason
                .as_deref()
                .map(|r| pause_reason(policy, r, lang))
                .unwrap_or_default(),
            from = pause.from,
            until = pause.until,
            adds = unit
        ),
    };
    Line {
        date: Some(pause.from),
        text,
    }
}

/// The label of an appraisal kind written as its code.
pub fn appraisal_kind_label(code: &str, lang: Language) -> String {
    use crate::model::appraisal::{AppraisalKind, Typed};
    AppraisalKind::from_typed(code).map_or_else(|| code.to_string(), |k| k.label(lang))
}

/// For a rule no appraisal pauses, a line per appraisal begun while it
/// ran, saying it does not pause it and why: the source that provides
/// for appraisal says nothing of the time, and the workspace has not
/// decided otherwise.
fn appraisal_lines(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    deadline: &Deadline,
    start_at: chrono::DateTime<chrono::FixedOffset>,
    lang: Language,
    lines: &mut Vec<Line>,
) {
    use crate::model::appraisal::Typed;
    if policy.appraisal_pauses(&rule.name) {
        return;
    }
    let source = policy
        .appraisal_source
        .as_deref()
        .map(|s| crate::policy::source_in(lang, s).to_string())
        .unwrap_or_default();
    for r in crate::model::appraisal::records(&case.history) {
        let day = r.started.at.date_naive();
        if r.started.at < start_at || deadline.stopped.is_some_and(|s| day > s) {
            continue;
        }
        lines.push(Line {
            date: Some(day),
            text: msg!(
                lang,
                "explain-appraisal-runs",
                kind = r.appraisal.kind.label(lang),
                number = r.appraisal.number,
                date = day,
                source = source,
                rule = rule.name
            ),
        });
    }
}

fn start_label(policy: &Policy, rule: &DeadlineRule, lang: Language) -> String {
    if rule.start == policy.initial_state() {
        msg!(lang, "explain-start-received")
    } else if policy.milestone(&rule.start).is_some() {
        let label = match lang {
            Language::En => rule.start.clone(),
            Language::Zh => crate::policy::code_label(&policy.milestones, &rule.start, lang),
        };
        msg!(lang, "explain-start-milestone", milestone = label)
    } else {
        let label = match lang {
            Language::En => rule.start.clone(),
            Language::Zh => policy.state_label(&rule.start, lang),
        };
        msg!(lang, "explain-start-state", state = label)
    }
}

fn workday_lines(
    calendar: &Calendar,
    start: NaiveDate,
    amount: i64,
    lang: Language,
    lines: &mut Vec<Line>,
) -> Result<(), CalendarError> {
    let steps = explain_workdays(calendar, start, amount)?.value;
    for step in steps {
        let day = weekday_in(lang, step.date);
        let kind = day_kind_text(calendar, lang, step.date.year(), &step.kind);
        let text = match (&step.kind, step.count) {
            (DayKind::MakeupWorkday { .. }, Some(n)) => msg!(
                lang,
                "explain-workday-makeup",
                day = day,
                n = n,
                amount = amount,
                kind = kind
            ),
            (_, Some(n)) => msg!(lang, "explain-workday", day = day, n = n, amount = amount),
            (_, None) => msg!(lang, "explain-skipped", day = day, kind = kind),
        };
        let text = if step.covered {
            text
        } else {
            msg!(lang, "explain-not-covered", text = text)
        };
        lines.push(Line {
            date: Some(step.date),
            text,
        });
    }
    Ok(())
}

fn period_lines(start: NaiveDate, rule: &DeadlineRule, lang: Language, lines: &mut Vec<Line>) {
    let raw = match rule.unit {
        Unit::Months => u32::try_from(rule.amount)
            .ok()
            .and_then(|m| start.checked_add_months(Months::new(m))),
        _ => start.checked_add_days(chrono::Days::new(rule.amount.unsigned_abs())),
    };
    let Some(raw) = raw else { return };
    let amount = if rule.unit == Unit::Months {
        msg!(lang, "unit-months", n = rule.amount)
    } else {
        msg!(lang, "unit-days", n = rule.amount)
    };
    let end = weekday_in(lang, raw);
    let mut text = msg!(
        lang,
        "explain-period",
        start = start,
        amount = amount,
        end = end
    );
    if rule.unit == Unit::Months && raw.day() != start.day() {
        text.push_str(&msg!(lang, "explain-month-end", day = start.day()));
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
    lang: Language,
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
            text: msg!(
                lang,
                "explain-added",
                n = added,
                day = weekday_in(lang, day)
            ),
        });
    }
    if rule.roll == Roll::None {
        return;
    }
    while !calendar.is_workday(day) {
        lines.push(Line {
            date: Some(day),
            text: msg!(
                lang,
                "explain-rolled",
                day = weekday_in(lang, day),
                kind = day_kind_text(calendar, lang, day.year(), &calendar.day_kind(day))
            ),
        });
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
}

/// `: 补充材料` after a pause state: the reason it was entered with.
fn pause_reason(policy: &Policy, reason: &str, lang: Language) -> String {
    let label = match lang {
        Language::En => reason.to_string(),
        Language::Zh => crate::policy::code_label(&policy.suspension_reasons, reason, lang),
    };
    msg!(lang, "explain-pause-reason", reason = label)
}

fn state_text(deadline: &Deadline, lang: Language) -> String {
    let state = deadline.state.label(lang);
    match deadline.state {
        DeadlineState::NotTracked => return msg!(lang, "explain-state-not-tracked", state = state),
        DeadlineState::Stopped => {
            let date = deadline.stopped.map(|s| s.to_string()).unwrap_or_default();
            return msg!(
                lang,
                "explain-state-left-workflow",
                state = state,
                date = date
            );
        }
        _ => {}
    }
    match (deadline.stopped, deadline.workdays_left) {
        (Some(date), _) => msg!(lang, "explain-state-stopped", state = state, date = date),
        (None, Some(left)) if left < 0 => {
            msg!(lang, "explain-state-late", state = state, n = -left)
        }
        (None, _) if deadline.days_left == Some(0) => {
            msg!(lang, "explain-state-today", state = state)
        }
        (None, Some(left)) => msg!(lang, "explain-state-left", state = state, n = left),
        (None, None) => msg!(lang, "explain-state", state = state),
    }
}

/// `2026-10-01 Thu`, or `2026-10-01 周四`.
pub fn weekday_in(lang: Language, date: NaiveDate) -> String {
    format!("{date} {}", weekday_name(lang, date))
}

/// The day of the week of `date` in `lang`: `Thu`, `周四`.
pub fn weekday_name(lang: Language, date: NaiveDate) -> String {
    let n = date.weekday().number_from_monday();
    crate::messages::fill(lang, &format!("weekday-{n}"), &[])
}

/// Why a day is or is not a working day, in `lang`, holidays by name
/// (their Chinese name in Chinese, when the calendar has one).
pub fn day_kind_text(calendar: &Calendar, lang: Language, year: i32, kind: &DayKind) -> String {
    match kind {
        DayKind::Workday => msg!(lang, "day-workday"),
        DayKind::Weekend => msg!(lang, "day-weekend"),
        DayKind::Holiday(h) if lang == Language::Zh => {
            let name = h.zh.clone().unwrap_or_else(|| h.name.clone());
            if h.in_lieu {
                msg!(lang, "day-holiday-in-lieu", name = name)
            } else {
                msg!(lang, "day-holiday-named", name = name)
            }
        }
        DayKind::Holiday(h) => h.to_string(),
        DayKind::MakeupWorkday { pays_back: None } => msg!(lang, "day-makeup"),
        DayKind::MakeupWorkday {
            pays_back: Some(name),
        } => msg!(
            lang,
            "day-makeup-for",
            name = holiday_name(calendar, lang, year, name)
        ),
    }
}

/// The name of holiday `name` (as the calendar calls it in English) in `lang`.
pub fn holiday_name(calendar: &Calendar, lang: Language, year: i32, name: &str) -> String {
    if lang == Language::En {
        return name.to_string();
    }
    [year - 1, year, year + 1]
        .iter()
        .flat_map(|&y| calendar.holidays_in(y))
        .find(|(_, h)| h.name == name)
        .and_then(|(_, h)| h.zh.clone())
        .unwrap_or_else(|| name.to_string())
}

/// `2026-10-01 Thu`.
pub fn weekday(date: NaiveDate) -> String {
    date.format("%Y-%m-%d %a").to_string()
}
