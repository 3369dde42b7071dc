//! Seeded fuzzing of everything plaint reads from disk: mutated case files,
//! mutated import batches and mutated three-way merges.
//!
//! Each run is deterministic (a fixed seed) and asserts that plaint never
//! panics, that reading never changes a file, that whatever an import
//! writes can be read back, and that `merge-file` never drops a history
//! event either side added and never produces a file that is not a whole
//! case. `PLAINT_FUZZ_CASES=N` scales every target (default 1,000: 2,000
//! case files, 1,500 merges, 250 imports and 20 end-to-end rounds;
//! `PLAINT_FUZZ_CASES=200000 cargo test --release fuzz` for a long run) and
//! `PLAINT_FUZZ_SEED` explores another seed. Inputs that ever failed live in
//! `tests/regressions/` and are replayed first.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::DateTime;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use plaint::git::merge::{FileMerge, merge_files};
use plaint::model::{Case, Event};
use plaint::storage::Workspace;
use plaint::storage::casefile::{parse_case, parse_yaml_case};
use plaint::transfer::Format;
use plaint::transfer::import::{Options, import};
use plaint::transfer::records::ReadOptions;

use crate::support::Ws;

const NOW: &str = "2026-11-29T10:00:00+08:00";

/// The scale of a run: a few thousand inputs in all by default.
fn cases() -> u32 {
    std::env::var("PLAINT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000)
}

/// A seeded runner for `cases` inputs.
fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let rng = match std::env::var("PLAINT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(seed) => TestRng::from_seed(RngAlgorithm::ChaCha, &[seed.to_le_bytes(); 4].concat()),
        None => TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    };
    TestRunner::new_with_rng(config, rng)
}

/// Bytes that make YAML, JSON and CSV readers take unusual paths.
const TOKENS: &[&str] = &[
    "- ",
    "-",
    ": ",
    ":",
    "\n",
    "\n- ",
    "\n  ",
    "  ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    "\"",
    "|",
    "|-",
    ">",
    "&a ",
    "*a",
    "!!str ",
    "#",
    "\t",
    "\r",
    "\r\n",
    "\u{1b}[2J",
    "\u{85}",
    "\u{feff}",
    "~",
    "null",
    "schema: 2\n",
    "<<<<<<< ours\n",
    "=======\n",
    ">>>>>>> theirs\n",
    "9999-99-99",
    "2026-02-30T10:00:00+08:00",
    "-1",
    "99999999999999999999",
    "\u{0}",
    "\\",
    "\\u",
    "=HYPERLINK(",
    "history:\n",
    "history: []\n",
    "status: closed\n",
    "id: 20260101-AAAAA\n",
    "\"\"\"",
];

/// One change to a text.
#[derive(Clone, Debug)]
enum Mutation {
    Insert(Index, usize),
    Delete(Index, usize),
    Flip(Index, u8),
    DuplicateLine(Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 0..TOKENS.len()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        2 => (any::<Index>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(text: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Insert(i, t) => {
                let at = i.index(len).min(bytes.len());
                bytes.splice(at..at, TOKENS[*t].bytes());
            }
            Mutation::Delete(i, n) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    let at = i.index(bytes.len());
                    bytes[at] = *b;
                }
            }
            Mutation::DuplicateLine(i) => {
                let at = i.index(len).min(bytes.len());
                let start = bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| at + p + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(start..start, line);
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(len)),
        }
    }
    bytes
}

/// Every regression file of one kind (`*.yaml` case files, or `merge-*`
/// folders of base/ours/theirs).
fn regressions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

fn seed_cases() -> Vec<(PathBuf, Vec<u8>)> {
    let ws = Ws::example("tourism");
    let mut files: Vec<(PathBuf, Vec<u8>)> = walk(&ws.root().join("cases"))
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p.strip_prefix(ws.root()).unwrap().to_path_buf(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Reads `bytes` as the case file at `path`; the answer may be an error,
/// never a panic.
fn read_case_bytes(bytes: &[u8], path: &Path) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    catch_unwind(|| {
        let _ = parse_case(&text, path);
    })
    .map_err(|_| TestCaseError::fail(format!("panic reading:\n{text}")))
}

#[test]
fn fuzz_regression_files_never_panic() {
    for path in regressions() {
        if path.extension().is_some_and(|e| e == "yaml") {
            let bytes = std::fs::read(&path).unwrap();
            read_case_bytes(&bytes, &path).unwrap();
        }
    }
}

#[test]
fn fuzz_mutated_case_files_never_panic_and_reads_change_nothing() {
    let seeds = seed_cases();
    let ws = Ws::example("tourism");
    let workspace = Workspace::open(ws.root()).unwrap();
    let strategy = (0..seeds.len(), proptest::collection::vec(mutation(), 1..8));
    let count = std::cell::Cell::new(0u32);
    runner(cases() * 2)
        .run(&strategy, |(seed, mutations)| {
            count.set(count.get() + 1);
            let (rel, text) = &seeds[seed];
            let bytes = mutate(text, &mutations);
            read_case_bytes(&bytes, &ws.root().join(rel))?;
            // Every 25th input goes through the whole workspace readers.
            if count.get().is_multiple_of(25) {
                let path = ws.root().join(rel);
                std::fs::write(&path, &bytes).unwrap();
                let before = ws.snapshot();
                let read = catch_unwind(AssertUnwindSafe(|| {
                    let _ = workspace.load_all();
                    let _ = plaint::check::check_workspace(ws.root());
                }));
                let unchanged = before == ws.snapshot();
                std::fs::write(&path, text).unwrap();
                prop_assert!(read.is_ok(), "panic in the workspace readers");
                prop_assert!(unchanged, "reading changed a file");
            }
            Ok(())
        })
        .unwrap();
    eprintln!("fuzz: {} mutated case files", count.get());
}

/// The example workspace exported in every import format.
fn seed_batches() -> Vec<(Format, Vec<u8>)> {
    let ws = Ws::example("tourism");
    [Format::Csv, Format::Json, Format::Jsonl, Format::Yaml]
        .into_iter()
        .map(|format| {
            let out = ws
                .cmd()
                .env("PLAINT_NOW", NOW)
                .args(["export", "--format", format.as_str()])
                .output()
                .unwrap();
            assert!(out.status.success());
            (format, out.stdout)
        })
        .collect()
}

#[test]
fn fuzz_mutated_imports_never_panic_and_what_is_written_reads_back() {
    let seeds = seed_batches();
    let ws = Ws::example("tourism");
    let original = ws.snapshot();
    let workspace = Workspace::open(ws.root()).unwrap();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let strategy = (
        0..seeds.len(),
        proptest::collection::vec(mutation(), 0..6),
        any::<bool>(),
    );
    let count = std::cell::Cell::new(0u32);
    runner(cases() / 4)
        .run(&strategy, |(seed, mutations, write)| {
            count.set(count.get() + 1);
            let (format, text) = &seeds[seed];
            let bytes = mutate(text, &mutations);
            // Most runs are dry runs (a read command); some write.
            let dry_run = !(write && count.get().is_multiple_of(5));
            let options = Options {
                read: ReadOptions {
                    format: *format,
                    map: None,
                    ignore_unknown: false,
                },
                update: count.get().is_multiple_of(3),
                dry_run,
                force: count.get().is_multiple_of(7),
                by: "fuzz",
                assignee: count.get().is_multiple_of(2).then_some("李明"),
                now,
            };
            let before = dry_run.then(|| ws.snapshot());
            let result = catch_unwind(AssertUnwindSafe(|| {
                import(&workspace, Cursor::new(&bytes), &options, &|_, _| {}).map(|_| ())
            }));
            prop_assert!(
                result.is_ok(),
                "panic importing {}:\n{}",
                format.as_str(),
                String::from_utf8_lossy(&bytes)
            );
            if let Some(before) = before {
                prop_assert!(before == ws.snapshot(), "a dry run changed a file");
            } else {
                let loaded = workspace.load_all().unwrap();
                prop_assert!(
                    loaded.broken.is_empty(),
                    "an import wrote an unreadable case: {:?}",
                    loaded.broken
                );
                // Back to the example, so every run starts from the same cases.
                std::fs::remove_dir_all(ws.root().join("cases")).unwrap();
                for (path, bytes) in &original {
                    std::fs::create_dir_all(ws.root().join(path).parent().unwrap()).unwrap();
                    std::fs::write(ws.root().join(path), bytes).unwrap();
                }
            }
            Ok(())
        })
        .unwrap();
    eprintln!("fuzz: {} mutated import batches", count.get());
}

/// A history event as a YAML list item.
fn event_yaml(minute: u32, by: &str, note: &str) -> String {
    format!(
        "- at: 2026-11-28T{:02}:{:02}:00+08:00\n  by: {by}\n  action: note\n  note: '{}'\n",
        9 + minute / 60,
        minute % 60,
        note.replace('\'', "''")
    )
}

/// Notes a side appends (minute, text) and fields it rewrites (field, value).
type Side = (Vec<(u32, String)>, Vec<(usize, usize)>);

/// One side of a merge: the base with notes appended and fields changed.
fn side() -> impl Strategy<Value = Side> {
    (
        proptest::collection::vec((0u32..400, "[a-z 张三'#:\\-]{0,12}"), 0..3),
        proptest::collection::vec((0usize..FIELD_EDITS.len(), 0usize..3), 0..2),
    )
}

/// Lines a side may rewrite, and what it may write instead.
const FIELD_EDITS: &[(&str, [&str; 3])] = &[
    (
        "priority: ",
        [
            "priority: urgent",
            "priority: important",
            "priority: normal",
        ],
    ),
    (
        "assignee: ",
        ["assignee: 李明", "assignee: 王芳", "assignee: 'x: y'"],
    ),
    (
        "title: ",
        ["title: 新标题", "title: 'Other: title'", "title: 退款"],
    ),
];

fn apply_side(base: &str, notes: &[(u32, String)], edits: &[(usize, usize)], by: &str) -> String {
    let mut text = String::new();
    for line in base.lines() {
        let edit = edits
            .iter()
            .find(|(f, _)| line.starts_with(FIELD_EDITS[*f].0));
        match edit {
            Some((f, v)) => text.push_str(FIELD_EDITS[*f].1[*v]),
            None => text.push_str(line),
        }
        text.push('\n');
    }
    for (minute, note) in notes {
        text.push_str(&event_yaml(*minute, by, note));
    }
    text
}

fn history(text: &str) -> Option<Vec<Event>> {
    parse_yaml_case(text).ok().map(|c: Case| c.history)
}

/// Merges three sides; checks no panic, a whole result, and that every
/// event either side added survives a clean merge.
fn check_merge(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<(), TestCaseError> {
    let policy = plaint::policy::Policy::build("tourism", &Default::default())
        .expect("the tourism preset builds");
    let merged = catch_unwind(|| merge_files(base, ours, theirs, &policy));
    let shown = || {
        format!(
            "base:\n{}\nours:\n{}\ntheirs:\n{}",
            String::from_utf8_lossy(base),
            String::from_utf8_lossy(ours),
            String::from_utf8_lossy(theirs)
        )
    };
    let Ok(merged) = merged else {
        return Err(TestCaseError::fail(format!("merge panicked\n{}", shown())));
    };
    if let FileMerge::Merged { text, .. } = merged {
        let Some(result) = history(&text) else {
            return Err(TestCaseError::fail(format!(
                "a clean merge is not a whole case:\n{text}\n{}",
                shown()
            )));
        };
        let side = |b: &[u8]| {
            std::str::from_utf8(b)
                .ok()
                .and_then(history)
                .unwrap_or_default()
        };
        let base_events = side(base);
        for event in side(ours).into_iter().chain(side(theirs)) {
            if !base_events.contains(&event) && !result.contains(&event) {
                return Err(TestCaseError::fail(format!(
                    "the merge dropped {event:?}\nresult:\n{text}\n{}",
                    shown()
                )));
            }
        }
    }
    Ok(())
}

#[test]
fn fuzz_three_way_merges_never_panic_nor_drop_an_event() {
    for dir in regressions().into_iter().filter(|p| p.is_dir()) {
        let read = |n: &str| std::fs::read(dir.join(n)).unwrap();
        check_merge(&read("base"), &read("ours"), &read("theirs")).unwrap();
    }
    let seeds: Vec<String> = seed_cases()
        .into_iter()
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect();
    let strategy = (
        0..seeds.len(),
        side(),
        side(),
        proptest::collection::vec(mutation(), 0..4),
        0usize..6,
    );
    let count = std::cell::Cell::new(0u32);
    runner(cases() * 3 / 2)
        .run(
            &strategy,
            |(seed, (on, oe), (tn, te), mutations, damaged)| {
                count.set(count.get() + 1);
                let base = seeds[seed].clone();
                let ours = apply_side(&base, &on, &oe, "王芳");
                let theirs = apply_side(&base, &tn, &te, "李明");
                let mut sides = [base.into_bytes(), ours.into_bytes(), theirs.into_bytes()];
                // Half the runs damage one side's bytes.
                if damaged < 3 {
                    sides[damaged] = mutate(&sides[damaged], &mutations);
                }
                check_merge(&sides[0], &sides[1], &sides[2])
            },
        )
        .unwrap();
    eprintln!("fuzz: {} three-way merges", count.get());
}

/// The command line end to end: read commands on a workspace holding a
/// mutated file exit with a documented code and change nothing; a merge
/// driver run leaves OURS whole.
#[test]
fn fuzz_read_commands_and_merge_driver_end_to_end() {
    let seeds = seed_cases();
    let runs = (cases() / 50).max(10);
    let strategy = (0..seeds.len(), proptest::collection::vec(mutation(), 1..6));
    let ws = Ws::example("tourism");
    let mut rng_runner = runner(runs);
    let mut done = 0;
    for _ in 0..runs {
        let (seed, mutations) = strategy.new_tree(&mut rng_runner).unwrap().current();
        let (rel, text) = &seeds[seed];
        let bytes = mutate(text, &mutations);
        let path = ws.root().join(rel);
        std::fs::write(&path, &bytes).unwrap();
        let before = ws.snapshot();
        let id = rel.file_stem().unwrap().to_str().unwrap();
        for args in [
            &["list"][..],
            &["check"],
            &["show", id],
            &["export", "--format", "csv"],
        ] {
            let out = ws.cmd().env("PLAINT_NOW", NOW).args(args).output().unwrap();
            assert!(
                matches!(out.status.code(), Some(0 | 1 | 3)),
                "plaint {args:?} exited {:?} on:\n{}\n{}",
                out.status.code(),
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(before == ws.snapshot(), "a read command changed a file");
        // The merge driver: OURS is afterwards ours, or a whole merge.
        let dir = tempfile::tempdir().unwrap();
        let ours_path = dir.path().join("ours");
        std::fs::write(dir.path().join("base"), text).unwrap();
        std::fs::write(&ours_path, text).unwrap();
        std::fs::write(dir.path().join("theirs"), &bytes).unwrap();
        let out = ws
            .cmd()
            .args(["merge-file", "base", "ours", "theirs"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        let after = std::fs::read(&ours_path).unwrap();
        if out.status.code() == Some(0) {
            let text = String::from_utf8(after).expect("a clean merge is UTF-8");
            assert!(
                history(&text).is_some(),
                "a clean merge is not a whole case:\n{text}"
            );
        }
        std::fs::write(&path, text).unwrap();
        done += 1;
    }
    eprintln!("fuzz: {done} end-to-end rounds");
}
