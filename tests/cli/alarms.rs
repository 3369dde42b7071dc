//! Graded alarms (预警 / 超时 / 中度超时 / 严重超时): the grade of a case on
//! the days around each threshold, `list --alarm`, `show`, `summary` and
//! the thresholds of a preset overridden in `plaint.yaml`.

use crate::support::{Ws, usage_refused};

/// A clock later than every day the tests look at.
const NOW: &str = "2026-11-30 10:00";

/// A tourism workspace (thresholds 3 / 5 / 10 working days) with one case
/// received on Monday 2 November 2026: its acceptance is due Monday
/// 9 November.
fn office(language: &str) -> (Ws, String) {
    let ws = Ws::tourism();
    ws.edit_settings("language: en", &format!("language: {language}"));
    let id = ws.ok_at(NOW, &Ws::register_args(&[])).trim().to_string();
    (ws, id)
}

/// The case's grade on `day`, as `show --json` gives it.
fn grade(ws: &Ws, id: &str, day: &str) -> serde_json::Value {
    let out = ws.ok_at(NOW, &["show", id, "--today", day, "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    doc["alarm"].clone()
}

#[test]
fn the_grade_changes_on_the_day_each_threshold_is_crossed() {
    let (ws, id) = office("en");
    for (day, expected) in [
        // Wed, Thu, Fri, Mon left: 4 working days, no alarm.
        ("2026-11-03", None),
        // 3 working days left: 预警.
        ("2026-11-04", Some("warning")),
        ("2026-11-09", Some("warning")),
        // Overdue by 1 working day.
        ("2026-11-10", Some("overdue")),
        // Overdue by 5 working days (Tue to Mon): still 超时.
        ("2026-11-16", Some("overdue")),
        // By 6: 中度超时.
        ("2026-11-17", Some("moderate")),
        // By 10 (to Mon 23 November): still 中度超时; by 11, 严重超时.
        ("2026-11-23", Some("moderate")),
        ("2026-11-24", Some("severe")),
    ] {
        let expected = expected.map_or(serde_json::Value::Null, serde_json::Value::from);
        assert_eq!(grade(&ws, &id, day), expected, "on {day}");
    }
    // Accepted in time: the clock stopped, no alarm whatever the day.
    ws.ok_at(
        NOW,
        &["advance", &id, "accepted", "--at", "2026-11-06 10:00"],
    );
    let show = ws.ok_at(NOW, &["show", &id, "--today", "2026-11-06", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(doc["deadlines"][0]["state"], "met");
}

#[test]
fn list_filters_by_grade_typed_as_code_or_chinese_label_and_shows_it() {
    let (ws, id) = office("zh");
    let later = ws
        .ok_at(NOW, &Ws::register_args(&["--received", "2026-11-20 09:00"]))
        .trim()
        .to_string();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--format", "ids", "--today", "2026-11-24"];
        all.extend_from_slice(args);
        ws.ok_at(NOW, &all).lines().map(str::to_string).collect()
    };
    // On 24 November: the first case is 严重超时, the second 预警 (its
    // acceptance is due Friday 27 November).
    assert_eq!(ids(&["--alarm", "严重超时"]), [id.as_str()]);
    assert_eq!(ids(&["--alarm", "severe"]), [id.as_str()]);
    assert_eq!(ids(&["--alarm", "预警"]), [later.as_str()]);
    assert_eq!(ids(&["--alarm", "中度超时"]), Vec::<String>::new());
    usage_refused(
        &ws,
        &["list", "--alarm", "很严重"],
        &["很严重", "severe (严重超时)"],
    );
    // The table names the grade; the CSV holds its code.
    let table = ws.ok_at(NOW, &["list", "--today", "2026-11-24"]);
    assert!(table.lines().next().unwrap().contains("预警"), "{table}");
    assert!(table.contains("严重超时"), "{table}");
    let csv = ws.ok_at(NOW, &["list", "--today", "2026-11-24", "--format", "csv"]);
    assert!(csv.contains(",severe,"), "{csv}");
    // `show` names it beside the fields and on the deadline.
    let shown = ws.ok_at(NOW, &["show", &id, "--today", "2026-11-24"]);
    assert!(shown.contains("预警等级：    严重超时"), "{shown}");
    assert!(shown.contains("[严重超时]"), "{shown}");
    // `summary` counts each case once, at its worst grade.
    let summary = ws.ok_at(NOW, &["summary", "--today", "2026-11-24", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(
        doc["by_alarm"],
        serde_json::json!({"moderate": 0, "overdue": 0, "severe": 1, "warning": 1})
    );
    let text = ws.ok_at(NOW, &["summary", "--today", "2026-11-24"]);
    assert!(
        text.contains("# 按预警等级\n预警等级\t件数\n预警\t1\n超时\t0\n中度超时\t0\n严重超时\t1\n"),
        "{text}"
    );
}

#[test]
fn a_colour_terminal_paints_each_grade_in_its_own_colour() {
    let (ws, _) = office("zh");
    ws.ok_at(NOW, &Ws::register_args(&["--received", "2026-11-20 09:00"]));
    let screen = ws.terminal(160, true, &["list", "--today", "2026-11-24"]);
    // 严重超时 bold white on red, 预警 yellow.
    let severe = screen.lines().find(|l| l.contains("严重超时")).unwrap();
    assert!(
        severe.contains("\u{1b}[48;5;9m") || severe.contains("\u{1b}[41m"),
        "{severe:?}"
    );
    let warning = screen.lines().find(|l| l.contains("20261120-")).unwrap();
    assert!(
        warning.contains("\u{1b}[38;5;11m") || warning.contains("\u{1b}[33m"),
        "{warning:?}"
    );
}

#[test]
fn an_office_moves_the_thresholds_in_plaint_yaml_field_by_field() {
    let (ws, id) = office("en");
    ws.add_settings("policy:\n  alarms: {severe: 20}\n");
    // Overdue by 11 working days: 中度超时 now, not 严重超时.
    assert_eq!(grade(&ws, &id, "2026-11-24"), "moderate");
    let policy = ws.json(&["policy"]);
    assert_eq!(
        policy["alarms"],
        serde_json::json!({"warning": 3, "moderate": 5, "severe": 20})
    );
    // A hospital's preset has its own.
    let hospital = Ws::with_preset("hospital");
    let policy = hospital.json(&["policy"]);
    assert_eq!(
        policy["alarms"],
        serde_json::json!({"warning": 2, "moderate": 3, "severe": 7})
    );
    // Thresholds that do not make four grades are refused.
    ws.edit_settings("alarms: {severe: 20}", "alarms: {moderate: 5, severe: 5}");
    let err = ws.fails(1, &["list"]);
    assert!(err.contains("alarms"), "{err}");
}
