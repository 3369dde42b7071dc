//! The figures an office publishes: case types, causes, several
//! departments, compensation, and reports that cross two dimensions — up
//! to a hospital's whole year, whose report reproduces its annual summary
//! (篇八 of the source collection: 19 complaints, 2 disputes of which 1
//! compensated, causes 2 / 3 / 15 / 1). Repeated flags are kept or refused.

use serde_json::{Value, json};

use crate::support::{Ws, refused, usage_refused};

/// The causes the hospital's annual summary classifies its cases by.
const CAUSES: &str = "policy:
  causes:
    - {code: responsibility, en: Lack of responsibility, zh: 责任心不强}
    - {code: core-rules, en: Core rules or procedures breached, zh: 违反核心制度}
    - {code: attitude, en: Poor service attitude, zh: 服务态度}
    - {code: public-opinion, en: Misled public opinion, zh: 社会舆论}
";

/// A hospital workspace speaking Chinese, with the office's causes.
fn hospital() -> Ws {
    let ws = Ws::with_preset("hospital");
    ws.edit_settings("language: en", "language: zh");
    ws.add_settings(CAUSES);
    ws
}

/// Registers a hospital case received on `day` with `extra` flags.
fn register(ws: &Ws, day: &str, extra: &[&str]) -> String {
    let received = format!("{day} 09:00");
    let mut args = vec![
        "register",
        "--title",
        "对诊疗不满",
        "--complainant",
        "王五",
        "--respondent",
        "本院",
        "--received",
        &received,
    ];
    args.extend_from_slice(extra);
    ws.ok(&args).trim().to_string()
}

/// Takes case `id` received on `day` through acceptance and investigation
/// to resolution with `outcome` (typed as its Chinese label).
fn resolve(ws: &Ws, id: &str, day: &str, outcome: &str) {
    for (state, hour) in [("已受理", "10:00"), ("调查中", "11:00")] {
        ws.ok(&["advance", id, state, "--at", &format!("{day} {hour}")]);
    }
    let at = format!("{day} 16:00");
    ws.ok(&["advance", id, "已办结", "--outcome", outcome, "--at", &at]);
}

/// The hospital's year 2025 as its annual summary reports it: 19
/// complaints and 2 disputes; causes 责任心不强 2, 违反核心制度 3, 服务态度
/// 15, 社会舆论 1 (the malicious dispute, settled peacefully); 1 dispute
/// compensated. The summary names no sum and does not say which cause the
/// compensated dispute had: here it is one of the two 责任心不强 cases
/// (a delayed diagnosis), for 12000.50 yuan.
fn hospital_year() -> Ws {
    let ws = hospital();
    // (type, cause, department(s), outcome)
    let mut cases: Vec<(&str, &str, Vec<&str>, &str)> = vec![
        ("纠纷", "责任心不强", vec!["内科"], "协商赔偿"),
        ("纠纷", "社会舆论", vec!["外科"], "已解释说明"),
        ("投诉", "责任心不强", vec!["急诊科"], "已解释说明"),
    ];
    for dept in ["内科", "外科", "儿科"] {
        cases.push(("投诉", "违反核心制度", vec!["护理部", dept], "已解释说明"));
    }
    let wards = ["内科", "外科", "儿科", "妇产科", "门诊部"];
    for i in 0..15 {
        cases.push((
            "投诉",
            "服务态度",
            vec![wards[i % wards.len()]],
            "已解释说明",
        ));
    }
    for (n, (kind, cause, departments, outcome)) in cases.iter().enumerate() {
        let day = format!("2025-{:02}-{:02}", n % 12 + 1, n % 20 + 3);
        let mut extra = vec!["--type", kind, "--cause", cause];
        for d in departments {
            extra.extend(["--department", d]);
        }
        if *outcome == "协商赔偿" {
            extra.extend(["--compensation", "12000.50"]);
        }
        let id = register(&ws, &day, &extra);
        resolve(&ws, &id, &day, outcome);
    }
    // A case of another year stays out of the 2025 report.
    register(
        &ws,
        "2026-01-05",
        &["--type", "纠纷", "--cause", "服务态度"],
    );
    ws
}

#[test]
fn a_hospital_year_reproduces_the_figures_of_its_annual_summary() {
    let ws = hospital_year();
    let report = ws.json(&["report", "--period", "2025"]);
    assert_eq!(report["total"]["received"], 21, "{report:#}");
    assert_eq!(report["total"]["resolved"], 21);
    assert_eq!(report["by_type"], json!({"complaint": 19, "dispute": 2}));
    assert_eq!(
        report["by_cause"],
        json!({"responsibility": 2, "core-rules": 3, "attitude": 15, "public-opinion": 1})
    );
    // "发生医疗纠纷2起（其中达成赔偿1起）": crossed by default, type by outcome.
    let cross = &report["cross"];
    assert_eq!(
        (&cross["by"], &cross["then"]),
        (&json!("type"), &json!("outcome"))
    );
    let row = |key: &str| -> &Value {
        cross["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("no row {key}: {cross:#}"))
    };
    assert_eq!(row("dispute")["total"], 2);
    assert_eq!(row("dispute")["cells"]["compensated"], 1);
    assert_eq!(row("complaint")["total"], 19);
    assert_eq!(row("complaint")["cells"].get("compensated"), None);
    assert_eq!(
        report["compensation"],
        json!({"cases": 1, "total": "12000.50"})
    );
    // The department complained about: the three 护理部 cases count there
    // and in their wards.
    let by_dept = ws.json(&["report", "--period", "2025", "--by", "department"]);
    let count = |key: &str| {
        by_dept["breakdown"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["key"] == key)
            .map(|l| l["received"].clone())
    };
    assert_eq!(count("护理部"), Some(json!(3)));
    assert_eq!(count("内科"), Some(json!(5)));
    assert_eq!(by_dept["total"]["received"], 21);
}

#[test]
fn the_hospital_year_reads_as_its_summary_in_md_csv_and_html() {
    let ws = hospital_year();
    let md = ws.ok(&["report", "--period", "2025", "--format", "md"]);
    for needle in [
        "收到投诉：21",
        "## 按类型",
        "| 投诉 | 19 |",
        "| 纠纷 | 2 |",
        "## 按原因",
        "| 责任心不强 | 2 |",
        "| 违反核心制度 | 3 |",
        "| 服务态度 | 15 |",
        "| 社会舆论 | 1 |",
        "## 按类型和结果",
        "| 纠纷 | 2 | 1 | 1 |",
        "| 赔偿金额合计（元） | 12000.50 |",
        "| 办结（内部目标） | 21 |",
        "| （未知） | 21 |",
    ] {
        assert!(md.contains(needle), "md lacks {needle:?}:\n{md}");
    }
    assert!(!md.contains("内部目标），内部目标"), "said twice:\n{md}");
    let crossed = ws.ok(&[
        "report", "--period", "2025", "--by", "type", "--then", "outcome", "--format", "csv",
    ]);
    assert!(
        crossed.contains("按类型和结果,纠纷,协商赔偿,1"),
        "{crossed}"
    );
    let html = ws.ok(&["report", "--period", "2025", "--format", "html"]);
    for needle in ["按类型和结果", "<td>纠纷</td>", "12000.50", "按原因"] {
        assert!(html.contains(needle), "html lacks {needle:?}");
    }
}

#[test]
fn a_report_crosses_any_two_dimensions() {
    let ws = hospital_year();
    let report = ws.json(&[
        "report", "--period", "2025", "--by", "cause", "--then", "type",
    ]);
    let rows = report["cross"]["rows"].as_array().unwrap();
    let keys: Vec<&str> = rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
    // Causes in the order the office lists them.
    assert_eq!(
        keys,
        ["responsibility", "core-rules", "attitude", "public-opinion"]
    );
    assert_eq!(rows[0]["cells"], json!({"complaint": 1, "dispute": 1}));
    assert_eq!(report["cross"]["columns"], json!(["complaint", "dispute"]));
    let err = ws.fails(1, &["report", "--period", "2025", "--then", "weather"]);
    assert!(err.contains("receiving-department"), "{err}");
}

#[test]
fn a_complaint_about_two_departments_keeps_both() {
    let ws = hospital();
    let id = register(
        &ws,
        "2026-11-20",
        &["--department", "内科", "--department", "外科"],
    );
    let text = ws.case_text(&id);
    assert!(
        text.contains("  department:\n  - 内科\n  - 外科\n"),
        "{text}"
    );
    let shown = ws.ok(&["show", &id]);
    assert!(shown.contains("内科、外科"), "{shown}");
    for dept in ["内科", "外科"] {
        let ids = ws.ok(&["list", "--department", dept, "--format", "ids"]);
        assert_eq!(ids.trim(), id, "{dept}");
    }
    let exported = ws.ok(&["export", "--format", "csv"]);
    assert!(exported.contains("内科;外科"), "{exported}");
}

#[test]
fn a_case_file_with_one_department_reads_and_writes_as_before() {
    let ws = hospital();
    let id = register(&ws, "2026-11-20", &["--department", "内科"]);
    let text = ws.case_text(&id);
    assert!(text.contains("\n  department: 内科\n"), "{text}");
    // Written back unchanged by a command that rewrites the file.
    ws.ok(&["note", &id, "已电话联系"]);
    let after = ws.case_text(&id);
    assert!(
        after.starts_with(text.split("history:").next().unwrap()),
        "{after}"
    );
    assert_eq!(ws.json(&["show", &id])["respondent"]["department"], "内科");
}

#[test]
fn report_by_department_counts_the_department_complained_about() {
    let ws = hospital();
    register(
        &ws,
        "2026-11-20",
        &["--department", "内科", "--receiving-department", "医务科"],
    );
    let period = ["report", "--period", "2026-11"];
    let keys = |by: &str| {
        let mut args = period.to_vec();
        args.extend(["--by", by]);
        let report = ws.json(&args);
        report["breakdown"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["key"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys("department"), ["内科"]);
    assert_eq!(keys("receiving-department"), ["医务科"]);
}

#[test]
fn case_types_are_typed_by_code_or_label_shown_filtered_exported_and_counted() {
    let ws = hospital();
    let dispute = register(&ws, "2026-11-20", &["--type", "纠纷"]);
    let complaint = register(&ws, "2026-11-21", &["--type", "complaint"]);
    assert!(ws.case_text(&dispute).contains("\ntype: dispute\n"));
    assert!(ws.ok(&["show", &dispute]).contains("纠纷"));
    let ids = ws.ok(&["list", "--type", "纠纷", "--format", "ids"]);
    assert_eq!(ids.trim(), dispute);
    let ids = ws.ok(&["list", "--type", "投诉", "--format", "ids"]);
    assert_eq!(ids.trim(), complaint);
    let summary = ws.json(&["summary"]);
    assert_eq!(summary["by_type"], json!({"complaint": 1, "dispute": 1}));
    assert!(ws.ok(&["summary"]).contains("按类型"));
    let csv = ws.ok(&["export", "--format", "csv"]);
    assert!(
        csv.lines().next().unwrap().contains(",类别,类型,原因,"),
        "{csv}"
    );
    let err = ws.fails(
        2,
        &[
            "register",
            "--title",
            "x",
            "--complainant",
            "甲",
            "--type",
            "咨询",
        ],
    );
    assert!(err.contains("投诉（complaint）"), "{err}");
}

#[test]
fn a_preset_with_one_type_refuses_a_type_and_says_where_types_are_set() {
    let ws = Ws::tourism_zh();
    let before = ws.snapshot();
    let err = ws.fails(2, &Ws::register_args(&["--type", "纠纷"]));
    assert!(
        err.contains("没有设定类型") && err.contains("types:"),
        "{err}"
    );
    assert_eq!(before, ws.snapshot());
    let report = ws.json(&["report", "--period", "2026"]);
    assert_eq!(report["by_type"], json!({}));
    assert_eq!(report["cross"], Value::Null);
}

#[test]
fn causes_are_the_offices_own_beside_the_presets_categories() {
    let ws = hospital();
    let id = register(
        &ws,
        "2026-11-20",
        &["--cause", "服务态度", "--category", "attitude"],
    );
    let text = ws.case_text(&id);
    assert!(text.contains("\ncategory: attitude\n") && text.contains("\ncause: attitude\n"));
    // The preset's categories are still all there.
    let policy = ws.json(&["policy"]);
    assert_eq!(
        policy["categories"].as_array().unwrap().len(),
        7,
        "{policy:#}"
    );
    assert_eq!(policy["causes"].as_array().unwrap().len(), 4);
    let ids = ws.ok(&["list", "--cause", "服务态度", "--format", "ids"]);
    assert_eq!(ids.trim(), id);
}

#[test]
fn imported_cases_carry_type_cause_departments_and_compensation() {
    let ws = hospital();
    let csv = "title,received,complainant.name,respondent.department,type,cause,compensation\n\
               输液错误,2025-03-02 09:00,赵六,护理部;内科,纠纷,违反核心制度,\"3,000\"\n";
    ws.write("batch.csv", csv);
    ws.ok(&["import", "batch.csv"]);
    let cases = ws.json(&["export"]);
    let case = &cases[0];
    assert_eq!(case["type"], "dispute");
    assert_eq!(case["cause"], "core-rules");
    assert_eq!(case["compensation"], "3000.00");
    assert_eq!(case["respondent"]["department"], json!(["护理部", "内科"]));
}

#[test]
fn compensation_sums_exactly_and_a_wrong_amount_is_refused() {
    let ws = hospital();
    register(&ws, "2026-11-02", &["--compensation", "0.10"]);
    register(&ws, "2026-11-03", &["--compensation", "¥0.2"]);
    let report = ws.json(&["report", "--period", "2026-11"]);
    assert_eq!(report["compensation"], json!({"cases": 2, "total": "0.30"}));
    refused(
        &ws,
        &[
            "register",
            "--title",
            "x",
            "--complainant",
            "甲",
            "--compensation",
            "一万",
        ],
        &["compensation", "不是以元为单位的金额"],
    );
}

#[test]
fn a_single_valued_flag_given_twice_is_refused_in_the_workspace_language() {
    let ws = hospital();
    usage_refused(
        &ws,
        &[
            "register",
            "--title",
            "x",
            "--complainant",
            "甲",
            "--respondent",
            "内科",
            "--respondent",
            "外科",
        ],
        &["--respondent", "只能给一次"],
    );
    let out = ws
        .cmd()
        .args([
            "list", "--status", "received", "--sort", "id", "--sort", "due", "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert!(
        err["error"]["message"].as_str().unwrap().contains("--sort"),
        "{err}"
    );
    // A list flag keeps every value.
    let id = register(&ws, "2026-11-20", &["--tag", "a", "--tag", "b"]);
    assert!(ws.case_text(&id).contains("tags:\n- a\n- b\n"));
}
