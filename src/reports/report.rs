//! `report`: the quarterly publication of complaint statistics (tourism
//! measures art. 27). Aggregates only: no personal data ever appears.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Serialize;

use super::period::Period;
use super::stats::{self, CLOSING_ROLES, OnTime};
use crate::error::{Error, Result};
use crate::model::Case;
use crate::policy::Role;
use crate::query::Row;
use crate::storage::{Snapshot, Workspace};

/// The main breakdown of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// Per category.
    Category,
    /// Per respondent.
    Respondent,
    /// Per receiving department (else the respondent's department).
    Department,
    /// Per assignee.
    Assignee,
}

impl By {
    /// Parses `--by`.
    pub fn parse(text: &str) -> Result<By> {
        match text {
            "category" => Ok(By::Category),
            "respondent" => Ok(By::Respondent),
            "department" => Ok(By::Department),
            "assignee" => Ok(By::Assignee),
            other => Err(Error::invalid(crate::said!("bad-by", by = other))),
        }
    }

    /// The name, as typed.
    pub fn as_str(self) -> &'static str {
        match self {
            By::Category => "category",
            By::Respondent => "respondent",
            By::Department => "department",
            By::Assignee => "assignee",
        }
    }

    fn key(self, case: &Case) -> String {
        let value = match self {
            By::Category => case.category.clone(),
            By::Respondent => case.respondent_name().map(str::to_string),
            By::Department => case
                .department
                .clone()
                .or_else(|| case.respondent.as_ref().and_then(|r| r.department.clone())),
            By::Assignee => case.assignee.clone(),
        };
        value.unwrap_or_else(|| "(none)".into())
    }
}

/// One line of the main breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// The key (category code, respondent name, ...).
    pub key: String,
    /// Cases received.
    pub received: usize,
    /// Of which ever accepted.
    pub accepted: usize,
    /// Of which rejected.
    pub rejected: usize,
    /// Of which transferred.
    pub transferred: usize,
    /// Of which resolved or closed.
    pub resolved: usize,
    /// Of which withdrawn.
    pub withdrawn: usize,
    /// Of which still open.
    pub open: usize,
    /// Met ÷ (met + missed + overdue) over all deadlines of these cases.
    pub on_time_rate: Option<f64>,
    /// Median working days from receipt to resolution or closing (the
    /// unit `summary` uses for the same quantity).
    pub median_workdays_to_close: Option<f64>,
}

/// The report document; `--json` prints it as is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The office's code (`office.code` of `plaint.yaml`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The office's name (`office.name`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office_name: Option<String>,
    /// The period of receipt covered.
    pub period: Period,
    /// The day it was generated (deadlines evaluated as of it).
    pub generated: NaiveDate,
    /// The main breakdown key.
    pub by: By,
    /// The totals line.
    pub total: Line,
    /// One line per key, most cases first.
    pub breakdown: Vec<Line>,
    /// Cases received per month (`YYYY-MM`); every month of a period of up
    /// to three years, else only months with cases.
    pub by_month: BTreeMap<String, usize>,
    /// Cases per channel.
    pub by_channel: BTreeMap<String, usize>,
    /// Rejected cases per reason code.
    pub rejected_by_reason: BTreeMap<String, usize>,
    /// Resolved cases per outcome code.
    pub resolved_by_outcome: BTreeMap<String, usize>,
    /// Met, missed, overdue, stopped and not tracked per deadline rule.
    pub on_time: BTreeMap<String, OnTime>,
    /// Extensions recorded with `--force` beyond what the rule's source allows.
    pub forced_extensions: usize,
    /// How the on-time rates are computed: [`stats::RATE_DEFINITION`].
    pub on_time_rate_definition: &'static str,
    /// Follow-up answers.
    pub satisfaction: BTreeMap<String, usize>,
    /// Satisfied ÷ answered.
    pub satisfaction_rate: Option<f64>,
    /// How the satisfaction rate is computed: [`stats::SATISFACTION_DEFINITION`].
    pub satisfaction_rate_definition: &'static str,
}

/// Builds the report over `rows` received within `period`.
///
/// Long by design: one pass over the rows fills every section of the
/// report together.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn build(ws: &Workspace, rows: &[Row], period: Period, by: By, today: NaiveDate) -> Report {
    let mut tally = Tally::default();
    for row in rows
        .iter()
        .filter(|r| in_period(ws, &period, r.case.received))
    {
        tally.add(ws, by, row);
    }
    tally.finish(ws, period, by, today)
}

/// Builds the report over the cases of `snapshot` received within
/// `period`, decoding one case at a time in parallel (deadlines are
/// evaluated only for the cases of the period). Returns the cases that
/// could not be read beside.
pub fn build_all(
    ws: &Workspace,
    snapshot: &Snapshot,
    period: Period,
    by: By,
    today: NaiveDate,
) -> (Report, Vec<Error>) {
    let (tally, broken) = crate::query::fold(
        ws,
        snapshot,
        today,
        |snapshot, i| in_period(ws, &period, snapshot.received(i)),
        Tally::default,
        |tally, row| tally.add(ws, by, row),
        Tally::merge,
    );
    (tally.finish(ws, period, by, today), broken)
}

fn in_period(ws: &Workspace, period: &Period, received: DateTime<FixedOffset>) -> bool {
    period.contains(received.with_timezone(&ws.offset).date_naive())
}

/// A report being counted, case by case; tallies of parts merge.
#[derive(Debug, Default)]
pub struct Tally {
    total: LineTally,
    groups: BTreeMap<String, LineTally>,
    months: BTreeMap<String, usize>,
    by_channel: BTreeMap<String, usize>,
    rejected_by_reason: BTreeMap<String, usize>,
    resolved_by_outcome: BTreeMap<String, usize>,
    forced_extensions: usize,
    satisfaction: BTreeMap<String, usize>,
}

impl Tally {
    /// Counts one case of the period with its deadlines.
    pub fn add(&mut self, ws: &Workspace, by: By, row: &Row) {
        let case = row.case;
        self.total.add(ws, row);
        self.groups.entry(by.key(case)).or_default().add(ws, row);
        let day = case.received.with_timezone(&ws.offset).date_naive();
        stats::bump(&mut self.months, &day.format("%Y-%m").to_string());
        stats::bump(
            &mut self.by_channel,
            case.channel.as_deref().unwrap_or("(unknown)"),
        );
        let role = ws.policy.role(&case.status);
        if role == Some(Role::Rejected) {
            let reason = case
                .history
                .iter()
                .rev()
                .filter_map(crate::model::Event::status_move)
                .find(|m| m.to == case.status)
                .and_then(|m| m.reason.as_deref());
            stats::bump(&mut self.rejected_by_reason, reason.unwrap_or("(none)"));
        }
        if role.is_some_and(|r| CLOSING_ROLES.contains(&r)) {
            stats::bump(
                &mut self.resolved_by_outcome,
                case.outcome.as_deref().unwrap_or("(none)"),
            );
        }
        self.forced_extensions += case
            .history
            .iter()
            .filter(|e| {
                matches!(e.what, crate::model::EventKind::Extended(_))
                    && e.forced
                        .iter()
                        .any(|f| f == crate::model::event::FORCED_EXTENSION)
            })
            .count();
        if let Some(s) = stats::standing_satisfaction(case, &ws.policy) {
            stats::bump(&mut self.satisfaction, s.as_str());
        }
    }

    /// The tally of both parts.
    pub fn merge(mut self, other: Tally) -> Tally {
        self.total = self.total.merge(other.total);
        for (key, line) in other.groups {
            let mine = self.groups.remove(&key).unwrap_or_default();
            self.groups.insert(key, mine.merge(line));
        }
        stats::merge_counts(&mut self.months, other.months);
        stats::merge_counts(&mut self.by_channel, other.by_channel);
        stats::merge_counts(&mut self.rejected_by_reason, other.rejected_by_reason);
        stats::merge_counts(&mut self.resolved_by_outcome, other.resolved_by_outcome);
        self.forced_extensions += other.forced_extensions;
        stats::merge_counts(&mut self.satisfaction, other.satisfaction);
        self
    }

    /// The report of the period as of `today`.
    pub fn finish(self, ws: &Workspace, period: Period, by: By, today: NaiveDate) -> Report {
        let mut breakdown: Vec<Line> = self
            .groups
            .into_iter()
            .map(|(key, line)| line.finish(&key))
            .collect();
        if by == By::Category {
            // Categories in the order the policy lists them, as `summary` shows them.
            let order: Vec<&str> = ws
                .policy
                .categories
                .iter()
                .map(|c| c.code.as_str())
                .collect();
            let rank = |k: &str| order.iter().position(|c| *c == k).unwrap_or(order.len());
            breakdown.sort_by(|a, b| (rank(&a.key), &a.key).cmp(&(rank(&b.key), &b.key)));
        } else {
            breakdown.sort_by(|a, b| b.received.cmp(&a.received).then_with(|| a.key.cmp(&b.key)));
        }
        let on_time = stats::with_rates(self.total.on_time.clone());
        Report {
            office: ws.settings.office_code().map(str::to_string),
            office_name: ws.settings.office_name().map(str::to_string),
            total: self.total.finish("total"),
            generated: today,
            by,
            breakdown,
            by_month: month_counts(&period, self.months),
            by_channel: self.by_channel,
            rejected_by_reason: self.rejected_by_reason,
            resolved_by_outcome: self.resolved_by_outcome,
            on_time,
            forced_extensions: self.forced_extensions,
            on_time_rate_definition: stats::RATE_DEFINITION,
            satisfaction_rate: stats::satisfaction_rate(&self.satisfaction),
            satisfaction_rate_definition: stats::SATISFACTION_DEFINITION,
            satisfaction: self.satisfaction,
            period,
        }
    }
}

/// One line of the report being counted.
#[derive(Debug, Default)]
struct LineTally {
    received: usize,
    accepted: usize,
    rejected: usize,
    transferred: usize,
    resolved: usize,
    withdrawn: usize,
    open: usize,
    on_time: BTreeMap<String, OnTime>,
    days: Vec<i64>,
}

impl LineTally {
    fn add(&mut self, ws: &Workspace, row: &Row) {
        let case = row.case;
        let status = case.status.as_str();
        self.received += 1;
        if stats::first_reached(case, &ws.policy, &[Role::Accepted], ws.offset).is_some() {
            self.accepted += 1;
        }
        match ws.policy.role(status) {
            Some(Role::Rejected) => self.rejected += 1,
            Some(Role::Transferred) => self.transferred += 1,
            Some(Role::Resolved | Role::Closed) => self.resolved += 1,
            Some(Role::Withdrawn) => self.withdrawn += 1,
            Some(Role::Intake | Role::Accepted | Role::Handling | Role::Suspended) | None => {}
        }
        if ws.policy.is_open(status) {
            self.open += 1;
        }
        for d in &row.deadlines {
            stats::count_on_time(&mut self.on_time, d);
        }
        self.days.extend(stats::workdays_until(
            case,
            &ws.policy,
            &CLOSING_ROLES,
            &ws.calendar,
            ws.offset,
        ));
    }

    fn merge(mut self, other: LineTally) -> LineTally {
        self.received += other.received;
        self.accepted += other.accepted;
        self.rejected += other.rejected;
        self.transferred += other.transferred;
        self.resolved += other.resolved;
        self.withdrawn += other.withdrawn;
        self.open += other.open;
        stats::merge_on_time(&mut self.on_time, other.on_time);
        self.days.extend(other.days);
        self
    }

    fn finish(mut self, key: &str) -> Line {
        let (met, counted) = self
            .on_time
            .values()
            .fold((0, 0), |(m, c), o| (m + o.met, c + o.counted()));
        Line {
            key: key.to_string(),
            received: self.received,
            accepted: self.accepted,
            rejected: self.rejected,
            transferred: self.transferred,
            resolved: self.resolved,
            withdrawn: self.withdrawn,
            open: self.open,
            on_time_rate: stats::ratio(met, counted),
            median_workdays_to_close: stats::percentile(&mut self.days, 50.0),
        }
    }
}

/// Counts `days` per month, with the empty months of a short period.
#[cfg(test)]
fn by_month(period: &Period, days: impl Iterator<Item = NaiveDate>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for day in days {
        stats::bump(&mut counts, &day.format("%Y-%m").to_string());
    }
    month_counts(period, counts)
}

/// The cases per month (`counts`), with the empty months of a short period.
fn month_counts(period: &Period, counts: BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    let mut months = BTreeMap::new();
    let span = (period.end.year() - period.start.year()) * 12 + period.end.month() as i32
        - period.start.month() as i32;
    if span < 36 {
        let mut month = period.start.with_day(1).expect("day 1 exists");
        while month <= period.end {
            months.insert(month.format("%Y-%m").to_string(), 0);
            month = month
                .checked_add_months(chrono::Months::new(1))
                .expect("a month after a period's month exists");
        }
    }
    stats::merge_counts(&mut months, counts);
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_a_quarter_are_all_listed() {
        let period = Period::parse("2026-Q3").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
        let months = by_month(&period, [day, day].into_iter());
        let listed: Vec<(&str, usize)> = months.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(listed, [("2026-07", 0), ("2026-08", 2), ("2026-09", 0)]);
    }
}
