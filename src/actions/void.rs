//! `plaint void`: a registration entered by mistake is voided, not
//! deleted. The file and its history stay; a `voided` event says why, and
//! the case leaves every figure and default view.

use super::{Actor, Changed};
use crate::error::{Error, Result};
use crate::model::{CaseId, Event, EventKind};
use crate::storage::Workspace;

/// The `forced` name of a void recorded over issued notices.
pub const FORCED_ISSUED_NOTICES: &str = "issued-notices";

/// Voids case `id` with `reason`. A case with issued notices is refused
/// unless `force`: a notice handed to a party is not undone by voiding
/// the case, so the override is recorded on the event with the notices
/// left in the record.
pub fn void(
    ws: &Workspace,
    id: &CaseId,
    reason: &str,
    force: bool,
    actor: &Actor,
) -> Result<Changed> {
    actor.check_clock()?;
    let lang = ws.policy.language;
    let reason = reason.replace("\r\n", "\n").trim().to_string();
    if reason.is_empty() {
        return Err(Error::invalid(crate::msg!(lang, "void-reason-empty")));
    }
    let (case, ()) = ws.update(id, |case| {
        if let Some(voided) = case.voided() {
            return Err(Error::refused(crate::msg!(
                lang,
                "void-already",
                id = case.id,
                date = voided.at.format("%Y-%m-%d %H:%M"),
                by = voided.by
            )));
        }
        let numbers: Vec<String> = case
            .history
            .iter()
            .filter_map(Event::notice)
            .map(|n| n.number.clone())
            .collect();
        if !numbers.is_empty() && !force {
            return Err(Error::refused(crate::msg!(
                lang,
                "void-has-notices",
                id = case.id,
                numbers = crate::messages::join(lang, &numbers)
            )));
        }
        let mut event = Event::new(actor.now, &actor.name, EventKind::Voided { reason });
        if !numbers.is_empty() {
            event.forced.push(FORCED_ISSUED_NOTICES.to_string());
        }
        crate::policy::workflow::insert_event(case, event)
    })?;
    Ok(Changed::written(case))
}
