//! The steps of the procedure the source texts name, run through the
//! command line in a Chinese workspace: voiding a mistaken registration,
//! the tourism measures' case form, urgent path, assistance requests,
//! appraisals, deposit compensation and referrals.

use crate::support::{NOW, Ws, refused};

/// A tourism workspace in Chinese with the office's name set.
fn office() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings(
        "office:\n  name: 桂林市文化广电和旅游局\n  address: 桂林市临桂区公园北路 1 号\n",
    );
    ws
}

/// The IDs of a JSON list of case objects.
fn ids(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_void_case_keeps_its_file_and_history_and_counts_nowhere() {
    let ws = office();
    // Both accepted on 11-02 and never notified: the respondent notice is overdue.
    let mistake = ws.register(&[]);
    let real = ws.register(&["--complainant", "李四", "--phone", "13900139000"]);
    for id in [&mistake, &real] {
        ws.ok_at("2026-11-02 10:00", &["advance", id, "accepted"]);
    }
    let before = ws.json(&["summary"]);
    assert_eq!(before["total"], 2);
    assert_eq!(before["overdue"], 2, "{before}");

    let voided = ws.json(&["void", &mistake, "--reason", "重复登记，同一来电录入两次"]);
    assert_eq!(voided["void"]["reason"], "重复登记，同一来电录入两次");
    // Its clocks stop where it was voided.
    assert_eq!(voided["overdue"], false, "{voided}");
    assert_eq!(voided["deadlines"][2]["rule"], "resolution");
    assert_eq!(voided["deadlines"][2]["state"], "stopped", "{voided}");
    assert_eq!(voided["deadlines"][2]["stopped"], "2026-11-29");
    // The file and its history stay.
    let text = ws.case_text(&mistake);
    assert!(text.contains("action: voided"), "{text}");
    assert!(
        text.contains("reason: 重复登记，同一来电录入两次"),
        "{text}"
    );
    assert!(
        text.contains("status: accepted"),
        "the state is kept: {text}"
    );

    // Out of every figure and default view.
    let summary = ws.json(&["summary"]);
    assert_eq!(summary["total"], 1, "{summary}");
    assert_eq!(summary["overdue"], 1, "{summary}");
    let report = ws.json(&["report", "--period", "2026"]);
    assert_eq!(report["total"]["received"], 1, "{report}");
    let out = ws.run(&["agenda", "--json"]);
    let agenda = String::from_utf8(out.stdout).unwrap();
    assert!(
        agenda.contains(&real) && !agenda.contains(&mistake),
        "{agenda}"
    );
    assert_eq!(ids(&ws.json(&["list"])), [real.as_str()]);
    assert_eq!(ids(&ws.json(&["list", "--overdue"])), [real.as_str()]);
    assert_eq!(
        ids(&ws.json(&["list", "--status", "accepted"])),
        [real.as_str()]
    );
    // `list --all` shows it, marked.
    let all = ws.json(&["list", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let table = ws.ok(&["list", "--all"]);
    assert!(table.contains("已作废"), "{table}");
    let shown = ws.ok(&["show", &mistake]);
    assert!(
        shown.contains("已作废：2026-11-29 10:00 由") && shown.contains("原因：重复登记"),
        "{shown}"
    );
    assert!(
        shown.contains("作废：重复登记，同一来电录入两次"),
        "{shown}"
    );
}

#[test]
fn a_void_case_takes_no_further_step_and_is_voided_once() {
    let ws = office();
    let id = ws.register(&[]);
    ws.ok(&["void", &id, "--reason", "误登记"]);
    refused(&ws, &["advance", &id, "accepted"], &["已作废", "误登记"]);
    refused(&ws, &["assign", &id, "王芳"], &["已作废"]);
    refused(&ws, &["promise", &id, "2026-12-10"], &["已作废"]);
    refused(
        &ws,
        &["void", &id, "--reason", "再次作废"],
        &["已于", "作废"],
    );
    // A note keeps the record straight.
    ws.ok(&["note", &id, "来电人确认为误拨"]);
    // The reason is required.
    refused(
        &ws,
        &["void", &ws.register(&[]), "--reason", "  "],
        &["--reason"],
    );
    let err = ws.fails(2, &["void", &id]);
    assert!(err.contains("--reason"), "{err}");
}

#[test]
fn a_case_with_issued_notices_is_voided_only_with_force_and_the_event_says_so() {
    let ws = office();
    let id = ws.register(&[]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    let issued = ws.json(&["notice", &id, "acceptance"]);
    let number = issued["number"].as_str().unwrap().to_string();
    refused(
        &ws,
        &["void", &id, "--reason", "误登记"],
        &[&number, "--force", "不因案件作废而失效"],
    );
    let forced = ws.json(&["void", &id, "--reason", "误登记", "--force"]);
    assert_eq!(forced["void"]["reason"], "误登记");
    let text = ws.case_text(&id);
    assert!(text.contains("- issued-notices"), "{text}");
    // The notice stays in the record.
    let shown = ws.ok(&["show", &id]);
    assert!(
        shown.contains(&number) && shown.contains("已制发文书"),
        "{shown}"
    );
}

#[test]
fn a_void_case_makes_no_later_complaint_a_repeat() {
    let ws = office();
    let first = ws.register(&[]);
    ws.ok(&["void", &first, "--reason", "测试录入"]);
    let out = ws.run(&Ws::register_args(&[]));
    assert!(out.status.success());
    let second = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains(&first), "{err}");
    let shown = ws.ok(&["show", &second]);
    assert!(!shown.contains("重复投诉"), "{shown}");
}
