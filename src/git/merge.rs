//! Three-way merge of two versions of a case: what `plaint merge-file`
//! (git's merge driver for case files) computes.
//!
//! The rules, field by field, over the case as a JSON object:
//! - `history` is the union of both sides' events, each identical event
//!   once, ordered by time, so no event is lost; within one second each
//!   side's own order is kept and [`Event::history_order`] orders the rest,
//!   so the union is the same whichever side merges;
//! - `tags` and `links` merge as sets: additions and removals from either
//!   side are kept;
//! - any other field changed on one side only takes that side's value;
//! - `status`, `assignee` and `outcome` always follow the merged history
//!   (the latest event that sets them; a reopening clears the outcome),
//!   whatever either side holds, unless an edit set them after that event;
//! - anything else changed differently on both sides is a conflict, which
//!   [`render_conflicted`] writes as git-style markers around the field's
//!   lines, so `plaint check` flags it and `plaint edit` resolves it.
//!
//! Pure functions: no I/O, no clock.

use serde_json::{Map, Value};
use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::model::case::CASE_FIELDS;
use crate::model::{Case, Event};
use crate::policy::workflow::FromHistory;
use crate::policy::{Language, Policy, PolicyOverrides, StateDef, preset_states};
use crate::storage::casefile::render_case;

/// Fields merged as sets rather than as whole values.
const SET_FIELDS: &[&str] = &["tags", "links"];

/// The label of our side in conflict markers.
pub const OURS_LABEL: &str = "ours";
/// The label of their side in conflict markers.
pub const THEIRS_LABEL: &str = "theirs";

/// What a merge needs of the workspace's policy: which states are open (a
/// move back to one clears the outcome) and the language its notes and
/// reasons are told in. A whole [`Policy`] gives both; a [`Workflow`]
/// gives them without building the rest.
pub trait MergePolicy {
    /// The language notes and reasons are told in.
    fn language(&self) -> Language;
    /// Whether a case in state `name` is still being handled.
    fn is_open(&self, name: &str) -> bool;
}

impl MergePolicy for Policy {
    fn language(&self) -> Language {
        self.language
    }

    fn is_open(&self, name: &str) -> bool {
        Policy::is_open(self, name)
    }
}

/// The states of a workspace's workflow and its language: what a merge
/// needs of its policy (see [`MergePolicy`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Workflow {
    /// The language notes and reasons are told in.
    pub language: Language,
    /// The states, each with its role and openness resolved.
    pub states: Vec<StateDef>,
}

impl Workflow {
    /// The workflow of `preset` with `overrides`, in `language`; `None`
    /// when that policy does not build. Without overrides only the
    /// preset's states are read ([`preset_states`]): git starts the merge
    /// driver once per file, and parsing the whole preset took longer than
    /// the merge. With overrides the whole policy is built and checked, as
    /// for every command.
    pub fn of(preset: &str, overrides: &PolicyOverrides, language: Language) -> Option<Workflow> {
        let states = if *overrides == PolicyOverrides::default() {
            preset_states(preset)?
        } else {
            Policy::build_in(preset, overrides, language).ok()?.states
        };
        Some(Workflow { language, states })
    }
}

impl MergePolicy for Workflow {
    fn language(&self) -> Language {
        self.language
    }

    /// As [`Policy::is_open`]: a state the workflow lacks counts as open.
    fn is_open(&self, name: &str) -> bool {
        self.states
            .iter()
            .find(|s| s.name == name)
            .is_none_or(|s| s.open)
    }
}

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
pub fn merge(
    base: &Case,
    ours: &Case,
    theirs: &Case,
    policy: &dyn MergePolicy,
) -> Result<MergeResult> {
    merge_with(Some(base), ours, theirs, policy)
}

/// Merges two versions without a common ancestor (both clones added the
/// file): every field that differs is a conflict unless it can be derived.
pub fn merge_two(ours: &Case, theirs: &Case, policy: &dyn MergePolicy) -> Result<MergeResult> {
    merge_with(None, ours, theirs, policy)
}

fn merge_with(
    base: Option<&Case>,
    ours: &Case,
    theirs: &Case,
    policy: &dyn MergePolicy,
) -> Result<MergeResult> {
    for other in base.into_iter().chain([theirs]) {
        if other.id != ours.id {
            return Err(Error::invalid(crate::msg!(
                policy.language(),
                "merge-different-cases",
                ours = ours.id,
                theirs = other.id
            )));
        }
    }
    let history = union_history(&ours.history, &theirs.history);
    let implied = implied_values(&FromHistory::with_open(
        |state| policy.is_open(state),
        &history,
    ));
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
            let implied = implied
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone());
            match merge_field(field, bv, ov, tv, implied) {
                Decision::Take(v) => v,
                Decision::Derived(v, shown) => {
                    let none = crate::msg!(policy.language(), "check-none");
                    let value = shown.unwrap_or(none);
                    notes.push(crate::msg!(
                        policy.language(),
                        "merge-derived",
                        field = field,
                        value = value
                    ));
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
    /// A value derived from the merged history where the sides differed,
    /// with the value as shown in the note (`None`: no value).
    Derived(Option<Value>, Option<String>),
    /// Changed differently on both sides.
    Conflict,
}

/// The derived fields the merged history decides, as JSON values.
fn implied_values(implied: &FromHistory) -> Vec<(&'static str, Option<Value>)> {
    let text = |v: &Option<String>| v.clone().map(Value::String);
    let mut values = Vec::new();
    if let Some(status) = &implied.status {
        values.push(("status", Some(Value::String(status.clone()))));
    }
    if let Some(assignee) = &implied.assignee {
        values.push(("assignee", text(assignee)));
    }
    if let Some(outcome) = &implied.outcome {
        values.push(("outcome", text(outcome)));
    }
    if let Some(refer_to) = &implied.refer_to {
        values.push(("refer_to", text(refer_to)));
    }
    values
}

/// Decides one field. `base` is `None` when there is no common ancestor,
/// `Some(None)` when the ancestor lacks the field. `implied` is the value
/// the merged history gives `status`, `assignee` or `outcome`: such a field
/// always follows the history, whatever each side holds, so it never
/// disagrees with its events after a merge.
fn merge_field(
    field: &str,
    base: Option<Option<&Value>>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    implied: Option<Option<Value>>,
) -> Decision {
    if let Some(value) = implied {
        let both_changed = base.is_none_or(|b| ours != b && theirs != b) && ours != theirs;
        let neither = ours != value.as_ref() && theirs != value.as_ref();
        return derived(value, both_changed || neither);
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
    Decision::Conflict
}

/// A value taken from the merged history; explained when the sides differed.
fn derived(value: Option<Value>, explain: bool) -> Decision {
    if !explain {
        return Decision::Take(value);
    }
    let shown = value.as_ref().map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    Decision::Derived(value, shown)
}

/// Three-way merge of a list treated as a set: an item is kept when it is
/// on a side that added it or on both sides; removed when a side removed
/// it. Kept items of `base` stay in their order; additions follow, sorted,
/// so the result does not depend on which side is ours.
fn merge_set(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let items = |v: Option<&Value>| -> Vec<Value> {
        v.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let (b, o, t) = (items(base), items(ours), items(theirs));
    let mut merged: Vec<Value> = b
        .iter()
        .filter(|i| o.contains(i) && t.contains(i))
        .cloned()
        .collect();
    let mut added: Vec<Value> = o
        .iter()
        .chain(&t)
        .filter(|i| !b.contains(i) && !merged.contains(i))
        .cloned()
        .collect();
    added.sort_by_key(std::string::ToString::to_string);
    added.dedup();
    merged.extend(added);
    (!merged.is_empty()).then_some(Value::Array(merged))
}

/// Every event of either side once, in one order whichever side merges.
///
/// An event is "the same" when every detail is equal, so the copy both
/// sides inherited from `base` is kept once, while two officers' notes at
/// the same second are both kept. An inherited event that one side lost
/// comes back: history is append-only, and a lost event is damage.
///
/// Events are ordered by time. Within one second, the order each side
/// wrote its events in is kept (a case accepted and moved on within a
/// second stays in that order), and events no side orders go by
/// [`Event::history_order`]. The result depends only on the two histories
/// as sets of same-second sequences, never on which side is "ours", so
/// merging A into B and B into A give the same history.
pub fn union_history(ours: &[Event], theirs: &[Event]) -> Vec<Event> {
    let mut nodes: Vec<&Event> = ours.iter().collect();
    let ours_ids: Vec<usize> = (0..ours.len()).collect();
    let mut matched = vec![false; ours.len()];
    let mut theirs_ids = Vec::with_capacity(theirs.len());
    for event in theirs {
        let twin = (0..ours.len()).find(|&i| !matched[i] && ours[i].is_same(event));
        match twin {
            Some(i) => {
                matched[i] = true;
                theirs_ids.push(i);
            }
            None => {
                nodes.push(event);
                theirs_ids.push(nodes.len() - 1);
            }
        }
    }
    // "a before b" wherever a side wrote a and b in a row in one second.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut waiting = vec![0usize; nodes.len()];
    for side in [&ours_ids, &theirs_ids] {
        for pair in side.windows(2) {
            if nodes[pair[0]].at == nodes[pair[1]].at {
                after[pair[0]].push(pair[1]);
                waiting[pair[1]] += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| nodes[a].history_order(nodes[b]));
    let mut done = vec![false; nodes.len()];
    let mut merged = Vec::with_capacity(nodes.len());
    for second in order.chunk_by(|&a, &b| nodes[a].at == nodes[b].at) {
        for _ in second {
            // The first ready event by the stable order; when the sides
            // disagree on an order (a cycle), the first one left.
            let pending = || second.iter().copied().filter(|&i| !done[i]);
            let next = pending()
                .find(|&i| waiting[i] == 0)
                .or_else(|| pending().next())
                .expect("an event is left in this second");
            done[next] = true;
            for &later in &after[next] {
                waiting[later] = waiting[later].saturating_sub(1);
            }
            merged.push(nodes[next].clone());
        }
    }
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
            let _ = write!(out, "<<<<<<< {OURS_LABEL}\n{mine}=======\n");
            out.push_str(&block(&theirs, field));
            let _ = writeln!(out, ">>>>>>> {THEIRS_LABEL}");
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
        _ => Err(Error::invalid(crate::said!("merge-not-object"))),
    }
}

fn from_object(map: Map<String, Value>) -> Result<Case> {
    serde_json::from_value(Value::Object(map)).map_err(json_error)
}

fn json_error(e: serde_json::Error) -> Error {
    Error::invalid(crate::said!("merge-invalid", error = e))
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
pub fn merge_files(base: &[u8], ours: &[u8], theirs: &[u8], policy: &dyn MergePolicy) -> FileMerge {
    let texts = [base, ours, theirs].map(|b| std::str::from_utf8(b).ok());
    let [Some(base), Some(ours), Some(theirs)] = texts else {
        // A case file that is not UTF-8 is damaged, never cleanly merged.
        let is_case =
            |b: &[u8]| b.starts_with(b"schema:") || b.windows(8).any(|w| w == b"\nschema:");
        return FileMerge::Text {
            reason: crate::msg!(policy.language(), "merge-not-utf8"),
            cases: [base, ours, theirs].into_iter().any(is_case),
        };
    };
    if let Some(schema) = [base, ours, theirs].into_iter().find_map(future_schema) {
        return FileMerge::Refused(crate::msg!(
            policy.language(),
            "merge-future-schema",
            schema = schema
        ));
    }
    let parse = |t: &str| crate::storage::casefile::parse_yaml_case(t);
    let has_base = !base.trim().is_empty();
    let parsed = (has_base.then(|| parse(base)), parse(ours), parse(theirs));
    let result = match parsed {
        (Some(Ok(b)), Ok(o), Ok(t)) => merge(&b, &o, &t, policy),
        (None, Ok(o), Ok(t)) => merge_two(&o, &t, policy),
        (b, o, t) => {
            let any_case = [base, ours, theirs]
                .iter()
                .any(|t| t.lines().any(|l| l.starts_with("schema:")));
            let lang = policy.language();
            let failure = [
                (crate::msg!(lang, "merge-side-ours"), o.err()),
                (crate::msg!(lang, "merge-side-theirs"), t.err()),
                (
                    crate::msg!(lang, "merge-side-base"),
                    b.and_then(std::result::Result::err),
                ),
            ]
            .into_iter()
            .find_map(|(side, e)| {
                e.map(|e| {
                    crate::msg!(
                        lang,
                        "merge-side-invalid",
                        side = side,
                        error = e.render(lang)
                    )
                })
            })
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
    use crate::model::{EventKind, Move};
    use crate::storage::casefile::{conflict_marker_line, parse_yaml_case};

    fn at(minutes: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-02T09:30:00+08:00").unwrap()
            + Duration::minutes(minutes)
    }

    fn policy() -> Policy {
        Policy::build("tourism", &Default::default()).unwrap()
    }

    fn base() -> Case {
        let text = "schema: 1\nid: 20261102-K7QF2\ntitle: 导游强迫购物\n\
            received: 2026-11-02T09:30:00+08:00\nfacts: 原始说法\nassignee: 王芳\nstatus: received\n\
            tags: [a]\nhistory:\n- at: 2026-11-02T09:30:00+08:00\n  by: 王芳\n  action: registered\n";
        parse_yaml_case(text).unwrap()
    }

    fn note(case: &mut Case, minutes: i64, by: &str, text: &str) {
        let mut e = Event::new(at(minutes), by, EventKind::Note);
        e.note = Some(text.into());
        case.history.push(e);
    }

    fn advance(case: &mut Case, minutes: i64, by: &str, to: &str) {
        let moved = Move {
            from: Some(case.status.clone()),
            to: to.into(),
            ..Move::default()
        };
        case.history
            .push(Event::new(at(minutes), by, EventKind::Status(moved)));
        case.status = to.into();
    }

    /// Records `outcome` on the case's latest move, as `resolve` does.
    fn set_outcome(case: &mut Case, outcome: &str) {
        if let EventKind::Status(m) = &mut case.history.last_mut().unwrap().what {
            m.outcome = Some(outcome.into());
        }
        case.outcome = Some(outcome.into());
    }

    fn assign(case: &mut Case, minutes: i64, by: &str, to: &str) {
        let assigned = EventKind::Assigned {
            from: case.assignee.clone(),
            to: Some(to.into()),
        };
        case.history.push(Event::new(at(minutes), by, assigned));
        case.assignee = Some(to.into());
    }

    #[test]
    fn notes_on_both_sides_are_all_kept_in_time_order() {
        let (b, mut o, mut t) = (base(), base(), base());
        note(&mut o, 10, "王芳", "ours 1");
        note(&mut t, 5, "李明", "theirs 1");
        note(&mut o, 20, "王芳", "ours 2");
        let r = merge(&b, &o, &t, &policy()).unwrap();
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
        let r = merge(&b, &o, &t, &policy()).unwrap();
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
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert!(r.is_clean(), "{:?}", r.conflicts);
        assert_eq!(r.case.status, "rejected");
        assert_eq!(r.case.assignee.as_deref(), Some("张伟"));
        assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
        let swapped = merge(&b, &t, &o, &policy()).unwrap();
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
        let r = merge(&b, &o, &t, &policy()).unwrap();
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
            set_outcome(c, outcome);
        }
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.outcome.as_deref(), Some("mediated"));
    }

    #[test]
    fn facts_changed_differently_on_both_sides_is_a_conflict_in_markers() {
        let (b, mut o, mut t) = (base(), base(), base());
        o.facts = Some("甲的说法".into());
        t.facts = Some("乙的说法\n第二行".into());
        note(&mut t, 3, "李明", "n");
        let r = merge(&b, &o, &t, &policy()).unwrap();
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
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert_eq!(r.conflicts, ["facts"]);
        let text = render_conflicted(&r).unwrap();
        assert!(
            text.contains("<<<<<<< ours\n=======\nfacts: 改了\n>>>>>>> theirs\n"),
            "{text}"
        );
    }

    #[test]
    fn tags_and_links_merge_as_sets() {
        let id = |s: &str| crate::model::CaseId::parse(s).unwrap();
        let mut b = base();
        b.links = vec![id("20261001-AAAAA"), id("20261002-BBBBB")];
        let (mut o, mut t) = (b.clone(), b.clone());
        o.tags = vec!["a".into(), "vip".into()];
        t.tags = vec!["repeat".into()];
        // Ours drops one link and adds one; theirs adds another.
        o.links = vec![id("20261001-AAAAA"), id("20261003-CCCCC")];
        t.links.push(id("20261004-DDDDD"));
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.tags, ["repeat", "vip"]);
        assert_eq!(
            r.case.links,
            [
                id("20261001-AAAAA"),
                id("20261003-CCCCC"),
                id("20261004-DDDDD")
            ]
        );
    }

    #[test]
    fn complainants_and_representatives_from_different_sides_that_do_not_fit_conflict() {
        let mut b = base();
        b.complainants = vec![Default::default(), Default::default()];
        let (mut o, mut t) = (b.clone(), b.clone());
        o.complainants.pop();
        t.representatives = vec![1];
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert_eq!(r.conflicts, ["complainants", "representatives"]);

        // Only their version of a conflicting list is too short for the
        // representatives our side chose; the conflicts read in file order.
        let person = |name: &str| crate::model::Person {
            name: Some(name.into()),
            ..Default::default()
        };
        let (mut o, mut t) = (b.clone(), b.clone());
        o.complainants = vec![person("甲"), person("乙"), person("丙")];
        o.representatives = vec![2];
        o.facts = Some("我方".into());
        t.complainants = vec![person("丁")];
        t.facts = Some("对方".into());
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert_eq!(r.conflicts, ["complainants", "representatives", "facts"]);
        assert_eq!(r.case.representatives, [2]);
        assert_eq!(r.theirs.representatives, Vec::<usize>::new());
    }

    #[test]
    fn different_cases_are_never_merged() {
        let (b, o, mut t) = (base(), base(), base());
        t.id = crate::model::CaseId::parse("20261102-AAAAA").unwrap();
        assert!(merge(&b, &o, &t, &policy()).is_err());
    }

    #[test]
    fn merge_files_refuses_a_future_schema_and_falls_back_for_other_files() {
        let text = crate::storage::casefile::render_case(&base()).unwrap();
        let future = text.replace("schema: 1", "schema: 2");
        assert!(matches!(
            merge_files(
                text.as_bytes(),
                future.as_bytes(),
                text.as_bytes(),
                &policy()
            ),
            FileMerge::Refused(_)
        ));
        assert!(matches!(
            merge_files(b"a\n", b"b\n", b"c\n", &policy()),
            FileMerge::Text { cases: false, .. }
        ));
        assert!(matches!(
            merge_files(
                text.as_bytes(),
                b"schema: 1\nid: [\n",
                text.as_bytes(),
                &policy()
            ),
            FileMerge::Text { cases: true, .. }
        ));
        assert!(matches!(
            merge_files(b"", text.as_bytes(), text.as_bytes(), &policy()),
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
        case.project = Some(Default::default());
        case.category = Some("c".into());
        case.case_type = Some("t".into());
        case.cause = Some("c".into());
        case.demands = Some("d".into());
        case.contract_end = Some(at(0).date_naive());
        case.challenge_due = Some(at(0).date_naive());
        case.outcome = Some("o".into());
        case.compensation = Some(crate::model::Yuan { fen: 1 });
        case.refer_to = Some("r".into());
        case.measures = Some("m".into());
        case.findings = Some("f".into());
        case.agreement = Some("a".into());
        case.satisfaction = Some(crate::model::Satisfaction::Neutral);
        case.external_ref = Some("x".into());
        case.links = vec![case.id.clone()];
        let serde_json::Value::Object(map) = serde_json::to_value(&case).unwrap() else {
            panic!()
        };
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, CASE_FIELDS);
    }

    #[test]
    fn same_second_events_keep_one_order_whichever_side_merges() {
        // bob rejects, alice withdraws at the same second; alice pulls,
        // then bob notes and pulls alice's merge.
        let b = base();
        let (mut alice, mut bob) = (base(), base());
        advance(&mut bob, 30, "bob", "rejected");
        advance(&mut alice, 30, "alice", "withdrawn");
        let first = merge(&b, &alice, &bob, &policy()).unwrap().case;
        let mut bob_noted = bob.clone();
        note(&mut bob_noted, 40, "bob", "x");
        let second = merge(&bob, &bob_noted, &first, &policy()).unwrap().case;
        let moves = |c: &Case| -> Vec<String> {
            c.history
                .iter()
                .filter_map(|e| e.moved_to().map(str::to_string))
                .collect()
        };
        assert_eq!(moves(&second), moves(&first), "the tie keeps its order");
        let last = moves(&second).last().cloned().unwrap();
        assert_eq!(second.status, last, "status follows the history");
        assert_eq!(first.status, last);
        let swapped = merge(&b, &bob, &alice, &policy()).unwrap().case;
        assert_eq!(render_case(&swapped).unwrap(), render_case(&first).unwrap());
    }

    /// Asserts that `ours` and `theirs` merge to the same bytes whichever
    /// side is ours.
    fn merges_alike_either_way(b: &Case, ours: &Case, theirs: &Case) {
        let one = merge(b, ours, theirs, &policy()).unwrap().case;
        let other = merge(b, theirs, ours, &policy()).unwrap().case;
        assert_eq!(render_case(&one).unwrap(), render_case(&other).unwrap());
    }

    #[test]
    fn same_second_attachments_by_one_officer_merge_to_the_same_bytes_either_way() {
        // Events that differ only in fields a hand-listed key once left
        // out (file, sha256, size, name) still have one order.
        let attach = |case: &mut Case, file: &str, sha: &str| {
            let attached = EventKind::Attached {
                name: "photo.jpg".into(),
                file: format!("attachments/20261102-K7QF2/{file}"),
                size: 4,
                sha256: sha.into(),
            };
            case.history.push(Event::new(at(30), "王芳", attached));
        };
        let b = base();
        let (mut ours, mut theirs) = (base(), base());
        attach(&mut ours, "aaaa-photo.jpg", &"a".repeat(64));
        attach(&mut theirs, "bbbb-photo.jpg", &"b".repeat(64));
        merges_alike_either_way(&b, &ours, &theirs);
        // And a superseded mark against the notice it names.
        let (mut ours, mut theirs) = (base(), base());
        for (case, number) in [(&mut ours, "X-1"), (&mut theirs, "X-2")] {
            let superseded = EventKind::Superseded {
                number: number.into(),
                sha256: None,
            };
            case.history.push(Event::new(at(30), "王芳", superseded));
        }
        merges_alike_either_way(&b, &ours, &theirs);
    }

    #[test]
    fn a_same_second_chain_written_by_one_side_keeps_its_order() {
        let b = base();
        let (mut o, mut t) = (base(), base());
        advance(&mut o, 5, "王芳", "accepted");
        advance(&mut o, 5, "王芳", "investigating");
        advance(&mut o, 5, "王芳", "mediating");
        note(&mut t, 5, "李明", "n");
        for r in [merge(&b, &o, &t, &policy()), merge(&b, &t, &o, &policy())] {
            let case = r.unwrap().case;
            let moves: Vec<_> = case.history.iter().filter_map(Event::moved_to).collect();
            assert_eq!(moves, ["accepted", "investigating", "mediating"]);
            assert_eq!(case.status, "mediating");
        }
    }

    #[test]
    fn derived_fields_follow_the_history_even_when_one_side_changed_them() {
        let (b, mut o, mut t) = (base(), base(), base());
        assign(&mut o, 10, "王芳", "张伟");
        // Their side holds an assignee no event set (a damaged file).
        t.assignee = Some("刘洋".into());
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.case.assignee.as_deref(), Some("张伟"));
    }

    #[test]
    fn a_note_explains_a_derived_field_only_where_a_side_disagreed_with_it() {
        let b = base();
        // Only our side moved: its status is the history's, nothing to say.
        let mut moved = base();
        advance(&mut moved, 10, "王芳", "accepted");
        for (ours, theirs) in [(&moved, &b), (&b, &moved)] {
            let r = merge(&b, ours, theirs, &policy()).unwrap();
            assert_eq!(r.case.status, "accepted");
            assert_eq!(r.notes, Vec::<String>::new());
        }
        // Their side holds a status no event set: the history decides, and
        // says so.
        let mut damaged = base();
        damaged.status = "closed".into();
        let r = merge(&b, &moved, &damaged, &policy()).unwrap();
        assert_eq!(r.case.status, "accepted");
        assert_eq!(r.notes, ["`status` follows the merged history: accepted"]);
        // Both sides hold the same status their history contradicts.
        let mut both = moved.clone();
        both.status = "closed".into();
        let r = merge(&moved, &both, &both.clone(), &policy()).unwrap();
        assert_eq!(r.case.status, "accepted");
        assert_eq!(r.notes, ["`status` follows the merged history: accepted"]);
        // No assignee in the history nor on either side: no note.
        let (mut o, mut t) = (base(), base());
        o.assignee = None;
        t.assignee = None;
        let r = merge_two(&o, &t, &policy()).unwrap();
        assert_eq!(r.notes, Vec::<String>::new());
    }

    #[test]
    fn without_an_ancestor_a_field_only_one_side_has_is_taken_from_it() {
        let (mut o, t) = (base(), base());
        o.facts = None;
        o.category = Some("shopping".into());
        for (ours, theirs) in [(&o, &t), (&t, &o)] {
            let r = merge_two(ours, theirs, &policy()).unwrap();
            assert!(r.is_clean(), "{:?}", r.conflicts);
            assert_eq!(r.case.facts.as_deref(), Some("原始说法"));
            assert_eq!(r.case.category.as_deref(), Some("shopping"));
        }
        let mut other = base();
        other.facts = Some("另一说法".into());
        let r = merge_two(&t, &other, &policy()).unwrap();
        assert_eq!(r.conflicts, ["facts"]);
    }

    #[test]
    fn split_conflict_reads_both_marker_styles_and_drops_the_base() {
        let merge_style = "a\n<<<<<<< ours\nx: 1\n=======\nx: 2\n>>>>>>> theirs\nb\n";
        let diff3 = "a\n<<<<<<< ours\nx: 1\n||||||| base\nx: 0\n=======\nx: 2\n>>>>>>> theirs\nb\n";
        for text in [merge_style, diff3] {
            assert_eq!(
                split_conflict(text),
                Some(("a\nx: 1\nb\n".to_string(), "a\nx: 2\nb\n".to_string())),
                "{text}"
            );
        }
        assert_eq!(split_conflict("a\nb\n"), None);
        assert_eq!(split_conflict("<<<<<<< ours\nx\n=======\n"), None);
    }

    #[test]
    fn merge_files_tells_merged_conflicted_and_damaged_files_apart() {
        let text = |case: &Case| render_case(case).unwrap();
        let b = base();
        let mut o = base();
        o.title = Some("我方标题".into());
        let mut t = base();
        t.title = Some("对方标题".into());
        let merged = merge_files(
            text(&b).as_bytes(),
            text(&o).as_bytes(),
            text(&b).as_bytes(),
            &policy(),
        );
        assert!(matches!(merged, FileMerge::Merged { .. }), "{merged:?}");
        match merge_files(
            text(&b).as_bytes(),
            text(&o).as_bytes(),
            text(&t).as_bytes(),
            &policy(),
        ) {
            FileMerge::Conflicted { fields, text, .. } => {
                assert_eq!(fields, ["title"]);
                assert!(text.contains("<<<<<<< ours\ntitle: 我方标题"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        // Bytes that are not UTF-8: a case file when any side declares a
        // schema, at its start or on a later line.
        let damaged = |bytes: &[u8]| match merge_files(b"", bytes, b"", &policy()) {
            FileMerge::Text { cases, .. } => cases,
            other => panic!("{other:?}"),
        };
        assert!(damaged(b"schema: 1\nid: \xff\n"));
        assert!(damaged(b"# note\nschema: 1\nid: \xff\n"));
        assert!(!damaged(b"\xff\xfe binary\n"));
    }

    #[test]
    fn a_reopened_case_loses_its_outcome_in_a_merge() {
        let (mut b, mut o, mut t) = (base(), base(), base());
        for c in [&mut b, &mut o, &mut t] {
            advance(c, 1, "王芳", "accepted");
            advance(c, 2, "王芳", "investigating");
            advance(c, 3, "王芳", "resolved");
            set_outcome(c, "mediated");
        }
        advance(&mut o, 10, "王芳", "investigating");
        o.outcome = Some("mediated".into()); // as an older plaint left it
        note(&mut t, 11, "李明", "n");
        let r = merge(&b, &o, &t, &policy()).unwrap();
        assert_eq!(r.case.status, "investigating");
        assert_eq!(r.case.outcome, None);
        let workflow = Workflow::of("tourism", &Default::default(), Language::En).unwrap();
        assert_eq!(merge(&b, &o, &t, &workflow).unwrap(), r);
    }

    #[test]
    fn a_workflow_tells_open_states_as_its_whole_policy_does() {
        for preset in crate::policy::PRESETS {
            let policy = Policy::build(preset, &Default::default()).unwrap();
            let workflow = Workflow::of(preset, &Default::default(), Language::En).unwrap();
            assert_eq!(workflow.states, policy.states, "{preset}");
            let names = policy.states.iter().map(|s| s.name.as_str());
            for state in names.chain(["mediating", "unknown"]) {
                assert_eq!(
                    MergePolicy::is_open(&workflow, state),
                    policy.is_open(state),
                    "{preset}: {state}"
                );
            }
        }
        // With overrides the whole policy is built, and one that does not
        // build gives no workflow (the driver then uses the generic one).
        let overrides = PolicyOverrides {
            joint_threshold: Some(6),
            ..Default::default()
        };
        let workflow = Workflow::of("tourism", &overrides, Language::Zh).unwrap();
        assert_eq!(workflow.states, policy().states);
        assert_eq!(workflow.language, Language::Zh);
        let broken = PolicyOverrides {
            suspend_state: Some("nowhere".into()),
            ..Default::default()
        };
        assert!(Policy::build("tourism", &broken).is_err());
        assert_eq!(Workflow::of("tourism", &broken, Language::En), None);
        assert_eq!(
            Workflow::of("unknown", &Default::default(), Language::En),
            None
        );
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
            let r = merge(&b, &o, &t, &policy()).unwrap();
            prop_assert!(r.is_clean());
            let h = &r.case.history;
            prop_assert_eq!(h.len(), 1 + shared + ours.len() + theirs.len());
            prop_assert!(h.windows(2).all(|w| w[0].at <= w[1].at));
            for e in o.history.iter().chain(&t.history) {
                prop_assert!(h.contains(e));
            }
            let again = merge(&b, &r.case, &t, &policy()).unwrap();
            prop_assert_eq!(&again.case, &r.case, "merging again changes nothing");
        }

        #[test]
        fn merging_either_way_gives_byte_identical_files(
            ours in proptest::collection::vec((0u8..6, 0i64..4), 0..7),
            theirs in proptest::collection::vec((0u8..6, 0i64..4), 0..7),
            one_officer in any::<bool>(),
        ) {
            let mut b = base();
            advance(&mut b, 0, "王芳", "accepted");
            // Both sides by one officer (one person on two machines) ties
            // events of the same kind, by the same person, in the same second.
            let play = |ops: &[(u8, i64)], by: &str, side: &str| {
                let mut c = b.clone();
                let mut minute = 0;
                for (i, &(op, step)) in ops.iter().enumerate() {
                    // Many events share a second: steps are 0 or 1 minute.
                    minute += step / 2;
                    let status = c.status.clone();
                    match (op, status.as_str()) {
                        (0, _) => note(&mut c, minute, by, &format!("{side} {i}")),
                        (4, _) => {
                            let attached = EventKind::Attached {
                                name: "photo.jpg".into(),
                                file: format!("attachments/20261102-K7QF2/{side}{i}-photo.jpg"),
                                size: 4,
                                sha256: format!("{side}{i}"),
                            };
                            c.history.push(Event::new(at(minute), by, attached));
                        }
                        (1, _) => assign(&mut c, minute, by, if i % 2 == 0 { "张伟" } else { "刘洋" }),
                        (2, "accepted") => advance(&mut c, minute, by, "investigating"),
                        (2, "investigating") => advance(&mut c, minute, by, "mediating"),
                        (3, _) => c.tags.push(format!("t{i}")),
                        (_, "suspended") => advance(&mut c, minute, by, "accepted"),
                        _ => advance(&mut c, minute, by, "suspended"),
                    }
                }
                c
            };
            let second = if one_officer { "王芳" } else { "李明" };
            let (o, t) = (play(&ours, "王芳", "o"), play(&theirs, second, "t"));
            let one = merge(&b, &o, &t, &policy()).unwrap();
            let other = merge(&b, &t, &o, &policy()).unwrap();
            prop_assert!(one.is_clean() && other.is_clean());
            prop_assert_eq!(render_case(&one.case).unwrap(), render_case(&other.case).unwrap());
            // Merging the result again with either side changes nothing.
            let again = merge(&o, &one.case, &other.case, &policy()).unwrap();
            prop_assert_eq!(render_case(&again.case).unwrap(), render_case(&one.case).unwrap());
            let last = one.case.history.iter().rev().find_map(|e| e.status_move().map(|m| m.to.clone()));
            prop_assert_eq!(Some(one.case.status.clone()), last);
        }
    }
}
