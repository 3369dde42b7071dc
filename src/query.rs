//! Selecting and ordering cases: the filters and sort keys shared by
//! `list`, `export` and the reports, and the pipeline `list` runs over a
//! whole workspace ([`select`]): filter and evaluate each case in
//! parallel, keeping only small [`Hit`]s, never every parsed case.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rayon::prelude::*;

use crate::deadline::alarm::{Alarm, AlarmLevels, case_grade};
use crate::deadline::{self, Deadline, DeadlineState};
use crate::error::{Error, Result};
use crate::model::{Case, CaseId, Priority};
use crate::policy::{Policy, find_code};
use crate::storage::{Snapshot, Workspace};

/// Which cases to keep. Empty fields keep everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// States to keep; `open` stands for every open state.
    pub statuses: Vec<String>,
    /// Keep only cases assigned to this officer.
    pub assignee: Option<String>,
    /// Keep only cases of this category.
    pub category: Option<String>,
    /// Keep only cases that came in through this channel.
    pub channel: Option<String>,
    /// Keep only cases about this department of the respondent (one of
    /// the departments complained about).
    pub department: Option<String>,
    /// Keep only cases received by this department of the office.
    pub receiving_department: Option<String>,
    /// Keep only cases of this type.
    pub case_type: Option<String>,
    /// Keep only cases of this cause.
    pub cause: Option<String>,
    /// Keep only cases whose text contains this, ignoring case.
    pub search: Option<String>,
    /// Keep only cases with an overdue deadline.
    pub overdue: bool,
    /// Keep only cases with a deadline due within this many working days
    /// (overdue ones included).
    pub due_within: Option<i64>,
    /// Keep only cases whose alarm grade (the worst of their deadlines')
    /// is this one, under `alarm_levels`.
    pub alarm: Option<Alarm>,
    /// The thresholds `alarm` is judged by: the policy's, set by
    /// [`Filter::resolve_codes`].
    pub alarm_levels: AlarmLevels,
    /// Keep void cases too (`list --all`); [`select`] leaves them out
    /// otherwise.
    pub void: bool,
    /// Keep only cases escalated to leadership (`escalate`).
    pub escalated: bool,
}

/// How to order cases; every order ends with the ID, so it is total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Urgent and important first, then by ID.
    #[default]
    Priority,
    /// By ID, which is by date of receipt.
    Id,
    /// By moment of receipt.
    Received,
    /// By workflow state.
    Status,
    /// By assignee.
    Assignee,
    /// By the earliest open due date; cases without one last.
    Due,
}

/// A case with its deadlines as of a day.
#[derive(Debug)]
pub struct Row<'a> {
    /// The case.
    pub case: &'a Case,
    /// Its started deadlines.
    pub deadlines: Vec<Deadline>,
    /// Why its deadlines could not be computed, if so.
    pub error: Option<String>,
}

impl Row<'_> {
    /// Whether any deadline is overdue.
    pub fn overdue(&self) -> bool {
        self.deadlines.iter().any(Deadline::overdue)
    }

    /// The earliest deadline still to be met.
    pub fn next_due(&self) -> Option<&Deadline> {
        deadline::next_due(&self.deadlines)
    }
}

/// Rows without deadlines, for output that shows none (`list --format ids`).
pub fn bare_rows<'a>(cases: &[&'a Case]) -> Vec<Row<'a>> {
    cases
        .iter()
        .map(|case| Row {
            case,
            deadlines: Vec::new(),
            error: None,
        })
        .collect()
}

/// Evaluates the deadlines of every case as of `today`, in parallel.
pub fn rows<'a>(ws: &Workspace, cases: &[&'a Case], today: NaiveDate) -> Vec<Row<'a>> {
    cases
        .par_iter()
        .map(|case| {
            let (deadlines, error) = deadlines_of(ws, case, today);
            Row {
                case,
                deadlines,
                error,
            }
        })
        .collect()
}

impl Filter {
    /// Turns states and the category typed as labels into their codes
    /// (`已受理` → `accepted`); a value that names nothing is a usage error
    /// with the closest code suggested.
    pub fn resolve_codes(&mut self, policy: &Policy) -> Result<()> {
        use crate::policy::codes::CodeKind;
        for status in &mut self.statuses {
            if status.trim() != "open" {
                *status = policy.resolve_code(CodeKind::State, status)?;
            }
        }
        if let Some(category) = &mut self.category {
            *category = policy.resolve_code(CodeKind::Category, category)?;
        }
        if let Some(channel) = &mut self.channel {
            *channel = policy.resolve_code(CodeKind::Channel, channel)?;
        }
        if let Some(case_type) = &mut self.case_type {
            *case_type = policy.resolve_code(CodeKind::Type, case_type)?;
        }
        if let Some(cause) = &mut self.cause {
            *cause = policy.resolve_code(CodeKind::Cause, cause)?;
        }
        self.alarm_levels = policy.alarms;
        Ok(())
    }

    /// Refuses filters that name unknown states or categories, so a typo
    /// does not silently give an empty list.
    pub fn validate(&self, policy: &Policy) -> Result<()> {
        for status in &self.statuses {
            if status != "open" && policy.state(status).is_none() {
                return Err(Error::invalid(crate::msg!(
                    policy.language,
                    "status-filter-unknown",
                    status = status,
                    states = policy.state_names().join(", ")
                )));
            }
        }
        if let Some(n) = self.due_within
            && n < 0
        {
            return Err(Error::invalid(crate::msg!(
                policy.language,
                "due-within-negative",
                n = n
            )));
        }
        if let Some(category) = &self.category
            && !policy.categories.is_empty()
        {
            find_code(
                &policy.categories,
                category,
                crate::policy::codes::CodeKind::Category,
            )?;
        }
        Ok(())
    }

    /// Whether a case in state `status` passes the state filter.
    pub fn matches_status(&self, policy: &Policy, status: &str) -> bool {
        self.statuses.is_empty()
            || self
                .statuses
                .iter()
                .any(|s| s == status || (s == "open" && policy.is_open(status)))
    }

    /// Whether `case` passes every filter.
    pub fn matches(&self, policy: &Policy, case: &Case) -> bool {
        let status_ok = self.matches_status(policy, &case.status);
        let exactly = |want: &Option<String>, have: &Option<String>| {
            want.as_ref().is_none_or(|w| have.as_ref() == Some(w))
        };
        let same = |want: &Option<String>, have: &Option<String>| {
            want.as_ref()
                .is_none_or(|w| have.as_deref() == Some(w.trim()))
        };
        let fields_ok = exactly(&self.assignee, &case.assignee)
            && exactly(&self.category, &case.category)
            && exactly(&self.channel, &case.channel)
            && same(&self.receiving_department, &case.department)
            && same(&self.case_type, &case.case_type)
            && same(&self.cause, &case.cause);
        let department_ok = self
            .department
            .as_ref()
            .is_none_or(|d| case.departments().iter().any(|x| x == d.trim()));
        let search_ok = self
            .search
            .as_ref()
            .is_none_or(|needle| contains_text(case, &needle.to_lowercase()));
        let escalated_ok = !self.escalated || crate::policy::leadership::is_escalated(case);
        status_ok && fields_ok && department_ok && search_ok && escalated_ok
    }

    /// Whether the deadline filters keep a case with these deadlines.
    pub fn matches_deadlines(&self, deadlines: &[Deadline]) -> bool {
        let overdue_ok = !self.overdue || deadlines.iter().any(Deadline::overdue);
        let due_ok = self.due_within.is_none_or(|n| {
            deadlines.iter().any(|d| {
                d.state == DeadlineState::Overdue
                    || (d.state == DeadlineState::Running
                        && d.workdays_left.is_some_and(|w| w <= n))
            })
        });
        let alarm_ok = self
            .alarm
            .is_none_or(|a| case_grade(deadlines, &self.alarm_levels) == Some(a));
        overdue_ok && due_ok && alarm_ok
    }

    /// Whether any deadline filter is set (deadlines must be evaluated).
    pub fn needs_deadlines(&self) -> bool {
        self.overdue || self.due_within.is_some() || self.alarm.is_some()
    }
}

/// Whether any text of the case contains `needle` (already lower case).
fn contains_text(case: &Case, needle: &str) -> bool {
    let hit = |s: &str| s.to_lowercase().contains(needle);
    let opt = |s: &Option<String>| s.as_deref().is_some_and(hit);
    hit(case.id.as_str())
        || opt(&case.title)
        || opt(&case.demands)
        || opt(&case.facts)
        || opt(&case.measures)
        || opt(&case.findings)
        || opt(&case.agreement)
        || opt(&case.external_ref)
        || opt(&case.category)
        || case.tags.iter().any(|t| hit(t))
        || case
            .complainants
            .iter()
            .any(|p| opt(&p.name) || opt(&p.phone) || opt(&p.email))
        || case
            .respondent
            .as_ref()
            .is_some_and(|r| opt(&r.name) || r.department.iter().any(|d| hit(d)))
        || case.history.iter().any(|e| opt(&e.note))
}

/// Orders rows by `key`, then by ID.
pub fn sort_rows(rows: &mut [Row], key: Sort) {
    rows.sort_by(|a, b| {
        let (x, y) = (a.case, b.case);
        order(
            key,
            (&SortKeys::borrowed(x), a.next_due()),
            (&SortKeys::borrowed(y), b.next_due()),
        )
    });
}

/// What a case sorts by, borrowed from the case or kept by a [`Hit`].
#[derive(Debug)]
struct SortKeys<'a> {
    priority: Priority,
    received: DateTime<FixedOffset>,
    status: std::borrow::Cow<'a, str>,
    assignee: Option<std::borrow::Cow<'a, str>>,
    id: std::borrow::Cow<'a, CaseId>,
}

impl<'a> SortKeys<'a> {
    fn borrowed(case: &'a Case) -> SortKeys<'a> {
        SortKeys {
            priority: case.priority,
            received: case.received,
            status: case.status.as_str().into(),
            assignee: case.assignee.as_deref().map(Into::into),
            id: std::borrow::Cow::Borrowed(&case.id),
        }
    }

    fn owned(case: &Case) -> SortKeys<'static> {
        SortKeys {
            priority: case.priority,
            received: case.received,
            status: case.status.clone().into(),
            assignee: case.assignee.clone().map(Into::into),
            id: std::borrow::Cow::Owned(case.id.clone()),
        }
    }
}

/// The order of `sort_rows`: by `key`, then by ID.
fn order(
    key: Sort,
    a: (&SortKeys, Option<&Deadline>),
    b: (&SortKeys, Option<&Deadline>),
) -> Ordering {
    let (x, y) = (a.0, b.0);
    let primary = match key {
        Sort::Priority => lateness(a.1)
            .cmp(&lateness(b.1))
            .then_with(|| x.priority.cmp(&y.priority))
            .then_with(|| by_due(a.1, b.1)),
        Sort::Id => Ordering::Equal,
        Sort::Received => x.received.cmp(&y.received),
        Sort::Status => x.status.cmp(&y.status),
        Sort::Assignee => x.assignee.cmp(&y.assignee),
        Sort::Due => by_due(a.1, b.1),
    };
    primary.then_with(|| x.id.cmp(&y.id))
}

/// A case of a [`Snapshot`] that passed the filters: where it is, its
/// deadlines, and what it sorts by; the case itself is decoded again
/// when it is printed.
#[derive(Debug)]
pub struct Hit {
    /// Its place in the snapshot.
    pub index: usize,
    /// Its started deadlines (none when they were not asked for).
    pub deadlines: Vec<Deadline>,
    /// Why its deadlines could not be computed, if so.
    pub error: Option<String>,
    keys: SortKeys<'static>,
}

impl Hit {
    /// The row of this hit over its decoded `case`.
    pub fn row<'a>(&self, case: &'a Case) -> Row<'a> {
        Row {
            case,
            deadlines: self.deadlines.clone(),
            error: self.error.clone(),
        }
    }

    /// Whether any deadline is overdue.
    pub fn overdue(&self) -> bool {
        self.deadlines.iter().any(Deadline::overdue)
    }
}

/// What [`select`] keeps, and how.
#[derive(Clone, Copy, Debug)]
pub struct Selection<'a> {
    /// The filters.
    pub filter: &'a Filter,
    /// Whether to evaluate deadlines (always done when a filter or the
    /// order needs them).
    pub deadlines: bool,
    /// Keep only these cases (`list --repeat`).
    pub only: Option<&'a std::collections::BTreeSet<CaseId>>,
    /// The day deadlines are evaluated on.
    pub today: NaiveDate,
}

/// Filters every case of `snapshot` and evaluates the deadlines of those
/// kept, in parallel, one decoded case at a time. Returns the hits in ID
/// order and the cases that could not be read.
pub fn select(ws: &Workspace, snapshot: &Snapshot, how: Selection) -> (Vec<Hit>, Vec<Error>) {
    let evaluate = how.deadlines || how.filter.needs_deadlines();
    let results: Vec<Result<Option<Hit>>> = (0..snapshot.len())
        .into_par_iter()
        .with_min_len(64)
        .map(|index| {
            if how
                .only
                .is_some_and(|only| !only.contains(snapshot.id(index)))
                || !how
                    .filter
                    .matches_status(&ws.policy, snapshot.status(index))
            {
                return Ok(None);
            }
            let case = snapshot.case(index)?;
            if (case.is_void() && !how.filter.void) || !how.filter.matches(&ws.policy, &case) {
                return Ok(None);
            }
            let (deadlines, error) = if evaluate {
                deadlines_of(ws, &case, how.today)
            } else {
                (Vec::new(), None)
            };
            if !how.filter.matches_deadlines(&deadlines) {
                return Ok(None);
            }
            Ok(Some(Hit {
                index,
                deadlines,
                error,
                keys: SortKeys::owned(&case),
            }))
        })
        .collect();
    let mut hits = Vec::new();
    let mut broken = Vec::new();
    for result in results {
        match result {
            Ok(Some(hit)) => hits.push(hit),
            Ok(None) => {}
            Err(e) => broken.push(e),
        }
    }
    (hits, broken)
}

/// Folds every case of `snapshot` that `keep` keeps (it sees the snapshot
/// and the case's place, to select before decoding), with its deadlines as
/// of `today`, into accumulators made by `init`, in parallel and one
/// decoded case at a time; `merge` joins the accumulators. Returns the
/// result and the cases that could not be read.
pub fn fold<T: Send>(
    ws: &Workspace,
    snapshot: &Snapshot,
    today: NaiveDate,
    keep: impl Fn(&Snapshot, usize) -> bool + Sync,
    init: impl Fn() -> T + Sync + Send,
    add: impl Fn(&mut T, &Row) + Sync + Send,
    merge: impl Fn(T, T) -> T + Sync + Send,
) -> (T, Vec<Error>) {
    (0..snapshot.len())
        .into_par_iter()
        .with_min_len(64)
        .fold(
            || (init(), Vec::new()),
            |(mut acc, mut broken), index| {
                if !keep(snapshot, index) {
                    return (acc, broken);
                }
                match snapshot.case(index) {
                    // A void case counts in no figure.
                    Ok(case) if case.is_void() => {}
                    Ok(case) => {
                        let (deadlines, error) = deadlines_of(ws, &case, today);
                        let row = Row {
                            case: &case,
                            deadlines,
                            error,
                        };
                        add(&mut acc, &row);
                    }
                    Err(e) => broken.push(e),
                }
                (acc, broken)
            },
        )
        .reduce(
            || (init(), Vec::new()),
            |(a, mut broken_a), (b, broken_b)| {
                broken_a.extend(broken_b);
                (merge(a, b), broken_a)
            },
        )
}

/// The repeat cases of the whole snapshot (see [`crate::repeat::detect`]),
/// from the contacts of each case, decoded one at a time.
pub fn repeats(ws: &Workspace, snapshot: &Snapshot) -> std::collections::BTreeSet<CaseId> {
    let anonymous = &ws.policy.anonymous_names;
    let contacts: Vec<crate::repeat::Contact> = (0..snapshot.len())
        .into_par_iter()
        .with_min_len(64)
        .filter_map(|i| snapshot.case(i).ok())
        .filter(|case| !case.is_void())
        .map(|case| crate::repeat::Contact::of(&case, anonymous, &ws.policy.repeat))
        .collect();
    crate::repeat::detect_contacts(&contacts, &ws.policy.repeat)
}

/// Orders hits like [`sort_rows`] orders rows.
pub fn sort_hits(hits: &mut [Hit], key: Sort) {
    hits.sort_by(|a, b| {
        order(
            key,
            (&a.keys, deadline::next_due(&a.deadlines)),
            (&b.keys, deadline::next_due(&b.deadlines)),
        )
    });
}

/// The deadlines of `case` as of `today`, or why they could not be computed.
pub fn deadlines_of(
    ws: &Workspace,
    case: &Case,
    today: NaiveDate,
) -> (Vec<Deadline>, Option<String>) {
    match deadline::evaluate(case, &ws.policy, &ws.calendar, ws.offset, today) {
        Ok(deadlines) => (deadlines, None),
        Err(e) => (
            Vec::new(),
            Some(crate::msg!(
                ws.policy.language,
                "deadlines-not-computed",
                id = case.id,
                error = e.describe(ws.policy.language)
            )),
        ),
    }
}

/// How pressing a case's next deadline is, most pressing first: overdue,
/// due today, due within three working days, anything else. What is late
/// comes before what is merely important.
fn lateness(next: Option<&Deadline>) -> u8 {
    match next {
        Some(d) if d.state == DeadlineState::Overdue => 0,
        Some(d) if d.days_left == Some(0) => 1,
        Some(d) if d.workdays_left.is_some_and(|w| w <= 3) => 2,
        _ => 3,
    }
}

/// Earliest next due date first; rows with nothing due last.
fn by_due(a: Option<&Deadline>, b: Option<&Deadline>) -> Ordering {
    match (a, b) {
        (Some(p), Some(q)) => p.due.cmp(&q.due),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
#[cfg(test)]
mod tests;
