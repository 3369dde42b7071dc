//! Concurrent plaint processes on one workspace never lose an update.

use std::process::Child;

use crate::support::Ws;

fn spawn_all(ws: &Ws, n: usize, args: impl Fn(usize) -> Vec<String>) -> Vec<Child> {
    (0..n)
        .map(|i| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("plaint"));
            cmd.current_dir(ws.root())
                .env("PLAINT_USER", format!("officer{i}"))
                .args(args(i))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().expect("spawn plaint")
        })
        .collect()
}

#[test]
fn fifty_concurrent_notes_are_all_kept() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let children = spawn_all(&ws, 50, |i| {
        vec!["note".into(), id.clone(), format!("note {i}")]
    });
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let doc = ws.json(&["show", &id]);
    let mut notes: Vec<String> = doc["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "note")
        .map(|e| e["note"].as_str().unwrap().to_string())
        .collect();
    notes.sort();
    let mut want: Vec<String> = (0..50).map(|i| format!("note {i}")).collect();
    want.sort();
    assert_eq!(notes, want);
}

#[test]
fn twenty_concurrent_registrations_create_twenty_cases() {
    let ws = Ws::tourism();
    let children = spawn_all(&ws, 20, |i| {
        vec![
            "register".into(),
            "--title".into(),
            format!("case {i}"),
            "--anonymous".into(),
            "--received".into(),
            "2026-11-02".into(),
        ]
    });
    let mut ids: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
    assert_eq!(ws.ok(&["list", "--format", "ids"]).lines().count(), 20);
}
