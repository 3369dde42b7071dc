//! `plaint check`: validate every file of the workspace.

use std::path::Path;

use super::output::{self, Look};
use crate::check::check_workspace;
use crate::error::Error;

/// Prints every problem (`file: message`, or SPEC §8 JSON) and fails with
/// exit 3 when there is any.
pub fn run(root: &Path, look: Look) -> anyhow::Result<i32> {
    let report = check_workspace(root)?;
    if look.json {
        output::print_json(&report)?;
    } else {
        for p in &report.problems {
            output::print_line(&format!("{}: {}", p.file, p.message))?;
        }
    }
    if report.is_clean() {
        if !look.json {
            let lang = output::language();
            output::notice(&crate::msg!(lang, "files-checked", count = report.files));
        }
        return Ok(0);
    }
    if look.json {
        // The document on stdout is the answer; the exit status says it failed.
        return Ok(Error::CheckFailed(report.problems.len()).exit_code());
    }
    Err(Error::CheckFailed(report.problems.len()).into())
}
