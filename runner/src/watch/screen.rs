//! What watch mode shows: a full-screen terminal UI, or one line per verdict for scripts.
//!
//! Owns the terminal: raw mode, the redraw, reading keys, and putting the terminal back on quit,
//! on Ctrl-C and on a panic. It renders a [`Session`] and sends keys to the event loop; it
//! decides nothing about katas.

use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Once;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, terminal, QueueableCommand};

use super::{Key, Msg, Output, Session, View, WatchOptions};
use crate::commands::progress_line;
use crate::engine::display_path;
use crate::error::{Error, Result};
use crate::report::{human, json};
use crate::workspace::track_dir;

/// Lines of the task statement shown above the verdict.
const STATEMENT_LINES: usize = 4;

pub enum Screen {
    Terminal(Terminal),
    Lines { json: bool },
}

/// Opens the screen and starts the thread that reads keys (or lines) into the event loop.
pub fn open(options: WatchOptions, tx: Sender<Msg>) -> Result<Screen> {
    if options.interactive {
        let terminal = Terminal::enter().map_err(|e| Error::Io {
            action: "setting up",
            path: "the terminal".into(),
            source: e,
        })?;
        std::thread::spawn(move || read_keys(tx));
        return Ok(Screen::Terminal(terminal));
    }
    std::thread::spawn(move || read_lines(tx));
    Ok(Screen::Lines { json: options.json })
}

impl Screen {
    pub fn render(&mut self, session: &mut Session) -> Result<()> {
        let outbox = std::mem::take(&mut session.outbox);
        let result = match self {
            Screen::Terminal(terminal) => terminal.draw(session),
            Screen::Lines { json } => print_lines(&outbox, *json),
        };
        result.map_err(|e| Error::Io {
            action: "writing to",
            path: "the terminal".into(),
            source: e,
        })
    }
}

/// Non-interactive output: verdicts on stdout, one line (or JSON document) each; everything else
/// on stderr, so stdout stays machine-readable.
fn print_lines(outbox: &[Output], as_json: bool) -> io::Result<()> {
    for output in outbox {
        match output {
            Output::Verdict(outcome) if as_json => {
                let line = json::check_document_line(std::slice::from_ref(&**outcome));
                let mut out = io::stdout().lock();
                writeln!(out, "{line}")?;
                out.flush()?;
            }
            Output::Verdict(outcome) => {
                let mut out = anstream::stdout().lock();
                writeln!(out, "{}", human::verdict_line(outcome))?;
                out.flush()?;
            }
            Output::Notice(text) => anstream::eprintln!("{text}"),
        }
    }
    Ok(())
}

/// Lines on stdin as keys: a single character is that key, an empty line is Enter, anything
/// longer is passed whole (a kata's name). The end of input stops reading, not watching.
fn read_lines(tx: Sender<Msg>) {
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { return };
        let line = line.trim();
        let mut chars = line.chars();
        let key = match (chars.next(), chars.next()) {
            (None, _) => Key::Enter,
            (Some(c), None) => Key::Char(c),
            _ => Key::Line(line.to_string()),
        };
        if tx.send(Msg::Key(key)).is_err() {
            return;
        }
    }
}

fn read_keys(tx: Sender<Msg>) {
    while let Ok(event) = crossterm::event::read() {
        let msg = match event {
            TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    KeyCode::Char('c') | KeyCode::Char('d') if ctrl => Key::Interrupt,
                    KeyCode::Char(c) => Key::Char(c),
                    KeyCode::Up => Key::Up,
                    KeyCode::Down => Key::Down,
                    KeyCode::PageUp => Key::PageUp,
                    KeyCode::PageDown => Key::PageDown,
                    KeyCode::Enter => Key::Enter,
                    KeyCode::Esc => Key::Esc,
                    _ => continue,
                }
            }
            TermEvent::Resize(..) => {
                if tx.send(Msg::Resize).is_err() {
                    return;
                }
                continue;
            }
            _ => continue,
        };
        if tx.send(Msg::Key(msg)).is_err() {
            return;
        }
    }
}

/// Set while the terminal is in raw mode, so the panic hook knows to restore it.
static RAW: AtomicBool = AtomicBool::new(false);

fn restore_terminal() {
    if RAW.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = out.queue(cursor::Show);
        let _ = out.write_all(b"\r\n");
        let _ = out.flush();
        let _ = terminal::disable_raw_mode();
    }
}

/// The terminal in raw mode, restored when dropped (quit, error) or on a panic.
pub struct Terminal {
    colour: bool,
}

impl Terminal {
    fn enter() -> io::Result<Terminal> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            // SIGINT and SIGTERM end the process through the cleanup, which restores it too.
            crate::cleanup::before_exit(restore_terminal);
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore_terminal();
                previous(info);
            }));
        });
        terminal::enable_raw_mode()?;
        RAW.store(true, Ordering::SeqCst);
        let mut out = io::stdout();
        out.queue(cursor::Hide)?;
        out.queue(terminal::Clear(terminal::ClearType::All))?;
        out.flush()?;
        let colour = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
        Ok(Terminal { colour })
    }

    fn draw(&mut self, session: &Session) -> io::Result<()> {
        let (cols, rows) = terminal::size().unwrap_or((80, 24));
        let (cols, rows) = (cols.max(20) as usize, rows.max(8) as usize);
        let lines = match session.view {
            View::List { cursor } => list_view(session, cursor, rows),
            _ => main_view(session, cols, rows),
        };
        let mut out = io::stdout().lock();
        out.queue(cursor::MoveTo(0, 0))?;
        let mut used = 0;
        for line in lines {
            let line = if self.colour {
                line
            } else {
                anstream::adapter::strip_str(&line).to_string()
            };
            let height = rows_of(&line, cols);
            if used + height > rows {
                break;
            }
            if used > 0 {
                out.write_all(b"\r\n")?;
            }
            used += height;
            out.write_all(line.as_bytes())?;
            out.queue(terminal::Clear(terminal::ClearType::UntilNewLine))?;
        }
        out.queue(terminal::Clear(terminal::ClearType::FromCursorDown))?;
        out.flush()
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// How many terminal rows a line takes once it wraps.
fn rows_of(line: &str, cols: usize) -> usize {
    let width = anstream::adapter::strip_str(line)
        .to_string()
        .chars()
        .count();
    width.div_ceil(cols).max(1)
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const REVERSE: &str = "\x1b[7m";
const RESET: &str = "\x1b[0m";

/// A file name the terminal can open on click (OSC 8), where the terminal supports links.
fn link(path: &std::path::Path) -> String {
    let shown = display_path(path);
    match std::fs::canonicalize(path) {
        Ok(absolute) => format!(
            "\x1b]8;;file://{}\x1b\\{}\x1b]8;;\x1b\\",
            absolute.display(),
            shown.display()
        ),
        Err(_) => shown.display().to_string(),
    }
}

fn main_view(session: &Session, cols: usize, rows: usize) -> Vec<String> {
    let catalogue = session.catalogue();
    let kata = session.current_kata();
    let done = catalogue
        .katas()
        .iter()
        .filter(|k| session.state.passed.contains(k.slug()))
        .count();
    let status = match (&session.checking, session.dependencies) {
        (Some(_), Some((built, total))) => {
            format!("{BOLD}compiling dependencies {built}/{total} (once per machine)…{RESET}")
        }
        (Some(_), None) => format!("{BOLD}checking…{RESET}"),
        (None, _) => format!("{DIM}{}{RESET}", session.watching),
    };
    let mut head = vec![
        format!(
            "{BOLD}kata{RESET} · {} · {status}",
            progress_line(done, catalogue.katas().len())
        ),
        String::new(),
        format!(
            "{BOLD}{}{RESET} — {}  {DIM}({} · {}){RESET}",
            kata.slug(),
            kata.meta.title,
            track_dir(kata.meta.track),
            kata.meta.difficulty.as_str()
        ),
    ];
    if let Ok(statement) = crate::catalogue::read_text(&kata.task_path()) {
        head.extend(
            statement
                .lines()
                .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
                .take_while(|l| !l.trim().is_empty())
                .take(STATEMENT_LINES)
                .map(|l| format!("  {l}")),
        );
    }
    head.push(format!("Edit {}", link(&session.kata_file(kata))));
    let rule = "─".repeat(cols.min(80));
    head.push(format!("{DIM}{rule}{RESET}"));

    let footer = vec![
        format!("{DIM}{rule}{RESET}"),
        format!(
            "{BOLD}n{RESET} next  {BOLD}h{RESET} hint  {BOLD}l{RESET} list  {BOLD}x{RESET} reset  {BOLD}r{RESET} check again  {BOLD}s{RESET} solution  {BOLD}q{RESET} quit"
        ),
    ];

    let mut body: Vec<String> = Vec::new();
    for notice in &session.notices {
        body.extend(notice.lines().map(str::to_string));
    }
    if !body.is_empty() {
        body.push(String::new());
    }
    match &session.last {
        Some(outcome) => body.extend(
            human::outcome(outcome, human::HumanOptions::default())
                .trim_end()
                .lines()
                .map(str::to_string),
        ),
        None => body.push(format!("{DIM}checking your file…{RESET}")),
    }
    let budget = rows
        .saturating_sub(head.iter().chain(&footer).map(|l| rows_of(l, cols)).sum())
        .max(1);
    let mut shown = Vec::new();
    let mut used = 0;
    for (i, line) in body.iter().enumerate() {
        let height = rows_of(line, cols);
        if used + height > budget.saturating_sub(1) && i + 1 < body.len() {
            shown.push(format!(
                "{DIM}… {} more lines (`kata check {}` prints them all){RESET}",
                body.len() - i,
                kata.slug()
            ));
            break;
        }
        used += height;
        shown.push(line.clone());
    }
    head.extend(shown);
    head.extend(footer);
    head
}

fn list_view(session: &Session, cursor: usize, rows: usize) -> Vec<String> {
    let katas = session.catalogue().katas();
    let mut lines = vec![
        format!("{BOLD}Pick a kata{RESET}  {DIM}↑/↓ or j/k move · Enter picks · any other key goes back{RESET}"),
        String::new(),
    ];
    let room = rows.saturating_sub(lines.len()).max(1);
    let start = cursor
        .saturating_sub(room / 2)
        .min(katas.len().saturating_sub(room));
    for (i, kata) in katas.iter().enumerate().skip(start).take(room) {
        let text = format!(
            "{} {:<26} {:<8} {:<24} {}",
            session.mark(kata),
            kata.slug(),
            kata.meta.difficulty.as_str(),
            track_dir(kata.meta.track),
            kata.meta.title
        );
        lines.push(if i == cursor {
            format!("{REVERSE}{text}{RESET}")
        } else {
            text
        });
    }
    lines
}
