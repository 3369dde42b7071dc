//! Evidence attachments: files copied into `attachments/ID/`, named by
//! content hash and original name, recorded in the history with name, size
//! and SHA-256. Detaching is an event too (the file leaves the working
//! tree, the record stays); `check` verifies every file still attached.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};
use crate::model::{Action, Case, CaseId, Event, EventKind};
use crate::storage::atomic::write_atomic;
use crate::storage::{Update, Workspace};

pub use crate::model::id::ATTACHMENTS_DIR;

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
        match &event.what {
            EventKind::Attached {
                name,
                file,
                size,
                sha256,
            } => {
                list.retain(|a| &a.file != file);
                list.push(Attachment {
                    name: name.clone(),
                    file: file.clone(),
                    size: *size,
                    sha256: sha256.clone(),
                    note: event.note.clone(),
                });
            }
            EventKind::Detached { file, .. } => list.retain(|a| &a.file != file),
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
        return Err(Error::invalid(crate::said!("attach-nothing")));
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
                    ws.policy.language,
                    "attached-already",
                    name = item.name,
                    file = file
                ));
                continue;
            }
            write_atomic(
                &crate::storage::confine::checked(&ws.root, &file)?,
                &item.bytes,
            )?;
            let attached = EventKind::Attached {
                name: item.name.clone(),
                file: file.clone(),
                size: item.bytes.len() as u64,
                sha256: item.sha256.clone(),
            };
            let mut event = Event::new(when, officer, attached);
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
            Error::invalid(crate::said!("no-such-file", file = path.display()))
        } else {
            Error::io(path, e)
        }
    })?;
    if meta.is_dir() {
        return Err(Error::invalid(crate::said!(
            "attach-folder",
            file = path.display()
        )));
    }
    if meta.len() > limit {
        return Err(Error::invalid(crate::said!(
            "attach-too-large",
            file = path.display(),
            len = meta.len(),
            mb = limit / (1024 * 1024)
        )));
    }
    // Only a regular file: a FIFO would block and a device never end.
    let (file, len) = crate::limits::open_regular(path, limit, "attachment source", true)?;
    let mut bytes = Vec::with_capacity(len as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::invalid(crate::said!(
            "attach-too-large",
            file = path.display(),
            len = bytes.len(),
            mb = limit / (1024 * 1024)
        )));
    }
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
        return Err(Error::invalid(crate::said!("detach-no-reason")));
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
            return Err(Error::invalid(crate::said!(
                "no-attachment",
                id = id,
                which = which,
                attached = crate::messages::join(ws.policy.language, &attached)
            )));
        }
        _ => {
            return Err(Error::invalid(crate::said!(
                "attachment-ambiguous",
                which = which,
                count = matches.len()
            )));
        }
    };
    // Detached before it was attached would leave the history saying the
    // file is still there.
    let attached_at = case
        .history
        .iter()
        .filter(|e| matches!(&e.what, EventKind::Attached { file, .. } if *file == found.file))
        .map(|e| e.at)
        .max();
    if let Some(later) = attached_at.filter(|at| *at > now) {
        return Err(before_event(
            now,
            crate::said!("event-kind-attached"),
            later,
        ));
    }
    let detached = EventKind::Detached {
        name: found.name.clone(),
        file: found.file.clone(),
        sha256: found.sha256.clone(),
    };
    let mut event = Event::new(now, officer, detached);
    event.note = Some(reason.trim().to_string());
    crate::policy::workflow::insert_event(&mut case, event)?;
    let stored = removable(&ws.root, &case.id, &found)?;
    ws.write_case(&lock, &case)?;
    if let Some(path) = stored {
        crate::storage::atomic::remove_file(&path)?;
        // The case's folder goes with its last file (git keeps no empty
        // folders either); one still holding files stays.
        if let Some(dir) = path.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    Ok((case, found))
}

/// The stored copy `detach` may remove: only a file in the case's own
/// folder, no link, holding exactly the bytes recorded. `None` when it is
/// gone already. Anything else is refused before the history changes, so
/// a hand-edited `file:` can never make detach delete another case's
/// evidence or a file it did not store.
fn removable(root: &Path, id: &CaseId, found: &Attachment) -> Result<Option<PathBuf>> {
    if !id.owns_stored_file(&found.file) {
        return Err(Error::refused(crate::said!(
            "stored-path-foreign",
            id = id,
            file = found.file
        )));
    }
    match stored_sha256(root, &found.file) {
        Err(Error::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
        Ok(sha256) if sha256 == found.sha256 => Ok(Some(root.join(&found.file))),
        Ok(_) => Err(Error::refused(crate::said!(
            "detach-altered",
            id = id,
            file = found.file
        ))),
    }
}

/// The refusal of an event at `at` before the `kind` event it follows.
pub(crate) fn before_event(
    at: DateTime<FixedOffset>,
    kind: crate::messages::said::Said,
    later: DateTime<FixedOffset>,
) -> Error {
    Error::invalid(crate::said!(
        "before-last-event",
        at = at.format("%Y-%m-%d %H:%M"),
        event = kind,
        later = later.format("%Y-%m-%d %H:%M")
    ))
}

/// The SHA-256 of a stored file (an attachment or a notice), read as
/// every workspace file is: a regular file reached through no link,
/// streamed, so a large attachment is never held whole.
pub fn stored_sha256(root: &Path, file: &str) -> Result<String> {
    use sha2::{Digest, Sha256};
    let path = crate::storage::confine::checked(root, file)?;
    let (mut handle, _) = crate::limits::open_regular(&path, u64::MAX, "attachment", false)?;
    let mut digest = Sha256::new();
    std::io::copy(&mut handle, &mut digest).map_err(|e| Error::io(&path, e))?;
    Ok(format!("{:x}", digest.finalize()))
}

/// A problem with a stored file a case refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    /// The stored file, relative to the workspace root; `None` for a
    /// problem of the case file itself.
    pub file: Option<String>,
    /// What is wrong.
    pub message: crate::messages::said::Text,
}

/// The stored files `case` holds, each with the SHA-256 its history
/// records: every current attachment and every issued notice (but one
/// superseded by another issuance stored under the same path).
pub fn recorded_files(case: &Case) -> Vec<(String, String)> {
    let mut stored: Vec<(String, String)> = current(case)
        .into_iter()
        .map(|a| (a.file, a.sha256))
        .collect();
    let notices = super::notice::issued(case);
    // Where two issuances were stored under one path (clones of an older
    // plaint), the one marked superseded no longer holds its bytes.
    let replaced = |n: &super::notice::Issuance| {
        n.superseded.is_some()
            && notices
                .iter()
                .any(|o| o.superseded.is_none() && o.notice.file == n.notice.file)
    };
    stored.extend(
        notices
            .iter()
            .filter(|n| !replaced(n))
            .map(|n| (n.notice.file.clone(), n.notice.sha256.clone())),
    );
    stored
}

/// Checks every current attachment and every issued notice of `case`
/// against the hash its history records: each must lie in the case's own
/// folder, be a regular file reached through no link, and hold the bytes
/// recorded.
pub fn verify(root: &Path, case: &Case) -> Vec<FileProblem> {
    let mut problems = Vec::new();
    for (file, sha256) in recorded_files(case) {
        if !case.id.owns_stored_file(&file) {
            problems.push(FileProblem {
                file: None,
                message: crate::said!("stored-path-foreign", id = case.id, file = file).into(),
            });
            continue;
        }
        let message = match stored_sha256(root, &file) {
            Err(Error::NotFound(_)) => crate::said!("check-file-missing", id = case.id),
            Err(Error::BadFile { message, .. }) => {
                crate::said!("check-file-unreadable", id = case.id, why = message.arg())
            }
            Err(e) => crate::said!(
                "check-file-unreadable",
                id = case.id,
                why = both_languages(&e)
            ),
            Ok(found) if found != sha256 => crate::said!("check-file-altered", id = case.id),
            Ok(_) => continue,
        };
        problems.push(FileProblem {
            file: Some(file),
            message: message.into(),
        });
    }
    problems
}

/// An error as a placeholder's value, in the sentence's language.
fn both_languages(e: &Error) -> crate::messages::said::Arg {
    use crate::messages::Language;
    crate::messages::said::Arg::each(e.render(Language::En), e.render(Language::Zh))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_owns_only_its_own_folders() {
        let id = CaseId::parse("20261129-K7QF2").unwrap();
        assert!(id.owns_stored_file("attachments/20261129-K7QF2/ab-photo.jpg"));
        assert!(id.owns_stored_file("notices/2026/20261129-K7QF2/acceptance-4Q7MA.html"));
        for foreign in [
            "attachments/20261129-K7QF3/ab-photo.jpg",
            "attachments/20261129-K7QF2/sub/photo.jpg",
            "attachments/20261129-K7QF2/../20261129-K7QF3/x",
            "notices/2025/20261129-K7QF2/acceptance-1.html",
            "notices/2026/20261129-K7QF3/acceptance-1.html",
            "attachments/20261129-K7QF2",
            "cases/2026/20261129-K7QF2.yaml",
            "/attachments/20261129-K7QF2/x",
        ] {
            assert!(!id.owns_stored_file(foreign), "{foreign}");
        }
    }

    #[test]
    fn safe_names_keep_chinese_and_drop_separators() {
        assert_eq!(safe_name("现场照片.jpg"), "现场照片.jpg");
        assert_eq!(safe_name("a/b\\c:d.png"), "a_b_c_d.png");
        assert_eq!(safe_name(".."), "file");
    }
}
