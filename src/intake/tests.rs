//! Building cases from drafts, with the moment and the officer passed in.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::policy::tests::tourism;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const NOW: &str = "2026-11-29T10:00:00+08:00";

/// What every registration needs: a title and a named complainant.
const NAMED: &str = "title: 导游强迫购物\ncomplainants:\n- name: 张三\n";

fn build(yaml: &str, action: Action) -> Result<Built, Vec<FieldError>> {
    let policy = tourism();
    let calendar = crate::calendar::CalendarSet::default()
        .get("cn")
        .unwrap()
        .clone();
    let draft: Draft = serde_yaml::from_str(yaml).unwrap();
    let intake = Intake {
        calendar: &calendar,
        force: false,
        policy: &policy,
        offset: FixedOffset::east_opt(8 * 3600).unwrap(),
        now: at(NOW),
        by: "王芳",
        action,
    };
    build_case(draft, &intake)
}

fn fields(yaml: &str, action: Action) -> Vec<String> {
    build(yaml, action)
        .expect_err("refused")
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let yaml = "received: someday\nchannel: pigeon\npriority: asap\ncontract_end: 2026-13-01\n\
                satisfaction: thrilled\nlinks: [20261102-K7QF2, nonsense]\ncategory: nonsense\n";
    let mut got = fields(&format!("{NAMED}{yaml}"), Action::Registered);
    got.sort();
    assert_eq!(
        got,
        [
            "category",
            "channel",
            "contract_end",
            "links[1]",
            "priority",
            "received",
            "satisfaction"
        ]
    );
}

#[test]
fn registration_refuses_what_plaint_sets_itself() {
    let yaml = "id: 20261102-K7QF2\nstatus: accepted\nhistory: []\n";
    let got = fields(yaml, Action::Registered);
    for field in ["id", "status", "history"] {
        assert!(got.contains(&field.to_string()), "{field} in {got:?}");
    }
}

#[test]
fn the_moment_of_receipt_is_checked_against_now() {
    let table = [
        ("", Some(NOW)),
        (
            "received: 2026-11-02 09:30\n",
            Some("2026-11-02T09:30:00+08:00"),
        ),
        (
            "received: 2026-11-29 10:59\n",
            Some("2026-11-29T10:59:00+08:00"),
        ),
        (
            "received: 2026-11-29T02:30:00Z\n",
            Some("2026-11-29T02:30:00+00:00"),
        ),
        ("received: 2026-11-29 11:01\n", None),
    ];
    for (yaml, want) in table {
        match (build(&format!("{NAMED}{yaml}"), Action::Registered), want) {
            (Ok(built), Some(want)) => {
                assert_eq!(built.case.received, at(want), "{yaml}");
                assert_eq!(
                    built.case.id.as_str(),
                    format!("{}-00000", &want[..10].replace('-', "")),
                    "the placeholder ID carries the day of receipt"
                );
            }
            (Err(errors), None) => assert_eq!(errors[0].field, "received"),
            (got, want) => panic!("{yaml}: {got:?}, wanted {want:?}"),
        }
    }
}

#[test]
fn registration_is_dated_at_receipt_and_assigned_to_the_officer() {
    let built = build(
        &format!("{NAMED}received: 2026-11-02 09:30\n"),
        Action::Registered,
    )
    .unwrap();
    let case = built.case;
    assert_eq!(case.status, "received");
    assert_eq!(case.assignee.as_deref(), Some("王芳"));
    assert_eq!(case.history.len(), 1);
    assert_eq!(case.history[0].action(), Action::Registered);
    assert_eq!(case.history[0].at, at("2026-11-02T09:30:00+08:00"));
    assert!(!built.has_id);

    let handed = build(&format!("{NAMED}assignee: 李明\n"), Action::Registered)
        .unwrap()
        .case;
    let actions: Vec<Action> = handed.history.iter().map(Event::action).collect();
    assert_eq!(actions, [Action::Registered, Action::Assigned]);
    assert_eq!(
        handed.history[1]
            .moved_to()
            .or(match &handed.history[1].what {
                crate::model::EventKind::Assigned { to, .. } => to.as_deref(),
                _ => None,
            }),
        Some("李明")
    );
}

#[test]
fn an_import_is_dated_now_and_records_its_state() {
    let yaml = "id: 20261102-K7QF2\nreceived: 2026-11-02\nstatus: accepted\ncomplainants:\n- name: 张三\n\
                respondent:\n  name: 阳光旅行社\ndemands: 退款\n";
    let built = build(yaml, Action::Imported).unwrap();
    assert!(built.has_id);
    let case = built.case;
    assert_eq!(case.id.as_str(), "20261102-K7QF2");
    assert_eq!(case.assignee, None, "an import names no assignee by itself");
    assert_eq!(case.history.len(), 1);
    assert_eq!(case.history[0].action(), Action::Imported);
    assert_eq!(case.history[0].at, at(NOW));
    assert_eq!(case.history[0].moved_to(), Some("accepted"));
}

#[test]
fn text_is_trimmed_and_line_ends_made_lf() {
    let yaml = "title: \"投诉  \\r\\n\"\nfacts: \"第一行\\r\\n第二行\\r第三行\"\ndemands: \"   \"\n\
                complainants:\n- name: 张三\n";
    let case = build(yaml, Action::Registered).unwrap().case;
    assert_eq!(case.title.as_deref(), Some("投诉"));
    assert_eq!(case.facts.as_deref(), Some("第一行\n第二行\n第三行"));
    assert_eq!(case.demands, None, "blank text is no text");
}

#[test]
fn names_are_parsed_without_regard_to_case_or_spaces() {
    assert_eq!(parse_priority("URGENT"), Ok(Priority::Urgent));
    assert_eq!(parse_satisfaction("neutral"), Ok(Satisfaction::Neutral));
    assert!(
        parse_priority("high")
            .unwrap_err()
            .english()
            .contains("normal, important, urgent")
    );
}
