//! Deadlines, derived at read time from a case's history, the policy's
//! rules and the workspace calendar. Nothing here is stored, so a corrected
//! calendar or rule fixes every deadline at once.
//!
//! For each rule that has started: the base period (Civil Code rules, in
//! [`crate::calendar::period`]), plus the time the case spent in pause
//! states, plus recorded extensions; then the state as of `today`.

pub mod explain;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::calendar::{Calendar, CalendarError, Computed, Roll, Unit, period_end};
use crate::model::{Action, Case, Event};
use crate::policy::Policy;
use crate::policy::rules::DeadlineRule;

/// Where a deadline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// Not yet due.
    Running,
    /// Stopped on or before the due date.
    Met,
    /// Stopped after the due date.
    Missed,
    /// Not stopped, and the due date has passed.
    Overdue,
    /// The case is in a pause state; the due date moves while it stays there.
    Paused,
    /// The case ended (a stop state) in time but without the milestone the
    /// rule waits for: not met (and not missed either).
    Ended,
}

impl DeadlineState {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineState::Running => "running",
            DeadlineState::Met => "met",
            DeadlineState::Missed => "missed",
            DeadlineState::Overdue => "overdue",
            DeadlineState::Paused => "paused",
            DeadlineState::Ended => "ended",
        }
    }

    /// The state as a person reads it in `lang`.
    pub fn label(self, lang: crate::policy::Language) -> String {
        crate::messages::fill(lang, &format!("deadline-{}", self.as_str()), &[])
    }

    /// Whether the deadline still has to be met.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            DeadlineState::Running | DeadlineState::Overdue | DeadlineState::Paused
        )
    }
}

/// An extension recorded with `plaint extend`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extension {
    /// How much was added.
    pub amount: i64,
    /// `workdays` or `days`.
    pub unit: Unit,
    /// Why.
    pub reason: Option<String>,
    /// Who granted it.
    pub by: String,
    /// When it was recorded.
    pub at: NaiveDate,
}

impl Extension {
    /// `10 days by 王芳: reason`.
    pub fn describe(&self) -> String {
        format!(
            "{} {} by {}{}",
            self.amount,
            self.unit.as_str(),
            self.by,
            self.reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        )
    }
}

/// A stretch of time the case spent in a pause state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pause {
    /// The pause state.
    pub state: String,
    /// The day it was entered.
    pub from: NaiveDate,
    /// The day it was left (or today, while still paused).
    pub until: NaiveDate,
    /// The working days (or calendar days, for day and month rules) it adds.
    pub adds: i64,
}

/// One rule's deadline for one case, as of a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deadline {
    /// The rule name.
    pub rule: String,
    /// The day the period started (the triggering day, not counted).
    pub start: NaiveDate,
    /// The last day to act.
    pub due: NaiveDate,
    /// Where it stands.
    pub state: DeadlineState,
    /// Calendar days from today to the due date (negative when overdue);
    /// `None` once met or missed.
    pub days_left: Option<i64>,
    /// Working days after today up to the due date (negative when overdue);
    /// `None` once met or missed.
    pub workdays_left: Option<i64>,
    /// The day the rule stopped, if it has.
    pub stopped: Option<NaiveDate>,
    /// Extensions granted.
    pub extensions: Vec<Extension>,
    /// Time spent in pause states.
    pub pauses: Vec<Pause>,
    /// Coverage warnings: years the calendar does not cover.
    pub warnings: Vec<String>,
    /// The due date rests on a year the calendar does not cover (weekends
    /// only assumed): it may move when that year's schedule is added.
    pub provisional: bool,
    /// The uncovered years the computation touched.
    #[serde(skip)]
    pub uncovered_years: Vec<i32>,
}

impl Deadline {
    /// Whether this deadline makes the case overdue.
    pub fn overdue(&self) -> bool {
        self.state == DeadlineState::Overdue
    }
}

/// Every started deadline of `case`, evaluated as of `today`.
pub fn evaluate(
    case: &Case,
    policy: &Policy,
    calendar: &Calendar,
    offset: FixedOffset,
    today: NaiveDate,
) -> Result<Vec<Deadline>, CalendarError> {
    let mut deadlines = Vec::new();
    for rule in &policy.deadlines {
        if let Some(deadline) = evaluate_rule(case, policy, rule, calendar, offset, today)? {
            deadlines.push(deadline);
        }
    }
    Ok(deadlines)
}

/// The deadline of one rule, or `None` when the rule has not started.
pub fn evaluate_rule(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    calendar: &Calendar,
    offset: FixedOffset,
    today: NaiveDate,
) -> Result<Option<Deadline>, CalendarError> {
    let day = |at: DateTime<FixedOffset>| at.with_timezone(&offset).date_naive();
    let Some(start_at) = start_moment(case, policy, rule) else {
        return Ok(None);
    };
    let stop_at = stop_moment(case, rule, start_at);
    let start = day(start_at);
    let stopped = stop_at.map(day);
    let mut warnings = Warnings::new(calendar);
    let pauses = pauses(
        case,
        rule,
        calendar,
        start_at,
        stop_at,
        offset,
        today,
        &mut warnings,
    )?;
    let extensions = extensions(case, rule, offset);
    let due = due_date(calendar, rule, start, &pauses, &extensions, &mut warnings)?;
    let still_paused = stopped.is_none()
        && rule.pause.contains(&case.status)
        && pauses.last().is_some_and(|p| p.until == today);
    let ended = stop_at.is_some_and(|at| ended_without_milestone(case, policy, rule, at));
    let state = match stopped {
        Some(s) if ended && s <= due => DeadlineState::Ended,
        Some(s) if s <= due => DeadlineState::Met,
        Some(_) => DeadlineState::Missed,
        None if still_paused => DeadlineState::Paused,
        None if today > due => DeadlineState::Overdue,
        None => DeadlineState::Running,
    };
    let (days_left, workdays_left) = if state.is_open() {
        let workdays = warnings.take(calendar.workdays_between(today, due)?);
        (Some((due - today).num_days()), Some(workdays))
    } else {
        (None, None)
    };
    Ok(Some(Deadline {
        rule: rule.name.clone(),
        start,
        due,
        state,
        days_left,
        workdays_left,
        stopped,
        extensions,
        pauses,
        provisional: !warnings.years.is_empty(),
        uncovered_years: warnings.years.iter().copied().collect(),
        warnings: warnings.into_list(),
    }))
}

/// Collects coverage warnings from every computation of one deadline.
struct Warnings<'a> {
    calendar: &'a Calendar,
    list: Vec<String>,
    years: std::collections::BTreeSet<i32>,
}

impl<'a> Warnings<'a> {
    fn new(calendar: &'a Calendar) -> Self {
        Warnings {
            calendar,
            list: Vec::new(),
            years: std::collections::BTreeSet::new(),
        }
    }

    fn take<T>(&mut self, computed: Computed<T>) -> T {
        self.years.extend(computed.uncovered_years.iter().copied());
        for w in computed.warnings(self.calendar.name()) {
            if !self.list.contains(&w) {
                self.list.push(w);
            }
        }
        computed.value
    }

    fn into_list(self) -> Vec<String> {
        self.list
    }
}

/// The due date: the base period lengthened by pauses and extensions.
///
/// Working days and calendar days are summed per unit before counting, and
/// the Civil Code roll-forward applies once, to the final calendar-day end,
/// so a long pause never rolls twice.
fn due_date(
    calendar: &Calendar,
    rule: &DeadlineRule,
    start: NaiveDate,
    pauses: &[Pause],
    extensions: &[Extension],
    warnings: &mut Warnings,
) -> Result<NaiveDate, CalendarError> {
    let paused: i64 = pauses.iter().map(|p| p.adds).sum();
    let extra = |unit: Unit| -> i64 {
        extensions
            .iter()
            .filter(|e| e.unit == unit)
            .map(|e| e.amount)
            .sum()
    };
    let (extra_workdays, extra_days) = (extra(Unit::Workdays), extra(Unit::Days));
    if rule.unit == Unit::Workdays {
        let due =
            warnings.take(calendar.add_workdays(start, rule.amount + paused + extra_workdays)?);
        return add_days(calendar, due, extra_days, rule.roll, warnings);
    }
    let raw = period_end(calendar, start, rule.amount, rule.unit, Roll::None)?.value;
    let due = add_days(calendar, raw, paused + extra_days, rule.roll, warnings)?;
    if extra_workdays == 0 {
        return Ok(due);
    }
    Ok(warnings.take(calendar.add_workdays(due, extra_workdays)?))
}

/// `date` plus `days` calendar days, rolled to a working day when `roll` says so.
fn add_days(
    calendar: &Calendar,
    date: NaiveDate,
    days: i64,
    roll: Roll,
    warnings: &mut Warnings,
) -> Result<NaiveDate, CalendarError> {
    let end = period_end(calendar, date, days, Unit::Days, Roll::None)?.value;
    match roll {
        Roll::None => Ok(end),
        Roll::NextWorkday => Ok(warnings.take(calendar.add_workdays(end, 0)?)),
    }
}

/// When the rule's period started: receipt for the first state, else the
/// first time the case reached the start state or milestone.
pub fn start_moment(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
) -> Option<DateTime<FixedOffset>> {
    if rule.start == policy.initial_state() {
        return Some(case.received);
    }
    case.history
        .iter()
        .find(|e| reaches(e, &rule.start))
        .map(|e| e.at)
}

/// The first moment at or after the start when a stop state or milestone was reached.
pub fn stop_moment(
    case: &Case,
    rule: &DeadlineRule,
    start: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    case.history
        .iter()
        .filter(|e| e.at >= start)
        .find(|e| rule.stop.iter().any(|s| reaches(e, s)))
        .map(|e| e.at)
}

/// Whether a rule that waits for a milestone was stopped at `at` by the
/// case reaching a stop state instead (a reply rule on a case closed
/// without the reply recorded).
fn ended_without_milestone(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    at: DateTime<FixedOffset>,
) -> bool {
    let waits_for_milestone = rule.stop.iter().any(|s| policy.milestone(s).is_some());
    waits_for_milestone
        && !case.history.iter().any(|e| {
            e.at == at
                && e.action == Action::Milestone
                && e.milestone
                    .as_deref()
                    .is_some_and(|m| rule.stop.iter().any(|s| s == m))
        })
}

/// Whether `event` reaches the state or milestone `name`.
fn reaches(event: &Event, name: &str) -> bool {
    match event.action {
        Action::Status => event.to.as_deref() == Some(name),
        Action::Milestone => event.milestone.as_deref() == Some(name),
        Action::Imported => event.to.as_deref() == Some(name),
        _ => false,
    }
}

/// The stretches spent in the rule's pause states between its start and
/// its stop (or today).
#[allow(clippy::too_many_arguments)]
fn pauses(
    case: &Case,
    rule: &DeadlineRule,
    calendar: &Calendar,
    start: DateTime<FixedOffset>,
    stop: Option<DateTime<FixedOffset>>,
    offset: FixedOffset,
    today: NaiveDate,
    warnings: &mut Warnings,
) -> Result<Vec<Pause>, CalendarError> {
    if rule.pause.is_empty() {
        return Ok(Vec::new());
    }
    let day = |at: DateTime<FixedOffset>| at.with_timezone(&offset).date_naive();
    let end = stop.map(day).unwrap_or(today);
    let mut list = Vec::new();
    let mut open: Option<(String, NaiveDate)> = None;
    for event in case
        .history
        .iter()
        .filter(|e| e.action == Action::Status && e.at >= start)
    {
        if stop.is_some_and(|s| event.at > s) {
            break;
        }
        let to = event.to.as_deref().unwrap_or("");
        if let Some((state, from)) = open.take() {
            list.push((state, from, day(event.at)));
        }
        if rule.pause.iter().any(|p| p == to) {
            open = Some((to.to_string(), day(event.at)));
        }
    }
    if let Some((state, from)) = open {
        list.push((state, from, end.max(from)));
    }
    list.into_iter()
        .map(|(state, from, until)| {
            let adds = match rule.unit {
                Unit::Workdays => warnings.take(calendar.workdays_between(from, until)?),
                Unit::Days | Unit::Months => (until - from).num_days(),
            };
            Ok(Pause {
                state,
                from,
                until,
                adds,
            })
        })
        .collect()
}

/// The extensions recorded for the rule.
fn extensions(case: &Case, rule: &DeadlineRule, offset: FixedOffset) -> Vec<Extension> {
    case.history
        .iter()
        .filter(|e| e.action == Action::Extended && e.rule.as_deref() == Some(rule.name.as_str()))
        .filter_map(|e| {
            let unit = match e.unit.as_deref() {
                Some("days") => Unit::Days,
                _ => Unit::Workdays,
            };
            Some(Extension {
                amount: e.amount.filter(|a| *a > 0)?,
                unit,
                reason: e.reason.clone(),
                by: e.by.clone(),
                at: e.at.with_timezone(&offset).date_naive(),
            })
        })
        .collect()
}

/// The earliest due date among the deadlines still to be met.
pub fn next_due(deadlines: &[Deadline]) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.state.is_open())
        .min_by_key(|d| d.due)
}
