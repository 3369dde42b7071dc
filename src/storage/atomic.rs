//! The one way plaint writes a file: a temporary file beside the target,
//! flushed to disk, then renamed over the target (or, for a file not
//! worth flushing, swapped with it: see [`write_atomic_transient`]).
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
///
/// An existing file is replaced by exchanging the two names in one atomic
/// step where the system can (Linux), then removing the old file under the
/// temporary name. A rename over an existing file would do the same, but
/// ext4 takes it for a program replacing a file without flushing it and
/// allocates and starts writing the new blocks at once (its
/// `auto_da_alloc` guard): 0.3 ms a file, several milliseconds while the
/// disk is busy, more than the merge itself.
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
    if !durable {
        if let Some(temp) = exchange(temp, path) {
            temp.persist(path).map_err(|e| Error::io(path, e.error))?;
        }
        return Ok(());
    }
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Swaps `temp` with the regular file `target` in one atomic step, then
/// removes the old file, now under the temporary name (see
/// [`write_atomic_transient`]). Gives `temp` back, untouched, when there
/// is no regular file to swap with or the file system cannot swap names
/// (`renameat2` with `RENAME_EXCHANGE`: Linux 3.15, most local file
/// systems): the caller renames it instead.
fn exchange(temp: tempfile::NamedTempFile, target: &Path) -> Option<tempfile::NamedTempFile> {
    if !std::fs::symlink_metadata(target).is_ok_and(|m| m.is_file()) {
        return Some(temp);
    }
    if !exchange_names(temp.path(), target) {
        return Some(temp);
    }
    // Dropping the temporary file removes its name, which now holds the
    // old version.
    drop(temp);
    None
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

/// Replaces the folder `target` by a new one holding `files`, each
/// `(path under the folder, contents)`, in one step: the files are
/// written and flushed into a temporary folder beside it, which then
/// takes `target`'s name (exchanged with the old folder in one atomic
/// step where the system can, else renamed after the old one is moved
/// aside); the old folder is removed last. A reader sees the old folder
/// or the new one, never a mixture, and an interrupted run leaves only a
/// `.plaint-` folder beside it.
pub fn replace_dir(target: &Path, files: &[(String, &[u8])]) -> Result<()> {
    let parent = target
        .parent()
        .ok_or_else(|| Error::invalid(crate::said!("no-parent-folder", path = target.display())))?;
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let temp = tempfile::Builder::new()
        .prefix(".plaint-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    for (name, contents) in files {
        let path = temp.path().join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        file.write_all(contents).map_err(|e| Error::io(&path, e))?;
        file.sync_all().map_err(|e| Error::io(&path, e))?;
    }
    let made = temp.keep();
    open_up(&made);
    let old = if std::fs::symlink_metadata(target).is_ok() {
        swap_dirs(&made, target)?
    } else {
        std::fs::rename(&made, target).map_err(|e| Error::io(target, e))?;
        None
    };
    sync_dir(parent);
    if let Some(old) = old {
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    Ok(())
}

/// Gives a new folder the permissions `mkdir` gives (temporary folders
/// are private).
fn open_up(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Puts folder `new` in the place of folder `target`; gives back where
/// the old folder now is, for the caller to remove.
fn swap_dirs(new: &Path, target: &Path) -> Result<Option<std::path::PathBuf>> {
    if exchange_names(new, target) {
        return Ok(Some(new.to_path_buf()));
    }
    let aside = new.with_extension("old");
    std::fs::rename(target, &aside).map_err(|e| Error::io(target, e))?;
    std::fs::rename(new, target).map_err(|e| Error::io(target, e))?;
    Ok(Some(aside))
}

/// Exchanges the names of `a` and `b` in one atomic step (Linux); false
/// where the system cannot.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange_names(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let name = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).ok();
    let (Some(from), Some(to)) = (name(a), name(b)) else {
        return false;
    };
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_EXCHANGE,
        ) == 0
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange_names(_a: &Path, _b: &Path) -> bool {
    false
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

    /// The names in folder `dir`: nothing but what a test wrote stays.
    fn names(dir: &Path) -> Vec<String> {
        let entries = std::fs::read_dir(dir).unwrap();
        let names = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.collect()
    }

    #[test]
    fn a_folder_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("office=A");
        let one: &[u8] = b"one";
        replace_dir(
            &target,
            &[("year=2026/a.bin".into(), one), ("b.bin".into(), one)],
        )
        .unwrap();
        let two: &[u8] = b"two";
        replace_dir(&target, &[("year=2027/a.bin".into(), two)]).unwrap();
        assert_eq!(
            std::fs::read(target.join("year=2027/a.bin")).unwrap(),
            b"two"
        );
        assert!(!target.join("year=2026").exists());
        assert!(!target.join("b.bin").exists());
        assert_eq!(names(dir.path()), ["office=A"]);
    }

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/case.yaml");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        assert_eq!(names(&dir.path().join("sub")), ["case.yaml"]);
    }

    #[test]
    fn a_transient_write_replaces_the_file_whole_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("merged");
        write_atomic_transient(&target, b"new file").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new file");
        std::fs::write(&target, b"ours").unwrap();
        write_atomic_transient(&target, b"the merge").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "the merge");
        assert_eq!(names(dir.path()), ["merged"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_transient_write_through_a_link_replaces_the_link_as_a_rename_does() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        let link = dir.path().join("link");
        std::fs::write(&real, b"kept").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic_transient(&link, b"merged").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "kept");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "merged");
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
