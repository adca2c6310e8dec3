//! Confining one untrusted test process: resource limits, no network, a filesystem view of its
//! own directory, and a process-count limit that no child can escape.
//!
//! Owns what the platform offers (probed once per run and shown by `kata check
//! --explain-sandbox`) and the two halves of confinement: [`Prepared::new`] runs in the parent
//! and does everything that allocates or opens files; [`Prepared::enter`] runs in the child
//! between fork and exec and makes only async-signal-safe system calls on values prepared
//! before. This module knows nothing about katas, libtest or verdicts: [`crate::exec`] calls it
//! for every process it starts.
//!
//! What is used, on Linux, when available:
//! - rlimits: address space, file size, no core files (everywhere);
//! - a fresh network namespace (as root; else inside a new user namespace when the kernel lets
//!   unprivileged users create one) with only its own loopback interface, brought up so tests
//!   that talk to themselves over 127.0.0.1 still work;
//! - Landlock: read access to the system's libraries and the test executable, read and write
//!   access to the test's own working directory (and its log file), nothing else; signals and
//!   abstract Unix sockets scoped to the test's own processes (Landlock ABI 6);
//! - a pids cgroup (cgroup v1 `pids` controller, writable as root) per test: a limit on tasks that
//!   holds for root too, and a list of every process the test started, even those that left its
//!   process group, so all of them are killed when the test ends. Without it the limit falls back
//!   to `RLIMIT_NPROC`, which counts every process of the user and does not bind root.

use std::ffi::CString;
use std::fs;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Resource limits of one test process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Address space in bytes (`RLIMIT_AS`).
    pub memory: u64,
    /// Largest file the test may write, in bytes (`RLIMIT_FSIZE`).
    pub file_size: u64,
    /// Tasks (processes and threads) the test may run at once.
    pub processes: u64,
    /// Bytes of stdout and stderr together after which the test is stopped.
    pub output: u64,
}

impl Limits {
    /// Twice Kattis's default. Measured on a 2-CPU machine: 64 threads that each allocate fail
    /// at 1 GiB of address space (glibc reserves a 64 MiB arena per thread, up to 8 per CPU)
    /// and run at 256 MiB once `MALLOC_ARENA_MAX=2` (set by the engine); a tokio runtime with
    /// 16 workers runs at 256 MiB. 2 GiB leaves room for machines with more CPUs and for
    /// katas that keep large tables.
    pub const DEFAULT_MEMORY: u64 = 2 << 30;
    pub const DEFAULT_FILE_SIZE: u64 = 64 << 20;
    pub const DEFAULT_PROCESSES: u64 = 256;
    /// Kattis's output limit.
    pub const DEFAULT_OUTPUT: u64 = 8 << 20;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory: Limits::DEFAULT_MEMORY,
            file_size: Limits::DEFAULT_FILE_SIZE,
            processes: Limits::DEFAULT_PROCESSES,
            output: Limits::DEFAULT_OUTPUT,
        }
    }
}

/// The files one test may touch, besides the system's libraries.
#[derive(Debug, Clone, Default)]
pub struct Confinement {
    /// The executable: read and execute.
    pub exe: PathBuf,
    /// Directories the test may read, write and create files in.
    pub writable_dirs: Vec<PathBuf>,
    /// Existing files the test may write (libtest's log).
    pub writable_files: Vec<PathBuf>,
    /// Directories and files that may be read (and executed), besides the system's.
    pub readable: Vec<PathBuf>,
    /// No TCP at all, not even loopback (Landlock ABI 4): for the compiler, which needs none.
    pub no_tcp: bool,
}

/// How tests are kept off the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Network {
    /// A network namespace of their own (the runner is root).
    Namespace,
    /// A network namespace inside a new user namespace (unprivileged).
    UserNamespace,
    /// Not isolated, and why.
    Off(String),
}

/// What this machine allows, probed once.
#[derive(Debug, Clone)]
pub struct Capabilities {
    pub network: Network,
    /// The Landlock ABI version, or why Landlock is not used.
    pub landlock: std::result::Result<u32, String>,
    /// The pids cgroup directory tests are placed under, or why there is none.
    pub pids_cgroup: std::result::Result<PathBuf, String>,
    /// Whether this process is root (`RLIMIT_NPROC` does not bind root).
    pub root: bool,
    /// A user, PID and mount namespace per test (see `view`), or why not.
    pub namespaces: std::result::Result<(), String>,
}

impl Capabilities {
    /// One line per measure, for `--explain-sandbox` and the README.
    pub fn explain(&self, limits: &Limits) -> String {
        let mib = |bytes: u64| bytes >> 20;
        let mut lines = vec![
            "Every test process runs in its own process group, with an empty environment except PATH, RUST_BACKTRACE, MALLOC_ARENA_MAX, TMPDIR and locale, in an empty working directory; everything it started is killed when it ends.".to_string(),
            format!("enforced: time limit: wall-clock, per test (kata.toml `time_limit_ms`, default {} ms)", crate::catalogue::DEFAULT_TIME_LIMIT_MS),
            format!("enforced: memory: {} MiB of address space per test (kata.toml `memory_limit_mb`)", mib(limits.memory)),
            format!("enforced: file size: {} MiB per file written", mib(limits.file_size)),
            format!("enforced: output: the first {} KiB of each stream kept; a test printing more than {} MiB in all is stopped", crate::exec::OUTPUT_CAP >> 10, mib(limits.output)),
        ];
        lines.push(match (&self.pids_cgroup, self.root) {
            (Err(why), _) if self.namespaces.is_ok() => format!(
                "enforced: process count: at most {} processes and threads per test (RLIMIT_NPROC inside the test's own user namespace; no pids cgroup: {why}); every process a test started ends with its PID namespace",
                limits.processes
            ),
            (Ok(dir), _) => format!(
                "enforced: process count: at most {} processes and threads per test (pids cgroup under {}); every process a test started is killed when it ends, even one that left its process group",
                limits.processes,
                dir.display()
            ),
            (Err(why), true) => format!(
                "NOT enforced: process count: ({why}; RLIMIT_NPROC does not bind root); processes that leave the test's process group can outlive it"
            ),
            (Err(why), false) => format!(
                "partly enforced: process count: by RLIMIT_NPROC, which counts all of this user's processes ({why}); processes that leave the test's process group can outlive it"
            ),
        });
        lines.push(match &self.network {
            Network::Namespace => "enforced: network: none (a network namespace per test with only its own loopback)".to_string(),
            Network::UserNamespace => "enforced: network: none (a user and network namespace per test with only its own loopback)".to_string(),
            Network::Off(why) => format!("NOT enforced: network: isolation is off ({why})"),
        });
        lines.push(match &self.namespaces {
            Ok(()) => format!("enforced: user and processes: each test is uid {} without capabilities in a user namespace of its own, in its own PID namespace with a private /proc (no other process is visible), and sees /tmp, /run, /var/run, /var/tmp, /dev/shm, /home and /root empty except for its own files", view_id()),
            Err(why) => format!("NOT enforced: user and processes: tests run as the user running kata, see every process in /proc and the host's socket folders ({why})"),
        });
        lines.push(match &self.landlock {
            Ok(abi) => format!(
                "enforced: filesystem: confined by Landlock (ABI {abi}): read-only system libraries, the test executable, and its own working directory; the catalogue, solutions, workspace and home are out of reach{}",
                if *abi >= 6 { "; signals and abstract sockets limited to the test's own processes" } else { "" }
            ),
            Err(why) => format!("NOT enforced: filesystem: not confined ({why}); tests can read whatever the user running kata can read"),
        });
        lines.join("\n")
    }
}

/// The machine's capabilities, probed on first use.
pub fn capabilities() -> &'static Capabilities {
    static CAPS: OnceLock<Capabilities> = OnceLock::new();
    CAPS.get_or_init(probe)
}

#[cfg(target_os = "linux")]
fn probe() -> Capabilities {
    // SAFETY: plain syscall.
    let root = unsafe { libc::geteuid() } == 0;
    Capabilities {
        network: probe_network(root),
        landlock: landlock::abi(),
        pids_cgroup: cgroup::probe(),
        root,
        namespaces: view::probe(),
    }
}

#[cfg(not(target_os = "linux"))]
fn probe() -> Capabilities {
    let why = "only Linux offers it".to_string();
    Capabilities {
        network: Network::Off(why.clone()),
        landlock: Err(why.clone()),
        pids_cgroup: Err(why.clone()),
        root: false,
        namespaces: Err(why),
    }
}

/// Tries the namespaces in a forked child, which only calls `unshare` and `_exit`.
#[cfg(target_os = "linux")]
fn probe_network(root: bool) -> Network {
    let flags = if root {
        libc::CLONE_NEWNET
    } else {
        libc::CLONE_NEWUSER | libc::CLONE_NEWNET
    };
    // SAFETY: the child makes only async-signal-safe calls before `_exit`.
    let ok = unsafe {
        match libc::fork() {
            -1 => false,
            0 => libc::_exit(if libc::unshare(flags) == 0 { 0 } else { 1 }),
            pid => {
                let mut status = 0;
                libc::waitpid(pid, &mut status, 0) == pid
                    && libc::WIFEXITED(status)
                    && libc::WEXITSTATUS(status) == 0
            }
        }
    };
    match (ok, root) {
        (true, true) => Network::Namespace,
        (true, false) => Network::UserNamespace,
        (false, true) => Network::Off("the kernel refused a network namespace".into()),
        (false, false) => {
            Network::Off("the kernel does not let unprivileged users create user namespaces".into())
        }
    }
}

#[cfg(target_os = "linux")]
fn view_id() -> u32 {
    view::INSIDE_ID
}

#[cfg(not(target_os = "linux"))]
fn view_id() -> u32 {
    0
}

/// Where `RLIMIT_NPROC` is set, and to what.
#[derive(Debug, Clone, Copy)]
enum NprocLimit {
    /// Before anything else: counts every process of the user.
    Outside(u64),
    /// Inside the test's own user namespace (Linux 5.14+ counts processes per user namespace),
    /// where it counts the test's processes only, and binds even when kata runs as root.
    InNamespace(u64),
}

/// Everything a child needs to confine itself, prepared in the parent.
pub struct Prepared {
    limits: Limits,
    nproc: Option<NprocLimit>,
    net_flags: libc::c_int,
    ruleset: Option<OwnedFd>,
    cgroup: Option<cgroup::Group>,
    #[cfg(target_os = "linux")]
    view: Option<view::View>,
    abi: u32,
}

impl Prepared {
    /// Opens the Landlock ruleset and creates the test's cgroup. A measure the machine does not
    /// offer is skipped, as `--explain-sandbox` says; one it offers but that fails here is an
    /// error, so a test never runs with less confinement than reported.
    pub fn new(
        limits: Limits,
        confinement: Option<&Confinement>,
        cwd: &Path,
    ) -> io::Result<Prepared> {
        let caps = capabilities();
        #[cfg(target_os = "linux")]
        let net_flags = match caps.network {
            Network::Namespace => libc::CLONE_NEWNET,
            Network::UserNamespace => libc::CLONE_NEWUSER | libc::CLONE_NEWNET,
            Network::Off(_) => 0,
        };
        #[cfg(not(target_os = "linux"))]
        let net_flags = 0;
        let ruleset = match (&caps.landlock, confinement) {
            (Ok(abi), Some(confinement)) => Some(landlock::ruleset(*abi, confinement)?),
            _ => None,
        };
        let cgroup = match &caps.pids_cgroup {
            Ok(dir) => Some(cgroup::Group::create(dir, limits.processes)?),
            Err(_) => None,
        };
        let in_namespace = caps.namespaces.is_ok() && confinement.is_some();
        let nproc = match (&cgroup, caps.root, in_namespace) {
            (None, _, true) => Some(NprocLimit::InNamespace(limits.processes)),
            (None, false, false) => Some(NprocLimit::Outside(nproc_budget(limits.processes))),
            _ => None,
        };
        // The namespaces come with confinement: an unconfined process (the runner's own
        // helpers) keeps the host's view.
        #[cfg(target_os = "linux")]
        let view = match (&caps.namespaces, confinement) {
            (Ok(()), Some(confinement)) => Some(view::View::new(Some(confinement), Some(cwd))?),
            _ => None,
        };
        #[cfg(not(target_os = "linux"))]
        let _ = cwd;
        Ok(Prepared {
            limits,
            nproc,
            net_flags,
            ruleset,
            cgroup,
            #[cfg(target_os = "linux")]
            view,
            abi: *caps.landlock.as_ref().unwrap_or(&0),
        })
    }

    /// Confines the calling process. Runs in the child between fork and exec.
    ///
    /// # Safety
    /// Only async-signal-safe system calls are made, on values prepared by [`Prepared::new`].
    pub unsafe fn enter(&self) -> io::Result<()> {
        set_limit(libc::RLIMIT_CORE, 0);
        set_limit(libc::RLIMIT_AS, self.limits.memory);
        set_limit(libc::RLIMIT_FSIZE, self.limits.file_size);
        if let Some(NprocLimit::Outside(nproc)) = self.nproc {
            set_limit(libc::RLIMIT_NPROC, nproc);
        }
        if let Some(group) = &self.cgroup {
            group.join()?;
        }
        #[cfg(target_os = "linux")]
        if let Some(view) = &self.view {
            let ruleset = self.ruleset.as_ref().map(|r| r.as_raw_fd());
            let abi = self.abi;
            let nproc = match self.nproc {
                Some(NprocLimit::InNamespace(n)) => Some(n),
                _ => None,
            };
            view.enter(self.net_flags != 0, nproc, &|| match ruleset {
                Some(ruleset) => landlock::allow_read(ruleset, abi, c"/proc"),
                None => Ok(()),
            })?;
        } else if self.net_flags != 0 {
            if libc::unshare(self.net_flags) != 0 {
                return Err(io::Error::last_os_error());
            }
            loopback_up();
        }
        if let Some(ruleset) = &self.ruleset {
            landlock::restrict_self(ruleset.as_raw_fd())?;
        }
        Ok(())
    }

    /// Kills every process the test left behind in its cgroup and removes the cgroup.
    pub fn finish(&self) {
        if let Some(group) = &self.cgroup {
            group.kill_all_and_remove();
        }
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Confines the calling process itself to `confinement` with Landlock, for the rest of its life
/// and that of every program it then executes (the build wrapper, before it becomes rustc).
/// Returns whether Landlock was entered; without Landlock nothing changes.
pub fn confine_self(confinement: &Confinement) -> io::Result<bool> {
    // Only Landlock is probed: the wrapper runs once per rustc, and needs no other measure.
    let Ok(abi) = landlock::abi() else {
        return Ok(false);
    };
    let ruleset = landlock::ruleset(abi, confinement)?;
    // SAFETY: two system calls on a descriptor this function owns.
    unsafe { landlock::restrict_self(ruleset.as_raw_fd())? };
    Ok(true)
}

/// `RLIMIT_NPROC` counts every task of the real user, so the budget is what the user ran when
/// this process started testing plus what one test may add.
fn nproc_budget(processes: u64) -> u64 {
    static BASE: OnceLock<u64> = OnceLock::new();
    *BASE.get_or_init(user_tasks) + processes
}

fn user_tasks() -> u64 {
    // SAFETY: plain syscall.
    let uid = unsafe { libc::getuid() };
    let mut tasks = 0u64;
    if let Ok(entries) = fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let path = entry.path();
            let owned = fs::metadata(&path)
                .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == uid)
                .unwrap_or(false);
            if owned
                && path
                    .file_name()
                    .is_some_and(|n| n.as_bytes()[0].is_ascii_digit())
            {
                tasks += fs::read_dir(path.join("task")).map_or(1, |t| t.count() as u64);
            }
        }
    }
    tasks
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
type Resource = libc::c_int;

unsafe fn set_limit(resource: Resource, value: u64) {
    let limit = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    libc::setrlimit(resource, &limit);
}

/// A fresh network namespace has a loopback interface that is down; bring it up so a test can
/// talk to itself (a test server on 127.0.0.1) while the host's network stays out of reach.
#[cfg(target_os = "linux")]
unsafe fn loopback_up() {
    #[repr(C)]
    struct IfReq {
        name: [u8; libc::IFNAMSIZ],
        flags: libc::c_short,
        _pad: [u8; 22],
    }
    let socket = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
    if socket < 0 {
        return;
    }
    let mut request = IfReq {
        name: [0; libc::IFNAMSIZ],
        flags: 0,
        _pad: [0; 22],
    };
    request.name[..2].copy_from_slice(b"lo");
    if libc::ioctl(socket, libc::SIOCGIFFLAGS, &mut request) == 0 {
        request.flags |= libc::IFF_UP as libc::c_short;
        libc::ioctl(socket, libc::SIOCSIFFLAGS, &request);
    }
    libc::close(socket);
}

fn path_cstring(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path with a NUL byte"))
}

#[cfg(not(target_os = "linux"))]
mod landlock {
    //! Landlock is Linux's; elsewhere there is nothing to enter.

    use super::*;

    pub fn abi() -> std::result::Result<u32, String> {
        Err("only Linux has Landlock".into())
    }

    pub fn ruleset(_abi: u32, _confinement: &Confinement) -> io::Result<OwnedFd> {
        Err(io::ErrorKind::Unsupported.into())
    }

    pub unsafe fn restrict_self(_ruleset: libc::c_int) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(target_os = "linux")]
mod landlock {
    //! Landlock through its three system calls (the kernel's uapi, `linux/landlock.h`).

    use super::*;

    const CREATE_RULESET_VERSION: u32 = 1;
    const RULE_PATH_BENEATH: libc::c_int = 1;

    const EXECUTE: u64 = 1 << 0;
    const WRITE_FILE: u64 = 1 << 1;
    const READ_FILE: u64 = 1 << 2;
    const READ_DIR: u64 = 1 << 3;
    const REFER: u64 = 1 << 13;
    const TRUNCATE: u64 = 1 << 14;
    const IOCTL_DEV: u64 = 1 << 15;
    /// Every right of ABI 1: execute, read and write files, read, remove and make entries.
    const ABI1_ALL: u64 = (1 << 13) - 1;
    const BIND_TCP: u64 = 1 << 0;
    const CONNECT_TCP: u64 = 1 << 1;
    const SCOPE_ABSTRACT_UNIX_SOCKET: u64 = 1 << 0;
    const SCOPE_SIGNAL: u64 = 1 << 1;

    #[repr(C)]
    struct RulesetAttr {
        handled_access_fs: u64,
        handled_access_net: u64,
        scoped: u64,
    }

    #[repr(C, packed)]
    struct PathBeneathAttr {
        allowed_access: u64,
        parent_fd: i32,
    }

    /// What the system's programs need to start: libraries, loader configuration, devices, and
    /// the read-only views of /proc and /sys that std and glibc consult.
    const SYSTEM_READ: &[&str] = &[
        "/usr",
        "/lib",
        "/lib32",
        "/lib64",
        "/bin",
        "/sbin",
        "/etc/ld.so.cache",
        "/etc/ld.so.conf",
        "/etc/ld.so.conf.d",
        "/etc/localtime",
        "/etc/nsswitch.conf",
        "/etc/hosts",
        "/etc/passwd",
        "/etc/group",
        "/proc",
        "/sys/devices/system/cpu",
        "/sys/fs/cgroup",
    ];
    const DEVICES: &[&str] = &[
        "/dev/null",
        "/dev/zero",
        "/dev/full",
        "/dev/random",
        "/dev/urandom",
    ];

    pub fn abi() -> std::result::Result<u32, String> {
        // SAFETY: the version query takes no pointers.
        let abi = unsafe {
            libc::syscall(
                libc::SYS_landlock_create_ruleset,
                std::ptr::null::<RulesetAttr>(),
                0usize,
                CREATE_RULESET_VERSION,
            )
        };
        if abi < 1 {
            let error = io::Error::last_os_error();
            return Err(match error.raw_os_error() {
                Some(libc::ENOSYS) => "this kernel has no Landlock".into(),
                Some(libc::EOPNOTSUPP) => "Landlock is disabled at boot (add it to lsm=)".into(),
                _ => format!("Landlock is unavailable: {error}"),
            });
        }
        Ok(abi as u32)
    }

    fn handled(abi: u32) -> u64 {
        let mut all = ABI1_ALL;
        if abi >= 2 {
            all |= REFER;
        }
        if abi >= 3 {
            all |= TRUNCATE;
        }
        if abi >= 5 {
            all |= IOCTL_DEV;
        }
        all
    }

    /// A ruleset granting the confinement's paths and the system's, ready to be entered.
    pub fn ruleset(abi: u32, confinement: &Confinement) -> io::Result<OwnedFd> {
        let handled = handled(abi);
        let attr = RulesetAttr {
            handled_access_fs: handled,
            handled_access_net: if confinement.no_tcp && abi >= 4 {
                BIND_TCP | CONNECT_TCP
            } else {
                0
            },
            scoped: if abi >= 6 {
                SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
            } else {
                0
            },
        };
        // Older kernels know a shorter struct and refuse a longer one with unknown fields set.
        let size = match abi {
            1..=3 => 8,
            4 | 5 => 16,
            _ => std::mem::size_of::<RulesetAttr>(),
        };
        // SAFETY: `attr` outlives the call and `size` does not exceed it.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_landlock_create_ruleset,
                &attr as *const RulesetAttr,
                size,
                0u32,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the kernel just returned this descriptor, and it is ours alone.
        let ruleset = unsafe { OwnedFd::from_raw_fd(fd as i32) };
        let file_rights = EXECUTE | READ_FILE | WRITE_FILE | (handled & (TRUNCATE | IOCTL_DEV));
        let read = EXECUTE | READ_FILE | READ_DIR;
        let rw_file = READ_FILE | WRITE_FILE | (handled & TRUNCATE);
        let mut rules: Vec<(&Path, u64)> =
            SYSTEM_READ.iter().map(|p| (Path::new(*p), read)).collect();
        rules.extend(
            DEVICES
                .iter()
                .map(|p| (Path::new(*p), READ_FILE | WRITE_FILE)),
        );
        rules.push((&confinement.exe, EXECUTE | READ_FILE));
        rules.extend(confinement.readable.iter().map(|p| (p.as_path(), read)));
        rules.extend(
            confinement
                .writable_dirs
                .iter()
                .map(|d| (d.as_path(), handled)),
        );
        rules.extend(
            confinement
                .writable_files
                .iter()
                .map(|f| (f.as_path(), rw_file)),
        );
        for (path, rights) in rules {
            let Ok(target) = open_path(path) else {
                continue; // absent on this system (/lib32, /etc/hosts, …)
            };
            let is_dir = target.metadata().map(|m| m.is_dir()).unwrap_or(false);
            let rule = PathBeneathAttr {
                // Rules on a file may only carry rights that apply to files.
                allowed_access: if is_dir { rights } else { rights & file_rights } & handled,
                parent_fd: target.as_raw_fd(),
            };
            // SAFETY: both descriptors are open and `rule` outlives the call.
            let added = unsafe {
                libc::syscall(
                    libc::SYS_landlock_add_rule,
                    ruleset.as_raw_fd(),
                    RULE_PATH_BENEATH,
                    &rule as *const PathBeneathAttr,
                    0u32,
                )
            };
            if added != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(ruleset)
    }

    /// Opens `path` for reference only (`O_PATH`): enough for a rule, and never blocks.
    fn open_path(path: &Path) -> io::Result<fs::File> {
        let name = path_cstring(path)?;
        // SAFETY: `name` is a valid C string.
        let fd = unsafe { libc::open(name.as_ptr(), libc::O_PATH | libc::O_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the descriptor was just opened and is ours alone.
        Ok(unsafe { fs::File::from_raw_fd(fd) })
    }

    /// Lets the ruleset read below `path` (the private `/proc` a test's PID namespace mounts
    /// after the ruleset was made).
    ///
    /// # Safety
    /// Async-signal-safe: `open`, one system call, `close`.
    pub unsafe fn allow_read(
        ruleset: libc::c_int,
        abi: u32,
        path: &std::ffi::CStr,
    ) -> io::Result<()> {
        let fd = libc::open(path.as_ptr(), libc::O_PATH | libc::O_CLOEXEC);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let rule = PathBeneathAttr {
            allowed_access: (EXECUTE | READ_FILE | READ_DIR) & handled(abi),
            parent_fd: fd,
        };
        let added = libc::syscall(
            libc::SYS_landlock_add_rule,
            ruleset,
            RULE_PATH_BENEATH,
            &rule as *const PathBeneathAttr,
            0u32,
        );
        libc::close(fd);
        if added != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Enters the ruleset: from here on, this process and its children see only what it grants.
    ///
    /// # Safety
    /// Async-signal-safe: two system calls.
    pub unsafe fn restrict_self(ruleset: libc::c_int) -> io::Result<()> {
        if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::syscall(libc::SYS_landlock_restrict_self, ruleset, 0u32) != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

mod cgroup {
    //! One cgroup (v1 `pids` controller) per test.

    use super::*;

    const PIDS_ROOT: &str = "/sys/fs/cgroup/pids";

    /// The directory test cgroups are created under: this process's own pids cgroup.
    pub fn probe() -> std::result::Result<PathBuf, String> {
        // For the runner's own tests of the fallbacks, on machines that have the cgroup.
        if std::env::var_os("KATA_SANDBOX_NO_CGROUP").is_some() {
            return Err("turned off by KATA_SANDBOX_NO_CGROUP".into());
        }
        let root = Path::new(PIDS_ROOT);
        if !root.join("cgroup.procs").is_file() {
            return Err("no cgroup v1 pids controller at /sys/fs/cgroup/pids".into());
        }
        let own = fs::read_to_string("/proc/self/cgroup")
            .ok()
            .and_then(|text| {
                text.lines().find_map(|line| {
                    let mut parts = line.splitn(3, ':');
                    let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
                    controllers
                        .split(',')
                        .any(|c| c == "pids")
                        .then(|| path.trim_start_matches('/').to_string())
                })
            })
            .unwrap_or_default();
        let base = root.join(own);
        remove_stale(&base);
        let trial = base.join(format!("kata-probe-{}", std::process::id()));
        match fs::create_dir(&trial) {
            Ok(()) => {
                let _ = fs::remove_dir(&trial);
                Ok(base)
            }
            Err(e) => Err(format!(
                "cannot create a pids cgroup under {}: {e}",
                base.display()
            )),
        }
    }

    /// Test cgroups of `kata` processes that are gone (killed before they could clean up).
    fn remove_stale(base: &Path) {
        let Ok(entries) = fs::read_dir(base) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = name
                .strip_prefix("kata-")
                .and_then(|rest| rest.split('-').next())
                .and_then(|pid| pid.parse::<u32>().ok())
            else {
                continue;
            };
            if !Path::new("/proc").join(pid.to_string()).exists() {
                kill_cgroup(&entry.path());
            }
        }
    }

    pub struct Group {
        dir: PathBuf,
        procs: fs::File,
    }

    impl Group {
        pub fn create(base: &Path, processes: u64) -> io::Result<Group> {
            static NEXT: AtomicU64 = AtomicU64::new(0);
            let dir = base.join(format!(
                "kata-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            fs::create_dir(&dir)?;
            let group = (|| {
                fs::write(dir.join("pids.max"), processes.to_string())?;
                let procs = fs::OpenOptions::new()
                    .write(true)
                    .open(dir.join("cgroup.procs"))?;
                Ok(Group {
                    dir: dir.clone(),
                    procs,
                })
            })();
            match &group {
                Ok(_) => crate::cleanup::register_cgroup(&dir),
                Err(_) => {
                    let _ = fs::remove_dir(&dir);
                }
            }
            group
        }

        /// Moves the calling process into the group ("0" names the writer).
        ///
        /// # Safety
        /// Async-signal-safe: one `write`.
        pub unsafe fn join(&self) -> io::Result<()> {
            if libc::write(self.procs.as_raw_fd(), b"0".as_ptr().cast(), 1) != 1 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        }

        pub fn kill_all_and_remove(&self) {
            kill_cgroup(&self.dir);
            crate::cleanup::unregister_cgroup(&self.dir);
        }
    }

    /// Kills every process in the cgroup at `dir` until none is left, then removes it. Also
    /// used by the interrupt cleanup.
    pub fn kill_cgroup(dir: &Path) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let pids = fs::read_to_string(dir.join("cgroup.procs")).unwrap_or_default();
            let mut any = false;
            for pid in pids
                .lines()
                .filter_map(|l| l.trim().parse::<libc::pid_t>().ok())
            {
                any = true;
                // SAFETY: plain syscall; a process already gone gives ESRCH.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
            if (!any && fs::remove_dir(dir).is_ok()) || !dir.exists() || Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

pub use cgroup::kill_cgroup;

#[cfg(target_os = "linux")]
mod view {
    //! A test's own view of the machine: a user namespace in which it is uid 1000 without
    //! capabilities, its own PID namespace with a private `/proc`, and a mount namespace in
    //! which the host's socket folders (`/tmp`, `/run`, `/var/run`, `/var/tmp`, `/dev/shm`,
    //! home) are empty tmpfs, with only the test's own files bound back in at their paths.
    //!
    //! Everything is prepared in the parent ([`View::new`]); [`View::enter`] runs between fork
    //! and exec and makes only system calls.

    use super::*;

    /// The uid and gid a test has inside its user namespace.
    pub const INSIDE_ID: u32 = 1000;

    const HIDDEN: &[&str] = &[
        "/tmp", "/run", "/var/run", "/var/tmp", "/dev/shm", "/home", "/root",
    ];

    /// Whether the kernel lets this process create the namespaces (probed in a child).
    pub fn probe() -> std::result::Result<(), String> {
        let flags = libc::CLONE_NEWUSER | libc::CLONE_NEWNS | libc::CLONE_NEWPID;
        // SAFETY: the child makes only async-signal-safe calls before `_exit`.
        let ok = unsafe {
            match libc::fork() {
                -1 => false,
                0 => libc::_exit(if libc::unshare(flags) == 0 { 0 } else { 1 }),
                pid => {
                    let mut status = 0;
                    libc::waitpid(pid, &mut status, 0) == pid
                        && libc::WIFEXITED(status)
                        && libc::WEXITSTATUS(status) == 0
                }
            }
        };
        match ok {
            true => Ok(()),
            false => Err("the kernel refused a user namespace (on Ubuntu, AppArmor restricts them for unprivileged users: run as root, e.g. with sudo)".into()),
        }
    }

    /// A file or folder of the test's, bound back in after its parent was hidden.
    struct Bind {
        /// The descriptor the path is opened as in the child, once in the new mount namespace
        /// (a bind mount's source must be in the namespace it is mounted into).
        fd: libc::c_int,
        /// `/proc/self/fd/N` of `fd`.
        from: CString,
        target: CString,
        /// Folders to create, outermost first, below the hidden folder.
        parents: Vec<CString>,
        dir: bool,
    }

    pub struct View {
        uid_map: Vec<u8>,
        gid_map: Vec<u8>,
        hidden: Vec<CString>,
        binds: Vec<Bind>,
        cwd: Option<CString>,
    }

    fn cstr(text: &str) -> CString {
        CString::new(text).expect("no NUL in a fixed path")
    }

    impl View {
        pub fn new(confinement: Option<&Confinement>, cwd: Option<&Path>) -> io::Result<View> {
            // SAFETY: plain syscalls.
            let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
            let hidden_paths: Vec<PathBuf> = HIDDEN
                .iter()
                .map(PathBuf::from)
                // A symbolic link (`/var/run` → `/run`) is covered by its target.
                .filter(|p| fs::symlink_metadata(p).map(|m| m.is_dir()).unwrap_or(false))
                .collect();
            let mut binds = Vec::new();
            let mut wanted: Vec<PathBuf> = Vec::new();
            if let Some(c) = confinement {
                wanted.push(c.exe.clone());
                wanted.extend(c.writable_dirs.iter().cloned());
                wanted.extend(c.writable_files.iter().cloned());
                wanted.extend(c.readable.iter().cloned());
            }
            for path in wanted {
                let Some(hidden) = hidden_paths.iter().find(|h| path.starts_with(h)) else {
                    continue;
                };
                let dir = fs::metadata(&path)?.is_dir();
                let mut parents = Vec::new();
                let mut current = hidden.clone();
                let below = path.strip_prefix(hidden).unwrap_or(Path::new(""));
                let components: Vec<_> = below.components().collect();
                for (i, part) in components.iter().enumerate() {
                    current.push(part);
                    if i + 1 < components.len() || dir {
                        parents.push(path_cstring(&current)?);
                    }
                }
                // High and fixed, so the path naming it can be written now.
                let fd = 900 + binds.len() as libc::c_int;
                binds.push(Bind {
                    fd,
                    from: cstr(&format!("/proc/self/fd/{fd}")),
                    target: path_cstring(&path)?,
                    parents,
                    dir,
                });
            }
            Ok(View {
                uid_map: format!("{INSIDE_ID} {uid} 1\n").into_bytes(),
                gid_map: format!("{INSIDE_ID} {gid} 1\n").into_bytes(),
                hidden: hidden_paths
                    .iter()
                    .map(|p| path_cstring(p))
                    .collect::<io::Result<_>>()?,
                binds,
                cwd: cwd.map(path_cstring).transpose()?,
            })
        }

        /// Enters the namespaces. Returns in the test's process (pid 2 of the new PID
        /// namespace); the processes in between wait for it and end as it ends.
        ///
        /// # Safety
        /// Only system calls, on values prepared by [`View::new`].
        pub unsafe fn enter(
            &self,
            net: bool,
            nproc: Option<u64>,
            proc_rule: &dyn Fn() -> io::Result<()>,
        ) -> io::Result<()> {
            let mut flags =
                libc::CLONE_NEWUSER | libc::CLONE_NEWNS | libc::CLONE_NEWPID | libc::CLONE_NEWIPC;
            if net {
                flags |= libc::CLONE_NEWNET;
            }
            check(libc::unshare(flags))?;
            write_file(c"/proc/self/setgroups", b"deny")?;
            write_file(c"/proc/self/uid_map", &self.uid_map)?;
            write_file(c"/proc/self/gid_map", &self.gid_map)?;
            if let Some(processes) = nproc {
                // Set after the namespace exists, so the host-side count keeps its old limit;
                // two more for the namespace's init and the process that waits for it.
                set_limit(libc::RLIMIT_NPROC, processes + 2);
            }
            if net {
                loopback_up();
            }
            check(libc::mount(
                std::ptr::null(),
                c"/".as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            ))?;
            for bind in &self.binds {
                let fd = check(libc::open(
                    bind.target.as_ptr(),
                    libc::O_PATH | libc::O_CLOEXEC,
                ))?;
                check(libc::dup3(fd, bind.fd, libc::O_CLOEXEC))?;
                libc::close(fd);
            }
            for dir in &self.hidden {
                check(libc::mount(
                    c"tmpfs".as_ptr(),
                    dir.as_ptr(),
                    c"tmpfs".as_ptr(),
                    libc::MS_NOSUID | libc::MS_NODEV,
                    c"mode=755,size=1m".as_ptr().cast(),
                ))?;
            }
            for bind in &self.binds {
                for parent in &bind.parents {
                    libc::mkdir(parent.as_ptr(), 0o755);
                }
                if !bind.dir {
                    let fd = libc::open(
                        bind.target.as_ptr(),
                        libc::O_CREAT | libc::O_WRONLY | libc::O_CLOEXEC,
                        0o644,
                    );
                    check(fd)?;
                    libc::close(fd);
                }
                check(libc::mount(
                    bind.from.as_ptr(),
                    bind.target.as_ptr(),
                    std::ptr::null(),
                    libc::MS_BIND,
                    std::ptr::null(),
                ))?;
                libc::close(bind.fd);
            }
            // The caller cannot enter the new PID namespace, only its children: the first one
            // is the namespace's init, which mounts its /proc, starts the test and waits for it.
            let mut status_pipe = [0; 2];
            check(libc::pipe2(status_pipe.as_mut_ptr(), libc::O_CLOEXEC))?;
            match check(libc::fork())? {
                0 => {}
                init => {
                    // Every other descriptor (std's exec-error pipe among them) must close when
                    // the test executes, not when this process ends.
                    close_all_but(status_pipe[0]);
                    relay(init, status_pipe[0]);
                }
            }
            libc::close(status_pipe[0]);
            check(libc::mount(
                c"proc".as_ptr(),
                c"/proc".as_ptr(),
                c"proc".as_ptr(),
                libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
                std::ptr::null(),
            ))?;
            match check(libc::fork())? {
                0 => {}
                test => {
                    close_all_but(status_pipe[1]);
                    let mut status = 0;
                    wait_for(test, &mut status);
                    libc::write(status_pipe[1], (&status as *const i32).cast(), 4);
                    libc::_exit(0);
                }
            }
            libc::close(status_pipe[1]);
            if let Some(cwd) = &self.cwd {
                check(libc::chdir(cwd.as_ptr()))?;
            }
            proc_rule()
        }
    }

    /// The process outside the namespace: waits for init and ends the way the test ended.
    unsafe fn relay(init: libc::pid_t, status_pipe: libc::c_int) -> ! {
        let mut status: i32 = 0;
        let got = libc::read(status_pipe, (&mut status as *mut i32).cast(), 4);
        let mut init_status = 0;
        wait_for(init, &mut init_status);
        if got != 4 {
            // Init died without a word: killed with everything in its namespace.
            status = init_status;
        }
        if libc::WIFSIGNALED(status) {
            let signal = libc::WTERMSIG(status);
            libc::signal(signal, libc::SIG_DFL);
            libc::kill(libc::getpid(), signal);
            libc::_exit(128 + signal);
        }
        libc::_exit(libc::WEXITSTATUS(status))
    }

    unsafe fn wait_for(pid: libc::pid_t, status: &mut libc::c_int) {
        while libc::waitpid(pid, status, 0) < 0
            && io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)
        {}
    }

    unsafe fn close_all_but(keep: libc::c_int) {
        for fd in 0..1024 {
            if fd != keep {
                libc::close(fd);
            }
        }
    }

    unsafe fn write_file(path: &std::ffi::CStr, bytes: &[u8]) -> io::Result<()> {
        let fd = check(libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC))?;
        let written = libc::write(fd, bytes.as_ptr().cast(), bytes.len());
        libc::close(fd);
        if written != bytes.len() as isize {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    fn check(result: libc::c_int) -> io::Result<libc::c_int> {
        if result < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(result)
        }
    }
}
