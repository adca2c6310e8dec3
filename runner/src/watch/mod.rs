//! Watch mode: the practice loop a learner lives in — save, see the verdict, move on.
//!
//! One event loop owns all state. File events, keys and finished checks arrive as [`Msg`]s on one
//! channel; checks run on a worker thread so keys stay live while cargo works. Saves are
//! debounced, and a save during a running check leads to exactly one more check once it ends.
//! The [`Session`] decides; a [`screen::Screen`] (a terminal UI, or one line per verdict when
//! stdout is not a terminal) only renders it. Checking itself is the engine's, as in `kata check`.

pub mod files;
mod screen;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::catalogue::{read_text, Catalogue, Kata};
use crate::engine::{display_path, Engine};
use crate::error::{exit, Error, Result};
use crate::outcome::{Event, KataOutcome, KataStatus};
use crate::workspace::{track_dir, State, Workspace};

pub use files::EventMode;

/// Quiet time after a file event before checking: editors make several events per save.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// A steady stream of events (a file written continuously) still gets checked this often.
const DEBOUNCE_CAP: Duration = Duration::from_millis(250);

/// A file that vanished is given this long to reappear (a save by rename) before it is reported.
const MISSING_GRACE: Duration = Duration::from_millis(150);

#[derive(Debug, Clone, Copy)]
pub struct WatchOptions {
    /// Full-screen terminal UI; otherwise one line (or JSON document) per verdict.
    pub interactive: bool,
    /// One JSON document per check on stdout, one per line.
    pub json: bool,
    pub events: EventMode,
}

/// A key, from the terminal or (when not interactive) from a line on stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// A whole line of input that is not a single key: a kata's slug picks that kata.
    Line(String),
    Up,
    Down,
    PageUp,
    PageDown,
    Enter,
    Esc,
    /// Ctrl-C: quit from anywhere.
    Interrupt,
}

/// Everything the event loop reacts to.
pub enum Msg {
    Key(Key),
    /// A path in a watched folder may have new contents.
    Changed(PathBuf),
    ProbeSeen,
    ProbeTimeout,
    Resize,
    /// The running check is compiling dependencies: `built` of `total` are ready.
    Dependencies {
        built: usize,
        total: usize,
    },
    Checked(Box<Checked>),
}

/// A finished check: which kata, which text, what came of it.
pub struct Checked {
    slug: String,
    text: String,
    outcome: KataOutcome,
}

/// What the session asks the screen to show besides itself.
#[derive(Debug, Clone)]
pub enum Output {
    /// A new verdict for the current kata.
    Verdict(Box<KataOutcome>),
    /// A message: a hint, a confirmation, a warning.
    Notice(String),
}

/// Which view the keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Main,
    List { cursor: usize },
    ConfirmReset,
}

/// The practice session: the current kata, its last verdict, what is running.
pub struct Session {
    catalogue: Arc<Catalogue>,
    workspace: Workspace,
    engine: Arc<Engine>,
    tx: Sender<Msg>,
    interactive: bool,
    pub current: String,
    pub state: State,
    pub view: View,
    /// The last verdict of the current kata.
    pub last: Option<KataOutcome>,
    /// Messages shown until the next key or verdict.
    pub notices: Vec<String>,
    /// Things to print, for screens that print rather than redraw.
    pub outbox: Vec<Output>,
    /// The kata being checked right now.
    pub checking: Option<String>,
    /// Dependencies compiled so far and in all, while the running check compiles them.
    pub dependencies: Option<(usize, usize)>,
    /// A save arrived during the running check: check once more when it ends.
    pending: bool,
    /// The text each kata's last completed check saw, so a save that changes nothing is skipped.
    checked_text: HashMap<String, String>,
    /// How saves are noticed, in words.
    pub watching: String,
    /// Whether a missing file has had its grace period.
    missing_since: Option<Instant>,
}

/// What the loop does after a key.
#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

impl Session {
    pub fn current_kata(&self) -> &Kata {
        self.catalogue
            .get(&self.current)
            .expect("the current kata is in the catalogue")
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn kata_file(&self, kata: &Kata) -> PathBuf {
        self.workspace.kata_file(kata)
    }

    fn notice(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.notices.push(text.clone());
        self.outbox.push(Output::Notice(text));
    }

    fn save_state(&mut self, change: impl FnOnce(&mut State)) {
        match self.workspace.update_state(|state| {
            change(state);
            state.clone()
        }) {
            Ok(state) => self.state = state,
            Err(error) => self.notice(format!("warning: progress not saved: {error}")),
        }
    }

    /// Checks the current kata now, or once the running check ends. `force` checks even when
    /// the file is the same as last time.
    fn request_check(&mut self, force: bool) {
        if self.checking.is_some() {
            self.pending = true;
            return;
        }
        let kata = self.current_kata().clone();
        let source = match self.workspace.read_source(&kata) {
            Ok(source) => source,
            Err(error) => {
                let missing = !self.workspace.kata_file(&kata).exists();
                if missing && !force && self.missing_since.is_none() {
                    // Perhaps a save by rename, caught between its two steps: look again soon.
                    self.missing_since = Some(Instant::now());
                    return;
                }
                self.missing_since = None;
                let path = display_path(&self.workspace.kata_file(&kata));
                self.verdict(KataOutcome::unchecked(&kata, path, error.to_string()));
                return;
            }
        };
        self.missing_since = None;
        let unchanged = self.checked_text.get(kata.slug()) == Some(&source.text)
            && self.last.as_ref().is_some_and(|o| o.slug == kata.slug());
        if unchanged && !force {
            return;
        }
        self.checking = Some(kata.slug().to_string());
        let engine = Arc::clone(&self.engine);
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let progress = tx.clone();
            let events = move |event: &Event<'_>| {
                if let Event::Dependencies { built, total, .. } = *event {
                    let _ = progress.send(Msg::Dependencies { built, total });
                }
            };
            let outcome = engine
                .check(&kata, &source, &events)
                .unwrap_or_else(|error| {
                    KataOutcome::unchecked(&kata, source.display.clone(), error.to_string())
                });
            let _ = tx.send(Msg::Checked(Box::new(Checked {
                slug: kata.slug().to_string(),
                text: source.text,
                outcome,
            })));
        });
    }

    fn verdict(&mut self, outcome: KataOutcome) {
        self.outbox.push(Output::Verdict(Box::new(outcome.clone())));
        self.last = Some(outcome);
    }

    fn checked(&mut self, checked: Checked) {
        self.checking = None;
        let Checked {
            slug,
            text,
            outcome,
        } = checked;
        let passed = outcome.status == KataStatus::Passed;
        if outcome.status != KataStatus::Error {
            self.checked_text.insert(slug.clone(), text);
        }
        if passed && !self.state.passed.contains(&slug) {
            let slug = slug.clone();
            self.save_state(move |state| {
                state.passed.insert(slug);
            });
        }
        if slug != self.current {
            // The learner moved on while it ran; the pending check is the new kata's.
            if self.pending {
                self.pending = false;
                self.request_check(true);
            }
            return;
        }
        self.verdict(outcome);
        if passed {
            if self.interactive {
                self.notice(format!(
                    "{slug} passed! Press s to compare with the reference solution, n for the next kata."
                ));
            } else {
                self.pending = false;
                self.next(true);
                return;
            }
        }
        if self.pending {
            self.pending = false;
            self.request_check(false);
        }
    }

    /// A file event. Returns whether it concerns the current kata's file.
    fn changed(&mut self, path: &Path) -> bool {
        let current = self.workspace.kata_file(self.current_kata());
        if same_file(path, &current) {
            return true;
        }
        if let Some(kata) = self
            .catalogue
            .katas()
            .iter()
            .find(|k| k.slug() != self.current && same_file(path, &self.workspace.kata_file(k)))
        {
            let slug = kata.slug().to_string();
            let note = format!(
                "{slug} was saved; it is not the current kata (press l to pick it{})",
                if self.interactive {
                    ""
                } else {
                    ", or type its name"
                }
            );
            if !self.notices.contains(&note) {
                self.notice(note);
            }
        }
        false
    }

    fn switch_to(&mut self, slug: String) {
        self.current = slug.clone();
        self.last = None;
        self.pending = false;
        self.missing_since = None;
        self.save_state(move |state| state.current = Some(slug));
        self.request_check(true);
    }

    /// Moves to the next kata not yet passed, after the current one in learning order.
    fn next(&mut self, after_pass: bool) {
        let katas = self.catalogue.katas();
        let here = katas
            .iter()
            .position(|k| k.slug() == self.current)
            .unwrap_or(0);
        let next = katas
            .iter()
            .cycle()
            .skip(here + 1)
            .take(katas.len())
            .find(|k| !self.state.passed.contains(k.slug()) && k.slug() != self.current);
        match next {
            Some(kata) => {
                let slug = kata.slug().to_string();
                let path = display_path(&self.workspace.kata_file(kata));
                self.notice(format!("next kata: {slug} — edit {}", path.display()));
                self.switch_to(slug);
            }
            None if after_pass => self.notice("Every kata has passed. Well done!"),
            None => self.notice("There is no other kata left to do."),
        }
    }

    fn hint(&mut self) {
        let kata = self.current_kata().clone();
        let hints = &kata.meta.hints;
        if hints.is_empty() {
            self.notice(format!("{} has no hints.", kata.slug()));
            return;
        }
        let slug = kata.slug().to_string();
        let total = hints.len();
        self.save_state(move |state| {
            let shown = state.hints_shown.entry(slug).or_insert(0);
            *shown = (*shown + 1).min(total);
        });
        let shown = self
            .state
            .hints_shown
            .get(kata.slug())
            .copied()
            .unwrap_or(1);
        for (i, hint) in hints.iter().enumerate().take(shown) {
            self.notice(format!("Hint {}/{total}: {hint}", i + 1));
        }
    }

    fn solution(&mut self) {
        let kata = self.current_kata().clone();
        if !self.state.passed.contains(kata.slug()) {
            self.notice(format!(
                "The reference solution of {} is shown once the kata passes.",
                kata.slug()
            ));
            return;
        }
        match read_text(&kata.reference) {
            Ok(text) => self.notice(format!(
                "Reference solution ({}):\n{}",
                display_path(&kata.reference).display(),
                text.trim_end()
            )),
            Err(error) => self.notice(error.to_string()),
        }
    }

    fn reset(&mut self) {
        let kata = self.current_kata().clone();
        match self.workspace.reset(&kata) {
            Ok(Some(backup)) => self.notice(format!(
                "Restored the stub of {}; your file is saved as {}.",
                kata.slug(),
                display_path(&backup).display()
            )),
            Ok(None) => self.notice(format!("Restored the stub of {}.", kata.slug())),
            Err(error) => self.notice(error.to_string()),
        }
        self.request_check(false);
    }

    fn key(&mut self, key: Key) -> Flow {
        if key == Key::Interrupt {
            return Flow::Quit;
        }
        self.notices.clear();
        match self.view {
            View::ConfirmReset => {
                self.view = View::Main;
                if matches!(key, Key::Char('y') | Key::Char('Y')) {
                    self.reset();
                } else {
                    self.notice("Reset cancelled; your file is unchanged.");
                }
            }
            View::List { cursor } => self.list_key(cursor, key),
            View::Main => match key {
                Key::Char('q') | Key::Esc => return Flow::Quit,
                Key::Char('n') => self.next(false),
                Key::Char('h') => self.hint(),
                Key::Char('s') => self.solution(),
                Key::Char('r') | Key::Enter => self.request_check(true),
                Key::Char('x') => {
                    self.view = View::ConfirmReset;
                    self.notice(format!(
                        "Reset {} to its stub? Your file is backed up first. Press y to confirm, any other key to cancel.",
                        self.current
                    ));
                }
                Key::Char('l') => {
                    let cursor = self.position();
                    if self.interactive {
                        self.view = View::List { cursor };
                    } else {
                        let list = self.list_text();
                        self.notice(list);
                    }
                }
                Key::Line(line) => match self.catalogue.get(line.trim()) {
                    Ok(kata) => {
                        let slug = kata.slug().to_string();
                        self.switch_to(slug);
                    }
                    Err(error) => self.notice(error.to_string()),
                },
                _ => self.notice(help()),
            },
        }
        Flow::Continue
    }

    fn list_key(&mut self, cursor: usize, key: Key) {
        let last = self.catalogue.katas().len().saturating_sub(1);
        let cursor = match key {
            Key::Up | Key::Char('k') => cursor.saturating_sub(1),
            Key::Down | Key::Char('j') => (cursor + 1).min(last),
            Key::PageUp => cursor.saturating_sub(10),
            Key::PageDown => (cursor + 10).min(last),
            Key::Char('g') => 0,
            Key::Char('G') => last,
            Key::Enter => {
                self.view = View::Main;
                let slug = self.catalogue.katas()[cursor].slug().to_string();
                if slug != self.current {
                    self.switch_to(slug);
                }
                return;
            }
            _ => {
                self.view = View::Main;
                return;
            }
        };
        self.view = View::List { cursor };
    }

    fn position(&self) -> usize {
        self.catalogue
            .katas()
            .iter()
            .position(|k| k.slug() == self.current)
            .unwrap_or(0)
    }

    /// Every kata with its status, for the non-interactive list.
    fn list_text(&self) -> String {
        let mut text = String::new();
        for kata in self.catalogue.katas() {
            let mark = self.mark(kata);
            text.push_str(&format!(
                "{mark} {:<26} {}  {}\n",
                kata.slug(),
                track_dir(kata.meta.track),
                kata.meta.title
            ));
        }
        text.push_str("Type a kata's name to make it current.");
        text
    }

    /// ✓ passed, → current, blank otherwise.
    pub fn mark(&self, kata: &Kata) -> &'static str {
        if self.state.passed.contains(kata.slug()) {
            "✓"
        } else if kata.slug() == self.current {
            "→"
        } else {
            " "
        }
    }
}

fn help() -> String {
    "Keys: n next · h hint · l list · x reset · r check again · s solution · q quit".into()
}

/// Whether two paths name the same file, comparing the parent folders canonically (a watcher
/// reports absolute paths; the workspace may be relative).
fn same_file(event: &Path, kata_file: &Path) -> bool {
    if event.file_name() != kata_file.file_name() {
        return false;
    }
    match (
        event.parent().and_then(|p| p.canonicalize().ok()),
        kata_file.parent().and_then(|p| p.canonicalize().ok()),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => event == kata_file,
    }
}

/// Runs watch mode until the learner quits.
pub fn run(
    catalogue: Catalogue,
    workspace: Workspace,
    engine: Engine,
    options: WatchOptions,
) -> Result<u8> {
    let (state, warning) = workspace.state()?;
    let (tx, rx) = mpsc::channel();
    let current = crate::commands::current_kata(&catalogue, &state)
        .or_else(|| catalogue.katas().first())
        .map(|k| k.slug().to_string())
        .ok_or_else(|| Error::Usage("the catalogue has no katas".into()))?;
    let mut screen = screen::open(options, tx.clone())?;
    let mut session = Session {
        catalogue: Arc::new(catalogue),
        workspace,
        engine: Arc::new(engine),
        tx: tx.clone(),
        interactive: options.interactive,
        current,
        state,
        view: View::Main,
        last: None,
        notices: Vec::new(),
        outbox: Vec::new(),
        checking: None,
        dependencies: None,
        pending: false,
        checked_text: HashMap::new(),
        watching: String::new(),
        missing_since: None,
    };
    if let Some(warning) = warning {
        session.notice(format!("warning: {warning}"));
    }
    let dirs = watched_dirs(&session);
    let state_dir = session.workspace.root.join(".kata");
    let (mut watch, notice) = files::start(options.events, &dirs, &state_dir, &tx);
    session.watching = watch.description.clone();
    if let Some(notice) = notice {
        session.notice(notice);
    }
    let slug = session.current.clone();
    session.switch_to(slug);
    screen.render(&mut session)?;

    let mut deadline: Option<Instant> = None;
    let mut first_event: Option<Instant> = None;
    loop {
        let wait = match (deadline, session.missing_since) {
            (Some(d), _) => Some(d),
            (None, Some(since)) => Some(since + MISSING_GRACE),
            (None, None) => None,
        };
        let msg = match wait {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(msg) => Some(msg),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(msg) => Some(msg),
                Err(_) => break,
            },
        };
        match msg {
            None => {
                deadline = None;
                first_event = None;
                session.request_check(false);
            }
            Some(Msg::Changed(path)) => {
                if session.changed(&path) {
                    let now = Instant::now();
                    let first = *first_event.get_or_insert(now);
                    deadline = Some((now + DEBOUNCE).min(first + DEBOUNCE_CAP));
                }
            }
            Some(Msg::Key(key)) => {
                if session.key(key) == Flow::Quit {
                    break;
                }
            }
            Some(Msg::Checked(checked)) => {
                session.dependencies = None;
                session.checked(*checked);
            }
            Some(Msg::Dependencies { built, total }) => {
                if session.dependencies.is_none() {
                    session.notice(format!(
                        "compiling {total} dependencies; this happens once per machine"
                    ));
                }
                session.dependencies = Some((built, total));
            }
            Some(Msg::ProbeSeen) => {
                if let Some(probe) = watch.probe.take() {
                    let _ = std::fs::remove_file(probe);
                }
            }
            Some(Msg::ProbeTimeout) => {
                if let Some(probe) = watch.probe.take() {
                    let _ = std::fs::remove_file(probe);
                    let (polling, notice) = files::poll(
                        &dirs,
                        &tx,
                        Some("file notifications are not delivered in this workspace".into()),
                    );
                    watch = polling;
                    session.watching = watch.description.clone();
                    if let Some(notice) = notice {
                        session.notice(notice);
                    }
                }
            }
            Some(Msg::Resize) => {}
        }
        screen.render(&mut session)?;
    }
    if let Some(probe) = watch.probe.take() {
        let _ = std::fs::remove_file(probe);
    }
    drop(screen);
    if session.checking.is_some() {
        // Quitting must not wait for cargo or a looping test: stop them, remove their crate,
        // and leave without joining the check's thread.
        crate::cleanup::finish(exit::OK.into());
    }
    Ok(exit::OK)
}

/// The track folders that hold kata files.
fn watched_dirs(session: &Session) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = session
        .catalogue
        .katas()
        .iter()
        .filter_map(|k| {
            session
                .workspace
                .kata_file(k)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs
}
