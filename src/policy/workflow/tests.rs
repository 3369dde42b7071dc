//! The workflow rules, table by table: moves, requirements, joint
//! complaints, the filing limit, event order and suspension.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::policy::PolicyOverrides;
use crate::policy::tests::{procurement, tourism};
use crate::storage::casefile::parse_yaml_case;

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
    let m = e.status_move().unwrap();
    assert_eq!(
        (m.from.as_deref(), m.to.as_str()),
        (Some("received"), "accepted")
    );
    assert_eq!((e.by.as_str(), e.at), ("王芳", at(LATER)));
    assert_eq!(e.note.as_deref(), Some("材料齐全"));
    assert!(e.forced.is_empty());

    // Each detail of the request is recorded on the move.
    let moved = |from: &str, req: TransitionRequest| {
        let mut c = case(from, "");
        try_advance(&policy, &mut c, &req).unwrap();
        let m = c.history.last().unwrap().status_move().unwrap().clone();
        (c, m)
    };
    let to = Some("市场监管局".to_string());
    let (_, m) = moved(
        "received",
        TransitionRequest {
            to: to.clone(),
            ..request("transferred")
        },
    );
    assert_eq!(m.transfer_to, to);
    let reason = Some("incomplete".to_string());
    let (_, m) = moved(
        "received",
        TransitionRequest {
            reason: reason.clone(),
            ..request("rejected")
        },
    );
    assert_eq!(m.reason, reason);
    let outcome = Some("mediated".to_string());
    let req = TransitionRequest {
        outcome: outcome.clone(),
        ..request("resolved")
    };
    let (c, m) = moved("investigating", req);
    assert_eq!((m.outcome, c.outcome), (outcome.clone(), outcome));
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
            "missing complainant (a named complainant: `plaint edit`), respondent (the respondent's name: `plaint edit`), demands (the complainant's demands: `plaint set ID demands TEXT`)",
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

/// Asserts what the filing limit says of a case received 2026-11-02 with
/// `field` set to each day of `table`.
fn assert_filing_limit(policy: &Policy, field: &str, table: &[(&str, Option<&str>)]) {
    for &(day, want) in table {
        let c = case("received", &format!("{field}: {day}\n"));
        let got = filing_limit_exceeded(policy, &cn(), &c);
        assert_eq!(got.as_deref(), want, "{field}: {day}");
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
                "filed 93 days after the contract ended on 2026-08-01, more than the 90 days allowed (《旅游投诉处理办法》第九条第（四）项, tourism complaint measures, art. 9(4)) (the limit ran to 2026-10-30)",
            ),
        ),
    ];
    assert_filing_limit(&policy, "contract_end", &table);
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
    let accepted = Move {
        from: Some("received".into()),
        to: "accepted".into(),
        ..Move::default()
    };
    moved
        .history
        .push(Event::new(at(LATER), "a", EventKind::Status(accepted)));
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
    let mut handed = c.clone();
    handed.history.push(event(Action::Assigned, Some("李明")));
    let err = check_event_time(&handed, Action::Assigned, earlier).unwrap_err();
    assert_eq!(
        err.to_string(),
        "2026-11-03 09:59 is before the case's assigned event at 2026-11-03 10:00; \
         history must stay in time order (record it at or after 2026-11-03 10:00)"
    );
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
    let assigned = EventKind::Assigned {
        from: Some("王芳".into()),
        to: Some("suspended".into()),
    };
    let handed = Event::new(at("2026-11-06T10:00:00+08:00"), "a", assigned);
    c.history.push(handed);
    assert_eq!(state_before_suspension(&c).as_deref(), Some("mediating"));
    assert_eq!(allowed_targets(&policy, &c), ["mediating", "withdrawn"]);
    assert_eq!(
        allowed_targets(&policy, &case("received", "")),
        ["accepted", "rejected", "transferred", "withdrawn"]
    );
    assert_eq!(state_before_suspension(&case("received", "")), None);
}

/// An event of `action` on 2026-11-03 going `to` (a state, or for a
/// handover an officer).
fn event(action: Action, to: Option<&str>) -> Event {
    let to = to.map(str::to_string);
    let what = match action {
        Action::Status => EventKind::Status(Move {
            to: to.expect("a move goes somewhere"),
            ..Move::default()
        }),
        Action::Assigned => EventKind::Assigned { from: None, to },
        Action::Imported => EventKind::Imported { to },
        Action::Edited => EventKind::Edited { fields: Vec::new() },
        Action::Note => EventKind::Note,
        Action::Consent => EventKind::Consent {
            consent: "全体投诉人书面同意".into(),
        },
        other => panic!("no test event of {other:?}"),
    };
    Event::new(at(LATER), "a", what)
}

/// The move a status event records.
fn mv(e: &mut Event) -> &mut Move {
    match &mut e.what {
        EventKind::Status(m) => m,
        other => panic!("not a move: {other:?}"),
    }
}

#[test]
fn registration_names_each_missing_requirement_with_its_hint() {
    const TITLE: &str = "a title or the facts (--title, --facts)";
    const NAMED: &str = "a complainant's name, or --anonymous when the complainant is not named";
    let policy = tourism();
    // (case fields, what registration still lacks)
    let table: [(&str, &[&str]); 8] = [
        ("", &[TITLE, NAMED]),
        ("title: 标题\ncomplainants:\n- name: 张三\n", &[]),
        ("facts: 经过\ntags: [anonymous]\n", &[]),
        ("title: \"  \"\nfacts: \"\"\ntags: [anonymous]\n", &[TITLE]),
        ("title: 标题\ncomplainants:\n- name: \"  \"\n", &[NAMED]),
        ("title: 标题\ntags: [vip]\n", &[NAMED]),
        ("title: 标题\ntags: [vip, anonymous]\n", &[]),
        ("facts: 经过\ncomplainants:\n- name: 张三\n", &[]),
    ];
    for (fields, want) in table {
        let got = registration_missing(&policy, &case("received", fields));
        assert_eq!(got, want, "{fields}");
    }
    let mut policy = tourism();
    policy
        .requires
        .insert(REGISTERED.into(), vec!["complainant.phone".into()]);
    assert_eq!(
        registration_missing(&policy, &case("received", "")),
        ["complainant.phone (--complainant-phone)"]
    );
}

#[test]
fn legal_representatives_are_met_only_when_named() {
    let req = TransitionRequest::default();
    // (requirement, case fields, met)
    let table = [
        ("complainant.legal_representative", "", false),
        (
            "complainant.legal_representative",
            "complainants:\n- name: 甲公司\n  legal_representative: \" \"\n",
            false,
        ),
        (
            "complainant.legal_representative",
            "complainants:\n- name: 甲公司\n- name: 乙公司\n  legal_representative: 李四\n",
            true,
        ),
        ("respondent.legal_representative", "", false),
        (
            "respondent.legal_representative",
            "respondent:\n  name: 阳光\n",
            false,
        ),
        (
            "respondent.legal_representative",
            "respondent:\n  name: 阳光\n  legal_representative: 王五\n",
            true,
        ),
    ];
    for (requirement, fields, met) in table {
        let c = case("received", fields);
        assert_eq!(
            requirement_met(&c, &req, requirement),
            met,
            "{requirement}: {fields}"
        );
    }
}

#[test]
fn the_way_to_a_state_is_the_shortest_path_from_the_first_state() {
    let policy = tourism();
    let table: [(&str, &[&str]); 6] = [
        ("received", &[]),
        ("accepted", &["accepted"]),
        ("mediating", &["accepted", "mediating"]),
        ("resolved", &["accepted", "investigating", "resolved"]),
        (
            "closed",
            &["accepted", "investigating", "resolved", "closed"],
        ),
        ("nowhere", &[]),
    ];
    for (target, want) in table {
        assert_eq!(way_to(&policy, target), want, "{target}");
    }
}

#[test]
fn an_incomplete_record_names_the_fields_of_each_state_on_the_way() {
    let policy = tourism();
    let fields = |c: &Case| -> Vec<String> {
        incomplete_record(&policy, c)
            .into_iter()
            .map(|(field, message)| {
                assert!(message.contains("reached"), "{field}: {message}");
                field
            })
            .collect()
    };
    assert_eq!(
        fields(&case("accepted", "")),
        ["complainants", "respondent.name", "demands"]
    );
    assert!(fields(&case("accepted", READY)).is_empty());
    assert_eq!(fields(&case("transferred", "")), ["history.transfer_to"]);
    // A move's details count when the status event into the state carries them.
    let with = |events: Vec<Event>| {
        let mut c = case("rejected", "");
        c.history.extend(events);
        c
    };
    let mut rejected = event(Action::Status, Some("rejected"));
    mv(&mut rejected).reason = Some("time-barred".into());
    let mut reason_elsewhere = event(Action::Status, Some("accepted"));
    mv(&mut reason_elsewhere).reason = Some("time-barred".into());
    let handed = event(Action::Assigned, Some("rejected"));
    let table: [(Vec<Event>, &[&str]); 5] = [
        (vec![], &["history.reason"]),
        (vec![rejected.clone()], &[]),
        (
            vec![event(Action::Status, Some("rejected"))],
            &["history.reason"],
        ),
        (vec![reason_elsewhere], &["history.reason"]),
        (vec![handed], &["history.reason"]),
    ];
    for (events, want) in table {
        let c = with(events.clone());
        assert_eq!(fields(&c), want, "{events:?}");
    }
    // A joint complaint's representatives count once it was accepted.
    let mut joint_accepted = joint(4, &[]);
    joint_accepted.status = "accepted".into();
    let got = incomplete_record(&policy, &joint_accepted);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "representatives");
    assert!(got[0].1.contains("needs 1 to 3 representatives"), "{got:?}");
    let mut joint_rejected = joint(4, &[]);
    joint_rejected.status = "rejected".into();
    joint_rejected.history.push(rejected);
    assert!(incomplete_record(&policy, &joint_rejected).is_empty());
}

#[test]
fn record_fields_name_where_a_requirement_is_kept() {
    let table = [
        ("complainant", "complainants"),
        ("complainant-or-anonymous", "complainants"),
        ("complainant.phone", "complainants[0].phone"),
        ("respondent", "respondent.name"),
        ("followup", "satisfaction"),
        ("reason", "history.reason"),
        ("to", "history.transfer_to"),
        ("note", "history.note"),
        ("demands", "demands"),
    ];
    for (requirement, field) in table {
        assert_eq!(record_field(requirement), field, "{requirement}");
    }
}

#[test]
fn on_the_spot_resolution_goes_only_from_the_first_state_to_a_listed_one() {
    let policy = Policy::build("hospital", &PolicyOverrides::default()).unwrap();
    // (status, target, allowed)
    let table = [
        ("received", "resolved", true),
        ("received", "closed", false),
        ("received", "withdrawn", false),
        ("accepted", "resolved", false),
    ];
    for (status, target, allowed) in table {
        let got = on_the_spot_allowed(&policy, &case(status, ""), target, Some("explained"));
        assert_eq!(got.is_ok(), allowed, "{status} -> {target}: {got:?}");
        if let Ok(ok) = got {
            assert!(ok);
        }
    }
    let none = procurement();
    let err = on_the_spot_allowed(&none, &case("received", ""), "resolved", None).unwrap_err();
    assert!(
        err.to_string().contains("no on-the-spot resolution"),
        "{err}"
    );
    // Tourism art. 17 ¶2: only harmful conduct stopped or corrected at once.
    let tourism = tourism();
    let received = case("received", "");
    let urgent = Some("corrected-on-the-spot");
    assert!(on_the_spot_allowed(&tourism, &received, "resolved", urgent).is_ok());
    for outcome in [None, Some("mediated")] {
        let err = on_the_spot_allowed(&tourism, &received, "resolved", outcome).unwrap_err();
        assert!(err.to_string().contains("may only end as"), "{err}");
    }
}

#[test]
fn withdrawing_or_settling_a_joint_complaint_needs_consent() {
    let policy = tourism();
    let consent = |text: &str| TransitionRequest {
        consent: Some(text.into()),
        ..request("withdrawn")
    };
    let settle = TransitionRequest {
        outcome: Some("settled".into()),
        ..request("resolved")
    };
    let decide = TransitionRequest {
        outcome: Some("decided".into()),
        ..request("resolved")
    };
    let mut consented = joint(4, &[0]);
    consented.history.push(event(Action::Consent, None));
    // (complainants, history has fresh consent, request, allowed)
    let table = [
        (joint(4, &[0]), request("withdrawn"), false),
        (joint(4, &[0]), settle.clone(), false),
        (joint(4, &[0]), decide, true),
        (joint(4, &[0]), request("accepted"), true),
        (joint(4, &[0]), consent("  "), false),
        (joint(4, &[0]), consent("全体书面同意"), true),
        (joint(3, &[]), request("withdrawn"), true),
        (joint(3, &[]), settle, true),
        (consented, request("withdrawn"), true),
    ];
    for (c, req, allowed) in table {
        let got = check_consent(&policy, &c, &req);
        assert_eq!(
            got.is_ok(),
            allowed,
            "{} {req:?}: {got:?}",
            c.complainants.len()
        );
        if let Err(e) = got {
            assert!(e.to_string().contains("4 complainants"), "{e}");
            assert!(e.to_string().contains("第十四条"), "{e}");
        }
    }
    assert_eq!(
        consent_needed_for(&tourism(), &request("withdrawn")),
        Some("step-withdrawing")
    );
}

#[test]
fn consent_is_fresh_only_since_the_last_status_move() {
    let table: [(Vec<Action>, bool); 6] = [
        (vec![], false),
        (vec![Action::Note], false),
        (vec![Action::Consent], true),
        (vec![Action::Consent, Action::Note], true),
        (vec![Action::Consent, Action::Status], false),
        (vec![Action::Status, Action::Consent], true),
    ];
    for (actions, fresh) in table {
        let mut c = case("received", "");
        c.history
            .extend(actions.iter().map(|a| event(*a, Some("accepted"))));
        assert_eq!(has_fresh_consent(&c), fresh, "{actions:?}");
    }
}

#[test]
fn the_history_implies_status_assignee_outcome_and_referral() {
    let policy = tourism();
    let mut rejected = event(Action::Status, Some("rejected"));
    mv(&mut rejected).reason = Some("outside-jurisdiction".into());
    mv(&mut rejected).refer_to = Some("市场监管局".into());
    let mut resolved = event(Action::Status, Some("resolved"));
    mv(&mut resolved).outcome = Some("mediated".into());
    let assigned = event(Action::Assigned, Some("王芳"));
    let edited = |field: &str| {
        let fields = vec![field.into()];
        Event::new(at(LATER), "a", EventKind::Edited { fields })
    };
    let some = |s: &str| Some(Some(s.to_string()));
    let implied = |status: Option<&str>, assignee, outcome, refer_to| FromHistory {
        status: status.map(str::to_string),
        assignee,
        outcome,
        refer_to,
    };
    let table = [
        (vec![], FromHistory::default()),
        (
            vec![rejected.clone(), assigned.clone()],
            implied(
                Some("rejected"),
                some("王芳"),
                None,
                Some(some("市场监管局").unwrap()),
            ),
        ),
        (
            vec![resolved.clone()],
            implied(Some("resolved"), None, some("mediated"), Some(None)),
        ),
        (
            vec![
                resolved.clone(),
                event(Action::Status, Some("investigating")),
            ],
            implied(Some("investigating"), None, Some(None), Some(None)),
        ),
        (
            vec![event(Action::Imported, Some("accepted"))],
            implied(Some("accepted"), None, None, None),
        ),
        (
            vec![rejected.clone(), event(Action::Imported, None)],
            implied(
                Some("rejected"),
                None,
                None,
                Some(some("市场监管局").unwrap()),
            ),
        ),
        (
            vec![rejected.clone(), assigned.clone(), edited("status")],
            implied(None, some("王芳"), None, Some(some("市场监管局").unwrap())),
        ),
        (
            vec![rejected.clone(), assigned.clone(), edited("assignee")],
            implied(
                Some("rejected"),
                None,
                None,
                Some(some("市场监管局").unwrap()),
            ),
        ),
        (
            vec![resolved.clone(), edited("outcome")],
            implied(Some("resolved"), None, None, Some(None)),
        ),
        (
            vec![rejected.clone(), edited("refer_to")],
            implied(Some("rejected"), None, None, None),
        ),
        (
            vec![rejected.clone(), edited("title")],
            implied(
                Some("rejected"),
                None,
                None,
                Some(some("市场监管局").unwrap()),
            ),
        ),
    ];
    for (history, want) in table {
        assert_eq!(FromHistory::of(&policy, &history), want, "{history:?}");
    }
}

#[test]
fn disagreements_with_the_history_are_named_and_applied() {
    let implied = FromHistory {
        status: Some("resolved".into()),
        assignee: Some(Some("王芳".into())),
        outcome: Some(Some("mediated".into())),
        refer_to: Some(None),
    };
    let agreeing = case("resolved", "assignee: 王芳\noutcome: mediated\n");
    assert!(implied.disagreements(&agreeing).is_empty());
    let mut copy = agreeing.clone();
    assert!(implied.apply(&mut copy).is_empty());
    assert_eq!(copy, agreeing);
    let mut stale = case("investigating", "assignee: 李雷\nrefer_to: 法院\n");
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        implied.disagreements(&stale),
        [
            ("status", s("investigating"), s("resolved")),
            ("assignee", s("李雷"), s("王芳")),
            ("outcome", None, s("mediated")),
            ("refer_to", s("法院"), None),
        ]
    );
    assert_eq!(
        implied.apply(&mut stale),
        ["status", "assignee", "outcome", "refer_to"]
    );
    assert_eq!(stale, agreeing);
    // Undecided fields are left as they are.
    let mut kept = case("investigating", "assignee: 李雷\n");
    assert!(FromHistory::default().apply(&mut kept).is_empty());
    assert_eq!(kept, case("investigating", "assignee: 李雷\n"));
}

#[test]
fn a_suspension_needs_one_of_the_policys_reasons() {
    let suspend = |reason: Option<&str>| TransitionRequest {
        reason: reason.map(str::to_string),
        ..request("suspended")
    };
    // (policy, request, allowed)
    let table = [
        (procurement(), suspend(None), false),
        (procurement(), suspend(Some("testing")), true),
        (procurement(), suspend(Some("holiday")), false),
        (procurement(), request("accepted"), true),
        (tourism(), suspend(None), true),
    ];
    for (policy, req, allowed) in table {
        let got = check_suspension_reason(&policy, &req);
        assert_eq!(got.is_ok(), allowed, "{req:?}: {got:?}");
    }
}

#[test]
fn a_referral_goes_only_with_a_rejection_as_outside_jurisdiction_and_the_tourism_measures_require_it()
 {
    let refer = |target: &str, reason: Option<&str>, body: Option<&str>| TransitionRequest {
        reason: reason.map(str::to_string),
        refer_to: body.map(str::to_string),
        ..request(target)
    };
    let table = [
        (
            refer("rejected", Some("outside-jurisdiction"), Some("市场监管局")),
            true,
        ),
        // Art. 9 ¶2: the complainant is told where to go, so the body is named.
        (refer("rejected", Some("outside-jurisdiction"), None), false),
        (refer("accepted", None, None), true),
        (
            refer("rejected", Some("outside-jurisdiction"), Some(" ")),
            false,
        ),
        (
            refer("rejected", Some("time-barred"), Some("市场监管局")),
            false,
        ),
        (refer("rejected", None, Some("市场监管局")), false),
        (
            refer(
                "transferred",
                Some("outside-jurisdiction"),
                Some("市场监管局"),
            ),
            false,
        ),
        (refer("accepted", None, Some("市场监管局")), false),
    ];
    for (req, allowed) in table {
        let got = check_referral(&tourism(), &req);
        assert_eq!(got.is_ok(), allowed, "{req:?}: {got:?}");
    }
}

#[test]
fn a_missing_contract_end_leaves_the_filing_limit_unchecked() {
    assert_eq!(
        filing_limit_unchecked(&tourism(), &case("received", "")).as_deref(),
        Some(
            "no contract_end: the 90-day filing limit was not checked (set it with `plaint edit`)"
        )
    );
    assert_eq!(
        filing_limit_unchecked(&tourism(), &case("received", "contract_end: 2026-10-01\n")),
        None
    );
    assert_eq!(
        filing_limit_unchecked(&procurement(), &case("received", "")),
        None
    );
}

#[test]
fn the_challenge_limit_counts_working_days_after_the_reply_was_due() {
    let policy = procurement();
    // Received 2026-11-02; the limit is 15 working days (10-10 is a
    // working Saturday).
    let table = [
        ("2026-10-13", None),
        ("2026-10-12", None),
        (
            "2026-10-10",
            Some(
                "filed 16 working days after the challenge answer period ended on 2026-10-10, more than the 15 working days allowed (《政府采购质疑和投诉办法》第十七条, Order 94 on procurement challenges and complaints, art. 17)",
            ),
        ),
    ];
    assert_filing_limit(&policy, "challenge_due", &table);
}
