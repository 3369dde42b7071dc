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

#[test]
fn issue_15_explain_into_a_closed_pipe_exits_quietly() {
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
