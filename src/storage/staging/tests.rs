//! A batch appears whole or not at all, whichever step a crash stops at.

use super::*;
use crate::policy::settings::Settings;
use crate::storage::casefile::parse_yaml_case;

fn case(id: &str) -> Case {
    parse_yaml_case(&format!(
        "schema: 1\nid: {id}\nreceived: 2026-11-02T09:30:00+08:00\nstatus: received\nhistory:\n\
         - at: 2026-11-02T09:30:00+08:00\n  by: a\n  action: registered\n"
    ))
    .unwrap()
}

fn batch() -> Vec<Case> {
    vec![case("20261102-AAAAA"), case("20261102-BBBBB")]
}

fn office() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::init(dir.path(), &Settings::new("tourism", "cn")).unwrap();
    (dir, ws)
}

fn visible(ws: &Workspace) -> Vec<bool> {
    batch()
        .iter()
        .map(|c| ws.case_path(&c.id).is_file())
        .collect()
}

/// Runs `test` in a fresh office, under its lock, with the batch staged.
fn staged(test: impl FnOnce(&Workspace, &WorkspaceLock, Staging)) {
    let (_dir, ws) = office();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&batch()).unwrap();
    test(&ws, &lock, staging);
}

/// Asserts that recovery moves `moved` cases into place, leaves the batch
/// `shown` so, and clears the staging folder.
fn recovers(ws: &Workspace, lock: &WorkspaceLock, moved: usize, shown: [bool; 2]) {
    assert_eq!(recover(ws, lock).unwrap(), moved);
    assert_eq!(visible(ws), shown);
    assert!(!pending(&ws.root));
}

#[test]
fn a_sealed_batch_is_moved_into_place() {
    staged(|ws, _, staging| {
        assert_eq!(staging.len(), 2);
        assert_eq!(visible(ws), [false, false], "nothing shows before the seal");
        let moved = staging.seal().unwrap().apply(&|_, _| {}).unwrap();
        assert_eq!(moved, 2);
        assert_eq!(visible(ws), [true, true]);
        assert!(!pending(&ws.root), "the staging folder is gone");
    });
}

#[test]
fn a_crash_before_the_seal_leaves_nothing() {
    staged(|ws, lock, staging| {
        std::mem::forget(staging);
        assert!(pending(&ws.root));
        recovers(ws, lock, 0, [false, false]);
    });
}

#[test]
fn a_crash_after_the_seal_is_rolled_forward() {
    staged(|ws, lock, staging| {
        let sealed = staging.seal().unwrap();
        std::mem::forget(sealed);
        assert_eq!(visible(ws), [false, false]);
        recovers(ws, lock, 2, [true, true]);
    });
}

#[test]
fn an_abandoned_batch_and_an_invalid_case_leave_nothing() {
    staged(|ws, lock, staging| {
        staging.abandon().unwrap();
        assert!(!pending(&ws.root));
        let mut staging = Staging::begin(ws, lock).unwrap();
        let mut bad = case("20261102-CCCCC");
        bad.history.clear();
        assert!(staging.stage(&[bad]).is_err(), "a case without history");
        assert!(staging.is_empty());
        staging.abandon().unwrap();
        assert_eq!(visible(ws), [false, false]);
    });
}
