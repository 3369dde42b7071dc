//! Reading a repository's objects without a work tree, as a server-side
//! hook must: which commit a revision names, whether one commit descends
//! from another, the files of a commit's tree, the files two commits
//! differ in, and blob contents streamed through one `git cat-file
//! --batch` process (so a push of a thousand case files starts git a
//! handful of times, not a thousand).
//!
//! git runs in the given folder and inherits the environment, so inside a
//! `pre-receive` hook it sees the pushed objects git keeps in quarantine
//! until the hook accepts them.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// Whether `rev` is git's all-zero object name: the old value of a ref a
/// push creates, or the new value of one it deletes.
pub fn is_zero(rev: &str) -> bool {
    !rev.is_empty() && rev.bytes().all(|b| b == b'0')
}

/// A repository, bare or not, read through git.
pub struct Repo {
    dir: PathBuf,
}

/// One file of a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeFile {
    /// Its path from the top of the tree, with `/` separators.
    pub path: String,
    /// Its mode as git writes it: `100644`, `100755`, `120000` (a
    /// symbolic link), `160000` (a submodule).
    pub mode: String,
    /// Its object name.
    pub id: String,
}

impl TreeFile {
    /// Whether it is a regular file (not a link, not a submodule).
    pub fn is_regular(&self) -> bool {
        self.mode.starts_with("100")
    }
}

/// One path two trees differ in: its old version, its new one, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The path.
    pub path: String,
    /// The file before (none: added).
    pub old: Option<TreeFile>,
    /// The file after (none: deleted).
    pub new: Option<TreeFile>,
}

impl Repo {
    /// The repository git finds from `dir` (or `GIT_DIR`).
    pub fn at(dir: &Path) -> Repo {
        Repo {
            dir: dir.to_path_buf(),
        }
    }

    /// The commit `rev` names (a tag is peeled), or `None` when it names
    /// no commit here.
    pub fn commit(&self, rev: &str) -> Result<Option<String>> {
        let spec = format!("{rev}^{{commit}}");
        let out = self.output(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])?;
        if !out.status.success() {
            return Ok(None);
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok((!id.is_empty()).then_some(id))
    }

    /// Whether commit `old` is `new` or one of its ancestors.
    pub fn is_ancestor(&self, old: &str, new: &str) -> Result<bool> {
        let out = self.output(&["merge-base", "--is-ancestor", old, new])?;
        match out.status.code() {
            Some(0) => Ok(true),
            Some(1) => Ok(false),
            _ => Err(failed("merge-base --is-ancestor", &out.stderr)),
        }
    }

    /// Every file of the tree of commit `rev`, sorted by path.
    pub fn files(&self, rev: &str) -> Result<Vec<TreeFile>> {
        let out = self.run(&["ls-tree", "-r", "-z", "--full-tree", rev])?;
        let mut files = Vec::new();
        for record in out.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            // `MODE TYPE ID\tPATH`
            let text = String::from_utf8_lossy(record);
            let Some((meta, path)) = text.split_once('\t') else {
                continue;
            };
            let mut parts = meta.split(' ');
            let (Some(mode), Some(_), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            files.push(TreeFile {
                path: path.to_string(),
                mode: mode.to_string(),
                id: id.to_string(),
            });
        }
        Ok(files)
    }

    /// The files the trees of commits `old` and `new` differ in (renames
    /// are a deletion and an addition), sorted by path.
    pub fn changes(&self, old: &str, new: &str) -> Result<Vec<Change>> {
        let out = self.run(&["diff-tree", "-r", "-z", "--no-renames", old, new])?;
        let mut fields = out.split(|b| *b == 0);
        let mut changes = Vec::new();
        // `:OLDMODE NEWMODE OLDID NEWID STATUS` NUL `PATH` NUL
        while let Some(meta) = fields.next() {
            let meta = String::from_utf8_lossy(meta);
            let Some(meta) = meta.strip_prefix(':') else {
                continue;
            };
            let Some(path) = fields.next() else { break };
            let path = String::from_utf8_lossy(path).into_owned();
            let parts: Vec<&str> = meta.split(' ').collect();
            let [old_mode, new_mode, old_id, new_id, _status] = parts.as_slice() else {
                continue;
            };
            let side = |mode: &str, id: &str| {
                (!is_zero(id)).then(|| TreeFile {
                    path: path.clone(),
                    mode: mode.to_string(),
                    id: id.to_string(),
                })
            };
            changes.push(Change {
                old: side(old_mode, old_id),
                new: side(new_mode, new_id),
                path: path.clone(),
            });
        }
        Ok(changes)
    }

    /// Reads the blobs `ids` through one `git cat-file --batch`, handing
    /// each in turn to `each` with its index, its size and a reader of
    /// exactly its bytes (what `each` leaves unread is skipped). A missing
    /// object is an error.
    pub fn read_blobs(
        &self,
        ids: &[String],
        mut each: impl FnMut(usize, u64, &mut dyn Read) -> Result<()>,
    ) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut child = Command::new("git")
            .args(["cat-file", "--batch"])
            .current_dir(&self.dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Error::invalid(crate::said!("git-not-run", error = e)))?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        let requests: String = ids.iter().map(|id| format!("{id}\n")).collect();
        // Written from another thread: git answers while it reads, and
        // both pipes would fill on a long list.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(requests.as_bytes());
        });
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let result = read_answers(&mut stdout, ids, &mut each);
        drop(stdout);
        let _ = writer.join();
        let _ = child.wait();
        result
    }

    fn output(&self, args: &[&str]) -> Result<std::process::Output> {
        Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| Error::invalid(crate::said!("git-not-run", error = e)))
    }

    fn run(&self, args: &[&str]) -> Result<Vec<u8>> {
        let out = self.output(args)?;
        if !out.status.success() {
            return Err(failed(&args.join(" "), &out.stderr));
        }
        Ok(out.stdout)
    }
}

/// Reads `cat-file --batch` answers for `ids`, in order.
fn read_answers(
    stdout: &mut impl BufRead,
    ids: &[String],
    each: &mut impl FnMut(usize, u64, &mut dyn Read) -> Result<()>,
) -> Result<()> {
    let mut header = String::new();
    for (i, id) in ids.iter().enumerate() {
        header.clear();
        stdout
            .read_line(&mut header)
            .map_err(|e| failed("cat-file --batch", e.to_string().as_bytes()))?;
        // `ID TYPE SIZE`, or `ID missing`
        let size = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| {
                failed(
                    "cat-file --batch",
                    format!("{id}: {}", header.trim()).as_bytes(),
                )
            })?;
        let mut body = stdout.by_ref().take(size);
        each(i, size, &mut body)?;
        std::io::copy(&mut body, &mut std::io::sink())
            .map_err(|e| failed("cat-file --batch", e.to_string().as_bytes()))?;
        let mut newline = [0u8; 1];
        stdout
            .read_exact(&mut newline)
            .map_err(|e| failed("cat-file --batch", e.to_string().as_bytes()))?;
    }
    Ok(())
}

fn failed(args: &str, stderr: &[u8]) -> Error {
    Error::invalid(crate::said!(
        "git-failed",
        args = args,
        error = String::from_utf8_lossy(stderr).trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zero_name_is_all_zeros() {
        assert!(is_zero("0000000000000000000000000000000000000000"));
        assert!(!is_zero(""));
        assert!(!is_zero("0000000000000000000000000000000000000001"));
    }

    #[test]
    fn batch_answers_are_read_in_order_and_a_missing_one_fails() {
        let answers = b"a blob 3\nabc\nb blob 0\n\n";
        let ids = vec!["a".to_string(), "b".to_string()];
        let mut seen = Vec::new();
        read_answers(&mut &answers[..], &ids, &mut |i, size, r| {
            let mut text = String::new();
            r.read_to_string(&mut text).unwrap();
            seen.push((i, size, text));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, [(0, 3, "abc".into()), (1, 0, String::new())]);
        let missing = b"a missing\n";
        let ids = vec!["a".to_string()];
        assert!(read_answers(&mut &missing[..], &ids, &mut |_, _, _| Ok(())).is_err());
    }
}
