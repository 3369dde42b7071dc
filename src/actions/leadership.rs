//! Acts reserved to a role and their approvals (`plaint approve`,
//! `--approved-by`), checked against `plaint.yaml`'s roles and the
//! policy's permissions. A workspace without roles checks nothing.

use super::{Actor, Changed, change_noting, check_length, follow_history};
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
    change_noting(ws, id, Vec::new(), |case, warnings| {
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
        let event = Event::new(actor.now, &actor.name, kind).noted(note);
        workflow::insert_event(case, event)?;
        Ok(Update::Write(()))
    })
}

/// Records that case `id` went to leadership: to `to`, for `reason`. When
/// roles are set, `to` must hold a role the policy escalates to. The
/// leader's instruction is then due within the policy's working days, if
/// it sets them; without them the escalation waits with no clock, and the
/// warning says where to set one.
pub fn escalate(
    ws: &Workspace,
    id: &CaseId,
    to: &str,
    reason: &str,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let lang = ws.policy.language;
    let (to, reason) = (to.trim(), reason.replace("\r\n", "\n").trim().to_string());
    if to.is_empty() || reason.is_empty() {
        return Err(Error::invalid(crate::msg!(lang, "escalate-empty")));
    }
    check_length(lang, &reason)?;
    check_length(lang, to)?;
    let staff = Staff::new(&ws.settings.roles);
    let roles = &ws.policy.escalation.to;
    if staff.is_set() && !staff.holds(to, roles) {
        return Err(Error::refused(crate::msg!(
            lang,
            "escalate-not-leader",
            to = to,
            roles = roles_text(lang, roles),
            holders = holders_text(ws, roles)
        )));
    }
    let (case, mut warnings) = ws.update(id, |case| {
        refuse_closed(ws, case, "escalate-final")?;
        let warnings: Vec<String> = follow_history(&ws.policy, case, actor)?
            .into_iter()
            .collect();
        let kind = EventKind::Escalated {
            to: to.to_string(),
            reason: Some(reason.clone()),
        };
        workflow::insert_event(case, Event::new(actor.now, &actor.name, kind))?;
        Ok(warnings)
    })?;
    if ws.policy.escalation.instruction_workdays.is_none() {
        warnings.push(crate::msg!(lang, "escalation-no-clock"));
    }
    Ok(Changed::written(case).noting(warnings))
}

/// Refuses a step on a case that has left the workflow.
fn refuse_closed(ws: &Workspace, case: &Case, id: &'static str) -> Result<()> {
    let status = crate::deadline::current_status(case, &ws.policy);
    if ws.policy.is_open(status) {
        return Ok(());
    }
    let lang = ws.policy.language;
    let state = ws.policy.state_label(status, lang);
    Err(Error::refused(match id {
        "escalate-final" => crate::msg!(lang, "escalate-final", id = case.id, state = state),
        _ => crate::msg!(lang, "instruct-final", id = case.id, state = state),
    }))
}

/// Records a leader's instruction (督办, 批示) on escalated case `id`; it
/// meets the escalation waiting for it. When roles are set, only the
/// leader the case was escalated to, or someone holding a role the
/// policy escalates to or reserves `instruct` to, may give it.
pub fn instruct(ws: &Workspace, id: &CaseId, text: &str, actor: &Actor) -> Result<Changed> {
    actor.check_clock()?;
    let lang = ws.policy.language;
    let text = text.replace("\r\n", "\n").trim().to_string();
    if text.is_empty() {
        return Err(Error::invalid(crate::msg!(lang, "instruct-empty")));
    }
    check_length(lang, &text)?;
    let staff = Staff::new(&ws.settings.roles);
    let (case, warnings) = ws.update(id, |case| {
        let waiting = crate::policy::leadership::waiting_escalations(case);
        let Some(first) = waiting.first() else {
            return Err(Error::refused(crate::msg!(
                lang,
                "instruct-not-escalated",
                id = case.id
            )));
        };
        let addressed = waiting.iter().any(|e| {
            matches!(&e.what, EventKind::Escalated { to, .. } if to.trim() == actor.name.trim())
        });
        let mut roles = ws.policy.escalation.to.clone();
        roles.extend(
            ws.policy
                .permissions
                .get(&Duty::Instruct)
                .cloned()
                .unwrap_or_default(),
        );
        if staff.is_set() && !addressed && !staff.holds(&actor.name, &roles) {
            let to = match &first.what {
                EventKind::Escalated { to, .. } => to.clone(),
                _ => String::new(),
            };
            return Err(Error::refused(crate::msg!(
                lang,
                "instruct-not-leader",
                name = actor.name,
                id = case.id,
                to = to,
                roles = roles_text(lang, &roles),
                holders = holders_text(ws, &roles)
            )));
        }
        refuse_closed(ws, case, "instruct-final")?;
        let warnings: Vec<String> = follow_history(&ws.policy, case, actor)?
            .into_iter()
            .collect();
        let mut event = Event::new(actor.now, &actor.name, EventKind::Instructed);
        event.note = Some(text.clone());
        workflow::insert_event(case, event)?;
        Ok(warnings)
    })?;
    Ok(Changed::written(case).noting(warnings))
}

/// Records the routing (派单) `case` needs (see [`routing`]); returns
/// to whom and why, for [`routed_notices`] once the case has its ID.
pub fn route(
    ws: &Workspace,
    case: &mut Case,
    repeat: bool,
    at: chrono::DateTime<chrono::FixedOffset>,
    by: &str,
) -> Result<Vec<(String, String)>> {
    let mut routed = Vec::new();
    for event in routing(ws, case, repeat, at, by) {
        if let EventKind::Routed { to, reason } = &event.what {
            routed.push((to.clone(), reason.clone()));
        }
        workflow::insert_event(case, event)?;
    }
    Ok(routed)
}

/// What the officer is told about each routing of case `id`.
pub fn routed_notices(ws: &Workspace, id: &CaseId, routed: &[(String, String)]) -> Vec<String> {
    let lang = ws.policy.language;
    routed
        .iter()
        .map(|(to, reason)| {
            crate::msg!(
                lang,
                "routed-to",
                id = id,
                to = to,
                why = crate::policy::leadership::route_why_text(lang, reason)
            )
        })
        .collect()
}

/// The routing (派单) events `case` needs and has not had: to the leader
/// the policy routes important cases to, when it is important or urgent,
/// and repeat cases to, when `repeat`. One event per reason, once.
pub fn routing(
    ws: &Workspace,
    case: &Case,
    repeat: bool,
    at: chrono::DateTime<chrono::FixedOffset>,
    by: &str,
) -> Vec<Event> {
    use crate::policy::leadership::RouteWhy;
    let wanted = [
        (RouteWhy::Important, is_important(case.priority)),
        (RouteWhy::Repeat, repeat),
    ];
    wanted
        .into_iter()
        .filter(|(_, applies)| *applies)
        .filter_map(|(why, _)| Some((why, ws.policy.escalation.routes(why)?)))
        .filter(|(why, _)| {
            !case.history.iter().any(
                |e| matches!(&e.what, EventKind::Routed { reason, .. } if reason == why.as_str()),
            )
        })
        .map(|(why, to)| {
            let kind = EventKind::Routed {
                to: to.to_string(),
                reason: why.as_str().to_string(),
            };
            Event::new(at, by, kind)
        })
        .collect()
}
