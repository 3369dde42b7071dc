//! No file in the workspace makes plaint write or read elsewhere, delete
//! another case's evidence, hang or balloon; leftovers of killed commands
//! are found; what a user wrote survives export and import; nothing
//! reaches a terminal raw.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Ws, refused};

const NOW: &str = "2026-11-03T10:00:00+08:00";

fn office() -> Ws {
    let ws = Ws::tourism();
    ws.add_settings("office:\n  name: 桂林市文化广电和旅游局\n");
    ws
}

fn accepted(ws: &Ws) -> String {
    let id = ws.register(&[]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    id
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[cfg(unix)]
fn mkfifo(at: &Path) {
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(at)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Runs plaint `args`, which must end within ten seconds, and returns
/// its exit code and stderr.
fn bounded(ws: &Ws, args: &[&str]) -> (Option<i32>, String) {
    let started = Instant::now();
    let out = ws
        .cmd_at(NOW)
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("plaint runs");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "plaint {args:?} hung"
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file below `dir`, for "nothing was written there".
fn files_below(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_below(&path));
            } else {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[cfg(unix)]
#[test]
fn a_link_planted_where_plaint_stores_files_is_refused_and_reported() {
    let ws = office();
    let id = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("photo.jpg");
    std::fs::write(&photo, "JPEG").unwrap();
    let year = &id[..4];
    let plants = [
        "attachments".to_string(),
        format!("attachments/{id}"),
        "notices".to_string(),
        format!("notices/{year}"),
        format!("notices/{year}/{id}"),
    ];
    for plant in &plants {
        let at = ws.root().join(plant);
        link(outside.path(), &at);
        let before = ws.case_text(&id);
        let (code, err) = if plant.starts_with("attachments") {
            bounded(&ws, &["attach", &id, photo.to_str().unwrap()])
        } else {
            bounded(&ws, &["notice", &id, "acceptance"])
        };
        assert_eq!(
            files_below(outside.path()).len(),
            1,
            "{plant}: wrote outside"
        );
        assert_eq!(ws.case_text(&id), before, "{plant}: recorded");
        assert_eq!(code, Some(1), "{plant}: {err}");
        assert!(err.contains("symbolic link"), "{plant}: {err}");
        std::fs::remove_file(&at).unwrap();
    }
    // A template reached through a link is refused, not read.
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, "{{ office.name }} secret\n").unwrap();
    link(&secret, &ws.root().join("templates/acceptance.md"));
    let (code, err) = bounded(&ws, &["notice", &id, "acceptance", "--draft"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    // check names the link.
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("templates/acceptance.md: symbolic link"),
        "{said}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_in_bounded_time() {
    let ws = office();
    let id = accepted(&ws);
    // A FIFO as the workspace's template.
    mkfifo(&ws.root().join("templates/acceptance.md"));
    let (code, err) = bounded(&ws, &["notice", &id, "acceptance"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    std::fs::remove_file(ws.root().join("templates/acceptance.md")).unwrap();
    // A FIFO or a device given to attach.
    let outside = tempfile::tempdir().unwrap();
    let fifo = outside.path().join("pipe");
    mkfifo(&fifo);
    for file in [fifo.to_str().unwrap(), "/dev/zero"] {
        let (code, err) = bounded(&ws, &["attach", &id, file]);
        assert_eq!(code, Some(1), "{file}: {err}");
        assert!(err.contains("not a regular file"), "{file}: {err}");
    }
    // A FIFO standing where a recorded attachment was: check and the
    // dossier refuse it at once.
    let photo = outside.path().join("p.jpg");
    std::fs::write(&photo, "JPEG").unwrap();
    let doc = ws.json(&["attach", &id, photo.to_str().unwrap()]);
    let stored = ws.root().join(doc["attached"][0]["file"].as_str().unwrap());
    std::fs::remove_file(&stored).unwrap();
    mkfifo(&stored);
    let (code, _) = bounded(&ws, &["check"]);
    assert_eq!(code, Some(3));
    let out = String::from_utf8(ws.run(&["check"]).stdout).unwrap();
    assert!(out.contains("not a regular file"), "{out}");
    let dossier = outside.path().join("d");
    let (code, err) = bounded(&ws, &["dossier", &id, "--out", dossier.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
}

#[test]
fn a_template_that_never_ends_is_stopped_and_issues_nothing() {
    let ws = office();
    let id = accepted(&ws);
    ws.write(
        "templates/acceptance.md",
        "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}x{% endfor %}{% endfor %}{% endfor %}\n",
    );
    let before = ws.snapshot();
    let (code, err) = bounded(&ws, &["notice", &id, "acceptance"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("too much work"), "{err}");
    assert_eq!(before, ws.snapshot(), "nothing was issued");
}

#[test]
fn a_recorded_path_into_another_case_is_refused_by_check_detach_and_import() {
    let ws = office();
    let mine = accepted(&ws);
    let theirs = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("p.png");
    std::fs::write(&photo, "PNG").unwrap();
    let doc = ws.json(&["attach", &theirs, photo.to_str().unwrap()]);
    let evidence = doc["attached"][0]["file"].as_str().unwrap().to_string();
    // My case claims their evidence, hash and all.
    let other = std::fs::write(outside.path().join("q.png"), "Q");
    other.unwrap();
    let mine_doc = ws.json(&[
        "attach",
        &mine,
        outside.path().join("q.png").to_str().unwrap(),
    ]);
    let my_file = mine_doc["attached"][0]["file"]
        .as_str()
        .unwrap()
        .to_string();
    let text = ws.case_text(&mine).replace(&my_file, &evidence);
    std::fs::write(ws.case_path(&mine), &text).unwrap();
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("is not in the case's own folder"), "{said}");
    refused(
        &ws,
        &["detach", &mine, "q.png", "--reason", "x"],
        &["is not in the case's own folder"],
    );
    assert!(ws.root().join(&evidence).is_file(), "their evidence stays");
    // The same record brought in by import is refused as check refuses it.
    let export = ws.ok(&["export", "--format", "jsonl", "--search", &mine]);
    let line = export
        .lines()
        .find(|l| l.contains(&mine))
        .expect("the case is exported");
    let fresh = Ws::tourism();
    fresh.write("batch.jsonl", &format!("{line}\n"));
    let before = fresh.snapshot();
    let out = fresh.run(&["import", "batch.jsonl"]);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not in the case's own folder"), "{err}");
    assert_eq!(before, fresh.snapshot());
}

#[test]
fn detaching_the_last_file_leaves_no_empty_folder() {
    let ws = office();
    let id = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("p.png"), "PNG").unwrap();
    ws.json(&[
        "attach",
        &id,
        outside.path().join("p.png").to_str().unwrap(),
    ]);
    ws.ok(&["detach", &id, "p.png", "--reason", "误传"]);
    assert!(!ws.root().join(format!("attachments/{id}")).exists());
    ws.ok(&["check"]);
}

#[test]
fn detach_removes_only_the_bytes_it_recorded() {
    let ws = office();
    let id = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("p.png");
    std::fs::write(&photo, "PNG").unwrap();
    let doc = ws.json(&["attach", &id, photo.to_str().unwrap()]);
    let stored = ws.root().join(doc["attached"][0]["file"].as_str().unwrap());
    std::fs::write(&stored, "something else").unwrap();
    refused(
        &ws,
        &["detach", &id, "p.png", "--reason", "x"],
        &["differs from the file recorded"],
    );
    assert!(stored.is_file());
}

#[test]
fn leftovers_of_killed_commands_are_reported_and_check_fix_removes_them() {
    let ws = office();
    let id = accepted(&ws);
    let year = &id[..4];
    // What a notice or attach killed mid-write leaves: a partial temp
    // copy, and a complete notice stored but never recorded.
    ws.write(&format!("attachments/{id}/.plaint-Ab12.tmp"), "JPE");
    ws.write(&format!("notices/{year}/{id}/.plaint-Cd34.tmp"), "<!DOC");
    ws.write(
        &format!("notices/{year}/{id}/acceptance-ZZZZZ.html"),
        "<!DOCTYPE html>",
    );
    // And a file somebody put there by hand.
    ws.write(&format!("attachments/{id}/by-hand.txt"), "note");
    // A copy a killed attach stored before recording it: named, as every
    // copy attach makes, after its own hash.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("p.jpg"), "JPEG").unwrap();
    let doc = ws.json(&[
        "attach",
        &id,
        outside.path().join("p.jpg").to_str().unwrap(),
    ]);
    let recorded = doc["attached"][0]["file"].as_str().unwrap().to_string();
    let copy = recorded.replace("-p.jpg", "-q.jpg");
    std::fs::copy(ws.root().join(&recorded), ws.root().join(&copy)).unwrap();
    ws.write(&format!("cases/{year}/.plaint-Ef56.tmp"), "schema: 1\n");
    let out = ws.run(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    for leftover in [
        format!("attachments/{id}/.plaint-Ab12.tmp"),
        format!("attachments/{id}/by-hand.txt"),
        format!("notices/{year}/{id}/.plaint-Cd34.tmp"),
        format!("notices/{year}/{id}/acceptance-ZZZZZ.html"),
        copy.clone(),
        format!("cases/{year}/.plaint-Ef56.tmp"),
    ] {
        assert!(files.contains(&leftover.as_str()), "{leftover}: {files:?}");
    }
    assert!(!files.contains(&recorded.as_str()), "{files:?}");
    let err = ws.fails(3, &["check", "--fix"]);
    assert!(err.contains(".plaint-Ab12.tmp"), "{err}");
    assert!(
        !ws.root()
            .join(format!("attachments/{id}/.plaint-Ab12.tmp"))
            .exists()
    );
    assert!(
        !ws.root()
            .join(format!("notices/{year}/{id}/acceptance-ZZZZZ.html"))
            .exists()
    );
    assert!(!ws.root().join(&copy).exists());
    assert!(
        !ws.root()
            .join(format!("cases/{year}/.plaint-Ef56.tmp"))
            .exists()
    );
    assert!(
        ws.root().join(&recorded).exists(),
        "the recorded copy stays"
    );
    // A file a person put there is theirs to attach or remove.
    assert!(
        ws.root()
            .join(format!("attachments/{id}/by-hand.txt"))
            .exists()
    );
    std::fs::remove_file(ws.root().join(format!("attachments/{id}/by-hand.txt"))).unwrap();
    ws.ok(&["check"]);
}

#[test]
fn hostile_tags_survive_a_csv_export_and_import_byte_for_byte() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let text = ws.case_text(&id).replace(
        "priority: normal\n",
        "priority: normal\ntags:\n- a;b\n- 投诉；升级\n- ''\n- '  leading'\n- '[1]'\n",
    );
    std::fs::write(ws.case_path(&id), &text).unwrap();
    ws.ok(&["check"]);
    let original = ws.case_text(&id);
    let csv = ws.ok(&["export", "--format", "csv"]);
    let fresh = Ws::tourism();
    fresh.write("batch.csv", &csv);
    fresh.ok(&["import", "batch.csv"]);
    assert_eq!(fresh.case_text(&id), original);
}

#[test]
fn check_and_edit_say_that_comments_are_not_kept() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let text = ws
        .case_text(&id)
        .replace("status: received\n", "status: received # 待核实\n");
    std::fs::write(ws.case_path(&id), &text).unwrap();
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("is not kept"), "{said}");
    // A facts text holding a `#` is no comment.
    let id2 = ws.register(&["--facts", "房间号 #302"]);
    let said = String::from_utf8(ws.run(&["check"]).stderr).unwrap();
    assert!(!said.contains(&id2), "{said}");
}

#[test]
fn a_promise_on_a_case_out_of_the_workflow_is_refused() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok_at(NOW, &["advance", &id, "transferred", "--to", "市场监管局"]);
    refused(
        &ws,
        &["promise", &id, "2026-11-20"],
        &["out of the workflow"],
    );
}

#[test]
fn escapes_in_a_label_reach_no_terminal() {
    let ws = Ws::tourism();
    ws.add_settings("policy:\n  categories:\n    - {code: noise, en: \"Noise\\e]0;pwned\\a\\e[2J\", zh: 噪音}\n");
    for args in [
        vec!["policy"],
        vec!["report", "--period", "2026", "--format", "html"],
    ] {
        let screen = ws.terminal(100, true, &args);
        assert!(!screen.contains("\u{1b}]0;"), "{args:?}: {screen:?}");
        assert!(!screen.contains("\u{1b}[2J"), "{args:?}: {screen:?}");
    }
    let screen = ws.terminal(100, true, &["policy"]);
    assert!(screen.contains("Noise\\x1b]0;pwned"), "{screen:?}");
}

#[cfg(unix)]
#[test]
fn an_endless_input_file_is_refused_in_bounded_time() {
    let ws = Ws::tourism();
    let (code, err) = bounded(&ws, &["register", "--from", "/dev/zero"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("more than the"), "{err}");
}

#[test]
fn import_refuses_a_history_whose_stored_files_are_not_there() {
    let ws = office();
    let id = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("p.png");
    std::fs::write(&photo, "PNG").unwrap();
    ws.json(&["attach", &id, photo.to_str().unwrap()]);
    let export = ws.ok(&["export", "--format", "jsonl"]);
    // Into a workspace without the file: check would fail, so import refuses.
    let fresh = Ws::tourism();
    fresh.write("batch.jsonl", &export);
    let before = fresh.snapshot();
    let err = fresh.fails(1, &["import", "batch.jsonl"]);
    assert!(err.contains("the file is missing"), "{err}");
    assert_eq!(before, fresh.snapshot());
    // With the attachments copied along, it is taken.
    let stored = format!("attachments/{id}");
    for entry in std::fs::read_dir(ws.root().join(&stored))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        fresh.write(
            &format!("{stored}/{name}"),
            &std::fs::read_to_string(entry.path()).unwrap(),
        );
    }
    fresh.ok(&["import", "batch.jsonl"]);
    fresh.ok(&["check"]);
}

#[test]
fn check_fix_never_touches_what_an_unreadable_case_or_a_person_stored() {
    let ws = office();
    let id = accepted(&ws);
    let year = &id[..4];
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("ev.txt"), "evidence").unwrap();
    let attached = ws.json(&[
        "attach",
        &id,
        outside.path().join("ev.txt").to_str().unwrap(),
    ]);
    let evidence = attached["attached"][0]["file"]
        .as_str()
        .unwrap()
        .to_string();
    let notice = ws.json(&["notice", &id, "acceptance"]);
    let issued = notice["file"].as_str().unwrap().to_string();
    // A person's own files beside plaint's.
    ws.write("notices/README.md", "mine");
    ws.write(&format!("notices/{year}/{id}/signed-receipt.pdf"), "scan");
    // The case file becomes unreadable (a newer plaint, a bad merge).
    let good = ws.case_text(&id);
    std::fs::write(ws.case_path(&id), good.replace("schema: 1", "schema: 2")).unwrap();
    ws.fails(3, &["check", "--fix"]);
    for kept in [&evidence, &issued] {
        assert!(ws.root().join(kept).is_file(), "{kept} was removed");
    }
    std::fs::write(ws.case_path(&id), &good).unwrap();
    let err = ws.fails(3, &["check", "--fix"]);
    assert!(!err.contains("removed"), "{err}");
    for kept in [
        "notices/README.md".to_string(),
        format!("notices/{year}/{id}/signed-receipt.pdf"),
        evidence,
        issued,
    ] {
        assert!(ws.root().join(&kept).is_file(), "{kept} was removed");
    }
}

#[test]
fn a_paper_event_is_never_dated_ahead_of_the_clock_nor_before_what_it_follows() {
    let ws = office();
    let id = accepted(&ws);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("f.txt"), "f").unwrap();
    let file = outside.path().join("f.txt");
    let ahead = "2099-06-01T10:00:00+08:00";
    for args in [
        vec!["notice", &id, "acceptance"],
        vec!["attach", &id, file.to_str().unwrap()],
        vec!["promise", &id, "2099-06-20"],
    ] {
        let before = ws.snapshot();
        let out = ws.cmd_at(ahead).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("later than the computer's clock"),
            "{args:?}: {err}"
        );
        assert_eq!(before, ws.snapshot(), "{args:?}");
    }
    ws.json(&["attach", &id, file.to_str().unwrap()]);
    let out = ws
        .cmd_at("2026-11-02T09:40:00+08:00")
        .args(["detach", &id, "f.txt", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("time order"));
}
