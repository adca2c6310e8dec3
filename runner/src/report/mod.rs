//! Reporters: outcomes rendered for people (`human`) and for tools (`json`), and grade reports
//! rendered as a table (`grades`), JSON, JUnit (`junit`) or Markdown (`markdown`).
//!
//! Reporters read outcome types only; they never look at the catalogue on disk or run anything.

pub mod grades;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;

/// The formats of a grade report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeFormat {
    Human,
    Json,
    Junit,
    Markdown,
}

/// A grade report in `format`.
pub fn grade_report(report: &crate::gradebook::GradeReport, format: GradeFormat) -> String {
    match format {
        GradeFormat::Human => grades::render(report),
        GradeFormat::Json => report.to_json() + "\n",
        GradeFormat::Junit => junit::render(report),
        GradeFormat::Markdown => markdown::render(report),
    }
}
