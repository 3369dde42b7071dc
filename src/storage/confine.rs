//! Keeping every path plaint reads or writes outside `cases/` inside the
//! workspace: stored attachments, issued notices, workspace templates.
//!
//! A path is taken only as a plain relative path (no `..`, no root, no
//! backslash) and only when no part of it, from the workspace root down,
//! is a symbolic link: a link planted as `attachments/`, `notices/2026/` or
//! `templates/acceptance.md` would otherwise make plaint write or read
//! outside the workspace. Reading goes through [`crate::limits`], which
//! reads regular files only, so a FIFO or a device never blocks or floods.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// `relative` under `root`, when it is a plain relative path none of whose
/// existing parts is a symbolic link (the last part included). Parts that
/// do not exist yet are fine: a write creates them as folders.
pub fn checked(root: &Path, relative: &str) -> Result<PathBuf> {
    let path = Path::new(relative);
    let plain = !relative.is_empty()
        && !relative.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return Err(Error::invalid(crate::said!(
            "path-not-plain",
            path = relative
        )));
    }
    let mut full = root.to_path_buf();
    for part in path.components() {
        full.push(part);
        match std::fs::symlink_metadata(&full) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Error::BadFile {
                    path: full,
                    message: crate::limits::link_refused().into(),
                });
            }
            Ok(_) => {}
            // Nothing further down exists either.
            Err(_) => break,
        }
    }
    Ok(root.join(path))
}

/// Reads the regular file `relative` under `root` (see [`checked`]), at
/// most `limit` bytes.
pub fn read(root: &Path, relative: &str, limit: usize, what: &str) -> Result<Vec<u8>> {
    let path = checked(root, relative)?;
    crate::limits::read_bounded(&path, limit, what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", "../x", "/etc/passwd", "a/../../b", "a\\b", "./a"] {
            assert!(checked(dir.path(), bad).is_err(), "{bad}");
        }
        assert_eq!(
            checked(dir.path(), "notices/2026/x.html").unwrap(),
            dir.path().join("notices/2026/x.html")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_anywhere_along_the_path_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("notices")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("notices/2026")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("attachments")).unwrap();
        std::fs::write(outside.path().join("t.md"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("t.md"),
            dir.path().join("templates/t.md"),
        )
        .unwrap();
        for link in [
            "notices/2026/X/acceptance-1.html",
            "attachments/X/a.jpg",
            "templates/t.md",
        ] {
            let err = checked(dir.path(), link).unwrap_err();
            assert!(matches!(err, Error::BadFile { .. }), "{link}: {err}");
        }
        assert!(checked(dir.path(), "notices/2025/X/a.html").is_ok());
    }
}
