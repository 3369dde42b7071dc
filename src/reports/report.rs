//! `report`: the quarterly publication of complaint statistics (tourism
//! measures art. 27). Aggregates only: no personal data ever appears.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::period::Period;
use super::stats::{self, CLOSING_STATES, OnTime};
use crate::error::{Error, Result};
use crate::model::Case;
use crate::query::Row;
use crate::storage::Workspace;

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
            other => Err(Error::Invalid(crate::msg!(
                crate::messages::language(),
                "bad-by",
                by = other
            ))),
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
}

/// Builds the report over `rows` received within `period`.
///
/// Long by design: one pass over the rows fills every section of the
/// report together.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn build(ws: &Workspace, rows: &[Row], period: Period, by: By, today: NaiveDate) -> Report {
    let offset = ws.offset;
    let in_period: Vec<&Row> = rows
        .iter()
        .filter(|r| period.contains(r.case.received.with_timezone(&offset).date_naive()))
        .collect();
    let mut groups: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for row in &in_period {
        groups.entry(by.key(row.case)).or_default().push(row);
    }
    let mut breakdown: Vec<Line> = groups
        .iter()
        .map(|(key, rows)| line(ws, key, rows))
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
    let cases: Vec<&Case> = in_period.iter().map(|r| r.case).collect();
    let last_status =
        |case: &Case, state: &str, pick: fn(&crate::model::Event) -> Option<String>| {
            case.history
                .iter()
                .rev()
                .find(|e| e.to.as_deref() == Some(state))
                .and_then(pick)
        };
    let satisfaction = stats::count(
        cases
            .iter()
            .filter_map(|c| c.satisfaction)
            .map(|s| s.as_str().to_string()),
    );
    let answered = satisfaction.values().sum();
    Report {
        total: line(ws, "total", &in_period),
        generated: today,
        by,
        breakdown,
        by_month: by_month(
            &period,
            cases
                .iter()
                .map(|c| c.received.with_timezone(&offset).date_naive()),
        ),
        by_channel: stats::count(
            cases
                .iter()
                .map(|c| c.channel.as_deref().unwrap_or("(unknown)").to_string()),
        ),
        rejected_by_reason: stats::count(cases.iter().filter(|c| c.status == "rejected").map(
            |c| last_status(c, "rejected", |e| e.reason.clone()).unwrap_or_else(|| "(none)".into()),
        )),
        resolved_by_outcome: stats::count(
            cases
                .iter()
                .filter(|c| CLOSING_STATES.contains(&c.status.as_str()))
                .map(|c| c.outcome.clone().unwrap_or_else(|| "(none)".into())),
        ),
        on_time: stats::on_time(in_period.iter().flat_map(|r| r.deadlines.iter())),
        forced_extensions: cases
            .iter()
            .flat_map(|c| c.history.iter())
            .filter(|e| {
                e.action == crate::model::Action::Extended
                    && e.forced
                        .iter()
                        .any(|f| f == crate::model::event::FORCED_EXTENSION)
            })
            .count(),
        on_time_rate_definition: stats::RATE_DEFINITION,
        satisfaction_rate: stats::ratio(*satisfaction.get("satisfied").unwrap_or(&0), answered),
        satisfaction,
        period,
    }
}

/// Counts `days` per month, with the empty months of a short period.
fn by_month(period: &Period, days: impl Iterator<Item = NaiveDate>) -> BTreeMap<String, usize> {
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
    for day in days {
        *months.entry(day.format("%Y-%m").to_string()).or_insert(0) += 1;
    }
    months
}

fn line(ws: &Workspace, key: &str, rows: &[&Row]) -> Line {
    let status_is = |s: &str| rows.iter().filter(|r| r.case.status == s).count();
    let ever_accepted = rows
        .iter()
        .filter(|r| stats::first_reached(r.case, &["accepted"], ws.offset).is_some())
        .count();
    let mut days: Vec<i64> = rows
        .iter()
        .filter_map(|r| stats::workdays_until(r.case, &CLOSING_STATES, &ws.calendar, ws.offset))
        .collect();
    let on_time = stats::on_time(rows.iter().flat_map(|r| r.deadlines.iter()));
    let (met, counted) = on_time
        .values()
        .fold((0, 0), |(m, c), o| (m + o.met, c + o.counted()));
    Line {
        key: key.to_string(),
        received: rows.len(),
        accepted: ever_accepted,
        rejected: status_is("rejected"),
        transferred: status_is("transferred"),
        resolved: status_is("resolved") + status_is("closed"),
        withdrawn: status_is("withdrawn"),
        open: rows
            .iter()
            .filter(|r| ws.policy.is_open(&r.case.status))
            .count(),
        on_time_rate: stats::ratio(met, counted),
        median_workdays_to_close: stats::percentile(&mut days, 50.0),
    }
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
