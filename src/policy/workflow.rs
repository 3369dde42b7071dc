//! The workflow rules: which moves a case may make, what each move needs,
//! and the intake checks of a new case. Pure functions over a case and a
//! policy; they never touch the disk.

use chrono::{DateTime, FixedOffset};

use super::{Policy, find_code, list_codes};
use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::model::{Action, Case, Event};

/// The requirement names a policy may list under `requires`.
pub const REQUIREMENTS: &[&str] = &[
    "title",
    "complainant",
    "complainant.phone",
    "complainant.legal_representative",
    "respondent",
    "respondent.legal_representative",
    "demands",
    "facts",
    "category",
    "contract_end",
    "assignee",
    "reason",
    "to",
    "outcome",
    "note",
    "followup",
];

/// A request to move a case to another state.
#[derive(Clone, Debug, Default)]
pub struct TransitionRequest {
    /// The state to move to.
    pub target: String,
    /// A note recorded with the move.
    pub note: Option<String>,
    /// A rejection reason code.
    pub reason: Option<String>,
    /// The authority a case is transferred to.
    pub to: Option<String>,
    /// A resolution outcome code.
    pub outcome: Option<String>,
    /// The competent body a complaint rejected as outside jurisdiction is referred to.
    pub refer_to: Option<String>,
    /// A resolution reached on the spot at receipt (where the policy allows it).
    pub on_the_spot: bool,
    /// The recorded consent of all complainants of a joint complaint.
    pub consent: Option<String>,
    /// Override the checks that may be overridden (the filing time limit).
    pub force: bool,
}

/// The states `case` may move to now.
pub fn allowed_targets(policy: &Policy, case: &Case) -> Vec<String> {
    let mut targets = policy
        .transitions
        .get(&case.status)
        .cloned()
        .unwrap_or_default();
    if policy.suspend_state.as_deref() == Some(case.status.as_str())
        && let Some(previous) = state_before_suspension(case)
        && !targets.contains(&previous)
    {
        targets.insert(0, previous);
    }
    targets
}

/// The state a suspended case came from: where it returns to.
pub fn state_before_suspension(case: &Case) -> Option<String> {
    case.history
        .iter()
        .rev()
        .find(|e| e.action == Action::Status && e.to.as_deref() == Some(case.status.as_str()))
        .and_then(|e| e.from.clone())
}

/// Validates `request` against the policy and applies it: appends the
/// status event and updates `status` and `outcome`. Returns warnings.
pub fn advance(
    policy: &Policy,
    calendar: &Calendar,
    case: &mut Case,
    request: &TransitionRequest,
    at: DateTime<FixedOffset>,
    by: &str,
) -> Result<Vec<String>> {
    let target = request.target.as_str();
    if policy.state(target).is_none() {
        return Err(Error::Invalid(format!(
            "unknown state '{target}'; states are: {}",
            policy.state_names().join(", ")
        )));
    }
    let on_the_spot = request.on_the_spot && on_the_spot_allowed(policy, case, target)?;
    let allowed = allowed_targets(policy, case);
    if !on_the_spot && !allowed.iter().any(|s| s == target) {
        let options = if allowed.is_empty() {
            "none: it is final".to_string()
        } else {
            allowed.join(", ")
        };
        return Err(Error::Refused(format!(
            "case {} cannot move from {} to {target}; allowed from {}: {options}",
            case.id, case.status, case.status
        )));
    }
    check_event_time(case, at)?;
    check_requirements(policy, case, request)?;
    if let Some(reason) = &request.reason
        && target == "rejected"
    {
        find_code(&policy.rejection_reasons, reason, "rejection reason")?;
    }
    if let Some(outcome) = &request.outcome {
        find_code(&policy.outcomes, outcome, "outcome")?;
    }
    check_suspension_reason(policy, request)?;
    check_consent(policy, case, request)?;
    check_referral(request)?;
    let mut forced = Vec::new();
    let mut warnings = Vec::new();
    if target == "accepted" {
        check_joint_complaint(policy, case)?;
        if let Some(message) = filing_limit_exceeded(policy, calendar, case) {
            if !request.force {
                return Err(Error::Refused(format!(
                    "{message}; it cannot be accepted (reject it with --reason time-barred, or use --force to accept anyway, which is recorded)"
                )));
            }
            warnings.push(format!("accepted despite: {message}"));
            forced.push("filing-limit".to_string());
        }
    }
    let mut event = Event::new(at, by, Action::Status);
    event.from = Some(case.status.clone());
    event.to = Some(target.to_string());
    event.reason = request.reason.clone();
    event.transfer_to = request.to.clone();
    event.outcome = request.outcome.clone();
    event.refer_to = request.refer_to.clone();
    event.on_the_spot = on_the_spot;
    event.consent = request.consent.clone();
    event.note = request.note.clone();
    event.forced = forced;
    case.history.push(event);
    case.status = target.to_string();
    if request.outcome.is_some() {
        case.outcome = request.outcome.clone();
    }
    if request.refer_to.is_some() {
        case.refer_to = request.refer_to.clone();
    }
    Ok(warnings)
}

/// Whether a resolution on the spot may skip the workflow: only from the
/// first state to a closing state the policy lists under `on_the_spot`.
fn on_the_spot_allowed(policy: &Policy, case: &Case, target: &str) -> Result<bool> {
    if case.status == policy.initial_state() && policy.on_the_spot.iter().any(|s| s == target) {
        return Ok(true);
    }
    Err(Error::Refused(format!(
        "case {} cannot be {target} on the spot from {}; {}",
        case.id,
        case.status,
        if policy.on_the_spot.is_empty() {
            "this workspace's policy has no on-the-spot resolution".to_string()
        } else {
            format!(
                "on the spot, a {} case may move to: {}",
                policy.initial_state(),
                policy.on_the_spot.join(", ")
            )
        }
    )))
}

/// What a joint complaint's step needs the consent of all complainants
/// for, if anything: withdrawing the complaint or settling it.
fn consent_needed_for(request: &TransitionRequest) -> Option<&'static str> {
    if request.target == "withdrawn" {
        return Some("withdrawing the demands");
    }
    (request.outcome.as_deref() == Some("settled")).then_some("settling")
}

fn check_consent(policy: &Policy, case: &Case, request: &TransitionRequest) -> Result<()> {
    let Some(step) = consent_needed_for(request) else {
        return Ok(());
    };
    if !policy.is_joint(case)
        || request
            .consent
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty())
        || has_fresh_consent(case)
    {
        return Ok(());
    }
    Err(Error::Refused(joint_consent_message(policy, case, step)))
}

/// Whether a `consent` event was recorded since the case last changed state.
pub fn has_fresh_consent(case: &Case) -> bool {
    case.history
        .iter()
        .rev()
        .take_while(|e| e.action != Action::Status)
        .any(|e| e.action == Action::Consent)
}

/// The refusal of a joint complaint's step made without consent.
pub fn joint_consent_message(policy: &Policy, case: &Case, step: &str) -> String {
    let source = policy
        .joint_source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    format!(
        "case {} is a joint complaint ({} complainants): {step} needs the recorded consent of all complainants{source}; give --consent TEXT, or record it first with `plaint consent {} TEXT`",
        case.id,
        case.complainants.len(),
        case.id
    )
}

/// A suspension's reason must be one of the policy's suspension reasons,
/// when it has any: the deadline rules pause by these codes.
fn check_suspension_reason(policy: &Policy, request: &TransitionRequest) -> Result<()> {
    if policy.suspend_state.as_deref() != Some(request.target.as_str())
        || policy.suspension_reasons.is_empty()
    {
        return Ok(());
    }
    match &request.reason {
        Some(reason) => {
            find_code(&policy.suspension_reasons, reason, "suspension reason")?;
            Ok(())
        }
        None => Err(Error::Refused(format!(
            "a suspension needs --reason CODE, which decides the clocks it stops; reasons: {}",
            list_codes(&policy.suspension_reasons)
        ))),
    }
}

/// `--refer-to` names the competent body of a complaint rejected as
/// outside jurisdiction, and nothing else.
fn check_referral(request: &TransitionRequest) -> Result<()> {
    let Some(body) = &request.refer_to else {
        return Ok(());
    };
    if body.trim().is_empty() {
        return Err(Error::Invalid(
            "--refer-to is empty; name the competent body".into(),
        ));
    }
    if request.target != "rejected" || request.reason.as_deref() != Some("outside-jurisdiction") {
        return Err(Error::Invalid(
            "--refer-to goes with `rejected --reason outside-jurisdiction`: it names the competent body the complainant is told to turn to".into(),
        ));
    }
    Ok(())
}

/// Refuses an event dated before the last one, or before receipt: history
/// must read in order.
pub fn check_event_time(case: &Case, at: DateTime<FixedOffset>) -> Result<()> {
    let last = case
        .history
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(case.received);
    if at < case.received {
        return Err(Error::Invalid(format!(
            "--at {} is before the case was received ({})",
            at.to_rfc3339(),
            case.received.to_rfc3339()
        )));
    }
    if at < last {
        return Err(Error::Invalid(format!(
            "--at {} is before the case's last event ({}); history must stay in order",
            at.to_rfc3339(),
            last.to_rfc3339()
        )));
    }
    Ok(())
}

fn check_requirements(policy: &Policy, case: &Case, request: &TransitionRequest) -> Result<()> {
    let Some(required) = policy.requires.get(&request.target) else {
        return Ok(());
    };
    let missing: Vec<String> = required
        .iter()
        .filter(|r| !requirement_met(case, request, r))
        .map(|r| requirement_hint(r))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::Refused(format!(
        "case {} cannot move to {}: missing {}",
        case.id,
        request.target,
        missing.join(", ")
    )))
}

fn requirement_met(case: &Case, request: &TransitionRequest, requirement: &str) -> bool {
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    match requirement {
        "title" => filled(&case.title),
        "complainant" => case.complainant_name().is_some(),
        "complainant.phone" => case.complainants.iter().any(|p| filled(&p.phone)),
        "complainant.legal_representative" => case
            .complainants
            .iter()
            .any(|p| filled(&p.legal_representative)),
        "respondent" => case.respondent_name().is_some(),
        "respondent.legal_representative" => case
            .respondent
            .as_ref()
            .is_some_and(|r| filled(&r.legal_representative)),
        "demands" => filled(&case.demands),
        "facts" => filled(&case.facts),
        "category" => filled(&case.category),
        "contract_end" => case.contract_end.is_some(),
        "assignee" => filled(&case.assignee),
        "reason" => filled(&request.reason),
        "to" => filled(&request.to),
        "outcome" => filled(&request.outcome) || filled(&case.outcome),
        "note" => filled(&request.note),
        "followup" => case.satisfaction.is_some(),
        _ => true,
    }
}

fn requirement_hint(requirement: &str) -> String {
    let how = match requirement {
        "title" => "set it with `plaint edit`",
        "complainant" => "a named complainant: `plaint edit`",
        "complainant.phone" => "a complainant's phone: `plaint edit`",
        "complainant.legal_representative" => {
            "the complainant organisation's legal representative: `plaint edit`"
        }
        "respondent" => "the respondent's name: `plaint edit`",
        "respondent.legal_representative" => {
            "the respondent organisation's legal representative: `plaint edit`"
        }
        "demands" => "the complainant's demands: `plaint edit`",
        "facts" => "the facts: `plaint edit`",
        "category" => "a category: `plaint edit`",
        "contract_end" => "the contract end date: `plaint edit`",
        "assignee" => "an assignee: `plaint assign`",
        "reason" => "--reason CODE",
        "to" => "--to AUTHORITY",
        "outcome" => "--outcome CODE",
        "note" => "--note TEXT",
        "followup" => "the follow-up call: `plaint followup`",
        _ => "",
    };
    format!("{requirement} ({how})")
}

fn check_joint_complaint(policy: &Policy, case: &Case) -> Result<()> {
    let Some(threshold) = policy.joint_threshold else {
        return Ok(());
    };
    let count = case.complainants.len();
    let reps = case.representatives.len();
    if count >= threshold && !(1..=policy.max_representatives).contains(&reps) {
        return Err(Error::Refused(format!(
            "case {} is a joint complaint ({count} complainants, {threshold} or more) and needs 1 to {} representatives, but names {reps}; set `representatives` (indexes into complainants) with `plaint edit`",
            case.id, policy.max_representatives
        )));
    }
    Ok(())
}

/// Explains why the complaint was filed too late, if it was: more than
/// `filing_limit_days` after `contract_end`, or more than
/// `challenge_limit_workdays` working days after `challenge_due`.
pub fn filing_limit_exceeded(policy: &Policy, calendar: &Calendar, case: &Case) -> Option<String> {
    let source = policy
        .filing_limit_source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    if let (Some(limit), Some(end)) = (policy.filing_limit_days, case.contract_end) {
        let late_by = (case.received_date() - end).num_days() - limit;
        if late_by > 0 {
            return Some(format!(
                "filed {} days after the contract ended on {end}, more than the {limit} days allowed{source}",
                limit + late_by
            ));
        }
    }
    let (limit, due) = (policy.challenge_limit_workdays?, case.challenge_due?);
    let received = case.received_date();
    // Out of the calendar's range, the limit cannot be judged: no warning.
    let elapsed = calendar.workdays_between(due, received).ok()?.value;
    (elapsed > limit).then(|| {
        format!(
            "filed {elapsed} working days after the challenge answer period ended on {due}, more than the {limit} working days allowed{source}"
        )
    })
}
