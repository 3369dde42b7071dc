//! Acts reserved to a role and their approvals (`plaint approve`,
//! `--approved-by`), checked against `plaint.yaml`'s roles and the
//! policy's permissions. A workspace without roles checks nothing.

use super::{Actor, Changed, follow_history};
use crate::error::{Error, Result};
use crate::model::{Case, CaseId, Event, EventKind};
use crate::policy::Language;
use crate::policy::leadership::{Duty, Staff, audit, duties_of, is_important, role_label};
use crate::policy::workflow;
use crate::storage::{Update, Workspace};

/// The roles `roles` as a person reads them, joined.
pub fn roles_text(lang: Language, roles: &[String]) -> String {
    let labels: Vec<String> = roles.iter().map(|r| role_label(r, lang)).collect();
    crate::messages::join(lang, &labels)
}

/// Who holds one of `roles`, joined, or a word that nobody does.
pub fn holders_text(ws: &Workspace, roles: &[String]) -> String {
    let lang = ws.policy.language;
    let holders = Staff::new(&ws.settings.roles).holders(roles);
    if holders.is_empty() {
        crate::msg!(lang, "role-holders-none")
    } else {
        crate::messages::join(lang, &holders)
    }
}

/// The roles `duty` needs in this workspace, when it needs any: roles
/// are set in `plaint.yaml` and the policy reserves the act.
pub fn needed(ws: &Workspace, duty: Duty) -> Option<&[String]> {
    if !Staff::new(&ws.settings.roles).is_set() {
        return None;
    }
    ws.policy
        .permissions
        .get(&duty)
        .map(Vec::as_slice)
        .filter(|r| !r.is_empty())
}

/// The refusal of `duty` to `name`, saying who may do it and how to get
/// an approval.
fn refusal(ws: &Workspace, case: &Case, duty: Duty, name: &str, roles: &[String]) -> Error {
    let lang = ws.policy.language;
    Error::refused(crate::msg!(
        lang,
        "role-needed",
        name = name,
        act = duty.label(lang),
        roles = roles_text(lang, roles),
        holders = holders_text(ws, roles),
        id = case.id,
        code = duty.as_str()
    ))
}

/// Checks that `actor` may record `event` on `case` (the case before the
/// event): every act it performs that the policy reserves to a role is
/// done by a holder, approved with `--approved-by` by one, or approved
/// earlier with `plaint approve` and not yet used. Returns the approval
/// events to record with it, and a warning when `--approved-by` was given
/// for an event that needs no approval.
pub fn authorize(
    ws: &Workspace,
    case: &Case,
    event: &Event,
    actor: &Actor,
) -> Result<(Vec<Event>, Option<String>)> {
    let lang = ws.policy.language;
    let staff = Staff::new(&ws.settings.roles);
    let duties = duties_of(&ws.policy, event, is_important(case.priority));
    let pending = audit(&ws.policy, staff, case).1;
    let mut approvals = Vec::new();
    for duty in &duties {
        let Some(roles) = needed(ws, *duty) else {
            continue;
        };
        if let Some(approver) = actor.approved_by.as_deref() {
            if !staff.holds(approver, roles) {
                return Err(Error::refused(crate::msg!(
                    lang,
                    "approver-lacks-role",
                    approver = approver,
                    act = duty.label(lang),
                    roles = roles_text(lang, roles),
                    holders = holders_text(ws, roles)
                )));
            }
            let kind = EventKind::Approved {
                kind: duty.as_str().to_string(),
            };
            approvals.push(Event::new(event.at, approver.trim(), kind));
        } else if !staff.holds(&actor.name, roles) && !pending.contains(duty) {
            return Err(refusal(ws, case, *duty, &actor.name, roles));
        }
    }
    let unused = actor
        .approved_by
        .as_deref()
        .filter(|_| approvals.is_empty())
        .map(|approver| crate::msg!(lang, "approved-by-unused", approver = approver));
    Ok((approvals, unused))
}

/// Inserts `event` into `case` after checking it with [`authorize`],
/// with the approvals it needs; returns the warning `authorize` gave.
pub fn record_authorized(
    ws: &Workspace,
    case: &mut Case,
    event: Event,
    actor: &Actor,
) -> Result<Option<String>> {
    let (approvals, unused) = authorize(ws, case, &event, actor)?;
    for approval in approvals {
        workflow::insert_event(case, approval)?;
    }
    workflow::insert_event(case, event)?;
    Ok(unused)
}

/// The act named `name`, or a usage error listing the acts.
pub fn parse_duty(lang: Language, name: &str) -> Result<Duty> {
    Duty::parse(name).ok_or_else(|| {
        let known: Vec<String> = Duty::ALL
            .iter()
            .map(|d| format!("{} ({})", d.as_str(), d.label(lang)))
            .collect();
        Error::usage(crate::msg!(
            lang,
            "unknown-duty",
            name = name,
            known = crate::messages::join(lang, &known)
        ))
    })
}

/// Records that `actor`, holding the role the act needs, approves `duty`
/// on case `id`: the next such act on the case, by anyone, uses it. An
/// approval still unused is not recorded twice.
pub fn approve(
    ws: &Workspace,
    id: &CaseId,
    duty: Duty,
    note: Option<&str>,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let lang = ws.policy.language;
    let Some(roles) = needed(ws, duty) else {
        return Err(Error::refused(crate::msg!(
            lang,
            "approve-not-needed",
            act = duty.label(lang)
        )));
    };
    let staff = Staff::new(&ws.settings.roles);
    let mut warnings = Vec::new();
    let (case, (), written) = ws.update_or_keep(id, |case| {
        if !staff.holds(&actor.name, roles) {
            return Err(Error::refused(crate::msg!(
                lang,
                "approve-not-holder",
                name = actor.name,
                act = duty.label(lang),
                roles = roles_text(lang, roles),
                holders = holders_text(ws, roles)
            )));
        }
        if audit(&ws.policy, staff, case).1.contains(&duty) {
            warnings.push(crate::msg!(
                lang,
                "approval-pending",
                id = id,
                act = duty.label(lang)
            ));
            return Ok(Update::Keep(()));
        }
        warnings.extend(follow_history(&ws.policy, case, actor)?);
        let kind = EventKind::Approved {
            kind: duty.as_str().to_string(),
        };
        let mut event = Event::new(actor.now, &actor.name, kind);
        event.note = note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from);
        workflow::insert_event(case, event)?;
        Ok(Update::Write(()))
    })?;
    Ok(Changed {
        case,
        written,
        warnings,
    })
}
