//! The sample office in `examples/tourism`, as a newcomer first sees it:
//! its tables, its report and its checks, pinned with `--today` fixed.

use crate::support::Ws;

const TODAY: &str = "2026-11-27";

#[test]
fn the_sample_workspace_is_clean_and_every_state_is_there() {
    let ws = Ws::example("tourism");
    let check = ws.json(&["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check}");
    assert_eq!(check["files"], 14, "plaint.yaml and 13 cases");
    let summary = ws.json(&["summary", "--today", TODAY]);
    let states = summary["by_status"].as_object().unwrap();
    for state in [
        "received",
        "accepted",
        "investigating",
        "mediating",
        "suspended",
        "resolved",
        "closed",
        "rejected",
        "transferred",
        "withdrawn",
    ] {
        assert!(states.contains_key(state), "no {state} case in the sample");
    }
}

#[test]
fn list_table() {
    let ws = Ws::example("tourism");
    insta::assert_snapshot!("example_list", ws.ok(&["list", "--today", TODAY]));
    insta::assert_snapshot!(
        "example_overdue",
        ws.ok(&["list", "--overdue", "--today", TODAY, "--format", "csv"])
    );
}

#[test]
fn summary_tables() {
    let ws = Ws::example("tourism");
    insta::assert_snapshot!("example_summary", ws.ok(&["summary", "--today", TODAY]));
}

#[test]
fn quarterly_report_in_markdown_and_csv() {
    let ws = Ws::example("tourism");
    insta::assert_snapshot!(
        "example_report_q4_md",
        ws.ok(&[
            "report", "--period", "2026-Q4", "--format", "md", "--today", TODAY
        ])
    );
    insta::assert_snapshot!(
        "example_report_q3_csv",
        ws.ok(&[
            "report",
            "--period",
            "2026-Q3",
            "--by",
            "respondent",
            "--format",
            "csv",
            "--today",
            TODAY
        ])
    );
}
