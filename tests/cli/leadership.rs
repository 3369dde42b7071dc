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
