//! `summary`: how the office is doing, as of a day.

use crate::deadline::alarm::{Alarm, case_grade};
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::stats::{self, CLOSING_ROLES, DECISION_ROLES, OnTime};
use crate::deadline::{Deadline, DeadlineState};
use crate::error::Error;
use crate::policy::Role;
use crate::query::Row;
use crate::repeat::{self, Contact};
use crate::storage::{Snapshot, Workspace};

/// Working days ahead that count as "due soon".
pub const DUE_SOON_WORKDAYS: i64 = 3;

/// The summary document; `--json` prints it as is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The day it is evaluated on.
    pub today: NaiveDate,
    /// Number of cases.
    pub total: usize,
    /// Cases per state.
    pub by_status: BTreeMap<String, usize>,
    /// Cases per category (`(none)` without one).
    pub by_category: BTreeMap<String, usize>,
    /// Cases per type code (empty where the policy has no types).
    pub by_type: BTreeMap<String, usize>,
    /// Cases per assignee (`(unassigned)` without one).
    pub by_assignee: BTreeMap<String, usize>,
    /// Cases per channel.
    pub by_channel: BTreeMap<String, usize>,
    /// Cases per priority.
    pub by_priority: BTreeMap<String, usize>,
    /// Cases with at least one overdue deadline.
    pub overdue: usize,
    /// Overdue deadlines per rule.
    pub overdue_by_rule: BTreeMap<String, usize>,
    /// Cases with a deadline due within [`DUE_SOON_WORKDAYS`] working days (not overdue).
    pub due_soon: usize,
    /// Deadlines due soon per rule.
    pub due_soon_by_rule: BTreeMap<String, usize>,
    /// Cases by alarm grade (`warning`, `overdue`, `moderate`, `severe`;
    /// every grade, 0 included): each case counts once, at the worst grade
    /// of its open deadlines.
    pub by_alarm: BTreeMap<String, usize>,
    /// Median working days from receipt to the acceptance decision.
    pub median_workdays_to_decision: Option<f64>,
    /// 90th percentile of the same.
    pub p90_workdays_to_decision: Option<f64>,
    /// Median working days from receipt to resolution or closing.
    pub median_workdays_to_close: Option<f64>,
    /// 90th percentile of the same.
    pub p90_workdays_to_close: Option<f64>,
    /// Met, missed, overdue, stopped and not tracked deadlines per rule.
    pub on_time: BTreeMap<String, OnTime>,
    /// How the on-time rates are computed: [`stats::RATE_DEFINITION`].
    pub on_time_rate_definition: &'static str,
    /// Follow-up answers per satisfaction level.
    pub satisfaction: BTreeMap<String, usize>,
    /// Satisfied ÷ answered.
    pub satisfaction_rate: Option<f64>,
    /// How the satisfaction rate is computed: [`stats::SATISFACTION_DEFINITION`].
    pub satisfaction_rate_definition: &'static str,
    /// Cases whose complainant had an earlier case.
    pub repeat: usize,
    /// Cases escalated to leadership (`plaint escalate`).
    pub escalated: usize,
    /// Of which open and still waiting for the leader's instruction.
    pub awaiting_instruction: usize,
}

/// Summarizes `rows` (cases with their deadlines as of `today`).
pub fn summarize(ws: &Workspace, rows: &[Row], today: NaiveDate) -> Summary {
    let mut tally = Tally::default();
    for row in rows {
        tally.add(ws, row);
    }
    tally.finish(today)
}

/// Summarizes every case of `snapshot` as of `today`, decoding one case at
/// a time in parallel: memory holds the counts, never every case. Returns
/// the cases that could not be read beside.
pub fn summarize_all(
    ws: &Workspace,
    snapshot: &Snapshot,
    today: NaiveDate,
) -> (Summary, Vec<Error>) {
    let (tally, broken) = crate::query::fold(
        ws,
        snapshot,
        today,
        |_, _| true,
        Tally::default,
        |tally, row| tally.add(ws, row),
        Tally::merge,
    );
    (tally.finish(today), broken)
}

/// A summary being counted, case by case; tallies of parts merge.
#[derive(Debug, Default)]
pub struct Tally {
    total: usize,
    by_status: BTreeMap<String, usize>,
    by_category: BTreeMap<String, usize>,
    by_type: BTreeMap<String, usize>,
    by_assignee: BTreeMap<String, usize>,
    by_channel: BTreeMap<String, usize>,
    by_priority: BTreeMap<String, usize>,
    overdue: usize,
    overdue_by_rule: BTreeMap<String, usize>,
    due_soon: usize,
    due_soon_by_rule: BTreeMap<String, usize>,
    by_alarm: BTreeMap<String, usize>,
    to_decision: Vec<i64>,
    to_close: Vec<i64>,
    on_time: BTreeMap<String, OnTime>,
    satisfaction: BTreeMap<String, usize>,
    contacts: Vec<Contact>,
    escalated: usize,
    awaiting_instruction: usize,
    rule: Option<repeat::RepeatRule>,
}

impl Tally {
    /// Counts one case with its deadlines.
    pub fn add(&mut self, ws: &Workspace, row: &Row) {
        let case = row.case;
        self.total += 1;
        stats::bump(&mut self.by_status, &case.status);
        stats::bump_or(&mut self.by_category, case.category.as_deref(), "(none)");
        if !ws.policy.types.is_empty() {
            stats::bump_or(&mut self.by_type, case.case_type.as_deref(), "(none)");
        }
        stats::bump_or(
            &mut self.by_assignee,
            case.assignee.as_deref(),
            "(unassigned)",
        );
        stats::bump_or(&mut self.by_channel, case.channel.as_deref(), "(unknown)");
        stats::bump(&mut self.by_priority, case.priority.as_str());
        if crate::policy::leadership::is_escalated(case) {
            self.escalated += 1;
            let waiting = !crate::policy::leadership::waiting_escalations(case).is_empty();
            self.awaiting_instruction += usize::from(waiting && ws.policy.is_open(&case.status));
        }
        if row.overdue() {
            self.overdue += 1;
        }
        if let Some(grade) = case_grade(&row.deadlines, &ws.policy.alarms) {
            stats::bump(&mut self.by_alarm, grade.as_str());
        }
        let is_soon = |d: &Deadline| {
            d.state == DeadlineState::Running
                && d.workdays_left.is_some_and(|w| w <= DUE_SOON_WORKDAYS)
        };
        if row.deadlines.iter().any(is_soon) {
            self.due_soon += 1;
        }
        for d in &row.deadlines {
            if d.overdue() {
                stats::bump(&mut self.overdue_by_rule, &d.rule);
            }
            if is_soon(d) {
                stats::bump(&mut self.due_soon_by_rule, &d.rule);
            }
            stats::count_on_time(&mut self.on_time, d);
        }
        let until = |roles: &[Role]| {
            stats::workdays_until(case, &ws.policy, roles, &ws.calendar, ws.offset)
        };
        self.to_decision.extend(until(&DECISION_ROLES));
        self.to_close.extend(until(&CLOSING_ROLES));
        if let Some(s) = stats::standing_satisfaction(case, &ws.policy) {
            stats::bump(&mut self.satisfaction, s.as_str());
        }
        self.contacts.push(Contact::of(
            case,
            &ws.policy.anonymous_names,
            &ws.policy.repeat,
        ));
        if self.rule.is_none() {
            self.rule = Some(ws.policy.repeat.clone());
        }
    }

    /// The tally of both parts.
    pub fn merge(mut self, other: Tally) -> Tally {
        self.total += other.total;
        stats::merge_counts(&mut self.by_status, other.by_status);
        stats::merge_counts(&mut self.by_category, other.by_category);
        stats::merge_counts(&mut self.by_type, other.by_type);
        stats::merge_counts(&mut self.by_assignee, other.by_assignee);
        stats::merge_counts(&mut self.by_channel, other.by_channel);
        stats::merge_counts(&mut self.by_priority, other.by_priority);
        self.overdue += other.overdue;
        stats::merge_counts(&mut self.overdue_by_rule, other.overdue_by_rule);
        self.due_soon += other.due_soon;
        stats::merge_counts(&mut self.due_soon_by_rule, other.due_soon_by_rule);
        stats::merge_counts(&mut self.by_alarm, other.by_alarm);
        self.to_decision.extend(other.to_decision);
        self.to_close.extend(other.to_close);
        stats::merge_on_time(&mut self.on_time, other.on_time);
        stats::merge_counts(&mut self.satisfaction, other.satisfaction);
        self.contacts.extend(other.contacts);
        self.escalated += other.escalated;
        self.awaiting_instruction += other.awaiting_instruction;
        self.rule = self.rule.or(other.rule);
        self
    }

    /// The summary as of `today`.
    pub fn finish(mut self, today: NaiveDate) -> Summary {
        Summary {
            today,
            total: self.total,
            by_status: self.by_status,
            by_category: self.by_category,
            by_type: self.by_type,
            by_assignee: self.by_assignee,
            by_channel: self.by_channel,
            by_priority: self.by_priority,
            overdue: self.overdue,
            overdue_by_rule: self.overdue_by_rule,
            due_soon: self.due_soon,
            due_soon_by_rule: self.due_soon_by_rule,
            by_alarm: Alarm::ALL
                .iter()
                .map(|a| {
                    let n = self.by_alarm.get(a.as_str()).copied().unwrap_or(0);
                    (a.as_str().to_string(), n)
                })
                .collect(),
            median_workdays_to_decision: stats::percentile(&mut self.to_decision, 50.0),
            p90_workdays_to_decision: stats::percentile(&mut self.to_decision, 90.0),
            median_workdays_to_close: stats::percentile(&mut self.to_close, 50.0),
            p90_workdays_to_close: stats::percentile(&mut self.to_close, 90.0),
            on_time: stats::with_rates(self.on_time),
            on_time_rate_definition: stats::RATE_DEFINITION,
            satisfaction_rate: stats::satisfaction_rate(&self.satisfaction),
            satisfaction_rate_definition: stats::SATISFACTION_DEFINITION,
            satisfaction: self.satisfaction,
            repeat: repeat::detect_contacts(&self.contacts, &self.rule.unwrap_or_default()).len(),
            escalated: self.escalated,
            awaiting_instruction: self.awaiting_instruction,
        }
    }
}
