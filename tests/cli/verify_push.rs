//! `plaint verify-push` on a real server: a bare repository with the
//! shipped `examples/hooks/pre-receive` installed, and an officer's clone
//! pushing to it. Each kind of rewrite is refused with its reason, the
//! server's branch unchanged; good pushes, a detach and a new branch go in.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

use crate::support;

/// A bare repository with the hook, and the clone `a` of 王芳 that made
/// the workspace (tourism, with an office name for notices).
struct Server {
    dir: TempDir,
}

impl Server {
    fn new(language: &str) -> Server {
        let server = Server {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let home = server.home();
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = 王芳\n\temail = officer@plaint.invalid\n[init]\n\tdefaultBranch = main\n\
             [advice]\n\tdetachedHead = false\n",
        )
        .unwrap();
        server.git_in(server.dir.path(), &["init", "-q", "--bare", "origin.git"]);
        let hook = server.origin().join("hooks/pre-receive");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hooks/pre-receive"),
            &hook,
        )
        .unwrap();
        server.git_in(server.dir.path(), &["clone", "-q", "origin.git", "a"]);
        server.plaint(&["init", ".", "--preset", "tourism", "--language", language]);
        let settings = server.clone_dir().join("plaint.yaml");
        let text = std::fs::read_to_string(&settings).unwrap();
        std::fs::write(
            settings,
            format!("{text}office:\n  name: 桂林市文化广电和旅游局\n"),
        )
        .unwrap();
        server.git(&["add", "-A"]);
        server.git(&["commit", "-q", "-m", "Create the workspace"]);
        let (ok, said) = server.push(&[]);
        assert!(ok, "the first push is refused: {said}");
        server
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn origin(&self) -> PathBuf {
        self.dir.path().join("origin.git")
    }

    fn clone_dir(&self) -> PathBuf {
        self.dir.path().join("a")
    }

    /// git in `dir`, isolated, with the hook finding this plaint.
    fn git_command(&self, dir: &Path) -> Command {
        let mut cmd = support::isolated("git", dir, &self.home());
        cmd.env("PLAINT", assert_cmd::cargo::cargo_bin("plaint"));
        cmd
    }

    fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_command(dir).args(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.clone_dir(), args)
    }

    fn plaint(&self, args: &[&str]) -> String {
        let out = support::plaint(&self.clone_dir(), &self.home())
            .args(args)
            .output()
            .expect("plaint runs");
        assert!(
            out.status.success(),
            "plaint {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// `git push origin HEAD:main` (and `extra`): whether the server took
    /// it, and what git relayed from the hook.
    fn push(&self, extra: &[&str]) -> (bool, String) {
        let mut args = vec!["push", "origin"];
        args.extend_from_slice(extra);
        if !extra.iter().any(|a| a.contains(':')) {
            args.push("HEAD:main");
        }
        let out: Output = self
            .git_command(&self.clone_dir())
            .args(&args)
            .output()
            .expect("git runs");
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.success(), said)
    }

    /// Commits everything and pushes; a refused push is undone in the
    /// clone, after checking the server's branch did not move.
    fn commit_and_push(&self, message: &str) -> (bool, String) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        let before = self.git_in(&self.origin(), &["rev-parse", "main"]);
        let (ok, said) = self.push(&[]);
        if !ok {
            assert_eq!(self.git_in(&self.origin(), &["rev-parse", "main"]), before);
            self.git(&["reset", "-q", "--hard", "origin/main"]);
        }
        (ok, said)
    }

    #[track_caller]
    fn refused(&self, message: &str, needles: &[&str]) {
        let (ok, said) = self.commit_and_push(message);
        assert!(!ok, "{message}: the push went in:\n{said}");
        assert!(said.contains("pre-receive hook declined"), "{said}");
        for needle in needles {
            assert!(
                said.contains(needle),
                "{message}: no {needle:?} in:\n{said}"
            );
        }
    }

    #[track_caller]
    fn accepted(&self, message: &str) -> String {
        let (ok, said) = self.commit_and_push(message);
        assert!(ok, "{message}: refused:\n{said}");
        said
    }

    /// A registered case (not yet pushed); its ID.
    fn register(&self) -> String {
        self.plaint(&[
            "register",
            "--title",
            "退款纠纷",
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
    }

    /// A registered case with a note, an attachment, acceptance and its
    /// notice, pushed; its ID.
    fn case_with_records(&self) -> String {
        let id = self.register();
        self.plaint(&["note", &id, "打过电话"]);
        let photo = self.dir.path().join("photo.jpg");
        std::fs::write(&photo, b"evidence bytes").unwrap();
        self.plaint(&["attach", &id, photo.to_str().unwrap()]);
        self.plaint(&["advance", &id, "accepted"]);
        self.plaint(&["notice", &id, "acceptance"]);
        self.accepted("A case with its records");
        id
    }

    fn case_file(&self, id: &str) -> PathBuf {
        self.clone_dir()
            .join(format!("cases/{}/{id}.yaml", &id[..4]))
    }

    fn edit_case(&self, id: &str, edit: impl FnOnce(String) -> String) {
        let path = self.case_file(id);
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = edit(text.clone());
        assert_ne!(edited, text, "the edit changed nothing");
        std::fs::write(path, edited).unwrap();
    }

    fn stored(&self, top: &str, id: &str) -> PathBuf {
        let mut found = Vec::new();
        for entry in walk(&self.clone_dir().join(top)) {
            if entry.to_string_lossy().contains(id) {
                found.push(entry);
            }
        }
        assert_eq!(found.len(), 1, "{found:?}");
        found.pop().unwrap()
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_push_that_alters_or_removes_recorded_history_is_refused_with_the_event() {
    let server = Server::new("en");
    let id = server.case_with_records();
    let file = format!("cases/2026/{id}.yaml");
    let log = server.git(&["log", "-1", "--format=%H"]);
    assert!(!log.is_empty());

    server.edit_case(&id, |t| t.replace("note: 打过电话", "note: 没打电话"));
    let event = format!(
        "{file}: event #2 (note, 2026-11-29 10:00, 王芳): this recorded event is removed or altered"
    );
    server.refused(
        "Alter a note",
        &[&event, "push to refs/heads/main refused: 1 problem(s)"],
    );

    server.edit_case(&id, |t| {
        t.replace(
            "- at: 2026-11-29T10:00:00+08:00\n  by: 王芳\n  action: note\n  note: 打过电话\n",
            "",
        )
    });
    server.refused("Remove a note", &[&event]);

    server.edit_case(&id, |t| {
        t.replacen("2026-11-20T09:30:00+08:00", "2026-11-21T09:30:00+08:00", 2)
    });
    server.refused(
        "Give the ID to another case",
        &[&format!("{file}: case ID {id} is reused: the file now holds another case than the one received 2026-11-20 09:30")],
    );

    // The registration altered, the case the same: an altered event.
    server.edit_case(&id, |t| t.replacen("by: 王芳", "by: 李明", 1));
    server.refused(
        "Alter who registered it",
        &[&format!(
            "{file}: event #1 (registered, 2026-11-20 09:30, 王芳): this recorded event"
        )],
    );

    std::fs::remove_file(server.case_file(&id)).unwrap();
    server.refused("Delete the case", &[&format!("{file}: case file deleted")]);

    // Adding to the history is what the record is for.
    server.plaint(&["note", &id, "再次联系"]);
    let said = server.accepted("A note more");
    assert!(said.contains("verified: 1 changed file(s)"), "{said}");
}

#[test]
fn a_push_of_a_file_check_would_refuse_is_refused_with_checks_reason() {
    let server = Server::new("en");
    let id = server.case_with_records();
    let file = server.case_file(&id);

    std::fs::write(
        server.clone_dir().join("cases/2026/20261121-AAAAA.yaml"),
        "title: [\n",
    )
    .unwrap();
    server.refused("A broken case file", &["cases/2026/20261121-AAAAA.yaml: "]);

    std::fs::write(server.clone_dir().join("cases/notes.txt"), "hello\n").unwrap();
    server.refused("A stray file", &["cases/notes.txt: stray file"]);

    server.edit_case(&id, |t| t.replace("status: accepted", "status: closed"));
    server.refused(
        "A status the history does not say",
        &[&format!("cases/2026/{id}.yaml: ")],
    );

    server.edit_case(&id, |t| t + "<<<<<<< ours\n");
    server.refused("Conflict markers", &["conflict marker"]);

    let settings = server.clone_dir().join("plaint.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("preset: tourism", "preset: nonsense"),
    )
    .unwrap();
    server.refused("A broken plaint.yaml", &["plaint.yaml: "]);
    assert!(file.exists());
}

#[test]
fn stored_bytes_are_never_changed_or_removed_but_detach_lets_an_attachment_go() {
    let server = Server::new("en");
    let id = server.case_with_records();
    let attachment = server.stored("attachments", &id);
    let notice = server.stored("notices", &id);
    let label = |p: &Path| {
        p.strip_prefix(server.clone_dir())
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };

    std::fs::write(&attachment, b"other bytes").unwrap();
    server.refused(
        "Change the evidence",
        &[&format!(
            "{}: a stored file of case {id} changed after it was recorded",
            label(&attachment)
        )],
    );
    std::fs::write(&notice, b"<p>rewritten</p>").unwrap();
    server.refused(
        "Rewrite the notice",
        &[&label(&notice), "changed after it was recorded"],
    );
    std::fs::remove_file(&notice).unwrap();
    server.refused(
        "Remove the notice",
        &[&format!(
            "{}: a stored file case {id} still records was removed",
            label(&notice)
        )],
    );
    std::fs::remove_file(&attachment).unwrap();
    server.refused(
        "Remove the evidence",
        &[&label(&attachment), "plaint detach"],
    );

    // A new attachment whose bytes are not the ones its event records.
    let other = server.dir.path().join("receipt.pdf");
    std::fs::write(&other, b"receipt").unwrap();
    server.plaint(&["attach", &id, other.to_str().unwrap()]);
    let stored = walk(&server.clone_dir().join("attachments"))
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with("receipt.pdf"))
        .unwrap();
    std::fs::write(&stored, b"forged").unwrap();
    server.refused(
        "Attach forged bytes",
        &[&format!(
            "{}: case {id}: the file was altered",
            label(&stored)
        )],
    );

    server.plaint(&["detach", &id, "photo.jpg", "--reason", "传错了"]);
    assert!(!attachment.exists());
    server.accepted("Detach the photo");
}

#[test]
fn a_notice_number_recorded_already_is_refused() {
    let server = Server::new("en");
    let id = server.case_with_records();
    let text = std::fs::read_to_string(server.case_file(&id)).unwrap();
    let at = text.find("  action: notice").unwrap();
    let start = text[..at].rfind("- at: ").unwrap();
    let event = text[start..].to_string();
    let number = event
        .lines()
        .find_map(|l| l.strip_prefix("  number: "))
        .unwrap()
        .to_string();

    // The same number again in the case, an hour later.
    server.edit_case(&id, |t| t + &event.replace("10:00:00", "11:00:00"));
    server.refused(
        "Issue one number twice",
        &[&format!(
            "event #6 (notice, 2026-11-29 11:00, 王芳): notice number {number} is already recorded in event #5 (notice, 2026-11-29 10:00, 王芳)"
        )],
    );

    // Another case recording the first case's number.
    let other = server.plaint(&[
        "register",
        "--title",
        "另一件",
        "--complainant",
        "李四",
        "--respondent",
        "桂林阳光旅行社",
        "--demands",
        "道歉",
        "--facts",
        "导游态度",
        "--received",
        "2026-11-21 09:30",
    ]);
    server.accepted("Another case");
    server.edit_case(&other, |t| t + &event);
    server.refused(
        "Borrow another case's number",
        &[&format!(
            "notice number {number} is already recorded in cases/2026/{id}.yaml"
        )],
    );
}

#[test]
fn a_force_push_that_drops_history_is_refused_and_a_branch_is_not_deleted() {
    let server = Server::new("en");
    let id = server.register();
    server.accepted("Register");
    server.plaint(&["note", &id, "打过电话"]);
    server.accepted("Note");
    let pushed = server.git(&["rev-parse", "HEAD"]);

    // Rewritten locally: the note's commit dropped, another made instead.
    server.git(&["reset", "-q", "--hard", "HEAD~1"]);
    server.plaint(&["note", &id, "改写的记录"]);
    server.git(&["add", "-A"]);
    server.git(&["commit", "-q", "-m", "Rewritten"]);
    let (ok, said) = server.push(&["--force"]);
    assert!(!ok, "{said}");
    assert!(said.contains("does not descend from"), "{said}");
    assert!(
        said.contains(
            "event #2 (note, 2026-11-29 10:00, 王芳): this recorded event is removed or altered"
        ),
        "{said}"
    );
    assert_eq!(
        server.git_in(&server.origin(), &["rev-parse", "main"]),
        pushed
    );

    let (ok, said) = server.push(&[":main"]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("deleting the branch would drop its recorded history"),
        "{said}"
    );
}

#[test]
fn a_new_branch_is_verified_file_by_file() {
    let server = Server::new("en");
    let id = server.case_with_records();
    server.git(&["checkout", "-q", "-b", "review"]);
    std::fs::write(
        server.case_file(&id).with_file_name("20261122-BBBBB.yaml"),
        "id: [\n",
    )
    .unwrap();
    server.git(&["add", "-A"]);
    server.git(&["commit", "-q", "-m", "A bad file on a new branch"]);
    let (ok, said) = server.push(&["HEAD:review"]);
    assert!(!ok, "{said}");
    assert!(said.contains("cases/2026/20261122-BBBBB.yaml: "), "{said}");
    assert!(
        said.contains("push to refs/heads/review refused: 1 problem(s)"),
        "{said}"
    );

    server.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let (ok, said) = server.push(&["HEAD:review"]);
    assert!(ok, "{said}");
    // Every file of the branch: settings, .gitattributes, .gitignore…,
    // the case, its attachment and its notice.
    assert!(
        said.contains("push to refs/heads/review verified"),
        "{said}"
    );
}

#[test]
fn the_server_answers_in_the_offices_language_and_in_json() {
    let server = Server::new("zh");
    let id = server.case_with_records();
    server.edit_case(&id, |t| t.replace("note: 打过电话", "note: 没打电话"));
    server.git(&["add", "-A"]);
    server.git(&["commit", "-q", "-m", "Alter"]);
    let (ok, said) = server.push(&[]);
    assert!(!ok);
    assert!(
        said.contains(&format!(
            "cases/2026/{id}.yaml：第 2 条记录（备注，2026-11-29 10:00，王芳）：该条已记录的事件被删除或改动"
        )),
        "{said}"
    );
    assert!(
        said.contains("拒绝推送到 refs/heads/main：发现 1 个问题"),
        "{said}"
    );

    // The same verdict as a script reads it, from the clone (the server
    // kept none of the refused objects).
    let old = server.git(&["rev-parse", "origin/main"]);
    let new = server.git(&["rev-parse", "HEAD"]);
    let repo = server.clone_dir();
    let out = support::plaint(server.dir.path(), &server.home())
        .args([
            "verify-push",
            old.trim(),
            new.trim(),
            "refs/heads/main",
            "--json",
            "--repo",
        ])
        .arg(&repo)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["accepted"], false);
    assert_eq!(doc["ref"], "refs/heads/main");
    let problem = &doc["problems"][0];
    assert_eq!(problem["file"], format!("cases/2026/{id}.yaml"));
    assert_eq!(
        problem["event"],
        "第 2 条记录（备注，2026-11-29 10:00，王芳）"
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .starts_with("该条已记录的事件")
    );

    let out = support::plaint(&server.origin(), &server.home())
        .args(["verify-push", old.trim(), "f00d", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["error"]["message"], "f00d 不是本仓库中的提交");
}
