//! The workspace: a folder holding `plaint.yaml` and `cases/YYYY/ID.yaml`.
//!
//! This module finds the workspace, reads and lists case files (in parallel,
//! one parse per file), resolves partial IDs from file names alone, and owns
//! the only code path that writes a case file: under the workspace lock,
//! through [`write_atomic`].

use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use rayon::prelude::*;

use super::atomic::write_atomic;
use super::casefile::{file_name, parse_case, render_for_write};
use super::lock::WorkspaceLock;
use super::placement::{Placement, candidate, place};
use crate::calendar::Calendar;
use crate::calendar::file::CalendarSet;
use crate::error::{Error, Result};
use crate::limits::{MAX_FILE_BYTES, MAX_SETTINGS_BYTES, read_bounded, read_text_bounded};
use crate::model::{Case, CaseId, id};
use crate::policy::settings::{SETTINGS_FILE, Settings};
use crate::policy::{Language, Policy};

/// The folder of case files inside a workspace.
pub const CASES_DIR: &str = "cases";
/// The folder of custom calendar files.
pub const CALENDARS_DIR: &str = "calendars";
/// The local, git-ignored folder for the lock and caches.
pub const LOCAL_DIR: &str = ".plaint";

/// An opened workspace with its validated settings and policy.
#[derive(Debug)]
pub struct Workspace {
    /// The folder holding `plaint.yaml`.
    pub root: PathBuf,
    /// The parsed `plaint.yaml`.
    pub settings: Settings,
    /// The policy built from the settings.
    pub policy: Policy,
    /// The office's UTC offset.
    pub offset: FixedOffset,
    /// The working-day calendar named in the settings, with the years of
    /// `assume_weekends` accepted.
    pub calendar: Calendar,
}

/// Where the workspace was found, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Named by `--workspace`, `PLAINT_WORKSPACE`, or found in a parent folder.
    Found(PathBuf),
    /// No workspace around: the default one in the user's data folder.
    Default(PathBuf),
}

/// Finds the workspace the way git finds a repository: an explicit folder,
/// else the environment, else the nearest parent of `cwd` with
/// `plaint.yaml`, else `default`.
pub fn locate(explicit: Option<&Path>, env: Option<&Path>, cwd: &Path, default: &Path) -> Location {
    if let Some(dir) = explicit.or(env) {
        return Location::Found(dir.to_path_buf());
    }
    match cwd
        .ancestors()
        .find(|dir| dir.join(SETTINGS_FILE).is_file())
    {
        Some(dir) => Location::Found(dir.to_path_buf()),
        None => Location::Default(default.to_path_buf()),
    }
}

/// The case files of `cases/` by name, and the `.yaml` files there that
/// are not case files.
#[derive(Debug, Default)]
pub struct CaseListing {
    /// The IDs of the case files, sorted.
    pub ids: Vec<CaseId>,
    /// Each `.yaml` file misnamed or misplaced, as an unreadable file
    /// whose message says what is wrong and points to `plaint check`.
    pub strays: Vec<Error>,
}

impl CaseListing {
    fn stray(&mut self, path: PathBuf, placement: &Placement) {
        let problem = placement.problem().unwrap_or_default();
        self.strays.push(Error::BadFile {
            path,
            message: crate::said!("not-a-case-file", problem = problem).into(),
        });
    }
}

/// Adds the files of the folder `dir` of `cases/` (named `year`) to
/// `listing`.
fn list_year(dir: &Path, year: &str, listing: &mut CaseListing) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(candidate) else {
            continue;
        };
        match place(stem, Some(year)) {
            Placement::Case(id) => listing.ids.push(id),
            other => listing.stray(entry.path(), &other),
        }
    }
    Ok(())
}

/// Cases read from disk, and the files that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every readable case, sorted by ID.
    pub cases: Vec<Case>,
    /// Each unreadable file with the reason, sorted by path.
    pub broken: Vec<Error>,
}

/// What the change of a [`Workspace::update_or_keep`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Update<T> {
    /// The case changed: write it.
    Write(T),
    /// Nothing to do: leave the file as it is.
    Keep(T),
}

impl Workspace {
    /// Opens the workspace at `root`, refusing an invalid `plaint.yaml`.
    pub fn open(root: &Path) -> Result<Self> {
        let ws = Workspace::open_unrecovered(root)?;
        // A batch is staged only while an import runs or after one was
        // killed: complete it before anything reads, so that no reader sees
        // part of a batch. That waits (boundedly) for a running import; on
        // a read-only workspace, where nobody can move the files, the cases
        // in place are read.
        if super::staging::pending(root) {
            match ws.lock() {
                Ok(lock) => drop(lock),
                Err(Error::Io { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(ws)
    }

    /// Like [`Workspace::open`], leaving a staged batch as it is: for
    /// `check`, which completes it only if the lock is free and otherwise
    /// reports it.
    pub fn open_unrecovered(root: &Path) -> Result<Self> {
        let path = root.join(SETTINGS_FILE);
        let text = read_text_bounded(&path, MAX_SETTINGS_BYTES, "settings file").map_err(|e| {
            if matches!(e, Error::NotFound(_)) {
                Error::invalid(crate::said!(
                    "not-a-workspace",
                    dir = root.display(),
                    file = SETTINGS_FILE
                ))
            } else {
                e
            }
        })?;
        refuse_links(root)?;
        let label = path.display().to_string();
        let lang = Settings::declared_language(&text).unwrap_or_default();
        let broken = |e: Error| Error::invalid(crate::said!("settings-broken", error = e.arg()));
        let settings = Settings::parse(&text, &label).map_err(broken)?;
        let policy = settings.policy().map_err(|e| {
            broken(Error::invalid(crate::said!(
                "file-error",
                file = label,
                message = e.arg()
            )))
        })?;
        let offset = settings.offset().map_err(broken)?;
        let calendar = load_calendar(root, &settings.calendar, lang)
            .map_err(broken)?
            .assuming_weekends(settings.assume_weekends.iter().copied());
        let ws = Workspace {
            root: root.to_path_buf(),
            settings,
            policy,
            offset,
            calendar,
        };
        Ok(ws)
    }

    /// Creates a workspace in `root` (the folder may exist) and opens it.
    /// Refuses to overwrite an existing `plaint.yaml`.
    pub fn init(root: &Path, settings: &Settings) -> Result<Self> {
        Workspace::init_with_calendar(root, settings, None)
    }

    /// Like [`Workspace::init`], with a custom calendar file copied into
    /// `calendars/` and selected in the settings. Everything is checked
    /// before anything is written.
    pub fn init_with_calendar(
        root: &Path,
        settings: &Settings,
        calendar_file: Option<&Path>,
    ) -> Result<Self> {
        let path = root.join(SETTINGS_FILE);
        if path.exists() {
            return Err(Error::refused(crate::msg!(
                settings.language,
                "workspace-exists",
                file = path.display()
            )));
        }
        settings.policy()?;
        let mut settings = settings.clone();
        let custom = match calendar_file {
            Some(file) => {
                let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
                let label = file.display().to_string();
                let lang = settings.language;
                let (name, _) = CalendarSet::load_one_in(&label, &text, lang)
                    .map_err(|e| Error::invalid(e.describe(lang)))?;
                settings.calendar = name.clone();
                Some((root.join(CALENDARS_DIR).join(format!("{name}.yaml")), text))
            }
            None => {
                load_calendar(root, &settings.calendar, settings.language)?;
                None
            }
        };
        let settings = &settings;
        std::fs::create_dir_all(root.join(CASES_DIR))
            .map_err(|e| Error::io(root.join(CASES_DIR), e))?;
        let lock = WorkspaceLock::acquire(&root.join(LOCAL_DIR).join("lock"))?;
        write_atomic(&path, settings.render_new().as_bytes())?;
        write_if_missing(
            &root.join(".gitignore"),
            "# local lock and caches of plaint\n.plaint/\n",
        )?;
        write_if_missing(
            &root.join(".gitattributes"),
            "# case files merge with `plaint merge-file` (run `plaint git-setup` once per clone)\n\
             cases/** merge=plaint\n*.yaml text eol=lf\n\
             # issued notices are kept byte for byte (their SHA-256 is recorded)\n\
             notices/** -text\n\
             # large evidence files: after `git lfs install`, uncomment to keep\n\
             # them out of the git history (plaint check still verifies them)\n\
             # attachments/** filter=lfs diff=lfs merge=lfs -text\n",
        )?;
        if let Some((target, text)) = custom {
            write_atomic(&target, text.as_bytes())?;
        }
        drop(lock);
        Workspace::open(root)
    }

    /// The path of the file of case `id`, whether or not it exists.
    pub fn case_path(&self, id: &CaseId) -> PathBuf {
        self.root
            .join(CASES_DIR)
            .join(id.year())
            .join(file_name(id))
    }

    /// Takes the workspace lock, waiting a bounded time for other `plaint`
    /// processes (see [`super::lock::LockWait`]), and
    /// completes (or discards) a batch an interrupted import left staged.
    pub fn lock(&self) -> Result<WorkspaceLock> {
        let lock = WorkspaceLock::acquire(&self.root.join(LOCAL_DIR).join("lock"))?;
        super::staging::recover(self, &lock)?;
        Ok(lock)
    }

    /// Takes the workspace lock only if nobody holds it (then completing a
    /// staged batch like [`Workspace::lock`]); `None` when it is held.
    pub fn try_lock(&self) -> Result<Option<WorkspaceLock>> {
        let Some(lock) = WorkspaceLock::try_acquire(&self.root.join(LOCAL_DIR).join("lock"))?
        else {
            return Ok(None);
        };
        super::staging::recover(self, &lock)?;
        Ok(Some(lock))
    }

    /// Writes `text` as calendar file `name` of `calendars/`, atomically;
    /// the lock argument proves the caller holds the workspace lock.
    pub fn write_calendar(&self, _lock: &WorkspaceLock, name: &str, text: &str) -> Result<PathBuf> {
        let dir = self.root.join(CALENDARS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(format!("{name}.yaml"));
        write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Makes `plaint.yaml` select calendar `name`: its `calendar:` line
    /// gets the new value (its comment kept), or one is added.
    pub fn select_calendar(&self, _lock: &WorkspaceLock, name: &str) -> Result<()> {
        let path = self.root.join(SETTINGS_FILE);
        let text = read_text_bounded(&path, MAX_SETTINGS_BYTES, "settings file")?;
        let mut out = String::with_capacity(text.len() + 32);
        let mut found = false;
        for line in text.split_inclusive('\n') {
            match line.strip_prefix("calendar:") {
                Some(rest) if !found => {
                    found = true;
                    let comment = rest.find('#').map_or("", |at| rest[at..].trim_end());
                    out.push_str("calendar: ");
                    out.push_str(name);
                    if !comment.is_empty() {
                        out.push_str("   ");
                        out.push_str(comment);
                    }
                    out.push('\n');
                }
                _ => out.push_str(line),
            }
        }
        if !found {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("calendar: ");
            out.push_str(name);
            out.push('\n');
        }
        write_atomic(&path, out.as_bytes())
    }

    /// Reads case `id`.
    pub fn read_case(&self, id: &CaseId) -> Result<Case> {
        read_case_file(&self.case_path(id))
    }

    /// Writes `case` to its file, atomically. The lock argument proves the
    /// caller holds the workspace lock for its whole read-modify-write.
    /// Commands change a case through [`Workspace::update`] and its
    /// siblings; only `detach`, which removes the stored file after the
    /// case is written and under the same lock, calls this directly. The
    /// case index and the contact index learn of the write at once.
    pub(crate) fn write_case(&self, lock: &WorkspaceLock, case: &Case) -> Result<()> {
        let text = render_for_write(case)?;
        let before = super::contacts::mtime_before_write(self, &case.id);
        let path = self.case_path(&case.id);
        write_atomic(&path, text.as_bytes())?;
        super::contacts::record_write(self, case, before);
        super::index::record_write(self, lock, case, &path);
        Ok(())
    }

    /// Gives `case` a fresh ID for its date of receipt, one no local file
    /// has, and writes it.
    pub fn create_case(&self, lock: &WorkspaceLock, case: &mut Case) -> Result<()> {
        for _ in 0..64 {
            case.id = CaseId::generate(case.received_date())?;
            if !self.case_path(&case.id).exists() {
                return self.write_case(lock, case);
            }
        }
        Err(Error::invalid(crate::msg!(
            self.policy.language,
            "import-no-free-id"
        )))
    }

    /// Reads, changes and writes one case under the lock. `change` sees the
    /// case as it is on disk now, so concurrent updates are never lost; if it
    /// fails, nothing is written.
    pub fn update<T>(
        &self,
        id: &CaseId,
        change: impl FnOnce(&mut Case) -> Result<T>,
    ) -> Result<(Case, T)> {
        let (case, result, _) = self.update_or_keep(id, |case| change(case).map(Update::Write))?;
        Ok((case, result))
    }

    /// [`Workspace::update`] whose `change` may find there is nothing to
    /// do ([`Update::Keep`]): then the file is left as it is. Returns the
    /// case, the change's answer and whether the file was written.
    pub fn update_or_keep<T>(
        &self,
        id: &CaseId,
        change: impl FnOnce(&mut Case) -> Result<Update<T>>,
    ) -> Result<(Case, T, bool)> {
        let lock = self.lock()?;
        let mut case = self.read_case(id)?;
        let (result, write) = match change(&mut case)? {
            Update::Write(result) => (result, true),
            Update::Keep(result) => (result, false),
        };
        if write {
            self.write_case(&lock, &case)?;
        }
        Ok((case, result, write))
    }

    /// Replaces the file of `case` with it when, under the lock, the file
    /// still holds `original` byte for byte (what an editor was given, which
    /// may hold conflict markers no parser accepts). Returns whether it was
    /// written; `false` means someone changed the case meanwhile.
    pub fn replace_unchanged(&self, case: &Case, original: &[u8]) -> Result<bool> {
        let lock = self.lock()?;
        let path = self.case_path(&case.id);
        let now = read_bounded(&path, crate::limits::MAX_CONFLICTED_BYTES, "case file")?;
        if now != original {
            return Ok(false);
        }
        self.write_case(&lock, case)?;
        Ok(true)
    }

    /// Every case file path (by name: `cases/YYYY/<valid ID>.yaml`), sorted.
    pub fn case_files(&self) -> Result<Vec<PathBuf>> {
        Ok(self
            .case_ids()?
            .into_iter()
            .map(|id| self.case_path(&id))
            .collect())
    }

    /// Every case ID, from file names alone, sorted.
    pub fn case_ids(&self) -> Result<Vec<CaseId>> {
        Ok(self.case_listing()?.ids)
    }

    /// Every case ID from file names alone, sorted, and each `.yaml` file
    /// of `cases/` that is not a case file by its name or folder, as an
    /// unreadable file (see [`super::placement`]): every command that
    /// reads all cases names it and exits 1, as for a damaged file.
    pub fn case_listing(&self) -> Result<CaseListing> {
        let cases = self.root.join(CASES_DIR);
        let mut listing = CaseListing::default();
        let folders = match std::fs::read_dir(&cases) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => return Err(Error::io(&cases, e)),
        };
        for folder in folders {
            let folder = folder.map_err(|e| Error::io(&cases, e))?;
            let name = folder.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            if folder.file_type().is_ok_and(|t| t.is_dir()) {
                list_year(&folder.path(), &name, &mut listing)?;
            } else if let Some(stem) = candidate(&name) {
                listing.stray(folder.path(), &place(stem, None));
            }
        }
        listing.ids.sort();
        listing.strays.sort_by_cached_key(ToString::to_string);
        Ok(listing)
    }

    /// Every readable case as its file says now, kept encoded, through the
    /// case index (see [`super::index`]); unreadable files are listed.
    pub fn scan(&self) -> Result<super::index::Snapshot> {
        super::index::scan(self)
    }

    /// [`Self::scan`], telling `progress` how many of the files the index
    /// did not hold have been read.
    pub fn scan_reporting(
        &self,
        progress: &super::index::Progress<'_>,
    ) -> Result<super::index::Snapshot> {
        super::index::scan_reporting(self, progress)
    }

    /// Reads every case in parallel. A broken file is reported, never fatal.
    pub fn load_all(&self) -> Result<Loaded> {
        let listing = self.case_listing()?;
        let files: Vec<PathBuf> = listing.ids.iter().map(|id| self.case_path(id)).collect();
        let results: Vec<Result<Case>> = files.par_iter().map(|p| read_case_file(p)).collect();
        let mut loaded = Loaded {
            broken: listing.strays,
            ..Loaded::default()
        };
        for result in results {
            match result {
                Ok(case) => loaded.cases.push(case),
                Err(e) => loaded.broken.push(e),
            }
        }
        Ok(loaded)
    }

    /// Resolves what a user typed (a full ID, or a unique prefix or suffix
    /// of one) to a case ID. A full ID is checked by its path alone.
    pub fn resolve(&self, query: &str) -> Result<CaseId> {
        let normalized = id::normalize_query(query)?;
        if let Ok(full) = CaseId::parse(&normalized)
            && full.as_str() == normalized
        {
            return if self.case_path(&full).is_file() {
                Ok(full)
            } else {
                Err(Error::NotFound(query.to_string()))
            };
        }
        let candidates: Vec<CaseId> = self
            .case_ids()?
            .into_iter()
            .filter(|id| id.as_str().starts_with(&normalized) || id.as_str().ends_with(&normalized))
            .collect();
        match candidates.len() {
            0 => Err(Error::NotFound(query.to_string())),
            1 => Ok(candidates.into_iter().next().expect("one candidate")),
            _ => Err(Error::Ambiguous {
                query: query.to_string(),
                candidates: candidates
                    .iter()
                    .map(std::string::ToString::to_string)
                    .collect(),
            }),
        }
    }
}

/// Refuses a workspace with a symbolic link among the folders plaint reads
/// and writes (`cases/`, its year folders, `calendars/`, `.plaint/` and
/// what it holds): one rule for every command, so a case is never written
/// through a link that readers do not follow, nor the lock or contact
/// index appended outside the workspace. Costs one listing of each folder
/// (a few entries), never of the case files.
pub fn refuse_links(root: &Path) -> Result<()> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    for dir in [CASES_DIR, CALENDARS_DIR, LOCAL_DIR] {
        let dir = root.join(dir);
        let mut paths = vec![dir.clone()];
        if !is_link(&dir)
            && let Ok(entries) = std::fs::read_dir(&dir)
        {
            paths.extend(
                entries
                    .filter_map(std::result::Result::ok)
                    .map(|e| e.path()),
            );
        }
        if let Some(link) = paths.iter().find(|p| is_link(p)) {
            return Err(Error::BadFile {
                path: link.clone(),
                message: crate::limits::link_refused().into(),
            });
        }
    }
    Ok(())
}

/// Loads the custom calendars of `calendars/*.yaml` (every file must be
/// valid) and returns the one called `name`; an unknown name is refused
/// in `lang`.
pub fn load_calendar(root: &Path, name: &str, lang: Language) -> Result<Calendar> {
    let set = load_calendar_set(root, lang)?;
    set.get(name).cloned().ok_or_else(|| {
        Error::invalid(crate::said!(
            "settings-unknown-calendar",
            file = SETTINGS_FILE,
            name = name,
            names = set.names().join(crate::policy::codes::list_separator(lang)),
            dir = CALENDARS_DIR
        ))
    })
}

/// Parses every file of `calendars/`; a bad one is refused in `lang`.
pub fn load_calendar_set(root: &Path, lang: Language) -> Result<CalendarSet> {
    load_calendar_set_with(root, lang, None)
}

/// Like [`load_calendar_set`], as it would be with `file` (a path in
/// `calendars/` and its text) written: the calendars a write would give.
pub fn load_calendar_set_with(
    root: &Path,
    lang: Language,
    file: Option<(&Path, &str)>,
) -> Result<CalendarSet> {
    let dir = root.join(CALENDARS_DIR);
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&dir, e))?.path();
            if file.is_some_and(|(p, _)| p == path) {
                continue;
            }
            if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let text = read_text_bounded(&path, MAX_SETTINGS_BYTES, "calendar file")?;
                files.push((path.display().to_string(), text));
            }
        }
    }
    if let Some((path, text)) = file {
        files.push((path.display().to_string(), text.to_string()));
    }
    files.sort();
    CalendarSet::load_in(files.iter().map(|(l, t)| (l.as_str(), t.as_str())), lang)
        .map_err(|e| Error::invalid(e.describe(lang)))
}

/// Reads and parses one case file.
pub fn read_case_file(path: &Path) -> Result<Case> {
    let bytes = read_bounded(path, MAX_FILE_BYTES, "case file")?;
    let text = std::str::from_utf8(&bytes).map_err(|e| Error::BadFile {
        path: path.to_path_buf(),
        message: crate::limits::not_utf8(&e).into(),
    })?;
    parse_case(text, path)
}

fn write_if_missing(path: &Path, contents: &str) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    write_atomic(path, contents.as_bytes())
}

#[cfg(test)]
mod tests;
