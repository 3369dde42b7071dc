//! The workflow rules: which moves a case may make, what each move needs,
//! and the intake checks of a new case. Pure functions over a case and a
//! policy; they never touch the disk.

use chrono::{DateTime, FixedOffset};

use super::codes::CodeKind;
use super::{Policy, Role, find_code, list_codes};
use crate::calendar::{Calendar, Roll, Unit, period_end};
use crate::error::{Error, Result};
use crate::model::{Action, Case, Event, EventKind, Move};

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
        .map(|r| registration_hint(policy.language, r))
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
        let moves: Vec<(&Event, &Move)> = case
            .history
            .iter()
            .filter_map(|e| e.status_move().map(|m| (e, m)))
            .filter(|(_, m)| m.to == *state)
            .collect();
        for requirement in required {
            let met = if moves.is_empty() {
                requirement_met(case, &TransitionRequest::default(), requirement)
            } else {
                moves.iter().any(|(e, m)| {
                    let request = TransitionRequest {
                        target: state.clone(),
                        note: e.note.clone(),
                        reason: m.reason.clone(),
                        to: m.transfer_to.clone(),
                        outcome: m.outcome.clone(),
                        refer_to: m.refer_to.clone(),
                        on_the_spot: m.on_the_spot,
                        consent: m.consent.clone(),
                        force: false,
                    };
                    requirement_met(case, &request, requirement)
                })
            };
            if !met {
                missing.push((
                    record_field(requirement).to_string(),
                    crate::msg!(
                        policy.language,
                        "reached-needs",
                        state = policy.state_label(state, policy.language)
                    ),
                ));
            }
        }
    }
    if path.iter().any(|s| policy.has_role(s, Role::Accepted))
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

fn registration_hint(lang: crate::policy::Language, requirement: &str) -> String {
    match requirement {
        "title-or-facts" => crate::msg!(lang, "register-needs-title-or-facts"),
        "complainant-or-anonymous" => crate::msg!(lang, "register-needs-complainant"),
        other => {
            let what = requirement_hint(lang, other);
            let what = what.split_once(" (").map_or(what.as_str(), |(w, _)| w);
            let what = what.split_once('（').map_or(what, |(w, _)| w);
            let flag = format!("--{}", other.replace(['.', '_'], "-"));
            format!("{what}{}", crate::msg!(lang, "in-parentheses", text = flag))
        }
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
    case.move_into_status()?.from.clone()
}

/// Validates `request` against the policy and applies it: appends the
/// status event and updates `status` and `outcome`. Returns warnings.
///
/// Long by design: the checks and then the change run top to bottom, each
/// a short block, so one transition's whole rule reads in one place.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn advance(
    policy: &Policy,
    calendar: &Calendar,
    case: &mut Case,
    request: &TransitionRequest,
    at: DateTime<FixedOffset>,
    by: &str,
) -> Result<Vec<String>> {
    refuse_if_void(case, Action::Status)?;
    let target = request.target.as_str();
    if policy.state(target).is_none() {
        return Err(Error::invalid(crate::msg!(
            policy.language,
            "case-unknown-state",
            code = target,
            known = crate::messages::join(policy.language, &policy.state_names())
        )));
    }
    let on_the_spot = request.on_the_spot
        && on_the_spot_allowed(policy, case, target, request.outcome.as_deref())?;
    let allowed = allowed_targets(policy, case);
    if !on_the_spot && !allowed.iter().any(|s| s == target) {
        let lang = policy.language;
        let label = |s: &str| state_word(policy, s);
        let options = if allowed.is_empty() {
            crate::msg!(lang, "final-state")
        } else {
            let labels: Vec<String> = allowed.iter().map(|s| label(s)).collect();
            crate::messages::join(lang, &labels)
        };
        return Err(Error::refused(crate::said!(
            "cannot-move",
            id = case.id,
            from = label(&case.status),
            to = label(target),
            allowed = options
        )));
    }
    check_event_time(case, Action::Status, at)?;
    check_requirements(policy, case, request)?;
    if let Some(reason) = &request.reason
        && policy.has_role(target, Role::Rejected)
    {
        find_code(&policy.rejection_reasons, reason, CodeKind::Reason)?;
    }
    if let Some(outcome) = &request.outcome {
        find_code(&policy.outcomes, outcome, CodeKind::Outcome)?;
    }
    check_suspension_reason(policy, request)?;
    check_consent(policy, case, request)?;
    check_referral(policy, request)?;
    let mut forced = Vec::new();
    let mut warnings = Vec::new();
    // Acceptance is decided once: a case resuming after a suspension (or
    // reaching an accepted state again) is not judged against the filing
    // limit a second time, nor made to override it again.
    let accepted_before = case
        .history
        .iter()
        .filter_map(Event::status_move)
        .any(|m| policy.has_role(&m.to, Role::Accepted));
    if policy.has_role(target, Role::Accepted) {
        check_joint_complaint(policy, case)?;
    }
    let first_acceptance = policy.has_role(target, Role::Accepted) && !accepted_before;
    if first_acceptance && let Some(message) = filing_limit_exceeded(policy, calendar, case) {
        if !request.force {
            return Err(Error::refused(crate::msg!(
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
    let moved = Move {
        from: Some(case.status.clone()),
        to: target.to_string(),
        transfer_to: request.to.clone(),
        reason: request.reason.clone(),
        refer_to: request.refer_to.clone(),
        outcome: request.outcome.clone(),
        on_the_spot,
        consent: request.consent.clone(),
    };
    let mut event = Event::new(at, by, EventKind::Status(moved));
    event.note = request.note.clone();
    event.forced = forced;
    insert_event(case, event)?;
    case.status = target.to_string();
    if request.outcome.is_some() {
        case.outcome = request.outcome.clone();
    }
    // A reopened case leaves its resolution behind: its outcome is cleared
    // (the history keeps it); a referral follows the latest move.
    let implied = FromHistory::of(policy, &case.history);
    if let Some(outcome) = implied.outcome {
        case.outcome = outcome;
    }
    if let Some(refer_to) = implied.refer_to {
        case.refer_to = refer_to;
    }
    Ok(warnings)
}

/// Whether a resolution on the spot may skip the workflow: only from the
/// first state to a closing state the policy lists under `on_the_spot`,
/// with an outcome `on_the_spot_outcomes` lists (when it lists any).
fn on_the_spot_allowed(
    policy: &Policy,
    case: &Case,
    target: &str,
    outcome: Option<&str>,
) -> Result<bool> {
    let outcomes = &policy.on_the_spot_outcomes;
    let target_ok =
        case.status == policy.initial_state() && policy.on_the_spot.iter().any(|s| s == target);
    let outcome_ok =
        outcomes.is_empty() || outcome.is_some_and(|o| outcomes.iter().any(|x| x == o));
    if target_ok && outcome_ok {
        return Ok(true);
    }
    let lang = policy.language;
    let list = |labels: Vec<String>| labels.join(crate::messages::text(lang, "list-separator"));
    let reason = if policy.on_the_spot.is_empty() {
        crate::msg!(lang, "on-the-spot-none")
    } else if !target_ok {
        let targets = policy
            .on_the_spot
            .iter()
            .map(|s| policy.state_label(s, lang));
        crate::msg!(
            lang,
            "on-the-spot-targets",
            state = policy.state_label(policy.initial_state(), lang),
            targets = list(targets.collect())
        )
    } else {
        let labels = outcomes
            .iter()
            .map(|o| super::code_label(&policy.outcomes, o, lang));
        crate::msg!(
            lang,
            "on-the-spot-outcomes",
            outcomes = list(labels.collect())
        )
    };
    Err(Error::refused(crate::said!(
        "on-the-spot-refused",
        id = case.id,
        target = policy.state_label(target, lang),
        state = policy.state_label(&case.status, lang),
        reason = reason
    )))
}

/// What a joint complaint's step needs the consent of all complainants
/// for, if anything: withdrawing the complaint or settling it.
fn consent_needed_for(policy: &Policy, request: &TransitionRequest) -> Option<&'static str> {
    if policy.has_role(&request.target, Role::Withdrawn) {
        return Some("step-withdrawing");
    }
    (request.outcome.as_deref() == Some("settled")).then_some("step-settling")
}

fn check_consent(policy: &Policy, case: &Case, request: &TransitionRequest) -> Result<()> {
    let Some(step) = consent_needed_for(policy, request) else {
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
    Err(Error::refused(joint_consent_message(policy, case, step)))
}

/// Whether a `consent` event was recorded since the case last changed state.
pub fn has_fresh_consent(case: &Case) -> bool {
    case.history
        .iter()
        .rev()
        .take_while(|e| e.status_move().is_none())
        .any(|e| matches!(e.what, EventKind::Consent { .. }))
}

/// The `status`, `assignee` and `outcome` a history implies. A field is
/// `None` when the history does not decide it: no event sets it, or an
/// `edited` event changed it after the last event that did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FromHistory {
    /// Where the last status event (or an import in a later state) went.
    pub status: Option<String>,
    /// Whom the last handover went to.
    pub assignee: Option<Option<String>>,
    /// The outcome of the resolution the case is in: set by a status event
    /// with an outcome, cleared by a move back to an open state (reopening).
    pub outcome: Option<Option<String>>,
    /// The competent body the latest status move referred the complainant
    /// to (only a rejection as outside jurisdiction names one).
    pub refer_to: Option<Option<String>>,
}

impl FromHistory {
    /// Reads what the events of `history`, in order, imply.
    pub fn of(policy: &Policy, history: &[Event]) -> FromHistory {
        FromHistory::with_open(|state| policy.is_open(state), history)
    }

    /// Like [`FromHistory::of`], for a caller that knows which states are
    /// open (`is_open`) without a whole policy.
    pub fn with_open(is_open: impl Fn(&str) -> bool, history: &[Event]) -> FromHistory {
        let mut implied = FromHistory::default();
        for event in history {
            match &event.what {
                EventKind::Imported { to: Some(to) } => implied.status = Some(to.clone()),
                EventKind::Status(m) => {
                    implied.status = Some(m.to.clone());
                    implied.refer_to = Some(m.refer_to.clone());
                    if m.outcome.is_some() {
                        implied.outcome = Some(m.outcome.clone());
                    } else if is_open(&m.to) {
                        implied.outcome = Some(None);
                    }
                }
                EventKind::Assigned { to, .. } => implied.assignee = Some(to.clone()),
                EventKind::Edited { fields } => {
                    for field in fields {
                        match field.as_str() {
                            "status" => implied.status = None,
                            "assignee" => implied.assignee = None,
                            "outcome" => implied.outcome = None,
                            "refer_to" => implied.refer_to = None,
                            _ => {}
                        }
                    }
                }
                EventKind::Imported { to: None }
                | EventKind::Registered
                | EventKind::Note
                | EventKind::Milestone { .. }
                | EventKind::Extended(_)
                | EventKind::Followup { .. }
                | EventKind::Promised { .. }
                | EventKind::Consent { .. }
                | EventKind::Notice(_)
                | EventKind::Attached { .. }
                | EventKind::Detached { .. }
                | EventKind::Superseded { .. }
                | EventKind::Voided { .. }
                | EventKind::Approved { .. }
                | EventKind::Escalated { .. }
                | EventKind::Instructed
                | EventKind::Routed { .. }
                | EventKind::AppraisalStarted(_)
                | EventKind::AppraisalResult(_) => {}
            }
        }
        implied
    }

    /// The derived fields on which `case` disagrees with its history, each
    /// with the stored value and the value the history implies.
    pub fn disagreements(
        &self,
        case: &Case,
    ) -> Vec<(&'static str, Option<String>, Option<String>)> {
        let mut found = Vec::new();
        if let Some(status) = &self.status
            && *status != case.status
        {
            found.push(("status", Some(case.status.clone()), Some(status.clone())));
        }
        if let Some(assignee) = &self.assignee
            && *assignee != case.assignee
        {
            found.push(("assignee", case.assignee.clone(), assignee.clone()));
        }
        if let Some(outcome) = &self.outcome
            && *outcome != case.outcome
        {
            found.push(("outcome", case.outcome.clone(), outcome.clone()));
        }
        if let Some(refer_to) = &self.refer_to
            && *refer_to != case.refer_to
        {
            found.push(("refer_to", case.refer_to.clone(), refer_to.clone()));
        }
        found
    }

    /// Sets the derived fields of `case` to what the history implies;
    /// returns the fields that changed.
    pub fn apply(&self, case: &mut Case) -> Vec<&'static str> {
        let changed: Vec<&'static str> = self.disagreements(case).iter().map(|d| d.0).collect();
        if let Some(status) = &self.status {
            case.status = status.clone();
        }
        if let Some(assignee) = &self.assignee {
            case.assignee = assignee.clone();
        }
        if let Some(outcome) = &self.outcome {
            case.outcome = outcome.clone();
        }
        if let Some(refer_to) = &self.refer_to {
            case.refer_to = refer_to.clone();
        }
        changed
    }
}

/// The refusal of a joint complaint's step made without consent; `step`
/// is the message id of the step (`step-settling`).
pub fn joint_consent_message(policy: &Policy, case: &Case, step: &str) -> String {
    let lang = policy.language;
    let source = crate::policy::basis_in(lang, policy.joint_source.as_deref());
    crate::msg!(
        lang,
        "joint-needs-consent",
        id = case.id,
        count = case.complainants.len(),
        step = crate::messages::fill(lang, step, &[]),
        source = source
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
            find_code(
                &policy.suspension_reasons,
                reason,
                CodeKind::SuspensionReason,
            )?;
            Ok(())
        }
        None => Err(Error::refused(crate::msg!(
            policy.language,
            "suspension-needs-reason",
            reasons = list_codes(policy.language, &policy.suspension_reasons)
        ))),
    }
}

/// `--refer-to` names the competent body of a complaint rejected as
/// outside jurisdiction, and nothing else.
fn check_referral(policy: &Policy, request: &TransitionRequest) -> Result<()> {
    let outside = policy.has_role(&request.target, Role::Rejected)
        && request.reason.as_deref() == Some("outside-jurisdiction");
    let Some(body) = &request.refer_to else {
        // Where the source says the complainant must be told where to go
        // (tourism art. 9 ¶2, Order 94 art. 21(三)), the body is named.
        if outside && let Some(source) = policy.reason_citation("outside-jurisdiction") {
            return Err(Error::invalid(crate::msg!(
                policy.language,
                "refer-to-required",
                source = source.zh()
            )));
        }
        return Ok(());
    };
    if body.trim().is_empty() {
        return Err(Error::invalid(crate::msg!(
            policy.language,
            "refer-to-empty"
        )));
    }
    if !policy.has_role(&request.target, Role::Rejected)
        || request.reason.as_deref() != Some("outside-jurisdiction")
    {
        return Err(Error::invalid(crate::msg!(
            policy.language,
            "refer-to-misplaced"
        )));
    }
    Ok(())
}

/// Places `event` in the history at the time it happened: after every
/// event at or before that time. An event is never moved to another time;
/// when it cannot be placed (see [`check_event_time`]) it is refused.
pub fn insert_event(case: &mut Case, event: Event) -> Result<()> {
    check_event_time(case, event.action(), event.at)?;
    let position = case.history.partition_point(|e| e.at <= event.at);
    case.history.insert(position, event);
    Ok(())
}

/// Refuses a step of the procedure on a void case: a void case takes
/// only what keeps its record straight (notes, attachments, edits of the
/// record, a superseded notice), never a move, a deadline, a notice or a
/// handover.
pub fn refuse_if_void(case: &Case, action: Action) -> Result<()> {
    match case.voided() {
        Some(voided) if !kept_when_void(action) => {
            let reason = match &voided.what {
                EventKind::Voided { reason } => reason.as_str(),
                _ => "",
            };
            Err(Error::refused(crate::said!(
                "case-is-void",
                id = case.id,
                date = voided.at.format("%Y-%m-%d"),
                reason = reason
            )))
        }
        _ => Ok(()),
    }
}

/// Whether a void case still takes events of `action`: what keeps its
/// record straight (a note, an attachment, an edit of the record, a
/// superseded notice), never a step of the procedure.
pub fn kept_when_void(action: Action) -> bool {
    matches!(
        action,
        Action::Note | Action::Attached | Action::Detached | Action::Edited | Action::Superseded
    )
}

/// How times read in the refusals of [`check_event_time`].
const MINUTE: &str = "%Y-%m-%d %H:%M";

/// Refuses an event of `action` at `at` that the history cannot hold in
/// time order: before receipt or the opening event, or a status move or
/// handover before a later one (each move starts where the previous one
/// ended, so moves are only ever appended). Both times are named.
pub fn check_event_time(case: &Case, action: Action, at: DateTime<FixedOffset>) -> Result<()> {
    refuse_if_void(case, action)?;
    let opened = case.history.first().map_or(case.received, |e| e.at);
    let floor = case.received.min(opened);
    if at < floor {
        return Err(Error::invalid(crate::said!(
            "before-received",
            at = at.format(MINUTE),
            received = floor.format(MINUTE)
        )));
    }
    let sequential = matches!(action, Action::Status | Action::Assigned);
    if let Some(later) = case
        .history
        .iter()
        .filter(|e| sequential && e.action() == action && e.at > at)
        .map(|e| e.at)
        .max()
    {
        let event = match action {
            Action::Assigned => crate::said!("event-kind-assigned"),
            _ => crate::said!("event-kind-status"),
        };
        return Err(Error::invalid(crate::said!(
            "before-last-event",
            at = at.format(MINUTE),
            event = event,
            later = later.format(MINUTE)
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
    Err(Error::refused(crate::said!(
        "missing-for",
        id = case.id,
        to = state_word(policy, &request.target),
        missing = crate::messages::join(lang, &missing)
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
        "title-or-facts" => filled(&case.title) || filled(&case.facts),
        "complainant-or-anonymous" => {
            case.complainant_name()
                .is_some_and(|n| !n.trim().is_empty())
                || case.tags.iter().any(|t| t == ANONYMOUS_TAG)
        }
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
        return Err(Error::refused(crate::msg!(
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

/// Explains why the complaint was filed too late, if it was: after the
/// `filing_limit_days` calendar days from the day after `contract_end`
/// (when the last day is a rest day the limit ends on the next working day,
/// Civil Code art. 203, as the `days` deadline rules do), or more than
/// `challenge_limit_workdays` working days after `challenge_due`.
pub fn filing_limit_exceeded(policy: &Policy, calendar: &Calendar, case: &Case) -> Option<String> {
    let source = crate::policy::basis_in(policy.language, policy.filing_limit_source.as_deref());
    let received = case.received_date();
    if let (Some(limit), Some(end)) = (policy.filing_limit_days, case.contract_end) {
        let last = period_end(calendar, end, limit, Unit::Days, Roll::NextWorkday)
            .ok()?
            .value;
        if received > last {
            return Some(crate::msg!(
                policy.language,
                "filed-late",
                days = (received - end).num_days(),
                end = end,
                limit = limit,
                source = source,
                last = last
            ));
        }
    }
    let (limit, due) = (policy.challenge_limit_workdays?, case.challenge_due?);
    // Out of the calendar's range, the limit cannot be judged: no warning.
    let elapsed = calendar.workdays_between(due, received).ok()?.value;
    (elapsed > limit).then(|| {
        crate::msg!(
            policy.language,
            "filed-late-challenge",
            elapsed = elapsed,
            due = due,
            limit = limit,
            source = source
        )
    })
}

/// A notice when the policy has a filing limit but the case gives no
/// `contract_end` to check it against.
pub fn filing_limit_unchecked(policy: &Policy, case: &Case) -> Option<String> {
    let limit = policy.filing_limit_days?;
    case.contract_end
        .is_none()
        .then(|| crate::msg!(policy.language, "filing-limit-unchecked", limit = limit))
}

#[cfg(test)]
mod tests;
