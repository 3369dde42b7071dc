//! Three-way merge of two versions of a case: what `plaint merge-file`
//! (git's merge driver for case files) computes.
//!
//! The rules, field by field, over the case as a JSON object:
//! - `history` is the union of both sides' events, each identical event
//!   once, ordered by time (stable: ours first on ties), so no event is lost;
//! - `tags` and `links` merge as sets: additions and removals from either
//!   side are kept;
//! - any other field changed on one side only takes that side's value;
//! - `status`, `assignee` and `outcome` changed differently on both sides
//!   follow the latest event of the merged history that sets them;
//! - anything else changed differently on both sides is a conflict, which
//!   [`render_conflicted`] writes as git-style markers around the field's
//!   lines, so `plaint check` flags it and `plaint edit` resolves it.
//!
//! Pure functions: no I/O, no clock.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::case::CASE_FIELDS;
use crate::model::{Action, Case, Event};
use crate::storage::casefile::render_case;

/// Fields merged as sets rather than as whole values.
const SET_FIELDS: &[&str] = &["tags", "links"];

/// The label of our side in conflict markers.
pub const OURS_LABEL: &str = "ours";
/// The label of their side in conflict markers.
pub const THEIRS_LABEL: &str = "theirs";

/// The outcome of a three-way merge.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// The merged case; conflicting fields hold our value.
    pub case: Case,
    /// The merged case with their value in each conflicting field (equal to
    /// `case` when there is no conflict).
    pub theirs: Case,
    /// The fields changed differently on both sides that could not be
    /// derived, in file order. Empty for a clean merge.
    pub conflicts: Vec<String>,
    /// How fields changed on both sides were decided, for the officer.
    pub notes: Vec<String>,
}

impl MergeResult {
    /// Whether the merge needs no manual help.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two descendants of `base`.
///
/// The three must be the same case (same `id`); otherwise the merge is
/// refused, since joining two different cases into one file is never right.
pub fn merge(base: &Case, ours: &Case, theirs: &Case) -> Result<MergeResult> {
    merge_with(Some(base), ours, theirs)
}

/// Merges two versions without a common ancestor (both clones added the
/// file): every field that differs is a conflict unless it can be derived.
pub fn merge_two(ours: &Case, theirs: &Case) -> Result<MergeResult> {
    merge_with(None, ours, theirs)
}

fn merge_with(base: Option<&Case>, ours: &Case, theirs: &Case) -> Result<MergeResult> {
    for other in base.into_iter().chain([theirs]) {
        if other.id != ours.id {
            return Err(Error::Invalid(format!(
                "cannot merge case {} with case {}: they are different cases",
                ours.id, other.id
            )));
        }
    }
    let history = union_history(&ours.history, &theirs.history);
    let b = base.map(to_object).transpose()?;
    let (o, t) = (to_object(ours)?, to_object(theirs)?);
    let mut merged_ours = Map::new();
    let mut merged_theirs = Map::new();
    let mut conflicts = Vec::new();
    let mut notes = Vec::new();
    for &field in CASE_FIELDS {
        let decided = if field == "history" {
            Some(serde_json::to_value(&history).map_err(json_error)?)
        } else {
            let (bv, ov, tv) = (b.as_ref().map(|b| b.get(field)), o.get(field), t.get(field));
            let both = both_sides_added(field, base, ours, theirs);
            match merge_field(field, bv, ov, tv, &history, both) {
                Decision::Take(v) => v,
                Decision::Derived(v, note) => {
                    notes.push(note);
                    v
                }
                Decision::Conflict => {
                    conflicts.push(field.to_string());
                    put(&mut merged_ours, field, ov.cloned());
                    put(&mut merged_theirs, field, tv.cloned());
                    continue;
                }
            }
        };
        put(&mut merged_ours, field, decided.clone());
        put(&mut merged_theirs, field, decided);
    }
    let mut result = MergeResult {
        case: from_object(merged_ours)?,
        theirs: from_object(merged_theirs)?,
        conflicts,
        notes,
    };
    guard_representatives(&mut result, &o, &t)?;
    Ok(result)
}

/// What the merge decided for one field.
enum Decision {
    /// A value (or absence) taken from a side.
    Take(Option<Value>),
    /// A value derived from the merged history, with an explanation.
    Derived(Option<Value>, String),
    /// Changed differently on both sides.
    Conflict,
}

/// Decides one field. `base` is `None` when there is no common ancestor,
/// `Some(None)` when the ancestor lacks the field. `both_added` says both
/// sides added events that set the field: then the merged history decides,
/// even when one side came back to the base value (a suspended case that
/// resumed), so the field always agrees with the history.
fn merge_field(
    field: &str,
    base: Option<Option<&Value>>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    history: &[Event],
    both_added: bool,
) -> Decision {
    if both_added && let Some(value) = derive_from_history(field, history) {
        return derived(field, value, ours != theirs);
    }
    if ours == theirs {
        return Decision::Take(ours.cloned());
    }
    match base {
        Some(b) if ours == b => return Decision::Take(theirs.cloned()),
        Some(b) if theirs == b => return Decision::Take(ours.cloned()),
        // Without an ancestor, a field only one side has was added by it.
        None if ours.is_none() => return Decision::Take(theirs.cloned()),
        None if theirs.is_none() => return Decision::Take(ours.cloned()),
        _ => {}
    }
    if SET_FIELDS.contains(&field) {
        return Decision::Take(merge_set(base.flatten(), ours, theirs));
    }
    match derive_from_history(field, history) {
        Some(value) => derived(field, value, true),
        None => Decision::Conflict,
    }
}

/// A value taken from the merged history; explained when the sides differed.
fn derived(field: &str, value: Option<Value>, sides_differ: bool) -> Decision {
    if !sides_differ {
        return Decision::Take(value);
    }
    let shown = match &value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_string(),
    };
    Decision::Derived(
        value,
        format!("`{field}` was changed on both sides; took the latest event's: {shown}"),
    )
}

/// The kind of event that sets a field derived from history.
fn setting_action(field: &str) -> Option<Action> {
    match field {
        "status" | "outcome" | "refer_to" => Some(Action::Status),
        "assignee" => Some(Action::Assigned),
        _ => None,
    }
}

/// Whether both sides added events (not in `base`) that set `field`.
fn both_sides_added(field: &str, base: Option<&Case>, ours: &Case, theirs: &Case) -> bool {
    let Some(action) = setting_action(field) else {
        return false;
    };
    let added = |side: &Case| {
        side.history
            .iter()
            .any(|e| e.action == action && base.is_none_or(|b| !b.history.contains(e)))
    };
    added(ours) && added(theirs)
}

/// The value of `status`, `assignee` or `outcome` implied by the latest
/// event that sets it; `None` when the history cannot tell.
fn derive_from_history(field: &str, history: &[Event]) -> Option<Option<Value>> {
    let latest = |action: Action, pick: fn(&Event) -> Option<&String>| {
        history
            .iter()
            .rev()
            .filter(|e| e.action == action)
            .find_map(pick)
            .map(|v| Some(Value::String(v.clone())))
    };
    match field {
        "status" => latest(Action::Status, |e| e.to.as_ref()),
        "assignee" => latest(Action::Assigned, |e| e.to.as_ref()),
        "outcome" => latest(Action::Status, |e| e.outcome.as_ref()),
        "refer_to" => latest(Action::Status, |e| e.refer_to.as_ref()),
        _ => None,
    }
}

/// Three-way merge of a list treated as a set: an item is kept when it is
/// on a side that added it or on both sides; removed when a side removed it.
fn merge_set(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let items = |v: Option<&Value>| -> Vec<Value> {
        v.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let (b, o, t) = (items(base), items(ours), items(theirs));
    let keep = |item: &Value, mine: &[Value], other: &[Value]| {
        other.contains(item) || !b.contains(item) || !mine.contains(item)
    };
    let mut merged: Vec<Value> = o.iter().filter(|i| keep(i, &o, &t)).cloned().collect();
    for item in &t {
        if !merged.contains(item) && (o.contains(item) || !b.contains(item)) {
            merged.push(item.clone());
        }
    }
    (!merged.is_empty()).then_some(Value::Array(merged))
}

/// Every event of either side once, ordered by time; ours first on ties.
/// An event is "the same" when every detail is equal, so the copy both
/// sides inherited from `base` is kept once, while two officers' notes at
/// the same second are both kept. An inherited event that one side lost
/// comes back: history is append-only, and a lost event is damage.
pub fn union_history(ours: &[Event], theirs: &[Event]) -> Vec<Event> {
    let mut merged: Vec<Event> = ours.to_vec();
    let mut unmatched: Vec<bool> = vec![true; merged.len()];
    for event in theirs {
        match merged
            .iter()
            .zip(unmatched.iter_mut())
            .find(|(e, free)| **free && *e == event)
        {
            Some((_, free)) => *free = false,
            None => {
                merged.push(event.clone());
                unmatched.push(false);
            }
        }
    }
    merged.sort_by_key(|e| e.at);
    merged
}

/// A merge that takes complainants from one side and representatives from
/// the other can point past the list; such a pair is a conflict instead.
fn guard_representatives(
    result: &mut MergeResult,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> Result<()> {
    let out_of_range = |c: &Case| c.representatives.iter().any(|&i| i >= c.complainants.len());
    if !out_of_range(&result.case) && !out_of_range(&result.theirs) {
        return Ok(());
    }
    let mut o = to_object(&result.case)?;
    let mut t = to_object(&result.theirs)?;
    for field in ["complainants", "representatives"] {
        put(&mut o, field, ours.get(field).cloned());
        put(&mut t, field, theirs.get(field).cloned());
        if !result.conflicts.iter().any(|c| c == field) {
            result.conflicts.push(field.to_string());
        }
    }
    result
        .conflicts
        .sort_by_key(|f| CASE_FIELDS.iter().position(|x| x == f));
    result.case = from_object(o)?;
    result.theirs = from_object(t)?;
    Ok(())
}

/// The file text of a merge: the canonical rendering when clean; otherwise
/// the rendering with each conflicting field's lines wrapped in git-style
/// markers (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`).
pub fn render_conflicted(result: &MergeResult) -> Result<String> {
    let ours = render_case(&result.case)?;
    if result.is_clean() {
        return Ok(ours);
    }
    let theirs = render_case(&result.theirs)?;
    let (ours, theirs) = (top_level_blocks(&ours), top_level_blocks(&theirs));
    let block = |blocks: &[(String, String)], field: &str| {
        blocks
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for &field in CASE_FIELDS {
        let mine = block(&ours, field);
        if result.conflicts.iter().any(|c| c == field) {
            out.push_str(&format!("<<<<<<< {OURS_LABEL}\n{mine}=======\n"));
            out.push_str(&block(&theirs, field));
            out.push_str(&format!(">>>>>>> {THEIRS_LABEL}\n"));
        } else {
            out.push_str(&mine);
        }
    }
    Ok(out)
}

/// Splits canonical case YAML into its top-level fields: each block starts
/// at a `key:` line in column 0 and holds the lines indented or listed
/// under it, newline included.
fn top_level_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let starts_field = !line.starts_with([' ', '-', '#', '\n']);
        match (starts_field, blocks.last_mut()) {
            (false, Some((_, block))) => block.push_str(line),
            _ => {
                let key = line.split(':').next().unwrap_or("").to_string();
                blocks.push((key, line.to_string()));
            }
        }
    }
    blocks
}

fn put(map: &mut Map<String, Value>, field: &str, value: Option<Value>) {
    match value {
        Some(v) => {
            map.insert(field.to_string(), v);
        }
        None => {
            map.remove(field);
        }
    }
}

fn to_object(case: &Case) -> Result<Map<String, Value>> {
    match serde_json::to_value(case).map_err(json_error)? {
        Value::Object(map) => Ok(map),
        _ => Err(Error::Invalid("a case is not an object".into())),
    }
}

fn from_object(map: Map<String, Value>) -> Result<Case> {
    serde_json::from_value(Value::Object(map)).map_err(json_error)
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Invalid(format!("the merged case is not valid: {e}"))
}

/// Our side and their side of a file with git conflict markers (git's
/// default and `diff3` styles; the base section is dropped). `None` when
/// the text has no markers or they do not pair up.
pub fn split_conflict(text: &str) -> Option<(String, String)> {
    #[derive(PartialEq)]
    enum In {
        Both,
        Ours,
        Base,
        Theirs,
    }
    let (mut ours, mut theirs) = (String::new(), String::new());
    let mut state = In::Both;
    let mut seen = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        state = match state {
            In::Both if line.starts_with("<<<<<<<") => In::Ours,
            In::Ours if line.starts_with("|||||||") => In::Base,
            In::Ours | In::Base if bare == "=======" => In::Theirs,
            In::Theirs if line.starts_with(">>>>>>>") => {
                seen = true;
                In::Both
            }
            In::Both => {
                ours.push_str(line);
                theirs.push_str(line);
                In::Both
            }
            In::Ours => {
                ours.push_str(line);
                In::Ours
            }
            In::Theirs => {
                theirs.push_str(line);
                In::Theirs
            }
            In::Base => In::Base,
        };
    }
    (seen && state == In::Both).then_some((ours, theirs))
}

/// What `plaint merge-file` should do with three versions of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum FileMerge {
    /// Merged without help: write `text`, exit 0.
    Merged {
        /// The merged file.
        text: String,
        /// How fields changed on both sides were decided.
        notes: Vec<String>,
    },
    /// Merged with conflicts marked in `text`: write it, exit non-zero.
    Conflicted {
        /// The merged file with markers around the conflicting fields.
        text: String,
        /// The conflicting fields.
        fields: Vec<String>,
        /// How other fields changed on both sides were decided.
        notes: Vec<String>,
    },
    /// Not something plaint may rewrite (a future schema): leave our
    /// version untouched and report a conflict.
    Refused(String),
    /// Not three readable case files: fall back to git's text merge.
    /// `cases` says whether any side was a case file, in which case the
    /// result is a conflict even when the text merges.
    Text {
        /// Why plaint could not merge it as a case.
        reason: String,
        /// Whether any side was a case file.
        cases: bool,
    },
}

/// Decides the merge of three file versions, as bytes. An empty `base`
/// means both sides added the file.
pub fn merge_files(base: &[u8], ours: &[u8], theirs: &[u8]) -> FileMerge {
    let texts = [base, ours, theirs].map(|b| std::str::from_utf8(b).ok());
    let [Some(base), Some(ours), Some(theirs)] = texts else {
        // A case file that is not UTF-8 is damaged, never cleanly merged.
        let is_case =
            |b: &[u8]| b.starts_with(b"schema:") || b.windows(8).any(|w| w == b"\nschema:");
        return FileMerge::Text {
            reason: "not UTF-8 text".into(),
            cases: [base, ours, theirs].into_iter().any(is_case),
        };
    };
    if let Some(schema) = [base, ours, theirs].into_iter().find_map(future_schema) {
        return FileMerge::Refused(format!(
            "a side has `schema: {schema}`, which this plaint cannot read; upgrade plaint and merge again (the file was left as it was)"
        ));
    }
    let parse = |t: &str| crate::storage::casefile::parse_yaml_case(t);
    let has_base = !base.trim().is_empty();
    let parsed = (has_base.then(|| parse(base)), parse(ours), parse(theirs));
    let result = match parsed {
        (Some(Ok(b)), Ok(o), Ok(t)) => merge(&b, &o, &t),
        (None, Ok(o), Ok(t)) => merge_two(&o, &t),
        (b, o, t) => {
            let any_case = [base, ours, theirs]
                .iter()
                .any(|t| t.lines().any(|l| l.starts_with("schema:")));
            let failure = [
                ("ours", o.err()),
                ("theirs", t.err()),
                ("base", b.and_then(|b| b.err())),
            ]
            .into_iter()
            .find_map(|(side, e)| e.map(|e| format!("{side} is not a valid case: {e}")))
            .unwrap_or_default();
            return FileMerge::Text {
                reason: failure,
                cases: any_case,
            };
        }
    };
    let result = match result {
        Ok(result) => result,
        Err(e) => {
            return FileMerge::Text {
                reason: e.to_string(),
                cases: true,
            };
        }
    };
    match render_conflicted(&result) {
        Ok(text) if result.is_clean() => FileMerge::Merged {
            text,
            notes: result.notes,
        },
        Ok(text) => FileMerge::Conflicted {
            text,
            fields: result.conflicts,
            notes: result.notes,
        },
        Err(e) => FileMerge::Text {
            reason: e.to_string(),
            cases: true,
        },
    }
}

/// The schema number of a file that declares one this build cannot read.
fn future_schema(text: &str) -> Option<String> {
    let line = text.lines().find(|l| l.starts_with("schema:"))?;
    let value = line["schema:".len()..].trim();
    (value != crate::model::SCHEMA.to_string()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, FixedOffset};
    use proptest::prelude::*;

    use super::*;
    use crate::storage::casefile::{conflict_marker_line, parse_yaml_case};

    fn at(minutes: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-02T09:30:00+08:00").unwrap()
            + Duration::minutes(minutes)
    }

    fn base() -> Case {
        let text = "schema: 1\nid: 20261102-K7QF2\ntitle: 导游强迫购物\n\
            received: 2026-11-02T09:30:00+08:00\nfacts: 原始说法\nassignee: 王芳\nstatus: received\n\
            tags: [a]\nhistory:\n- at: 2026-11-02T09:30:00+08:00\n  by: 王芳\n  action: registered\n";
        parse_yaml_case(text).unwrap()
    }

    fn note(case: &mut Case, minutes: i64, by: &str, text: &str) {
        let mut e = Event::new(at(minutes), by, Action::Note);
        e.note = Some(text.into());
        case.history.push(e);
    }

    fn advance(case: &mut Case, minutes: i64, by: &str, to: &str) {
        let mut e = Event::new(at(minutes), by, Action::Status);
        e.from = Some(case.status.clone());
        e.to = Some(to.into());
        case.history.push(e);
        case.status = to.into();
    }

    fn assign(case: &mut Case, minutes: i64, by: &str, to: &str) {
        let mut e = Event::new(at(minutes), by, Action::Assigned);
        e.from = case.assignee.clone();
        e.to = Some(to.into());
        case.history.push(e);
        case.assignee = Some(to.into());
    }

    #[test]
    fn notes_on_both_sides_are_all_kept_in_time_order() {
        let (b, mut o, mut t) = (base(), base(), base());
        note(&mut o, 10, "王芳", "ours 1");
        note(&mut t, 5, "李明", "theirs 1");
        note(&mut o, 20, "王芳", "ours 2");
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean());
        let notes: Vec<_> = r
            .case
            .history
            .iter()
            .filter_map(|e| e.note.as_deref())
            .collect();
        assert_eq!(notes, ["theirs 1", "ours 1", "ours 2"]);
        assert_eq!(
            r.case.history.len(),
            4,
            "the shared registration is kept once"
        );
    }

    #[test]
    fn a_field_changed_on_one_side_takes_that_side() {
        let (b, mut o, mut t) = (base(), base(), base());
        o.title = Some("新标题".into());
        t.facts = None;
        t.category = Some("shopping".into());
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.title.as_deref(), Some("新标题"));
        assert_eq!(r.case.facts, None);
        assert_eq!(r.case.category.as_deref(), Some("shopping"));
    }

    #[test]
    fn status_and_assignee_changed_on_both_sides_follow_the_latest_event() {
        let (b, mut o, mut t) = (base(), base(), base());
        advance(&mut o, 10, "王芳", "accepted");
        assign(&mut o, 11, "王芳", "张伟");
        advance(&mut t, 12, "李明", "rejected");
        assign(&mut t, 9, "李明", "刘洋");
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean(), "{:?}", r.conflicts);
        assert_eq!(r.case.status, "rejected");
        assert_eq!(r.case.assignee.as_deref(), Some("张伟"));
        assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
        let swapped = merge(&b, &t, &o).unwrap();
        assert_eq!(swapped.case, r.case, "the merge is symmetric here");
    }

    #[test]
    fn a_side_that_moved_back_to_the_base_state_still_counts_when_it_moved_last() {
        let (mut b, mut o, mut t) = (base(), base(), base());
        for c in [&mut b, &mut o, &mut t] {
            advance(c, 1, "王芳", "accepted");
        }
        advance(&mut o, 10, "王芳", "investigating");
        advance(&mut t, 20, "李明", "suspended");
        advance(&mut t, 30, "李明", "accepted");
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.status, "accepted", "the latest move wins");
    }

    #[test]
    fn the_outcome_follows_the_latest_resolution() {
        let (mut b, mut o, mut t) = (base(), base(), base());
        for c in [&mut b, &mut o, &mut t] {
            advance(c, 1, "王芳", "accepted");
            advance(c, 2, "王芳", "investigating");
        }
        for (c, minutes, outcome) in [(&mut o, 10, "settled"), (&mut t, 20, "mediated")] {
            advance(c, minutes, "x", "resolved");
            c.history.last_mut().unwrap().outcome = Some(outcome.into());
            c.outcome = Some(outcome.into());
        }
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.outcome.as_deref(), Some("mediated"));
    }

    #[test]
    fn facts_changed_differently_on_both_sides_is_a_conflict_in_markers() {
        let (b, mut o, mut t) = (base(), base(), base());
        o.facts = Some("甲的说法".into());
        t.facts = Some("乙的说法\n第二行".into());
        note(&mut t, 3, "李明", "n");
        let r = merge(&b, &o, &t).unwrap();
        assert_eq!(r.conflicts, ["facts"]);
        let text = render_conflicted(&r).unwrap();
        assert!(conflict_marker_line(&text).is_some());
        assert!(text.contains("<<<<<<< ours\nfacts: 甲的说法\n=======\nfacts: |-\n  乙的说法\n  第二行\n>>>>>>> theirs\n"), "{text}");
        let (ours, theirs) = split_conflict(&text).unwrap();
        assert_eq!(
            parse_yaml_case(&ours).unwrap().facts.as_deref(),
            Some("甲的说法")
        );
        let theirs = parse_yaml_case(&theirs).unwrap();
        assert_eq!(theirs.facts.as_deref(), Some("乙的说法\n第二行"));
        assert_eq!(
            theirs.history.len(),
            2,
            "non-conflicting merges are on both sides"
        );
    }

    #[test]
    fn a_field_removed_on_one_side_and_changed_on_the_other_conflicts() {
        let (b, mut o, mut t) = (base(), base(), base());
        o.facts = None;
        t.facts = Some("改了".into());
        let r = merge(&b, &o, &t).unwrap();
        assert_eq!(r.conflicts, ["facts"]);
        let text = render_conflicted(&r).unwrap();
        assert!(
            text.contains("<<<<<<< ours\n=======\nfacts: 改了\n>>>>>>> theirs\n"),
            "{text}"
        );
    }

    #[test]
    fn tags_and_links_merge_as_sets() {
        let (b, mut o, mut t) = (base(), base(), base());
        o.tags = vec!["a".into(), "vip".into()];
        t.tags = vec!["repeat".into()];
        let r = merge(&b, &o, &t).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.tags, ["vip", "repeat"]);
    }

    #[test]
    fn complainants_and_representatives_from_different_sides_that_do_not_fit_conflict() {
        let mut b = base();
        b.complainants = vec![Default::default(), Default::default()];
        let (mut o, mut t) = (b.clone(), b.clone());
        o.complainants.pop();
        t.representatives = vec![1];
        let r = merge(&b, &o, &t).unwrap();
        assert_eq!(r.conflicts, ["complainants", "representatives"]);
    }

    #[test]
    fn different_cases_are_never_merged() {
        let (b, o, mut t) = (base(), base(), base());
        t.id = crate::model::CaseId::parse("20261102-AAAAA").unwrap();
        assert!(merge(&b, &o, &t).is_err());
    }

    #[test]
    fn merge_files_refuses_a_future_schema_and_falls_back_for_other_files() {
        let text = crate::storage::casefile::render_case(&base()).unwrap();
        let future = text.replace("schema: 1", "schema: 2");
        assert!(matches!(
            merge_files(text.as_bytes(), future.as_bytes(), text.as_bytes()),
            FileMerge::Refused(_)
        ));
        assert!(matches!(
            merge_files(b"a\n", b"b\n", b"c\n"),
            FileMerge::Text { cases: false, .. }
        ));
        assert!(matches!(
            merge_files(text.as_bytes(), b"schema: 1\nid: [\n", text.as_bytes()),
            FileMerge::Text { cases: true, .. }
        ));
        assert!(matches!(
            merge_files(b"", text.as_bytes(), text.as_bytes()),
            FileMerge::Merged { .. }
        ));
    }

    #[test]
    fn case_fields_are_in_file_order() {
        let mut case = base();
        case.channel = Some("phone".into());
        case.department = Some("d".into());
        case.complainants = vec![Default::default()];
        case.representatives = vec![0];
        case.agent = Some(Default::default());
        case.respondent = Some(Default::default());
        case.category = Some("c".into());
        case.demands = Some("d".into());
        case.contract_end = Some(at(0).date_naive());
        case.challenge_due = Some(at(0).date_naive());
        case.outcome = Some("o".into());
        case.refer_to = Some("r".into());
        case.measures = Some("m".into());
        case.satisfaction = Some(crate::model::Satisfaction::Neutral);
        case.external_ref = Some("x".into());
        case.links = vec![case.id.clone()];
        let serde_json::Value::Object(map) = serde_json::to_value(&case).unwrap() else {
            panic!()
        };
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, CASE_FIELDS);
    }

    proptest! {
        #[test]
        fn the_union_loses_no_event_and_reads_in_time_order(
            shared in 0usize..4,
            ours in proptest::collection::vec(0i64..50, 0..6),
            theirs in proptest::collection::vec(0i64..50, 0..6),
        ) {
            let mut b = base();
            for i in 0..shared {
                note(&mut b, i as i64, "王芳", &format!("shared {i}"));
            }
            let (mut o, mut t) = (b.clone(), b.clone());
            let mut ours = ours;
            ours.sort();
            let mut theirs = theirs;
            theirs.sort();
            for (i, m) in ours.iter().enumerate() {
                note(&mut o, 10 + m, "王芳", &format!("ours {i}"));
            }
            for (i, m) in theirs.iter().enumerate() {
                note(&mut t, 10 + m, "李明", &format!("theirs {i}"));
            }
            let r = merge(&b, &o, &t).unwrap();
            prop_assert!(r.is_clean());
            let h = &r.case.history;
            prop_assert_eq!(h.len(), 1 + shared + ours.len() + theirs.len());
            prop_assert!(h.windows(2).all(|w| w[0].at <= w[1].at));
            for e in o.history.iter().chain(&t.history) {
                prop_assert!(h.contains(e));
            }
            let again = merge(&b, &r.case, &t).unwrap();
            prop_assert_eq!(&again.case, &r.case, "merging again changes nothing");
        }
    }
}
