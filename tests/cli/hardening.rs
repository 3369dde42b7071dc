//! Hardening: whatever the files hold, plaint names the bad file and exits
//! with its documented code; it never panics, stalls, writes what it cannot
//! read back, or lets escapes and formulas through.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::Ws;

const NOW: &str = "2026-11-29T10:00:00+08:00";
const BAD_ID: &str = "20260701-AAAAA";

fn regression(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions")
        .join(name);
    std::fs::read_to_string(path).expect("regression file")
}

/// Runs plaint at the pinned clock and returns (exit code, stdout and
/// stderr together).
fn run_at(ws: &Ws, args: &[&str]) -> (Option<i32>, String) {
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(args)
        .output()
        .expect("plaint runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

fn assert_named_failure(ws: &Ws, args: &[&str], code: i32, file: &str) {
    let (status, stderr) = run_at(ws, args);
    assert_eq!(status, Some(code), "plaint {args:?}:\n{stderr}");
    assert!(
        stderr.contains(file),
        "plaint {args:?} does not name {file}:\n{stderr}"
    );
}

// issue 11

#[test]
fn a_blank_sequence_item_is_a_named_error_not_a_panic() {
    let ws = Ws::tourism();
    ws.write(
        &format!("cases/2026/{BAD_ID}.yaml"),
        &regression("blank-sequence-item.yaml"),
    );
    let file = format!("{BAD_ID}.yaml");
    assert_named_failure(&ws, &["show", BAD_ID], 1, &file);
    assert_named_failure(&ws, &["check"], 3, &file);
    for args in [
        &["list"][..],
        &["export", "--format", "jsonl"],
        &["summary"],
        &["report", "--period", "2026"],
    ] {
        let (status, stderr) = run_at(&ws, args);
        assert!(
            matches!(status, Some(0 | 1)),
            "plaint {args:?}: {status:?}\n{stderr}"
        );
        assert!(stderr.contains(&file), "plaint {args:?}:\n{stderr}");
    }
}

// issue 11

#[test]
fn merge_file_with_an_unreadable_side_reports_a_conflict() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let good = ws.case_text(&id);
    let bad = regression("blank-sequence-item.yaml");
    for (base, ours, theirs) in [
        (&good, &good, &bad),
        (&good, &bad, &good),
        (&bad, &good, &good),
    ] {
        ws.write("base", base);
        ws.write("ours", ours);
        ws.write("theirs", theirs);
        let (status, stderr) = run_at(&ws, &["merge-file", "base", "ours", "theirs"]);
        assert_eq!(status, Some(1), "{stderr}");
    }
    // Not UTF-8: never a clean merge either.
    ws.write("base", &good);
    ws.write("ours", &good);
    std::fs::write(
        ws.root().join("theirs"),
        [good.as_bytes(), b"\xff\xfe\n"].concat(),
    )
    .unwrap();
    let (status, stderr) = run_at(&ws, &["merge-file", "base", "ours", "theirs"]);
    assert_eq!(status, Some(1), "{stderr}");
}

// issue 11

#[test]
fn deep_brackets_are_refused_in_well_under_a_second() {
    let ws = Ws::tourism();
    let deep = format!(
        "schema: 1\nid: {BAD_ID}\ntags: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    ws.write(&format!("cases/2026/{BAD_ID}.yaml"), &deep);
    let file = format!("{BAD_ID}.yaml");
    assert_every_reader_names_it_fast(&ws, &file);
    let (_, stderr) = run_at(&ws, &["show", BAD_ID]);
    assert!(stderr.contains("nesting deeper than 32"), "{stderr}");
}

/// `show`, `check` and `list` each fail with the documented code, naming
/// `file`, in well under a second per bad file (5 s allows a loaded machine).
fn assert_every_reader_names_it_fast(ws: &Ws, file: &str) {
    for (args, code) in [(&["show", BAD_ID][..], 1), (&["check"], 3), (&["list"], 1)] {
        let start = Instant::now();
        assert_named_failure(ws, args, code, file);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "plaint {args:?} took {:?}",
            start.elapsed()
        );
    }
}

// issue 11

#[test]
fn a_huge_sparse_file_is_refused_unread() {
    let ws = Ws::tourism();
    let path = ws.root().join(format!("cases/2026/{BAD_ID}.yaml"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::File::create(&path)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    let file = format!("{BAD_ID}.yaml");
    assert_every_reader_names_it_fast(&ws, &file);
    let (_, stderr) = run_at(&ws, &["show", BAD_ID]);
    assert!(stderr.contains("more than the 4194304 bytes"), "{stderr}");
}

// issue 11

#[test]
fn a_note_that_would_make_the_case_unreadable_is_refused() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let note = "备".repeat(250 * 1024 / 3);
    let mut refused = None;
    for round in 0..20 {
        let out = ws
            .cmd()
            .env("PLAINT_NOW", NOW)
            .args(["note", &id, "-"])
            .write_stdin(note.clone())
            .output()
            .unwrap();
        if !out.status.success() {
            assert_eq!(out.status.code(), Some(1));
            refused = Some((round, String::from_utf8_lossy(&out.stderr).into_owned()));
            break;
        }
    }
    let (round, stderr) = refused.expect("a note crossing the file limit is refused");
    assert!(round >= 15, "refused too early, at note {round}: {stderr}");
    assert!(stderr.contains("4194304 bytes"), "{stderr}");
    assert!(stderr.contains("separate files"), "{stderr}");
    // Everything written before is still readable.
    ws.ok_at(NOW, &["show", &id]);
    ws.ok_at(NOW, &["check"]);
}

// issue 11

#[test]
fn an_import_with_too_many_history_events_is_refused_by_row() {
    let ws = Ws::tourism();
    ws.register(&[]);
    let exported = ws.ok_at(NOW, &["export", "--format", "jsonl"]);
    let mut case: serde_json::Value = serde_json::from_str(exported.trim()).unwrap();
    let event = serde_json::json!({
        "at": "2026-11-02T10:00:00+08:00", "by": "tester", "action": "note", "note": "n"
    });
    let mut small = case.clone();
    small.as_object_mut().unwrap().remove("id");
    let mut history = case["history"].as_array().cloned().unwrap_or_default();
    history.extend(std::iter::repeat_n(event, 100_000));
    case["history"] = serde_json::Value::Array(history);
    case.as_object_mut().unwrap().remove("id");
    let batch = serde_json::to_string(&serde_json::json!([case])).unwrap();
    ws.write("big.json", &batch);
    let before = ws.snapshot();
    let stderr = ws.fails(1, &["import", "big.json"]);
    assert!(stderr.contains("at most 10000"), "{stderr}");
    assert_eq!(before, ws.snapshot(), "a refused import changed files");
    // Later imports still work.
    ws.write("small.json", &serde_json::to_string(&[small]).unwrap());
    assert_eq!(ws.json(&["import", "small.json"])["created"], 1);
}

/// Holds the workspace lock as another plaint process would.
fn hold_lock(ws: &Ws) -> std::fs::File {
    let path = ws.root().join(".plaint/lock");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .unwrap();
    file.lock().unwrap();
    file
}

// issue 11

#[test]
fn a_held_lock_makes_a_write_give_up_with_a_message() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let held = hold_lock(&ws);
    let before = ws.snapshot();
    let start = Instant::now();
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .env("PLAINT_LOCK_TIMEOUT", "1")
        .args(["note", &id, "called back"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert!(stderr.contains("workspace lock"), "{stderr}");
    assert!(stderr.contains("gave up after 1 s"), "{stderr}");
    assert!(stderr.contains("--lock-timeout"), "{stderr}");
    assert_eq!(before, ws.snapshot());
    // The flag works as the variable does; --json gives a stable code.
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(["--lock-timeout", "0.2", "--json", "note", &id, "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"lock_timeout\""));
    drop(held);
    ws.ok_at(NOW, &["note", &id, "called back"]);
}

// issue 11

#[test]
fn a_write_waits_for_a_lock_released_in_time() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let held = hold_lock(&ws);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        drop(held);
    });
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .env("PLAINT_LOCK_TIMEOUT", "20")
        .args(["note", &id, "called back"])
        .output()
        .unwrap();
    release.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// issue 11

#[test]
fn read_commands_never_wait_for_the_lock() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.write("batch.csv", "title,complainant.name,complainant.phone,respondent.name,category,channel,received\n投诉,李四,13900139000,某旅行社,shopping,phone,2026-11-03 10:00\n");
    // A later pull makes the contact index stale: `show` rebuilds it in memory.
    ws.write("cases/2026/zz-touch", "");
    std::fs::remove_file(ws.root().join("cases/2026/zz-touch")).unwrap();
    let _held = hold_lock(&ws);
    for args in [
        &["show", id.as_str()][..],
        &["list"],
        &["import", "batch.csv", "--dry-run"],
        &["export", "--format", "jsonl"],
    ] {
        let start = Instant::now();
        let out = ws
            .cmd()
            .env("PLAINT_NOW", NOW)
            .env("PLAINT_LOCK_TIMEOUT", "30")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "plaint {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "plaint {args:?} waited"
        );
    }
}

const HOSTILE: &str = "T\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mRED\u{202e}";

fn assert_no_controls(what: &str, text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t' || c == '\u{202e}'),
        "{what} printed a control character: {text:?}"
    );
}

// issue 11

#[test]
fn no_terminal_escape_reaches_the_terminal() {
    let ws = Ws::tourism();
    let id = ws.register(&["--title", HOSTILE, "--complainant", HOSTILE]);
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .env("PLAINT_USER", HOSTILE)
        .args(["assign", &id, HOSTILE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_controls("assign", &String::from_utf8_lossy(&out.stdout));
    ws.ok_at(NOW, &["note", &id, &format!("line one\n{HOSTILE}")]);
    for args in [&["show", id.as_str()][..], &["list"], &["summary"]] {
        let out = ws.cmd().env("PLAINT_NOW", NOW).args(args).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_no_controls(&format!("{args:?}"), &stdout);
        assert_no_controls(
            &format!("{args:?} (stderr)"),
            &String::from_utf8_lossy(&out.stderr),
        );
        if args[0] != "summary" {
            assert!(
                stdout.contains("T\\x1b]0;pwned\\x07"),
                "{args:?}:\n{stdout}"
            );
        }
    }
    // An error quoting what was typed is neutralized too.
    let stderr = ws.fails(1, &["show", HOSTILE]);
    assert_no_controls("error", &stderr);
    // JSON stays exact.
    let doc = ws.json(&["show", &id]);
    assert_eq!(doc["title"], HOSTILE, "{doc}");
}

#[test]
fn a_colour_code_in_a_title_colours_nothing_on_a_colour_terminal() {
    let ws = Ws::tourism();
    let red = "\u{1b}[31m";
    ws.register(&["--title", &format!("{red}red title")]);
    ws.register(&["--title", "plain title"]);
    let id = ws.register(&["--title", &format!("{red}shown")]);
    let screen = ws.terminal(120, true, &["list", "--today", "2026-11-03"]);
    // Neither row is overdue on 2026-11-03: no red on the screen at all.
    assert!(!screen.contains(red), "{screen:?}");
    assert!(screen.contains("\\x1b[31mred title"), "{screen}");
    // `show` prints the title as a heading: the colour the text opens ends
    // with it.
    let shown = ws.terminal(120, true, &["show", &id, "--today", "2026-11-03"]);
    let line = shown.lines().find(|l| l.contains("shown")).unwrap();
    assert!(line.contains("shown\u{1b}[0m  [Received]"), "{line:?}");
}

/// Every cell of a CSV text.
fn csv_cells(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn case_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(root.join("cases/2026"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

// issue 11

#[test]
fn no_formula_reaches_a_spreadsheet_and_csv_round_trips() {
    let ws = Ws::tourism();
    let formulas = [
        "=HYPERLINK(\"http://evil.example\",\"open\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3",
        "'=already quoted",
    ];
    ws.register(&[
        "--title",
        formulas[0],
        "--complainant",
        formulas[1],
        "--respondent",
        formulas[2],
        &format!("--demands={}", formulas[3]),
    ]);
    ws.register(&["--title", formulas[4], "--respondent", "\t=1"]);
    for args in [
        &["export", "--format", "csv"][..],
        &["list", "--format", "csv"],
        &[
            "report",
            "--period",
            "2026",
            "--by",
            "respondent",
            "--format",
            "csv",
        ],
    ] {
        let out = ws.ok_at(NOW, args);
        for cell in csv_cells(&out) {
            assert!(
                cell == "-" || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "plaint {args:?} wrote the cell {cell:?}:\n{out}"
            );
        }
    }
    let exported = ws.ok_at(NOW, &["export", "--format", "csv"]);
    assert!(exported.contains("'=HYPERLINK("), "{exported}");
    assert!(exported.contains("''=already quoted"), "{exported}");
    let target = Ws::tourism();
    target.write("all.csv", &exported);
    assert_eq!(target.json(&["import", "all.csv"])["created"], 2);
    assert_eq!(
        case_files(target.root()),
        case_files(ws.root()),
        "CSV round trip differs"
    );
}

/// Stages case `id`'s file as an import killed after its commit point
/// leaves it: in `.plaint/staging/` under a new ID, listed in the manifest.
fn stage_half_moved_import(ws: &Ws, id: &str) -> String {
    let staged_id = "20261102-STAGE";
    let text = ws.case_text(id).replace(id, staged_id);
    ws.write(&format!(".plaint/staging/{staged_id}.yaml"), &text);
    ws.write(
        ".plaint/staging/MANIFEST",
        &format!("plaint staged batch v1\n{staged_id}\n"),
    );
    staged_id.to_string()
}

// issue 11

#[test]
fn check_reports_a_half_moved_import_it_cannot_finish() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let staged = stage_half_moved_import(&ws, &id);
    let held = hold_lock(&ws);
    let (status, text) = run_at(&ws, &["check"]);
    assert_eq!(status, Some(3), "{text}");
    assert!(
        text.contains(".plaint/staging: an interrupted import still has 1 case file(s)"),
        "{text}"
    );
    drop(held);
    // With the lock free, check completes the import, then finds nothing wrong.
    ws.ok_at(NOW, &["check"]);
    assert!(ws.case_path(&staged).is_file());
    assert!(!ws.root().join(".plaint/staging").exists());
}

// issue 11

#[test]
fn a_leftover_temporary_file_is_not_a_duplicate_id() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.write("cases/2026/.plaint-Ab12Cd.tmp", &ws.case_text(&id));
    let (status, text) = run_at(&ws, &["check"]);
    assert_eq!(status, Some(3), "{text}");
    assert!(text.contains("leftover temporary file"), "{text}");
    assert!(!text.contains("duplicate id"), "{text}");
}

#[cfg(unix)]
// issue 11
#[test]
fn symbolic_links_are_refused_by_every_command() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let outside = tempfile::tempdir().unwrap();
    let year = ws.root().join("cases/2026");
    std::fs::rename(&year, outside.path().join("2026")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("2026"), &year).unwrap();
    let before = std::fs::read_dir(outside.path().join("2026"))
        .unwrap()
        .count();
    for args in [
        &["list"][..],
        &["show", id.as_str()],
        &["export", "--format", "jsonl"],
        &["note", id.as_str(), "x"],
    ] {
        assert_named_failure(&ws, args, 1, "symbolic link");
    }
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args(Ws::register_args(&[]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        before,
        std::fs::read_dir(outside.path().join("2026"))
            .unwrap()
            .count(),
        "register wrote through the link"
    );
    let (status, text) = run_at(&ws, &["check"]);
    assert_eq!(status, Some(3), "{text}");
    assert!(text.contains("cases/2026: symbolic link"), "{text}");
    // A linked calendar or local folder is refused the same way.
    std::fs::remove_file(&year).unwrap();
    std::fs::rename(outside.path().join("2026"), &year).unwrap();
    ws.ok_at(NOW, &["list"]);
    std::fs::create_dir_all(ws.root().join("calendars")).unwrap();
    std::os::unix::fs::symlink(outside.path(), ws.root().join("calendars/office.yaml")).unwrap();
    assert_named_failure(&ws, &["list"], 1, "symbolic link");
    std::fs::remove_file(ws.root().join("calendars/office.yaml")).unwrap();
    std::fs::remove_dir_all(ws.root().join(".plaint")).unwrap();
    std::os::unix::fs::symlink(outside.path(), ws.root().join(".plaint")).unwrap();
    assert_named_failure(&ws, &["note", &id, "x"], 1, "symbolic link");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

// issue 11

#[test]
fn a_full_disk_is_reported_once() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let ws = Ws::tourism();
    ws.register(&[]);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plaint"))
        .current_dir(ws.root())
        .env("PLAINT_NOW", NOW)
        .env("NO_COLOR", "1")
        .args(["export", "--format", "csv"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.matches("No space left on device").count(),
        1,
        "{stderr}"
    );
}

#[cfg(unix)]
// issue 11
#[test]
fn an_import_killed_with_sigkill_leaves_all_or_nothing() {
    let rows = 1500;
    let mut csv = String::from(
        "title,complainant.name,complainant.phone,respondent.name,category,channel,received\n",
    );
    for i in 0..rows {
        csv.push_str(&format!(
            "投诉 {i},张{i},1380013{i:04},某旅行社,shopping,phone,2026-11-03 10:00\n"
        ));
    }
    for delay_ms in [0u64, 40, 120, 300, 700] {
        let ws = Ws::tourism();
        ws.write("batch.csv", &csv);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plaint"))
            .current_dir(ws.root())
            .env("PLAINT_NOW", NOW)
            .env("PLAINT_USER", "tester")
            .args(["import", "batch.csv"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // The next command finishes or discards the batch; never a part.
        ws.ok_at(NOW, &["check"]);
        let ids = ws.ok_at(NOW, &["list", "--format", "ids"]);
        let count = ids.lines().filter(|l| !l.is_empty()).count();
        assert!(
            count == 0 || count == rows,
            "killed after {delay_ms} ms: {count} cases"
        );
        assert!(!ws.root().join(".plaint/staging").exists());
    }
}

#[cfg(unix)]
// issue 11
#[test]
fn a_person_at_a_terminal_is_told_about_the_wait() {
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        return; // no way to give plaint a terminal here
    }
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let _held = hold_lock(&ws);
    let command = format!(
        "{} --lock-timeout 0.5 note {id} hello",
        env!("CARGO_BIN_EXE_plaint")
    );
    let out = std::process::Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .current_dir(ws.root())
        .env("PLAINT_NOW", NOW)
        .env("PLAINT_USER", "tester")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("waiting for the workspace lock held by another process (up to 0.5 s)"),
        "{text}"
    );
}

// issue 11

#[test]
fn every_yaml_reader_bounds_nesting() {
    let ws = Ws::tourism();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    ws.write("draft.yaml", &format!("title: x\ntags: {deep}\n"));
    ws.write("batch.yaml", &format!("- title: x\n  tags: {deep}\n"));
    ws.write("map.yaml", &format!("投诉人: {deep}\n"));
    ws.write("batch.csv", "title\nx\n");
    for args in [
        &["register", "--from", "draft.yaml"][..],
        &["import", "batch.yaml"],
        &["import", "batch.csv", "--map", "map.yaml"],
    ] {
        let start = Instant::now();
        let stderr = ws.fails(1, args);
        assert!(
            stderr.contains("nesting deeper than 32"),
            "plaint {args:?}: {stderr}"
        );
        assert!(start.elapsed() < Duration::from_secs(5), "plaint {args:?}");
    }
    ws.add_settings(&format!("handlers: {deep}\n"));
    let stderr = ws.fails(1, &["list"]);
    assert!(
        stderr.contains("plaint.yaml") && stderr.contains("nesting"),
        "{stderr}"
    );
}
