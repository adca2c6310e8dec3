//! What must not outlive an interrupted run: live process groups (tests, cargo), pids cgroups
//! and temporary crates.
//!
//! Whoever starts one registers it here and unregisters it when it is gone. [`install`] makes
//! SIGINT and SIGTERM run [`interrupt`]: clean up and exit with code 130; a command that reads
//! Ctrl-C itself (a terminal in raw mode gets no SIGINT) calls [`interrupt`], or [`run`] when it
//! wants to exit on its own. This
//! module knows nothing about what the processes and directories are for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once, RwLock, RwLockReadGuard};

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
    let groups = std::mem::take(&mut registry.groups);
    for pgid in &groups {
        // SAFETY: plain syscall; a group already gone gives ESRCH.
        unsafe {
            libc::killpg(*pgid, libc::SIGKILL);
        }
    }
    // SIGKILL takes effect asynchronously; wait until the processes are really gone, so that
    // nothing is seen running after this process has exited.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    while alive_in(&groups) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(1));
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

/// Held (shared) from just before a process is started until it is registered; an interrupt
/// takes it exclusively and keeps it until the process exits, so no process can be started
/// unseen between the cleanup and the exit.
static SPAWNING: RwLock<()> = RwLock::new(());

/// Hold this while starting a process and registering it.
pub fn spawn_guard() -> RwLockReadGuard<'static, ()> {
    SPAWNING
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Cleans up and exits with [`INTERRUPTED`]: what SIGINT and SIGTERM do, for a command that
/// reads Ctrl-C as a key.
pub fn interrupt() -> ! {
    finish(INTERRUPTED)
}

/// Functions run just before an interrupt exits: for state outside the process that must be put
/// back, such as a terminal in raw mode.
static BEFORE_EXIT: Mutex<Vec<fn()>> = Mutex::new(Vec::new());

/// Runs `hook` before the process exits through [`interrupt`] or [`finish`].
pub fn before_exit(hook: fn()) {
    BEFORE_EXIT
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(hook);
}

/// Stops everything in flight (no process can start after it), removes the temporary crates,
/// runs the [`before_exit`] hooks and exits with `code`: for a command that quits while work it
/// started is still running.
pub fn finish(code: i32) -> ! {
    let _no_more_processes = SPAWNING.write().unwrap_or_else(|p| p.into_inner());
    run();
    for hook in BEFORE_EXIT.lock().unwrap_or_else(|p| p.into_inner()).iter() {
        hook();
    }
    std::process::exit(code)
}

/// Whether a process of one of `groups` still runs (a zombie, killed but not yet reaped, does not).
fn alive_in(groups: &BTreeSet<i32>) -> bool {
    if groups.is_empty() {
        return false;
    }
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|entry| {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            return false;
        };
        // Fields after the command name: state, parent, process group.
        let mut fields = stat.rsplit(") ").next().unwrap_or("").split(' ');
        let state = fields.next().unwrap_or("Z");
        let pgrp = fields.nth(1).and_then(|f| f.parse::<i32>().ok());
        !matches!(state, "Z" | "X") && pgrp.is_some_and(|g| groups.contains(&g))
    })
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
                interrupt();
            }
        });
    });
}
