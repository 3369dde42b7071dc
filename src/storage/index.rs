//! The case index: a local, git-ignored cache of every case file, so that
//! `list`, `summary`, `report` and `export` need not parse every YAML file
//! on every run.
//!
//! `.plaint/index` holds, for each case file, its size, modification and
//! change times (nanoseconds), inode, the case's state and moment of
//! receipt (to select without decoding), and a binary copy of the case as
//! it was parsed: `postcard`'s positional format with every field written
//! and moments as numbers ([`crate::model::moment`]), about 0.8 of the
//! YAML's size (the text dominates) and decoded far
//! faster than YAML is parsed. `.plaint/index.journal` holds the records
//! plaint's own writes appended since the index was last rewritten.
//!
//! The index is never trusted over the files. A [`scan`] lists and stats
//! every case file (in parallel) and re-reads a file whose size, times or
//! inode differ from its record, a file without a record, and a file that
//! changed within [`RACY_NS`] of the moment its record was taken (the
//! "racy" case git knows: a change in the same clock tick as the look
//! leaves the times unchanged). Files gone from disk drop out. Nothing
//! stored depends on the clock, the policy or the calendar: deadlines are
//! evaluated from the cases at read time.
//!
//! The moment a record is taken is read from the file system's clock, the
//! one that dates the case files, never from the computer's: a scan first
//! creates a nameless probe file in `.plaint/` and takes its change time.
//! On a shared drive whose server keeps another time, or on a computer
//! whose clock is set wrong, the two clocks disagree by hours or years,
//! and a record judged by the computer's clock would be trusted while its
//! file was still changing (as git judges its entries by the index file's
//! own modification time).
//!
//! A scan reads the index front to back a piece at a time beside the
//! sorted file list (the index is written in ID order) and keeps, per
//! case, only where its copy lies: a case is read from the index file when
//! it is decoded, so memory never holds the index whole.
//!
//! A record that is truncated, fails its checksum or does not decode is
//! ignored, and an index of another format or build is ignored whole: the
//! files are read instead and the index rewritten. Readers never wait for
//! the lock: one that found the index out of date rewrites it (temporary
//! file, rename) only when it can take the workspace lock at once. Writers
//! append to the journal under the lock they hold.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::lock::WorkspaceLock;
use super::workspace::{CASES_DIR, LOCAL_DIR, Workspace, read_case_file};
use crate::error::{Error, Result};
use crate::model::{Case, CaseId};

/// The index file, inside `.plaint/`.
pub const INDEX_FILE: &str = "index";
/// The journal of records appended by writes since the last rewrite.
pub const JOURNAL_FILE: &str = "index.journal";
/// A change this close (in nanoseconds) to the moment a record was taken
/// may have kept the file's times: such a record is re-read. Two seconds
/// cover the coarsest timestamps in use (FAT).
pub const RACY_NS: i64 = 2_000_000_000;
/// The journal is folded into the index once it holds this many records.
const JOURNAL_FOLD: usize = 64;

const MAGIC: &[u8; 8] = b"PLAINTIX";
/// The layout of the index; a different number makes the file ignored.
const FORMAT: u32 = 6;

/// What identifies one version of a file on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// Status change time, nanoseconds since the epoch: changes with every
    /// write, and no tool can set it back.
    pub ctime_ns: i64,
    /// Inode number: an atomic replace or a checkout makes a new one.
    pub ino: u64,
}

impl Stat {
    /// The stat of `path`, not following a symbolic link.
    pub fn of(path: &Path) -> Option<Stat> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        Some(Stat::from_meta(&meta))
    }

    #[cfg(unix)]
    fn from_meta(meta: &std::fs::Metadata) -> Stat {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        Stat {
            size: meta.size(),
            mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
            ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    fn from_meta(meta: &std::fs::Metadata) -> Stat {
        let mtime_ns = meta.modified().map(nanos_of).unwrap_or(0);
        Stat {
            size: meta.len(),
            mtime_ns,
            ctime_ns: mtime_ns,
            ino: 0,
        }
    }

    /// The file's last change on the file system's clock: the later of
    /// its modification time (which a tool may set) and its change time.
    fn changed_ns(&self) -> i64 {
        self.ctime_ns.max(self.mtime_ns)
    }
}

/// One cached case: the file's stat, when it was taken (on the file
/// system's clock, at or before the stat), what commands select cases by
/// before decoding them, and the case.
struct Record<'a> {
    id: &'a str,
    stat: Stat,
    checked_ns: i64,
    keys: Keys,
    payload: &'a [u8],
}

/// What commands select by before decoding a case: its state (`list`
/// shows open cases unless asked) and moment of receipt (a report's
/// period).
#[derive(Clone, Debug, PartialEq)]
struct Keys {
    status: Box<str>,
    received: DateTime<FixedOffset>,
}

impl Keys {
    fn of(case: &Case) -> Keys {
        Keys {
            status: case.status.as_str().into(),
            received: case.received,
        }
    }
}

#[cfg(test)]
impl Record<'_> {
    /// Whether the file may have changed since, unseen by its stat.
    fn racy(&self) -> bool {
        racy(self.stat, self.checked_ns)
    }
}

/// Whether a file with `stat`, looked at no earlier than `checked_ns`,
/// changed so close to the look that a later change could have left the
/// same times. Both moments are on the file system's clock.
fn racy(stat: Stat, checked_ns: i64) -> bool {
    stat.changed_ns() > checked_ns.saturating_sub(RACY_NS)
}

/// Where the encoded copy of a case lives.
enum Source {
    /// In the index file, at this offset: read when the case is decoded.
    Index { start: u64, len: u32 },
    /// In the journal bytes, at this range.
    Journal { start: u32, len: u32 },
    /// Read from its file during this scan.
    Fresh(Box<[u8]>),
}

struct Entry {
    id: CaseId,
    stat: Stat,
    checked_ns: i64,
    /// The case's state, as a place in [`Snapshot::statuses`].
    status: u16,
    received: DateTime<FixedOffset>,
    source: Source,
}

impl Entry {
    /// Whether its record would be racy (see [`Record::racy`]).
    fn racy(&self) -> bool {
        racy(self.stat, self.checked_ns)
    }
}

/// Every readable case file of the workspace, as its file says now, with
/// the cases left encoded where they are: a command decodes each case when
/// it needs it, reading its bytes from the index file then, so memory
/// holds neither the index nor every parsed case, only a small entry per
/// case (its ID, stat, state and moment of receipt).
pub struct Snapshot {
    root: PathBuf,
    /// The index file the stored cases are read from, kept open: a rewrite
    /// replaces the file by a rename, so these bytes never change.
    index: Option<File>,
    journal: Vec<u8>,
    /// The distinct states, each stored once.
    statuses: Vec<Box<str>>,
    entries: Vec<Entry>,
    /// Each unreadable file with the reason, sorted by path.
    pub broken: Vec<Error>,
    /// How many case files this scan read (the others came from the index).
    pub files_read: usize,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("cases", &self.entries.len())
            .field("broken", &self.broken.len())
            .finish()
    }
}

impl Snapshot {
    /// Number of readable cases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no readable case.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ID of the `i`-th case (cases are in ID order).
    pub fn id(&self, i: usize) -> &CaseId {
        &self.entries[i].id
    }

    /// The state of the `i`-th case, known without decoding it.
    pub fn status(&self, i: usize) -> &str {
        &self.statuses[usize::from(self.entries[i].status)]
    }

    /// When the `i`-th case was received, known without decoding it.
    pub fn received(&self, i: usize) -> DateTime<FixedOffset> {
        self.entries[i].received
    }

    /// The `i`-th case. A copy that cannot be read or does not decode
    /// (which a checksum makes all but impossible) is replaced by reading
    /// the file.
    pub fn case(&self, i: usize) -> Result<Case> {
        let entry = &self.entries[i];
        match self.payload(entry).and_then(|bytes| decode(&bytes)) {
            Some(case) if case.id == entry.id => Ok(case),
            _ => read_case_file(&case_path(&self.root, &entry.id)),
        }
    }

    fn payload<'a>(&'a self, entry: &'a Entry) -> Option<std::borrow::Cow<'a, [u8]>> {
        use std::borrow::Cow;
        match &entry.source {
            Source::Index { start, len } => {
                let mut bytes = vec![0; *len as usize];
                read_at(self.index.as_ref()?, &mut bytes, *start).ok()?;
                Some(Cow::Owned(bytes))
            }
            Source::Journal { start, len } => {
                let start = *start as usize;
                self.journal
                    .get(start..start + *len as usize)
                    .map(Cow::Borrowed)
            }
            Source::Fresh(bytes) => Some(Cow::Borrowed(bytes)),
        }
    }

    /// The place of `status` in [`Self::statuses`], added if new.
    fn intern(statuses: &mut Vec<Box<str>>, status: &str) -> u16 {
        if let Some(at) = statuses.iter().position(|s| &**s == status) {
            return at as u16;
        }
        statuses.push(status.into());
        (statuses.len() - 1) as u16
    }
}

/// Reads exactly `buf.len()` bytes of `file` at `offset`.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(file, buf, offset)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf = &mut buf[n..];
        offset += n as u64;
    }
    Ok(())
}

/// Reads every case file the way its file says now, through the index:
/// see the module documentation.
pub fn scan(ws: &Workspace) -> Result<Snapshot> {
    scan_reporting(ws, &|_, _| {})
}

/// [`scan`], calling `progress(read, to_read)` from time to time while it
/// reads files the index did not hold (from several threads at once).
pub fn scan_reporting(ws: &Workspace, progress: &Progress<'_>) -> Result<Snapshot> {
    let local = ws.root.join(LOCAL_DIR);
    // Before any stat, so that every record read fresh is taken no
    // earlier than this.
    let checked_ns = file_system_now(&local);
    let listing = ws.case_listing()?;
    let ids = listing.ids;
    let stats: Vec<Option<Stat>> = ids
        .par_iter()
        .with_min_len(256)
        .map(|id| Stat::of(&ws.case_path(id)))
        .collect();
    let mut index = open_store(&local.join(INDEX_FILE));
    let journal = read_store(&local.join(JOURNAL_FILE));
    let mut statuses = Vec::new();
    let matched = match_records(ids, stats, index.as_mut(), &journal, &mut statuses);
    let files_read = matched.missing.len();
    let (entries, mut broken, read_dirty) = read_missing(
        ws,
        matched.entries,
        matched.missing,
        checked_ns,
        &mut statuses,
        progress,
    );
    // Misnamed `.yaml` files are as unreadable as damaged ones.
    broken.extend(listing.strays);
    broken.sort_by_cached_key(ToString::to_string);
    let snapshot = Snapshot {
        root: ws.root.clone(),
        index: index.map(|stream| stream.file),
        journal,
        statuses,
        entries,
        broken,
        files_read,
    };
    if (matched.dirty || read_dirty)
        && let Ok(Some(lock)) = ws.try_lock()
    {
        let _ = rewrite(ws, &lock, &snapshot);
    }
    Ok(snapshot)
}

/// Told how many of the files to read have been read, and of how many.
pub type Progress<'a> = dyn Fn(usize, usize) + Sync + 'a;

/// Files read between two calls of a [`Progress`].
const PROGRESS_STEP: usize = 256;

/// The case files found, each with its trusted record or a slot to fill.
struct Matched {
    /// One per case file, in ID order; `None` where the file must be read.
    entries: Vec<Option<Entry>>,
    /// The files to read: slot, ID, stat, and whether a record existed.
    missing: Vec<(usize, CaseId, Option<Stat>, bool)>,
    /// Whether the index should be rewritten whatever the reads give.
    dirty: bool,
}

/// Pairs each case file with its record (the journal's latest over the
/// index's), trusting a record whose stat is the file's and is not racy.
/// The index is read in one pass beside the sorted IDs (it is written in
/// ID order), a piece at a time: no record is held beyond its turn.
fn match_records(
    ids: Vec<CaseId>,
    stats: Vec<Option<Stat>>,
    mut index: Option<&mut Stream>,
    journal: &[u8],
    statuses: &mut Vec<Box<str>>,
) -> Matched {
    let journaled = records(journal);
    let journal_len = journaled.len();
    let mut known: HashMap<&str, Record> = HashMap::with_capacity(journal_len);
    known.extend(journaled.into_iter().map(|r| (r.id, r)));
    let mut entries = Vec::with_capacity(ids.len());
    let mut missing = Vec::new();
    let mut dirty = false;
    for (id, stat) in ids.into_iter().zip(stats) {
        let stored = index
            .as_deref_mut()
            .and_then(|s| s.take(id.as_str(), &mut dirty));
        let found = match known.remove(id.as_str()) {
            Some(r) => Some(found_in_journal(journal, &r)),
            None => stored,
        };
        match found.filter(|f| stat == Some(f.stat)) {
            Some(f) if !racy(f.stat, f.checked_ns) => {
                let status = Snapshot::intern(statuses, &f.status);
                entries.push(Some(Entry {
                    id,
                    stat: f.stat,
                    checked_ns: f.checked_ns,
                    status,
                    received: f.received,
                    source: f.source,
                }));
            }
            other => {
                missing.push((entries.len(), id, stat, other.is_some()));
                entries.push(None);
            }
        }
    }
    // Records of deleted files are dropped; a long journal is folded in.
    dirty |= index.is_some_and(Stream::has_rest);
    dirty |= !known.is_empty() || journal_len >= JOURNAL_FOLD;
    Matched {
        entries,
        missing,
        dirty,
    }
}

/// A record found for a case file, its case left where it is.
struct Found {
    stat: Stat,
    checked_ns: i64,
    status: String,
    received: DateTime<FixedOffset>,
    source: Source,
}

fn found_in_journal(journal: &[u8], record: &Record) -> Found {
    let start = record.payload.as_ptr() as usize - journal.as_ptr() as usize;
    Found {
        stat: record.stat,
        checked_ns: record.checked_ns,
        status: record.keys.status.to_string(),
        received: record.keys.received,
        source: Source::Journal {
            start: start as u32,
            len: record.payload.len() as u32,
        },
    }
}

/// The index file read front to back a piece at a time, each record's
/// checksum verified, keeping only the record at hand.
struct Stream {
    file: File,
    buf: Vec<u8>,
    /// Where `buf` starts in the file.
    buf_at: u64,
    /// The next record's place in `buf`.
    at: usize,
    /// Whether the file has been read to its end.
    eof: bool,
    /// Whether a torn or damaged record stopped the reading.
    stopped: bool,
    /// The record at hand, not yet taken or passed.
    head: Option<(String, Found)>,
}

/// How much of the index is read at a time.
const PIECE: usize = 1 << 20;

impl Stream {
    /// The record of `id`, passing (and counting as stale in `dirty`) the
    /// records of IDs before it: IDs gone from disk.
    fn take(&mut self, id: &str, dirty: &mut bool) -> Option<Found> {
        loop {
            if self.head.is_none() {
                self.head = self.next();
            }
            let (head_id, _) = self.head.as_ref()?;
            match head_id.as_str().cmp(id) {
                std::cmp::Ordering::Less => {
                    *dirty = true;
                    self.head = None;
                }
                std::cmp::Ordering::Equal => return self.head.take().map(|(_, f)| f),
                std::cmp::Ordering::Greater => return None,
            }
        }
    }

    /// Whether records remain untaken: of files gone from disk.
    fn has_rest(&mut self) -> bool {
        if self.head.is_none() {
            self.head = self.next();
        }
        self.head.is_some()
    }

    fn next(&mut self) -> Option<(String, Found)> {
        if self.stopped {
            return None;
        }
        let next = self
            .fill()
            .then(|| parse_record(&self.buf, self.at))
            .flatten();
        let Some((record, end)) = next else {
            self.stopped = !(self.eof && self.at == self.buf.len());
            return None;
        };
        let payload_at = record.payload.as_ptr() as usize - self.buf.as_ptr() as usize;
        let found = Found {
            stat: record.stat,
            checked_ns: record.checked_ns,
            status: record.keys.status.into(),
            received: record.keys.received,
            source: Source::Index {
                start: self.buf_at + payload_at as u64,
                len: record.payload.len() as u32,
            },
        };
        let id = record.id.to_string();
        self.at = end;
        Some((id, found))
    }

    /// Makes the whole next record present in `buf`, reading on as
    /// needed; false at the end of the file or when it ends mid-record.
    fn fill(&mut self) -> bool {
        loop {
            let have = self.buf.len() - self.at;
            let need = self.buf.get(self.at..self.at + 4).map_or(4, |n| {
                4 + u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize
            });
            if have >= need {
                return true;
            }
            if self.eof || !self.read_more(need) {
                return false;
            }
        }
    }

    fn read_more(&mut self, need: usize) -> bool {
        self.buf.drain(..self.at);
        self.buf_at += self.at as u64;
        self.at = 0;
        let want = need.max(PIECE);
        let have = self.buf.len();
        self.buf.resize(have + want, 0);
        let mut got = 0;
        while got < want {
            match self.file.read(&mut self.buf[have + got..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => {
                    self.eof = true;
                    break;
                }
            }
        }
        self.buf.truncate(have + got);
        true
    }
}

/// Reads the `missing` files in parallel into their slots, as looked at
/// no earlier than `checked_ns` (see [`file_system_now`]). Returns the
/// entries, the unreadable files, and whether the index should be
/// rewritten: a new file gets its record, a changed one once its last
/// change is old enough for the record not to be racy, and a file
/// unreadable now loses the record it had.
fn read_missing(
    ws: &Workspace,
    mut entries: Vec<Option<Entry>>,
    missing: Vec<(usize, CaseId, Option<Stat>, bool)>,
    checked_ns: Option<i64>,
    statuses: &mut Vec<Box<str>>,
    progress: &Progress<'_>,
) -> (Vec<Entry>, Vec<Error>, bool) {
    type Read = (usize, bool, Result<(Entry, Box<str>)>);
    let total = missing.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let fresh: Vec<Read> = missing
        .into_par_iter()
        .map(|(slot, id, stat, had_record)| {
            let read = read_fresh(ws, id, stat, checked_ns);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(PROGRESS_STEP) || n == total {
                progress(n, total);
            }
            (slot, had_record, read)
        })
        .collect();
    let mut broken = Vec::new();
    let mut dirty = false;
    for (slot, had_record, result) in fresh {
        match result {
            Ok((mut entry, status)) => {
                dirty |= !had_record || !entry.racy();
                entry.status = Snapshot::intern(statuses, &status);
                entries[slot] = Some(entry);
            }
            Err(e) => {
                dirty |= had_record;
                broken.push(e);
            }
        }
    }
    (entries.into_iter().flatten().collect(), broken, dirty)
}

/// Reads and encodes a case file whose record is missing or out of date;
/// its state comes beside it, to be stored once. The stat is taken before
/// the read, so a change during the read shows as a different stat next
/// time. Without the file system's time of the look, the record counts as
/// taken at the file's own last change, which makes it racy: kept for this
/// run, read again by the next.
fn read_fresh(
    ws: &Workspace,
    id: CaseId,
    stat: Option<Stat>,
    checked_ns: Option<i64>,
) -> Result<(Entry, Box<str>)> {
    let path = ws.case_path(&id);
    let stat = stat.or_else(|| Stat::of(&path)).unwrap_or_default();
    let case = read_case_file(&path)?;
    let bytes = encode(&case)?;
    let entry = Entry {
        id,
        stat,
        checked_ns: checked_ns.unwrap_or_else(|| stat.changed_ns()),
        status: 0,
        received: case.received,
        source: Source::Fresh(bytes.into_boxed_slice()),
    };
    Ok((entry, case.status.as_str().into()))
}

/// Called under the workspace lock after `case` was written to `path`:
/// appends its record to the journal, so the next reader need not parse
/// the file. Best effort: a cache that cannot be written is read around.
///
/// The record counts as taken at the file's own last change, the latest
/// moment the file system's clock vouches for: it is racy, so the next
/// reader reads the file once more and indexes it when it is old enough.
pub fn record_write(ws: &Workspace, _lock: &WorkspaceLock, case: &Case, path: &Path) {
    let (Some(stat), Ok(payload)) = (Stat::of(path), encode(case)) else {
        return;
    };
    let checked_ns = stat.changed_ns();
    let local = ws.root.join(LOCAL_DIR);
    if ignore_folder(&local).is_err() {
        return;
    }
    let journal = local.join(JOURNAL_FILE);
    let mut bytes = Vec::new();
    if std::fs::symlink_metadata(&journal).map_or(0, |m| m.len()) == 0 {
        bytes.extend_from_slice(&header());
    }
    let record = Record {
        id: case.id.as_str(),
        stat,
        checked_ns,
        keys: Keys::of(case),
        payload: &payload,
    };
    push_record(&mut bytes, &record);
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    if let Ok(mut file) = options.open(&journal) {
        let _ = file.write_all(&bytes);
    }
}

/// Writes the whole index from `snapshot` and empties the journal, under
/// the lock the caller holds. The index is a cache: it is not flushed to
/// disk, and a torn file after a crash is ignored by its checksums.
fn rewrite(ws: &Workspace, _lock: &WorkspaceLock, snapshot: &Snapshot) -> Result<()> {
    let local = ws.root.join(LOCAL_DIR);
    ignore_folder(&local)?;
    let path = local.join(INDEX_FILE);
    let mut temp = tempfile::Builder::new()
        .prefix(".index-")
        .suffix(".tmp")
        .tempfile_in(&local)
        .map_err(|e| Error::io(&local, e))?;
    {
        let mut out = BufWriter::with_capacity(1 << 20, temp.as_file_mut());
        out.write_all(&header()).map_err(|e| Error::io(&path, e))?;
        let mut record = Vec::new();
        for entry in &snapshot.entries {
            // A stored copy that cannot be read is left out: its file is
            // read next time.
            let Some(payload) = snapshot.payload(entry) else {
                continue;
            };
            record.clear();
            push_record(
                &mut record,
                &Record {
                    id: entry.id.as_str(),
                    stat: entry.stat,
                    checked_ns: entry.checked_ns,
                    keys: Keys {
                        status: snapshot.statuses[usize::from(entry.status)].clone(),
                        received: entry.received,
                    },
                    payload: &payload,
                },
            );
            out.write_all(&record).map_err(|e| Error::io(&path, e))?;
        }
        out.flush().map_err(|e| Error::io(&path, e))?;
    }
    temp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
    match std::fs::remove_file(local.join(JOURNAL_FILE)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(local.join(JOURNAL_FILE), e)),
    }
}

/// Makes sure git ignores `.plaint/` whatever the workspace's own
/// `.gitignore` says, and refuses to write through a linked folder.
fn ignore_folder(local: &Path) -> Result<()> {
    if std::fs::symlink_metadata(local).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::BadFile {
            path: local.to_path_buf(),
            message: crate::limits::LINK_REFUSED.to_string().into(),
        });
    }
    std::fs::create_dir_all(local).map_err(|e| Error::io(local, e))?;
    let ignore = local.join(".gitignore");
    if !ignore.exists() {
        super::atomic::write_atomic_transient(&ignore, b"# plaint's local lock and caches\n*\n")?;
    }
    Ok(())
}

/// The whole of a store file, or nothing when it is missing, a link, or
/// of another format or build.
fn read_store(path: &Path) -> Vec<u8> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Vec::new();
    };
    if !meta.is_file() {
        return Vec::new();
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    let read = File::open(path).and_then(|mut f| f.read_to_end(&mut bytes));
    if read.is_err() || !bytes.starts_with(&header()) {
        return Vec::new();
    }
    bytes
}

/// The index file, opened to be read a piece at a time after its header,
/// or nothing when it is missing, a link, or of another format or build.
fn open_store(path: &Path) -> Option<Stream> {
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let header = header();
    let mut start = vec![0; header.len()];
    file.read_exact(&mut start).ok()?;
    (start == header).then(|| Stream {
        file,
        buf: Vec::new(),
        buf_at: header.len() as u64,
        at: 0,
        eof: false,
        stopped: false,
        head: None,
    })
}

/// Every whole, intact record of a store file, in file order; reading
/// stops at the first truncated or damaged one.
fn records(bytes: &[u8]) -> Vec<Record<'_>> {
    let mut out = Vec::new();
    let mut at = header().len().min(bytes.len());
    while let Some((record, next)) = parse_record(bytes, at) {
        out.push(record);
        at = next;
    }
    out
}

fn parse_record(bytes: &[u8], at: usize) -> Option<(Record<'_>, usize)> {
    let len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    let body = bytes.get(at + 4..at + 4 + len)?;
    let crc = u32::from_le_bytes(body.get(0..4)?.try_into().ok()?);
    if crc32fast::hash(&body[4..]) != crc {
        return None;
    }
    let mut cursor = Cursor { bytes: body, at: 4 };
    let stat = Stat {
        size: cursor.u64()?,
        mtime_ns: cursor.u64()? as i64,
        ctime_ns: cursor.u64()? as i64,
        ino: cursor.u64()?,
    };
    let checked_ns = cursor.u64()? as i64;
    let id = cursor.text()?;
    let status = cursor.text()?.into();
    let seconds = cursor.u64()? as i64;
    let nanos = cursor.u64()? as u32;
    let offset = FixedOffset::east_opt(cursor.u64()? as i32)?;
    let received = DateTime::from_timestamp(seconds, nanos)?.with_timezone(&offset);
    let record = Record {
        id,
        stat,
        checked_ns,
        keys: Keys { status, received },
        payload: &body[cursor.at..],
    };
    Some((record, at + 4 + len))
}

/// Reads the fields of a record in order.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn u64(&mut self) -> Option<u64> {
        let n = u64::from_le_bytes(self.bytes.get(self.at..self.at + 8)?.try_into().ok()?);
        self.at += 8;
        Some(n)
    }

    /// A string of at most 255 bytes, after its length byte.
    fn text(&mut self) -> Option<&'a str> {
        let len = *self.bytes.get(self.at)? as usize;
        let text = std::str::from_utf8(self.bytes.get(self.at + 1..self.at + 1 + len)?).ok()?;
        self.at += 1 + len;
        Some(text)
    }
}

/// Appends `record`, unless its ID or state is too long to store (a case
/// file that then is read each time).
fn push_record(out: &mut Vec<u8>, record: &Record) {
    if record.id.len() > 255 || record.keys.status.len() > 255 {
        return;
    }
    let len_at = out.len();
    out.extend_from_slice(&[0; 8]); // length and checksum, set below
    let stat = record.stat;
    let received = record.keys.received;
    for n in [
        stat.size,
        stat.mtime_ns as u64,
        stat.ctime_ns as u64,
        stat.ino,
        record.checked_ns as u64,
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for text in [record.id, &*record.keys.status] {
        out.push(text.len() as u8);
        out.extend_from_slice(text.as_bytes());
    }
    for n in [
        received.timestamp() as u64,
        u64::from(received.timestamp_subsec_nanos()),
        received.offset().local_minus_utc() as u64,
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(record.payload);
    let len = (out.len() - len_at - 4) as u32;
    out[len_at..len_at + 4].copy_from_slice(&len.to_le_bytes());
    let crc = crc32fast::hash(&out[len_at + 8..]);
    out[len_at + 4..len_at + 8].copy_from_slice(&crc.to_le_bytes());
}

/// The header of both store files: the format, and the build that wrote
/// it (another build may read cases differently, so it starts afresh).
fn header() -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    let build = env!("CARGO_PKG_VERSION").as_bytes();
    out.push(build.len() as u8);
    out.extend_from_slice(build);
    out
}

/// The case in `postcard`'s positional format, every field written.
fn encode(case: &Case) -> Result<Vec<u8>> {
    crate::model::skip::every_field(|| postcard::to_stdvec(case))
        .map_err(|e| Error::invalid(crate::said!("case-not-cached", id = case.id, error = e)))
}

fn decode(bytes: &[u8]) -> Option<Case> {
    postcard::from_bytes(bytes).ok()
}

fn case_path(root: &Path, id: &CaseId) -> PathBuf {
    root.join(CASES_DIR)
        .join(id.year())
        .join(super::casefile::file_name(id))
}

/// The file system's clock now, as the change time of a nameless file
/// created in `.plaint/` (unlinked at once, or never named where the
/// system allows). Case files are dated by this clock, so records are
/// judged against it rather than the computer's: see the module
/// documentation. `None` where no file can be created there (a read-only
/// workspace).
fn file_system_now(local: &Path) -> Option<i64> {
    ignore_folder(local).ok()?;
    let probe = tempfile::tempfile_in(local).ok()?;
    let meta = probe.metadata().ok()?;
    Some(Stat::from_meta(&meta).changed_ns())
}

#[cfg(not(unix))]
fn nanos_of(time: std::time::SystemTime) -> i64 {
    time.duration_since(std::time::SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;
