//! The effective policy of a workspace as one document: what `plaint
//! policy` prints, in both languages, so an office can read the rules it
//! works under and a script can check them.

use serde::Serialize;

use super::rules::{DeadlineRule, Extendable, Roll, RuleKind, Unit};
use super::{Code, Policy, StateDef};

/// The whole effective policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyDocument {
    /// The preset it was built from.
    pub preset: String,
    /// Workflow states, the first being the state of a new case.
    pub states: Vec<StateDef>,
    /// Every allowed move, with what it requires.
    pub transitions: Vec<Transition>,
    /// The state that pauses a case and returns where it came from.
    pub suspend_state: Option<String>,
    /// States a just-received case may reach on the spot.
    pub on_the_spot: Vec<String>,
    /// The outcomes a resolution on the spot may have (empty: any).
    pub on_the_spot_outcomes: Vec<String>,
    /// Rejection reason codes.
    pub rejection_reasons: Vec<Code>,
    /// Suspension reason codes.
    pub suspension_reasons: Vec<Code>,
    /// Resolution outcome codes.
    pub outcomes: Vec<Code>,
    /// Milestones, `promise-kept` (built in) last.
    pub milestones: Vec<Code>,
    /// Channels.
    pub channels: Vec<Code>,
    /// Categories; empty allows any.
    pub categories: Vec<Code>,
    /// Case types (empty where the policy has one type).
    pub types: Vec<Code>,
    /// The office's causes (empty when it classifies none).
    pub causes: Vec<Code>,
    /// From this many complainants on, a complaint is joint.
    pub joint_threshold: Option<usize>,
    /// The most representatives of a joint complaint.
    pub max_representatives: usize,
    /// Days after `contract_end` a complaint may be filed.
    pub filing_limit_days: Option<i64>,
    /// Working days after `challenge_due` a complaint may be filed.
    pub challenge_limit_workdays: Option<i64>,
    /// The source of the filing limits.
    pub filing_limit_source: Option<String>,
    /// The source that provides for appraisal or testing (`plaint
    /// appraise`); none: the policy has no such step.
    pub appraisal_source: Option<String>,
    /// The deadline rules.
    pub rules: Vec<RuleDocument>,
    /// The table of sources every rule, reason and notice cites.
    pub citations: Vec<super::citations::Citation>,
    /// The citation id of each rejection reason's ground.
    pub reason_sources: std::collections::BTreeMap<String, String>,
    /// The citation id of the article each outcome rests on.
    pub outcome_sources: std::collections::BTreeMap<String, String>,
    /// The thresholds of graded alarms, in working days.
    pub alarms: super::alarms::AlarmLevels,
    /// The roles each act needs (empty: none is reserved).
    pub permissions: std::collections::BTreeMap<super::leadership::Duty, Vec<String>>,
    /// Escalation to leadership and routing.
    pub escalation: super::leadership::Escalation,
    /// What makes a repeat complaint.
    pub repeat: crate::repeat::RepeatRule,
}

/// One allowed move.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transition {
    /// From this state.
    pub from: String,
    /// To this state.
    pub to: String,
    /// What must be present (see `requires`).
    pub requires: Vec<String>,
}

/// One deadline rule, every property spelled out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleDocument {
    /// The rule name.
    pub name: String,
    /// English label.
    pub en: String,
    /// Chinese label.
    pub zh: String,
    /// The length.
    pub amount: i64,
    /// Its unit.
    pub unit: Unit,
    /// The roll-forward of calendar-day periods.
    pub roll: Roll,
    /// What starts it.
    pub start: String,
    /// Whether it runs from receipt while its start milestone is not recorded.
    pub start_or_receipt: bool,
    /// What stops it.
    pub stop: Vec<String>,
    /// The states that pause it.
    pub pause: Vec<String>,
    /// The suspension reasons that pause it (empty: any).
    pub pause_reasons: Vec<String>,
    /// Whether the suspend state pauses it by the workspace's own decision.
    pub pause_by_decision: bool,
    /// Whether an appraisal pauses it, by the workspace's decision.
    pub appraisal_pauses: bool,
    /// Whether `extend` may lengthen it.
    pub extendable: Extendable,
    /// The legal source.
    pub source: Option<String>,
    /// `statutory` or `office-target`.
    pub kind: RuleKind,
}

impl PolicyDocument {
    /// The document of `policy`.
    pub fn of(policy: &Policy) -> PolicyDocument {
        let transitions = policy
            .states
            .iter()
            .flat_map(|from| {
                policy
                    .transitions
                    .get(&from.name)
                    .into_iter()
                    .flatten()
                    .map(|to| Transition {
                        from: from.name.clone(),
                        to: to.clone(),
                        requires: policy.requires.get(to).cloned().unwrap_or_default(),
                    })
            })
            .collect();
        PolicyDocument {
            preset: policy.preset.clone(),
            states: policy.states.clone(),
            transitions,
            suspend_state: policy.suspend_state.clone(),
            on_the_spot: policy.on_the_spot.clone(),
            on_the_spot_outcomes: policy.on_the_spot_outcomes.clone(),
            rejection_reasons: policy.rejection_reasons.clone(),
            suspension_reasons: policy.suspension_reasons.clone(),
            outcomes: policy.outcomes.clone(),
            milestones: policy
                .milestones
                .iter()
                .cloned()
                .chain(std::iter::once(Code {
                    code: crate::model::event::PROMISE_KEPT.into(),
                    en: "Promise to the complainant kept".into(),
                    zh: "已兑现答复承诺".into(),
                }))
                .collect(),
            channels: policy.channels.clone(),
            categories: policy.categories.clone(),
            types: policy.types.clone(),
            causes: policy.causes.clone(),
            joint_threshold: policy.joint_threshold,
            max_representatives: policy.max_representatives,
            filing_limit_days: policy.filing_limit_days,
            challenge_limit_workdays: policy.challenge_limit_workdays,
            filing_limit_source: policy.filing_limit_source.clone(),
            appraisal_source: policy.appraisal_source.clone(),
            rules: policy
                .deadlines
                .iter()
                .map(|r| RuleDocument::of(policy, r))
                .collect(),
            citations: policy.citations.clone(),
            reason_sources: policy.reason_sources.clone(),
            outcome_sources: policy.outcome_sources.clone(),
            alarms: policy.alarms,
            permissions: policy.permissions.clone(),
            escalation: policy.escalation.clone(),
            repeat: policy.repeat.clone(),
        }
    }
}

impl RuleDocument {
    fn of(policy: &Policy, rule: &DeadlineRule) -> RuleDocument {
        RuleDocument {
            name: rule.name.clone(),
            en: rule.en.clone(),
            zh: rule.zh.clone(),
            amount: rule.amount,
            unit: rule.unit,
            roll: rule.roll,
            start: rule.start.clone(),
            start_or_receipt: rule.start_or_receipt,
            stop: rule.stop.clone(),
            pause: rule.pause.clone(),
            pause_reasons: rule.pause_reasons.clone(),
            pause_by_decision: policy.pause_by_decision(&rule.name),
            appraisal_pauses: policy.appraisal_pauses(&rule.name),
            extendable: rule.extendable,
            source: rule.source.clone(),
            kind: rule.kind(),
        }
    }
}
