use kata_assert::{expect, expect_eq};
use shared_config::{Config, SharedConfig, Snapshot};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

/// The configuration numbered `n`: every field is derived from `n`, so a snapshot that mixes
/// two configurations, or pairs one with the wrong version, is easy to spot.
fn config(n: u64) -> Config {
    Config {
        host: format!("host-{n}.example"),
        port: (n % 60_000 + 1) as u16,
        max_connections: n as u32,
        features: (0..n % 4).map(|i| format!("feature-{n}-{i}")).collect(),
    }
}

/// The number of a configuration built by `config`.
fn number(c: &Config) -> u64 {
    u64::from(c.max_connections)
}

/// `config(n + 1)` from `config(n)`, as one update.
fn advance(c: &mut Config) {
    *c = config(number(c) + 1);
}

/// The `n` of a configuration built by `config(n)`, or `None` if its fields do not all belong
/// to one such configuration. Allocation-free, so that readers spend their time in `snapshot`.
fn number_of(c: &Config) -> Option<u64> {
    let n = c
        .host
        .strip_prefix("host-")?
        .strip_suffix(".example")?
        .parse::<u64>()
        .ok()?;
    let features_match = c.features.len() as u64 == n % 4
        && c.features.iter().enumerate().all(|(i, f)| {
            f.strip_prefix("feature-")
                .and_then(|rest| rest.split_once('-'))
                .is_some_and(|(m, j)| m.parse() == Ok(n) && j.parse() == Ok(i))
        });
    let consistent =
        u64::from(c.max_connections) == n && u64::from(c.port) == n % 60_000 + 1 && features_match;
    consistent.then_some(n)
}

/// Checks that a snapshot is `config(version)` exactly; returns a description of the tear.
fn tear_in(snap: &Snapshot) -> Option<String> {
    if number_of(&snap.config) == Some(snap.version) {
        None
    } else {
        Some(format!(
            "version {} came with {:?}",
            snap.version, snap.config
        ))
    }
}

fn example() -> Config {
    Config {
        host: "localhost".to_string(),
        port: 8080,
        max_connections: 100,
        features: vec!["tls".to_string()],
    }
}

#[test]
fn new_publishes_the_initial_config_as_version_zero() {
    let shared = SharedConfig::new(example());
    let snap = shared.snapshot();
    expect_eq!(snap.version, 0, "the initial configuration is version 0");
    expect_eq!(
        *snap.config,
        example(),
        "the snapshot holds the initial configuration"
    );
}

#[test]
fn reload_replaces_the_config_and_returns_version_one() {
    let shared = SharedConfig::new(example());
    expect_eq!(
        shared.reload(config(7)),
        1,
        "the first reload publishes version 1"
    );
    let snap = shared.snapshot();
    expect_eq!(
        snap.version,
        1,
        "the snapshot after one reload is version 1"
    );
    expect_eq!(
        *snap.config,
        config(7),
        "the reloaded configuration replaces the old one entirely"
    );
}

#[test]
fn update_changes_the_config_and_returns_the_new_version() {
    let shared = SharedConfig::new(example());
    expect_eq!(
        shared.update(|c| c.port = 9090),
        1,
        "the first update publishes version 1"
    );
    let snap = shared.snapshot();
    let mut expected = example();
    expected.port = 9090;
    expect_eq!(
        snap.version,
        1,
        "the snapshot after one update is version 1"
    );
    expect_eq!(*snap.config, expected, "only the port changed");
}

#[test]
fn versions_count_every_reload_and_update() {
    let shared = SharedConfig::new(config(0));
    let versions = vec![
        shared.reload(config(1)),
        shared.update(advance),
        shared.update(|c| c.features.push("x".to_string())),
        shared.reload(config(4)),
        shared.update(advance),
    ];
    expect_eq!(
        versions,
        vec![1, 2, 3, 4, 5],
        "each reload or update publishes the next version"
    );
    let snap = shared.snapshot();
    expect_eq!(snap.version, 5, "five changes: version 5");
    expect_eq!(
        *snap.config,
        config(5),
        "the last update advanced config 4 to config 5"
    );
}

#[test]
fn update_starts_from_the_latest_config() {
    let shared = SharedConfig::new(example());
    shared.reload(config(3));
    shared.update(|c| {
        c.host.push_str(":1");
    });
    let mut expected = config(3);
    expected.host.push_str(":1");
    expect_eq!(
        *shared.snapshot().config,
        expected,
        "update changes the configuration the reload published"
    );
}

#[test]
fn snapshots_do_not_change_after_later_reloads() {
    let shared = SharedConfig::new(config(1));
    let old = shared.snapshot();
    shared.reload(config(2));
    shared.update(advance);
    expect_eq!(old.version, 0, "an old snapshot keeps its version");
    expect_eq!(
        *old.config,
        config(1),
        "an old snapshot keeps its configuration"
    );
}

#[test]
fn repeated_snapshots_without_changes_agree() {
    let shared = SharedConfig::new(config(9));
    let a = shared.snapshot();
    let b = shared.snapshot();
    expect_eq!(
        (a.version, &*a.config),
        (b.version, &*b.config),
        "two snapshots with no change between them are equal"
    );
}

#[test]
fn clones_share_the_same_config() {
    let shared = SharedConfig::new(config(0));
    let other = shared.clone();
    expect_eq!(
        other.reload(config(5)),
        1,
        "a reload through a clone is version 1"
    );
    let snap = shared.snapshot();
    expect_eq!(
        (snap.version, &*snap.config),
        (1, &config(5)),
        "the original handle sees the clone's reload"
    );
    expect_eq!(
        shared.update(advance),
        2,
        "versions are shared between clones"
    );
    expect_eq!(
        *other.snapshot().config,
        config(6),
        "the clone sees the original's update"
    );
}

#[test]
fn shared_config_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<SharedConfig>();
    let shared = SharedConfig::new(config(0));
    let moved = shared.clone();
    let version = thread::spawn(move || moved.reload(config(1)))
        .join()
        .unwrap();
    expect_eq!(version, 1, "a clone moved into another thread can reload");
    expect_eq!(shared.snapshot().version, 1, "and the reload is seen here");
}

#[test]
fn panicking_update_publishes_nothing() {
    let shared = SharedConfig::new(config(2));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        shared.update(|c| {
            c.port = 1;
            c.host.clear();
            panic!("the change fails half-way");
        })
    }));
    expect!(
        outcome.is_err(),
        "a panic inside `change` reaches the caller of update"
    );
    let snap = catch_unwind(AssertUnwindSafe(|| shared.snapshot()));
    expect!(
        snap.is_ok(),
        "after a panicking update, snapshot() must keep working"
    );
    let snap = snap.unwrap();
    expect_eq!(
        snap.version,
        0,
        "a panicking update publishes no new version"
    );
    expect_eq!(
        *snap.config,
        config(2),
        "a panicking update leaves none of its edits behind"
    );
}

#[test]
fn shared_config_keeps_working_after_a_panicking_update() {
    let shared = SharedConfig::new(config(0));
    let _ = catch_unwind(AssertUnwindSafe(|| shared.update(|_| panic!("boom"))));
    let next = catch_unwind(AssertUnwindSafe(|| {
        (shared.update(advance), shared.reload(config(5)))
    }));
    expect_eq!(
        next.ok(),
        Some((1, 2)),
        "after a panicking update, update and reload work and number versions 1 and 2"
    );
    let other = shared.clone();
    let seen = thread::spawn(move || other.snapshot().version).join();
    expect_eq!(
        seen.ok(),
        Some(2),
        "other threads can still read the configuration"
    );
}

/// Counts a reader out when it finishes, even if it panicked, so writers never loop forever.
struct ReaderOut<'a>(&'a AtomicUsize);

impl Drop for ReaderOut<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Tells readers the writer has stopped, even if it panicked.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

/// How long each reader keeps reading: at least `READS` snapshots and at least `CHANGES`
/// changes of version seen between consecutive snapshots (so that reads really interleave with
/// writes), unless the writers stop or `CAP` passes first. The cap only bounds a test on a
/// badly overloaded machine; nothing waits for time to pass.
const READS: u64 = 20_000;
const CHANGES: u64 = 50;
const CAP: Duration = Duration::from_millis(800);

/// What one reader saw.
struct Seen {
    reads: u64,
    changes: u64,
    tear: Option<String>,
    backwards: bool,
}

/// Takes snapshots while writers keep changing the configuration, checking each one.
fn reader(
    shared: &SharedConfig,
    start: &Barrier,
    readers_left: &AtomicUsize,
    writers_done: &AtomicBool,
) -> Seen {
    let _out = ReaderOut(readers_left);
    start.wait();
    let began = Instant::now();
    let mut seen = Seen {
        reads: 0,
        changes: 0,
        tear: None,
        backwards: false,
    };
    let mut last = 0;
    loop {
        let snap = shared.snapshot();
        seen.reads += 1;
        if let Some(tear) = tear_in(&snap) {
            seen.tear = Some(tear);
            return seen;
        }
        seen.backwards |= snap.version < last;
        seen.changes += u64::from(snap.version != last);
        last = snap.version;
        let enough = seen.reads >= READS && seen.changes >= CHANGES;
        if enough
            || writers_done.load(Ordering::Acquire)
            || (seen.reads % 64 == 0 && began.elapsed() > CAP)
        {
            return seen;
        }
    }
}

fn expect_consistent(seen: &[Seen], writers: &str) {
    for s in seen {
        expect!(
            s.tear.is_none(),
            "while {writers}, every snapshot must be exactly config(version); after {} reads a reader saw a torn snapshot: {}",
            s.reads,
            s.tear.clone().unwrap_or_default()
        );
        expect!(
            !s.backwards,
            "a reader's snapshots must never go back to an older version"
        );
    }
}

#[test]
fn readers_never_see_a_torn_reload() {
    const READERS: usize = 3;
    const PREBUILT: u64 = 100_000;
    let shared = SharedConfig::new(config(0));
    // Mostly built up front, so that the writer spends its time inside `reload`.
    let prebuilt: Vec<Config> = (1..=PREBUILT).map(config).collect();
    let configs = prebuilt.into_iter().chain((PREBUILT + 1..).map(config));
    let start = Barrier::new(READERS + 1);
    let readers_left = AtomicUsize::new(READERS);
    let writers_done = AtomicBool::new(false);
    let (seen, reloads) = thread::scope(|s| {
        let readers: Vec<_> = (0..READERS)
            .map(|_| s.spawn(|| reader(&shared, &start, &readers_left, &writers_done)))
            .collect();
        // One writer publishes config(n) as version n until every reader is done.
        let writer = s.spawn(|| {
            let _done = SetOnDrop(&writers_done);
            start.wait();
            let mut reloads = 0;
            for next in configs {
                if readers_left.load(Ordering::Acquire) == 0 {
                    break;
                }
                shared.reload(next);
                reloads += 1;
            }
            reloads
        });
        let seen: Vec<Seen> = readers.into_iter().map(|r| r.join().unwrap()).collect();
        (seen, writer.join().unwrap())
    });
    expect_consistent(&seen, "one thread reloads config(n) as version n");
    let last = shared.snapshot();
    expect_eq!(
        (last.version, &*last.config),
        (reloads, &config(reloads)),
        "after {reloads} reloads the last one is published"
    );
}

#[test]
fn readers_never_see_a_torn_update_under_contention() {
    const WRITERS: usize = 2;
    const READERS: usize = 2;
    let shared = SharedConfig::new(config(0));
    let start = Barrier::new(WRITERS + READERS);
    let readers_left = AtomicUsize::new(READERS);
    let writers_done = AtomicBool::new(false);
    let (seen, updates) = thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    let mut updates = 0u64;
                    while readers_left.load(Ordering::Acquire) > 0 {
                        shared.update(advance);
                        updates += 1;
                    }
                    updates
                })
            })
            .collect();
        let readers: Vec<_> = (0..READERS)
            .map(|_| s.spawn(|| reader(&shared, &start, &readers_left, &writers_done)))
            .collect();
        let seen: Vec<Seen> = readers.into_iter().map(|r| r.join().unwrap()).collect();
        let updates: u64 = writers.into_iter().map(|w| w.join().unwrap()).sum();
        (seen, updates)
    });
    expect_consistent(&seen, "threads update config(n) to config(n + 1)");
    let last = shared.snapshot();
    expect_eq!(
        (last.version, &*last.config),
        (updates, &config(updates)),
        "{updates} updates, each advancing config(n) to config(n + 1), end at config({updates})"
    );
}

#[test]
fn concurrent_updates_are_never_lost() {
    const THREADS: usize = 4;
    let shared = SharedConfig::new(example());
    let start = Barrier::new(THREADS);
    let counts: Vec<u64> = thread::scope(|s| {
        let threads: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    let began = Instant::now();
                    // Keep going until this thread has made READS updates and seen other
                    // threads' updates land between its own CHANGES times (the versions it
                    // gets back skip), so that the updates really ran concurrently.
                    let (mut updates, mut interleaved, mut last) = (0u64, 0u64, 0u64);
                    loop {
                        let version = shared.update(|c| c.max_connections += 1);
                        updates += 1;
                        interleaved += u64::from(version != last + 1);
                        last = version;
                        let enough = updates >= READS && interleaved >= CHANGES;
                        if enough || (updates % 64 == 0 && began.elapsed() > CAP) {
                            return updates;
                        }
                    }
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let snap = shared.snapshot();
    let total: u64 = counts.iter().sum();
    expect_eq!(
        u64::from(snap.config.max_connections),
        100 + total,
        "{THREADS} threads made {total} updates adding 1 to max_connections (from 100): each must count"
    );
    expect_eq!(
        snap.version,
        total,
        "each of the {total} updates publishes one version"
    );
}
