//! `plaint check`: validate every file of the workspace.

use std::path::Path;

use super::output::{self, Look};
use crate::check::{check_workspace, remove_leftovers as remove_found};
use crate::error::{Error, Exit};

/// Completes an interrupted import if it can, then prints every problem
/// (`file: message`, or the JSON of the manual's "`plaint check`, and a pre-commit hook") and fails with exit 3 when there is
/// any.
pub fn run(root: &Path, look: Look, fix: bool) -> anyhow::Result<Exit> {
    super::adopt_language(root);
    if fix {
        remove_leftovers(root)?;
    }
    // Complete an interrupted import when the lock is free, without
    // waiting; whatever is still pending is then reported as a problem.
    if crate::storage::staging::pending(root)
        && let Ok(ws) = crate::storage::Workspace::open_unrecovered(root)
    {
        let _ = ws.try_lock();
    }
    let report = check_workspace(root)?;
    let lang = output::language();
    if look.json {
        output::print_json(&report.rendered(lang))?;
    } else {
        for p in &report.problems {
            output::print_line(&format!("{}: {}", p.file, p.message.render(lang)))?;
        }
        for w in &report.warnings {
            output::warn(&format!("{}: {}", w.file, w.message.render(lang)));
        }
    }
    if report.is_clean() {
        if !look.json {
            let lang = output::language();
            output::notice(&crate::msg!(lang, "files-checked", count = report.files));
        }
        return Ok(Exit::Success);
    }
    if look.json {
        // The document on stdout is the answer; the exit status says it failed.
        return Ok(Error::CheckFailed(report.problems.len()).exit());
    }
    Err(Error::CheckFailed(report.problems.len()).into())
}

/// `check --fix`: under the workspace lock (so no write is under way),
/// removes what interrupted commands left, saying each file.
fn remove_leftovers(root: &Path) -> anyhow::Result<()> {
    let ws = crate::storage::Workspace::open_unrecovered(root)?;
    let _lock = ws.lock()?;
    let found = check_workspace(root)?;
    for file in remove_found(root, &found)? {
        output::notice(&crate::msg!(output::language(), "check-fixed", file = file));
    }
    Ok(())
}
