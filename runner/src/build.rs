//! Turning one solution of one kata into test executables: the kata crate and cargo.
//!
//! Owns the kata crate's layout, the build and the mapping of compiler output back to the
//! learner's file. Knows the catalogue's types but never runs tests or prints.
//!
//! One cargo call builds the library, the suites and any compile-fail snippets. The suites live
//! outside the crate, where the learner's code cannot name them in an `include_str!` (see
//! `build`), and they are deleted before any test runs.
//!
//! Why a verdict always belongs to the bytes checked: every input is written under the build
//! lock and stamped newer than the end of the previous build (see `Stamp`), so cargo, which
//! decides freshness by timestamps, rebuilds. Nothing is ever copied with its original
//! timestamps. The lock serialises builds into the shared target directory, and test executables
//! are copied out of it before the lock is released, so a concurrent build of the same kata
//! cannot replace a binary while its tests run.

use std::ffi::OsString;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::catalogue::Kata;
use crate::error::{Error, Result};
use crate::outcome::{CompileOutcome, Diagnostic, Event, EventSink};
use crate::policy::Policy;

/// Where kata builds happen: the per-machine cache shared by every check.
#[derive(Debug, Clone)]
pub struct BuildEnv {
    pub cache_dir: PathBuf,
    pub target_dir: PathBuf,
    assert_dir: PathBuf,
    cargo: String,
    toolchain: OnceLock<std::result::Result<Toolchain, String>>,
}

/// Where the compiler lives, found once per run: builds name rustc by its full path (no rustup
/// proxy in between) and give the compiler read access to exactly these folders.
#[derive(Debug, Clone)]
struct Toolchain {
    sysroot: PathBuf,
    rustc: PathBuf,
    clippy_driver: Option<PathBuf>,
    cargo_home: Option<PathBuf>,
    rustup_home: Option<PathBuf>,
}

impl Toolchain {
    /// Asks rustc for its sysroot, from `dir` (where kata crates are built, so a toolchain
    /// override of the caller's folder does not count). The answer is kept in `dir` for as
    /// long as what decides it is unchanged: asking through rustup's proxy costs about 30 ms.
    fn find(dir: &Path) -> std::result::Result<Toolchain, String> {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let rustup_home = std::env::var_os("RUSTUP_HOME")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".rustup")));
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for key in [
            "PATH",
            "RUSTC",
            "RUSTUP_TOOLCHAIN",
            "RUSTUP_HOME",
            "CARGO_HOME",
        ] {
            std::hash::Hash::hash(&std::env::var_os(key), &mut hasher);
        }
        // `rustup default` rewrites its settings.
        let settings = rustup_home.as_ref().map(|h| h.join("settings.toml"));
        std::hash::Hash::hash(
            &settings.and_then(|s| fs::metadata(s).and_then(|m| m.modified()).ok()),
            &mut hasher,
        );
        let cached = dir.join(format!(
            "toolchain-{:016x}",
            std::hash::Hasher::finish(&hasher)
        ));
        let sysroot = match fs::read_to_string(&cached) {
            Ok(text) if Path::new(text.trim()).join("bin").join("rustc").is_file() => {
                PathBuf::from(text.trim())
            }
            _ => {
                // A group of its own, registered, so that an interrupt ends it too.
                let spawning = crate::cleanup::spawn_guard();
                let child = std::process::Command::new(&rustc)
                    .args(["--print", "sysroot"])
                    .current_dir(dir)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .process_group(0)
                    .spawn()
                    .map_err(|e| format!("`{rustc} --print sysroot` could not start: {e}"))?;
                let pgid = child.id() as i32;
                crate::cleanup::register_group(pgid);
                drop(spawning);
                let output = child.wait_with_output();
                crate::cleanup::unregister_group(pgid);
                let output =
                    output.map_err(|e| format!("`{rustc} --print sysroot` failed: {e}"))?;
                if !output.status.success() {
                    return Err(format!(
                        "`{rustc} --print sysroot` failed: {}",
                        String::from_utf8_lossy(&output.stderr).trim()
                    ));
                }
                let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_string();
                // Only an optimisation: a failure to save costs a probe next time.
                let _ = fs::write(&cached, &sysroot);
                PathBuf::from(sysroot)
            }
        };
        let clippy = sysroot.join("bin").join("clippy-driver");
        Ok(Toolchain {
            rustc: sysroot.join("bin").join("rustc"),
            clippy_driver: clippy.is_file().then_some(clippy),
            cargo_home: std::env::var_os("CARGO_HOME")
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".cargo"))),
            rustup_home,
            sysroot,
        })
    }
}

/// The helper crate's sources, embedded so an installed runner needs nothing else on disk.
const ASSERT_LIB: &str = include_str!("../assert/src/lib.rs");
const ASSERT_MANIFEST: &str = "[package]\nname = \"kata-assert\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[lib]\ndoctest = false\ntest = false\n";

impl BuildEnv {
    /// The cache named by `KATA_CACHE_DIR`, else `$XDG_CACHE_HOME/kata` or `~/.cache/kata`.
    pub fn from_env() -> Result<BuildEnv> {
        let dir = if let Some(dir) = std::env::var_os("KATA_CACHE_DIR") {
            PathBuf::from(dir)
        } else if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
            PathBuf::from(dir).join("kata")
        } else if let Some(home) = std::env::var_os("HOME") {
            PathBuf::from(home).join(".cache").join("kata")
        } else {
            std::env::temp_dir().join("kata-cache")
        };
        BuildEnv::new(dir)
    }

    pub fn new(cache_dir: PathBuf) -> Result<BuildEnv> {
        let assert_dir = cache_dir.join("kata-assert");
        fs::create_dir_all(assert_dir.join("src")).map_err(Error::io("creating", &assert_dir))?;
        // Written only when different, so the helper keeps its timestamp and stays compiled.
        write_if_changed(&assert_dir.join("Cargo.toml"), ASSERT_MANIFEST)?;
        write_if_changed(&assert_dir.join("src").join("lib.rs"), ASSERT_LIB)?;
        Ok(BuildEnv {
            target_dir: cache_dir.join("target"),
            cache_dir,
            assert_dir,
            cargo: std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
            toolchain: OnceLock::new(),
        })
    }
}

/// The code being checked, and the path the learner knows it by.
#[derive(Debug, Clone)]
pub struct Source {
    pub display: PathBuf,
    pub text: String,
}

/// One test executable, built for one feature set.
#[derive(Debug, Clone)]
pub struct SuiteExe {
    /// `hidden` or `examples`.
    pub suite: String,
    pub features: Vec<String>,
    pub exe: PathBuf,
}

/// How one compile-fail snippet fared against the learner's code.
#[derive(Debug, Clone)]
pub struct CompileFailResult {
    pub name: String,
    pub expected_code: String,
    /// Error codes the snippet failed with; empty when it compiled.
    pub codes: Vec<String>,
    pub compiled: bool,
    pub messages: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ClippyResult {
    pub clean: bool,
    pub duration: Duration,
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of a build. The temporary crate lives as long as this value.
#[derive(Debug)]
pub struct Built {
    pub compile: CompileOutcome,
    pub suites: Vec<SuiteExe>,
    pub compile_fail: Vec<CompileFailResult>,
    pub clippy: Option<ClippyResult>,
    dir: crate::cleanup::TempDir,
}

impl Built {
    /// An empty directory inside the temporary crate, for a test's working directory.
    pub fn scratch_dir(&self, name: &str) -> Result<PathBuf> {
        // One level at a time below the temporary crate, never the crate itself: once an
        // interrupt has removed it, a test about to start must not bring it back.
        let run = self.dir.path().join("run");
        let dir = run.join(name);
        for level in [&run, &dir] {
            match fs::create_dir(level) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    return Err(Error::io("creating", level)(e));
                }
                _ => {}
            }
        }
        Ok(dir)
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Leave out compile-fail snippets and the clippy gate (for reference timings).
    pub tests_only: bool,
    /// Build in the kata's persistent crate in the cache, with incremental compilation: faster
    /// after a small edit (practice), slower when a whole different file is checked (grading,
    /// verification).
    pub incremental: bool,
    /// What the learner's crate may use (see [`crate::policy`]). A strict build always happens
    /// in a fresh crate: the policy's flags are given by the wrapper, where cargo's freshness
    /// check does not see them.
    pub policy: Policy,
}

impl BuildEnv {
    /// Builds `source` as the library of `kata` and the kata's suites against it.
    /// `events` hears of dependencies compiled on the way (the first build that needs them).
    pub fn build(
        &self,
        kata: &Kata,
        source: &Source,
        options: BuildOptions,
        events: EventSink,
    ) -> Result<Built> {
        let dir = tempfile::Builder::new()
            .prefix(&format!("kata-{}-", kata.slug()))
            .tempdir()
            .map(crate::cleanup::TempDir::new)
            .map_err(Error::io(
                "creating a temporary crate in",
                std::env::temp_dir(),
            ))?;

        self.fetch(&kata.lockfile)?;
        // Everything from writing the sources to copying the executables out happens under the
        // lock, so no other build can land between our writes and our build.
        fs::create_dir_all(&self.target_dir).map_err(Error::io("creating", &self.target_dir))?;
        let lock_path = self.target_dir.join(".kata-build.lock");
        let mut lock = fs::File::create(&lock_path).map_err(Error::io("creating", &lock_path))?;
        lock.lock().map_err(Error::io("locking", &lock_path))?;
        // Touching the lock file gives a timestamp no older than any artifact of earlier builds;
        // every source of this build is stamped later than it (see `Stamp`).
        std::io::Write::write_all(&mut lock, b"kata build\n")
            .map_err(Error::io("writing", &lock_path))?;
        let stamp = Stamp::after(&lock_path)?;

        let incremental = options.incremental && options.policy == Policy::Practice;
        let root = if incremental {
            self.cache_dir.join("crates").join(kata.slug())
        } else {
            dir.path().join("crate")
        };
        let root = root.as_path();
        fs::create_dir_all(root).map_err(Error::io("creating", root))?;
        // Layouts of earlier versions kept the suites inside the crate.
        let _ = fs::remove_dir_all(root.join("tests"));
        let _ = fs::remove_dir_all(root.join("examples"));

        // The suites and snippets live outside the crate. For a fresh crate (grading,
        // verification) they go in this build's own temporary folder, whose random name appears
        // only in the manifest: code under test can read the manifest as a string at compile
        // time, but `include_str!` takes only literals (and literals built from environment
        // variables, none of which holds this path), so the suite cannot be compiled into the
        // library. The persistent crate of practice keeps them at one place beside it, because
        // a suite whose path changes is recompiled from scratch (about 40 ms a check), and the
        // learner has the catalogue anyway. Either way the folder is deleted before any test runs.
        let suite_dir = if incremental {
            self.cache_dir
                .join("crates")
                .join(format!(".{}-suites", kata.slug()))
        } else {
            dir.path().join("suite")
        };
        fs::create_dir_all(&suite_dir).map_err(Error::io("creating", &suite_dir))?;
        let mut suites = vec![("hidden".to_string(), suite_dir.join("hidden.rs"))];
        stamp.copy(&kata.hidden_path(), &suites[0].1)?;
        if let Some(examples) = kata.examples_path() {
            let path = suite_dir.join("examples.rs");
            stamp.copy(&examples, &path)?;
            suites.push(("examples".to_string(), path));
        }
        let mut snippets = Vec::new();
        if !options.tests_only {
            for case in &kata.meta.compile_fail {
                let path = suite_dir.join(format!("{}.rs", case.name));
                stamp.copy(&kata.compile_fail_path(case), &path)?;
                snippets.push((case.name.clone(), path));
            }
        }

        stamp.write(
            &root.join("Cargo.toml"),
            self.manifest(kata, &suites, &snippets).as_bytes(),
        )?;
        let lockfile = fs::read(&kata.lockfile).map_err(Error::io("reading", &kata.lockfile))?;
        stamp.write(&root.join("Cargo.lock"), &lockfile)?;
        fs::create_dir_all(root.join("src")).map_err(Error::io("creating", root))?;
        stamp.write(&root.join("src").join("lib.rs"), source.text.as_bytes())?;

        let mut built = Built {
            compile: CompileOutcome {
                ok: true,
                ..CompileOutcome::default()
            },
            suites: Vec::new(),
            compile_fail: Vec::new(),
            clippy: None,
            dir,
        };
        let job = CargoJob {
            // Canonical, as the wrapper compares them with the paths cargo gives rustc.
            root: root.canonicalize().map_err(Error::io("resolving", root))?,
            suite_dir: suite_dir
                .canonicalize()
                .map_err(Error::io("resolving", &suite_dir))?,
            incremental,
            policy: options.policy,
            unsafe_allowed: kata.meta.unsafe_code,
            uses_tokio: kata.meta.dependencies.iter().any(|d| d == "tokio"),
        };
        let result = self.build_feature_sets(kata, source, &job, options, &mut built, events);
        let _ = fs::remove_dir_all(&suite_dir);
        result?;
        drop(lock);
        Ok(built)
    }

    /// One cargo call per feature set builds the library, the suites and (the first time) the
    /// compile-fail snippets; clippy runs once, on the first set.
    fn build_feature_sets(
        &self,
        kata: &Kata,
        source: &Source,
        job: &CargoJob,
        options: BuildOptions,
        built: &mut Built,
        events: EventSink,
    ) -> Result<()> {
        let root = job.root.as_path();
        for (index, features) in kata.feature_sets().into_iter().enumerate() {
            let first = index == 0;
            let features_arg = features.join(",");
            let mut args = vec!["build", "--profile", "test", "--lib", "--tests"];
            let with_snippets = first && !options.tests_only && !kata.meta.compile_fail.is_empty();
            if with_snippets {
                args.extend(["--examples", "--keep-going"]);
            }
            if !features.is_empty() {
                args.extend(["--features", features_arg.as_str()]);
            }
            let run = self.cargo(job, &args, events)?;
            built.compile.duration += run.duration;

            let lib_diagnostics = run.diagnostics(Target::Lib, source);
            let lib_failed = lib_diagnostics.iter().any(|d| d.level == "error");
            if first || lib_failed {
                built.compile.diagnostics.extend(lib_diagnostics);
            }
            let suite_errors: Vec<Diagnostic> = run
                .diagnostics(Target::Suite, source)
                .into_iter()
                .filter(|d| d.level == "error")
                .collect();
            if lib_failed || !suite_errors.is_empty() {
                built.compile.diagnostics.extend(suite_errors);
                built.compile.ok = false;
                return Ok(());
            }
            if run.executables.is_empty() {
                // Some compile errors never become JSON messages: the assembler's, for one
                // (`.incbin` of a file the build may not read).
                if let Some(diagnostic) = run.unreported_lib_error(kata.slug()) {
                    built.compile.diagnostics.push(diagnostic);
                    built.compile.ok = false;
                    return Ok(());
                }
                return Err(run.cargo_error(root));
            }
            if with_snippets {
                built.compile_fail = kata
                    .meta
                    .compile_fail
                    .iter()
                    .map(|case| run.compile_fail_result(case))
                    .collect();
            }
            let bin = built.dir.path().join("bin");
            fs::create_dir_all(&bin).map_err(Error::io("creating", &bin))?;
            for (suite, exe) in &run.executables {
                // Copied out of the shared target directory while the build lock is held.
                let copy = bin.join(format!("{index}-{suite}"));
                fs::copy(exe, &copy).map_err(Error::io("copying", exe))?;
                built.suites.push(SuiteExe {
                    suite: suite.clone(),
                    features: features.clone(),
                    exe: copy,
                });
            }

            if first && kata.meta.clippy && !options.tests_only {
                // The dev profile: `--profile test` would check the library as a test harness.
                let mut args = vec!["clippy", "--lib"];
                if !features.is_empty() {
                    args.extend(["--features", features_arg.as_str()]);
                }
                args.extend(["--", "-D", "warnings"]);
                let clippy = self.cargo(job, &args, events)?;
                let diagnostics: Vec<Diagnostic> = clippy
                    .diagnostics(Target::Lib, source)
                    .into_iter()
                    .filter(|d| d.level == "error" || d.level == "warning")
                    .collect();
                if !clippy.success && diagnostics.is_empty() {
                    return Err(clippy.cargo_error(root));
                }
                built.clippy = Some(ClippyResult {
                    clean: clippy.success && diagnostics.is_empty(),
                    duration: clippy.duration,
                    diagnostics,
                });
            }
        }
        Ok(())
    }

    fn manifest(
        &self,
        kata: &Kata,
        suites: &[(String, PathBuf)],
        snippets: &[(String, PathBuf)],
    ) -> String {
        let mut manifest = toml::Table::new();
        let mut package = toml::Table::new();
        package.insert("name".into(), kata.slug().into());
        package.insert("version".into(), "0.0.0".into());
        package.insert("edition".into(), "2021".into());
        package.insert("publish".into(), false.into());
        package.insert("autotests".into(), false.into());
        package.insert("autoexamples".into(), false.into());
        package.insert("autobins".into(), false.into());
        package.insert("autobenches".into(), false.into());
        manifest.insert("package".into(), package.into());
        let targets = |entries: &[(String, PathBuf)]| -> toml::Value {
            entries
                .iter()
                .map(|(name, path)| {
                    let mut target = toml::Table::new();
                    target.insert("name".into(), name.clone().into());
                    target.insert("path".into(), path.display().to_string().into());
                    toml::Value::Table(target)
                })
                .collect::<Vec<_>>()
                .into()
        };
        manifest.insert("test".into(), targets(suites));
        if !snippets.is_empty() {
            manifest.insert("example".into(), targets(snippets));
        }
        let mut lib = toml::Table::new();
        lib.insert("test".into(), false.into());
        lib.insert("doctest".into(), false.into());
        manifest.insert("lib".into(), lib.into());
        let deps: toml::Table = kata.dependencies.iter().cloned().collect();
        manifest.insert("dependencies".into(), deps.into());
        let mut dev = toml::Table::new();
        let mut assert = toml::Table::new();
        assert.insert("path".into(), self.assert_dir.display().to_string().into());
        dev.insert("kata-assert".into(), assert.into());
        manifest.insert("dev-dependencies".into(), dev.into());
        let features: toml::Table = kata
            .declared_features()
            .into_iter()
            .map(|f| (f, toml::Value::Array(Vec::new())))
            .collect();
        if !features.is_empty() {
            manifest.insert("features".into(), features.into());
        }
        // Every kata crate shares these settings, so dependencies compile once per machine.
        let mut test = toml::Table::new();
        test.insert("debug".into(), 0.into());
        test.insert("opt-level".into(), 1.into());
        let mut profile = toml::Table::new();
        profile.insert("test".into(), test.into());
        manifest.insert("profile".into(), profile.into());
        // A workspace of its own, so that no enclosing workspace claims the crate.
        manifest.insert("workspace".into(), toml::Table::new().into());
        toml::to_string(&manifest).expect("a manifest of strings and tables serialises")
    }

    fn cargo(&self, job: &CargoJob, args: &[&str], events: EventSink) -> Result<CargoRun> {
        let dir = job.root.as_path();
        let incremental = job.incremental;
        // Cargo's own options go before any `--`, which starts the arguments for rustc or clippy.
        let split = args.iter().position(|a| *a == "--").unwrap_or(args.len());
        let mut all: Vec<&str> = args[..split].to_vec();
        all.extend(["--message-format", "json-diagnostic-rendered-ansi"]);
        all.extend(&args[split..]);
        let start = Instant::now();
        let spawn_error = |source| Error::Spawn {
            program: self.cargo.clone(),
            help: "kata needs cargo on PATH: install Rust with rustup (https://rustup.rs)".into(),
            source,
        };
        let spawning = crate::cleanup::spawn_guard();
        let env = self.cargo_env(job)?;
        let reader = duct::cmd(self.cargo_program()?, &all)
            .dir(dir)
            .full_env(env)
            // Incremental state does not survive a change of directory: in a fresh temporary
            // crate it would only cost time.
            .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
            .stderr_capture()
            .unchecked()
            // A group of its own, so an interrupt can end cargo and every rustc it started.
            .before_spawn(|command| {
                std::os::unix::process::CommandExt::process_group(command, 0);
                Ok(())
            })
            .reader()
            .map_err(spawn_error)?;
        let pgids: Vec<i32> = reader.pids().into_iter().map(|p| p as i32).collect();
        pgids
            .iter()
            .for_each(|p| crate::cleanup::register_group(*p));
        drop(spawning);
        let mut run = CargoRun {
            success: false,
            duration: Duration::ZERO,
            messages: Vec::new(),
            executables: Vec::new(),
            stderr: String::new(),
        };
        // Messages are read as cargo writes them, so compiling dependencies can show progress.
        let mut progress = DependencyProgress::new(dir);
        let mut lines = std::io::BufReader::new(&reader);
        let mut line = String::new();
        loop {
            line.clear();
            match std::io::BufRead::read_line(&mut lines, &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(source) => return Err(spawn_error(source)),
            }
            let Ok(value) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            match value["reason"].as_str() {
                Some("compiler-message") => run.messages.push(value),
                Some("compiler-artifact") => {
                    if value["profile"]["test"].as_bool() == Some(true) {
                        if let (Some(exe), Some(name)) = (
                            value["executable"].as_str(),
                            value["target"]["name"].as_str(),
                        ) {
                            run.executables.push((name.to_string(), PathBuf::from(exe)));
                        }
                    }
                    progress.artifact(&value, events);
                }
                _ => {}
            }
        }
        progress.finish(events);
        let output = reader.try_wait().map_err(spawn_error)?.cloned();
        pgids
            .iter()
            .for_each(|p| crate::cleanup::unregister_group(*p));
        if let Some(output) = output {
            run.success = output.status.success();
            run.stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        }
        run.duration = start.elapsed();
        Ok(run)
    }
}

/// What one cargo call builds, for the wrapper's confinement and policy.
struct CargoJob {
    root: PathBuf,
    suite_dir: PathBuf,
    incremental: bool,
    policy: Policy,
    unsafe_allowed: bool,
    uses_tokio: bool,
}

impl BuildEnv {
    fn toolchain(&self) -> Result<&Toolchain> {
        self.toolchain
            .get_or_init(|| Toolchain::find(&self.cache_dir))
            .as_ref()
            .map_err(|why| Error::Setup {
                message: format!("could not run the Rust toolchain: {why}"),
                help: "kata needs rustc and cargo on PATH: install Rust with rustup (https://rustup.rs)".into(),
            })
    }

    /// The toolchain's own cargo, without rustup's proxy in between (about 25 ms a call),
    /// unless `CARGO` names one.
    fn cargo_program(&self) -> Result<PathBuf> {
        let own = self.toolchain()?.sysroot.join("bin").join("cargo");
        Ok(match std::env::var_os("CARGO").is_none() && own.is_file() {
            true => own,
            false => PathBuf::from(&self.cargo),
        })
    }

    /// Cargo's whole environment: what cargo and rustc need, nothing of the caller's (no tokens,
    /// no `RUSTFLAGS`, no `RUSTC_BOOTSTRAP`), so `option_env!` finds no secret; offline, since
    /// dependencies were fetched beforehand ([`BuildEnv::fetch`]); every rustc through the wrapper.
    fn cargo_env(&self, job: &CargoJob) -> Result<Vec<(OsString, OsString)>> {
        let toolchain = self.toolchain()?.clone();
        let exe = std::env::current_exe().map_err(Error::io("finding", "the kata executable"))?;
        let tmp = self.target_dir.join("tmp");
        fs::create_dir_all(&tmp).map_err(Error::io("creating", &tmp))?;
        let mut env: Vec<(OsString, OsString)> = Vec::new();
        for key in CALLER_ENV {
            if let Some(value) = std::env::var_os(key) {
                env.push((key.into(), value));
            }
        }
        let mut set = |key: &str, value: &dyn AsRef<std::ffi::OsStr>| {
            env.push((key.into(), value.as_ref().to_os_string()));
        };
        if let Some(home) = &toolchain.cargo_home {
            set("CARGO_HOME", home);
        }
        if let Some(home) = &toolchain.rustup_home {
            set("RUSTUP_HOME", home);
        }
        set("CARGO_TARGET_DIR", &self.target_dir);
        set("CARGO_TERM_COLOR", &"never");
        set("CARGO_NET_OFFLINE", &"true");
        // The compiler's and linker's temporary files, inside the one folder they may write.
        set("TMPDIR", &tmp);
        set("RUSTC", &toolchain.rustc);
        set("RUSTC_WRAPPER", &exe);
        set(crate::wrapper::MODE, &"1");
        set(crate::wrapper::CRATE, &job.root);
        set(crate::wrapper::SUITE, &job.suite_dir);
        set(crate::wrapper::WRITE, &self.target_dir);
        let mut read = vec![toolchain.sysroot.clone(), self.assert_dir.clone()];
        if let Some(home) = &toolchain.cargo_home {
            // The dependency sources only: not credentials or configuration.
            read.push(home.join("registry"));
            read.push(home.join("git"));
        }
        if job.policy == Policy::Strict {
            let clippy = toolchain.clippy_driver.clone().ok_or_else(|| Error::Setup {
                message: "grading and verification compile solutions with clippy's lints, and this toolchain has no clippy".into(),
                help: "install it with `rustup component add clippy`".into(),
            })?;
            let conf = self.cache_dir.join("policy").join(match job.uses_tokio {
                true => "tokio",
                false => "std",
            });
            fs::create_dir_all(&conf).map_err(Error::io("creating", &conf))?;
            write_if_changed(
                &conf.join("clippy.toml"),
                &crate::policy::clippy_toml(job.uses_tokio),
            )?;
            read.push(conf.clone());
            set(crate::wrapper::CLIPPY, &clippy);
            set("CLIPPY_CONF_DIR", &conf);
            if job.unsafe_allowed {
                set(crate::wrapper::UNSAFE_ALLOWED, &"1");
            }
        }
        let read: Vec<String> = read.iter().map(|p| p.display().to_string()).collect();
        set(crate::wrapper::READ, &read.join("\n"));
        Ok(env)
    }
}

impl BuildEnv {
    /// Downloads the dependencies a lockfile pins, once per machine and lockfile, so that every
    /// build after runs offline. The only cargo call that may reach the network; it compiles
    /// nothing.
    fn fetch(&self, lockfile: &Path) -> Result<()> {
        static FETCHED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
        let mut fetched = FETCHED.lock().unwrap_or_else(|e| e.into_inner());
        if fetched.iter().any(|p| p == lockfile) {
            return Ok(());
        }
        let text = fs::read(lockfile).map_err(Error::io("reading", lockfile))?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&text, &mut hasher);
        let stamp = self
            .cache_dir
            .join("fetched")
            .join(format!("{:016x}", std::hash::Hasher::finish(&hasher)));
        if !stamp.exists() {
            let manifest = lockfile.with_file_name("Cargo.toml");
            let toolchain = self.toolchain()?;
            let mut command = duct::cmd(
                &self.cargo,
                ["fetch", "--locked", "--quiet", "--manifest-path"],
            )
            .before_spawn({
                let manifest = manifest.clone();
                move |c| {
                    c.arg(&manifest);
                    Ok(())
                }
            })
            .full_env(
                CALLER_ENV
                    .iter()
                    .filter_map(|k| Some((*k, std::env::var_os(k)?))),
            )
            .env("CARGO_TERM_COLOR", "never")
            .stderr_capture()
            .stdout_null()
            .unchecked();
            if let Some(home) = &toolchain.cargo_home {
                command = command.env("CARGO_HOME", home);
            }
            if let Some(home) = &toolchain.rustup_home {
                command = command.env("RUSTUP_HOME", home);
            }
            let spawn_error = |source| Error::Spawn {
                program: self.cargo.clone(),
                help: "kata needs cargo on PATH: install Rust with rustup (https://rustup.rs)"
                    .into(),
                source,
            };
            // A group of its own, registered, so that an interrupt ends it too.
            let spawning = crate::cleanup::spawn_guard();
            let handle = command
                .before_spawn(|c| {
                    c.process_group(0);
                    Ok(())
                })
                .start()
                .map_err(spawn_error)?;
            let pgids: Vec<i32> = handle.pids().into_iter().map(|p| p as i32).collect();
            pgids
                .iter()
                .for_each(|p| crate::cleanup::register_group(*p));
            drop(spawning);
            let output = handle.wait().cloned();
            pgids
                .iter()
                .for_each(|p| crate::cleanup::unregister_group(*p));
            let output = output.map_err(spawn_error)?;
            if !output.status.success() {
                return Err(Error::Cargo {
                    manifest: Some(manifest),
                    stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
                    help: "the katas' dependencies are downloaded once, before the first build: connect to the network (crates.io) and run the command again".into(),
                });
            }
            if let Some(dir) = stamp.parent() {
                fs::create_dir_all(dir).map_err(Error::io("creating", dir))?;
            }
            write(&stamp, "fetched\n")?;
        }
        fetched.push(lockfile.to_path_buf());
        Ok(())
    }
}

/// What cargo may keep of the caller's environment: where things are, and the locale.
const CALLER_ENV: &[&str] = &[
    "PATH",
    "HOME",
    "RUSTUP_TOOLCHAIN",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "LC_MESSAGES",
    "TZ",
];

/// Counts the dependencies cargo reports built, for a progress bar while they compile. Cargo
/// reports every unit, built or already fresh; progress is shown only once one is really built.
struct DependencyProgress {
    manifest_dir: PathBuf,
    built: usize,
    total: Option<usize>,
    compiling: bool,
}

impl DependencyProgress {
    fn new(manifest_dir: &Path) -> DependencyProgress {
        DependencyProgress {
            // Cargo reports absolute manifest paths.
            manifest_dir: manifest_dir
                .canonicalize()
                .unwrap_or_else(|_| manifest_dir.to_path_buf()),
            built: 0,
            total: None,
            compiling: false,
        }
    }

    fn artifact(&mut self, message: &Value, events: EventSink) {
        let kind = message["target"]["kind"][0].as_str().unwrap_or("");
        let local = message["manifest_path"]
            .as_str()
            .is_some_and(|m| Path::new(m).parent() == Some(self.manifest_dir.as_path()));
        if local || kind == "custom-build" {
            return;
        }
        self.built += 1;
        self.compiling |= message["fresh"].as_bool() == Some(false);
        if self.compiling {
            // By now cargo has written the crate's resolved lockfile: one package per
            // dependency, and one for the crate itself. Read only once something compiles, so
            // a warm check never touches it.
            let manifest_dir = &self.manifest_dir;
            let total = *self.total.get_or_insert_with(|| {
                fs::read_to_string(manifest_dir.join("Cargo.lock"))
                    .map(|lock| lock.matches("[[package]]").count().saturating_sub(1))
                    .unwrap_or(0)
            });
            events(&Event::Dependencies {
                built: self.built,
                // The lockfile also names packages for other platforms, which never compile
                // here: the count is an upper bound, settled by `finish`.
                total: total.max(self.built + 1),
                current: message["target"]["name"].as_str().unwrap_or(""),
            });
        }
    }

    /// Cargo is done: whatever was built is all there was.
    fn finish(&self, events: EventSink) {
        if self.compiling {
            events(&Event::Dependencies {
                built: self.built,
                total: self.built,
                current: "",
            });
        }
    }
}

/// Said of a file the learner's code tried to read at compile time that the build refused.
const OUTSIDE_NOTE: &str = "  = note: that path is outside the kata: a solution is compiled from its own file alone, and may not include, `#[path]` or `.incbin` anything else\n";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Lib,
    Suite,
}

struct CargoRun {
    success: bool,
    duration: Duration,
    messages: Vec<Value>,
    executables: Vec<(String, PathBuf)>,
    stderr: String,
}

impl CargoRun {
    fn diagnostics(&self, target: Target, source: &Source) -> Vec<Diagnostic> {
        let wanted = match target {
            Target::Lib => "lib",
            Target::Suite => "test",
        };
        self.messages
            .iter()
            .filter(|m| m["target"]["kind"][0].as_str() == Some(wanted))
            .filter_map(|m| {
                let message = &m["message"];
                let level = message["level"].as_str()?.to_string();
                let text = message["message"].as_str()?.to_string();
                if !(level == "error" || level == "warning")
                    || text.starts_with("aborting due to")
                    || (text.ends_with("emitted") && text.contains("warning"))
                {
                    return None;
                }
                let code = message["code"]["code"].as_str().map(str::to_string);
                let rendered = match target {
                    Target::Lib => {
                        let mut rendered = message["rendered"]
                            .as_str()
                            .unwrap_or(&text)
                            .replace("src/lib.rs", &source.display.display().to_string());
                        // The build's confinement refused the read (see `crate::wrapper`).
                        if text.contains("Permission denied") || rendered.contains("Permission denied") {
                            rendered.push_str(OUTSIDE_NOTE);
                        }
                        rendered
                    }
                    // The suite is hidden: say what failed, not the suite's code.
                    Target::Suite => format!(
                        "{level}{}: {text}\n  = the hidden suite could not use your code: check that every name and signature matches the task statement exactly",
                        code.as_ref().map(|c| format!("[{c}]")).unwrap_or_default()
                    ),
                };
                Some(Diagnostic {
                    level,
                    code,
                    message: text,
                    rendered,
                })
            })
            .collect()
    }

    fn compile_fail_result(&self, case: &crate::catalogue::CompileFailCase) -> CompileFailResult {
        let mut codes = Vec::new();
        let mut messages = Vec::new();
        for m in &self.messages {
            if m["target"]["kind"][0].as_str() != Some("example")
                || m["target"]["name"].as_str() != Some(case.name.as_str())
                || m["message"]["level"].as_str() != Some("error")
            {
                continue;
            }
            if let Some(code) = m["message"]["code"]["code"].as_str() {
                codes.push(code.to_string());
            }
            if let Some(text) = m["message"]["message"].as_str() {
                if !text.starts_with("aborting due to") {
                    messages.push(text.to_string());
                }
            }
        }
        CompileFailResult {
            name: case.name.clone(),
            expected_code: case.error.clone(),
            compiled: messages.is_empty(),
            codes,
            messages,
        }
    }

    /// The learner's library failed with errors cargo printed only as text.
    fn unreported_lib_error(&self, slug: &str) -> Option<Diagnostic> {
        if self.success
            || !self
                .stderr
                .contains(&format!("could not compile `{slug}` (lib)"))
        {
            return None;
        }
        let mut lines = self
            .stderr
            .lines()
            .skip_while(|l| !l.starts_with("error: <"));
        let first = lines.next()?;
        let mut rendered: String = std::iter::once(first)
            .chain(lines.take_while(|l| !l.starts_with("error: could not compile")))
            .map(|l| format!("{l}\n"))
            .collect();
        if rendered.contains("Could not find incbin file") {
            rendered.push_str(OUTSIDE_NOTE);
        }
        Some(Diagnostic {
            level: "error".into(),
            code: None,
            message: first.trim_start_matches("error: ").to_string(),
            rendered,
        })
    }

    fn cargo_error(&self, manifest_dir: &Path) -> Error {
        let stderr = self.stderr.trim();
        let help = if stderr.contains("failed to download")
            || stderr.contains("Unable to update registry")
            || stderr.contains("failed to get")
            || stderr.contains("offline mode")
        {
            "a dependency is not in cargo's cache and the registry cannot be reached: connect to the network once and run the check again"
        } else if stderr.contains("No space left on device") {
            "the disk is full: free some space (the kata build cache is in KATA_CACHE_DIR, ~/.cache/kata by default) and run the check again"
        } else {
            "this is a fault of the runner or the machine, not of your code; run the check again, and report it if it persists"
        };
        Error::Cargo {
            manifest: Some(manifest_dir.join("Cargo.toml")),
            stderr: stderr.to_string(),
            help: help.into(),
        }
    }
}

/// Writes build inputs with modification times strictly after a floor.
///
/// Cargo calls a unit fresh when no source is newer than its last build, comparing timestamps
/// only, and file timestamps on Linux advance in coarse steps of a few milliseconds. A file written
/// in the same step as the end of the previous build into the shared target directory could
/// look no newer than it, and the previous solution's binary would be graded instead. So each
/// input is stamped at least a millisecond after the floor, which is taken after the build lock
/// is held and therefore after every earlier build ended.
struct Stamp {
    floor: std::time::SystemTime,
}

impl Stamp {
    fn after(path: &Path) -> Result<Stamp> {
        let floor = fs::metadata(path)
            .and_then(|m| m.modified())
            .map_err(Error::io("reading the timestamp of", path))?;
        Ok(Stamp { floor })
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let file = fs::File::create(path).map_err(Error::io("writing", path))?;
        std::io::Write::write_all(&mut &file, bytes).map_err(Error::io("writing", path))?;
        let written = file
            .metadata()
            .and_then(|m| m.modified())
            .map_err(Error::io("writing", path))?;
        if written <= self.floor {
            file.set_modified(self.floor + Duration::from_millis(1))
                .map_err(Error::io("setting the timestamp of", path))?;
        }
        Ok(())
    }

    fn copy(&self, from: &Path, to: &Path) -> Result<()> {
        let bytes = fs::read(from).map_err(Error::io("reading", from))?;
        self.write(to, &bytes)
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(Error::io("writing", path))
}

fn write_if_changed(path: &Path, text: &str) -> Result<()> {
    if fs::read(path).ok().as_deref() != Some(text.as_bytes()) {
        write(path, text)?;
    }
    Ok(())
}
