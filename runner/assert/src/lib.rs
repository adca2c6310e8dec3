//! Assertions for hidden kata suites.
//!
//! A hidden suite asserts with [`expect_eq!`] and [`expect!`] instead of `assert_eq!`/`assert!`.
//! On failure they do two things:
//!
//! 1. write one machine-readable record to stderr — a line starting with [`RECORD_PREFIX`]
//!    followed by a JSON object `{"message", "expected", "actual"}` — which the runner turns into
//!    an expected-vs-actual diff, and
//! 2. panic with a readable message, so the test also fails when run by plain `cargo test`.
//!
//! The record only describes a failure; it never decides a verdict. The runner learns whether a
//! test passed from libtest's own log, so code under test that prints a fake record gains nothing.
//!
//! This crate has no dependencies: it is compiled once per machine into the shared kata target
//! directory and must stay cheap.

use std::fmt::{self, Debug, Write as _};
use std::io::Write as _;

/// Marks a failure record on stderr. The leading ASCII record separator keeps it from colliding
/// with anything a learner is likely to print.
pub const RECORD_PREFIX: &str = "\u{1e}kata-assert:";

/// Values whose compact `Debug` text is at most this long are shown on one line; longer values
/// use the pretty (`{:#?}`) form so that the runner can show a line diff.
const COMPACT_WIDTH: usize = 60;

/// Fails the current test unless `actual == expected`.
///
/// The optional trailing arguments are a `format!` message saying, in terms of the task, what was
/// expected: `expect_eq!(find_pairs(&[1, 2], 3), vec![(1, 2)], "pairs of [1, 2] summing to 3")`.
#[macro_export]
macro_rules! expect_eq {
    ($actual:expr, $expected:expr $(,)?) => {
        $crate::check_eq(&$actual, &$expected, ::core::format_args!("values differ"))
    };
    ($actual:expr, $expected:expr, $($arg:tt)+) => {
        $crate::check_eq(&$actual, &$expected, ::core::format_args!($($arg)+))
    };
}

/// Fails the current test unless `condition` holds; the message says what the task requires.
#[macro_export]
macro_rules! expect {
    ($condition:expr, $($arg:tt)+) => {
        $crate::check(
            $condition,
            ::core::format_args!($($arg)+),
        )
    };
}

/// The function behind [`expect_eq!`]; call the macro instead.
#[track_caller]
pub fn check_eq<A, E>(actual: &A, expected: &E, message: fmt::Arguments<'_>)
where
    A: PartialEq<E> + Debug + ?Sized,
    E: Debug + ?Sized,
{
    if actual == expected {
        return;
    }
    let (expected, actual) = render_pair(expected, actual);
    fail(&message.to_string(), Some((&expected, &actual)));
}

/// The function behind [`expect!`]; call the macro instead.
#[track_caller]
pub fn check(condition: bool, message: fmt::Arguments<'_>) {
    if !condition {
        fail(&message.to_string(), None);
    }
}

/// Renders both values compactly when both fit on a line, else both pretty-printed, so that the
/// two sides of a diff always have the same shape.
fn render_pair<E: Debug + ?Sized, A: Debug + ?Sized>(expected: &E, actual: &A) -> (String, String) {
    let compact = (format!("{expected:?}"), format!("{actual:?}"));
    if compact.0.len().max(compact.1.len()) <= COMPACT_WIDTH {
        compact
    } else {
        (format!("{expected:#?}"), format!("{actual:#?}"))
    }
}

#[track_caller]
fn fail(message: &str, values: Option<(&str, &str)>) -> ! {
    // On a line of its own, whatever was written to stderr before.
    let mut record = String::from("\n");
    record.push_str(RECORD_PREFIX);
    record.push_str("{\"message\":");
    push_json_string(&mut record, message);
    if let Some((expected, actual)) = values {
        record.push_str(",\"expected\":");
        push_json_string(&mut record, expected);
        record.push_str(",\"actual\":");
        push_json_string(&mut record, actual);
    }
    record.push_str("}\n");
    // One write call, so that records from concurrent threads do not interleave.
    let _ = std::io::stderr().lock().write_all(record.as_bytes());
    match values {
        Some((expected, actual)) => {
            panic!("{message}\nexpected: {expected}\n  actual: {actual}")
        }
        None => panic!("{message}"),
    }
}

fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_quotes_controls_and_newlines() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001é""#);
    }

    #[test]
    fn short_values_render_compactly() {
        let (e, a) = render_pair(&vec![1, 2], &vec![1, 3]);
        assert_eq!((e.as_str(), a.as_str()), ("[1, 2]", "[1, 3]"));
    }

    #[test]
    fn long_values_render_pretty_on_both_sides() {
        let long: Vec<u32> = (0..40).collect();
        let (e, a) = render_pair(&long, &vec![1]);
        assert!(e.contains('\n') && a.contains('\n'));
    }

    #[test]
    fn equal_values_pass() {
        expect_eq!(vec![1, 2], vec![1, 2], "no failure for equal values");
        expect!(true, "no failure for a true condition");
    }

    #[test]
    #[should_panic(expected = "pairs of [1] summing to 2\nexpected: 1\n  actual: 2")]
    fn unequal_values_panic_with_expected_and_actual() {
        expect_eq!(2, 1, "pairs of {:?} summing to {}", [1], 2);
    }
}
