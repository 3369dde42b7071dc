//! The case index is never trusted over the files: after every kind of
//! change behind plaint's back, each command shows exactly what the files
//! say, which is what it shows with no index at all.
//!
//! A record taken within two seconds of its file's last change is re-read
//! anyway (the racy case), so these tests wait that long before the run
//! that builds the index: the change that follows is then caught by the
//! file's stat alone.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::Ws;
use crate::team::Team;

/// The commands whose output must follow the files.
const VIEWS: &[&[&str]] = &[
    &["list", "--all", "--json", "--sort", "id"],
    &["list", "--json"],
    &["list", "--format", "ids", "--all"],
    &["list", "--overdue", "--json"],
    &["summary", "--json"],
    &["report", "--period", "2026", "--format", "json"],
    &["export", "--format", "jsonl"],
    &["export", "--format", "csv"],
];

/// Longer than the racy window, so the next record is trusted.
fn outlast_racy_window() {
    std::thread::sleep(Duration::from_millis(2100));
}

fn views(run: &dyn Fn(&[&str]) -> String) -> Vec<String> {
    VIEWS.iter().map(|args| run(args)).collect()
}

/// Asserts that every view through the index (as it is now) equals the
/// view with no index, which reads every file.
fn assert_views_follow_files(root: &Path, run: &dyn Fn(&[&str]) -> String) {
    let through_index = views(run);
    remove_index(root);
    let from_files = views(run);
    for (args, (got, want)) in VIEWS.iter().zip(through_index.iter().zip(&from_files)) {
        assert_eq!(got, want, "plaint {args:?} differs from the files");
    }
}

fn remove_index(root: &Path) {
    for name in ["index", "index.journal"] {
        let _ = std::fs::remove_file(root.join(".plaint").join(name));
    }
}

fn index_path(ws: &Ws) -> std::path::PathBuf {
    ws.root().join(".plaint/index")
}

/// Builds the index after the racy window, and checks it was written.
/// The journal of the writes so far is removed first, so that this run
/// writes the index from the files whatever the journal holds.
fn build_index(ws: &Ws) {
    outlast_racy_window();
    remove_index(ws.root());
    ws.ok(&["list", "--all", "--format", "ids"]);
    assert!(index_path(ws).is_file(), "no index was written");
}

fn titles(ws: &Ws) -> Vec<String> {
    let list = ws.json(&["list", "--all", "--sort", "id"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap_or("").to_string())
        .collect()
}

fn set_mtime(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

// issue 14

#[test]
fn an_in_place_edit_keeping_size_and_mtime_is_seen() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let path = ws.case_path(&id);
    // `touch -d '2026-01-01 10:00:00'`: a whole second, as a person sets it.
    let second = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_232_800);
    set_mtime(&path, second);
    build_index(&ws);
    let before = std::fs::metadata(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace("导游强迫购物", "导游强迫消费");
    assert_eq!(edited.len(), text.len());
    let mut file = std::fs::File::options()
        .write(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut file, edited.as_bytes()).unwrap();
    drop(file);
    set_mtime(&path, second);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (before.len(), before.modified().unwrap()),
        (after.len(), after.modified().unwrap())
    );
    assert_eq!(titles(&ws), ["导游强迫消费"]);
    assert_views_follow_files(ws.root(), &|args| ws.ok(args));
}

// issue 14

#[test]
fn a_git_checkout_of_an_older_version_is_seen() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let git = |args: &[&str]| {
        let mut all = vec!["-c", "user.name=t", "-c", "user.email=t@plaint.invalid"];
        all.extend_from_slice(args);
        ws.git(&all);
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "register"]);
    ws.ok(&["note", &id, "回访已联系"]);
    build_index(&ws);
    let noted = ws.json(&["show", &id]);
    assert!(noted.to_string().contains("回访已联系"));
    git(&["checkout", "--", "cases"]);
    let shown = ws.json(&["show", &id]);
    assert!(!shown.to_string().contains("回访已联系"));
    let listed = ws.json(&["list", "--all", "--full"]);
    assert!(!listed.to_string().contains("回访已联系"));
    assert_views_follow_files(ws.root(), &|args| ws.ok(args));
}

// issue 14

#[test]
fn a_deleted_case_file_drops_out() {
    let ws = Ws::tourism();
    let kept = ws.register(&[]);
    let gone = ws.register(&["--title", "行程变更"]);
    build_index(&ws);
    std::fs::remove_file(ws.case_path(&gone)).unwrap();
    let ids = ws.ok(&["list", "--all", "--format", "ids"]);
    assert_eq!(ids.trim(), kept);
    assert_views_follow_files(ws.root(), &|args| ws.ok(args));
}

// issue 14

#[test]
fn a_case_added_by_git_pull_is_listed() {
    let team = Team::new();
    let (a, first) = team.with_shared_case("第一件");
    let b = team.clone_as("b", "李明");
    outlast_racy_window();
    assert_eq!(b.ids(), std::slice::from_ref(&first));
    assert!(b.root.join(".plaint/index").is_file());
    let second = a.register("第二件");
    a.commit("Register another case");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    b.git(&["pull", "-q", "origin", "main"]);
    let mut want = vec![first, second];
    want.sort();
    assert_eq!(b.ids(), want);
    assert_views_follow_files(&b.root, &|args| b.plaint_ok(args));
}

// issue 14

#[test]
fn a_truncated_damaged_or_future_index_is_rebuilt_silently() {
    let ws = Ws::tourism();
    ws.register(&[]);
    ws.register(&["--title", "行程变更"]);
    build_index(&ws);
    let good = std::fs::read(index_path(&ws)).unwrap();
    let want = views(&|args| ws.ok(args));
    let mut damaged = good.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x5a;
    let mut future = good.clone();
    future[8] = 99; // the format number, after the magic bytes
    let cases: [(&str, Vec<u8>); 4] = [
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("damaged", damaged),
        ("future format", future),
    ];
    for (what, bytes) in cases {
        std::fs::write(index_path(&ws), &bytes).unwrap();
        let out = ws.run(&["list", "--all", "--json", "--sort", "id"]);
        assert!(out.status.success(), "{what}");
        assert!(
            out.stderr.is_empty(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(views(&|args| ws.ok(args)), want, "{what}");
        assert!(
            std::fs::read(index_path(&ws))
                .unwrap()
                .starts_with(&good[..12]),
            "{what}: the index was not rebuilt"
        );
    }
}

// issue 14

#[test]
fn two_processes_updating_the_index_at_once_agree_with_the_files() {
    let ws = Ws::tourism();
    let ids: Vec<String> = (0..4).map(|_| ws.register(&[])).collect();
    build_index(&ws);
    for round in 0..3 {
        remove_index(ws.root());
        let mut children: Vec<_> = (0..4)
            .map(|_| {
                ws.std_cmd()
                    .args(["list", "--all", "--json"])
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        children.extend(ids.iter().map(|id| {
            ws.std_cmd()
                .args(["note", id, &format!("第{round}轮")])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        }));
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let listed = ws.json(&["list", "--all", "--full"]).to_string();
        assert_eq!(listed.matches(&format!("第{round}轮")).count(), ids.len());
        assert_views_follow_files(ws.root(), &|args| ws.ok(args));
    }
}
