//! `plaint merge-file BASE OURS THEIRS`: git's merge driver for case files.
//!
//! Git runs it from the repository's top folder with three temporary files
//! and takes OURS as the result. It needs no workspace. The result is
//! written atomically, so OURS is always either our version or a whole
//! merge; exit 0 means merged, 1 means conflict (marked in the file).
//! A side that cannot be read (too large, not a file, not a case) never
//! counts as merged: the exit status is non-zero, so git records a conflict
//! and neither side's change is silently lost.

use std::path::Path;

use anyhow::Context as _;

use super::args::MergeFileArgs;
use super::output;
use crate::gitsetup::text_merge;
use crate::limits::{MAX_FILE_BYTES, read_bounded};
use crate::merge::{FileMerge, merge_files};
use crate::storage::atomic::write_atomic;

/// Merges the three versions into OURS; returns the exit status git expects.
pub fn run(args: &MergeFileArgs) -> anyhow::Result<i32> {
    let read = |path: &Path| {
        read_bounded(path, MAX_FILE_BYTES, "case file")
            .with_context(|| format!("cannot merge: {} was left as it was", args.ours.display()))
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let label = case_label(&ours);
    let merged = std::panic::catch_unwind(|| merge_files(&base, &ours, &theirs));
    let merged = merged.unwrap_or_else(|_| FileMerge::Text {
        reason: "the case merge failed unexpectedly".into(),
        cases: true,
    });
    match merged {
        FileMerge::Merged { text, notes } => {
            say(&label, &notes);
            write_atomic(&args.ours, text.as_bytes())?;
            Ok(0)
        }
        FileMerge::Conflicted {
            text,
            fields,
            notes,
        } => {
            say(&label, &notes);
            write_atomic(&args.ours, text.as_bytes())?;
            output::warn(&format!(
                "{label}: both sides changed {}; resolve with `plaint edit`, then `plaint check`",
                fields.join(", ")
            ));
            Ok(1)
        }
        FileMerge::Refused(reason) => {
            output::warn(&format!("{label}: not merged: {reason}"));
            Ok(1)
        }
        FileMerge::Text { reason, cases } => {
            let (merged, conflicted) = text_merge(&args.base, &args.ours, &args.theirs)?;
            write_atomic(&args.ours, &merged)?;
            if cases {
                output::warn(&format!(
                    "{label}: merged as plain text ({reason}); check the result with `plaint check`"
                ));
                return Ok(1);
            }
            Ok(i32::from(conflicted))
        }
    }
}

/// How messages name the file: git hands the driver temporary names, so
/// the case's id is the useful name.
fn case_label(ours: &[u8]) -> String {
    std::str::from_utf8(ours)
        .ok()
        .and_then(|t| t.lines().find_map(|l| l.strip_prefix("id: ")))
        .map(|id| format!("plaint merge-file: case {}", id.trim()))
        .unwrap_or_else(|| "plaint merge-file".to_string())
}

fn say(label: &str, notes: &[String]) {
    for note in notes {
        output::notice(&format!("{label}: {note}"));
    }
}
