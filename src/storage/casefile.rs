//! Reading and writing the text of one case file.
//!
//! Parsing is single-pass over the bytes: cheap scans for what YAML parsers
//! report badly (git conflict markers, a future schema, oversized files) run
//! before the one `serde_yaml` parse. Rendering is deterministic: the same
//! case always gives the same bytes.

use std::path::Path;

use crate::error::{Error, Result};
use crate::messages::said::Text;
use crate::model::{Case, CaseId, SCHEMA};

pub use crate::limits::{MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_HISTORY_EVENTS};
use crate::limits::{check_nesting, large_material_hint, too_large};

/// Parses the text of the case file at `path` and checks that its `id`
/// matches the file name.
pub fn parse_case(text: &str, path: &Path) -> Result<Case> {
    let bad = |message: Text| Error::BadFile {
        path: path.to_path_buf(),
        message,
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(bad(too_large(
            text.len() as u64,
            MAX_FILE_BYTES,
            "case file",
        )
        .into()));
    }
    if let Some(line) = conflict_marker_line(text) {
        return Err(bad(crate::said!("case-conflict-marker", line = line).into()));
    }
    check_schema_line(text).map_err(bad)?;
    let case = parse_yaml_case(text).map_err(bad)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if case.id.as_str() != stem {
        return Err(bad(crate::said!(
            "case-id-mismatch",
            id = case.id,
            stem = stem
        )
        .into()));
    }
    validate_case(&case).map_err(bad)?;
    Ok(case)
}

/// Parses case YAML (CRLF tolerated) without file-level checks.
pub fn parse_yaml_case(text: &str) -> std::result::Result<Case, Text> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64, MAX_FILE_BYTES, "case file").into());
    }
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n");
        &normalized
    } else {
        text
    };
    let fast =
        super::fastyaml::to_json(text).and_then(|json| serde_json::from_str::<Case>(&json).ok());
    let case: Case = match fast {
        Some(case) => case,
        None => {
            check_nesting(text).map_err(Text::from)?;
            serde_yaml::from_str(text).map_err(|e| {
                Text::from(crate::said!(
                    "as-is",
                    text = crate::yaml_error::yaml_arg(&e)
                ))
            })?
        }
    };
    if case.schema != SCHEMA {
        return Err(schema_message(case.schema));
    }
    Ok(case)
}

/// Renders a case as the exact bytes of its file.
pub fn render_case(case: &Case) -> Result<String> {
    serde_yaml::to_string(case)
        .map_err(|e| Error::invalid(crate::said!("case-not-writable", id = case.id, error = e)))
}

/// Checks `case` against every limit a reader applies and renders it:
/// what this returns, [`parse_case`] reads back. The one way a writer gets
/// the bytes of a case file.
pub fn render_for_write(case: &Case) -> Result<String> {
    validate_case(case).map_err(|message| {
        Error::invalid(crate::said!(
            "case-problem",
            id = case.id,
            message = message
        ))
    })?;
    let text = render_case(case)?;
    if text.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(crate::said!(
            "case-too-large",
            id = case.id,
            len = text.len(),
            max = MAX_FILE_BYTES,
            mib = MAX_FILE_BYTES / (1024 * 1024),
            hint = large_material_hint()
        )));
    }
    Ok(text)
}

/// Checks the limits every stored case must meet: field sizes, indexes.
pub fn validate_case(case: &Case) -> std::result::Result<(), Text> {
    if case.history.len() > MAX_HISTORY_EVENTS {
        return Err(crate::said!(
            "history-too-long",
            count = case.history.len(),
            max = MAX_HISTORY_EVENTS,
            hint = large_material_hint()
        )
        .into());
    }
    let fields = text_fields(case);
    let total: usize = fields.iter().map(|(_, v)| v.len()).sum();
    if total > MAX_FILE_BYTES {
        return Err((crate::said!(
            "texts-too-long",
            total = total,
            max = MAX_FILE_BYTES,
            mib = MAX_FILE_BYTES / (1024 * 1024),
            hint = large_material_hint()
        ))
        .into());
    }
    for (field, value) in fields {
        if value.len() > MAX_FIELD_BYTES {
            return Err((crate::said!(
                "field-too-long",
                field = field,
                len = value.len(),
                kib = MAX_FIELD_BYTES / 1024,
                hint = large_material_hint()
            ))
            .into());
        }
    }
    if let Some(bad) = case
        .representatives
        .iter()
        .find(|&&i| i >= case.complainants.len())
    {
        return Err(crate::said!(
            "case-representative-out-of-range",
            bad = bad,
            count = case.complainants.len()
        )
        .into());
    }
    if case.history.is_empty() {
        return Err(crate::said!("case-history-empty").into());
    }
    Ok(())
}

/// Every free-text field of a case with its name, for size checks.
fn text_fields(case: &Case) -> Vec<(&'static str, &str)> {
    let top = [
        "title",
        "demands",
        "facts",
        "measures",
        "findings",
        "agreement",
    ]
    .map(|name| (name, case.free_text(name)));
    let notes = case
        .history
        .iter()
        .map(|e| ("history.note", e.note.as_deref()));
    top.into_iter()
        .chain(notes)
        .filter_map(|(name, value)| value.map(|v| (name, v)))
        .collect()
}

/// The 1-based line of the first git conflict marker, if any.
pub fn conflict_marker_line(text: &str) -> Option<usize> {
    text.lines().position(is_conflict_marker).map(|i| i + 1)
}

fn is_conflict_marker(line: &str) -> bool {
    (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") || line.starts_with("|||||||"))
        || line.trim_end() == "======="
}

/// Refuses a file whose top-level `schema:` is not one this build knows,
/// before the full parse, so a future file is never misread or rewritten.
fn check_schema_line(text: &str) -> std::result::Result<(), Text> {
    let Some(line) = text.lines().find(|l| l.starts_with("schema:")) else {
        return Ok(()); // the full parse reports the missing field
    };
    let value = line["schema:".len()..].trim();
    match value.parse::<u32>() {
        Ok(SCHEMA) => Ok(()),
        Ok(other) => Err(schema_message(other)),
        Err(_) => Err(crate::said!("schema-not-number", value = value).into()),
    }
}

fn schema_message(found: u32) -> Text {
    crate::said!("schema-unsupported", found = found, schema = SCHEMA).into()
}

/// The file name a case is stored under.
pub fn file_name(id: &CaseId) -> String {
    format!("{id}.yaml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventKind, Extension, Person, Priority, Respondent};
    use chrono::DateTime;
    use proptest::prelude::*;

    fn case_with(texts: &[String], amount: i64) -> Case {
        let at = DateTime::parse_from_rfc3339("2026-11-29T10:15:00+08:00").unwrap();
        let extension = Extension {
            rule: texts[1].clone(),
            amount,
            unit: "days".into(),
            reason: Some(texts[0].clone()),
        };
        let mut note = Event::new(at, &texts[0], EventKind::Extended(extension));
        note.note = Some(texts[1].clone());
        Case {
            schema: SCHEMA,
            id: CaseId::parse("20261129-K7QF2").unwrap(),
            title: Some(texts[2].clone()),
            received: at,
            channel: None,
            department: None,
            complainants: vec![Person {
                name: Some(texts[3].clone()),
                phone: Some(texts[4].clone()),
                ..Person::default()
            }],
            representatives: vec![0],
            agent: None,
            project: None,
            respondent: Some(Respondent {
                name: Some(texts[5].clone()),
                ..Respondent::default()
            }),
            category: None,
            case_type: None,
            cause: None,
            priority: Priority::Urgent,
            tags: vec![texts[6].clone(), texts[7].clone()],
            demands: Some(texts[8].clone()),
            facts: Some(texts[9].clone()),
            contract_end: None,
            challenge_due: None,
            assignee: Some(texts[10].clone()),
            status: "received".into(),
            outcome: None,
            compensation: None,
            refer_to: None,
            measures: None,
            findings: None,
            agreement: None,
            satisfaction: None,
            external_ref: Some(texts[11].clone()),
            links: vec![],
            history: vec![Event::new(at, "王芳", EventKind::Registered), note],
        }
    }

    fn fast(text: &str) -> Option<Case> {
        super::super::fastyaml::to_json(text).and_then(|j| serde_json::from_str(&j).ok())
    }

    /// Twelve field texts full of the characters YAML treats specially.
    fn awkward_texts() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec(
            "[ a-z0-9'\"\\\\:#\\-\n\t|>&*!%@`{}\\[\\],?~.+张三\u{85}\u{a0}\u{2028}\u{1b}]{0,24}",
            12,
        )
    }

    /// Whenever the fast reader answers, it answers what serde_yaml
    /// answers, whatever the text in the fields; and it does answer for
    /// most of them, so the comparison is not vacuous.
    #[test]
    fn the_fast_reader_agrees_with_serde_yaml() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        const CASES: usize = 400;
        let mut runner = TestRunner::deterministic();
        let strategy = (awkward_texts(), -5i64..100_000);
        let mut answered = 0;
        for _ in 0..CASES {
            let (texts, amount) = strategy.new_tree(&mut runner).unwrap().current();
            let case = case_with(&texts, amount);
            let text = render_case(&case).unwrap();
            let slow: Case = serde_yaml::from_str(&text).unwrap();
            assert_eq!(slow, case);
            if let Some(fast) = fast(&text) {
                assert_eq!(fast, slow, "text:\n{text}");
                answered += 1;
            }
        }
        assert!(
            answered * 4 >= CASES,
            "the fast reader answered only {answered} of {CASES} cases"
        );
    }

    #[test]
    fn ordinary_cases_take_the_fast_path() {
        let texts: Vec<String> = [
            "王芳",
            "已电话联系投诉人，\n说明办理进度。",
            "导游强迫购物",
            "张三",
            "13800138000",
            "桂林阳光旅行社",
            "vip",
            "2026",
            "退还购物款 3000 元",
            "7月1日进店\n停留三小时",
            "李明",
            "HOT-1",
        ]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
        let case = case_with(&texts, 10);
        assert_eq!(fast(&render_case(&case).unwrap()), Some(case));
    }
}
