//! The catalogue: kata packages on disk, read and validated.
//!
//! Owns the kata package format (`kata.toml`, statement, stub, suites, known-wrong solutions,
//! compile-fail snippets) and the catalogue's pinned dependency manifest. Every breach of the
//! format is an [`Error`] naming the file and line. This module reads files only: it does not
//! build, run or print anything.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::error::{Error, Result};

/// The wall-clock limit per test when `kata.toml` sets none.
pub const DEFAULT_TIME_LIMIT_MS: u64 = 10_000;

/// A kata's score in grading when `kata.toml` sets no `points`.
pub const DEFAULT_KATA_POINTS: u32 = 10;

/// The folder inside a catalogue that holds the shared dependency manifest and lockfile.
pub const DEPS_DIR: &str = "deps";

/// `kata.toml`, as written by a kata's author.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KataMeta {
    pub slug: String,
    pub title: String,
    pub track: u8,
    pub order: u32,
    pub difficulty: Difficulty,
    #[serde(default)]
    pub topics: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub kind: KataKind,
    #[serde(default)]
    pub dependencies: Vec<String>,
    #[serde(default = "default_time_limit")]
    pub time_limit_ms: u64,
    /// Address space per test process, in MiB; the runner's default when absent.
    #[serde(default)]
    pub memory_limit_mb: Option<u64>,
    #[serde(default)]
    pub clippy: bool,
    /// The kata is about `unsafe` code: grading does not forbid it (see `policy`).
    #[serde(default)]
    pub unsafe_code: bool,
    #[serde(default)]
    pub feature_sets: Vec<Vec<String>>,
    /// The kata's full score in grading; its tests share it by their `points` weights.
    #[serde(default = "default_points")]
    pub points: u32,
    pub hints: Vec<String>,
    #[serde(default)]
    pub tests: BTreeMap<String, TestSettings>,
    #[serde(default)]
    pub compile_fail: Vec<CompileFailCase>,
}

fn default_time_limit() -> u64 {
    DEFAULT_TIME_LIMIT_MS
}

fn default_points() -> u32 {
    DEFAULT_KATA_POINTS
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// `fix` katas start from a stub that does not compile on purpose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KataKind {
    #[default]
    Implement,
    Fix,
}

/// Settings for one test of the hidden suite, keyed by its function name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestSettings {
    #[serde(default)]
    pub perf: bool,
    pub time_limit_ms: Option<u64>,
    pub points: Option<u32>,
}

/// A snippet that must fail to compile against the learner's crate, with a given error code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompileFailCase {
    pub name: String,
    pub file: PathBuf,
    pub error: String,
}

/// One kata package, validated.
#[derive(Debug, Clone)]
pub struct Kata {
    pub meta: KataMeta,
    pub dir: PathBuf,
    /// The reference solution (`solutions/<slug>.rs` beside the catalogue).
    pub reference: PathBuf,
    /// `[dependencies]` entries for the kata crate, copied from the catalogue's manifest.
    pub dependencies: Vec<(String, toml::Value)>,
    /// The catalogue's lockfile, copied into every kata crate.
    pub lockfile: PathBuf,
}

impl Kata {
    pub fn slug(&self) -> &str {
        &self.meta.slug
    }
    pub fn task_path(&self) -> PathBuf {
        self.dir.join("task.md")
    }
    pub fn stub_path(&self) -> PathBuf {
        self.dir.join("stub.rs")
    }
    pub fn hidden_path(&self) -> PathBuf {
        self.dir.join("tests").join("hidden.rs")
    }
    pub fn examples_path(&self) -> Option<PathBuf> {
        let path = self.dir.join("tests").join("examples.rs");
        path.is_file().then_some(path)
    }
    pub fn compile_fail_path(&self, case: &CompileFailCase) -> PathBuf {
        self.dir.join(&case.file)
    }

    /// Known-wrong solutions, sorted by file name.
    pub fn wrong_solutions(&self) -> Result<Vec<PathBuf>> {
        self.solutions_in("wrong")
    }

    /// Alternative right solutions, written differently from the reference, sorted by file name:
    /// they guard against a suite that tests the reference's choices rather than the task.
    pub fn right_solutions(&self) -> Result<Vec<PathBuf>> {
        self.solutions_in("right")
    }

    fn solutions_in(&self, folder: &str) -> Result<Vec<PathBuf>> {
        let dir = self.dir.join(folder);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut paths = Vec::new();
        for entry in fs::read_dir(&dir).map_err(Error::io("reading", &dir))? {
            let path = entry.map_err(Error::io("reading", &dir))?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                paths.push(path);
            }
        }
        paths.sort();
        Ok(paths)
    }

    pub fn settings(&self, test: &str) -> Option<&TestSettings> {
        self.meta.tests.get(test)
    }

    pub fn is_perf(&self, test: &str) -> bool {
        self.settings(test).is_some_and(|s| s.perf)
    }

    pub fn time_limit(&self, test: &str) -> Duration {
        let ms = self
            .settings(test)
            .and_then(|s| s.time_limit_ms)
            .unwrap_or(self.meta.time_limit_ms);
        Duration::from_millis(ms)
    }

    /// The resource limits of this kata's test processes.
    pub fn limits(&self) -> crate::sandbox::Limits {
        let mut limits = crate::sandbox::Limits::default();
        if let Some(mb) = self.meta.memory_limit_mb {
            limits.memory = mb << 20;
        }
        limits
    }

    /// The feature sets the suite runs under: one empty set unless the kata asks for several.
    pub fn feature_sets(&self) -> Vec<Vec<String>> {
        if self.meta.feature_sets.is_empty() {
            vec![Vec::new()]
        } else {
            self.meta.feature_sets.clone()
        }
    }

    /// Every feature any set names; the kata crate declares them all.
    pub fn declared_features(&self) -> Vec<String> {
        let mut all: Vec<String> = self.meta.feature_sets.iter().flatten().cloned().collect();
        all.sort();
        all.dedup();
        all
    }
}

/// All katas of one catalogue folder, in learning order.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub root: PathBuf,
    katas: Vec<Kata>,
}

impl Catalogue {
    /// The catalogue that ships with the runner, unless `KATA_CATALOGUE` names another.
    pub fn default_root() -> PathBuf {
        match std::env::var_os("KATA_CATALOGUE") {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("katas"),
        }
    }

    /// Reads and validates every kata under `root`.
    pub fn load(root: &Path) -> Result<Catalogue> {
        if !root.is_dir() {
            return Err(Error::KataFile {
                path: root.to_path_buf(),
                message: "the kata catalogue folder does not exist".into(),
                help: "pass --catalogue DIR with a folder of kata packages (see katas/README.md)"
                    .into(),
            });
        }
        let root = root.canonicalize().map_err(Error::io("reading", root))?;
        let deps = Dependencies::load(&root)?;
        let solutions = solutions_dir(&root);

        let mut dirs = Vec::new();
        for entry in fs::read_dir(&root).map_err(Error::io("reading", &root))? {
            let path = entry.map_err(Error::io("reading", &root))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() && name != DEPS_DIR && !name.starts_with('.') {
                dirs.push(path);
            }
        }
        dirs.sort();

        let mut katas = Vec::with_capacity(dirs.len());
        for dir in dirs {
            katas.push(load_kata(&dir, &solutions, &deps)?);
        }
        check_orders_unique(&katas)?;
        katas.sort_by_key(|k| (k.meta.track, k.meta.order));
        Ok(Catalogue { root, katas })
    }

    /// The catalogue at `root` with the katas of `extra` catalogues beside it. Each kata keeps
    /// its own catalogue's dependencies and reference solutions; slugs must be unique across all
    /// of them, while orders need only be unique within each (ties keep `root`'s katas first).
    pub fn load_with(root: &Path, extra: &[PathBuf]) -> Result<Catalogue> {
        let mut catalogue = Catalogue::load(root)?;
        for dir in extra {
            for kata in Catalogue::load(dir)?.katas {
                if let Some(other) = catalogue.katas.iter().find(|k| k.slug() == kata.slug()) {
                    return Err(Error::KataFile {
                        path: kata.dir.clone(),
                        message: format!(
                            "kata `{}` is also in {}",
                            kata.slug(),
                            other.dir.display()
                        ),
                        help: "rename one of them (its folder and its slug), or leave out one catalogue".into(),
                    });
                }
                catalogue.katas.push(kata);
            }
        }
        catalogue
            .katas
            .sort_by_key(|k| (k.meta.track, k.meta.order));
        Ok(catalogue)
    }

    pub fn katas(&self) -> &[Kata] {
        &self.katas
    }

    /// The kata named `slug`, or an error suggesting the nearest name.
    pub fn get(&self, slug: &str) -> Result<&Kata> {
        if let Some(kata) = self.katas.iter().find(|k| k.slug() == slug) {
            return Ok(kata);
        }
        let suggestion = self
            .katas
            .iter()
            .map(|k| (strsim::jaro_winkler(slug, k.slug()), k.slug()))
            .filter(|(score, _)| *score > 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s.to_string());
        Err(Error::UnknownKata {
            slug: slug.to_string(),
            catalogue: self.root.clone(),
            suggestion,
        })
    }

    /// The katas named, in the order given; all of them when none are named.
    pub fn select(&self, slugs: &[String]) -> Result<Vec<&Kata>> {
        if slugs.is_empty() {
            return Ok(self.katas.iter().collect());
        }
        slugs.iter().map(|s| self.get(s)).collect()
    }
}

/// Where the reference solutions of the catalogue at `root` live: `solutions/` beside it.
pub fn solutions_dir(root: &Path) -> PathBuf {
    root.parent()
        .map(|p| p.join("solutions"))
        .unwrap_or_else(|| root.join("solutions"))
}

/// The catalogue's dependency manifest: `deps/Cargo.toml` and its lockfile.
struct Dependencies {
    manifest: PathBuf,
    lockfile: PathBuf,
    table: toml::Table,
}

impl Dependencies {
    fn load(root: &Path) -> Result<Dependencies> {
        let manifest = root.join(DEPS_DIR).join("Cargo.toml");
        let lockfile = root.join(DEPS_DIR).join("Cargo.lock");
        if !manifest.is_file() || !lockfile.is_file() {
            return Err(Error::KataFile {
                path: root.join(DEPS_DIR),
                message: "the catalogue has no dependency manifest and lockfile".into(),
                help: "create deps/Cargo.toml (a package listing the crates katas may use, even none) and run `cargo generate-lockfile --manifest-path deps/Cargo.toml`".into(),
            });
        }
        let text = read_text(&manifest)?;
        let doc: toml::Table =
            toml::from_str(&text).map_err(|e| toml_error(&manifest, &text, &e))?;
        let table = match doc.get("dependencies") {
            Some(toml::Value::Table(t)) => t.clone(),
            _ => toml::Table::new(),
        };
        Ok(Dependencies {
            manifest,
            lockfile,
            table,
        })
    }
}

fn load_kata(dir: &Path, solutions: &Path, deps: &Dependencies) -> Result<Kata> {
    let path = dir.join("kata.toml");
    if !path.is_file() {
        return Err(Error::KataFile {
            path: dir.to_path_buf(),
            message: "this kata folder has no kata.toml".into(),
            help: "add kata.toml (see katas/README.md), or move the folder out of the catalogue"
                .into(),
        });
    }
    let text = read_text(&path)?;
    let meta: KataMeta = toml::from_str(&text).map_err(|e| toml_error(&path, &text, &e))?;
    let at = |key: &str, message: String, help: &str| {
        let (line, column) = locate(&text, key);
        Error::Manifest {
            path: path.clone(),
            line,
            column,
            message,
            help: help.to_string(),
        }
    };

    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if meta.slug != folder {
        return Err(at(
            "slug",
            format!(
                "slug `{}` differs from the folder name `{folder}`",
                meta.slug
            ),
            "make the slug and the folder name the same",
        ));
    }
    if !is_identifier(&meta.slug) {
        return Err(at(
            "slug",
            format!("slug `{}` is not a Rust identifier", meta.slug),
            "use lowercase letters, digits and underscores, starting with a letter",
        ));
    }
    if !(1..=4).contains(&meta.track) {
        return Err(at(
            "track",
            format!("track {} does not exist", meta.track),
            "use 1 (core language), 2 (data structures and algorithms), 3 (coding and debugging) or 4 (systems)",
        ));
    }
    if meta.hints.is_empty() {
        return Err(at(
            "hints",
            "a kata needs at least one hint".into(),
            "add two or three hints, from a gentle nudge to almost the answer",
        ));
    }
    if meta.time_limit_ms == 0 || meta.tests.values().any(|t| t.time_limit_ms == Some(0)) {
        return Err(at(
            "time_limit_ms",
            "a time limit of 0 ms lets no test run".into(),
            "give the limit in milliseconds, e.g. 10000",
        ));
    }
    if meta.points == 0 {
        return Err(at(
            "points",
            "a kata worth 0 points cannot be graded".into(),
            "give the kata's full score, e.g. 10, or leave `points` out for the default",
        ));
    }
    if meta.memory_limit_mb.is_some_and(|mb| mb < 64) {
        return Err(at(
            "memory_limit_mb",
            "a memory limit under 64 MiB leaves no room to start a test".into(),
            "give the limit in MiB, e.g. 2048, or leave it out for the default",
        ));
    }
    let mut dependencies = Vec::new();
    for name in &meta.dependencies {
        match deps.table.get(name) {
            Some(spec) => dependencies.push((name.clone(), spec.clone())),
            None => {
                return Err(at(
                    "dependencies",
                    format!(
                        "dependency `{name}` is not in {}",
                        deps.manifest.display()
                    ),
                    "add it there (with its version and features), regenerate the lockfile, or remove it here",
                ))
            }
        }
    }
    for case in &meta.compile_fail {
        let code = case.error.strip_prefix('E').unwrap_or("");
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(at(
                "error",
                format!("`{}` is not a rustc error code", case.error),
                "write the code rustc prints, such as \"E0308\"",
            ));
        }
        if !dir.join(&case.file).is_file() {
            return Err(at(
                "file",
                format!(
                    "compile-fail snippet {} does not exist",
                    case.file.display()
                ),
                "give the path of the snippet relative to the kata folder",
            ));
        }
    }
    let mut names = HashSet::new();
    if let Some(dup) = meta.compile_fail.iter().find(|c| !names.insert(&c.name)) {
        return Err(at(
            "name",
            format!("two compile-fail snippets are named `{}`", dup.name),
            "give each snippet its own name",
        ));
    }

    for (file, what) in [
        ("task.md", "the task statement"),
        ("stub.rs", "the stub the learner starts from"),
        ("tests/hidden.rs", "the hidden suite"),
    ] {
        if !dir.join(file).is_file() {
            return Err(Error::KataFile {
                path: dir.join(file),
                message: format!("{what} is missing"),
                help: format!("add {file} to the kata folder (see katas/README.md)"),
            });
        }
    }

    Ok(Kata {
        reference: solutions.join(format!("{}.rs", meta.slug)),
        dir: dir.to_path_buf(),
        meta,
        dependencies,
        lockfile: deps.lockfile.clone(),
    })
}

fn check_orders_unique(katas: &[Kata]) -> Result<()> {
    let mut seen: BTreeMap<(u8, u32), &Kata> = BTreeMap::new();
    for kata in katas {
        if let Some(other) = seen.insert((kata.meta.track, kata.meta.order), kata) {
            let path = kata.dir.join("kata.toml");
            let text = read_text(&path)?;
            let (line, column) = locate(&text, "order");
            return Err(Error::Manifest {
                path,
                line,
                column,
                message: format!(
                    "order {} of track {} is taken by `{}` too",
                    kata.meta.order,
                    kata.meta.track,
                    other.slug()
                ),
                help: "give each kata of a track its own order".into(),
            });
        }
    }
    Ok(())
}

/// Reads a file the runner needs as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(Error::io("reading", path))?;
    String::from_utf8(bytes).map_err(|e| Error::KataFile {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
        help: "save the file as UTF-8".into(),
    })
}

fn toml_error(path: &Path, text: &str, error: &toml::de::Error) -> Error {
    let (line, column) = error
        .span()
        .map(|span| line_column(text, span.start))
        .unwrap_or((1, 1));
    Error::Manifest {
        path: path.to_path_buf(),
        line,
        column,
        message: error.message().trim().to_string(),
        help: "fix the entry; katas/README.md lists every key and its type".into(),
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The line and column of `key = ...` in a TOML text, for errors found after parsing.
fn locate(text: &str, key: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return line_column(text, offset + (line.len() - trimmed.len()));
            }
        }
        offset += line.len();
    }
    (1, 1)
}

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_keys_not_prefixes() {
        let text = "slugs = 1\nslug = \"x\"\n  order = 3\n";
        assert_eq!(locate(text, "slug"), (2, 1));
        assert_eq!(locate(text, "order"), (3, 3));
        assert_eq!(locate(text, "missing"), (1, 1));
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_line() {
        let text = "slug = \"a\"\ntitle = \"A\"\ntrack = 1\norder = 1\ndifficulty = \"easy\"\nsource = \"s\"\nhints = [\"h\"]\ntimelimit = 3\n";
        let err = toml::from_str::<KataMeta>(text).unwrap_err();
        let Error::Manifest { line, message, .. } = toml_error(Path::new("k.toml"), text, &err)
        else {
            panic!("not a manifest error")
        };
        assert_eq!(line, 8);
        assert!(message.contains("unknown field `timelimit`"), "{message}");
    }

    #[test]
    fn wrong_types_name_the_line() {
        let text = "slug = \"a\"\ntitle = \"A\"\ntrack = \"one\"\n";
        let err = toml::from_str::<KataMeta>(text).unwrap_err();
        let Error::Manifest { line, .. } = toml_error(Path::new("k.toml"), text, &err) else {
            panic!("not a manifest error")
        };
        assert_eq!(line, 3);
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("two_sum_pairs"));
        assert!(!is_identifier("Two"));
        assert!(!is_identifier("two-sum"));
        assert!(!is_identifier("2sum"));
        assert!(!is_identifier(""));
    }
}
