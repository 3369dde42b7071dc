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

/// Records taken now of files changed now are racy; taken as if later,
/// they are not. Rewrites the index with records dated `RACY_NS` ahead.
fn age_index(ws: &Workspace) {
    let path = ws.root.join(LOCAL_DIR).join(INDEX_FILE);
    let bytes = std::fs::read(&path).unwrap();
    let mut out = header();
    for r in records(&bytes) {
        let checked_ns = r.checked_ns + 2 * RACY_NS;
        push_record(&mut out, &Record { checked_ns, ..r });
    }
    std::fs::write(&path, out).unwrap();
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
