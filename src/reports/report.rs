//! `report`: the quarterly publication of complaint statistics (tourism
//! measures art. 27). Aggregates only: no personal data ever appears,
//! except in the section of each case's corrective measures (整改措施),
//! which the command line prints only when asked (`--measures`).

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

/// A dimension a report counts cases by: the main breakdown (`--by`) and
/// the second dimension of a cross-tabulation (`--then`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    /// Per category.
    Category,
    /// Per case type (投诉, 纠纷).
    Type,
    /// Per cause, as the office classifies causes.
    Cause,
    /// Per respondent.
    Respondent,
    /// Per department complained about: a case about two departments
    /// counts once in each.
    Department,
    /// Per department of the office that received the complaint.
    ReceivingDepartment,
    /// Per channel of arrival.
    Channel,
    /// Per outcome of a resolved or closed case (the others under
    /// `(none)`).
    Outcome,
    /// Per assignee.
    Assignee,
}

/// The key of cases that have no value in a dimension.
pub const NONE_KEY: &str = "(none)";

impl By {
    /// Every dimension, in the order `--by` lists them.
    pub const ALL: [By; 9] = [
        By::Category,
        By::Type,
        By::Cause,
        By::Respondent,
        By::Department,
        By::ReceivingDepartment,
        By::Channel,
        By::Outcome,
        By::Assignee,
    ];

    /// Parses `--by`.
    pub fn parse(text: &str) -> Result<By> {
        By::parse_flag("--by", text)
    }

    /// Parses the value of `flag` (`--by`, `--then`).
    pub fn parse_flag(flag: &str, text: &str) -> Result<By> {
        By::ALL
            .into_iter()
            .find(|b| b.as_str() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = By::ALL.iter().map(|b| b.as_str()).collect();
                Error::invalid(crate::said!(
                    "bad-by",
                    flag = flag,
                    by = text,
                    known = crate::messages::said::Arg::list(&names)
                ))
            })
    }

    /// The name, as typed.
    pub fn as_str(self) -> &'static str {
        match self {
            By::Category => "category",
            By::Type => "type",
            By::Cause => "cause",
            By::Respondent => "respondent",
            By::Department => "department",
            By::ReceivingDepartment => "receiving-department",
            By::Channel => "channel",
            By::Outcome => "outcome",
            By::Assignee => "assignee",
        }
    }

    /// The policy codes this dimension's keys are, if they are codes.
    pub fn codes(self) -> Option<crate::policy::codes::CodeKind> {
        use crate::policy::codes::CodeKind;
        match self {
            By::Category => Some(CodeKind::Category),
            By::Type => Some(CodeKind::Type),
            By::Cause => Some(CodeKind::Cause),
            By::Channel => Some(CodeKind::Channel),
            By::Outcome => Some(CodeKind::Outcome),
            By::Respondent | By::Department | By::ReceivingDepartment | By::Assignee => None,
        }
    }

    /// The keys `case` counts under: one, or one per department
    /// complained about; [`NONE_KEY`] when it has no value.
    pub fn keys(self, policy: &crate::policy::Policy, case: &Case) -> Vec<String> {
        let one = |value: Option<&String>| vec![value.cloned().unwrap_or_else(|| NONE_KEY.into())];
        match self {
            By::Category => one(case.category.as_ref()),
            By::Type => one(case.case_type.as_ref()),
            By::Cause => one(case.cause.as_ref()),
            By::Respondent => one(case.respondent.as_ref().and_then(|r| r.name.as_ref())),
            By::Department if case.departments().is_empty() => one(None),
            By::Department => {
                let mut keys = case.departments().to_vec();
                keys.sort();
                keys.dedup();
                keys
            }
            By::ReceivingDepartment => one(case.department.as_ref()),
            By::Channel => one(case.channel.as_ref()),
            By::Outcome => {
                let closed = policy
                    .role(&case.status)
                    .is_some_and(|r| CLOSING_ROLES.contains(&r));
                one(case.outcome.as_ref().filter(|_| closed))
            }
            By::Assignee => one(case.assignee.as_ref()),
        }
    }

    /// Orders `keys` of this dimension: codes in the order the policy
    /// lists them, other keys by `count` (most first) then by name;
    /// [`NONE_KEY`] last.
    pub fn order(
        self,
        policy: &crate::policy::Policy,
        keys: &mut [String],
        count: impl Fn(&str) -> usize,
    ) {
        let codes: Vec<String> = self
            .codes()
            .map(|kind| policy.codes(kind).into_iter().map(|c| c.code).collect())
            .unwrap_or_default();
        let rank = |k: &str| {
            let listed = codes.iter().position(|c| c == k).unwrap_or(codes.len());
            let weight = if codes.is_empty() {
                usize::MAX - count(k)
            } else {
                0
            };
            (k == NONE_KEY, listed, weight)
        };
        keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    }
}

/// Cases counted by two dimensions at once: each row a key of `by`, each
/// column a key of `then` ("2 disputes, of which 1 compensated").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cross {
    /// The dimension of the rows.
    pub by: By,
    /// The dimension of the columns.
    pub then: By,
    /// The column keys, in order.
    pub columns: Vec<String>,
    /// One row per key of `by`, in order.
    pub rows: Vec<CrossRow>,
}

/// One row of a cross-tabulation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrossRow {
    /// The key of `by`.
    pub key: String,
    /// The cases of this key.
    pub total: usize,
    /// The cases of this key per key of `then` (keys with none left out).
    pub cells: BTreeMap<String, usize>,
}

/// The compensation of the period's cases.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Compensation {
    /// Cases with a compensation amount.
    pub cases: usize,
    /// Their sum in yuan, with two decimals (text, exact).
    pub total: crate::model::Yuan,
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
    /// Cases per type code (empty where the policy has no types).
    pub by_type: BTreeMap<String, usize>,
    /// Cases per cause code (empty where the policy has no causes).
    pub by_cause: BTreeMap<String, usize>,
    /// Two dimensions crossed (`--by A --then B`; by default type by
    /// outcome where the policy has types).
    pub cross: Option<Cross>,
    /// Compensation agreed or awarded.
    pub compensation: Compensation,
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
    /// Cases escalated to leadership (`plaint escalate`).
    pub escalated: usize,
    /// Of which still waiting for the leader's instruction.
    pub awaiting_instruction: usize,
    /// How the on-time rates are computed: [`stats::RATE_DEFINITION`].
    pub on_time_rate_definition: &'static str,
    /// Follow-up answers.
    pub satisfaction: BTreeMap<String, usize>,
    /// Satisfied ÷ answered.
    pub satisfaction_rate: Option<f64>,
    /// How the satisfaction rate is computed: [`stats::SATISFACTION_DEFINITION`].
    pub satisfaction_rate_definition: &'static str,
    /// Each case's corrective measures (整改措施), in ID order: the
    /// written record the hospital rules (八) have the complaints office
    /// report to the leadership. Free text, so left out (`None`) unless
    /// asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measures: Option<Vec<Measures>>,
}

/// The corrective measures of one case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Measures {
    /// The case.
    pub id: String,
    /// Its category code.
    pub category: Option<String>,
    /// The respondent's departments concerned (科室).
    pub departments: Vec<String>,
    /// The measures, as written with `plaint set ID measures`.
    pub measures: String,
}

/// Builds the report over `rows` received within `period`.
///
/// Long by design: one pass over the rows fills every section of the
/// report together.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn build(ws: &Workspace, rows: &[Row], period: Period, dims: Dims, today: NaiveDate) -> Report {
    let mut tally = Tally::default();
    for row in rows
        .iter()
        .filter(|r| in_period(ws, &period, r.case.received))
    {
        tally.add(ws, dims, row);
    }
    tally.finish(ws, period, dims, today)
}

/// The dimensions of a report: the main breakdown, and the two crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dims {
    /// The main breakdown.
    pub by: By,
    /// The rows and columns of the cross-tabulation, if any.
    pub cross: Option<(By, By)>,
}

impl Dims {
    /// `--by` and `--then` as given: crossed when `then` is given, else
    /// type by outcome where the policy has types.
    pub fn new(policy: &crate::policy::Policy, by: By, then: Option<By>) -> Dims {
        let cross = match then {
            Some(then) => Some((by, then)),
            None => (!policy.types.is_empty()).then_some((By::Type, By::Outcome)),
        };
        Dims { by, cross }
    }
}

/// Builds the report over the cases of `snapshot` received within
/// `period`, decoding one case at a time in parallel (deadlines are
/// evaluated only for the cases of the period). Returns the cases that
/// could not be read beside.
pub fn build_all(
    ws: &Workspace,
    snapshot: &Snapshot,
    period: Period,
    dims: Dims,
    today: NaiveDate,
) -> (Report, Vec<Error>) {
    let (tally, broken) = tally_all(ws, snapshot, &period, dims, today);
    (tally.finish(ws, period, dims, today), broken)
}

/// The counts of [`build_all`] before they are finished into a report, so
/// that the counts of several offices can be added up.
pub fn tally_all(
    ws: &Workspace,
    snapshot: &Snapshot,
    period: &Period,
    dims: Dims,
    today: NaiveDate,
) -> (Tally, Vec<Error>) {
    crate::query::fold(
        ws,
        snapshot,
        today,
        |snapshot, i| in_period(ws, period, snapshot.received(i)),
        Tally::default,
        |tally, row| tally.add(ws, dims, row),
        Tally::merge,
    )
}

fn in_period(ws: &Workspace, period: &Period, received: DateTime<FixedOffset>) -> bool {
    period.contains(received.with_timezone(&ws.offset).date_naive())
}

/// A report being counted, case by case; tallies of parts merge, and so
/// do the tallies of several offices (each counted under its own policy:
/// states are counted by role, deadlines by outcome).
#[derive(Clone, Debug, Default)]
pub struct Tally {
    total: LineTally,
    groups: BTreeMap<String, LineTally>,
    months: BTreeMap<String, usize>,
    by_channel: BTreeMap<String, usize>,
    rejected_by_reason: BTreeMap<String, usize>,
    resolved_by_outcome: BTreeMap<String, usize>,
    forced_extensions: usize,
    escalated: usize,
    awaiting_instruction: usize,
    satisfaction: BTreeMap<String, usize>,
    measures: Vec<Measures>,
    by_type: BTreeMap<String, usize>,
    by_cause: BTreeMap<String, usize>,
    cross: BTreeMap<String, (usize, BTreeMap<String, usize>)>,
    compensation: Compensation,
}

impl Tally {
    /// Counts one case of the period with its deadlines.
    pub fn add(&mut self, ws: &Workspace, dims: Dims, row: &Row) {
        let case = row.case;
        let policy = &ws.policy;
        self.total.add(ws, row);
        for key in dims.by.keys(policy, case) {
            self.groups.entry(key).or_default().add(ws, row);
        }
        if !policy.types.is_empty() {
            stats::bump(&mut self.by_type, &By::Type.keys(policy, case)[0]);
        }
        if !policy.causes.is_empty() {
            stats::bump(&mut self.by_cause, &By::Cause.keys(policy, case)[0]);
        }
        if let Some((rows, columns)) = dims.cross {
            for key in rows.keys(policy, case) {
                let (total, cells) = self.cross.entry(key).or_default();
                *total += 1;
                for column in columns.keys(policy, case) {
                    stats::bump(cells, &column);
                }
            }
        }
        if let Some(amount) = case.compensation {
            self.compensation.cases += 1;
            self.compensation.total = self.compensation.total.plus(amount);
        }
        let day = case.received.with_timezone(&ws.offset).date_naive();
        stats::bump(&mut self.months, &day.format("%Y-%m").to_string());
        stats::bump_or(&mut self.by_channel, case.channel.as_deref(), "(unknown)");
        let role = ws.policy.role(&case.status);
        if role == Some(Role::Rejected) {
            let reason = case.move_into_status().and_then(|m| m.reason.as_deref());
            stats::bump_or(&mut self.rejected_by_reason, reason, "(none)");
        }
        if role.is_some_and(|r| CLOSING_ROLES.contains(&r)) {
            stats::bump_or(
                &mut self.resolved_by_outcome,
                case.outcome.as_deref(),
                "(none)",
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
        if let Some(measures) = &case.measures {
            self.measures.push(Measures {
                id: case.id.to_string(),
                category: case.category.clone(),
                departments: case.departments().to_vec(),
                measures: measures.clone(),
            });
        }
        if crate::policy::leadership::is_escalated(case) {
            self.escalated += 1;
            let waiting = !crate::policy::leadership::waiting_escalations(case).is_empty();
            self.awaiting_instruction += usize::from(waiting && ws.policy.is_open(&case.status));
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
        self.escalated += other.escalated;
        self.awaiting_instruction += other.awaiting_instruction;
        stats::merge_counts(&mut self.satisfaction, other.satisfaction);
        self.measures.extend(other.measures);
        stats::merge_counts(&mut self.by_type, other.by_type);
        stats::merge_counts(&mut self.by_cause, other.by_cause);
        for (key, (total, cells)) in other.cross {
            let mine = self.cross.entry(key).or_default();
            mine.0 += total;
            stats::merge_counts(&mut mine.1, cells);
        }
        self.compensation.cases += other.compensation.cases;
        self.compensation.total = self.compensation.total.plus(other.compensation.total);
        self
    }

    /// The report of the period as of `today`.
    pub fn finish(
        mut self,
        ws: &Workspace,
        period: Period,
        dims: Dims,
        today: NaiveDate,
    ) -> Report {
        let by = dims.by;
        let mut keys: Vec<String> = self.groups.keys().cloned().collect();
        by.order(&ws.policy, &mut keys, |k| {
            self.groups.get(k).map_or(0, |l| l.received)
        });
        let mut groups = self.groups;
        let breakdown: Vec<Line> = keys
            .iter()
            .filter_map(|key| groups.remove(key).map(|line| line.finish(key)))
            .collect();
        let cross = dims
            .cross
            .map(|(rows, columns)| cross(&ws.policy, rows, columns, self.cross));
        let on_time = stats::with_rates(self.total.on_time.clone());
        self.measures.sort();
        Report {
            office: ws.settings.office_code().map(str::to_string),
            office_name: ws.settings.office_name().map(str::to_string),
            total: self.total.finish("total"),
            generated: today,
            by,
            by_type: self.by_type,
            by_cause: self.by_cause,
            cross,
            compensation: self.compensation,
            breakdown,
            by_month: month_counts(&period, self.months),
            by_channel: self.by_channel,
            rejected_by_reason: self.rejected_by_reason,
            resolved_by_outcome: self.resolved_by_outcome,
            on_time,
            forced_extensions: self.forced_extensions,
            escalated: self.escalated,
            awaiting_instruction: self.awaiting_instruction,
            on_time_rate_definition: stats::RATE_DEFINITION,
            satisfaction_rate: stats::satisfaction_rate(&self.satisfaction),
            satisfaction_rate_definition: stats::SATISFACTION_DEFINITION,
            satisfaction: self.satisfaction,
            measures: Some(self.measures),
            period,
        }
    }
}

/// The cross-tabulation of `rows` by `columns` from its counts, both in
/// their dimension's order.
fn cross(
    policy: &crate::policy::Policy,
    rows: By,
    columns: By,
    counts: BTreeMap<String, (usize, BTreeMap<String, usize>)>,
) -> Cross {
    let mut column_totals: BTreeMap<String, usize> = BTreeMap::new();
    for (_, cells) in counts.values() {
        stats::merge_counts(&mut column_totals, cells.clone());
    }
    let mut column_keys: Vec<String> = column_totals.keys().cloned().collect();
    columns.order(policy, &mut column_keys, |k| {
        column_totals.get(k).copied().unwrap_or(0)
    });
    let mut row_keys: Vec<String> = counts.keys().cloned().collect();
    rows.order(policy, &mut row_keys, |k| counts.get(k).map_or(0, |c| c.0));
    let mut counts = counts;
    Cross {
        by: rows,
        then: columns,
        columns: column_keys,
        rows: row_keys
            .into_iter()
            .filter_map(|key| {
                let (total, cells) = counts.remove(&key)?;
                Some(CrossRow { key, total, cells })
            })
            .collect(),
    }
}

/// One line of the report being counted.
#[derive(Clone, Debug, Default)]
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
