//! The JUnit reporter for grading: one `<testsuite>` per submission, one `<testcase>` per hidden
//! test (class name: the kata's slug), with times, for the CI test reporters that read JUnit.
//!
//! A kata with no tests to show (not attempted, not compiled, not checked) is one test case named
//! after the kata: skipped when not attempted, a failure otherwise. Each suite carries the
//! submission's score as properties. Reads the grade report only.

use std::time::Duration;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::gradebook::{GradeReport, KataGrade, TestGrade};

pub fn render(report: &GradeReport) -> String {
    let mut junit = Report::new("kata grade");
    for submission in &report.submissions {
        let mut suite = TestSuite::new(submission.name.as_str());
        suite.add_property(Property::new("score", submission.score.to_string()));
        suite.add_property(Property::new("max_score", submission.max_score.to_string()));
        for kata in &submission.katas {
            suite.add_test_cases(cases(kata));
        }
        junit.add_test_suite(suite);
    }
    junit.to_string().expect("a JUnit report serialises")
}

fn cases(kata: &KataGrade) -> Vec<TestCase> {
    let whole = |status: TestCaseStatus, time: u64| {
        let mut case = TestCase::new(kata.slug.as_str(), status);
        case.set_classname(kata.slug.as_str())
            .set_time(Duration::from_millis(time));
        vec![case]
    };
    match kata.status.as_str() {
        "not_attempted" => {
            let mut status = TestCaseStatus::skipped();
            status.set_message("not attempted: the file is missing or still the stub");
            whole(status, 0)
        }
        "compile_error" => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status
                .set_message("does not compile")
                .set_type("compile_error");
            let rendered: Vec<&str> = kata
                .compile
                .diagnostics
                .iter()
                .filter(|d| d.level == "error")
                .map(|d| d.rendered.as_str())
                .collect();
            status.set_description(rendered.join("\n"));
            whole(status, kata.compile.duration_ms)
        }
        "error" => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status
                .set_message(kata.error.clone().unwrap_or_default())
                .set_type("error");
            whole(status, kata.compile.duration_ms)
        }
        _ => kata.tests.iter().map(|t| case(kata, t)).collect(),
    }
}

fn case(kata: &KataGrade, test: &TestGrade) -> TestCase {
    let status = if test.status == "passed" {
        TestCaseStatus::success()
    } else {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(test.message.clone().unwrap_or_default())
            .set_type(test.status.as_str());
        if let (Some(expected), Some(actual)) = (&test.expected, &test.actual) {
            status.set_description(format!("expected: {expected}\n  actual: {actual}"));
        }
        status
    };
    let mut case = TestCase::new(test.name.as_str(), status);
    case.set_classname(kata.slug.as_str())
        .set_time(Duration::from_millis(test.duration_ms));
    case
}
