//! A zh workspace's exports, reports and completions, and codes typed as
//! their labels: a Chinese CSV export that re-imports anywhere, a report
//! CSV holding every section, case IDs completed in every shell, and
//! suspension reasons and deadline rules typed as they are shown.

use crate::support::Ws;

/// A fresh `preset` workspace whose messages and labels are Chinese.
fn zh(preset: &str) -> Ws {
    Ws::init(&["--preset", preset, "--language", "zh"])
}

/// The fields of a case that an export and a re-import must keep.
fn kept(case: &serde_json::Value) -> serde_json::Value {
    serde_json::json!([
        case["id"],
        case["title"],
        case["received"],
        case["channel"],
        case["complainants"],
        case["respondent"],
        case["category"],
        case["status"],
        case["assignee"],
        case["history"].as_array().map(Vec::len),
    ])
}

#[test]
fn a_zh_csv_export_has_chinese_headers_and_reimports_into_zh_and_en_workspaces() {
    let ws = zh("tourism");
    let first = ws.register(&["--complainant", "李四", "--phone", "13900139000"]);
    ws.ok_at("2026-11-03 10:00", &["advance", &first, "已受理"]);
    ws.register(&["--received", "2026-11-04 09:00"]);
    let csv = ws.ok(&["export", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with("编号,标题,登记时间,渠道,投诉人,"),
        "{header}"
    );
    assert!(
        header.contains("投诉人2姓名") && header.contains("联系电话"),
        "{header}"
    );
    assert!(!header.contains("complainant"), "{header}");
    // `list --format csv` stays machine codes, whatever the language.
    let listed = ws.ok(&["list", "--all", "--format", "csv"]);
    assert!(listed.starts_with("id,received,status,"), "{listed}");

    let before = ws.json(&["list", "--all"]);
    for target in [zh("tourism"), Ws::tourism()] {
        target.write("export.csv", &csv);
        target.ok(&["import", "export.csv"]);
        let after = target.json(&["list", "--all"]);
        let kept_before: Vec<_> = before.as_array().unwrap().iter().map(kept).collect();
        let kept_after: Vec<_> = after.as_array().unwrap().iter().map(kept).collect();
        assert_eq!(kept_before, kept_after);
    }
}

#[test]
fn report_csv_without_out_holds_every_section_of_the_markdown_report_in_a_section_column() {
    let ws = Ws::example("tourism");
    let args = ["report", "--period", "2026-Q3", "--today", "2026-11-27"];
    let md = ws.ok(&[&args[..], &["--format", "md"]].concat());
    let sections: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert!(sections.len() >= 5, "{md}");
    let csv = ws.ok(&[&args[..], &["--format", "csv"]].concat());
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("部分,项目,指标,数值"), "{csv}");
    let mut seen: Vec<String> = Vec::new();
    for line in lines {
        let section = line.split(',').next().unwrap().to_string();
        if seen.last() != Some(&section) {
            seen.push(section);
        }
    }
    assert_eq!(
        seen, sections,
        "every section, in the Markdown order:\n{csv}"
    );
    // Each value of the Markdown tables is a row of the CSV.
    assert!(csv.contains("受理情况,合计,收到,"), "{csv}");
}

#[test]
fn completion_scripts_for_zsh_powershell_and_elvish_complete_case_ids() {
    let ws = Ws::tourism();
    let zsh = ws.ok(&["completions", "zsh"]);
    assert!(
        zsh.contains("_plaint_clap() {"),
        "clap's function is wrapped"
    );
    assert!(zsh.contains("compadd -a ids"), "{zsh}");
    assert_eq!(zsh.matches("\n_plaint() {").count(), 1, "one _plaint");
    let powershell = ws.ok(&["completions", "powershell"]);
    assert!(powershell.contains("$takesAnId"), "{powershell}");
    let elvish = ws.ok(&["completions", "elvish"]);
    assert!(elvish.contains("from-lines"), "{elvish}");
    for (shell, script) in [("zsh", zsh), ("powershell", powershell), ("elvish", elvish)] {
        assert!(
            script.contains("plaint list --all --format ids") && script.contains("advance"),
            "{shell}"
        );
    }
}

/// A procurement case accepted on 2026-10-09, ready to be suspended.
fn accepted_procurement_case(ws: &Ws) -> String {
    let id = crate::rules::procurement_case(ws, &[]);
    ws.ok(&["advance", &id, "已受理", "--at", "2026-10-09 10:00"]);
    id
}

#[test]
fn a_suspension_reason_typed_as_its_label_is_recorded_as_its_code() {
    let ws = zh("procurement");
    let id = accepted_procurement_case(&ws);
    let at = ["--at", "2026-10-20 09:00"];
    let err = ws.fails(
        2,
        &[
            &["advance", &id, "暂停计算期限", "--reason", "专家平审"][..],
            &at,
        ]
        .concat(),
    );
    assert!(
        err.contains("中止理由") && err.contains("专家评审"),
        "{err}"
    );
    ws.ok(&[
        &["advance", &id, "暂停计算期限", "--reason", "专家评审"][..],
        &at,
    ]
    .concat());
    let case = ws.json(&["show", &id, "--today", "2026-10-22"]);
    let last = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["reason"], "expert-review", "{last}");

    let en = Ws::with_preset("procurement");
    let id = accepted_procurement_case(&en);
    let args = [
        &["advance", &id, "suspended", "--reason"][..],
        &["Expert revew"],
        &at,
    ]
    .concat();
    let err = en.fails(2, &args);
    assert!(err.contains("did you mean 'expert-review'?"), "{err}");
    en.ok(&[
        &["advance", &id, "suspended", "--reason", "expert review"][..],
        &at,
    ]
    .concat());
}

#[test]
fn a_deadline_rule_is_typed_as_its_label_and_a_mistyped_one_exits_2() {
    let ws = zh("tourism");
    let id = ws.register(&[]);
    let explained = ws.ok(&["explain", &id, "决定是否受理", "--today", "2026-11-03"]);
    assert!(explained.contains("起算"), "{explained}");
    // A short form of the label, as people type it.
    let short = ws.ok(&["explain", &id, "决定受理", "--today", "2026-11-03"]);
    assert_eq!(short, explained);
    // A homophone mistyped (收 for 受) is suggested, not taken.
    let err = ws.fails(2, &["explain", &id, "决定是否收理"]);
    assert!(err.contains("是否想输入"), "{err}");
    let en = Ws::tourism();
    let id = en.register(&[]);
    let err = en.fails(2, &["explain", &id, "resolutoin"]);
    assert!(err.contains("did you mean 'resolution'?"), "{err}");
}
