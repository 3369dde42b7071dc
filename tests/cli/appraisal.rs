//! Appraisal and testing of a special matter (鉴定、检测; 旅游投诉处理办法
//! 第二十二条) through the command line in a Chinese tourism workspace:
//! who appraises, how the body was chosen, who applied, who advances and
//! bears the cost, the result; the clock it does not pause unless the
//! workspace decides so; and the refusals.

use crate::support::{Ws, refused};

/// A zh tourism case accepted on 2026-11-03 09:00.
fn accepted(ws: &Ws) -> String {
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 09:00", &["advance", &id, "accepted"]);
    id
}

/// Begins an appraisal of `id` at `now` by a statutory body the
/// complainant applied to.
fn begin(ws: &Ws, id: &str, now: &str) -> String {
    ws.ok_at(
        now,
        &[
            "appraise",
            id,
            "--matter",
            "所购玉器的真伪",
            "--body",
            "广西珠宝质量监督检验站",
            "--applied-by",
            "投诉人",
        ],
    )
}

/// The deadline `rule` of case `id`, as `show --json` gives it.
fn deadline(ws: &Ws, id: &str, rule: &str) -> serde_json::Value {
    let case = ws.json(&["show", id]);
    case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .cloned()
        .unwrap_or_else(|| panic!("no {rule} in {case}"))
}

#[test]
fn an_appraisal_is_begun_and_answered_with_the_cost_as_article_22_says() {
    let ws = Ws::tourism_zh();
    let id = accepted(&ws);
    // No agreement: the complainant applied to a statutory body, so the
    // complainant advances the cost and the mediation agreement decides.
    let said = begin(&ws, &id, "2026-11-05 10:00");
    assert!(
        said.contains("已启动第 1 项鉴定")
            && said.contains("费用由投诉人先行承担，达成调解协议后按调解协议承担"),
        "{said}"
    );
    let file = ws.case_text(&id);
    for line in [
        "action: appraisal-started",
        "kind: appraisal",
        "appraisal: 1",
        "chosen: statutory",
        "applied_by: complainant",
        "cost_advanced_by: complainant",
        "cost_borne_by: mediation",
    ] {
        assert!(file.contains(line), "{line}:\n{file}");
    }
    // A second one, testing, by a body both parties agreed on: the cost
    // is borne as they agreed.
    let said = ws.ok_at(
        "2026-11-06 10:00",
        &[
            "appraise",
            &id,
            "--kind",
            "检测",
            "--matter",
            "酒店房间甲醛含量",
            "--body",
            "桂林市产品质量检验所",
            "--agreed",
        ],
    );
    assert!(
        said.contains("已启动第 2 项检测") && said.contains("费用按双方约定承担"),
        "{said}"
    );
    // Two wait: the result must say which.
    refused(
        &ws,
        &["appraise", &id, "--result", "系仿制品"],
        &["有 2 项鉴定、检测等待结果", "--number"],
    );
    let said = ws.ok_at(
        "2026-11-20 15:00",
        &[
            "appraise",
            &id,
            "--result",
            "系仿制品",
            "--fee",
            "1,200",
            "--number",
            "1",
        ],
    );
    assert!(said.contains("已记录第 1 项鉴定结果"), "{said}");
    // The one left waiting is answered without --number.
    ws.ok_at(
        "2026-11-24 09:00",
        &["appraise", &id, "--result", "甲醛含量未超标"],
    );
    let shown = ws.ok(&["show", &id]);
    for needle in [
        "鉴定、检测（《旅游投诉处理办法》第二十二条）：",
        "第 1 项鉴定（2026-11-05 启动）：所购玉器的真伪",
        "广西珠宝质量监督检验站（一方申请的法定机构，由投诉人申请）\n      费用由投诉人先行承担，达成调解协议后按调解协议承担",
        "结果（2026-11-20）：系仿制品；费用 1200.00 元",
        "第 2 项检测（2026-11-06 启动）：酒店房间甲醛含量",
        "桂林市产品质量检验所（双方约定的机构）\n      费用按双方约定承担",
        "结果（2026-11-24）：甲醛含量未超标",
        // The history says it too.
        "启动第 1 项鉴定：所购玉器的真伪",
        "第 1 项鉴定、检测结果：系仿制品；费用 1200.00 元",
    ] {
        assert!(shown.contains(needle), "{needle}:\n{shown}");
    }
    // The dossier's record of what happened names both steps.
    let outside = tempfile::tempdir().unwrap();
    let dossier = outside.path().join("dossier");
    ws.ok(&["dossier", &id, "--out", dossier.to_str().unwrap()]);
    let pages = read_all(&dossier);
    assert!(
        pages.contains("启动第 2 项检测：酒店房间甲醛含量") && pages.contains("系仿制品"),
        "dossier lacks the appraisals"
    );
}

/// Every text file under `dir`, concatenated.
fn read_all(dir: &std::path::Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.push_str(&read_all(&path));
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push_str(&text);
        }
    }
    out
}

#[test]
fn show_json_lists_each_appraisal_with_codes_and_the_fee_in_yuan() {
    let ws = Ws::tourism_zh();
    let id = accepted(&ws);
    begin(&ws, &id, "2026-11-05 10:00");
    ws.ok_at(
        "2026-11-06 10:00",
        &[
            "appraise",
            &id,
            "--matter",
            "行李箱损坏程度",
            "--body",
            "某司法鉴定所",
            "--applied-by",
            "respondent",
            "--cost-advanced-by",
            "被投诉人",
            "--cost-borne-by",
            "respondent",
            "--kind",
            "appraisal",
        ],
    );
    ws.ok_at(
        "2026-11-20 15:00",
        &[
            "appraise",
            &id,
            "--result",
            "系仿制品",
            "--fee",
            "300",
            "--number",
            "1",
        ],
    );
    let case = ws.json(&["show", &id]);
    let list = case["appraisals"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{case}");
    let first = &list[0];
    assert_eq!(first["number"], 1);
    assert_eq!(first["kind"], "appraisal");
    assert_eq!(first["chosen"], "statutory");
    assert_eq!(first["applied_by"], "complainant");
    assert_eq!(first["cost_advanced_by"], "complainant");
    assert_eq!(first["cost_borne_by"], "mediation");
    assert_eq!(first["waiting"], false);
    assert_eq!(first["result"], "系仿制品");
    assert_eq!(first["fee"], "300.00");
    assert_eq!(first["body"], "广西珠宝质量监督检验站");
    let second = &list[1];
    assert_eq!(second["applied_by"], "respondent");
    assert_eq!(second["cost_advanced_by"], "respondent");
    assert_eq!(second["cost_borne_by"], "respondent");
    assert_eq!(second["waiting"], true);
    assert!(second["result"].is_null() && second["fee"].is_null());
    // The command's own --json is the changed case.
    let changed = ws.json(&["appraise", &id, "--result", "箱体破损系运输所致"]);
    assert_eq!(changed["id"], id.as_str());
    let history = changed["history"].as_array().unwrap();
    let last = history.last().unwrap();
    assert_eq!(last["action"], "appraisal-result");
    assert_eq!(last["appraisal"], 2);
}

#[test]
fn an_appraisal_pauses_no_clock_unless_the_workspace_decides_so() {
    let ws = Ws::tourism_zh();
    let id = accepted(&ws);
    // 11-03 + 60 days is Saturday 2027-01-02, rolled to Monday.
    assert_eq!(deadline(&ws, &id, "resolution")["due"], "2027-01-04");
    begin(&ws, &id, "2026-11-05 10:00");
    let running = deadline(&ws, &id, "resolution");
    assert_eq!(
        running["due"], "2027-01-04",
        "art. 22 says nothing of the 60 days"
    );
    assert_eq!(running["state"], "running");
    let explained = ws.ok(&["explain", &id, "resolution"]);
    assert!(
        explained.contains("第 1 项鉴定（2026-11-05 启动）不暂停本期限")
            && explained
                .contains("《旅游投诉处理办法》第二十二条未规定鉴定、检测期间不计入处理期限"),
        "{explained}"
    );
    // The workspace decides an appraisal stops the 60 days: while it is
    // waiting the clock is paused.
    ws.add_settings("policy:\n  appraisal_pauses: [resolution]\n");
    let paused = deadline(&ws, &id, "resolution");
    assert_eq!(paused["state"], "paused", "{paused}");
    ws.ok_at(
        "2026-11-25 10:00",
        &["appraise", &id, "--result", "系仿制品"],
    );
    // 11-05 to 11-25: 20 days added.
    let moved = deadline(&ws, &id, "resolution");
    assert_eq!(moved["due"], "2027-01-22", "{moved}");
    assert_eq!(moved["state"], "running");
    assert_eq!(moved["pauses"][0]["appraisal"], 1);
    assert_eq!(moved["pauses"][0]["adds"], 20);
    let explained = ws.ok(&["explain", &id, "resolution"]);
    assert!(
        explained.contains(
            "第 1 项鉴定自 2026-11-05 至 2026-11-25，依本工作区规定（policy.appraisal_pauses）暂停计算：期限顺延 20 天"
        ),
        "{explained}"
    );
    let shown = ws.ok(&["show", &id]);
    assert!(
        shown.contains("暂停（第 1 项鉴定）2026-11-05 至 2026-11-25：+20"),
        "{shown}"
    );
    let policy = ws.ok(&["policy"]);
    assert!(
        policy.contains("暂停：鉴定、检测期间（本单位决定）"),
        "{policy}"
    );
    // Only a rule of the policy may be named.
    ws.edit_settings("[resolution]", "[no-such-rule]");
    let err = ws.fails(1, &["show", &id]);
    assert!(err.contains("no-such-rule"), "{err}");
}

#[test]
fn refused_appraisal_steps_change_nothing_on_disk() {
    let ws = Ws::tourism_zh();
    // Not before acceptance: art. 22 is a step of the handling.
    let received = ws.register(&[]);
    refused(
        &ws,
        &[
            "appraise",
            &received,
            "--matter",
            "玉器真伪",
            "--body",
            "检验站",
            "--agreed",
        ],
        &["尚未受理", "请先受理"],
    );
    let id = accepted(&ws);
    // A result with nothing begun.
    refused(
        &ws,
        &["appraise", &id, "--result", "系仿制品"],
        &["没有等待结果的鉴定、检测"],
    );
    // A begun appraisal refused for what was typed after the case ID.
    let typed: [(&[&str], &[&str]); 3] = [
        (
            &[
                "--matter",
                "玉器真伪",
                "--body",
                "检验站",
                "--applied-by",
                "旅行团",
            ],
            &[
                "--applied-by",
                "「旅行团」不是可选值",
                "投诉人（complainant）",
            ],
        ),
        (
            &["--matter", "  ", "--body", "检验站", "--agreed"],
            &["--matter 不能为空"],
        ),
        (
            &[
                "--matter",
                "玉器真伪",
                "--body",
                "检验站",
                "--agreed",
                "--cost-advanced-by",
                "按调解协议",
            ],
            &["--cost-advanced-by", "调解协议只决定最终由谁承担"],
        ),
    ];
    for (flags, needles) in typed {
        let mut args = vec!["appraise", id.as_str()];
        args.extend_from_slice(flags);
        refused(&ws, &args, needles);
    }
    begin(&ws, &id, "2026-11-05 10:00");
    refused(
        &ws,
        &["appraise", &id, "--result", "系仿制品", "--fee", "三百元"],
        &["不是以元为单位的金额"],
    );
    refused(
        &ws,
        &["appraise", &id, "--result", "系仿制品", "--number", "7"],
        &["没有等待结果的第 7 项鉴定、检测", "等待结果的：1"],
    );
    refused(
        &ws,
        &[
            "appraise",
            &id,
            "--result",
            "系仿制品",
            "--at",
            "2026-11-04 10:00",
        ],
        &["结果时间不能早于启动时间"],
    );
    // Neither --agreed nor --applied-by, or a start flag with --result:
    // usage errors.
    let before = ws.snapshot();
    ws.fails(
        2,
        &["appraise", &id, "--matter", "玉器真伪", "--body", "检验站"],
    );
    ws.fails(2, &["appraise", &id, "--result", "系仿制品", "--agreed"]);
    assert_eq!(before, ws.snapshot());
    // A case that left the workflow, and a void case.
    ws.ok_at(
        "2026-11-10 10:00",
        &["advance", &id, "withdrawn", "--note", "投诉人撤回"],
    );
    refused(
        &ws,
        &["appraise", &id, "--result", "系仿制品"],
        &["已不在办理中"],
    );
    let other = accepted(&ws);
    ws.ok(&["void", &other, "--reason", "重复登记"]);
    refused(
        &ws,
        &[
            "appraise",
            &other,
            "--matter",
            "玉器真伪",
            "--body",
            "检验站",
            "--agreed",
        ],
        &["已作废"],
    );
}

#[test]
fn a_preset_whose_source_names_no_appraisal_refuses_it() {
    let ws = Ws::with_preset("hospital");
    let id = ws.register_hospital("2026-11-02 09:30");
    refused(
        &ws,
        &[
            "appraise",
            &id,
            "--matter",
            "病历",
            "--body",
            "医学会",
            "--agreed",
        ],
        &["appraisal"],
    );
    // A workspace may not let an appraisal pause a clock without the step.
    ws.add_settings("policy:\n  appraisal_pauses: [first-reply]\n");
    let err = ws.fails(1, &["list"]);
    assert!(err.contains("appraisal_source"), "{err}");
}

#[test]
fn check_warns_of_an_appraisal_left_open_at_closing_and_refuses_a_result_never_begun() {
    let ws = Ws::tourism_zh();
    let id = accepted(&ws);
    begin(&ws, &id, "2026-11-05 10:00");
    ws.ok_at(
        "2026-11-10 10:00",
        &["advance", &id, "withdrawn", "--note", "投诉人撤回"],
    );
    let out = ws.run(&["check"]);
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("第 1 项鉴定（2026-11-05 启动）尚无结果，而案件现为已撤回"),
        "{said}"
    );
    // A result whose start is not in the file (cut by hand).
    let file = ws.case_text(&id);
    let start = file.find("- at: 2026-11-05").unwrap();
    let end = start + file[start..].find("- at: 2026-11-10").unwrap();
    let result = "- at: 2026-11-06T10:00:00+08:00\n  by: 王芳\n  action: appraisal-result\n  appraisal: 1\n  result: 系仿制品\n";
    let edited = format!("{}{result}{}", &file[..start], &file[end..]);
    std::fs::write(ws.case_path(&id), edited).unwrap();
    let out = ws.run(&["check"]);
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(said.contains("对应的第 1 项鉴定、检测从未启动"), "{said}");
}

#[test]
fn two_clones_that_each_begin_an_appraisal_merge_to_both_and_check_says_so() {
    use crate::team::Team;
    let team = Team::new();
    let (alice, id) = team.with_shared_case("玉器真伪存疑");
    let out = alice.plaint_cmd(
        &["advance", &id, "accepted"],
        &[("PLAINT_NOW", "2026-11-29 08:00")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    alice.commit("alice accepts the case");
    alice.git(&["push", "-q", "origin", "HEAD:main"]);
    let bob = team.clone_as("b", "李明");
    for clone in [&alice, &bob] {
        let out = clone.plaint_cmd(&["git-setup"], &[("PLAINT_NOW", "2026-11-29 09:00")]);
        assert!(out.status.success());
    }
    let begin = |clone: &crate::team::Clone<'_>, body: &str, now: &str| {
        let out = clone.plaint_cmd(
            &[
                "appraise",
                &id,
                "--matter",
                "玉器真伪",
                "--body",
                body,
                "--agreed",
            ],
            &[("PLAINT_NOW", now)],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    begin(&bob, "广西珠宝质量监督检验站", "2026-11-29 09:00");
    bob.commit("bob begins an appraisal");
    bob.git(&["push", "-q", "origin", "HEAD:main"]);
    begin(&alice, "桂林市产品质量检验所", "2026-11-29 09:05");
    alice.commit("alice begins an appraisal");
    alice.git(&["pull", "-q", "origin", "main"]);
    alice.assert_clean();
    // Both acts are kept, each numbered 1 by its clone.
    let case = alice.show(&id);
    let list = case["appraisals"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{case}");
    assert!(list.iter().all(|a| a["number"] == 1));
    let out = alice.plaint_cmd(&["check"], &[("PLAINT_NOW", "2026-11-29 10:00")]);
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("appraisal no. 1 was begun twice"), "{said}");
    // A result answers the first; the next appraisal is no. 2.
    let out = alice.plaint_cmd(
        &["appraise", &id, "--result", "系仿制品", "--number", "1"],
        &[("PLAINT_NOW", "2026-11-29 10:00")],
    );
    assert!(out.status.success());
    let case = alice.show(&id);
    assert_eq!(case["appraisals"][0]["waiting"], false, "{case}");
    assert_eq!(case["appraisals"][1]["waiting"], true);
}
