//! A small builder over a temporary workspace: every test reads as
//! "given a workspace, run plaint with these arguments, expect this".
//!
//! Every process a test starts (plaint, and git in the team tests) is made
//! by [`isolated`]: the user's environment is cleared of everything that
//! changes plaint's behaviour and the clock is pinned to [`NOW`], so the
//! suite gives the same answers on any machine and on any date.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The moment every command runs at unless a test says otherwise
/// (`PLAINT_NOW`; the day deadlines are evaluated on follows it).
pub const NOW: &str = "2026-11-29 10:00";

/// Variables removed from every test process, by exact name.
const CLEARED: &[&str] = &[
    "HOME",
    "LANG",
    "LANGUAGE",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "TZ",
    "VISUAL",
    "EDITOR",
    "USER",
    "USERNAME",
    "LOGNAME",
];

/// Variables removed from every test process, by prefix.
const CLEARED_PREFIXES: &[&str] = &["PLAINT_", "XDG_", "LC_", "GIT_"];

/// `program` run in `dir` with nothing of the user's environment that could
/// change its behaviour: every `PLAINT_*`, `XDG_*`, `LC_*` and `GIT_*`
/// variable, `HOME`, the language, colour, editor and login variables are
/// removed; then `HOME` and the XDG folders point into `home`, the locale
/// is `C.UTF-8`, colour is off, git reads no system configuration, and the
/// clock is pinned at [`NOW`]. (`PATH` and the variables of a clock shifter
/// such as faketime are kept.)
pub fn isolated(program: impl AsRef<OsStr>, dir: &Path, home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.current_dir(dir);
    for (name, _) in std::env::vars_os() {
        let text = name.to_string_lossy();
        if CLEARED.contains(&text.as_ref()) || CLEARED_PREFIXES.iter().any(|p| text.starts_with(p))
        {
            cmd.env_remove(&name);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PLAINT_NOW", NOW);
    cmd
}

/// The plaint binary under test, made by [`isolated`].
pub fn plaint(dir: &Path, home: &Path) -> std::process::Command {
    isolated(assert_cmd::cargo::cargo_bin("plaint"), dir, home)
}

/// A temporary workspace and the environment plaint runs in.
pub struct Ws {
    dir: TempDir,
}

impl Ws {
    /// A fresh tourism workspace.
    pub fn tourism() -> Ws {
        Ws::with_preset("tourism")
    }

    /// A fresh tourism workspace whose plaint.yaml says `language: zh`.
    pub fn tourism_zh() -> Ws {
        let ws = Ws::tourism();
        ws.edit_settings("language: en", "language: zh");
        ws
    }

    /// A fresh workspace of `preset`.
    pub fn with_preset(preset: &str) -> Ws {
        Ws::init(&["--preset", preset])
    }

    /// A fresh workspace made by `plaint init . ARGS`.
    pub fn init(args: &[&str]) -> Ws {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Ws { dir };
        let mut all = vec!["init", "."];
        all.extend_from_slice(args);
        ws.ok(&all);
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

    /// Adds top-level settings (`yaml`, ending in a newline) to the
    /// workspace's `plaint.yaml`.
    pub fn add_settings(&self, yaml: &str) {
        let path = self.root().join("plaint.yaml");
        let settings = std::fs::read_to_string(&path).unwrap();
        std::fs::write(path, format!("{settings}{yaml}")).unwrap();
    }

    /// Replaces `from` with `to` in the workspace's `plaint.yaml`.
    pub fn edit_settings(&self, from: &str, to: &str) {
        let path = self.root().join("plaint.yaml");
        let settings = std::fs::read_to_string(&path).unwrap();
        assert!(settings.contains(from), "plaint.yaml lacks {from:?}");
        std::fs::write(path, settings.replace(from, to)).unwrap();
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A `plaint` command in this workspace, isolated from the user's
    /// environment (see [`isolated`]), acting as `tester` at [`NOW`].
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// [`Ws::cmd`] as a plain process command, for tests that spawn many.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = plaint(self.root(), &self.root().join(".home"));
        cmd.env("PLAINT_USER", "tester");
        cmd
    }

    /// [`Ws::cmd`] with the clock at `now`.
    pub fn cmd_at(&self, now: &str) -> Command {
        let mut cmd = self.cmd();
        cmd.env("PLAINT_NOW", now);
        cmd
    }

    /// Runs git in the workspace, isolated as plaint is; asserts success.
    #[track_caller]
    pub fn git(&self, args: &[&str]) -> String {
        let out = isolated("git", self.root(), &self.root().join(".home"))
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// What a person at a terminal `columns` wide sees from plaint `args`
    /// (stdout and stderr together, as on a screen): plaint runs on a real
    /// pseudo-terminal (`script`), with colour when `color`.
    #[track_caller]
    pub fn terminal(&self, columns: u16, color: bool, args: &[&str]) -> String {
        let quoted: Vec<String> = args
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        let bin = assert_cmd::cargo::cargo_bin("plaint");
        let line = format!(
            "stty cols {columns} rows 60; exec '{}' {}",
            bin.display(),
            quoted.join(" ")
        );
        let mut cmd = isolated("script", self.root(), &self.root().join(".home"));
        cmd.env("PLAINT_USER", "tester")
            .env("TERM", "xterm-256color")
            .args(["-q", "-e", "-c", &line, "/dev/null"]);
        if color {
            cmd.env_remove("NO_COLOR");
        }
        let out = cmd.output().expect("script runs");
        assert!(
            out.status.success(),
            "plaint {args:?} on a terminal failed:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout)
            .expect("UTF-8 output")
            .replace("\r\n", "\n")
    }

    /// Runs plaint with `args`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("plaint runs")
    }

    /// Runs plaint with the clock set to `now`, asserts success, returns stdout.
    #[track_caller]
    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.cmd_at(now).args(args).output().expect("plaint runs");
        Self::success(args, out)
    }

    /// Runs plaint, asserts success, returns stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        Self::success(args, self.run(args))
    }

    #[track_caller]
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
    #[track_caller]
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
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    }

    /// Registers a complete tourism case and returns its ID.
    #[track_caller]
    pub fn register(&self, extra: &[&str]) -> String {
        self.ok(&Self::register_args(extra)).trim().to_string()
    }

    /// Registers a complete hospital complaint (a `hospital` workspace)
    /// received at `received`; returns its ID.
    #[track_caller]
    pub fn register_hospital(&self, received: &str) -> String {
        self.ok(&[
            "register",
            "--title",
            "候诊时间过长",
            "--complainant",
            "王五",
            "--respondent",
            "门诊部",
            "--category",
            "waiting",
            "--received",
            received,
        ])
        .trim()
        .to_string()
    }

    /// Registers the complete tourism case of [`Ws::register_args`] without
    /// the flags named in `left_out` (each with its value); returns its ID.
    #[track_caller]
    pub fn register_without(&self, left_out: &[&str]) -> String {
        let mut args = Self::register_args(&[]);
        for flag in left_out {
            let at = args
                .iter()
                .position(|a| a == flag)
                .expect("a flag of the registration");
            args.drain(at..at + 2);
        }
        self.ok(&args).trim().to_string()
    }

    /// A zh procurement workspace with one accepted complaint; its ID.
    #[track_caller]
    pub fn procurement_zh_accepted() -> (Ws, String) {
        let ws = Ws::with_preset("procurement");
        ws.edit_settings("language: en", "language: zh");
        let id = ws
            .ok(&[
                "register",
                "--title",
                "质疑答复不满",
                "--complainant",
                "某公司",
                "--respondent",
                "某采购人",
                "--project",
                "办公设备采购",
                "--project-number",
                "GX-2026-01",
            ])
            .trim()
            .to_string();
        ws.ok(&["advance", &id, "已受理"]);
        (ws, id)
    }

    /// The arguments of a complete tourism registration, plus `extra`.
    pub fn register_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let args = vec![
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
        // A flag of `extra` that takes one value replaces the default's.
        let given = |flag: &str| {
            extra
                .iter()
                .any(|e| *e == flag || e.starts_with(&format!("{flag}=")))
        };
        let mut kept = vec![args[0]];
        for pair in args[1..].chunks(2) {
            let list = matches!(pair[0], "--complainant" | "--phone");
            if list || !given(pair[0]) {
                kept.extend_from_slice(pair);
            }
        }
        kept.extend_from_slice(extra);
        kept
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
#[track_caller]
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

/// Asserts that running `args` is a usage error (exit 2) whose stderr
/// mentions every one of `needles`, and that nothing on disk changed.
#[track_caller]
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
