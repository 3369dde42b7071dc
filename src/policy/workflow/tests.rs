//! The workflow rules, table by table: moves, requirements, joint
//! complaints, the filing limit, event order and suspension.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::policy::PolicyOverrides;
use crate::storage::casefile::parse_yaml_case;

fn tourism() -> Policy {
    Policy::build("tourism", &PolicyOverrides::default()).unwrap()
}

fn cn() -> Calendar {
    crate::calendar::CalendarSet::default()
        .get("cn")
        .unwrap()
        .clone()
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A case received 2026-11-02 09:30 in `status` with extra YAML `fields`.
fn case(status: &str, fields: &str) -> Case {
    parse_yaml_case(&format!(
        "schema: 1\nid: 20261102-K7QF2\nreceived: 2026-11-02T09:30:00+08:00\n{fields}status: {status}\n\
         history:\n- at: 2026-11-02T09:30:00+08:00\n  by: a\n  action: registered\n"
    ))
    .unwrap()
}

/// Everything acceptance needs in the tourism preset.
const READY: &str = "complainants:\n- name: 张三\nrespondent:\n  name: 阳光旅行社\ndemands: 退款\n";

fn request(target: &str) -> TransitionRequest {
    TransitionRequest {
        target: target.into(),
        ..TransitionRequest::default()
    }
}

const LATER: &str = "2026-11-03T10:00:00+08:00";

fn try_advance(
    policy: &Policy,
    case: &mut Case,
    request: &TransitionRequest,
) -> Result<Vec<String>> {
    advance(policy, &cn(), case, request, at(LATER), "王芳")
}

#[test]
fn a_move_appends_one_event_with_everything_the_request_carried() {
    let policy = tourism();
    let mut c = case("received", READY);
    let req = TransitionRequest {
        note: Some("材料齐全".into()),
        ..request("accepted")
    };
    assert_eq!(
        try_advance(&policy, &mut c, &req).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(c.status, "accepted");
    let e = c.history.last().unwrap();
    assert_eq!(e.action, Action::Status);
    assert_eq!(
        (e.from.as_deref(), e.to.as_deref()),
        (Some("received"), Some("accepted"))
    );
    assert_eq!((e.by.as_str(), e.at), ("王芳", at(LATER)));
    assert_eq!(e.note.as_deref(), Some("材料齐全"));
    assert!(e.forced.is_empty());

    let mut c = case("received", "");
    let req = TransitionRequest {
        to: Some("市场监管局".into()),
        ..request("transferred")
    };
    try_advance(&policy, &mut c, &req).unwrap();
    assert_eq!(
        c.history.last().unwrap().transfer_to.as_deref(),
        Some("市场监管局")
    );

    let mut c = case("received", "");
    let req = TransitionRequest {
        reason: Some("incomplete".into()),
        ..request("rejected")
    };
    try_advance(&policy, &mut c, &req).unwrap();
    assert_eq!(
        c.history.last().unwrap().reason.as_deref(),
        Some("incomplete")
    );

    let mut c = case("investigating", "");
    let req = TransitionRequest {
        outcome: Some("mediated".into()),
        ..request("resolved")
    };
    try_advance(&policy, &mut c, &req).unwrap();
    assert_eq!(c.outcome.as_deref(), Some("mediated"));
    assert_eq!(
        c.history.last().unwrap().outcome.as_deref(),
        Some("mediated")
    );
}

#[test]
fn refused_moves_name_the_reason_and_change_nothing() {
    let policy = tourism();
    let table: [(&str, &str, TransitionRequest, &str); 8] = [
        (
            "received",
            READY,
            request("nowhere"),
            "unknown state 'nowhere'",
        ),
        (
            "received",
            READY,
            request("resolved"),
            "allowed from received: accepted, rejected, transferred, withdrawn",
        ),
        (
            "closed",
            "",
            request("received"),
            "allowed from closed: investigating",
        ),
        (
            "received",
            "",
            request("accepted"),
            "missing complainant (a named complainant: `plaint edit`), respondent (the respondent's name: `plaint edit`), demands (the complainant's demands: `plaint edit`)",
        ),
        (
            "received",
            "",
            request("rejected"),
            "missing reason (--reason CODE)",
        ),
        (
            "received",
            "",
            request("transferred"),
            "missing to (--to AUTHORITY)",
        ),
        (
            "investigating",
            "",
            request("resolved"),
            "missing outcome (--outcome CODE)",
        ),
        (
            "received",
            "",
            TransitionRequest {
                reason: Some("too-late".into()),
                ..request("rejected")
            },
            "too-late",
        ),
    ];
    for (status, fields, req, needle) in table {
        let mut c = case(status, fields);
        let before = c.clone();
        let err = try_advance(&policy, &mut c, &req).unwrap_err().to_string();
        assert!(err.contains(needle), "{status} -> {}: {err}", req.target);
        assert_eq!(c, before, "a refused move changed the case");
    }
}

#[test]
fn every_requirement_is_checked_by_what_it_names() {
    // (requirement, fields that meet it, a request that meets it)
    let table: [(&str, &str, TransitionRequest); 14] = [
        ("title", "title: 标题\n", request("withdrawn")),
        (
            "complainant",
            "complainants:\n- name: 张三\n",
            request("withdrawn"),
        ),
        (
            "complainant.phone",
            "complainants:\n- phone: '13800138000'\n",
            request("withdrawn"),
        ),
        (
            "respondent",
            "respondent:\n  name: 阳光\n",
            request("withdrawn"),
        ),
        ("demands", "demands: 退款\n", request("withdrawn")),
        ("facts", "facts: 经过\n", request("withdrawn")),
        ("category", "category: shopping\n", request("withdrawn")),
        (
            "contract_end",
            "contract_end: 2026-10-01\n",
            request("withdrawn"),
        ),
        ("assignee", "assignee: 王芳\n", request("withdrawn")),
        (
            "reason",
            "",
            TransitionRequest {
                reason: Some("x".into()),
                ..request("withdrawn")
            },
        ),
        (
            "to",
            "",
            TransitionRequest {
                to: Some("x".into()),
                ..request("withdrawn")
            },
        ),
        ("outcome", "outcome: settled\n", request("withdrawn")),
        (
            "note",
            "",
            TransitionRequest {
                note: Some("x".into()),
                ..request("withdrawn")
            },
        ),
        (
            "followup",
            "satisfaction: satisfied\n",
            request("withdrawn"),
        ),
    ];
    for (requirement, fields, met) in table {
        let mut policy = tourism();
        policy
            .requires
            .insert("withdrawn".into(), vec![requirement.into()]);
        let mut bare = case("received", "title: \"  \"\n");
        let err = try_advance(&policy, &mut bare, &request("withdrawn"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("missing {requirement} (")),
            "{requirement}: {err}"
        );
        assert!(!err.contains("()"), "{requirement} has a hint: {err}");
        let mut ready = case("received", fields);
        try_advance(&policy, &mut ready, &met)
            .unwrap_or_else(|e| panic!("{requirement} was met: {e}"));
    }
    // An outcome given with the move meets the requirement too.
    let mut policy = tourism();
    policy
        .requires
        .insert("withdrawn".into(), vec!["outcome".into()]);
    let mut c = case("received", "");
    let req = TransitionRequest {
        outcome: Some("settled".into()),
        ..request("withdrawn")
    };
    try_advance(&policy, &mut c, &req).unwrap();
}

/// `n` complainants and `reps` representatives.
fn joint(n: usize, reps: &[usize]) -> Case {
    let mut c = case("received", READY);
    c.complainants = (0..n)
        .map(|i| crate::model::Person {
            name: Some(format!("投诉人{i}")),
            ..Default::default()
        })
        .collect();
    c.representatives = reps.to_vec();
    c
}

#[test]
fn a_joint_complaint_needs_one_to_three_representatives() {
    let policy = tourism();
    let table: [(usize, &[usize], bool); 7] = [
        (3, &[], true),
        (4, &[], false),
        (4, &[0], true),
        (4, &[0, 1, 2], true),
        (5, &[0, 1, 2, 3], false),
        (10, &[9], true),
        (1, &[], true),
    ];
    for (n, reps, ok) in table {
        let mut c = joint(n, reps);
        let got = try_advance(&policy, &mut c, &request("accepted"));
        assert_eq!(got.is_ok(), ok, "{n} complainants, {reps:?}: {got:?}");
        if let Err(e) = got {
            assert!(
                e.to_string().contains("needs 1 to 3 representatives"),
                "{e}"
            );
        }
    }
}

#[test]
fn the_filing_limit_counts_days_after_the_contract_end() {
    let policy = tourism();
    // Received Monday 2026-11-02. From 2026-08-03 day 90 is Sunday 11-01,
    // so the limit ends on Monday (Civil Code art. 203); from 2026-08-01 it
    // is Friday 10-30, a working day.
    let table = [
        ("2026-08-04", None),
        ("2026-08-03", None),
        (
            "2026-08-01",
            Some(
                "filed 93 days after the contract ended on 2026-08-01, more than the 90 days allowed (旅游投诉处理办法 第九条 (art. 9)) (the limit ran to 2026-10-30)",
            ),
        ),
    ];
    for (end, want) in table {
        let c = case("received", &format!("contract_end: {end}\n"));
        assert_eq!(
            filing_limit_exceeded(&policy, &cn(), &c).as_deref(),
            want,
            "{end}"
        );
    }
    assert_eq!(
        filing_limit_exceeded(&policy, &cn(), &case("received", "")),
        None
    );
    let late = format!("{READY}contract_end: 2026-01-01\n");
    let mut c = case("received", &late);
    let err = try_advance(&policy, &mut c, &request("accepted")).unwrap_err();
    assert!(err.to_string().contains("use --force"), "{err}");
    let forced = TransitionRequest {
        force: true,
        ..request("accepted")
    };
    let warnings = try_advance(&policy, &mut c, &forced).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("accepted despite: filed 305 days"),
        "{warnings:?}"
    );
    assert_eq!(c.history.last().unwrap().forced, ["filing-limit"]);
}

#[test]
fn events_keep_history_in_order() {
    let c = case("received", "");
    let received = "2026-11-02T09:30:00+08:00";
    for (moment, ok) in [
        (received, true),
        ("2026-11-02T09:29:59+08:00", false),
        ("2026-11-02T01:30:00Z", true),
        (LATER, true),
    ] {
        assert_eq!(
            check_event_time(&c, Action::Note, at(moment)).is_ok(),
            ok,
            "{moment}"
        );
    }
    let mut moved = c.clone();
    let mut e = Event::new(at(LATER), "a", Action::Status);
    e.from = Some("received".into());
    e.to = Some("accepted".into());
    moved.history.push(e);
    // A note may go between existing events; a move never goes before a
    // later move.
    let earlier = at("2026-11-03T09:59:00+08:00");
    assert!(check_event_time(&moved, Action::Note, earlier).is_ok());
    let err = check_event_time(&moved, Action::Status, earlier).unwrap_err();
    assert!(
        err.to_string().contains("before the case's status event"),
        "{err}"
    );
    assert!(check_event_time(&moved, Action::Status, at(LATER)).is_ok());
    let err = check_event_time(&moved, Action::Note, at("2026-11-01T00:00:00+08:00")).unwrap_err();
    assert!(
        err.to_string().contains("before the case was received"),
        "{err}"
    );
}

#[test]
fn a_suspended_case_may_return_where_it_came_from() {
    let policy = tourism();
    let mut c = case("received", READY);
    for (target, moment) in [
        ("accepted", "2026-11-03T10:00:00+08:00"),
        ("mediating", "2026-11-04T10:00:00+08:00"),
        ("suspended", "2026-11-05T10:00:00+08:00"),
    ] {
        advance(&policy, &cn(), &mut c, &request(target), at(moment), "a").unwrap();
    }
    assert_eq!(state_before_suspension(&c).as_deref(), Some("mediating"));
    // Only status events count, whatever another event's `to` says.
    let mut handed = Event::new(at("2026-11-06T10:00:00+08:00"), "a", Action::Assigned);
    handed.from = Some("王芳".into());
    handed.to = Some("suspended".into());
    c.history.push(handed);
    assert_eq!(state_before_suspension(&c).as_deref(), Some("mediating"));
    assert_eq!(allowed_targets(&policy, &c), ["mediating", "withdrawn"]);
    assert_eq!(
        allowed_targets(&policy, &case("received", "")),
        ["accepted", "rejected", "transferred", "withdrawn"]
    );
    assert_eq!(state_before_suspension(&case("received", "")), None);
}
