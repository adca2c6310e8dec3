//! The learner's practice workspace: their files, their progress, their backups.
//!
//! Layout: one `.rs` file per kata under a folder per track, a `Cargo.toml` that makes every kata
//! file an editor-visible crate (so rust-analyzer gives completion and inline errors), and a
//! `.kata/` folder with the progress file and backups. Progress is written atomically under a
//! lock, so two `kata` processes never corrupt it. Nothing here overwrites a learner's file
//! without keeping a backup first. This module does not build or run anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::build::Source;
use crate::catalogue::{read_text, Catalogue, Kata};
use crate::error::{Error, Result};

const STATE_DIR: &str = ".kata";
const STATE_FILE: &str = "state.json";
const STATE_VERSION: u32 = 1;

/// The folder of a track inside the workspace.
pub fn track_dir(track: u8) -> &'static str {
    match track {
        1 => "1-core-language",
        2 => "2-data-structures",
        3 => "3-coding-and-debugging",
        _ => "4-systems",
    }
}

/// Progress: which katas passed, which is current, how many hints were shown.
///
/// Unknown fields are ignored and missing ones default, so progress written by an older or newer
/// runner still loads, and katas added to the catalogue later simply start unpassed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    pub current: Option<String>,
    pub passed: BTreeSet<String>,
    pub hints_shown: BTreeMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
}

/// What `init` did.
#[derive(Debug, Default)]
pub struct InitReport {
    pub created: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
    pub backups: Vec<PathBuf>,
}

impl Workspace {
    /// The workspace at `path`; an error saying how to create one when there is none.
    pub fn open(path: &Path) -> Result<Workspace> {
        if !path.join(STATE_DIR).is_dir() {
            return Err(Error::NoWorkspace {
                path: path.to_path_buf(),
            });
        }
        Ok(Workspace {
            root: path.to_path_buf(),
        })
    }

    /// Creates the workspace, or adds what is missing: never overwrites a learner's kata file.
    pub fn init(path: &Path, catalogue: &Catalogue) -> Result<(Workspace, InitReport)> {
        let mut report = InitReport::default();
        let state_dir = path.join(STATE_DIR);
        fs::create_dir_all(&state_dir).map_err(Error::io("creating", &state_dir))?;
        let workspace = Workspace {
            root: path.to_path_buf(),
        };
        for kata in catalogue.katas() {
            let file = workspace.kata_file(kata);
            if file.exists() {
                report.kept.push(file);
                continue;
            }
            let dir = file.parent().expect("kata files live in a track folder");
            fs::create_dir_all(dir).map_err(Error::io("creating", dir))?;
            let stub = read_text(&kata.stub_path())?;
            fs::write(&file, stub).map_err(Error::io("writing", &file))?;
            report.created.push(file);
        }
        for (name, text) in [
            ("Cargo.toml", workspace.manifest(catalogue)),
            (
                "rust-analyzer.toml",
                "# The editor builds into its own target folder, so it never holds cargo's lock while kata checks run.\n[cargo]\ntargetDir = true\n".to_string(),
            ),
            (".gitignore", "/target\n/.kata/backups\n".to_string()),
        ] {
            let file = path.join(name);
            match fs::read_to_string(&file) {
                Ok(old) if old == text => continue,
                Ok(_) => report.backups.push(workspace.backup(&file)?),
                Err(_) => {}
            }
            fs::write(&file, text).map_err(Error::io("writing", &file))?;
        }
        let lock = catalogue
            .root
            .join(crate::catalogue::DEPS_DIR)
            .join("Cargo.lock");
        if let Ok(bytes) = fs::read(&lock) {
            let file = path.join("Cargo.lock");
            if !file.exists() {
                fs::write(&file, bytes).map_err(Error::io("writing", &file))?;
            }
        }
        Ok((workspace, report))
    }

    /// A `Cargo.toml` listing each kata file as a library target, for editors only.
    fn manifest(&self, catalogue: &Catalogue) -> String {
        let mut text = String::from(
            "# Written by `kata init` so that editors understand the kata files; kata checks do not use it.\n\
             [package]\nname = \"kata-practice\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\
             autobins = false\nautoexamples = false\nautotests = false\nautobenches = false\n\n",
        );
        let mut deps = toml::Table::new();
        let mut features = BTreeSet::new();
        for kata in catalogue.katas() {
            deps.extend(kata.dependencies.iter().cloned());
            features.extend(kata.declared_features());
        }
        text.push_str("[dependencies]\n");
        text.push_str(&toml::to_string(&deps).unwrap_or_default());
        if !features.is_empty() {
            text.push_str("\n[features]\n");
            for feature in features {
                text.push_str(&format!("{feature} = []\n"));
            }
        }
        for kata in catalogue.katas() {
            text.push_str(&format!(
                "\n[[example]]\nname = \"{}\"\npath = \"{}/{}.rs\"\ncrate-type = [\"lib\"]\n",
                kata.slug(),
                track_dir(kata.meta.track),
                kata.slug()
            ));
        }
        text.push_str("\n[workspace]\n");
        text
    }

    /// Whether the catalogue has katas this workspace was not set up with: their files are
    /// missing and the workspace manifest does not list them. (A file the learner deleted is
    /// still listed, and stays deleted.)
    pub fn has_new_katas(&self, catalogue: &Catalogue) -> bool {
        let manifest = fs::read_to_string(self.root.join("Cargo.toml")).unwrap_or_default();
        catalogue.katas().iter().any(|kata| {
            !self.kata_file(kata).exists()
                && !manifest.contains(&format!("name = \"{}\"\n", kata.slug()))
        })
    }

    pub fn kata_file(&self, kata: &Kata) -> PathBuf {
        self.root
            .join(track_dir(kata.meta.track))
            .join(format!("{}.rs", kata.slug()))
    }

    /// The learner's file for `kata`, read and checked.
    pub fn read_source(&self, kata: &Kata) -> Result<Source> {
        let path = self.kata_file(kata);
        let display = crate::engine::display_path(&path);
        let learner_error = |message: &str, help: String| Error::LearnerFile {
            path: display.clone(),
            message: message.to_string(),
            help,
        };
        let reset = format!("`kata reset {}` restores the starting stub", kata.slug());
        if path.is_dir() {
            return Err(learner_error(
                "is a directory, not a Rust file",
                format!("move the directory away; {reset}"),
            ));
        }
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(learner_error("does not exist", reset));
            }
            Err(e) => return Err(Error::io("reading", &path)(e)),
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            learner_error(
                &format!(
                    "is not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
                "save it as UTF-8 in your editor".into(),
            )
        })?;
        if text.trim().is_empty() {
            return Err(learner_error("is empty", reset));
        }
        Ok(Source { display, text })
    }

    /// Restores the stub, keeping a backup of the learner's file. Returns the backup's path.
    pub fn reset(&self, kata: &Kata) -> Result<Option<PathBuf>> {
        let file = self.kata_file(kata);
        let backup = if file.is_file() {
            Some(self.backup(&file)?)
        } else {
            None
        };
        let dir = file.parent().expect("kata files live in a track folder");
        fs::create_dir_all(dir).map_err(Error::io("creating", dir))?;
        let stub = read_text(&kata.stub_path())?;
        write_atomic(&file, stub.as_bytes())?;
        Ok(backup)
    }

    /// Copies `file` into `.kata/backups/` under a name that never collides.
    fn backup(&self, file: &Path) -> Result<PathBuf> {
        let dir = self.root.join(STATE_DIR).join("backups");
        fs::create_dir_all(&dir).map_err(Error::io("creating", &dir))?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        for attempt in 0.. {
            let backup = dir.join(format!("{stamp}-{attempt}-{name}"));
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&backup)
            {
                Ok(mut out) => {
                    let bytes = fs::read(file).map_err(Error::io("reading", file))?;
                    out.write_all(&bytes)
                        .map_err(Error::io("writing", &backup))?;
                    return Ok(backup);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io("writing", &backup)(e)),
            }
        }
        unreachable!("the attempts are unbounded")
    }

    fn state_path(&self) -> PathBuf {
        self.root.join(STATE_DIR).join(STATE_FILE)
    }

    /// Reads progress. A corrupt file is set aside (and named in the warning) for a fresh start.
    pub fn state(&self) -> Result<(State, Option<String>)> {
        let path = self.state_path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((State::default(), None))
            }
            Err(e) => return Err(Error::io("reading", &path)(e)),
        };
        match serde_json::from_str::<State>(&text) {
            Ok(state) => Ok((state, None)),
            Err(e) => {
                let aside = path.with_extension(format!(
                    "corrupt-{}.json",
                    SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs())
                ));
                fs::rename(&path, &aside).map_err(Error::io("moving aside", &path))?;
                Ok((
                    State::default(),
                    Some(format!(
                        "{}:{}:{}: the progress file is corrupt ({e}); it was moved to {} and progress starts afresh",
                        path.display(),
                        e.line(),
                        e.column(),
                        aside.display()
                    )),
                ))
            }
        }
    }

    /// Changes progress under the workspace lock and writes it atomically.
    pub fn update_state<T>(&self, change: impl FnOnce(&mut State) -> T) -> Result<T> {
        let lock_path = self.root.join(STATE_DIR).join("lock");
        let lock = fs::File::create(&lock_path).map_err(Error::io("creating", &lock_path))?;
        lock.lock().map_err(Error::io("locking", &lock_path))?;
        let (mut state, _) = self.state()?;
        let result = change(&mut state);
        state.version = STATE_VERSION;
        let json = serde_json::to_string_pretty(&state).expect("state serialises");
        write_atomic(&self.state_path(), json.as_bytes())?;
        Ok(result)
    }
}

/// Writes through a temporary file and a rename, so readers see the old or the new file, whole.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(Error::io("writing", path))?;
    file.write_all(bytes).map_err(Error::io("writing", path))?;
    file.as_file()
        .sync_all()
        .map_err(Error::io("writing", path))?;
    file.persist(path)
        .map_err(|e| Error::io("writing", path)(e.error))?;
    Ok(())
}
