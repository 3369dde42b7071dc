//! A local cache of complainant contact keys, so that `register` and `show`
//! can find a complainant's earlier cases without reading every case file.
//!
//! `.plaint/contacts/<year>/<bucket>.tsv` holds `key<TAB>id` lines for the
//! cases of one year folder, spread over 256 buckets by a hash of the key,
//! so a lookup reads a few small files whatever the size of the workspace.
//! `<year>/stamp` holds the year folder's modification time when the lines
//! were last complete. Every case write renames a file into the year folder,
//! which changes its modification time; plaint's own writes append their
//! keys and record the new time under the workspace lock, and any other
//! change (a `git pull`) makes the next reader rebuild that year. The cache
//! only proposes candidates: each one is re-read and checked, so stale lines
//! never produce a false repeat.

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
const BUCKETS: u32 = 256;

/// How many earlier cases a complainant has, and the latest of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Earlier {
    /// Every earlier case of any of the case's complainants.
    pub count: usize,
    /// The [`Earlier::SHOWN`] most recent of them, oldest first.
    pub recent: Vec<CaseId>,
    /// Why each of `recent` makes the case a repeat: the first contact
    /// key they share (see [`crate::repeat::RepeatField::of_key`]).
    pub shared: Vec<String>,
}

impl Earlier {
    /// How many earlier cases are named: enough to follow up, few enough
    /// that a caller with a thousand cases still gets a short answer.
    pub const SHOWN: usize = 10;

    /// Whether the case is a repeat complaint.
    pub fn is_repeat(&self) -> bool {
        self.count > 0
    }
}

/// The earlier cases (see [`crate::repeat::is_earlier`]) of any of
/// `case`'s complainants: their number and the most recent few.
pub fn earlier_cases(ws: &Workspace, case: &Case) -> Result<Earlier> {
    let rule = &ws.policy.repeat;
    let keys: BTreeSet<String> = rule
        .keys(case, &ws.policy.anonymous_names)
        .into_iter()
        .collect();
    if keys.is_empty() {
        return Ok(Earlier::default());
    }
    let mut candidates = BTreeSet::new();
    for year in year_dirs(ws)? {
        let rebuilt = ensure_fresh(ws, &year)?;
        for key in &keys {
            let text = match &rebuilt {
                Some(buckets) => buckets[bucket_of(key) as usize].clone(),
                None => match read_index_file(&bucket_path(ws, &year, key)) {
                    Some(text) => text,
                    None => continue,
                },
            };
            let ids = text
                .lines()
                .filter_map(|line| line.split_once('\t'))
                .filter(|(k, id)| k == key && *id != case.id.as_str())
                .map(|(_, id)| id.to_string());
            candidates.extend(ids);
        }
    }
    let candidates: Vec<CaseId> = candidates
        .into_iter()
        .filter_map(|id| CaseId::parse(&id).ok())
        .collect();
    // Each candidate is re-read: stale index lines never make a repeat.
    let mut earlier: Vec<_> = candidates
        .par_iter()
        .filter_map(|id| ws.read_case(id).ok())
        // A void case was never a complaint: it makes nothing a repeat.
        .filter(|other| {
            !other.is_void()
                && crate::repeat::is_earlier(other, case)
                && rule.in_window(other.received, case.received)
        })
        .filter_map(|other| {
            // The phone first, then the e-mail, then the name.
            let shared = contact_keys(&other, &ws.policy.anonymous_names)
                .into_iter()
                .filter(|k| keys.contains(k))
                .min_by_key(|k| crate::repeat::RepeatField::of_key(k).map(|(f, _)| f))?;
            Some((crate::repeat::order_key(&other), other.id, shared))
        })
        .collect();
    earlier.sort();
    let count = earlier.len();
    let (recent, shared) = earlier
        .into_iter()
        .skip(count.saturating_sub(Earlier::SHOWN))
        .map(|(_, id, key)| (id, key))
        .unzip();
    Ok(Earlier {
        count,
        recent,
        shared,
    })
}

/// Called under the workspace lock after `case` was written: appends its
/// keys when the year's lines were complete just before the write.
pub fn record_write(ws: &Workspace, case: &Case, mtime_before: Option<SystemTime>) {
    let year = case.id.year().to_string();
    let (Some(before), Some(recorded)) = (mtime_before, read_stamp(ws, &year)) else {
        return;
    };
    if before != recorded {
        return;
    }
    if index_is_linked(ws, &year) {
        return; // never append outside the workspace
    }
    let appended = contact_keys(case, &ws.policy.anonymous_names)
        .iter()
        .try_for_each(|key| {
            let mut options = std::fs::OpenOptions::new();
            options.create(true).append(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
            options
                .open(bucket_path(ws, &year, key))
                .and_then(|mut f| f.write_all(format!("{key}\t{}\n", case.id).as_bytes()))
        });
    if appended.is_ok()
        && let Some(after) = dir_mtime(&ws.root.join(CASES_DIR).join(&year))
    {
        let _ = write_atomic(&stamp_path(ws, &year), encode_time(after).as_bytes());
    }
}

/// The modification time of the year folder of `id`, before a write.
pub fn mtime_before_write(ws: &Workspace, id: &CaseId) -> Option<SystemTime> {
    dir_mtime(&ws.root.join(CASES_DIR).join(id.year()))
}

/// Rebuilds the buckets of a year if its folder changed since they were
/// made, and returns them. They are stored only when the workspace lock is
/// free and the folder writable; a reader never waits for the lock nor
/// needs to write.
fn ensure_fresh(ws: &Workspace, year: &str) -> Result<Option<Vec<String>>> {
    let Some(now) = dir_mtime(&ws.root.join(CASES_DIR).join(year)) else {
        return Ok(None);
    };
    if read_stamp(ws, year) == Some(now) {
        return Ok(None);
    }
    let ids: Vec<CaseId> = ws
        .case_ids()?
        .into_iter()
        .filter(|id| id.year() == year)
        .collect();
    let lines: Vec<(u32, String)> = ids
        .par_iter()
        .filter_map(|id| read_case_file(&ws.case_path(id)).ok())
        .flat_map_iter(|case| {
            contact_keys(&case, &ws.policy.anonymous_names)
                .into_iter()
                .map(move |key| (bucket_of(&key), format!("{key}\t{}\n", case.id)))
        })
        .collect();
    let mut buckets = vec![String::new(); BUCKETS as usize];
    for (bucket, line) in lines {
        buckets[bucket as usize].push_str(&line);
    }
    if let Ok(Some(_lock)) = ws.try_lock() {
        let _ = store(ws, year, &buckets, now);
    }
    Ok(Some(buckets))
}

/// Writes the buckets of a year, under the lock the caller holds.
fn store(ws: &Workspace, year: &str, buckets: &[String], now: SystemTime) -> Result<()> {
    let dir = year_dir(ws, year);
    if index_is_linked(ws, year) {
        return Ok(()); // never write outside the workspace
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| crate::error::Error::io(&dir, e))?;
    for (bucket, text) in buckets.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        let path = dir.join(format!("{bucket:02x}.tsv"));
        write_atomic(&path, text.as_bytes())?;
    }
    // The stamp goes last: it vouches for the buckets written before it.
    write_atomic(&stamp_path(ws, year), encode_time(now).as_bytes())
}

/// Whether a folder on the way to a year's index is a symbolic link.
fn index_is_linked(ws: &Workspace, year: &str) -> bool {
    let local = ws.root.join(LOCAL_DIR);
    [local.clone(), local.join(INDEX_DIR), year_dir(ws, year)]
        .iter()
        .any(|p| is_link(p))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// An index file's text; `None` when it is missing, a link or oversized.
fn read_index_file(path: &Path) -> Option<String> {
    if is_link(path) {
        return None;
    }
    crate::limits::read_text_bounded(path, crate::limits::MAX_FILE_BYTES, "contact index file").ok()
}

/// FNV-1a: a stable hash, so buckets mean the same in every build.
fn bucket_of(key: &str) -> u32 {
    let hash = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash % BUCKETS
}

/// The year folders of `cases/`, by name alone (no listing of the cases).
fn year_dirs(ws: &Workspace) -> Result<Vec<String>> {
    let dir = ws.root.join(CASES_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut years: Vec<String> = entries
        .filter_map(std::result::Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    years.sort();
    Ok(years)
}

fn dir_mtime(dir: &Path) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

fn year_dir(ws: &Workspace, year: &str) -> PathBuf {
    ws.root.join(LOCAL_DIR).join(INDEX_DIR).join(year)
}

fn bucket_path(ws: &Workspace, year: &str, key: &str) -> PathBuf {
    year_dir(ws, year).join(format!("{:02x}.tsv", bucket_of(key)))
}

fn stamp_path(ws: &Workspace, year: &str) -> PathBuf {
    year_dir(ws, year).join("stamp")
}

fn read_stamp(ws: &Workspace, year: &str) -> Option<SystemTime> {
    let text = read_index_file(&stamp_path(ws, year))?;
    let nanos: u128 = text.trim().parse().ok()?;
    let secs = u64::try_from(nanos / 1_000_000_000).ok()?;
    let sub = u32::try_from(nanos % 1_000_000_000).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, sub))
}

fn encode_time(time: SystemTime) -> String {
    let nanos = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos}\n")
}

#[cfg(test)]
mod tests;
