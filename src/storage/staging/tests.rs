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

#[test]
fn a_sealed_batch_is_moved_into_place() {
    let (_dir, ws) = office();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&batch()).unwrap();
    assert_eq!(staging.len(), 2);
    assert_eq!(
        visible(&ws),
        [false, false],
        "nothing shows before the seal"
    );
    let moved = staging.seal().unwrap().apply(&|_, _| {}).unwrap();
    assert_eq!(moved, 2);
    assert_eq!(visible(&ws), [true, true]);
    assert!(!pending(&ws.root), "the staging folder is gone");
}

#[test]
fn a_crash_before_the_seal_leaves_nothing() {
    let (_dir, ws) = office();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&batch()).unwrap();
    std::mem::forget(staging);
    assert!(pending(&ws.root));
    assert_eq!(recover(&ws, &lock).unwrap(), 0);
    assert_eq!(visible(&ws), [false, false]);
    assert!(!pending(&ws.root));
}

#[test]
fn a_crash_after_the_seal_is_rolled_forward() {
    let (_dir, ws) = office();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&batch()).unwrap();
    let sealed = staging.seal().unwrap();
    std::mem::forget(sealed);
    assert_eq!(visible(&ws), [false, false]);
    assert_eq!(recover(&ws, &lock).unwrap(), 2);
    assert_eq!(visible(&ws), [true, true]);
    assert!(!pending(&ws.root));
}

#[test]
fn an_abandoned_batch_and_an_invalid_case_leave_nothing() {
    let (_dir, ws) = office();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&batch()).unwrap();
    staging.abandon().unwrap();
    assert!(!pending(&ws.root));
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    let mut bad = case("20261102-CCCCC");
    bad.history.clear();
    assert!(staging.stage(&[bad]).is_err(), "a case without history");
    assert!(staging.is_empty());
    staging.abandon().unwrap();
    assert_eq!(visible(&ws), [false, false]);
}
