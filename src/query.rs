//! Selecting and ordering cases: the filters and sort keys shared by
//! `list`, `export` and the reports.

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::model::Case;
use crate::policy::{Policy, find_code};

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
}

impl Filter {
    /// Refuses filters that name unknown states or categories, so a typo
    /// does not silently give an empty list.
    pub fn validate(&self, policy: &Policy) -> Result<()> {
        for status in &self.statuses {
            if status != "open" && policy.state(status).is_none() {
                return Err(Error::Invalid(format!(
                    "--status: unknown state '{status}'; states are: open, {}",
                    policy.state_names().join(", ")
                )));
            }
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

/// Orders `cases` by `key`, then by ID.
pub fn sort_cases(cases: &mut [&Case], key: Sort) {
    cases.sort_by(|a, b| {
        let primary = match key {
            Sort::Priority => a.priority.cmp(&b.priority),
            Sort::Id => Ordering::Equal,
            Sort::Received => a.received.cmp(&b.received),
            Sort::Status => a.status.cmp(&b.status),
            Sort::Assignee => a.assignee.cmp(&b.assignee),
        };
        primary.then_with(|| a.id.cmp(&b.id))
    });
}
