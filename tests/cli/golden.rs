//! The exact bytes of a case file: field order, raw Chinese, block text.

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use plaint::model::{
    Agent, Case, CaseId, Event, EventKind, Move, Person, Priority, Respondent, SCHEMA, Satisfaction,
};
use plaint::storage::casefile::{parse_case, render_case};

const GOLDEN: &str = r#"schema: 1
id: 20261129-K7QF2
title: 导游强迫购物
received: 2026-11-29T10:15:00+08:00
channel: phone
complainants:
- name: 张三
  gender: 男
  phone: '13800138000'
- name: John Smith
  nationality: GB
  email: john@example.com
representatives:
- 0
agent:
  name: 李律师
  contact: '13900139000'
  scope: 代为调解
respondent:
  name: 桂林阳光旅行社
  location: 桂林市
  department: 导游部
category: shopping
priority: important
tags:
- 强迫购物
demands: 退还购物款 3000 元
facts: |-
  7月1日导游带团进入玉器店，
  停留三小时，不买不让走。
contract_end: 2026-07-05
assignee: 王芳
status: resolved
outcome: mediated
satisfaction: satisfied
external_ref: HOT-12345
history:
- at: 2026-11-29T10:15:00+08:00
  by: 王芳
  action: registered
- at: 2026-11-30T09:00:00+08:00
  by: 王芳
  action: status
  from: received
  to: accepted
  note: |-
    材料齐全
    已电话告知投诉人
- at: 2026-12-20T16:30:00+08:00
  by: 王芳
  action: status
  from: accepted
  to: resolved
  outcome: mediated
"#;

fn at(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn representative_case() -> Case {
    let moved = |from: &str, to: &str| {
        EventKind::Status(Move {
            from: Some(from.into()),
            to: to.into(),
            ..Move::default()
        })
    };
    let mut accepted = Event::new(
        at("2026-11-30T09:00:00+08:00"),
        "王芳",
        moved("received", "accepted"),
    );
    accepted.note = Some("材料齐全\n已电话告知投诉人".into());
    let mut resolving = Move {
        from: Some("accepted".into()),
        to: "resolved".into(),
        ..Move::default()
    };
    resolving.outcome = Some("mediated".into());
    let resolved = Event::new(
        at("2026-12-20T16:30:00+08:00"),
        "王芳",
        EventKind::Status(resolving),
    );
    Case {
        schema: SCHEMA,
        id: CaseId::parse("20261129-K7QF2").unwrap(),
        title: Some("导游强迫购物".into()),
        received: at("2026-11-29T10:15:00+08:00"),
        channel: Some("phone".into()),
        department: None,
        complainants: vec![
            Person {
                name: Some("张三".into()),
                gender: Some("男".into()),
                phone: Some("13800138000".into()),
                ..Person::default()
            },
            Person {
                name: Some("John Smith".into()),
                nationality: Some("GB".into()),
                email: Some("john@example.com".into()),
                ..Person::default()
            },
        ],
        representatives: vec![0],
        agent: Some(Agent {
            name: Some("李律师".into()),
            contact: Some("13900139000".into()),
            scope: Some("代为调解".into()),
        }),
        respondent: Some(Respondent {
            name: Some("桂林阳光旅行社".into()),
            location: Some("桂林市".into()),
            department: vec!["导游部".into()],
            legal_representative: None,
        }),
        project: None,
        category: Some("shopping".into()),
        case_type: None,
        cause: None,
        priority: Priority::Important,
        tags: vec!["强迫购物".into()],
        demands: Some("退还购物款 3000 元".into()),
        facts: Some("7月1日导游带团进入玉器店，\n停留三小时，不买不让走。".into()),
        contract_end: NaiveDate::from_ymd_opt(2026, 7, 5),
        challenge_due: None,
        assignee: Some("王芳".into()),
        status: "resolved".into(),
        outcome: Some("mediated".into()),
        compensation: None,
        refer_to: None,
        measures: None,
        findings: None,
        agreement: None,
        satisfaction: Some(Satisfaction::Satisfied),
        external_ref: Some("HOT-12345".into()),
        links: vec![],
        history: vec![
            Event::new(
                at("2026-11-29T10:15:00+08:00"),
                "王芳",
                EventKind::Registered,
            ),
            accepted,
            resolved,
        ],
    }
}

#[test]
fn a_case_is_written_as_exactly_these_bytes() {
    assert_eq!(render_case(&representative_case()).unwrap(), GOLDEN);
}

#[test]
fn the_golden_file_reads_back_to_the_same_case() {
    let path = Path::new("cases/2026/20261129-K7QF2.yaml");
    assert_eq!(parse_case(GOLDEN, path).unwrap(), representative_case());
}

#[test]
fn crlf_files_read_as_lf() {
    let path = Path::new("cases/2026/20261129-K7QF2.yaml");
    let crlf = GOLDEN.replace('\n', "\r\n");
    assert_eq!(parse_case(&crlf, path).unwrap(), representative_case());
}
