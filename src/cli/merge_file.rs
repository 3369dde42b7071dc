//! `plaint merge-file BASE OURS THEIRS`: git's merge driver for case files.
//!
//! Git runs it from the repository's top folder with three temporary files
//! and takes OURS as the result. It needs no workspace (a `plaint.yaml`
//! there only tells it which states are open). The result is
//! written atomically, so OURS is always either our version or a whole
//! merge; exit 0 means merged, 1 means conflict (marked in the file).
//! A side that cannot be read (too large, not a file, not a case) never
//! counts as merged: the exit status is non-zero, so git records a conflict
//! and neither side's change is silently lost.

use std::path::Path;

use anyhow::Context as _;

use super::args::MergeFileArgs;
use super::output;
use crate::error::Exit;
use crate::git::merge::{FileMerge, Workflow, merge_files};
use crate::git::setup::text_merge;
use crate::limits::{MAX_FILE_BYTES, read_bounded};
use crate::messages::{self, Language};
use crate::msg;
use crate::policy::settings::{SETTINGS_FILE, Settings};
use crate::storage::atomic::write_atomic_transient;

/// Merges the three versions into OURS; returns the exit status git expects.
pub fn run(args: &MergeFileArgs) -> anyhow::Result<Exit> {
    let workflow = workspace_workflow();
    let lang = workflow.language;
    messages::set_language(lang);
    let read = |path: &Path| {
        read_bounded(path, MAX_FILE_BYTES, "case file")
            .with_context(|| msg!(lang, "merge-unreadable", file = args.ours.display()))
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let label = case_label(lang, &ours);
    let merged = std::panic::catch_unwind(|| merge_files(&base, &ours, &theirs, &workflow));
    let merged = merged.unwrap_or_else(|_| FileMerge::Text {
        reason: msg!(lang, "merge-failed"),
        cases: true,
    });
    match merged {
        FileMerge::Merged { text, notes } => {
            say(lang, &label, &notes);
            write_atomic_transient(&args.ours, text.as_bytes())?;
            Ok(Exit::Success)
        }
        FileMerge::Conflicted {
            text,
            fields,
            notes,
        } => {
            say(lang, &label, &notes);
            write_atomic_transient(&args.ours, text.as_bytes())?;
            let fields = messages::join(lang, &fields);
            output::warn(&msg!(
                lang,
                "merge-conflict",
                label = label,
                fields = fields
            ));
            Ok(Exit::Failure)
        }
        FileMerge::Refused(reason) => {
            output::warn(&msg!(lang, "merge-refused", label = label, reason = reason));
            Ok(Exit::Failure)
        }
        FileMerge::Text { reason, cases } => {
            let (merged, conflicted) = text_merge(&args.base, &args.ours, &args.theirs)?;
            write_atomic_transient(&args.ours, &merged)?;
            if cases {
                output::warn(&msg!(lang, "merge-as-text", label = label, reason = reason));
                return Ok(Exit::Failure);
            }
            Ok(Exit::failure_if(conflicted))
        }
    }
}

/// The workflow of the workspace git runs the driver in (its top folder),
/// which says which states are open; the generic preset's when there is
/// no readable `plaint.yaml` there or its policy does not build (the
/// presets agree on what is open).
fn workspace_workflow() -> Workflow {
    std::fs::read_to_string(SETTINGS_FILE)
        .ok()
        .and_then(|text| Settings::parse(&text, SETTINGS_FILE).ok())
        .and_then(|s| Workflow::of(&s.preset, &s.policy, s.language))
        .unwrap_or_else(|| {
            Workflow::of("generic", &Default::default(), Default::default())
                .expect("the generic preset builds")
        })
}

/// How messages name the file: git hands the driver temporary names, so
/// the case's id is the useful name.
fn case_label(lang: Language, ours: &[u8]) -> String {
    std::str::from_utf8(ours)
        .ok()
        .and_then(|t| t.lines().find_map(|l| l.strip_prefix("id: ")))
        .map_or_else(
            || msg!(lang, "merge-label"),
            |id| msg!(lang, "merge-label-case", id = id.trim()),
        )
}

fn say(lang: Language, label: &str, notes: &[String]) {
    for note in notes {
        output::notice(&msg!(lang, "merge-note", label = label, note = note));
    }
}
