//! History events: the append-only record of a case.
//!
//! In memory an event is typed: [`EventKind`] has one variant per action,
//! carrying that action's own details, so code that reads a history
//! matches on the variants and the compiler names every place a new kind
//! of event must be handled. In files an event stays one plain YAML
//! mapping (`action:` and its details, no `!tags`), converted at the
//! storage boundary, so old files read unchanged; a detail that does not
//! belong to the action, or a missing one, is an error naming the field.

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::appraisal::{Appraisal, AppraisalKind, Chosen, Outcome, Party, Payer};
use super::case::Satisfaction;
use super::money::Yuan;

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
    /// The case was registered by mistake and is void (`reason`): the file
    /// and its history stay, the case leaves every figure and default view.
    Voided,
    /// An act reserved to a role was approved by someone holding it
    /// (`kind`: the act; the approver is the event's `by`).
    Approved,
    /// The case went to leadership (`to`, the leader; `reason`).
    Escalated,
    /// A leader's instruction (督办, 批示) on an escalated case (`note`,
    /// its text).
    Instructed,
    /// The case was routed (派单) to a leader (`to`; `reason`: `important`
    /// or `repeat`).
    Routed,
    /// An appraisal or test of a special matter began (`appraisal`, its
    /// number; `kind`, `matter`, `body`, `chosen`, `applied_by`,
    /// `cost_advanced_by`, `cost_borne_by`).
    AppraisalStarted,
    /// The result of appraisal number `appraisal` came (`result`, `fee`).
    AppraisalResult,
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
            Action::Voided => "voided",
            Action::Approved => "approved",
            Action::Escalated => "escalated",
            Action::Instructed => "instructed",
            Action::Routed => "routed",
            Action::AppraisalStarted => "appraisal-started",
            Action::AppraisalResult => "appraisal-result",
        }
    }
}

/// One entry of a case's history.
///
/// Its order (`Ord`) is derived over the whole event, `at` first: by
/// time, then — for events in the same second, which timestamps cannot
/// tell apart — by the officer, the kind and every detail the kind
/// carries, in declaration order, so a detail added later takes part
/// without anyone listing it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    /// When it happened (for `--at`, when the officer says it happened).
    pub at: DateTime<FixedOffset>,
    /// The acting officer.
    pub by: String,
    /// What happened, with the details of that kind of event.
    pub what: EventKind,
    /// Checks the officer overrode with `--force`, named.
    pub forced: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

/// What happened: one variant per [`Action`], carrying its details.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    /// The case was registered (always the first event).
    Registered,
    /// The case was created by `import`, in state `to` when that is not
    /// the workflow's first state.
    Imported {
        /// The state the imported case arrived in.
        to: Option<String>,
    },
    /// The assignee changed.
    Assigned {
        /// The assignee before.
        from: Option<String>,
        /// The assignee after (none: unassigned).
        to: Option<String>,
    },
    /// The workflow state changed.
    Status(Move),
    /// A free-text note (the text is the event's `note`).
    Note,
    /// A milestone the deadline rules wait for was reached.
    Milestone {
        /// The milestone reached.
        milestone: String,
    },
    /// A deadline was extended.
    Extended(Extension),
    /// Fields were edited.
    Edited {
        /// The fields the edit changed.
        fields: Vec<String>,
    },
    /// The follow-up call after closing.
    Followup {
        /// The answer recorded.
        satisfaction: Satisfaction,
    },
    /// An officer promised the complainant a reply by `due`.
    Promised {
        /// The date the promise must be kept by.
        due: NaiveDate,
    },
    /// All complainants of a joint complaint consented.
    Consent {
        /// How the consent was given.
        consent: String,
    },
    /// A written notice was issued and stored.
    Notice(Stored),
    /// An evidence file was attached.
    Attached {
        /// The file's original name.
        name: String,
        /// Where it is stored, relative to the workspace root.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// Its SHA-256, in hex.
        sha256: String,
    },
    /// An attachment was withdrawn from the case file.
    Detached {
        /// The attachment's original name.
        name: String,
        /// Where it was stored.
        file: String,
        /// The SHA-256 of the bytes withdrawn.
        sha256: String,
    },
    /// An issued notice was replaced by another issuance; the document
    /// stays as issued.
    Superseded {
        /// The superseded notice's number.
        number: String,
        /// Which document, where one number was recorded twice: a prefix
        /// of its SHA-256.
        sha256: Option<String>,
    },
    /// The case was registered by mistake and is void: the file and its
    /// history stay, and it counts nowhere.
    Voided {
        /// Why the registration was a mistake.
        reason: String,
    },
    /// An act reserved to a role was approved; the approver is the event's `by`.
    Approved {
        /// The act approved (a duty of the policy's `permissions`).
        kind: String,
    },
    /// The case went to leadership.
    Escalated {
        /// The leader it went to.
        to: String,
        /// Why.
        reason: Option<String>,
    },
    /// A leader's instruction on an escalated case (its text is the
    /// event's `note`).
    Instructed,
    /// The case was routed (派单) to a leader.
    Routed {
        /// The leader.
        to: String,
        /// `important` or `repeat`.
        reason: String,
    },
    /// An appraisal or test of a special matter began (鉴定、检测).
    AppraisalStarted(Appraisal),
    /// The result of an appraisal came.
    AppraisalResult(Outcome),
}

/// A move of the workflow state, and what the move records.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Move {
    /// The state before.
    pub from: Option<String>,
    /// The state after.
    pub to: String,
    /// The authority a transferred case went to.
    pub transfer_to: Option<String>,
    /// A rejection reason code.
    pub reason: Option<String>,
    /// The competent body a rejected complaint is referred to.
    pub refer_to: Option<String>,
    /// The outcome code of a resolution.
    pub outcome: Option<String>,
    /// A resolution reached on the spot, at receipt.
    pub on_the_spot: bool,
    /// The complainants' recorded consent to the step (joint complaints).
    pub consent: Option<String>,
}

/// A deadline extension. Its fields are declared in the order files
/// write them, so that the derived order of events is the one earlier
/// versions kept (clones on two versions merge to the same history).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Extension {
    /// Why.
    pub reason: Option<String>,
    /// The deadline rule extended.
    pub rule: String,
    /// How much it adds.
    pub amount: i64,
    /// The unit of `amount`: `workdays` or `days`.
    pub unit: String,
}

/// An issued notice as stored.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stored {
    /// The kind of notice (a notice kind of the preset).
    pub kind: String,
    /// The document number (文号).
    pub number: String,
    /// The stored document, relative to the workspace root.
    pub file: String,
    /// The document's SHA-256, in hex.
    pub sha256: String,
}

impl EventKind {
    /// The action this kind of event records.
    pub fn action(&self) -> Action {
        match self {
            EventKind::Registered => Action::Registered,
            EventKind::Imported { .. } => Action::Imported,
            EventKind::Assigned { .. } => Action::Assigned,
            EventKind::Status(_) => Action::Status,
            EventKind::Note => Action::Note,
            EventKind::Milestone { .. } => Action::Milestone,
            EventKind::Extended(_) => Action::Extended,
            EventKind::Edited { .. } => Action::Edited,
            EventKind::Followup { .. } => Action::Followup,
            EventKind::Promised { .. } => Action::Promised,
            EventKind::Consent { .. } => Action::Consent,
            EventKind::Notice(_) => Action::Notice,
            EventKind::Attached { .. } => Action::Attached,
            EventKind::Detached { .. } => Action::Detached,
            EventKind::Superseded { .. } => Action::Superseded,
            EventKind::Voided { .. } => Action::Voided,
            EventKind::Approved { .. } => Action::Approved,
            EventKind::Escalated { .. } => Action::Escalated,
            EventKind::Instructed => Action::Instructed,
            EventKind::Routed { .. } => Action::Routed,
            EventKind::AppraisalStarted(_) => Action::AppraisalStarted,
            EventKind::AppraisalResult(_) => Action::AppraisalResult,
        }
    }
}

impl Event {
    /// An event of kind `what` by `by` at `at`, with no note and nothing
    /// forced.
    pub fn new(at: DateTime<FixedOffset>, by: &str, what: EventKind) -> Self {
        Event {
            at,
            by: by.to_string(),
            what,
            forced: Vec::new(),
            note: None,
        }
    }

    /// The event with `note` as typed: line ends made `\n`, trimmed, and
    /// no note at all when nothing is left.
    #[must_use]
    pub fn noted(mut self, note: Option<&str>) -> Self {
        self.note = note
            .map(|n| n.replace("\r\n", "\n").trim().to_string())
            .filter(|n| !n.is_empty());
        self
    }

    /// The action this event records.
    pub fn action(&self) -> Action {
        self.what.action()
    }

    /// The state a status move (or the opening `imported` event) went to.
    pub fn moved_to(&self) -> Option<&str> {
        match &self.what {
            EventKind::Status(m) => Some(&m.to),
            EventKind::Imported { to } => to.as_deref(),
            _ => None,
        }
    }

    /// The state move this event records, if it is one.
    pub fn status_move(&self) -> Option<&Move> {
        match &self.what {
            EventKind::Status(m) => Some(m),
            _ => None,
        }
    }

    /// The milestone this event records reaching, if it is one.
    pub fn milestone(&self) -> Option<&str> {
        match &self.what {
            EventKind::Milestone { milestone } => Some(milestone),
            _ => None,
        }
    }

    /// The file an event records storing or withdrawing: a notice's
    /// document, an attachment.
    pub fn stored_file(&self) -> Option<&str> {
        match &self.what {
            EventKind::Notice(n) => Some(&n.file),
            EventKind::Attached { file, .. } | EventKind::Detached { file, .. } => Some(file),
            _ => None,
        }
    }

    /// The issued notice this event records, if it is one.
    pub fn notice(&self) -> Option<&Stored> {
        match &self.what {
            EventKind::Notice(stored) => Some(stored),
            _ => None,
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
        if event.moved_to().is_some() && latest.is_none_or(|l| event.at >= l.at) {
            latest = Some(event);
        }
    }
    latest.and_then(Event::moved_to)
}

/// An event as files spell it: `action` and every detail any action may
/// carry, as one flat mapping. The field order is the order written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent<'a> {
    #[serde(with = "super::moment")]
    at: DateTime<FixedOffset>,
    by: Cow<'a, str>,
    action: Action,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    from: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    to: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    transfer_to: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    reason: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    refer_to: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    outcome: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    milestone: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    rule: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    amount: Option<i64>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    unit: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "super::skip::no")]
    on_the_spot: bool,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    consent: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "no_items")]
    fields: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    satisfaction: Option<Satisfaction>,
    #[serde(default, skip_serializing_if = "no_items")]
    forced: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    kind: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    number: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    file: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    size: Option<u64>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    sha256: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    appraisal: Option<u32>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    matter: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    body: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    chosen: Option<Chosen>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    applied_by: Option<Party>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    cost_advanced_by: Option<Payer>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    cost_borne_by: Option<Payer>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    result: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    fee: Option<Yuan>,
    #[serde(default, skip_serializing_if = "super::skip::none")]
    note: Option<Cow<'a, str>>,
}

#[allow(clippy::ptr_arg, reason = "serde passes the field as it is")]
fn no_items(items: &Cow<'_, [String]>) -> bool {
    super::skip::empty(items)
}

/// The details an action carries besides `at`, `by`, `action`, `forced`
/// and `note`, which every event may carry: the fields of its mapping.
pub fn details(action: Action) -> &'static [&'static str] {
    match action {
        Action::Registered | Action::Note | Action::Instructed => &[],
        Action::Imported => &["to"],
        Action::Assigned => &["from", "to"],
        Action::Status => &[
            "from",
            "to",
            "transfer_to",
            "reason",
            "refer_to",
            "outcome",
            "on_the_spot",
            "consent",
        ],
        Action::Milestone => &["milestone"],
        Action::Extended => &["rule", "amount", "unit", "reason"],
        Action::Edited => &["fields"],
        Action::Followup => &["satisfaction"],
        Action::Promised => &["due"],
        Action::Consent => &["consent"],
        Action::Notice => &["kind", "number", "file", "sha256"],
        Action::Attached => &["name", "file", "size", "sha256"],
        Action::Detached => &["name", "file", "sha256"],
        Action::Superseded => &["number", "sha256"],
        Action::Voided => &["reason"],
        Action::Approved => &["kind"],
        Action::Escalated => &["to", "reason"],
        Action::Routed => &["to", "reason"],
        Action::AppraisalStarted => &[
            "appraisal",
            "kind",
            "matter",
            "body",
            "chosen",
            "applied_by",
            "cost_advanced_by",
            "cost_borne_by",
        ],
        Action::AppraisalResult => &["appraisal", "result", "fee"],
    }
}

impl RawEvent<'_> {
    /// The names of the details this mapping sets.
    fn present(&self) -> Vec<&'static str> {
        let set = [
            ("from", self.from.is_some()),
            ("to", self.to.is_some()),
            ("transfer_to", self.transfer_to.is_some()),
            ("reason", self.reason.is_some()),
            ("refer_to", self.refer_to.is_some()),
            ("outcome", self.outcome.is_some()),
            ("milestone", self.milestone.is_some()),
            ("rule", self.rule.is_some()),
            ("amount", self.amount.is_some()),
            ("unit", self.unit.is_some()),
            ("due", self.due.is_some()),
            ("on_the_spot", self.on_the_spot),
            ("consent", self.consent.is_some()),
            ("fields", !self.fields.is_empty()),
            ("satisfaction", self.satisfaction.is_some()),
            ("kind", self.kind.is_some()),
            ("number", self.number.is_some()),
            ("name", self.name.is_some()),
            ("file", self.file.is_some()),
            ("size", self.size.is_some()),
            ("sha256", self.sha256.is_some()),
            ("appraisal", self.appraisal.is_some()),
            ("matter", self.matter.is_some()),
            ("body", self.body.is_some()),
            ("chosen", self.chosen.is_some()),
            ("applied_by", self.applied_by.is_some()),
            ("cost_advanced_by", self.cost_advanced_by.is_some()),
            ("cost_borne_by", self.cost_borne_by.is_some()),
            ("result", self.result.is_some()),
            ("fee", self.fee.is_some()),
        ];
        set.into_iter()
            .filter_map(|(name, is_set)| is_set.then_some(name))
            .collect()
    }

    /// Refuses a detail that does not belong to the action, in the words
    /// serde uses for an unknown field (so the message is translated like
    /// any other): the fields it lists are those of this action.
    fn refuse_foreign(&self) -> Result<(), String> {
        let allowed = details(self.action);
        let Some(foreign) = self.present().into_iter().find(|f| !allowed.contains(f)) else {
            return Ok(());
        };
        let expected: Vec<String> = ["at", "by", "action"]
            .iter()
            .chain(allowed)
            .chain(&["forced", "note"])
            .map(|f| format!("`{f}`"))
            .collect();
        Err(format!(
            "unknown field `{foreign}`, expected one of {}",
            expected.join(", ")
        ))
    }
}

fn owned(text: Option<Cow<'_, str>>) -> Option<String> {
    text.map(Cow::into_owned)
}

/// A detail the action needs, or the error serde gives a missing field.
fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

fn need_text(value: Option<Cow<'_, str>>, field: &str) -> Result<String, String> {
    need(owned(value), field)
}

/// The kind of an approval, escalation, instruction or routing event.
fn leadership_kind(action: Action, raw: &mut RawEvent<'_>) -> Result<EventKind, String> {
    Ok(match action {
        Action::Approved => EventKind::Approved {
            kind: need_text(raw.kind.take(), "kind")?,
        },
        Action::Escalated => EventKind::Escalated {
            to: need_text(raw.to.take(), "to")?,
            reason: owned(raw.reason.take()),
        },
        Action::Routed => EventKind::Routed {
            to: need_text(raw.to.take(), "to")?,
            reason: need_text(raw.reason.take(), "reason")?,
        },
        _ => EventKind::Instructed,
    })
}

/// The kind of an `appraisal-started` or `appraisal-result` event.
fn appraisal_kind(raw: &mut RawEvent<'_>) -> Result<EventKind, String> {
    let number = need(raw.appraisal, "appraisal")?;
    if raw.action == Action::AppraisalResult {
        return Ok(EventKind::AppraisalResult(Outcome {
            number,
            result: need_text(raw.result.take(), "result")?,
            fee: raw.fee,
        }));
    }
    let kind = need_text(raw.kind.take(), "kind")?;
    let kind = serde_yaml::from_str::<AppraisalKind>(&kind)
        .map_err(|_| format!("unknown variant `{kind}`, expected `appraisal` or `testing`"))?;
    Ok(EventKind::AppraisalStarted(Appraisal {
        number,
        kind,
        matter: need_text(raw.matter.take(), "matter")?,
        body: need_text(raw.body.take(), "body")?,
        chosen: need(raw.chosen, "chosen")?,
        applied_by: need(raw.applied_by, "applied_by")?,
        cost_advanced_by: need(raw.cost_advanced_by, "cost_advanced_by")?,
        cost_borne_by: need(raw.cost_borne_by, "cost_borne_by")?,
    }))
}

impl TryFrom<RawEvent<'_>> for Event {
    type Error = String;

    fn try_from(mut raw: RawEvent<'_>) -> Result<Event, String> {
        raw.refuse_foreign()?;
        let what = match raw.action {
            Action::Registered => EventKind::Registered,
            Action::Imported => EventKind::Imported { to: owned(raw.to) },
            Action::Assigned => EventKind::Assigned {
                from: owned(raw.from),
                to: owned(raw.to),
            },
            Action::Status => EventKind::Status(Move {
                from: owned(raw.from),
                to: need_text(raw.to, "to")?,
                transfer_to: owned(raw.transfer_to),
                reason: owned(raw.reason),
                refer_to: owned(raw.refer_to),
                outcome: owned(raw.outcome),
                on_the_spot: raw.on_the_spot,
                consent: owned(raw.consent),
            }),
            Action::Note => EventKind::Note,
            Action::Milestone => EventKind::Milestone {
                milestone: need_text(raw.milestone, "milestone")?,
            },
            Action::Extended => EventKind::Extended(Extension {
                rule: need_text(raw.rule, "rule")?,
                amount: need(raw.amount, "amount")?,
                unit: need_text(raw.unit, "unit")?,
                reason: owned(raw.reason),
            }),
            Action::Edited => EventKind::Edited {
                fields: raw.fields.into_owned(),
            },
            Action::Followup => EventKind::Followup {
                satisfaction: need(raw.satisfaction, "satisfaction")?,
            },
            Action::Promised => EventKind::Promised {
                due: need(raw.due, "due")?,
            },
            Action::Consent => EventKind::Consent {
                consent: need_text(raw.consent, "consent")?,
            },
            Action::Notice => EventKind::Notice(Stored {
                kind: need_text(raw.kind, "kind")?,
                number: need_text(raw.number, "number")?,
                file: need_text(raw.file, "file")?,
                sha256: need_text(raw.sha256, "sha256")?,
            }),
            Action::Attached => EventKind::Attached {
                name: need_text(raw.name, "name")?,
                file: need_text(raw.file, "file")?,
                size: need(raw.size, "size")?,
                sha256: need_text(raw.sha256, "sha256")?,
            },
            Action::Detached => EventKind::Detached {
                name: need_text(raw.name, "name")?,
                file: need_text(raw.file, "file")?,
                sha256: need_text(raw.sha256, "sha256")?,
            },
            Action::Superseded => EventKind::Superseded {
                number: need_text(raw.number, "number")?,
                sha256: owned(raw.sha256),
            },
            Action::Voided => EventKind::Voided {
                reason: need_text(raw.reason, "reason")?,
            },
            Action::Approved | Action::Escalated | Action::Instructed | Action::Routed => {
                leadership_kind(raw.action, &mut raw)?
            }
            Action::AppraisalStarted | Action::AppraisalResult => appraisal_kind(&mut raw)?,
        };
        Ok(Event {
            at: raw.at,
            by: raw.by.into_owned(),
            what,
            forced: raw.forced.into_owned(),
            note: owned(raw.note),
        })
    }
}

impl<'a> RawEvent<'a> {
    /// The mapping of `event` with no detail of its kind filled in yet.
    fn bare(event: &'a Event) -> Self {
        RawEvent {
            at: event.at,
            by: Cow::Borrowed(&event.by),
            action: event.action(),
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
            fields: Cow::Borrowed(&[]),
            satisfaction: None,
            forced: Cow::Borrowed(&event.forced),
            kind: None,
            number: None,
            name: None,
            file: None,
            size: None,
            sha256: None,
            appraisal: None,
            matter: None,
            body: None,
            chosen: None,
            applied_by: None,
            cost_advanced_by: None,
            cost_borne_by: None,
            result: None,
            fee: None,
            note: event.note.as_deref().map(Cow::Borrowed),
        }
    }
}

impl<'a> RawEvent<'a> {
    /// Fills in the details of an appraisal begun.
    fn set_appraisal(&mut self, a: &'a Appraisal) {
        self.appraisal = Some(a.number);
        self.kind = Some(Cow::Borrowed(crate::model::appraisal::Typed::code(a.kind)));
        // A matter redaction emptied is left out, as personal details are.
        self.matter = (!a.matter.is_empty()).then_some(Cow::Borrowed(a.matter.as_str()));
        self.body = Some(Cow::Borrowed(a.body.as_str()));
        self.chosen = Some(a.chosen);
        self.applied_by = Some(a.applied_by);
        self.cost_advanced_by = Some(a.cost_advanced_by);
        self.cost_borne_by = Some(a.cost_borne_by);
    }

    /// Fills in the details of an appraisal's result.
    fn set_result(&mut self, o: &'a Outcome) {
        self.appraisal = Some(o.number);
        self.result = (!o.result.is_empty()).then_some(Cow::Borrowed(o.result.as_str()));
        self.fee = o.fee;
    }
}

impl<'a> From<&'a Event> for RawEvent<'a> {
    fn from(event: &'a Event) -> Self {
        let text = |t: &'a Option<String>| t.as_deref().map(Cow::Borrowed);
        let mut raw = RawEvent::bare(event);
        let some = |t: &'a String| Some(Cow::Borrowed(t.as_str()));
        // A personal detail redaction emptied is left out, as it was before.
        let personal = |t: &'a String| (!t.is_empty()).then_some(Cow::Borrowed(t.as_str()));
        match &event.what {
            EventKind::Registered | EventKind::Note | EventKind::Instructed => {}
            EventKind::Imported { to } => raw.to = text(to),
            EventKind::Assigned { from, to } => {
                raw.from = text(from);
                raw.to = text(to);
            }
            EventKind::Status(m) => {
                raw.from = text(&m.from);
                raw.to = some(&m.to);
                raw.transfer_to = text(&m.transfer_to);
                raw.reason = text(&m.reason);
                raw.refer_to = text(&m.refer_to);
                raw.outcome = text(&m.outcome);
                raw.on_the_spot = m.on_the_spot;
                raw.consent = text(&m.consent);
            }
            EventKind::Milestone { milestone } => raw.milestone = some(milestone),
            EventKind::Extended(x) => {
                raw.rule = some(&x.rule);
                raw.amount = Some(x.amount);
                raw.unit = some(&x.unit);
                raw.reason = text(&x.reason);
            }
            EventKind::Edited { fields } => raw.fields = Cow::Borrowed(fields),
            EventKind::Followup { satisfaction } => raw.satisfaction = Some(*satisfaction),
            EventKind::Promised { due } => raw.due = Some(*due),
            EventKind::Consent { consent } => raw.consent = personal(consent),
            EventKind::Notice(n) => {
                raw.kind = some(&n.kind);
                raw.number = some(&n.number);
                raw.file = personal(&n.file);
                raw.sha256 = some(&n.sha256);
            }
            EventKind::Attached {
                name,
                file,
                size,
                sha256,
            } => {
                raw.name = personal(name);
                raw.file = personal(file);
                raw.size = Some(*size);
                raw.sha256 = some(sha256);
            }
            EventKind::Detached { name, file, sha256 } => {
                raw.name = personal(name);
                raw.file = personal(file);
                raw.sha256 = some(sha256);
            }
            EventKind::Superseded { number, sha256 } => {
                raw.number = some(number);
                raw.sha256 = text(sha256);
            }
            EventKind::Voided { reason } => raw.reason = some(reason),
            EventKind::Approved { kind } => raw.kind = some(kind),
            EventKind::Escalated { to, reason } => {
                raw.to = some(to);
                raw.reason = text(reason);
            }
            EventKind::Routed { to, reason } => {
                raw.to = some(to);
                raw.reason = some(reason);
            }
            EventKind::AppraisalStarted(a) => raw.set_appraisal(a),
            EventKind::AppraisalResult(o) => raw.set_result(o),
        }
        raw
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawEvent::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawEvent::deserialize(deserializer)?;
        Event::try_from(raw).map_err(serde::de::Error::custom)
    }
}

/// Reads a history, naming the event (by its number, from 1, and its
/// action) whose details do not fit its action; the reader's place is
/// then just after that event.
pub fn read_history<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Event>, D::Error> {
    deserializer.deserialize_seq(HistoryVisitor)
}

/// [`read_history`] for a history that may be absent.
pub fn read_optional_history<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Event>>, D::Error> {
    struct Optional;
    impl<'de> serde::de::Visitor<'de> for Optional {
        type Value = Option<Vec<Event>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of history events")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            read_history(d).map(Some)
        }
    }
    deserializer.deserialize_option(Optional)
}

struct HistoryVisitor;

impl<'de> serde::de::Visitor<'de> for HistoryVisitor {
    type Value = Vec<Event>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of history events")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut events = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(raw) = seq.next_element::<RawEvent<'static>>()? {
            let action = raw.action;
            let event = Event::try_from(raw).map_err(|problem| {
                serde::de::Error::custom(crate::msg!(
                    crate::messages::language(),
                    "history-event-problem",
                    n = events.len() + 1,
                    action = action.as_str(),
                    problem = crate::yaml_error::describe(crate::messages::language(), &problem)
                ))
            })?;
            events.push(event);
        }
        Ok(events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Event, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn an_event_reads_into_its_kind_and_writes_back_the_same_mapping() {
        let yaml = "at: 2026-11-03T10:00:00+08:00\nby: 王芳\naction: status\nfrom: received\n\
                    to: rejected\nreason: time-barred\nforced:\n- filing-limit\nnote: 已告知\n";
        let event = read(yaml).unwrap();
        let EventKind::Status(m) = &event.what else {
            panic!("{event:?}");
        };
        assert_eq!(
            (m.from.as_deref(), m.to.as_str()),
            (Some("received"), "rejected")
        );
        assert_eq!(m.reason.as_deref(), Some("time-barred"));
        assert_eq!(event.forced, ["filing-limit"]);
        assert_eq!(serde_yaml::to_string(&event).unwrap(), yaml);
    }

    #[test]
    fn same_second_extensions_keep_the_order_of_earlier_versions() {
        // Earlier versions compared an extension's reason before its rule;
        // clones on two versions must merge to one history.
        let yaml = |rule: &str, reason: &str| {
            format!(
                "at: 2026-11-03T10:00:00+08:00\nby: 王芳\naction: extended\nreason: {reason}\n\
                 rule: {rule}\namount: 5\nunit: days\n"
            )
        };
        let first = read(&yaml("investigation", "aaa")).unwrap();
        let second = read(&yaml("first-reply", "zzz")).unwrap();
        assert_eq!(first.history_order(&second), Ordering::Less);
    }

    #[test]
    fn a_history_names_the_event_whose_details_do_not_fit() {
        let yaml = "- at: 2026-11-03T10:00:00+08:00\n  by: a\n  action: registered\n\
                    - at: 2026-11-03T10:00:00+08:00\n  by: a\n  action: status\n  from: received\n";
        let err = read_history(serde_yaml::Deserializer::from_str(yaml).next().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("history event #2 (status): missing field `to`"),
            "{err}"
        );
    }

    #[test]
    fn a_detail_of_another_action_or_a_missing_one_is_named() {
        let base = "at: 2026-11-03T10:00:00+08:00\nby: 王芳\n";
        let foreign =
            read(&format!("{base}action: note\nnote: x\nmilestone: served\n")).unwrap_err();
        assert!(
            foreign.contains(
                "unknown field `milestone`, expected one of `at`, `by`, `action`, `forced`, `note`"
            ),
            "{foreign}"
        );
        let missing = read(&format!("{base}action: milestone\n")).unwrap_err();
        assert!(missing.contains("missing field `milestone`"), "{missing}");
        let attached = read(&format!(
            "{base}action: attached\nname: a.jpg\nfile: f\nsize: 1\n"
        ));
        assert!(attached.unwrap_err().contains("missing field `sha256`"));
    }

    #[test]
    fn every_action_names_the_details_it_carries() {
        // Each kind, read with every detail it may carry, writes back the
        // same mapping, with only the details its action lists.
        let base = "at: 2026-11-03T10:00:00+08:00\nby: 王芳\n";
        let mappings = [
            "action: registered\n",
            "action: imported\nto: accepted\n",
            "action: assigned\nfrom: a\nto: b\n",
            "action: status\nfrom: received\nto: accepted\ntransfer_to: t\nreason: r\n\
             refer_to: f\noutcome: o\non_the_spot: true\nconsent: c\n",
            "action: note\n",
            "action: milestone\nmilestone: m\n",
            "action: extended\nreason: why\nrule: r\namount: 5\nunit: days\n",
            "action: edited\nfields:\n- title\n",
            "action: followup\nsatisfaction: neutral\n",
            "action: promised\ndue: 2026-11-09\n",
            "action: consent\nconsent: c\n",
            "action: notice\nkind: k\nnumber: n\nfile: f\nsha256: s\n",
            "action: attached\nname: a\nfile: f\nsize: 1\nsha256: s\n",
            "action: detached\nname: a\nfile: f\nsha256: s\n",
            "action: superseded\nnumber: n\nsha256: s\n",
            "action: voided\nreason: r\n",
            "action: approved\nkind: extend\n",
            "action: escalated\nto: 张院长\nreason: r\n",
            "action: instructed\n",
            "action: routed\nto: 张院长\nreason: repeat\n",
            "action: appraisal-started\nkind: testing\nappraisal: 1\nmatter: m\nbody: b\n\
             chosen: statutory\napplied_by: complainant\ncost_advanced_by: complainant\n\
             cost_borne_by: mediation\n",
            "action: appraisal-result\nappraisal: 1\nresult: r\nfee: '300.00'\n",
        ];
        let mut seen = Vec::new();
        for mapping in mappings {
            let yaml = format!("{base}{mapping}");
            let event = read(&yaml).unwrap();
            assert_eq!(serde_yaml::to_string(&event).unwrap(), yaml);
            let parsed: serde_yaml::Mapping = serde_yaml::from_str(&yaml).unwrap();
            let mut keys: Vec<&str> = parsed.keys().filter_map(|k| k.as_str()).collect();
            keys.drain(..3);
            keys.sort_unstable();
            let mut want = details(event.action()).to_vec();
            want.sort_unstable();
            assert_eq!(keys, want, "{yaml}");
            seen.push(event.action());
        }
        seen.dedup();
        assert_eq!(seen.len(), 22, "every action once");
    }
}
