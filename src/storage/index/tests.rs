use super::*;

fn keys() -> Keys {
    Keys {
        status: "accepted".into(),
        received: DateTime::parse_from_rfc3339("2026-01-01T09:30:00.5+08:00").unwrap(),
    }
}

fn record<'a>(id: &'a str, stat: Stat, checked_ns: i64, payload: &'a [u8]) -> Record<'a> {
    Record {
        id,
        stat,
        checked_ns,
        keys: keys(),
        payload,
    }
}

#[test]
fn records_round_trip_and_stop_at_a_torn_tail() {
    let stat = Stat {
        size: 10,
        mtime_ns: 1_700_000_000_123_456_789,
        ctime_ns: 1_700_000_000_223_456_789,
        ino: 42,
    };
    let mut bytes = header();
    push_record(&mut bytes, &record("TS-20260101-AAAA", stat, 5, b"one"));
    push_record(&mut bytes, &record("TS-20260102-BBBB", stat, 6, b"two"));
    let whole = records(&bytes);
    assert_eq!(whole.len(), 2);
    assert_eq!(whole[1].id, "TS-20260102-BBBB");
    assert_eq!(whole[1].stat, stat);
    assert_eq!(whole[1].checked_ns, 6);
    assert_eq!(whole[1].payload, b"two");
    assert_eq!(whole[1].keys, keys());
    let torn = &bytes[..bytes.len() - 1];
    assert_eq!(records(torn).len(), 1);
}

#[test]
fn a_damaged_record_and_all_after_it_are_ignored() {
    let mut bytes = header();
    push_record(
        &mut bytes,
        &record("TS-20260101-AAAA", Stat::default(), 5, b"one"),
    );
    let second = bytes.len();
    push_record(
        &mut bytes,
        &record("TS-20260102-BBBB", Stat::default(), 6, b"two"),
    );
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    assert_eq!(records(&bytes).len(), 1);
    assert_eq!(records(&bytes[..second]).len(), 1);
}

#[test]
fn a_record_taken_just_after_a_change_is_racy() {
    let stat = Stat {
        ctime_ns: 10 * RACY_NS,
        mtime_ns: 10 * RACY_NS,
        ..Stat::default()
    };
    assert!(record("x", stat, 10 * RACY_NS + 1, b"").racy());
    assert!(!record("x", stat, 11 * RACY_NS, b"").racy());
}

/// A copy of the sample workspace, its files dated more than [`RACY_NS`]
/// ago so that records of them are trusted.
fn sample() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tourism");
    copy(&source, dir.path());
    let ws = Workspace::open(dir.path()).unwrap();
    (dir, ws)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Rewrites the index with each record passed through `change`.
fn rewrite_records(ws: &Workspace, change: impl Fn(Record) -> Record) {
    let path = ws.root.join(LOCAL_DIR).join(INDEX_FILE);
    let bytes = std::fs::read(&path).unwrap();
    let mut out = header();
    for r in records(&bytes) {
        push_record(&mut out, &change(r));
    }
    std::fs::write(&path, out).unwrap();
}

/// Records taken now of files changed now are racy; taken as if later,
/// they are not. Rewrites the index with records dated `RACY_NS` ahead.
fn age_index(ws: &Workspace) {
    rewrite_records(ws, |r| Record {
        checked_ns: r.checked_ns + 2 * RACY_NS,
        ..r
    });
}

fn all_cases(snapshot: &Snapshot) -> Vec<Case> {
    (0..snapshot.len())
        .map(|i| snapshot.case(i).unwrap())
        .collect()
}

#[test]
fn a_second_scan_reads_no_file_and_gives_the_same_cases() {
    let (_dir, ws) = sample();
    let first = scan(&ws).unwrap();
    assert!(first.files_read > 0);
    assert!(ws.root.join(".plaint/index").is_file());
    assert_eq!(
        std::fs::read_to_string(ws.root.join(".plaint/.gitignore")).unwrap(),
        "# plaint's local lock and caches\n*\n"
    );
    age_index(&ws);
    let second = scan(&ws).unwrap();
    assert_eq!(second.files_read, 0);
    assert_eq!(all_cases(&first), all_cases(&second));
    assert_eq!(all_cases(&second), ws.load_all().unwrap().cases);
    for (i, case) in all_cases(&second).iter().enumerate() {
        assert_eq!(second.status(i), case.status);
        assert_eq!(second.received(i), case.received);
    }
}

#[test]
fn a_racy_record_is_read_again() {
    let (_dir, ws) = sample();
    let first = scan(&ws).unwrap();
    let second = scan(&ws).unwrap();
    assert_eq!(second.files_read, first.files_read);
}

/// The test below, run by the one after it with the computer's clock far
/// from the file system's.
const CHANGE_AFTER_THE_RECORD: &str =
    "storage::index::tests::a_change_right_after_the_record_that_kept_the_stat_is_read_again";

/// On a file system with coarse times, a change made right after a file
/// was indexed can leave the stat its record holds; the record was taken
/// moments before, so it is racy and the file is read again. The records
/// of the other files, as if taken later, are trusted.
#[test]
fn a_change_right_after_the_record_that_kept_the_stat_is_read_again() {
    let (_dir, ws) = sample();
    scan(&ws).unwrap();
    let id = ws.case_ids().unwrap()[0].clone();
    let path = ws.case_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("\ntitle: ", "\ntitle: 已改 ", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    // What a coarse clock does: the change keeps the times of the record.
    let stat = Stat::of(&path).unwrap();
    rewrite_records(&ws, |r| {
        if r.id == id.as_str() {
            Record { stat, ..r }
        } else {
            Record {
                checked_ns: r.checked_ns + 2 * RACY_NS,
                ..r
            }
        }
    });
    let snapshot = scan(&ws).unwrap();
    assert_eq!(snapshot.files_read, 1);
    let i = (0..snapshot.len())
        .find(|&i| snapshot.id(i) == &id)
        .unwrap();
    let title = snapshot.case(i).unwrap().title.unwrap();
    assert!(
        title.starts_with("已改"),
        "the stale record was trusted: {title}"
    );
    assert_eq!(snapshot.case(i).unwrap(), read_case_file(&path).unwrap());
}

/// The moment a record is taken comes from the file system's clock, the
/// one that dates the files: with the computer's clock a year ahead (a
/// stale record would look old and be trusted) or a day behind (every
/// record would look new and be read again each time), the test above
/// still passes. `faketime` shifts the computer's clock only, for the
/// test binary run again in a child process.
#[test]
fn records_are_judged_by_the_file_systems_clock_not_the_computers() {
    let Some(faketime) = which("faketime") else {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!ci, "CI=true but faketime is missing; .ci/run installs it");
        eprintln!("skipped: this test needs faketime (apt-get install faketime)");
        return;
    };
    let test_binary = std::env::current_exe().unwrap();
    for shift in ["+365d", "-1d"] {
        let out = std::process::Command::new(&faketime)
            .args(["-f", shift])
            .arg(&test_binary)
            .args([CHANGE_AFTER_THE_RECORD, "--exact", "--test-threads=1"])
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "with the computer's clock at {shift}:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

#[test]
fn a_write_is_journaled_and_trusted_once_old_enough() {
    let (_dir, ws) = sample();
    scan(&ws).unwrap();
    age_index(&ws);
    let id = ws.case_ids().unwrap()[0].clone();
    let (changed, ()) = ws
        .update(&id, |case| {
            case.title = Some("changed".into());
            Ok(())
        })
        .unwrap();
    assert!(ws.root.join(".plaint/index.journal").is_file());
    let snapshot = scan(&ws).unwrap();
    // The journal record was taken in the same moment as the write: racy.
    assert_eq!(snapshot.files_read, 1);
    let i = (0..snapshot.len())
        .find(|&i| snapshot.id(i) == &id)
        .unwrap();
    assert_eq!(snapshot.case(i).unwrap(), changed);
}

#[test]
fn a_damaged_index_is_read_around_and_rewritten() {
    let (_dir, ws) = sample();
    let truth = ws.load_all().unwrap().cases;
    scan(&ws).unwrap();
    let path = ws.root.join(".plaint/index");
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(all_cases(&scan(&ws).unwrap()), truth);
    std::fs::write(&path, &bytes[..middle]).unwrap();
    assert_eq!(all_cases(&scan(&ws).unwrap()), truth);
    let mut future = bytes.clone();
    future[8] = 99; // the format number
    std::fs::write(&path, &future).unwrap();
    assert_eq!(all_cases(&scan(&ws).unwrap()), truth);
    assert!(std::fs::read(&path).unwrap().starts_with(&header()));
}

/// Empty places of `value` (JSON pointers): nulls, empty lists, `false`.
fn empty_places(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(false) => out.push(at),
        Value::Array(items) if items.is_empty() => out.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                empty_places(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                empty_places(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// A case with every field of the model filled, found by trying values
/// until the case still reads: so a field added later is filled too.
fn full_case() -> Case {
    use serde_json::{Value, json};
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/tourism/cases/2026/20260811-KN04K.yaml"),
    )
    .unwrap();
    let mut case = crate::storage::casefile::parse_yaml_case(&text).unwrap();
    let candidates = [
        json!("x"),
        json!("2026-01-02"),
        json!("2026-01-02T10:00:00.25+08:00"),
        json!(7),
        json!(true),
        json!("satisfied"),
        json!({}),
        json!(["x"]),
        json!([0]),
        json!(["20260101-AAAAA"]),
        json!([{}]),
    ];
    for _ in 0..4 {
        let mut root = crate::model::skip::every_field(|| serde_json::to_value(&case)).unwrap();
        let mut places = Vec::new();
        empty_places(&root, String::new(), &mut places);
        for place in places {
            for candidate in &candidates {
                let before = root.pointer(&place).cloned().unwrap_or(Value::Null);
                *root.pointer_mut(&place).unwrap() = candidate.clone();
                if serde_json::from_value::<Case>(root.clone()).is_ok() {
                    break;
                }
                *root.pointer_mut(&place).unwrap() = before;
            }
        }
        case = serde_json::from_value(root).unwrap();
    }
    case
}

#[test]
fn a_case_with_every_field_filled_comes_back_from_the_index_unchanged() {
    let full = full_case();
    let json = crate::model::skip::every_field(|| serde_json::to_value(&full)).unwrap();
    let mut empty = Vec::new();
    empty_places(&json, String::new(), &mut empty);
    // An event has the details of its own action only.
    empty.retain(|place| {
        let Some(rest) = place.strip_prefix("/history/") else {
            return true;
        };
        let (i, field) = rest.split_once('/').unwrap();
        let action = full.history[i.parse::<usize>().unwrap()].action();
        crate::model::event::details(action).contains(&field)
    });
    assert!(empty.is_empty(), "fields left empty: {empty:?}");
    let bytes = encode(&full).unwrap();
    assert_eq!(decode(&bytes), Some(full.clone()));
    // The YAML of a case still leaves empty fields out.
    let bare = crate::storage::casefile::parse_yaml_case(
        "schema: 1\nid: 20260101-AAAAA\nreceived: 2026-01-01T09:00:00+08:00\nstatus: received\nhistory: []\n",
    )
    .unwrap();
    assert_eq!(decode(&encode(&bare).unwrap()), Some(bare.clone()));
    let yaml = crate::storage::casefile::render_case(&bare).unwrap();
    assert!(!yaml.contains("title"), "{yaml}");
}

#[test]
fn an_unreadable_case_file_does_not_make_every_reader_rewrite_the_index() {
    let (_dir, ws) = sample();
    scan(&ws).unwrap();
    age_index(&ws);
    std::fs::write(ws.root.join("cases/2026/20260101-AAAAA.yaml"), "schema: [").unwrap();
    let inode = |ws: &Workspace| Stat::of(&ws.root.join(".plaint/index")).unwrap().ino;
    let before = inode(&ws);
    for _ in 0..2 {
        let snapshot = scan(&ws).unwrap();
        assert_eq!((snapshot.broken.len(), snapshot.files_read), (1, 1));
    }
    assert_eq!(inode(&ws), before, "the index was rewritten");
}

/// An index of `n` records (IDs in order), one of them, `big`, larger than
/// the piece the index is read by, opened for reading.
fn long_index(n: usize, big: usize) -> (tempfile::TempDir, Stream, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(INDEX_FILE);
    let ids: Vec<String> = (0..n).map(|i| format!("2026{i:04}-AAAAA")).collect();
    let mut bytes = header();
    let large = vec![7u8; PIECE + 1000];
    for (i, id) in ids.iter().enumerate() {
        let payload: &[u8] = if i == big { &large } else { b"a case, encoded" };
        push_record(&mut bytes, &record(id, Stat::default(), i as i64, payload));
    }
    std::fs::write(&path, &bytes).unwrap();
    let stream = open_store(&path).unwrap();
    (dir, stream, ids)
}

#[test]
fn the_index_is_read_piece_by_piece_and_every_record_found_whole() {
    let (_dir, mut stream, ids) = long_index(100_000, 50_000);
    let mut dirty = false;
    for (i, id) in ids.iter().enumerate() {
        let found = stream.take(id, &mut dirty).unwrap();
        assert_eq!(found.checked_ns, i as i64);
        let Source::Index { start, len } = found.source else {
            panic!("not in the index")
        };
        let mut bytes = vec![0; len as usize];
        read_at(&stream.file, &mut bytes, start).unwrap();
        if i == 50_000 {
            assert_eq!(bytes, vec![7u8; PIECE + 1000]);
        } else {
            assert_eq!(bytes, b"a case, encoded");
        }
    }
    assert!(!dirty);
    assert!(!stream.has_rest());
}

#[test]
fn records_of_files_gone_are_passed_and_make_the_index_stale() {
    let (_dir, mut stream, ids) = long_index(3000, 1500);
    let mut dirty = false;
    for id in ids.iter().step_by(2) {
        assert!(stream.take(id, &mut dirty).is_some());
        assert!(stream.take(&format!("{id}0"), &mut dirty).is_none());
    }
    assert!(dirty);
    assert!(stream.has_rest(), "the last record was never asked for");
}
