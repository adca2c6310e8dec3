//! Grading: every kata of every submission checked against the grader's hidden suites, scored.
//!
//! Owns what a submission is (a practice workspace folder, or a checkout that holds one), how
//! submissions are named, which kata files count as not attempted, how a kata's points are shared
//! among its tests, and which (submission, kata) pairs a partition grades. A driver over
//! [`Engine::check`]: each pair is built in its own temporary crate, the suites come from the
//! catalogue only (a submission's own `tests/` are never read), and whatever a submission's code
//! does costs that pair's score only. It never prints: progress goes to a callback, and the
//! result is a [`GradeReport`] for the reporters.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::catalogue::{read_text, Kata};
use crate::engine::{display_path, Engine};
use crate::error::{Error, Result};
use crate::gradebook::{GradeReport, KataGrade, PolicyNote, Score, SubmissionGrade};
use crate::outcome::{no_events, CompileOutcome, KataOutcome, KataStatus};
use crate::report::json;
use crate::workspace::{track_dir, Workspace};

/// One member's work: where it is and the name it is reported under.
#[derive(Debug, Clone)]
pub struct Submission {
    pub name: String,
    /// The path as given on the command line.
    pub path: PathBuf,
    /// The practice workspace inside it; `None` when there is none (every kata is not attempted).
    pub workspace: Option<Workspace>,
}

/// Which slice of the sorted (submission, kata) pairs to grade: pair `i` (counting from 0,
/// submissions in name order, katas in catalogue order within each) belongs to partition
/// `i mod N + 1`. Round-robin spreads each submission's katas over the machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Partition {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Partition, String> {
        crate::gradebook::parse_partition(text)
            .map(|(index, count)| Partition { index, count })
            .ok_or_else(|| format!("`{text}` is not K/N with 1 <= K <= N, e.g. 2/4"))
    }
}

impl std::fmt::Display for Partition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Partition {
    fn includes(&self, pair: usize) -> bool {
        pair % self.count == self.index - 1
    }
}

/// How far grading has got, for a progress display.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub pairs_done: usize,
    pub pairs: usize,
    pub submissions_done: usize,
    pub submissions: usize,
    pub elapsed: Duration,
}

impl Progress {
    /// The time left if the remaining pairs take as long as the finished ones did on average.
    pub fn remaining(&self) -> Option<Duration> {
        (self.pairs_done > 0).then(|| {
            self.elapsed
                .mul_f64((self.pairs - self.pairs_done) as f64 / self.pairs_done as f64)
        })
    }
}

/// The report, and the runner's own faults met on the way (each already recorded in the report
/// as that kata's `error`).
#[derive(Debug)]
pub struct Graded {
    pub report: GradeReport,
    pub faults: Vec<(String, String, Error)>,
}

/// Finds the workspace in each path and names the submissions after their folders. Two folders
/// with one name get `-2`, `-3`, … in the order of their full paths, so names do not depend on
/// the order of the arguments. The result is sorted by name.
pub fn submissions(paths: &[PathBuf]) -> Result<Vec<Submission>> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            return Err(Error::Usage(format!(
                "submission {} is not a folder; pass each member's practice workspace or the checkout that holds it",
                path.display()
            )));
        }
        let full = path.canonicalize().map_err(Error::io("reading", path))?;
        let base = full
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "submission".into());
        found.push((base, full, path.clone()));
    }
    found.sort();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut result = Vec::new();
    for (base, full, path) in found {
        let mut name = base.clone();
        let mut n = 1;
        while taken.contains_key(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        taken.insert(name.clone(), 1);
        result.push(Submission {
            name,
            workspace: find_workspace(&full).map(|root| Workspace { root }),
            path,
        });
    }
    result.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(result)
}

/// The folder itself, its `practice/`, or the first sub-folder (by name) that is a workspace.
fn find_workspace(dir: &Path) -> Option<PathBuf> {
    let is_workspace =
        |d: &Path| d.join(".kata").is_dir() || (1..=4).any(|t| d.join(track_dir(t)).is_dir());
    if is_workspace(dir) {
        return Some(dir.to_path_buf());
    }
    if is_workspace(&dir.join("practice")) {
        return Some(dir.join("practice"));
    }
    let mut children: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    children.sort();
    children.into_iter().find(|p| is_workspace(p))
}

/// Grades the pairs of `partition` (all of them when `None`), `jobs` pairs at a time.
pub fn grade(
    engine: &Engine,
    katas: &[&Kata],
    submissions: &[Submission],
    partition: Option<Partition>,
    jobs: usize,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Graded> {
    let pairs: Vec<(usize, usize)> = (0..submissions.len())
        .flat_map(|s| (0..katas.len()).map(move |k| (s, k)))
        .enumerate()
        .filter(|(i, _)| partition.is_none_or(|p| p.includes(*i)))
        .map(|(_, pair)| pair)
        .collect();
    let mut left = vec![0usize; submissions.len()];
    for &(s, _) in &pairs {
        left[s] += 1;
    }
    let graded_submissions = left.iter().filter(|&&n| n > 0).count();
    let started = Instant::now();
    let results: Mutex<Vec<Option<KataGrade>>> = Mutex::new(vec![None; pairs.len()]);
    let faults = Mutex::new(Vec::new());
    let counts = Mutex::new((0usize, 0usize, left));
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1).min(pairs.len().max(1)) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some(&(s, k)) = pairs.get(index) else {
                    break;
                };
                let (kata, submission) = (katas[k], &submissions[s]);
                let outcome = check(engine, kata, submission).unwrap_or_else(|error| {
                    let outcome = error_outcome(kata, error.to_string());
                    faults.lock().expect("no panics while locked").push((
                        submission.name.clone(),
                        kata.slug().to_string(),
                        error,
                    ));
                    outcome
                });
                let grade = KataGrade::new(&outcome, score(kata, &outcome));
                results.lock().expect("no panics while locked")[index] = Some(grade);
                let mut counts = counts.lock().expect("no panics while locked");
                counts.0 += 1;
                counts.2[s] -= 1;
                if counts.2[s] == 0 {
                    counts.1 += 1;
                }
                progress(Progress {
                    pairs_done: counts.0,
                    pairs: pairs.len(),
                    submissions_done: counts.1,
                    submissions: graded_submissions,
                    elapsed: started.elapsed(),
                });
            });
        }
    });
    let mut results = results.into_inner().expect("no panics while locked");
    let mut by_submission: Vec<Vec<KataGrade>> = vec![Vec::new(); submissions.len()];
    for (slot, &(s, _)) in results.iter_mut().zip(&pairs) {
        by_submission[s].extend(slot.take());
    }
    let report = GradeReport {
        version: json::VERSION,
        katas: katas.iter().map(|k| k.slug().to_string()).collect(),
        partition: partition.map(|p| p.to_string()),
        policy: Some(PolicyNote {
            name: engine.options.policy.as_str().to_string(),
            unsafe_allowed: katas
                .iter()
                .filter(|k| k.meta.unsafe_code)
                .map(|k| k.slug().to_string())
                .collect(),
            not_enforced: crate::sandbox::capabilities()
                .explain(&crate::sandbox::Limits::default())
                .lines()
                .filter_map(|l| l.strip_prefix("NOT enforced: "))
                .map(str::to_string)
                .collect(),
        }),
        submissions: submissions
            .iter()
            .zip(by_submission)
            .map(|(s, katas)| SubmissionGrade::new(s.name.clone(), katas))
            .collect(),
    };
    Ok(Graded {
        report,
        faults: faults.into_inner().expect("no panics while locked"),
    })
}

/// One pair. A file the learner cannot have meant (not UTF-8, a folder) is that kata's `error`;
/// an `Err` is the runner's own fault.
fn check(engine: &Engine, kata: &Kata, submission: &Submission) -> Result<KataOutcome> {
    let Some(workspace) = &submission.workspace else {
        return Ok(not_attempted(kata, submission.path.clone()));
    };
    let file = workspace.kata_file(kata);
    if !file.exists() {
        return Ok(not_attempted(kata, display_path(&file)));
    }
    if fs::read_to_string(&file).is_ok_and(|text| text.trim().is_empty()) {
        return Ok(not_attempted(kata, display_path(&file)));
    }
    let source = match workspace.read_source(kata) {
        Ok(source) => source,
        Err(error @ Error::LearnerFile { .. }) => {
            let mut outcome = error_outcome(kata, error.to_string());
            outcome.source = display_path(&file);
            return Ok(outcome);
        }
        Err(error) => return Err(error),
    };
    if same_text(&source.text, &read_text(&kata.stub_path())?) {
        return Ok(not_attempted(kata, source.display));
    }
    engine.check(kata, &source, &no_events)
}

/// Equal but for whitespace at the ends of lines and of the file.
fn same_text(a: &str, b: &str) -> bool {
    fn lines(s: &str) -> impl Iterator<Item = &str> {
        s.trim_end().lines().map(str::trim_end)
    }
    lines(a).eq(lines(b))
}

fn not_attempted(kata: &Kata, source: PathBuf) -> KataOutcome {
    KataOutcome {
        slug: kata.slug().to_string(),
        title: kata.meta.title.clone(),
        source,
        status: KataStatus::NotAttempted,
        compile: CompileOutcome::default(),
        tests: Vec::new(),
        error: None,
    }
}

fn error_outcome(kata: &Kata, message: String) -> KataOutcome {
    KataOutcome {
        status: KataStatus::Error,
        error: Some(message),
        ..not_attempted(kata, PathBuf::new())
    }
}

/// The kata's `points` shared among its tests by their `[tests.NAME] points` weights (default
/// 1; a test run under several feature sets has its weight under each). A kata that did not
/// compile, was not attempted or could not be checked scores 0.
pub fn score(kata: &Kata, outcome: &KataOutcome) -> Score {
    let weight = |name: &str| {
        let base = name.split(" [").next().unwrap_or(name);
        u64::from(kata.settings(base).and_then(|s| s.points).unwrap_or(1))
    };
    let (mut passed, mut total) = (0, 0);
    if matches!(outcome.status, KataStatus::Passed | KataStatus::Failed) {
        for test in &outcome.tests {
            total += weight(&test.name);
            if test.passed() {
                passed += weight(&test.name);
            }
        }
    }
    Score::weighted(
        kata.meta.points,
        passed,
        total,
        outcome.status == KataStatus::Passed,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_whitespace_does_not_make_an_attempt() {
        assert!(same_text("fn a() {}\n", "fn a() {}   \n\n"));
        assert!(same_text("a\r\nb", "a\nb\n"));
        assert!(!same_text("fn a() {}", "fn  a() {}"));
    }

    #[test]
    fn partitions_take_every_nth_pair() {
        let p: Partition = "2/3".parse().unwrap();
        let mine: Vec<usize> = (0..8).filter(|&i| p.includes(i)).collect();
        assert_eq!(mine, vec![1, 4, 7]);
        assert!("3/2".parse::<Partition>().is_err());
    }

    #[test]
    fn colliding_folder_names_are_numbered_by_path() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["b/alice", "a/alice", "a/bob"] {
            fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        let paths: Vec<PathBuf> = ["b/alice", "a/bob", "a/alice"]
            .iter()
            .map(|p| dir.path().join(p))
            .collect();
        let found = submissions(&paths).unwrap();
        let named: Vec<(String, PathBuf)> = found
            .into_iter()
            .map(|s| {
                (
                    s.name,
                    s.path.strip_prefix(dir.path()).unwrap().to_path_buf(),
                )
            })
            .collect();
        assert_eq!(
            named,
            vec![
                ("alice".into(), "a/alice".into()),
                ("alice-2".into(), "b/alice".into()),
                ("bob".into(), "a/bob".into()),
            ]
        );
    }
}
