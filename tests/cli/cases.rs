//! Registering, showing, listing and moving cases through the workflow.

use crate::support::{Ws, refused, usage_refused};

#[test]
fn register_prints_the_id_and_writes_the_case_file() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    assert_eq!(id.len(), 14, "{id}");
    assert!(id.starts_with("20261102-"), "{id}");
    let text = ws.case_text(&id);
    assert!(text.starts_with("schema: 1\n"), "{text}");
    assert!(
        text.contains("title: 导游强迫购物\n"),
        "Chinese is written raw:\n{text}"
    );
    assert!(
        text.contains("received: 2026-11-02T09:30:00+08:00\n"),
        "{text}"
    );
    assert!(
        text.contains("assignee: tester\n"),
        "first contact owns the case:\n{text}"
    );
}

#[test]
fn the_json_case_object_has_every_stored_field_and_deadlines() {
    let ws = Ws::tourism();
    let doc = ws.json(&[
        "register",
        "--title",
        "t",
        "--complainant",
        "Jane Smith",
        "--tag",
        "vip",
    ]);
    assert_eq!(doc["status"], "received");
    assert_eq!(doc["complainants"][0]["name"], "Jane Smith");
    assert_eq!(doc["tags"][0], "vip");
    assert_eq!(doc["history"][0]["action"], "registered");
    assert_eq!(doc["history"][0]["by"], "tester");
    assert!(doc["deadlines"].is_array());
    assert_eq!(doc["overdue"], false);
    let id = doc["id"].as_str().unwrap();
    let shown = ws.json(&["show", id]);
    assert_eq!(shown["id"], doc["id"]);
    assert_eq!(shown["history"], doc["history"]);
}

#[test]
fn a_case_moves_through_the_tourism_workflow() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok(&["advance", &id, "accepted", "--note", "材料齐全"]);
    ws.ok(&["assign", &id, "李明"]);
    ws.ok(&["advance", &id, "mediating"]);
    ws.ok(&["advance", &id, "resolved", "--outcome", "mediated"]);
    let doc = ws.ok(&["advance", &id, "closed", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(doc["status"], "closed");
    assert_eq!(doc["outcome"], "mediated");
    assert_eq!(doc["assignee"], "李明");
    let actions: Vec<&str> = doc["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "registered",
            "status",
            "assigned",
            "status",
            "status",
            "status"
        ]
    );
    assert_eq!(doc["history"][2]["from"], "tester");
    assert_eq!(doc["history"][2]["to"], "李明");
    // reopen
    ws.ok(&["advance", &id, "investigating"]);
}

#[test]
fn a_suspended_case_returns_to_the_state_it_came_from() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok(&["advance", &id, "accepted"]);
    ws.ok(&["advance", &id, "investigating"]);
    ws.ok(&["advance", &id, "suspended", "--note", "等待鉴定结果"]);
    assert_eq!(ws.json(&["show", &id])["status"], "suspended");
    refused(
        &ws,
        &["advance", &id, "mediating"],
        &["allowed from suspended: investigating, withdrawn"],
    );
    ws.ok(&["advance", &id, "investigating"]);
    assert_eq!(ws.json(&["show", &id])["status"], "investigating");
    // From mediating, the way back is to mediating, not to investigating.
    ws.ok(&["advance", &id, "mediating"]);
    ws.ok(&["advance", &id, "suspended"]);
    refused(
        &ws,
        &["advance", &id, "investigating"],
        &["allowed from suspended: mediating, withdrawn"],
    );
    let doc = ws.json(&["advance", &id, "mediating"]);
    assert_eq!(doc["status"], "mediating");
    let last = doc["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (&last["from"], &last["to"]),
        (&"suspended".into(), &"mediating".into())
    );
}

#[test]
fn transitions_check_their_required_fields() {
    let ws = Ws::tourism();
    let bare = ws
        .ok(&["register", "--title", "电话投诉", "--anonymous"])
        .trim()
        .to_string();
    refused(
        &ws,
        &["advance", &bare, "accepted"],
        &["missing complainant", "respondent", "demands"],
    );
    refused(
        &ws,
        &["advance", &bare, "rejected"],
        &["missing reason", "--reason"],
    );
    usage_refused(
        &ws,
        &["advance", &bare, "rejected", "--reason", "too-late"],
        &["unknown rejection reason 'too-late'", "time-barred"],
    );
    refused(&ws, &["advance", &bare, "transferred"], &["--to"]);
    ws.ok(&["advance", &bare, "rejected", "--reason", "incomplete"]);
    let doc = ws.json(&["show", &bare]);
    assert_eq!(doc["history"][1]["reason"], "incomplete");
}

#[test]
fn a_joint_complaint_needs_representatives_to_be_accepted() {
    let ws = Ws::tourism();
    let args = [
        "--complainant",
        "甲",
        "--complainant",
        "乙",
        "--complainant",
        "丙",
        "--complainant",
        "丁",
    ];
    let id = ws.register(&args);
    refused(
        &ws,
        &["advance", &id, "accepted"],
        &["joint complaint", "1 to 3 representatives"],
    );
}

#[test]
fn a_late_complaint_warns_at_registration_and_needs_force_to_be_accepted() {
    let ws = Ws::tourism();
    let out = ws
        .cmd()
        .args([
            "register",
            "--title",
            "行程缩水",
            "--complainant",
            "王五",
            "--respondent",
            "某旅行社",
            "--demands",
            "退款",
        ])
        .args(["--received", "2026-11-02", "--contract-end", "2026-07-01"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("124 days after the contract ended"),
        "{stderr}"
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    refused(
        &ws,
        &["advance", &id, "accepted"],
        &["more than the 90 days", "--force"],
    );
    ws.ok(&["advance", &id, "accepted", "--force"]);
    assert!(
        ws.case_text(&id).contains("forced:\n  - filing-limit"),
        "{}",
        ws.case_text(&id)
    );
    // Acceptance is decided once: resuming after a suspension asks for no
    // second override.
    ws.ok(&["advance", &id, "suspended", "--reason", "evidence"]);
    ws.ok(&["advance", &id, "accepted"]);
    assert_eq!(
        ws.case_text(&id).matches("- filing-limit").count(),
        1,
        "{}",
        ws.case_text(&id)
    );
}

#[test]
fn ids_resolve_from_a_unique_prefix_or_suffix() {
    let ws = Ws::tourism();
    let a = ws.register(&[]);
    let b = ws.register(&["--received", "2026-11-03"]);
    assert_eq!(ws.json(&["show", &a[9..]])["id"], a.as_str());
    assert_eq!(ws.json(&["show", &b[..8]])["id"], b.as_str());
    assert_eq!(ws.json(&["show", &a.to_lowercase()])["id"], a.as_str());
    let c = ws.register(&["--received", "2026-11-03 10:00"]);
    let err = ws.fails(1, &["show", "20261103"]);
    assert!(err.contains(&b) && err.contains(&c), "{err}");
    let err = ws.fails(1, &["show", "20250101-AAAAA"]);
    assert!(err.contains("no case matches"), "{err}");
}

#[test]
fn list_filters_sorts_and_formats() {
    let ws = Ws::tourism();
    let a = ws.register(&["--priority", "normal"]);
    let b = ws.register(&[
        "--received",
        "2026-11-03 08:00",
        "--priority",
        "urgent",
        "--category",
        "guide",
        "--title",
        "Guide was rude",
    ]);
    let ids = ws.ok(&["list", "--format", "ids"]);
    assert_eq!(ids, format!("{b}\n{a}\n"), "urgent first");
    assert_eq!(
        ws.ok(&["list", "--format", "ids", "--sort", "id"]),
        format!("{a}\n{b}\n"),
        "20261102-… before 20261103-…"
    );
    assert_eq!(
        ws.ok(&["list", "--format", "ids", "--category", "guide"]),
        format!("{b}\n")
    );
    assert_eq!(
        ws.ok(&["list", "--format", "ids", "--search", "RUDE"]),
        format!("{b}\n")
    );
    ws.ok(&["advance", &a, "accepted"]);
    assert_eq!(
        ws.ok(&["list", "--format", "ids", "--status", "accepted"]),
        format!("{a}\n")
    );
    assert_eq!(
        ws.ok(&["list", "--format", "ids", "--status", "open"])
            .lines()
            .count(),
        2
    );
    let json = ws.json(&["list"]);
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert!(json[0].get("history").is_none(), "history only with --full");
    assert!(ws.json(&["list", "--full"])[0]["history"].is_array());
    let csv = ws.ok(&["list", "--format", "csv"]);
    assert!(csv.starts_with("id,received,status,"), "{csv}");
    assert!(csv.contains("2026-11-02T09:30:00+08:00,accepted"), "{csv}");
    let table = ws.ok(&["list"]);
    assert!(
        table.starts_with("ID\tReceived\tStatus"),
        "piped tables are tab-separated: {table}"
    );
}

#[test]
fn a_broken_file_is_reported_and_never_hides_the_others() {
    let ws = Ws::tourism();
    let good = ws.register(&[]);
    ws.write(
        "cases/2026/20261101-BAD00.yaml",
        "schema: 1\nid: [unclosed\n",
    );
    let out = ws.run(&["list", "--format", "ids"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{good}\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("20261101-BAD00.yaml"), "{stderr}");
    let out = ws.run(&["list", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "bad_file");
}

#[test]
fn notes_assign_and_history_record_the_acting_officer() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok(&["note", &id, "回访：投诉人不在家", "--as", "王芳"]);
    let doc = ws.json(&["show", &id]);
    let last = doc["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "note");
    assert_eq!(last["by"], "王芳");
    assert_eq!(last["note"], "回访：投诉人不在家");
    let out = ws.ok(&["assign", &id, "tester"]);
    assert_eq!(out, "", "assigning to the current assignee writes nothing");
}

#[test]
fn the_acting_officer_falls_back_to_git_user_name() {
    let ws = Ws::tourism();
    ws.git(&["init", "-q"]);
    ws.git(&["config", "user.name", "Li Ming"]);
    let out = ws
        .cmd()
        .env_remove("PLAINT_USER")
        .args(["register", "--title", "x", "--anonymous", "--json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["history"][0]["by"], "Li Ming");
}

#[test]
fn edit_stores_a_valid_change_with_an_edited_event() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let editor = ws.write(
        ".home/editor.sh",
        "#!/bin/sh\nsed -i 's/^title: .*/title: 导游强迫购物（已核实）/' \"$1\"\n",
    );
    let out = ws
        .cmd()
        .env("EDITOR", format!("sh {}", editor.display()))
        .args(["edit", &id])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = ws.json(&["show", &id]);
    assert_eq!(doc["title"], "导游强迫购物（已核实）");
    let last = doc["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "edited");
    assert_eq!(last["fields"], serde_json::json!(["title"]));
}

#[test]
fn edit_refuses_an_invalid_result_and_leaves_the_file_byte_identical() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    for script in [
        "sed -i 's/^category: .*/category: nonsense/' \"$1\"",
        "sed -i 's/^status: .*/status: closed/' \"$1\"",
        "sed -i 's/^- at: .*/- at: 2020-01-01T00:00:00+08:00/' \"$1\"",
        "echo 'title: [broken' >> \"$1\"",
        "exit 3",
    ] {
        let editor = ws.write(".home/editor.sh", &format!("#!/bin/sh\n{script}\n"));
        let before = ws.snapshot();
        let out = ws
            .cmd()
            .env("EDITOR", format!("sh {}", editor.display()))
            .args(["edit", &id])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{script}");
        assert_eq!(before, ws.snapshot(), "{script} changed the workspace");
    }
}

#[test]
fn the_default_workspace_is_created_by_a_write_and_named_on_every_write() {
    let ws = Ws::tourism();
    let outside = tempfile::tempdir().unwrap();
    let elsewhere = outside.path();
    let default = ws.root().join(".home/data/plaint/workspace");
    // A read outside any office folder creates nothing and says so.
    let read = ws
        .cmd()
        .current_dir(elsewhere)
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(read.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&read.stderr).contains("no workspace here"));
    assert!(!default.exists(), "a read made the default workspace");
    let out = ws
        .cmd()
        .current_dir(elsewhere)
        .args(["register", "--title", "phoned in", "--anonymous"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("created the default workspace"), "{stderr}");
    assert!(default.join("plaint.yaml").is_file());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    // Every later write there says where it went.
    let noted = ws
        .cmd()
        .current_dir(elsewhere)
        .args(["note", &id, "回电"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&noted.stderr).contains("(the default workspace, "),
        "{}",
        String::from_utf8_lossy(&noted.stderr)
    );
    let list = ws
        .cmd()
        .current_dir(elsewhere)
        .args(["list", "--format", "ids"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), id);
}

#[test]
fn register_from_a_document_on_stdin() {
    let ws = Ws::tourism();
    let doc = "title: Luggage lost\ncomplainants:\n  - name: John Smith\n    email: john@example.com\nrespondent:\n  name: Sunshine Travel\ncategory: transport\nfacts: \"Line one\\r\\nLine two\"\n";
    let out = ws
        .cmd()
        .args(["register", "--from", "-"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let text = ws.case_text(&id);
    assert!(
        text.contains("facts: |-\n  Line one\n  Line two\n"),
        "CRLF becomes LF:\n{text}"
    );
    let json = r#"{"title": "JSON intake", "channel": "email", "tags": ["anonymous"]}"#;
    let out = ws
        .cmd()
        .args(["register", "--from", "-", "--json"])
        .write_stdin(json)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["channel"], "email");
}
