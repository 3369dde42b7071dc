//! The thresholds of graded alarms (预警 / 超时 / 中度超时 / 严重超时, the
//! grades of the petition system's time-limit supervision): set per
//! preset, overridable field by field under `policy: alarms:` in
//! `plaint.yaml`. The grading itself is [`crate::deadline::alarm`].

use serde::{Deserialize, Serialize};

/// When a deadline raises which alarm, in working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AlarmLevels {
    /// 预警: still running, with at most this many working days left
    /// (0: only on the due date itself).
    pub warning: i64,
    /// 中度超时: overdue by more than this many working days.
    pub moderate: i64,
    /// 严重超时: overdue by more than this many working days.
    pub severe: i64,
}

impl Default for AlarmLevels {
    /// The thresholds of a policy that names none.
    fn default() -> Self {
        AlarmLevels {
            warning: 3,
            moderate: 5,
            severe: 10,
        }
    }
}

/// The `alarms` section of a preset or of `plaint.yaml`: each field given
/// replaces the preset's, the others are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlarmOverrides {
    /// See [`AlarmLevels::warning`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<i64>,
    /// See [`AlarmLevels::moderate`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderate: Option<i64>,
    /// See [`AlarmLevels::severe`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severe: Option<i64>,
}

impl AlarmLevels {
    /// `over` laid on `base` laid on the defaults.
    pub fn layered(base: Option<AlarmOverrides>, over: Option<AlarmOverrides>) -> AlarmLevels {
        let d = AlarmLevels::default();
        let (b, o) = (base.unwrap_or_default(), over.unwrap_or_default());
        AlarmLevels {
            warning: o.warning.or(b.warning).unwrap_or(d.warning),
            moderate: o.moderate.or(b.moderate).unwrap_or(d.moderate),
            severe: o.severe.or(b.severe).unwrap_or(d.severe),
        }
    }

    /// Whether the thresholds make four distinct grades: none negative,
    /// and 严重超时 past 中度超时.
    pub fn is_valid(&self) -> bool {
        self.warning >= 0 && self.moderate >= 0 && self.severe > self.moderate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_the_workspace_replace_the_presets_one_by_one() {
        let preset = AlarmOverrides {
            warning: Some(2),
            moderate: Some(3),
            severe: Some(7),
        };
        let office = AlarmOverrides {
            severe: Some(20),
            ..AlarmOverrides::default()
        };
        assert_eq!(
            AlarmLevels::layered(Some(preset), Some(office)),
            AlarmLevels {
                warning: 2,
                moderate: 3,
                severe: 20
            }
        );
        assert_eq!(AlarmLevels::layered(None, None), AlarmLevels::default());
        assert!(AlarmLevels::default().is_valid());
        let flat = AlarmLevels {
            warning: 3,
            moderate: 5,
            severe: 5,
        };
        assert!(!flat.is_valid());
    }
}
