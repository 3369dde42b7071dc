//! Small statistics over the cases: percentiles, on-time rates, the time
//! from receipt to a decision or to closing.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate};
use serde::Serialize;

use crate::calendar::Calendar;
use crate::deadline::{Deadline, DeadlineState};
use crate::model::Case;
use crate::policy::{Policy, Role};

/// The roles of the states that decide on acceptance.
pub const DECISION_ROLES: [Role; 3] = [Role::Accepted, Role::Rejected, Role::Transferred];
/// The roles of the states that close a case.
pub const CLOSING_ROLES: [Role; 2] = [Role::Resolved, Role::Closed];

/// How the satisfaction rate is defined, as printed in reports: the
/// answers that count as satisfied over every answer; a call that reached
/// nobody, was declined or could not be made (anonymous) is no answer.
pub const SATISFACTION_DEFINITION: &str =
    "(very satisfied + satisfied + basically satisfied) ÷ answers";

/// The satisfaction rate of follow-up results counted by code (see
/// [`SATISFACTION_DEFINITION`]); `None` with no answer.
pub fn satisfaction_rate(counts: &BTreeMap<String, usize>) -> Option<f64> {
    let count = |keep: fn(crate::model::Satisfaction) -> bool| -> usize {
        crate::model::Satisfaction::ALL
            .into_iter()
            .filter(|s| keep(*s))
            .map(|s| counts.get(s.as_str()).copied().unwrap_or(0))
            .sum()
    };
    ratio(
        count(crate::model::Satisfaction::is_satisfied),
        count(crate::model::Satisfaction::is_answer),
    )
}

/// The follow-up result a case stands on: that of its resolution while it
/// is out of the workflow; none once it is reopened (the call answered
/// for a resolution that no longer stands).
pub fn standing_satisfaction(case: &Case, policy: &Policy) -> Option<crate::model::Satisfaction> {
    let status = crate::deadline::current_status(case, policy);
    (!policy.is_open(status))
        .then_some(case.satisfaction)
        .flatten()
}

/// How the on-time rate is defined, as printed in reports.
pub const RATE_DEFINITION: &str = "met ÷ (met + missed + overdue)";

/// The outcome counts of one deadline rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OnTime {
    /// `statutory` or `office-target`: office targets are reported apart
    /// from the law's limits.
    pub kind: Option<crate::policy::rules::RuleKind>,
    /// Stopped on time.
    pub met: usize,
    /// Stopped late.
    pub missed: usize,
    /// Still open and past the due date: late already, whatever happens next.
    pub overdue: usize,
    /// Stopped without the rule's act: the case left the workflow, or
    /// ended in time without the milestone the rule waits for.
    pub stopped: usize,
    /// Not evaluated: imported cases whose history does not show the rule.
    pub not_tracked: usize,
    /// met ÷ (met + missed + overdue) ([`RATE_DEFINITION`]); `None` with
    /// none of those yet.
    pub rate: Option<f64>,
}

impl OnTime {
    /// The deadlines the rate is taken over: met, missed and overdue.
    pub fn counted(&self) -> usize {
        self.met + self.missed + self.overdue
    }
}

/// On-time counts per rule over many cases' deadlines.
pub fn on_time<'a>(deadlines: impl Iterator<Item = &'a Deadline>) -> BTreeMap<String, OnTime> {
    let mut map: BTreeMap<String, OnTime> = BTreeMap::new();
    for d in deadlines {
        count_on_time(&mut map, d);
    }
    with_rates(map)
}

/// Counts one deadline into on-time counts (rates are set by [`with_rates`]).
pub fn count_on_time(map: &mut BTreeMap<String, OnTime>, d: &Deadline) {
    let entry = map.entry(d.rule.clone()).or_default();
    entry.kind = Some(d.kind);
    match d.state {
        DeadlineState::Met => entry.met += 1,
        DeadlineState::Missed => entry.missed += 1,
        DeadlineState::Overdue => entry.overdue += 1,
        DeadlineState::Stopped | DeadlineState::Ended => entry.stopped += 1,
        DeadlineState::NotTracked => entry.not_tracked += 1,
        DeadlineState::Running | DeadlineState::Paused => {}
    }
}

/// Adds the on-time counts of `from` to `into`.
pub fn merge_on_time(into: &mut BTreeMap<String, OnTime>, from: BTreeMap<String, OnTime>) {
    for (rule, counts) in from {
        let entry = into.entry(rule).or_default();
        entry.kind = counts.kind.or(entry.kind);
        entry.met += counts.met;
        entry.missed += counts.missed;
        entry.overdue += counts.overdue;
        entry.stopped += counts.stopped;
        entry.not_tracked += counts.not_tracked;
    }
}

/// The counts with each rule's rate set.
pub fn with_rates(mut map: BTreeMap<String, OnTime>) -> BTreeMap<String, OnTime> {
    for entry in map.values_mut() {
        entry.rate = ratio(entry.met, entry.counted());
    }
    map
}

/// Adds one to `key`'s count.
pub fn bump(map: &mut BTreeMap<String, usize>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

/// Counts one more under `key`, or under `none` for a case without one.
pub fn bump_or(map: &mut BTreeMap<String, usize>, key: Option<&str>, none: &str) {
    bump(map, key.unwrap_or(none));
}

/// Adds the counts of `from` to `into`.
pub fn merge_counts(into: &mut BTreeMap<String, usize>, from: BTreeMap<String, usize>) {
    for (key, n) in from {
        *into.entry(key).or_insert(0) += n;
    }
}

/// `part / whole`, rounded to 4 places; `None` for an empty whole.
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0)
}

/// The `p`-th percentile (0–100) by linear interpolation; `None` if empty.
pub fn percentile(values: &mut [i64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = p / 100.0 * (values.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    let value = values[low] as f64 + (values[high] - values[low]) as f64 * (rank - low as f64);
    Some((value * 100.0).round() / 100.0)
}

/// The day the case first entered a state of one of `roles`, in the
/// office's offset.
pub fn first_reached(
    case: &Case,
    policy: &Policy,
    roles: &[Role],
    offset: FixedOffset,
) -> Option<NaiveDate> {
    case.history
        .iter()
        .find(|e| {
            e.moved_to()
                .and_then(|to| policy.role(to))
                .is_some_and(|role| roles.contains(&role))
        })
        .map(|e| e.at.with_timezone(&offset).date_naive())
}

/// Working days from receipt until the case first entered a state of one
/// of `roles`.
pub fn workdays_until(
    case: &Case,
    policy: &Policy,
    roles: &[Role],
    calendar: &Calendar,
    offset: FixedOffset,
) -> Option<i64> {
    let reached = first_reached(case, policy, roles, offset)?;
    let received = case.received.with_timezone(&offset).date_naive();
    calendar
        .workdays_between(received, reached)
        .ok()
        .map(|c| c.value)
}

/// Calendar days from receipt until the case first entered a state of one
/// of `roles`.
pub fn days_until(
    case: &Case,
    policy: &Policy,
    roles: &[Role],
    offset: FixedOffset,
) -> Option<i64> {
    let reached = first_reached(case, policy, roles, offset)?;
    Some((reached - case.received.with_timezone(&offset).date_naive()).num_days())
}

/// Counts values into an ordered map.
pub fn count<I: IntoIterator<Item = String>>(values: I) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for v in values {
        *map.entry(v).or_insert(0) += 1;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        assert_eq!(percentile(&mut [], 50.0), None);
        assert_eq!(percentile(&mut [5], 90.0), Some(5.0));
        assert_eq!(percentile(&mut [4, 1, 3, 2], 50.0), Some(2.5));
        assert_eq!(
            percentile(&mut (1..=11).collect::<Vec<_>>(), 90.0),
            Some(10.0)
        );
    }

    #[test]
    fn ratios_round_and_handle_zero() {
        assert_eq!(ratio(0, 0), None);
        assert_eq!(ratio(2, 3), Some(0.6667));
    }
}
