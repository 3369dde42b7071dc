//! `plaint edit`: change a case in the officer's editor.
//!
//! The editor works on a copy in `.plaint/`; the case file is replaced only
//! when the edited copy is valid and the case has not changed meanwhile, so
//! an invalid edit leaves the file byte-identical (and the copy is kept).
//!
//! A file a merge left with conflict markers opens as it is, markers and
//! all, the way git users know; the result must keep one side of each
//! conflict and every history event of both sides.

use anyhow::Context as _;

use super::args::EditArgs;
use super::view::changed_json;
use super::{Ctx, output, resolve};
use crate::actions::{apply_edit, apply_resolution, read_conflicted};
use crate::error::{Error, Exit};
use crate::limits::{MAX_CONFLICTED_BYTES, read_bounded, read_text_bounded};
use crate::storage::atomic::write_atomic;
use crate::storage::casefile::{conflict_marker_line, parse_case};
use crate::storage::workspace::LOCAL_DIR;

/// Opens the case in `$VISUAL`/`$EDITOR` and stores a valid result.
pub fn run(ctx: &Ctx, args: &EditArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let path = ctx.ws.case_path(&id);
    let original = read_bounded(&path, MAX_CONFLICTED_BYTES, "case file")?;
    let text = std::str::from_utf8(&original).map_err(|e| Error::BadFile {
        path: path.clone(),
        message: crate::limits::not_utf8(&e).into(),
    })?;
    let conflicted = match conflict_marker_line(text) {
        Some(_) => Some(read_conflicted(text, &path)?),
        None => None,
    };
    let before = match &conflicted {
        Some(sides) => sides.ours.clone(),
        None => parse_case(text, &path)?,
    };
    let copy = ctx.ws.root.join(LOCAL_DIR).join(format!("edit-{id}.yaml"));
    let base = copy.with_extension("base");
    if !resume_kept_copy(ctx, &copy, &base, &original)? {
        write_atomic(&copy, &original)?;
        write_atomic(&base, &original)?;
    }
    run_editor(&copy)?;
    let unreadable = || crate::msg!(ctx.lang(), "edited-copy-unreadable", copy = copy.display());
    let edited =
        read_text_bounded(&copy, MAX_CONFLICTED_BYTES, "case file").with_context(unreadable)?;
    // A comment typed into the copy (or one already in the file) does not
    // survive: the case is written from its data.
    if let Some(line) = crate::limits::first_comment_line(&edited) {
        output::warn(&crate::msg!(ctx.lang(), "comments-dropped", line = line));
    }
    let actor = ctx.actor();
    let result = match &conflicted {
        Some(sides) => apply_resolution(&ctx.ws, sides, &edited, &actor).map(Some),
        None => apply_edit(&ctx.ws, &before, &edited, &actor),
    };
    let after = match result {
        Ok(Some(after)) => after,
        Ok(None) => {
            let _ = std::fs::remove_file(&copy);
            let _ = std::fs::remove_file(&base);
            output::notice(&crate::msg!(ctx.lang(), "no-changes", id = id));
            if ctx.look.json {
                output::print_json(&changed_json(ctx, &before, &[]))?;
            }
            return Ok(Exit::Success);
        }
        Err(e) => {
            return Err(anyhow::Error::from(e).context(crate::msg!(
                ctx.lang(),
                "edit-refused",
                file = path.display(),
                copy = copy.display()
            )));
        }
    };
    if !ctx.ws.replace_unchanged(&after, &original)? {
        return Err(Error::refused(crate::msg!(
            ctx.lang(),
            "edit-raced",
            id = id,
            copy = copy.display()
        ))
        .into());
    }
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&base);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &after, &[]))?;
    } else {
        let fields = last_edit(&after);
        output::print_line(&crate::msg!(
            ctx.lang(),
            "edited-fields",
            id = id,
            fields = fields
        ))?;
    }
    Ok(Exit::Success)
}

/// Whether to reopen the copy a refused edit kept: offered on a terminal
/// when the case is still as it was when that copy was made (its `.base`),
/// so resuming never undoes someone else's change.
fn resume_kept_copy(
    ctx: &Ctx,
    copy: &std::path::Path,
    base: &std::path::Path,
    original: &[u8],
) -> anyhow::Result<bool> {
    use std::io::IsTerminal;
    let kept = std::fs::read(copy).ok();
    let unchanged_since = std::fs::read(base).ok().as_deref() == Some(original);
    if kept.is_none_or(|k| k == original) || !unchanged_since || !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    output::prompt(&crate::msg!(ctx.lang(), "resume-copy"));
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(answer.is_empty() || answer.starts_with('y') || answer == "是")
}

/// Runs the user's editor on `path` and waits for it.
pub(super) fn run_editor(path: &std::path::Path) -> anyhow::Result<()> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("plaint-edit")
        .arg(path)
        .status()
        .with_context(|| {
            crate::msg!(
                crate::cli::output::language(),
                "editor-missing",
                editor = editor
            )
        })?;
    if !status.success() {
        return Err(Error::invalid(crate::said!(
            "editor-failed",
            editor = editor,
            status = status
        ))
        .into());
    }
    Ok(())
}

/// The fields the case's latest event edited, as a list to print.
fn last_edit(case: &crate::model::Case) -> String {
    match case.history.last().map(|e| &e.what) {
        Some(crate::model::EventKind::Edited { fields }) => fields.join(", "),
        _ => String::new(),
    }
}
