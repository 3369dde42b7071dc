//! The workflow rules: which moves a case may make, what each move needs,
//! and the intake checks of a new case. Pure functions over a case and a
//! policy; they never touch the disk.

use chrono::{DateTime, FixedOffset};

use super::{Policy, find_code};
use crate::calendar::{Calendar, Roll, Unit, period_end};
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
    "title-or-facts",
    "complainant-or-anonymous",
];

/// The key of `requires` that lists what a new case needs at registration
/// (not a state: a case is registered into the first state).
pub const REGISTERED: &str = "registered";

/// The tag `register --anonymous` sets: the complainant chose not to be named.
pub const ANONYMOUS_TAG: &str = "anonymous";

/// What a new case lacks of the policy's `requires.registered`, each with
/// how to give it; empty when it may be registered.
pub fn registration_missing(policy: &Policy, case: &Case) -> Vec<String> {
    let request = TransitionRequest::default();
    policy
        .requires
        .get(REGISTERED)
        .into_iter()
        .flatten()
        .filter(|r| !requirement_met(case, &request, r))
        .map(|r| registration_hint(r))
        .collect()
}

/// What a case in its state lacks of what the commands would have
/// required to get it there, as `(field, message)`: the requirements of
/// every state on the shortest way from the first state to the current
/// one, and a joint complaint's representatives once it was accepted.
/// Move details (`reason`, `to`, `note`, `outcome`) count when the status
/// event into that state, or the case, carries them.
pub fn incomplete_record(policy: &Policy, case: &Case) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    let path = way_to(policy, &case.status);
    for state in &path {
        let Some(required) = policy.requires.get(state) else {
            continue;
        };
        let moves: Vec<&Event> = case
            .history
            .iter()
            .filter(|e| e.action == Action::Status && e.to.as_deref() == Some(state.as_str()))
            .collect();
        for requirement in required {
            let met = if moves.is_empty() {
                requirement_met(case, &TransitionRequest::default(), requirement)
            } else {
                moves.iter().any(|e| {
                    let request = TransitionRequest {
                        target: state.clone(),
                        note: e.note.clone(),
                        reason: e.reason.clone(),
                        to: e.transfer_to.clone(),
                        outcome: e.outcome.clone(),
                        force: false,
                    };
                    requirement_met(case, &request, requirement)
                })
            };
            if !met {
                missing.push((
                    record_field(requirement).to_string(),
                    format!("a case that reached {state} needs it, but it is missing"),
                ));
            }
        }
    }
    if path.iter().any(|s| s == "accepted")
        && let Err(e) = check_joint_complaint(policy, case)
    {
        missing.push(("representatives".into(), e.to_string()));
    }
    missing
}

/// The case field (or history detail) a requirement is about.
fn record_field(requirement: &str) -> &str {
    match requirement {
        "complainant" | "complainant-or-anonymous" => "complainants",
        "complainant.phone" => "complainants[0].phone",
        "respondent" => "respondent.name",
        "followup" => "satisfaction",
        "reason" => "history.reason",
        "to" => "history.transfer_to",
        "note" => "history.note",
        other => other,
    }
}

/// The states on the shortest way from the first state to `target`,
/// without the first state; empty when `target` is the first state or
/// cannot be reached.
fn way_to(policy: &Policy, target: &str) -> Vec<String> {
    use std::collections::{BTreeMap, VecDeque};
    let initial = policy.initial_state();
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([initial]);
    while let Some(state) = queue.pop_front() {
        if state == target {
            break;
        }
        for next in policy.transitions.get(state).into_iter().flatten() {
            if next != initial && !parent.contains_key(next.as_str()) {
                parent.insert(next, state);
                queue.push_back(next);
            }
        }
    }
    let mut way = Vec::new();
    let mut at = target;
    while let Some(&from) = parent.get(at) {
        way.push(at.to_string());
        at = from;
    }
    way.reverse();
    way
}

fn registration_hint(requirement: &str) -> String {
    match requirement {
        "title-or-facts" => "a title or the facts (--title, --facts)".into(),
        "complainant-or-anonymous" => {
            "a complainant's name, or --anonymous when the complainant is not named".into()
        }
        other => format!("{other} (--{})", other.replace(['.', '_'], "-")),
    }
}

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
    let allowed = allowed_targets(policy, case);
    if !allowed.iter().any(|s| s == target) {
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
    check_event_time(case, Action::Status, at)?;
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
    event.note = request.note.clone();
    event.forced = forced;
    insert_event(case, event)?;
    case.status = target.to_string();
    if request.outcome.is_some() {
        case.outcome = request.outcome.clone();
    }
    Ok(warnings)
}

/// Places `event` in the history at the time it happened: after every
/// event at or before that time. An event is never moved to another time;
/// when it cannot be placed (see [`check_event_time`]) it is refused.
pub fn insert_event(case: &mut Case, event: Event) -> Result<()> {
    check_event_time(case, event.action, event.at)?;
    let position = case.history.partition_point(|e| e.at <= event.at);
    case.history.insert(position, event);
    Ok(())
}

/// Refuses an event of `action` at `at` that the history cannot hold in
/// time order: before receipt or the opening event, or a status move or
/// handover before a later one (each move starts where the previous one
/// ended, so moves are only ever appended). Both times are named.
pub fn check_event_time(case: &Case, action: Action, at: DateTime<FixedOffset>) -> Result<()> {
    let opened = case.history.first().map(|e| e.at).unwrap_or(case.received);
    let floor = case.received.min(opened);
    if at < floor {
        return Err(Error::Invalid(format!(
            "{} is before the case was received ({}); an event is recorded at the time it happened",
            at.to_rfc3339(),
            floor.to_rfc3339()
        )));
    }
    let sequential = matches!(action, Action::Status | Action::Assigned);
    if let Some(later) = case
        .history
        .iter()
        .filter(|e| sequential && e.action == action && e.at > at)
        .map(|e| e.at)
        .max()
    {
        return Err(Error::Invalid(format!(
            "{} is before the case's {} event at {}; history must stay in time order (record it at or after {})",
            at.to_rfc3339(),
            action.as_str(),
            later.to_rfc3339(),
            later.to_rfc3339()
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
        "title-or-facts" => filled(&case.title) || filled(&case.facts),
        "complainant-or-anonymous" => {
            case.complainant_name()
                .is_some_and(|n| !n.trim().is_empty())
                || case.tags.iter().any(|t| t == ANONYMOUS_TAG)
        }
        _ => true,
    }
}

fn requirement_hint(requirement: &str) -> String {
    let how = match requirement {
        "title" => "set it with `plaint edit`",
        "complainant" => "a named complainant: `plaint edit`",
        "complainant.phone" => "a complainant's phone: `plaint edit`",
        "respondent" => "the respondent's name: `plaint edit`",
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
        "title-or-facts" => "a title or the facts: `plaint edit`",
        "complainant-or-anonymous" => "a named complainant: `plaint edit`",
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

/// Explains why the complaint was filed too late, if it was. The limit
/// runs `filing_limit_days` calendar days from the day after
/// `contract_end`; when its last day is a rest day it ends on the next
/// working day (Civil Code art. 203), as the `days` deadline rules do.
pub fn filing_limit_exceeded(policy: &Policy, calendar: &Calendar, case: &Case) -> Option<String> {
    let limit = policy.filing_limit_days?;
    let end = case.contract_end?;
    let last = period_end(calendar, end, limit, Unit::Days, Roll::NextWorkday)
        .ok()?
        .value;
    let received = case.received_date();
    (received > last).then(|| {
        format!(
            "filed {} days after the contract ended on {end}, more than the {limit} days allowed (the limit ran to {last})",
            (received - end).num_days()
        )
    })
}

/// A notice when the policy has a filing limit but the case gives no
/// `contract_end` to check it against.
pub fn filing_limit_unchecked(policy: &Policy, case: &Case) -> Option<String> {
    let limit = policy.filing_limit_days?;
    case.contract_end.is_none().then(|| {
        format!(
            "no contract_end: the {limit}-day filing limit was not checked (set it with `plaint edit`)"
        )
    })
}
