//! The machine contract: what scripts read does not depend on the
//! workspace language, `--json` means JSON on stdout and stderr alike, and
//! the test processes themselves are sealed off from the user's machine.

use serde_json::Value;

use crate::support::{self, NOW, Ws};

/// Every line of `stderr`, each parsed as one JSON document.
fn json_lines(stderr: &[u8]) -> Vec<Value> {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("stderr line is not JSON ({e}): {line:?}\n{text}"))
        })
        .collect()
}

#[test]
fn json_mode_writes_warnings_and_the_error_on_stderr_as_json_lines() {
    let ws = Ws::tourism();
    let good = ws.register(&[]);
    // Accepted late in 2026: its 60 days end in 2027, which the calendar
    // does not cover.
    ws.ok(&["advance", &good, "accepted"]);
    ws.write(
        "cases/2026/20261101-BAD00.yaml",
        "schema: 1\nid: [unclosed\n",
    );
    // A day past the calendar's coverage adds coverage warnings before the
    // error document.
    let out = ws.run(&["list", "--json", "--today", "2031-01-06"]);
    assert_eq!(out.status.code(), Some(1));
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed[0]["id"], good.as_str());
    let docs = json_lines(&out.stderr);
    let (error, warnings) = docs.split_last().expect("stderr is not empty");
    assert!(
        !warnings.is_empty(),
        "expected a coverage warning: {docs:?}"
    );
    for w in warnings {
        let message = w["warning"]["message"].as_str().expect("a warning");
        assert!(message.contains("2027"), "{message}");
    }
    assert_eq!(error["error"]["code"], "bad_file");
    assert_eq!(
        error["error"]["files"][0]["file"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next(),
        Some("20261101-BAD00.yaml")
    );
}

#[test]
fn json_mode_writes_notices_and_usage_errors_as_json() {
    let ws = Ws::tourism();
    let outside = tempfile::tempdir().unwrap();
    let out = ws
        .cmd()
        .current_dir(outside.path())
        .args(["register", "--title", "phoned in", "--anonymous", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let docs = json_lines(&out.stderr);
    assert_eq!(docs.len(), 1, "{docs:?}");
    let notice = docs[0]["notice"]["message"].as_str().unwrap();
    assert!(notice.contains("created the default workspace"), "{notice}");
    let out = ws.run(&["list", "--no-such-flag", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let docs = json_lines(&out.stderr);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["error"]["code"], "usage");
}

#[test]
fn text_mode_keeps_plain_warnings() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok(&["advance", &id, "accepted"]);
    let out = ws.run(&["show", &id, "--today", "2031-01-06"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("warning: "), "{stderr}");
}

/// The same two cases registered in a workspace of `language`, and their
/// IDs in the order they were registered.
fn office(language: &str) -> (Ws, Vec<String>) {
    let ws = Ws::init(&["--preset", "tourism", "--language", language]);
    let first = ws.register(&["--priority", "urgent"]);
    let id = ws.register(&["--title", "退款", "--category", "contract"]);
    ws.ok(&["advance", &id, "accepted"]);
    ws.ok(&["assign", &id, "王芳"]);
    (ws, vec![first, id])
}

/// The lines of `text`, sorted, with the case IDs (random, and so also
/// the order of files by ID) replaced by their registration order.
fn without_ids(text: &str, ids: &[String]) -> Vec<String> {
    let text = ids.iter().enumerate().fold(text.to_string(), |t, (i, id)| {
        t.replace(id, &format!("ID{i}"))
    });
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn csv_and_json_are_identical_in_english_and_chinese_workspaces() {
    let (en, en_ids) = office("en");
    let (zh, zh_ids) = office("zh");
    for args in [
        &["list", "--format", "csv", "--sort", "priority"][..],
        &["list", "--json", "--sort", "priority"],
        &["export", "--format", "jsonl"],
        &["summary", "--json"],
    ] {
        let a = without_ids(&en.ok(args), &en_ids);
        let b = without_ids(&zh.ok(args), &zh_ids);
        assert_eq!(a, b, "{args:?} differs between en and zh");
    }
    // An export's CSV cells are the same; only a zh workspace's headers
    // are Chinese (and import reads them back).
    let export = ["export", "--format", "csv"];
    let (en_csv, zh_csv) = (en.ok(&export), zh.ok(&export));
    let body = |csv: &str| csv.split_once('\n').map(|(_, rest)| rest.to_string());
    assert_eq!(
        without_ids(&body(&en_csv).unwrap(), &en_ids),
        without_ids(&body(&zh_csv).unwrap(), &zh_ids)
    );
    assert!(zh_csv.starts_with("编号,标题,登记时间,"), "{zh_csv}");
    let csv = en.ok(&["list", "--format", "csv", "--sort", "priority"]);
    let first = csv.lines().nth(1).unwrap();
    assert!(
        first.contains(",received,urgent,shopping,"),
        "codes, not labels: {first}"
    );
}

#[test]
fn the_list_csv_holds_codes_in_a_chinese_workspace() {
    let (zh, _) = office("zh");
    let csv = zh.ok(&["list", "--format", "csv", "--sort", "id"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,received,status,priority,category,assignee,complainant,next_due,alarm,title")
    );
    for line in lines {
        assert!(
            !line.contains("一般") && !line.contains("紧急") && !line.contains("已登记"),
            "a label in machine CSV: {line}"
        );
    }
}

#[test]
fn test_processes_see_a_pinned_clock_and_a_private_home() {
    let ws = Ws::tourism();
    let home = ws.root().join(".home");
    let out = support::isolated("env", ws.root(), &home).output().unwrap();
    let env = String::from_utf8(out.stdout).unwrap();
    let vars: Vec<(&str, &str)> = env.lines().filter_map(|l| l.split_once('=')).collect();
    let get = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    assert_eq!(get("PLAINT_NOW"), Some(NOW));
    assert_eq!(get("HOME"), Some(home.to_str().unwrap()));
    assert_eq!(get("LANG"), Some("C.UTF-8"));
    assert_eq!(get("NO_COLOR"), Some("1"));
    for (name, _) in &vars {
        let allowed = [
            "PLAINT_NOW",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
        ];
        let foreign = name.starts_with("PLAINT_")
            || name.starts_with("XDG_")
            || name.starts_with("LC_")
            || (name.starts_with("GIT_") && *name != "GIT_CONFIG_NOSYSTEM");
        assert!(
            !foreign || allowed.contains(name),
            "{name} leaked into a test process"
        );
    }
}

#[test]
fn an_unpinned_command_runs_at_the_pinned_moment() {
    let ws = Ws::tourism();
    let id = ws
        .ok(&["register", "--title", "walk-in", "--anonymous"])
        .trim()
        .to_string();
    let doc = ws.json(&["show", &id]);
    assert_eq!(doc["received"], "2026-11-29T10:00:00+08:00");
    assert!(id.starts_with("20261129-"), "{id}");
}
