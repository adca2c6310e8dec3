//! What must not outlive an interrupted run: live process groups (tests, cargo), pids cgroups
//! and temporary crates.
//!
//! Whoever starts one registers it here and unregisters it when it is gone. [`install`] makes
//! SIGINT and SIGTERM run [`run`] and end the process with exit code 130; a command that reads
//! Ctrl-C itself (a terminal in raw mode gets no SIGINT) calls [`run`] before it exits. This
//! module knows nothing about what the processes and directories are for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

/// The exit code after an interrupt, as shells report a process ended by SIGINT.
pub const INTERRUPTED: i32 = 130;

#[derive(Default)]
struct Registry {
    groups: BTreeSet<i32>,
    cgroups: BTreeSet<PathBuf>,
    dirs: BTreeSet<PathBuf>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    groups: BTreeSet::new(),
    cgroups: BTreeSet::new(),
    dirs: BTreeSet::new(),
});

/// Set once [`run`] has started: whatever registers after that is ended at once, so a test
/// started by another thread while the process is exiting cannot outlive it.
static STOPPING: AtomicBool = AtomicBool::new(false);

fn stopping() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

fn registry() -> MutexGuard<'static, Registry> {
    // A panic elsewhere while the lock was held leaves the sets usable.
    REGISTRY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn register_group(pgid: i32) {
    registry().groups.insert(pgid);
    if stopping() {
        run();
    }
}

pub fn unregister_group(pgid: i32) {
    registry().groups.remove(&pgid);
}

pub fn register_cgroup(dir: &Path) {
    registry().cgroups.insert(dir.to_path_buf());
    if stopping() {
        run();
    }
}

pub fn unregister_cgroup(dir: &Path) {
    registry().cgroups.remove(dir);
}

pub fn register_dir(dir: &Path) {
    registry().dirs.insert(dir.to_path_buf());
    if stopping() {
        run();
    }
}

pub fn unregister_dir(dir: &Path) {
    registry().dirs.remove(dir);
}

/// A temporary directory that an interrupt removes too.
#[derive(Debug)]
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new(dir: tempfile::TempDir) -> TempDir {
        register_dir(dir.path());
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        unregister_dir(self.0.path());
    }
}

/// Kills every registered process group and cgroup and removes every registered directory.
/// Safe to call more than once and from any thread.
pub fn run() {
    STOPPING.store(true, Ordering::SeqCst);
    let mut registry = registry();
    for pgid in std::mem::take(&mut registry.groups) {
        // SAFETY: plain syscall; a group already gone gives ESRCH.
        unsafe {
            libc::killpg(pgid, libc::SIGKILL);
        }
    }
    for dir in std::mem::take(&mut registry.cgroups) {
        crate::sandbox::kill_cgroup(&dir);
    }
    for dir in std::mem::take(&mut registry.dirs) {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Whether an interrupt has begun the cleanup; if so, finishes it before returning, so the
/// caller can exit with [`INTERRUPTED`] instead of reporting the errors the interrupt caused.
pub fn interrupted() -> bool {
    if !stopping() {
        return false;
    }
    run();
    true
}

/// Makes SIGINT and SIGTERM clean up and exit with [`INTERRUPTED`]. Idempotent.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return; // the default action still ends the process; only the cleanup is lost
        };
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                run();
                std::process::exit(INTERRUPTED);
            }
        });
    });
}
