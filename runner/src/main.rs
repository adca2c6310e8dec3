//! The `kata` command line: arguments in, exit code out. Everything else lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kata::commands::{self, Context};
use kata::engine::CheckOptions;
use kata::error::exit;
use kata::report::human::HumanOptions;
use kata::report::GradeFormat;
use kata::watch::{EventMode, WatchOptions};

/// Practise Rust on katas with hidden test suites: edit a file, check it, see each test's verdict.
#[derive(Parser)]
#[command(name = "kata", version, about)]
struct Cli {
    /// A folder of kata packages to use instead of the built-in catalogue.
    #[arg(long, global = true, env = "KATA_CATALOGUE", value_name = "DIR")]
    catalogue: Option<PathBuf>,

    /// A folder of kata packages to use beside the catalogue (repeatable; in the environment,
    /// separated by `:`).
    #[arg(
        long,
        global = true,
        env = "KATA_EXTRA_CATALOGUES",
        value_name = "DIR",
        value_delimiter = ':'
    )]
    extra_catalogue: Vec<PathBuf>,

    /// The practice workspace (default: ./practice, created on first use).
    #[arg(long, global = true, env = "KATA_WORKSPACE", value_name = "DIR")]
    workspace: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Create a practice workspace with every kata's stub (existing files are kept).
    Init {
        /// Where to create it.
        #[arg(default_value = "practice")]
        dir: PathBuf,
    },
    /// List the katas in learning order, with your progress.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check your solutions against the hidden suites (the current kata when none is named).
    Check {
        slugs: Vec<String>,
        /// Print one JSON document (schema in the README).
        #[arg(long)]
        json: bool,
        /// Let failing tests print backtraces (slower).
        #[arg(long)]
        backtrace: bool,
        /// List every passed test, not just the count.
        #[arg(long, short)]
        verbose: bool,
        /// Test processes to run at once (default: one per CPU).
        #[arg(long, short, value_name = "N")]
        jobs: Option<usize>,
        /// Print what confines test processes on this machine, and check nothing.
        #[arg(long)]
        explain_sandbox: bool,
    },
    /// Re-check the current kata each time you save it; keys move between katas (the default
    /// when `kata` runs in a terminal).
    Watch {
        /// One JSON document per check, one per line (implies the line-per-verdict output).
        #[arg(long)]
        json: bool,
        /// Look for saves every 500 ms instead of relying on file notifications (network
        /// drives, some WSL and container mounts).
        #[arg(long, conflicts_with = "manual")]
        poll: bool,
        /// Do not watch files: check when you press r.
        #[arg(long)]
        manual: bool,
    },
    /// Show the next hint for a kata.
    Hint { slug: String },
    /// Show the reference solution of a kata you have passed.
    Solution {
        slug: String,
        /// Show it even though the kata has not passed.
        #[arg(long)]
        force: bool,
    },
    /// Restore a kata's stub; your file is backed up first.
    Reset { slug: String },
    /// For maintainers: every reference passes, every stub and known-wrong solution fails.
    Verify {
        slugs: Vec<String>,
        /// Katas verified at once.
        #[arg(long, short, value_name = "N", default_value_t = 2)]
        jobs: usize,
    },
    /// For organisers: grade many members' workspaces against the hidden suites, with scores.
    Grade {
        /// Each member's practice workspace, or a checkout that holds one (e.g. in `practice/`).
        #[arg(required = true, value_name = "SUBMISSION")]
        submissions: Vec<PathBuf>,
        /// Grade only these katas (default: every kata of the catalogue).
        #[arg(long, value_delimiter = ',', value_name = "SLUG,...")]
        katas: Vec<String>,
        /// The report's format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// (Submission, kata) pairs checked at once.
        #[arg(long, short, value_name = "N", default_value_t = 2)]
        jobs: usize,
        /// Grade only the K-th of N stable slices of the (submission, kata) pairs.
        #[arg(long, value_name = "K/N")]
        partition: Option<kata::grade::Partition>,
    },
    /// For organisers: scaffold a kata package in the catalogue, to fill in and `kata verify`.
    New {
        slug: String,
        /// 1 core language, 2 data structures and algorithms, 3 coding and debugging, 4 systems.
        #[arg(long, default_value_t = 1)]
        track: u8,
    },
    /// Work with grade reports.
    #[command(subcommand)]
    Report(ReportCommand),
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Combine the JSON reports of every partition into one report.
    Merge {
        /// The reports `kata grade --partition K/N --format json` wrote, one per partition.
        #[arg(required = true, value_name = "PART.json")]
        parts: Vec<PathBuf>,
        /// The merged report's format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The formats of a grade report.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A table of members × katas, then where points were lost.
    Human,
    /// One document (schema in the README); the input of `kata report merge`.
    Json,
    /// JUnit XML: one test suite per submission, one test case per hidden test.
    Junit,
    /// A summary table for a CI job summary.
    Markdown,
}

impl From<Format> for GradeFormat {
    fn from(format: Format) -> GradeFormat {
        match format {
            Format::Human => GradeFormat::Human,
            Format::Json => GradeFormat::Json,
            Format::Junit => GradeFormat::Junit,
            Format::Markdown => GradeFormat::Markdown,
        }
    }
}

fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn watch_options(json: bool, poll: bool, manual: bool) -> WatchOptions {
    WatchOptions {
        interactive: !json && interactive(),
        json,
        events: if manual {
            EventMode::Manual
        } else if poll {
            EventMode::Poll
        } else {
            EventMode::Auto
        },
    }
}

/// What `kata grade` keeps of its environment: where tools are, locale, terminal, its own
/// settings. Everything else (tokens, credentials) is dropped before any member's code is built.
fn kept(key: &str) -> bool {
    const KEPT: &[&str] = &[
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "LANG",
        "TZ",
        "TERM",
        "COLUMNS",
        "LINES",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "RUSTUP_TOOLCHAIN",
        "CARGO",
        "RUSTC",
        "TMPDIR",
        "XDG_CACHE_HOME",
        "RUST_BACKTRACE",
    ];
    KEPT.contains(&key) || key.starts_with("LC_") || key.starts_with("KATA_")
}

/// Starts `kata` again with only the variables it keeps, when there are others. Removing them
/// in this process would not do: `/proc/PID/environ` shows the environment a process started
/// with, whatever it removed since.
fn forget_the_environment() {
    use std::os::unix::process::CommandExt;
    let vars: Vec<(std::ffi::OsString, std::ffi::OsString)> = std::env::vars_os().collect();
    if vars.iter().all(|(k, _)| kept(&k.to_string_lossy())) {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let error = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env_clear()
        .envs(vars.into_iter().filter(|(k, _)| kept(&k.to_string_lossy())))
        .exec();
    eprintln!("warning: could not start kata again without its environment's secrets: {error}");
}

fn main() -> ExitCode {
    // Cargo starts the runner itself as the wrapper of every rustc of a kata build.
    if kata::wrapper::requested() {
        return ExitCode::from(kata::wrapper::run(std::env::args_os().skip(1).collect()));
    }
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::Grade { .. })) {
        forget_the_environment();
    }
    // An interrupt kills the tests and builds in flight and removes their temporary crates.
    kata::cleanup::install();
    let ctx = Context {
        catalogue: cli
            .catalogue
            .unwrap_or_else(kata::catalogue::Catalogue::default_root),
        extra_catalogues: cli.extra_catalogue,
        workspace: cli.workspace,
    };
    let result = match cli.command {
        // In a terminal, `kata` alone is watch mode; piped or scripted, it prints where you are.
        None if interactive() => commands::watch(&ctx, watch_options(false, false, false)),
        None => commands::start(&ctx),
        Some(Command::Watch { json, poll, manual }) => {
            commands::watch(&ctx, watch_options(json, poll, manual))
        }
        Some(Command::Init { dir }) => commands::init(&ctx, &dir),
        Some(Command::List { json }) => commands::list(&ctx, json),
        Some(Command::Check {
            slugs,
            json,
            backtrace,
            verbose,
            jobs,
            explain_sandbox: false,
        }) => {
            let mut options = CheckOptions {
                backtrace,
                // A learner checks one edit after another of the same file.
                incremental: true,
                policy: kata::policy::Policy::Practice,
                ..CheckOptions::default()
            };
            if let Some(jobs) = jobs {
                options.jobs = jobs.max(1);
            }
            commands::check(&ctx, &slugs, json, options, HumanOptions { verbose })
        }
        Some(Command::Check { .. }) => commands::explain_sandbox(),
        Some(Command::Hint { slug }) => commands::hint(&ctx, &slug),
        Some(Command::Solution { slug, force }) => commands::solution(&ctx, &slug, force),
        Some(Command::Reset { slug }) => commands::reset(&ctx, &slug),
        Some(Command::Verify { slugs, jobs }) => commands::verify(&ctx, &slugs, jobs),
        Some(Command::Grade {
            submissions,
            katas,
            format,
            out,
            jobs,
            partition,
        }) => commands::grade(
            &ctx,
            &submissions,
            &katas,
            commands::GradeRun {
                format: format.into(),
                out,
                jobs: jobs.max(1),
                partition,
            },
        ),
        Some(Command::New { slug, track }) => commands::new_kata(&ctx, &slug, track),
        Some(Command::Report(ReportCommand::Merge { parts, format, out })) => {
            commands::report_merge(&parts, format.into(), out.as_deref())
        }
    };
    if kata::cleanup::interrupted() {
        return ExitCode::from(kata::cleanup::INTERRUPTED as u8);
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            anstream::eprintln!("error: {error}");
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                anstream::eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(exit::ERROR)
        }
    }
}
