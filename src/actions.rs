//! The changes a user can make to cases. Each one is a single
//! read-modify-write under the workspace lock: it validates first and writes
//! only when everything is acceptable, so a refused command changes nothing.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};
use crate::git::merge::split_conflict;
use crate::intake::{Built, FieldError, check_against_policy};
use crate::model::event::{FORCED_EXTENSION, PROMISE_KEPT};
use crate::model::{Case, CaseId, Event, EventKind, Extension};
use crate::policy::Policy;
use crate::policy::workflow::{self, FromHistory, TransitionRequest};
use crate::storage::casefile::{conflict_marker_line, parse_case, parse_yaml_case};
use crate::storage::{Update, Workspace};

pub mod appraisal;
mod void;
pub use void::{FORCED_ISSUED_NOTICES, void};

/// Who acts, and when.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The acting officer's name.
    pub name: String,
    /// The moment of the action (`PLAINT_NOW`, or the computer's clock).
    pub now: DateTime<FixedOffset>,
    /// What the computer's clock says: no event is recorded after it.
    pub clock: DateTime<FixedOffset>,
    /// Who approved the act, for an act reserved to a role the actor
    /// does not hold (`--approved-by`): recorded as its own event.
    pub approved_by: Option<String>,
}

/// How far `PLAINT_NOW` may run ahead of the computer's clock (clocks of
/// two machines are never exactly equal).
const CLOCK_SLACK_MINUTES: i64 = 5;

impl Actor {
    /// Refuses to record anything at a moment later than the computer's
    /// clock, as `--at` in the future is refused.
    pub fn check_clock(&self) -> Result<()> {
        if self.now > self.clock + chrono::Duration::minutes(CLOCK_SLACK_MINUTES) {
            return Err(Error::invalid(crate::said!(
                "clock-ahead",
                now = self.now.to_rfc3339(),
                clock = self.clock.to_rfc3339()
            )));
        }
        Ok(())
    }
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

impl Changed {
    /// Adds the notices, if there are any (an `Option` adds one or none).
    fn noting(mut self, notices: impl IntoIterator<Item = String>) -> Self {
        self.warnings.extend(notices);
        self
    }

    /// A case written without notices.
    fn written(case: Case) -> Self {
        Changed {
            case,
            written: true,
            warnings: Vec::new(),
        }
    }
}

/// Stores a newly built case under a fresh ID.
/// A repeat complaint (the complainant has an earlier case) is flagged and,
/// when the policy says so, raised in priority.
pub fn register(ws: &Workspace, built: Built) -> Result<Changed> {
    let mut case = built.case;
    let mut warnings = built.warnings;
    let earlier = crate::storage::contacts::earlier_cases(ws, &case)?;
    if earlier.is_repeat() {
        warnings.push(crate::msg!(
            ws.policy.language,
            "repeat-complaint",
            ids = earlier_list(&earlier, ws.policy.language)
        ));
        if let Some(raised) = ws.policy.repeat_priority
            && raised < case.priority
        {
            case.priority = raised;
        }
    }
    let routed = match case.history.first().map(|e| (e.at, e.by.clone())) {
        Some((at, by)) => leadership::route(ws, &mut case, earlier.is_repeat(), at, &by)?,
        None => Vec::new(),
    };
    let lock = ws.lock()?;
    ws.create_case(&lock, &mut case)?;
    warnings.extend(leadership::routed_notices(ws, &case.id, &routed));
    Ok(Changed::written(case).noting(warnings))
}

/// The most recent earlier cases, and how many more there are.
pub fn earlier_list(
    earlier: &crate::storage::contacts::Earlier,
    language: crate::policy::Language,
) -> String {
    let ids: Vec<String> = earlier
        .recent
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    let more = earlier.count - earlier.recent.len();
    if more == 0 {
        crate::messages::join(language, &ids)
    } else {
        crate::msg!(
            language,
            "repeat-older",
            ids = crate::messages::join(language, &ids),
            more = more,
            count = earlier.count
        )
    }
}

/// Hands the case to `officer`; a no-op when it is theirs already.
pub fn assign(
    ws: &Workspace,
    id: &CaseId,
    officer: &str,
    note: Option<&str>,
    actor: &Actor,
) -> Result<Changed> {
    assign_forced(ws, id, officer, note, false, actor)
}

/// [`assign`], where `force` takes a name that looks like a slip for a
/// listed one (`李铭` for 李明) as meant: without it, such a name is refused
/// with the listed one suggested.
pub fn assign_forced(
    ws: &Workspace,
    id: &CaseId,
    officer: &str,
    note: Option<&str>,
    force: bool,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let officer = required(officer, || crate::msg!(ws.policy.language, "officer-empty"))?;
    let warnings: Vec<String> = crate::policy::people::check_handler(
        &ws.settings,
        ws.policy.language,
        officer,
        Some(force),
    )?
    .into_iter()
    .collect();
    change_noting(ws, id, warnings, |case, warnings| {
        warnings.extend(follow_history(&ws.policy, case, actor)?);
        if case.assignee.as_deref() == Some(officer) {
            warnings.push(crate::msg!(
                ws.policy.language,
                "already-assigned",
                id = id,
                officer = officer
            ));
            return Ok(Update::Keep(()));
        }
        let assigned = EventKind::Assigned {
            from: case.assignee.clone(),
            to: Some(officer.to_string()),
        };
        let event = Event::new(actor.now, &actor.name, assigned).noted(note);
        workflow::insert_event(case, event)?;
        case.assignee = Some(officer.to_string());
        Ok(Update::Write(()))
    })
}

/// Changes case `id` with `change`, which may also keep it as it is;
/// the notices it adds follow `warnings`.
fn change_noting(
    ws: &Workspace,
    id: &CaseId,
    mut warnings: Vec<String>,
    change: impl FnOnce(&mut Case, &mut Vec<String>) -> Result<Update<()>>,
) -> Result<Changed> {
    let (case, (), written) = ws.update_or_keep(id, |case| change(case, &mut warnings))?;
    Ok(Changed {
        case,
        written,
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
    check_not_future(at, actor)?;
    let (case, warnings) = ws.update(id, |case| {
        let mut warnings: Vec<String> = follow_history(&ws.policy, case, actor)?
            .into_iter()
            .collect();
        let when = at.unwrap_or(actor.now);
        let before = case.clone();
        warnings.extend(workflow::advance(
            &ws.policy,
            &ws.calendar,
            case,
            request,
            when,
            &actor.name,
        )?);
        warnings.extend(authorize_move(ws, &before, case, actor)?);
        check_moved(ws, case)?;
        Ok(warnings)
    })?;
    Ok(Changed::written(case).noting(warnings))
}

/// Checks the move `advance` just recorded on `case` (`before` it)
/// against the acts reserved to a role, and records the approvals given
/// with `--approved-by`.
fn authorize_move(
    ws: &Workspace,
    before: &Case,
    case: &mut Case,
    actor: &Actor,
) -> Result<Option<String>> {
    let Some(moved) = case
        .history
        .iter()
        .rev()
        .find(|e| e.status_move().is_some() && !before.history.contains(e))
        .cloned()
    else {
        return Ok(None);
    };
    let (approvals, unused) = leadership::authorize(ws, before, &moved, actor)?;
    for approval in approvals {
        workflow::insert_event(case, approval)?;
    }
    Ok(unused)
}

/// Refuses a move whose result the one validation of every case
/// ([`check_against_policy`]) would reject, so `check` accepts whatever
/// `advance` writes.
fn check_moved(ws: &Workspace, case: &Case) -> Result<()> {
    let problems = check_against_policy(&ws.policy, case);
    if problems.is_empty() {
        return Ok(());
    }
    let lang = ws.policy.language;
    Err(Error::refused(crate::said!(
        "cannot-move-check",
        id = case.id,
        state = ws.policy.state_label(&case.status, lang),
        problems = FieldError::render_all(&problems, lang)
    )))
}

/// `text` without surrounding white space; refused as invalid, with the
/// message `empty` gives, when nothing is left.
fn required(text: &str, empty: impl FnOnce() -> String) -> Result<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(empty()));
    }
    Ok(text)
}

/// Appends a note.
pub fn note(ws: &Workspace, id: &CaseId, text: &str, actor: &Actor) -> Result<Changed> {
    actor.check_clock()?;
    let text = text.replace("\r\n", "\n");
    required(&text, || crate::msg!(ws.policy.language, "note-empty"))?;
    let (case, repaired) = ws.update(id, |case| {
        let repaired = follow_history(&ws.policy, case, actor)?;
        let mut event = Event::new(actor.now, &actor.name, EventKind::Note);
        event.note = Some(text.trim_end().to_string());
        workflow::insert_event(case, event)?;
        Ok(repaired)
    })?;
    Ok(Changed::written(case).noting(repaired))
}

/// A free-text field an officer writes by command: the complainant's
/// demands and facts (often taken down after the call), what the
/// investigation found, the agreement the parties reached, the
/// corrective measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// `demands` (投诉请求): what the complainant asks for.
    Demands,
    /// `facts` (事实与理由): the complainant's account.
    Facts,
    /// `findings` (经查): what a final reply or decision states as found.
    Findings,
    /// `agreement`: the mediation agreement or settlement.
    Agreement,
    /// `measures` (整改措施).
    Measures,
}

impl TextField {
    /// The field's name in case files.
    pub fn name(self) -> &'static str {
        match self {
            TextField::Demands => "demands",
            TextField::Facts => "facts",
            TextField::Findings => "findings",
            TextField::Agreement => "agreement",
            TextField::Measures => "measures",
        }
    }

    /// The field of `case` this names.
    pub fn of(self, case: &mut Case) -> &mut Option<String> {
        match self {
            TextField::Demands => &mut case.demands,
            TextField::Facts => &mut case.facts,
            TextField::Findings => &mut case.findings,
            TextField::Agreement => &mut case.agreement,
            TextField::Measures => &mut case.measures,
        }
    }
}

/// Writes `text` into `field` of case `id`, recorded as an `edited`
/// event naming the field (the history keeps that it changed; git keeps
/// the earlier text). Empty text is refused: a field is cleared only by
/// `plaint edit`, on purpose. Unchanged text changes nothing.
pub fn set_text(
    ws: &Workspace,
    id: &CaseId,
    field: TextField,
    text: &str,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let text = text.replace("\r\n", "\n").trim_end().to_string();
    if text.trim().is_empty() {
        let lang = ws.policy.language;
        return Err(Error::invalid(crate::said!(
            "set-empty",
            field = crate::messages::field_label(lang, field.name())
        )));
    }
    let (case, repaired, written) = ws.update_or_keep(id, |case| {
        if field.of(case).as_deref() == Some(text.as_str()) {
            return Ok(Update::Keep(None));
        }
        let repaired = follow_history(&ws.policy, case, actor)?;
        *field.of(case) = Some(text.clone());
        crate::storage::casefile::validate_case(case).map_err(Error::invalid)?;
        let fields = vec![field.name().to_string()];
        let event = Event::new(actor.now, &actor.name, EventKind::Edited { fields });
        workflow::insert_event(case, event)?;
        Ok(Update::Write(repaired))
    })?;
    Ok(Changed {
        case,
        written,
        warnings: Vec::new(),
    }
    .noting(repaired))
}

/// Reads the edited text of case `before`'s file: refused when the edit
/// changed the ID.
fn parse_edit_of(ws: &Workspace, before: &Case, edited_text: &str) -> Result<Case> {
    let after = parse_edited(edited_text)?;
    if after.id != before.id {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "edit-changes-id",
            before = before.id,
            after = after.id
        )));
    }
    Ok(after)
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
    actor.check_clock()?;
    let mut after = parse_edit_of(ws, before, edited_text)?;
    if after.status != before.status {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "edit-changes-status",
            before = before.status,
            after = after.status,
            id = before.id
        )));
    }
    if after.history.len() < before.history.len()
        || after.history[..before.history.len()] != before.history[..]
    {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "edit-changes-history"
        )));
    }
    check_edited(ws, &mut after)?;
    let fields = changed_fields(before, &after);
    if fields.is_empty() {
        return Ok(None);
    }
    check_joint_edit(ws, before, &after)?;
    let event = Event::new(actor.now, &actor.name, EventKind::Edited { fields });
    workflow::insert_event(&mut after, event)?;
    follow_history(&ws.policy, &mut after, actor)?;
    // A case made important is routed to the leader the policy names.
    if !crate::policy::leadership::is_important(before.priority) {
        for routed in leadership::routing(ws, &after, false, actor.now, &actor.name) {
            workflow::insert_event(&mut after, routed)?;
        }
    }
    Ok(Some(after))
}

/// A joint complaint's demands and representatives, once set, change only
/// with a recorded consent of all complainants.
fn check_joint_edit(ws: &Workspace, before: &Case, after: &Case) -> Result<()> {
    if !ws.policy.is_joint(before) || workflow::has_fresh_consent(before) {
        return Ok(());
    }
    let step = if before.demands.is_some() && before.demands != after.demands {
        "step-changing-demands"
    } else if !before.representatives.is_empty() && before.representatives != after.representatives
    {
        "step-replacing-representative"
    } else {
        return Ok(());
    };
    Err(Error::refused(workflow::joint_consent_message(
        &ws.policy, before, step,
    )))
}

/// Records the consent of all complainants of a joint complaint to the
/// next step (a settlement, a withdrawal, a change of demands or
/// representatives); it holds until the case changes state.
pub fn consent(ws: &Workspace, id: &CaseId, text: &str, actor: &Actor) -> Result<Changed> {
    actor.check_clock()?;
    let text = required(text, || crate::msg!(ws.policy.language, "consent-empty"))?;
    let (case, ()) = ws.update(id, |case| {
        let consent = EventKind::Consent {
            consent: text.to_string(),
        };
        workflow::insert_event(case, Event::new(actor.now, &actor.name, consent))
    })?;
    Ok(Changed::written(case))
}

/// Parses an edited case, naming a leftover conflict marker plainly.
fn parse_edited(edited_text: &str) -> Result<Case> {
    if let Some(line) = conflict_marker_line(edited_text) {
        return Err(Error::invalid(crate::said!(
            "edit-conflict-marker",
            line = line
        )));
    }
    parse_yaml_case(edited_text).map_err(|m| {
        let bad_date = crate::yaml_error::is_date_problem(&m.english());
        let message = crate::said!("edit-not-valid", problems = m.arg());
        if bad_date {
            Error::bad_date(message)
        } else {
            Error::invalid(message)
        }
    })
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
        message: crate::said!("conflict-sides-unreadable").into(),
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
    actor.check_clock()?;
    let ours = &sides.ours;
    let mut after = parse_edit_of(ws, ours, edited_text)?;
    let theirs_status = sides.theirs.as_ref().map(|t| t.status.as_str());
    if after.status != ours.status && Some(after.status.as_str()) != theirs_status {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "resolution-new-status",
            status = after.status
        )));
    }
    let lost = [Some(ours), sides.theirs.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|side| side.history.iter())
        .any(|e| !after.history.contains(e));
    if lost {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "resolution-drops-history"
        )));
    }
    check_edited(ws, &mut after)?;
    let fields = changed_fields(ours, &after);
    let mut event = Event::new(actor.now, &actor.name, EventKind::Edited { fields });
    event.note = Some(crate::msg!(ws.policy.language, "note-merge-resolved"));
    workflow::insert_event(&mut after, event)?;
    follow_history(&ws.policy, &mut after, actor)?;
    Ok(after)
}

/// Normalizes the line ends of an edited case and checks it against the policy.
fn check_edited(ws: &Workspace, after: &mut Case) -> Result<()> {
    crate::intake::normalize_newlines(after);
    let problems: Vec<FieldError> = check_against_policy(&ws.policy, after);
    if problems.is_empty() {
        return Ok(());
    }
    let problems = FieldError::render_all(&problems, ws.policy.language);
    Err(Error::invalid(crate::said!(
        "edit-not-valid",
        problems = problems
    )))
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

/// Sets `status`, `assignee` and `outcome` back to what the history says
/// when they disagree with it (a merge by an older plaint, a hand edit),
/// and records the repair as an `edited` event naming the fields. Every
/// command that writes a case calls it on the case as read, so it acts on
/// the true state. Returns a notice for the officer.
pub fn follow_history(policy: &Policy, case: &mut Case, actor: &Actor) -> Result<Option<String>> {
    let implied = FromHistory::of(policy, &case.history);
    let found = implied.disagreements(case);
    if found.is_empty() {
        return Ok(None);
    }
    implied.apply(case);
    let lang = policy.language;
    let show = |v: &Option<String>| {
        v.clone()
            .unwrap_or_else(|| crate::messages::text(lang, "check-none").into())
    };
    let changes: Vec<String> = found
        .iter()
        .map(|(field, stored, wanted)| {
            crate::msg!(
                lang,
                "history-followed-change",
                field = crate::messages::field_label(lang, field),
                stored = show(stored),
                wanted = show(wanted)
            )
        })
        .collect();
    let fields = found.iter().map(|(field, ..)| field.to_string()).collect();
    let mut event = Event::new(actor.now, &actor.name, EventKind::Edited { fields });
    event.note = Some(crate::msg!(
        lang,
        "note-history-followed",
        changes = crate::messages::join(lang, &changes)
    ));
    workflow::insert_event(case, event)?;
    Ok(Some(crate::msg!(
        lang,
        "history-followed",
        id = case.id,
        fields = event_fields(lang, &found),
        changes = crate::messages::join(lang, &changes)
    )))
}

fn event_fields(
    lang: crate::messages::Language,
    found: &[(&'static str, Option<String>, Option<String>)],
) -> String {
    let fields: Vec<String> = found
        .iter()
        .map(|(f, ..)| crate::messages::field_label(lang, f))
        .collect();
    crate::messages::join(lang, &fields)
}

/// Records that a milestone was reached; a no-op when it already was.
pub fn mark(
    ws: &Workspace,
    id: &CaseId,
    milestone: &str,
    at: Option<DateTime<FixedOffset>>,
    note: Option<&str>,
    actor: &Actor,
) -> Result<Changed> {
    let promise_kept = milestone == PROMISE_KEPT;
    if !promise_kept && ws.policy.milestone(milestone).is_none() {
        let lang = ws.policy.language;
        return Err(Error::invalid(crate::said!(
            "unknown-milestone",
            milestone = milestone,
            codes = crate::messages::join(
                lang,
                &[
                    crate::policy::list_codes(lang, &ws.policy.milestones).as_str(),
                    PROMISE_KEPT
                ]
            )
        )));
    }
    check_not_future(at, actor)?;
    let (case, notice, written) = ws.update_or_keep(id, |case| {
        record_milestone(ws, case, milestone, at, note, actor)
    })?;
    Ok(Changed {
        case,
        written,
        warnings: notice.into_iter().collect(),
    })
}

/// Records `milestone` on `case` (see [`mark`]); keeps the file as it is
/// when it was recorded already. Returns the notice to give.
fn record_milestone(
    ws: &Workspace,
    case: &mut Case,
    milestone: &str,
    at: Option<DateTime<FixedOffset>>,
    note: Option<&str>,
    actor: &Actor,
) -> Result<Update<Option<String>>> {
    let promise_kept = milestone == PROMISE_KEPT;
    let id = case.id.clone();
    let repaired = follow_history(&ws.policy, case, actor)?;
    if !ws.policy.milestone_allowed_in(milestone, &case.status) {
        return Err(Error::refused(crate::msg!(
            ws.policy.language,
            "milestone-final",
            id = id,
            state = ws.policy.state_label(&case.status, ws.policy.language)
        )));
    }
    if promise_kept && open_promises(case) == 0 {
        return Err(Error::refused(crate::msg!(
            ws.policy.language,
            "no-open-promise",
            id = id
        )));
    }
    if let Some(done) = case
        .history
        .iter()
        .filter(|_| !promise_kept)
        .find(|e| e.milestone() == Some(milestone))
    {
        let lang = ws.policy.language;
        let label = crate::policy::code_label(&ws.policy.milestones, milestone, lang);
        let recorded = done.at.format("%Y-%m-%d %H:%M");
        // The same deed at another time is a correction of the record,
        // which `mark` never makes silently.
        if let Some(at) = at.filter(|at| *at != done.at) {
            return Err(Error::refused(crate::said!(
                "milestone-other-time",
                milestone = label,
                id = id,
                at = recorded,
                asked = at.format("%Y-%m-%d %H:%M")
            )));
        }
        let warning = crate::msg!(
            lang,
            "milestone-already",
            milestone = label,
            id = id,
            at = recorded
        );
        return Ok(Update::Keep(Some(warning)));
    }
    let when = at.unwrap_or(actor.now);
    let reached = EventKind::Milestone {
        milestone: milestone.to_string(),
    };
    let mut event = Event::new(when, &actor.name, reached);
    event.note = note.map(|n| n.replace("\r\n", "\n"));
    workflow::insert_event(case, event)?;
    Ok(Update::Write(repaired))
}

/// The promises made on `case` and not yet kept.
fn open_promises(case: &Case) -> usize {
    let made = case
        .history
        .iter()
        .filter(|e| matches!(e.what, EventKind::Promised { .. }))
        .count();
    let kept = case
        .history
        .iter()
        .filter(|e| e.milestone() == Some(PROMISE_KEPT))
        .count();
    made.saturating_sub(kept)
}

/// Records a promise to the complainant: a reply by `due`, tracked as a
/// deadline until a `promise-kept` milestone keeps it.
pub fn promise(
    ws: &Workspace,
    id: &CaseId,
    due: chrono::NaiveDate,
    note: Option<&str>,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let (case, ()) = ws.update(id, |case| {
        let when = actor.now;
        let status = crate::deadline::current_status(case, &ws.policy);
        if !ws.policy.is_open(status) {
            // A promise on a case that left the workflow could never be kept.
            let lang = ws.policy.language;
            return Err(Error::refused(crate::said!(
                "promise-final",
                id = case.id,
                state = ws.policy.state_label(status, lang)
            )));
        }
        let made = when.with_timezone(&ws.offset).date_naive();
        if due < made {
            return Err(Error::invalid(crate::msg!(
                ws.policy.language,
                "promise-before-made",
                due = due,
                made = made
            )));
        }
        let mut event = Event::new(when, &actor.name, EventKind::Promised { due });
        event.note = note.map(|n| n.replace("\r\n", "\n"));
        workflow::insert_event(case, event)
    })?;
    Ok(Changed::written(case))
}

/// An extension request.
#[derive(Clone, Debug)]
pub struct ExtensionRequest {
    /// The rule to extend.
    pub rule: String,
    /// How much to add; must be positive.
    pub amount: i64,
    /// `Workdays` or `Days`; `None` takes the rule's own unit.
    pub unit: Option<crate::calendar::Unit>,
    /// Why.
    pub reason: String,
    /// Record it anyway: an extension of a rule whose source allows none
    /// (recorded as an override that reports count), or one recorded after
    /// the deadline has passed (the history then says it was late).
    pub force: bool,
}

/// The most an extension may add at once, in days or working days: ten
/// years, beyond any statutory extension, so every due date stays computable.
pub const MAX_EXTENSION: i64 = 3650;

/// Extends a running deadline.
pub fn extend(
    ws: &Workspace,
    id: &CaseId,
    request: &ExtensionRequest,
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let rule = ws.policy.rule(&request.rule)?;
    let unit = extension_unit(ws, rule, request)?;
    let (case, repaired) = ws.update(id, |case| {
        let repaired = follow_history(&ws.policy, case, actor)?;
        let deadline =
            crate::deadline::evaluate_rule(case, &ws.policy, rule, &ws.calendar, ws.offset, today)
                .map_err(|e| Error::invalid(e.describe(ws.policy.language)))?;
        match &deadline {
            None => {
                let lang = ws.policy.language;
                return Err(Error::refused(crate::said!(
                    "extend-not-started",
                    rule = crate::policy::pick(lang, &rule.name, &rule.zh),
                    id = id,
                    start = rule.start
                )));
            }
            Some(d) if !d.state.is_open() => {
                let lang = ws.policy.language;
                return Err(Error::refused(crate::said!(
                    "extend-stopped",
                    rule = crate::policy::pick(lang, &rule.name, &rule.zh),
                    id = id,
                    state =
                        crate::messages::fill(lang, &format!("deadline-{}", d.state.as_str()), &[]),
                    stopped = d.stopped.map(|s| s.to_string()).unwrap_or_default()
                )));
            }
            Some(_) => {}
        }
        let recorded = actor.now.with_timezone(&ws.offset).date_naive();
        let lang = ws.policy.language;
        let mut forced = extension_allowed(rule, deadline.as_ref(), recorded, request.force, lang)?;
        let due = deadline.and_then(|d| d.due);
        let late = due.is_some_and(|due| recorded > due);
        if late && !request.force {
            return Err(Error::refused(crate::said!(
                "extend-late",
                rule = crate::policy::pick(lang, &rule.name, &rule.zh),
                id = id,
                due = due.map(|d| d.to_string()).unwrap_or_default()
            )));
        }
        if late {
            forced.push("late-extension".into());
        }
        let extension = Extension {
            rule: rule.name.clone(),
            amount: request.amount,
            unit: unit.as_str().to_string(),
            reason: Some(request.reason.trim().to_string()),
        };
        let mut event = Event::new(actor.now, &actor.name, EventKind::Extended(extension));
        event.forced = forced;
        let unused = leadership::record_authorized(ws, case, event, actor)?;
        Ok([repaired, unused])
    })?;
    let [repaired, unused] = repaired;
    Ok(Changed::written(case).noting(repaired).noting(unused))
}

/// The unit of a requested extension of `rule`, once its amount, reason
/// and unit are checked.
fn extension_unit(
    ws: &Workspace,
    rule: &crate::policy::rules::DeadlineRule,
    request: &ExtensionRequest,
) -> Result<crate::calendar::Unit> {
    use crate::calendar::Unit;
    if request.amount <= 0 {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "by-not-positive",
            by = request.amount
        )));
    }
    if request.amount > MAX_EXTENSION {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "by-too-large",
            by = request.amount,
            max = MAX_EXTENSION
        )));
    }
    required(&request.reason, || {
        crate::msg!(ws.policy.language, "reason-empty")
    })?;
    let unit = request.unit.unwrap_or(match rule.unit {
        Unit::Workdays => Unit::Workdays,
        Unit::Days | Unit::Months => Unit::Days,
    });
    if unit == Unit::Months {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "extend-unit"
        )));
    }
    Ok(unit)
}

/// The override of an extension the rule does not allow: refused unless
/// forced, and then named in the event so that `report` counts it.
fn extension_allowed(
    rule: &crate::policy::rules::DeadlineRule,
    deadline: Option<&crate::deadline::Deadline>,
    recorded: chrono::NaiveDate,
    force: bool,
    lang: crate::messages::Language,
) -> Result<Vec<String>> {
    use crate::policy::rules::Extendable;
    let basis = crate::policy::basis_in(lang, rule.source.as_deref());
    let refusal = match rule.extendable {
        Extendable::Yes => None,
        Extendable::No => Some(crate::msg!(
            lang,
            "not-extendable",
            rule = crate::policy::pick(lang, &rule.name, &rule.zh),
            basis = basis
        )),
        Extendable::BeforeDue => deadline
            .and_then(|d| d.due)
            .filter(|due| recorded > *due)
            .map(|due| {
                crate::msg!(
                    lang,
                    "extendable-before-due-only",
                    rule = crate::policy::pick(lang, &rule.name, &rule.zh),
                    basis = basis,
                    due = due
                )
            }),
    };
    match refusal {
        None => Ok(Vec::new()),
        Some(_) if force => Ok(vec![FORCED_EXTENSION.to_string()]),
        Some(message) => Err(Error::refused(crate::said!(
            "extension-force-hint",
            message = message
        ))),
    }
}

/// Refuses a text longer than a case file's field may be.
fn check_length(lang: crate::messages::Language, text: &str) -> Result<()> {
    let limit = crate::limits::MAX_FIELD_BYTES;
    if text.len() > limit {
        return Err(Error::invalid(crate::msg!(
            lang,
            "leadership-text-too-long",
            kib = limit / 1024
        )));
    }
    Ok(())
}

fn check_not_future(at: Option<DateTime<FixedOffset>>, actor: &Actor) -> Result<()> {
    actor.check_clock()?;
    match at {
        Some(at) if at > actor.now => Err(Error::invalid(crate::said!(
            "in-the-future",
            what = format!("--at {}", at.format("%Y-%m-%d %H:%M"))
        ))),
        _ => Ok(()),
    }
}

/// Records the follow-up call on a resolved or closed case.
pub fn followup(
    ws: &Workspace,
    id: &CaseId,
    satisfaction: &str,
    note: Option<&str>,
    at: Option<DateTime<FixedOffset>>,
    actor: &Actor,
) -> Result<Changed> {
    let answer = crate::intake::parse_satisfaction(satisfaction).map_err(Error::invalid)?;
    check_not_future(at, actor)?;
    let (case, repaired) = ws.update(id, |case| {
        let repaired = follow_history(&ws.policy, case, actor)?;
        let closing = &crate::reports::stats::CLOSING_ROLES;
        if !ws
            .policy
            .role(&case.status)
            .is_some_and(|r| closing.contains(&r))
        {
            return Err(Error::refused(crate::msg!(
                ws.policy.language,
                "followup-too-early",
                id = id,
                state = ws.policy.state_label(&case.status, ws.policy.language)
            )));
        }
        let when = at.unwrap_or(actor.now);
        let followup = EventKind::Followup {
            satisfaction: answer,
        };
        let mut event = Event::new(when, &actor.name, followup);
        event.note = note.map(|n| n.replace("\r\n", "\n"));
        workflow::insert_event(case, event)?;
        case.satisfaction = Some(answer);
        Ok(repaired)
    })?;
    Ok(Changed::written(case).noting(repaired))
}

pub mod calendar_import;
pub mod leadership;
pub mod parquet;

#[cfg(test)]
mod tests;
