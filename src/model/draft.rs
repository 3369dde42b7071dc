//! A case as a person or a script submits it: the document of
//! `register --from` and each record of `import`.
//!
//! Values stay text until [`crate::intake`] checks them, so every problem can
//! be reported with the field it is in.

use serde::{Deserialize, Serialize};

use super::case::{Agent, Person, Respondent};
use super::event::Event;
use crate::error::Error;

/// Every top-level key a draft may have: exactly the fields of a case.
pub const DRAFT_FIELDS: &[&str] = super::case::CASE_FIELDS;

/// An unvalidated case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The case ID (only when re-importing exported cases).
    pub id: Option<String>,
    /// The schema of an exported case; must be 1 when present.
    pub schema: Option<u32>,
    /// One-line summary.
    pub title: Option<String>,
    /// When the complaint arrived; defaults to now.
    pub received: Option<String>,
    /// How it arrived.
    pub channel: Option<String>,
    /// The receiving department.
    pub department: Option<String>,
    /// Complainants.
    #[serde(default)]
    pub complainants: Vec<Person>,
    /// Indexes of the representatives among the complainants.
    #[serde(default)]
    pub representatives: Vec<usize>,
    /// Agent.
    pub agent: Option<Agent>,
    /// The procurement project.
    pub project: Option<crate::model::case::Project>,
    /// Respondent.
    pub respondent: Option<Respondent>,
    /// Category code.
    pub category: Option<String>,
    /// Case type code (or label).
    #[serde(rename = "type")]
    pub case_type: Option<String>,
    /// Cause code (or label).
    pub cause: Option<String>,
    /// normal, important or urgent.
    pub priority: Option<String>,
    /// Free labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Demands.
    pub demands: Option<String>,
    /// Facts.
    pub facts: Option<String>,
    /// Contract end date.
    pub contract_end: Option<String>,
    /// End of the supplier-challenge answer period.
    pub challenge_due: Option<String>,
    /// Assignee.
    pub assignee: Option<String>,
    /// Current state (import of cases migrated mid-life).
    pub status: Option<String>,
    /// Outcome code.
    pub outcome: Option<String>,
    /// Compensation in yuan, as typed (`12000`, `12000.50`): text or a
    /// plain number.
    #[serde(default, deserialize_with = "text_or_number")]
    pub compensation: Option<String>,
    /// The competent body a rejected complaint is referred to.
    pub refer_to: Option<String>,
    /// Corrective actions.
    pub measures: Option<String>,
    /// What the investigation found.
    pub findings: Option<String>,
    /// The agreement the parties reached.
    pub agreement: Option<String>,
    /// Satisfaction.
    pub satisfaction: Option<String>,
    /// ID in the source system.
    pub external_ref: Option<String>,
    /// Related case IDs.
    #[serde(default)]
    pub links: Vec<String>,
    /// Full history (import of exported cases).
    #[serde(default, deserialize_with = "super::event::read_optional_history")]
    pub history: Option<Vec<Event>>,
}

/// A value given as text or as a plain number, kept as the text typed.
fn text_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Text(String),
        Whole(u64),
        Signed(i64),
        Decimal(f64),
    }
    Ok(
        Option::<Given>::deserialize(deserializer)?.map(|g| match g {
            Given::Text(t) => t,
            Given::Whole(n) => n.to_string(),
            Given::Signed(n) => n.to_string(),
            Given::Decimal(x) => x.to_string(),
        }),
    )
}

/// Whether `key` names a field of a draft.
pub fn is_field(key: &str) -> bool {
    DRAFT_FIELDS.contains(&key)
}

/// The top-level keys of a document that a draft does not know.
pub fn unknown_keys(document: &serde_yaml::Value) -> Vec<String> {
    let Some(map) = document.as_mapping() else {
        return Vec::new();
    };
    map.keys()
        .map(|k| match k.as_str() {
            Some(s) => s.to_string(),
            None => format!("{k:?}"),
        })
        .filter(|k| !is_field(k))
        .collect()
}

/// Parses a draft document (YAML or JSON) named `label` in messages.
pub fn parse_draft(text: &str, label: &str) -> Result<Draft, Error> {
    use crate::messages::said::Arg;
    let at =
        |message: Arg| Error::invalid(crate::said!("file-error", file = label, message = message));
    if text.len() > crate::limits::MAX_FILE_BYTES {
        return Err(Error::invalid(crate::said!(
            "draft-too-large",
            label = label,
            max = crate::limits::MAX_FILE_BYTES
        )));
    }
    let text = text.replace("\r\n", "\n");
    crate::limits::check_nesting(&text).map_err(|e| at(Arg::Said(Box::new(e))))?;
    let value: serde_yaml::Value =
        serde_yaml::from_str(&text).map_err(|e| at(crate::yaml_error::yaml_arg(&e)))?;
    if !value.is_mapping() {
        return Err(Error::invalid(crate::said!(
            "draft-not-mapping",
            label = label
        )));
    }
    let unknown = unknown_keys(&value);
    if !unknown.is_empty() {
        return Err(Error::invalid(crate::said!(
            "draft-unknown-fields",
            label = label,
            unknown = Arg::list(&unknown),
            known = Arg::list(DRAFT_FIELDS)
        )));
    }
    serde_yaml::from_value(value).map_err(|e| at(crate::yaml_error::yaml_arg(&e)))
}
