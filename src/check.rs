//! The integrity check of a whole workspace: what `plaint check` reports.
//!
//! It looks for every kind of damage a bad merge or a hand edit can do:
//! case files that do not parse (syntax, schema, git conflict markers), a
//! file whose name is not its `id`, two files with one `id`, histories the
//! workflow could not have produced, references that do not resolve, an
//! invalid `plaint.yaml` or calendar file, stray files in `cases/`, and
//! notices or attachments missing or altered since they were recorded.
//!
//! Every problem is collected (one bad file never hides another); case
//! files are read in parallel with one parse each. Read only: nothing here
//! writes, so the check can run from a git hook while others work.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use chrono::FixedOffset;

use crate::calendar::{Calendar, CalendarSet};
use crate::error::{Error, Result};
use crate::intake::{check_against_policy, history_order_problems};
use crate::limits::{MAX_FILE_BYTES, MAX_SETTINGS_BYTES, read_text_bounded};
use crate::messages::Language;
use crate::messages::said::{Arg, IntoArg, Text};
use crate::model::{Case, CaseId, EventKind};
use crate::policy::Policy;
use crate::policy::settings::{SETTINGS_FILE, Settings};
use crate::policy::workflow::FromHistory;
use crate::storage::casefile::{conflict_marker_line, parse_case, parse_yaml_case};
use crate::storage::placement::place;
use crate::storage::workspace::{CALENDARS_DIR, CASES_DIR};

pub mod push;

/// One thing wrong, in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, relative to the workspace root, with `/` separators.
    pub file: String,
    /// What is wrong and, where it helps, what to do.
    pub message: Text,
}

/// Problems sort by file, then by what they say in English, whatever the
/// language they are shown in (so `check` lists them in one order).
impl Ord for Problem {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.file, self.message.english()).cmp(&(&other.file, other.message.english()))
    }
}

impl PartialOrd for Problem {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Problem {
    /// The problem with its message rendered in `lang`.
    fn rendered(&self, lang: Language) -> Problem {
        problem(&self.file, self.message.render(lang))
    }
}

/// The result of a check: how many files were looked at and what is wrong.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Files examined: settings, calendars and everything under `cases/`.
    pub files: usize,
    /// Every problem found, sorted by file.
    pub problems: Vec<Problem>,
    /// Notices that do not fail the check (records imported incomplete
    /// with `import --force`, a notice issued twice), sorted by file.
    pub warnings: Vec<Problem>,
    /// Files `check --fix` may remove, relative to the root: temporary
    /// files of interrupted writes anywhere plaint writes, and notices no
    /// history records (a command killed between storing the document and
    /// recording it). Each is among the problems too.
    pub leftovers: Vec<String>,
}

impl Report {
    /// The report with every message rendered in `lang`, as `--json`
    /// prints it.
    pub fn rendered(&self, lang: Language) -> Report {
        let all = |list: &[Problem]| list.iter().map(|p| p.rendered(lang)).collect();
        Report {
            problems: all(&self.problems),
            warnings: all(&self.warnings),
            ..self.clone()
        }
    }

    /// Whether the workspace is sound.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the workspace at `root`. Fails only when the folder cannot be
/// read at all; everything wrong inside it is a [`Problem`].
pub fn check_workspace(root: &Path) -> Result<Report> {
    let mut report = Report::default();
    let settings = check_settings(root, &mut report);
    let policy = settings.as_ref().and_then(|s| s.policy().ok());
    let calendar = check_calendars(root, settings.as_ref(), &mut report)?;
    let clock = match (
        &policy,
        calendar.as_ref(),
        settings.as_ref().and_then(|s| s.offset().ok()),
    ) {
        (Some(policy), Some(calendar), Some(offset)) => Some(Clocks {
            policy,
            calendar,
            offset,
        }),
        _ => None,
    };
    let roles = settings
        .as_ref()
        .map(|s| s.roles.clone())
        .unwrap_or_default();
    let judged = Judged {
        policy: policy.as_ref(),
        clocks: clock.as_ref(),
        roles: &roles,
    };
    let recorded = check_cases(root, &judged, &mut report)?;
    check_stored_files(root, &recorded, &mut report)?;
    check_staging(root, &mut report);
    report.problems.sort();
    report.leftovers.sort();
    report.problems.dedup();
    report.warnings.sort();
    Ok(report)
}

/// A committed import whose files are not all in `cases/` yet: what is in
/// `cases/` is a partial batch, which must not be committed to git.
fn check_staging(root: &Path, report: &mut Report) {
    if let Some(count) = crate::storage::staging::committed_pending(root) {
        report.problems.push(problem(
            ".plaint/staging",
            crate::said!("check-staging", count = count),
        ));
    }
}

fn problem(file: impl Into<String>, message: impl Into<Text>) -> Problem {
    Problem {
        file: file.into(),
        message: message.into(),
    }
}

/// `plaint.yaml`: parses, and its policy and offset are valid.
fn check_settings(root: &Path, report: &mut Report) -> Option<Settings> {
    report.files += 1;
    let path = root.join(SETTINGS_FILE);
    match read_text_bounded(&path, MAX_SETTINGS_BYTES, "settings file") {
        Ok(text) => settings_from_text(&text, &mut report.problems),
        Err(e) => {
            report.problems.push(problem(SETTINGS_FILE, e.to_string()));
            None
        }
    }
}

/// The settings `text` holds, with what is wrong in it added to `problems`.
fn settings_from_text(text: &str, problems: &mut Vec<Problem>) -> Option<Settings> {
    if let Some(line) = conflict_marker_line(text) {
        problems.push(problem(
            SETTINGS_FILE,
            crate::said!("check-conflict", line = line),
        ));
        return None;
    }
    let settings = match Settings::parse(text, SETTINGS_FILE) {
        Ok(s) => s,
        Err(e) => {
            // The problem names the file already.
            let message = e.to_string();
            let message = [": ", "："]
                .iter()
                .find_map(|sep| message.strip_prefix(&format!("{SETTINGS_FILE}{sep}")))
                .unwrap_or(&message);
            problems.push(problem(SETTINGS_FILE, message));
            return None;
        }
    };
    if let Err(e) = settings.policy() {
        problems.push(problem(SETTINGS_FILE, e.to_string()));
    }
    Some(settings)
}

/// What the deadline guard needs: the workspace's policy, calendar and offset.
struct Clocks<'a> {
    policy: &'a Policy,
    calendar: &'a Calendar,
    offset: FixedOffset,
}

/// `calendars/*.yaml` load together, and the settings name a known
/// calendar; that calendar, when all is well.
fn check_calendars(
    root: &Path,
    settings: Option<&Settings>,
    report: &mut Report,
) -> Result<Option<Calendar>> {
    let dir = root.join(CALENDARS_DIR);
    let mut files: Vec<(String, String)> = Vec::new();
    let listing = list_dir(&dir)?;
    // A link is read too, so that the refusal is reported as its problem.
    let mut paths: Vec<PathBuf> = listing.paths.into_iter().map(|(p, _)| p).collect();
    paths.extend(listing.links);
    paths.sort();
    for path in paths {
        let label = relative(root, &path);
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        report.files += 1;
        match read_text_bounded(&path, MAX_SETTINGS_BYTES, "calendar file") {
            Ok(text) => files.push((label, text)),
            Err(e) => report.problems.push(problem(&label, e.to_string())),
        }
    }
    Ok(calendar_from_texts(&files, settings, &mut report.problems))
}

/// The calendar the settings name, from the calendar files (label, text)
/// and the built-in ones, with what is wrong added to `problems`.
fn calendar_from_texts(
    texts: &[(String, String)],
    settings: Option<&Settings>,
    problems: &mut Vec<Problem>,
) -> Option<Calendar> {
    let mut files: Vec<(&str, &str)> = Vec::new();
    for (label, text) in texts {
        match conflict_marker_line(text) {
            Some(line) => {
                problems.push(problem(label, crate::said!("check-conflict", line = line)));
            }
            None => files.push((label, text)),
        }
    }
    let lang = settings.map_or(Language::En, |s| s.language);
    let set = match CalendarSet::load_in(files.iter().copied(), lang) {
        Ok(set) => set,
        Err(e) => {
            let file = files
                .iter()
                .map(|(l, _)| *l)
                .find(|l| e.to_string().contains(l))
                .unwrap_or(CALENDARS_DIR);
            problems.push(problem(file, e.describe(lang)));
            return None;
        }
    };
    let settings = settings?;
    if let Some(calendar) = set.get(&settings.calendar) {
        return Some(calendar.clone());
    }
    problems.push(problem(
        SETTINGS_FILE,
        crate::said!(
            "check-no-calendar",
            calendar = settings.calendar,
            known = set.names().join(", ")
        ),
    ));
    None
}

/// What a file under `cases/` is, judged by its path alone.
enum Entry {
    /// `cases/YYYY/ID.yaml` with a valid ID of that year.
    Case(PathBuf),
    /// Anything else, with why it does not belong.
    Stray(PathBuf, Text),
}

/// What reading one case file found.
struct Examined {
    file: String,
    /// The `id` the file declares, when it could be read.
    id: Option<CaseId>,
    /// The case's `links`, resolved once every id is known. The parsed case
    /// itself is dropped in the worker, so memory stays flat on big
    /// workspaces.
    links: Vec<CaseId>,
    /// The stored files its history records (current attachments and
    /// every notice), relative to the root.
    stored: Vec<String>,
    /// Whether the file parsed as a case (so `stored` is all it records).
    parsed: bool,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

/// What case files are judged against: the policy, the clocks and the
/// people of each role, where `plaint.yaml` gives them.
struct Judged<'a> {
    policy: Option<&'a Policy>,
    clocks: Option<&'a Clocks<'a>>,
    roles: &'a BTreeMap<String, Vec<String>>,
}

/// Checks every case file; returns what their histories record.
fn check_cases(root: &Path, judged: &Judged<'_>, report: &mut Report) -> Result<Recorded> {
    let entries = walk_cases(root)?;
    report.files += entries.len();
    let examined: Vec<Examined> = entries
        .par_iter()
        .map(|entry| examine(root, entry, judged))
        .collect();
    let mut owners: BTreeMap<&CaseId, Vec<&str>> = BTreeMap::new();
    for e in &examined {
        if let Some(id) = &e.id {
            owners.entry(id).or_default().push(&e.file);
        }
    }
    for (id, files) in &owners {
        if files.len() > 1 {
            for file in files {
                let others: Vec<&str> = files.iter().copied().filter(|f| f != file).collect();
                report.problems.push(problem(
                    *file,
                    crate::said!("check-duplicate", id = id, others = others.join(", ")),
                ));
            }
        }
    }
    let known: BTreeSet<&CaseId> = owners.keys().copied().collect();
    // Temporary files of interrupted writes are safe to remove: a write
    // renames its temporary file into place, or it never happened.
    report
        .leftovers
        .extend(entries.iter().filter_map(|e| match e {
            Entry::Stray(path, _) if is_temporary(path) => Some(relative(root, path)),
            _ => None,
        }));
    for e in &examined {
        report.problems.extend(e.problems.iter().cloned());
        report.warnings.extend(e.warnings.iter().cloned());
        for link in &e.links {
            let message = if Some(link) == e.id.as_ref() {
                crate::said!("check-link-self", link = link)
            } else if !known.contains(link) {
                crate::said!("check-link-unknown", link = link)
            } else {
                continue;
            };
            report.problems.push(problem(&e.file, message));
        }
    }
    let mut recorded = Recorded::default();
    for e in examined {
        let owner = file_name(Path::new(&e.file))
            .trim_end_matches(".yaml")
            .to_string();
        if e.parsed {
            recorded.readable.insert(owner);
        } else {
            recorded.unreadable.insert(owner);
        }
        recorded.files.extend(e.stored);
    }
    Ok(recorded)
}

/// What the case files say about the stored files: the files their
/// histories record, and which cases could be read at all.
#[derive(Default)]
struct Recorded {
    /// Every stored file a history records, relative to the root.
    files: BTreeSet<String>,
    /// The IDs (by file name) of the case files that parsed.
    readable: BTreeSet<String>,
    /// The IDs of the case files that did not: what their histories
    /// record is unknown, so nothing of theirs is called unrecorded.
    unreadable: BTreeSet<String>,
}

impl Recorded {
    /// The case a stored file belongs to, by its path:
    /// `attachments/ID/…` or `notices/YEAR/ID/…`.
    fn owner(label: &str) -> Option<&str> {
        let parts: Vec<&str> = label.split('/').collect();
        match parts.as_slice() {
            ["attachments", id, ..] | ["notices", _, id, ..] => Some(id),
            _ => None,
        }
    }
}

/// Everything under `attachments/` and `notices/` that no case records:
/// temporary files of interrupted writes, documents stored by a command
/// killed before it recorded them, files put there by hand, and links,
/// FIFOs or devices, which plaint never reads there. Each would otherwise
/// be committed by `git add -A` unseen.
fn check_stored_files(root: &Path, recorded: &Recorded, report: &mut Report) -> Result<()> {
    use crate::paperwork::render::TEMPLATES_DIR;
    use crate::paperwork::{attach::ATTACHMENTS_DIR, notice::NOTICES_DIR};
    for top in [ATTACHMENTS_DIR, NOTICES_DIR, TEMPLATES_DIR] {
        let mut files = Vec::new();
        let dir = root.join(top);
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            files.push((dir, StoredKind::Link));
        } else {
            walk_stored(&dir, 0, &mut files)?;
        }
        for (path, kind) in files {
            let label = relative(root, &path);
            report.files += 1;
            let message = match kind {
                StoredKind::Link => {
                    crate::said!("check-symlink", refused = crate::limits::link_refused())
                }
                StoredKind::Special => crate::said!("check-not-regular"),
                StoredKind::File if is_temporary(&path) => {
                    report.leftovers.push(label.clone());
                    crate::said!("check-temporary-stored")
                }
                StoredKind::File if top == TEMPLATES_DIR || recorded.files.contains(&label) => {
                    continue;
                }
                // A case file that cannot be read may record it: its own
                // problem is reported, and nothing of it is touched.
                StoredKind::File
                    if Recorded::owner(&label)
                        .is_some_and(|id| recorded.unreadable.contains(id)) =>
                {
                    continue;
                }
                StoredKind::File
                    if !Recorded::owner(&label)
                        .is_some_and(|id| recorded.readable.contains(id)) =>
                {
                    crate::said!("check-stored-no-case")
                }
                StoredKind::File if top == NOTICES_DIR && is_notice_name(&path) => {
                    report.leftovers.push(label.clone());
                    crate::said!("check-unrecorded-notice")
                }
                StoredKind::File if top == ATTACHMENTS_DIR && is_own_copy(&path) => {
                    report.leftovers.push(label.clone());
                    crate::said!("check-unrecorded-copy")
                }
                StoredKind::File => crate::said!("check-unrecorded-attachment"),
            };
            report.problems.push(problem(label, message));
        }
    }
    Ok(())
}

/// Whether `path` is named as `notice` names what it stores:
/// `KIND-TOKEN.html` or `.md` (`acceptance-4Q7MA.html`; `KIND-N` of
/// older plaint too). Any other name is a person's file.
fn is_notice_name(path: &Path) -> bool {
    let name = file_name(path);
    let Some(stem) = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".md"))
    else {
        return false;
    };
    let Some((kind, token)) = stem.rsplit_once('-') else {
        return false;
    };
    !kind.is_empty()
        && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !token.is_empty()
        && token.len() <= 5
        && token
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `path` is a copy `attach` made: named after the first twelve
/// hex digits of its own SHA-256 (`ef8fa3cbc228-photo.jpg`). One no history
/// records was stored by an `attach` killed before it recorded it; the
/// original is still wherever it was attached from.
fn is_own_copy(path: &Path) -> bool {
    let name = file_name(path);
    let Some((prefix, _)) = name.split_once('-') else {
        return false;
    };
    prefix.len() == 12
        && prefix.bytes().all(|b| b.is_ascii_hexdigit())
        && path
            .parent()
            .zip(path.file_name())
            .is_some_and(|(dir, file)| {
                crate::paperwork::attach::stored_sha256(dir, &file.to_string_lossy())
                    .is_ok_and(|sha| sha.starts_with(prefix))
            })
}

/// What an entry under the stored folders is, as its folder lists it
/// (links are not followed).
enum StoredKind {
    File,
    Link,
    Special,
}

/// The files under `dir`, folders descended (to a bounded depth: the
/// deepest plaint writes is `notices/YEAR/ID/FILE`), sorted.
fn walk_stored(dir: &Path, depth: usize, out: &mut Vec<(PathBuf, StoredKind)>) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            out.push((dir.to_path_buf(), StoredKind::Special));
            return Ok(());
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut entries: Vec<_> = entries.filter_map(std::result::Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_symlink() => out.push((path, StoredKind::Link)),
            Ok(t) if t.is_dir() && depth < 4 => walk_stored(&path, depth + 1, out)?,
            Ok(t) if t.is_file() => out.push((path, StoredKind::File)),
            _ => out.push((path, StoredKind::Special)),
        }
    }
    Ok(())
}

/// Removes the leftovers a check found (see [`Report::leftovers`]); the
/// caller holds the workspace lock, so no write is under way. Returns the
/// files removed.
pub fn remove_leftovers(root: &Path, report: &Report) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for file in &report.leftovers {
        let path = crate::storage::confine::checked(root, file)?;
        crate::storage::atomic::remove_file(&path)?;
        removed.push(file.clone());
    }
    Ok(removed)
}

/// Reads and judges one file under `cases/`.
fn examine(root: &Path, entry: &Entry, judged: &Judged<'_>) -> Examined {
    let (path, stray) = match entry {
        Entry::Case(path) => (path, None),
        Entry::Stray(path, why) => (path, Some(why.clone())),
    };
    let file = relative(root, path);
    let mut out = Examined {
        file: file.clone(),
        id: None,
        links: Vec::new(),
        stored: Vec::new(),
        parsed: false,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(why) = stray {
        // A misplaced case file still counts for duplicate IDs; a leftover
        // temporary file or a link does not.
        out.id = (!is_temporary(path))
            .then(|| read_text(path).ok())
            .flatten()
            .and_then(|t| parse_yaml_case(&t).ok())
            .map(|c| c.id);
        let why: Text = match &out.id {
            Some(id) => {
                crate::said!("check-holds-case", why = why, id = id, year = id.year()).into()
            }
            None => why,
        };
        out.problems.push(problem(&file, why));
        return out;
    }
    let text = match read_text(path) {
        Ok(text) => text,
        Err(message) => {
            out.problems.push(problem(&file, message));
            return out;
        }
    };
    match parse_case(&text, path) {
        Ok(case) => examine_case(root, &text, case, judged, &mut out),
        Err(err) => {
            let message = match err {
                Error::BadFile { message, .. } => message,
                other => Text::Plain(other.to_string()),
            };
            out.problems.push(problem(&file, message));
            // A file named after another case still declares its own id.
            out.id = parse_yaml_case(&text).ok().map(|c| c.id);
        }
    }
    out
}

/// What a parsed case file holds wrong, or warns about, and what it records.
fn examine_case(root: &Path, text: &str, case: Case, judged: &Judged<'_>, out: &mut Examined) {
    let (policy, clocks) = (judged.policy, judged.clocks);
    let file = out.file.clone();
    out.id = Some(case.id.clone());
    if let Some(line) = crate::limits::first_comment_line(text) {
        out.warnings.push(problem(
            &file,
            crate::said!("comments-dropped", line = line),
        ));
    }
    out.problems.extend(
        case_problems(policy, &case)
            .into_iter()
            .chain(clocks.and_then(|c| running_after_exit(c, &case)))
            .map(|m| problem(&file, m)),
    );
    if let Some(policy) = policy {
        out.warnings.extend(
            case_warnings(policy, &case)
                .into_iter()
                .chain(unapproved_acts(policy, judged.roles, &case))
                .map(|m| problem(&file, m)),
        );
    }
    out.warnings.extend(
        steps_after_void(&case)
            .into_iter()
            .chain(
                policy
                    .map(|p| appraisal_warnings(p, &case))
                    .unwrap_or_default(),
            )
            .map(|m| problem(&file, m)),
    );
    out.problems.extend(
        orphan_appraisal_results(&case)
            .into_iter()
            .map(|m| problem(&file, m)),
    );
    out.warnings.extend(
        crate::paperwork::notice::issuance_warnings(
            policy.map_or("", |p| &p.preset),
            &case,
            &|notice| {
                crate::paperwork::attach::stored_sha256(root, &notice.file)
                    .is_ok_and(|s| s == notice.sha256)
            },
        )
        .into_iter()
        .map(|m| problem(&file, m)),
    );
    // A recorded path outside the case's folders is reported
    // above, with the history's other problems.
    out.problems.extend(
        crate::paperwork::attach::verify(root, &case)
            .into_iter()
            .filter_map(|p| Some(problem(p.file?, p.message))),
    );
    out.stored = crate::paperwork::attach::current(&case)
        .into_iter()
        .map(|a| a.file)
        .chain(
            crate::paperwork::notice::issued(&case)
                .into_iter()
                .map(|n| n.notice.file.clone()),
        )
        .collect();
    out.links = case.links;
    out.parsed = true;
}

fn read_text(path: &Path) -> std::result::Result<String, Text> {
    read_text_bounded(path, MAX_FILE_BYTES, "case file").map_err(|e| match e {
        Error::BadFile { message, .. } => message,
        other => Text::Plain(other.to_string()),
    })
}

/// Everything wrong with a parsed case under the policy.
pub fn case_problems(policy: Option<&Policy>, case: &Case) -> Vec<Text> {
    let Some(policy) = policy else {
        return history_order_problems(case);
    };
    let mut problems: Vec<Text> = check_against_policy(policy, case)
        .into_iter()
        .map(|e| e.text())
        .collect();
    problems.extend(derived_field_problems(policy, case));
    problems
}

/// What a case imported with `import --force` lacks: reported as a
/// warning, since the officer chose to keep the migrated record as it was.
pub fn case_warnings(policy: &Policy, case: &Case) -> Vec<Text> {
    if !crate::intake::forced_incomplete(case) {
        return Vec::new();
    }
    crate::policy::workflow::incomplete_record(policy, case)
        .into_iter()
        .map(|(field, message)| {
            crate::said!(
                "check-imported-incomplete",
                field = field,
                message = message
            )
            .into()
        })
        .collect()
}

/// Results of appraisals that were never begun: a history no command
/// writes (an edited or truncated file).
fn orphan_appraisal_results(case: &Case) -> Vec<Text> {
    use crate::model::appraisal::orphan_results;
    let orphans = orphan_results(&case.history);
    case.history
        .iter()
        .enumerate()
        .filter(|(_, e)| orphans.iter().any(|o| std::ptr::eq(*o, *e)))
        .filter_map(|(i, e)| match &e.what {
            EventKind::AppraisalResult(o) => Some(
                crate::said!(
                    "check-appraisal-orphan",
                    n = i + 1,
                    at = e.at.format("%Y-%m-%d %H:%M"),
                    number = o.number
                )
                .into(),
            ),
            _ => None,
        })
        .collect()
}

/// Appraisals still waiting for their result on a case that has left the
/// workflow, and appraisals begun twice under one number (two clones
/// merged).
fn appraisal_warnings(policy: &Policy, case: &Case) -> Vec<Text> {
    use crate::model::appraisal::{Typed, records};
    use Language::{En, Zh};
    let list = records(&case.history);
    let status = crate::deadline::current_status(case, policy);
    let mut found: Vec<Text> = Vec::new();
    if !policy.is_open(status) && !case.is_void() {
        for r in list.iter().filter(|r| r.is_open()) {
            let kind = r.appraisal.kind;
            found.push(
                crate::said!(
                    "check-appraisal-open",
                    kind = Arg::each(kind.label(En), kind.label(Zh)),
                    number = r.appraisal.number,
                    date = r.started.at.format("%Y-%m-%d"),
                    state = Arg::each(
                        policy.state_label(status, En),
                        policy.state_label(status, Zh)
                    )
                )
                .into(),
            );
        }
    }
    for (i, r) in list.iter().enumerate() {
        if let Some(first) = list[..i]
            .iter()
            .find(|f| f.appraisal.number == r.appraisal.number)
        {
            found.push(
                crate::said!(
                    "check-appraisal-twice",
                    number = r.appraisal.number,
                    first = first.started.at.format("%Y-%m-%d %H:%M"),
                    second = r.started.at.format("%Y-%m-%d %H:%M")
                )
                .into(),
            );
        }
    }
    found
}

/// The steps of the procedure recorded after `case` was voided: what
/// `plaint` refuses on a void case, but a merge of two clones can bring
/// (one voided the case while the other went on with it). Both acts
/// happened, so the record keeps them; the case stays void.
fn steps_after_void(case: &Case) -> Vec<Text> {
    let Some(voided) = case.voided() else {
        return Vec::new();
    };
    let date = voided.at.format("%Y-%m-%d").to_string();
    case.history
        .iter()
        .enumerate()
        .filter(|(_, e)| e.at >= voided.at && !std::ptr::eq(*e, voided))
        .filter(|(_, e)| {
            let action = e.action();
            action != crate::model::Action::Voided
                && !crate::policy::workflow::kept_when_void(action)
        })
        .map(|(i, e)| {
            crate::said!(
                "check-step-after-void",
                n = i + 1,
                action = e.action().as_str(),
                at = e.at.format("%Y-%m-%d %H:%M"),
                date = date
            )
            .into()
        })
        .collect()
}

/// The events of `case` recorded by a name without the role their act
/// needs and with no approval by one who has it (`plaint.yaml`'s roles,
/// the policy's permissions): what plaint's own commands refuse, found in
/// a file changed by hand or recorded before the roles were set.
fn unapproved_acts(
    policy: &Policy,
    roles: &BTreeMap<String, Vec<String>>,
    case: &Case,
) -> Vec<Text> {
    use crate::policy::leadership::{Staff, audit, role_label};
    let staff = Staff::new(roles);
    if !staff.is_set() {
        return Vec::new();
    }
    let lang = policy.language;
    audit(policy, staff, case)
        .0
        .into_iter()
        .map(|bad| {
            let event = &case.history[bad.index];
            let needs = policy
                .permissions
                .get(&bad.duty)
                .cloned()
                .unwrap_or_default();
            let labels: Vec<String> = needs.iter().map(|r| role_label(r, lang)).collect();
            let holders = staff.holders(&needs);
            // An approval by someone outside the roles, or an act done
            // without the approval it needs: the same facts either way.
            let said = if matches!(event.what, crate::model::EventKind::Approved { .. }) {
                crate::said!("check-approval-outsider")
            } else {
                crate::said!("check-unapproved")
            };
            let said = said
                .with("n", bad.index + 1)
                .with("at", event.at.format("%Y-%m-%d %H:%M").to_string())
                .with("name", &event.by)
                .with("act", bad.duty.label(lang))
                .with("roles", crate::messages::join(lang, &labels))
                .with("holders", crate::messages::join(lang, &holders));
            Text::from(said.render(lang))
        })
        .collect()
}

/// A case that left the workflow (its state is not open) with a deadline
/// still running, paused or overdue. The deadline layer stops every clock
/// on such a move, so this guards that promise rather than the files.
fn running_after_exit(clocks: &Clocks, case: &Case) -> Option<Text> {
    let status = crate::deadline::current_status(case, clocks.policy);
    if clocks.policy.is_open(status) {
        return None;
    }
    let today = last_event_day(case, clocks.offset);
    let deadlines =
        crate::deadline::evaluate(case, clocks.policy, clocks.calendar, clocks.offset, today)
            .ok()?;
    // An obligation that starts at this very state (serving a refusal)
    // runs in it by design.
    let follows_exit = |rule: &str| clocks.policy.rule(rule).is_ok_and(|r| r.start == status);
    let running: Vec<&str> = deadlines
        .iter()
        .filter(|d| d.state.is_open() && !follows_exit(&d.rule))
        .map(|d| d.rule.as_str())
        .collect();
    (!running.is_empty()).then(|| {
        crate::said!(
            "check-still-running",
            status = status,
            rules = running.join(", ")
        )
        .into()
    })
}

fn last_event_day(case: &Case, offset: FixedOffset) -> chrono::NaiveDate {
    case.history
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(case.received)
        .with_timezone(&offset)
        .date_naive()
}

/// `assignee` and `outcome` disagreeing with the history (the status is
/// checked with the workflow, in [`check_against_policy`]); any command
/// that changes the case repairs them.
fn derived_field_problems(policy: &Policy, case: &Case) -> Vec<Text> {
    let implied = FromHistory::of(policy, &case.history);
    implied
        .disagreements(case)
        .into_iter()
        .filter(|(field, ..)| *field != "status")
        .map(|(field, stored, wanted)| {
            let show = |v: Option<String>| {
                v.map_or_else(|| crate::said!("check-none").into_arg(), Arg::Text)
            };
            crate::said!(
                "check-derived",
                field = field,
                stored = show(stored),
                wanted = show(wanted)
            )
            .into()
        })
        .collect()
}

/// What judging a file of a workspace needs, read from the texts of its
/// `plaint.yaml` and calendar files rather than from a folder (a server
/// hook reads them from git): the policy and, for the deadline guard, the
/// calendar and the office's offset.
pub struct Rules {
    settings: Option<Settings>,
    policy: Option<Policy>,
    calendar: Option<Calendar>,
}

impl Rules {
    /// The rules of `settings` (the text of `plaint.yaml`, none when the
    /// file is missing) and the calendar files `(label, text)`, with the
    /// problems `check` finds in them.
    pub fn from_texts(
        settings: Option<&str>,
        calendars: &[(String, String)],
    ) -> (Rules, Vec<Problem>) {
        let mut problems = Vec::new();
        let settings = settings.and_then(|text| settings_from_text(text, &mut problems));
        let policy = settings.as_ref().and_then(|s| s.policy().ok());
        let calendar = calendar_from_texts(calendars, settings.as_ref(), &mut problems);
        let rules = Rules {
            settings,
            policy,
            calendar,
        };
        (rules, problems)
    }

    /// The settings, when they parse.
    pub fn settings(&self) -> Option<&Settings> {
        self.settings.as_ref()
    }

    /// Judges the text of the case file `file` (its path from the root)
    /// as `check` does — it parses, its `id` is its file name, its history
    /// is one the workflow could have produced, no deadline runs after it
    /// left the workflow — without looking at the files it stores. Returns
    /// the case, when it parsed, and the problems.
    pub fn case_text(&self, file: &str, text: &str) -> (Option<Case>, Vec<Problem>) {
        let case = match parse_case(text, Path::new(file)) {
            Ok(case) => case,
            Err(Error::BadFile { message, .. }) => return (None, vec![problem(file, message)]),
            Err(other) => return (None, vec![problem(file, other.to_string())]),
        };
        let clocks = match (&self.policy, &self.calendar, &self.settings) {
            (Some(policy), Some(calendar), Some(settings)) => {
                settings.offset().ok().map(|offset| Clocks {
                    policy,
                    calendar,
                    offset,
                })
            }
            _ => None,
        };
        let problems = case_problems(self.policy.as_ref(), &case)
            .into_iter()
            .chain(clocks.and_then(|c| running_after_exit(&c, &case)))
            .map(|m| problem(file, m))
            .collect();
        (Some(case), problems)
    }
}

/// Why a path under `cases/` (with `/` separators, from the root) holds
/// no case file, as `check` says it; `None` for `cases/YYYY/ID.yaml` with
/// a valid ID of that year, and for the `.gitkeep` that keeps `cases/`.
pub fn case_path_problem(path: &str) -> Option<Text> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["cases", ".gitkeep"] => None,
        ["cases", _] => Some(crate::said!("check-stray-file").into()),
        ["cases", folder, _] => match classify(Path::new(path), false, folder) {
            Entry::Case(_) => None,
            Entry::Stray(_, why) => Some(why),
        },
        _ => Some(crate::said!("check-stray-folder").into()),
    }
}

/// The case a stored file belongs to, by its path (`attachments/ID/…` or
/// `notices/YEAR/ID/…`).
pub fn stored_file_owner(path: &str) -> Option<&str> {
    Recorded::owner(path)
}

/// Every file under `cases/`, classified by its path. A missing `cases/`
/// is an empty workspace, not a problem.
fn walk_cases(root: &Path) -> Result<Vec<Entry>> {
    let cases = root.join(CASES_DIR);
    let mut entries = Vec::new();
    let link = |path: PathBuf| {
        let why = crate::said!("check-symlink", refused = crate::limits::link_refused());
        Entry::Stray(path, why.into())
    };
    let top = list_dir(&cases)?;
    entries.extend(top.links.into_iter().map(link));
    for (path, is_dir) in top.paths {
        let name = file_name(&path);
        if is_dir {
            let inner = list_dir(&path)?;
            entries.extend(inner.links.into_iter().map(link));
            for (inner, inner_is_dir) in inner.paths {
                entries.push(classify(&inner, inner_is_dir, &name));
            }
        } else if name != ".gitkeep" {
            entries.push(Entry::Stray(path, crate::said!("check-stray-file").into()));
        }
    }
    Ok(entries)
}

fn classify(path: &Path, is_dir: bool, folder: &str) -> Entry {
    let name = file_name(path);
    let stray = |why: Text| Entry::Stray(path.to_path_buf(), why);
    if is_dir {
        return stray(crate::said!("check-stray-folder").into());
    }
    if is_temporary(path) {
        return stray(crate::said!("check-temporary").into());
    }
    let Some(stem) = name.strip_suffix(".yaml") else {
        return stray(crate::said!("check-not-yaml").into());
    };
    // The rule the reading commands follow too (they skip the files
    // above and name these as unreadable).
    let placement = place(stem, Some(folder));
    match placement.problem() {
        None => Entry::Case(path.to_path_buf()),
        Some(why) => stray(why.into()),
    }
}

/// The entries of `dir` with whether each is a folder, sorted; none when
/// `dir` does not exist. The type comes from the directory listing, so a
/// large `cases/` costs no extra `stat` per file.
fn list_dir(dir: &Path) -> Result<Listing> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Listing {
                paths: Vec::new(),
                links: Vec::new(),
            });
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut paths = Vec::new();
    let mut links = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let kind = entry.file_type().ok();
        if kind.is_some_and(|t| t.is_symlink()) {
            links.push(entry.path());
            continue;
        }
        let is_dir = kind.is_some_and(|t| t.is_dir());
        paths.push((entry.path(), is_dir));
    }
    // By name: comparing whole paths component by component is slow on a
    // folder of 100,000 cases.
    paths.sort_unstable_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    links.sort();
    Ok(Listing { paths, links })
}

/// A folder's entries: folders and files, and the symbolic links apart.
struct Listing {
    paths: Vec<(PathBuf, bool)>,
    links: Vec<PathBuf>,
}

/// A temporary file of an interrupted atomic write (`.plaint-*.tmp`).
fn is_temporary(path: &Path) -> bool {
    let name = file_name(path);
    name.starts_with(".plaint-") && name.ends_with(".tmp")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `path` relative to `root`, with `/` separators, for messages.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::tests::tourism;
    use crate::storage::casefile::parse_yaml_case;

    #[test]
    fn a_files_problems_sort_by_what_they_say_not_how_they_are_built() {
        // A sentence of the catalogue and plain text sort by their English.
        let said = problem("f", crate::said!("check-stray-file"));
        let plain = problem("f", "zz: a problem in plain words");
        let mut both = vec![said.clone(), plain.clone()];
        both.sort();
        assert_eq!(both, [said, plain]);
    }

    fn case(status: &str, events: &str) -> Case {
        let text = format!(
            "schema: 1\nid: 20261102-K7QF2\nreceived: 2026-11-02T09:30:00+08:00\n\
             complainants:\n- name: 张三\nrespondent:\n  name: 甲旅行社\ndemands: 退款\nstatus: {status}\nhistory:\n\
             - at: 2026-11-02T09:30:00+08:00\n  by: a\n  action: registered\n{events}"
        );
        parse_yaml_case(&text).unwrap()
    }

    fn status_event(minute: u32, from: &str, to: &str) -> String {
        format!(
            "- at: 2026-11-02T10:{minute:02}:00+08:00\n  by: a\n  action: status\n  from: {from}\n  to: {to}\n"
        )
    }

    #[test]
    fn a_consistent_history_has_no_problems() {
        let events = status_event(1, "received", "accepted")
            + &status_event(2, "accepted", "suspended")
            + &status_event(3, "suspended", "accepted");
        assert_eq!(
            case_problems(Some(&tourism()), &case("accepted", &events)),
            Vec::<Text>::new()
        );
    }

    #[test]
    fn concurrent_moves_from_one_state_are_not_damage() {
        let events = status_event(1, "accepted", "investigating");
        let events = status_event(0, "received", "accepted")
            + &events
            + &status_event(2, "accepted", "mediating");
        assert!(case_problems(Some(&tourism()), &case("mediating", &events)).is_empty());
    }

    /// Asserts that the first problem found in `case` says `what`.
    fn first_says(p: &Policy, case: &Case, what: &str) {
        let found = case_problems(Some(p), case);
        let first = found.first().map(Text::english);
        assert!(first.is_some_and(|f| f.contains(what)), "{found:?}");
    }

    #[test]
    fn impossible_histories_are_reported() {
        let p = tourism();
        let skip = case("resolved", &status_event(1, "received", "resolved"));
        first_says(&p, &skip, "does not allow");
        let unreached = case("mediating", &status_event(1, "investigating", "mediating"));
        first_says(&p, &unreached, "had not reached");
        let stale = case("received", &status_event(1, "received", "accepted"));
        first_says(&p, &stale, "`status` is received");
        let backwards = case(
            "accepted",
            &(status_event(5, "received", "accepted")
                + "- at: 2026-11-02T10:01:00+08:00\n  by: a\n  action: note\n  note: x\n"),
        );
        first_says(&p, &backwards, "before the event above it");
        let twice = case(
            "received",
            "- at: 2026-11-02T10:00:00+08:00\n  by: b\n  action: registered\n",
        );
        first_says(&p, &twice, "registered once");
    }

    #[test]
    fn an_assignee_or_outcome_disagreeing_with_the_history_is_reported() {
        let p = tourism();
        let handover = "- at: 2026-11-02T10:00:00+08:00\n  by: a\n  action: assigned\n  to: 张伟\n";
        let mut stale = case("received", handover);
        stale.assignee = Some("刘洋".into());
        let found = case_problems(Some(&p), &stale);
        assert!(
            found[0]
                .english()
                .contains("`assignee` is 刘洋 but the history says 张伟"),
            "{found:?}"
        );
        stale.assignee = Some("张伟".into());
        assert!(case_problems(Some(&p), &stale).is_empty());

        let resolved = status_event(1, "received", "accepted")
            + &status_event(2, "accepted", "investigating")
            + &status_event(3, "investigating", "resolved")
                .replace("to: resolved\n", "to: resolved\n  outcome: mediated\n");
        let mut no_outcome = case("resolved", &resolved);
        first_says(
            &p,
            &no_outcome,
            "`outcome` is (none) but the history says mediated",
        );
        no_outcome.outcome = Some("mediated".into());
        assert!(case_problems(Some(&p), &no_outcome).is_empty());
        let reopened = resolved + &status_event(4, "resolved", "investigating");
        let mut kept = case("investigating", &reopened);
        kept.outcome = Some("mediated".into());
        first_says(
            &p,
            &kept,
            "`outcome` is mediated but the history says (none)",
        );
    }

    #[test]
    fn a_status_disagreeing_with_the_history_is_reported() {
        let events = status_event(1, "received", "rejected")
            .replace("to: rejected\n", "to: rejected\n  reason: incomplete\n")
            + &status_event(1, "received", "withdrawn");
        let found = case_problems(Some(&tourism()), &case("rejected", &events));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].english().contains("`status` is rejected"),
            "{found:?}"
        );
    }

    #[test]
    fn stray_files_are_classified_by_path() {
        let p = Path::new("x");
        assert!(matches!(classify(p, false, "2026"), Entry::Stray(..)));
        let good = Path::new("cases/2026/20261102-K7QF2.yaml");
        assert!(matches!(classify(good, false, "2026"), Entry::Case(_)));
        assert!(matches!(classify(good, false, "2025"), Entry::Stray(..)));
        assert!(matches!(classify(good, true, "2026"), Entry::Stray(..)));
        let lower = Path::new("cases/2026/20261102-k7qf2.yaml");
        assert!(matches!(classify(lower, false, "2026"), Entry::Stray(..)));
    }
}
