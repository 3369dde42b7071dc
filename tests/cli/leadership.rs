//! Who may do what (`roles:` in plaint.yaml and the policy's
//! `permissions`), approvals, escalation to leadership with the clock of
//! the leader's instruction, routing (派单), and repeat rules as data.

use crate::support::{Ws, refused};

/// A Chinese tourism office where accepting and extending are for its
/// leaders: 王芳 and 李明 are officers, 张局长 the leader.
fn office() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings(
        "roles:\n  officers: [王芳, 李明]\n  leaders: [张局长]\n\
         policy:\n  permissions:\n    accept: [leaders]\n    extend: [leaders]\n",
    );
    ws
}

#[test]
fn an_act_reserved_to_a_role_is_refused_to_others_naming_the_role_and_who_holds_it() {
    let ws = office();
    let id = ws.register(&["--as", "王芳"]);
    refused(
        &ws,
        &["advance", &id, "accepted", "--as", "王芳"],
        &[
            "王芳 无权受理投诉",
            "领导",
            "张局长",
            "--approved-by",
            "plaint approve",
        ],
    );
    // Nor may someone outside the leaders approve it.
    refused(
        &ws,
        &[
            "advance",
            &id,
            "accepted",
            "--as",
            "王芳",
            "--approved-by",
            "李明",
        ],
        &["李明 不属于领导（张局长）"],
    );
    let out = ws.run(&["advance", &id, "accepted", "--as", "王芳", "--json"]);
    let err: serde_json::Value = serde_json::from_slice(
        out.stderr
            .split(|b| *b == b'\n')
            .find(|l| !l.is_empty())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(err["error"]["code"], "refused");
    // The leader herself may.
    ws.ok(&["advance", &id, "accepted", "--as", "张局长"]);
}

#[test]
fn an_approved_act_records_the_approval_with_the_approver() {
    let ws = office();
    let id = ws.register(&["--as", "王芳"]);
    ws.ok(&[
        "advance",
        &id,
        "accepted",
        "--as",
        "王芳",
        "--approved-by",
        "张局长",
    ]);
    let case = ws.json(&["show", &id]);
    let history = case["history"].as_array().unwrap();
    let approval = history
        .iter()
        .find(|e| e["action"] == "approved")
        .expect("an approval event");
    assert_eq!(
        (approval["by"].as_str(), approval["kind"].as_str()),
        (Some("张局长"), Some("accept"))
    );
    let shown = ws.ok(&["show", &id]);
    assert!(shown.contains("张局长  批准：受理投诉"), "{shown}");
    // An approval given ahead with `plaint approve` is used by the next act.
    refused(
        &ws,
        &["approve", &id, "extend", "--as", "王芳"],
        &["王芳 无权批准「批准延期」"],
    );
    ws.ok(&["approve", &id, "批准延期", "--as", "张局长"]);
    let args = [
        "extend",
        &id,
        "resolution",
        "--by",
        "10",
        "--reason",
        "需补充鉴定",
        "--force",
        "--as",
        "李明",
    ];
    ws.ok(&args);
    // ... once: the next extension needs another.
    refused(&ws, &args, &["李明 无权批准延期"]);
    let check = ws.run(&["check"]);
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(
        check.status.success() && !stderr.contains("批准"),
        "{stderr}"
    );
}

#[test]
fn a_workspace_without_roles_checks_nothing_and_check_reports_acts_without_the_role() {
    let ws = Ws::tourism_zh();
    ws.add_settings("policy:\n  permissions:\n    accept: [leaders]\n");
    let id = ws.register(&["--as", "王芳"]);
    ws.ok(&["advance", &id, "accepted", "--as", "路人甲"]);
    let stderr = String::from_utf8(ws.run(&["check"]).stderr).unwrap();
    assert!(!stderr.contains("未记录其批准"), "{stderr}");
    // Once roles are set, the earlier acceptance is reported (a warning:
    // the history stays as it was).
    ws.add_settings("roles:\n  leaders: [张局长]\n");
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "（2026-11-29 10:00，路人甲）：「受理投诉」须由领导办理（张局长），但未记录其批准"
        ),
        "{stderr}"
    );
}

/// A Chinese tourism office whose leaders give their instruction within
/// 2 working days of an escalation.
fn escalating_office() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings(
        "roles:\n  officers: [王芳]\n  leaders: [张局长]\n\
         policy:\n  escalation:\n    instruction_workdays: 2\n",
    );
    ws
}

#[test]
fn an_escalation_is_a_deadline_met_by_the_instruction_or_overdue_without_it() {
    let ws = escalating_office();
    let met = ws.register(&["--as", "王芳"]);
    let late = ws.register(&["--title", "退团费用纠纷", "--as", "王芳"]);
    // Friday 27 November: two working days are Monday and Tuesday.
    let at = "2026-11-27 09:00";
    let said = ws.ok_at(
        at,
        &[
            "escalate",
            &met,
            "--to",
            "张局长",
            "--reason",
            "涉及多家旅行社",
            "--as",
            "王芳",
        ],
    );
    assert!(
        said.contains("已上报 张局长，批示期限 2026-12-01"),
        "{said}"
    );
    ws.ok_at(
        at,
        &[
            "escalate",
            &late,
            "--to",
            "张局长",
            "--reason",
            "投诉人情绪激动",
            "--as",
            "王芳",
        ],
    );
    // Only a leader is escalated to, and only the leader instructs.
    refused(
        &ws,
        &[
            "escalate", &met, "--to", "王芳", "--reason", "x", "--as", "王芳",
        ],
        &["王芳 不属于领导（张局长）"],
    );
    refused(
        &ws,
        &["instruct", &met, "--text", "同意", "--as", "王芳"],
        &["王芳 无权对", "张局长"],
    );
    ws.ok_at(
        "2026-11-30 16:00",
        &[
            "instruct",
            &met,
            "--text",
            "请约谈旅行社负责人",
            "--as",
            "张局长",
        ],
    );
    let today = ["--today", "2026-12-03"];
    let deadline = |id: &str| {
        let case = ws.json(&["show", id, today[0], today[1]]);
        case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "instruction")
            .cloned()
            .expect("an instruction deadline")
    };
    assert_eq!(deadline(&met)["state"], "met");
    let overdue = deadline(&late);
    assert_eq!(
        (overdue["state"].as_str(), overdue["due"].as_str()),
        (Some("overdue"), Some("2026-12-01"))
    );
    // Both are escalated; the late one is explained like any deadline.
    let escalated = ws.ok(&["list", "--escalated", "--format", "ids"]);
    assert_eq!(escalated.lines().count(), 2, "{escalated}");
    let explained = ws.ok(&["explain", &late, "领导批示", today[0], today[1]]);
    assert!(explained.contains("2026-12-01"), "{explained}");
    let summary = ws.json(&["summary", today[0], today[1]]);
    assert_eq!(
        (
            summary["escalated"].as_u64(),
            summary["awaiting_instruction"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(summary["overdue_by_rule"]["instruction"], 1);
    // The agenda of the leader: the one waiting, and its late clock.
    let out = ws
        .cmd_at("2026-12-03 10:00")
        .args(["agenda", "--for", "张局长", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "something is overdue");
    let agenda: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(agenda["escalations"].as_array().unwrap().len(), 1);
    assert_eq!(agenda["escalations"][0]["id"], late.as_str());
    assert_eq!(agenda["overdue"][0]["rule"], "instruction");
    let report = ws.json(&["report", "--period", "2026-11"]);
    assert_eq!(
        (
            report["escalated"].as_u64(),
            report["awaiting_instruction"].as_u64()
        ),
        (Some(2), Some(1))
    );
}

#[test]
fn an_escalation_without_a_time_limit_waits_with_no_clock() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let out = ws
        .cmd()
        .args(["escalate", &id, "--to", "张局长", "--reason", "重大投诉"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("未设领导批示时限"));
    let case = ws.json(&["show", &id]);
    assert!(
        case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "instruction")
    );
    assert_eq!(case["escalations"][0]["waiting"], true);
    refused(
        &ws,
        &["instruct", &ws.register(&[]), "--text", "同意"],
        &["没有待批示的上报"],
    );
}

/// The nursing escalation path of a hospital (篇十 item 6): the nursing
/// department cannot settle a complaint, it goes to the president, who
/// instructs; the important case is then closed with his approval.
#[test]
fn a_hospital_with_roles_runs_the_nursing_escalation_path_end_to_end() {
    let ws = Ws::init(&["--preset", "hospital", "--language", "zh"]);
    ws.add_settings(
        "roles:\n  officers: [王芳]\n  liaisons: [护理部刘敏]\n  院办: [周主任]\n  院长: [张院长]\n\
         policy:\n  permissions:\n    accept: [officers]\n    close-important: [院长]\n\
         \x20 escalation:\n    instruction_workdays: 3\n    route_to: 张院长\n",
    );
    let step = |now: &str, args: &[&str]| ws.ok_at(now, args);
    let registered = ws
        .cmd_at("2026-12-01 09:00")
        .args([
            "register",
            "--title",
            "夜班护士态度恶劣",
            "--complainant",
            "李四",
            "--phone",
            "13900001111",
            "--respondent",
            "心内科护理单元",
            "--category",
            "attitude",
            "--priority",
            "important",
            "--received",
            "2026-12-01 08:30",
            "--as",
            "王芳",
        ])
        .output()
        .unwrap();
    assert!(registered.status.success());
    assert!(String::from_utf8_lossy(&registered.stderr).contains("已派单至 张院长（重要投诉）"));
    let id = String::from_utf8(registered.stdout)
        .unwrap()
        .trim()
        .to_string();
    step(
        "2026-12-01 09:10",
        &["advance", &id, "accepted", "--as", "王芳"],
    );
    step(
        "2026-12-01 09:20",
        &["advance", &id, "investigating", "--as", "王芳"],
    );
    let said = step(
        "2026-12-02 10:00",
        &[
            "escalate",
            &id,
            "--to",
            "张院长",
            "--reason",
            "护理部无法解决，涉及医疗",
            "--as",
            "护理部刘敏",
        ],
    );
    assert!(said.contains("批示期限 2026-12-07"), "{said}");
    step(
        "2026-12-03 10:00",
        &[
            "instruct",
            &id,
            "--text",
            "请医务科牵头调查，三日内答复投诉人",
            "--as",
            "张院长",
        ],
    );
    step(
        "2026-12-04 15:00",
        &[
            "advance",
            &id,
            "resolved",
            "--outcome",
            "explained",
            "--as",
            "王芳",
        ],
    );
    step(
        "2026-12-07 10:00",
        &[
            "followup",
            &id,
            "--satisfaction",
            "satisfied",
            "--as",
            "王芳",
        ],
    );
    // Closing an important case is the president's.
    let before = ws.snapshot();
    let out = ws
        .cmd_at("2026-12-07 10:05")
        .args(["advance", &id, "closed", "--as", "王芳"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("王芳 无权对重要投诉结案：此事须由院长办理（张院长）"),
        "{err}"
    );
    assert_eq!(before, ws.snapshot());
    step(
        "2026-12-07 10:10",
        &[
            "advance",
            &id,
            "closed",
            "--as",
            "王芳",
            "--approved-by",
            "张院长",
        ],
    );
    let shown = ws.ok(&["show", &id, "--today", "2026-12-07"]);
    for line in [
        "派单至 张院长（重要投诉）",
        "护理部刘敏  上报 张院长（护理部无法解决，涉及医疗）",
        "张院长  领导批示：请医务科牵头调查，三日内答复投诉人",
        "张院长  批准：对重要投诉结案",
        "领导批示          2026-12-07   按时",
        "由 护理部刘敏 上报 张院长，已批示",
    ] {
        assert!(shown.contains(line), "show lacks {line:?}:\n{shown}");
    }
    let check = ws.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(!String::from_utf8_lossy(&check.stderr).contains("批准"));
}

#[test]
fn the_repeat_rule_of_plaint_yaml_decides_what_is_a_repeat_and_show_says_why() {
    let ws = Ws::tourism_zh();
    let reg = |received: &str, phone: &str, respondent: &str| {
        let mut args = crate::support::Ws::register_args(&["--received", received]);
        let at = args.iter().position(|a| *a == "13800138000").unwrap();
        args[at] = phone;
        let at = args.iter().position(|a| *a == "桂林阳光旅行社").unwrap();
        args[at] = respondent;
        ws.ok(&args).trim().to_string()
    };
    let first = reg("2026-01-05 09:00", "13800138000", "桂林阳光旅行社");
    let same_phone = reg("2026-11-20 09:00", "13800138000", "漓江旅行社");
    let same_name = reg("2026-11-25 09:00", "13911112222", "桂林阳光旅行社");
    let repeats = |ws: &Ws| {
        let mut ids: Vec<String> = ws
            .ok(&["list", "--repeat", "--all", "--format", "ids"])
            .lines()
            .map(str::to_string)
            .collect();
        ids.sort();
        ids
    };
    // Today's rule: the phone, the e-mail, the name with the respondent.
    assert_eq!(repeats(&ws), [same_phone.clone(), same_name.clone()]);
    let shown = ws.ok(&["show", &same_phone]);
    assert!(
        shown.contains(&format!("{first}：电话相同（13800138000）")),
        "{shown}"
    );
    let case = ws.json(&["show", &same_name]);
    assert_eq!(case["repeat_matches"][0]["field"], "name-respondent");
    assert_eq!(case["repeat_matches"][0]["value"], "张三 / 桂林阳光旅行社");
    // Only the phone, and only within 90 days: the first case is too old
    // for either, and the other two share no phone.
    ws.add_settings("policy:\n  repeat: {by: [phone], within_days: 90}\n");
    assert!(repeats(&ws).is_empty());
    assert_eq!(ws.json(&["summary"])["repeat"], 0);
    assert!(!ws.ok(&["show", &same_phone]).contains("重复投诉"));
    // Within a year, by phone: the phone repeat again, not the name one.
    ws.edit_settings("within_days: 90", "within_days: 365");
    assert_eq!(repeats(&ws), std::slice::from_ref(&same_phone));
    let policy = ws.json(&["policy"]);
    assert_eq!(policy["repeat"]["by"], serde_json::json!(["phone"]));
}
