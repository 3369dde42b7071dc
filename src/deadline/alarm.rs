//! Graded alarms: how late or how close a deadline is, in the four grades
//! of the petition system's supervision (预警 / 超时 / 中度超时 / 严重超时).
//! A case's grade is the worst grade of its open deadlines.
//!
//! With the thresholds `warning` N, `moderate` X and `severe` Y (in
//! working days, see [`AlarmLevels`]), a deadline that is:
//! - running with at most N working days left (the due date included) is
//!   [`Alarm::Warning`] 预警;
//! - overdue by more than Y working days is [`Alarm::Severe`] 严重超时;
//! - overdue by more than X (and at most Y) is [`Alarm::Moderate`] 中度超时;
//! - overdue by at most X working days is [`Alarm::Overdue`] 超时 (this
//!   includes a deadline due on a Friday looked at on Saturday: overdue,
//!   with no working day yet gone by);
//! - anything else (more time left, paused, met, stopped) has no alarm.

use serde::Serialize;

use super::{Deadline, DeadlineState};
pub use crate::policy::alarms::AlarmLevels;

/// The grade of an alarm, mildest first, so the worst is the greatest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alarm {
    /// 预警: due soon.
    Warning,
    /// 超时: overdue.
    Overdue,
    /// 中度超时: overdue for a while.
    Moderate,
    /// 严重超时: overdue for long.
    Severe,
}

impl Alarm {
    /// Every grade, mildest first.
    pub const ALL: [Alarm; 4] = [
        Alarm::Warning,
        Alarm::Overdue,
        Alarm::Moderate,
        Alarm::Severe,
    ];

    /// The code used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Alarm::Warning => "warning",
            Alarm::Overdue => "overdue",
            Alarm::Moderate => "moderate",
            Alarm::Severe => "severe",
        }
    }

    /// The grade as the petition system names it.
    pub fn zh(self) -> &'static str {
        match self {
            Alarm::Warning => "预警",
            Alarm::Overdue => "超时",
            Alarm::Moderate => "中度超时",
            Alarm::Severe => "严重超时",
        }
    }

    /// The grade as a person reads it in `lang`.
    pub fn label(self, lang: crate::policy::Language) -> String {
        crate::messages::fill(lang, &format!("alarm-{}", self.as_str()), &[])
    }

    /// The grade a user typed: its code, its Chinese name or its English
    /// label, in any case.
    pub fn parse(text: &str) -> Option<Alarm> {
        let text = text.trim();
        Alarm::ALL.into_iter().find(|a| {
            a.as_str().eq_ignore_ascii_case(text)
                || a.zh() == text
                || a.label(crate::policy::Language::En)
                    .eq_ignore_ascii_case(text)
        })
    }
}

/// The alarm of one deadline under `levels`, if it raises one.
pub fn grade(deadline: &Deadline, levels: &AlarmLevels) -> Option<Alarm> {
    let left = deadline.workdays_left?;
    match deadline.state {
        DeadlineState::Overdue if -left > levels.severe => Some(Alarm::Severe),
        DeadlineState::Overdue if -left > levels.moderate => Some(Alarm::Moderate),
        DeadlineState::Overdue => Some(Alarm::Overdue),
        DeadlineState::Running if left <= levels.warning => Some(Alarm::Warning),
        _ => None,
    }
}

/// The alarm of a case: the worst of its deadlines'.
pub fn case_grade(deadlines: &[Deadline], levels: &AlarmLevels) -> Option<Alarm> {
    deadlines.iter().filter_map(|d| grade(d, levels)).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deadline(state: DeadlineState, workdays_left: i64) -> Deadline {
        Deadline::sample("acceptance", state, workdays_left, workdays_left)
    }

    #[test]
    fn grades_change_exactly_at_each_threshold() {
        use DeadlineState::{Overdue, Running};
        let levels = AlarmLevels {
            warning: 2,
            moderate: 5,
            severe: 10,
        };
        let g = |state, left| grade(&deadline(state, left), &levels);
        assert_eq!(g(Running, 3), None);
        assert_eq!(g(Running, 2), Some(Alarm::Warning));
        assert_eq!(g(Running, 0), Some(Alarm::Warning));
        // Overdue over a weekend: no working day gone by yet.
        assert_eq!(g(Overdue, 0), Some(Alarm::Overdue));
        assert_eq!(g(Overdue, -1), Some(Alarm::Overdue));
        assert_eq!(g(Overdue, -5), Some(Alarm::Overdue));
        assert_eq!(g(Overdue, -6), Some(Alarm::Moderate));
        assert_eq!(g(Overdue, -10), Some(Alarm::Moderate));
        assert_eq!(g(Overdue, -11), Some(Alarm::Severe));
        for state in [
            DeadlineState::Paused,
            DeadlineState::Met,
            DeadlineState::Missed,
            DeadlineState::Stopped,
        ] {
            assert_eq!(g(state, -20), None, "{state:?}");
        }
        let zero = AlarmLevels {
            warning: 0,
            ..levels
        };
        assert_eq!(grade(&deadline(Running, 1), &zero), None);
        assert_eq!(grade(&deadline(Running, 0), &zero), Some(Alarm::Warning));
    }

    #[test]
    fn a_case_takes_the_worst_grade_of_its_deadlines() {
        let levels = AlarmLevels::default();
        let list = [
            deadline(DeadlineState::Running, 1),
            deadline(DeadlineState::Overdue, -7),
            deadline(DeadlineState::Overdue, -1),
        ];
        assert_eq!(case_grade(&list, &levels), Some(Alarm::Moderate));
        assert_eq!(case_grade(&list[..1], &levels), Some(Alarm::Warning));
        assert_eq!(case_grade(&[], &levels), None);
    }

    #[test]
    fn grades_are_typed_as_codes_or_either_label() {
        assert_eq!(Alarm::parse("严重超时"), Some(Alarm::Severe));
        assert_eq!(Alarm::parse("Severe"), Some(Alarm::Severe));
        assert_eq!(Alarm::parse(" warning "), Some(Alarm::Warning));
        assert_eq!(Alarm::parse("中度超时"), Some(Alarm::Moderate));
        assert_eq!(Alarm::parse("超时"), Some(Alarm::Overdue));
        assert_eq!(Alarm::parse("预警"), Some(Alarm::Warning));
        assert_eq!(Alarm::parse("late"), None);
    }
}
