//! A seeded, randomized team of three clones: registrations, notes,
//! handovers, moves and milestones at a coarse shared clock (so many events
//! of different clones fall in the same second), committed and synced by
//! merge and by rebase in random order. At the end every clone holds the
//! same files, `check` is clean, every recorded event is present exactly
//! once, and no clock runs on a case in a final state.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::team::{Clone, Team};

/// The seed: change it to explore another run; failures print it.
const SEED: u64 = 0x5EED_0017;
/// Operations across the three clones (plaint commands, refused ones included).
const OPERATIONS: usize = 240;

/// xorshift64*: deterministic and good enough to pick operations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the run did, for the closing report.
#[derive(Debug, Default)]
struct Counts {
    written: usize,
    refused: usize,
    registered: usize,
    pulls_merge: usize,
    pulls_rebase: usize,
    pushes: usize,
}

fn status_of(root: &Path, id: &str) -> Option<String> {
    let text =
        std::fs::read_to_string(root.join("cases").join(&id[..4]).join(format!("{id}.yaml")))
            .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("status: "))
        .map(str::to_string)
}

/// The arguments of a move from `status`, chosen at random.
fn a_move(rng: &mut Rng, status: &str) -> Vec<String> {
    let targets: &[&str] = match status {
        "received" => &[
            "accepted",
            "accepted",
            "rejected",
            "transferred",
            "withdrawn",
        ],
        "accepted" => &["investigating", "mediating", "suspended", "withdrawn"],
        "investigating" => &[
            "mediating",
            "resolved",
            "resolved",
            "suspended",
            "withdrawn",
        ],
        "mediating" => &["resolved", "investigating", "suspended", "withdrawn"],
        "suspended" => &["accepted", "investigating", "mediating", "withdrawn"],
        "resolved" => &["closed", "closed", "investigating"],
        "closed" => &["investigating"],
        _ => &["investigating"],
    };
    let target = *rng.pick(targets);
    let mut args = vec![target.to_string()];
    match target {
        "rejected" => args.extend(["--reason".into(), "incomplete".into()]),
        "transferred" => args.extend(["--to".into(), "市场监管局".into()]),
        "resolved" => {
            let outcome = *rng.pick(&["mediated", "settled", "decided"]);
            args.extend(["--outcome".into(), outcome.into()]);
        }
        _ => {}
    }
    args
}

/// Commits whatever the clone changed (possibly nothing).
fn commit(clone: &Clone<'_>, message: &str) {
    clone.git(&["add", "-A"]);
    clone.git(&["commit", "-q", "--allow-empty", "-m", message]);
}

/// Pulls by merge or rebase; the driver must merge without help.
fn pull(clone: &Clone<'_>, rebase: bool, counts: &mut Counts) {
    let mode = if rebase { "--rebase" } else { "--no-rebase" };
    let out = clone.git_output(&["pull", "-q", mode, "--no-edit", "origin", "main"]);
    assert!(
        out.status.success(),
        "seed {SEED:#x}: pull {mode} needed help:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if rebase {
        counts.pulls_rebase += 1;
    } else {
        counts.pulls_merge += 1;
    }
}

/// Pulls and pushes until origin takes the clone's work.
fn sync(clone: &Clone<'_>, rng: &mut Rng, counts: &mut Counts) {
    for _ in 0..5 {
        pull(clone, rng.below(2) == 0, counts);
        if clone
            .git_output(&["push", "-q", "origin", "HEAD:main"])
            .status
            .success()
        {
            counts.pushes += 1;
            return;
        }
    }
    panic!("seed {SEED:#x}: push kept being refused");
}

fn all_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let cases = root.join("cases");
    for year in std::fs::read_dir(&cases).unwrap().flatten() {
        if !year.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(year.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            files.insert(name, std::fs::read(file.path()).unwrap());
        }
    }
    files
}

#[test]
fn issue_17_three_clones_at_random_converge_and_lose_nothing() {
    let team = Team::new();
    let first = team.first_clone();
    let officers = ["王芳", "李明", "张伟"];
    let clones = [
        first,
        team.clone_as("b", officers[1]),
        team.clone_as("c", officers[2]),
    ];
    for clone in &clones[1..] {
        clone.plaint_ok(&["git-setup"]);
    }
    let mut rng = Rng(SEED);
    let mut counts = Counts::default();
    let mut ids: Vec<String> = Vec::new();
    // Every event a command reported writing, by case: each must be in
    // the final history exactly once.
    let mut recorded: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut pending = [0usize; 3];

    for op in 0..OPERATIONS {
        let who = rng.below(3);
        let clone = &clones[who];
        // A coarse clock: ten operations share each minute, on every clone.
        let now = format!("2026-11-28 {:02}:{:02}", 9 + op / 600, (op / 10) % 60);
        let env = [("PLAINT_NOW", now.as_str())];
        let known: Vec<&String> = ids
            .iter()
            .filter(|id| status_of(&clone.root, id).is_some())
            .collect();
        let mut args: Vec<String> = Vec::new();
        let roll = rng.below(100);
        let case = (!known.is_empty()).then(|| rng.pick(&known).to_string());
        match (roll, case) {
            (0..=11, _) | (_, None) => {
                args.extend(
                    [
                        "register",
                        "--title",
                        "模拟投诉",
                        "--complainant",
                        "张三",
                        "--respondent",
                        "桂林阳光旅行社",
                        "--demands",
                        "退款",
                        "--received",
                        "2026-11-20 09:30",
                    ]
                    .map(String::from),
                );
            }
            (12..=39, Some(id)) => {
                args.extend(["note".into(), id, format!("第 {op} 步 {}", officers[who])]);
            }
            (40..=54, Some(id)) => {
                args.extend(["assign".into(), id, rng.pick(&officers).to_string()]);
            }
            (55..=84, Some(id)) => {
                let status = status_of(&clone.root, &id).unwrap();
                args.extend(["advance".into(), id]);
                args.extend(a_move(&mut rng, &status));
            }
            (_, Some(id)) => {
                let milestone = *rng.pick(&["respondent-notified", "respondent-replied"]);
                args.extend(["mark".into(), id, milestone.into()]);
            }
        }
        args.push("--json".into());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = clone.plaint_cmd(&argv, &env);
        match out.status.code() {
            Some(0) => {
                let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
                let id = doc["id"].as_str().unwrap().to_string();
                if argv[0] == "register" {
                    ids.push(id.clone());
                    counts.registered += 1;
                    recorded
                        .entry(id)
                        .or_default()
                        .extend(doc["history"].as_array().unwrap().iter().cloned());
                } else if !doc
                    .get("warnings")
                    .and_then(Value::as_array)
                    .is_some_and(|w| {
                        w.iter()
                            .any(|w| w.as_str().is_some_and(|w| w.contains("already")))
                    })
                {
                    let event = doc["history"].as_array().unwrap().last().unwrap().clone();
                    recorded.entry(id).or_default().push(event);
                }
                counts.written += 1;
            }
            Some(1) => counts.refused += 1,
            code => panic!(
                "seed {SEED:#x}: plaint {argv:?} exited {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
        pending[who] += 1;
        if pending[who] >= 2 + rng.below(8) {
            commit(clone, &format!("step {op}"));
            sync(clone, &mut rng, &mut counts);
            pending[who] = 0;
        }
    }
    for clone in clones.iter().chain(&clones[..2]) {
        commit(clone, "last steps");
        sync(clone, &mut rng, &mut counts);
    }

    let files = all_files(&clones[0].root);
    for clone in &clones[1..] {
        assert!(
            all_files(&clone.root) == files,
            "seed {SEED:#x}: clones differ"
        );
    }
    for clone in &clones {
        clone.assert_clean();
    }
    let mut events = 0;
    for (id, wanted) in &recorded {
        let history = clones[0].show(id)["history"].as_array().unwrap().clone();
        for event in wanted {
            let times = history.iter().filter(|e| *e == event).count();
            let wanted_times = wanted.iter().filter(|e| *e == event).count();
            assert_eq!(times, wanted_times, "seed {SEED:#x}: case {id}: {event}");
            events += 1;
        }
    }
    let list: Value = serde_json::from_str(&clones[0].plaint_ok(&[
        "list",
        "--all",
        "--json",
        "--today",
        "2026-11-29",
    ]))
    .unwrap();
    let finals = ["resolved", "closed", "rejected", "transferred", "withdrawn"];
    let mut terminal = 0;
    let mut running = Vec::new();
    for case in list.as_array().unwrap() {
        if !finals.contains(&case["status"].as_str().unwrap()) {
            continue;
        }
        terminal += 1;
        for d in case["deadlines"].as_array().unwrap() {
            if matches!(d["state"].as_str(), Some("running" | "overdue" | "paused")) {
                running.push(format!("{} {} {}", case["id"], case["status"], d["rule"]));
            }
        }
    }
    eprintln!(
        "simulation seed {SEED:#x}: {OPERATIONS} operations ({} written, {} refused), {} cases, \
         {events} events checked, {} merge pulls, {} rebase pulls, {} pushes, {terminal} cases in a \
         final state, {} clocks running on them",
        counts.written,
        counts.refused,
        counts.registered,
        counts.pulls_merge,
        counts.pulls_rebase,
        counts.pushes,
        running.len()
    );
    assert!(
        terminal > 0,
        "the run ends some cases, or the check below says nothing"
    );
    // A move into a final state stops every clock, whatever a rule's stop
    // list says and whichever clone made it.
    assert!(
        running.is_empty(),
        "clocks running on final cases: {running:?}"
    );
}
