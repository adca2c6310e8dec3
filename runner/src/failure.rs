//! Reading why a test failed from what its process wrote to stderr.
//!
//! Two sources, best first: the record `kata-assert` writes before panicking (message, expected,
//! actual), and the panic message itself, including the text of a plain `assert_eq!`. This only
//! describes a failure; whether a test passed is decided elsewhere, from libtest's log.

use std::path::Path;

/// What a failed test said about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failure {
    pub message: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
}

/// The marker `kata-assert` puts before its records (kept in step with that crate).
const RECORD_PREFIX: &str = "\u{1e}kata-assert:";

/// Parses a failed test's stderr. `learner_file` replaces `src/lib.rs` in panic locations.
pub fn parse(stderr: &str, learner_file: &Path) -> Failure {
    if let Some(failure) = stderr
        .lines()
        .rev()
        .find_map(|line| line.split_once(RECORD_PREFIX).map(|(_, record)| record))
        .and_then(parse_record)
    {
        return failure;
    }
    match last_panic(stderr) {
        Some(panic) => from_panic(&panic, learner_file),
        None => Failure::default(),
    }
}

fn parse_record(json: &str) -> Option<Failure> {
    #[derive(serde::Deserialize)]
    struct Record {
        message: String,
        expected: Option<String>,
        actual: Option<String>,
    }
    let record: Record = serde_json::from_str(json).ok()?;
    Some(Failure {
        message: Some(record.message),
        expected: record.expected,
        actual: record.actual,
    })
}

struct Panic {
    location: String,
    message: String,
}

/// The last `thread '…' panicked at FILE:LINE:COL:` block and the message lines after it.
fn last_panic(stderr: &str) -> Option<Panic> {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let header = lines[start];
    let location = header
        .split_once(" panicked at ")
        .map(|(_, rest)| rest.trim_end_matches(':').to_string())
        .unwrap_or_default();
    let message: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| {
            !l.starts_with("note: run with `RUST_BACKTRACE") && !l.starts_with("stack backtrace:")
        })
        .copied()
        .collect();
    Some(Panic {
        location,
        message: message.join("\n").trim_end().to_string(),
    })
}

fn from_panic(panic: &Panic, learner_file: &Path) -> Failure {
    if let Some(rest) = panic
        .message
        .strip_prefix("assertion `left == right` failed")
    {
        let (custom, values) = match rest.strip_prefix(": ") {
            Some(after) => match after.split_once("\n  left: ") {
                Some((custom, values)) => (Some(custom.to_string()), format!("  left: {values}")),
                None => (Some(after.to_string()), String::new()),
            },
            None => (None, rest.trim_start_matches('\n').to_string()),
        };
        if let Some((left, right)) = values
            .strip_prefix("  left: ")
            .and_then(|v| v.split_once("\n right: "))
        {
            return Failure {
                message: Some(custom.unwrap_or_else(|| "the values differ".to_string())),
                // The convention is `assert_eq!(actual, expected)`.
                expected: Some(right.to_string()),
                actual: Some(left.to_string()),
            };
        }
    }
    let location = match panic.location.strip_prefix("src/lib.rs") {
        Some(rest) => format!("{}{rest}", learner_file.display()),
        None => panic.location.clone(),
    };
    let message = if panic.message.is_empty() {
        format!("panicked at {location}")
    } else if location.starts_with("tests/") {
        panic.message.clone()
    } else {
        format!("{} (panicked at {location})", panic.message)
    };
    Failure {
        message: Some(message),
        expected: None,
        actual: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learner() -> &'static Path {
        Path::new("practice/2-data-structures/two_sum_pairs.rs")
    }

    #[test]
    fn kata_assert_records_win() {
        let stderr = "noise\n\u{1e}kata-assert:{\"message\":\"pairs of [1]\",\"expected\":\"[]\",\"actual\":\"[(1, 1)]\"}\nthread 'x' (12) panicked at tests/hidden.rs:3:5:\npairs of [1]\n";
        assert_eq!(
            parse(stderr, learner()),
            Failure {
                message: Some("pairs of [1]".into()),
                expected: Some("[]".into()),
                actual: Some("[(1, 1)]".into()),
            }
        );
    }

    #[test]
    fn plain_assert_eq_with_a_message() {
        let stderr = "thread 'vec_mismatch' (32355) panicked at tests/hidden.rs:11:5:\nassertion `left == right` failed: sums differ\n  left: [3, 3, 5]\n right: [3, 3, 4]\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        assert_eq!(
            parse(stderr, learner()),
            Failure {
                message: Some("sums differ".into()),
                expected: Some("[3, 3, 4]".into()),
                actual: Some("[3, 3, 5]".into()),
            }
        );
    }

    #[test]
    fn plain_assert_eq_without_a_message() {
        let stderr = "thread 't' (1) panicked at tests/hidden.rs:11:5:\nassertion `left == right` failed\n  left: 1\n right: 2\n";
        let failure = parse(stderr, learner());
        assert_eq!(failure.expected.as_deref(), Some("2"));
        assert_eq!(failure.actual.as_deref(), Some("1"));
    }

    #[test]
    fn panics_in_the_learners_code_point_at_the_learners_file() {
        let stderr = "thread 't' (1) panicked at src/lib.rs:5:5:\nnot yet implemented: find the pairs\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        assert_eq!(
            parse(stderr, learner()).message.as_deref(),
            Some("not yet implemented: find the pairs (panicked at practice/2-data-structures/two_sum_pairs.rs:5:5)")
        );
    }

    #[test]
    fn nothing_recognisable_gives_no_message() {
        assert_eq!(parse("random output\n", learner()), Failure::default());
    }
}
