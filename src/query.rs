//! Selecting and ordering cases: the filters and sort keys shared by
//! `list`, `export` and the reports.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::deadline::{self, Deadline, DeadlineState};
use crate::error::{Error, Result};
use crate::model::Case;
use crate::policy::{Policy, find_code};
use crate::storage::Workspace;

/// Which cases to keep. Empty fields keep everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// States to keep; `open` stands for every open state.
    pub statuses: Vec<String>,
    /// Keep only cases assigned to this officer.
    pub assignee: Option<String>,
    /// Keep only cases of this category.
    pub category: Option<String>,
    /// Keep only cases whose text contains this, ignoring case.
    pub search: Option<String>,
    /// Keep only cases with an overdue deadline.
    pub overdue: bool,
    /// Keep only cases with a deadline due within this many working days
    /// (overdue ones included).
    pub due_within: Option<i64>,
}

/// How to order cases; every order ends with the ID, so it is total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Urgent and important first, then by ID.
    #[default]
    Priority,
    /// By ID, which is by date of receipt.
    Id,
    /// By moment of receipt.
    Received,
    /// By workflow state.
    Status,
    /// By assignee.
    Assignee,
    /// By the earliest open due date; cases without one last.
    Due,
}

/// A case with its deadlines as of a day.
#[derive(Debug)]
pub struct Row<'a> {
    /// The case.
    pub case: &'a Case,
    /// Its started deadlines.
    pub deadlines: Vec<Deadline>,
    /// Why its deadlines could not be computed, if so.
    pub error: Option<String>,
}

impl Row<'_> {
    /// Whether any deadline is overdue.
    pub fn overdue(&self) -> bool {
        self.deadlines.iter().any(Deadline::overdue)
    }

    /// The earliest deadline still to be met.
    pub fn next_due(&self) -> Option<&Deadline> {
        deadline::next_due(&self.deadlines)
    }
}

/// Rows without deadlines, for output that shows none (`list --format ids`).
pub fn bare_rows<'a>(cases: &[&'a Case]) -> Vec<Row<'a>> {
    cases
        .iter()
        .map(|case| Row {
            case,
            deadlines: Vec::new(),
            error: None,
        })
        .collect()
}

/// Evaluates the deadlines of every case as of `today`, in parallel.
pub fn rows<'a>(ws: &Workspace, cases: &[&'a Case], today: NaiveDate) -> Vec<Row<'a>> {
    cases
        .par_iter()
        .map(
            |case| match deadline::evaluate(case, &ws.policy, &ws.calendar, ws.offset, today) {
                Ok(deadlines) => Row {
                    case,
                    deadlines,
                    error: None,
                },
                Err(e) => Row {
                    case,
                    deadlines: Vec::new(),
                    error: Some(format!("case {}: deadlines not computed: {e}", case.id)),
                },
            },
        )
        .collect()
}

impl Filter {
    /// Turns states and the category typed as labels into their codes
    /// (`已受理` → `accepted`); a value that names nothing is a usage error
    /// with the closest code suggested.
    pub fn resolve_codes(&mut self, policy: &Policy) -> Result<()> {
        use crate::policy::codes::CodeKind;
        for status in &mut self.statuses {
            if status.trim() != "open" {
                *status = policy.resolve_code(CodeKind::State, status)?;
            }
        }
        if let Some(category) = &mut self.category {
            *category = policy.resolve_code(CodeKind::Category, category)?;
        }
        Ok(())
    }

    /// Refuses filters that name unknown states or categories, so a typo
    /// does not silently give an empty list.
    pub fn validate(&self, policy: &Policy) -> Result<()> {
        for status in &self.statuses {
            if status != "open" && policy.state(status).is_none() {
                return Err(Error::Invalid(crate::msg!(
                    policy.language,
                    "status-filter-unknown",
                    status = status,
                    states = policy.state_names().join(", ")
                )));
            }
        }
        if let Some(n) = self.due_within
            && n < 0
        {
            return Err(Error::Invalid(crate::msg!(
                policy.language,
                "due-within-negative",
                n = n
            )));
        }
        if let Some(category) = &self.category
            && !policy.categories.is_empty()
        {
            find_code(&policy.categories, category, "category")?;
        }
        Ok(())
    }

    /// Whether `case` passes every filter.
    pub fn matches(&self, policy: &Policy, case: &Case) -> bool {
        let status_ok = self.statuses.is_empty()
            || self
                .statuses
                .iter()
                .any(|s| s == &case.status || (s == "open" && policy.is_open(&case.status)));
        let assignee_ok = self
            .assignee
            .as_ref()
            .is_none_or(|a| case.assignee.as_deref() == Some(a.as_str()));
        let category_ok = self
            .category
            .as_ref()
            .is_none_or(|c| case.category.as_deref() == Some(c.as_str()));
        let search_ok = self
            .search
            .as_ref()
            .is_none_or(|needle| contains_text(case, &needle.to_lowercase()));
        status_ok && assignee_ok && category_ok && search_ok
    }

    /// Whether the deadline filters keep a case with these deadlines.
    pub fn matches_deadlines(&self, deadlines: &[Deadline]) -> bool {
        let overdue_ok = !self.overdue || deadlines.iter().any(Deadline::overdue);
        let due_ok = self.due_within.is_none_or(|n| {
            deadlines.iter().any(|d| {
                d.state == DeadlineState::Overdue
                    || (d.state == DeadlineState::Running
                        && d.workdays_left.is_some_and(|w| w <= n))
            })
        });
        overdue_ok && due_ok
    }

    /// Whether any deadline filter is set (deadlines must be evaluated).
    pub fn needs_deadlines(&self) -> bool {
        self.overdue || self.due_within.is_some()
    }
}

/// Whether any text of the case contains `needle` (already lower case).
fn contains_text(case: &Case, needle: &str) -> bool {
    let hit = |s: &str| s.to_lowercase().contains(needle);
    let opt = |s: &Option<String>| s.as_deref().is_some_and(hit);
    hit(case.id.as_str())
        || opt(&case.title)
        || opt(&case.demands)
        || opt(&case.facts)
        || opt(&case.measures)
        || opt(&case.external_ref)
        || opt(&case.category)
        || case.tags.iter().any(|t| hit(t))
        || case
            .complainants
            .iter()
            .any(|p| opt(&p.name) || opt(&p.phone) || opt(&p.email))
        || case
            .respondent
            .as_ref()
            .is_some_and(|r| opt(&r.name) || opt(&r.department))
        || case.history.iter().any(|e| opt(&e.note))
}

/// Orders rows by `key`, then by ID.
pub fn sort_rows(rows: &mut [Row], key: Sort) {
    rows.sort_by(|a, b| {
        let (x, y) = (a.case, b.case);
        let primary = match key {
            Sort::Priority => x.priority.cmp(&y.priority).then_with(|| by_due(a, b)),
            Sort::Id => Ordering::Equal,
            Sort::Received => x.received.cmp(&y.received),
            Sort::Status => x.status.cmp(&y.status),
            Sort::Assignee => x.assignee.cmp(&y.assignee),
            Sort::Due => by_due(a, b),
        };
        primary.then_with(|| x.id.cmp(&y.id))
    });
}

/// Earliest next due date first; rows with nothing due last.
fn by_due(a: &Row, b: &Row) -> Ordering {
    match (a.next_due(), b.next_due()) {
        (Some(p), Some(q)) => p.due.cmp(&q.due),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
#[cfg(test)]
mod tests;
