//! Statutory periods under the PRC Civil Code, arts. 201–203.
//!
//! The day of the triggering event is never counted. A period in days ends
//! that many calendar days later; a period in months ends on the same day
//! of the final month, or on its last day when it has no such day. When a
//! day or month period ends on a rest day it moves to the next working day
//! (a make-up Saturday is a working day, so it stays). A period in working
//! days counts only working days of the calendar.
//!
//! [`explain_workdays`] lists the days a working-day count walked over, so
//! a command can show why a deadline falls where it does.

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::{Calendar, CalendarError, Computed, DayKind, FIRST_YEAR, LAST_YEAR};

/// What a period's amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Working days of the calendar.
    Workdays,
    /// Calendar days.
    Days,
    /// Calendar months.
    Months,
}

impl Unit {
    /// The word used in files and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Workdays => "workdays",
            Unit::Days => "days",
            Unit::Months => "months",
        }
    }
}

/// What happens when a day or month period ends on a rest day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Roll {
    /// Move to the next working day (Civil Code art. 203), the default.
    #[default]
    NextWorkday,
    /// Keep the end date as computed.
    None,
}

/// The last day of a period of `amount` `unit`s starting after `start`.
/// Invariants: `amount >= 0`; with `Roll::NextWorkday` (and always for
/// working days) the result is a working day; the result is never before
/// `start`. Warnings list the uncovered years whose days were consulted.
pub fn period_end(
    cal: &Calendar,
    start: NaiveDate,
    amount: i64,
    unit: Unit,
    roll: Roll,
) -> Result<Computed<NaiveDate>, CalendarError> {
    if amount < 0 {
        return Err(CalendarError::NegativePeriod {
            amount,
            unit: unit.as_str(),
        });
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&start.year()) {
        return Err(CalendarError::DateOutOfRange { date: start });
    }
    let beyond = || CalendarError::ResultOutOfRange {
        what: format!("{amount} {} from {start}", unit.as_str()),
    };
    let end = match unit {
        Unit::Workdays => return cal.add_workdays(start, amount),
        Unit::Days => TimeDelta::try_days(amount).and_then(|delta| start.checked_add_signed(delta)),
        Unit::Months => u32::try_from(amount)
            .ok()
            .and_then(|m| start.checked_add_months(Months::new(m))),
    }
    .filter(|end| end.year() <= LAST_YEAR)
    .ok_or_else(beyond)?;
    match roll {
        Roll::None => Ok(Computed::exact(end)),
        Roll::NextWorkday => cal.add_workdays(end, 0),
    }
}

/// One day walked over by a working-day count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayStep {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The running count this day reached (1, 2, … up to |n|; 0 for the
    /// day an `n = 0` count lands on), or `None` when it was skipped.
    pub count: Option<i64>,
    /// False when the day's year is outside the calendar's coverage and
    /// only the weekend rule was applied.
    pub covered: bool,
}

/// Every day `add_workdays(start, n)` looked at, in the order it counted
/// them: after `start` up to the result for `n > 0`, from `start` for
/// `n == 0`, and backwards from the day before `start` for `n < 0`. The
/// last step is the result and carries count |n|.
pub fn explain_workdays(
    cal: &Calendar,
    start: NaiveDate,
    n: i64,
) -> Result<Computed<Vec<DayStep>>, CalendarError> {
    let result = cal.add_workdays(start, n)?;
    let end = result.value;
    let (mut day, step) = match n {
        1.. => (start.succ_opt(), 1),
        0 => (Some(start), 1),
        _ => (start.pred_opt(), -1),
    };
    let mut steps = Vec::new();
    let mut count = 0;
    while let Some(d) = day {
        let kind = cal.day_kind(d);
        let counted = if kind.is_workday() && n != 0 {
            count += 1;
            Some(count)
        } else if d == end {
            Some(0)
        } else {
            None
        };
        steps.push(DayStep {
            date: d,
            kind,
            count: counted,
            covered: cal.covers(d.year()),
        });
        if d == end {
            break;
        }
        day = d.checked_add_signed(TimeDelta::days(step));
    }
    Ok(result.map(|_| steps))
}
