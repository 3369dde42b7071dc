//! A local cache of complainant contact keys, so that `register` and `show`
//! can find a complainant's earlier cases without reading every case file.
//!
//! `.plaint/contacts/<year>.tsv` holds `key<TAB>id` lines for the cases of
//! one year folder, and `<year>.mtime` the folder's modification time when
//! the lines were last complete. Every case write renames a file into the
//! year folder, which changes its modification time; plaint's own writes
//! append their keys and record the new time under the workspace lock, and
//! any other change (a `git pull`) makes the next reader rebuild that year.
//! The cache only proposes candidates: each one is re-read and checked, so
//! stale lines never produce a false repeat.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::atomic::write_atomic;
use super::workspace::{CASES_DIR, LOCAL_DIR, Workspace, read_case_file};
use crate::error::Result;
use crate::model::{Case, CaseId};
use crate::repeat::contact_keys;

const INDEX_DIR: &str = "contacts";

/// The earlier cases (received before `case`, or at the same moment with a
/// smaller ID) of any of `case`'s complainants, in ID order.
pub fn earlier_cases(ws: &Workspace, case: &Case) -> Result<Vec<CaseId>> {
    let keys: BTreeSet<String> = contact_keys(case).into_iter().collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut candidates = BTreeSet::new();
    for year in year_dirs(ws)? {
        let text = format!("\n{}", fresh_year_index(ws, &year)?);
        for key in &keys {
            // A substring search finds the few matching lines without
            // splitting the whole index into lines.
            let needle = format!("\n{key}\t");
            for (at, _) in text.match_indices(&needle) {
                let rest = &text[at + needle.len()..];
                let id = rest.split('\n').next().unwrap_or("");
                if id != case.id.as_str() {
                    candidates.insert(id.to_string());
                }
            }
        }
    }
    let mut earlier = Vec::new();
    for id in candidates {
        let Ok(id) = CaseId::parse(&id) else { continue };
        let Ok(other) = ws.read_case(&id) else {
            continue;
        };
        let shares_a_key = contact_keys(&other).iter().any(|k| keys.contains(k));
        if shares_a_key && crate::repeat::order_key(&other) < crate::repeat::order_key(case) {
            earlier.push(id);
        }
    }
    Ok(earlier)
}

/// Called under the workspace lock after `case` was written: appends its
/// keys when the year's lines were complete just before the write.
pub fn record_write(ws: &Workspace, case: &Case, mtime_before: Option<SystemTime>) {
    let year = case.id.year().to_string();
    let (Some(before), Some(recorded)) = (mtime_before, read_mtime(ws, &year)) else {
        return;
    };
    if before != recorded {
        return;
    }
    let lines = key_lines(case);
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .open(tsv_path(ws, &year))
        .and_then(|mut f| f.write_all(lines.as_bytes()));
    if appended.is_ok()
        && let Some(after) = dir_mtime(&ws.root.join(CASES_DIR).join(&year))
    {
        let _ = write_atomic(&mtime_path(ws, &year), encode_time(after).as_bytes());
    }
}

/// The modification time of the year folder of `id`, before a write.
pub fn mtime_before_write(ws: &Workspace, id: &CaseId) -> Option<SystemTime> {
    dir_mtime(&ws.root.join(CASES_DIR).join(id.year()))
}

/// The index lines of a year, rebuilt first if the folder changed since.
fn fresh_year_index(ws: &Workspace, year: &str) -> Result<String> {
    let dir = ws.root.join(CASES_DIR).join(year);
    let Some(now) = dir_mtime(&dir) else {
        return Ok(String::new());
    };
    if read_mtime(ws, year) == Some(now)
        && let Ok(text) = std::fs::read_to_string(tsv_path(ws, year))
    {
        return Ok(text);
    }
    let ids: Vec<CaseId> = ws
        .case_ids()?
        .into_iter()
        .filter(|id| id.year() == year)
        .collect();
    let text: String = ids
        .par_iter()
        .filter_map(|id| read_case_file(&ws.case_path(id)).ok())
        .map(|case| key_lines(&case))
        .collect();
    let _lock = ws.lock()?;
    write_atomic(&tsv_path(ws, year), text.as_bytes())?;
    write_atomic(&mtime_path(ws, year), encode_time(now).as_bytes())?;
    Ok(text)
}

fn key_lines(case: &Case) -> String {
    contact_keys(case)
        .iter()
        .filter(|k| !k.contains(['\t', '\n']))
        .map(|k| format!("{k}\t{}\n", case.id))
        .collect()
}

/// The year folders of `cases/`, by name alone (no listing of the cases).
fn year_dirs(ws: &Workspace) -> Result<Vec<String>> {
    let dir = ws.root.join(CASES_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut years: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    years.sort();
    Ok(years)
}

fn dir_mtime(dir: &Path) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

fn tsv_path(ws: &Workspace, year: &str) -> PathBuf {
    ws.root
        .join(LOCAL_DIR)
        .join(INDEX_DIR)
        .join(format!("{year}.tsv"))
}

fn mtime_path(ws: &Workspace, year: &str) -> PathBuf {
    ws.root
        .join(LOCAL_DIR)
        .join(INDEX_DIR)
        .join(format!("{year}.mtime"))
}

fn read_mtime(ws: &Workspace, year: &str) -> Option<SystemTime> {
    let text = std::fs::read_to_string(mtime_path(ws, year)).ok()?;
    let nanos: u128 = text.trim().parse().ok()?;
    let secs = u64::try_from(nanos / 1_000_000_000).ok()?;
    let sub = u32::try_from(nanos % 1_000_000_000).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, sub))
}

fn encode_time(time: SystemTime) -> String {
    let nanos = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos}\n")
}
