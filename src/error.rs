//! The typed errors of the domain and the exit codes they map to.
//!
//! Every failure a user can cause has a variant here; the CLI layer adds
//! context (file, row) with `anyhow` and maps the root cause to an exit code
//! and a stable machine-readable `code` for `--json`.

use std::path::PathBuf;

use crate::messages::Language;
use crate::messages::said::Text;

/// The exit statuses plaint documents (docs/manual.md, "Exit codes"); no other
/// status leaves the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the command did what was asked.
    Success,
    /// 1: an error (bad input, a refused change, an unreadable file), or a
    /// merge that left conflicts.
    Failure,
    /// 2: a command-line usage error.
    Usage,
    /// 3: `check` found problems.
    Problems,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
            Exit::Problems => 3,
        }
    }

    /// [`Exit::Failure`] when `failed`, else [`Exit::Success`].
    pub fn failure_if(failed: bool) -> Exit {
        if failed { Exit::Failure } else { Exit::Success }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

/// A failure the user can act on; its message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that does not make sense: a bad date, an unknown value, a bad document.
    #[error("{0}")]
    Invalid(Text),
    /// Text that is not a date or a moment in any form plaint reads
    /// (`--json` code `bad_date`): the message names the text and the forms.
    #[error("{0}")]
    BadDate(Text),
    /// No case matches the given ID, prefix or suffix.
    #[error("no case matches '{0}' (run `plaint list --format ids` to see the IDs)")]
    NotFound(String),
    /// More than one case matches a partial ID.
    #[error("'{query}' matches {} cases: {}; give more characters", .candidates.len(), .candidates.join(", "))]
    Ambiguous {
        /// What the user typed.
        query: String,
        /// Every matching ID.
        candidates: Vec<String>,
    },
    /// A command-line value that names nothing: a usage error (exit 2).
    #[error("{0}")]
    Usage(Text),
    /// The workflow refuses the change.
    #[error("{0}")]
    Refused(Text),
    /// A stored file cannot be read as a case or settings file.
    #[error("{}: {message}", .path.display())]
    BadFile {
        /// The file that is damaged.
        path: PathBuf,
        /// Why it cannot be used.
        message: Text,
    },
    /// Another process held the workspace lock for longer than the wait allows.
    #[error("{0}")]
    LockTimeout(Text),
    /// `check` found problems in the workspace.
    #[error("{0} problem(s) found")]
    CheckFailed(usize),
    /// The operating system refused a read or write. The OS error is part
    /// of the message and deliberately not a `source`, so that a report of
    /// the error chain says it once (a full disk is not announced twice).
    #[error("{}: {cause}", .path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying error.
        cause: std::io::Error,
    },
}

impl Error {
    /// The exit status of this error (docs/manual.md, "Exit codes").
    pub fn exit(&self) -> Exit {
        match self {
            Error::CheckFailed(_) => Exit::Problems,
            Error::Usage(_) => Exit::Usage,
            _ => Exit::Failure,
        }
    }

    /// The process exit code for this error: 1 error, 2 usage, 3 check problems.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.exit().code())
    }

    /// A stable, snake_case name of the kind of failure, for `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::BadDate(_) => "bad_date",
            Error::Usage(_) => "usage",
            Error::NotFound(_) => "not_found",
            Error::Ambiguous { .. } => "ambiguous_id",
            Error::Refused(_) => "refused",
            Error::BadFile { .. } => "bad_file",
            Error::LockTimeout(_) => "lock_timeout",
            Error::CheckFailed(_) => "check_failed",
            Error::Io { .. } => "io",
        }
    }

    /// Input that does not make sense ([`Error::Invalid`]).
    pub fn invalid(text: impl Into<Text>) -> Self {
        Error::Invalid(text.into())
    }

    /// Text that is no date ([`Error::BadDate`]).
    pub fn bad_date(text: impl Into<Text>) -> Self {
        Error::BadDate(text.into())
    }

    /// A command-line value that names nothing ([`Error::Usage`]).
    pub fn usage(text: impl Into<Text>) -> Self {
        Error::Usage(text.into())
    }

    /// A change the workflow refuses ([`Error::Refused`]).
    pub fn refused(text: impl Into<Text>) -> Self {
        Error::Refused(text.into())
    }

    /// The workspace lock was held too long ([`Error::LockTimeout`]).
    pub fn lock_timeout(text: impl Into<Text>) -> Self {
        Error::LockTimeout(text.into())
    }

    /// The error as a placeholder's value: a sentence stays a sentence,
    /// rendered in the language of the one it fills.
    pub fn arg(&self) -> crate::messages::said::Arg {
        match self {
            Error::Invalid(text)
            | Error::BadDate(text)
            | Error::Usage(text)
            | Error::Refused(text)
            | Error::LockTimeout(text) => text.arg(),
            other => crate::messages::said::Arg::each(
                other.render(Language::En),
                other.render(Language::Zh),
            ),
        }
    }

    /// What the error says, in `lang`: its sentence rendered there; an
    /// OS error as the system words it (the command line words the common
    /// ones itself). Its `Display` is the English.
    pub fn render(&self, lang: Language) -> String {
        match self {
            Error::Invalid(text)
            | Error::BadDate(text)
            | Error::Usage(text)
            | Error::Refused(text)
            | Error::LockTimeout(text) => text.render(lang),
            Error::BadFile { path, message } => {
                format!("{}: {}", path.display(), message.render(lang))
            }
            Error::NotFound(query) => crate::msg!(lang, "not-found", query = query),
            Error::CheckFailed(count) => crate::msg!(lang, "check-failed", count = count),
            Error::Ambiguous { query, candidates } => {
                let shown = candidates.iter().take(10).cloned().collect::<Vec<_>>();
                let ids = if candidates.len() > 10 {
                    crate::msg!(
                        lang,
                        "ambiguous-more",
                        ids = shown.join(", "),
                        more = candidates.len() - 10
                    )
                } else {
                    shown.join(", ")
                };
                crate::msg!(
                    lang,
                    "ambiguous",
                    query = query,
                    count = candidates.len(),
                    ids = ids
                )
            }
            Error::Io { .. } => self.to_string(),
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause: source,
        }
    }
}

/// Shorthand for domain results.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_the_documented_exit_status_and_code() {
        let io = || std::io::Error::other("disk");
        let table = [
            (Error::invalid("x"), Exit::Failure, "invalid_input"),
            (Error::bad_date("x"), Exit::Failure, "bad_date"),
            (Error::NotFound("x".into()), Exit::Failure, "not_found"),
            (Error::usage("x"), Exit::Usage, "usage"),
            (Error::refused("x"), Exit::Failure, "refused"),
            (Error::lock_timeout("x"), Exit::Failure, "lock_timeout"),
            (Error::CheckFailed(2), Exit::Problems, "check_failed"),
            (Error::io("f", io()), Exit::Failure, "io"),
        ];
        for (error, exit, code) in table {
            assert_eq!((error.exit(), error.code()), (exit, code), "{error}");
            assert_eq!(error.exit_code(), i32::from(exit.code()));
        }
        let codes: Vec<u8> = [Exit::Success, Exit::Failure, Exit::Usage, Exit::Problems]
            .into_iter()
            .map(Exit::code)
            .collect();
        assert_eq!(codes, [0, 1, 2, 3]);
    }
}
