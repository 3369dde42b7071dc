//! Deterministic merges on real git clones: same-second events keep one
//! order whichever way the merges go, derived fields follow the merged
//! history, and nothing is started on a finished case.

use serde_json::Value;

use crate::support::Ws;
use crate::team::{Clone, Team};

/// The clock every command of these tests runs at.
const NOW: &str = "2026-11-29 09:00";

/// plaint in `clone` at [`NOW`]; asserts success.
fn run(clone: &Clone<'_>, args: &[&str]) -> String {
    let out = clone.plaint_cmd(args, &[("PLAINT_NOW", NOW)]);
    assert!(
        out.status.success(),
        "plaint {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn case_file(clone: &Clone<'_>, id: &str) -> String {
    std::fs::read_to_string(
        clone
            .root
            .join("cases")
            .join(&id[..4])
            .join(format!("{id}.yaml")),
    )
    .unwrap()
}

fn status_moves(case: &Value) -> Vec<String> {
    case["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "status")
        .map(|e| e["to"].as_str().unwrap().to_string())
        .collect()
}

/// The reproduction of a case that two opposite merges corrupted: bob
/// rejects, alice withdraws at the same minute; alice pulls and pushes;
/// bob notes and pulls. `pull` is the pull command (merge or rebase).
fn same_second_moves_survive_merges_both_ways(pull: &[&str]) {
    let team = Team::new();
    let (alice, id) = team.with_shared_case("同一时刻的两个决定");
    let bob = team.clone_as("b", "李明");
    run(&bob, &["git-setup"]);

    run(
        &bob,
        &[
            "advance",
            &id,
            "rejected",
            "--reason",
            "already-handled",
            "--at",
            "2026-11-28 10:00",
        ],
    );
    bob.commit("bob rejects");
    bob.git(&["push", "-q", "origin", "HEAD:main"]);

    run(
        &alice,
        &["advance", &id, "withdrawn", "--at", "2026-11-28 10:00"],
    );
    alice.commit("alice withdraws");
    alice.git(&[pull, &["origin", "main"]].concat());
    alice.assert_clean();
    alice.git(&["push", "-q", "origin", "HEAD:main"]);

    run(&bob, &["note", &id, "x"]);
    bob.commit("bob notes");
    bob.git(&[pull, &["origin", "main"]].concat());
    bob.assert_clean();
    bob.git(&["push", "-q", "origin", "HEAD:main"]);
    alice.git(&[pull, &["origin", "main"]].concat());
    alice.assert_clean();

    let case = bob.show(&id);
    let moves = status_moves(&case);
    assert_eq!(moves.len(), 2, "both decisions are kept: {moves:?}");
    assert_eq!(
        case["status"],
        moves[1].as_str(),
        "status follows the history"
    );
    assert_eq!(case_file(&alice, &id), case_file(&bob, &id));
}

// issue 17

#[test]
fn same_second_events_keep_one_order_through_merges() {
    same_second_moves_survive_merges_both_ways(&["pull", "-q", "--no-rebase", "--no-edit"]);
}

// issue 17

#[test]
fn same_second_events_keep_one_order_through_rebases() {
    same_second_moves_survive_merges_both_ways(&["pull", "-q", "--rebase"]);
}

// issue 17

#[test]
fn an_assignee_disagreeing_with_its_history_is_found_and_repaired() {
    let ws = Ws::tourism();
    let id = ws.ok_at(NOW, &Ws::register_args(&[])).trim().to_string();
    ws.ok_at(NOW, &["assign", &id, "张伟"]);
    let text = ws
        .case_text(&id)
        .replace("assignee: 张伟", "assignee: 刘洋");
    std::fs::write(ws.case_path(&id), text).unwrap();
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("`assignee` is 刘洋 but the history says 张伟"),
        "{stdout}"
    );

    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(["note", &id, "回访"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("assignee 刘洋 -> 张伟"),
        "the repair is announced: {stderr}"
    );
    let case = ws.json(&["show", &id, "--today", "2026-11-29"]);
    assert_eq!(case["assignee"], "张伟");
    let repair = case["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "edited")
        .expect("the repair is recorded");
    assert_eq!(repair["fields"], serde_json::json!(["assignee"]));
    ws.ok_at(NOW, &["check"]);
}

// issue 17

#[test]
fn reopening_clears_the_outcome() {
    let ws = Ws::tourism();
    let id = ws.ok_at(NOW, &Ws::register_args(&[])).trim().to_string();
    for step in [
        &["advance", &id, "accepted"][..],
        &["advance", &id, "investigating"],
        &["advance", &id, "resolved", "--outcome", "mediated"],
        &["advance", &id, "investigating"],
        &["advance", &id, "withdrawn"],
    ] {
        ws.ok_at(NOW, step);
    }
    let case = ws.json(&["show", &id, "--today", "2026-11-29"]);
    assert_eq!(case["status"], "withdrawn");
    assert!(case.get("outcome").is_none(), "{case:#}");
    let kept = case["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["outcome"] == "mediated");
    assert!(kept, "the history keeps the outcome");
    ws.ok_at(NOW, &["check"]);
}

// issue 17

#[test]
fn a_milestone_on_a_finished_case_is_refused() {
    let ws = Ws::tourism();
    for last in [
        &["closed"][..],
        &["withdrawn"],
        &["rejected", "--reason", "incomplete"],
    ] {
        let id = ws.ok_at(NOW, &Ws::register_args(&[])).trim().to_string();
        let path: Vec<&str> = match last[0] {
            "closed" => vec!["accepted", "investigating", "resolved", "closed"],
            _ => vec![],
        };
        for state in path {
            let mut args = vec!["advance", &id, state];
            if state == "resolved" {
                args.extend(["--outcome", "mediated"]);
            }
            ws.ok_at(NOW, &args);
        }
        if last[0] != "closed" {
            ws.ok_at(NOW, &[&["advance", &id][..], last].concat());
        }
        let before = ws.case_text(&id);
        let out = ws
            .cmd()
            .env("PLAINT_NOW", NOW)
            .args(["mark", &id, "respondent-notified"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{last:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("a final state"), "{stderr}");
        assert_eq!(ws.case_text(&id), before, "a refused mark changes nothing");
    }
}

// issue 17

#[test]
fn a_preset_may_allow_a_milestone_on_a_finished_case() {
    let ws = Ws::tourism();
    ws.add_settings("policy:\n  final_milestones:\n    withdrawn: [respondent-replied]\n");
    let id = ws.ok_at(NOW, &Ws::register_args(&[])).trim().to_string();
    ws.ok_at(NOW, &["advance", &id, "withdrawn"]);
    ws.ok_at(NOW, &["mark", &id, "respondent-replied"]);
}
