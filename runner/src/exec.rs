//! Running one untrusted process under a wall-clock limit, with its output captured and capped.
//!
//! Each process gets its own process group, so that when it ends or times out everything it
//! started is killed with it. stdout and stderr are read on their own threads and kept up to a cap;
//! the rest is drained so the child never blocks on a full pipe. This module knows nothing about
//! katas, libtest or verdicts: it reports how the process ended. How a process is confined
//! (limits, namespaces, Landlock, cgroup) is [`crate::sandbox`]'s business; this module applies
//! it between fork and exec and reports which limit ended the process.
//!
//! std's `Command` is used here rather than duct because the runner needs the process group, the
//! pre-exec resource limits and byte caps on the pipes, none of which duct exposes.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::sandbox::{Confinement, Limits, Prepared};

/// Bytes of each output stream kept for the report.
pub const OUTPUT_CAP: usize = 64 * 1024;

#[derive(Debug, Clone)]
pub struct Job {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub cwd: PathBuf,
    pub env: Vec<(String, String)>,
    pub time_limit: Duration,
    pub limits: Limits,
    /// The files the process may touch, where the platform can confine it.
    pub confinement: Option<Confinement>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    Exited(i32),
    Signalled(i32),
    TimedOut,
    /// Stopped for writing more than [`Limits::output`] bytes to stdout and stderr.
    OutputLimit,
}

#[derive(Debug, Clone)]
pub struct Finished {
    pub ending: Ending,
    pub duration: Duration,
    pub stdout: Captured,
    pub stderr: Captured,
}

/// One output stream: the first [`OUTPUT_CAP`] bytes, and how many more were thrown away.
#[derive(Debug, Clone, Default)]
pub struct Captured {
    pub bytes: Vec<u8>,
    pub cut: u64,
}

impl Captured {
    /// The text, lossily decoded, with a marker where bytes were cut.
    pub fn text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.bytes).into_owned();
        if self.cut > 0 {
            text.push_str(&format!("\n… {} bytes cut", self.cut));
        }
        text
    }
}

/// Runs `job` to its end or its time limit, and kills whatever it left behind.
pub fn run(job: &Job) -> Result<Finished> {
    let sandbox = Arc::new(
        Prepared::new(job.limits, job.confinement.as_ref(), &job.cwd)
            .map_err(Error::io("confining", &job.program))?,
    );
    let mut command = Command::new(&job.program);
    command
        .args(&job.args)
        .current_dir(&job.cwd)
        // Nothing of the caller's environment (tokens, credentials) reaches untrusted code.
        .env_clear()
        .envs(job.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    // SAFETY: `enter` makes only async-signal-safe system calls on values prepared above.
    unsafe {
        let sandbox = Arc::clone(&sandbox);
        command.pre_exec(move || sandbox.enter());
    }

    let start = Instant::now();
    let spawning = crate::cleanup::spawn_guard();
    let mut child = command.spawn().map_err(|source| Error::Spawn {
        program: job.program.display().to_string(),
        help: "the test executable could not be started; check that the temporary directory allows executables".into(),
        source,
    })?;
    let pgid = child.id() as libc::pid_t;
    crate::cleanup::register_group(pgid);
    drop(spawning);
    let flood = Arc::new(Flood {
        pgid,
        limit: job.limits.output,
        total: AtomicU64::new(0),
        hit: AtomicBool::new(false),
    });
    let reader = |stream: Option<Box<dyn Read + Send>>| {
        let flood = Arc::clone(&flood);
        stream.map(|s| thread::spawn(move || capture(s, &flood)))
    };
    let stdout = reader(child.stdout.take().map(|s| Box::new(s) as _));
    let stderr = reader(child.stderr.take().map(|s| Box::new(s) as _));

    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let status = child.wait();
        let _ = tx.send(());
        status
    });
    let timed_out = rx.recv_timeout(job.time_limit).is_err();
    if timed_out {
        kill_group(pgid);
    }
    let status = waiter
        .join()
        .expect("the waiter thread does not panic")
        .map_err(Error::io("waiting for", &job.program))?;
    let duration = start.elapsed();
    // Children the test started may still hold the pipes open; end them so the readers finish.
    kill_group(pgid);
    sandbox.finish();
    crate::cleanup::unregister_group(pgid);

    let collect = |handle: Option<thread::JoinHandle<Captured>>| {
        handle
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default()
    };
    let ending = if flood.hit.load(Ordering::SeqCst) {
        Ending::OutputLimit
    } else if timed_out {
        Ending::TimedOut
    } else if let Some(code) = status.code() {
        Ending::Exited(code)
    } else {
        Ending::Signalled(status.signal().unwrap_or(0))
    };
    Ok(Finished {
        ending,
        duration,
        stdout: collect(stdout),
        stderr: collect(stderr),
    })
}

/// The output both streams of one process have produced, and the group to stop past the limit.
struct Flood {
    pgid: libc::pid_t,
    limit: u64,
    total: AtomicU64,
    hit: AtomicBool,
}

fn kill_group(pgid: libc::pid_t) {
    // SAFETY: plain syscall; a group that is already gone gives ESRCH, which is fine.
    unsafe {
        libc::killpg(pgid, libc::SIGKILL);
    }
}

fn capture(mut stream: impl Read, flood: &Flood) -> Captured {
    let mut captured = Captured::default();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = OUTPUT_CAP.saturating_sub(captured.bytes.len());
                let keep = n.min(room);
                captured.bytes.extend_from_slice(&buf[..keep]);
                captured.cut += (n - keep) as u64;
                let total = flood.total.fetch_add(n as u64, Ordering::SeqCst) + n as u64;
                if total > flood.limit && !flood.hit.swap(true, Ordering::SeqCst) {
                    kill_group(flood.pgid);
                }
            }
        }
    }
    captured
}

/// A signal's conventional name, for verdicts.
pub fn signal_name(signal: i32) -> &'static str {
    match signal {
        libc::SIGABRT => "SIGABRT",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        libc::SIGKILL => "SIGKILL",
        libc::SIGTERM => "SIGTERM",
        libc::SIGXCPU => "SIGXCPU",
        libc::SIGXFSZ => "SIGXFSZ",
        libc::SIGPIPE => "SIGPIPE",
        _ => "a signal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, limit_ms: u64) -> Finished {
        sh_in(script, limit_ms, Limits::default(), None)
    }

    fn sh_in(
        script: &str,
        limit_ms: u64,
        limits: Limits,
        confinement: Option<Confinement>,
    ) -> Finished {
        let cwd = confinement
            .as_ref()
            .and_then(|c| c.writable_dirs.first().cloned())
            .unwrap_or_else(std::env::temp_dir);
        run(&Job {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            cwd,
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
            time_limit: Duration::from_millis(limit_ms),
            limits,
            confinement,
        })
        .unwrap()
    }

    /// A confinement to `dir`, running the shell.
    fn confined_to(dir: &std::path::Path) -> Option<Confinement> {
        Some(Confinement {
            exe: "/bin/sh".into(),
            writable_dirs: vec![dir.to_path_buf()],
            writable_files: Vec::new(),
            ..Confinement::default()
        })
    }

    #[test]
    fn a_flood_of_output_is_stopped_at_the_output_limit() {
        let limits = Limits {
            output: 1 << 20,
            ..Limits::default()
        };
        let done = sh_in("yes", 30_000, limits, None);
        assert_eq!(done.ending, Ending::OutputLimit);
        assert_eq!(done.stdout.bytes.len(), OUTPUT_CAP);
    }

    #[test]
    fn a_file_over_the_size_limit_ends_the_process() {
        let dir = tempfile::tempdir().unwrap();
        let limits = Limits {
            file_size: 1 << 20,
            ..Limits::default()
        };
        let done = sh_in(
            "exec head -c 2000000 /dev/zero > big",
            5000,
            limits,
            confined_to(dir.path()),
        );
        assert_eq!(done.ending, Ending::Signalled(libc::SIGXFSZ));
    }

    #[test]
    fn confinement_follows_what_the_machine_offers() {
        let caps = crate::sandbox::capabilities();
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("own");
        std::fs::create_dir(&own).unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, "hidden").unwrap();
        let script = format!(
            "echo mine > {own}/file && cat {own}/file; cat {secret}; echo x > {outside}; readlink /proc/self/ns/net",
            own = own.display(),
            secret = secret.display(),
            outside = dir.path().join("outside").display(),
        );
        let done = sh_in(&script, 5000, Limits::default(), confined_to(&own));
        let out = done.stdout.text();
        assert!(out.starts_with("mine\n"), "{out}");
        let confined = caps.landlock.is_ok();
        assert_eq!(!out.contains("hidden"), confined, "{out}");
        assert_eq!(!dir.path().join("outside").exists(), confined);
        let own_net = std::fs::read_link("/proc/self/ns/net").unwrap();
        let isolated = !matches!(caps.network, crate::sandbox::Network::Off(_));
        assert_eq!(
            !out.contains(&*own_net.to_string_lossy()),
            isolated,
            "{out}"
        );
    }

    #[test]
    fn children_that_leave_the_process_group_are_killed_with_the_cgroup() {
        if crate::sandbox::capabilities().pids_cgroup.is_err() {
            return; // without a pids cgroup only the process group is killed (see the README)
        }
        let done = sh("setsid sleep 1000 & echo $!", 5000);
        let pid = done.stdout.text().trim().to_string();
        assert!(!pid.is_empty());
        // A killed child is a zombie until its new parent reaps it; either way it no longer runs.
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        assert!(state.is_empty() || state.contains(") Z"), "{state}");
    }

    #[test]
    fn exit_codes_and_output_are_reported() {
        let done = sh("echo out; echo err >&2; exit 3", 5000);
        assert_eq!(done.ending, Ending::Exited(3));
        assert_eq!(done.stdout.text(), "out\n");
        assert_eq!(done.stderr.text(), "err\n");
    }

    #[test]
    fn a_process_over_its_limit_is_killed_with_its_children() {
        let done = sh("sleep 30 & sleep 30", 200);
        assert_eq!(done.ending, Ending::TimedOut);
        assert!(done.duration < Duration::from_secs(10));
    }

    #[test]
    fn background_children_do_not_keep_the_check_waiting() {
        // The shell exits at once but leaves a child holding stdout open.
        let done = sh("sleep 30 & echo started", 5000);
        assert_eq!(done.ending, Ending::Exited(0));
        assert_eq!(done.stdout.text(), "started\n");
    }

    #[test]
    fn signals_are_reported() {
        let done = sh("kill -ABRT $$", 5000);
        assert_eq!(done.ending, Ending::Signalled(libc::SIGABRT));
    }

    #[test]
    fn output_beyond_the_cap_is_drained_and_counted() {
        let done = sh("head -c 1000000 /dev/zero", 5000);
        assert_eq!(done.ending, Ending::Exited(0));
        assert_eq!(done.stdout.bytes.len(), OUTPUT_CAP);
        assert_eq!(done.stdout.cut, 1_000_000 - OUTPUT_CAP as u64);
        assert!(done
            .stdout
            .text()
            .ends_with(&format!("… {} bytes cut", 1_000_000 - OUTPUT_CAP)));
    }
}
