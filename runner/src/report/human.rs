//! The human reporter: outcomes as coloured text for a terminal.
//!
//! Produces strings with ANSI styles; the caller writes them through `anstream`, which strips the
//! styles when the output is not a terminal or `NO_COLOR` is set. Failures come first, in full;
//! passed tests are summed up unless asked for. This module reads outcomes only.

use std::fmt::Write;
use std::time::Duration;

use anstyle::{AnsiColor, Effects, Style};
use similar::{ChangeTag, TextDiff};

use crate::outcome::{KataOutcome, KataStatus, TestOutcome, TestStatus};

const BOLD: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const GREEN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const RED_BG: Style = Style::new()
    .bg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::White)));
const GREEN_BG: Style = Style::new()
    .bg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Black)));

/// Failures shown in full; the rest get a line each (first failure first).
const FULL_FAILURES: usize = 3;

/// Lines of a test's own output shown under a failure.
const OUTPUT_LINES: usize = 12;

#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// List passed tests one by one.
    pub verbose: bool,
}

fn paint(style: Style, text: impl std::fmt::Display) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

/// Milliseconds below ten seconds, seconds above.
pub fn duration(d: Duration) -> String {
    if d < Duration::from_secs(10) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// One kata's outcome.
pub fn outcome(outcome: &KataOutcome, options: HumanOptions) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {}",
        paint(BOLD, &outcome.slug),
        paint(DIM, "·"),
        paint(DIM, outcome.source.display())
    );
    match outcome.status {
        KataStatus::CompileError => {
            let _ = writeln!(
                out,
                "  {} {}\n",
                paint(RED.effects(Effects::BOLD), "does not compile"),
                paint(DIM, format!("({})", duration(outcome.compile.duration)))
            );
            for diagnostic in outcome
                .compile
                .diagnostics
                .iter()
                .filter(|d| d.level == "error")
            {
                let _ = writeln!(out, "{}", diagnostic.rendered.trim_end());
                out.push('\n');
            }
            return out;
        }
        KataStatus::Error => {
            let _ = writeln!(
                out,
                "  {} {}",
                paint(RED.effects(Effects::BOLD), "could not be checked:"),
                outcome.error.as_deref().unwrap_or("unknown reason")
            );
            return out;
        }
        KataStatus::NotAttempted => {
            let _ = writeln!(
                out,
                "  not attempted (the file is missing or still the stub)"
            );
            return out;
        }
        KataStatus::Passed | KataStatus::Failed => {}
    }
    let _ = writeln!(
        out,
        "  {}",
        paint(
            DIM,
            format!("compiled in {}", duration(outcome.compile.duration))
        )
    );

    let (failed, passed): (Vec<&TestOutcome>, Vec<&TestOutcome>) =
        outcome.tests.iter().partition(|t| !t.passed());
    for test in failed.iter().take(FULL_FAILURES) {
        out.push('\n');
        failure(&mut out, test);
    }
    if failed.len() > FULL_FAILURES {
        let _ = writeln!(out, "\n  {} more failed:", failed.len() - FULL_FAILURES);
        for test in &failed[FULL_FAILURES..] {
            let first = test
                .message
                .as_deref()
                .and_then(|m| m.lines().next())
                .unwrap_or("");
            let _ = writeln!(
                out,
                "  {} {} {}",
                paint(RED, "✗"),
                test.name,
                paint(DIM, first)
            );
        }
    }
    if !passed.is_empty() {
        out.push('\n');
    }
    if options.verbose {
        for test in &passed {
            let _ = writeln!(out, "  {} {}{}", paint(GREEN, "✓"), test.name, timing(test));
        }
    } else if !passed.is_empty() {
        let _ = writeln!(out, "  {} {} passed", paint(GREEN, "✓"), passed.len());
        for test in passed.iter().filter(|t| t.perf) {
            let _ = writeln!(
                out,
                "    {} {}{}",
                paint(DIM, "perf"),
                test.name,
                timing(test)
            );
        }
    }

    let total = outcome.tests.len();
    let passed = outcome.passed_count();
    let verdict = if outcome.status == KataStatus::Passed {
        paint(GREEN.effects(Effects::BOLD), "PASSED")
    } else {
        paint(RED.effects(Effects::BOLD), "FAILED")
    };
    let _ = writeln!(out, "\n  {verdict} {passed}/{total} tests passed");
    out
}

fn timing(test: &TestOutcome) -> String {
    let mut text = format!("  {}", duration(test.duration));
    if let Some(reference) = test.reference {
        text.push_str(&format!(" (reference {})", duration(reference)));
    }
    paint(DIM, text)
}

fn failure(out: &mut String, test: &TestOutcome) {
    let (mark, label) = match test.status {
        TestStatus::TimedOut => (paint(YELLOW, "⏱"), paint(YELLOW, "timed out")),
        TestStatus::Crashed => (paint(RED, "✗"), paint(RED, "crashed")),
        TestStatus::MemoryLimit => (paint(RED, "✗"), paint(RED, "out of memory")),
        TestStatus::OutputLimit => (paint(RED, "✗"), paint(RED, "output limit")),
        _ => (paint(RED, "✗"), paint(RED, "failed")),
    };
    let _ = writeln!(
        out,
        "  {mark} {} {label}{}",
        paint(BOLD, &test.name),
        timing(test)
    );
    if let Some(message) = &test.message {
        for line in message.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    if let (Some(expected), Some(actual)) = (&test.expected, &test.actual) {
        for line in diff(expected, actual).lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let printed = test.stdout.trim_end();
    if !printed.is_empty() {
        let _ = writeln!(out, "    {}", paint(DIM, "your code printed:"));
        let lines: Vec<&str> = printed.lines().collect();
        for line in lines.iter().take(OUTPUT_LINES) {
            let _ = writeln!(out, "    {} {line}", paint(DIM, "│"));
        }
        if lines.len() > OUTPUT_LINES {
            let _ = writeln!(
                out,
                "    {}",
                paint(
                    DIM,
                    format!("│ … {} more lines", lines.len() - OUTPUT_LINES)
                )
            );
        }
    }
}

/// Expected against actual: an inline highlight for one-line values, a line diff otherwise.
pub fn diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    if !expected.contains('\n') && !actual.contains('\n') {
        let diff = TextDiff::from_chars(expected, actual);
        let (mut left, mut right) = (String::new(), String::new());
        for change in diff.iter_all_changes() {
            let text = change.value();
            match change.tag() {
                ChangeTag::Equal => {
                    left.push_str(text);
                    right.push_str(text);
                }
                ChangeTag::Delete => left.push_str(&paint(RED_BG, text)),
                ChangeTag::Insert => right.push_str(&paint(GREEN_BG, text)),
            }
        }
        let _ = writeln!(out, "{} {left}", paint(RED, "expected:"));
        let _ = writeln!(out, "{} {right}", paint(GREEN, "  actual:"));
        return out;
    }
    let _ = writeln!(
        out,
        "{} {}",
        paint(RED, "- expected"),
        paint(GREEN, "+ actual")
    );
    let diff = TextDiff::from_lines(expected, actual);
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n');
        let _ = match change.tag() {
            ChangeTag::Equal => writeln!(out, "  {line}"),
            ChangeTag::Delete => writeln!(out, "{}", paint(RED, format!("- {line}"))),
            ChangeTag::Insert => writeln!(out, "{}", paint(GREEN, format!("+ {line}"))),
        };
    }
    out
}

/// One line per verdict, for logs and scripts (`kata watch` when stdout is not a terminal).
pub fn verdict_line(outcome: &KataOutcome) -> String {
    let slug = &outcome.slug;
    let first_line = |text: &str| text.lines().next().unwrap_or("").trim().to_string();
    match outcome.status {
        KataStatus::Passed => format!(
            "{slug}: {} {}/{} tests",
            paint(GREEN.effects(Effects::BOLD), "passed"),
            outcome.passed_count(),
            outcome.tests.len()
        ),
        KataStatus::Failed => {
            let mut line = format!(
                "{slug}: {} {}/{} tests passed",
                paint(RED.effects(Effects::BOLD), "failed"),
                outcome.passed_count(),
                outcome.tests.len()
            );
            if let Some(test) = outcome.tests.iter().find(|t| !t.passed()) {
                let _ = write!(
                    line,
                    "; first failure: {} ({})",
                    test.name,
                    test.status.as_str()
                );
                if let Some(message) = test.message.as_deref().map(first_line) {
                    let _ = write!(line, ": {message}");
                }
            }
            line
        }
        KataStatus::CompileError => {
            let mut line = format!(
                "{slug}: {}",
                paint(RED.effects(Effects::BOLD), "compile_error")
            );
            if let Some(error) = outcome
                .compile
                .diagnostics
                .iter()
                .find(|d| d.level == "error")
            {
                let _ = write!(line, ": {}", first_line(&error.message));
            }
            line
        }
        KataStatus::NotAttempted => format!("{slug}: not_attempted"),
        KataStatus::Error => format!(
            "{slug}: {}: {}",
            paint(RED.effects(Effects::BOLD), "error"),
            first_line(outcome.error.as_deref().unwrap_or("unknown reason"))
        ),
    }
}

/// The closing line after several katas.
pub fn summary(outcomes: &[KataOutcome]) -> String {
    let passed = outcomes
        .iter()
        .filter(|o| o.status == KataStatus::Passed)
        .count();
    let style = if passed == outcomes.len() { GREEN } else { RED };
    paint(
        style.effects(Effects::BOLD),
        format!("{passed}/{} katas passed", outcomes.len()),
    )
}

/// One kata's line in `kata verify`, with the rows that went wrong spelled out.
pub fn verification(v: &crate::verify::Verification) -> String {
    let mut out = String::new();
    let mark = if v.ok() {
        paint(GREEN, "✓")
    } else {
        paint(RED, "✗")
    };
    let mut parts = Vec::new();
    let alternatives = |folder: &str| -> (usize, usize) {
        let rows: Vec<_> = v
            .rows
            .iter()
            .filter(|r| r.subject.starts_with(folder))
            .collect();
        (rows.iter().filter(|r| r.ok).count(), rows.len())
    };
    for row in v
        .rows
        .iter()
        .filter(|r| !r.subject.starts_with("wrong/") && !r.subject.starts_with("right/"))
    {
        let o = &row.outcome;
        let result = match o.status {
            KataStatus::CompileError => "compile error".to_string(),
            KataStatus::Error => "error".to_string(),
            _ => format!("{}/{}", o.passed_count(), o.tests.len()),
        };
        parts.push(format!("{} {result}", row.subject));
    }
    let (right_ok, right) = alternatives("right/");
    if right > 0 {
        parts.push(format!("right {right_ok}/{right} passed"));
    }
    let (wrong_ok, wrong) = alternatives("wrong/");
    parts.push(format!("wrong {wrong_ok}/{wrong} rejected"));
    let _ = writeln!(
        out,
        "{mark} {:<24} {}",
        v.slug,
        paint(DIM, parts.join(" · "))
    );
    for row in v.rows.iter().filter(|r| !r.ok) {
        let o = &row.outcome;
        let got = match o.status {
            KataStatus::CompileError => "did not compile".to_string(),
            KataStatus::Error => {
                format!("could not be checked: {}", o.error.as_deref().unwrap_or(""))
            }
            KataStatus::Passed => format!("passed all {} tests", o.tests.len()),
            KataStatus::NotAttempted => "was not attempted".to_string(),
            KataStatus::Failed => format!(
                "failed {} of {} tests",
                o.tests.len() - o.passed_count(),
                o.tests.len()
            ),
        };
        let _ = writeln!(
            out,
            "    {} must {}, but {got}",
            paint(RED, &row.subject),
            row.must
        );
        if o.status == KataStatus::CompileError {
            for d in o
                .compile
                .diagnostics
                .iter()
                .filter(|d| d.level == "error")
                .take(3)
            {
                for line in d.rendered.lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
        for test in o
            .tests
            .iter()
            .filter(|t| !t.passed() && row.must == "pass")
            .take(5)
        {
            let _ = writeln!(
                out,
                "      {} {}: {}",
                paint(RED, "✗"),
                test.name,
                test.message
                    .as_deref()
                    .unwrap_or("")
                    .lines()
                    .next()
                    .unwrap_or("")
            );
        }
    }
    for problem in &v.problems {
        let _ = writeln!(out, "    {} {problem}", paint(RED, "✗"));
    }
    for note in &v.notes {
        let _ = writeln!(out, "    {} {note}", paint(YELLOW, "note:"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    #[test]
    fn one_line_values_are_highlighted_inline() {
        let text = diff("[(1, 2)]", "[(1, 3)]");
        assert_eq!(plain(&text), "expected: [(1, 2)]\n  actual: [(1, 3)]\n");
        assert!(text.contains(&paint(RED_BG, "2")), "{text:?}");
        assert!(text.contains(&paint(GREEN_BG, "3")), "{text:?}");
    }

    #[test]
    fn multi_line_values_get_a_line_diff() {
        let text = plain(&diff("[\n    1,\n    2,\n]", "[\n    1,\n    3,\n]"));
        assert_eq!(
            text,
            "- expected + actual\n  [\n      1,\n-     2,\n+     3,\n  ]\n"
        );
    }

    #[test]
    fn durations_switch_to_seconds_past_ten() {
        assert_eq!(duration(Duration::from_millis(412)), "412 ms");
        assert_eq!(duration(Duration::from_millis(12_345)), "12.3 s");
    }
}
