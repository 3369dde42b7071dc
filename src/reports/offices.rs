//! The report of several offices: each office's report and the report of
//! them all, for a county that publishes its offices' figures together.
//!
//! The total is counted, not averaged: the offices' tallies (cases by
//! role, deadlines by outcome, working days to close, answers) are added
//! up and the total's rates and medians computed from the sums, so the
//! total's on-time rate is Σmet ÷ Σ(met + missed + overdue), never a mean
//! of the offices' rates.

use chrono::NaiveDate;
use serde::Serialize;

use super::period::Period;
use super::report::{By, Dims, Report, Tally, tally_all};
use crate::error::Error;
use crate::storage::{Snapshot, Workspace};

/// One office to report on.
pub struct Office<'a> {
    /// How the report names it.
    pub name: String,
    /// Its workspace, opened.
    pub ws: &'a Workspace,
    /// Its cases.
    pub snapshot: &'a Snapshot,
    /// The day its deadlines are evaluated on.
    pub today: NaiveDate,
}

/// One office's report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfficeReport {
    /// The office's name in the report.
    pub office: String,
    /// Its workspace folder.
    pub workspace: String,
    /// Its preset.
    pub preset: String,
    /// Its report, as `plaint report` makes it in that workspace.
    pub report: Report,
}

/// The report of several offices; `--json` prints it as is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Offices {
    /// The period of receipt covered.
    pub period: Period,
    /// The day it was generated.
    pub generated: NaiveDate,
    /// The main breakdown key.
    pub by: By,
    /// Each office's report, in the order given.
    pub offices: Vec<OfficeReport>,
    /// The report of all the offices: their counts added up, the rates and
    /// medians computed from the sums. Deadline rules are counted by name;
    /// a rule whose kind differs between the offices' presets has none.
    pub total: Report,
}

/// Builds each office's report and the total; returns the case files that
/// could not be read beside, each naming its file. `offices` is not empty.
pub fn build_offices(
    offices: &[Office],
    period: &Period,
    by: By,
    then: Option<By>,
) -> (Offices, Vec<Error>) {
    // One cross-tabulation for every office, so that their counts add up:
    // `--then` where given, else type by outcome where any office has types.
    let typed = offices.iter().any(|o| !o.ws.policy.types.is_empty());
    let dims = Dims {
        by,
        cross: then
            .map(|then| (by, then))
            .or_else(|| typed.then_some((By::Type, By::Outcome))),
    };
    let mut reports = Vec::new();
    let mut total: Option<Tally> = None;
    let mut broken = Vec::new();
    for office in offices {
        let (tally, unread) = tally_all(office.ws, office.snapshot, period, dims, office.today);
        broken.extend(unread);
        reports.push(OfficeReport {
            office: office.name.clone(),
            workspace: office.ws.root.display().to_string(),
            preset: office.ws.settings.preset.clone(),
            // Finished as the office finishes it alone: its own
            // cross-tabulation, if any, from the counts every office keeps.
            report: tally.clone().finish(
                office.ws,
                period.clone(),
                Dims::new(&office.ws.policy, by, then),
                office.today,
            ),
        });
        total = Some(match total {
            Some(sum) => sum.merge(tally),
            None => tally,
        });
    }
    let first = &offices[0];
    // Categories and rules of the first office's policy come first in the
    // total, the others after them.
    let mut total = total
        .unwrap_or_default()
        .finish(first.ws, period.clone(), dims, first.today);
    // One rule name with different kinds in different presets (a law's
    // limit here, an office's target there) has no one kind in the total.
    for (rule, counts) in &mut total.on_time {
        let mut kinds = reports
            .iter()
            .filter_map(|r| r.report.on_time.get(rule)?.kind);
        let one = kinds.next();
        if kinds.any(|k| Some(k) != one) {
            counts.kind = None;
        }
    }
    let all = Offices {
        period: period.clone(),
        generated: first.today,
        by,
        offices: reports,
        total,
    };
    (all, broken)
}
