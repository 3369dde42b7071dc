//! The limits every file plaint reads or writes must meet, in one place,
//! and the bounded reader that enforces them before a byte is read.
//!
//! Writers check the same constants as readers, so whatever plaint writes
//! it can read again. A file over a limit is refused with its name and the
//! limit; nothing in the workspace is ever read whole before its size is
//! known, and no reader follows nesting deeper than [`MAX_NESTING`].

use crate::messages::said::{Arg, Said};
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest case file, in bytes: 4 MiB.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The largest file holding git conflict markers that `edit` resolves:
/// three versions of a case side by side.
pub const MAX_CONFLICTED_BYTES: usize = 3 * MAX_FILE_BYTES;
/// The longest text one field may hold, in bytes: 256 KiB. Longer material
/// belongs in a separate file, referred to from the case.
pub const MAX_FIELD_BYTES: usize = 256 * 1024;
/// The most history events one case may hold: 10,000.
pub const MAX_HISTORY_EVENTS: usize = 10_000;
/// The largest settings or calendar file, in bytes: 1 MiB.
pub const MAX_SETTINGS_BYTES: usize = 1024 * 1024;
/// The largest staging manifest of an import: 64 MiB, some four million IDs.
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024 * 1024;
/// The largest YAML batch `import` reads (YAML is parsed whole): 64 MiB;
/// JSON, JSONL and CSV batches are streamed and have no size limit.
pub const MAX_YAML_BYTES: u64 = 64 * 1024 * 1024;
/// How long a command waits for another holder of the workspace lock
/// before giving up, unless told otherwise: 10 seconds.
pub const LOCK_TIMEOUT_SECS: u64 = 10;
/// The deepest nesting of collections any YAML file may have. A case is
/// four levels deep; YAML parsers slow down quadratically with depth.
pub const MAX_NESTING: usize = 32;

/// What to do with material too large for a case file.
pub const LARGE_MATERIAL_HINT: &str =
    "keep long documents as separate files and refer to them from a note";

/// [`LARGE_MATERIAL_HINT`] in the language of the workspace.
pub fn large_material_hint() -> Said {
    crate::said!("large-material-hint")
}

/// [`LINK_REFUSED`] in the language of the workspace.
pub fn link_refused() -> Said {
    crate::said!("link-refused")
}

/// What plaint says of a symbolic link inside a workspace.
pub const LINK_REFUSED: &str = "is a symbolic link; plaint follows no links inside a workspace, so nothing is read or written outside it: replace the link with the file or folder itself";

/// Reads the regular file at `path`, refusing (unread) a symbolic link,
/// anything else that is not a regular file (a folder, a FIFO that would
/// block, a device that never ends) and a file larger than `limit` bytes.
/// A file that grows while it is read is cut at `limit + 1` bytes and
/// refused too.
pub fn read_bounded(path: &Path, limit: usize, what: &str) -> Result<Vec<u8>> {
    let (file, len) = open_regular(path, limit as u64, what, false)?;
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() > limit {
        return Err(bad_file(path, too_large(bytes.len() as u64, limit, what)));
    }
    Ok(bytes)
}

/// Opens the regular file at `path` for reading and returns it with its
/// size, refusing a file over `limit` bytes and anything that is not a
/// regular file, before a byte is read. The file is opened without
/// blocking (a FIFO opened for reading would wait for a writer for ever)
/// and judged by the opened handle, so a file swapped for a FIFO or a
/// link between a look and the open is refused too. With `follow`, a
/// symbolic link is followed (a file the user names on the command line);
/// without, it is refused (anything inside a workspace).
pub fn open_regular(
    path: &Path,
    limit: u64,
    what: &str,
    follow: bool,
) -> Result<(std::fs::File, u64)> {
    let not_found = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound(path.display().to_string())
        } else {
            Error::io(path, e)
        }
    };
    if !follow {
        let meta = std::fs::symlink_metadata(path).map_err(not_found)?;
        if meta.file_type().is_symlink() {
            return Err(bad_file(path, link_refused()));
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    let file = options.open(path).map_err(|e| {
        // O_NOFOLLOW on a link swapped in after the look above.
        if e.raw_os_error() == Some(libc::ELOOP) {
            bad_file(path, link_refused())
        } else {
            not_found(e)
        }
    })?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(bad_file(
            path,
            crate::said!("not-regular-file", what = file_kind(what)),
        ));
    }
    if meta.len() > limit {
        return Err(bad_file(
            path,
            too_large(
                meta.len(),
                usize::try_from(limit).unwrap_or(usize::MAX),
                what,
            ),
        ));
    }
    Ok((file, meta.len()))
}

fn bad_file(path: &Path, message: impl Into<crate::messages::said::Text>) -> Error {
    Error::BadFile {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Like [`read_bounded`], as UTF-8 text.
pub fn read_text_bounded(path: &Path, limit: usize, what: &str) -> Result<String> {
    let bytes = read_bounded(path, limit, what)?;
    String::from_utf8(bytes).map_err(|e| Error::BadFile {
        path: path.to_path_buf(),
        message: not_utf8(&e.utf8_error()).into(),
    })
}

/// Why text is not UTF-8, in the workspace language, naming the byte
/// where it goes wrong (counted from 0).
pub fn not_utf8(e: &std::str::Utf8Error) -> Said {
    let index = e.valid_up_to();
    match e.error_len() {
        Some(len) => crate::said!("not-utf8-invalid", len = len, index = index),
        None => crate::said!("not-utf8-incomplete", index = index),
    }
}

/// What a file of kind `what` ("case file") is called in the workspace language.
fn file_kind(what: &str) -> Arg {
    let id = format!("file-kind-{}", what.replace(' ', "-"));
    match crate::messages::MESSAGES.iter().find(|m| m.id == id) {
        Some(known) => Arg::each(known.en, known.zh),
        None => Arg::Text(what.to_string()),
    }
}

/// The message for a file over its limit.
pub fn too_large(len: u64, limit: usize, what: &str) -> Said {
    let what = file_kind(what);
    crate::said!(
        "file-too-large",
        len = len,
        limit = limit,
        kib = limit / 1024,
        what = what,
        hint = large_material_hint()
    )
}

/// Refuses YAML whose flow collections (`[...]`, `{...}`) or block
/// indentation nest deeper than [`MAX_NESTING`], naming the line. One pass
/// over the bytes; text inside quoted and block scalars is not counted.
pub fn check_nesting(text: &str) -> std::result::Result<(), Said> {
    let mut flow = FlowScan::default();
    let mut block_scalar_of: Option<usize> = None;
    let mut indents: Vec<usize> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if let Some(parent) = block_scalar_of {
            if body.is_empty() || indent > parent {
                continue;
            }
            block_scalar_of = None;
        }
        let deep = || crate::said!("nesting-too-deep", line = n + 1, max = MAX_NESTING);
        if flow.depth > 0 {
            flow.scan(body).map_err(|_| deep())?;
            continue;
        }
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        while indents.last().is_some_and(|&i| i >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let (dashes, value) = strip_items(body);
        if indents.len() + dashes > MAX_NESTING {
            return Err(deep());
        }
        let value = value_of(value);
        if value.starts_with(['[', '{']) {
            flow.scan(value).map_err(|_| deep())?;
        } else if value.starts_with(['|', '>']) {
            block_scalar_of = Some(indent);
        }
    }
    Ok(())
}

/// Strips leading `- ` sequence markers, counting them.
fn strip_items(mut body: &str) -> (usize, &str) {
    let mut dashes = 0;
    while let Some(rest) = body.strip_prefix("- ").or_else(|| body.strip_prefix("-\t")) {
        body = rest.trim_start_matches([' ', '\t']);
        dashes += 1;
    }
    (dashes, body)
}

/// The value part of `key: value`, or the whole text when it is not a
/// plain `key: ` line.
fn value_of(body: &str) -> &str {
    if body.starts_with(['[', '{', '\'', '"', '|', '>']) {
        return body;
    }
    match body.find(": ") {
        Some(colon) => body[colon + 2..].trim_start_matches([' ', '\t']),
        None => "",
    }
}

/// The first line (counted from 1) of YAML `text` that holds a comment:
/// a `#` starting a line or following a space, outside quoted text and
/// block scalars. One pass, like [`check_nesting`]. plaint writes case
/// files from their data, so a write drops such comments: `check` and
/// `edit` say so before it happens.
pub fn first_comment_line(text: &str) -> Option<usize> {
    let mut block_scalar_of: Option<usize> = None;
    let mut quote: Option<u8> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if let Some(parent) = block_scalar_of {
            if body.trim().is_empty() || indent > parent {
                continue;
            }
            block_scalar_of = None;
        }
        let continued = quote.is_some();
        if comment_in(body, &mut quote) {
            return Some(n + 1);
        }
        if !continued && quote.is_none() && value_of(strip_items(body).1).starts_with(['|', '>']) {
            block_scalar_of = Some(indent);
        }
    }
    None
}

/// Whether `body` (one line, indentation removed) holds a comment, given
/// the quoted scalar it continues (`quote`), which it updates.
fn comment_in(body: &str, quote: &mut Option<u8>) -> bool {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (*quote, b) {
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), _) if b == q => {
                if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    *quote = None;
                }
            }
            (Some(_), _) => {}
            (None, b'\'' | b'"') if starts_scalar(&bytes[..i]) => *quote = Some(b),
            (None, b'#') if i == 0 || matches!(bytes[i - 1], b' ' | b'\t') => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Whether a quote after `before` opens a quoted scalar (at the start of a
/// value) rather than standing inside plain text (`it's`).
fn starts_scalar(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    match trimmed.last() {
        None => true,
        Some(b'[' | b'{' | b',') => true,
        Some(b':' | b'-' | b'?') => trimmed.len() < before.len() || trimmed.len() == 1,
        _ => false,
    }
}

/// The binary's global allocator: `inner` with a per-thread budget that
/// [`with_memory_budget`] sets for work a workspace file drives (rendering
/// a template), so that no template, however written, can make plaint
/// take the machine's memory. Outside such work it adds one thread-local
/// read per allocation.
pub struct Budgeted<A>(pub A);

thread_local! {
    /// Bytes the current work may still allocate; `None`: no limit.
    static BUDGET: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    /// What to say when the budget runs out (pointer and length of a
    /// message prepared before the work started, so saying it allocates
    /// nothing).
    static OVER_BUDGET: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// How many threads work under a budget now: while none does, an
/// allocation costs one relaxed load more than mimalloc's own, never a
/// thread-local look-up (reading 100k case files allocates millions of
/// times).
static BUDGETED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Charges `size` bytes to the current budget; past it, says the prepared
/// message and ends the process with exit code 1. Nothing is lost: the
/// budgeted work writes nothing, and the kernel releases the lock.
fn charge(size: usize) {
    if BUDGETED.load(std::sync::atomic::Ordering::Relaxed) == 0 {
        return;
    }
    let over = BUDGET
        .try_with(|budget| match budget.get() {
            Some(left) if size > left => true,
            Some(left) => {
                budget.set(Some(left - size));
                false
            }
            None => false,
        })
        .unwrap_or(false);
    if over {
        let (ptr, len) = OVER_BUDGET.try_with(std::cell::Cell::get).unwrap_or((0, 0));
        // SAFETY: the message outlives the budgeted work (see
        // `with_memory_budget`); write(2) and _exit(2) allocate nothing.
        unsafe {
            if ptr != 0 {
                libc::write(2, ptr as *const libc::c_void, len);
            }
            libc::_exit(1);
        }
    }
}

/// Gives `size` freed bytes back to the current budget, if one is set.
fn refund(size: usize) {
    if BUDGETED.load(std::sync::atomic::Ordering::Relaxed) == 0 {
        return;
    }
    let _ = BUDGET.try_with(|budget| {
        if let Some(left) = budget.get() {
            budget.set(Some(left.saturating_add(size)));
        }
    });
}

// SAFETY: every call is passed to `inner` unchanged; only the accounting
// is added.
unsafe impl<A: std::alloc::GlobalAlloc> std::alloc::GlobalAlloc for Budgeted<A> {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        charge(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        charge(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        charge(size.saturating_sub(layout.size()));
        refund(layout.size().saturating_sub(size));
        // SAFETY: the caller's contract is passed on.
        unsafe { self.0.realloc(ptr, layout, size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        refund(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { self.0.dealloc(ptr, layout) }
    }
}

/// Runs `work` allowed to hold at most `bytes` more than it started with
/// (what it frees is given back). Past it, the process prints `message`
/// on stderr and exits with code 1. Takes effect in the binary, whose allocator is
/// [`Budgeted`]; elsewhere `work` simply runs.
pub fn with_memory_budget<T>(bytes: usize, message: &str, work: impl FnOnce() -> T) -> T {
    let line = format!("{message}\n");
    OVER_BUDGET.with(|m| m.set((line.as_ptr() as usize, line.len())));
    BUDGET.with(|b| b.set(Some(bytes)));
    BUDGETED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let result = work();
    BUDGETED.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    BUDGET.with(|b| b.set(None));
    OVER_BUDGET.with(|m| m.set((0, 0)));
    drop(line);
    result
}

/// The state of a flow collection that may span lines.
#[derive(Default)]
struct FlowScan {
    depth: usize,
    quote: Option<u8>,
}

impl FlowScan {
    /// Follows brackets and quotes through `text`; `Err` when too deep.
    fn scan(&mut self, text: &str) -> std::result::Result<(), ()> {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match (self.quote, b) {
                (Some(b'"'), b'\\') => i += 1,
                (Some(q), _) if b == q => {
                    if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                        i += 1;
                    } else {
                        self.quote = None;
                    }
                }
                (Some(_), _) => {}
                (None, b'\'' | b'"') => self.quote = Some(b),
                (None, b'[' | b'{') => {
                    self.depth += 1;
                    if self.depth > MAX_NESTING {
                        return Err(());
                    }
                }
                (None, b']' | b'}') => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Ok(());
                    }
                }
                (None, b'#') if i == 0 || bytes[i - 1] == b' ' => return Ok(()),
                _ => {}
            }
            i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_with_its_line() {
        let deep = format!(
            "schema: 1\ntags: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let err = check_nesting(&deep)
            .unwrap_err()
            .render(crate::messages::Language::En);
        assert!(err.starts_with("line 2: nesting deeper than 32"), "{err}");
    }

    #[test]
    fn comments_are_found_outside_quotes_and_block_scalars() {
        let cases: [(&str, Option<usize>); 10] = [
            ("title: a # c\n", Some(1)),
            ("# top\ntitle: a\n", Some(1)),
            (
                "facts: |-\n  # not a comment\n  x\nstatus: y # c\n",
                Some(4),
            ),
            ("facts: |- # c\n  x\n", Some(1)),
            ("title: 'a # b'\n", None),
            ("title: \"a # b\"\n", None),
            ("title: a#b\n", None),
            ("title: it's # x\n", Some(1)),
            ("note: 'multi\n  line # still quoted'\nnext: 1\n", None),
            ("tags:\n- 'x' # c\n", Some(2)),
        ];
        for (text, line) in cases {
            assert_eq!(first_comment_line(text), line, "{text}");
        }
    }

    #[test]
    fn brackets_in_text_are_not_nesting() {
        let many = "[".repeat(200);
        for text in [
            format!("title: '{many}'\n"),
            format!("title: \"{many}\"\n"),
            format!("facts: |-\n  {many}\n  more\nnext: 1\n"),
            format!("title: a {many}\n"),
            "tags: [a, [b, {c: d}]]\n".to_string(),
        ] {
            assert_eq!(check_nesting(&text), Ok(()), "{text}");
        }
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut text = String::new();
        for level in 0..40 {
            text.push_str(&" ".repeat(level));
            text.push_str("k:\n");
        }
        assert!(check_nesting(&text).is_err());
    }

    #[test]
    fn oversized_and_special_files_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.yaml");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(2 * 1024 * 1024 * 1024).unwrap(); // sparse: nothing is written
        let err = read_bounded(&big, MAX_FILE_BYTES, "case file").unwrap_err();
        assert!(
            err.to_string().contains("more than the 4194304 bytes"),
            "{err}"
        );
        let err = read_bounded(dir.path(), MAX_FILE_BYTES, "case file").unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
}
