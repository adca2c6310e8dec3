//! The runner's own failures: bad input, a missing tool, an I/O fault.
//!
//! A kata that fails to compile or fails a test is not an error; it is an outcome
//! ([`crate::outcome`]). Everything here ends the command with exit code 2 and a message that names
//! the file at fault and says what to do. This module knows nothing about how errors are printed.

use std::path::PathBuf;

/// Exit codes, set in one place and documented in the README.
pub mod exit {
    /// Everything checked passed.
    pub const OK: u8 = 0;
    /// At least one kata failed (a failed test, a compile error, a rejected verification).
    pub const FAILED: u8 = 1;
    /// A usage or setup error: bad input, a missing tool, an I/O fault.
    pub const ERROR: u8 = 2;
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}:{column}: {message}\n  {help}")]
    Manifest {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        help: String,
    },

    #[error("{path}: {message}\n  {help}")]
    KataFile {
        path: PathBuf,
        message: String,
        help: String,
    },

    #[error("no kata named `{slug}` in {catalogue}{}", suggestion.as_ref().map(|s| format!("\n  did you mean `{s}`? (`kata list` shows every kata)")).unwrap_or_else(|| "\n  `kata list` shows every kata".into()))]
    UnknownKata {
        slug: String,
        catalogue: PathBuf,
        suggestion: Option<String>,
    },

    #[error("no practice workspace at {path}\n  run `kata init {path}` to create one, or pass --workspace DIR")]
    NoWorkspace { path: PathBuf },

    #[error("{path}: {message}\n  {help}")]
    LearnerFile {
        path: PathBuf,
        message: String,
        help: String,
    },

    #[error("could not run `{program}`: {source}\n  {help}")]
    Spawn {
        program: String,
        help: String,
        #[source]
        source: std::io::Error,
    },

    #[error("cargo failed before compiling the kata{}:\n{stderr}\n  {help}", manifest.as_ref().map(|p| format!(" ({})", p.display())).unwrap_or_default())]
    Cargo {
        manifest: Option<PathBuf>,
        stderr: String,
        help: String,
    },

    #[error("{action} {path}: {source}{}", io_help(source))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A grade report given to `kata report merge` that cannot be used.
    #[error("{path}: {message}\n  {help}")]
    Report {
        path: PathBuf,
        message: String,
        help: String,
    },

    /// The machine lacks what a command needs (a toolchain component, the network once).
    #[error("{message}\n  {help}")]
    Setup { message: String, help: String },

    #[error("{0}")]
    Usage(String),
}

/// What to do about an I/O fault the user can fix.
fn io_help(source: &std::io::Error) -> &'static str {
    match source.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "\n  the disk is full: free some space (the build cache is in KATA_CACHE_DIR, ~/.cache/kata by default) and run the command again; your kata files were not changed"
        }
        std::io::ErrorKind::PermissionDenied => {
            "\n  kata may not use this file: check its permissions and its owner"
        }
        _ => "",
    }
}

impl Error {
    /// Wraps an I/O error with what was being done and to which file.
    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }
}
