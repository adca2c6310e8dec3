//! The commands a user runs: thin drivers that tie the catalogue, the workspace, the engine and
//! the reporters together and decide the exit code.
//!
//! This is the only layer that writes to the terminal. It takes plain values, not clap types.

use std::io::Write;
use std::path::{Path, PathBuf};

use anstream::{eprintln, print, println};

use crate::build::{BuildEnv, Source};
use crate::catalogue::{read_text, Catalogue, Kata};
use crate::engine::{display_path, CheckOptions, Engine};
use crate::error::{exit, Error, Result};
use crate::outcome::{Event, KataOutcome, KataStatus};
use crate::report::{human, json};
use crate::verify;
use crate::workspace::{track_dir, State, Workspace};

/// Where a command finds its katas and its workspace.
#[derive(Debug, Clone)]
pub struct Context {
    pub catalogue: PathBuf,
    /// Catalogues whose katas are used beside those of `catalogue`.
    pub extra_catalogues: Vec<PathBuf>,
    /// The workspace named by the user, if any; otherwise `./practice` (or `.` inside one).
    pub workspace: Option<PathBuf>,
}

impl Context {
    fn catalogue(&self) -> Result<Catalogue> {
        Catalogue::load_with(&self.catalogue, &self.extra_catalogues)
    }

    /// The workspace to use. The default one is created on first use; one the user named must
    /// already exist.
    fn workspace(&self, catalogue: &Catalogue) -> Result<Workspace> {
        let workspace = self.find_workspace(catalogue)?;
        // Katas added to the catalogue since the workspace was made get their stub files (and
        // the workspace manifest its entries); nothing the learner wrote is touched.
        if workspace.has_new_katas(catalogue) {
            let (_, report) = Workspace::init(&workspace.root, catalogue)?;
            if !report.created.is_empty() {
                eprintln!(
                    "{} new kata files added to {}.",
                    report.created.len(),
                    display_path(&workspace.root).display()
                );
            }
        }
        Ok(workspace)
    }

    fn find_workspace(&self, catalogue: &Catalogue) -> Result<Workspace> {
        if let Some(path) = &self.workspace {
            return Workspace::open(path);
        }
        if Path::new(".kata").is_dir() {
            return Workspace::open(Path::new("."));
        }
        let path = Path::new("practice");
        match Workspace::open(path) {
            Ok(workspace) => Ok(workspace),
            Err(Error::NoWorkspace { .. }) => {
                let (workspace, report) = Workspace::init(path, catalogue)?;
                eprintln!(
                    "Created your practice workspace in {}/ with {} kata files.",
                    path.display(),
                    report.created.len()
                );
                Ok(workspace)
            }
            Err(e) => Err(e),
        }
    }
}

fn engine(options: CheckOptions) -> Result<Engine> {
    Ok(Engine::new(BuildEnv::from_env()?, options))
}

/// `kata init [DIR]`
pub fn init(ctx: &Context, dir: &Path) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let (_, report) = Workspace::init(dir, &catalogue)?;
    println!(
        "Practice workspace ready in {}: {} kata files created, {} already there (kept as they are).",
        dir.display(),
        report.created.len(),
        report.kept.len()
    );
    for backup in &report.backups {
        println!(
            "  an edited workspace file was updated; the old one is in {}",
            backup.display()
        );
    }
    println!("Start with `kata` (or `kata check <slug>` after editing a file).");
    Ok(exit::OK)
}

/// `kata watch`: the practice loop, until the learner quits.
pub fn watch(ctx: &Context, options: crate::watch::WatchOptions) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let workspace = ctx.workspace(&catalogue)?;
    let engine = engine(CheckOptions {
        // A learner checks one edit after another of the same file.
        incremental: true,
        policy: crate::policy::Policy::Practice,
        ..CheckOptions::default()
    })?;
    crate::watch::run(catalogue, workspace, engine, options)
}

/// `kata` with no command: the current kata and what to do next.
pub fn start(ctx: &Context) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let workspace = ctx.workspace(&catalogue)?;
    let (state, warning) = workspace.state()?;
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let current = current_kata(&catalogue, &state);
    let done = catalogue
        .katas()
        .iter()
        .filter(|k| state.passed.contains(k.slug()))
        .count();
    println!("{}", progress_line(done, catalogue.katas().len()));
    let Some(kata) = current else {
        println!("Every kata has passed. Well done!");
        return Ok(exit::OK);
    };
    let statement = read_text(&kata.task_path())?;
    println!("\nCurrent kata: {} — {}\n", kata.slug(), kata.meta.title);
    // The statement's first paragraph; the whole of it is in the kata's task.md.
    for line in statement
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
    {
        println!("  {line}");
    }
    println!(
        "\nEdit {} and run `{}`; `{}` when stuck; `{}` for every kata.\nThe whole task: {}",
        display_path(&workspace.kata_file(kata)).display(),
        invocation(&format!("check {}", kata.slug())),
        invocation(&format!("hint {}", kata.slug())),
        invocation("list"),
        display_path(&kata.task_path()).display(),
    );
    Ok(exit::OK)
}

/// The kata the learner is on: the one they last failed, else the first not yet passed.
pub(crate) fn current_kata<'a>(catalogue: &'a Catalogue, state: &State) -> Option<&'a Kata> {
    state
        .current
        .as_deref()
        .and_then(|s| catalogue.get(s).ok())
        .or_else(|| {
            catalogue
                .katas()
                .iter()
                .find(|k| !state.passed.contains(k.slug()))
        })
}

/// How the user runs a kata command: through cargo when that is how this process was started.
fn invocation(command: &str) -> String {
    if std::env::var("CARGO_PKG_NAME").as_deref() == Ok("kata") {
        format!("cargo run -q -- {command}")
    } else {
        format!("kata {command}")
    }
}

pub(crate) fn progress_line(done: usize, total: usize) -> String {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0);
    format!(
        "Progress [{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

/// `kata list [--json]`
pub fn list(ctx: &Context, as_json: bool) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let workspace = ctx.workspace(&catalogue)?;
    let (state, warning) = workspace.state()?;
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let status = |kata: &Kata| {
        if state.passed.contains(kata.slug()) {
            "passed"
        } else if state.current.as_deref() == Some(kata.slug()) {
            "current"
        } else {
            "pending"
        }
    };
    if as_json {
        let katas: Vec<serde_json::Value> = catalogue
            .katas()
            .iter()
            .map(|k| {
                serde_json::json!({
                    "slug": k.slug(),
                    "title": k.meta.title,
                    "track": k.meta.track,
                    "order": k.meta.order,
                    "difficulty": k.meta.difficulty.as_str(),
                    "topics": k.meta.topics,
                    "points": k.meta.points,
                    "status": status(k),
                    "path": display_path(&workspace.kata_file(k)),
                })
            })
            .collect();
        let document = serde_json::json!({ "version": json::VERSION, "katas": katas });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).expect("json values serialise")
        );
        return Ok(exit::OK);
    }
    let mut track = 0;
    for kata in catalogue.katas() {
        if kata.meta.track != track {
            track = kata.meta.track;
            println!("\n{}", track_dir(track));
        }
        let mark = match status(kata) {
            "passed" => "✓",
            "current" => "→",
            _ => " ",
        };
        println!(
            "  {mark} {:<26} {:<8} {}",
            kata.slug(),
            kata.meta.difficulty.as_str(),
            kata.meta.title
        );
    }
    let done = catalogue
        .katas()
        .iter()
        .filter(|k| state.passed.contains(k.slug()))
        .count();
    println!("\n{}", progress_line(done, catalogue.katas().len()));
    Ok(exit::OK)
}

/// `kata check [SLUG...] [--json]`
pub fn check(
    ctx: &Context,
    slugs: &[String],
    as_json: bool,
    options: CheckOptions,
    human_options: human::HumanOptions,
) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let workspace = ctx.workspace(&catalogue)?;
    let katas: Vec<&Kata> = if slugs.is_empty() {
        let (state, _) = workspace.state()?;
        match current_kata(&catalogue, &state) {
            Some(kata) => vec![kata],
            None => return Err(Error::Usage("every kata has passed; name one to check it again, e.g. `kata check two_sum_pairs`".into())),
        }
    } else {
        catalogue.select(slugs)?
    };
    // Read every file first, so a bad file stops the command before anything is built.
    let sources: Vec<Source> = katas
        .iter()
        .map(|k| workspace.read_source(k))
        .collect::<Result<_>>()?;
    let engine = engine(options)?;
    let mut outcomes = Vec::new();
    let dependencies = DependencyBar::default();
    let progress = |event: &Event<'_>| {
        dependencies.show(event);
        if let Event::KataStarted { slug } = event {
            if !as_json {
                eprintln!("checking {slug} …");
            }
        }
    };
    for (kata, source) in katas.iter().zip(&sources) {
        let outcome = engine.check(kata, source, &progress)?;
        if !as_json {
            println!("{}", human::outcome(&outcome, human_options));
        }
        let passed = outcome.status == KataStatus::Passed;
        let slug = kata.slug().to_string();
        workspace.update_state(|state| {
            if passed {
                state.passed.insert(slug.clone());
                if state.current.as_deref() == Some(slug.as_str()) {
                    state.current = None;
                }
            } else if state.current.is_none() {
                state.current = Some(slug.clone());
            }
        })?;
        outcomes.push(outcome);
    }
    if as_json {
        println!("{}", json::check_document(&outcomes));
    } else if outcomes.len() > 1 {
        println!("{}", human::summary(&outcomes));
    }
    Ok(exit_code(&outcomes))
}

/// The progress of compiling dependencies, on stderr: a bar redrawn in place on a terminal,
/// otherwise one line when it starts.
#[derive(Default)]
pub(crate) struct DependencyBar {
    started: std::sync::atomic::AtomicBool,
}

impl DependencyBar {
    pub(crate) fn show(&self, event: &Event<'_>) {
        let Event::Dependencies {
            built,
            total,
            current,
        } = *event
        else {
            return;
        };
        let first = !self.started.swap(true, std::sync::atomic::Ordering::SeqCst);
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            if first {
                eprintln!("compiling {total} dependencies (once per machine) …");
            }
            return;
        }
        const WIDTH: usize = 24;
        let filled = (built * WIDTH).checked_div(total).unwrap_or(0).min(WIDTH);
        eprint!(
            "\r\x1b[2Kcompiling dependencies (once per machine) [{}{}] {built}/{total} {current}",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled)
        );
        if built >= total {
            eprintln!();
        }
    }
}

fn exit_code(outcomes: &[KataOutcome]) -> u8 {
    if outcomes.iter().all(|o| o.status == KataStatus::Passed) {
        exit::OK
    } else {
        exit::FAILED
    }
}

/// `kata hint SLUG`: the next hint each time.
pub fn hint(ctx: &Context, slug: &str) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let kata = catalogue.get(slug)?;
    let workspace = ctx.workspace(&catalogue)?;
    let hints = &kata.meta.hints;
    let shown = workspace.update_state(|state| {
        let count = state.hints_shown.entry(slug.to_string()).or_insert(0);
        *count = (*count + 1).min(hints.len());
        *count
    })?;
    for (i, hint) in hints.iter().enumerate().take(shown) {
        println!("Hint {}/{}: {hint}", i + 1, hints.len());
    }
    if shown == hints.len() {
        println!("(That is every hint. `kata solution {slug}` shows the reference once the kata passes.)");
    }
    Ok(exit::OK)
}

/// `kata solution SLUG [--force]`
pub fn solution(ctx: &Context, slug: &str, force: bool) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let kata = catalogue.get(slug)?;
    let workspace = ctx.workspace(&catalogue)?;
    let (state, _) = workspace.state()?;
    if !force && !state.passed.contains(slug) {
        return Err(Error::Usage(format!(
            "`{slug}` has not passed yet; the reference solution is shown once it passes (`kata check {slug}`), or now with `kata solution {slug} --force`"
        )));
    }
    let text = read_text(&kata.reference)?;
    println!("// {}\n{text}", display_path(&kata.reference).display());
    Ok(exit::OK)
}

/// `kata reset SLUG`: the stub again, with a backup of the learner's file.
pub fn reset(ctx: &Context, slug: &str) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let kata = catalogue.get(slug)?;
    let workspace = ctx.workspace(&catalogue)?;
    let backup = workspace.reset(kata)?;
    let file = display_path(&workspace.kata_file(kata));
    match backup {
        Some(backup) => println!(
            "Restored the stub in {}; your previous file is saved as {}.",
            file.display(),
            display_path(&backup).display()
        ),
        None => println!("Restored the stub in {}.", file.display()),
    }
    Ok(exit::OK)
}

/// `kata verify [SLUG...]`: the catalogue lint.
///
/// Two katas are verified at a time: builds take turns on the shared target directory anyway,
/// and one kata's tests (and its known-wrong solutions' time-outs) overlap another's build.
/// Results are printed in catalogue order as soon as they are known.
pub fn verify(ctx: &Context, slugs: &[String], jobs: usize) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let katas = catalogue.select(slugs)?;
    let engine = engine(CheckOptions {
        reference_timings: false,
        ..CheckOptions::default()
    })?;
    let results: Vec<std::sync::Mutex<Option<Result<verify::Verification>>>> =
        katas.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let printed = std::sync::Mutex::new(0usize);
    let failed = std::sync::atomic::AtomicUsize::new(0);
    let print_ready = || {
        let mut printed = printed.lock().expect("no panics while locked");
        while *printed < katas.len() {
            let slot = results[*printed].lock().expect("no panics while locked");
            match slot.as_ref() {
                Some(Ok(verification)) => {
                    if !verification.ok() {
                        failed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    }
                    print!("{}", human::verification(verification));
                    let _ = std::io::stdout().flush();
                }
                Some(Err(_)) => {}
                None => break,
            }
            drop(slot);
            *printed += 1;
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1).min(katas.len().max(1)) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(kata) = katas.get(index) else { break };
                let result = verify::verify(&engine, kata);
                *results[index].lock().expect("no panics while locked") = Some(result);
                print_ready();
            });
        }
    });
    for slot in results {
        if let Some(Err(error)) = slot.into_inner().expect("no panics while locked") {
            return Err(error);
        }
    }
    let failed = failed.into_inner();
    println!(
        "\n{} of {} katas verified",
        katas.len() - failed,
        katas.len()
    );
    Ok(if failed == 0 { exit::OK } else { exit::FAILED })
}

/// `kata grade SUBMISSION... [--katas ..] [--format ..] [--out FILE] [--jobs N] [--partition K/N]`
///
/// Exit code 0 when every pair was graded, whatever the scores; 2 when the runner itself failed
/// on a pair (the report is still written, with that kata's `error`).
pub fn grade(ctx: &Context, paths: &[PathBuf], slugs: &[String], run: GradeRun) -> Result<u8> {
    let catalogue = ctx.catalogue()?;
    let selected = catalogue.select(slugs)?;
    // Catalogue order, whatever order they were named in, so every partition agrees on the pairs.
    let katas: Vec<&Kata> = catalogue
        .katas()
        .iter()
        .filter(|k| selected.iter().any(|s| s.slug() == k.slug()))
        .collect();
    let submissions = crate::grade::submissions(paths)?;
    for submission in submissions.iter().filter(|s| s.workspace.is_none()) {
        eprintln!(
            "warning: no practice workspace in {} (submission `{}`): every kata counts as not attempted",
            submission.path.display(),
            submission.name
        );
    }
    let engine = engine(CheckOptions {
        // Reference timings are for learners; in grading they would cost a build per machine.
        reference_timings: false,
        ..CheckOptions::default()
    })?;
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = |p: crate::grade::Progress| {
        if terminal {
            let left = p.remaining().map_or(String::new(), |d| match d.as_secs() {
                s @ 0..=119 => format!(", about {s} s left"),
                s => format!(", about {} min left", s.div_ceil(60)),
            });
            eprint!(
                "\r\x1b[2Kgraded {}/{} submissions ({}/{} katas){left}",
                p.submissions_done, p.submissions, p.pairs_done, p.pairs
            );
        }
    };
    let graded = crate::grade::grade(
        &engine,
        &katas,
        &submissions,
        run.partition,
        run.jobs,
        &progress,
    )?;
    if terminal {
        eprintln!();
    }
    write_report(&graded.report, run.format, run.out.as_deref())?;
    for (submission, slug, error) in &graded.faults {
        eprintln!("error: grading `{slug}` of `{submission}` failed: {error}");
    }
    Ok(if graded.faults.is_empty() {
        exit::OK
    } else {
        exit::ERROR
    })
}

/// How `kata grade` runs and where its report goes.
#[derive(Debug, Clone)]
pub struct GradeRun {
    pub format: crate::report::GradeFormat,
    pub out: Option<PathBuf>,
    /// (submission, kata) pairs checked at once.
    pub jobs: usize,
    pub partition: Option<crate::grade::Partition>,
}

/// `kata report merge PART.json... [--format ..] [--out FILE]`
pub fn report_merge(
    parts: &[PathBuf],
    format: crate::report::GradeFormat,
    out: Option<&Path>,
) -> Result<u8> {
    let parts = parts
        .iter()
        .map(|p| Ok((p.clone(), crate::gradebook::GradeReport::read(p)?)))
        .collect::<Result<Vec<_>>>()?;
    let merged = crate::gradebook::merge(&parts)?;
    write_report(&merged, format, out)?;
    Ok(exit::OK)
}

fn write_report(
    report: &crate::gradebook::GradeReport,
    format: crate::report::GradeFormat,
    out: Option<&Path>,
) -> Result<()> {
    let text = crate::report::grade_report(report, format);
    match out {
        Some(path) => std::fs::write(path, text).map_err(Error::io("writing", path)),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// `kata new SLUG [--track N]`: a kata package to fill in, in the catalogue.
pub fn new_kata(ctx: &Context, slug: &str, track: u8) -> Result<u8> {
    let written = crate::scaffold::new_kata(&ctx.catalogue, slug, track)?;
    println!("Created kata `{slug}`:");
    for path in &written {
        println!("  {}", display_path(path).display());
    }
    println!(
        "Replace every `{}` (katas/README.md describes each file), add a second file to wrong/, then run `kata verify {slug}`.",
        crate::scaffold::PLACEHOLDER
    );
    Ok(exit::OK)
}

/// `kata check --explain-sandbox`: what confines test processes on this machine.
pub fn explain_sandbox() -> Result<u8> {
    let caps = crate::sandbox::capabilities();
    println!("{}", caps.explain(&crate::sandbox::Limits::default()));
    Ok(exit::OK)
}
