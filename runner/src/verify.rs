//! The catalogue lint behind `kata verify`: every reference and alternative right solution
//! passes, every stub and known-wrong solution is rejected, and the metadata agrees with the suite.
//!
//! A driver over [`Engine::check`]; it decides what each result means for the catalogue and leaves
//! the rendering to the caller.

use crate::build::Source;
use crate::catalogue::{read_text, Kata, KataKind};
use crate::engine::{display_path, Engine};
use crate::error::Result;
use crate::outcome::{KataOutcome, KataStatus};

/// A performance test's limit must leave the reference this many times its time.
pub const PERF_HEADROOM: u32 = 10;

/// One solution checked for the catalogue, and whether it did what it must.
#[derive(Debug)]
pub struct Row {
    /// `reference`, `stub`, `right/<file>` or `wrong/<file>`.
    pub subject: String,
    pub must: &'static str,
    pub ok: bool,
    pub outcome: KataOutcome,
}

#[derive(Debug)]
pub struct Verification {
    pub slug: String,
    pub rows: Vec<Row>,
    /// Breaches found outside the rows: metadata that disagrees with the suite, too few wrongs.
    pub problems: Vec<String>,
    /// Worth a look, but timing-dependent, so not a failure: a loaded machine must not fail the
    /// catalogue.
    pub notes: Vec<String>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.rows.iter().all(|r| r.ok)
    }
}

pub fn verify(engine: &Engine, kata: &Kata) -> Result<Verification> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    let quiet = &|_: &crate::outcome::Event<'_>| {};

    for path in scaffold_leftovers(kata)? {
        problems.push(format!(
            "{} still holds the placeholders of `kata new` ({}); fill it in",
            display_path(&path).display(),
            crate::scaffold::PLACEHOLDER
        ));
    }
    if !kata.reference.is_file() {
        problems.push(format!(
            "the reference solution {} is missing",
            display_path(&kata.reference).display()
        ));
    } else {
        let outcome = engine.check(kata, &source(&kata.reference)?, quiet)?;
        let ok = outcome.status == KataStatus::Passed;
        for name in kata.meta.tests.keys() {
            if !outcome
                .tests
                .iter()
                .any(|t| &t.name == name || t.name.starts_with(&format!("{name} [")))
            {
                problems.push(format!(
                    "kata.toml configures test `{name}`, which the hidden suite does not have"
                ));
            }
        }
        for test in outcome.tests.iter().filter(|t| t.perf && t.passed()) {
            if test.duration * PERF_HEADROOM > test.time_limit {
                notes.push(format!(
                    "performance test `{}` took the reference {} ms; its limit of {} ms needs to be at least {}x that",
                    test.name,
                    test.duration.as_millis(),
                    test.time_limit.as_millis(),
                    PERF_HEADROOM
                ));
            }
        }
        rows.push(Row {
            subject: "reference".into(),
            must: "pass",
            ok,
            outcome,
        });
    }

    let stub = engine.check(kata, &source(&kata.stub_path())?, quiet)?;
    let (must, ok) = match kata.meta.kind {
        KataKind::Fix => ("not compile", stub.status == KataStatus::CompileError),
        KataKind::Implement => ("compile and fail", stub.status == KataStatus::Failed),
    };
    rows.push(Row {
        subject: "stub".into(),
        must,
        ok,
        outcome: stub,
    });

    let wrongs = kata.wrong_solutions()?;
    if wrongs.len() < 2 {
        problems.push(format!(
            "{} known-wrong solution(s) in wrong/; a kata needs at least two",
            wrongs.len()
        ));
    }
    let file_name = |path: &std::path::Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    for path in kata.right_solutions()? {
        let outcome = engine.check(kata, &source(&path)?, quiet)?;
        rows.push(Row {
            subject: format!("right/{}", file_name(&path)),
            must: "pass",
            ok: outcome.status == KataStatus::Passed,
            outcome,
        });
    }
    for path in wrongs {
        let outcome = engine.check(kata, &source(&path)?, quiet)?;
        rows.push(Row {
            subject: format!("wrong/{}", file_name(&path)),
            must: "compile and fail",
            ok: outcome.status == KataStatus::Failed,
            outcome,
        });
    }
    if kata.meta.hints.len() < 2 {
        problems.push("a kata needs at least two hints, from a nudge to almost the answer".into());
    }
    Ok(Verification {
        slug: kata.slug().to_string(),
        rows,
        problems,
        notes,
    })
}

/// The kata's files that still hold the scaffold's placeholder text.
fn scaffold_leftovers(kata: &Kata) -> Result<Vec<std::path::PathBuf>> {
    let mut files = vec![
        kata.dir.join("kata.toml"),
        kata.task_path(),
        kata.stub_path(),
        kata.hidden_path(),
        kata.reference.clone(),
    ];
    files.extend(kata.wrong_solutions()?);
    files.extend(kata.right_solutions()?);
    Ok(files
        .into_iter()
        .filter(|f| {
            std::fs::read_to_string(f).is_ok_and(|t| t.contains(crate::scaffold::PLACEHOLDER))
        })
        .collect())
}

fn source(path: &std::path::Path) -> Result<Source> {
    Ok(Source {
        display: display_path(path),
        text: read_text(path)?,
    })
}
