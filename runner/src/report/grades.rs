//! The human reporter for grading: a table of submissions × katas with scores, then, per
//! submission, what cost it points in code it wrote (the first failing test of each kata, or the first compile
//! error). Reads the grade report only; shows no durations.

use std::fmt::Write;

use crate::gradebook::{GradeReport, KataGrade};
use crate::report::markdown::points;

pub fn render(report: &GradeReport) -> String {
    let mut rows: Vec<Vec<String>> = vec![[
        vec!["submission".to_string(), "score".to_string()],
        report.katas.clone(),
    ]
    .concat()];
    for submission in &report.submissions {
        let mut row = vec![
            submission.name.clone(),
            format!(
                "{}/{}",
                points(submission.score),
                points(submission.max_score)
            ),
        ];
        for slug in &report.katas {
            row.push(
                submission
                    .katas
                    .iter()
                    .find(|k| &k.slug == slug)
                    .map_or_else(|| "·".to_string(), cell),
            );
        }
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(text, width)| format!("{text:<width$}"))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
    let mut lost = String::new();
    for submission in &report.submissions {
        // Not attempted is in the table already; this list is for code that was written.
        for kata in submission
            .katas
            .iter()
            .filter(|k| !k.passed() && k.status != "not_attempted")
        {
            let _ = writeln!(lost, "  {} · {}: {}", submission.name, kata.slug, why(kata));
        }
    }
    if !lost.is_empty() {
        let _ = write!(out, "\nWhere points were lost:\n{lost}");
    }
    if let Some(partition) = &report.partition {
        let _ = writeln!(
            out,
            "\nPartition {partition} only; `kata report merge` combines the partitions."
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
        "passed" => format!("✓ {score}"),
        "failed" => format!("✗ {score} ({}/{})", kata.passed, kata.total),
        "compile_error" => format!("✗ {score} compile error"),
        "not_attempted" => "– not attempted".to_string(),
        _ => format!("✗ {score} error"),
    }
}

/// One line on why a kata did not pass.
fn why(kata: &KataGrade) -> String {
    match kata.status.as_str() {
        "compile_error" => {
            let first = kata
                .compile
                .diagnostics
                .iter()
                .find(|d| d.level == "error")
                .map_or("", |d| d.message.as_str());
            format!("does not compile: {first}")
        }
        "failed" => {
            let failed: Vec<_> = kata.tests.iter().filter(|t| t.status != "passed").collect();
            let first = failed.first().map_or(String::new(), |t| {
                format!(
                    "; first: {} {} ({})",
                    t.name,
                    t.status.replace('_', " "),
                    t.message
                        .as_deref()
                        .unwrap_or("")
                        .lines()
                        .next()
                        .unwrap_or("")
                )
            });
            format!("{} of {} tests failed{first}", failed.len(), kata.total)
        }
        _ => format!(
            "could not be checked: {}",
            kata.error
                .as_deref()
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
        ),
    }
}
