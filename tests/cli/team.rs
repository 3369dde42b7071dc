//! A team on git, end to end: a bare repository, clones that register,
//! note, assign and advance cases independently, then push and pull
//! through `plaint merge-file`; plus `check` on the damage merges can do.
//!
//! Git and plaint run through `support::isolated`: their own identity and
//! an empty home, never the user's configuration, clock pinned.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

use crate::support::{self, Ws};

/// A bare "origin" repository and the clones of the officers.
pub(crate) struct Team {
    dir: TempDir,
}

/// One officer's clone of the team repository.
pub(crate) struct Clone<'t> {
    team: &'t Team,
    pub(crate) root: PathBuf,
}

impl Team {
    /// An origin holding a tourism workspace created by 王芳's clone `a`.
    pub(crate) fn new() -> Team {
        let team = Team {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let home = team.home();
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\temail = officer@plaint.invalid\n[init]\n\tdefaultBranch = main\n\
             [pull]\n\trebase = false\n[advice]\n\tdetachedHead = false\n",
        )
        .unwrap();
        team.git(team.dir.path(), &["init", "-q", "--bare", "origin.git"]);
        let a = team.clone_as("a", "王芳");
        a.plaint_ok(&["init", ".", "--preset", "tourism"]);
        a.commit("Create the workspace");
        a.git(&["push", "-q", "origin", "HEAD:main"]);
        team
    }

    /// The clone `a` that created the workspace.
    pub(crate) fn first_clone(&self) -> Clone<'_> {
        Clone {
            team: self,
            root: self.dir.path().join("a"),
        }
    }

    /// Clone `a` after registering a case titled `title` and pushing it,
    /// so that a later clone starts with it.
    pub(crate) fn with_shared_case(&self, title: &str) -> (Clone<'_>, String) {
        let a = self.first_clone();
        let id = a.register(title);
        a.commit("Register a case");
        a.git(&["push", "-q", "origin", "HEAD:main"]);
        (a, id)
    }

    pub(crate) fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// Clones origin into `name` with `officer` as git's user.name. The
    /// merge driver is not registered: call `plaint git-setup` for that.
    pub(crate) fn clone_as(&self, name: &str, officer: &str) -> Clone<'_> {
        self.git(self.dir.path(), &["clone", "-q", "origin.git", name]);
        let clone = Clone {
            team: self,
            root: self.dir.path().join(name),
        };
        clone.git(&["config", "user.name", officer]);
        clone
    }

    pub(crate) fn git_command(&self, dir: &Path) -> Command {
        support::isolated("git", dir, &self.home())
    }

    pub(crate) fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_command(dir).args(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Clone<'_> {
    pub(crate) fn git(&self, args: &[&str]) -> String {
        self.team.git(&self.root, args)
    }

    pub(crate) fn git_output(&self, args: &[&str]) -> Output {
        self.team
            .git_command(&self.root)
            .args(args)
            .output()
            .expect("git runs")
    }

    pub(crate) fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    pub(crate) fn plaint_ok(&self, args: &[&str]) -> String {
        let out = self.plaint_cmd(args, &[]);
        assert!(
            out.status.success(),
            "plaint {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// [`Clone::plaint_ok`] with the clock at `now`.
    fn plaint_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.plaint_cmd(args, &[("PLAINT_NOW", now)]);
        assert!(
            out.status.success(),
            "plaint {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// plaint in this clone as git's user.name (no `--as`, no
    /// PLAINT_USER), with extra environment variables.
    pub(crate) fn plaint_cmd(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = support::plaint(&self.root, &self.team.home());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(args).output().expect("plaint runs")
    }

    pub(crate) fn show(&self, id: &str) -> Value {
        serde_json::from_str(&self.plaint_ok(&["show", id, "--json"])).unwrap()
    }

    pub(crate) fn register(&self, title: &str) -> String {
        self.plaint_ok(&[
            "register",
            "--title",
            title,
            "--complainant",
            "张三",
            "--respondent",
            "桂林阳光旅行社",
            "--demands",
            "退款",
            "--facts",
            "原始说法",
            "--received",
            "2026-11-20 09:30",
        ])
        .trim()
        .to_string()
    }

    pub(crate) fn ids(&self) -> Vec<String> {
        self.plaint_ok(&["list", "--all", "--format", "ids", "--sort", "id"])
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Runs `plaint check --json`; its exit code and document.
    pub(crate) fn check(&self) -> (i32, Value) {
        let out = self.plaint_cmd(&["check", "--json"], &[]);
        let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "check printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap(), doc)
    }

    pub(crate) fn assert_clean(&self) {
        let (code, doc) = self.check();
        assert_eq!(code, 0, "check found problems: {doc:#}");
    }

    /// Rewrites the `facts:` line of a case through `plaint edit`.
    pub(crate) fn edit_facts(&self, id: &str, facts: &str) {
        let script = format!("sed -i -e 's/^facts: .*/facts: {facts}/'");
        let out = self.plaint_cmd(&["edit", id], &[("EDITOR", &script)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn notes(case: &Value) -> Vec<String> {
    case["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn two_clones_merge_concurrent_work_on_one_case_without_help() {
    let team = Team::new();
    let (a, shared) = team.with_shared_case("共同处理的投诉");
    let b = team.clone_as("b", "李明");
    b.plaint_ok(&["git-setup"]);

    let mut registered = vec![shared.clone()];
    registered.push(a.register("a 的第一件"));
    registered.push(a.register("a 的第二件"));
    // a moves the case first and assigns it last; b moves it last.
    a.plaint_at("2026-11-27 09:00", &["note", &shared, "a 打电话给投诉人"]);
    a.plaint_at("2026-11-27 09:10", &["advance", &shared, "accepted"]);
    a.plaint_at("2026-11-27 09:20", &["advance", &shared, "investigating"]);
    a.plaint_at("2026-11-27 15:00", &["assign", &shared, "张伟"]);
    a.commit("a works");

    registered.push(b.register("b 的第一件"));
    registered.push(b.register("b 的第二件"));
    b.plaint_at("2026-11-27 10:00", &["note", &shared, "b 联系了旅行社"]);
    b.plaint_at("2026-11-27 10:05", &["assign", &shared, "刘洋"]);
    b.plaint_at("2026-11-27 10:10", &["advance", &shared, "accepted"]);
    b.plaint_at("2026-11-27 10:20", &["advance", &shared, "mediating"]);
    b.commit("b works");
    let a_events = a.show(&shared)["history"].as_array().unwrap().clone();
    let b_events = b.show(&shared)["history"].as_array().unwrap().clone();

    a.git(&["push", "-q", "origin", "HEAD:main"]);
    let pulled = b.git_output(&["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        pulled.status.success(),
        "the driver merges without help:\n{}",
        String::from_utf8_lossy(&pulled.stderr)
    );
    b.assert_clean();
    b.git(&["push", "-q", "origin", "HEAD:main"]);
    a.git(&["pull", "-q", "--no-edit", "origin", "main"]);
    a.assert_clean();

    let mut want = registered.clone();
    want.sort();
    want.dedup();
    assert_eq!(want.len(), 5, "IDs registered on both clones are distinct");
    assert_eq!(a.ids(), want);
    assert_eq!(b.ids(), want);

    let merged = a.show(&shared);
    let history = merged["history"].as_array().unwrap();
    for event in a_events.iter().chain(&b_events) {
        assert!(history.contains(event), "event lost: {event}");
    }
    let mut got = notes(&merged);
    got.sort();
    assert_eq!(got, ["a 打电话给投诉人", "b 联系了旅行社"]);
    let by: Vec<&str> = history.iter().map(|e| e["by"].as_str().unwrap()).collect();
    assert!(
        by.contains(&"王芳") && by.contains(&"李明"),
        "git's user.name acts: {by:?}"
    );
    assert_eq!(merged["status"], "mediating", "b moved the case last");
    assert_eq!(merged["assignee"], "张伟", "a assigned the case last");
    assert_eq!(a.show(&shared), b.show(&shared), "both clones agree");
}

#[test]
fn a_genuine_conflict_is_reported_and_edit_resolves_it() {
    let team = Team::new();
    let (a, id) = team.with_shared_case("事实有争议");
    let b = team.clone_as("b", "李明");
    b.plaint_ok(&["git-setup"]);

    a.edit_facts(&id, "甲方的说法");
    a.plaint_ok(&["note", &id, "a 的备注"]);
    a.commit("a edits facts");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    b.edit_facts(&id, "乙方的说法");
    b.commit("b edits facts");

    let pulled = b.git_output(&["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        !pulled.status.success(),
        "a conflict is never silently resolved"
    );
    let text = std::fs::read_to_string(b.root.join(format!("cases/2026/{id}.yaml"))).unwrap();
    assert!(
        text.contains(
            "<<<<<<< ours\nfacts: 乙方的说法\n=======\nfacts: 甲方的说法\n>>>>>>> theirs\n"
        ),
        "{text}"
    );
    assert!(text.contains("a 的备注"), "the rest merged: {text}");
    let (code, doc) = b.check();
    assert_eq!(code, 3);
    assert_eq!(doc["problems"][0]["file"], format!("cases/2026/{id}.yaml"));
    assert!(
        doc["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("conflict marker")
    );

    let keep_theirs = "sed -i -e '/^<<<<<<< /,/^=======$/d' -e '/^>>>>>>> /d'";
    let out = b.plaint_cmd(&["edit", &id], &[("EDITOR", keep_theirs)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    b.assert_clean();
    let resolved = b.show(&id);
    assert_eq!(resolved["facts"], "甲方的说法");
    let last = resolved["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["note"], "resolved a merge conflict");
    assert_eq!(last["by"], "李明");
    b.commit("Resolve the facts");
    b.git(&["push", "-q", "origin", "HEAD:main"]);
}

#[test]
fn without_the_driver_git_text_merges_and_check_finds_the_markers() {
    let team = Team::new();
    let (a, id) = team.with_shared_case("没有合并驱动");
    // b never runs `plaint git-setup`: `merge=plaint` names no driver there.
    let b = team.clone_as("b", "李明");
    a.plaint_ok(&["note", &id, "a 的备注"]);
    a.commit("a notes");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    b.plaint_ok(&["note", &id, "b 的备注"]);
    b.commit("b notes");
    let pulled = b.git_output(&["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        !pulled.status.success(),
        "git's text merge conflicts on history"
    );
    let (code, doc) = b.check();
    assert_eq!(code, 3, "{doc:#}");
    let message = doc["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("conflict marker"), "{message}");
    let out = b.plaint_cmd(&["list", "--format", "ids"], &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("conflict marker"));
}

#[test]
fn init_in_a_repository_registers_the_driver_by_absolute_path() {
    let team = Team::new();
    let a = team.first_clone();
    let driver = a.git(&["config", "merge.plaint.driver"]);
    let exe = assert_cmd::cargo::cargo_bin("plaint");
    assert_eq!(
        driver.trim(),
        format!("{} merge-file %O %A %B", exe.display())
    );
    let attributes = std::fs::read_to_string(a.root.join(".gitattributes")).unwrap();
    assert!(attributes.contains("cases/** merge=plaint"));
    let b = team.clone_as("b", "李明");
    assert!(
        b.git_output(&["config", "merge.plaint.driver"])
            .stdout
            .is_empty()
    );
    b.plaint_ok(&["git-setup"]);
    assert_eq!(b.git(&["config", "merge.plaint.driver"]), driver);
}

#[test]
fn git_setup_outside_a_repository_says_what_to_do() {
    let ws = Ws::tourism();
    let err = ws.fails(1, &["git-setup"]);
    assert!(err.contains("not inside a git repository"), "{err}");
}

#[test]
fn check_reports_every_problem_with_its_file() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let other = ws.register(&[]);
    assert_eq!(ws.json(&["check"])["problems"], serde_json::json!([]));
    let text = ws.case_text(&id);
    ws.write("cases/2026/.plaint-x1.tmp", "half");
    ws.write("cases/notes.txt", "x");
    ws.write(
        &format!("cases/2026/{id}.yaml"),
        &text.replace("status: received", "status: closed"),
    );
    let linked = ws
        .case_text(&other)
        .replace("history:", "links:\n- 20261102-NNNNN\nhistory:");
    ws.write(&format!("cases/2026/{other}.yaml"), &linked);
    ws.write("cases/2026/20261102-DVP11.yaml", &text);
    let out = ws.run(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files"], 6);
    let problems: Vec<String> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p["file"].as_str().unwrap(),
                p["message"].as_str().unwrap()
            )
        })
        .collect();
    let expect = [
        "cases/2026/.plaint-x1.tmp: leftover temporary file",
        "cases/notes.txt: stray file",
        "but the history's last status event leads to received",
        "names 20261102-NNNNN, but no case file has that id",
        "cases/2026/20261102-DVP11.yaml: the file says id",
        &format!("duplicate id {id}"),
    ];
    for needle in expect {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "{needle} not in {problems:#?}"
        );
    }
    let err = ws.fails(3, &["check"]);
    assert!(err.contains("problem(s) found"), "{err}");
}

#[test]
fn check_reports_a_broken_settings_or_calendar_file() {
    let ws = Ws::tourism();
    ws.write("calendars/office.yaml", "extends: cm\n");
    ws.edit_settings("calendar: cn", "calendar: office2");
    let out = ws.run(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["problems"][0]["file"], "calendars/office.yaml",
        "{doc:#}"
    );
    ws.write("calendars/office.yaml", "extends: cn\n");
    let doc: Value = serde_json::from_slice(&ws.run(&["check", "--json"]).stdout).unwrap();
    assert_eq!(doc["problems"][0]["file"], "plaint.yaml", "{doc:#}");
    assert!(
        doc["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("office2")
    );
    ws.write("plaint.yaml", "preset: tourism\ncalender: cn\n");
    let doc: Value = serde_json::from_slice(&ws.run(&["check", "--json"]).stdout).unwrap();
    assert!(
        doc["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("calender")
    );
}

#[test]
fn merge_file_never_writes_a_broken_case() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let text = ws.case_text(&id);
    let base = ws.write(".home/base.yaml", &text);
    let theirs = ws.write(".home/theirs.yaml", &text.replace(&id, "20261102-AAAAA"));
    let ours = ws.write(".home/ours.yaml", &text);
    let path = |p: &PathBuf| p.to_str().unwrap().to_string();
    let err = ws.fails(
        1,
        &["merge-file", &path(&base), &path(&ours), &path(&theirs)],
    );
    assert!(err.contains("they are different cases"), "{err}");
    // Only their side changed, so the text merge takes their case whole:
    // exit 1 asks for a look, and `check` names the case file that now holds
    // another case.
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert_eq!(merged, text.replace(&id, "20261102-AAAAA"));
    ws.write(&format!("cases/2026/{id}.yaml"), &merged);
    let out = ws.run(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["problems"][0]["message"],
        format!(
            "the file says id 20261102-AAAAA but is named {id}.yaml; rename the file or fix the id"
        ),
        "{doc}"
    );
    ws.write(&format!("cases/2026/{id}.yaml"), &text);

    let future = text.replace("schema: 1", "schema: 2");
    ws.write(".home/ours.yaml", &future);
    ws.fails(1, &["merge-file", &path(&base), &path(&ours), &path(&base)]);
    assert_eq!(
        std::fs::read_to_string(&ours).unwrap(),
        future,
        "a future schema is left alone"
    );

    ws.write(".home/base.yaml", "one\ntwo\n");
    ws.write(".home/ours.yaml", "one\nours\n");
    ws.write(".home/theirs.yaml", "one\ntheirs\n");
    ws.fails(
        1,
        &["merge-file", &path(&base), &path(&ours), &path(&theirs)],
    );
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert!(
        merged.contains("<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\n"),
        "{merged}"
    );
}

#[test]
fn the_merge_driver_speaks_the_workspace_language() {
    let ws = Ws::init(&["--preset", "tourism", "--language", "zh"]);
    let id = ws.register(&[]);
    let text = ws.case_text(&id);
    let base = ws.write(".home/base.yaml", &text);
    let ours = ws.write(".home/ours.yaml", &text.replace("title: ", "title: 我方"));
    let theirs = ws.write(".home/theirs.yaml", &text.replace("title: ", "title: 对方"));
    let path = |p: &PathBuf| p.to_str().unwrap().to_string();
    let files = [path(&base), path(&ours), path(&theirs)];
    let err = ws.fails(1, &["merge-file", &files[0], &files[1], &files[2]]);
    assert_eq!(
        err.trim_end(),
        format!(
            "警告: plaint merge-file：案件 {id}：双方都修改了 title；请用 `plaint edit` 解决，再运行 `plaint check`"
        )
    );

    let other = text.replace(&id, "20261102-AAAAA");
    ws.write(".home/ours.yaml", &text);
    ws.write(".home/theirs.yaml", &other);
    let err = ws.fails(1, &["merge-file", &files[0], &files[1], &files[2]]);
    assert!(
        err.contains(&format!(
            "已按纯文本合并（不能合并案件 {id} 与案件 20261102-AAAAA：二者不是同一案件）"
        )),
        "{err}"
    );

    ws.write(".home/ours.yaml", &text.replace("schema: 1", "schema: 2"));
    let err = ws.fails(1, &["merge-file", &files[0], &files[1], &files[0]]);
    assert!(err.contains("未合并：有一方为 `schema: 2`"), "{err}");
}

#[test]
fn the_sample_pre_commit_hook_refuses_a_damaged_workspace() {
    let team = Team::new();
    let a = team.first_clone();
    let hook = a.root.join(".git/hooks/pre-commit");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hooks/pre-commit"),
        &hook,
    )
    .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("plaint");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commit = |message: &str| {
        a.git(&["add", "-A"]);
        team.git_command(&a.root)
            .env("PATH", &path)
            .args(["commit", "-q", "-m", message])
            .output()
            .unwrap()
    };
    let id = a.register("钩子");
    let file = a.root.join(format!("cases/2026/{id}.yaml"));
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("<<<<<<< HEAD\n{good}=======\n>>>>>>> x\n")).unwrap();
    let refused = commit("Damaged");
    assert!(!refused.status.success(), "the hook stops the commit");
    // git sends a hook's output to stderr.
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("conflict marker"), "{said}");
    assert!(
        said.contains("pre-commit: fix the problems above"),
        "{said}"
    );
    // In a Chinese workspace the hook speaks Chinese, as plaint does.
    let settings = a.root.join("plaint.yaml");
    let english = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, english.replace("language: en", "language: zh")).unwrap();
    let said = commit("Damaged");
    let said = String::from_utf8_lossy(&said.stderr);
    assert!(said.contains("提交前检查：请先处理以上问题"), "{said}");
    std::fs::write(&settings, english).unwrap();
    std::fs::write(&file, good).unwrap();
    let accepted = commit("Sound");
    assert!(
        accepted.status.success(),
        "{}",
        String::from_utf8_lossy(&accepted.stderr)
    );
}

/// Names the office in clone `a`'s `plaint.yaml` (notices print it) and
/// pushes it.
pub(crate) fn name_the_office(a: &Clone<'_>) {
    let path = a.root.join("plaint.yaml");
    let settings = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{settings}office:\n  name: 桂林市文化广电和旅游局\n"),
    )
    .unwrap();
    a.commit("Name the office");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
}

#[test]
fn two_clones_issuing_the_same_notice_never_collide_merged_or_rebased() {
    for rebase in [false, true] {
        let team = Team::new();
        let a = team.first_clone();
        name_the_office(&a);
        let (a, id) = team.with_shared_case("两处同时发通知");
        a.plaint_at("2026-11-23 09:00", &["advance", &id, "accepted"]);
        a.commit("accept");
        a.git(&["push", "-q", "origin", "HEAD:main"]);
        let b = team.clone_as("b", "李明");
        b.plaint_ok(&["git-setup"]);
        // Offline, each clone issues the acceptance notice: the same kind,
        // the same case, the same minute.
        let on_a = a.plaint_at("2026-11-23 10:00", &["notice", &id, "acceptance", "--json"]);
        let on_b = b.plaint_at("2026-11-23 10:00", &["notice", &id, "acceptance", "--json"]);
        let on_a: Value = serde_json::from_str(&on_a).unwrap();
        let on_b: Value = serde_json::from_str(&on_b).unwrap();
        assert_ne!(on_a["number"], on_b["number"]);
        assert_ne!(on_a["file"], on_b["file"]);
        a.commit("a issues");
        b.commit("b issues");
        a.git(&["push", "-q", "origin", "HEAD:main"]);
        let mode = if rebase { "--rebase" } else { "--no-rebase" };
        let pulled = b.git_output(&["pull", "-q", mode, "--no-edit", "origin", "main"]);
        assert!(
            pulled.status.success(),
            "{mode}: the pull needs no help:\n{}{}",
            String::from_utf8_lossy(&pulled.stdout),
            String::from_utf8_lossy(&pulled.stderr)
        );
        b.git(&["push", "-q", "origin", "HEAD:main"]);
        a.git(&["pull", "-q", mode, "--no-edit", "origin", "main"]);
        for clone in [&a, &b] {
            for doc in [&on_a, &on_b] {
                assert!(clone.root.join(doc["file"].as_str().unwrap()).is_file());
            }
            // Two standing acceptance notices: a warning, never a failure.
            let (code, report) = clone.check();
            assert_eq!(code, 0, "{report:#}");
            let warnings = report["warnings"].to_string();
            assert!(warnings.contains("issued 2 times"), "{warnings}");
        }
        assert_eq!(a.show(&id), b.show(&id));
        // One of them is marked superseded; the mark merges like any event.
        let number = on_b["number"].as_str().unwrap();
        b.plaint_at(
            "2026-11-23 11:00",
            &["supersede", &id, number, "--reason", "重复发出"],
        );
        b.commit("supersede");
        b.git(&["push", "-q", "origin", "HEAD:main"]);
        a.git(&["pull", "-q", mode, "--no-edit", "origin", "main"]);
        let (code, report) = a.check();
        assert_eq!(code, 0, "{report:#}");
        assert_eq!(report["warnings"], serde_json::json!([]), "{report:#}");
    }
}

#[test]
fn a_final_move_from_an_older_clone_undone_by_a_later_move_leaves_the_clock_running() {
    let team = Team::new();
    let (a, id) = team.with_shared_case("移送与受理交错");
    let b = team.clone_as("b", "李明");
    b.plaint_ok(&["git-setup"]);
    // a still sees the case as received and transfers it; b accepted it
    // earlier and, after a's transfer, moves it on.
    b.plaint_at("2026-11-23 09:00", &["advance", &id, "accepted"]);
    a.plaint_at(
        "2026-11-23 10:00",
        &["advance", &id, "transferred", "--to", "市场监管局"],
    );
    b.plaint_at("2026-11-23 11:00", &["advance", &id, "investigating"]);
    a.commit("a transfers");
    b.commit("b investigates");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    b.git(&["pull", "-q", "--no-edit", "origin", "main"]);
    b.assert_clean();
    let shown: Value =
        serde_json::from_str(&b.plaint_ok(&["show", &id, "--json", "--today", "2027-03-01"]))
            .unwrap();
    assert_eq!(shown["status"], "investigating", "the later move wins");
    let resolution = shown["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "resolution")
        .expect("the resolution clock")
        .clone();
    assert_eq!(resolution["state"], "overdue", "{resolution:#}");
    assert_eq!(resolution["stopped"], Value::Null, "{resolution:#}");
    let overdue = b.plaint_ok(&[
        "list",
        "--overdue",
        "--format",
        "ids",
        "--today",
        "2027-03-01",
    ]);
    assert!(overdue.contains(&id), "{overdue}");
}

#[test]
fn one_officer_on_two_clones_issuing_one_kind_from_two_templates_never_collides() {
    let team = Team::new();
    let a = team.first_clone();
    name_the_office(&a);
    let (a, id) = team.with_shared_case("同一承办人两处发文");
    a.plaint_at("2026-11-23 09:00", &["advance", &id, "accepted"]);
    a.commit("accept");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    // The same officer on a second machine, the same minute.
    let b = team.clone_as("b", "王芳");
    b.plaint_ok(&["git-setup"]);
    a.plaint_at(
        "2026-11-23 10:00",
        &["notice", &id, "acceptance", "--format", "md"],
    );
    // b's office has its own wording of the notice (a workspace template
    // it has not shared yet): the same kind, another document.
    std::fs::create_dir_all(b.root.join("templates")).unwrap();
    std::fs::write(
        b.root.join("templates/acceptance.md"),
        "# {{ office.name }}\n\n{{ number }}\n\n{{ recipient }}：本机构已受理{{ you }}的投诉。\n",
    )
    .unwrap();
    b.plaint_at(
        "2026-11-23 10:00",
        &["notice", &id, "acceptance", "--format", "md"],
    );
    std::fs::remove_file(b.root.join("templates/acceptance.md")).unwrap();
    a.commit("a issues");
    b.commit("b issues");
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    let pulled = b.git_output(&["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);
    assert!(
        pulled.status.success(),
        "{}",
        String::from_utf8_lossy(&pulled.stderr)
    );
    let (code, report) = b.check();
    assert_eq!(code, 0, "{report:#}");
}
