//! Evidence attachments: files copied into `attachments/ID/`, named by
//! content hash and original name, recorded in the history with name, size
//! and SHA-256. Detaching is an event too (the file leaves the working
//! tree, the record stays); `check` verifies every file still attached.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};
use crate::model::{Action, Case, CaseId, Event};
use crate::storage::atomic::write_atomic;
use crate::storage::{Update, Workspace};

/// The folder of attachments inside a workspace.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// One file attached to a case and not detached since.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Attachment {
    /// The file's original name.
    pub name: String,
    /// The stored copy, relative to the workspace root.
    pub file: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256.
    pub sha256: String,
    /// The note given when it was attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The case's current attachments, in the order they were attached.
pub fn current(case: &Case) -> Vec<Attachment> {
    let mut list: Vec<Attachment> = Vec::new();
    for event in &case.history {
        match event.action {
            Action::Attached => {
                if let (Some(file), Some(sha256)) = (&event.file, &event.sha256) {
                    list.retain(|a| &a.file != file);
                    list.push(Attachment {
                        name: event.name.clone().unwrap_or_default(),
                        file: file.clone(),
                        size: event.size.unwrap_or(0),
                        sha256: sha256.clone(),
                        note: event.note.clone(),
                    });
                }
            }
            Action::Detached => list.retain(|a| Some(&a.file) != event.file.as_ref()),
            _ => {}
        }
    }
    list
}

/// A file read and checked, ready to store.
struct Incoming {
    name: String,
    bytes: Vec<u8>,
    sha256: String,
}

/// Copies `files` into the workspace and records one `attached` event per
/// file. Every file is checked (a regular file, readable, within the
/// size limit) before anything is written; a file already attached with
/// the same content is skipped with a warning.
pub fn attach(
    ws: &Workspace,
    id: &CaseId,
    files: &[PathBuf],
    note: Option<&str>,
    officer: &str,
    now: DateTime<FixedOffset>,
) -> Result<(Case, Vec<Attachment>, Vec<String>)> {
    if files.is_empty() {
        return Err(Error::Invalid(crate::msg!(
            crate::messages::language(),
            "attach-nothing"
        )));
    }
    let limit = ws.settings.attachment_limit();
    let incoming = files
        .iter()
        .map(|path| read_incoming(path, limit))
        .collect::<Result<Vec<_>>>()?;
    let (case, (added, warnings), _) = ws.update_or_keep(id, |case| {
        let when = now;
        // Refused before any file is copied, so a refusal leaves nothing behind.
        crate::policy::workflow::check_event_time(case, Action::Attached, when)?;
        let mut added = Vec::new();
        let mut warnings = Vec::new();
        for item in incoming {
            let file = format!(
                "{ATTACHMENTS_DIR}/{id}/{}-{}",
                &item.sha256[..12],
                safe_name(&item.name)
            );
            if current(case).iter().any(|a| a.file == file) {
                warnings.push(crate::msg!(
                    crate::messages::language(),
                    "attached-already",
                    name = item.name,
                    file = file
                ));
                continue;
            }
            write_atomic(&ws.root.join(&file), &item.bytes)?;
            let mut event = Event::new(when, officer, Action::Attached);
            event.name = Some(item.name.clone());
            event.file = Some(file.clone());
            event.size = Some(item.bytes.len() as u64);
            event.sha256 = Some(item.sha256.clone());
            event.note = note.map(str::to_string);
            crate::policy::workflow::insert_event(case, event)?;
            added.push(Attachment {
                name: item.name,
                file,
                size: item.bytes.len() as u64,
                sha256: item.sha256,
                note: note.map(str::to_string),
            });
        }
        // Nothing new (every file attached already): the case stays as it is.
        Ok(if added.is_empty() {
            Update::Keep((added, warnings))
        } else {
            Update::Write((added, warnings))
        })
    })?;
    Ok((case, added, warnings))
}

fn read_incoming(path: &Path, limit: u64) -> Result<Incoming> {
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Invalid(crate::msg!(
                crate::messages::language(),
                "no-such-file",
                file = path.display()
            ))
        } else {
            Error::io(path, e)
        }
    })?;
    if meta.is_dir() {
        return Err(Error::Invalid(crate::msg!(
            crate::messages::language(),
            "attach-folder",
            file = path.display()
        )));
    }
    if meta.len() > limit {
        return Err(Error::Invalid(crate::msg!(
            crate::messages::language(),
            "attach-too-large",
            file = path.display(),
            len = meta.len(),
            mb = limit / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    Ok(Incoming {
        sha256: super::sha256_hex(&bytes),
        name,
        bytes,
    })
}

/// A file name safe in every file system and in git: no separators,
/// control characters or characters Windows refuses.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "file".into()
    } else {
        cleaned.chars().take(100).collect()
    }
}

/// Detaches the attachment whose original name, stored file or hash prefix
/// is `which`: a `detached` event with the reason, then the stored copy
/// leaves the working tree (git history keeps it).
pub fn detach(
    ws: &Workspace,
    id: &CaseId,
    which: &str,
    reason: &str,
    officer: &str,
    now: DateTime<FixedOffset>,
) -> Result<(Case, Attachment)> {
    if reason.trim().is_empty() {
        return Err(Error::Invalid(
            "--reason is empty; say why the file leaves the case".into(),
        ));
    }
    let lock = ws.lock()?;
    let mut case = ws.read_case(id)?;
    let list = current(&case);
    let matches: Vec<&Attachment> = list
        .iter()
        .filter(|a| {
            a.name == which || a.file == which || (which.len() >= 6 && a.sha256.starts_with(which))
        })
        .collect();
    let found = match matches.as_slice() {
        [one] => (*one).clone(),
        [] => {
            let attached: Vec<&str> = list.iter().map(|a| a.name.as_str()).collect();
            return Err(Error::Invalid(crate::msg!(
                crate::messages::language(),
                "no-attachment",
                id = id,
                which = which,
                attached = attached.join(", ")
            )));
        }
        _ => {
            return Err(Error::Invalid(crate::msg!(
                crate::messages::language(),
                "attachment-ambiguous",
                which = which,
                count = matches.len()
            )));
        }
    };
    let mut event = Event::new(now, officer, Action::Detached);
    event.name = Some(found.name.clone());
    event.file = Some(found.file.clone());
    event.sha256 = Some(found.sha256.clone());
    event.note = Some(reason.trim().to_string());
    crate::policy::workflow::insert_event(&mut case, event)?;
    if !is_stored_path(&found.file) {
        return Err(Error::Invalid(format!(
            "case {id}: the recorded file '{}' is not under {ATTACHMENTS_DIR}/; fix the history by hand (plaint check)",
            found.file
        )));
    }
    ws.write_case(&lock, &case)?;
    crate::storage::atomic::remove_file(&ws.root.join(&found.file))?;
    Ok((case, found))
}

/// A problem with a stored file a case refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    /// The stored file, relative to the workspace root; `None` for a
    /// problem of the case file itself.
    pub file: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Checks every current attachment and every issued notice of `case`
/// against the hash its history records, and that no document number is
/// recorded twice.
pub fn verify(root: &Path, case: &Case) -> Vec<FileProblem> {
    let mut problems = Vec::new();
    let mut stored: Vec<(String, String)> = current(case)
        .into_iter()
        .map(|a| (a.file, a.sha256))
        .collect();
    let mut numbers = std::collections::BTreeMap::new();
    for event in case.history.iter().filter(|e| e.action == Action::Notice) {
        if let (Some(file), Some(sha256)) = (&event.file, &event.sha256) {
            stored.push((file.clone(), sha256.clone()));
        }
        if let Some(number) = &event.number {
            *numbers.entry(number.clone()).or_insert(0) += 1;
        }
    }
    for (file, sha256) in stored {
        if !is_stored_path(&file) {
            problems.push(FileProblem {
                file: None,
                message: format!(
                    "case {}: the recorded file '{file}' is not under {ATTACHMENTS_DIR}/ or {}/",
                    case.id,
                    super::notice::NOTICES_DIR
                ),
            });
            continue;
        }
        let message = match std::fs::read(root.join(&file)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                format!("case {}: the file is missing", case.id)
            }
            Err(e) => format!("case {}: unreadable ({e})", case.id),
            Ok(bytes) if super::sha256_hex(&bytes) != sha256 => format!(
                "case {}: the file was altered (its SHA-256 differs from the one recorded)",
                case.id
            ),
            Ok(_) => continue,
        };
        problems.push(FileProblem {
            file: Some(file),
            message,
        });
    }
    for (number, n) in numbers.into_iter().filter(|(_, n)| *n > 1) {
        problems.push(FileProblem {
            file: None,
            message: format!(
                "case {}: document number {number} is recorded {n} times; reissue one of the notices",
                case.id
            ),
        });
    }
    problems
}

/// Whether `file` (as a history records it) names a file plaint stores:
/// a plain relative path under `attachments/` or `notices/`, never one
/// that climbs out of them. A hand-edited history is not trusted.
pub fn is_stored_path(file: &str) -> bool {
    use std::path::Component;
    let path = Path::new(file);
    let top = [ATTACHMENTS_DIR, super::notice::NOTICES_DIR];
    !file.contains('\\')
        && path.components().count() > 1
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && top.iter().any(|t| path.starts_with(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_under_the_stored_folders_are_trusted() {
        assert!(is_stored_path("attachments/20261129-K7QF2/ab-photo.jpg"));
        assert!(is_stored_path(
            "notices/2026/20261129-K7QF2/acceptance-1.html"
        ));
        assert!(!is_stored_path("attachments/../plaint.yaml"));
        assert!(!is_stored_path("/etc/passwd"));
        assert!(!is_stored_path("cases/2026/x.yaml"));
        assert!(!is_stored_path("notices"));
        assert!(!is_stored_path("notices\\..\\x"));
    }

    #[test]
    fn safe_names_keep_chinese_and_drop_separators() {
        assert_eq!(safe_name("现场照片.jpg"), "现场照片.jpg");
        assert_eq!(safe_name("a/b\\c:d.png"), "a_b_c_d.png");
        assert_eq!(safe_name(".."), "file");
    }
}
