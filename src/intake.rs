//! Turning a submitted [`Draft`] into a valid [`Case`], and checking a case
//! against the policy. Every problem is reported with the field it is in,
//! all at once, so an import can list every bad cell of a batch.

use std::fmt;

use chrono::{DateTime, FixedOffset};

use crate::dates::{parse_date, parse_datetime};
use crate::model::{Action, Case, CaseId, Channel, Draft, Event, Priority, SCHEMA, Satisfaction};
use crate::policy::{Policy, workflow};

/// A problem with one field of a submitted case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The field, e.g. `received` or `complainants[0].phone`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field {}: {}", self.field, self.message)
    }
}

fn field_error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_string(),
        message: message.into(),
    }
}

/// Who registers the case, when, and how.
#[derive(Clone, Debug)]
pub struct Intake<'a> {
    /// The workspace policy.
    pub policy: &'a Policy,
    /// The office's UTC offset, for times given without one.
    pub offset: FixedOffset,
    /// The current moment.
    pub now: DateTime<FixedOffset>,
    /// The acting officer.
    pub by: &'a str,
    /// `Registered` for `register`, `Imported` for `import`.
    pub action: Action,
}

/// A case built from a draft, not yet given its ID, with the warnings that
/// do not stop registration.
#[derive(Clone, Debug)]
pub struct Built {
    /// The case; its `id` is a placeholder unless the draft carried one.
    pub case: Case,
    /// Whether the draft carried its own ID.
    pub has_id: bool,
    /// Notices for the officer (e.g. a complaint filed late).
    pub warnings: Vec<String>,
}

/// Builds a case from `draft`, or lists every problem in it.
pub fn build_case(mut draft: Draft, intake: &Intake) -> Result<Built, Vec<FieldError>> {
    let mut errors = Vec::new();
    if intake.action == Action::Registered {
        for (present, field) in [
            (draft.id.is_some(), "id"),
            (draft.status.is_some(), "status"),
            (draft.history.is_some(), "history"),
        ] {
            if present {
                errors.push(field_error(
                    field,
                    "is set by plaint on registration (use `plaint import` for migrated cases)",
                ));
            }
        }
    }
    if draft.schema.is_some_and(|s| s != SCHEMA) {
        errors.push(field_error("schema", format!("must be {SCHEMA}")));
    }
    let received = match draft.received.as_deref() {
        None => intake.now,
        Some(text) => parse_datetime(text, intake.offset).unwrap_or_else(|e| {
            errors.push(field_error("received", e.to_string()));
            intake.now
        }),
    };
    if received > intake.now + chrono::Duration::hours(1) {
        errors.push(field_error(
            "received",
            format!("{} is in the future", received.to_rfc3339()),
        ));
    }
    resolve_codes(&mut draft, intake.policy, &mut errors);
    let channel = draft.channel.as_deref().and_then(|c| {
        parse_channel(c)
            .map_err(|m| errors.push(field_error("channel", m)))
            .ok()
    });
    let priority = draft
        .priority
        .as_deref()
        .map(|p| parse_priority(p).map_err(|m| errors.push(field_error("priority", m))))
        .transpose()
        .ok()
        .flatten()
        .unwrap_or_default();
    let satisfaction = draft.satisfaction.as_deref().and_then(|s| {
        parse_satisfaction(s)
            .map_err(|m| errors.push(field_error("satisfaction", m)))
            .ok()
    });
    let contract_end = draft.contract_end.as_deref().and_then(|d| {
        parse_date(d)
            .map_err(|e| errors.push(field_error("contract_end", e.to_string())))
            .ok()
    });
    let mut links = Vec::new();
    for (i, link) in draft.links.iter().enumerate() {
        match CaseId::parse(link) {
            Ok(id) => links.push(id),
            Err(e) => errors.push(field_error(&format!("links[{i}]"), e.to_string())),
        }
    }
    let id = match draft.id.as_deref().map(CaseId::parse) {
        Some(Ok(id)) => Some(id),
        Some(Err(e)) => {
            errors.push(field_error("id", e.to_string()));
            None
        }
        None => None,
    };
    let has_id = id.is_some();
    let status = draft
        .status
        .clone()
        .unwrap_or_else(|| intake.policy.initial_state().to_string());
    let assignee = clean(draft.assignee)
        .or_else(|| (intake.action == Action::Registered).then(|| intake.by.to_string()));
    let history = match draft.history {
        Some(history) if !history.is_empty() => history,
        Some(_) => {
            errors.push(field_error("history", "is empty"));
            Vec::new()
        }
        None => first_events(intake, received, &status, assignee.as_deref()),
    };
    let mut case = Case {
        schema: SCHEMA,
        id: id.unwrap_or_else(|| placeholder_id(received)),
        title: clean(draft.title),
        received,
        channel,
        complainants: draft.complainants.into_iter().map(clean_person).collect(),
        representatives: draft.representatives,
        agent: draft.agent,
        respondent: draft.respondent,
        category: clean(draft.category),
        priority,
        tags: draft.tags,
        demands: clean(draft.demands),
        facts: clean(draft.facts),
        contract_end,
        assignee,
        status,
        outcome: clean(draft.outcome),
        measures: clean(draft.measures),
        satisfaction,
        external_ref: clean(draft.external_ref),
        links,
        history,
    };
    normalize_newlines(&mut case);
    errors.extend(check_against_policy(intake.policy, &case));
    if !errors.is_empty() {
        return Err(errors);
    }
    let warnings = workflow::filing_limit_exceeded(intake.policy, &case)
        .map(|m| format!("{m}: acceptance will be refused unless forced"))
        .into_iter()
        .collect();
    Ok(Built {
        case,
        has_id,
        warnings,
    })
}

/// The events that open the history of a new case: registration (or
/// import), and a handover when someone else is named as assignee.
fn first_events(
    intake: &Intake,
    received: DateTime<FixedOffset>,
    status: &str,
    assignee: Option<&str>,
) -> Vec<Event> {
    // A complaint entered after the fact is registered as of its receipt, so
    // that later steps can be backdated (`--at`) without history going
    // backwards.
    let at = if intake.action == Action::Registered {
        received.min(intake.now)
    } else {
        intake.now
    };
    let mut first = Event::new(at, intake.by, intake.action);
    if intake.action == Action::Imported && status != intake.policy.initial_state() {
        first.to = Some(status.to_string());
    }
    let mut events = vec![first];
    if let Some(assignee) = assignee.filter(|a| *a != intake.by) {
        let mut handover = Event::new(at, intake.by, Action::Assigned);
        handover.to = Some(assignee.to_string());
        events.push(handover);
    }
    events
}

/// Turns codes given as labels (`status: 已受理`, `channel: 电话`) into the
/// codes themselves; a value that names nothing is left for the checks
/// below, unless it is close to a code, which is then suggested.
fn resolve_codes(draft: &mut Draft, policy: &Policy, errors: &mut Vec<FieldError>) {
    use crate::policy::codes::CodeKind;
    let fields: [(&str, CodeKind, &mut Option<String>); 6] = [
        ("status", CodeKind::State, &mut draft.status),
        ("channel", CodeKind::Channel, &mut draft.channel),
        ("category", CodeKind::Category, &mut draft.category),
        ("priority", CodeKind::Priority, &mut draft.priority),
        ("outcome", CodeKind::Outcome, &mut draft.outcome),
        (
            "satisfaction",
            CodeKind::Satisfaction,
            &mut draft.satisfaction,
        ),
    ];
    for (field, kind, value) in fields {
        let Some(text) = value.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        match policy.resolve_code(kind, text) {
            Ok(code) => *value = Some(code),
            Err(e) => {
                errors.push(field_error(field, e.to_string()));
                *value = None;
            }
        }
    }
}

/// Checks a whole case against the policy: known codes and states, text
/// limits, representative indexes.
pub fn check_against_policy(policy: &Policy, case: &Case) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(category) = &case.category
        && !policy.categories.is_empty()
        && !policy.categories.iter().any(|c| &c.code == category)
    {
        errors.push(field_error(
            "category",
            format!(
                "unknown category '{category}'; known: {}",
                crate::policy::list_codes(&policy.categories)
            ),
        ));
    }
    if policy.state(&case.status).is_none() {
        errors.push(field_error(
            "status",
            format!(
                "unknown state '{}'; states are: {}",
                case.status,
                policy.state_names().join(", ")
            ),
        ));
    }
    if let Some(outcome) = &case.outcome
        && !policy.outcomes.iter().any(|c| &c.code == outcome)
    {
        errors.push(field_error(
            "outcome",
            format!(
                "unknown outcome '{outcome}'; known: {}",
                crate::policy::list_codes(&policy.outcomes)
            ),
        ));
    }
    if case.representatives.len() > policy.max_representatives {
        errors.push(field_error(
            "representatives",
            format!(
                "{} named; at most {} are allowed",
                case.representatives.len(),
                policy.max_representatives
            ),
        ));
    }
    if let Err(message) = crate::storage::casefile::validate_case(case) {
        errors.push(field_error("case", message));
    }
    errors
}

/// Parses a channel name.
pub fn parse_channel(text: &str) -> Result<Channel, String> {
    let text = text.trim().to_lowercase();
    Channel::ALL
        .into_iter()
        .find(|c| c.as_str() == text)
        .ok_or_else(|| {
            let names: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
            format!("unknown channel '{text}'; channels: {}", names.join(", "))
        })
}

/// Parses a priority name.
pub fn parse_priority(text: &str) -> Result<Priority, String> {
    [Priority::Normal, Priority::Important, Priority::Urgent]
        .into_iter()
        .find(|p| p.as_str() == text.trim().to_lowercase())
        .ok_or_else(|| format!("unknown priority '{text}'; priorities: normal, important, urgent"))
}

/// Parses a satisfaction answer.
pub fn parse_satisfaction(text: &str) -> Result<Satisfaction, String> {
    [
        Satisfaction::Satisfied,
        Satisfaction::Neutral,
        Satisfaction::Dissatisfied,
    ]
    .into_iter()
    .find(|s| s.as_str() == text.trim().to_lowercase())
    .ok_or_else(|| {
        format!("unknown satisfaction '{text}'; answers: satisfied, neutral, dissatisfied")
    })
}

/// A stand-in ID for a case not yet stored; replaced on creation.
fn placeholder_id(received: DateTime<FixedOffset>) -> CaseId {
    CaseId::parse(&format!("{}-00000", received.format("%Y%m%d"))).expect("valid form")
}

fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim_end().to_string())
        .filter(|v| !v.trim().is_empty())
}

fn clean_person(mut p: crate::model::Person) -> crate::model::Person {
    p.name = clean(p.name);
    p.phone = clean(p.phone);
    p.email = clean(p.email);
    p
}

/// Converts CRLF (and lone CR) line ends to LF in every text field: CRLF
/// would be written as an escaped string instead of readable block text.
pub fn normalize_newlines(case: &mut Case) {
    let fix = |v: &mut Option<String>| {
        if let Some(s) = v
            && s.contains('\r')
        {
            *s = s.replace("\r\n", "\n").replace('\r', "\n");
        }
    };
    fix(&mut case.title);
    fix(&mut case.demands);
    fix(&mut case.facts);
    fix(&mut case.measures);
    for p in &mut case.complainants {
        fix(&mut p.address);
    }
    for e in &mut case.history {
        fix(&mut e.note);
    }
}
