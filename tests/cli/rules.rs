//! Rules with a legal basis: sources and kinds, limits that cannot be
//! stretched, the procurement preset on real dates across National Day
//! 2026, promises, consent, on-the-spot resolution and `plaint policy`.

use serde_json::Value;

use crate::support::Ws;

/// The clock of every command in this file.
const NOW: &str = "2026-11-27 12:00";

/// Runs plaint at [`NOW`], asserts success, returns stdout.
fn ok(ws: &Ws, args: &[&str]) -> String {
    ws.ok_at(NOW, args)
}

/// Runs plaint at [`NOW`] with `--json`, asserts success, parses stdout.
fn json(ws: &Ws, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = ok(ws, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

/// Runs plaint at [`NOW`], asserts exit 1 with every needle on stderr and
/// nothing changed on disk.
fn refused_at(ws: &Ws, args: &[&str], needles: &[&str]) {
    let before = ws.snapshot();
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(args)
        .output()
        .expect("plaint runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}:\n{err}");
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr of {args:?} lacks {needle:?}:\n{err}"
        );
    }
    assert_eq!(before, ws.snapshot(), "{args:?} changed files on disk");
}

fn deadline<'a>(case: &'a Value, rule: &str) -> &'a Value {
    case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} deadline in {case}"))
}

fn deadlines_of<'a>(case: &'a Value, rule: &str) -> Vec<&'a Value> {
    case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

/// A procurement complaint received on Monday 2026-09-28, just before the
/// National Day week, between two organisations.
pub(crate) fn procurement_case(ws: &Ws, extra: &[&str]) -> String {
    let mut args = vec![
        "register",
        "--title",
        "评标标准具有倾向性",
        "--complainant",
        "华信科技有限公司",
        "--legal-representative",
        "周明",
        "--respondent",
        "市政府采购中心",
        "--respondent-representative",
        "林涛",
        "--category",
        "documents",
        "--channel",
        "letter",
        "--received",
        "2026-09-28 09:00",
    ];
    args.extend_from_slice(extra);
    ok(ws, &args).trim().to_string()
}

#[test]
fn procurement_rules_fall_on_real_dates_across_national_day_2026() {
    let ws = Ws::with_preset("procurement");
    let id = procurement_case(&ws, &[]);
    let case = json(&ws, &["show", &id, "--today", "2026-09-29"]);
    let review = deadline(&case, "review");
    assert_eq!(
        review["due"], "2026-10-10",
        "5th working day: make-up Saturday"
    );
    assert_eq!(review["kind"], "regulation");
    assert_eq!(
        review["source"],
        "《政府采购质疑和投诉办法》第二十一条 (Order 94 on procurement challenges and complaints, art. 21)"
    );
    assert_eq!(deadline(&case, "respondent-notice")["due"], "2026-10-14");
    let decision = deadline(&case, "decision");
    assert_eq!(decision["due"], "2026-11-13");
    assert_eq!(
        decision["source"],
        "《政府采购质疑和投诉办法》第二十八条 (Order 94 on procurement challenges and complaints, art. 28)"
    );

    ok(
        &ws,
        &["advance", &id, "accepted", "--at", "2026-10-09 10:00"],
    );
    ok(
        &ws,
        &[
            "mark",
            &id,
            "respondent-notified",
            "--at",
            "2026-10-14 16:00",
        ],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-10-15"]);
    assert_eq!(deadline(&case, "review")["state"], "met");
    assert_eq!(deadline(&case, "respondent-notice")["state"], "met");
    assert_eq!(
        deadline(&case, "respondent-reply")["due"],
        "2026-10-21",
        "5 working days after the notice, art. 22"
    );
}

#[test]
fn procurement_rejection_is_told_within_three_working_days_with_the_competent_body() {
    let ws = Ws::with_preset("procurement");
    let id = procurement_case(&ws, &[]);
    refused_at(
        &ws,
        &[
            "advance",
            &id,
            "rejected",
            "--reason",
            "not-qualified",
            "--refer-to",
            "省财政厅",
        ],
        &["--refer-to goes with `rejected --reason outside-jurisdiction`"],
    );
    ok(
        &ws,
        &[
            "advance",
            &id,
            "rejected",
            "--reason",
            "outside-jurisdiction",
            "--refer-to",
            "省财政厅",
            "--at",
            "2026-10-10 11:00",
        ],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-10-12"]);
    assert_eq!(case["refer_to"], "省财政厅");
    assert_eq!(deadline(&case, "rejection-notice")["due"], "2026-10-14");
    assert!(ws.case_text(&id).contains("refer_to: 省财政厅"));
    let text = ok(&ws, &["show", &id, "--today", "2026-10-12"]);
    assert!(text.contains("省财政厅"), "{text}");
}

#[test]
fn an_appraisal_pause_adds_its_working_days_to_the_decision_and_other_suspensions_do_not() {
    let ws = Ws::with_preset("procurement");
    let id = procurement_case(&ws, &[]);
    ok(
        &ws,
        &["advance", &id, "accepted", "--at", "2026-10-09 10:00"],
    );
    refused_at(
        &ws,
        &["advance", &id, "suspended", "--at", "2026-10-20 09:00"],
        &["needs --reason CODE", "testing, expert-review"],
    );
    ok(
        &ws,
        &[
            "advance",
            &id,
            "suspended",
            "--reason",
            "testing",
            "--at",
            "2026-10-20 09:00",
        ],
    );
    let paused = json(&ws, &["show", &id, "--today", "2026-10-22"]);
    assert_eq!(deadline(&paused, "decision")["state"], "paused");
    ok(
        &ws,
        &["advance", &id, "accepted", "--at", "2026-10-27 09:00"],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-10-28"]);
    let decision = deadline(&case, "decision");
    assert_eq!(
        decision["due"], "2026-11-20",
        "11-13 + the 5 working days 10-21..10-27 of appraisal"
    );
    assert_eq!(decision["pauses"][0]["reason"], "testing");
    assert_eq!(decision["pauses"][0]["adds"], 5);
    let explained = ok(&ws, &["explain", &id, "decision", "--today", "2026-10-28"]);
    assert!(
        explained.contains("paused (suspended: testing)"),
        "{explained}"
    );

    let other = procurement_case(&ws, &[]);
    ok(
        &ws,
        &["advance", &other, "accepted", "--at", "2026-10-09 10:00"],
    );
    ok(
        &ws,
        &[
            "advance",
            &other,
            "suspended",
            "--reason",
            "other",
            "--at",
            "2026-10-20 09:00",
        ],
    );
    ok(
        &ws,
        &["advance", &other, "accepted", "--at", "2026-10-27 09:00"],
    );
    let case = json(&ws, &["show", &other, "--today", "2026-10-28"]);
    assert_eq!(deadline(&case, "decision")["due"], "2026-11-13");
}

#[test]
fn procurement_acceptance_requires_only_what_the_source_requires() {
    // Order 94 asks a complaint to name the parties; neither it nor the
    // collection's 2013 decision makes a legal representative a condition
    // of acceptance.
    let ws = Ws::with_preset("procurement");
    let register = |respondent: bool| {
        let mut args = vec![
            "register",
            "--title",
            "评标程序违法",
            "--complainant",
            "华信科技有限公司",
            "--received",
            "2026-09-28 09:00",
        ];
        if respondent {
            args.extend(["--respondent", "市政府采购中心"]);
        }
        ok(&ws, &args).trim().to_string()
    };
    let id = register(true);
    ok(&ws, &["advance", &id, "accepted"]);
    let id = register(false);
    refused_at(&ws, &["advance", &id, "accepted"], &["respondent"]);
}

#[test]
fn the_procurement_refusal_is_served_under_its_own_clock_after_the_rejection() {
    // Rejected on Monday 2026-11-02: the written refusal is due within 3
    // working days, by Thursday 2026-11-05, in the rejected state.
    let ws = Ws::with_preset("procurement");
    let settings = "office:\n  name: 某市财政局\n";
    ws.add_settings(settings);
    let mut states = Vec::new();
    for served in ["2026-11-04", "2026-11-09"] {
        let id = ok(
            &ws,
            &[
                "register",
                "--title",
                "评标程序违法",
                "--complainant",
                "华信科技有限公司",
                "--respondent",
                "市政府采购中心",
                "--received",
                "2026-10-30 09:00",
            ],
        )
        .trim()
        .to_string();
        ws.ok_at(
            "2026-11-02 10:00",
            &["advance", &id, "rejected", "--reason", "not-qualified"],
        );
        let notice_on = |today: &str| {
            let shown = json(&ws, &["show", &id, "--today", today]);
            shown["deadlines"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["rule"] == "rejection-notice")
                .unwrap()
                .clone()
        };
        let notice = notice_on("2026-11-03");
        assert_eq!(notice["state"], "running", "{notice:#}");
        assert_eq!(notice["due"], "2026-11-05");
        ws.ok_at(
            &format!("{served} 16:00"),
            &["notice", &id, "refusal", "--served", served],
        );
        states.push(
            notice_on("2026-11-20")["state"]
                .as_str()
                .unwrap()
                .to_string(),
        );
        ws.ok(&["check"]);
    }
    assert_eq!(states, ["met", "missed"]);
}

#[test]
fn procurement_filing_limit_counts_working_days_after_the_challenge_answer_period() {
    let ws = Ws::with_preset("procurement");
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args([
            "register",
            "--title",
            "评标程序违法",
            "--complainant",
            "华信科技有限公司",
            "--legal-representative",
            "周明",
            "--respondent",
            "市政府采购中心",
            "--respondent-representative",
            "林涛",
            "--challenge-due",
            "2026-09-01",
            "--received",
            "2026-09-28 09:00",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("19 working days after the challenge answer period ended on 2026-09-01")
            && err.contains("第十七条"),
        "{err}"
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    refused_at(
        &ws,
        &["advance", &id, "accepted"],
        &["more than the 15 working days"],
    );
    ok(&ws, &["advance", &id, "accepted", "--force"]);

    let in_time = procurement_case(&ws, &["--challenge-due", "2026-09-10"]);
    ok(&ws, &["advance", &in_time, "accepted"]);
}

#[test]
fn procurement_outcomes_and_reasons_are_codes_with_chinese_labels() {
    let ws = Ws::with_preset("procurement");
    let doc = json(&ws, &["policy"]);
    let label = |section: &str, code: &str| {
        doc[section]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {section}"))["zh"]
            .clone()
    };
    assert_eq!(label("outcomes", "dismissed"), "投诉不成立，驳回投诉");
    assert_eq!(
        label("outcomes", "upheld-redo"),
        "投诉成立，责令重新开展采购活动"
    );
    assert_eq!(label("outcomes", "terminated"), "终止投诉处理");
    assert_eq!(
        label("rejection_reasons", "not-qualified"),
        "投诉不符合法定受理条件"
    );
    assert_eq!(label("suspension_reasons", "expert-review"), "专家评审");
}

#[test]
fn a_statutory_limit_cannot_be_extended_silently() {
    let ws = Ws::tourism();
    let id = ws.register(&["--received", "2026-09-25 10:00"]);
    ok(
        &ws,
        &["advance", &id, "accepted", "--at", "2026-09-28 09:00"],
    );
    refused_at(
        &ws,
        &[
            "extend",
            &id,
            "resolution",
            "--by",
            "10",
            "--reason",
            "需补充材料",
            "--today",
            "2026-10-20",
        ],
        &["cannot be extended", "第二十五条", "--force"],
    );
    ok(
        &ws,
        &[
            "extend",
            &id,
            "resolution",
            "--by",
            "10",
            "--reason",
            "需补充材料",
            "--force",
            "--today",
            "2026-10-20",
        ],
    );
    assert!(ws.case_text(&id).contains("- non-extendable"));
    let case = json(&ws, &["show", &id, "--today", "2026-10-20"]);
    assert_eq!(
        deadline(&case, "resolution")["due"],
        "2026-12-07",
        "09-28 + 60 = 11-27, + 10 forced days"
    );
    let report = json(
        &ws,
        &["report", "--period", "2026-Q3", "--today", "2026-10-20"],
    );
    assert_eq!(report["forced_extensions"], 1);
    let md = ok(
        &ws,
        &[
            "report",
            "--period",
            "2026-Q3",
            "--format",
            "md",
            "--today",
            "2026-10-20",
        ],
    );
    assert!(md.contains("(--force)"), "{md}");
}

#[test]
fn tourism_suspension_pauses_the_sixty_days_only_by_workspace_decision() {
    let ws = Ws::tourism();
    let id = ws.register(&["--received", "2026-09-25 10:00"]);
    ok(
        &ws,
        &["advance", &id, "accepted", "--at", "2026-09-28 09:00"],
    );
    ok(
        &ws,
        &["advance", &id, "suspended", "--at", "2026-10-12 10:00"],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-10-15"]);
    let d = deadline(&case, "resolution");
    assert_eq!(d["state"], "running");
    assert_eq!(d["due"], "2026-11-27");

    ws.add_settings("policy:\n  suspension_pauses: [resolution]\n");
    let case = json(&ws, &["show", &id, "--today", "2026-10-15"]);
    assert_eq!(deadline(&case, "resolution")["state"], "paused");
    let policy = ok(&ws, &["policy"]);
    assert!(policy.contains("(workspace decision)"), "{policy}");
}

/// A hospital complaint received on Monday 2026-11-02.
fn hospital_case(ws: &Ws) -> String {
    ws.register_hospital("2026-11-02 09:30")
}

#[test]
fn every_rule_names_its_source_and_kind_in_explain_show_and_policy() {
    let ws = Ws::with_preset("hospital");
    let id = hospital_case(&ws);
    let explained = json(
        &ws,
        &["explain", &id, "first-reply", "--today", "2026-11-03"],
    );
    assert_eq!(explained["kind"], "institutional");
    assert_eq!(
        explained["source"],
        "《医院投诉协调制度》五.3 (hospital complaint coordination rules, 五.3)"
    );
    let text = ok(
        &ws,
        &["explain", &id, "resolution", "--today", "2026-11-03"],
    );
    assert!(text.contains("office target"), "{text}");
    let case = json(&ws, &["show", &id, "--today", "2026-11-03"]);
    assert_eq!(deadline(&case, "resolution")["kind"], "office-target");
    assert_eq!(deadline(&case, "resolution")["source"], Value::Null);
    let doc = json(&ws, &["policy"]);
    for rule in doc["rules"].as_array().unwrap() {
        assert!(rule["kind"].is_string(), "{rule}");
        assert!(rule["extendable"].is_string(), "{rule}");
    }
}

#[test]
fn a_statutory_rule_without_a_source_is_refused() {
    let ws = Ws::with_preset("generic");
    ws.add_settings("policy:\n  deadlines:\n    - {name: reply, en: Reply, zh: 答复, start: received, stop: [accepted], amount: 5, unit: workdays, kind: statutory}\n");
    let err = ws.fails(1, &["policy"]);
    assert!(err.contains("needs a `source`"), "{err}");
}

#[test]
fn policy_lists_the_workflow_codes_and_rules_in_the_workspace_language() {
    let ws = Ws::tourism();
    ws.edit_settings("language: en", "language: zh");
    let text = ok(&ws, &["policy"]);
    for needle in [
        "状态",
        "received  已登记（Received）",
        "received → accepted  需要：投诉人姓名、被投诉人名称、投诉请求",
        "不予受理理由",
        "incomplete  不符合第十条规定的条件",
        "办结结果",
        "节点",
        "投诉渠道",
        "phone  电话（Phone）",
        "投诉类别",
        "shopping  强迫购物（Forced shopping）",
        "resolution  办结（Close the case）",
        "期限：60 日",
        "延长：不可延长",
        "性质：规章规定期限；依据：《旅游投诉处理办法》第二十五条\n",
        "投诉期限：90 日（自 contract_end 起）（《旅游投诉处理办法》第九条第（四）项）",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert!(!text.contains("(art."), "English sources in zh:\n{text}");
    let doc = json(&ws, &["policy"]);
    assert_eq!(doc["preset"], "tourism");
    assert_eq!(doc["states"][0]["zh"], "已登记");
    let resolution = doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "resolution")
        .unwrap();
    assert_eq!(resolution["amount"], 60);
    assert_eq!(resolution["unit"], "days");
    assert_eq!(resolution["extendable"], "no");
    assert_eq!(resolution["pause"], serde_json::json!([]));
    assert_eq!(resolution["kind"], "regulation");
    assert!(
        doc["transitions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["from"] == "received"
                && t["to"] == "rejected"
                && t["requires"][0] == "reason")
    );
}

#[test]
fn a_kept_and_a_broken_promise_are_tracked_apart() {
    let ws = Ws::tourism();
    let id = ws.register(&["--received", "2026-11-02 09:30"]);
    ws.ok_at(
        "2026-11-03 10:00",
        &["promise", &id, "2026-11-05", "--note", "周四前回电"],
    );
    ws.ok_at("2026-11-04 10:00", &["promise", &id, "2026-11-10"]);
    let case = json(&ws, &["show", &id, "--today", "2026-11-04"]);
    let promises = deadlines_of(&case, "promise");
    assert_eq!(promises.len(), 2);
    assert_eq!(promises[0]["due"], "2026-11-05");
    assert_eq!(promises[0]["kind"], "office-target");
    assert_eq!(promises[1]["state"], "running");
    let due_soon = ok(
        &ws,
        &[
            "list",
            "--due-within",
            "2",
            "--format",
            "ids",
            "--today",
            "2026-11-04",
        ],
    );
    assert!(due_soon.contains(&id), "{due_soon}");

    // The first promise is kept late, the second not at all.
    ws.ok_at("2026-11-06 15:00", &["mark", &id, "promise-kept"]);
    let case = json(&ws, &["show", &id, "--today", "2026-11-12"]);
    let promises = deadlines_of(&case, "promise");
    assert_eq!(promises[0]["state"], "missed");
    assert_eq!(promises[0]["stopped"], "2026-11-06");
    assert_eq!(promises[1]["state"], "overdue");
    let overdue = ok(
        &ws,
        &[
            "list",
            "--overdue",
            "--format",
            "ids",
            "--today",
            "2026-11-12",
        ],
    );
    assert!(overdue.contains(&id), "{overdue}");
    let summary = json(&ws, &["summary", "--today", "2026-11-12"]);
    assert_eq!(summary["overdue_by_rule"]["promise"], 1);
    assert_eq!(summary["on_time"]["promise"]["missed"], 1);
    let text = ok(&ws, &["summary", "--today", "2026-11-12"]);
    assert!(
        text.contains("promise (Reply promised to the complainant)"),
        "{text}"
    );
    let shown = ok(&ws, &["show", &id, "--today", "2026-11-12"]);
    assert!(shown.contains("promised a reply by 2026-11-10"), "{shown}");

    ws.ok_at("2026-11-12 09:00", &["mark", &id, "promise-kept"]);
    let case = json(&ws, &["show", &id, "--today", "2026-11-12"]);
    assert_eq!(deadlines_of(&case, "promise")[1]["state"], "missed");
    refused_at(&ws, &["mark", &id, "promise-kept"], &["no open promise"]);

    let kept = ws.register(&["--received", "2026-11-02 09:30"]);
    ws.ok_at("2026-11-03 10:00", &["promise", &kept, "2026-11-05"]);
    ws.ok_at("2026-11-05 10:00", &["mark", &kept, "promise-kept"]);
    let case = json(&ws, &["show", &kept, "--today", "2026-11-12"]);
    assert_eq!(deadline(&case, "promise")["state"], "met");
}

#[test]
fn a_promise_in_the_past_is_refused() {
    let ws = Ws::tourism();
    let id = ws.register(&["--received", "2026-11-02 09:30"]);
    refused_at(&ws, &["promise", &id, "2026-11-01"], &["before the day"]);
}

#[test]
fn hospital_investigation_runs_from_the_department_receipt_or_else_the_complaint_receipt() {
    let ws = Ws::with_preset("hospital");
    let id = hospital_case(&ws);
    let case = json(&ws, &["show", &id, "--today", "2026-11-03"]);
    assert_eq!(deadline(&case, "investigation")["due"], "2026-11-09");
    assert_eq!(deadline(&case, "first-reply")["due"], "2026-11-09");
    ok(
        &ws,
        &[
            "mark",
            &id,
            "department-received",
            "--at",
            "2026-11-04 10:00",
        ],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-11-05"]);
    assert_eq!(deadline(&case, "investigation")["start"], "2026-11-04");
    assert_eq!(deadline(&case, "investigation")["due"], "2026-11-11");
    assert_eq!(
        deadline(&case, "investigation")["source"],
        "《医院投诉协调制度》五.2 (hospital complaint coordination rules, 五.2)"
    );
}

#[test]
fn hospital_investigation_extends_only_with_notice_before_it_is_due() {
    let ws = Ws::with_preset("hospital");
    let id = hospital_case(&ws);
    let late = ws
        .cmd()
        .env("PLAINT_NOW", "2026-11-10 10:00")
        .args([
            "extend",
            &id,
            "investigation",
            "--by",
            "3",
            "--reason",
            "需会诊",
            "--today",
            "2026-11-10",
        ])
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(1));
    let err = String::from_utf8_lossy(&late.stderr);
    assert!(
        err.contains("only with notice given before it is due") && err.contains("2026-11-09"),
        "{err}"
    );
    ws.ok_at(
        "2026-11-06 10:00",
        &[
            "extend",
            &id,
            "investigation",
            "--by",
            "3",
            "--reason",
            "已提前告知投诉人",
            "--today",
            "2026-11-06",
        ],
    );
    let case = json(&ws, &["show", &id, "--today", "2026-11-06"]);
    assert_eq!(deadline(&case, "investigation")["due"], "2026-11-12");
}

#[test]
fn hospital_resolution_on_the_spot_is_one_recorded_step() {
    let ws = Ws::with_preset("hospital");
    let id = hospital_case(&ws);
    refused_at(
        &ws,
        &["advance", &id, "resolved", "--outcome", "explained"],
        &["cannot move from received to resolved"],
    );
    let case = json(
        &ws,
        &[
            "advance",
            &id,
            "resolved",
            "--on-the-spot",
            "--outcome",
            "explained",
            "--at",
            "2026-11-02 10:00",
            "--today",
            "2026-11-02",
        ],
    );
    assert_eq!(case["status"], "resolved");
    let last = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["on_the_spot"], true);
    assert_eq!(last["from"], "received");
    assert!(ws.case_text(&id).contains("on_the_spot: true"));
    assert_eq!(deadline(&case, "first-reply")["state"], "met");
    ok(&ws, &["check"]);

    let tourism = Ws::tourism();
    let other = tourism.register(&[]);
    refused_at(
        &tourism,
        &[
            "advance",
            &other,
            "resolved",
            "--on-the-spot",
            "--outcome",
            "mediated",
        ],
        &[
            "on the spot, a case may only end as",
            "Harmful conduct stopped or corrected at once",
        ],
    );
}

/// A joint tourism complaint: four complainants, the first their
/// representative, accepted and under investigation.
fn joint_case(ws: &Ws) -> String {
    ws.write(
        "joint.yaml",
        "title: 行程被擅自缩短\nreceived: 2026-11-02 09:30\ncomplainants:\n- name: 张三\n- name: 李四\n- name: 王五\n- name: 赵六\nrepresentatives: [0]\nrespondent:\n  name: 桂林阳光旅行社\ncategory: itinerary\ndemands: 退还两日团费\n",
    );
    let id = ok(ws, &["register", "--from", "joint.yaml"])
        .trim()
        .to_string();
    ok(
        ws,
        &["advance", &id, "accepted", "--at", "2026-11-03 09:00"],
    );
    ok(
        ws,
        &["advance", &id, "investigating", "--at", "2026-11-03 10:00"],
    );
    id
}

#[test]
fn a_joint_settlement_is_refused_without_the_consent_of_all_complainants() {
    let ws = Ws::tourism();
    let id = joint_case(&ws);
    refused_at(
        &ws,
        &["advance", &id, "resolved", "--outcome", "settled"],
        &[
            "joint complaint (4 complainants)",
            "settling",
            "第十四条",
            "--consent",
        ],
    );
    refused_at(
        &ws,
        &["advance", &id, "withdrawn"],
        &["withdrawing the demands", "第十四条"],
    );
    let case = json(
        &ws,
        &[
            "advance",
            &id,
            "resolved",
            "--outcome",
            "settled",
            "--consent",
            "全体投诉人书面同意 2026-11-20",
        ],
    );
    assert_eq!(case["status"], "resolved");
    let last = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["consent"], "全体投诉人书面同意 2026-11-20");

    let other = joint_case(&ws);
    ok(&ws, &["consent", &other, "全体投诉人书面同意撤回"]);
    ok(&ws, &["advance", &other, "withdrawn"]);
    // A mediated outcome is the office's act, not a settlement: no consent.
    let third = joint_case(&ws);
    ok(
        &ws,
        &["advance", &third, "resolved", "--outcome", "mediated"],
    );
}

#[test]
fn a_joint_complaints_demands_change_only_with_consent() {
    let ws = Ws::tourism();
    let id = joint_case(&ws);
    let edit = |ws: &Ws| {
        ws.cmd()
            .env("PLAINT_NOW", NOW)
            .env("VISUAL", "sed -i 's/退还两日团费/退还全部团费/'")
            .args(["edit", &id])
            .output()
            .unwrap()
    };
    let before = ws.snapshot();
    let out = edit(&ws);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("changing the demands"), "{err}");
    let after: Vec<_> = ws
        .snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with("cases"))
        .collect();
    let kept: Vec<_> = before
        .into_iter()
        .filter(|(p, _)| p.starts_with("cases"))
        .collect();
    assert_eq!(kept, after, "the refused edit changed the case");
    ok(&ws, &["consent", &id, "全体投诉人书面同意变更请求"]);
    assert!(edit(&ws).status.success());
    assert!(ws.case_text(&id).contains("退还全部团费"));
}

#[test]
fn channels_come_from_the_policy_and_departments_are_reported() {
    let ws = Ws::with_preset("hospital");
    let staff = ok(
        &ws,
        &[
            "register",
            "--title",
            "排班不公",
            "--complainant",
            "护士甲",
            "--channel",
            "internal",
            "--receiving-department",
            "医务处",
            "--received",
            "2026-11-02 09:30",
        ],
    )
    .trim()
    .to_string();
    let case = json(&ws, &["show", &staff, "--today", "2026-11-03"]);
    assert_eq!(case["channel"], "internal");
    assert_eq!(case["department"], "医务处");
    hospital_case(&ws);
    let report = json(
        &ws,
        &[
            "report",
            "--period",
            "2026-Q4",
            "--by",
            "receiving-department",
            "--today",
            "2026-11-03",
        ],
    );
    let keys: Vec<&str> = report["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"医务处"), "{keys:?}");
    assert_eq!(report["by_channel"]["internal"], 1);
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(["register", "--complainant", "甲", "--channel", "fax"])
        .output()
        .unwrap();
    // A mistyped code is a usage error (exit 2), as for every code argument.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown channel 'fax'") && err.contains("internal"),
        "{err}"
    );

    let tourism = Ws::tourism();
    let id = tourism.register(&["--channel", "hotline-12301"]);
    tourism.edit_settings("language: en", "language: zh");
    let text = ok(&tourism, &["show", &id]);
    assert!(text.contains("12301旅游服务热线"), "{text}");
}

#[test]
fn a_hospital_limit_set_in_principle_is_extended_before_it_is_due_with_a_reason() {
    // 医院投诉协调制度 五.3: the first reply 原则上 within 5 working days.
    let ws = Ws::with_preset("hospital");
    let id = ws.register_hospital("2026-11-23 09:30");
    let extended = json(
        &ws,
        &[
            "extend",
            &id,
            "first-reply",
            "--by",
            "3",
            "--reason",
            "当事医生外出进修，需待其返院说明",
        ],
    );
    let reply = extended["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "first-reply")
        .unwrap()
        .clone();
    assert_eq!(reply["kind"], "institutional");
    assert_eq!(
        reply["extensions"].as_array().unwrap().len(),
        1,
        "{reply:#}"
    );
}
