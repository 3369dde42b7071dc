//! The contact index answers what reading every case file would answer,
//! even after files changed behind its back.

use super::*;
use crate::policy::settings::Settings;
use crate::storage::casefile::{parse_yaml_case, render_case};

/// A case of `id` from complainant `phone`, received at `received`.
fn case(id: &str, phone: &str, received: &str) -> Case {
    parse_yaml_case(&format!(
        "schema: 1\nid: {id}\nreceived: {received}\ncomplainants:\n- phone: '{phone}'\n\
         status: received\nhistory:\n- at: {received}\n  by: a\n  action: registered\n"
    ))
    .unwrap()
}

fn write(ws: &Workspace, case: &Case) {
    let lock = ws.lock().unwrap();
    ws.write_case(&lock, case).unwrap();
}

fn ids(earlier: Earlier) -> Vec<String> {
    assert_eq!(
        earlier.count,
        earlier.recent.len(),
        "few enough to name all"
    );
    earlier
        .recent
        .into_iter()
        .map(|id| id.to_string())
        .collect()
}

#[test]
fn earlier_cases_of_a_complainant_are_found_by_phone_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::init(dir.path(), &Settings::new("tourism", "cn")).unwrap();
    let first = case("20261102-AAAAA", "13800138000", "2026-11-02T09:30:00+08:00");
    let other = case("20261103-BBBBB", "13900000000", "2026-11-03T09:30:00+08:00");
    write(&ws, &first);
    write(&ws, &other);
    let later = case("20261110-CCCCC", "13800138000", "2026-11-10T09:30:00+08:00");
    assert_eq!(ids(earlier_cases(&ws, &later).unwrap()), ["20261102-AAAAA"]);
    assert!(
        earlier_cases(&ws, &first).unwrap().count == 0,
        "a case is not earlier than itself"
    );
    // A file written behind the index's back (a git pull) is found too.
    let pulled = case("20261105-DDDDD", "13800138000", "2026-11-05T09:30:00+08:00");
    let path = ws.case_path(&pulled.id);
    std::fs::write(&path, render_case(&pulled).unwrap()).unwrap();
    assert_eq!(
        ids(earlier_cases(&ws, &later).unwrap()),
        ["20261102-AAAAA", "20261105-DDDDD"]
    );
    // And a complainant whose phone changed on disk is no longer matched.
    let moved = case("20261102-AAAAA", "13700000000", "2026-11-02T09:30:00+08:00");
    std::fs::write(ws.case_path(&moved.id), render_case(&moved).unwrap()).unwrap();
    assert_eq!(ids(earlier_cases(&ws, &later).unwrap()), ["20261105-DDDDD"]);
}
