use kata_assert::{expect, expect_eq};
use singleflight::SingleFlight;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Barrier};
use std::thread;
use std::time::Duration;

type Cache = SingleFlight<String, u64, String>;

/// Threads that ask for one key at the same moment. More than the 2 cores of the test machine,
/// so a caller that checks, unlocks and then computes is always overtaken.
const THREADS: usize = 16;

fn key(s: &str) -> String {
    s.to_string()
}

/// A cache that lives for the rest of the test process, so that a thread stuck in a deadlocked
/// solution cannot take the test down with it.
fn leaked_cache() -> &'static Cache {
    Box::leak(Box::new(SingleFlight::new()))
}

#[test]
fn first_call_computes_and_returns_its_value() {
    let cache = Cache::new();
    expect_eq!(
        cache.get_or_compute(key("btc"), || Ok(64_000)),
        Ok(64_000),
        "a miss returns what compute returned"
    );
}

#[test]
fn cached_value_is_returned_without_computing() {
    let cache = Cache::new();
    let calls = AtomicUsize::new(0);
    let compute = || {
        calls.fetch_add(1, Ordering::SeqCst);
        Ok(7)
    };
    expect_eq!(
        cache.get_or_compute(key("k"), compute),
        Ok(7),
        "the first call computes 7"
    );
    expect_eq!(
        cache.get_or_compute(key("k"), compute),
        Ok(7),
        "the second call returns the cached 7"
    );
    expect_eq!(
        cache.get_or_compute(key("k"), compute),
        Ok(7),
        "the third call returns the cached 7"
    );
    expect_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "compute runs only for the first call; later calls for a cached key must not call it"
    );
}

#[test]
fn cache_hit_keeps_the_first_value() {
    let cache = Cache::new();
    expect_eq!(
        cache.get_or_compute(key("k"), || Ok(1)),
        Ok(1),
        "the first call computes 1"
    );
    expect_eq!(
        cache.get_or_compute(key("k"), || Ok(2)),
        Ok(1),
        "a cached key returns its cached value, not what the new closure would compute"
    );
}

#[test]
fn each_key_is_computed_separately() {
    let cache = Cache::new();
    expect_eq!(
        cache.get_or_compute(key("a"), || Ok(1)),
        Ok(1),
        "key a computes 1"
    );
    expect_eq!(
        cache.get_or_compute(key("b"), || Ok(2)),
        Ok(2),
        "key b is a different key: it computes 2"
    );
    expect_eq!(
        cache.get_or_compute(key("a"), || Ok(9)),
        Ok(1),
        "key a still holds 1"
    );
    expect_eq!(
        cache.get_or_compute(key("b"), || Ok(9)),
        Ok(2),
        "key b still holds 2"
    );
}

#[test]
fn keys_are_compared_by_value() {
    let cache = Cache::new();
    let first = String::from("eth-usd");
    let second = format!("{}-{}", "eth", "usd");
    expect_eq!(
        cache.get_or_compute(first, || Ok(3)),
        Ok(3),
        "the first call computes 3"
    );
    expect_eq!(
        cache.get_or_compute(second, || Ok(4)),
        Ok(3),
        "an equal key built separately is the same key"
    );
}

#[test]
fn error_is_returned_to_the_caller() {
    let cache = Cache::new();
    expect_eq!(
        cache.get_or_compute(key("k"), || Err(key("feed down"))),
        Err(key("feed down")),
        "an Err from compute is returned to the caller"
    );
}

#[test]
fn error_is_not_cached() {
    let cache = Cache::new();
    let calls = AtomicUsize::new(0);
    let _ = cache.get_or_compute(key("k"), || {
        calls.fetch_add(1, Ordering::SeqCst);
        Err(key("feed down"))
    });
    let second = cache.get_or_compute(key("k"), || {
        calls.fetch_add(1, Ordering::SeqCst);
        Ok(5)
    });
    expect_eq!(
        second,
        Ok(5),
        "after a failed computation has finished, the next call computes again"
    );
    expect_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "both calls ran compute: an Err is not cached"
    );
}

#[test]
fn success_after_an_error_is_cached() {
    let cache = Cache::new();
    let _ = cache.get_or_compute(key("k"), || Err(key("feed down")));
    let _ = cache.get_or_compute(key("k"), || Ok(5));
    expect_eq!(
        cache.get_or_compute(key("k"), || Ok(6)),
        Ok(5),
        "the Ok that followed the error is cached"
    );
}

#[test]
fn repeated_errors_each_recompute() {
    let cache = Cache::new();
    let calls = AtomicUsize::new(0);
    for i in 0..3 {
        let result = cache.get_or_compute(key("k"), || {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            Err(format!("failure {n}"))
        });
        expect_eq!(
            result,
            Err(format!("failure {i}")),
            "call {} gets its own computation's error",
            i
        );
    }
}

/// Runs THREADS callers for `key` at the same moment; each compute counts itself, sleeps
/// `work` to stand for a slow rebuild and returns `result(call_number)`.
fn stampede(
    cache: &Cache,
    key: &str,
    work: Duration,
    result: fn(usize) -> Result<u64, String>,
) -> (usize, Vec<Result<u64, String>>) {
    let calls = AtomicUsize::new(0);
    let barrier = Barrier::new(THREADS);
    let results = thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    cache.get_or_compute(key.to_string(), || {
                        let n = calls.fetch_add(1, Ordering::SeqCst);
                        thread::sleep(work);
                        result(n)
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a caller thread panicked"))
            .collect::<Vec<_>>()
    });
    (calls.load(Ordering::SeqCst), results)
}

#[test]
fn concurrent_misses_compute_once() {
    let cache = Cache::new();
    for round in 0..5 {
        let k = format!("hot-{round}");
        let (calls, _) = stampede(&cache, &k, Duration::from_millis(40), |_| Ok(42));
        expect_eq!(
            calls,
            1,
            "{} threads missed key {:?} at the same moment: compute must run exactly once",
            THREADS,
            k
        );
    }
}

#[test]
fn concurrent_waiters_receive_the_one_computed_value() {
    let cache = Cache::new();
    // Every computation returns a different number, so a waiter that computed for itself shows.
    let (_, results) = stampede(&cache, "hot", Duration::from_millis(40), |n| {
        Ok(1000 + n as u64)
    });
    expect!(
        results.iter().all(|r| *r == Ok(1000)),
        "every concurrent caller must get the value of the one computation (Ok(1000)); got {:?}",
        results
    );
    expect_eq!(
        cache.get_or_compute(key("hot"), || Ok(0)),
        Ok(1000),
        "after the stampede the computed value is cached"
    );
}

#[test]
fn concurrent_failure_is_shared_with_the_waiters() {
    let cache = Cache::new();
    let (calls, results) = stampede(&cache, "hot", Duration::from_millis(40), |n| {
        Err(format!("failure {n}"))
    });
    expect_eq!(
        calls,
        1,
        "callers waiting for a failed computation share its Err; they must not compute themselves"
    );
    expect!(
        results.iter().all(|r| *r == Err(key("failure 0"))),
        "every concurrent caller must get the one computation's Err(\"failure 0\"); got {:?}",
        results
    );
}

#[test]
fn call_after_a_concurrent_failure_recomputes() {
    let cache = Cache::new();
    let _ = stampede(&cache, "hot", Duration::from_millis(20), |_| {
        Err(key("down"))
    });
    expect_eq!(
        cache.get_or_compute(key("hot"), || Ok(8)),
        Ok(8),
        "a call that starts after the failed computation finished computes again"
    );
}

#[test]
fn many_keys_under_contention_each_compute_once() {
    const KEYS: usize = 48;
    let cache = Cache::new();
    let calls: Vec<AtomicUsize> = (0..KEYS).map(|_| AtomicUsize::new(0)).collect();
    let barrier = Barrier::new(8);
    thread::scope(|s| {
        for t in 0..8 {
            let (cache, calls, barrier) = (&cache, &calls, &barrier);
            s.spawn(move || {
                barrier.wait();
                // Thread t walks the keys starting at a different place; pairs of threads
                // start together so that every key is contended.
                for i in 0..KEYS {
                    let k = (i + (t / 2) * (KEYS / 4)) % KEYS;
                    let value = cache.get_or_compute(format!("key-{k}"), || {
                        calls[k].fetch_add(1, Ordering::SeqCst);
                        thread::sleep(Duration::from_millis(2));
                        Ok(k as u64)
                    });
                    assert_eq!(value, Ok(k as u64), "key-{k} must hold {k}");
                }
            });
        }
    });
    for (k, count) in calls.iter().enumerate() {
        expect_eq!(
            count.load(Ordering::SeqCst),
            1,
            "8 threads asked for key-{}; it must be computed exactly once",
            k
        );
    }
}

#[test]
fn cached_value_served_to_many_threads() {
    let cache = Cache::new();
    let _ = cache.get_or_compute(key("k"), || Ok(11));
    let barrier = Barrier::new(THREADS);
    let calls = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                barrier.wait();
                for _ in 0..1000 {
                    let v = cache.get_or_compute(key("k"), || {
                        calls.fetch_add(1, Ordering::SeqCst);
                        Ok(0)
                    });
                    assert_eq!(v, Ok(11));
                }
            });
        }
    });
    expect_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "a cached key never calls compute again"
    );
}

#[test]
fn slow_key_does_not_block_other_keys() {
    let cache = leaked_cache();
    let (started_tx, started_rx) = mpsc::channel();
    let (signal_tx, signal_rx) = mpsc::channel::<()>();
    // The slow computation waits (up to 3 s) for a signal that only the fast key's computation
    // sends. If the fast call cannot start while the slow one runs, the slow one gives up.
    let slow = thread::spawn(move || {
        cache.get_or_compute(key("slow"), move || {
            started_tx.send(()).unwrap();
            let signalled = signal_rx.recv_timeout(Duration::from_secs(3)).is_ok();
            Ok(u64::from(signalled))
        })
    });
    started_rx.recv().expect("the slow computation starts");
    let fast = cache.get_or_compute(key("fast"), move || {
        let _ = signal_tx.send(());
        Ok(2)
    });
    expect_eq!(fast, Ok(2), "the fast key computes its own value");
    expect_eq!(
        slow.join().expect("the slow caller panicked"),
        Ok(1),
        "a call for another key must run while a slow computation is in flight (compute must not run under a lock that other keys need)"
    );
}

#[test]
fn compute_may_use_the_cache_for_another_key() {
    let cache = leaked_cache();
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        let total = cache.get_or_compute(key("total"), || {
            let a = cache.get_or_compute(key("a"), || Ok(20))?;
            let b = cache.get_or_compute(key("b"), || Ok(22))?;
            Ok(a + b)
        });
        let _ = done_tx.send(total);
    });
    match done_rx.recv_timeout(Duration::from_secs(3)) {
        Ok(total) => expect_eq!(total, Ok(42), "total = a + b = 20 + 22"),
        Err(_) => expect!(
            false,
            "a compute that calls get_or_compute for other keys must not deadlock (no result after 3 s)"
        ),
    }
    expect_eq!(
        cache.get_or_compute(key("a"), || Ok(0)),
        Ok(20),
        "the nested key a was cached"
    );
}
