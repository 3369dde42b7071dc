//! History events: the append-only record of a case.
//!
//! An event is a flat struct with optional details rather than an enum with
//! data, so that it is written as a plain YAML mapping (no `!tags`) and old
//! files stay readable when new details are added.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::case::Satisfaction;

/// The milestone that records a promise kept; it keeps the earliest
/// promise still open.
pub const PROMISE_KEPT: &str = "promise-kept";

/// The `forced` name of an extension the rule's source does not allow.
pub const FORCED_EXTENSION: &str = "non-extendable";

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
    /// An officer promised the complainant a reply by `due`.
    Promised,
    /// All complainants of a joint complaint consented (`consent` says how).
    Consent,
    /// A written notice was issued (`kind`, `number`, `file`, `sha256`).
    Notice,
    /// An evidence file was attached (`name`, `file`, `size`, `sha256`).
    Attached,
    /// An attachment was withdrawn from the case file (`file`, `sha256`).
    Detached,
    /// An issued notice was replaced by another issuance (`number`, the
    /// superseded one's; `sha256` where one number was recorded twice;
    /// `note`, why). The document stays as issued.
    Superseded,
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
            Action::Promised => "promised",
            Action::Consent => "consent",
            Action::Notice => "notice",
            Action::Attached => "attached",
            Action::Detached => "detached",
            Action::Superseded => "superseded",
        }
    }
}

/// One entry of a case's history.
///
/// Its order (`Ord`) is derived over every field, `at` first: by time,
/// then — for events in the same second, which timestamps cannot tell
/// apart — by every other detail in declaration order, so a field added
/// later takes part without anyone listing it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When it happened (for `--at`, when the officer says it happened).
    pub at: DateTime<FixedOffset>,
    /// The acting officer.
    pub by: String,
    /// What happened.
    pub action: Action,
    /// The state or assignee before the change.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub from: Option<String>,
    /// The state or assignee after the change.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub to: Option<String>,
    /// The authority a transferred case went to.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub transfer_to: Option<String>,
    /// A rejection reason code, or the reason for an extension.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub reason: Option<String>,
    /// The competent body a rejected complaint is referred to.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub refer_to: Option<String>,
    /// The outcome code of a resolution.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub outcome: Option<String>,
    /// The milestone reached.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub milestone: Option<String>,
    /// The deadline rule an extension applies to.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub rule: Option<String>,
    /// How much an extension adds.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub amount: Option<i64>,
    /// The unit of `amount`: `workdays` or `days`.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub unit: Option<String>,
    /// The date a promise must be kept by.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub due: Option<NaiveDate>,
    /// A resolution reached on the spot, at receipt.
    #[serde(default, skip_serializing_if = "super::skip::no")]
    pub on_the_spot: bool,
    /// The complainants' recorded consent to the step (joint complaints).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub consent: Option<String>,
    /// The fields an edit changed.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub fields: Vec<String>,
    /// The satisfaction recorded at follow-up.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub satisfaction: Option<Satisfaction>,
    /// Checks the officer overrode with `--force`, named.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub forced: Vec<String>,
    /// The kind of notice issued (a notice kind of the preset).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub kind: Option<String>,
    /// The document number (文号) of a notice.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub number: Option<String>,
    /// The original name of an attached file.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub name: Option<String>,
    /// A stored document or attachment, relative to the workspace root.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub file: Option<String>,
    /// The size in bytes of an attachment.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub size: Option<u64>,
    /// The SHA-256 of a stored document or attachment, in hex.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub sha256: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "super::skip::none")]
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
            refer_to: None,
            outcome: None,
            milestone: None,
            rule: None,
            amount: None,
            unit: None,
            due: None,
            on_the_spot: false,
            consent: None,
            fields: Vec::new(),
            satisfaction: None,
            forced: Vec::new(),
            kind: None,
            number: None,
            name: None,
            file: None,
            size: None,
            sha256: None,
            note: None,
        }
    }

    /// The one order of history events: the derived order over every
    /// detail (see [`Event`]), then the written offset of `at`, which the
    /// derived order (by instant) does not see.
    ///
    /// It is total: it says `Equal` only for events identical in every
    /// detail, so any two copies of a history sort the same way whoever
    /// holds them. Merges ([`crate::git::merge::union_history`]), imports and
    /// edits that insert events use it to place events no history orders.
    pub fn history_order(&self, other: &Event) -> Ordering {
        self.cmp(other).then_with(|| {
            self.at
                .offset()
                .local_minus_utc()
                .cmp(&other.at.offset().local_minus_utc())
        })
    }

    /// Whether two events are the same record: equal in every detail,
    /// the written offset of `at` included.
    pub fn is_same(&self, other: &Event) -> bool {
        self == other && self.at.offset() == other.at.offset()
    }
}

/// The state the history says a case is in: where the latest status move
/// (or the opening `imported` event) went. "Latest" is by time; of moves
/// at the same moment, the one further down the history wins. When two
/// clones moved the case out of one state, the later move wins and the
/// earlier stays in the history as what happened. `None` when no event
/// sets a state (the case is still in the workflow's first state).
pub fn status_from_history(history: &[Event]) -> Option<&str> {
    let mut latest: Option<&Event> = None;
    for event in history {
        let sets_state =
            matches!(event.action, Action::Status | Action::Imported) && event.to.is_some();
        if sets_state && latest.is_none_or(|l| event.at >= l.at) {
            latest = Some(event);
        }
    }
    latest.and_then(|e| e.to.as_deref())
}
