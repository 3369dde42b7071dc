//! `summary`: how the office is doing, as of a day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::stats::{self, CLOSING_STATES, DECISION_STATES, OnTime};
use crate::deadline::DeadlineState;
use crate::query::Row;
use crate::repeat;
use crate::storage::Workspace;

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
    /// Cases whose complainant had an earlier case.
    pub repeat: usize,
}

/// Summarizes `rows` (cases with their deadlines as of `today`).
pub fn summarize(ws: &Workspace, rows: &[Row], today: NaiveDate) -> Summary {
    let cases: Vec<_> = rows.iter().map(|r| r.case).collect();
    let key = |v: Option<&str>, none: &str| v.unwrap_or(none).to_string();
    let deadlines = || rows.iter().flat_map(|r| r.deadlines.iter());
    let is_soon = |d: &&crate::deadline::Deadline| {
        d.state == DeadlineState::Running && d.workdays_left.is_some_and(|w| w <= DUE_SOON_WORKDAYS)
    };
    let (mut to_decision, mut to_close): (Vec<i64>, Vec<i64>) = cases
        .par_iter()
        .map(|c| {
            (
                stats::workdays_until(c, &DECISION_STATES, &ws.calendar, ws.offset),
                stats::workdays_until(c, &CLOSING_STATES, &ws.calendar, ws.offset),
            )
        })
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut d, mut c), (decision, close)| {
                d.extend(decision);
                c.extend(close);
                (d, c)
            },
        )
        .reduce(
            || (Vec::new(), Vec::new()),
            |(mut d1, mut c1), (d2, c2)| {
                d1.extend(d2);
                c1.extend(c2);
                (d1, c1)
            },
        );
    let satisfaction = stats::count(
        cases
            .iter()
            .filter_map(|c| c.satisfaction)
            .map(|s| s.as_str().to_string()),
    );
    let answered: usize = satisfaction.values().sum();
    Summary {
        today,
        total: cases.len(),
        by_status: stats::count(cases.iter().map(|c| c.status.clone())),
        by_category: stats::count(cases.iter().map(|c| key(c.category.as_deref(), "(none)"))),
        by_assignee: stats::count(
            cases
                .iter()
                .map(|c| key(c.assignee.as_deref(), "(unassigned)")),
        ),
        by_channel: stats::count(cases.iter().map(|c| key(c.channel.as_deref(), "(unknown)"))),
        by_priority: stats::count(cases.iter().map(|c| c.priority.as_str().to_string())),
        overdue: rows.iter().filter(|r| r.overdue()).count(),
        overdue_by_rule: stats::count(deadlines().filter(|d| d.overdue()).map(|d| d.rule.clone())),
        due_soon: rows
            .iter()
            .filter(|r| r.deadlines.iter().any(|d| is_soon(&d)))
            .count(),
        due_soon_by_rule: stats::count(deadlines().filter(is_soon).map(|d| d.rule.clone())),
        median_workdays_to_decision: stats::percentile(&mut to_decision, 50.0),
        p90_workdays_to_decision: stats::percentile(&mut to_decision, 90.0),
        median_workdays_to_close: stats::percentile(&mut to_close, 50.0),
        p90_workdays_to_close: stats::percentile(&mut to_close, 90.0),
        on_time: stats::on_time(deadlines()),
        on_time_rate_definition: stats::RATE_DEFINITION,
        satisfaction_rate: stats::ratio(*satisfaction.get("satisfied").unwrap_or(&0), answered),
        satisfaction,
        repeat: repeat::detect(&cases).len(),
    }
}
