//! The workspace lock: an exclusive OS file lock on `.plaint/lock`, held for
//! the whole of every read-modify-write so that concurrent `plaint`
//! processes never lose an update.
//!
//! The OS releases the lock when the process dies, so a crash never leaves
//! a workspace locked.

use std::fs::{File, OpenOptions};
use std::path::Path;

use crate::error::{Error, Result};

/// Proof that the workspace lock is held; released on drop.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
}

impl WorkspaceLock {
    /// Blocks until the lock on `path` is acquired, creating the file and
    /// its folder when needed.
    pub fn acquire(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        file.lock().map_err(|e| Error::io(path, e))?;
        Ok(WorkspaceLock { file })
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}
