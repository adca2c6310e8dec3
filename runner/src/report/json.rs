//! The JSON reporter: the versioned wire format of `kata check --json` and `kata list --json`.
//!
//! The wire types are separate from the outcome types on purpose: they are a contract with
//! outside tools (documented in the README), and change only with a new `version`.

use serde::Serialize;

use crate::outcome::KataOutcome;

pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct CheckDocument<'a> {
    pub version: u32,
    pub katas: Vec<KataRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct KataRecord<'a> {
    pub slug: &'a str,
    pub status: &'static str,
    pub compile: CompileRecord<'a>,
    pub tests: Vec<TestRecord<'a>>,
    pub passed: usize,
    pub total: usize,
    /// Why the check could not finish; null unless `status` is `error`.
    pub error: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct CompileRecord<'a> {
    pub ok: bool,
    pub duration_ms: u64,
    pub diagnostics: Vec<DiagnosticRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticRecord<'a> {
    pub level: &'a str,
    pub code: Option<&'a str>,
    pub message: &'a str,
    /// rustc's rendering, without colour, with paths mapped to the learner's file.
    pub rendered: String,
}

#[derive(Debug, Serialize)]
pub struct TestRecord<'a> {
    pub name: &'a str,
    pub status: &'static str,
    pub duration_ms: u64,
    pub message: Option<&'a str>,
    pub expected: Option<&'a str>,
    pub actual: Option<&'a str>,
    pub reference_ms: Option<u64>,
}

pub fn kata_record(outcome: &KataOutcome) -> KataRecord<'_> {
    KataRecord {
        slug: &outcome.slug,
        status: outcome.status.as_str(),
        compile: CompileRecord {
            ok: outcome.compile.ok,
            duration_ms: outcome.compile.duration.as_millis() as u64,
            diagnostics: outcome
                .compile
                .diagnostics
                .iter()
                .map(|d| DiagnosticRecord {
                    level: &d.level,
                    code: d.code.as_deref(),
                    message: &d.message,
                    rendered: anstream::adapter::strip_str(&d.rendered).to_string(),
                })
                .collect(),
        },
        tests: outcome
            .tests
            .iter()
            .map(|t| TestRecord {
                name: &t.name,
                status: t.status.as_str(),
                duration_ms: t.duration.as_millis() as u64,
                message: t.message.as_deref(),
                expected: t.expected.as_deref(),
                actual: t.actual.as_deref(),
                reference_ms: t.reference.map(|r| r.as_millis() as u64),
            })
            .collect(),
        passed: outcome.passed_count(),
        total: outcome.tests.len(),
        error: outcome.error.as_deref(),
    }
}

fn check_document_of(outcomes: &[KataOutcome]) -> CheckDocument<'_> {
    CheckDocument {
        version: VERSION,
        katas: outcomes.iter().map(kata_record).collect(),
    }
}

/// The document `kata check --json` prints.
pub fn check_document(outcomes: &[KataOutcome]) -> String {
    serde_json::to_string_pretty(&check_document_of(outcomes)).expect("the wire types serialise")
}

/// The same document on one line: `kata watch --json` prints one per check.
pub fn check_document_line(outcomes: &[KataOutcome]) -> String {
    serde_json::to_string(&check_document_of(outcomes)).expect("the wire types serialise")
}
