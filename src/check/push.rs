//! Verifying a push on the server (`plaint verify-push OLD NEW`, run by a
//! `pre-receive` or `update` hook of the office's bare repository), so the
//! record stays append-only whatever a clone does.
//!
//! The objects are read from git, never from a work tree: the files the
//! new commit's tree differs in from the old one's (every file, for a new
//! branch), read through one `git cat-file --batch`. A push is refused
//! when it
//! - drops history: the new commit does not descend from the old one (a
//!   force-push), or a recorded event of a case is missing or altered;
//! - deletes a case file (a case is closed, never deleted);
//! - adds or changes a file `check` would refuse (the same parsers judge
//!   the blob's bytes: the case file, the workflow, `plaint.yaml`, the
//!   calendars, a stray file under `cases/`);
//! - gives a case ID to another case, or records a notice number already
//!   recorded;
//! - changes or removes the bytes of a recorded attachment or notice, or
//!   stores bytes other than those its event's SHA-256 names.
//!
//! Unchanged files were verified when they were pushed, so a push of a
//! few cases to a large workspace reads only those (and, when it records
//! a new notice, the other case files, for the number).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use super::{Problem, Rules, case_path_problem, stored_file_owner};
use crate::error::{Error, Result};
use crate::git::objects::{Change, Repo, TreeFile, is_zero};
use crate::limits::{MAX_FILE_BYTES, MAX_SETTINGS_BYTES};
use crate::messages::Language;
use crate::messages::said::{IntoArg, Said, Text};
use crate::model::{Action, Case, CaseId, Event, EventKind};
use crate::paperwork::attach::recorded_files;
use crate::policy::settings::{SETTINGS_FILE, Settings};
use crate::storage::casefile::parse_yaml_case;
use crate::storage::workspace::{CALENDARS_DIR, CASES_DIR};

/// One reason a push is refused.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PushProblem {
    /// The file, from the top of the repository; none for the push as a
    /// whole (a force-push, a deleted branch).
    pub file: Option<String>,
    /// The recorded event concerned, where one is.
    pub event: Option<Text>,
    /// What is wrong.
    pub message: Text,
}

/// What verifying a push found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Verdict {
    /// The files of the new tree looked at (those the push changes).
    pub files: usize,
    /// Every reason to refuse it, by file; empty when it is accepted.
    pub problems: Vec<PushProblem>,
}

impl Verdict {
    /// Whether the push may go in.
    pub fn accepted(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The language the office's workspace speaks, by the `plaint.yaml` of the
/// pushed commit (of the old one, when the push deletes the branch or the
/// new one cannot be read).
pub fn push_language(repo: &Repo, old: &str, new: &str, subdir: Option<&str>) -> Language {
    let text = (|| {
        let commit = [new, old]
            .into_iter()
            .filter(|rev| !is_zero(rev))
            .find_map(|rev| repo.commit(rev).ok().flatten())?;
        let tree = repo.files(&commit).ok()?;
        let file = tree
            .into_iter()
            .filter_map(|f| within(f, subdir))
            .find(|f| f.path == SETTINGS_FILE)?;
        read_texts(repo, &[&file], MAX_SETTINGS_BYTES)
            .ok()?
            .pop()?
            .ok()
    })();
    text.and_then(|t| {
        Settings::parse(&t, SETTINGS_FILE)
            .map(|s| s.language)
            .ok()
            .or_else(|| Settings::declared_language(&t))
    })
    .unwrap_or_default()
}

/// Verifies the push of a ref from commit `old` to commit `new` (either
/// all zeros: the ref is created, or deleted). `subdir` is the workspace's
/// folder in the repository, when it is not the top: files outside it are
/// not the workspace's, and paths are told from it.
pub fn verify_push(repo: &Repo, old: &str, new: &str, subdir: Option<&str>) -> Result<Verdict> {
    let mut push = Push {
        repo,
        tree: BTreeMap::new(),
        rules: Rules::from_texts(None, &[]).0,
        new_branch: is_zero(old),
        verdict: Verdict::default(),
    };
    if is_zero(new) {
        push.refuse(None, None, crate::said!("push-deletes-branch"));
        return Ok(push.verdict);
    }
    let new = commit(repo, new)?;
    let changes = if push.new_branch {
        repo.files(&new)?
            .into_iter()
            .map(|f| Change {
                path: f.path.clone(),
                old: None,
                new: Some(f),
            })
            .collect()
    } else {
        let old = commit(repo, old)?;
        if !repo.is_ancestor(&old, &new)? {
            let (old, new) = (short(&old), short(&new));
            push.refuse(
                None,
                None,
                crate::said!("push-rewrites-history", old = old, new = new),
            );
        }
        repo.changes(&old, &new)?
    };
    push.tree = repo
        .files(&new)?
        .into_iter()
        .filter_map(|f| within(f, subdir))
        .map(|f| (f.path.clone(), f))
        .collect();
    let changes: Vec<Change> = changes
        .into_iter()
        .filter_map(|c| {
            let path = within_path(&c.path, subdir)?;
            let old = c.old.and_then(|f| within(f, subdir));
            let new = c.new.and_then(|f| within(f, subdir));
            Some(Change { path, old, new })
        })
        .collect();
    push.verify(&changes)?;
    Ok(push.verdict)
}

/// `path` from the workspace folder `subdir`; none outside it.
fn within_path(path: &str, subdir: Option<&str>) -> Option<String> {
    let Some(sub) = subdir
        .map(|s| s.trim_matches('/'))
        .filter(|s| !s.is_empty())
    else {
        return Some(path.to_string());
    };
    path.strip_prefix(sub)?
        .strip_prefix('/')
        .map(str::to_string)
}

/// `file` with its path from the workspace folder `subdir`.
fn within(file: TreeFile, subdir: Option<&str>) -> Option<TreeFile> {
    let path = within_path(&file.path, subdir)?;
    Some(TreeFile { path, ..file })
}

/// The commit `rev` names, or the refusal to go on.
fn commit(repo: &Repo, rev: &str) -> Result<String> {
    repo.commit(rev)?
        .ok_or_else(|| Error::invalid(crate::said!("push-no-commit", rev = rev)))
}

/// The first twelve characters of an object name, as people quote them.
fn short(id: &str) -> String {
    id.chars().take(12).collect()
}

/// A push under verification.
struct Push<'r> {
    repo: &'r Repo,
    /// The new commit's files, by path.
    tree: BTreeMap<String, TreeFile>,
    rules: Rules,
    new_branch: bool,
    verdict: Verdict,
}

/// A changed case file, judged.
struct Judged {
    file: String,
    /// The new version, when it parsed.
    case: Option<Case>,
    /// Its events the old version did not have.
    added: Vec<Event>,
    /// Whether everything it records is new (an added file).
    whole: bool,
    problems: Vec<PushProblem>,
}

impl Push<'_> {
    fn refuse(&mut self, file: Option<&str>, event: Option<Text>, message: impl Into<Text>) {
        self.verdict.problems.push(PushProblem {
            file: file.map(str::to_string),
            event,
            message: message.into(),
        });
    }

    fn verify(&mut self, changes: &[Change]) -> Result<()> {
        self.verdict.files = changes.iter().filter(|c| c.new.is_some()).count();
        self.verify_settings(changes)?;
        let in_area = |top: &str| -> Vec<&Change> {
            changes
                .iter()
                .filter(|c| c.path.split('/').next() == Some(top))
                .collect()
        };
        let judged = self.verify_cases(&in_area(CASES_DIR))?;
        let mut stored = in_area(crate::paperwork::attach::ATTACHMENTS_DIR);
        stored.extend(in_area(crate::paperwork::notice::NOTICES_DIR));
        let changed: BTreeSet<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        self.verify_stored(&judged, &stored, &changed)?;
        self.verify_numbers(&judged)?;
        for j in judged {
            self.verdict.problems.extend(j.problems);
        }
        self.verdict
            .problems
            .sort_by(|a, b| (&a.file, a.message.english()).cmp(&(&b.file, b.message.english())));
        Ok(())
    }

    /// Reads the new tree's settings and calendars into the rules cases
    /// are judged by; refuses what is wrong in them when the push changes
    /// them.
    fn verify_settings(&mut self, changes: &[Change]) -> Result<()> {
        let is_calendar = |path: &str| {
            path.strip_prefix(CALENDARS_DIR)
                .and_then(|p| p.strip_prefix('/'))
                .is_some_and(|name| !name.contains('/') && name.ends_with(".yaml"))
        };
        let settings_file = self.tree.get(SETTINGS_FILE).cloned();
        let calendars: Vec<TreeFile> = self
            .tree
            .values()
            .filter(|f| is_calendar(&f.path))
            .cloned()
            .collect();
        let mut files: Vec<&TreeFile> = settings_file.iter().collect();
        files.extend(&calendars);
        let mut texts = read_texts(self.repo, &files, MAX_SETTINGS_BYTES)?.into_iter();
        let mut problems = Vec::new();
        let settings = match settings_file.as_ref().map(|_| texts.next()) {
            Some(Some(Ok(text))) => Some(text),
            Some(Some(Err(why))) => {
                problems.push(super::problem(SETTINGS_FILE, why));
                None
            }
            _ => None,
        };
        let mut calendar_texts = Vec::new();
        for (file, text) in calendars.iter().zip(texts) {
            match text {
                Ok(text) => calendar_texts.push((file.path.clone(), text)),
                Err(why) => problems.push(super::problem(&file.path, why)),
            }
        }
        let (rules, found) = Rules::from_texts(settings.as_deref(), &calendar_texts);
        self.rules = rules;
        problems.extend(found);
        let touched = changes
            .iter()
            .any(|c| c.path == SETTINGS_FILE || is_calendar(&c.path));
        if settings_file.is_none() && touched {
            self.refuse(
                Some(SETTINGS_FILE),
                None,
                crate::said!("push-settings-removed"),
            );
        }
        if touched {
            for Problem { file, message } in problems {
                self.refuse(Some(&file), None, message);
            }
        }
        Ok(())
    }

    /// Judges every changed file under `cases/`.
    fn verify_cases(&mut self, changes: &[&Change]) -> Result<Vec<Judged>> {
        let mut judged = Vec::new();
        let mut readable = Vec::new();
        for change in changes {
            match &change.new {
                None if case_path_problem(&change.path).is_none() => {
                    let file = Some(change.path.as_str());
                    self.refuse(file, None, crate::said!("push-case-deleted"));
                }
                None => {}
                Some(new) if !new.is_regular() => {
                    let why =
                        crate::said!("check-symlink", refused = crate::limits::link_refused());
                    self.refuse(Some(&change.path), None, why);
                }
                Some(_) => match case_path_problem(&change.path) {
                    Some(why) => self.refuse(Some(&change.path), None, why),
                    None => readable.push(*change),
                },
            }
        }
        let news: Vec<&TreeFile> = readable.iter().filter_map(|c| c.new.as_ref()).collect();
        let olds: Vec<&TreeFile> = readable.iter().filter_map(|c| c.old.as_ref()).collect();
        let mut new_texts = read_texts(self.repo, &news, MAX_FILE_BYTES)?.into_iter();
        let mut old_texts = read_texts(self.repo, &olds, MAX_FILE_BYTES)?.into_iter();
        let mut work = Vec::new();
        for change in readable {
            let new = new_texts.next().expect("one text per file");
            let old = change.old.as_ref().and_then(|_| old_texts.next());
            work.push((change.path.clone(), old, new));
        }
        let rules = &self.rules;
        let new_branch = self.new_branch;
        judged.par_extend(work.into_par_iter().map(|(file, old, new)| {
            judge(
                rules,
                file,
                old.and_then(std::result::Result::ok),
                new,
                new_branch,
            )
        }));
        Ok(judged)
    }

    /// Stored files: a changed or removed one is refused (but an
    /// attachment the history detached may leave), an added one must be
    /// recorded, and each new record must hold the bytes its SHA-256 names.
    fn verify_stored(
        &mut self,
        judged: &[Judged],
        changes: &[&Change],
        changed: &BTreeSet<&str>,
    ) -> Result<()> {
        let owners = self.owner_cases(judged, changes)?;
        // (file, sha256, case) to hash
        let mut expected: BTreeMap<String, (String, CaseId)> = BTreeMap::new();
        for j in judged {
            let Some(case) = &j.case else { continue };
            let fresh: BTreeSet<&str> = j.added.iter().filter_map(stored_by).collect();
            for (file, sha256) in recorded_files(case) {
                let new =
                    j.whole || fresh.contains(file.as_str()) || changed.contains(file.as_str());
                if new && case.id.owns_stored_file(&file) {
                    expected.insert(file, (sha256, case.id.clone()));
                }
            }
        }
        for change in changes {
            let owner = stored_file_owner(&change.path).and_then(|id| owners.get(id));
            let records = owner.map(recorded_files).unwrap_or_default();
            let recorded = records.iter().find(|(f, _)| *f == change.path);
            let message: Said = match (&change.old, &change.new, owner, recorded) {
                (Some(_), Some(_), Some(case), _) => {
                    crate::said!("push-stored-changed", id = case.id)
                }
                (_, _, None, _) => crate::said!("check-stored-no-case"),
                (Some(_), None, Some(case), Some(_)) => {
                    crate::said!("push-stored-removed", id = case.id)
                }
                (Some(_), None, Some(case), None) if !was_detached(case, &change.path) => {
                    crate::said!("push-stored-removed", id = case.id)
                }
                (Some(_), None, ..) => continue,
                (None, Some(_), Some(case), Some((file, sha256))) => {
                    expected.insert(file.clone(), (sha256.clone(), case.id.clone()));
                    continue;
                }
                (None, Some(_), Some(_), None) if change.path.starts_with("notices/") => {
                    crate::said!("check-unrecorded-notice")
                }
                (None, Some(_), Some(_), None) => crate::said!("check-unrecorded-attachment"),
                (None, None, ..) => continue,
            };
            self.refuse(Some(&change.path), None, message);
        }
        self.verify_hashes(expected)
    }

    /// The new version of the cases that own the stored files `changes`
    /// touch: judged already, or read from the new tree.
    fn owner_cases(
        &self,
        judged: &[Judged],
        changes: &[&Change],
    ) -> Result<BTreeMap<String, Case>> {
        let mut owners: BTreeMap<String, Case> = BTreeMap::new();
        let mut wanted: Vec<(String, &TreeFile)> = Vec::new();
        for change in changes {
            let Some(id) = stored_file_owner(&change.path) else {
                continue;
            };
            if owners.contains_key(id) || wanted.iter().any(|(w, _)| w == id) {
                continue;
            }
            if let Some(case) = judged
                .iter()
                .filter_map(|j| j.case.as_ref())
                .find(|c| c.id.as_str() == id)
            {
                owners.insert(id.to_string(), case.clone());
                continue;
            }
            let Ok(parsed) = CaseId::parse(id) else {
                continue;
            };
            let path = format!("{CASES_DIR}/{}/{id}.yaml", parsed.year());
            if let Some(file) = self.tree.get(&path) {
                wanted.push((id.to_string(), file));
            }
        }
        let files: Vec<&TreeFile> = wanted.iter().map(|(_, f)| *f).collect();
        let texts = read_texts(self.repo, &files, MAX_FILE_BYTES)?;
        for ((id, _), text) in wanted.into_iter().zip(texts) {
            if let Some(case) = text.ok().and_then(|t| parse_yaml_case(&t).ok()) {
                owners.insert(id, case);
            }
        }
        Ok(owners)
    }

    /// Each stored file in `expected` exists, is a regular file and holds
    /// the bytes of the SHA-256 its case records.
    fn verify_hashes(&mut self, expected: BTreeMap<String, (String, CaseId)>) -> Result<()> {
        let mut present: Vec<(String, String, CaseId, String)> = Vec::new();
        for (file, (sha256, id)) in expected {
            match self.tree.get(&file) {
                None => self.refuse(
                    Some(&file),
                    None,
                    crate::said!("check-file-missing", id = id),
                ),
                Some(f) if !f.is_regular() => {
                    let why =
                        crate::said!("check-symlink", refused = crate::limits::link_refused());
                    self.refuse(Some(&file), None, why);
                }
                Some(f) => present.push((file, sha256, id, f.id.clone())),
            }
        }
        let blobs: Vec<String> = present.iter().map(|p| p.3.clone()).collect();
        let mut found = vec![String::new(); blobs.len()];
        self.repo.read_blobs(&blobs, |i, _, bytes| {
            use sha2::{Digest, Sha256};
            let mut digest = Sha256::new();
            std::io::copy(bytes, &mut digest).map_err(|e| Error::invalid(e.to_string()))?;
            found[i] = format!("{:x}", digest.finalize());
            Ok(())
        })?;
        for ((file, sha256, id, _), found) in present.into_iter().zip(found) {
            if found != sha256 {
                self.refuse(
                    Some(&file),
                    None,
                    crate::said!("check-file-altered", id = id),
                );
            }
        }
        Ok(())
    }

    /// A notice number a push records must be recorded nowhere else: not
    /// in another event of its case, not in another case file.
    fn verify_numbers(&mut self, judged: &[Judged]) -> Result<()> {
        // (number, file, event)
        let mut fresh: Vec<(&str, &str, &Event)> = Vec::new();
        for j in judged {
            let Some(case) = &j.case else { continue };
            for event in &j.added {
                let Some(notice) = event.notice() else {
                    continue;
                };
                fresh.push((&notice.number, &j.file, event));
                let same: Vec<(usize, &Event)> = case
                    .history
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.notice().is_some_and(|n| n.number == notice.number))
                    .collect();
                // The new one named by its own place, another by its.
                let at = same
                    .iter()
                    .rev()
                    .find(|(_, e)| *e == event)
                    .map(|(k, _)| *k);
                let earlier = same.iter().find(|(k, _)| Some(*k) != at);
                if let (Some(at), Some((first, earlier))) = (at, earlier) {
                    let other = event_text(first + 1, earlier);
                    let message =
                        crate::said!("push-notice-reused", number = notice.number, other = other);
                    self.refuse(Some(&j.file), Some(event_text(at + 1, event)), message);
                }
            }
        }
        if fresh.is_empty() {
            return Ok(());
        }
        let mine: BTreeSet<&str> = judged.iter().map(|j| j.file.as_str()).collect();
        let others = self.numbers_elsewhere(&fresh, &mine)?;
        let judged_numbers = judged
            .iter()
            .filter_map(|j| j.case.as_ref().map(|c| (j.file.as_str(), c)));
        let mut holders: Vec<(String, String)> = others;
        for (file, case) in judged_numbers {
            holders.extend(
                case.history
                    .iter()
                    .filter_map(Event::notice)
                    .map(|n| (n.number.clone(), file.to_string())),
            );
        }
        for (number, file, event) in fresh {
            for (_, other) in holders.iter().filter(|(n, f)| n == number && f != file) {
                let case = judged
                    .iter()
                    .find(|j| j.file == file)
                    .and_then(|j| j.case.as_ref());
                let label = case.and_then(|c| event_label(c, event));
                let message = crate::said!("push-notice-reused", number = number, other = other);
                self.refuse(Some(file), label, message);
            }
        }
        Ok(())
    }

    /// The notice numbers recorded in the new tree's case files outside
    /// `mine` that name one of `fresh`: `(number, file)`. Only files whose
    /// text holds such a number are parsed.
    fn numbers_elsewhere(
        &self,
        fresh: &[(&str, &str, &Event)],
        mine: &BTreeSet<&str>,
    ) -> Result<Vec<(String, String)>> {
        let files: Vec<&TreeFile> = self
            .tree
            .values()
            .filter(|f| f.path.starts_with("cases/") && f.is_regular())
            .filter(|f| !mine.contains(f.path.as_str()) && case_path_problem(&f.path).is_none())
            .collect();
        let texts = read_texts(self.repo, &files, MAX_FILE_BYTES)?;
        let wanted: BTreeSet<&str> = fresh.iter().map(|(n, ..)| *n).collect();
        let found = files
            .par_iter()
            .zip(texts.into_par_iter())
            .flat_map_iter(|(file, text)| {
                let Ok(text) = text else { return Vec::new() };
                if !text.lines().any(|l| names_number(l, &wanted)) {
                    return Vec::new();
                }
                let Ok(case) = parse_yaml_case(&text) else {
                    return Vec::new();
                };
                case.history
                    .iter()
                    .filter_map(Event::notice)
                    .filter(|n| fresh.iter().any(|(f, ..)| *f == n.number))
                    .map(|n| (n.number.clone(), file.path.clone()))
                    .collect()
            })
            .collect();
        Ok(found)
    }
}

/// Whether a line of a case file's text is a `number:` detail naming one
/// of `wanted` (a cheap look before the file is parsed; quoted values are
/// unquoted loosely, the parse decides).
fn names_number(line: &str, wanted: &BTreeSet<&str>) -> bool {
    let Some(value) = line.trim_start().strip_prefix("number:") else {
        return false;
    };
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    wanted.contains(value)
}

/// Judges one changed case file: its new version as `check` does, and
/// that it keeps every event the old version recorded.
fn judge(
    rules: &Rules,
    file: String,
    old: Option<String>,
    new: std::result::Result<String, Text>,
    new_branch: bool,
) -> Judged {
    let mut judged = Judged {
        whole: old.is_none() || new_branch,
        file,
        case: None,
        added: Vec::new(),
        problems: Vec::new(),
    };
    let text = match new {
        Ok(text) => text,
        Err(why) => {
            judged.problems.push(refusal(&judged.file, None, why));
            return judged;
        }
    };
    let (case, problems) = rules.case_text(&judged.file, &text);
    judged.problems.extend(
        problems
            .into_iter()
            .map(|p| refusal(&p.file, None, p.message)),
    );
    let Some(case) = case else { return judged };
    let before = old.and_then(|t| parse_yaml_case(&t).ok());
    match &before {
        Some(before) => compare_histories(before, &case, &mut judged),
        None => judged.added = case.history.clone(),
    }
    judged.case = Some(case);
    judged
}

/// The old history must be kept whole in the new one: an event missing
/// is one removed or altered. The new events are noted in `judged`.
fn compare_histories(before: &Case, after: &Case, judged: &mut Judged) {
    let mut left: BTreeMap<&Event, usize> = BTreeMap::new();
    for e in &after.history {
        *left.entry(e).or_default() += 1;
    }
    // Another registration (received, or registered, at another moment):
    // the ID now names another case. A first event merely altered is told
    // as any other.
    let first_at = |c: &Case| c.history.first().map(|e| e.at);
    let other_case = before.received != after.received || first_at(before) != first_at(after);
    let first_kept = before.history.first().is_none_or(|e| left.contains_key(e));
    if !first_kept && other_case {
        let at = before.received.format("%Y-%m-%d %H:%M").to_string();
        let message = crate::said!("push-id-reused", id = before.id, at = at);
        judged.problems.push(refusal(&judged.file, None, message));
        return;
    }
    for (n, e) in before.history.iter().enumerate() {
        match left.get_mut(e) {
            Some(count) if *count > 0 => *count -= 1,
            _ => {
                let label = Some(event_text(n + 1, e));
                let message = crate::said!("push-event-lost");
                judged.problems.push(refusal(&judged.file, label, message));
            }
        }
    }
    for e in &after.history {
        if let Some(count) = left.get_mut(e).filter(|c| **c > 0) {
            *count -= 1;
            judged.added.push(e.clone());
        }
    }
}

fn refusal(file: &str, event: Option<Text>, message: impl Into<Text>) -> PushProblem {
    PushProblem {
        file: Some(file.to_string()),
        event,
        message: message.into(),
    }
}

/// The stored file a new event records, if it records one.
fn stored_by(event: &Event) -> Option<&str> {
    match &event.what {
        EventKind::Attached { file, .. } => Some(file),
        EventKind::Notice(notice) => Some(&notice.file),
        _ => None,
    }
}

/// Whether the history of `case` detached the attachment stored at `file`.
fn was_detached(case: &Case, file: &str) -> bool {
    case.history
        .iter()
        .any(|e| matches!(&e.what, EventKind::Detached { file: f, .. } if f == file))
}

/// `event` of `case` named by its place in the history.
fn event_label(case: &Case, event: &Event) -> Option<Text> {
    let n = case.history.iter().position(|e| e == event)?;
    Some(event_text(n + 1, event))
}

/// Event number `n` (from 1), named by its kind, time and officer.
fn event_text(n: usize, event: &Event) -> Text {
    let kind = match event.what.action() {
        Action::Registered => crate::said!("event-registered"),
        Action::Imported => crate::said!("event-imported"),
        Action::Note => crate::said!("event-note"),
        Action::Promised => crate::said!("event-promised"),
        Action::Consent => crate::said!("event-consent"),
        Action::Status => crate::said!("event-kind-status"),
        Action::Assigned => crate::said!("event-kind-assigned"),
        Action::Attached => crate::said!("event-kind-attached"),
        Action::Notice => crate::said!("event-kind-notice"),
        Action::Milestone => crate::said!("push-kind-milestone"),
        Action::Extended => crate::said!("push-kind-extended"),
        Action::Edited => crate::said!("push-kind-edited"),
        Action::Followup => crate::said!("push-kind-followup"),
        Action::Detached => crate::said!("push-kind-detached"),
        Action::Superseded => crate::said!("push-kind-superseded"),
        Action::Voided => crate::said!("push-kind-voided"),
        Action::Approved => crate::said!("push-kind-approved"),
        Action::Escalated => crate::said!("push-kind-escalated"),
        Action::Instructed => crate::said!("event-instructed"),
        Action::Routed => crate::said!("push-kind-routed"),
        Action::AppraisalStarted => crate::said!("push-kind-appraisal-started"),
        Action::AppraisalResult => crate::said!("push-kind-appraisal-result"),
    };
    crate::said!(
        "push-event",
        n = n,
        kind = kind.into_arg(),
        at = event.at.format("%Y-%m-%d %H:%M"),
        by = event.by
    )
    .into()
}

/// The texts of `files`, read from git in one batch: each the UTF-8 text
/// or why it cannot be read (over `limit` bytes, not UTF-8).
fn read_texts(
    repo: &Repo,
    files: &[&TreeFile],
    limit: usize,
) -> Result<Vec<std::result::Result<String, Text>>> {
    let ids: Vec<String> = files.iter().map(|f| f.id.clone()).collect();
    let mut texts = Vec::with_capacity(ids.len());
    repo.read_blobs(&ids, |_, size, bytes| {
        let what = if limit == MAX_FILE_BYTES {
            "case file"
        } else {
            "settings file"
        };
        if size > limit as u64 {
            texts.push(Err(crate::limits::too_large(size, limit, what).into()));
            return Ok(());
        }
        let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        bytes
            .read_to_end(&mut buf)
            .map_err(|e| Error::invalid(e.to_string()))?;
        texts.push(
            String::from_utf8(buf).map_err(|e| crate::limits::not_utf8(&e.utf8_error()).into()),
        );
        Ok(())
    })?;
    Ok(texts)
}
