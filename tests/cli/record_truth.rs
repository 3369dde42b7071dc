//! The record tells the truth: deadline states after merges and imports,
//! validated imports and registrations, an honest clock, published rates
//! that count what is late, and bounds on what an officer can type.

use serde_json::Value;

use crate::support::Ws;
use crate::team::{Clone, Team};

/// Runs plaint in a clone with the clock pinned to `now`; asserts success.
fn at(clone: &Clone, now: &str, args: &[&str]) -> String {
    let out = clone.plaint_cmd(args, &[("PLAINT_NOW", now)]);
    assert!(
        out.status.success(),
        "plaint {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The deadline states of `rule` in a `show --json` document.
fn state_of(case: &Value, rule: &str) -> String {
    case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .map(|d| d["state"].as_str().unwrap().to_string())
        .unwrap_or_else(|| "absent".into())
}

// issue 9

#[test]
fn a_merged_rejection_stops_every_clock_in_show_list_summary_report_and_check() {
    let team = Team::new();
    let (a, id) = team.with_shared_case("两边同时处理");
    let b = team.clone_as("b", "李明");
    b.plaint_ok(&["git-setup"]);

    at(&a, "2026-11-23 10:00", &["advance", &id, "accepted"]);
    a.commit("a accepts");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    at(
        &b,
        "2026-11-23 11:00",
        &["advance", &id, "rejected", "--reason", "incomplete"],
    );
    b.commit("b rejects");
    let pulled = b.git_output(&["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        pulled.status.success(),
        "{}",
        String::from_utf8_lossy(&pulled.stderr)
    );

    let late = "2027-03-01";
    let case: Value = serde_json::from_str(&at(
        &b,
        "2027-03-01 09:00",
        &["show", &id, "--json", "--today", late],
    ))
    .unwrap();
    assert_eq!(case["status"], "rejected", "the later move wins");
    let moves: Vec<&str> = case["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "status")
        .map(|e| e["to"].as_str().unwrap())
        .collect();
    assert_eq!(moves, ["accepted", "rejected"], "the earlier move stays");
    assert_eq!(state_of(&case, "acceptance"), "met");
    assert_eq!(state_of(&case, "notify-respondent"), "stopped");
    assert_eq!(state_of(&case, "resolution"), "stopped");
    assert_eq!(case["overdue"], false);

    let text = at(&b, "2027-03-01 09:00", &["show", &id, "--today", late]);
    assert!(
        !text.contains("running") && !text.contains("left"),
        "{text}"
    );
    let overdue = at(
        &b,
        "2027-03-01 09:00",
        &["list", "--overdue", "--format", "ids", "--today", late],
    );
    assert!(!overdue.contains(&id), "{overdue}");
    let summary: Value = serde_json::from_str(&at(
        &b,
        "2027-03-01 09:00",
        &["summary", "--json", "--today", late],
    ))
    .unwrap();
    assert_eq!(summary["overdue"], 0, "{summary:#}");
    assert_eq!(summary["on_time"]["resolution"]["stopped"], 1);
    let report: Value = serde_json::from_str(&at(
        &b,
        "2027-03-01 09:00",
        &["report", "--period", "2026-Q4", "--json", "--today", late],
    ))
    .unwrap();
    assert_eq!(report["on_time"]["notify-respondent"]["overdue"], 0);
    b.assert_clean();
}

// issue 9

#[test]
fn an_imported_closed_case_without_history_is_not_tracked_never_overdue() {
    let ws = Ws::tourism();
    ws.write(
        "old.jsonl",
        concat!(
            r#"{"title":"旧案","received":"2026-06-01 09:00","status":"closed","outcome":"mediated","complainants":[{"name":"张三"}],"respondent":{"name":"甲旅行社"},"demands":"退款"}"#,
            "\n",
            r#"{"title":"新案","received":"2026-11-02 09:00","complainants":[{"name":"李四"}]}"#,
            "\n"
        ),
    );
    ws.ok_at("2026-11-20 10:00", &["import", "old.jsonl"]);
    let overdue = ws.ok(&[
        "list",
        "--overdue",
        "--format",
        "ids",
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(overdue.lines().count(), 1, "only the new case: {overdue}");
    let summary = ws.json(&["summary", "--today", "2026-12-01"]);
    assert_eq!(summary["overdue"], 1);
    assert_eq!(summary["on_time"]["acceptance"]["not_tracked"], 1);
    assert_eq!(summary["on_time"]["acceptance"]["overdue"], 1);
    let ids = ws.ok(&["list", "--status", "closed", "--format", "ids"]);
    let case = ws.json(&["show", ids.trim(), "--today", "2026-12-01"]);
    assert_eq!(state_of(&case, "acceptance"), "not_tracked");
    assert_eq!(state_of(&case, "resolution"), "not_tracked");
    let text = ws.ok(&["show", ids.trim(), "--today", "2026-12-01"]);
    assert!(text.contains("not tracked"), "{text}");

    let step = |day: &str, from: &str, to: &str| {
        format!(
            r#"{{"at":"2026-06-{day}T10:00:00+08:00","by":"旧","action":"status","from":"{from}","to":"{to}"}}"#
        )
    };
    let history = [
        r#"{"at":"2026-06-01T09:00:00+08:00","by":"旧","action":"registered"}"#.to_string(),
        step("02", "received", "accepted"),
        step("05", "accepted", "investigating"),
        step("20", "investigating", "resolved"),
        step("22", "resolved", "closed"),
    ]
    .join(",");
    ws.write(
        "full.jsonl",
        &(format!(
            r#"{{"title":"有历史的旧案","external_ref":"H-1","received":"2026-06-01 09:00","status":"closed","outcome":"mediated","complainants":[{{"name":"王五"}}],"respondent":{{"name":"乙旅行社"}},"demands":"退款","history":[{history}]}}"#
        ) + "\n"),
    );
    ws.ok_at("2026-11-20 10:00", &["import", "full.jsonl"]);
    let ids = ws.ok(&["list", "--all", "--search", "H-1", "--format", "ids"]);
    let case = ws.json(&["show", ids.trim(), "--today", "2026-12-01"]);
    assert_eq!(state_of(&case, "acceptance"), "met", "evaluated exactly");
    assert_eq!(state_of(&case, "resolution"), "met");
    // Resolved on 06-20 without the respondent notified by 06-09.
    assert_eq!(state_of(&case, "notify-respondent"), "missed");
}

// issue 9

#[test]
fn published_rates_count_overdue_open_deadlines_in_every_format() {
    let ws = Ws::tourism();
    let decided = ws.register(&[]);
    ws.ok_at("2026-11-03 10:00", &["advance", &decided, "accepted"]);
    for _ in 0..3 {
        ws.register(&[]);
    }
    let today = "2027-01-15";
    let report = ws.json(&["report", "--period", "2026-Q4", "--today", today]);
    let acceptance = &report["on_time"]["acceptance"];
    assert_eq!(acceptance["met"], 1);
    assert_eq!(acceptance["overdue"], 3);
    assert_eq!(acceptance["rate"], 0.25);
    assert_eq!(
        report["on_time_rate_definition"],
        "met ÷ (met + missed + overdue)"
    );
    let summary = ws.json(&["summary", "--today", today]);
    assert_eq!(summary["on_time"]["acceptance"]["rate"], 0.25);
    for format in ["md", "table", "csv"] {
        let out = ws.ok(&[
            "report", "--period", "2026-Q4", "--format", format, "--today", today,
        ]);
        assert!(
            out.contains("met ÷ (met + missed + overdue)"),
            "{format}: {out}"
        );
        assert!(!out.contains("100.0%"), "{format}: {out}");
    }
    let table = ws.ok(&["summary", "--today", today]);
    assert!(table.contains("25.0%"), "{table}");
}

/// The times of a case's events, in history order.
fn event_times(ws: &Ws, id: &str) -> Vec<(String, String)> {
    ws.json(&["show", id])["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["at"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

// issue 9

#[test]
fn an_event_is_stored_at_the_time_it_happened_never_clamped() {
    let ws = Ws::with_preset("hospital");
    let id = ws.ok_at(
        "2026-11-02 09:30",
        &["register", "--title", "候诊太久", "--complainant", "王五"],
    );
    let id = id.trim();
    ws.ok_at("2026-11-20 10:00", &["note", id, "x"]);
    ws.ok_at("2026-11-03 10:00", &["mark", id, "first-reply"]);
    ws.ok_at("2026-11-04 10:00", &["note", id, "y"]);
    let times = event_times(&ws, id);
    assert_eq!(
        times[1..],
        [
            (
                "milestone".to_string(),
                "2026-11-03T10:00:00+08:00".to_string()
            ),
            ("note".to_string(), "2026-11-04T10:00:00+08:00".to_string()),
            ("note".to_string(), "2026-11-20T10:00:00+08:00".to_string()),
        ],
        "inserted in time order"
    );
    let case = ws.json(&["show", id, "--today", "2026-11-30"]);
    assert_eq!(state_of(&case, "first-reply"), "met", "{case:#}");
    ws.ok(&["check"]);
}

// issue 9

#[test]
fn a_clock_ahead_of_the_computer_or_a_move_before_a_later_move_is_refused() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let before = ws.snapshot();
    let out = ws
        .cmd()
        .env("PLAINT_NOW", "2099-01-01 10:00")
        .args(["note", &id, "from the future"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2099-01-01T10:00:00+08:00") && err.contains("clock"),
        "{err}"
    );
    assert_eq!(ws.snapshot(), before, "nothing written");

    ws.ok_at("2026-11-05 10:00", &["advance", &id, "accepted"]);
    let before = ws.snapshot();
    let err = ws.fails(
        1,
        &["advance", &id, "investigating", "--at", "2026-11-04 10:00"],
    );
    assert!(
        err.contains("2026-11-04 10:00 is before") && err.contains("at 2026-11-05 10:00"),
        "both times named: {err}"
    );
    assert_eq!(ws.snapshot(), before);
    ws.ok(&[
        "mark",
        &id,
        "respondent-notified",
        "--at",
        "2026-11-05 09:00",
    ]);
}

// issue 9

#[test]
fn a_blank_case_is_never_registered() {
    let ws = Ws::tourism();
    let before = ws.snapshot();
    let err = ws.fails(1, &["register"]);
    assert!(
        err.contains("nothing to register") && err.contains("Usage"),
        "{err}"
    );
    let err = ws.fails(1, &["register", "--title", "", "--received", "2026-11-02"]);
    assert!(
        err.contains("a title or the facts") && err.contains("--anonymous"),
        "what is missing is listed: {err}"
    );
    let err = ws.fails(1, &["register", "--title", "行李丢失"]);
    assert!(
        !err.contains("title or the facts") && err.contains("complainant"),
        "{err}"
    );
    assert_eq!(ws.snapshot(), before, "nothing written");
    let case = ws.json(&["register", "--facts", "行李丢失", "--anonymous"]);
    assert_eq!(case["tags"][0], "anonymous");
}

// issue 9

#[test]
fn the_filing_limit_ends_on_the_next_working_day_and_warns_when_unchecked() {
    let ws = Ws::tourism();
    // 2026-07-05 + 90 days = Saturday 2026-10-03, inside the National Day
    // holiday: the limit runs to Thursday 2026-10-08.
    let register = |received: &str| {
        ws.cmd()
            .args(Ws::register_args(&[
                "--contract-end",
                "2026-07-05",
                "--received",
                received,
            ]))
            .output()
            .unwrap()
    };
    let on_time = register("2026-10-08 09:00");
    assert!(on_time.status.success());
    let stderr = String::from_utf8_lossy(&on_time.stderr);
    assert!(!stderr.contains("days allowed"), "{stderr}");
    let id = String::from_utf8(on_time.stdout)
        .unwrap()
        .trim()
        .to_string();
    ws.ok(&["advance", &id, "accepted"]);

    let late = register("2026-10-09 09:00");
    let stderr = String::from_utf8_lossy(&late.stderr);
    assert!(stderr.contains("the limit ran to 2026-10-08"), "{stderr}");

    let out = ws.run(&Ws::register_args(&[]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("filing limit was not checked"), "{stderr}");
}

// issue 9

#[test]
fn extensions_and_dates_stay_within_the_supported_range_and_late_extensions_need_force() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 10:00", &["advance", &id, "accepted"]);
    let before = ws.snapshot();
    let extend = |by: &str| {
        vec![
            "extend",
            &id,
            "resolution",
            "--by",
            by,
            "--unit",
            "days",
            "--reason",
            "鉴定",
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let args = extend("4000000");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = ws.fails(1, &args);
    assert!(err.contains("4000000"), "{err}");
    let err = ws.fails(1, &["advance", &id, "investigating", "--at", "20026-11-05"]);
    assert!(err.contains("--at"), "{err}");
    let err = ws.fails(1, &Ws::register_args(&["--received", "1066-10-14 09:00"]));
    assert!(err.contains("1900"), "{err}");
    assert_eq!(ws.snapshot(), before, "nothing written");

    // Timeliness is judged on an extendable rule: the hospital's 30-working-day
    // office target. From 2026-11-02 it runs to 2026-12-14, so on 11-29 an
    // extension is in time.
    let hospital = Ws::with_preset("hospital");
    let register = |received: &str| hospital.register_hospital(received);
    let extend_resolution = |id: &str, force: bool| {
        let mut args = vec![
            "extend",
            id,
            "resolution",
            "--by",
            "3",
            "--reason",
            "需会诊",
        ];
        if force {
            args.push("--force");
        }
        hospital
            .cmd()
            .env("PLAINT_NOW", "2026-11-29 10:00")
            .args(&args)
            .output()
            .unwrap()
    };
    let id = register("2026-11-02 09:30");
    let out = extend_resolution(&id, false);
    assert!(
        out.status.success(),
        "in time: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case = hospital.json(&["show", &id]);
    let event = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(event["action"], "extended");
    assert!(event.get("forced").is_none(), "{event}");

    // Received 2026-09-01, the same target ran out on 2026-10-20.
    let id2 = register("2026-09-01 09:30");
    let before = hospital.snapshot();
    let out = extend_resolution(&id2, false);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--force") && err.contains("passed on"),
        "{err}"
    );
    assert_eq!(
        hospital.snapshot(),
        before,
        "a refused extension writes nothing"
    );
    let out = extend_resolution(&id2, true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case = hospital.json(&["show", &id2]);
    let event = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(event["forced"][0], "late-extension", "{event}");
}

/// Runs `import FILE --json` (plus `extra`) and returns the exit code and
/// the errors document from stderr, if any.
fn import_errors(ws: &Ws, file: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["import", file, "--json"];
    args.extend_from_slice(extra);
    let out = ws.run(&args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

// issue 9

#[test]
fn import_refuses_records_the_commands_could_not_have_written() {
    let ws = Ws::tourism();
    let person = r#""complainants":[{"name":"张三"}],"respondent":{"name":"甲"},"demands":"退款""#;
    let registered = r#"{"at":"2026-10-08T09:00:00+08:00","by":"旧","action":"registered"}"#;
    let cases = [
        (
            "no-reason.jsonl",
            format!(r#"{{"title":"t","received":"2026-10-08 09:00","status":"rejected",{person}}}"#),
            "history.reason",
        ),
        (
            "no-outcome.jsonl",
            format!(r#"{{"title":"t","received":"2026-10-08 09:00","status":"resolved",{person}}}"#),
            "outcome",
        ),
        (
            "no-respondent.jsonl",
            r#"{"title":"t","received":"2026-10-08 09:00","status":"accepted","complainants":[{"name":"张三"}],"demands":"退款"}"#.to_string(),
            "respondent",
        ),
        (
            "unknown-state.jsonl",
            format!(
                r#"{{"title":"t","received":"2026-10-08 09:00","status":"accepted",{person},"history":[{registered},{{"at":"2026-10-09T09:00:00+08:00","by":"旧","action":"status","from":"received","to":"acepted"}}]}}"#
            ),
            "acepted",
        ),
        (
            "backwards.jsonl",
            format!(
                r#"{{"title":"t","received":"2026-10-08 09:00","status":"accepted",{person},"history":[{registered},{{"at":"2026-10-07T09:00:00+08:00","by":"旧","action":"status","from":"received","to":"accepted"}}]}}"#
            ),
            "time order",
        ),
        (
            "disagrees.jsonl",
            format!(
                r#"{{"title":"t","received":"2026-10-08 09:00","status":"investigating",{person},"history":[{registered},{{"at":"2026-10-09T09:00:00+08:00","by":"旧","action":"status","from":"received","to":"accepted"}}]}}"#
            ),
            "`status` is investigating",
        ),
    ];
    let before = ws.snapshot();
    for (file, record, needle) in &cases {
        ws.write(file, &format!("{record}\n"));
        let (code, doc) = import_errors(&ws, file, &[]);
        assert_eq!(code, Some(1), "{file}: {doc}");
        assert!(doc.contains(needle), "{file}: {needle} not in {doc}");
        assert!(
            doc.contains("\"row\": 1"),
            "{file}: the row is named: {doc}"
        );
    }
    let written: Vec<_> = ws
        .snapshot()
        .into_keys()
        .filter(|p| p.starts_with("cases"))
        .collect();
    let was: Vec<_> = before
        .into_keys()
        .filter(|p| p.starts_with("cases"))
        .collect();
    assert_eq!(written, was, "nothing imported");

    let (code, doc) = import_errors(&ws, "no-reason.jsonl", &["--force"]);
    assert_eq!(code, Some(0), "{doc}");
    assert!(doc.contains("imported incomplete"), "{doc}");
    let out = ws.run(&["check", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("history.reason"),
        "{report:#}"
    );
}

// issue 9

#[test]
fn check_and_advance_share_the_validation_of_register_and_import() {
    let ws = Ws::tourism();
    let id = "20261102-K7QF2";
    ws.write(
        &format!("cases/2026/{id}.yaml"),
        &format!(
            "schema: 1\nid: {id}\ntitle: 手改过的案子\nreceived: 2026-11-02T09:30:00+08:00\n\
             complainants:\n- name: 张三\ndemands: 退款\nstatus: accepted\nhistory:\n\
             - at: 2026-11-02T09:30:00+08:00\n  by: tester\n  action: registered\n\
             - at: 2026-11-03T09:00:00+08:00\n  by: tester\n  action: status\n  from: received\n  to: accepted\n"
        ),
    );
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stdout).contains("respondent.name"));
    let before = ws.snapshot();
    let err = ws.fails(1, &["advance", id, "investigating"]);
    assert!(err.contains("respondent.name"), "{err}");
    assert_eq!(ws.snapshot(), before);
}
