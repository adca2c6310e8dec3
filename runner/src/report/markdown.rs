//! The Markdown reporter for grading: a summary table fit for a CI job summary
//! (`$GITHUB_STEP_SUMMARY`): one row per submission, one column per kata. Reads the grade report
//! only, and shows no durations, so the same grades always give the same text.

use std::fmt::Write;

use crate::gradebook::{GradeReport, KataGrade};

pub fn render(report: &GradeReport) -> String {
    let mut out = String::from("## Grades\n\n| Submission | Score |");
    for slug in &report.katas {
        let _ = write!(out, " {slug} |");
    }
    out.push_str("\n|---|---:|");
    out.push_str(&"---|".repeat(report.katas.len()));
    out.push('\n');
    for submission in &report.submissions {
        let _ = write!(
            out,
            "| {} | {} / {} |",
            escape(&submission.name),
            points(submission.score),
            points(submission.max_score)
        );
        for slug in &report.katas {
            let cell = submission
                .katas
                .iter()
                .find(|k| &k.slug == slug)
                .map_or_else(|| "·".to_string(), cell);
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    }
    let max: f64 = report
        .submissions
        .iter()
        .map(|s| s.max_score)
        .fold(0.0, f64::max);
    let mean = match report.submissions.len() {
        0 => 0.0,
        n => report.submissions.iter().map(|s| s.score).sum::<f64>() / n as f64,
    };
    let _ = writeln!(
        out,
        "\n{} submissions, {} katas, mean score {} / {}.",
        report.submissions.len(),
        report.katas.len(),
        points((mean * 100.0).round() / 100.0),
        points(max)
    );
    if let Some(partition) = &report.partition {
        let _ = writeln!(
            out,
            "\nPartition {partition} only; merge the partitions for the whole report."
        );
    }
    if let Some(policy) = &report.policy {
        let _ = writeln!(out, "\n{}", policy.summary());
    }
    out
}

fn cell(kata: &KataGrade) -> String {
    let score = points(kata.score);
    match kata.status.as_str() {
        "passed" => format!("✅ {score}"),
        "failed" => format!("❌ {score} ({}/{} tests)", kata.passed, kata.total),
        "compile_error" => format!("🛠️ {score} (does not compile)"),
        "not_attempted" => "— (not attempted)".to_string(),
        _ => format!("⚠️ {score} (could not be checked)"),
    }
}

/// `10`, `6.5`, `3.33`: hundredths at most, no trailing zeros.
pub fn points(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}
