//! Deadline rules: the statutory time limits of a policy, as data.
//!
//! A rule starts when the case reaches a state (or the receipt, for the
//! first state) or a milestone, and stops at the first of its stop states or
//! milestones. Due dates are never stored: [`crate::deadline`] derives them
//! from the history, the rule and the calendar whenever they are read.

use serde::{Deserialize, Serialize};

pub use crate::calendar::period::{Roll, Unit};

/// One statutory time limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    /// The name used on the command line (`plaint extend ID NAME`).
    pub name: String,
    /// English label.
    pub en: String,
    /// Chinese label.
    pub zh: String,
    /// What starts the period: a state (the first state means receipt) or a milestone.
    pub start: String,
    /// What ends it: states or milestones, whichever comes first.
    pub stop: Vec<String>,
    /// The length of the period.
    pub amount: i64,
    /// `workdays`, `days` or `months`.
    pub unit: Unit,
    /// Whether a `days`/`months` period ending on a rest day moves to the next working day.
    #[serde(default)]
    pub roll: Roll,
    /// States during which the period does not run; time spent in them is added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pause: Vec<String>,
    /// The legal source, for people reading `explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
