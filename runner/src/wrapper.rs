//! The runner as cargo's `RUSTC_WRAPPER`: every rustc of a kata build is confined before it starts.
//!
//! Code under test acts at compile time too: `include_str!`, `include_bytes!`, `#[path]` and
//! assembly's `.incbin` read any file the compiler can, and `option_env!` any variable it was
//! given. Cargo runs one rustc per crate, so the wrapper, which sees each command line, gives each
//! crate only what it needs and then becomes rustc (`exec`):
//!
//! - the learner's library may read the toolchain, the dependency sources, the kata-assert helper
//!   and its own `src/`, and write only the target directory; not the suite, the crate's manifest
//!   (which names the suite), the catalogue, the solutions, other submissions or home;
//! - the suite's crate may also read the suite;
//! - dependencies (pinned by the catalogue's lockfile) get what the learner's library gets.
//!
//! Under the strict policy the learner's library is compiled by `clippy-driver` (the same compiler
//! with clippy's lints) so that the policy's lints run in the one compilation that produces it.
//!
//! [`crate::build`] decides the paths and passes them in the environment; this module only reads
//! them, confines and executes. It never prints except to say why it could not start rustc.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use crate::sandbox::Confinement;

/// Set (to "1") in cargo's environment to make `kata` act as the wrapper.
pub const MODE: &str = "KATA_RUSTC_WRAPPER";
/// The learner crate's root: its `src/` is the learner's code.
pub const CRATE: &str = "KATA_WRAP_CRATE";
/// The folder of the suites and compile-fail snippets.
pub const SUITE: &str = "KATA_WRAP_SUITE";
/// Folders every rustc may read, separated by newlines.
pub const READ: &str = "KATA_WRAP_READ";
/// The one folder every rustc may write: the target directory.
pub const WRITE: &str = "KATA_WRAP_WRITE";
/// Under the strict policy: the `clippy-driver` that compiles the learner's library.
pub const CLIPPY: &str = "KATA_WRAP_CLIPPY";
/// Under the strict policy: "1" when the kata allows `unsafe` code.
pub const UNSAFE_ALLOWED: &str = "KATA_WRAP_UNSAFE";

/// Whether this process was started by cargo as the wrapper.
pub fn requested() -> bool {
    std::env::var_os(MODE).is_some_and(|v| v == "1")
}

/// Confines this process for the rustc command line in `args` (the rustc path first) and
/// executes it. Returns only on failure, with the exit code to end with.
pub fn run(args: Vec<OsString>) -> u8 {
    let Some((rustc, rest)) = args.split_first() else {
        eprintln!("kata: the rustc wrapper was started without a compiler to run");
        return 2;
    };
    let var = |name: &str| std::env::var_os(name).map(PathBuf::from);
    let crate_src = var(CRATE).map(|c| c.join("src"));
    let suite = var(SUITE);
    // Cargo gives a package's own sources relative to its root, where rustc runs.
    let cwd = std::env::current_dir().unwrap_or_default();
    let source = rest
        .iter()
        .map(Path::new)
        .find(|a| a.extension().is_some_and(|e| e == "rs"))
        .map(|a| cwd.join(a));
    let under = |dir: &Option<PathBuf>| match (&source, dir) {
        (Some(source), Some(dir)) => source.starts_with(dir),
        _ => false,
    };
    let learner = under(&crate_src);
    let suite_crate = under(&suite);

    let mut readable: Vec<PathBuf> = std::env::var(READ)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    readable.push(PathBuf::from(rustc));
    if learner || suite_crate {
        readable.extend(crate_src.clone());
    }
    if suite_crate {
        readable.extend(suite.clone());
    }
    let confinement = Confinement {
        exe: PathBuf::from(rustc),
        writable_dirs: var(WRITE).into_iter().collect(),
        writable_files: Vec::new(),
        readable,
        no_tcp: true,
    };
    if let Err(error) = crate::sandbox::confine_self(&confinement) {
        eprintln!("kata: could not confine the compiler: {error}");
        return 2;
    }
    // `cargo clippy` puts clippy-driver first already.
    let is_clippy = Path::new(rustc)
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("clippy-driver"));
    // The clippy gate of a kata (`clippy = true`) is its own run, after the policy's build.
    let strict = (learner && !is_clippy).then(|| var(CLIPPY)).flatten();
    let mut command = match &strict {
        Some(clippy) => {
            let mut command = std::process::Command::new(clippy);
            command.arg(rustc);
            command
        }
        _ => std::process::Command::new(rustc),
    };
    command.args(rest);
    if strict.is_some() {
        // Forbidden, not denied: the learner's `#[allow(..)]` cannot lift them. Given here and
        // not in the manifest's `[lints]`, which would reach the suite too (suites may use
        // `unsafe`, for a counting allocator).
        if std::env::var_os(UNSAFE_ALLOWED).is_none_or(|v| v != "1") {
            command.args(["--forbid", "unsafe_code"]);
        }
        // Only the policy's lints: clippy's own deny-by-default ones are not the kata's rules.
        command.args(["--allow", "clippy::all"]);
        for lint in crate::policy::CLIPPY_LINTS {
            command.args(["--forbid", &format!("clippy::{lint}")]);
        }
    }
    let error = command.exec();
    eprintln!(
        "kata: could not start {}: {error}",
        Path::new(rustc).display()
    );
    2
}
