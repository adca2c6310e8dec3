//! The grade report: what `kata grade` found for every submission, as one versioned document.
//!
//! Owns the grading results model, which is also its JSON wire format (documented in the README):
//! each kata record is the record of `kata check --json` plus the kata's `score` and `max_score`.
//! Because partitions are merged from their JSON files, every grading reporter renders this model
//! and never a [`KataOutcome`] directly: a merged report and a single-machine report go through
//! the same code. Also owns score arithmetic and the merge of partitions. Knows nothing about the
//! catalogue on disk, building, or printing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::outcome::KataOutcome;
use crate::report::json;

/// The whole report, or one partition of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeReport {
    pub version: u32,
    /// The slugs of the katas graded, in catalogue order.
    pub katas: Vec<String>,
    /// `K/N` when this report holds the K-th of N partitions; null for a whole report.
    pub partition: Option<String>,
    /// The rules the solutions were compiled and run under; absent in reports of older runners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyNote>,
    pub submissions: Vec<SubmissionGrade>,
}

/// What a grade can be trusted for: the policy applied and the sandbox this machine enforced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyNote {
    /// `strict`: see `kata::policy`.
    pub name: String,
    /// Graded katas whose `kata.toml` allows `unsafe` code: in-process code could corrupt the
    /// harness on purpose, so a pass there is trusted less.
    pub unsafe_allowed: Vec<String>,
    /// Sandbox measures this machine did not enforce, as `kata check --explain-sandbox` says.
    pub not_enforced: Vec<String>,
}

impl PolicyNote {
    /// One line for the human and Markdown reports.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "Policy: {} (no unsafe code, no exiting, files, processes or command line in solutions)",
            self.name
        );
        if !self.unsafe_allowed.is_empty() {
            text.push_str(&format!(
                "; unsafe code allowed in {}",
                self.unsafe_allowed.join(", ")
            ));
        }
        match self.not_enforced.is_empty() {
            true => text.push_str("; every sandbox measure enforced."),
            false => text.push_str(&format!(
                "; NOT enforced on this machine: {}.",
                self.not_enforced.join("; ")
            )),
        }
        text
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionGrade {
    pub name: String,
    pub score: f64,
    pub max_score: f64,
    pub katas: Vec<KataGrade>,
}

/// One kata of one submission: the fields of a `kata check --json` kata record, then the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KataGrade {
    pub slug: String,
    pub status: String,
    pub compile: CompileGrade,
    pub tests: Vec<TestGrade>,
    pub passed: usize,
    pub total: usize,
    pub error: Option<String>,
    pub score: f64,
    pub max_score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompileGrade {
    pub ok: bool,
    pub duration_ms: u64,
    pub diagnostics: Vec<DiagnosticGrade>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticGrade {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    pub rendered: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestGrade {
    pub name: String,
    pub status: String,
    pub duration_ms: u64,
    pub message: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    pub reference_ms: Option<u64>,
}

impl KataGrade {
    /// The check record of `outcome` (exactly as `kata check --json` writes it) with its score.
    pub fn new(outcome: &KataOutcome, score: Score) -> KataGrade {
        let mut record =
            serde_json::to_value(json::kata_record(outcome)).expect("the check record serialises");
        record["score"] = score.points.into();
        record["max_score"] = score.max.into();
        serde_json::from_value(record).expect("a kata grade holds every field of a check record")
    }

    pub fn passed(&self) -> bool {
        self.status == "passed"
    }
}

/// Points scored out of points possible, both rounded to hundredths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub points: f64,
    pub max: f64,
}

impl Score {
    /// `max` shared by weight: the weights of the passed tests over the weights of all tests,
    /// rounded half up to hundredths. When every weight is 0, a passed kata scores `max`.
    pub fn weighted(max: u32, passed_weight: u64, total_weight: u64, passed: bool) -> Score {
        let hundredths = (u64::from(max) * 100 * passed_weight + total_weight / 2)
            .checked_div(total_weight)
            .unwrap_or(if passed { u64::from(max) * 100 } else { 0 });
        Score {
            points: hundredths as f64 / 100.0,
            max: f64::from(max),
        }
    }
}

/// Adds scores in hundredths, so the sum does not depend on the order of the terms.
fn sum(scores: impl Iterator<Item = f64>) -> f64 {
    scores.map(|s| (s * 100.0).round() as i64).sum::<i64>() as f64 / 100.0
}

impl SubmissionGrade {
    /// A submission's grade from its katas' grades, in the order given.
    pub fn new(name: String, katas: Vec<KataGrade>) -> SubmissionGrade {
        SubmissionGrade {
            name,
            score: sum(katas.iter().map(|k| k.score)),
            max_score: sum(katas.iter().map(|k| k.max_score)),
            katas,
        }
    }
}

impl GradeReport {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the grade report serialises")
    }

    /// Reads a report written with `--format json`.
    pub fn read(path: &Path) -> Result<GradeReport> {
        let text = crate::catalogue::read_text(path)?;
        let report: GradeReport = serde_json::from_str(&text).map_err(|e| Error::Report {
            path: path.to_path_buf(),
            message: format!(
                "line {}, column {}: not a grade report ({e})",
                e.line(),
                e.column()
            ),
            help: "pass the files `kata grade --format json` wrote".into(),
        })?;
        if report.version != json::VERSION {
            return Err(Error::Report {
                path: path.to_path_buf(),
                message: format!("report version {} is not supported", report.version),
                help: format!(
                    "this runner reads version {}; merge with the runner that wrote it",
                    json::VERSION
                ),
            });
        }
        Ok(report)
    }
}

/// Combines the partitions of one grading run into the report a single machine would have
/// written. Every partition of the run must be there, once; a whole report passes through.
pub fn merge(parts: &[(PathBuf, GradeReport)]) -> Result<GradeReport> {
    let Some((first_path, first)) = parts.first() else {
        return Err(Error::Usage(
            "no reports to merge; pass the JSON files of every partition".into(),
        ));
    };
    let problem = |path: &Path, message: String, help: &str| Error::Report {
        path: path.to_path_buf(),
        message,
        help: help.to_string(),
    };
    let same_run = "merge the partitions of one grading run: the same submissions, the same katas";
    let Some(count) = first.partition.as_deref().map(parse_count) else {
        if parts.len() == 1 {
            return Ok(first.clone());
        }
        return Err(problem(
            first_path,
            "a whole report (not a partition) cannot be merged with others".into(),
            "pass only the files written with --partition K/N",
        ));
    };
    let mut seen = vec![false; count.unwrap_or(0)];
    for (path, part) in parts {
        let label = part.partition.as_deref().unwrap_or("none");
        let (index, n) = parse_partition(label).ok_or_else(|| {
            problem(
                path,
                format!("partition `{label}` is not of the form K/N"),
                "pass only the files written with --partition K/N",
            )
        })?;
        if n != seen.len() || part.katas != first.katas {
            return Err(problem(
                path,
                format!(
                    "partition {label} is not from the same run as {} (partition {})",
                    first_path.display(),
                    first.partition.as_deref().unwrap_or("none")
                ),
                same_run,
            ));
        }
        if std::mem::replace(&mut seen[index - 1], true) {
            return Err(problem(
                path,
                format!("partition {label} is given twice"),
                "pass each partition's file once",
            ));
        }
        let names = |r: &GradeReport| {
            r.submissions
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        };
        if names(part) != names(first) {
            return Err(problem(
                path,
                format!(
                    "partition {label} graded other submissions than {}",
                    first_path.display()
                ),
                same_run,
            ));
        }
    }
    if let Some(missing) = seen.iter().position(|s| !s) {
        return Err(Error::Usage(format!(
            "partition {}/{} is missing; pass the JSON files of every partition",
            missing + 1,
            seen.len()
        )));
    }
    let mut submissions = Vec::new();
    for (i, submission) in first.submissions.iter().enumerate() {
        let mut katas = Vec::new();
        for slug in &first.katas {
            let mut found = parts
                .iter()
                .flat_map(|(_, p)| p.submissions[i].katas.iter())
                .filter(|k| &k.slug == slug);
            match (found.next(), found.next()) {
                (Some(kata), None) => katas.push(kata.clone()),
                (None, _) => {
                    return Err(Error::Usage(format!(
                        "no partition holds kata `{slug}` of submission `{}`; {same_run}",
                        submission.name
                    )))
                }
                (Some(_), Some(_)) => {
                    return Err(Error::Usage(format!(
                        "two partitions hold kata `{slug}` of submission `{}`; {same_run}",
                        submission.name
                    )))
                }
            }
        }
        submissions.push(SubmissionGrade::new(submission.name.clone(), katas));
    }
    Ok(GradeReport {
        version: first.version,
        katas: first.katas.clone(),
        partition: None,
        policy: first.policy.clone(),
        submissions,
    })
}

/// `K/N` with 1 <= K <= N.
pub fn parse_partition(text: &str) -> Option<(usize, usize)> {
    let (k, n) = text.split_once('/')?;
    let (k, n) = (k.trim().parse().ok()?, n.trim().parse().ok()?);
    (1..=n).contains(&k).then_some((k, n))
}

fn parse_count(text: &str) -> Option<usize> {
    parse_partition(text).map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{CompileOutcome, KataStatus, TestOutcome, TestStatus};
    use std::time::Duration;

    fn outcome() -> KataOutcome {
        let mut test = TestOutcome::check(
            "adds".into(),
            TestStatus::Failed,
            Some("2 + 3 is 5".into()),
            Duration::from_millis(3),
        );
        test.expected = Some("5".into());
        test.actual = Some("6".into());
        KataOutcome {
            slug: "adder".into(),
            title: "Adder".into(),
            source: "alice/adder.rs".into(),
            status: KataStatus::Failed,
            compile: CompileOutcome {
                ok: true,
                ..CompileOutcome::default()
            },
            tests: vec![test],
            error: None,
        }
    }

    #[test]
    fn a_kata_grade_is_the_check_record_plus_its_score() {
        let outcome = outcome();
        let record = serde_json::to_value(json::kata_record(&outcome)).unwrap();
        let grade =
            serde_json::to_value(KataGrade::new(&outcome, Score::weighted(10, 0, 1, false)))
                .unwrap();
        let mut without_score = grade.as_object().unwrap().clone();
        assert_eq!(without_score.remove("score"), Some(0.0.into()));
        assert_eq!(without_score.remove("max_score"), Some(10.0.into()));
        assert_eq!(serde_json::Value::Object(without_score), record);
    }

    #[test]
    fn weights_share_the_kata_points_rounded_to_hundredths() {
        assert_eq!(Score::weighted(10, 2, 5, false).points, 4.0);
        assert_eq!(Score::weighted(10, 1, 3, false).points, 3.33);
        assert_eq!(Score::weighted(10, 2, 3, false).points, 6.67);
        assert_eq!(Score::weighted(10, 0, 0, true).points, 10.0);
        assert_eq!(Score::weighted(10, 0, 0, false).points, 0.0);
        assert_eq!(sum([3.33, 3.33, 3.34].into_iter()), 10.0);
    }

    #[test]
    fn partitions_parse_only_in_range() {
        assert_eq!(parse_partition("2/3"), Some((2, 3)));
        assert_eq!(parse_partition("0/3"), None);
        assert_eq!(parse_partition("4/3"), None);
        assert_eq!(parse_partition("1"), None);
    }
}
