//! Deadlines, derived at read time from a case's history, the policy's
//! rules and the workspace calendar. Nothing here is stored, so a corrected
//! calendar or rule fixes every deadline at once.
//!
//! For each rule that has started: the base period (Civil Code rules, in
//! [`crate::calendar::period`]), plus the time the case spent in pause
//! states, plus recorded extensions; then the state as of `today`.

pub mod alarm;
pub mod explain;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::calendar::{Calendar, CalendarError, Computed, Roll, Unit, period_end};
use crate::model::event::PROMISE_KEPT;
use crate::model::{Action, Case, Event, EventKind, status_from_history};
use crate::policy::Policy;
use crate::policy::rules::{DeadlineRule, RuleKind};

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
    /// The case left the workflow (moved to a state that is not open, such
    /// as rejected or closed) before the rule's own stop and on or before
    /// its due date: the clock stopped without the act being done. A case
    /// that leaves after the due date has `Missed` the rule instead.
    Stopped,
    /// The case was imported past this rule: its history does not show
    /// when the rule started or stopped, so it is neither met, missed nor
    /// overdue, and is counted on its own.
    NotTracked,
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
            DeadlineState::Stopped => "stopped",
            DeadlineState::NotTracked => "not_tracked",
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

#[cfg(test)]
impl Deadline {
    /// A deadline of an office target named `rule`, `state`, with the days
    /// left given, and nothing else known: for tests of what is built on
    /// deadlines.
    pub fn sample(rule: &str, state: DeadlineState, days_left: i64, workdays_left: i64) -> Self {
        Deadline {
            rule: rule.into(),
            kind: RuleKind::OfficeTarget,
            source: None,
            start: None,
            due: None,
            state,
            days_left: Some(days_left),
            workdays_left: Some(workdays_left),
            stopped: None,
            extensions: Vec::new(),
            pauses: Vec::new(),
            warnings: Vec::new(),
            provisional: false,
            uncovered_years: Vec::new(),
        }
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
    /// The reason code it was entered with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The day it was entered.
    pub from: NaiveDate,
    /// The day it was left (or today, while still paused).
    pub until: NaiveDate,
    /// The working days (or calendar days, for day and month rules) it adds.
    pub adds: i64,
    /// The number of the appraisal that paused the rule, when an
    /// appraisal did (`state` is then its kind, `appraisal` or `testing`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appraisal: Option<u32>,
}

/// One rule's deadline for one case, as of a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deadline {
    /// The rule name (`promise` for a promise made to the complainant).
    pub rule: String,
    /// `statutory` or `office-target` (a promise is an office target).
    pub kind: RuleKind,
    /// The legal source of the rule, if it has one.
    pub source: Option<String>,
    /// The day the period started (the triggering day, not counted);
    /// `None` when the history does not show it (an imported case).
    pub start: Option<NaiveDate>,
    /// The last day to act; `None` when the start is not known.
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub state: DeadlineState,
    /// Calendar days from today to the due date (negative when overdue);
    /// `None` once met or missed.
    pub days_left: Option<i64>,
    /// Working days after today up to the due date (negative when overdue);
    /// `None` once met or missed.
    pub workdays_left: Option<i64>,
    /// The day the rule stopped (by its own stop, or because the case
    /// left the workflow), if it has.
    pub stopped: Option<NaiveDate>,
    /// Extensions granted.
    pub extensions: Vec<Extension>,
    /// Time spent in pause states.
    pub pauses: Vec<Pause>,
    /// Coverage warnings: years the calendar does not cover and the
    /// office has not accepted as weekends only.
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
    for promise in promises_made(case, policy, offset) {
        deadlines.push(promise_deadline(promise, calendar, today)?);
    }
    Ok(deadlines)
}

/// The deadline of one rule, or `None` when the rule has not started.
///
/// Three facts of the history decide it besides the rule itself:
/// - a move into a state that is not open (rejected, transferred,
///   withdrawn, resolved, closed) stops every clock, whatever the rule's
///   stop list says, so a case that left the workflow never has pending
///   work;
/// - a case imported past its first state (an `imported` event with `to`)
///   hides what happened before the import: a rule that started before it
///   and has no recorded stop after it, or whose start the import hides,
///   is [`DeadlineState::NotTracked`];
/// - everything else is evaluated exactly from the recorded events.
///
/// Long by design: the cases above are handled in the order listed, one
/// block each.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn evaluate_rule(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    calendar: &Calendar,
    offset: FixedOffset,
    today: NaiveDate,
) -> Result<Option<Deadline>, CalendarError> {
    let day = |at: DateTime<FixedOffset>| at.with_timezone(&offset).date_naive();
    let import = import_point(case, policy);
    let (start_at, start_index) = match rule_start(case, policy, rule, import) {
        Start::NotYet => return Ok(None),
        Start::Unknown => return Ok(Some(Deadline::not_tracked(rule, None, None, Vec::new()))),
        Start::At(at, index) => (at, index),
    };
    let stop = rule_stop(case, policy, rule, start_at, start_index);
    let stop_at = stop.map(|s| s.at);
    let cut = stop.filter(|s| !s.own);
    let start = day(start_at);
    let mut warnings = Warnings::new(calendar);
    let mut pauses = pauses(
        case,
        rule,
        calendar,
        start_at,
        stop_at,
        offset,
        today,
        &mut warnings,
    )?;
    let by_appraisal = policy.appraisal_pauses(&rule.name);
    if by_appraisal {
        let span = (start_at, stop_at, offset, today);
        pauses.extend(appraisal_pauses(
            case,
            rule,
            calendar,
            span,
            &pauses,
            &mut warnings,
        )?);
        pauses.sort_by_key(|p| p.from);
    }
    let extensions = extensions(case, rule, offset);
    let due = due_date(calendar, rule, start, &pauses, &extensions, &mut warnings)?;
    let hidden_by_import =
        import.is_some_and(|at| start_at <= at && stop_at.is_none_or(|s| s <= at));
    if hidden_by_import {
        let years = warnings.years.iter().copied().collect();
        return Ok(Some(Deadline::not_tracked(
            rule,
            Some(start),
            Some(due),
            years,
        )));
    }
    // A rule started by the very move out of the workflow (serving the
    // refusal after a rejection) is an obligation of the final state: it
    // runs there until its own stop.
    let starts_at_exit = start_index
        .and_then(|i| case.history.get(i))
        .and_then(Event::status_move)
        .is_some_and(|m| !policy.is_open(&m.to));
    let stopped = stop_at.map(day).or_else(|| {
        // A case whose latest move left the workflow before this rule
        // started (a milestone merged in after a rejection) runs nothing.
        (!starts_at_exit && !policy.is_open(current_status(case, policy))).then_some(start)
    });
    let appraising = by_appraisal
        && crate::model::appraisal::records(&case.history)
            .iter()
            .any(|r| r.is_open() && r.started.at >= start_at);
    let in_pause_state = rule.pause.iter().any(|p| p == current_status(case, policy))
        && pauses
            .iter()
            .any(|p| p.appraisal.is_none() && p.until == today);
    let still_paused = stopped.is_none() && (appraising || in_pause_state);
    let ended = stop_at.is_some_and(|at| {
        !milestone_before(case, rule, start_at) && ended_without_milestone(case, policy, rule, at)
    });
    let state = match stopped {
        Some(s) if cut.is_some() || stop.is_none() => {
            if s <= due {
                DeadlineState::Stopped
            } else {
                DeadlineState::Missed
            }
        }
        Some(s) if ended && s <= due => DeadlineState::Ended,
        Some(s) if s <= due => DeadlineState::Met,
        Some(_) => DeadlineState::Missed,
        None if still_paused => DeadlineState::Paused,
        None if today > due => DeadlineState::Overdue,
        None => DeadlineState::Running,
    };
    // The due date is provisional when it rests on an uncovered year; a
    // count of working days left (or late) that reaches one is not.
    let due_years: Vec<i32> = warnings.years.iter().copied().collect();
    let named = (rule.name.clone(), rule.kind(), rule.source.clone());
    let clock = (start, due, state, stopped);
    let mut deadline = Deadline::started(named, clock, today, warnings)?;
    deadline.extensions = extensions;
    deadline.pauses = pauses;
    deadline.provisional = !due_years.is_empty();
    deadline.uncovered_years = due_years;
    Ok(Some(deadline))
}

impl Deadline {
    /// The deadline `(name, kind, source)` of a clock started on `start`,
    /// due on `due`, in `state` (stopped on `stopped`, if it has), as of
    /// `today`: the days left while it is open are counted with
    /// `warnings`. No extensions or pauses, and not provisional.
    fn started(
        (rule, kind, source): (String, RuleKind, Option<String>),
        (start, due, state, stopped): (NaiveDate, NaiveDate, DeadlineState, Option<NaiveDate>),
        today: NaiveDate,
        mut warnings: Warnings,
    ) -> Result<Deadline, CalendarError> {
        let (days_left, workdays_left) = if state.is_open() {
            let workdays = warnings.take(warnings.calendar.workdays_between(today, due)?);
            (Some((due - today).num_days()), Some(workdays))
        } else {
            (None, None)
        };
        Ok(Deadline {
            rule,
            kind,
            source,
            start: Some(start),
            due: Some(due),
            state,
            days_left,
            workdays_left,
            stopped,
            extensions: Vec::new(),
            pauses: Vec::new(),
            provisional: false,
            uncovered_years: Vec::new(),
            warnings: warnings.into_list(),
        })
    }

    /// A rule the history cannot evaluate (see [`DeadlineState::NotTracked`]).
    /// `uncovered_years`: the years outside the calendar that `due` rests on.
    fn not_tracked(
        rule: &DeadlineRule,
        start: Option<NaiveDate>,
        due: Option<NaiveDate>,
        uncovered_years: Vec<i32>,
    ) -> Self {
        Deadline {
            rule: rule.name.clone(),
            kind: rule.kind(),
            source: rule.source.clone(),
            start,
            due,
            state: DeadlineState::NotTracked,
            days_left: None,
            workdays_left: None,
            stopped: None,
            extensions: Vec::new(),
            pauses: Vec::new(),
            warnings: Vec::new(),
            provisional: !uncovered_years.is_empty(),
            uncovered_years,
        }
    }
}

/// The state the case is in by its history (the later move wins), or its
/// `status` field when no event sets one.
pub fn current_status<'a>(case: &'a Case, policy: &'a Policy) -> &'a str {
    status_from_history(&case.history)
        .or_else(|| {
            // An unset history keeps the file's own status.
            (!case.status.is_empty()).then_some(case.status.as_str())
        })
        .unwrap_or(policy.initial_state())
}

/// When the case was imported past its first state: the moment of its
/// opening `imported` event, which records only where the case stood.
fn import_point(case: &Case, policy: &Policy) -> Option<DateTime<FixedOffset>> {
    case.history
        .first()
        .filter(|e| match &e.what {
            EventKind::Imported { to } => {
                to.as_deref().is_some_and(|to| to != policy.initial_state())
            }
            _ => false,
        })
        .map(|e| e.at)
}

/// How the history answers "when did this rule start?".
enum Start {
    /// It has not started.
    NotYet,
    /// It started before the case was imported; when is not recorded.
    Unknown,
    /// At this moment, by the event at this index (`None`: receipt).
    At(DateTime<FixedOffset>, Option<usize>),
}

fn rule_start(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    import: Option<DateTime<FixedOffset>>,
) -> Start {
    if rule.start == policy.initial_state() {
        return Start::At(case.received, None);
    }
    match case
        .history
        .iter()
        .enumerate()
        .find(|(_, e)| reaches(e, &rule.start))
    {
        Some((_, e)) if e.action() == Action::Imported => Start::Unknown,
        Some((i, e)) => Start::At(e.at, Some(i)),
        None if import.is_some() && imported_past(case, policy, &rule.start) => Start::Unknown,
        None if rule.start_or_receipt => Start::At(case.received, None),
        None => Start::NotYet,
    }
}

/// Whether the state a case was imported in lies past `state` in the
/// workflow: reachable from it, and further from the first state.
fn imported_past(case: &Case, policy: &Policy, state: &str) -> bool {
    let Some(imported) = case.history.first().and_then(Event::moved_to) else {
        return false;
    };
    let depth = workflow_depths(policy);
    let (Some(a), Some(b)) = (depth.get(state), depth.get(imported)) else {
        return false;
    };
    a < b && reachable(policy, state, imported)
}

/// Each state's distance from the first state along the transitions.
fn workflow_depths(policy: &Policy) -> std::collections::BTreeMap<&str, usize> {
    let mut depth = std::collections::BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([(policy.initial_state(), 0)]);
    while let Some((state, d)) = queue.pop_front() {
        if depth.contains_key(state) {
            continue;
        }
        depth.insert(state, d);
        for next in policy.transitions.get(state).into_iter().flatten() {
            queue.push_back((next.as_str(), d + 1));
        }
    }
    depth
}

fn reachable(policy: &Policy, from: &str, to: &str) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![from];
    while let Some(state) = stack.pop() {
        if state == to {
            return true;
        }
        if seen.insert(state) {
            stack.extend(
                policy
                    .transitions
                    .get(state)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
    }
    false
}

/// When the rule started: receipt for the first state, else the first
/// recorded move to the start state or milestone (the opening `imported`
/// event does not count: it says where the case stood, not when it got there).
pub fn start_moment(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
) -> Option<DateTime<FixedOffset>> {
    match rule_start(case, policy, rule, import_point(case, policy)) {
        Start::At(at, _) => Some(at),
        _ => None,
    }
}

/// Where a rule's clock stopped, and whether by the rule's own stop (a
/// stop state or milestone) or because the case left the workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stop {
    at: DateTime<FixedOffset>,
    own: bool,
}

/// When the rule's clock stopped, if it has, read down the history from
/// its start (the starting event itself excluded, so a rule may start at a
/// closing state).
///
/// A milestone, or a move into an open state the rule stops at (the case
/// accepted), stops it for good: a deed done stays done. A move into a
/// state that is not open (rejected, transferred, resolved, closed) stops
/// it only while the case stays out of the workflow: a later move back
/// into an open state (a reopening, or a move merged in from a clone that
/// had not seen the exit) resumes it, with its original due date. So a
/// clock is stopped exactly when the merged history leaves the case in a
/// final state, whichever clone moved it there.
///
/// A milestone is a deed done once: recorded before the rule started (the
/// respondent notified before the case was accepted), it met the rule the
/// moment the rule started.
fn rule_stop(
    case: &Case,
    policy: &Policy,
    rule: &DeadlineRule,
    start: DateTime<FixedOffset>,
    start_index: Option<usize>,
) -> Option<Stop> {
    if milestone_before(case, rule, start) {
        return Some(Stop {
            at: start,
            own: true,
        });
    }
    let stops_rule = |event: &Event| rule.stop.iter().any(|s| reaches(event, s));
    // A stop by a move out of the workflow, lifted by a move back in.
    let mut held: Option<Stop> = None;
    for (i, event) in case.history.iter().enumerate() {
        if Some(i) == start_index || event.at < start {
            continue;
        }
        match &event.what {
            EventKind::Milestone { .. } | EventKind::Instructed if stops_rule(event) => {
                return held.or(Some(Stop {
                    at: event.at,
                    own: true,
                }));
            }
            EventKind::Status(m) => {
                if !policy.is_open(&m.to) {
                    held = held.or(Some(Stop {
                        at: event.at,
                        own: stops_rule(event),
                    }));
                } else if stops_rule(event) {
                    return held.or(Some(Stop {
                        at: event.at,
                        own: true,
                    }));
                } else {
                    held = None;
                }
            }
            // A void case runs no clock, whatever follows.
            EventKind::Voided { .. } => {
                return held.or(Some(Stop {
                    at: event.at,
                    own: false,
                }));
            }
            _ => {}
        }
    }
    held
}

/// Whether a milestone that stops `rule` was recorded before it started.
fn milestone_before(case: &Case, rule: &DeadlineRule, start: DateTime<FixedOffset>) -> bool {
    case.history
        .iter()
        .filter(|e| e.milestone().is_some() && e.at < start)
        .any(|e| rule.stop.iter().any(|s| reaches(e, s)))
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
        for w in computed.warnings_on(self.calendar) {
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
    // Resolved on the spot, at receipt: the complainant was answered then.
    let on_the_spot = case
        .history
        .iter()
        .any(|e| e.at == at && e.status_move().is_some_and(|m| m.on_the_spot));
    waits_for_milestone
        && !on_the_spot
        && !case.history.iter().any(|e| {
            e.at == at
                && e.milestone()
                    .is_some_and(|m| rule.stop.iter().any(|s| s == m))
        })
}

/// Whether `event` reaches the state or milestone `name`.
fn reaches(event: &Event, name: &str) -> bool {
    use crate::policy::leadership::{ESCALATED, INSTRUCTED};
    match &event.what {
        EventKind::Status(m) => m.to == name,
        EventKind::Escalated { .. } => name == ESCALATED,
        EventKind::Instructed => name == INSTRUCTED,
        EventKind::Milestone { milestone } => milestone == name,
        EventKind::Imported { to } => to.as_deref() == Some(name),
        EventKind::Registered
        | EventKind::Assigned { .. }
        | EventKind::Note
        | EventKind::Extended(_)
        | EventKind::Edited { .. }
        | EventKind::Followup { .. }
        | EventKind::Promised { .. }
        | EventKind::Consent { .. }
        | EventKind::Notice(_)
        | EventKind::Attached { .. }
        | EventKind::Detached { .. }
        | EventKind::Superseded { .. }
        | EventKind::Voided { .. }
        | EventKind::Approved { .. }
        | EventKind::Routed { .. }
        | EventKind::AppraisalStarted(_)
        | EventKind::AppraisalResult(_) => false,
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
    let end = stop.map_or(today, day);
    let mut list = Vec::new();
    let mut open: Option<(String, Option<String>, NaiveDate)> = None;
    for (event, moved) in case
        .history
        .iter()
        .filter(|e| e.at >= start)
        .filter_map(|e| e.status_move().map(|m| (e, m)))
    {
        if stop.is_some_and(|s| event.at > s) {
            break;
        }
        if let Some((state, reason, from)) = open.take() {
            list.push((state, reason, from, day(event.at)));
        }
        let reason_counts = rule.pause_reasons.is_empty()
            || moved
                .reason
                .as_deref()
                .is_some_and(|r| rule.pause_reasons.iter().any(|p| p == r));
        if reason_counts && rule.pause.contains(&moved.to) {
            open = Some((moved.to.clone(), moved.reason.clone(), day(event.at)));
        }
    }
    if let Some((state, reason, from)) = open {
        list.push((state, reason, from, end.max(from)));
    }
    list.into_iter()
        .map(|(state, reason, from, until)| {
            let adds = match rule.unit {
                Unit::Workdays => warnings.take(calendar.workdays_between(from, until)?),
                Unit::Days | Unit::Months => (until - from).num_days(),
            };
            Ok(Pause {
                state,
                reason,
                from,
                until,
                adds,
                appraisal: None,
            })
        })
        .collect()
}

/// The stretches an appraisal paused the rule (see
/// `policy.appraisal_pauses`): from the day it began to the day its
/// result came (or the rule stopped, or today), within the rule's run,
/// less the days a state pause or an earlier appraisal already paused,
/// so no day is counted twice.
fn appraisal_pauses(
    case: &Case,
    rule: &DeadlineRule,
    calendar: &Calendar,
    (start, stop, offset, today): (
        DateTime<FixedOffset>,
        Option<DateTime<FixedOffset>>,
        FixedOffset,
        NaiveDate,
    ),
    state_pauses: &[Pause],
    warnings: &mut Warnings,
) -> Result<Vec<Pause>, CalendarError> {
    let day = |at: DateTime<FixedOffset>| at.with_timezone(&offset).date_naive();
    let end = stop.map_or(today, day);
    let mut covered: Vec<(NaiveDate, NaiveDate)> =
        state_pauses.iter().map(|p| (p.from, p.until)).collect();
    let mut list = Vec::new();
    for record in crate::model::appraisal::records(&case.history) {
        if stop.is_some_and(|s| record.started.at > s) {
            continue;
        }
        let from = day(record.started.at.max(start));
        let until = record.result.map_or(end, |(e, _)| day(e.at)).min(end);
        let mut pieces = vec![(from, until)];
        for &(a, b) in &covered {
            pieces = pieces
                .into_iter()
                .flat_map(|(x, y)| [(x, y.min(a)), (x.max(b), y)])
                .filter(|(x, y)| x < y)
                .collect();
        }
        for (from, until) in pieces {
            covered.push((from, until));
            let adds = match rule.unit {
                Unit::Workdays => warnings.take(calendar.workdays_between(from, until)?),
                Unit::Days | Unit::Months => (until - from).num_days(),
            };
            list.push(Pause {
                state: crate::model::appraisal::Typed::code(record.appraisal.kind).to_string(),
                reason: None,
                from,
                until,
                adds,
                appraisal: Some(record.appraisal.number),
            });
        }
    }
    Ok(list)
}

/// The extensions recorded for the rule.
fn extensions(case: &Case, rule: &DeadlineRule, offset: FixedOffset) -> Vec<Extension> {
    case.history
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::Extended(x) if x.rule == rule.name && x.amount > 0 => Some((e, x)),
            _ => None,
        })
        .map(|(e, x)| {
            let unit = match x.unit.as_str() {
                "days" => Unit::Days,
                _ => Unit::Workdays,
            };
            Extension {
                amount: x.amount,
                unit,
                reason: x.reason.clone(),
                by: e.by.clone(),
                at: e.at.with_timezone(&offset).date_naive(),
            }
        })
        .collect()
}

/// The name under which promises appear among a case's deadlines.
pub const PROMISE_RULE: &str = "promise";

/// A promise: the day it was made, the day promised, the day it was
/// kept, the day the case left the workflow with it still open.
type Promise = (NaiveDate, NaiveDate, Option<NaiveDate>, Option<NaiveDate>);

/// The promises made to the complainant (`plaint promise`), as the
/// history tells them; each is one deadline ([`promise_deadline`]), due on
/// the promised day. Each `promise-kept` milestone keeps the earliest
/// promise still open, so several promises are tracked apart. A promise
/// still open when the case leaves the workflow stops there, like every
/// other clock, and runs again if a later move brings the case back.
fn promises_made(case: &Case, policy: &Policy, offset: FixedOffset) -> Vec<Promise> {
    let day = |at: DateTime<FixedOffset>| at.with_timezone(&offset).date_naive();
    let mut made: Vec<Promise> = Vec::new();
    // Whether the case is in the workflow at this point of its history.
    let mut open = true;
    for event in &case.history {
        if let Some(to) = event.moved_to() {
            open = policy.is_open(to);
        }
        match &event.what {
            EventKind::Promised { due } => {
                // Made on a case out of the workflow (merged in from a
                // clone that had not seen the exit): stopped at once.
                let held = (!open).then(|| day(event.at));
                made.push((day(event.at), *due, None, held));
            }
            EventKind::Milestone { milestone } if milestone == PROMISE_KEPT => {
                if let Some(open) = made.iter_mut().find(|p| p.2.is_none()) {
                    open.2 = Some(day(event.at));
                }
            }
            EventKind::Status(m) if !policy.is_open(&m.to) => {
                for open in made.iter_mut().filter(|p| p.2.is_none() && p.3.is_none()) {
                    open.3 = Some(day(event.at));
                }
            }
            // A void case runs no clock: its promises stop for good.
            EventKind::Voided { .. } => {
                for open in made.iter_mut().filter(|p| p.2.is_none() && p.3.is_none()) {
                    open.3 = Some(day(event.at));
                }
                open = false;
            }
            // Back in the workflow: the promises the exit ended run again.
            EventKind::Status(_) if !case.is_void() => {
                for held in made.iter_mut().filter(|p| p.2.is_none()) {
                    held.3 = None;
                }
            }
            _ => {}
        }
    }
    made
}

/// The deadline of promise `(start, due, kept, left)` as of `today`.
fn promise_deadline(
    (start, due, kept, left): Promise,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<Deadline, CalendarError> {
    let state = match (kept, left) {
        (Some(s), _) if s <= due => DeadlineState::Met,
        (Some(_), _) => DeadlineState::Missed,
        (None, Some(s)) if s <= due => DeadlineState::Stopped,
        (None, Some(_)) => DeadlineState::Missed,
        (None, None) if today > due => DeadlineState::Overdue,
        (None, None) => DeadlineState::Running,
    };
    // A promised day is a date, never computed: never provisional.
    let named = (PROMISE_RULE.to_string(), RuleKind::OfficeTarget, None);
    let clock = (start, due, state, kept.or(left));
    Deadline::started(named, clock, today, Warnings::new(calendar))
}

/// The earliest due date among the deadlines still to be met.
pub fn next_due(deadlines: &[Deadline]) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.state.is_open())
        .min_by_key(|d| d.due)
}

#[cfg(test)]
mod tests;
