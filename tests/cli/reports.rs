//! Summary, the publication report, follow-up and repeat complaints.

use crate::support::{Ws, refused, usage_refused};

const NOW: &str = "2026-11-27 17:00";

/// A small office: six cases in Q3 and Q4 2026 across states, with a
/// follow-up and a repeat complainant.
fn office(language: &str) -> Ws {
    let ws = Ws::tourism();
    ws.edit_settings("language: en", &format!("language: {language}"));
    let reg = |extra: &[&str]| ws.ok_at(NOW, &Ws::register_args(extra)).trim().to_string();
    let a = reg(&[
        "--received",
        "2026-09-30 23:59",
        "--category",
        "shopping",
        "--channel",
        "phone",
    ]);
    ws.ok_at(
        NOW,
        &["advance", &a, "accepted", "--at", "2026-10-09 10:00"],
    );
    ws.ok_at(
        NOW,
        &["advance", &a, "mediating", "--at", "2026-10-12 10:00"],
    );
    ws.ok_at(
        NOW,
        &[
            "advance",
            &a,
            "resolved",
            "--outcome",
            "mediated",
            "--at",
            "2026-10-30 10:00",
        ],
    );
    ws.ok_at(
        NOW,
        &[
            "followup",
            &a,
            "--satisfaction",
            "satisfied",
            "--note",
            "满意",
        ],
    );
    let b = ws.ok_at(
        NOW,
        &[
            "register",
            "--title",
            "投诉",
            "--received",
            "2026-08-03 09:00",
            "--category",
            "itinerary",
            "--channel",
            "hotline",
            "--complainant",
            "John Smith",
            "--phone",
            "+44 20 7946 0000",
            "--respondent",
            "Sunshine Travel",
        ],
    );
    let b = b.trim();
    ws.ok_at(
        NOW,
        &[
            "advance",
            b,
            "rejected",
            "--reason",
            "outside-jurisdiction",
            "--refer-to",
            "桂林市市场监督管理局",
            "--at",
            "2026-08-05 10:00",
        ],
    );
    let c = reg(&[
        "--received",
        "2026-10-01 00:00",
        "--category",
        "guide",
        "--channel",
        "visit",
    ]);
    ws.ok_at(
        NOW,
        &["advance", &c, "accepted", "--at", "2026-10-20 10:00"],
    );
    reg(&["--received", "2026-11-20 11:00", "--category", "shopping"]);
    let e = ws.ok_at(
        NOW,
        &[
            "register",
            "--title",
            "投诉",
            "--received",
            "2026-07-15 09:00",
            "--category",
            "accommodation",
            "--complainant",
            "李四",
            "--phone",
            "13912345678",
            "--respondent",
            "丽江古城客栈",
        ],
    );
    ws.ok_at(
        NOW,
        &[
            "advance",
            e.trim(),
            "transferred",
            "--to",
            "丽江市市场监管局",
            "--at",
            "2026-07-16 09:00",
        ],
    );
    ws
}

#[test]
fn summary_json_counts_everything() {
    let ws = office("en");
    let s = ws.json(&["summary", "--today", "2026-11-27"]);
    assert_eq!(s["total"], 5);
    assert_eq!(s["by_status"]["resolved"], 1);
    assert_eq!(s["by_status"]["rejected"], 1);
    assert_eq!(s["by_category"]["shopping"], 2);
    assert_eq!(s["by_assignee"]["tester"], 5);
    assert_eq!(s["by_channel"]["hotline"], 1);
    assert_eq!(s["satisfaction"]["satisfied"], 1);
    assert_eq!(s["satisfaction_rate"], 1.0);
    // 张三 (same phone) complained three times: two repeats.
    assert_eq!(s["repeat"], 2);
    // The 10-01 case (the National Day week, then accepted only on 10-20)
    // missed its acceptance deadline; the three others decided in time.
    assert_eq!(
        s["on_time"]["acceptance"],
        serde_json::json!({"kind": "regulation", "met": 3, "missed": 1, "overdue": 0, "stopped": 0, "not_tracked": 0, "rate": 0.75})
    );
    // On 11-27 the 10-01 case, accepted 10-20, is late notifying the
    // respondent, and the 11-20 case's acceptance falls due within 3 days.
    assert_eq!(s["overdue"], 1);
    assert_eq!(
        s["overdue_by_rule"],
        serde_json::json!({"notify-respondent": 1})
    );
    assert_eq!(s["due_soon"], 1);
    assert_eq!(s["due_soon_by_rule"], serde_json::json!({"acceptance": 1}));
    // Decisions took 1 (09-30 → 10-09 over the holiday), 2 (08-03 → 08-05)
    // and 9 (10-01 → 10-20) working days; the one closed case took 18.
    assert_eq!(s["median_workdays_to_decision"], 2.0);
    assert_eq!(s["p90_workdays_to_decision"], 7.6);
    assert_eq!(s["median_workdays_to_close"], 18.0);
    assert_eq!(s["p90_workdays_to_close"], 18.0);
}

#[test]
fn the_period_boundary_follows_the_office_clock() {
    let ws = office("en");
    let q3 = ws.json(&["report", "--period", "2026-Q3", "--today", "2026-11-27"]);
    let q4 = ws.json(&["report", "--period", "2026-Q4", "--today", "2026-11-27"]);
    assert_eq!(q3["total"]["received"], 3, "09-30 23:59 belongs to Q3");
    assert_eq!(q4["total"]["received"], 2, "10-01 00:00 belongs to Q4");
    assert_eq!(q3["rejected_by_reason"]["outside-jurisdiction"], 1);
    assert_eq!(q3["resolved_by_outcome"]["mediated"], 1);
    let month = ws.json(&[
        "report",
        "--period",
        "2026-08",
        "--by",
        "respondent",
        "--today",
        "2026-11-27",
    ]);
    assert_eq!(month["breakdown"][0]["key"], "Sunshine Travel");
    let range = ws.json(&[
        "report",
        "--period",
        "2026-07-01..2026-12-31",
        "--today",
        "2026-11-27",
    ]);
    assert_eq!(range["total"]["received"], 5);
}

#[test]
fn report_markdown_is_ready_to_publish() {
    let ws = office("zh");
    let md = ws.ok(&[
        "report",
        "--period",
        "2026-Q3",
        "--format",
        "md",
        "--today",
        "2026-11-27",
    ]);
    insta::assert_snapshot!("report_q3_zh_md", md);
}

#[test]
fn report_csv_and_table_outputs() {
    let ws = office("zh");
    let csv = ws.ok(&[
        "report",
        "--period",
        "2026",
        "--format",
        "csv",
        "--bom",
        "--today",
        "2026-11-27",
    ]);
    assert!(csv.starts_with('\u{feff}'));
    insta::assert_snapshot!("report_2026_zh_csv", csv.trim_start_matches('\u{feff}'));
    let table = ws.ok(&["report", "--period", "2026", "--today", "2026-11-27"]);
    insta::assert_snapshot!("report_2026_zh_tsv", table);
}

/// Every line of a boxed table is as wide on screen as its top border, and
/// every border character sits in the same screen column, Chinese labels
/// (two columns each) included.
fn assert_box_columns_align(screen: &str) {
    use unicode_width::UnicodeWidthStr;
    let mut table: Vec<&str> = Vec::new();
    for line in screen.lines().chain([""]) {
        if line.starts_with(['┌', '│', '├', '╞', '└']) {
            table.push(line);
            continue;
        }
        if let Some(top) = table.first() {
            let width = top.width();
            for row in &table {
                assert_eq!(row.width(), width, "misaligned:\n{}", table.join("\n"));
            }
        }
        table.clear();
    }
    assert!(
        screen.contains('┌'),
        "no boxed table on the terminal:\n{screen}"
    );
}

#[test]
fn summary_tables_stay_aligned_with_chinese_labels() {
    let ws = office("zh");
    let summary = ws.ok(&["summary", "--today", "2026-11-27"]);
    insta::assert_snapshot!("summary_zh_tsv", summary);
    let boxed = ws.terminal(100, false, &["summary", "--today", "2026-11-27"]);
    assert_box_columns_align(&boxed);
    insta::assert_snapshot!("summary_zh_terminal", boxed);
}

#[test]
fn bad_report_arguments_exit_1() {
    let ws = office("en");
    for period in [
        "2026-Q5",
        "2026-13",
        "2026-09-31..2026-01-01",
        "2026-10-01..2026-01-01",
    ] {
        refused(&ws, &["report", "--period", period], &[period]);
    }
    refused(
        &ws,
        &["report", "--period", "2026", "--by", "weather"],
        &["--by 'weather'"],
    );
    refused(
        &ws,
        &["report", "--period", "2026", "--format", "pdf"],
        &["--format 'pdf'"],
    );
}

#[test]
fn followup_needs_a_resolved_case_and_a_known_answer() {
    let ws = office("en");
    let open = ws.ok(&["list", "--format", "ids", "--status", "accepted"]);
    let open = open.lines().next().unwrap();
    refused(
        &ws,
        &["followup", open, "--satisfaction", "satisfied"],
        &["resolved or closed"],
    );
    let resolved = ws.ok(&["list", "--format", "ids", "--status", "resolved"]);
    let resolved = resolved.trim();
    usage_refused(
        &ws,
        &["followup", resolved, "--satisfaction", "happy"],
        &["unknown satisfaction 'happy'"],
    );
    let doc = ws.json(&["show", resolved]);
    assert_eq!(doc["satisfaction"], "satisfied");
    assert_eq!(
        doc["history"].as_array().unwrap().last().unwrap()["action"],
        "followup"
    );
}

#[test]
fn the_hospital_preset_closes_only_after_the_follow_up_call() {
    let ws = Ws::with_preset("hospital");
    let id = ws
        .ok(&[
            "register",
            "--title",
            "投诉",
            "--complainant",
            "王五",
            "--received",
            "2026-11-02",
        ])
        .trim()
        .to_string();
    ws.ok(&["advance", &id, "accepted"]);
    ws.ok(&["advance", &id, "investigating"]);
    ws.ok(&["advance", &id, "resolved", "--outcome", "explained"]);
    refused(&ws, &["advance", &id, "closed"], &["missing followup"]);
    ws.ok(&["followup", &id, "--satisfaction", "neutral"]);
    ws.ok(&["advance", &id, "closed"]);
}

#[test]
fn repeat_complaints_are_found_listed_and_escalated() {
    let ws = office("en");
    let repeats = ws.ok(&["list", "--repeat", "--format", "ids"]);
    assert_eq!(repeats.lines().count(), 2, "{repeats}");
    let newest = ws.json(&["list", "--repeat", "--sort", "received"]);
    let newest = newest.as_array().unwrap().last().unwrap();
    assert_eq!(newest["priority"], "important", "raised at registration");
    let shown = ws.json(&["show", newest["id"].as_str().unwrap()]);
    assert_eq!(shown["earlier_cases"].as_array().unwrap().len(), 2);
    // The index is rebuilt when case files change behind plaint's back.
    let first = shown["earlier_cases"][0].as_str().unwrap();
    std::fs::remove_file(ws.case_path(first)).unwrap();
    let shown = ws.json(&["show", newest["id"].as_str().unwrap()]);
    assert_eq!(shown["earlier_cases"].as_array().unwrap().len(), 1);
    let out = ws.run(&[
        "register",
        "--title",
        "投诉",
        "--complainant",
        "Ann",
        "--phone",
        "139-1234-5678",
        "--received",
        "2026-11-02",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("repeat complaint"));
}

#[test]
fn list_csv_takes_a_byte_order_mark() {
    let ws = office("en");
    let csv = ws.ok(&["list", "--all", "--format", "csv", "--bom"]);
    assert!(csv.starts_with("\u{feff}id,received,status"), "{csv}");
    assert_eq!(csv.lines().count(), 6);
}

#[test]
fn the_satisfaction_rate_counts_basically_satisfied_and_sets_unanswered_calls_apart() {
    let ws = Ws::tourism_zh();
    let resolved = |answer: &str| {
        let id = ws.register(&[]);
        ws.ok(&["advance", &id, "accepted"]);
        ws.ok(&["advance", &id, "investigating"]);
        ws.ok(&["advance", &id, "resolved", "--outcome", "mediated"]);
        ws.ok(&["followup", &id, "--satisfaction", answer]);
        id
    };
    // Answers as people give them: a label, a common word, a code.
    resolved("基本满意");
    resolved("很满意");
    resolved("不满意");
    resolved("联系不上");
    let reopened = resolved("满意");
    ws.ok(&["advance", &reopened, "investigating"]);
    let report = ws.json(&["report", "--period", "2026", "--format", "json"]);
    let counts = &report["satisfaction"];
    assert_eq!(counts["neutral"], 1, "{report:#}");
    assert_eq!(counts["very-satisfied"], 1, "{report:#}");
    assert_eq!(counts["dissatisfied"], 1, "{report:#}");
    assert_eq!(counts["unreachable"], 1, "{report:#}");
    // The reopened case's answer was for a resolution that no longer stands.
    assert_eq!(counts.get("satisfied"), None, "{report:#}");
    // (非常满意 + 基本满意) ÷ 3 answers; the unreachable call is no answer.
    let rate = report["satisfaction_rate"].as_f64().unwrap();
    assert!((rate - 0.6667).abs() < 1e-9, "rounded to 4 places: {rate}");
    assert_eq!(
        report["satisfaction_rate_definition"],
        "(very satisfied + satisfied + basically satisfied) ÷ answers"
    );
    let summary = ws.json(&["summary"]);
    assert_eq!(summary["satisfaction_rate"], report["satisfaction_rate"]);
}
