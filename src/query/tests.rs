//! Filters and orders over hand-built cases, table by table.

use chrono::NaiveDate;

use super::*;
use crate::deadline::{Deadline, DeadlineState};
use crate::policy::tests::tourism;
use crate::storage::casefile::parse_yaml_case;

/// A case with `id`, `status`, and extra top-level YAML `fields`.
fn case(id: &str, status: &str, fields: &str) -> Case {
    let text = format!(
        "schema: 1\nid: {id}\nreceived: 2026-06-01T09:30:00+08:00\n{fields}status: {status}\nhistory:\n\
         - at: 2026-06-01T09:30:00+08:00\n  by: a\n  action: registered\n  note: 电话回访\n"
    );
    parse_yaml_case(&text).unwrap()
}

fn office() -> Vec<Case> {
    vec![
        case(
            "20260601-AAAAA",
            "received",
            "title: Guide was rude\ncategory: guide\npriority: normal\nassignee: 王芳\n",
        ),
        case(
            "20260602-BBBBB",
            "resolved",
            "title: 强迫购物\ncategory: shopping\npriority: urgent\nassignee: 李明\n",
        ),
        case(
            "20260603-CCCCC",
            "accepted",
            "title: Hotel\ntags: [vip]\npriority: important\n",
        ),
    ]
}

fn kept(filter: &Filter) -> Vec<String> {
    let policy = tourism();
    office()
        .iter()
        .filter(|c| filter.matches(&policy, c))
        .map(|c| c.id.to_string())
        .collect()
}

#[test]
fn filters_keep_what_they_name() {
    let f = |edit: fn(&mut Filter)| {
        let mut filter = Filter::default();
        edit(&mut filter);
        filter
    };
    let table: [(&str, Filter, &[&str]); 9] = [
        (
            "nothing",
            Filter::default(),
            &["20260601-AAAAA", "20260602-BBBBB", "20260603-CCCCC"],
        ),
        (
            "open",
            f(|x| x.statuses = vec!["open".into()]),
            &["20260601-AAAAA", "20260603-CCCCC"],
        ),
        (
            "one state",
            f(|x| x.statuses = vec!["resolved".into()]),
            &["20260602-BBBBB"],
        ),
        (
            "assignee",
            f(|x| x.assignee = Some("王芳".into())),
            &["20260601-AAAAA"],
        ),
        (
            "category",
            f(|x| x.category = Some("shopping".into())),
            &["20260602-BBBBB"],
        ),
        (
            "search ignores case",
            f(|x| x.search = Some("RUDE".into())),
            &["20260601-AAAAA"],
        ),
        (
            "search tags",
            f(|x| x.search = Some("vip".into())),
            &["20260603-CCCCC"],
        ),
        (
            "search notes",
            f(|x| x.search = Some("回访".into())),
            &["20260601-AAAAA", "20260602-BBBBB", "20260603-CCCCC"],
        ),
        (
            "search ids",
            f(|x| x.search = Some("bbbbb".into())),
            &["20260602-BBBBB"],
        ),
    ];
    for (name, filter, want) in table {
        assert_eq!(kept(&filter), want, "{name}");
    }
}

#[test]
fn validation_refuses_unknown_states_categories_and_negative_windows() {
    let policy = tourism();
    let bad = [
        Filter {
            statuses: vec!["closd".into()],
            ..Filter::default()
        },
        Filter {
            category: Some("shoping".into()),
            ..Filter::default()
        },
        Filter {
            due_within: Some(-1),
            ..Filter::default()
        },
    ];
    for filter in bad {
        assert!(filter.validate(&policy).is_err(), "{filter:?}");
    }
    let good = Filter {
        statuses: vec!["open".into(), "closed".into()],
        category: Some("shopping".into()),
        due_within: Some(0),
        ..Filter::default()
    };
    assert!(good.validate(&policy).is_ok());
}

fn deadline(state: DeadlineState, due: &str, workdays_left: Option<i64>) -> Deadline {
    let due = NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
    Deadline {
        rule: "acceptance".into(),
        kind: crate::policy::rules::RuleKind::Statutory,
        source: None,
        start: Some(due),
        due: Some(due),
        state,
        days_left: workdays_left,
        workdays_left,
        stopped: None,
        extensions: vec![],
        pauses: vec![],
        warnings: vec![],
        provisional: false,
        uncovered_years: vec![],
    }
}

#[test]
fn deadline_filters_read_states_and_working_days_left() {
    use DeadlineState::*;
    let within = |n| Filter {
        due_within: Some(n),
        ..Filter::default()
    };
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    let table = [
        (
            within(2),
            vec![deadline(Running, "2026-06-08", Some(2))],
            true,
        ),
        (
            within(2),
            vec![deadline(Running, "2026-06-08", Some(3))],
            false,
        ),
        (
            within(0),
            vec![deadline(Overdue, "2026-06-08", Some(-4))],
            true,
        ),
        (within(5), vec![deadline(Met, "2026-06-08", None)], false),
        (
            within(5),
            vec![deadline(Paused, "2026-06-08", Some(1))],
            false,
        ),
        (
            overdue.clone(),
            vec![deadline(Running, "2026-06-08", Some(1))],
            false,
        ),
        (
            overdue.clone(),
            vec![
                deadline(Met, "2026-06-08", None),
                deadline(Overdue, "2026-06-01", Some(-1)),
            ],
            true,
        ),
        (Filter::default(), vec![], true),
    ];
    for (i, (filter, deadlines, want)) in table.into_iter().enumerate() {
        assert_eq!(filter.matches_deadlines(&deadlines), want, "row {i}");
    }
    assert!(within(1).needs_deadlines() && overdue.needs_deadlines());
    assert!(!Filter::default().needs_deadlines());
}

#[test]
fn every_order_ends_with_the_id() {
    let cases = office();
    let refs: Vec<&Case> = cases.iter().rev().collect();
    let order = |key: Sort| {
        let mut rows = bare_rows(&refs);
        sort_rows(&mut rows, key);
        rows.iter()
            .map(|r| r.case.id.as_str()[9..].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(Sort::Priority), ["BBBBB", "CCCCC", "AAAAA"]);
    assert_eq!(order(Sort::Id), ["AAAAA", "BBBBB", "CCCCC"]);
    assert_eq!(
        order(Sort::Received),
        ["AAAAA", "BBBBB", "CCCCC"],
        "same moment: by ID"
    );
    assert_eq!(order(Sort::Status), ["CCCCC", "AAAAA", "BBBBB"]);
    // Unassigned first, then by name.
    assert_eq!(order(Sort::Assignee), ["CCCCC", "BBBBB", "AAAAA"]);
    assert_eq!(
        order(Sort::Due),
        ["AAAAA", "BBBBB", "CCCCC"],
        "no deadlines: by ID"
    );
}
