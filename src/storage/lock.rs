//! The workspace lock: an exclusive OS file lock on `.plaint/lock`, held for
//! the whole of every read-modify-write so that concurrent `plaint`
//! processes never lose an update.
//!
//! The OS releases the lock when the process dies, so a crash never leaves
//! a workspace locked. A process waiting for the lock waits at most
//! [`LockWait::timeout`], says once that it is waiting (when the caller
//! asks to be told), and then gives up with [`Error::LockTimeout`]. The
//! holder writes its process id into the file, so a waiter can say who
//! holds the lock and since when. The lock file is never opened through a
//! symbolic link.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How long to wait for a held lock, and whom to tell about the wait.
#[derive(Clone, Copy, Debug)]
pub struct LockWait {
    /// The longest wait before giving up.
    pub timeout: Duration,
    /// Called once, with a sentence naming the holder, when the lock is held.
    pub notify: Option<fn(&crate::messages::said::Said)>,
}

impl Default for LockWait {
    fn default() -> Self {
        LockWait {
            timeout: Duration::from_secs(crate::limits::LOCK_TIMEOUT_SECS),
            notify: None,
        }
    }
}

static WAIT: OnceLock<LockWait> = OnceLock::new();

/// Sets how every lock of this process waits; the first call wins. The
/// command line calls it once, from `--lock-timeout`.
pub fn set_wait(wait: LockWait) {
    let _ = WAIT.set(wait);
}

fn wait() -> LockWait {
    WAIT.get().copied().unwrap_or_default()
}

/// Proof that the workspace lock is held; released on drop.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
}

impl WorkspaceLock {
    /// Acquires the lock on `path`, creating the file and its folder when
    /// needed; waits for another holder at most the configured timeout.
    pub fn acquire(path: &Path) -> Result<Self> {
        let file = open(path)?;
        let wait = wait();
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WorkspaceLock::held(file)),
                Err(TryLockError::Error(e)) => return Err(Error::io(path, e)),
                Err(TryLockError::WouldBlock) => {}
            }
            if start.elapsed() >= wait.timeout {
                return Err(Error::lock_timeout(crate::said!(
                    "lock-timeout",
                    lock = path.display(),
                    holder = holder(path),
                    secs = wait.timeout.as_secs_f64()
                )));
            }
            if !told && let Some(notify) = wait.notify {
                notify(&crate::said!(
                    "lock-waiting",
                    holder = holder(path),
                    secs = wait.timeout.as_secs_f64()
                ));
                told = true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Acquires the lock on `path` only if nobody holds it.
    pub fn try_acquire(path: &Path) -> Result<Option<Self>> {
        let file = open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WorkspaceLock::held(file))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(Error::io(path, e)),
        }
    }

    /// Records this process as the holder: best effort, for waiters' messages.
    fn held(mut file: File) -> Self {
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()));
        WorkspaceLock { file }
    }
}

/// Opens (creating) the lock file, refusing a symbolic link.
fn open(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::refused(crate::said!(
            "lock-is-link",
            path = path.display()
        )));
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| Error::io(path, e))
}

/// "held by process 1234 since 2026-11-29 10:15:03 +08:00", from the file.
fn holder(path: &Path) -> crate::messages::said::Said {
    let mut text = String::new();
    let pid = File::open(path)
        .and_then(|mut f| f.read_to_string(&mut text))
        .ok()
        .and_then(|_| text.trim().parse::<u32>().ok())
        .filter(|&pid| is_alive(pid));
    let since = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| {
            chrono::DateTime::<chrono::Local>::from(t)
                .format("%Y-%m-%d %H:%M:%S %:z")
                .to_string()
        });
    // The file names the last plaint that held the lock; when that process
    // is gone, the holder is someone else and the time says nothing.
    match (pid, since) {
        (Some(pid), Some(since)) => crate::said!("lock-held-by", pid = pid, since = since),
        _ => crate::said!("lock-held-by-other"),
    }
}

/// Whether process `pid` exists (on Unix; elsewhere assumed).
fn is_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_refused_after_the_timeout_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".plaint/lock");
        let _held = WorkspaceLock::acquire(&path).unwrap();
        // A second open file description conflicts with the first, as
        // another process would.
        assert!(WorkspaceLock::try_acquire(&path).unwrap().is_none());
        let text = holder(&path).render(crate::messages::Language::En);
        assert!(
            text.starts_with(&format!("held by process {} since ", std::process::id())),
            "{text}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_lock_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "keep").unwrap();
        std::fs::create_dir_all(dir.path().join(".plaint")).unwrap();
        std::os::unix::fs::symlink(&outside, dir.path().join(".plaint/lock")).unwrap();
        let err = WorkspaceLock::acquire(&dir.path().join(".plaint/lock")).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
    }
}
