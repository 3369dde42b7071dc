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
fn a_step_merged_in_after_the_void_is_kept_and_check_says_so() {
    let ws = office();
    let id = ws.register(&[]);
    ws.ok(&["void", &id, "--reason", "重复登记"]);
    // Another clone accepted the case meanwhile; the merge keeps both acts.
    let merged = ws
        .case_text(&id)
        .replace("status: received", "status: accepted")
        + &format!(
            "- at: {}\n  by: 李明\n  action: status\n  from: received\n  to: accepted\n",
            later_than_the_void(&ws.case_text(&id))
        );
    std::fs::write(ws.case_path(&id), merged).unwrap();
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("作废之后"), "{said}");
    assert!(said.contains("本案仍为作废"), "{said}");
    // It still counts nowhere.
    let summary = ws.json(&["summary"]);
    assert_eq!(summary["total"], 0, "{summary}");
}

/// A moment a minute after the last event of a case file's history.
fn later_than_the_void(text: &str) -> String {
    let last = text
        .lines()
        .rev()
        .find_map(|l| l.trim_start_matches("- ").strip_prefix("at: "))
        .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(last).unwrap() + chrono::Duration::minutes(1);
    at.to_rfc3339()
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

/// Runs plaint with `stdin` as its standard input; asserts success.
fn ok_with_stdin(ws: &Ws, args: &[&str], stdin: &str) -> String {
    let out = ws.cmd().args(args).write_stdin(stdin).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_agreement_is_its_own_field_required_before_the_mediation_and_settlement_documents() {
    let ws = office();
    for (outcome, kind) in [("mediated", "mediation"), ("settled", "settlement")] {
        let id = ws.register(&[]);
        ws.ok_at(NOW, &["advance", &id, "accepted"]);
        ws.ok_at(NOW, &["advance", &id, "mediating"]);
        ws.ok_at(NOW, &["advance", &id, "resolved", "--outcome", outcome]);
        // Measures are another field: they do not stand for the agreement.
        ws.ok_at(NOW, &["set", &id, "measures", "旅行社对导游进行培训"]);
        refused(
            &ws,
            &["notice", &id, kind],
            &[
                "协议内容",
                "plaint set 编号 agreement 内容",
                "在编辑器中填写",
            ],
        );
        // A long agreement comes from stdin (or $EDITOR on a terminal).
        let agreement =
            "一、旅行社于 2026 年 12 月 5 日前退还购物款 3000 元；\n二、投诉人放弃其他请求。";
        ok_with_stdin(&ws, &["set", &id, "agreement", "-"], agreement);
        let text = ws.case_text(&id);
        assert!(text.contains("agreement: |-\n  一、旅行社于"), "{text}");
        let md = ws.ok_at(NOW, &["notice", &id, kind, "--format", "md"]);
        assert!(md.contains("二、投诉人放弃其他请求。"), "{md}");
        assert!(!md.contains("旅行社对导游进行培训"), "{md}");
        let shown = ws.ok(&["show", &id]);
        assert!(
            shown.contains("整改措施") && shown.contains("旅行社对导游进行培训"),
            "{shown}"
        );
    }
}

#[test]
fn each_cases_measures_are_gathered_in_the_report_when_asked() {
    let ws = Ws::with_preset("hospital");
    ws.edit_settings("language: en", "language: zh");
    let first = ws.register_hospital("2026-03-02 09:00");
    let second = ws.register_hospital("2026-04-02 09:00");
    ws.register_hospital("2026-05-02 09:00");
    ws.ok(&[
        "set",
        &first,
        "measures",
        "门诊部增设导诊护士，高峰时段增开诊室",
    ]);
    ws.ok(&[
        "set",
        &second,
        "measures",
        "组织服务礼仪培训 | 纳入科室考核",
    ]);

    let plain = ws.ok(&["report", "--period", "2026", "--format", "md"]);
    assert!(
        !plain.contains("整改措施"),
        "free text only when asked:\n{plain}"
    );
    let md = ws.ok(&["report", "--period", "2026", "--format", "md", "--measures"]);
    assert!(md.contains("## 整改措施"), "{md}");
    assert!(
        md.contains("| 案件编号 | 类别 | 涉及科室 | 整改措施内容 |"),
        "{md}"
    );
    let row = format!("| {first} | 候诊时间 |  | 门诊部增设导诊护士，高峰时段增开诊室 |");
    assert!(md.contains(&row), "{md}");
    assert!(md.contains("组织服务礼仪培训 \\| 纳入科室考核"), "{md}");
    let json = ws.json(&["report", "--period", "2026", "--measures"]);
    let listed = json["measures"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{json}");
    assert_eq!(listed[0]["id"], first.as_str());
    assert_eq!(listed[0]["category"], "waiting");
    assert!(
        ws.json(&["report", "--period", "2026"])
            .get("measures")
            .is_none()
    );
    let csv = ws.ok(&[
        "report",
        "--period",
        "2026",
        "--format",
        "csv",
        "--measures",
    ]);
    assert!(
        csv.contains("整改措施,") && csv.contains("组织服务礼仪培训"),
        "{csv}"
    );
    // Free text never goes out under --redact.
    let err = ws.fails(2, &["report", "--period", "2026", "--measures", "--redact"]);
    assert!(err.contains("--redact"), "{err}");
}

#[test]
fn the_case_form_is_filled_from_the_record_and_filed_in_the_case() {
    let ws = office();
    let id = ws.register(&["--facts", "11月20日导游带团进入玉器店，停留三小时。"]);
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("现场照片.jpg");
    std::fs::write(&photo, b"jpeg").unwrap();
    ws.ok(&["attach", &id, photo.to_str().unwrap()]);
    // Not before the complaint is accepted.
    refused(&ws, &["notice", &id, "case-form"], &["case-form"]);
    ws.ok_at("2026-11-03 09:00", &["advance", &id, "accepted"]);
    let md = ws.ok_at(NOW, &["notice", &id, "case-form", "--format", "md"]);
    for line in [
        "## 旅游投诉立案表",
        "立〔2026〕",
        &format!("- 案件编号：{id}"),
        "- 投诉日期：2026年11月2日",
        "- 受理日期：2026年11月3日",
        "- 投诉方式：电话",
        "- 投诉人：张三　联系电话：13800138000",
        "- 被投诉人：桂林阳光旅行社",
        "- 投诉类别：强迫购物",
        "- 投诉请求：退还购物款",
        "- 事实与理由：11月20日导游带团进入玉器店，停留三小时。",
        "- 附投诉材料：现场照片.jpg",
        "依据《旅游投诉处理办法》第十七条的规定立案办理。",
        "填表人：tester　填表日期：2026年11月29日",
        "负责人意见：",
    ] {
        assert!(md.contains(line), "{line}:\n{md}");
    }
    // Addressed to no one, and recorded in the case like every document.
    assert!(!md.contains("：\n\n依据") && !md.contains("\n：\n"), "{md}");
    let shown = ws.ok(&["show", &id]);
    assert!(shown.contains("旅游投诉立案表"), "{shown}");
}

#[test]
fn harm_stopped_on_the_spot_skips_the_forms_but_is_recorded_and_archived() {
    let ws = office();
    let id = ws.register(&[]);
    // Only the outcome article 17 ¶2 provides for.
    refused(
        &ws,
        &[
            "advance",
            &id,
            "resolved",
            "--on-the-spot",
            "--outcome",
            "mediated",
        ],
        &["即时制止或纠正损害行为"],
    );
    let case = ws.json(&[
        "advance",
        &id,
        "resolved",
        "--on-the-spot",
        "--outcome",
        "即时制止或纠正损害行为",
        "--note",
        "执法人员到场，责令导游立即停止强迫购物，游客当场离店",
    ]);
    let last = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["on_the_spot"], true);
    assert_eq!(last["outcome"], "corrected-on-the-spot");
    // No acceptance, so no notice to the respondent is due.
    let rules: Vec<(&str, &str)> = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["state"].as_str().unwrap()))
        .collect();
    assert!(
        !rules
            .iter()
            .any(|(r, s)| *r == "notify-respondent" && *s != "not-started"),
        "{rules:?}"
    );
    assert_eq!(case["overdue"], false);
    let shown = ws.ok(&["show", &id]);
    assert!(
        shown.contains("当场解决") && shown.contains("执法人员到场"),
        "{shown}"
    );
    // Archived with the case file.
    let out = tempfile::tempdir().unwrap();
    let dossier = out.path().join("d");
    ws.ok(&["dossier", &id, "--out", dossier.to_str().unwrap()]);
    let page = std::fs::read_to_string(dossier.join("index.html"))
        .or_else(|_| std::fs::read_to_string(dossier.join(format!("{id}.html"))))
        .unwrap_or_default();
    let all: String = walk(&dossier);
    assert!(
        all.contains("执法人员到场") || page.contains("执法人员到场"),
        "{all}"
    );
}

/// Every text file under `dir`, concatenated.
fn walk(dir: &std::path::Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.push_str(&walk(&path));
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push_str(&text);
        }
    }
    out
}

#[test]
fn another_office_is_asked_to_help_investigate_with_a_request_and_a_clock_of_the_offices_choosing()
{
    let ws = office();
    // The measures set no time for the answer; this office gives 10 working days.
    ws.add_settings(
        "policy:\n  more_deadlines:\n    - {name: assistance, en: Answer to a request for help, zh: 协助调查回复, \
         start: assistance-requested, stop: [assistance-answered, resolved, closed, withdrawn], \
         amount: 10, unit: workdays, kind: office-target}\n",
    );
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 09:00", &["advance", &id, "accepted"]);
    ws.ok_at("2026-11-03 09:30", &["advance", &id, "investigating"]);
    refused(
        &ws,
        &[
            "notice",
            &id,
            "investigation-request",
            "--matter",
            "核实导游带团进店情况",
        ],
        &["--to"],
    );
    refused(
        &ws,
        &[
            "notice",
            &id,
            "investigation-request",
            "--to",
            "阳朔县旅游投诉处理机构",
        ],
        &["--matter"],
    );
    let out = ws.ok_at(
        "2026-11-25 10:00",
        &[
            "notice",
            &id,
            "investigation-request",
            "--to",
            "阳朔县旅游投诉处理机构",
            "--matter",
            "向阳朔县某玉器店调取 2026 年 11 月 20 日的销售记录及监控录像",
            "--format",
            "md",
            "--served",
            "2026-11-25",
            "--json",
        ],
    );
    let issued: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = issued["text"].as_str().unwrap_or_default().to_string();
    let stored = std::fs::read_to_string(ws.root().join(issued["file"].as_str().unwrap())).unwrap();
    for doc in [&text, &stored] {
        if doc.is_empty() {
            continue;
        }
        for needle in [
            "## 旅游投诉调查取证委托书",
            "阳朔县旅游投诉处理机构：",
            "本机构于2026年11月3日受理张三投诉桂林阳光旅行社一案",
            "根据《旅游投诉处理办法》第二十一条的规定，特委托贵机构协助调查、取证以下事项",
            "向阳朔县某玉器店调取 2026 年 11 月 20 日的销售记录及监控录像",
        ] {
            assert!(doc.contains(needle), "{needle}:\n{doc}");
        }
    }
    // Serving it records the dispatch, which starts the office's clock.
    let case = ws.json(&["show", &id]);
    let clock = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "assistance")
        .cloned()
        .unwrap();
    assert_eq!(clock["start"], "2026-11-25");
    assert_eq!(clock["due"], "2026-12-09");
    assert_eq!(clock["state"], "running");
    // The answer stops it.
    ws.ok(&[
        "mark",
        &id,
        "受托机构已回复",
        "--note",
        "阳朔县机构函复：已调取销售记录",
    ]);
    let case = ws.json(&["show", &id]);
    let clock = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "assistance")
        .cloned()
        .unwrap();
    assert_eq!(clock["state"], "met");
    let shown = ws.ok(&["show", &id]);
    assert!(
        shown.contains("已委托协助调查取证") && shown.contains("受托机构已回复"),
        "{shown}"
    );
}

#[test]
fn unlawful_conduct_found_while_handling_is_referred_and_the_case_goes_on() {
    let ws = office();
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 09:00", &["advance", &id, "accepted"]);
    ws.ok_at("2026-11-03 09:30", &["advance", &id, "investigating"]);
    ws.ok(&[
        "mark",
        &id,
        "已移送司法机关",
        "--note",
        "导游涉嫌敲诈勒索，移送桂林市公安局七星分局",
    ]);
    ws.ok(&[
        "mark",
        &id,
        "penalty-proposed",
        "--note",
        "建议市场监管部门查处玉器店",
    ]);
    let case = ws.json(&["show", &id]);
    assert_eq!(case["status"], "investigating", "the case goes on");
    let shown = ws.ok(&["show", &id]);
    for needle in [
        "已移送司法机关",
        "移送桂林市公安局七星分局",
        "已向有关行政管理部门提出行政处罚建议",
    ] {
        assert!(shown.contains(needle), "{needle}:\n{shown}");
    }
    // It is still mediated and resolved as any case.
    ws.ok(&["advance", &id, "mediating"]);
}

#[test]
fn failed_mediation_ends_in_a_quality_deposit_decision_with_its_document() {
    let ws = office();
    ws.add_settings("  review_body: 桂林市人民政府\n  court: 桂林市七星区人民法院\n");
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 09:00", &["advance", &id, "accepted"]);
    ws.ok_at("2026-11-03 09:30", &["advance", &id, "mediating"]);
    ws.ok_at(
        "2026-11-20 09:00",
        &[
            "advance",
            &id,
            "resolved",
            "--outcome",
            "作出划拨旅行社质量保证金赔偿的决定",
        ],
    );
    // Only with the facts found and with what it decides.
    refused(
        &ws,
        &["notice", &id, "deposit-decision", "--matter", "x"],
        &["调查结论", "plaint set 编号 findings"],
    );
    ws.ok(&[
        "set",
        &id,
        "findings",
        "被投诉旅行社已于 2026 年 11 月 10 日停业，投诉人预交的团费 3000 元未退还。",
    ]);
    refused(&ws, &["notice", &id, "deposit-decision"], &["--matter"]);
    let md = ws.ok(&[
        "notice",
        &id,
        "deposit-decision",
        "--matter",
        "从桂林阳光旅行社旅游服务质量保证金中划拨人民币 3000 元，赔偿投诉人张三预交旅游费用的损失。",
        "--format",
        "md",
    ]);
    for needle in [
        "## 划拨旅行社质量保证金赔偿决定书",
        "桂林阳光旅行社：",
        "张三投诉你社一案",
        "本机构于2026年11月3日受理。经本机构调解，投诉人与你社未能达成调解协议。",
        "经查：被投诉旅行社已于 2026 年 11 月 10 日停业",
        "根据《旅游投诉处理办法》第二十六条的规定，本机构决定：",
        "划拨人民币 3000 元",
        "六十日内依法向桂林市人民政府申请行政复议",
        "六个月内向桂林市七星区人民法院提起行政诉讼",
        "抄送：张三",
    ] {
        assert!(md.contains(needle), "{needle}:\n{md}");
    }
    // Another outcome takes no deposit decision.
    let other = ws.register(&[]);
    ws.ok_at("2026-11-03 09:00", &["advance", &other, "accepted"]);
    ws.ok_at("2026-11-03 09:30", &["advance", &other, "mediating"]);
    ws.ok_at(
        "2026-11-20 09:00",
        &[
            "advance",
            &other,
            "resolved",
            "--outcome",
            "mediation-terminated",
        ],
    );
    refused(
        &ws,
        &["notice", &other, "deposit-decision", "--matter", "x"],
        &["终止调解", "该文书用于：作出划拨旅行社质量保证金赔偿的决定"],
    );
}
