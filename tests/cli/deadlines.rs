//! Calendar commands and statutory deadlines, checked by hand against the
//! official 2026 schedule (Mid-autumn 09-25..27, National Day 10-01..07,
//! make-up working days 09-20 and 10-10).

use serde_json::Value;

use crate::support::{Ws, refused, usage_refused};

fn deadline<'a>(case: &'a Value, rule: &str) -> &'a Value {
    case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} deadline in {case}"))
}

/// A tourism case received on the Mid-autumn holiday, 2026-09-25.
fn holiday_case(ws: &Ws) -> String {
    ws.register(&["--received", "2026-09-25 10:00"])
}

#[test]
fn calendar_add_and_between_follow_the_spec_conventions() {
    let ws = Ws::tourism();
    assert_eq!(
        ws.ok(&["calendar", "add", "2026-09-30", "5"]),
        "2026-10-13\n"
    );
    assert_eq!(
        ws.ok(&["calendar", "add", "2026-10-01", "0"]),
        "2026-10-08\n"
    );
    assert_eq!(
        ws.ok(&["calendar", "add", "2026-10-10", "0"]),
        "2026-10-10\n",
        "make-up Saturday"
    );
    assert_eq!(
        ws.ok(&["calendar", "add", "2026-10-08", "-1"]),
        "2026-09-30\n"
    );
    assert_eq!(
        ws.ok(&["calendar", "between", "2026-09-30", "2026-10-13"]),
        "5\n"
    );
    assert_eq!(
        ws.ok(&["calendar", "between", "2026-10-13", "2026-09-30"]),
        "-5\n"
    );
    let doc = ws.json(&["calendar", "add", "2026-09-30", "5"]);
    assert_eq!(
        doc,
        serde_json::json!({"date": "2026-10-13", "warnings": []})
    );
    let doc = ws.json(&["calendar", "between", "2026-12-31", "2027-01-08"]);
    assert_eq!(doc["workdays"], 6);
    assert_eq!(
        doc["warnings"][0],
        "calendar 'cn' does not cover 2027: weekends only assumed"
    );
    assert_eq!(
        ws.ok(&[
            "calendar",
            "add",
            "2026-09-30",
            "5",
            "--calendar",
            "weekends"
        ]),
        "2026-10-07\n"
    );
}

#[test]
fn calendar_show_and_is_workday_name_the_days() {
    let ws = Ws::tourism();
    let show = ws.ok(&["calendar", "show", "2026"]);
    assert!(
        show.contains("2026-10-01\tThu\tholiday\tNational Day"),
        "{show}"
    );
    assert!(
        show.contains("2026-10-10\tSat\tmake-up working day\tNational Day"),
        "{show}"
    );
    let doc = ws.json(&["calendar", "show", "2025"]);
    assert_eq!(doc["covered"], true);
    assert!(
        doc["workdays"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["date"] == "2025-01-26")
    );
    assert_eq!(
        ws.ok(&["calendar", "is-workday", "2026-10-10"]),
        "yes\tmake-up working day for National Day\n"
    );
    assert!(
        ws.ok(&["calendar", "is-workday", "2026-10-05"])
            .starts_with("no\tNational Day")
    );
    ws.edit_settings("language: en", "language: zh");
    assert!(ws.ok(&["calendar", "show", "2026"]).contains("国庆节"));
}

#[test]
fn calendar_bad_input_exits_1() {
    let ws = Ws::tourism();
    refused(
        &ws,
        &["calendar", "add", "2026-01-01", "five"],
        &["'five' is not a whole number"],
    );
    refused(
        &ws,
        &["calendar", "add", "99999-01-01", "3"],
        &["99999-01-01"],
    );
    refused(
        &ws,
        &["calendar", "add", "2026-02-30", "3"],
        &["2026-02-30"],
    );
    refused(&ws, &["calendar", "add", "9999-12-30", "100"], &["9999"]);
    refused(&ws, &["calendar", "show", "20x6"], &["not a year"]);
    refused(
        &ws,
        &["calendar", "add", "2026-01-01", "1", "--calendar", "mars"],
        &["unknown calendar 'mars'"],
    );
}

#[test]
fn acceptance_is_five_working_days_skipping_the_holidays() {
    let ws = Ws::tourism();
    let id = holiday_case(&ws);
    let case = ws.json(&["show", &id, "--today", "2026-09-30"]);
    let d = deadline(&case, "acceptance");
    assert_eq!(d["start"], "2026-09-25");
    assert_eq!(d["due"], "2026-10-09", "09-28,29,30 then 10-08,09");
    assert_eq!(d["state"], "running");
    assert_eq!(d["days_left"], 9);
    assert_eq!(d["workdays_left"], 2);
    assert_eq!(case["overdue"], false);
    let case = ws.json(&["show", &id, "--today", "2026-10-20"]);
    let d = deadline(&case, "acceptance");
    assert_eq!(d["state"], "overdue");
    assert_eq!(d["days_left"], -11);
    assert_eq!(
        d["workdays_left"], -8,
        "10-10 (make-up), 10-12..16, 10-19, 10-20"
    );
    assert_eq!(case["overdue"], true);
}

#[test]
fn a_deadline_is_met_or_missed_when_its_stop_state_is_reached() {
    let ws = Ws::tourism();
    let on_time = holiday_case(&ws);
    ws.ok(&["advance", &on_time, "accepted", "--at", "2026-10-09 17:00"]);
    let case = ws.json(&["show", &on_time, "--today", "2026-11-01"]);
    assert_eq!(deadline(&case, "acceptance")["state"], "met");
    assert_eq!(deadline(&case, "acceptance")["days_left"], Value::Null);
    let late = holiday_case(&ws);
    ws.ok(&["advance", &late, "accepted", "--at", "2026-10-10 09:00"]);
    let case = ws.json(&["show", &late, "--today", "2026-11-01"]);
    assert_eq!(deadline(&case, "acceptance")["state"], "missed");
    assert_eq!(deadline(&case, "acceptance")["stopped"], "2026-10-10");
}

#[test]
fn milestones_start_and_stop_the_respondent_deadlines() {
    let ws = Ws::tourism();
    let id = holiday_case(&ws);
    ws.ok(&["advance", &id, "accepted", "--at", "2026-09-28 09:00"]);
    let case = ws.json(&["show", &id, "--today", "2026-10-09"]);
    assert_eq!(
        deadline(&case, "notify-respondent")["due"],
        "2026-10-10",
        "make-up Saturday counts"
    );
    assert!(
        case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "respondent-reply")
    );
    ws.ok(&[
        "mark",
        &id,
        "respondent-notified",
        "--at",
        "2026-10-09 10:00",
    ]);
    let case = ws.json(&["show", &id, "--today", "2026-10-12"]);
    assert_eq!(deadline(&case, "notify-respondent")["state"], "met");
    // 10 calendar days from 10-09 end on Monday 10-19, a working day.
    assert_eq!(deadline(&case, "respondent-reply")["due"], "2026-10-19");
    let again = ws.run(&["mark", &id, "respondent-notified"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already recorded"));
    let same = ws.run(&[
        "mark",
        &id,
        "respondent-notified",
        "--at",
        "2026-10-09 10:00",
    ]);
    assert!(same.status.success(), "the same record again is no change");
    // Another time for the same deed is a correction, never made silently.
    refused(
        &ws,
        &[
            "mark",
            &id,
            "respondent-notified",
            "--at",
            "2026-10-10 10:00",
        ],
        &[
            "was recorded for",
            "on 2026-10-09 10:00, not 2026-10-10 10:00",
            &format!("plaint edit {id}"),
        ],
    );
    refused(
        &ws,
        &[
            "mark",
            &id,
            "respondent-replied",
            "--at",
            "2026-11-29 11:00",
        ],
        &["--at 2026-11-29 11:00 is in the future"],
    );
    usage_refused(
        &ws,
        &["mark", &id, "respondent-called"],
        &["unknown milestone", "respondent-replied"],
    );
}

#[test]
fn a_calendar_day_period_ending_on_a_rest_day_rolls_to_the_next_working_day() {
    let ws = Ws::tourism();
    let id = ws.register(&["--received", "2026-11-02 09:00"]);
    ws.ok(&["advance", &id, "accepted", "--at", "2026-11-02 10:00"]);
    // 10 days from Thursday 11-05 end on Sunday 11-15: Monday 11-16.
    ws.ok(&[
        "mark",
        &id,
        "respondent-notified",
        "--at",
        "2026-11-05 10:00",
    ]);
    let case = ws.json(&["show", &id, "--today", "2026-11-10"]);
    assert_eq!(deadline(&case, "respondent-reply")["due"], "2026-11-16");
    // 60 days from Monday 11-02 end on Friday 2027-01-01, a holiday in
    // 2027 that the calendar does not know yet: weekends only, with a warning.
    let d = deadline(&case, "resolution");
    assert_eq!(d["due"], "2027-01-01");
    assert_eq!(
        d["warnings"][0],
        "calendar 'cn' does not cover 2027: weekends only assumed"
    );
}

#[test]
fn pauses_and_extensions_move_the_resolution_deadline() {
    let ws = Ws::tourism();
    // The tourism 60 days pause for a suspension only by the workspace's
    // decision, and stretch only by a recorded override.
    ws.add_settings("policy:\n  suspension_pauses: [resolution]\n");
    let id = holiday_case(&ws);
    ws.ok(&["advance", &id, "accepted", "--at", "2026-09-28 09:00"]);
    ws.ok(&[
        "advance",
        &id,
        "suspended",
        "--at",
        "2026-10-12 10:00",
        "--note",
        "等待鉴定",
    ]);
    let paused = ws.json(&["show", &id, "--today", "2026-10-15"]);
    let d = deadline(&paused, "resolution");
    assert_eq!(d["state"], "paused");
    assert_eq!(
        d["due"], "2026-11-30",
        "09-28 + 60 = 11-27, + 3 days paused = 11-30"
    );
    ws.ok(&["advance", &id, "accepted", "--at", "2026-10-20 10:00"]);
    ws.ok(&[
        "extend",
        &id,
        "resolution",
        "--by",
        "10",
        "--reason",
        "需要补充材料",
        "--force",
    ]);
    let case = ws.json(&["show", &id, "--today", "2026-10-21"]);
    let d = deadline(&case, "resolution");
    assert_eq!(
        d["due"], "2026-12-15",
        "09-28 + 60 + 8 paused + 10 extended = 78 days"
    );
    assert_eq!(d["extensions"][0]["reason"], "需要补充材料");
    assert_eq!(d["pauses"][0]["adds"], 8);
    ws.ok(&[
        "extend",
        &id,
        "resolution",
        "--by",
        "3",
        "--unit",
        "workdays",
        "--reason",
        "再延",
        "--force",
    ]);
    let case = ws.json(&["show", &id, "--today", "2026-10-21"]);
    assert_eq!(deadline(&case, "resolution")["due"], "2026-12-18");
}

#[test]
fn extend_and_explain_refuse_bad_requests() {
    let ws = Ws::tourism();
    let id = holiday_case(&ws);
    refused(
        &ws,
        &["extend", &id, "acceptance", "--by", "0", "--reason", "x"],
        &["positive"],
    );
    refused(
        &ws,
        &["extend", &id, "acceptance", "--by", "-3", "--reason", "x"],
        &["positive"],
    );
    refused(
        &ws,
        &["extend", &id, "acceptance", "--by", "two", "--reason", "x"],
        &["'two'"],
    );
    refused(
        &ws,
        &["extend", &id, "acceptance", "--by", "2", "--reason", " "],
        &["--reason"],
    );
    let err = ws.fails(2, &["extend", &id, "closing", "--by", "2", "--reason", "x"]);
    assert!(
        err.contains("unknown deadline rule 'closing'") && err.contains("resolution"),
        "{err}"
    );
    refused(
        &ws,
        &["extend", &id, "resolution", "--by", "2", "--reason", "x"],
        &["has not started"],
    );
    let err = ws.fails(2, &["explain", &id, "closing"]);
    assert!(err.contains("unknown deadline rule"), "{err}");
    ws.ok(&["advance", &id, "accepted", "--at", "2026-09-28 09:00"]);
    refused(
        &ws,
        &["extend", &id, "acceptance", "--by", "2", "--reason", "x"],
        &["already met"],
    );
}

#[test]
fn explain_walks_the_days_and_names_the_holidays() {
    let ws = Ws::tourism();
    let id = holiday_case(&ws);
    let text = ws.ok(&["explain", &id, "acceptance", "--today", "2026-10-01"]);
    for needle in [
        "start: case received at 10:00 (2026-09-25 Fri)",
        "2026-09-26 Sat skipped: Mid-autumn Festival (中秋节)",
        "2026-09-28 Mon counted, working day 1 of 5",
        "2026-10-06 Tue skipped: National Day (国庆节, day off in lieu)",
        "2026-10-09 Fri counted, working day 5 of 5",
        "due: 2026-10-09 Fri",
        "state: running, 2 working day(s) left",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    let doc = ws.json(&["explain", &id, "acceptance", "--today", "2026-10-01"]);
    assert_eq!(doc["deadline"]["due"], "2026-10-09");
    assert!(doc["lines"].as_array().unwrap().len() >= 15);
}

#[test]
fn the_coverage_warning_disappears_with_a_2027_calendar() {
    let ws = Ws::tourism();
    // Written as a file: no command records events later than the
    // computer's clock, and this case lives in December 2026.
    let id = "20261220-K7QF2";
    ws.write(
        &format!("cases/2026/{id}.yaml"),
        &format!(
            "schema: 1\nid: {id}\ntitle: 年底的投诉\nreceived: 2026-12-20T10:00:00+08:00\n\
             status: accepted\nhistory:\n\
             - at: 2026-12-20T10:00:00+08:00\n  by: tester\n  action: registered\n\
             - at: 2026-12-21T09:00:00+08:00\n  by: tester\n  action: status\n  from: received\n  to: accepted\n"
        ),
    );
    let out = ws.run(&["show", id, "--today", "2026-12-22"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not cover 2027"), "{stderr}");
    let case = ws.json(&["show", id, "--today", "2026-12-22"]);
    assert_eq!(deadline(&case, "resolution")["due"], "2027-02-19");
    ws.write(
        "calendars/office.yaml",
        "extends: cn\ncoverage: {first: 2027, last: 2027}\nholidays:\n  - {date: 2027-02-19, name: Spring Festival, zh: 春节}\n",
    );
    ws.edit_settings("calendar: cn", "calendar: office");
    let out = ws.run(&["show", id, "--today", "2026-12-22", "--json"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = deadline(&case, "resolution");
    assert_eq!(d["warnings"], serde_json::json!([]));
    assert_eq!(
        d["due"], "2027-02-22",
        "02-19 is now a holiday: Monday 02-22"
    );
}

#[test]
fn invalid_calendar_files_are_refused_with_the_problem() {
    for (text, needle) in [
        (
            "extends: cn\nholidays:\n  - {date: 2027-01-02, name: x}\nworkdays:\n  - 2027-01-02\n",
            "2027-01-02",
        ),
        (
            "extends: cn\nholidays:\n  - {date: 2027-02-30, name: x}\n",
            "line 3",
        ),
        ("extends: office\n", "cycle: office -> office"),
    ] {
        let ws = Ws::tourism();
        ws.write("calendars/office.yaml", text);
        refused(
            &ws,
            &["calendar", "add", "2026-01-01", "1"],
            &["office", needle],
        );
    }
}

#[test]
fn list_shows_what_is_overdue_and_due_soon() {
    let ws = Ws::tourism();
    let overdue = holiday_case(&ws);
    let soon = ws.register(&["--received", "2026-10-14 09:00"]);
    let later = ws.register(&["--received", "2026-10-19 09:00"]);
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "--format", "ids", "--today", "2026-10-20"];
        all.extend_from_slice(args);
        ws.ok(&all)
    };
    assert_eq!(ids(&["--overdue"]), format!("{overdue}\n"));
    // soon: due 10-21 (1 working day left); later: due 10-26 (4 left).
    assert_eq!(
        ids(&["--due-within", "2", "--sort", "id"]),
        format!("{overdue}\n{soon}\n")
    );
    assert_eq!(
        ids(&["--sort", "due"]),
        format!("{overdue}\n{soon}\n{later}\n")
    );
    let table = ws.ok(&["list", "--today", "2026-10-20"]);
    assert!(table.contains("OVERDUE 2026-10-09 acceptance"), "{table}");
    let json = ws.json(&["list", "--today", "2026-10-20", "--overdue"]);
    assert_eq!(json[0]["overdue"], true);
    assert_eq!(json[0]["deadlines"][0]["state"], "overdue");
}

#[test]
fn init_takes_a_calendar_file_and_refuses_a_bad_one() {
    let scratch = tempfile::tempdir().unwrap();
    let good = scratch.path().join("office.yaml");
    std::fs::write(
        &good,
        "extends: cn\ncoverage: {first: 2027, last: 2027}\nholidays:\n  - {date: 2027-01-01, name: New Year's Day, zh: 元旦}\n",
    )
    .unwrap();
    let ws = Ws::tourism();
    let target = ws.root().join(".home/office");
    let out = ws.run(&[
        "init",
        target.to_str().unwrap(),
        "--calendar",
        good.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(target.join("plaint.yaml"))
            .unwrap()
            .contains("calendar: office")
    );
    assert!(target.join("calendars/office.yaml").is_file());
    let doc = ws.json(&[
        "-C",
        target.to_str().unwrap(),
        "calendar",
        "add",
        "2026-12-31",
        "1",
    ]);
    assert_eq!(
        doc,
        serde_json::json!({"date": "2027-01-04", "warnings": []})
    );
    let bad = scratch.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "extends: cn\nholidays:\n  - {date: 2027-13-01, name: x}\n",
    )
    .unwrap();
    let elsewhere = ws.root().join(".home/other");
    let err = ws.fails(
        1,
        &[
            "init",
            elsewhere.to_str().unwrap(),
            "--calendar",
            bad.to_str().unwrap(),
        ],
    );
    assert!(err.contains("bad.yaml"), "{err}");
    assert!(!elsewhere.join("plaint.yaml").exists(), "nothing written");
}
