//! `plaint appraise`: appraisal or testing of a special matter (鉴定、检测),
//! where the policy provides for it (the tourism measures, art. 22): the
//! start, with who appraises, how that body was chosen, who applied and
//! who advances and bears the cost, and later the result.

use chrono::{DateTime, FixedOffset};

use super::{Actor, Changed, check_length, check_not_future, follow_history};
use crate::error::{Error, Result};
use crate::model::appraisal::{
    Appraisal, AppraisalKind, Chosen, Outcome, Party, Payer, Record, default_costs, next_number,
    records,
};
use crate::model::{Case, CaseId, Event, EventKind, Yuan};
use crate::policy::workflow;
use crate::storage::Workspace;

/// An appraisal to begin, as the officer gave it; the costs not given
/// follow art. 22 ¶2 ([`default_costs`]).
#[derive(Clone, Debug)]
pub struct Begin {
    /// Appraisal or testing.
    pub kind: AppraisalKind,
    /// The special matter.
    pub matter: String,
    /// The body that appraises.
    pub body: String,
    /// How the body was chosen.
    pub chosen: Chosen,
    /// Who applied.
    pub applied_by: Party,
    /// Who advances the cost, if the officer said.
    pub cost_advanced_by: Option<Payer>,
    /// Who bears it, if the officer said.
    pub cost_borne_by: Option<Payer>,
    /// When it began, if not now.
    pub at: Option<DateTime<FixedOffset>>,
    /// A note recorded with it.
    pub note: Option<String>,
}

/// The result of an appraisal, as the officer gave it.
#[derive(Clone, Debug)]
pub struct Answer {
    /// Which appraisal (none: the only one waiting).
    pub number: Option<u32>,
    /// What the body found.
    pub result: String,
    /// The fee, if known.
    pub fee: Option<Yuan>,
    /// When the result came, if not now.
    pub at: Option<DateTime<FixedOffset>>,
    /// A note recorded with it.
    pub note: Option<String>,
}

/// Begins an appraisal on case `id`; returns the change and the
/// appraisal's number.
pub fn begin(ws: &Workspace, id: &CaseId, begin: Begin, actor: &Actor) -> Result<(Changed, u32)> {
    check_not_future(begin.at, actor)?;
    check_step(ws)?;
    let matter = typed_text(ws, "matter", &begin.matter)?;
    let body = typed_text(ws, "body", &begin.body)?;
    if begin.cost_advanced_by == Some(Payer::Mediation) {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "appraisal-advanced-by-mediation"
        )));
    }
    let (advanced, borne) = default_costs(begin.chosen, begin.applied_by);
    let (case, (number, warnings)) = ws.update(id, |case| {
        refuse_closed(ws, case)?;
        let warnings: Vec<String> = follow_history(&ws.policy, case, actor)?
            .into_iter()
            .collect();
        let number = next_number(&case.history);
        let appraisal = Appraisal {
            number,
            kind: begin.kind,
            matter,
            body,
            chosen: begin.chosen,
            applied_by: begin.applied_by,
            cost_advanced_by: begin.cost_advanced_by.unwrap_or(advanced),
            cost_borne_by: begin.cost_borne_by.unwrap_or(borne),
        };
        let when = begin.at.unwrap_or(actor.now);
        let event = Event::new(when, &actor.name, EventKind::AppraisalStarted(appraisal))
            .noted(begin.note.as_deref());
        workflow::insert_event(case, event)?;
        Ok((number, warnings))
    })?;
    Ok((Changed::written(case).noting(warnings), number))
}

/// Records the result of an appraisal of case `id`; returns the change,
/// and the number and kind of the appraisal answered.
pub fn answer(
    ws: &Workspace,
    id: &CaseId,
    answer: Answer,
    actor: &Actor,
) -> Result<(Changed, u32, AppraisalKind)> {
    check_not_future(answer.at, actor)?;
    check_step(ws)?;
    let result = typed_text(ws, "result", &answer.result)?;
    let (case, (number, kind, warnings)) = ws.update(id, |case| {
        refuse_closed(ws, case)?;
        let (number, kind, began) = waiting(ws, case, answer.number)?;
        let when = answer.at.unwrap_or(actor.now);
        if when < began {
            return Err(Error::invalid(crate::msg!(
                ws.policy.language,
                "appraisal-result-before-start",
                number = number,
                began = began.format("%Y-%m-%d %H:%M"),
                at = when.format("%Y-%m-%d %H:%M")
            )));
        }
        let warnings: Vec<String> = follow_history(&ws.policy, case, actor)?
            .into_iter()
            .collect();
        let outcome = Outcome {
            number,
            result,
            fee: answer.fee,
        };
        let event = Event::new(when, &actor.name, EventKind::AppraisalResult(outcome))
            .noted(answer.note.as_deref());
        workflow::insert_event(case, event)?;
        Ok((number, kind, warnings))
    })?;
    Ok((Changed::written(case).noting(warnings), number, kind))
}

/// The appraisal waiting for its result that `number` names (or the only
/// one waiting): its number, kind and start.
fn waiting(
    ws: &Workspace,
    case: &Case,
    number: Option<u32>,
) -> Result<(u32, AppraisalKind, DateTime<FixedOffset>)> {
    let lang = ws.policy.language;
    let open: Vec<_> = records(&case.history)
        .into_iter()
        .filter(Record::is_open)
        .collect();
    let numbers = || {
        let list: Vec<String> = open
            .iter()
            .map(|r| r.appraisal.number.to_string())
            .collect();
        if list.is_empty() {
            crate::msg!(lang, "appraisal-none")
        } else {
            crate::messages::join(lang, &list)
        }
    };
    let found = match number {
        Some(n) => open
            .iter()
            .find(|r| r.appraisal.number == n)
            .ok_or_else(|| {
                Error::refused(crate::msg!(
                    lang,
                    "appraisal-not-waiting",
                    id = case.id,
                    number = n,
                    numbers = numbers()
                ))
            })?,
        None => match open.as_slice() {
            [] => {
                return Err(Error::refused(crate::msg!(
                    lang,
                    "appraisal-none-open",
                    id = case.id
                )));
            }
            [one] => one,
            _ => {
                return Err(Error::refused(crate::msg!(
                    lang,
                    "appraisal-which",
                    id = case.id,
                    n = open.len(),
                    numbers = numbers()
                )));
            }
        },
    };
    Ok((
        found.appraisal.number,
        found.appraisal.kind,
        found.started.at,
    ))
}

/// Refuses the step where the policy has none.
fn check_step(ws: &Workspace) -> Result<()> {
    if ws.policy.appraisal_source.is_none() {
        return Err(Error::refused(crate::msg!(
            ws.policy.language,
            "appraisal-not-in-policy"
        )));
    }
    Ok(())
}

/// Refuses a step on a case not yet accepted (appraisal is a step of the
/// handling that follows acceptance: art. 22 stands among the handling
/// articles) or that has left the workflow.
fn refuse_closed(ws: &Workspace, case: &Case) -> Result<()> {
    let status = crate::deadline::current_status(case, &ws.policy);
    let lang = ws.policy.language;
    if ws.policy.has_role(status, crate::policy::Role::Intake) {
        return Err(Error::refused(crate::msg!(
            lang,
            "appraisal-before-acceptance",
            id = case.id,
            state = ws.policy.state_label(status, lang)
        )));
    }
    if ws.policy.is_open(status) {
        return Ok(());
    }
    Err(Error::refused(crate::msg!(
        lang,
        "appraisal-final",
        id = case.id,
        state = ws.policy.state_label(status, lang)
    )))
}

/// A text the officer typed for `flag`: line ends made `\n`, trimmed, not
/// empty and not longer than a case file's field may be.
fn typed_text(ws: &Workspace, flag: &str, typed: &str) -> Result<String> {
    let lang = ws.policy.language;
    let text = typed.replace("\r\n", "\n").trim().to_string();
    if text.is_empty() {
        return Err(Error::invalid(crate::msg!(
            lang,
            "appraisal-empty",
            flag = flag
        )));
    }
    check_length(lang, &text)?;
    Ok(text)
}
