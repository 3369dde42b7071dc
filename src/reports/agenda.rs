//! The officer's day (`plaint agenda`): what is overdue, due today, due
//! within a few working days, the replies promised to complainants, and
//! the follow-up calls still to make; and every open deadline, for the
//! calendar feed ([`super::ics`]). Pure: the day comes in as an argument.
//!
//! Each open deadline lands in at most one group: a promise in
//! [`Group::Promises`] (when it is overdue or due within the horizon),
//! any other deadline in [`Group::Overdue`], [`Group::DueToday`] or
//! [`Group::DueSoon`]. A paused deadline is in none: its clock stands.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::deadline::alarm::{Alarm, AlarmLevels, grade};
use crate::deadline::{Deadline, DeadlineState, PROMISE_RULE};
use crate::error::Error;
use crate::model::{Case, EventKind, Priority};
use crate::policy::Policy;
use crate::policy::rules::RuleKind;
use crate::query::{Row, fold};
use crate::storage::{Snapshot, Workspace};

/// The default horizon of `agenda`: due within this many working days.
pub const DEFAULT_DAYS: i64 = super::summary::DUE_SOON_WORKDAYS;

/// How long after a case was resolved or closed its follow-up call stays
/// on the agenda, in calendar days: the call is made soon after the end,
/// and a case ended long ago without one is a matter for the report, not
/// for today's list.
pub const FOLLOWUP_WINDOW_DAYS: i64 = 30;

/// The groups of the agenda, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Deadlines past their due date.
    Overdue,
    /// Deadlines due today.
    DueToday,
    /// Deadlines due within the horizon, after today.
    DueSoon,
    /// Replies promised to complainants, overdue or due within the horizon.
    Promises,
    /// Resolved or closed cases whose follow-up call is not recorded.
    Followups,
}

impl Group {
    /// The groups of deadlines (all but the follow-up calls).
    const DEADLINES: [Group; 4] = [
        Group::Overdue,
        Group::DueToday,
        Group::DueSoon,
        Group::Promises,
    ];

    /// Every group, in the order shown.
    pub const ALL: [Group; 5] = [
        Group::Overdue,
        Group::DueToday,
        Group::DueSoon,
        Group::Promises,
        Group::Followups,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Overdue => "overdue",
            Group::DueToday => "due_today",
            Group::DueSoon => "due_soon",
            Group::Promises => "promises",
            Group::Followups => "followups",
        }
    }
}

/// The case a line of the agenda is about, as every line names it.
#[derive(Clone, Debug, Serialize)]
pub struct CaseLine {
    /// The case ID.
    pub id: String,
    /// The case's title.
    pub title: Option<String>,
    /// The case's state (a code).
    pub status: String,
    /// The officer who owns the case.
    pub assignee: Option<String>,
}

impl CaseLine {
    /// What the agenda shows of `case`.
    pub fn of(case: &Case) -> CaseLine {
        CaseLine {
            id: case.id.to_string(),
            title: case.title.clone(),
            status: case.status.clone(),
            assignee: case.assignee.clone(),
        }
    }
}

/// One open deadline of one case.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// The case it is about.
    #[serde(flatten)]
    pub case: CaseLine,
    /// The case's priority.
    pub priority: Priority,
    /// The rule (`promise` for a promised reply).
    pub rule: String,
    /// `statutory`, `office-target`, ...
    pub kind: RuleKind,
    /// The last day to act.
    pub due: NaiveDate,
    /// `running` or `overdue`.
    pub state: DeadlineState,
    /// Calendar days from today to the due date (negative when overdue).
    pub days_left: i64,
    /// Working days after today up to the due date (negative when overdue).
    pub workdays_left: i64,
    /// The due date rests on a year the calendar does not cover.
    pub provisional: bool,
    /// Its alarm grade under the policy's thresholds, if it raises one.
    pub alarm: Option<Alarm>,
    /// What tells this deadline apart within its case, for a calendar
    /// UID: the rule, or `promise-N` for the case's Nth promise.
    #[serde(skip)]
    pub key: String,
    /// The deadline itself.
    #[serde(skip)]
    pub deadline: Deadline,
    /// How many events the case's history holds: grows with every change,
    /// so a calendar can tell a newer version of an event.
    #[serde(skip)]
    pub revision: usize,
}

impl Item {
    /// The agenda group of this deadline with a horizon of `days` working
    /// days, or `None` when it is not due yet.
    pub fn group(&self, days: i64) -> Option<Group> {
        let within = self.state == DeadlineState::Overdue || self.workdays_left <= days;
        if self.rule == PROMISE_RULE {
            return within.then_some(Group::Promises);
        }
        match self.state {
            DeadlineState::Overdue => Some(Group::Overdue),
            _ if self.days_left == 0 => Some(Group::DueToday),
            _ if within => Some(Group::DueSoon),
            _ => None,
        }
    }
}

/// A resolved or closed case whose follow-up call is not recorded.
#[derive(Clone, Debug, Serialize)]
pub struct Followup {
    /// The case it is about.
    #[serde(flatten)]
    pub case: CaseLine,
    /// The day the case was resolved or closed.
    pub ended: NaiveDate,
    /// Calendar days since then.
    pub days_since: i64,
}

/// An escalation still waiting for the leader's instruction.
#[derive(Clone, Debug, Serialize)]
pub struct Waiting {
    /// The case ID.
    pub id: String,
    /// The case's title.
    pub title: Option<String>,
    /// The officer who owns the case.
    pub assignee: Option<String>,
    /// The leader it went to.
    pub to: String,
    /// The day it was escalated.
    pub escalated: NaiveDate,
    /// Calendar days since then.
    pub days_since: i64,
    /// When the instruction is due, if the policy sets a time limit.
    pub due: Option<NaiveDate>,
}

/// The escalations of `case` waiting for an instruction, each with the
/// due date of the instruction rule's deadline (the first escalation's)
/// when it has one; those addressed to `leader` only, when given.
pub fn waiting_of(
    case: &Case,
    deadlines: &[Deadline],
    offset: FixedOffset,
    today: NaiveDate,
) -> Vec<Waiting> {
    use crate::policy::leadership::{INSTRUCTION_RULE, waiting_escalations};
    let due = deadlines
        .iter()
        .find(|d| d.rule == INSTRUCTION_RULE && d.state.is_open())
        .and_then(|d| d.due);
    waiting_escalations(case)
        .into_iter()
        .filter_map(|e| match &e.what {
            EventKind::Escalated { to, .. } => {
                let escalated = e.at.with_timezone(&offset).date_naive();
                Some(Waiting {
                    id: case.id.to_string(),
                    title: case.title.clone(),
                    assignee: case.assignee.clone(),
                    to: to.clone(),
                    escalated,
                    days_since: (today - escalated).num_days(),
                    due,
                })
            }
            _ => None,
        })
        .collect()
}

/// The officer's day.
#[derive(Clone, Debug, Serialize)]
pub struct Agenda {
    /// The day it is for.
    pub today: NaiveDate,
    /// The officer (`None`: the whole office).
    pub officer: Option<String>,
    /// The horizon in working days.
    pub days: i64,
    /// Whether anything is due or overdue (the exit status of `agenda`);
    /// follow-up calls have no due date and do not count.
    pub due: bool,
    /// The open deadlines by group, every deadline group present (in
    /// JSON `overdue`, `due_today`, `due_soon` and `promises`, in that
    /// order): past their due date, due today, due within the horizon,
    /// and promised replies overdue or due within the horizon.
    #[serde(flatten)]
    groups: BTreeMap<Group, Vec<Item>>,
    /// Follow-up calls to make.
    pub followups: Vec<Followup>,
    /// Escalations waiting for the leader's instruction.
    pub escalations: Vec<Waiting>,
}

impl Agenda {
    /// The agenda of `items` (open deadlines) and `followups` as of
    /// `today`, with a horizon of `days` working days. Each group is in
    /// due-date order, then by case ID.
    pub fn new(
        today: NaiveDate,
        officer: Option<String>,
        days: i64,
        items: &[Item],
        mut followups: Vec<Followup>,
    ) -> Agenda {
        let mut agenda = Agenda {
            today,
            officer,
            days,
            due: false,
            groups: Group::DEADLINES.map(|g| (g, Vec::new())).into(),
            followups: Vec::new(),
            escalations: Vec::new(),
        };
        let mut sorted: Vec<&Item> = items.iter().collect();
        sorted.sort_by(|a, b| (a.due, &a.case.id, &a.key).cmp(&(b.due, &b.case.id, &b.key)));
        for item in sorted {
            if let Some(list) = item.group(days).and_then(|g| agenda.groups.get_mut(&g)) {
                list.push(item.clone());
            }
        }
        followups.sort_by(|a, b| (a.ended, &a.case.id).cmp(&(b.ended, &b.case.id)));
        agenda.followups = followups;
        agenda.due = agenda.groups.values().any(|items| !items.is_empty());
        agenda
    }

    /// The items of a deadline group (empty for [`Group::Followups`]).
    pub fn items(&self, group: Group) -> &[Item] {
        self.groups.get(&group).map_or(&[], Vec::as_slice)
    }

    /// Whether nothing at all is on the agenda.
    pub fn is_empty(&self) -> bool {
        !self.due && self.followups.is_empty() && self.escalations.is_empty()
    }

    /// The agenda with the escalations waiting for an instruction, oldest first.
    pub fn with_escalations(mut self, mut waiting: Vec<Waiting>) -> Agenda {
        waiting.sort_by(|a, b| (a.escalated, &a.id).cmp(&(b.escalated, &b.id)));
        self.escalations = waiting;
        self
    }
}

/// The open deadlines (running or overdue, not paused) of `case` as of
/// its `deadlines`.
pub fn items_of(case: &Case, deadlines: &[Deadline], levels: &AlarmLevels) -> Vec<Item> {
    let mut promises = 0;
    let mut items = Vec::new();
    for d in deadlines {
        let key = if d.rule == PROMISE_RULE {
            promises += 1;
            format!("{PROMISE_RULE}-{promises}")
        } else {
            d.rule.clone()
        };
        let open = matches!(d.state, DeadlineState::Running | DeadlineState::Overdue);
        let (Some(due), Some(days_left), Some(workdays_left)) =
            (d.due, d.days_left, d.workdays_left)
        else {
            continue;
        };
        if !open {
            continue;
        }
        items.push(Item {
            case: CaseLine::of(case),
            priority: case.priority,
            rule: d.rule.clone(),
            kind: d.kind,
            due,
            state: d.state,
            days_left,
            workdays_left,
            provisional: d.provisional,
            alarm: grade(d, levels),
            key,
            deadline: d.clone(),
            revision: case.history.len(),
        });
    }
    items
}

/// The follow-up call `case` still waits for as of `today`: resolved or
/// closed within the last [`FOLLOWUP_WINDOW_DAYS`] days, with no
/// follow-up recorded and a complainant who can be called (not anonymous).
pub fn followup_of(
    case: &Case,
    policy: &Policy,
    offset: FixedOffset,
    today: NaiveDate,
) -> Option<Followup> {
    let closing = &super::stats::CLOSING_ROLES;
    let ends = |state: &str| policy.role(state).is_some_and(|r| closing.contains(&r));
    if !ends(&case.status) || case.tags.iter().any(|t| t == "anonymous") {
        return None;
    }
    let mut ended: Option<DateTime<FixedOffset>> = None;
    for event in &case.history {
        match &event.what {
            EventKind::Followup { .. } => return None,
            _ => {
                if let Some(to) = event.moved_to() {
                    ended = if ends(to) {
                        ended.or(Some(event.at))
                    } else {
                        None
                    };
                }
            }
        }
    }
    let ended = ended?.with_timezone(&offset).date_naive();
    let days_since = (today - ended).num_days();
    (0..=FOLLOWUP_WINDOW_DAYS)
        .contains(&days_since)
        .then(|| Followup {
            case: CaseLine::of(case),
            ended,
            days_since,
        })
}

/// What [`collect`] found in a workspace.
#[derive(Debug, Default)]
pub struct Found {
    /// Every open deadline of the officer's cases.
    pub items: Vec<Item>,
    /// The follow-up calls the officer's cases wait for.
    pub followups: Vec<Followup>,
    /// The escalations of the officer's cases, or addressed to the
    /// officer, waiting for an instruction.
    pub escalations: Vec<Waiting>,
    /// Every leader some open case is escalated to.
    pub leaders: std::collections::BTreeSet<String>,
    /// Every officer some case is assigned to.
    pub officers: std::collections::BTreeSet<String>,
    /// Why some deadlines could not be computed.
    pub errors: Vec<String>,
}

impl Found {
    fn merge(mut self, other: Found) -> Found {
        self.items.extend(other.items);
        self.followups.extend(other.followups);
        self.escalations.extend(other.escalations);
        self.leaders.extend(other.leaders);
        self.officers.extend(other.officers);
        self.errors.extend(other.errors);
        self
    }
}

/// The open deadlines and follow-up calls of the cases assigned to
/// `officer` (every case when `None`) as of `today`; and the cases that
/// could not be read.
pub fn collect(
    ws: &Workspace,
    snapshot: &Snapshot,
    officer: Option<&str>,
    today: NaiveDate,
) -> (Found, Vec<Error>) {
    let policy = &ws.policy;
    let closing = &super::stats::CLOSING_ROLES;
    let keep = |snapshot: &Snapshot, index: usize| {
        let status = snapshot.status(index);
        policy.is_open(status) || policy.role(status).is_some_and(|r| closing.contains(&r))
    };
    let add = |found: &mut Found, row: &Row| {
        let case = row.case;
        if let Some(assignee) = &case.assignee {
            found.officers.insert(assignee.clone());
        }
        let waiting = if policy.is_open(&case.status) {
            waiting_of(case, &row.deadlines, ws.offset, today)
        } else {
            Vec::new()
        };
        found.leaders.extend(waiting.iter().map(|w| w.to.clone()));
        if let Some(o) = officer
            && case.assignee.as_deref() != Some(o)
        {
            // A leader's day: the escalations addressed to them, and
            // the clock of their instruction.
            let mine: Vec<Waiting> = waiting.into_iter().filter(|w| w.to == o).collect();
            if !mine.is_empty() {
                let rule = crate::policy::leadership::INSTRUCTION_RULE;
                let items = items_of(case, &row.deadlines, &policy.alarms);
                found
                    .items
                    .extend(items.into_iter().filter(|i| i.rule == rule));
                found.escalations.extend(mine);
            }
            return;
        }
        found.escalations.extend(waiting);
        found
            .items
            .extend(items_of(case, &row.deadlines, &policy.alarms));
        found
            .followups
            .extend(followup_of(case, policy, ws.offset, today));
        found.errors.extend(row.error.clone());
    };
    let (mut found, broken) = fold(ws, snapshot, today, keep, Found::default, add, Found::merge);
    found
        .items
        .sort_by(|a, b| (&a.case.id, a.due, &a.key).cmp(&(&b.case.id, b.due, &b.key)));
    found.errors.sort();
    (found, broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(rule: &str, state: DeadlineState, days_left: i64, workdays_left: i64) -> Item {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        Item {
            case: CaseLine {
                id: "20261201-AAAAA".into(),
                title: None,
                status: "accepted".into(),
                assignee: None,
            },
            priority: Priority::Normal,
            rule: rule.into(),
            kind: RuleKind::OfficeTarget,
            due: today + chrono::Days::new(days_left.max(0).unsigned_abs()),
            state,
            days_left,
            workdays_left,
            provisional: false,
            alarm: None,
            key: rule.into(),
            deadline: Deadline::sample(rule, state, days_left, workdays_left),
            revision: 1,
        }
    }

    #[test]
    fn each_deadline_lands_in_one_group_by_its_days_left() {
        use DeadlineState::{Overdue, Running};
        assert_eq!(item("a", Overdue, -1, -1).group(3), Some(Group::Overdue));
        assert_eq!(item("a", Running, 0, 0).group(3), Some(Group::DueToday));
        assert_eq!(item("a", Running, 0, 0).group(0), Some(Group::DueToday));
        // Due tomorrow, a Saturday: no working day left, but not today.
        assert_eq!(item("a", Running, 1, 0).group(0), Some(Group::DueSoon));
        assert_eq!(item("a", Running, 5, 3).group(3), Some(Group::DueSoon));
        assert_eq!(item("a", Running, 6, 4).group(3), None);
        assert_eq!(item("a", Running, 6, 4).group(4), Some(Group::DueSoon));
        assert_eq!(
            item(PROMISE_RULE, Overdue, -2, -2).group(0),
            Some(Group::Promises)
        );
        assert_eq!(
            item(PROMISE_RULE, Running, 0, 0).group(0),
            Some(Group::Promises)
        );
        assert_eq!(item(PROMISE_RULE, Running, 9, 7).group(3), None);
    }

    #[test]
    fn only_deadlines_make_the_agenda_due() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let followup = Followup {
            case: CaseLine {
                id: "20261101-BBBBB".into(),
                title: None,
                status: "closed".into(),
                assignee: None,
            },
            ended: today,
            days_since: 0,
        };
        let quiet = Agenda::new(
            today,
            None,
            3,
            &[item("a", DeadlineState::Running, 9, 7)],
            vec![followup],
        );
        assert!(!quiet.due && !quiet.is_empty());
        assert_eq!(quiet.followups.len(), 1);
        let busy = Agenda::new(
            today,
            None,
            3,
            &[
                item("b", DeadlineState::Running, 2, 2),
                item("a", DeadlineState::Overdue, -3, -2),
            ],
            Vec::new(),
        );
        assert!(busy.due);
        assert_eq!(busy.items(Group::Overdue)[0].rule, "a");
        assert_eq!(busy.items(Group::DueSoon)[0].rule, "b");
    }
}
