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
        what: crate::said!(
            "period-from",
            amount = amount,
            unit = unit_word(unit),
            start = start
        )
        .into(),
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

/// The word for `unit` in both languages (`workdays` / `个工作日`).
fn unit_word(unit: Unit) -> crate::messages::said::Arg {
    use crate::messages::{Language, text};
    let id = format!("unit-word-{}", unit.as_str());
    crate::messages::said::Arg::each(text(Language::En, &id), text(Language::Zh, &id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    use crate::calendar::tests::{cn, d};
    use Roll::NextWorkday;
    use Unit::{Days, Months, Workdays};

    /// Asserts each `(start, amount, unit, roll, end)` on the Chinese calendar.
    fn ends(cases: &[(&str, i64, Unit, Roll, &str)]) {
        for &(start, amount, unit, roll, end) in cases {
            let got = period_end(&cn(), d(start), amount, unit, roll).unwrap();
            assert_eq!(got.value, d(end), "{start} + {amount} {unit:?} {roll:?}");
        }
    }

    #[test]
    fn ten_days_ending_on_a_sunday_move_to_monday() {
        ends(&[
            ("2026-03-12", 10, Days, NextWorkday, "2026-03-23"),
            ("2026-03-12", 10, Days, Roll::None, "2026-03-22"),
        ]);
    }

    #[test]
    fn days_ending_on_the_last_day_of_a_holiday_week_move_past_it() {
        // 2026-10-07 (Wed) is the last day of National Day week.
        ends(&[("2026-09-27", 10, Days, NextWorkday, "2026-10-08")]);
    }

    #[test]
    fn days_ending_on_a_make_up_saturday_stay() {
        ends(&[("2026-09-30", 10, Days, NextWorkday, "2026-10-10")]);
    }

    #[test]
    fn months_end_on_the_same_day_or_the_last_day_of_the_month() {
        // 2026-02-28 is a Saturday but a make-up working day: it stays.
        ends(&[
            ("2026-01-31", 1, Months, NextWorkday, "2026-02-28"),
            ("2024-01-31", 1, Months, NextWorkday, "2024-02-29"),
            ("2024-02-29", 12, Months, Roll::None, "2025-02-28"),
            ("2026-03-15", 2, Months, Roll::None, "2026-05-15"),
            // Ends on National Day 2025: rolls past the whole week to Thursday.
            ("2025-09-01", 1, Months, NextWorkday, "2025-10-09"),
        ]);
        // Under plain weekends the same Saturday is a rest day.
        let weekends = Calendar::builtin("weekends").unwrap();
        let got = period_end(
            &weekends,
            d("2026-01-31"),
            1,
            Unit::Months,
            Roll::NextWorkday,
        );
        assert_eq!(got.unwrap().value, d("2026-03-02"));
    }

    #[test]
    fn a_period_starting_inside_a_holiday() {
        // 10-04..07 holidays, then 10-08 #1, 10-09 #2, 10-10 (make-up) #3, 10-12 #4, 10-13 #5.
        ends(&[
            ("2026-10-03", 5, Workdays, Roll::None, "2026-10-13"),
            ("2026-10-03", 3, Days, NextWorkday, "2026-10-08"),
            ("2026-10-03", 0, Days, NextWorkday, "2026-10-08"),
        ]);
    }

    #[test]
    fn warnings_only_when_an_uncovered_day_is_consulted() {
        let cn = cn();
        let rolled = period_end(&cn, d("2026-12-25"), 10, Unit::Days, Roll::NextWorkday).unwrap();
        assert_eq!(rolled.value, d("2027-01-04"));
        assert_eq!(rolled.uncovered_years, BTreeSet::from([2027]));
        let kept = period_end(&cn, d("2026-12-25"), 10, Unit::Days, Roll::None).unwrap();
        assert!(kept.uncovered_years.is_empty());
    }

    #[test]
    fn bad_periods_are_errors() {
        let cn = cn();
        let err = period_end(&cn, d("2026-01-01"), -1, Unit::Days, Roll::None).unwrap_err();
        assert_eq!(err.to_string(), "a period cannot be negative: -1 days");
        for (amount, unit) in [
            (i64::MAX, Unit::Days),
            (i64::MAX, Unit::Months),
            (200_000, Unit::Months),
        ] {
            let err =
                period_end(&cn, d("2026-01-01"), amount, unit, Roll::NextWorkday).unwrap_err();
            assert!(
                matches!(err, CalendarError::ResultOutOfRange { .. }),
                "{err:?}"
            );
        }
        assert!(period_end(&cn, d("2026-01-01"), 200_000, Unit::Workdays, Roll::None).is_err());
    }

    #[test]
    fn units_and_rolls_read_and_write_as_documented() {
        for (text, unit) in [
            ("workdays", Unit::Workdays),
            ("days", Unit::Days),
            ("months", Unit::Months),
        ] {
            assert_eq!(serde_yaml::from_str::<Unit>(text).unwrap(), unit);
            assert_eq!(serde_yaml::to_string(&unit).unwrap().trim(), text);
            assert_eq!(unit.as_str(), text);
        }
        assert_eq!(
            serde_yaml::from_str::<Roll>("next-workday").unwrap(),
            Roll::NextWorkday
        );
        assert_eq!(serde_yaml::from_str::<Roll>("none").unwrap(), Roll::None);
        assert_eq!(Roll::default(), Roll::NextWorkday);
        assert!(serde_yaml::from_str::<Unit>("weeks").is_err());
    }

    #[test]
    fn explain_lists_skipped_and_counted_days() {
        let steps = explain_workdays(&cn(), d("2026-09-30"), 3).unwrap();
        assert!(steps.uncovered_years.is_empty());
        let lines: Vec<String> = steps
            .value
            .iter()
            .map(|s| match s.count {
                Some(n) => format!(
                    "{} {} counted ({}) #{n}",
                    s.date,
                    s.date.format("%a"),
                    s.kind
                ),
                None => format!("{} {} skipped: {}", s.date, s.date.format("%a"), s.kind),
            })
            .collect();
        assert_eq!(
            lines,
            [
                "2026-10-01 Thu skipped: National Day (国庆节)",
                "2026-10-02 Fri skipped: National Day (国庆节)",
                "2026-10-03 Sat skipped: National Day (国庆节)",
                "2026-10-04 Sun skipped: National Day (国庆节)",
                "2026-10-05 Mon skipped: National Day (国庆节)",
                "2026-10-06 Tue skipped: National Day (国庆节, day off in lieu)",
                "2026-10-07 Wed skipped: National Day (国庆节, day off in lieu)",
                "2026-10-08 Thu counted (working day) #1",
                "2026-10-09 Fri counted (working day) #2",
                "2026-10-10 Sat counted (make-up working day for National Day) #3",
            ]
        );
    }

    #[test]
    fn explain_zero_and_backwards() {
        let cn = cn();
        let zero = explain_workdays(&cn, d("2026-10-06"), 0).unwrap().value;
        let counts: Vec<_> = zero.iter().map(|s| (s.date, s.count)).collect();
        assert_eq!(
            counts,
            [
                (d("2026-10-06"), None),
                (d("2026-10-07"), None),
                (d("2026-10-08"), Some(0))
            ]
        );
        let back = explain_workdays(&cn, d("2026-10-12"), -3).unwrap().value;
        let counts: Vec<_> = back.iter().map(|s| (s.date, s.count)).collect();
        assert_eq!(
            counts,
            [
                (d("2026-10-11"), None),
                (d("2026-10-10"), Some(1)),
                (d("2026-10-09"), Some(2)),
                (d("2026-10-08"), Some(3)),
            ]
        );
        let uncovered = explain_workdays(&cn, d("2026-12-31"), 1).unwrap();
        assert!(!uncovered.value[0].covered);
        assert_eq!(uncovered.uncovered_years, BTreeSet::from([2027]));
    }

    fn covered_date() -> impl Strategy<Value = NaiveDate> {
        (0i64..4 * 365).prop_map(|n| d("2023-01-01") + TimeDelta::days(n))
    }

    proptest! {
        #[test]
        fn rolled_day_periods_end_on_the_first_working_day_at_or_after(
            start in covered_date(), amount in 0i64..120
        ) {
            let cn = cn();
            let raw = start + TimeDelta::days(amount);
            let got = period_end(&cn, start, amount, Unit::Days, Roll::NextWorkday).unwrap().value;
            prop_assert!(cn.is_workday(got));
            prop_assert!(got >= raw);
            let mut day = raw;
            while day < got {
                prop_assert!(!cn.is_workday(day));
                day = day.succ_opt().unwrap();
            }
        }

        #[test]
        fn explain_ends_where_add_does(start in covered_date(), n in -60i64..60) {
            let cn = cn();
            let steps = explain_workdays(&cn, start, n).unwrap().value;
            let last = steps.last().unwrap();
            prop_assert_eq!(last.date, cn.add_workdays(start, n).unwrap().value);
            prop_assert_eq!(last.count, Some(n.abs()));
            let counted = steps.iter().filter(|s| s.count.is_some_and(|c| c > 0)).count();
            prop_assert_eq!(counted as i64, n.abs());
        }
    }
}
