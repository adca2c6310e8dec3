//! The runner's integration tests: the real `kata` binary, real cargo, real processes.
//!
//! A small DSL over the fixture catalogue in `tests/fixtures/`: a [`Practice`] is a fresh
//! workspace; `.solve("adder", "fails_with_diff")` puts a fixture learner file in place; `.kata([..])`
//! runs the binary. Every kata build shares one cache (`target/tmp/kata-cache`), so dependencies
//! and the assertion helper compile once per test run.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> PathBuf {
    repo().join("tests").join("fixtures")
}

fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("kata-cache")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts the run ended in an error (exit code 2) whose message says `says`.
    fn refused(&self, says: &str) {
        assert_eq!(self.code, 2, "{}\n{}", self.stdout, self.stderr);
        assert!(self.stderr.contains(says), "{}", self.stderr);
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A practice workspace over a catalogue, in a temporary directory.
struct Practice {
    dir: tempfile::TempDir,
    catalogue: PathBuf,
}

impl Practice {
    fn new() -> Practice {
        Practice::with_catalogue(fixtures().join("katas"))
    }

    fn with_catalogue(catalogue: PathBuf) -> Practice {
        let practice = Practice {
            dir: tempfile::tempdir().unwrap(),
            catalogue,
        };
        fs::create_dir(practice.tmp()).unwrap();
        if practice.catalogue.join("deps").is_dir() && Practice::loads(&practice.catalogue) {
            let run = practice.kata(&["init", "ws"]);
            assert_eq!(run.code, 0, "init failed: {}", run.stderr);
        }
        practice
    }

    fn loads(catalogue: &Path) -> bool {
        kata::catalogue::Catalogue::load(catalogue).is_ok()
    }

    fn workspace(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    /// The `TMPDIR` of every `kata` run, where temporary crates go: empty after each run.
    fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }

    fn leftovers(&self) -> Vec<PathBuf> {
        fs::read_dir(self.tmp())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }

    fn kata_file(&self, slug: &str) -> PathBuf {
        let catalogue = kata::catalogue::Catalogue::load(&self.catalogue).unwrap();
        let kata = catalogue.get(slug).unwrap();
        kata::workspace::Workspace::open(&self.workspace())
            .unwrap()
            .kata_file(kata)
    }

    /// Puts the fixture learner file `name` in place of the learner's file for `slug`.
    fn solve(&self, slug: &str, name: &str) -> &Practice {
        self.solve_with(slug, name, &[])
    }

    /// Like [`Practice::solve`], with placeholders in the fixture replaced.
    fn solve_with(&self, slug: &str, name: &str, replace: &[(&str, String)]) -> &Practice {
        let mut text =
            fs::read_to_string(fixtures().join("learner").join(format!("{name}.rs"))).unwrap();
        for (from, to) in replace {
            text = text.replace(from, to);
        }
        fs::write(self.kata_file(slug), text).unwrap();
        self
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kata"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("TMPDIR", self.tmp())
            .env("KATA_CACHE_DIR", cache_dir())
            .env("KATA_CATALOGUE", &self.catalogue)
            .env("KATA_WORKSPACE", self.workspace())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE");
        command
    }

    fn kata(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }

    /// `kata check SLUG --json`, returning the kata's record and the exit code.
    fn check(&self, slug: &str) -> (Value, i32) {
        let run = self.kata(&["check", slug, "--json"]);
        let doc = run.json();
        assert_eq!(doc["version"], 1);
        (doc["katas"][0].clone(), run.code)
    }
}

fn test<'a>(kata: &'a Value, name: &str) -> &'a Value {
    kata["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no test {name} in {kata:#}"))
}

fn statuses(kata: &Value) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = kata["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    all.sort();
    all
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    all.sort();
    all
}

#[test]
fn a_correct_solution_passes_every_test() {
    let practice = Practice::new();
    practice.solve("adder", "passes");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 0);
    assert_eq!(kata["status"], "passed");
    assert_eq!(
        (kata["passed"].as_u64(), kata["total"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(kata["compile"]["ok"], true);
    // The perf test carries the reference's time on this machine.
    assert!(test(&kata, "adds_many_quickly")["reference_ms"].is_u64());
    assert!(test(&kata, "adds_small_numbers")["reference_ms"].is_null());
}

#[test]
fn the_stub_fails_and_points_at_the_learners_file() {
    let practice = Practice::new();
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    assert_eq!(kata["status"], "failed");
    let message = test(&kata, "adds_small_numbers")["message"]
        .as_str()
        .unwrap();
    assert!(
        message.starts_with("not yet implemented: add the numbers (panicked at ")
            && message.contains("1-core-language/adder.rs:3:5"),
        "{message}"
    );
}

#[test]
fn failures_carry_expected_and_actual() {
    let practice = Practice::new();
    practice.solve("adder", "fails_with_diff");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    let small = test(&kata, "adds_small_numbers");
    assert_eq!(small["status"], "failed");
    assert_eq!(small["message"], "2 + 3 is 5");
    assert_eq!(
        (small["expected"].as_str(), small["actual"].as_str()),
        (Some("5"), Some("6"))
    );
    // A plain assert_eq! is parsed too: left is the actual value, right the expected one.
    let sums = test(&kata, "sums_each_pair");
    assert_eq!(sums["message"], "one sum per pair");
    assert_eq!(
        (sums["expected"].as_str(), sums["actual"].as_str()),
        (Some("[2, 4, 6]"), Some("[1, 4, 9]"))
    );
    assert_eq!(test(&kata, "adds_negative_numbers")["status"], "passed");
}

#[test]
fn the_human_report_shows_the_diff_and_the_score() {
    let practice = Practice::new();
    practice.solve("adder", "fails_with_diff");
    let run = practice.kata(&["check", "adder"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(redact(&run.stdout, &practice));
}

/// Replaces durations and temporary paths, which change from run to run.
fn redact(text: &str, practice: &Practice) -> String {
    let text = text.replace(&practice.dir.path().display().to_string(), "[TMP]");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(" ms") {
        let digits = rest[..at].trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < at && digits.ends_with([' ', '(']) {
            out.push_str(digits);
            out.push_str("[N] ms");
        } else {
            out.push_str(&rest[..at + 3]);
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_compile_error_is_shown_as_rustc_renders_it_at_the_learners_path() {
    let practice = Practice::new();
    practice.solve("adder", "does_not_compile");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    assert_eq!(kata["status"], "compile_error");
    assert_eq!(kata["tests"].as_array().unwrap().len(), 0);
    let diagnostic = &kata["compile"]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "E0425");
    let rendered = diagnostic["rendered"].as_str().unwrap();
    assert!(
        rendered.contains("ws/1-core-language/adder.rs:2:13"),
        "{rendered}"
    );
    assert!(
        !rendered.contains("src/lib.rs") && !rendered.contains("/tmp/"),
        "{rendered}"
    );
}

#[test]
fn an_endless_loop_times_out_without_stopping_the_other_tests() {
    let practice = Practice::new();
    practice.solve("adder", "loops_forever");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    assert_eq!(
        statuses(&kata),
        pairs(&[
            ("adds_many_quickly", "timed_out"),
            ("adds_negative_numbers", "passed"),
            ("adds_small_numbers", "timed_out"),
            ("sums_each_pair", "passed"),
        ])
    );
    let message = test(&kata, "adds_small_numbers")["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("3000 ms"), "{message}");
}

#[test]
fn a_stack_overflow_and_an_abort_are_crashes_with_a_reason() {
    let practice = Practice::new();
    practice.solve("adder", "overflows_stack");
    let (kata, _) = practice.check("adder");
    let negative = test(&kata, "adds_negative_numbers");
    assert_eq!(negative["status"], "crashed");
    assert_eq!(
        negative["message"],
        "crashed: stack overflow (unbounded recursion?)"
    );
    assert_eq!(test(&kata, "adds_small_numbers")["status"], "passed");

    practice.solve("adder", "aborts");
    let (kata, _) = practice.check("adder");
    let small = test(&kata, "adds_small_numbers");
    assert_eq!(small["status"], "crashed");
    assert_eq!(small["message"], "crashed: killed by signal 6 (SIGABRT)");
}

#[test]
fn exiting_early_with_status_zero_is_not_a_pass() {
    let practice = Practice::new();
    practice.solve("adder", "exits_early");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    assert_eq!(kata["passed"], 0);
    let message = test(&kata, "adds_small_numbers")["message"]
        .as_str()
        .unwrap();
    assert!(
        message.contains("exited with status 0 before the test finished"),
        "{message}"
    );
}

#[test]
fn printing_libtests_success_lines_is_not_a_pass() {
    let practice = Practice::new();
    practice.solve("adder", "fakes_success");
    let (kata, code) = practice.check("adder");
    assert_eq!(code, 1);
    assert_eq!(kata["passed"], 0);
    assert!(statuses(&kata).iter().all(|(_, status)| status == "failed"));
}

#[test]
fn the_hidden_suite_cannot_be_included_at_compile_time() {
    let practice = Practice::new();
    practice.solve("adder", "includes_suite");
    let (kata, _) = practice.check("adder");
    assert_eq!(kata["status"], "compile_error");
    let rendered = kata["compile"]["diagnostics"][0]["rendered"]
        .as_str()
        .unwrap();
    assert!(rendered.contains("couldn't read"), "{rendered}");
}

#[test]
fn the_hidden_suite_cannot_be_read_at_run_time() {
    let practice = Practice::new();
    practice.solve("adder", "reads_suite");
    let (kata, code) = practice.check("adder");
    assert_eq!(kata["status"], "passed", "{kata:#}");
    assert_eq!(code, 0);
}

#[test]
fn the_hidden_suite_cannot_be_found_through_the_manifest() {
    let practice = Practice::new();
    practice.solve("adder", "reads_suite_via_manifest");
    let (kata, code) = practice.check("adder");
    // The manifest names the suite, so the build does not let the learner's code read it.
    assert_eq!(kata["status"], "compile_error", "{kata:#}");
    assert!(
        kata["compile"]["diagnostics"][0]["rendered"]
            .as_str()
            .unwrap()
            .contains("that path is outside the kata"),
        "{kata:#}"
    );
    assert_eq!(code, 1);
}

/// Cargo decides freshness by timestamps: a solution whose file is older than the last build must
/// still be rebuilt, in both directions.
#[test]
fn each_solution_gets_its_own_verdict_even_with_backdated_files() {
    let practice = Practice::new();
    let file = practice.kata_file("adder");
    let backdate = |path: &Path| {
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(946_684_800); // 2000-01-01
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(old)
            .unwrap();
    };
    for (scenario, expected) in [
        ("passes", "passed"),
        ("fails_with_diff", "failed"),
        ("passes", "passed"),
        ("fails_with_diff", "failed"),
    ] {
        practice.solve("adder", scenario);
        backdate(&file);
        let (kata, _) = practice.check("adder");
        assert_eq!(kata["status"], expected, "{scenario}");
    }
}

#[test]
fn passing_is_remembered_and_unlocks_the_solution() {
    let practice = Practice::new();
    let refused = practice.kata(&["solution", "adder"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);

    practice.solve("adder", "passes");
    assert_eq!(practice.check("adder").1, 0);
    let list = practice.kata(&["list", "--json"]).json();
    assert_eq!(list["katas"][0]["slug"], "adder");
    assert_eq!(list["katas"][0]["status"], "passed");
    let shown = practice.kata(&["solution", "adder"]);
    assert_eq!(shown.code, 0);
    assert!(
        shown.stdout.contains("pairs.iter().map"),
        "{}",
        shown.stdout
    );
}

#[test]
fn hints_come_one_more_at_a_time() {
    let practice = Practice::new();
    let first = practice.kata(&["hint", "adder"]);
    assert_eq!(first.stdout, "Hint 1/2: Add them.\n");
    let second = practice.kata(&["hint", "adder"]);
    assert!(
        second
            .stdout
            .starts_with("Hint 1/2: Add them.\nHint 2/2: Use `a + b`.\n"),
        "{}",
        second.stdout
    );
}

#[test]
fn reset_restores_the_stub_and_keeps_a_backup() {
    let practice = Practice::new();
    practice.solve("adder", "fails_with_diff");
    let run = practice.kata(&["reset", "adder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stub = fs::read_to_string(fixtures().join("katas/adder/stub.rs")).unwrap();
    assert_eq!(
        fs::read_to_string(practice.kata_file("adder")).unwrap(),
        stub
    );
    let backups: Vec<_> = fs::read_dir(practice.workspace().join(".kata/backups"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let learner = fs::read_to_string(fixtures().join("learner/fails_with_diff.rs")).unwrap();
    assert_eq!(backups, vec![learner]);
}

#[test]
fn init_never_overwrites_a_learners_file() {
    let practice = Practice::new();
    practice.solve("adder", "passes");
    let run = practice.kata(&["init", "ws"]);
    assert_eq!(run.code, 0);
    let learner = fs::read_to_string(fixtures().join("learner/passes.rs")).unwrap();
    assert_eq!(
        fs::read_to_string(practice.kata_file("adder")).unwrap(),
        learner
    );
}

#[test]
fn verify_accepts_the_fixture_catalogue() {
    let practice = Practice::new();
    let run = practice.kata(&["verify"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("✓ adder"), "{}", run.stdout);
    assert!(run.stdout.contains("wrong 2/2 rejected"), "{}", run.stdout);
    assert!(run.stdout.contains("right 1/1 passed"), "{}", run.stdout);
}

/// Copies the fixture catalogue into a temporary folder, for tests that break it.
fn broken_catalogue(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("katas");
    copy_dir(&fixtures().join("katas"), &root);
    copy_dir(&fixtures().join("solutions"), &dir.path().join("solutions"));
    edit(&root);
    (dir, root)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `kata verify adder` with `file` copied into the kata's folder as `name`; it must fail.
fn verify_adder_with(file: PathBuf, name: &str) -> Run {
    let (_keep, root) = broken_catalogue(|root| {
        fs::copy(file, root.join("adder").join(name)).unwrap();
    });
    let run = Practice::with_catalogue(root).kata(&["verify", "adder"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    run
}

#[test]
fn verify_rejects_a_suite_that_lets_a_wrong_solution_pass() {
    let run = verify_adder_with(
        fixtures().join("solutions/adder.rs"),
        "wrong/actually_right.rs",
    );
    assert!(
        run.stdout
            .contains("wrong/actually_right.rs must compile and fail, but passed all 4 tests"),
        "{}",
        run.stdout
    );
}

#[test]
fn verify_rejects_a_suite_that_fails_a_right_solution() {
    let run = verify_adder_with(
        fixtures().join("learner/fails_with_diff.rs"),
        "right/not_right_after_all.rs",
    );
    assert!(
        run.stdout
            .contains("right/not_right_after_all.rs must pass"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_malformed_kata_toml_names_the_file_and_line() {
    let (_keep, root) = broken_catalogue(|root| {
        let path = root.join("adder/kata.toml");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("track = 1", "track = \"one\"");
        fs::write(path, text).unwrap();
    });
    let practice = Practice::with_catalogue(root);
    let run = practice.kata(&["list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("adder/kata.toml:3:9:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("invalid type"), "{}", run.stderr);
}

#[test]
fn an_unknown_key_in_kata_toml_is_an_error() {
    let (_keep, root) = broken_catalogue(|root| {
        let path = root.join("adder/kata.toml");
        let text = fs::read_to_string(&path).unwrap() + "timeout = 3\n";
        fs::write(path, text).unwrap();
    });
    let run = Practice::with_catalogue(root).kata(&["list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `timeout`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_memory_limit_too_small_to_run_is_an_error() {
    let (_keep, root) = broken_catalogue(|root| {
        let path = root.join("adder/kata.toml");
        let text = fs::read_to_string(&path).unwrap().replace(
            "time_limit_ms = 3000",
            "time_limit_ms = 3000\nmemory_limit_mb = 1",
        );
        fs::write(path, text).unwrap();
    });
    let run = Practice::with_catalogue(root).kata(&["list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("adder/kata.toml:9:") && run.stderr.contains("under 64 MiB"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_kata_without_its_suite_is_an_error() {
    let (_keep, root) = broken_catalogue(|root| {
        fs::remove_file(root.join("adder/tests/hidden.rs")).unwrap();
    });
    let run = Practice::with_catalogue(root).kata(&["list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("adder/tests/hidden.rs: the hidden suite is missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_slug_suggests_the_nearest() {
    let practice = Practice::new();
    let run = practice.kata(&["check", "addr"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no kata named `addr`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `adder`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unreadable_learner_files_are_clear_errors_and_left_alone() {
    let practice = Practice::new();
    let file = practice.kata_file("adder");
    for (bytes, says) in [
        (&b"\xff\xfe not utf-8"[..], "is not UTF-8 text"),
        (&b"  \n"[..], "is empty"),
    ] {
        fs::write(&file, bytes).unwrap();
        let run = practice.kata(&["check", "adder"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("adder.rs: ") && run.stderr.contains(says),
            "{}",
            run.stderr
        );
        assert_eq!(
            fs::read(&file).unwrap(),
            bytes,
            "the learner's file must not change"
        );
    }
    fs::remove_file(&file).unwrap();
    let run = practice.kata(&["check", "adder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("adder.rs: does not exist") && run.stderr.contains("kata reset adder"),
        "{}",
        run.stderr
    );
    fs::create_dir(&file).unwrap();
    let run = practice.kata(&["check", "adder"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a directory"), "{}", run.stderr);
}

/// Asserts a setup error: exit code 2, every `says` in the message, the learner's file as it was.
fn assert_setup_error(practice: &Practice, slug: &str, run: &Run, says: &[&str], learner: &[u8]) {
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    for text in says {
        assert!(run.stderr.contains(text), "{text}: {}", run.stderr);
    }
    assert_eq!(fs::read(practice.kata_file(slug)).unwrap(), learner);
}

#[test]
fn without_cargo_on_path_the_error_says_how_to_install_it() {
    let practice = Practice::new();
    practice.solve("adder", "passes");
    let learner = fs::read(practice.kata_file("adder")).unwrap();
    let run = practice
        .command(&["check", "adder"])
        .env("PATH", practice.dir.path().join("no-tools"))
        .env_remove("CARGO")
        .output()
        .unwrap()
        .into();
    assert_setup_error(
        &practice,
        "adder",
        &run,
        &["could not run", "install Rust with rustup"],
        &learner,
    );
    assert_eq!(practice.leftovers(), Vec::<PathBuf>::new());
}

#[test]
fn two_checks_at_once_leave_a_valid_progress_file() {
    let practice = Practice::new();
    practice.solve("adder", "passes");
    let children: Vec<_> = (0..2)
        .map(|_| {
            practice
                .command(&["check", "adder", "--json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(doc["katas"][0]["status"], "passed");
    }
    let state: Value = serde_json::from_str(
        &fs::read_to_string(practice.workspace().join(".kata/state.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(state["passed"], serde_json::json!(["adder"]));
    assert_eq!(practice.leftovers(), Vec::<PathBuf>::new());
}

#[test]
fn a_dependency_missing_from_the_cache_while_offline_is_a_clear_error() {
    let practice = Practice::with_catalogue(repo().join("katas"));
    let empty_home = practice.dir.path().join("cargo-home");
    fs::create_dir(&empty_home).unwrap();
    let learner = fs::read(practice.kata_file("reverse_graphemes")).unwrap();
    let run = practice
        .command(&["check", "reverse_graphemes"])
        .env("CARGO_HOME", &empty_home)
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .unwrap()
        .into();
    assert_setup_error(
        &practice,
        "reverse_graphemes",
        &run,
        &[
            "unicode-segmentation",
            "a dependency is not in cargo's cache",
        ],
        &learner,
    );
    assert_eq!(practice.leftovers(), Vec::<PathBuf>::new());
}

/// Needs a private mount namespace for a tiny tmpfs (root); elsewhere it says so and passes.
#[test]
fn a_full_disk_is_a_clear_error_and_changes_no_kata_file() {
    let practice = Practice::new();
    let full = practice.dir.path().join("full");
    fs::create_dir(&full).unwrap();
    let can_mount = Command::new("unshare")
        .args(["-m", "sh", "-c"])
        .arg(format!(
            "mount -t tmpfs -o size=512k none {}",
            full.display()
        ))
        .status()
        .is_ok_and(|s| s.success());
    if !can_mount {
        eprintln!("skipped: no private mount namespace for a tmpfs here (needs root)");
        return;
    }
    let script = format!(
        "mount -t tmpfs -o size=512k none {full} && \
         \"$KATA\" init {full}/ws >/dev/null && \
         cp {full}/ws/1-core-language/adder.rs {outside}/before.rs && \
         (dd if=/dev/zero of={full}/filler bs=64k 2>/dev/null; true) && \
         \"$KATA\" check adder --workspace {full}/ws; code=$?; \
         cp {full}/ws/1-core-language/adder.rs {outside}/after.rs; exit $code",
        full = full.display(),
        outside = practice.dir.path().display(),
    );
    let output = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .env("KATA", env!("CARGO_BIN_EXE_kata"))
        .env("TMPDIR", practice.tmp())
        .env("KATA_CACHE_DIR", cache_dir())
        .env("KATA_CATALOGUE", &practice.catalogue)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let run = Run::from(output);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("No space left on device") && run.stderr.contains("the disk is full"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(practice.dir.path().join("after.rs")).unwrap(),
        fs::read(practice.dir.path().join("before.rs")).unwrap()
    );
    assert_eq!(practice.leftovers(), Vec::<PathBuf>::new());
}

#[test]
fn a_named_workspace_that_does_not_exist_is_an_error() {
    let practice = Practice::new();
    let output = Command::new(env!("CARGO_BIN_EXE_kata"))
        .args(["check", "adder", "--workspace"])
        .arg(practice.dir.path().join("nowhere"))
        .env("KATA_CATALOGUE", &practice.catalogue)
        .env("KATA_CACHE_DIR", cache_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no practice workspace at") && stderr.contains("kata init"),
        "{stderr}"
    );
}

#[test]
fn progress_survives_katas_added_to_the_catalogue() {
    let (dir, root) = broken_catalogue(|root| {
        fs::rename(root.join("doubler"), root.with_file_name("doubler-later")).unwrap();
    });
    let practice = Practice::with_catalogue(root.clone());
    practice.solve("adder", "passes");
    assert_eq!(practice.check("adder").1, 0);
    fs::rename(dir.path().join("doubler-later"), root.join("doubler")).unwrap();

    let (kata, code) = practice.check("doubler");
    assert_eq!(
        (kata["status"].as_str(), code),
        (Some("failed"), 1),
        "its stub"
    );
    let list = practice.kata(&["list", "--json"]).json();
    assert_eq!(list["katas"][0]["status"], "passed", "adder still passed");
    assert_eq!(list["katas"][1]["slug"], "doubler");
    let manifest = fs::read_to_string(practice.workspace().join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"doubler\""), "{manifest}");
}

#[test]
fn a_deleted_kata_file_stays_deleted() {
    let practice = Practice::new();
    fs::remove_file(practice.kata_file("adder")).unwrap();
    let run = practice.kata(&["check", "adder"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(!practice.kata_file("adder").exists());
}

#[test]
fn a_corrupt_progress_file_means_a_fresh_start_not_a_crash() {
    let practice = Practice::new();
    fs::write(practice.workspace().join(".kata/state.json"), "{ not json").unwrap();
    let run = practice.kata(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("the progress file is corrupt"),
        "{}",
        run.stderr
    );
}

// The adversarial suite: one fixture solution per threat. Each must get its verdict in bounded
// time, leave the other tests' verdicts alone, and leave no process or temporary file behind.
// What the sandbox can enforce depends on the machine; `--explain-sandbox` says what it does,
// and where a measure is off the tests assert the documented fallback instead.

/// Whether `kata check --explain-sandbox` reports `measure` as enforced on this machine.
fn enforced(measure: &str) -> bool {
    let run = Practice::new().kata(&["check", "--explain-sandbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(&format!("enforced: {measure}:")))
        .unwrap_or_else(|| panic!("no line about {measure} in:\n{}", run.stdout));
    line.starts_with("enforced:")
}

/// Running processes whose command line or working directory contains `marker`, other than
/// this test process.
fn processes_with(marker: &str) -> Vec<String> {
    let own = std::process::id().to_string();
    fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| {
            let e = e.ok()?;
            let pid = e.file_name().to_string_lossy().into_owned();
            if !pid.bytes().all(|b| b.is_ascii_digit()) || pid == own {
                return None;
            }
            // A killed process is a zombie until its new parent reaps it: it no longer runs.
            let stat = fs::read_to_string(e.path().join("stat")).ok()?;
            let state = stat.rsplit(") ").next()?.chars().next()?;
            if matches!(state, 'Z' | 'X') {
                return None;
            }
            let cmdline = fs::read(e.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            let cwd = fs::read_link(e.path().join("cwd")).unwrap_or_default();
            (cmdline.contains(marker) || cwd.to_string_lossy().contains(marker))
                .then(|| format!("{pid}: {cmdline} in {}", cwd.display()))
        })
        .collect()
}

/// Waits (for the build, at most a few minutes) until a test process runs under `tmp`.
fn wait_for_a_test_process(tmp: &str) {
    for _ in 0..3000 {
        if processes_with(tmp).iter().any(|p| p.contains("--exact")) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no test process started");
}

impl Practice {
    /// Checks and asserts that nothing of the check is left: temporary crates, test processes.
    fn check_leaving_nothing(&self, slug: &str) -> (Value, i32) {
        let checked = self.check(slug);
        assert_eq!(
            self.leftovers(),
            Vec::<PathBuf>::new(),
            "temporary files left"
        );
        let tmp = self.tmp().display().to_string();
        assert_eq!(processes_with(&tmp), Vec::<String>::new(), "processes left");
        checked
    }
}

fn assert_verdict(kata: &Value, name: &str, status: &str, message_starts: &str) {
    let found = test(kata, name);
    assert_eq!(found["status"], status, "{found:#}");
    let message = found["message"].as_str().unwrap_or_default();
    assert!(message.starts_with(message_starts), "{found:#}");
}

/// Paths as a list of Rust string literals, to put in a fixture.
fn literals(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("{:?}", p.display().to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn unbounded_allocation_is_out_of_memory() {
    let practice = Practice::new();
    practice.solve("adder", "allocates_without_bound");
    let (kata, code) = practice.check_leaving_nothing("adder");
    assert_eq!(code, 1);
    assert_verdict(
        &kata,
        "adds_small_numbers",
        "memory_limit",
        "out of memory: an allocation failed at the limit of 2048 MiB",
    );
    assert_eq!(test(&kata, "adds_negative_numbers")["status"], "passed");
}

#[test]
fn a_flood_of_output_is_stopped_at_the_output_limit() {
    let practice = Practice::new();
    practice.solve("adder", "floods_stdout");
    let (kata, code) = practice.check_leaving_nothing("adder");
    assert_eq!(code, 1);
    assert_verdict(
        &kata,
        "adds_small_numbers",
        "output_limit",
        "output limit: stopped after printing more than 8 MiB",
    );
    assert_eq!(test(&kata, "sums_each_pair")["status"], "passed");
    // The report shows the start of what was printed, and no libtest framing.
    let human = practice.kata(&["check", "adder"]);
    assert!(
        human
            .stdout
            .contains("│ all work and no play makes a dull test\n")
            && !human.stdout.contains("test adds_small_numbers ..."),
        "{}",
        human.stdout
    );
}

#[test]
fn starting_threads_without_bound_meets_the_process_limit() {
    let practice = Practice::new();
    practice.solve("adder", "spawns_without_bound");
    let (kata, _) = practice.check_leaving_nothing("adder");
    if enforced("process count") {
        assert_verdict(
            &kata,
            "adds_small_numbers",
            "failed",
            "process limit: could not start another process or thread; a test may run 256 at once",
        );
    } else {
        // Without a process limit the threads' stacks exhaust the address space instead.
        let small = test(&kata, "adds_small_numbers");
        assert_ne!(small["status"], "passed", "{small:#}");
    }
    assert_eq!(test(&kata, "adds_negative_numbers")["status"], "passed");
}

#[test]
fn no_process_a_test_started_outlives_the_check() {
    let marker = "kata-adversary-child";
    assert_eq!(processes_with(marker), Vec::<String>::new());
    let practice = Practice::new();
    practice.solve("adder", "spawns_children");
    let (kata, _) = practice.check_leaving_nothing("adder");
    assert_eq!(test(&kata, "adds_small_numbers")["status"], "passed");
    assert_eq!(test(&kata, "adds_negative_numbers")["status"], "timed_out");
    assert_eq!(test(&kata, "sums_each_pair")["status"], "passed");
    let survivors = processes_with(marker);
    if enforced("process count") {
        assert_eq!(survivors, Vec::<String>::new());
    } else {
        // The documented fallback: the process group is killed, so only the children that
        // left it (32 per test that spawned them) survive. Clean them up for the next run.
        assert_eq!(survivors.len(), 64, "{survivors:?}");
        for line in &survivors {
            let pid = line.split(':').next().unwrap();
            let _ = Command::new("kill").args(["-9", pid]).status();
        }
    }
}

#[test]
fn a_test_cannot_reach_the_network() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let practice = Practice::new();
    practice.solve_with("adder", "reaches_network", &[("PORT_PLACEHOLDER", port)]);
    let (kata, _) = practice.check_leaving_nothing("adder");
    let small = test(&kata, "adds_small_numbers");
    let accepted = listener.accept();
    if enforced("network") {
        assert_eq!(small["status"], "passed", "{small:#}");
        assert!(
            matches!(&accepted, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
            "the listener saw a connection: {accepted:?}"
        );
    } else {
        assert_eq!(small["message"], "the network was reachable");
        assert!(accepted.is_ok());
    }
    assert_eq!(test(&kata, "sums_each_pair")["status"], "passed");
}

#[test]
fn a_test_cannot_read_the_suite_the_workspace_or_other_files() {
    let practice = Practice::new();
    let secret = practice.dir.path().join("secret.txt");
    fs::write(&secret, "organiser's notes").unwrap();
    let paths = [
        fixtures().join("katas/adder/tests/hidden.rs"),
        fixtures().join("solutions/adder.rs"),
        practice.kata_file("adder"),
        practice.workspace(),
        secret,
        cache_dir(),
    ];
    let list = literals(&paths);
    practice.solve_with("adder", "reads_secrets", &[("PATHS_PLACEHOLDER", list)]);
    let (kata, _) = practice.check_leaving_nothing("adder");
    let small = test(&kata, "adds_small_numbers");
    if enforced("filesystem") {
        assert_eq!(small["status"], "passed", "{small:#}");
    } else {
        assert_eq!(small["status"], "failed");
        assert!(small["message"].as_str().unwrap().ends_with("was readable"));
    }
}

#[test]
fn a_test_writes_only_in_its_own_directory_and_within_the_file_size_limit() {
    let practice = Practice::new();
    let outside = [
        practice.dir.path().join("escaped.txt"),
        practice.workspace().join("escaped.txt"),
        practice.tmp().join("escaped.txt"),
    ];
    let list = literals(&outside);
    practice.solve_with("adder", "writes_outside", &[("PATHS_PLACEHOLDER", list)]);
    let (kata, _) = practice.check_leaving_nothing("adder");
    let small = test(&kata, "adds_small_numbers");
    if enforced("filesystem") {
        assert_eq!(small["status"], "passed", "{small:#}");
        for path in &outside {
            assert!(!path.exists(), "{} was written", path.display());
        }
    } else {
        assert_eq!(small["status"], "failed");
        assert!(small["message"].as_str().unwrap().ends_with("was writable"));
        for path in &outside {
            let _ = fs::remove_file(path);
        }
    }
    let big = test(&kata, "adds_negative_numbers");
    assert_eq!(big["status"], "output_limit", "{big:#}");
    assert_eq!(
        big["message"],
        "file size limit: stopped for writing a file larger than 64 MiB"
    );
    assert_eq!(test(&kata, "sums_each_pair")["status"], "passed");
}

#[test]
fn an_interrupt_leaves_no_temporary_crate_and_no_process() {
    let practice = Practice::new();
    practice.solve("adder", "loops_forever");
    let tmp = practice.tmp().display().to_string();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut child = practice
            .command(&["check", "adder"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        wait_for_a_test_process(&tmp);
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "after signal {signal}");
        assert_eq!(
            practice.leftovers(),
            Vec::<PathBuf>::new(),
            "temporary files left"
        );
        assert_eq!(processes_with(&tmp), Vec::<String>::new(), "processes left");
    }
}

#[test]
fn an_interrupt_during_the_build_leaves_no_cargo_behind() {
    let practice = Practice::new();
    practice.solve("adder", "passes");
    // A cache of its own, so the build takes a while (the helper crate compiles) and every
    // cargo and rustc process working in it belongs to this check.
    let cache = practice.dir.path().join("cache");
    let mut child = practice
        .command(&["check", "adder"])
        .env("KATA_CACHE_DIR", &cache)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let cache = cache.display().to_string();
    let mut building = false;
    for _ in 0..3000 {
        if !processes_with(&cache).is_empty() {
            building = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(building, "cargo never started");
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    assert_eq!(child.wait().unwrap().code(), Some(130));
    assert_eq!(
        processes_with(&cache),
        Vec::<String>::new(),
        "processes left"
    );
    assert_eq!(
        practice.leftovers(),
        Vec::<PathBuf>::new(),
        "temporary files left"
    );
}

#[test]
fn explain_sandbox_says_what_is_enforced_and_exits_0() {
    let run = Practice::new().kata(&["check", "--explain-sandbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for measure in [
        "time limit",
        "memory",
        "file size",
        "output",
        "process count",
        "network",
        "filesystem",
    ] {
        assert!(
            run.stdout.contains(&format!("enforced: {measure}: ")),
            "{measure}: {}",
            run.stdout
        );
    }
}

/// The product itself: every kata of the built-in catalogue keeps its promises.
#[test]
fn the_built_in_catalogue_verifies() {
    let practice = Practice::with_catalogue(repo().join("katas"));
    let run = practice.kata(&["verify"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Watch mode, driven through its non-interactive output: one JSON document per check on stdout.

/// How long a watch test waits for a verdict before it gives up; a guard against a hang, not a
/// measure of speed (a cold build of a fixture kata takes a few seconds).
const VERDICT_GUARD: Duration = Duration::from_secs(180);

/// A running `kata watch`: verdicts arrive on `lines`, keys go to stdin.
struct Watch {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Practice {
    fn watch(&self, args: &[&str]) -> Watch {
        use std::io::{BufRead, Read};
        use std::process::Stdio;
        let mut child = self
            .command(&[&["watch"], args].concat())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = pipe.read(&mut buffer) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        Watch {
            child,
            lines,
            stderr,
        }
    }

    /// `kata watch --json` in a fresh workspace, past its first verdict: the stub of `adder` fails.
    fn watch_from_the_stub(&self) -> Watch {
        let watch = self.watch(&["--json"]);
        assert_eq!(
            watch.verdict(),
            verdict("adder", "failed"),
            "the stub fails"
        );
        watch
    }

    /// Saves the way editors that write in place do.
    fn save(&self, slug: &str, learner: &str) {
        self.solve(slug, learner);
    }

    /// Saves the way vim, VS Code and JetBrains do: a temporary file renamed over the original.
    fn save_by_rename(&self, slug: &str, learner: &str) {
        let file = self.kata_file(slug);
        let temp = file.with_file_name(format!(".{slug}.rs.swp"));
        fs::copy(
            fixtures().join("learner").join(format!("{learner}.rs")),
            &temp,
        )
        .unwrap();
        fs::rename(&temp, &file).unwrap();
    }
}

impl Watch {
    /// The next check's kata record: (slug, status).
    fn verdict(&self) -> (String, String) {
        let line = self.lines.recv_timeout(VERDICT_GUARD).unwrap_or_else(|_| {
            panic!(
                "no verdict from kata watch; its stderr:\n{}",
                self.stderr.lock().unwrap()
            )
        });
        let doc: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("not one JSON document per line ({e}): {line}"));
        assert_eq!(doc["version"], 1);
        let kata = &doc["katas"][0];
        (
            kata["slug"].as_str().unwrap().to_string(),
            kata["status"].as_str().unwrap().to_string(),
        )
    }

    fn key(&mut self, line: &str) {
        use std::io::Write;
        let stdin = self.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Quits with `q` and returns the exit code and everything written to stderr.
    fn quit(mut self) -> (i32, String) {
        self.key("q");
        let status = self.child.wait().unwrap();
        // The reader threads finish once the pipes close.
        std::thread::sleep(Duration::from_millis(50));
        let stderr = self.stderr.lock().unwrap().clone();
        (status.code().unwrap_or(-1), stderr)
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn verdict(slug: &str, status: &str) -> (String, String) {
    (slug.to_string(), status.to_string())
}

#[test]
fn watch_checks_on_start_and_on_each_save() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    practice.save("adder", "does_not_compile");
    assert_eq!(watch.verdict(), verdict("adder", "compile_error"));
    practice.save("adder", "fails_with_diff");
    assert_eq!(watch.verdict(), verdict("adder", "failed"));
}

#[test]
fn watch_sees_a_save_by_rename_once() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    practice.save_by_rename("adder", "does_not_compile");
    assert_eq!(watch.verdict(), verdict("adder", "compile_error"));
    // The rename gave exactly one verdict line: the next line is this save's. (A second event
    // of the rename with the same text is absorbed before it would be checked.)
    practice.save("adder", "fails_with_diff");
    assert_eq!(watch.verdict(), verdict("adder", "failed"));
}

#[test]
fn watch_coalesces_a_burst_of_saves() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    for learner in ["does_not_compile", "fails_with_diff", "aborts", "passes"] {
        practice.save("adder", learner);
    }
    // One check of the burst, perhaps one more; the last verdict is the last save's.
    let first = watch.verdict();
    if first != verdict("adder", "passed") {
        assert_eq!(first.0, "adder");
        assert_eq!(watch.verdict(), verdict("adder", "passed"));
    }
    // Passing moved on to the next kata; nothing else of the burst was checked.
    assert_eq!(watch.verdict(), verdict("doubler", "failed"));
}

#[test]
fn a_save_during_a_check_leads_to_exactly_one_more_check() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    // This check runs into the fixture's 3 s time limit; the two saves below land while it runs.
    practice.save("adder", "loops_forever");
    std::thread::sleep(Duration::from_millis(1000));
    practice.save("adder", "fails_with_diff");
    practice.save("adder", "passes");
    assert_eq!(watch.verdict(), verdict("adder", "failed"), "the loop");
    assert_eq!(watch.verdict(), verdict("adder", "passed"), "the last save");
    assert_eq!(watch.verdict(), verdict("doubler", "failed"), "and on");
}

#[test]
fn watch_progress_survives_a_restart() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    practice.save("adder", "passes");
    assert_eq!(watch.verdict(), verdict("adder", "passed"));
    assert_eq!(watch.verdict(), verdict("doubler", "failed"));
    let (code, stderr) = watch.quit();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("next kata: doubler"), "{stderr}");

    let watch = practice.watch(&["--json"]);
    assert_eq!(
        watch.verdict(),
        verdict("doubler", "failed"),
        "doubler is current"
    );
    let list = practice.kata(&["list", "--json"]).json();
    assert_eq!(list["katas"][0]["status"], "passed");
    assert_eq!(list["katas"][1]["status"], "current");
}

#[test]
fn watch_keys_pick_a_kata_show_hints_and_reset_with_a_backup() {
    let practice = Practice::new();
    let mut watch = practice.watch_from_the_stub();
    watch.key("doubler");
    assert_eq!(watch.verdict(), verdict("doubler", "failed"));
    watch.key("h");
    practice.save("doubler", "doubler_fails");
    assert_eq!(watch.verdict(), verdict("doubler", "failed"));
    watch.key("x");
    watch.key("y");
    assert_eq!(
        watch.verdict(),
        verdict("doubler", "failed"),
        "the stub again"
    );
    let (code, stderr) = watch.quit();
    assert_eq!(code, 0);
    assert!(stderr.contains("Hint 1/2: Twice the number."), "{stderr}");
    let stub = fs::read_to_string(fixtures().join("katas/doubler/stub.rs")).unwrap();
    assert_eq!(
        fs::read_to_string(practice.kata_file("doubler")).unwrap(),
        stub
    );
    let backups: Vec<_> = fs::read_dir(practice.workspace().join(".kata/backups"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let learner = fs::read_to_string(fixtures().join("learner/doubler_fails.rs")).unwrap();
    assert!(backups.contains(&learner), "the learner's file is kept");
}

#[test]
fn watch_prints_one_line_per_verdict_without_json() {
    let practice = Practice::new();
    let watch = practice.watch(&[]);
    let line = watch.lines.recv_timeout(VERDICT_GUARD).unwrap();
    assert!(
        line.starts_with("adder: failed 0/4 tests passed; first failure: "),
        "{line}"
    );
    practice.save("adder", "passes");
    let line = watch.lines.recv_timeout(VERDICT_GUARD).unwrap();
    assert_eq!(line, "adder: passed 4/4 tests");
}

#[test]
fn watch_starts_afresh_from_a_corrupt_progress_file() {
    let practice = Practice::new();
    fs::write(practice.workspace().join(".kata/state.json"), "{ not json").unwrap();
    let watch = practice.watch_from_the_stub();
    let (code, stderr) = watch.quit();
    assert_eq!(code, 0);
    assert!(
        stderr.contains("state.json") && stderr.contains("the progress file is corrupt"),
        "{stderr}"
    );
}

#[test]
fn watch_reports_a_deleted_file_and_carries_on() {
    let practice = Practice::new();
    let watch = practice.watch_from_the_stub();
    fs::remove_file(practice.kata_file("adder")).unwrap();
    assert_eq!(watch.verdict(), verdict("adder", "error"));
    practice.save("adder", "passes");
    assert_eq!(watch.verdict(), verdict("adder", "passed"));
}

#[test]
fn watch_polls_when_asked() {
    let practice = Practice::new();
    let watch = practice.watch(&["--json", "--poll"]);
    assert_eq!(watch.verdict(), verdict("adder", "failed"));
    practice.save("adder", "does_not_compile");
    assert_eq!(watch.verdict(), verdict("adder", "compile_error"));
}

// ---------------------------------------------------------------------------------------------
// Watch mode in a real terminal: a pseudo-terminal, as a terminal emulator or tmux provides.

/// `kata watch` on a pseudo-terminal; what it draws accumulates in `screen`.
struct Terminal {
    child: std::process::Child,
    master: fs::File,
    screen: std::sync::Arc<std::sync::Mutex<String>>,
    /// How much of the (unstyled) screen output earlier checks have read.
    seen: usize,
}

impl Practice {
    fn watch_in_terminal(&self) -> Terminal {
        use std::io::Read;
        use std::os::fd::{FromRawFd, OwnedFd};
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors we then own.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let child = self
            .command(&["watch"])
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .unwrap();
        let master = fs::File::from(master);
        let screen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (mut reader, sink) = (master.try_clone().unwrap(), screen.clone());
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            // Reading fails (EIO) once the child has exited and the slave side is closed.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        Terminal {
            child,
            master,
            screen,
            seen: 0,
        }
    }
}

impl Terminal {
    /// Waits until the terminal shows `text`, without its styles, after what the last call saw.
    fn shows(&mut self, text: &str) {
        let start = std::time::Instant::now();
        loop {
            let drawn = anstream::adapter::strip_str(&self.screen.lock().unwrap()).to_string();
            if let Some(at) = drawn[self.seen..].find(text) {
                self.seen += at + text.len();
                return;
            }
            assert!(
                start.elapsed() < VERDICT_GUARD,
                "the terminal never showed {text:?}; it shows:\n{}",
                &drawn[self.seen..]
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &[u8]) {
        use std::io::Write;
        self.master.write_all(keys).unwrap();
        self.master.flush().unwrap();
    }

    fn signal(&self, signal: i32) {
        // SAFETY: a plain syscall on our own child.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
    }

    /// Waits for the exit, asserts that the terminal is back in line mode with echo (as the
    /// shell expects it) and returns the exit code.
    fn exit(mut self) -> i32 {
        let status = self.child.wait().unwrap();
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        use std::os::fd::AsRawFd;
        // SAFETY: a valid descriptor and a writable termios.
        assert_eq!(
            unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut termios) },
            0
        );
        let restored = termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0;
        assert!(restored, "the terminal is still in raw mode");
        status.code().unwrap_or(-1)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_in_a_terminal_draws_the_kata_and_restores_the_terminal_on_quit() {
    let practice = Practice::new();
    let mut terminal = practice.watch_in_terminal();
    terminal.shows("Write `pub fn add(a: i32, b: i32) -> i32`");
    terminal.shows("FAILED");
    terminal.shows("q quit");
    terminal.press(b"h");
    terminal.shows("Hint 1/2: Add them.");
    terminal.press(b"q");
    assert_eq!(terminal.exit(), 0);
}

#[test]
fn watch_in_a_terminal_picks_from_the_list_and_quits_on_ctrl_c() {
    let practice = Practice::new();
    let mut terminal = practice.watch_in_terminal();
    terminal.shows("q quit");
    terminal.press(b"l");
    terminal.shows("Pick a kata");
    terminal.press(b"j\r");
    terminal.shows("Write `double(x: i64) -> i64`");
    practice.save("doubler", "doubler_fails");
    terminal.shows("FAILED");
    terminal.press(b"\x03");
    assert_eq!(terminal.exit(), 0);
    let list = practice.kata(&["list", "--json"]).json();
    assert_eq!(list["katas"][1]["status"], "current");
}

// ---------------------------------------------------------------------------------------------
// Grading: many members' workspaces, one report.

impl Practice {
    /// A member's practice workspace at `dir` (relative to the temporary folder), made with
    /// `kata init`, so every kata file starts as the stub.
    fn member(&self, dir: &str) -> PathBuf {
        let run = self.kata(&["init", dir]);
        assert_eq!(run.code, 0, "init failed: {}", run.stderr);
        self.dir.path().join(dir)
    }

    /// Writes `text` as the member's file for `slug`; `None` deletes the file.
    fn write(&self, member: &Path, slug: &str, text: Option<&str>) {
        let catalogue = kata::catalogue::Catalogue::load(&self.catalogue).unwrap();
        let file = kata::workspace::Workspace {
            root: member.to_path_buf(),
        }
        .kata_file(catalogue.get(slug).unwrap());
        match text {
            Some(text) => fs::write(file, text).unwrap(),
            None => fs::remove_file(file).unwrap(),
        }
    }

    fn learner(name: &str) -> String {
        fs::read_to_string(fixtures().join("learner").join(format!("{name}.rs"))).unwrap()
    }
}

/// The string `key` of each item of a JSON array.
fn strings<'a>(items: &'a Value, key: &str) -> Vec<&'a str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap())
        .collect()
}

const DOUBLES: &str = "pub fn double(x: i64) -> i64 {\n    x * 2\n}\n";

fn submission<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no submission {name} in {report:#}"))
}

fn kata_of<'a>(submission: &'a Value, slug: &str) -> &'a Value {
    submission["katas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["slug"] == slug)
        .unwrap_or_else(|| panic!("no kata {slug} in {submission:#}"))
}

/// Four members: one right everywhere, one whose code does not compile, one whose code loops
/// forever (in a checkout with the workspace in `practice/`), one who changed nothing but
/// trailing whitespace.
#[test]
fn grading_scores_each_submission_and_misbehaving_code_costs_only_its_own_points() {
    let practice = Practice::new();
    let alice = practice.member("alice");
    practice.write(&alice, "adder", Some(&Practice::learner("passes")));
    practice.write(&alice, "doubler", Some(DOUBLES));
    let bob = practice.member("bob");
    practice.write(&bob, "adder", Some(&Practice::learner("does_not_compile")));
    let carol = practice.member("carol-repo/practice");
    practice.write(&carol, "adder", Some(&Practice::learner("loops_forever")));
    practice.write(&carol, "doubler", None);
    let dave = practice.member("dave");
    let stub = fs::read_to_string(fixtures().join("katas/doubler/stub.rs")).unwrap();
    practice.write(&dave, "doubler", Some(&stub.replace('\n', "  \n")));

    let run = practice.kata(&[
        "grade",
        "dave",
        "carol-repo",
        "bob",
        "alice",
        "--format",
        "json",
        "--out",
        "grades.json",
    ]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let text = fs::read_to_string(practice.dir.path().join("grades.json")).unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["katas"], serde_json::json!(["adder", "doubler"]));
    assert_eq!(
        strings(&report["submissions"], "name"),
        ["alice", "bob", "carol-repo", "dave"]
    );
    let scores = |name: &str| {
        let s = submission(&report, name);
        (
            s["score"].as_f64().unwrap(),
            s["max_score"].as_f64().unwrap(),
        )
    };
    assert_eq!(scores("alice"), (15.0, 15.0));
    assert_eq!(scores("bob"), (0.0, 15.0));
    // adder: 10 points over weights 1 + 1 + 1 + 2; carol passes two tests of weight 1.
    assert_eq!(scores("carol-repo"), (4.0, 15.0));
    assert_eq!(scores("dave"), (0.0, 15.0));

    let status =
        |name: &str, slug: &str| kata_of(submission(&report, name), slug)["status"].clone();
    assert_eq!(status("alice", "doubler"), "passed");
    assert_eq!(status("bob", "adder"), "compile_error");
    assert_eq!(status("bob", "doubler"), "not_attempted");
    assert_eq!(status("carol-repo", "adder"), "failed");
    assert_eq!(status("carol-repo", "doubler"), "not_attempted");
    assert_eq!(status("dave", "doubler"), "not_attempted");
    // A kata record carries every field of `kata check --json`'s, then the score.
    let carol_adder = kata_of(submission(&report, "carol-repo"), "adder");
    assert_eq!(
        test(carol_adder, "adds_small_numbers")["status"],
        "timed_out"
    );
    assert_eq!(
        (
            carol_adder["passed"].as_u64(),
            carol_adder["total"].as_u64()
        ),
        (Some(2), Some(4))
    );
    let mut fields: Vec<&str> = carol_adder
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "compile",
            "error",
            "max_score",
            "passed",
            "score",
            "slug",
            "status",
            "tests",
            "total"
        ]
    );

    // The other formats, rendered from the same report.
    let render = |format: &str| {
        let run = practice.kata(&["report", "merge", "grades.json", "--format", format]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        // What the sandbox enforces depends on the machine.
        run.stdout
            .lines()
            .map(|l| {
                match l
                    .split_once("; every sandbox")
                    .or(l.split_once("; NOT enforced"))
                {
                    Some((policy, _)) if l.starts_with("Policy: ") => {
                        format!("{policy}; [sandbox]")
                    }
                    _ => l.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    insta::assert_snapshot!("grade_markdown", render("markdown"));
    insta::assert_snapshot!("grade_human", render("human"));

    let junit = junit_parser::from_reader(render("junit").as_bytes()).unwrap();
    let suites: Vec<&str> = junit.suites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(suites, ["alice", "bob", "carol-repo", "dave"]);
    let alice_suite = &junit.suites[0];
    assert_eq!(alice_suite.cases.len(), 6, "one case per hidden test");
    assert!(alice_suite.cases.iter().all(|c| c.status.is_success()));
    assert_eq!(alice_suite.properties.hashmap["score"], "15");
    let bob_suite = &junit.suites[1];
    assert_eq!((bob_suite.failures, bob_suite.skipped), (1, 1));
    let carol_suite = &junit.suites[2];
    let timed_out = carol_suite
        .cases
        .iter()
        .find(|c| c.original_name == "adds_small_numbers")
        .unwrap();
    assert_eq!(timed_out.classname.as_deref(), Some("adder"));
    assert_eq!(timed_out.status.failure_as_ref().failure_type, "timed_out");
    assert!(
        timed_out.time >= 3.0,
        "the time limit is 3 s: {}",
        timed_out.time
    );
}

/// Drops what differs from run to run.
fn without_durations(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("duration_ms");
            map.values_mut().for_each(without_durations);
        }
        Value::Array(items) => items.iter_mut().for_each(without_durations),
        _ => {}
    }
}

#[test]
fn partitions_merged_equal_a_single_run() {
    let practice = Practice::new();
    let alice = practice.member("alice");
    practice.write(&alice, "adder", Some(&Practice::learner("passes")));
    let wrong = fs::read_to_string(fixtures().join("katas/doubler/wrong/adds_one.rs")).unwrap();
    practice.write(&alice, "doubler", Some(&wrong));
    let bob = practice.member("bob");
    practice.write(&bob, "adder", Some(&Practice::learner("fails_with_diff")));

    let grade = |extra: &[&str]| {
        let mut args = vec!["grade", "alice", "bob", "--format", "json"];
        args.extend_from_slice(extra);
        let run = practice.kata(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    grade(&["--out", "whole.json"]);
    for k in 1..=3 {
        grade(&[
            "--partition",
            &format!("{k}/3"),
            "--out",
            &format!("part{k}.json"),
        ]);
    }
    let part2: Value =
        serde_json::from_str(&fs::read_to_string(practice.dir.path().join("part2.json")).unwrap())
            .unwrap();
    assert_eq!(part2["partition"], "2/3");
    // Pairs in order: (alice, adder), (alice, doubler), (bob, adder), (bob, doubler).
    assert_eq!(
        kata_of(submission(&part2, "alice"), "doubler")["status"],
        "failed"
    );
    assert_eq!(
        submission(&part2, "bob")["katas"].as_array().unwrap().len(),
        0
    );

    let merged = practice.kata(&[
        "report",
        "merge",
        "part3.json",
        "part1.json",
        "part2.json",
        "--format",
        "json",
    ]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let mut merged = merged.json();
    let mut whole: Value =
        serde_json::from_str(&fs::read_to_string(practice.dir.path().join("whole.json")).unwrap())
            .unwrap();
    without_durations(&mut merged);
    without_durations(&mut whole);
    assert_eq!(merged, whole);
    assert_eq!(submission(&whole, "bob")["score"], 2.0);

    practice
        .kata(&["report", "merge", "part1.json", "part3.json"])
        .refused("partition 2/3 is missing");
    practice
        .kata(&["report", "merge", "part1.json", "part1.json", "part2.json"])
        .refused("partition 1/3 is given twice");
}

#[test]
fn a_submission_that_is_not_a_folder_is_an_error() {
    Practice::new()
        .kata(&["grade", "nobody"])
        .refused("submission nobody is not a folder");
}

#[test]
fn a_new_kata_is_reported_until_filled_in_and_then_verifies() {
    let (_keep, root) = broken_catalogue(|_| {});
    let practice = Practice::with_catalogue(root.clone());
    let run = practice.kata(&["new", "tripler", "--track", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let solution = root.parent().unwrap().join("solutions/tripler.rs");
    assert!(solution.is_file(), "{}", run.stdout);
    practice.kata(&["new", "tripler"]).refused("already exists");
    // The scaffold keeps the catalogue loading, last in its track.
    let list = practice.kata(&["list", "--json"]).json();
    assert_eq!(list["katas"][2]["slug"], "tripler");
    assert_eq!(list["katas"][2]["order"], 3);

    let unfilled = practice.kata(&["verify", "tripler"]);
    assert_eq!(unfilled.code, 1, "{}\n{}", unfilled.stdout, unfilled.stderr);
    for says in [
        "tripler/kata.toml still holds the placeholders of `kata new`",
        "reference must pass",
        "a kata needs at least two",
    ] {
        assert!(
            unfilled.stdout.contains(says),
            "{says}:\n{}",
            unfilled.stdout
        );
    }

    let kata = root.join("tripler");
    let toml = fs::read_to_string(kata.join("kata.toml")).unwrap();
    let toml = toml
        .lines()
        .filter(|l| !l.contains("TODO(kata new)"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(
            "hints = [",
            "source = \"the runner's own tests\"\nhints = [\"Three times.\", \"Use `x * 3`.\"",
        );
    fs::remove_file(kata.join("wrong/example.rs")).unwrap();
    write_tripler(&kata, &solution, &toml);
    let filled = practice.kata(&["verify", "tripler"]);
    assert_eq!(filled.code, 0, "{}\n{}", filled.stdout, filled.stderr);
    assert!(filled.stdout.contains("✓ tripler"), "{}", filled.stdout);
}

/// A small real kata, `tripler`, in the folder `kata`, with its reference at `solution`.
fn write_tripler(kata: &Path, solution: &Path, toml: &str) {
    let files = [
        ("kata.toml", toml),
        ("task.md", "# Tripler\n\nWrite `triple(x: i64) -> i64`.\n"),
        ("stub.rs", "pub fn triple(x: i64) -> i64 {\n    let _ = x;\n    todo!()\n}\n"),
        (
            "tests/hidden.rs",
            "use kata_assert::expect_eq;\nuse tripler::triple;\n\n#[test]\nfn triples_positive_numbers() {\n    expect_eq!(triple(4), 12, \"three times 4 is 12\");\n}\n",
        ),
        ("wrong/doubles.rs", "//! Doubles.\npub fn triple(x: i64) -> i64 {\n    x * 2\n}\n"),
        ("wrong/squares.rs", "//! Squares.\npub fn triple(x: i64) -> i64 {\n    x * x\n}\n"),
    ];
    for (file, text) in files {
        let path = kata.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    fs::create_dir_all(solution.parent().unwrap()).unwrap();
    fs::write(solution, "pub fn triple(x: i64) -> i64 {\n    x * 3\n}\n").unwrap();
}

#[test]
fn an_extra_catalogue_adds_its_katas_beside_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("group-katas");
    copy_dir(&fixtures().join("katas/deps"), &extra.join("deps"));
    // Order 1 of track 1, like `adder`: orders need only be unique within a catalogue.
    write_tripler(
        &extra.join("tripler"),
        &dir.path().join("solutions/tripler.rs"),
        "slug = \"tripler\"\ntitle = \"Tripler\"\ntrack = 1\norder = 1\ndifficulty = \"easy\"\nsource = \"a study group\"\npoints = 3\nhints = [\"Three times.\", \"Use `x * 3`.\"]\n",
    );
    let practice = Practice::new();
    let with = |args: &[&str]| {
        let mut all = vec!["--extra-catalogue", extra.to_str().unwrap()];
        all.extend_from_slice(args);
        practice.kata(&all)
    };
    let list = with(&["list", "--json"]).json();
    assert_eq!(
        strings(&list["katas"], "slug"),
        ["adder", "tripler", "doubler"]
    );
    assert_eq!(with(&["init", "ws"]).code, 0);
    let file = practice.workspace().join("1-core-language/tripler.rs");
    fs::write(&file, "pub fn triple(x: i64) -> i64 {\n    x * 3\n}\n").unwrap();
    let run = with(&["grade", "ws", "--katas", "tripler", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(submission(&report, "ws")["score"], 3.0);
    assert_eq!(with(&["solution", "tripler", "--force"]).code, 0);

    let same = fixtures().join("katas");
    practice
        .kata(&["--extra-catalogue", same.to_str().unwrap(), "list"])
        .refused("kata `adder` is also in");
}

#[test]
fn watch_in_a_terminal_restores_the_terminal_when_terminated() {
    let practice = Practice::new();
    let mut terminal = practice.watch_in_terminal();
    terminal.shows("q quit");
    terminal.signal(libc::SIGTERM);
    assert_eq!(terminal.exit(), 130);
}

#[test]
fn quitting_watch_during_a_check_leaves_no_process_and_no_temporary_crate() {
    let practice = Practice::new();
    let mut watch = practice.watch_from_the_stub();
    practice.save("adder", "loops_forever");
    let tmp = practice.tmp().display().to_string();
    wait_for_a_test_process(&tmp);
    watch.key("q");
    let status = watch.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        practice.leftovers(),
        Vec::<PathBuf>::new(),
        "temporary files left"
    );
    assert_eq!(processes_with(&tmp), Vec::<String>::new(), "processes left");
}

#[test]
fn dependencies_compile_once_per_machine_with_progress() {
    let practice = Practice::new();
    let cache = tempfile::tempdir().unwrap();
    let check = |slug: &str| {
        let output = practice
            .command(&["check", slug])
            .env("KATA_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let first = check("adder");
    assert!(
        first.contains("dependencies (once per machine)"),
        "the first check compiles the assertion helper: {first}"
    );
    let second = check("doubler");
    assert!(
        !second.contains("dependencies"),
        "another kata reuses them: {second}"
    );
}

// ---------------------------------------------------------------------------------------------
// Trustworthy verdicts: what a cheating member would try, in grading and in practice.

impl Practice {
    /// Grades the members at `dirs` (relative to the temporary folder) on `adder` in every
    /// format; returns the JSON report and the text of all four.
    fn grade_adder(&self, dirs: &[&str], env: &[(&str, &str)]) -> (Value, String) {
        let mut all = String::new();
        let mut json = Value::Null;
        for format in ["json", "junit", "markdown", "human"] {
            let mut args = vec!["grade", "--katas", "adder", "--format", format];
            args.extend_from_slice(dirs);
            let mut command = self.command(&args);
            for (key, value) in env {
                command.env(key, value);
            }
            let run = Run::from(command.output().unwrap());
            assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
            if format == "json" {
                json = run.json();
            }
            all.push_str(&run.stdout);
        }
        (json, all)
    }
}

fn adder_of<'a>(report: &'a Value, member: &str) -> &'a Value {
    kata_of(submission(report, member), "adder")
}

/// Asserts that grading gave `member` nothing for `adder`, with a failed `policy` check that
/// names a line of the member's file.
fn assert_policy_failure(report: &Value, member: &str, says: &str) {
    let adder = adder_of(report, member);
    assert_eq!(adder["status"], "failed", "{adder:#}");
    assert_eq!(adder["score"], 0.0, "{adder:#}");
    let policy = test(adder, "policy");
    assert_eq!(policy["status"], "failed", "{policy:#}");
    let message = policy["message"].as_str().unwrap();
    assert!(
        message.contains("adder.rs:") && message.contains(says),
        "{message}"
    );
}

#[test]
fn grading_rejects_passes_forged_from_inside_the_test_process() {
    let practice = Practice::new();
    for (member, fixture) in [
        ("args", "forges_via_args"),
        ("ctor", "forges_via_constructor"),
        ("asm", "forges_via_assembly"),
    ] {
        let dir = practice.member(member);
        practice.write(&dir, "adder", Some(&Practice::learner(fixture)));
    }
    let honest = practice.member("honest");
    practice.write(&honest, "adder", Some(&Practice::learner("passes")));
    let (report, _) = practice.grade_adder(&["args", "ctor", "asm", "honest"], &[]);
    assert_policy_failure(&report, "args", "std::process::exit");
    assert_policy_failure(&report, "args", "std::env::args");
    assert_policy_failure(&report, "ctor", "link_section");
    assert_policy_failure(&report, "asm", "global_asm!");
    assert_eq!(adder_of(&report, "honest")["status"], "passed");
    assert_eq!(report["policy"]["name"], "strict", "{:#}", report["policy"]);
}

#[test]
fn practice_forgeries_cannot_pass_through_the_old_log_place() {
    // Practice has no policy (the learner checks their own code), but the log's folder is
    // random: a forgery must at least read the command line, which `fakes_success` does not.
    let practice = Practice::new();
    practice.solve("adder", "fakes_success");
    let (kata, _) = practice.check_leaving_nothing("adder");
    assert_ne!(kata["status"], "passed", "{kata:#}");
}

#[test]
fn no_file_outside_the_kata_can_be_compiled_in() {
    let suite = fixtures().join("katas/adder/tests/hidden.rs");
    let reference = fixtures().join("solutions/adder.rs");
    let cases = [
        ("uses_another_file", reference.display().to_string()),
        ("includes_by_path", suite.display().to_string()),
        // In practice the suite's folder sits beside the crate's, in the cache.
        (
            "includes_by_path",
            "../../.adder-suites/hidden.rs".to_string(),
        ),
        ("includes_by_path", "../Cargo.toml".to_string()),
        ("incbin", reference.display().to_string()),
    ];
    for (fixture, path) in cases {
        let practice = Practice::new();
        practice.solve_with("adder", fixture, &[("PATH_PLACEHOLDER", path.clone())]);
        let (kata, _) = practice.check_leaving_nothing("adder");
        if !enforced("filesystem") {
            continue; // no Landlock: the README says the build is not confined
        }
        assert_eq!(
            kata["status"], "compile_error",
            "{fixture} {path}: {kata:#}"
        );
        let text = kata["compile"]["diagnostics"].to_string();
        assert!(
            text.contains("that path is outside the kata"),
            "{fixture} {path}: {text}"
        );
    }
}

#[test]
fn grading_cannot_copy_another_members_file() {
    let practice = Practice::new();
    let bob = practice.member("bob");
    practice.write(&bob, "adder", Some(&Practice::learner("passes")));
    let bobs_file = kata::workspace::Workspace { root: bob.clone() }.kata_file(
        kata::catalogue::Catalogue::load(&practice.catalogue)
            .unwrap()
            .get("adder")
            .unwrap(),
    );
    let alice = practice.member("alice");
    let copy = Practice::learner("uses_another_file")
        .replace("PATH_PLACEHOLDER", &bobs_file.display().to_string());
    practice.write(&alice, "adder", Some(&copy));
    let (report, _) = practice.grade_adder(&["alice", "bob"], &[]);
    assert_eq!(adder_of(&report, "bob")["status"], "passed");
    let alices = adder_of(&report, "alice");
    if enforced("filesystem") {
        assert_eq!(alices["status"], "compile_error", "{alices:#}");
        assert_eq!(alices["score"], 0.0);
    }
}

#[test]
fn secrets_of_the_build_and_of_the_runner_stay_out_of_every_report() {
    let secret = "kata-secret-7f3a91";
    let practice = Practice::new();
    let member = practice.member("leaky");
    practice.write(&member, "adder", Some(&Practice::learner("leaks_secrets")));
    let (report, all) = practice.grade_adder(&["leaky"], &[("GRADER_TOKEN_FOR_TEST", secret)]);
    assert!(!all.contains(secret), "the secret is in a report:\n{all}");
    // The test ran (the policy allows `option_env!`, and std::fs is what the runtime part uses:
    // that part is forbidden in grading, so practice checks it below).
    assert_ne!(adder_of(&report, "leaky")["status"], "passed");

    practice.solve("adder", "leaks_secrets");
    let run = Run::from(
        practice
            .command(&["check", "adder", "--json"])
            .env("GRADER_TOKEN_FOR_TEST", secret)
            .output()
            .unwrap(),
    );
    let message = test(&run.json()["katas"][0], "adds_small_numbers")["message"].to_string();
    assert!(message.contains("at build: None"), "{message}");
    if enforced("user and processes") {
        assert!(!run.stdout.contains(secret), "{}", run.stdout);
    }
}

#[test]
fn a_test_cannot_reach_the_hosts_unix_sockets() {
    let practice = Practice::new();
    let socket = practice.dir.path().join("host.sock");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    listener.set_nonblocking(true).unwrap();
    practice.solve_with(
        "adder",
        "reaches_unix_socket",
        &[("SOCKET_PLACEHOLDER", socket.display().to_string())],
    );
    let (kata, _) = practice.check_leaving_nothing("adder");
    let small = test(&kata, "adds_small_numbers");
    let accepted = listener.accept();
    if enforced("user and processes") {
        assert_eq!(small["status"], "passed", "{small:#}");
        assert!(
            matches!(&accepted, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
            "the listener saw a connection: {accepted:?}"
        );
    } else {
        assert_eq!(small["message"], "the host's socket was reachable");
    }
}

#[test]
fn a_test_runs_without_root_capabilities_or_a_view_of_other_processes() {
    let practice = Practice::new();
    practice.solve("adder", "checks_identity");
    let (kata, _) = practice.check_leaving_nothing("adder");
    let small = test(&kata, "adds_small_numbers");
    if enforced("user and processes") {
        assert_eq!(small["status"], "passed", "{small:#}");
    } else {
        assert_eq!(small["status"], "failed", "{small:#}");
    }
}

#[test]
fn without_a_pids_cgroup_the_namespaces_still_limit_and_end_every_process() {
    let practice = Practice::new();
    let without_cgroup = |args: &[&str]| {
        Run::from(
            practice
                .command(args)
                .env("KATA_SANDBOX_NO_CGROUP", "1")
                .output()
                .unwrap(),
        )
    };
    let explained = without_cgroup(&["check", "--explain-sandbox"]).stdout;
    if !explained.contains("enforced: user and processes:") {
        return; // no namespaces here: the fallback without either is tested above
    }
    assert!(
        explained.contains("enforced: process count: at most 256 processes and threads per test (RLIMIT_NPROC inside"),
        "{explained}"
    );
    practice.solve("adder", "spawns_without_bound");
    let kata = without_cgroup(&["check", "adder", "--json"]).json()["katas"][0].clone();
    assert_verdict(
        &kata,
        "adds_small_numbers",
        "failed",
        "process limit: could not start another process or thread",
    );
    assert_eq!(test(&kata, "adds_negative_numbers")["status"], "passed");

    let marker = "kata-adversary-child";
    practice.solve("adder", "spawns_children");
    let kata = without_cgroup(&["check", "adder", "--json"]).json()["katas"][0].clone();
    assert_eq!(test(&kata, "adds_small_numbers")["status"], "passed");
    assert_eq!(processes_with(marker), Vec::<String>::new());
}
