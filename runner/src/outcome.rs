//! The results model: what a check found, and the events emitted while it ran.
//!
//! Every reporter (human, JSON, and later JUnit and Markdown) renders these types; nothing here
//! knows how. A failed test or a compile error is an outcome, never an `Err`.

use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KataStatus {
    Passed,
    Failed,
    CompileError,
    /// The runner could not finish the check (for example, the suite listed no tests).
    Error,
    /// Grading only: the submission's file is missing or still the stub, so nothing was built.
    NotAttempted,
}

impl KataStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            KataStatus::Passed => "passed",
            KataStatus::Failed => "failed",
            KataStatus::CompileError => "compile_error",
            KataStatus::Error => "error",
            KataStatus::NotAttempted => "not_attempted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestStatus {
    Passed,
    Failed,
    TimedOut,
    Crashed,
    /// An allocation failed at the memory limit.
    MemoryLimit,
    /// Stopped for printing too much, or for writing a file over the file size limit.
    OutputLimit,
}

impl TestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TestStatus::Passed => "passed",
            TestStatus::Failed => "failed",
            TestStatus::TimedOut => "timed_out",
            TestStatus::Crashed => "crashed",
            TestStatus::MemoryLimit => "memory_limit",
            TestStatus::OutputLimit => "output_limit",
        }
    }
}

/// One compiler message about the checked code, with paths mapped back to the learner's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    /// As rustc renders it, in colour; reporters strip the colour where they must.
    pub rendered: String,
}

#[derive(Debug, Clone, Default)]
pub struct CompileOutcome {
    pub ok: bool,
    pub duration: Duration,
    pub diagnostics: Vec<Diagnostic>,
}

impl CompileOutcome {
    /// A compilation that succeeded, or was not needed, with nothing to say.
    pub fn ok() -> CompileOutcome {
        CompileOutcome {
            ok: true,
            ..CompileOutcome::default()
        }
    }
}

#[derive(Debug, Clone)]
pub struct TestOutcome {
    pub name: String,
    pub status: TestStatus,
    pub duration: Duration,
    /// Why the test did not pass, in the suite's words where it gave some.
    pub message: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// For performance tests: the reference solution's time on the same test, on this machine.
    pub reference: Option<Duration>,
    pub time_limit: Duration,
    pub perf: bool,
    /// What the code under test printed, capped.
    pub stdout: String,
    pub stderr: String,
}

impl TestOutcome {
    /// A verdict that did not come from running a test process: a compile-fail snippet, clippy.
    pub fn check(
        name: String,
        status: TestStatus,
        message: Option<String>,
        duration: Duration,
    ) -> TestOutcome {
        TestOutcome {
            name,
            status,
            duration,
            message,
            expected: None,
            actual: None,
            reference: None,
            time_limit: Duration::ZERO,
            perf: false,
            stdout: String::new(),
            stderr: String::new(),
        }
    }

    pub fn passed(&self) -> bool {
        self.status == TestStatus::Passed
    }
}

#[derive(Debug, Clone)]
pub struct KataOutcome {
    pub slug: String,
    pub title: String,
    /// The file that was checked, as the learner knows it.
    pub source: PathBuf,
    pub status: KataStatus,
    pub compile: CompileOutcome,
    pub tests: Vec<TestOutcome>,
    /// Why the check could not finish, when `status` is `Error`.
    pub error: Option<String>,
}

impl KataOutcome {
    /// A kata that could not be checked at all (its file is unreadable, or the runner failed),
    /// for drivers that report the reason in place of a verdict rather than stop.
    pub fn unchecked(kata: &crate::catalogue::Kata, source: PathBuf, error: String) -> KataOutcome {
        KataOutcome {
            slug: kata.slug().to_string(),
            title: kata.meta.title.clone(),
            source,
            status: KataStatus::Error,
            compile: CompileOutcome::default(),
            tests: Vec::new(),
            error: Some(error),
        }
    }

    pub fn passed_count(&self) -> usize {
        self.tests.iter().filter(|t| t.passed()).count()
    }

    /// Decides the kata's status from its parts.
    pub fn settle(&mut self) {
        self.status = if self.error.is_some() {
            KataStatus::Error
        } else if !self.compile.ok {
            KataStatus::CompileError
        } else if self.tests.is_empty() {
            self.error = Some("the hidden suite has no tests".into());
            KataStatus::Error
        } else if self.tests.iter().all(TestOutcome::passed) {
            KataStatus::Passed
        } else {
            KataStatus::Failed
        };
    }
}

/// What happens during a check, in order, for reporters that show progress.
#[derive(Debug)]
pub enum Event<'a> {
    KataStarted {
        slug: &'a str,
    },
    Compiled {
        slug: &'a str,
        compile: &'a CompileOutcome,
    },
    TestFinished {
        slug: &'a str,
        test: &'a TestOutcome,
    },
    KataFinished {
        outcome: &'a KataOutcome,
    },
    /// The kata's dependencies are being compiled (the first time on this machine): `built` of
    /// `total` are ready, `current` was the last one.
    Dependencies {
        built: usize,
        total: usize,
        current: &'a str,
    },
}

/// Receives events; it may be called from several threads at once.
pub type EventSink<'a> = &'a (dyn Fn(&Event<'_>) + Sync);

/// A sink that ignores everything.
pub fn no_events(_: &Event<'_>) {}
