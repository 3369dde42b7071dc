//! The typed errors of the domain and the exit codes they map to.
//!
//! Every failure a user can cause has a variant here; the CLI layer adds
//! context (file, row) with `anyhow` and maps the root cause to an exit code
//! and a stable machine-readable `code` for `--json`.

use std::path::PathBuf;

/// A failure the user can act on; its message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that does not make sense: a bad date, an unknown value, a bad document.
    #[error("{0}")]
    Invalid(String),
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
    Usage(String),
    /// The workflow refuses the change.
    #[error("{0}")]
    Refused(String),
    /// A stored file cannot be read as a case or settings file.
    #[error("{}: {message}", .path.display())]
    BadFile {
        /// The file that is damaged.
        path: PathBuf,
        /// Why it cannot be used.
        message: String,
    },
    /// Another process held the workspace lock for longer than the wait allows.
    #[error("{0}")]
    LockTimeout(String),
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
    /// The process exit code for this error (SPEC §6: 1 error, 3 check problems).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::CheckFailed(_) => 3,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// A stable, snake_case name of the kind of failure, for `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
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

/// Builds an [`Error::Invalid`] from a format string.
#[macro_export]
macro_rules! invalid {
    ($($arg:tt)*) => { $crate::error::Error::Invalid(format!($($arg)*)) };
}
