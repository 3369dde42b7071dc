//! The one way plaint writes a file: a temporary file beside the target,
//! flushed to disk, then renamed over the target.
//!
//! A rename within one folder is atomic, so a reader (or a crash) sees either
//! the old file or the new one, never half of each. [`write_batch`] is the
//! one exception, for staging folders nobody reads until a later commit.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `contents` to `path` atomically, creating the parent folder.
///
/// Callers that read-modify-write must hold the workspace lock across the
/// whole operation; this function only guarantees the file is never torn.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    replace(path, contents, true)
}

/// Like [`write_atomic`] — whole file or nothing — without flushing to
/// disk: for a file another program reads back at once and stores itself,
/// such as the result git takes from its merge driver. Flushing would
/// double the time of a pull that merges a thousand case files, and keep
/// nothing git does not keep anyway.
pub fn write_atomic_transient(path: &Path, contents: &[u8]) -> Result<()> {
    replace(path, contents, false)
}

fn replace(path: &Path, contents: &[u8], durable: bool) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::invalid(crate::said!("no-parent-folder", path = path.display())))?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".plaint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    keep_permissions(temp.as_file(), path);
    temp.write_all(contents).map_err(|e| Error::io(path, e))?;
    if durable {
        temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    }
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    if durable {
        sync_dir(dir);
    }
    Ok(())
}

/// Temporary files are created private (0600); a case file must stay as
/// readable as the file it replaces, or as an ordinary new file (0644).
fn keep_permissions(file: &std::fs::File, target: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o777);
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, target);
}

/// Writes a batch of new files into `dir` (a staging folder no reader
/// looks in) and flushes them all to disk before returning, in parallel:
/// a batch needs its files durable before its commit point, not one by
/// one, and thousands of temp-file-and-rename cycles would dominate a
/// large import. Each file is `(name, contents)`.
pub fn write_batch(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let one_flush = cfg!(target_os = "linux");
    files.par_iter().try_for_each(|(name, contents)| {
        let path = dir.join(name);
        let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        file.write_all(contents).map_err(|e| Error::io(&path, e))?;
        if one_flush {
            return Ok(());
        }
        file.sync_all().map_err(|e| Error::io(&path, e))
    })?;
    if one_flush {
        sync_filesystem(dir)?;
    }
    sync_dir(dir);
    Ok(())
}

/// Flushes every written file of the filesystem holding `dir` in one call:
/// thousands of per-file `fsync`s cost far more than one `syncfs`.
#[cfg(target_os = "linux")]
fn sync_filesystem(dir: &Path) -> Result<()> {
    use std::os::fd::AsRawFd;
    let handle = std::fs::File::open(dir).map_err(|e| Error::io(dir, e))?;
    // SAFETY: `syncfs` only reads the descriptor, which `handle` keeps open.
    if unsafe { libc::syncfs(handle.as_raw_fd()) } != 0 {
        return Err(Error::io(dir, std::io::Error::last_os_error()));
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_filesystem(_dir: &Path) -> Result<()> {
    Ok(())
}

/// Removes a file plaint stored (a detached attachment); a file already
/// gone is fine. The caller records the removal in the case's history.
pub fn remove_file(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => {
            if let Some(dir) = path.parent() {
                sync_dir(dir);
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Flushes the folder entry of a rename; best effort, as not every platform
/// can open a folder for syncing.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/case.yaml");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("case.yaml")]);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_modes_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("case.yaml");
        write_atomic(&target, b"one").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), 0o644);
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(mode(&target), 0o664);
    }
}
