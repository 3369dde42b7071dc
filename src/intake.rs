//! Turning a submitted [`Draft`] into a valid [`Case`], and checking a case
//! against the policy. Every problem is reported with the field it is in,
//! all at once, so an import can list every bad cell of a batch.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::dates::{parse_date, parse_datetime};
use crate::messages::said::Text;
use crate::model::{Action, Case, CaseId, Draft, Event, EventKind, Priority, SCHEMA, Satisfaction};
use crate::policy::{Code, Policy, workflow};

/// A problem with one field of a submitted case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The field, e.g. `received` or `complainants[0].phone`.
    pub field: String,
    /// What is wrong with it.
    pub message: Text,
}

/// The `field` of an error about the record as a whole (a case with
/// neither title nor facts), which messages do not name as a field.
pub const WHOLE_CASE: &str = "case";

impl FieldError {
    /// The problem in `lang`: `phone: …`, or the message alone for the
    /// record as a whole.
    pub fn render(&self, lang: crate::messages::Language) -> String {
        self.text().render(lang)
    }

    /// `problems` in `lang`, one after the other, as a refusal lists them.
    pub fn render_all(problems: &[FieldError], lang: crate::messages::Language) -> String {
        let list: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
        list.join(crate::messages::text(lang, "list-separator"))
    }

    /// The problem as text in no language yet.
    pub fn text(&self) -> Text {
        if self.field == WHOLE_CASE {
            return self.message.clone();
        }
        crate::said!(
            "field-error",
            field = self.field,
            message = self.message.arg()
        )
        .into()
    }
}

fn field_error(field: &str, message: impl Into<Text>) -> FieldError {
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
    /// The workspace calendar (the filing limit ends on a working day).
    pub calendar: &'a crate::calendar::Calendar,
    /// The office's UTC offset, for times given without one.
    pub offset: FixedOffset,
    /// The current moment.
    pub now: DateTime<FixedOffset>,
    /// The acting officer.
    pub by: &'a str,
    /// `Registered` for `register`, `Imported` for `import`.
    pub action: Action,
    /// `import --force`: keep a record that lacks what its state needs,
    /// marking its `imported` event.
    pub force: bool,
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
        errors.extend(set_by_plaint(&draft));
    }
    if draft.schema.is_some_and(|s| s != SCHEMA) {
        errors.push(field_error(
            "schema",
            crate::msg!(
                intake.policy.language,
                "import-schema-must-be",
                schema = SCHEMA
            ),
        ));
    }
    let received = receipt(draft.received.as_deref(), intake, &mut errors);
    resolve_codes(&mut draft, intake.policy, &mut errors);
    let typed = Typed::parse(&draft, &mut errors);
    let has_id = typed.id.is_some();
    let status = draft
        .status
        .clone()
        .unwrap_or_else(|| intake.policy.initial_state().to_string());
    let assignee = clean(draft.assignee.take())
        .or_else(|| (intake.action == Action::Registered).then(|| intake.by.to_string()));
    let history = match draft.history.take() {
        Some(history) if !history.is_empty() => history,
        Some(_) => {
            errors.push(field_error(
                "history",
                crate::msg!(intake.policy.language, "import-history-empty"),
            ));
            Vec::new()
        }
        None => first_events(intake, received, &status, assignee.as_deref()),
    };
    let mut case = Case {
        schema: SCHEMA,
        id: typed.id.unwrap_or_else(|| placeholder_id(received)),
        title: clean(draft.title),
        received,
        channel: clean(draft.channel).map(|c| c.trim().to_lowercase()),
        department: clean(draft.department),
        complainants: draft.complainants.into_iter().map(clean_person).collect(),
        representatives: draft.representatives,
        agent: draft.agent,
        project: draft.project,
        respondent: draft.respondent.map(distinct_departments),
        category: clean(draft.category),
        case_type: clean(draft.case_type),
        cause: clean(draft.cause),
        priority: typed.priority,
        tags: draft.tags,
        demands: clean(draft.demands),
        facts: clean(draft.facts),
        contract_end: typed.contract_end,
        challenge_due: typed.challenge_due,
        assignee,
        status,
        outcome: clean(draft.outcome),
        compensation: typed.compensation,
        refer_to: clean(draft.refer_to),
        measures: clean(draft.measures),
        findings: clean(draft.findings),
        agreement: clean(draft.agreement),
        satisfaction: typed.satisfaction,
        external_ref: clean(draft.external_ref),
        links: typed.links,
        history,
    };
    normalize_newlines(&mut case);
    let warnings = check_built(&mut case, intake, errors)?;
    Ok(Built {
        case,
        has_id,
        warnings,
    })
}

/// The respondent with each department named once and blank ones left
/// out, in the order given.
fn distinct_departments(mut respondent: crate::model::Respondent) -> crate::model::Respondent {
    let mut seen = Vec::new();
    for d in respondent.department.drain(..) {
        if !d.trim().is_empty() && !seen.contains(&d) {
            seen.push(d);
        }
    }
    respondent.department = seen;
    respondent
}

/// The fields a registration may not carry, because plaint sets them.
fn set_by_plaint(draft: &Draft) -> Vec<FieldError> {
    [
        (draft.id.is_some(), "id"),
        (draft.status.is_some(), "status"),
        (draft.history.is_some(), "history"),
    ]
    .into_iter()
    .filter(|(present, _)| *present)
    .map(|(_, field)| field_error(field, crate::said!("set-on-registration")))
    .collect()
}

/// The moment of receipt: the draft's, else now; never more than an hour
/// ahead of now.
fn receipt(
    text: Option<&str>,
    intake: &Intake,
    errors: &mut Vec<FieldError>,
) -> DateTime<FixedOffset> {
    let received = match text {
        None => intake.now,
        Some(text) => parse_datetime(text, intake.offset).unwrap_or_else(|e| {
            errors.push(field_error("received", e.to_string()));
            intake.now
        }),
    };
    if received > intake.now + chrono::Duration::hours(1) {
        errors.push(field_error(
            "received",
            crate::msg!(
                intake.policy.language,
                "in-the-future",
                what = received.format("%Y-%m-%d %H:%M %:z")
            ),
        ));
    }
    received
}

/// The fields of a draft that are not text, parsed; each bad one is an
/// error and left at its default.
struct Typed {
    id: Option<CaseId>,
    priority: Priority,
    satisfaction: Option<Satisfaction>,
    contract_end: Option<NaiveDate>,
    challenge_due: Option<NaiveDate>,
    links: Vec<CaseId>,
    compensation: Option<crate::model::Yuan>,
}

impl Typed {
    fn parse(draft: &Draft, errors: &mut Vec<FieldError>) -> Typed {
        let priority = draft
            .priority
            .as_deref()
            .and_then(|p| {
                parse_priority(p)
                    .map_err(|m| errors.push(field_error("priority", m)))
                    .ok()
            })
            .unwrap_or_default();
        let satisfaction = draft.satisfaction.as_deref().and_then(|s| {
            parse_satisfaction(s)
                .map_err(|m| errors.push(field_error("satisfaction", m)))
                .ok()
        });
        let mut date = |field: &str, text: Option<&str>| {
            text.and_then(|d| {
                parse_date(d)
                    .map_err(|e| errors.push(field_error(field, e.to_string())))
                    .ok()
            })
        };
        let contract_end = date("contract_end", draft.contract_end.as_deref());
        let challenge_due = date("challenge_due", draft.challenge_due.as_deref());
        let mut links = Vec::new();
        for (i, link) in draft.links.iter().enumerate() {
            match CaseId::parse(link) {
                Ok(id) => links.push(id),
                Err(e) => errors.push(field_error(&format!("links[{i}]"), e.to_string())),
            }
        }
        let id = draft.id.as_deref().and_then(|text| {
            CaseId::parse(text)
                .map_err(|e| errors.push(field_error("id", e.to_string())))
                .ok()
        });
        let compensation = draft
            .compensation
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .and_then(|text| {
                let amount = crate::model::Yuan::parse(text);
                if amount.is_none() {
                    errors.push(field_error(
                        "compensation",
                        crate::said!("amount-invalid", text = text),
                    ));
                }
                amount
            });
        Typed {
            id,
            compensation,
            priority,
            satisfaction,
            contract_end,
            challenge_due,
            links,
        }
    }
}

/// Checks a built case against the policy; returns the warnings that do
/// not stop it, or every error found since the draft was read.
fn check_built(
    case: &mut Case,
    intake: &Intake,
    mut errors: Vec<FieldError>,
) -> Result<Vec<String>, Vec<FieldError>> {
    let mut warnings = Vec::new();
    if intake.force {
        warnings.extend(mark_incomplete(intake.policy, case));
    }
    if intake.action == Action::Registered {
        let missing = workflow::registration_missing(intake.policy, case);
        if !missing.is_empty() {
            errors.push(field_error(
                "case",
                crate::msg!(
                    intake.policy.language,
                    "new-case-needs",
                    missing =
                        missing.join(crate::messages::text(intake.policy.language, "and-also"))
                ),
            ));
        }
    }
    errors.extend(check_against_policy(intake.policy, case));
    if !errors.is_empty() {
        return Err(errors);
    }
    warnings.extend(
        workflow::filing_limit_exceeded(intake.policy, intake.calendar, case)
            .map(|m| crate::msg!(intake.policy.language, "refused-unless-forced", message = m)),
    );
    if intake.action == Action::Registered {
        warnings.extend(workflow::filing_limit_unchecked(intake.policy, case));
    }
    Ok(warnings)
}

/// Marks an imported case that lacks what its state needs: its opening
/// `imported` event names the forced check and what is missing. Returns
/// the notice for the officer; nothing when the record is complete or was
/// not opened by the import (a full history is kept as it is).
fn mark_incomplete(policy: &Policy, case: &mut Case) -> Option<String> {
    let missing = workflow::incomplete_record(policy, case);
    let first = case.history.first_mut()?;
    if missing.is_empty() || first.action() != Action::Imported {
        return None;
    }
    let fields: Vec<&str> = missing.iter().map(|(f, _)| f.as_str()).collect();
    let lang = policy.language;
    let what = crate::msg!(
        lang,
        "note-imported-incomplete",
        fields = crate::messages::join(lang, &fields)
    );
    first.forced.push(INCOMPLETE_RECORD.to_string());
    first.note = Some(what.clone());
    Some(crate::msg!(
        lang,
        "import-incomplete-kept",
        fields = crate::messages::join(lang, &fields)
    ))
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
    let opening = if intake.action == Action::Imported {
        let to = (status != intake.policy.initial_state()).then(|| status.to_string());
        EventKind::Imported { to }
    } else {
        EventKind::Registered
    };
    let mut events = vec![Event::new(at, intake.by, opening)];
    if let Some(assignee) = assignee.filter(|a| *a != intake.by) {
        let handover = EventKind::Assigned {
            from: None,
            to: Some(assignee.to_string()),
        };
        events.push(Event::new(at, intake.by, handover));
    }
    events
}

/// Turns codes given as labels (`status: 已受理`, `channel: 电话`) into the
/// codes themselves; a value that names nothing is left for the checks
/// below, unless it is close to a code, which is then suggested.
fn resolve_codes(draft: &mut Draft, policy: &Policy, errors: &mut Vec<FieldError>) {
    use crate::policy::codes::CodeKind;
    let fields: [(&str, CodeKind, &mut Option<String>); 8] = [
        ("status", CodeKind::State, &mut draft.status),
        ("channel", CodeKind::Channel, &mut draft.channel),
        ("category", CodeKind::Category, &mut draft.category),
        ("type", CodeKind::Type, &mut draft.case_type),
        ("cause", CodeKind::Cause, &mut draft.cause),
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

/// The check `import --force` names when it keeps an incomplete record.
pub const INCOMPLETE_RECORD: &str = "incomplete-record";

/// Whether the case was imported with `--force` despite lacking what its
/// state needs (its `imported` event says so).
pub fn forced_incomplete(case: &Case) -> bool {
    case.history.first().is_some_and(|e| {
        e.action() == Action::Imported && e.forced.iter().any(|f| f == INCOMPLETE_RECORD)
    })
}

/// Checks a whole case against the policy: known codes and states, text
/// limits, representative indexes, dates in range, a history the commands
/// could have written (in time order, known states, allowed moves, the
/// status where the latest move went), and what its state needs. The one
/// validation of `register`, `import`, `edit` and `check`.
pub fn check_against_policy(policy: &Policy, case: &Case) -> Vec<FieldError> {
    let mut errors = unknown_codes(policy, case);
    if case.representatives.len() > policy.max_representatives {
        errors.push(field_error(
            "representatives",
            crate::msg!(
                policy.language,
                "case-too-many-representatives",
                count = case.representatives.len(),
                max = policy.max_representatives
            ),
        ));
    }
    errors.extend(record_date_errors(case));
    errors.extend(
        history_order_problems(case)
            .into_iter()
            .map(|m| field_error("history", m)),
    );
    errors.extend(workflow_problems(policy, case).into_iter().map(|m| {
        let field = if m.starts_with("`status`") {
            "status"
        } else {
            "history"
        };
        field_error(field, m)
    }));
    if !forced_incomplete(case) {
        errors.extend(
            workflow::incomplete_record(policy, case)
                .into_iter()
                .map(|(field, message)| field_error(&field, message)),
        );
    }
    if let Err(message) = crate::storage::casefile::validate_case(case) {
        errors.push(field_error(WHOLE_CASE, message.to_string()));
    }
    errors.extend(foreign_files(case));
    errors
}

/// Stored files a history records outside the case's own folders: `check`
/// reports them and `import` refuses them, so `detach` or a dossier never
/// reaches another case's evidence or a file outside the workspace.
fn foreign_files(case: &Case) -> Vec<FieldError> {
    case.history
        .iter()
        .filter_map(Event::stored_file)
        .filter(|file| !case.id.owns_stored_file(file))
        .map(|file| {
            field_error(
                "history",
                crate::said!("stored-path-foreign", id = case.id, file = file),
            )
        })
        .collect()
}

/// The category, channel, state and outcome of `case` that `policy` does
/// not define, each named with the codes it does.
fn unknown_codes(policy: &Policy, case: &Case) -> Vec<FieldError> {
    use crate::messages::said::Said;
    use crate::policy::codes::CodeKind;
    let lang = policy.language;
    // `field` names a code not among `codes`: the sentence `said` tells
    // it with the codes known.
    let unknown =
        |field, value: &Option<String>, codes: &[Code], said: fn(&str, String) -> Said| {
            let code = value
                .as_deref()
                .filter(|v| !codes.iter().any(|c| c.code == *v))?;
            Some(field_error(
                field,
                said(code, crate::policy::list_codes(lang, codes)),
            ))
        };
    let mut errors = Vec::new();
    if !policy.categories.is_empty() {
        errors.extend(unknown(
            "category",
            &case.category,
            &policy.categories,
            |code, known| crate::said!("case-unknown-category", code = code, known = known),
        ));
    }
    for (field, kind, value) in [
        ("type", CodeKind::Type, &case.case_type),
        ("cause", CodeKind::Cause, &case.cause),
    ] {
        let codes = policy.codes(kind);
        if let Some(code) = value
            && !codes.iter().any(|c| &c.code == code)
        {
            errors.push(field_error(
                field,
                crate::msg!(
                    lang,
                    "case-unknown-code",
                    kind = kind.word(lang),
                    code = code,
                    known = crate::policy::list_codes(lang, &codes)
                ),
            ));
        }
    }
    errors.extend(unknown(
        "channel",
        &case.channel,
        &policy.channels,
        |code, known| crate::said!("case-unknown-channel", code = code, known = known),
    ));
    if policy.state(&case.status).is_none() {
        errors.push(field_error(
            "status",
            crate::said!(
                "case-unknown-state",
                code = case.status,
                known = crate::messages::join(lang, &policy.state_names())
            ),
        ));
    }
    errors.extend(unknown(
        "outcome",
        &case.outcome,
        &policy.outcomes,
        |code, known| crate::said!("case-unknown-outcome", code = code, known = known),
    ));
    errors
}

/// The history opens with `registered` or `imported`, has only one such
/// event, and never goes back in time.
pub fn history_order_problems(case: &Case) -> Vec<Text> {
    let mut problems = Vec::new();
    let opening = |a: Action| matches!(a, Action::Registered | Action::Imported);
    if let Some(first) = case.history.first()
        && !opening(first.action())
    {
        problems.push(crate::said!("history-first", action = first.action().as_str()).into());
    }
    let extra = case
        .history
        .iter()
        .skip(1)
        .filter(|e| opening(e.action()))
        .count();
    if extra > 0 {
        problems.push(crate::said!("history-opened-twice", count = extra + 1).into());
    }
    for (i, pair) in case.history.windows(2).enumerate() {
        if pair[1].at < pair[0].at {
            problems.push(
                crate::said!(
                    "history-backwards",
                    n = i + 2,
                    action = pair[1].action().as_str(),
                    at = pair[1].at.to_rfc3339(),
                    above = pair[0].at.to_rfc3339()
                )
                .into(),
            );
        }
    }
    problems
}

/// Each status event is a move the workflow allows, from a state the case
/// had reached, and `status` is where the latest one went (by time; see
/// [`crate::model::status_from_history`]).
///
/// Moves are checked one by one rather than as a single chain: when two
/// clones advanced the same case concurrently, the merged history holds
/// both moves from the same state, which is what happened, not damage.
fn workflow_problems(policy: &Policy, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let initial = case
        .history
        .first()
        .and_then(|e| match &e.what {
            EventKind::Imported { to } => to.clone(),
            _ => None,
        })
        .unwrap_or_else(|| policy.initial_state().to_string());
    let mut reached: Vec<String> = vec![initial.clone()];
    for (i, event) in case.history.iter().enumerate() {
        let Some(moved) = event.status_move() else {
            continue;
        };
        let n = i + 1;
        let to = moved.to.as_str();
        let Some(from) = moved.from.as_deref() else {
            problems.push(crate::msg!(
                policy.language,
                "history-status-incomplete",
                n = n
            ));
            continue;
        };
        if let Some(unknown) = [from, to].into_iter().find(|s| policy.state(s).is_none()) {
            problems.push(crate::msg!(
                policy.language,
                "history-unknown-state",
                n = n,
                state = unknown,
                states = policy.state_names().join(", ")
            ));
            continue;
        }
        if !reached.iter().any(|s| s == from) {
            problems.push(crate::msg!(
                policy.language,
                "history-not-reached",
                n = n,
                from = state_word(policy, from)
            ));
        }
        let on_the_spot = moved.on_the_spot
            && from == policy.initial_state()
            && policy.on_the_spot.iter().any(|s| s == to);
        if !on_the_spot && !move_allowed(policy, &case.history[..i], from, to) {
            problems.push(crate::msg!(
                policy.language,
                "history-not-allowed",
                n = n,
                from = state_word(policy, from),
                to = state_word(policy, to)
            ));
        }
        reached.push(to.to_string());
    }
    let current = crate::model::status_from_history(&case.history).unwrap_or(&initial);
    if case.status != current {
        problems.push(crate::msg!(
            policy.language,
            "history-status-stale",
            status = state_word(policy, &case.status),
            current = state_word(policy, current)
        ));
    }
    problems
}

/// A state as a message names it: its code in English (as it is typed and
/// stored), its label in Chinese.
fn state_word(policy: &Policy, state: &str) -> String {
    match policy.language {
        crate::messages::Language::En => state.to_string(),
        crate::messages::Language::Zh => policy.state_label(state, policy.language),
    }
}

/// Whether the workflow allows `from → to` after the events `before`:
/// a listed transition, or a suspended case returning where it came from.
fn move_allowed(policy: &Policy, before: &[crate::model::Event], from: &str, to: &str) -> bool {
    if policy
        .transitions
        .get(from)
        .is_some_and(|targets| targets.iter().any(|t| t == to))
    {
        return true;
    }
    policy.suspend_state.as_deref() == Some(from)
        && before
            .iter()
            .rev()
            .filter_map(crate::model::Event::status_move)
            .any(|m| m.to == from && m.from.as_deref() == Some(to))
}

/// Dates of the case outside [`crate::dates::RECORD_YEARS`].
fn record_date_errors(case: &Case) -> Vec<FieldError> {
    use crate::dates::check_record_date;
    let mut errors = Vec::new();
    let mut check = |field: &str, date: chrono::NaiveDate| {
        if let Err(e) = check_record_date(date, field) {
            errors.push(field_error(field, e.to_string()));
        }
    };
    check("received", case.received.date_naive());
    if let Some(end) = case.contract_end {
        check("contract_end", end);
    }
    for (i, event) in case.history.iter().enumerate() {
        check(&format!("history[{i}].at"), event.at.date_naive());
    }
    errors
}

/// Parses a priority name.
pub fn parse_priority(text: &str) -> Result<Priority, Text> {
    [Priority::Normal, Priority::Important, Priority::Urgent]
        .into_iter()
        .find(|p| p.as_str() == text.trim().to_lowercase())
        .ok_or_else(|| crate::said!("unknown-priority", text = text).into())
}

/// Parses a follow-up answer: its code, its Chinese label, or a word
/// people use for it (`很满意`, `一般`, `联系不上`, `拒访`).
pub fn parse_satisfaction(text: &str) -> Result<Satisfaction, Text> {
    let typed = text.trim().to_lowercase();
    let alias = match typed.as_str() {
        "很满意" | "十分满意" => Some(Satisfaction::VerySatisfied),
        "比较满意" | "一般" | "还行" | "basically-satisfied" => Some(Satisfaction::Neutral),
        "不满" | "很不满意" | "非常不满意" => Some(Satisfaction::Dissatisfied),
        "无法联系" | "未接通" | "联系不到" | "失联" => Some(Satisfaction::Unreachable),
        "拒绝" | "拒访" | "不愿回答" => Some(Satisfaction::Declined),
        "匿名" => Some(Satisfaction::Anonymous),
        _ => None,
    };
    alias
        .or_else(|| {
            Satisfaction::ALL
                .into_iter()
                .find(|s| s.as_str() == typed || s.zh() == typed)
        })
        .ok_or_else(|| crate::said!("unknown-satisfaction", text = text).into())
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
    p.legal_representative = clean(p.legal_representative);
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
    fix(&mut case.findings);
    fix(&mut case.agreement);
    for p in &mut case.complainants {
        fix(&mut p.address);
    }
    for e in &mut case.history {
        fix(&mut e.note);
    }
}

#[cfg(test)]
mod tests;
