//! The rules plaint keeps for itself: every byte goes out through one print
//! path that exits quietly on a closed pipe, and arguments are checked
//! before anything on disk is touched.

use std::process::Stdio;

use crate::support::{Ws, plaint};

/// Runs plaint `args` in `ws` with stdout a pipe whose reader is already
/// gone (`plaint ... | true` where `true` has exited); returns the exit code
/// and stderr.
fn into_closed_pipe(ws: &Ws, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = ws
        .std_cmd()
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("plaint runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// issue 15

#[test]
fn explain_into_a_closed_pipe_exits_quietly() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok(&["advance", &id, "accepted"]);
    for args in [
        vec!["explain", id.as_str(), "resolution"],
        vec!["show", id.as_str()],
        vec!["list"],
        vec!["policy"],
        vec!["explain", id.as_str(), "resolution", "--json"],
        vec!["man"],
    ] {
        let (code, err) = into_closed_pipe(&ws, &args);
        assert_eq!(code, Some(0), "plaint {args:?} | true: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "plaint {args:?} | true:\n{err}"
        );
    }
}

// issue 15

#[test]
fn a_bad_today_is_a_usage_error_before_any_workspace_is_made() {
    let home = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    for args in [
        vec!["--today", "2026-13-45", "list"],
        vec!["list", "--today", "2026-13-45"],
        vec!["list", "--today", "2026-13-45", "--json"],
    ] {
        let out = plaint(cwd.path(), home.path())
            .args(&args)
            .output()
            .expect("plaint runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "plaint {args:?}: {err}");
        assert!(
            err.contains("--today") && err.contains("2026-13-45"),
            "{err}"
        );
        assert!(!err.contains("created"), "{err}");
    }
    let out = plaint(cwd.path(), home.path())
        .env("PLAINT_TODAY", "someday")
        .arg("list")
        .output()
        .expect("plaint runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad PLAINT_TODAY is a usage error"
    );
    assert_eq!(
        std::fs::read_dir(home.path()).unwrap().count(),
        0,
        "nothing was created in HOME"
    );
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0);
}

// issue 15

#[test]
fn bad_values_are_refused_before_the_workspace_is_read() {
    let home = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    for (args, needle) in [
        (
            vec!["report", "--period", "2026", "--by", "weather"],
            "--by 'weather'",
        ),
        (vec!["report", "--period", "2026-Q5"], "2026-Q5"),
        (
            vec!["report", "--period", "2026", "--format", "pdf"],
            "--format 'pdf'",
        ),
        (vec!["calendar", "add", "2026-10-01", "two"], "N 'two'"),
        (vec!["calendar", "show", "0"], "'0' is not a year"),
        (vec!["calendar", "is-workday", "2026-02-30"], "2026-02-30"),
        (
            vec!["extend", "X", "acceptance", "--by", "two", "--reason", "r"],
            "--by 'two'",
        ),
        (vec!["promise", "X", "soon"], "the promised date: 'soon'"),
        (
            vec!["notice", "X", "acceptance", "--format", "pdf"],
            "--format 'pdf'",
        ),
        (vec!["--lock-timeout", "soon", "list"], "--lock-timeout"),
    ] {
        let out = plaint(cwd.path(), home.path())
            .args(&args)
            .output()
            .expect("plaint runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "plaint {args:?}: {err}");
        assert!(err.contains(needle), "plaint {args:?}: {err}");
    }
    let out = plaint(cwd.path(), home.path())
        .env("PLAINT_NOW", "yesterday-ish")
        .arg("list")
        .output()
        .expect("plaint runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PLAINT_NOW"));
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

// issue 15

#[test]
fn a_json_after_the_separator_is_text_not_a_flag() {
    let ws = Ws::tourism();
    let err = ws.fails(1, &["note", "NOSUCH", "--", "--json"]);
    assert!(err.starts_with("error: "), "{err}");
    let err = ws.fails(2, &["note", "--", "--json"]);
    assert!(!err.starts_with('{'), "{err}");
    let err = ws.fails(1, &["note", "NOSUCH", "text", "--json"]);
    assert!(err.starts_with("{\"error\""), "{err}");
    let id = ws.register(&[]);
    ws.ok(&["note", &id, "--", "--json"]);
    assert!(ws.case_text(&id).contains("--json"));
}

// issue 15

#[test]
fn a_value_that_is_no_date_has_its_own_error_code() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    for args in [
        vec!["calendar", "is-workday", "2026-02-30", "--json"],
        vec![
            "advance",
            id.as_str(),
            "accepted",
            "--at",
            "yesterday",
            "--json",
        ],
        vec!["promise", id.as_str(), "soon", "--json"],
    ] {
        let err = ws.fails(1, &args);
        let doc: serde_json::Value = serde_json::from_str(err.lines().last().unwrap())
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {err}"));
        assert_eq!(doc["error"]["code"], "bad_date", "{args:?}: {err}");
    }
    let err = ws.fails(2, &["list", "--today", "yesterday", "--json"]);
    assert!(err.contains("\"usage\""), "{err}");
}
