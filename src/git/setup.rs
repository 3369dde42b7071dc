//! Registering `plaint merge-file` as git's merge driver for case files.
//!
//! `.gitattributes` (tracked, written by `init`) routes `cases/**` to the
//! driver named `plaint`; what that driver runs lives in each clone's own
//! `.git/config`, which git never copies, so every clone runs
//! `plaint git-setup` once (`init` does it when the workspace is already in
//! a repository). Without it git falls back to its text merge, whose
//! conflict markers `plaint check` reports.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};
use crate::storage::atomic::write_atomic;

/// The driver name `.gitattributes` refers to.
pub const DRIVER: &str = "plaint";
/// The `.gitattributes` line that routes case files to the driver.
pub const ATTRIBUTES_LINE: &str = "cases/** merge=plaint";

/// The top folder of the git work tree holding `dir`, if any.
pub fn repository_top(dir: &Path) -> Option<PathBuf> {
    let out = git(dir, &["rev-parse", "--show-toplevel"]).ok()?;
    let top = out.trim();
    (!top.is_empty()).then(|| PathBuf::from(top))
}

/// The driver command line for the plaint binary at `exe`: git runs it
/// through the shell with `%O %A %B` replaced by the base, ours and theirs.
pub fn driver_command(exe: &Path) -> String {
    format!(
        "{} merge-file %O %A %B",
        shell_quote(&exe.to_string_lossy())
    )
}

/// Writes `merge.plaint.name` and `merge.plaint.driver` into the local
/// config of the repository holding `dir`, and makes sure `.gitattributes`
/// in `workspace` routes case files to the driver. Returns the command
/// registered.
pub fn register_driver(workspace: &Path, exe: &Path) -> Result<String> {
    if repository_top(workspace).is_none() {
        return Err(Error::invalid(crate::said!(
            "not-a-repository",
            dir = workspace.display()
        )));
    }
    let command = driver_command(exe);
    git(
        workspace,
        &[
            "config",
            "--local",
            &format!("merge.{DRIVER}.name"),
            "plaint case files: union of history, field by field",
        ],
    )?;
    git(
        workspace,
        &[
            "config",
            "--local",
            &format!("merge.{DRIVER}.driver"),
            &command,
        ],
    )?;
    ensure_attributes(workspace)?;
    Ok(command)
}

/// The registered driver command of the repository holding `dir`, if any.
pub fn registered_driver(dir: &Path) -> Option<String> {
    let out = git(dir, &["config", &format!("merge.{DRIVER}.driver")]).ok()?;
    let command = out.trim().to_string();
    (!command.is_empty()).then_some(command)
}

/// Git's own three-way text merge of the files at `ours`, `base` and
/// `theirs` (what git does without the driver): the merged bytes, with
/// standard conflict markers, and whether there were conflicts. Writes
/// nothing.
pub fn text_merge(base: &Path, ours: &Path, theirs: &Path) -> Result<(Vec<u8>, bool)> {
    let out = Command::new("git")
        .args([
            "merge-file",
            "-p",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
        ])
        .args([ours, base, theirs])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::invalid(crate::said!("git-not-run", error = e)))?;
    match out.status.code() {
        Some(0) => Ok((out.stdout, false)),
        Some(n) if (1..=127).contains(&n) => Ok((out.stdout, true)),
        _ => Err(Error::invalid(crate::said!(
            "git-failed",
            args = "merge-file",
            error = String::from_utf8_lossy(&out.stderr).trim()
        ))),
    }
}

/// Adds the driver line to `.gitattributes` when a workspace made before
/// it lacks the line.
fn ensure_attributes(workspace: &Path) -> Result<()> {
    let path = workspace.join(".gitattributes");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&path, e)),
    };
    if text.lines().any(|l| l.trim() == ATTRIBUTES_LINE) {
        return Ok(());
    }
    let mut text = text;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(ATTRIBUTES_LINE);
    text.push('\n');
    write_atomic(&path, text.as_bytes())
}

/// Runs git in `dir`; its stdout on success.
fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::invalid(crate::said!("git-not-run", error = e)))?;
    if !out.status.success() {
        return Err(Error::invalid(crate::said!(
            "git-failed",
            args = args.join(" "),
            error = String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Quotes `text` for a POSIX shell, leaving plain paths readable.
fn shell_quote(text: &str) -> String {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@".contains(&b));
    if plain && !text.is_empty() {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_command_quotes_paths_with_spaces() {
        assert_eq!(
            driver_command(Path::new("/usr/bin/plaint")),
            "/usr/bin/plaint merge-file %O %A %B"
        );
        assert_eq!(
            driver_command(Path::new("/opt/my tools/it's/plaint")),
            r"'/opt/my tools/it'\''s/plaint' merge-file %O %A %B"
        );
    }
}
