//! The check pipeline: build, list, run each test in its own process, decide verdicts.
//!
//! `check`, `verify` and (later) `watch` and `grade` are thin drivers over [`Engine::check`]. The
//! engine emits [`Event`]s and returns a [`KataOutcome`]; it never prints. A test passes only when
//! libtest's own log (`--logfile`) records it as `ok` *and* the process exits with status 0: code
//! under test that exits early or prints libtest's lines to stdout cannot fake a pass.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::build::{BuildEnv, BuildOptions, Built, Source, SuiteExe};
use crate::catalogue::{read_text, Kata};
use crate::error::{Error, Result};
use crate::exec::{self, Ending, Job};
use crate::failure;
use crate::outcome::{
    CompileOutcome, Event, EventSink, KataOutcome, KataStatus, TestOutcome, TestStatus,
};
use crate::policy::Policy;
use crate::sandbox::{Confinement, Limits};

/// Listing a suite's tests must not take longer than this.
const LIST_LIMIT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Let failing tests print backtraces (about 120 ms per failing test).
    pub backtrace: bool,
    /// Test processes run at once.
    pub jobs: usize,
    /// Time the reference solution on performance tests (cached per machine).
    pub reference_timings: bool,
    /// Build in a persistent crate per kata with incremental compilation (practice), rather
    /// than a fresh temporary crate (verification, grading).
    pub incremental: bool,
    /// What the learner's code may use: strict for grading and verification, where a verdict
    /// counts for someone else (see [`crate::policy`]).
    pub policy: Policy,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            backtrace: false,
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            reference_timings: true,
            incremental: false,
            policy: Policy::Strict,
        }
    }
}

pub struct Engine {
    pub env: BuildEnv,
    pub options: CheckOptions,
}

/// One test to run: which executable, under which name it is reported.
struct Planned<'a> {
    suite: &'a SuiteExe,
    test: String,
    display: String,
}

impl Engine {
    pub fn new(env: BuildEnv, options: CheckOptions) -> Engine {
        Engine { env, options }
    }

    /// Checks `source` against the kata's hidden suite.
    pub fn check(&self, kata: &Kata, source: &Source, events: EventSink) -> Result<KataOutcome> {
        events(&Event::KataStarted { slug: kata.slug() });
        if self.options.policy == Policy::Strict {
            let found = crate::policy::scan(&source.text, kata.meta.unsafe_code);
            if !found.is_empty() {
                let lines: Vec<String> = found
                    .iter()
                    .map(|v| format!("{}:{}: {}", source.display.display(), v.line, v.what))
                    .collect();
                return Ok(policy_outcome(
                    kata,
                    source,
                    CompileOutcome::ok(),
                    lines,
                    events,
                ));
            }
        }
        let built = self.env.build(
            kata,
            source,
            BuildOptions {
                tests_only: false,
                incremental: self.options.incremental,
                policy: self.options.policy,
            },
            events,
        )?;
        events(&Event::Compiled {
            slug: kata.slug(),
            compile: &built.compile,
        });
        if self.options.policy == Policy::Strict && !built.compile.ok {
            let errors: Vec<&crate::outcome::Diagnostic> = built
                .compile
                .diagnostics
                .iter()
                .filter(|d| d.level == "error")
                .collect();
            if !errors.is_empty()
                && errors
                    .iter()
                    .all(|d| crate::policy::is_policy_lint(d.code.as_deref()))
            {
                let lines = errors.iter().map(|d| policy_line(d)).collect();
                let compile = CompileOutcome {
                    ok: true,
                    ..built.compile.clone()
                };
                return Ok(policy_outcome(kata, source, compile, lines, events));
            }
        }
        let mut outcome = KataOutcome {
            slug: kata.slug().to_string(),
            title: kata.meta.title.clone(),
            source: source.display.clone(),
            status: KataStatus::Error,
            compile: built.compile.clone(),
            tests: Vec::new(),
            error: None,
        };
        if built.compile.ok {
            outcome.tests = self.run_tests(kata, &built, &source.display, None, events)?;
            outcome
                .tests
                .extend(built.compile_fail.iter().map(compile_fail_outcome));
            if let Some(clippy) = &built.clippy {
                outcome.tests.push(clippy_outcome(clippy));
            }
            if self.options.reference_timings && outcome.tests.iter().any(|t| t.perf) {
                let times = self.reference_times(kata)?;
                for test in outcome.tests.iter_mut().filter(|t| t.perf) {
                    test.reference = times.get(&test.name).copied();
                }
            }
        }
        outcome.settle();
        events(&Event::KataFinished { outcome: &outcome });
        Ok(outcome)
    }

    /// Lists and runs the built suites; `only` restricts the run to the tests named.
    fn run_tests(
        &self,
        kata: &Kata,
        built: &Built,
        learner: &Path,
        only: Option<&[String]>,
        events: EventSink,
    ) -> Result<Vec<TestOutcome>> {
        let several_sets = kata.feature_sets().len() > 1;
        let mut planned = Vec::new();
        for suite in &built.suites {
            for test in list_tests(&suite.exe, &built.scratch_dir("list")?, kata.limits())? {
                if only.is_some_and(|names| !names.contains(&test)) {
                    continue;
                }
                let mut display = match suite.suite.as_str() {
                    "hidden" => test.clone(),
                    other => format!("{other}::{test}"),
                };
                if several_sets {
                    display = match suite.features.is_empty() {
                        true => format!("{display} [no features]"),
                        false => format!("{display} [features: {}]", suite.features.join(",")),
                    };
                }
                planned.push(Planned {
                    suite,
                    test,
                    display,
                });
            }
        }

        let results: Mutex<Vec<Option<TestOutcome>>> = Mutex::new(vec![None; planned.len()]);
        let next = AtomicUsize::new(0);
        let failure: Mutex<Option<Error>> = Mutex::new(None);
        std::thread::scope(|scope| {
            for _ in 0..self.options.jobs.max(1).min(planned.len().max(1)) {
                scope.spawn(|| loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(plan) = planned.get(index) else {
                        break;
                    };
                    match self.run_one(kata, built, learner, plan, index) {
                        Ok(test) => {
                            events(&Event::TestFinished {
                                slug: kata.slug(),
                                test: &test,
                            });
                            results.lock().expect("no panics while locked")[index] = Some(test);
                        }
                        Err(error) => {
                            failure
                                .lock()
                                .expect("no panics while locked")
                                .get_or_insert(error);
                        }
                    }
                });
            }
        });
        if let Some(error) = failure.into_inner().expect("no panics while locked") {
            return Err(error);
        }
        Ok(results
            .into_inner()
            .expect("no panics while locked")
            .into_iter()
            .flatten()
            .collect())
    }

    fn run_one(
        &self,
        kata: &Kata,
        built: &Built,
        learner: &Path,
        plan: &Planned<'_>,
        index: usize,
    ) -> Result<TestOutcome> {
        let cwd = built.scratch_dir(&format!("cwd-{index}"))?;
        // libtest's log decides the verdict, so its place must be unknown when the code is
        // compiled (the crate's own path is not: `env!("CARGO_MANIFEST_DIR")`): a folder with a
        // random name, made now.
        let logs = tempfile::Builder::new()
            .prefix("kata-log-")
            .tempdir()
            .map(crate::cleanup::TempDir::new)
            .map_err(Error::io("creating a folder in", std::env::temp_dir()))?;
        let log = logs.path().join("test.log");
        // Created here, so the confined test may write this one file and no other log.
        fs::write(&log, "").map_err(Error::io("creating", &log))?;
        let time_limit = kata.time_limit(&plan.test);
        let limits = kata.limits();
        let job = Job {
            program: plan.suite.exe.clone(),
            args: vec![
                "--exact".into(),
                plan.test.clone(),
                "--nocapture".into(),
                "--test-threads".into(),
                "1".into(),
                "--logfile".into(),
                log.display().to_string(),
            ],
            env: test_env(self.options.backtrace, &cwd),
            confinement: Some(Confinement {
                exe: plan.suite.exe.clone(),
                writable_dirs: vec![cwd.clone()],
                writable_files: vec![log.clone()],
                ..Confinement::default()
            }),
            cwd,
            time_limit,
            limits,
        };
        let finished = exec::run(&job)?;
        let logged = fs::read_to_string(&log).unwrap_or_default();
        let logged_ok = logged.lines().any(|l| l == format!("ok {}", plan.test));
        // libtest warns that `--logfile` is deprecated, without a newline; it is still the one
        // report of a pass that code under test cannot fake by printing.
        let stderr = finished
            .stderr
            .text()
            .replacen("warning: `--logfile` is deprecated", "", 1);
        let mut test = TestOutcome {
            name: plan.display.clone(),
            status: TestStatus::Failed,
            duration: finished.duration,
            message: None,
            expected: None,
            actual: None,
            reference: None,
            time_limit,
            perf: kata.is_perf(&plan.test),
            stdout: strip_libtest_lines(&finished.stdout.text(), &plan.test),
            stderr: stderr.clone(),
        };
        match finished.ending {
            Ending::Exited(0) if logged_ok => test.status = TestStatus::Passed,
            Ending::Exited(0) => {
                test.message = Some("the test process exited with status 0 before the test finished (does the code call std::process::exit?)".into());
            }
            // EAGAIN from fork or clone: the pids cgroup (or RLIMIT_NPROC) said no.
            Ending::Exited(101) if stderr.contains("Resource temporarily unavailable") => {
                test.message = Some(format!(
                    "process limit: could not start another process or thread; a test may run {} at once (starting them without bound?)",
                    limits.processes
                ));
            }
            Ending::Exited(101) => {
                let parsed = failure::parse(&stderr, learner);
                test.message = Some(parsed.message.unwrap_or_else(|| "the test failed".into()));
                test.expected = parsed.expected;
                test.actual = parsed.actual;
            }
            Ending::Exited(code) => {
                test.message = Some(format!(
                    "the test process exited with status {code} before the test finished (does the code call std::process::exit?)"
                ));
            }
            Ending::TimedOut => {
                test.status = TestStatus::TimedOut;
                test.message = Some(match test.perf {
                    true => format!("did not finish within {} ms: this test needs a solution of better complexity", time_limit.as_millis()),
                    false => format!("did not finish within {} ms (an endless loop, a deadlock, or a solution far too slow?)", time_limit.as_millis()),
                });
            }
            Ending::OutputLimit => {
                test.status = TestStatus::OutputLimit;
                test.message = Some(format!(
                    "output limit: stopped after printing more than {} MiB (printing in an endless loop?)",
                    limits.output >> 20
                ));
            }
            Ending::Signalled(libc::SIGXFSZ) => {
                test.status = TestStatus::OutputLimit;
                test.message = Some(format!(
                    "file size limit: stopped for writing a file larger than {} MiB",
                    limits.file_size >> 20
                ));
            }
            Ending::Signalled(_) if stderr.contains("memory allocation of") => {
                test.status = TestStatus::MemoryLimit;
                test.message = Some(format!(
                    "out of memory: an allocation failed at the limit of {} MiB (allocating without bound?)",
                    limits.memory >> 20
                ));
            }
            Ending::Signalled(signal) => {
                test.status = TestStatus::Crashed;
                test.message = Some(if stderr.contains("has overflowed its stack") {
                    "crashed: stack overflow (unbounded recursion?)".to_string()
                } else {
                    format!(
                        "crashed: killed by signal {signal} ({})",
                        exec::signal_name(signal)
                    )
                });
            }
        }
        Ok(test)
    }

    /// The reference solution's times on the kata's performance tests, cached per machine.
    fn reference_times(&self, kata: &Kata) -> Result<BTreeMap<String, Duration>> {
        let reference = read_text(&kata.reference)?;
        let suite = read_text(&kata.hidden_path())?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (kata.slug(), &reference, &suite).hash(&mut hasher);
        let key = format!("{}-{:016x}", kata.slug(), hasher.finish());
        let cache_path = self.env.cache_dir.join("reference-times.json");
        let mut cache: BTreeMap<String, BTreeMap<String, u64>> = fs::read_to_string(&cache_path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        if let Some(times) = cache.get(&key) {
            return Ok(times
                .iter()
                .map(|(k, v)| (k.clone(), Duration::from_micros(*v)))
                .collect());
        }

        let source = Source {
            display: kata.reference.clone(),
            text: reference,
        };
        let built = self.env.build(
            kata,
            &source,
            BuildOptions {
                tests_only: true,
                incremental: false,
                // The catalogue's own reference: trusted, and it may need what learners may not.
                policy: Policy::Practice,
            },
            &crate::outcome::no_events,
        )?;
        let mut times = BTreeMap::new();
        if built.compile.ok {
            let perf: Vec<String> = kata
                .meta
                .tests
                .iter()
                .filter(|(_, s)| s.perf)
                .map(|(name, _)| name.clone())
                .collect();
            let tests = self.run_tests(kata, &built, &source.display, Some(&perf), &|_| {})?;
            for test in tests.into_iter().filter(|t| t.passed()) {
                times.insert(test.name, test.duration);
            }
        }
        cache.insert(
            key,
            times
                .iter()
                .map(|(k, v)| (k.clone(), v.as_micros() as u64))
                .collect(),
        );
        // The cache is an optimisation: failing to save it only costs a rebuild next time.
        if let Ok(mut file) = tempfile::NamedTempFile::new_in(&self.env.cache_dir) {
            use std::io::Write;
            if file
                .write_all(
                    serde_json::to_string_pretty(&cache)
                        .unwrap_or_default()
                        .as_bytes(),
                )
                .is_ok()
            {
                let _ = file.persist(&cache_path);
            }
        }
        Ok(times)
    }
}

/// A kata whose code breaks the grading policy: one failed `policy` check, no test run (a test
/// of such code could be forged, so none may count).
fn policy_outcome(
    kata: &Kata,
    source: &Source,
    compile: CompileOutcome,
    lines: Vec<String>,
    events: EventSink,
) -> KataOutcome {
    let mut outcome = KataOutcome {
        slug: kata.slug().to_string(),
        title: kata.meta.title.clone(),
        source: source.display.clone(),
        status: KataStatus::Error,
        compile,
        tests: vec![TestOutcome::check(
            "policy".into(),
            TestStatus::Failed,
            Some(crate::policy::message(&lines)),
            Duration::ZERO,
        )],
        error: None,
    };
    outcome.settle();
    events(&Event::KataFinished { outcome: &outcome });
    outcome
}

/// `FILE:LINE: message` of a compiler diagnostic, from its rendered ` --> FILE:LINE:COL`.
fn policy_line(diagnostic: &crate::outcome::Diagnostic) -> String {
    // Rendered with colours: drop the escape sequences first.
    let mut plain = String::new();
    let mut chars = diagnostic.rendered.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            plain.push(c);
        }
    }
    let place = plain
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|p| p.rsplit_once(':').map_or(p, |(place, _column)| place))
        .unwrap_or("");
    format!("{place}: {}", diagnostic.message)
}

/// The environment of a test process: only what a test needs, none of the caller's secrets.
fn test_env(backtrace: bool, cwd: &Path) -> Vec<(String, String)> {
    let mut env = vec![
        // Temporary files go to the test's own directory, the one place it may write.
        ("TMPDIR".to_string(), cwd.display().to_string()),
        // glibc reserves 64 MiB of address space per thread arena (up to 8 per CPU), which
        // would count against the memory limit long before any memory is used.
        ("MALLOC_ARENA_MAX".to_string(), "2".to_string()),
        (
            "RUST_BACKTRACE".to_string(),
            if backtrace { "1" } else { "0" }.to_string(),
        ),
        (
            "PATH".to_string(),
            "/usr/local/bin:/usr/bin:/bin".to_string(),
        ),
    ];
    for key in ["LANG", "LC_ALL", "TZ"] {
        if let Ok(value) = std::env::var(key) {
            env.push((key.to_string(), value));
        }
    }
    env
}

/// A suite's test names, from `--list --format terse`.
fn list_tests(exe: &Path, cwd: &Path, limits: Limits) -> Result<Vec<String>> {
    let finished = exec::run(&Job {
        program: exe.to_path_buf(),
        args: vec!["--list".into(), "--format".into(), "terse".into()],
        cwd: cwd.to_path_buf(),
        env: test_env(false, cwd),
        time_limit: LIST_LIMIT,
        limits,
        confinement: Some(Confinement {
            exe: exe.to_path_buf(),
            writable_dirs: vec![cwd.to_path_buf()],
            writable_files: Vec::new(),
            ..Confinement::default()
        }),
    })?;
    if finished.ending != Ending::Exited(0) {
        return Err(Error::Cargo {
            manifest: None,
            stderr: finished.stderr.text(),
            help: format!(
                "listing the tests of {} failed; run the check again, and report it if it persists",
                exe.display()
            ),
        });
    }
    Ok(String::from_utf8_lossy(&finished.stdout.bytes)
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_string)
        .collect())
}

/// What the learner's code printed, without libtest's own framing lines.
fn strip_libtest_lines(stdout: &str, test: &str) -> String {
    let own = [
        "running 1 test".to_string(),
        format!("test {test} ... ok"),
        format!("test {test} ... FAILED"),
    ];
    // A test that crashed or was stopped leaves libtest's "test NAME ... " unfinished, and
    // whatever the code printed without a newline follows it on the same line.
    let started = format!("test {test} ...");
    stdout
        .lines()
        .filter(|l| !own.iter().any(|o| o == l))
        .map(|l| l.strip_prefix(started.as_str()).map_or(l, str::trim_start))
        .filter(|l| {
            !l.starts_with("test result: ")
                && !l.is_empty()
                && *l != "failures:"
                && !l.starts_with("    ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn compile_fail_outcome(result: &crate::build::CompileFailResult) -> TestOutcome {
    let (status, message) = if result.compiled {
        (
            TestStatus::Failed,
            Some(format!(
                "this snippet must not compile against your code, but it did: the API allows what the task forbids ({})",
                result.name.replace('_', " ")
            )),
        )
    } else if result.codes.contains(&result.expected_code) {
        (TestStatus::Passed, None)
    } else {
        (
            TestStatus::Failed,
            Some(format!(
                "this snippet must fail to compile with {}, but failed with {}: {}",
                result.expected_code,
                if result.codes.is_empty() {
                    "no error code".to_string()
                } else {
                    result.codes.join(", ")
                },
                result.messages.join("; ")
            )),
        )
    };
    TestOutcome::check(
        format!("compile_fail::{}", result.name),
        status,
        message,
        Duration::ZERO,
    )
}

fn clippy_outcome(clippy: &crate::build::ClippyResult) -> TestOutcome {
    let text: Vec<&str> = clippy
        .diagnostics
        .iter()
        .map(|d| d.rendered.as_str())
        .collect();
    let status = match clippy.clean {
        true => TestStatus::Passed,
        false => TestStatus::Failed,
    };
    let message = (!clippy.clean).then(|| {
        format!(
            "this kata asks for clippy-clean code; clippy says:\n{}",
            text.join("\n")
        )
    });
    TestOutcome::check("clippy".into(), status, message, clippy.duration)
}

/// Makes `path` relative to the current directory when it lies below it, for display.
pub fn display_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
