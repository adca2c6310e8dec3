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

    fn kata_file(&self, slug: &str) -> PathBuf {
        let catalogue = kata::catalogue::Catalogue::load(&self.catalogue).unwrap();
        let kata = catalogue.get(slug).unwrap();
        kata::workspace::Workspace::open(&self.workspace())
            .unwrap()
            .kata_file(kata)
    }

    /// Puts the fixture learner file `name` in place of the learner's file for `slug`.
    fn solve(&self, slug: &str, name: &str) -> &Practice {
        let text = fs::read(fixtures().join("learner").join(format!("{name}.rs"))).unwrap();
        fs::write(self.kata_file(slug), text).unwrap();
        self
    }

    fn kata(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_kata"))
            .args(args)
            .current_dir(self.dir.path())
            .env("KATA_CACHE_DIR", cache_dir())
            .env("KATA_CATALOGUE", &self.catalogue)
            .env("KATA_WORKSPACE", self.workspace())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
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
    assert_eq!(kata["status"], "failed", "{kata:#}");
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

#[test]
fn verify_rejects_a_suite_that_lets_a_wrong_solution_pass() {
    let (_keep, root) = broken_catalogue(|root| {
        fs::write(
            root.join("adder/wrong/actually_right.rs"),
            fs::read(fixtures().join("solutions/adder.rs")).unwrap(),
        )
        .unwrap();
    });
    let practice = Practice::with_catalogue(root);
    let run = practice.kata(&["verify", "adder"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("wrong/actually_right.rs must compile and fail, but passed all 4 tests"),
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
    fs::create_dir(&file).unwrap();
    let run = practice.kata(&["check", "adder"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a directory"), "{}", run.stderr);
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
        let mut child = Command::new(env!("CARGO_BIN_EXE_kata"))
            .arg("watch")
            .args(args)
            .current_dir(self.dir.path())
            .env("KATA_CACHE_DIR", cache_dir())
            .env("KATA_CATALOGUE", &self.catalogue)
            .env("KATA_WORKSPACE", self.workspace())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
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
    // Had the rename been checked twice, the second verdict would come before this save's.
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
        let child = Command::new(env!("CARGO_BIN_EXE_kata"))
            .arg("watch")
            .current_dir(self.dir.path())
            .env("KATA_CACHE_DIR", cache_dir())
            .env("KATA_CATALOGUE", &self.catalogue)
            .env("KATA_WORKSPACE", self.workspace())
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

    /// Waits for the exit and returns its code and whether the terminal is back in line mode
    /// with echo, as the shell expects it.
    fn exit(mut self) -> (i32, bool) {
        let status = self.child.wait().unwrap();
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        use std::os::fd::AsRawFd;
        // SAFETY: a valid descriptor and a writable termios.
        assert_eq!(
            unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut termios) },
            0
        );
        let restored = termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0;
        (status.code().unwrap_or(-1), restored)
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
    let (code, restored) = terminal.exit();
    assert_eq!(code, 0);
    assert!(restored, "the terminal is still in raw mode");
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
    let (code, restored) = terminal.exit();
    assert_eq!(code, 0);
    assert!(restored, "the terminal is still in raw mode");
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
        run.stdout
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
