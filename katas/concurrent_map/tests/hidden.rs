use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use concurrent_map::ConcurrentMap;
use kata_assert::{expect, expect_eq};

/// A value type with no derives: not `Clone`, `Debug` or `PartialEq`.
struct Session {
    user: String,
    clicks: u32,
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn new_map_is_empty() {
    let m: ConcurrentMap<u64, u64> = ConcurrentMap::new();
    expect_eq!(m.len(), 0, "a new map has length 0");
    expect!(m.is_empty(), "a new map is empty");
    expect_eq!(m.get(&1), None, "a new map has no key 1");
    expect_eq!(m.remove(&1), None, "remove on a new map gives None");
    expect_eq!(
        m.update(&1, |v| *v += 1),
        None,
        "update on a new map gives None"
    );
    expect!(m.is_empty(), "update of a missing key inserts nothing");
}

#[test]
fn insert_then_get() {
    let m = ConcurrentMap::new();
    m.insert(1u64, 10u64);
    m.insert(2, 20);
    expect_eq!(m.get(&1), Some(10), "key 1 was inserted with 10");
    expect_eq!(m.get(&2), Some(20), "key 2 was inserted with 20");
    expect_eq!(m.get(&3), None, "key 3 was never inserted");
    expect_eq!(m.len(), 2, "two keys were inserted");
    expect!(!m.is_empty(), "a map with keys is not empty");
}

#[test]
fn insert_returns_the_replaced_value() {
    let m = ConcurrentMap::new();
    expect_eq!(
        m.insert(s("a"), 1u64),
        None,
        "the first insert of \"a\" replaces nothing"
    );
    expect_eq!(
        m.insert(s("a"), 2),
        Some(1),
        "the second insert of \"a\" replaces 1"
    );
    expect_eq!(m.get(&s("a")), Some(2), "\"a\" now holds 2");
    expect_eq!(m.len(), 1, "inserting an existing key does not add a key");
}

#[test]
fn get_returns_a_copy() {
    let m = ConcurrentMap::new();
    m.insert(1u64, vec![s("x")]);
    let mut copy = m.get(&1).unwrap_or_default();
    copy.push(s("y"));
    expect_eq!(
        m.get(&1),
        Some(vec![s("x")]),
        "changing the value returned by get does not change the map"
    );
}

#[test]
fn update_changes_the_value_in_place() {
    let m = ConcurrentMap::new();
    m.insert(s("n"), 5u64);
    expect_eq!(
        m.update(&s("n"), |v| *v *= 3),
        Some(()),
        "update of a present key gives Some"
    );
    expect_eq!(m.get(&s("n")), Some(15), "update multiplied 5 by 3");
    expect_eq!(m.len(), 1, "update does not add a key");
}

#[test]
fn update_returns_what_the_closure_returns() {
    let m = ConcurrentMap::new();
    m.insert(7u64, 41u64);
    expect_eq!(
        m.update(&7, |v| {
            *v += 1;
            *v
        }),
        Some(42),
        "update gives Some of the closure's result"
    );
    expect_eq!(
        m.update(&7, |v| format!("was {v}")),
        Some(s("was 42")),
        "the closure's result may have any type"
    );
}

#[test]
fn update_of_a_missing_key_does_not_call_the_closure() {
    let m = ConcurrentMap::new();
    m.insert(1u64, 1u64);
    let mut called = false;
    let got = m.update(&2, |v| {
        called = true;
        *v += 1;
    });
    expect_eq!(got, None, "key 2 is absent, so update gives None");
    expect!(
        !called,
        "update must not call the closure for an absent key"
    );
    expect_eq!(m.get(&2), None, "update must not insert an absent key");
    expect_eq!(m.len(), 1, "only key 1 is in the map");
}

#[test]
fn upsert_inserts_the_default_then_applies_the_closure() {
    let m = ConcurrentMap::new();
    let got = m.upsert(s("k"), 10u64, |v| {
        *v += 1;
        *v
    });
    expect_eq!(
        got,
        11,
        "absent key: the default 10 is stored, then the closure adds 1"
    );
    expect_eq!(m.get(&s("k")), Some(11), "the map holds 11");
    expect_eq!(m.len(), 1, "upsert of an absent key adds it");
}

#[test]
fn upsert_of_a_present_key_ignores_the_default() {
    let m = ConcurrentMap::new();
    m.insert(s("k"), 5u64);
    let got = m.upsert(s("k"), 100, |v| {
        *v += 1;
        *v
    });
    expect_eq!(
        got,
        6,
        "present key: the closure adds 1 to 5; the default 100 is not used"
    );
    expect_eq!(m.get(&s("k")), Some(6), "the map holds 6");
    expect_eq!(m.len(), 1, "upsert of a present key adds no key");
}

#[test]
fn upsert_counts_calls() {
    let m = ConcurrentMap::new();
    for expected in 1..=5u64 {
        let got = m.upsert(9u64, 0u64, |n| {
            *n += 1;
            *n
        });
        expect_eq!(
            got,
            expected,
            "call {} of upsert(9, 0, +1) returns {}",
            expected,
            expected
        );
    }
}

#[test]
fn remove_returns_the_value_and_deletes_the_key() {
    let m = ConcurrentMap::new();
    m.insert(1u64, s("one"));
    m.insert(2, s("two"));
    expect_eq!(m.remove(&1), Some(s("one")), "remove(1) gives back \"one\"");
    expect_eq!(m.get(&1), None, "key 1 is gone");
    expect_eq!(m.remove(&1), None, "removing key 1 again gives None");
    expect_eq!(
        m.update(&1, |v| v.push('!')),
        None,
        "a removed key cannot be updated"
    );
    expect_eq!(m.len(), 1, "one key is left");
    m.remove(&2);
    expect!(m.is_empty(), "after removing every key the map is empty");
    m.insert(1, s("uno"));
    expect_eq!(
        m.get(&1),
        Some(s("uno")),
        "a removed key can be inserted again"
    );
}

#[test]
fn values_need_not_be_clone() {
    let m = ConcurrentMap::new();
    let old = m.insert(
        s("alice"),
        Session {
            user: s("alice"),
            clicks: 1,
        },
    );
    expect!(old.is_none(), "the first insert replaces nothing");
    let old = m.insert(
        s("alice"),
        Session {
            user: s("alice"),
            clicks: 2,
        },
    );
    expect_eq!(
        old.map(|v| v.clicks),
        Some(1),
        "insert gives back the replaced session"
    );
    let removed = m.remove(&s("alice"));
    expect_eq!(
        removed.map(|v| (v.user, v.clicks)),
        Some((s("alice"), 2)),
        "remove gives back the stored session"
    );
    expect!(m.is_empty(), "the map is empty again");
}

#[test]
fn many_keys_are_all_kept() {
    let m = ConcurrentMap::new();
    for k in 0..10_000u64 {
        m.insert(k, k * 3);
    }
    expect_eq!(m.len(), 10_000, "10,000 distinct keys were inserted");
    for k in 0..10_000u64 {
        let got = m.get(&k);
        if got != Some(k * 3) {
            expect_eq!(got, Some(k * 3), "key {} was inserted with {}", k, k * 3);
        }
    }
    for k in (0..10_000u64).step_by(2) {
        m.remove(&k);
    }
    expect_eq!(m.len(), 5_000, "removing the 5,000 even keys leaves 5,000");
    expect_eq!(m.get(&2), None, "even keys are gone");
    expect_eq!(m.get(&3), Some(9), "odd keys stay");
}

#[test]
fn the_map_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ConcurrentMap<u64, u64>>();
    assert_send_sync::<ConcurrentMap<String, Vec<String>>>();
    let m = Arc::new(ConcurrentMap::new());
    let handles: Vec<_> = (0..2u64)
        .map(|t| {
            let m = Arc::clone(&m);
            thread::spawn(move || {
                m.insert(t, t + 100);
            })
        })
        .collect();
    for h in handles {
        expect!(
            h.join().is_ok(),
            "a thread using the map through an Arc must not panic"
        );
    }
    expect_eq!(m.get(&0), Some(100), "thread 0's insert is visible");
    expect_eq!(m.get(&1), Some(101), "thread 1's insert is visible");
}

const THREADS: u64 = 4;

#[test]
fn concurrent_updates_of_one_key_are_not_lost() {
    let per_thread = 200_000;
    let m = ConcurrentMap::new();
    m.insert(0u64, 0u64);
    let barrier = Barrier::new(THREADS as usize);
    let missing = thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    let mut missing = 0;
                    for _ in 0..per_thread {
                        if m.update(&0, |v| *v += 1).is_none() {
                            missing += 1;
                        }
                    }
                    missing
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
    });
    expect_eq!(
        missing,
        0,
        "key 0 is never removed, so every update of it must find it"
    );
    expect_eq!(
        m.get(&0),
        Some(THREADS * per_thread),
        "4 threads each added 1 to key 0 200,000 times: no update may be lost"
    );
}

#[test]
fn concurrent_updates_each_see_a_distinct_value() {
    let per_thread = 100_000;
    let m = ConcurrentMap::new();
    m.insert(s("ticket"), 0u64);
    let barrier = Barrier::new(THREADS as usize);
    let seen: Vec<Vec<u64>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    (0..per_thread)
                        .filter_map(|_| {
                            m.update(&s("ticket"), |v| {
                                *v += 1;
                                *v
                            })
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let total = THREADS * per_thread;
    let all: HashSet<u64> = seen.iter().flatten().copied().collect();
    let returned: usize = seen.iter().map(Vec::len).sum();
    expect_eq!(
        returned as u64,
        total,
        "every one of the 400,000 updates must find the key and return a ticket"
    );
    expect_eq!(
        all.len() as u64,
        total,
        "each update must see the result of every earlier one, so the 400,000 tickets are all different"
    );
    expect_eq!(
        m.get(&s("ticket")),
        Some(total),
        "the counter ends at 400,000"
    );
}

#[test]
fn concurrent_upserts_of_one_key_are_not_lost() {
    let per_thread = 200_000;
    let m = ConcurrentMap::new();
    let barrier = Barrier::new(THREADS as usize);
    thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                barrier.wait();
                for _ in 0..per_thread {
                    m.upsert(s("hits"), 0u64, |n| *n += 1);
                }
            });
        }
    });
    expect_eq!(
        m.get(&s("hits")),
        Some(THREADS * per_thread),
        "4 threads each upserted +1 into \"hits\" 200,000 times: no upsert may be lost"
    );
}

/// Eight threads keep upserting (+1, default 0) the "current" key; once a key has been upserted
/// 64 times, "current" moves on to a brand-new key, so threads running at the same moment all
/// jump to each new key together: only one of them may store the default, and every +1 must
/// count. Such a race can only show while two calls on a new key really overlap, so the test runs
/// until it has seen plenty of those (or reaches its key or time limit).
#[test]
fn concurrent_upserts_of_new_keys_are_not_lost() {
    const RACERS: usize = 8;
    const UPSERTS_PER_KEY: u64 = 64;
    const MAX_KEYS: usize = 200_000;
    const OVERLAPS_WANTED: u64 = 1_000;
    let budget = Duration::from_millis(1_000);
    let m = ConcurrentMap::new();
    let current = AtomicU64::new(0);
    // Per key: upserts made, and upserts in flight (to spot calls on a new key that overlap).
    let calls: Vec<AtomicU64> = (0..MAX_KEYS).map(|_| AtomicU64::new(0)).collect();
    let in_flight: Vec<AtomicU64> = (0..MAX_KEYS).map(|_| AtomicU64::new(0)).collect();
    let overlaps = AtomicU64::new(0);
    let started = Instant::now();
    let barrier = Barrier::new(RACERS);
    thread::scope(|scope| {
        for _ in 0..RACERS {
            let (m, current, barrier) = (&m, &current, &barrier);
            let (calls, in_flight, overlaps) = (&calls, &in_flight, &overlaps);
            scope.spawn(move || {
                barrier.wait();
                for i in 0u64.. {
                    let key = current.load(Ordering::SeqCst);
                    if key as usize >= MAX_KEYS
                        || (i % 64 == 63
                            && (overlaps.load(Ordering::Relaxed) >= OVERLAPS_WANTED
                                || started.elapsed() > budget))
                    {
                        break;
                    }
                    let others = in_flight[key as usize].fetch_add(1, Ordering::SeqCst);
                    let count = m.upsert(key, 0u64, |n| {
                        *n += 1;
                        *n
                    });
                    in_flight[key as usize].fetch_sub(1, Ordering::SeqCst);
                    calls[key as usize].fetch_add(1, Ordering::SeqCst);
                    if others > 0 && count <= 2 {
                        overlaps.fetch_add(1, Ordering::Relaxed);
                    }
                    if count >= UPSERTS_PER_KEY {
                        let _ = current.compare_exchange(
                            key,
                            key + 1,
                            Ordering::SeqCst,
                            Ordering::SeqCst,
                        );
                    }
                }
            });
        }
    });
    let keys_used = calls
        .iter()
        .take_while(|c| c.load(Ordering::SeqCst) > 0)
        .count();
    expect_eq!(
        m.len(),
        keys_used,
        "every key that was upserted must be present exactly once"
    );
    let mut miscounted: Vec<(usize, u64, u64)> = Vec::new();
    for (key, made) in calls[..keys_used].iter().enumerate() {
        let made = made.load(Ordering::SeqCst);
        let held = m.get(&(key as u64)).unwrap_or(0);
        if held != made {
            miscounted.push((key, made, held));
        }
    }
    expect_eq!(
        miscounted.len(),
        0,
        "each key must count every upsert (+1, default 0) made on it; {} of {} keys do not, e.g. (key, upserts, value held): {:?}",
        miscounted.len(),
        keys_used,
        &miscounted[..miscounted.len().min(8)]
    );
}

#[test]
fn concurrent_inserts_of_different_keys_are_all_kept() {
    let per_thread = 5_000u64;
    let m = ConcurrentMap::new();
    let barrier = Barrier::new(THREADS as usize);
    thread::scope(|scope| {
        for t in 0..THREADS {
            let (m, barrier) = (&m, &barrier);
            scope.spawn(move || {
                barrier.wait();
                for i in 0..per_thread {
                    let key = t * per_thread + i;
                    m.insert(key, key + 1);
                }
            });
        }
    });
    expect_eq!(
        m.len() as u64,
        THREADS * per_thread,
        "4 threads inserted 5,000 different keys each: all 20,000 must be there"
    );
    let lost = (0..THREADS * per_thread)
        .filter(|k| m.get(k) != Some(k + 1))
        .count();
    expect_eq!(
        lost,
        0,
        "every key inserted by any thread must hold its value"
    );
}

#[test]
fn readers_never_see_a_counter_go_backwards() {
    let m = ConcurrentMap::new();
    m.insert(0u64, 0u64);
    let barrier = Barrier::new(4);
    let backwards = thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                barrier.wait();
                for _ in 0..200_000 {
                    m.update(&0, |v| *v += 1);
                }
            });
        }
        let readers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    let mut last = 0;
                    let mut backwards = 0u64;
                    for _ in 0..200_000 {
                        let now = m.get(&0).unwrap_or(0);
                        if now < last {
                            backwards += 1;
                        }
                        last = now;
                    }
                    backwards
                })
            })
            .collect();
        readers.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
    });
    expect_eq!(
        backwards,
        0,
        "a counter that is only ever incremented must never be read smaller than an earlier read"
    );
    expect_eq!(
        m.get(&0),
        Some(400_000),
        "2 threads added 1 to key 0 200,000 times each"
    );
}
