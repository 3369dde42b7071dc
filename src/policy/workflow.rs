//! The workflow rules: which moves a case may make, what each move needs,
//! and the intake checks of a new case. Pure functions over a case and a
//! policy; they never touch the disk.

use chrono::{DateTime, FixedOffset};

use super::{Policy, find_code};
use crate::error::{Error, Result};
use crate::model::{Action, Case, Event};

/// The requirement names a policy may list under `requires`.
pub const REQUIREMENTS: &[&str] = &[
    "title",
    "complainant",
    "complainant.phone",
    "respondent",
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
    let allowed = allowed_targets(policy, case);
    if !allowed.iter().any(|s| s == target) {
        let lang = policy.language;
        let label = |s: &str| state_word(policy, s);
        let options = if allowed.is_empty() {
            crate::msg!(lang, "final-state")
        } else {
            allowed
                .iter()
                .map(|s| label(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(Error::Refused(crate::msg!(
            lang,
            "cannot-move",
            id = case.id,
            from = label(&case.status),
            to = label(target),
            allowed = options
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
    let mut forced = Vec::new();
    let mut warnings = Vec::new();
    if target == "accepted" {
        check_joint_complaint(policy, case)?;
        if let Some(message) = filing_limit_exceeded(policy, case) {
            if !request.force {
                return Err(Error::Refused(crate::msg!(
                    policy.language,
                    "filing-limit-refused",
                    message = message
                )));
            }
            warnings.push(crate::msg!(
                policy.language,
                "accepted-despite",
                message = message
            ));
            forced.push("filing-limit".to_string());
        }
    }
    let mut event = Event::new(at, by, Action::Status);
    event.from = Some(case.status.clone());
    event.to = Some(target.to_string());
    event.reason = request.reason.clone();
    event.transfer_to = request.to.clone();
    event.outcome = request.outcome.clone();
    event.note = request.note.clone();
    event.forced = forced;
    case.history.push(event);
    case.status = target.to_string();
    if request.outcome.is_some() {
        case.outcome = request.outcome.clone();
    }
    Ok(warnings)
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
        .map(|r| requirement_hint(policy.language, r))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let lang = policy.language;
    Err(Error::Refused(crate::msg!(
        lang,
        "missing-for",
        id = case.id,
        to = state_word(policy, &request.target),
        missing = missing.join(", ")
    )))
}

fn requirement_met(case: &Case, request: &TransitionRequest, requirement: &str) -> bool {
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    match requirement {
        "title" => filled(&case.title),
        "complainant" => case.complainant_name().is_some(),
        "complainant.phone" => case.complainants.iter().any(|p| filled(&p.phone)),
        "respondent" => case.respondent_name().is_some(),
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

/// A state as a refusal names it: the code in English (what is typed),
/// the label in Chinese.
fn state_word(policy: &Policy, state: &str) -> String {
    match policy.language {
        crate::policy::Language::En => state.to_string(),
        crate::policy::Language::Zh => policy.state_label(state, policy.language),
    }
}

fn requirement_hint(lang: crate::policy::Language, requirement: &str) -> String {
    let hint = crate::messages::fill(lang, &format!("require-{requirement}"), &[]);
    match hint.strip_prefix("require-") {
        Some(unknown) => unknown.to_string(),
        None => hint,
    }
}

fn check_joint_complaint(policy: &Policy, case: &Case) -> Result<()> {
    let Some(threshold) = policy.joint_threshold else {
        return Ok(());
    };
    let count = case.complainants.len();
    let reps = case.representatives.len();
    if count >= threshold && !(1..=policy.max_representatives).contains(&reps) {
        return Err(Error::Refused(crate::msg!(
            policy.language,
            "joint-needs-representatives",
            id = case.id,
            count = count,
            threshold = threshold,
            max = policy.max_representatives,
            reps = reps
        )));
    }
    Ok(())
}

/// Explains why the complaint was filed too late, if it was.
pub fn filing_limit_exceeded(policy: &Policy, case: &Case) -> Option<String> {
    let limit = policy.filing_limit_days?;
    let end = case.contract_end?;
    let late_by = (case.received_date() - end).num_days() - limit;
    (late_by > 0).then(|| {
        crate::msg!(
            policy.language,
            "filed-late",
            days = limit + late_by,
            end = end,
            limit = limit
        )
    })
}
