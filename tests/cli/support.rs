//! A small builder over a temporary workspace: every test reads as
//! "given a workspace, run plaint with these arguments, expect this".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary workspace and the environment plaint runs in.
pub struct Ws {
    dir: TempDir,
}

impl Ws {
    /// A fresh tourism workspace.
    pub fn tourism() -> Ws {
        Ws::with_preset("tourism")
    }

    /// A fresh workspace of `preset`.
    pub fn with_preset(preset: &str) -> Ws {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Ws { dir };
        ws.ok(&["init", ".", "--preset", preset]);
        ws
    }

    /// A copy of the sample workspace in `examples/`, so tests never write
    /// into the repository.
    pub fn example(name: &str) -> Ws {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        copy_tree(&source, dir.path());
        Ws { dir }
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A `plaint` command in this workspace, isolated from the user's
    /// environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("plaint").expect("binary");
        cmd.current_dir(self.root())
            .env_remove("PLAINT_WORKSPACE")
            .env_remove("PLAINT_TODAY")
            .env_remove("VISUAL")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("PLAINT_USER", "tester")
            .env("NO_COLOR", "1")
            .env("HOME", self.root().join(".home"))
            .env("XDG_DATA_HOME", self.root().join(".home/data"));
        cmd
    }

    /// Runs plaint with `args`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("plaint runs")
    }

    /// Runs plaint with the clock set to `now`, asserts success, returns stdout.
    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self
            .cmd()
            .env("PLAINT_NOW", now)
            .args(args)
            .output()
            .expect("plaint runs");
        Self::success(args, out)
    }

    /// Runs plaint, asserts success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        Self::success(args, self.run(args))
    }

    fn success(args: &[&str], out: Output) -> String {
        assert!(
            out.status.success(),
            "plaint {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 stdout")
    }

    /// Runs plaint, asserts it fails with `code`, returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "plaint {args:?}: expected exit {code}; stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("UTF-8 stderr")
    }

    /// Runs plaint with `--json`, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    }

    /// Registers a complete tourism case and returns its ID.
    pub fn register(&self, extra: &[&str]) -> String {
        self.ok(&Self::register_args(extra)).trim().to_string()
    }

    /// The arguments of a complete tourism registration, plus `extra`.
    pub fn register_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec![
            "register",
            "--title",
            "导游强迫购物",
            "--complainant",
            "张三",
            "--phone",
            "13800138000",
            "--respondent",
            "桂林阳光旅行社",
            "--category",
            "shopping",
            "--channel",
            "phone",
            "--demands",
            "退还购物款",
            "--received",
            "2026-11-02 09:30",
        ];
        args.extend_from_slice(extra);
        args
    }

    /// The path of case `id`'s file.
    pub fn case_path(&self, id: &str) -> PathBuf {
        self.root()
            .join("cases")
            .join(&id[..4])
            .join(format!("{id}.yaml"))
    }

    /// The text of case `id`'s file.
    pub fn case_text(&self, id: &str) -> String {
        std::fs::read_to_string(self.case_path(id)).expect("case file")
    }

    /// Writes a file inside the workspace.
    pub fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Every file of the workspace but the lock folder, with its bytes: to
    /// assert that a refused command changed nothing.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(self.root(), self.root(), &mut files);
        files
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == ".plaint") {
                continue;
            }
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path.strip_prefix(root).unwrap().to_path_buf();
        if rel.starts_with(".plaint") || rel.starts_with(".home") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            files.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// Asserts that running `args` fails with exit 1, that stderr mentions
/// every one of `needles`, and that nothing on disk changed.
pub fn refused(ws: &Ws, args: &[&str], needles: &[&str]) {
    let before = ws.snapshot();
    let err = ws.fails(1, args);
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr of {args:?} lacks {needle:?}:\n{err}"
        );
    }
    assert_eq!(before, ws.snapshot(), "{args:?} changed files on disk");
}

/// The boxed terminal rendering of `summary`'s first tables, as a person
/// at a terminal sees them (CJK alignment is what this pins).
pub fn terminal_table_of_summary(ws: &Ws) -> String {
    let out = ws.json(&["summary", "--today", "2026-11-27"]);
    let mut table = plaint::format::Table::new(Some("按状态"), &["状态", "件数"]);
    for (state, n) in out["by_status"].as_object().unwrap() {
        let label = match state.as_str() {
            "received" => "已登记",
            "accepted" => "已受理",
            "resolved" => "已办结",
            "rejected" => "不予受理",
            "transferred" => "已移送",
            other => other,
        };
        table.push(vec![label.to_string(), n.to_string()]);
    }
    table.to_terminal(false)
}

/// Asserts that running `args` is a usage error (exit 2) whose stderr
/// mentions every one of `needles`, and that nothing on disk changed.
pub fn usage_refused(ws: &Ws, args: &[&str], needles: &[&str]) {
    let before = ws.snapshot();
    let err = ws.fails(2, args);
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr of {args:?} lacks {needle:?}:\n{err}"
        );
    }
    assert_eq!(before, ws.snapshot(), "{args:?} changed files on disk");
}
