//! History events: the append-only record of a case.
//!
//! An event is a flat struct with optional details rather than an enum with
//! data, so that it is written as a plain YAML mapping (no `!tags`) and old
//! files stay readable when new details are added.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::case::Satisfaction;

/// What kind of thing happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The case was registered (always the first event).
    Registered,
    /// The case was created by `import` (the first event of an imported case).
    Imported,
    /// The assignee changed (`from` → `to`).
    Assigned,
    /// The workflow state changed (`from` → `to`).
    Status,
    /// A free-text note.
    Note,
    /// A milestone the deadline rules wait for was reached.
    Milestone,
    /// A deadline was extended (`rule`, `amount`, `unit`, `reason`).
    Extended,
    /// Fields were edited (`fields` lists them).
    Edited,
    /// The follow-up call after closing (`satisfaction`).
    Followup,
}

impl Action {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Registered => "registered",
            Action::Imported => "imported",
            Action::Assigned => "assigned",
            Action::Status => "status",
            Action::Note => "note",
            Action::Milestone => "milestone",
            Action::Extended => "extended",
            Action::Edited => "edited",
            Action::Followup => "followup",
        }
    }
}

/// One entry of a case's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When it happened (for `--at`, when the officer says it happened).
    pub at: DateTime<FixedOffset>,
    /// The acting officer.
    pub by: String,
    /// What happened.
    pub action: Action,
    /// The state or assignee before the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The state or assignee after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The authority a transferred case went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_to: Option<String>,
    /// A rejection reason code, or the reason for an extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The outcome code of a resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The milestone reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    /// The deadline rule an extension applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// How much an extension adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// The unit of `amount`: `workdays` or `days`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The fields an edit changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The satisfaction recorded at follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Satisfaction>,
    /// Checks the officer overrode with `--force`, named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forced: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Event {
    /// A bare event of `action` by `by` at `at`; callers fill in the details.
    pub fn new(at: DateTime<FixedOffset>, by: &str, action: Action) -> Self {
        Event {
            at,
            by: by.to_string(),
            action,
            from: None,
            to: None,
            transfer_to: None,
            reason: None,
            outcome: None,
            milestone: None,
            rule: None,
            amount: None,
            unit: None,
            fields: Vec::new(),
            satisfaction: None,
            forced: Vec::new(),
            note: None,
        }
    }

    /// The one order of history events: by time, then — for events in the
    /// same second, which timestamps cannot tell apart — by a stable key
    /// over every detail (action, officer, states, codes, text, offset).
    ///
    /// It is total: it says `Equal` only for events identical in every
    /// detail, so any two copies of a history sort the same way whoever
    /// holds them. Merges ([`crate::merge::union_history`]), imports and
    /// edits that insert events use it to place events no history orders.
    pub fn history_order(&self, other: &Event) -> Ordering {
        self.at
            .cmp(&other.at)
            .then_with(|| self.tie_key().cmp(&other.tie_key()))
    }

    /// Whether two events are the same record: equal in every detail,
    /// the written offset of `at` included.
    pub fn is_same(&self, other: &Event) -> bool {
        self == other && self.at.offset() == other.at.offset()
    }

    /// Every detail but the instant, in a fixed order.
    fn tie_key(&self) -> impl Ord + '_ {
        let text = [
            self.from.as_deref(),
            self.to.as_deref(),
            self.transfer_to.as_deref(),
            self.reason.as_deref(),
            self.outcome.as_deref(),
            self.milestone.as_deref(),
            self.rule.as_deref(),
            self.unit.as_deref(),
            self.note.as_deref(),
        ];
        let rest = (
            self.amount,
            self.fields.as_slice(),
            self.forced.as_slice(),
            self.satisfaction,
            self.at.offset().local_minus_utc(),
        );
        (self.action, self.by.as_str(), text, rest)
    }
}
