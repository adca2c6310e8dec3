//! The `kata` command line: arguments in, exit code out. Everything else lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kata::commands::{self, Context};
use kata::engine::CheckOptions;
use kata::error::exit;
use kata::report::human::HumanOptions;

/// Practise Rust on katas with hidden test suites: edit a file, check it, see each test's verdict.
#[derive(Parser)]
#[command(name = "kata", version, about)]
struct Cli {
    /// A folder of kata packages to use instead of the built-in catalogue.
    #[arg(long, global = true, env = "KATA_CATALOGUE", value_name = "DIR")]
    catalogue: Option<PathBuf>,

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // An interrupt kills the tests and builds in flight and removes their temporary crates.
    kata::cleanup::install();
    let ctx = Context {
        catalogue: cli
            .catalogue
            .unwrap_or_else(kata::catalogue::Catalogue::default_root),
        workspace: cli.workspace,
    };
    let result = match cli.command {
        None => commands::start(&ctx),
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
