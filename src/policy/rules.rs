//! Deadline rules: the time limits of a policy, as data, each with its
//! legal basis.
//!
//! A rule starts when the case reaches a state (or the receipt, for the
//! first state) or a milestone, and stops at the first of its stop states or
//! milestones. Due dates are never stored: [`crate::deadline`] derives them
//! from the history, the rule and the calendar whenever they are read.
//!
//! A rule says where it comes from (`source`) and whether that source is a
//! statute or only the office's own target (`kind`); it may be extended or
//! paused only where its source allows (`extendable`, `pause`).

use serde::{Deserialize, Serialize};

pub use crate::calendar::period::{Roll, Unit};

/// What sets a time limit: a law, a departmental regulation, the
/// institution's own written rules, or the office's own target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Set by a law or administrative regulation (`source` names it).
    Statutory,
    /// The office's own target, with no written source.
    OfficeTarget,
    /// Set by a departmental regulation (部门规章: the tourism measures,
    /// MOF Order 94).
    Regulation,
    /// Set by the institution's own written rules (a hospital's 制度),
    /// binding on its staff, not on the public.
    Institutional,
}

impl RuleKind {
    /// The name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Statutory => "statutory",
            RuleKind::Regulation => "regulation",
            RuleKind::Institutional => "institutional",
            RuleKind::OfficeTarget => "office-target",
        }
    }

    /// Whether a written source sets it (every kind but an office target).
    pub fn has_source(self) -> bool {
        self != RuleKind::OfficeTarget
    }

    /// The label in `language`.
    pub fn label(self, language: super::Language) -> &'static str {
        let id = match self {
            RuleKind::Statutory => "rule-kind-statutory",
            RuleKind::Regulation => "rule-kind-regulation",
            RuleKind::Institutional => "rule-kind-institutional",
            RuleKind::OfficeTarget => "rule-kind-office-target",
        };
        crate::messages::text(language, id)
    }
}

/// Whether and when `plaint extend` may lengthen a rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extendable {
    /// Never: the source allows no extension (`--force` records an override).
    #[default]
    No,
    /// At any time while the deadline runs.
    Yes,
    /// Only before the due date has passed (the source requires notice
    /// given before the deadline).
    BeforeDue,
}

impl Extendable {
    /// The name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Extendable::No => "no",
            Extendable::Yes => "yes",
            Extendable::BeforeDue => "before-due",
        }
    }
}

/// One time limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    /// The name used on the command line (`plaint extend ID NAME`).
    pub name: String,
    /// English label.
    pub en: String,
    /// Chinese label.
    pub zh: String,
    /// A short Chinese label (two characters: 受理, 办结) for a narrow
    /// terminal's list; the label itself when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh_short: Option<String>,
    /// What starts the period: a state (the first state means receipt) or a milestone.
    pub start: String,
    /// When `start` is a milestone not yet recorded, the period runs from
    /// receipt instead (e.g. a department that never marked its receipt).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub start_or_receipt: bool,
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
    /// When not empty, only a pause entered with one of these reason codes
    /// (`advance ID suspended --reason CODE`) stops the clock.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pause_reasons: Vec<String>,
    /// Whether `plaint extend` may lengthen it.
    #[serde(default)]
    pub extendable: Extendable,
    /// The legal source: the text and article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `statutory` or `office-target`; a rule without a source is an office target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RuleKind>,
}

impl DeadlineRule {
    /// The rule's kind: as written, else statutory when it has a source.
    pub fn kind(&self) -> RuleKind {
        match (self.kind, &self.source) {
            (Some(kind), _) => kind,
            (None, Some(_)) => RuleKind::Statutory,
            (None, None) => RuleKind::OfficeTarget,
        }
    }
}
