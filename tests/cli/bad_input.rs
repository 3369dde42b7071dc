//! Bad input of every kind: a clear message naming the thing, exit 1, and
//! nothing on disk changed.

use std::time::{Duration, Instant};

use crate::support::{Ws, refused, usage_refused};

#[test]
fn unknown_state_and_disallowed_transition() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    usage_refused(
        &ws,
        &["advance", &id, "finished"],
        &["unknown state 'finished'", "states are: received"],
    );
    refused(
        &ws,
        &["advance", &id, "closed"],
        &[
            "cannot move from received to closed",
            "accepted, rejected, transferred, withdrawn",
        ],
    );
}

#[test]
fn bad_dates_are_refused() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    for bad in ["2026-13-01", "2026-02-30", "yesterday"] {
        refused(
            &ws,
            &["register", "--title", "x", "--received", bad],
            &["received", bad],
        );
        refused(
            &ws,
            &["register", "--title", "x", "--contract-end", bad],
            &["contract_end", bad],
        );
        refused(
            &ws,
            &["advance", &id, "accepted", "--at", bad],
            &["--at", bad],
        );
        usage_refused(&ws, &["list", "--today", bad], &["--today", bad]);
    }
    refused(
        &ws,
        &["advance", &id, "accepted", "--at", "2020-01-01"],
        &["before the case was received"],
    );
}

#[test]
fn unknown_codes_are_refused_with_the_known_ones() {
    let ws = Ws::tourism();
    usage_refused(
        &ws,
        &["register", "--category", "weather"],
        &["category", "'weather'", "shopping"],
    );
    usage_refused(
        &ws,
        &["register", "--channel", "fax"],
        &["channel", "'fax'", "hotline"],
    );
    usage_refused(
        &ws,
        &["register", "--priority", "asap"],
        &["priority", "'asap'"],
    );
    usage_refused(
        &ws,
        &["list", "--status", "done"],
        &["unknown state 'done'"],
    );
}

#[test]
fn path_like_ids_never_reach_the_disk() {
    let ws = Ws::tourism();
    for bad in ["../../etc/passwd", "..", "cases/2026", "a\\b"] {
        refused(&ws, &["show", bad], &["not a case ID"]);
        refused(&ws, &["note", bad, "x"], &["not a case ID"]);
    }
}

#[test]
fn damaged_case_files_are_named_with_the_reason() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let good = ws.case_text(&id);
    let cases = [
        (
            "20261101-SYNTX",
            "schema: 1\nid: 20261101-SYNTX\ntitle: [unclosed\n",
            "20261101-SYNTX.yaml",
        ),
        (
            "20261101-C0NF1",
            "schema: 1\n<<<<<<< HEAD\ntitle: a\n=======\ntitle: b\n>>>>>>> theirs\n",
            "conflict marker at line 2",
        ),
        ("20261101-W0RNG", &good, "but is named 20261101-W0RNG.yaml"),
    ];
    for (name, text, needle) in cases {
        ws.write(&format!("cases/2026/{name}.yaml"), text);
        refused(&ws, &["show", name], &[needle]);
        refused(&ws, &["note", name, "x"], &[needle]);
    }
}

#[test]
fn a_future_schema_is_refused_and_never_rewritten() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let future = ws.case_text(&id).replace("schema: 1", "schema: 2") + "new_field: x\n";
    ws.write(&format!("cases/{}/{id}.yaml", &id[..4]), &future);
    refused(&ws, &["show", &id], &["schema 2", "upgrade plaint"]);
    refused(&ws, &["note", &id, "x"], &["schema 2"]);
    refused(&ws, &["advance", &id, "accepted"], &["schema 2"]);
}

#[test]
fn a_history_event_with_another_actions_detail_or_without_its_own_is_named() {
    for (event, said) in [
        (
            "  action: note\n  note: x\n  milestone: served\n",
            "unknown field `milestone`, expected one of `at`, `by`, `action`, `forced`, `note`",
        ),
        ("  action: milestone\n", "missing field `milestone`"),
        ("  action: status\n  from: received\n", "missing field `to`"),
    ] {
        let ws = Ws::tourism();
        let id = ws.register(&[]);
        let path = ws.case_path(&id);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "- at: 2026-11-29T10:00:00+08:00\n  by: 王芳\n{event}"
        ));
        std::fs::write(&path, &text).unwrap();
        let out = ws.run(&["check"]);
        assert_eq!(out.status.code(), Some(3));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("{id}.yaml")), "{stdout}");
        assert!(stdout.contains(said), "{stdout}");
        refused(&ws, &["show", &id], &[&id, said]);
        // The file is left as the officer wrote it.
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

#[test]
fn a_document_with_unknown_fields_is_refused_listing_them() {
    let ws = Ws::tourism();
    let doc = ws.write(
        ".home/case.yaml",
        "title: x\ncomplainant: 张三\nphone_no: '1'\n",
    );
    refused(
        &ws,
        &["register", "--from", doc.to_str().unwrap()],
        &["unknown field(s): complainant, phone_no"],
    );
}

#[test]
fn huge_text_is_refused() {
    let ws = Ws::tourism();
    let facts = "投".repeat(10 * 1024 * 1024 / 3);
    let doc = ws.write(
        ".home/huge.yaml",
        &format!("title: x\nfacts: \"{facts}\"\n"),
    );
    refused(
        &ws,
        &["register", "--from", doc.to_str().unwrap()],
        &["file is 10485778 bytes, more than the 4194304 bytes"],
    );
    let doc = ws.write(
        ".home/big.yaml",
        &format!("title: x\nfacts: \"{}\"\n", "a".repeat(300 * 1024)),
    );
    refused(
        &ws,
        &["register", "--from", doc.to_str().unwrap()],
        &["`facts`", "limit is 256 KiB"],
    );
}

#[test]
fn alias_bombs_and_deep_nesting_are_refused_fast() {
    let ws = Ws::tourism();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, prev) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
        let name = ["b", "c", "d", "e", "f", "g", "h", "i"][i];
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let deep = format!(
        "schema: 1\nid: 20261101-DEEP0\ntags: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    ws.write(
        "cases/2026/20261101-B0MB0.yaml",
        &format!("schema: 1\nid: 20261101-B0MB0\n{bomb}"),
    );
    ws.write("cases/2026/20261101-DEEP0.yaml", &deep);
    // The strict case schema stops both at their first wrong token, before
    // any alias is expanded or any depth is reached.
    for (name, reason) in [
        ("20261101-B0MB0", "unknown field `a`"),
        ("20261101-DEEP0", "nesting deeper than 32 levels"),
    ] {
        let start = Instant::now();
        refused(&ws, &["show", name], &[name, reason]);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{name} took {:?}",
            start.elapsed()
        );
    }
    let doc = ws.write(".home/bomb.yaml", &bomb);
    refused(
        &ws,
        &["register", "--from", doc.to_str().unwrap()],
        &["bomb.yaml: repetition limit exceeded"],
    );
}

#[test]
fn a_typo_in_plaint_yaml_is_refused_with_the_key() {
    let ws = Ws::tourism();
    ws.edit_settings("calendar:", "calender:");
    refused(&ws, &["list"], &["plaint.yaml", "unknown field `calender`"]);
    ws.write(
        "plaint.yaml",
        "preset: tourism\npolicy:\n  joint_treshold: 5\n",
    );
    refused(&ws, &["register", "--title", "x"], &["joint_treshold"]);
}

#[test]
fn usage_errors_exit_2_and_json_errors_go_to_stderr() {
    let ws = Ws::tourism();
    let err = ws.fails(2, &["advance"]);
    assert!(err.contains("required"), "{err}");
    let err = ws.fails(2, &["advance", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(doc["error"]["code"], "usage");
    let err = ws.fails(1, &["show", "20250101-AAAAA", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(doc["error"]["code"], "not_found");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("20250101-AAAAA")
    );
}

#[test]
fn a_field_holding_a_placeholder_is_reported_as_typed() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let text = ws
        .case_text(&id)
        .replace("category: shopping\n", "category: '{known}'\n");
    std::fs::write(ws.case_path(&id), text).unwrap();
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("{known}"), "{said}");
    assert_eq!(said.matches("shopping").count(), 1, "the list once: {said}");
}
