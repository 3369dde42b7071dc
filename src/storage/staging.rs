//! The staging area of batch writes: how `import` makes a whole batch of
//! case files appear together, or not at all.
//!
//! A batch is written as complete case files into `.plaint/staging/`, which
//! no command reads as cases. Writing the manifest (the list of staged IDs)
//! is the commit point; then each staged file is renamed into
//! `cases/YYYY/`. A crash before the manifest leaves only staged files,
//! which the next command taking the workspace lock throws away; a crash
//! during the moves leaves the manifest, and the next command rolls the
//! moves forward. Either way no half-imported batch survives.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::atomic::{sync_dir, write_atomic, write_batch};
use super::casefile::render_for_write;
use super::lock::WorkspaceLock;
use super::workspace::{LOCAL_DIR, Workspace};
use crate::error::{Error, Result};
use crate::model::{Case, CaseId};

/// The staging folder inside the local folder.
pub const STAGING_DIR: &str = "staging";
/// The manifest file; its presence means the batch is committed.
pub const MANIFEST: &str = "MANIFEST";
/// The first line of a manifest.
const MANIFEST_HEADER: &str = "plaint staged batch v1";

/// A batch being staged; nothing of it is visible until [`Staging::seal`].
#[derive(Debug)]
pub struct Staging<'w> {
    ws: &'w Workspace,
    dir: PathBuf,
    ids: Vec<CaseId>,
}

/// A committed batch whose files may still need moving into place.
#[derive(Debug)]
pub struct Sealed<'w> {
    ws: &'w Workspace,
    dir: PathBuf,
    ids: Vec<CaseId>,
}

/// The staging folder of the workspace at `root`.
pub fn staging_dir(root: &Path) -> PathBuf {
    root.join(LOCAL_DIR).join(STAGING_DIR)
}

/// Whether an earlier batch was left behind (cheap: one `stat`).
pub fn pending(root: &Path) -> bool {
    staging_dir(root).exists()
}

/// How many case files a committed batch still has to move into
/// `cases/`; `None` when no committed batch is pending. Reads only.
pub fn committed_pending(root: &Path) -> Option<usize> {
    let dir = staging_dir(root);
    let manifest = dir.join(MANIFEST);
    let text = crate::limits::read_text_bounded(
        &manifest,
        crate::limits::MAX_MANIFEST_BYTES,
        "staging manifest",
    )
    .ok()?;
    let ids = parse_manifest(&text, &manifest).ok()?;
    Some(
        ids.iter()
            .filter(|id| dir.join(staged_name(id)).exists())
            .count(),
    )
}

impl<'w> Staging<'w> {
    /// Starts a batch, finishing or discarding any earlier one first.
    pub fn begin(ws: &'w Workspace, lock: &WorkspaceLock) -> Result<Self> {
        recover(ws, lock)?;
        let dir = staging_dir(&ws.root);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            ws,
            dir,
            ids: Vec::new(),
        })
    }

    /// Writes complete case files into the staging folder, in parallel,
    /// flushed to disk before this returns.
    pub fn stage(&mut self, cases: &[Case]) -> Result<()> {
        let files = cases
            .par_iter()
            .map(|case| Ok((staged_name(&case.id), render_for_write(case)?.into_bytes())))
            .collect::<Result<Vec<_>>>()?;
        write_batch(&self.dir, &files)?;
        self.ids.extend(cases.iter().map(|c| c.id.clone()));
        Ok(())
    }

    /// How many files are staged.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing is staged.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Commits the batch by writing its manifest. From here on the batch
    /// will be completed, by [`Sealed::apply`] or by a later recovery.
    pub fn seal(self) -> Result<Sealed<'w>> {
        let mut text = String::with_capacity(16 * (self.ids.len() + 1));
        text.push_str(MANIFEST_HEADER);
        text.push('\n');
        for id in &self.ids {
            text.push_str(id.as_str());
            text.push('\n');
        }
        write_atomic(&self.dir.join(MANIFEST), text.as_bytes())?;
        Ok(Sealed {
            ws: self.ws,
            dir: self.dir,
            ids: self.ids,
        })
    }

    /// Throws the batch away; nothing of it was ever visible.
    pub fn abandon(self) -> Result<()> {
        remove_dir(&self.dir)
    }
}

impl Sealed<'_> {
    /// Moves every staged file into place; `progress(done, total)` is called
    /// as it goes. Returns how many files were moved.
    pub fn apply(self, progress: &dyn Fn(usize, usize)) -> Result<usize> {
        move_into_place(self.ws, &self.dir, &self.ids, progress)
    }
}

/// Completes or discards a batch an earlier process left behind. Runs
/// under the lock (the caller proves it holds it). Returns how many files
/// were moved into place.
pub fn recover(ws: &Workspace, _lock: &WorkspaceLock) -> Result<usize> {
    let dir = staging_dir(&ws.root);
    if !dir.exists() {
        return Ok(0);
    }
    let manifest = dir.join(MANIFEST);
    match crate::limits::read_text_bounded(
        &manifest,
        crate::limits::MAX_MANIFEST_BYTES,
        "staging manifest",
    ) {
        Ok(text) => {
            let ids = parse_manifest(&text, &manifest)?;
            move_into_place(ws, &dir, &ids, &|_, _| {})
        }
        Err(Error::NotFound(_)) => {
            remove_dir(&dir)?;
            Ok(0)
        }
        Err(e) => Err(e),
    }
}

fn parse_manifest(text: &str, path: &Path) -> Result<Vec<CaseId>> {
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEADER) {
        return Err(Error::BadFile {
            path: path.to_path_buf(),
            message: crate::said!("not-a-staging-manifest").into(),
        });
    }
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            CaseId::parse(l).map_err(|e| Error::BadFile {
                path: path.to_path_buf(),
                message: e.to_string().into(),
            })
        })
        .collect()
}

/// Renames each staged file over its target (creates and updates alike),
/// then removes the manifest and the folder. A file already moved is
/// skipped, so running this again after a crash is safe.
fn move_into_place(
    ws: &Workspace,
    dir: &Path,
    ids: &[CaseId],
    progress: &dyn Fn(usize, usize),
) -> Result<usize> {
    let mut moved = 0;
    let mut folders = std::collections::BTreeSet::new();
    for (i, id) in ids.iter().enumerate() {
        let staged = dir.join(staged_name(id));
        if staged.exists() {
            let target = ws.case_path(id);
            let folder = target.parent().expect("case files live in a year folder");
            if folders.insert(folder.to_path_buf()) {
                std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
            }
            std::fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
            moved += 1;
        }
        if i % 256 == 0 {
            progress(i, ids.len());
        }
    }
    for folder in &folders {
        sync_dir(folder);
    }
    progress(ids.len(), ids.len());
    remove_dir(dir)?;
    Ok(moved)
}

fn staged_name(id: &CaseId) -> String {
    format!("{id}.yaml")
}

fn remove_dir(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(dir, e)),
    }
}

#[cfg(test)]
mod tests;
