//! The changes a user can make to cases. Each one is a single
//! read-modify-write under the workspace lock: it validates first and writes
//! only when everything is acceptable, so a refused command changes nothing.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};
use crate::intake::{Built, FieldError, check_against_policy};
use crate::merge::split_conflict;
use crate::model::{Action, Case, CaseId, Event};
use crate::policy::workflow::{self, TransitionRequest};
use crate::storage::Workspace;
use crate::storage::casefile::{conflict_marker_line, parse_case, parse_yaml_case};

/// Who acts, and when.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The acting officer's name.
    pub name: String,
    /// The moment of the action.
    pub now: DateTime<FixedOffset>,
}

/// The result of a change: the case as written and notices for the officer.
#[derive(Debug)]
pub struct Changed {
    /// The case after the change (as on disk).
    pub case: Case,
    /// Whether anything was written.
    pub written: bool,
    /// Notices that did not stop the change.
    pub warnings: Vec<String>,
}

/// Stores a newly built case under a fresh ID.
pub fn register(ws: &Workspace, built: Built) -> Result<Changed> {
    let mut case = built.case;
    let lock = ws.lock()?;
    ws.create_case(&lock, &mut case)?;
    Ok(Changed {
        case,
        written: true,
        warnings: built.warnings,
    })
}

/// Hands the case to `officer`; a no-op when it is theirs already.
pub fn assign(ws: &Workspace, id: &CaseId, officer: &str, actor: &Actor) -> Result<Changed> {
    let officer = officer.trim();
    if officer.is_empty() {
        return Err(Error::Invalid("the officer's name is empty".into()));
    }
    let mut warnings = Vec::new();
    let handlers = &ws.settings.handlers;
    if !handlers.is_empty() && !handlers.iter().any(|h| h == officer) {
        warnings.push(format!(
            "'{officer}' is not among the handlers in plaint.yaml ({})",
            handlers.join(", ")
        ));
    }
    let lock = ws.lock()?;
    let mut case = ws.read_case(id)?;
    if case.assignee.as_deref() == Some(officer) {
        warnings.push(format!("case {id} is already assigned to {officer}"));
        return Ok(Changed {
            case,
            written: false,
            warnings,
        });
    }
    let mut event = Event::new(
        actor.now.max(last_event_time(&case)),
        &actor.name,
        Action::Assigned,
    );
    event.from = case.assignee.clone();
    event.to = Some(officer.to_string());
    case.history.push(event);
    case.assignee = Some(officer.to_string());
    ws.write_case(&lock, &case)?;
    Ok(Changed {
        case,
        written: true,
        warnings,
    })
}

/// Moves the case to another state. `at` backdates the event (e.g. an
/// acceptance decided on paper yesterday).
pub fn advance(
    ws: &Workspace,
    id: &CaseId,
    request: &TransitionRequest,
    at: Option<DateTime<FixedOffset>>,
    actor: &Actor,
) -> Result<Changed> {
    if let Some(at) = at
        && at > actor.now
    {
        return Err(Error::Invalid(format!(
            "--at {} is in the future",
            at.to_rfc3339()
        )));
    }
    let (case, warnings) = ws.update(id, |case| {
        let when = at.unwrap_or_else(|| actor.now.max(last_event_time(case)));
        workflow::advance(&ws.policy, case, request, when, &actor.name)
    })?;
    Ok(Changed {
        case,
        written: true,
        warnings,
    })
}

/// Appends a note.
pub fn note(ws: &Workspace, id: &CaseId, text: &str, actor: &Actor) -> Result<Changed> {
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(Error::Invalid("the note is empty".into()));
    }
    let (case, ()) = ws.update(id, |case| {
        let mut event = Event::new(
            actor.now.max(last_event_time(case)),
            &actor.name,
            Action::Note,
        );
        event.note = Some(text.trim_end().to_string());
        case.history.push(event);
        Ok(())
    })?;
    Ok(Changed {
        case,
        written: true,
        warnings: Vec::new(),
    })
}

/// Checks the text of an edited case file and builds the case to write:
/// the same ID, the earlier history untouched, the status unchanged (use
/// `advance`), valid under the policy; an `edited` event naming the changed
/// fields is appended. `Ok(None)` when nothing changed.
pub fn apply_edit(
    ws: &Workspace,
    before: &Case,
    edited_text: &str,
    actor: &Actor,
) -> Result<Option<Case>> {
    let mut after = parse_edited(edited_text)?;
    if after.id != before.id {
        return Err(Error::Invalid(format!(
            "the edit changes `id` from {} to {}; IDs cannot change",
            before.id, after.id
        )));
    }
    if after.status != before.status {
        return Err(Error::Invalid(format!(
            "the edit changes `status` from {} to {}; use `plaint advance {} {}` instead",
            before.status, after.status, before.id, after.status
        )));
    }
    if after.history.len() < before.history.len()
        || after.history[..before.history.len()] != before.history[..]
    {
        return Err(Error::Invalid(
            "the edit changes or removes history events; history is append-only (add a note instead)".into(),
        ));
    }
    crate::intake::normalize_newlines(&mut after);
    let problems: Vec<FieldError> = check_against_policy(&ws.policy, &after);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(Error::Invalid(format!(
            "the edited case is not valid: {}",
            list.join("; ")
        )));
    }
    let fields = changed_fields(before, &after);
    if fields.is_empty() {
        return Ok(None);
    }
    let mut event = Event::new(
        actor.now.max(last_event_time(&after)),
        &actor.name,
        Action::Edited,
    );
    event.fields = fields;
    after.history.push(event);
    Ok(Some(after))
}

/// Parses an edited case, naming a leftover conflict marker plainly.
fn parse_edited(edited_text: &str) -> Result<Case> {
    if let Some(line) = conflict_marker_line(edited_text) {
        return Err(Error::Invalid(format!(
            "the edited case still has a git conflict marker at line {line}; keep one side of each conflict and delete the marker lines"
        )));
    }
    parse_yaml_case(edited_text)
        .map_err(|m| Error::Invalid(format!("the edited case is not valid: {m}")))
}

/// The two sides of a case file that a merge left with conflict markers.
#[derive(Clone, Debug)]
pub struct Conflicted {
    /// Our side of every conflict: what `edit` compares the result with.
    pub ours: Case,
    /// Their side, when it parses.
    pub theirs: Option<Case>,
}

/// Reads both sides of a conflicted case file at `path`.
pub fn read_conflicted(text: &str, path: &Path) -> Result<Conflicted> {
    let unreadable = || Error::BadFile {
        path: path.to_path_buf(),
        message: "the git conflict markers do not enclose whole sides plaint can read; \
                  resolve them in a text editor, then run `plaint check`"
            .into(),
    };
    let (ours, theirs) = split_conflict(text).ok_or_else(unreadable)?;
    let ours = parse_case(&ours, path).map_err(|_| unreadable())?;
    let theirs = parse_case(&theirs, path).ok();
    Ok(Conflicted { ours, theirs })
}

/// Checks an edit that resolves a merge conflict and builds the case to
/// write. Unlike [`apply_edit`] it always yields a case (the file on disk
/// has markers), takes `status` from either side, and requires every event
/// of both sides to be kept, in any order; an `edited` event records the
/// resolution.
pub fn apply_resolution(
    ws: &Workspace,
    sides: &Conflicted,
    edited_text: &str,
    actor: &Actor,
) -> Result<Case> {
    let mut after = parse_edited(edited_text)?;
    let ours = &sides.ours;
    if after.id != ours.id {
        return Err(Error::Invalid(format!(
            "the edit changes `id` from {} to {}; IDs cannot change",
            ours.id, after.id
        )));
    }
    let theirs_status = sides.theirs.as_ref().map(|t| t.status.as_str());
    if after.status != ours.status && Some(after.status.as_str()) != theirs_status {
        return Err(Error::Invalid(format!(
            "the resolution sets `status` to {}, which neither side had; use `plaint advance` afterwards",
            after.status
        )));
    }
    let lost = [Some(ours), sides.theirs.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|side| side.history.iter())
        .any(|e| !after.history.contains(e));
    if lost {
        return Err(Error::Invalid(
            "the resolution drops history events; keep the events of both sides (history is append-only)".into(),
        ));
    }
    crate::intake::normalize_newlines(&mut after);
    let problems: Vec<FieldError> = check_against_policy(&ws.policy, &after);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(Error::Invalid(format!(
            "the edited case is not valid: {}",
            list.join("; ")
        )));
    }
    let mut event = Event::new(
        actor.now.max(last_event_time(&after)),
        &actor.name,
        Action::Edited,
    );
    event.fields = changed_fields(ours, &after);
    event.note = Some("resolved a merge conflict".into());
    after.history.push(event);
    Ok(after)
}

/// The top-level fields whose values differ between two versions of a case.
pub fn changed_fields(before: &Case, after: &Case) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.dedup();
    let mut fields: Vec<String> = keys
        .into_iter()
        .filter(|k| k.as_str() != "history" && a.get(*k) != b.get(*k))
        .cloned()
        .collect();
    fields.sort();
    fields.dedup();
    fields
}

/// The time of the latest event: new events are never dated before it, so
/// history reads in order even when clocks of two clones disagree.
pub fn last_event_time(case: &Case) -> DateTime<FixedOffset> {
    case.history
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(case.received)
}
