//! Actions on a workspace in a temporary folder, with the officer and the
//! moment passed in: what each writes, and that a refusal writes nothing.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::intake::{Intake, build_case};
use crate::model::{Action, Draft};
use crate::policy::settings::Settings;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn actor(name: &str, now: &str) -> Actor {
    Actor {
        approved_by: None,
        name: name.into(),
        now: at(now),
        clock: at("2030-01-01T00:00:00+08:00"),
    }
}

/// A tourism workspace holding one case received 2026-11-02 09:30.
fn office() -> (tempfile::TempDir, Workspace, CaseId) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::init(dir.path(), &Settings::new("tourism", "cn")).unwrap();
    let draft = Draft {
        title: Some("导游强迫购物".into()),
        complainants: vec![crate::model::Person {
            name: Some("张三".into()),
            ..Default::default()
        }],
        received: Some("2026-11-02 09:30".into()),
        ..Draft::default()
    };
    let intake = Intake {
        policy: &ws.policy,
        calendar: &ws.calendar,
        force: false,
        offset: ws.offset,
        now: at("2026-11-02T10:00:00+08:00"),
        by: "王芳",
        action: Action::Registered,
    };
    let built = build_case(draft, &intake).unwrap();
    let id = register(&ws, built).unwrap().case.id;
    (dir, ws, id)
}

fn request(target: &str) -> TransitionRequest {
    TransitionRequest {
        target: target.into(),
        ..TransitionRequest::default()
    }
}

#[test]
fn register_stores_the_case_under_a_fresh_id_of_its_day() {
    let (_dir, ws, id) = office();
    assert!(id.as_str().starts_with("20261102-"));
    assert_ne!(id.as_str(), "20261102-00000");
    let stored = ws.read_case(&id).unwrap();
    assert_eq!(stored.title.as_deref(), Some("导游强迫购物"));
    assert_eq!(stored.assignee.as_deref(), Some("王芳"));
}

#[test]
fn each_action_appends_one_event_at_the_actors_moment() {
    let (_dir, ws, id) = office();
    let li = actor("李明", "2026-11-03T09:00:00+08:00");
    note(&ws, &id, "第一次回访\r\n无人接听  ", &li).unwrap();
    assign(&ws, &id, "李明", Some("王芳休假，交李明承办"), &li).unwrap();
    advance(&ws, &id, &request("withdrawn"), None, &li).unwrap();
    let case = ws.read_case(&id).unwrap();
    let tail: Vec<(Action, &str, DateTime<FixedOffset>)> = case.history[1..]
        .iter()
        .map(|e| (e.action(), e.by.as_str(), e.at))
        .collect();
    let t = at("2026-11-03T09:00:00+08:00");
    assert_eq!(
        tail,
        [
            (Action::Note, "李明", t),
            (Action::Assigned, "李明", t),
            (Action::Status, "李明", t)
        ]
    );
    assert_eq!(
        case.history[1].note.as_deref(),
        Some("第一次回访\n无人接听")
    );
    // The handover keeps its reason.
    assert_eq!(
        case.history[2].note.as_deref(),
        Some("王芳休假，交李明承办")
    );
    assert_eq!(case.assignee.as_deref(), Some("李明"));
    assert_eq!(case.status, "withdrawn");
}

#[test]
fn an_action_is_stored_when_it_happened_in_time_order() {
    let (_dir, ws, id) = office();
    note(&ws, &id, "later", &actor("a", "2026-11-10T09:00:00+08:00")).unwrap();
    // A clone whose clock is behind: the note keeps its own time and is
    // placed before the later one, never moved to it.
    let changed = note(&ws, &id, "behind", &actor("b", "2026-11-05T09:00:00+08:00")).unwrap();
    let notes: Vec<_> = changed
        .case
        .history
        .iter()
        .filter(|e| e.action() == Action::Note)
        .map(|e| (e.note.as_deref().unwrap(), e.at))
        .collect();
    assert_eq!(
        notes,
        [
            ("behind", at("2026-11-05T09:00:00+08:00")),
            ("later", at("2026-11-10T09:00:00+08:00"))
        ]
    );
}

#[test]
fn refusals_write_nothing() {
    let (_dir, ws, id) = office();
    let before = std::fs::read(ws.case_path(&id)).unwrap();
    let now = actor("a", "2026-11-03T09:00:00+08:00");
    let refused = [
        note(&ws, &id, "  \r\n ", &now).map(|_| ()),
        assign(&ws, &id, " ", None, &now).map(|_| ()),
        advance(&ws, &id, &request("closed"), None, &now).map(|_| ()),
        advance(
            &ws,
            &id,
            &request("rejected"),
            Some(at("2026-11-04T09:00:00+08:00")),
            &now,
        )
        .map(|_| ()),
    ];
    for (i, result) in refused.into_iter().enumerate() {
        assert!(result.is_err(), "refusal {i} went through");
    }
    assert_eq!(std::fs::read(ws.case_path(&id)).unwrap(), before);
    let same = assign(&ws, &id, "王芳", None, &now).unwrap();
    assert!(!same.written, "already assigned: nothing to write");
    assert_eq!(std::fs::read(ws.case_path(&id)).unwrap(), before);
}

#[test]
fn changed_fields_names_top_level_fields_but_never_history() {
    let (_dir, ws, id) = office();
    let before = ws.read_case(&id).unwrap();
    let mut after = before.clone();
    after.title = Some("新".into());
    after.facts = Some("事实".into());
    after.history.clear();
    assert_eq!(changed_fields(&before, &after), ["facts", "title"]);
    assert!(changed_fields(&before, &before).is_empty());
}

#[test]
fn a_change_with_nothing_to_do_leaves_the_file_as_it_is() {
    let (_dir, ws, id) = office();
    let now = actor("李明", "2026-11-03T09:00:00+08:00");
    let at_once = Some(at("2026-11-03T08:00:00+08:00"));
    type Step = fn(&Workspace, &CaseId, &Actor, Option<DateTime<FixedOffset>>) -> Changed;
    // (what is done, whether it is written, a warning it gives)
    let steps: [(&str, Step, bool, Option<&str>); 4] = [
        (
            "assign 李明",
            |ws, id, a, _| assign(ws, id, "李明", None, a).unwrap(),
            true,
            None,
        ),
        (
            "assign 李明 again",
            |ws, id, a, _| assign(ws, id, "李明", None, a).unwrap(),
            false,
            Some("already assigned"),
        ),
        (
            "mark respondent-notified",
            |ws, id, a, when| mark(ws, id, "respondent-notified", when, None, a).unwrap(),
            true,
            None,
        ),
        (
            "mark respondent-notified again",
            |ws, id, a, when| mark(ws, id, "respondent-notified", when, None, a).unwrap(),
            false,
            Some("already recorded"),
        ),
    ];
    for (what, step, written, warning) in steps {
        let before = std::fs::read(ws.case_path(&id)).unwrap();
        let changed = step(&ws, &id, &now, at_once);
        let after = std::fs::read(ws.case_path(&id)).unwrap();
        assert_eq!(changed.written, written, "{what}");
        assert_eq!(before != after, written, "{what}: the file");
        match warning {
            Some(needle) => assert!(
                changed.warnings.iter().any(|w| w.contains(needle)),
                "{what}: {:?}",
                changed.warnings
            ),
            None => assert!(
                changed.warnings.is_empty(),
                "{what}: {:?}",
                changed.warnings
            ),
        }
        assert_eq!(
            changed.case,
            ws.read_case(&id).unwrap(),
            "{what}: the case returned is the one on disk"
        );
    }
}

#[test]
fn a_replacement_is_written_only_over_the_bytes_it_was_made_from() {
    let (_dir, ws, id) = office();
    let original = std::fs::read(ws.case_path(&id)).unwrap();
    let mut edited = ws.read_case(&id).unwrap();
    edited.title = Some("新标题".into());
    note(
        &ws,
        &id,
        "meanwhile",
        &actor("b", "2026-11-03T09:00:00+08:00"),
    )
    .unwrap();
    let meanwhile = std::fs::read(ws.case_path(&id)).unwrap();
    assert!(!ws.replace_unchanged(&edited, &original).unwrap());
    assert_eq!(std::fs::read(ws.case_path(&id)).unwrap(), meanwhile);
    assert!(ws.replace_unchanged(&edited, &meanwhile).unwrap());
    assert_eq!(ws.read_case(&id).unwrap().title.as_deref(), Some("新标题"));
}
