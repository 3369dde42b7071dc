//! `export --format parquet`: the office's tables written into
//! `OUT/office=CODE/`, replacing that folder whole (see
//! [`crate::reports::parquet`] for the tables).
//!
//! The output folder may hold only what such exports write: one
//! `office=CODE` folder per office (so one folder can gather a province),
//! each holding `year=YYYY` folders of the three tables. Anything else in
//! it is refused before anything is written, so a mistyped `--out` never
//! mixes the export into someone's files or replaces them.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::Case;
use crate::reports::parquet::{File, TABLES, export};
use crate::storage::Workspace;
use crate::storage::atomic::replace_dir;

/// What an export wrote.
#[derive(Debug)]
pub struct Written {
    /// The office code.
    pub office: String,
    /// The office's folder, `OUT/office=CODE`.
    pub dir: PathBuf,
    /// The files written, without their bytes.
    pub files: Vec<File>,
    /// Cases exported.
    pub cases: usize,
    /// Case files that could not be read (left out).
    pub broken: Vec<Error>,
}

/// Exports the cases `keep` keeps into `out`, as of `today`.
pub fn export_parquet(
    ws: &Workspace,
    out: &Path,
    today: NaiveDate,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Result<Written> {
    let office = ws
        .settings
        .office_code()
        .ok_or_else(|| Error::invalid(crate::said!("parquet-no-office-code")))?
        .to_string();
    check_out_dir(out)?;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    // Into the workspace itself only under its lock, as every write there.
    let _lock = inside(out, &ws.root).then(|| ws.lock()).transpose()?;
    let mut snapshot = ws.scan()?;
    let mut broken = std::mem::take(&mut snapshot.broken);
    let mut exported = export(ws, &snapshot, &office, today, keep)?;
    broken.append(&mut exported.broken);
    let dir = out.join(format!("office={office}"));
    let named: Vec<(String, &[u8])> = exported
        .files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.as_slice()))
        .collect();
    replace_dir(&dir, &named)?;
    let cases = exported
        .files
        .iter()
        .filter(|f| f.table == "cases")
        .map(|f| f.rows)
        .sum();
    Ok(Written {
        office,
        dir,
        files: exported.files,
        cases,
        broken,
    })
}

/// Whether `path` lies inside `root` (both resolved as far as they exist).
fn inside(path: &Path, root: &Path) -> bool {
    let resolve = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    resolve(path).starts_with(resolve(root))
}

/// Refuses an output folder that holds anything a Parquet export did not
/// write; a folder that does not exist yet is fine.
fn check_out_dir(out: &Path) -> Result<()> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(out, e)),
    };
    let foreign = |entry: &Path| {
        Error::refused(crate::said!(
            "parquet-out-not-ours",
            dir = out.display(),
            entry = entry.display()
        ))
    };
    if !meta.is_dir() {
        return Err(foreign(out));
    }
    for entry in read_dir(out)? {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        if name.starts_with(".plaint-") && entry.is_dir() {
            continue;
        }
        let office = name.strip_prefix("office=");
        if !office.is_some_and(crate::policy::settings::valid_office_code)
            || !office_dir_is_ours(&entry)?
        {
            return Err(foreign(&entry));
        }
    }
    Ok(())
}

/// Whether an `office=` folder holds only `year=YYYY` folders of tables.
fn office_dir_is_ours(dir: &Path) -> Result<bool> {
    if !is_real_dir(dir) {
        return Ok(false);
    }
    for year in read_dir(dir)? {
        let name = year.file_name().map(|n| n.to_string_lossy().into_owned());
        let digits = name.as_deref().and_then(|n| n.strip_prefix("year="));
        if !digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            || !is_real_dir(&year)
        {
            return Ok(false);
        }
        for file in read_dir(&year)? {
            let table = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let ext = file.extension().and_then(|s| s.to_str()).unwrap_or("");
            if !TABLES.contains(&table) || ext != "parquet" || !file.is_file() {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| Error::io(dir, e))?.path());
    }
    paths.sort();
    Ok(paths)
}
