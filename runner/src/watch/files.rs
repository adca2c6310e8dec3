//! File events for watch mode: which saves reach the event loop, and how.
//!
//! Owns the choice between the platform's file notifications (inotify on Linux), polling, and no
//! watching at all, and the check that notifications really arrive. It knows nothing of katas:
//! it reports changed paths inside the watched folders and leaves deciding what they mean to the
//! session. Folders are watched, not files, because editors that save by writing a temporary file
//! and renaming it over the original replace the file a watch on it would follow.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

use super::Msg;

/// How long the first notification may take before watch mode concludes none will come.
pub const PROBE_WAIT: Duration = Duration::from_secs(2);

/// How often polling looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The file written once at start-up to see whether notifications are delivered.
const PROBE_FILE: &str = "watch-probe";

/// How file changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventMode {
    /// Notifications, falling back to polling where they are not delivered.
    Auto,
    /// Look at the files every [`POLL_INTERVAL`].
    Poll,
    /// No watching: the learner presses `r` to check.
    Manual,
}

/// A running watch; dropping it stops the events.
pub struct FileWatch {
    _watcher: Option<Box<dyn Watcher + Send>>,
    /// How saves are noticed, in words for the screen.
    pub description: String,
    /// The probe whose notification is still awaited, if any.
    pub probe: Option<PathBuf>,
}

/// Starts watching `dirs` (not recursively). `state_dir` receives the probe file. Returns the
/// watch and, when the mode had to change, a notice saying why.
pub fn start(
    mode: EventMode,
    dirs: &[PathBuf],
    state_dir: &Path,
    tx: &Sender<Msg>,
) -> (FileWatch, Option<String>) {
    match mode {
        EventMode::Manual => (manual(), None),
        EventMode::Poll => poll(dirs, tx, None),
        EventMode::Auto => {
            if let Some(kind) = remote_file_system(dirs.first().map_or(state_dir, |d| d)) {
                let why = format!(
                    "the workspace is on {kind}, where file notifications are often not delivered"
                );
                return poll(dirs, tx, Some(why));
            }
            match notifications(dirs, state_dir, tx) {
                Ok(watch) => (watch, None),
                Err(error) => poll(
                    dirs,
                    tx,
                    Some(format!("file notifications could not be set up ({error})")),
                ),
            }
        }
    }
}

fn manual() -> FileWatch {
    FileWatch {
        _watcher: None,
        description: "manual mode: press r to check".into(),
        probe: None,
    }
}

/// Polling, or manual mode if even polling cannot start. `why` explains a fallback.
pub fn poll(
    dirs: &[PathBuf],
    tx: &Sender<Msg>,
    why: Option<String>,
) -> (FileWatch, Option<String>) {
    let config = notify::Config::default()
        .with_poll_interval(POLL_INTERVAL)
        .with_compare_contents(true);
    let result = notify::PollWatcher::new(handler(tx.clone(), None), config).and_then(|mut w| {
        for dir in dirs {
            w.watch(dir, RecursiveMode::NonRecursive)?;
        }
        Ok(w)
    });
    let interval = POLL_INTERVAL.as_millis();
    match result {
        Ok(watcher) => (
            FileWatch {
                _watcher: Some(Box::new(watcher)),
                description: format!("polling every {interval} ms"),
                probe: None,
            },
            why.map(|why| {
                format!("{why}; checking for saves every {interval} ms instead (`--manual` turns watching off)")
            }),
        ),
        Err(error) => (
            manual(),
            Some(format!(
                "{}files cannot be watched ({error}); press r to check after saving",
                why.map(|w| format!("{w}, and ")).unwrap_or_default()
            )),
        ),
    }
}

fn notifications(
    dirs: &[PathBuf],
    state_dir: &Path,
    tx: &Sender<Msg>,
) -> notify::Result<FileWatch> {
    // The watcher reports absolute paths.
    let probe = state_dir
        .canonicalize()
        .unwrap_or_else(|_| state_dir.to_path_buf())
        .join(PROBE_FILE);
    let mut watcher = notify::recommended_watcher(handler(tx.clone(), Some(probe.clone())))?;
    for dir in dirs.iter().map(PathBuf::as_path).chain([state_dir]) {
        watcher.watch(dir, RecursiveMode::NonRecursive)?;
    }
    // A write the watcher must report; if it does not within PROBE_WAIT, the loop falls back to
    // polling. A failed write only means the probe cannot tell, so it is not an error.
    let _ = fs::write(
        &probe,
        b"watch mode checks that file notifications arrive\n",
    );
    let timer = tx.clone();
    std::thread::spawn(move || {
        std::thread::sleep(PROBE_WAIT);
        let _ = timer.send(Msg::ProbeTimeout);
    });
    Ok(FileWatch {
        _watcher: Some(Box::new(watcher)),
        description: "watching for saves".into(),
        probe: Some(probe),
    })
}

/// Turns notify's events into messages: a changed path, or the probe seen.
fn handler(tx: Sender<Msg>, probe: Option<PathBuf>) -> impl notify::EventHandler {
    move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let content_may_have_changed = match event.kind {
            EventKind::Create(_) | EventKind::Remove(_) => true,
            // Polling reports a newer modification time this way (and a changed content with
            // the same time as a data change); other metadata (permissions, owners) is not a save.
            EventKind::Modify(ModifyKind::Metadata(kind)) => kind == MetadataKind::WriteTime,
            EventKind::Modify(_) => true,
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            _ => false,
        };
        if !content_may_have_changed {
            return;
        }
        for path in event.paths {
            let msg = if probe.as_deref() == Some(path.as_path()) {
                Msg::ProbeSeen
            } else {
                Msg::Changed(path)
            };
            if tx.send(msg).is_err() {
                return;
            }
        }
    }
}

/// The name of a file system on which notifications are known to be unreliable.
///
/// The probe cannot catch these: a write made on this machine is reported, but a save made by an
/// editor on the other side of the share (the Windows side of WSL, say) is not.
fn remote_file_system(path: &Path) -> Option<&'static str> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
        let mut info: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: `name` is a valid C string and `info` a writable statfs.
        if unsafe { libc::statfs(name.as_ptr(), &mut info) } != 0 {
            return None;
        }
        // Magic numbers from statfs(2).
        match info.f_type as u64 {
            0x6969 => Some("NFS"),
            0x517B | 0xFF53_4D42 | 0xFE53_4D42 => Some("an SMB share"),
            0x0102_1997 => Some("a 9p mount (as WSL mounts Windows drives)"),
            _ => None,
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        None
    }
}
