use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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

/// A key type with only what the task asks of keys: `Eq` and `Hash` (no `Clone`).
#[derive(PartialEq, Eq, Hash)]
struct UserId(u64);

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
fn a_map_with_any_one_key_is_not_empty() {
    for k in 0..64u64 {
        let m = ConcurrentMap::new();
        m.insert(k, k);
        expect_eq!(m.len(), 1, "a map holding only key {} has length 1", k);
        expect!(!m.is_empty(), "a map holding only key {} is not empty", k);
        m.remove(&k);
        expect!(
            m.is_empty(),
            "after removing key {} the map is empty again",
            k
        );
    }
    let m = ConcurrentMap::new();
    m.upsert(s("only"), 0u64, |n| *n += 1);
    expect!(!m.is_empty(), "a map holding one upserted key is not empty");
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
    let session = |user: &str| Session {
        user: s(user),
        clicks: 0,
    };
    let clicks = m.upsert(s("bob"), session("bob"), |v| {
        v.clicks += 1;
        v.clicks
    });
    expect_eq!(
        clicks,
        1,
        "upsert stores bob's new session and adds a click"
    );
    expect_eq!(
        m.update(&s("bob"), |v| {
            v.clicks += 1;
            (v.user.clone(), v.clicks)
        }),
        Some((s("bob"), 2)),
        "update works on values that are not Clone"
    );
    expect_eq!(
        m.upsert(s("bob"), session("nobody"), |v| v.user.clone()),
        s("bob"),
        "upsert of a present key keeps the stored session"
    );
    expect_eq!(m.len(), 1, "one session is stored");
    expect!(!m.is_empty(), "a map holding a session is not empty");
}

#[test]
fn keys_need_not_be_clone() {
    let m = ConcurrentMap::new();
    expect_eq!(m.insert(UserId(1), 10u64), None, "user 1 is new");
    expect_eq!(
        m.upsert(UserId(1), 0, |n| {
            *n += 1;
            *n
        }),
        11,
        "upsert of present user 1 adds 1 to 10"
    );
    expect_eq!(
        m.upsert(UserId(2), 5, |n| {
            *n += 1;
            *n
        }),
        6,
        "upsert of absent user 2 stores 5, then adds 1"
    );
    expect_eq!(
        m.update(&UserId(2), |n| {
            *n *= 2;
            *n
        }),
        Some(12),
        "update doubles user 2's 6"
    );
    expect_eq!(m.update(&UserId(3), |n| *n += 1), None, "user 3 is absent");
    expect_eq!(m.get(&UserId(1)), Some(11), "user 1 holds 11");
    expect_eq!(m.len(), 2, "two users are stored");
    expect_eq!(
        m.remove(&UserId(1)),
        Some(11),
        "remove gives back user 1's 11"
    );
    expect_eq!(
        m.insert(UserId(2), 0),
        Some(12),
        "insert replaces user 2's 12"
    );
    expect!(!m.is_empty(), "user 2 is still stored");
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

/// How long the first of two overlapping calls keeps its closure running while it waits for the
/// second call to finish. A map whose calls are atomic makes the second call wait instead, so the
/// first closure waits this long in vain; a map that runs the closure on a copy (or with the key
/// taken out) lets the second call finish meanwhile, and one of the two results is lost.
const OVERLAP: Duration = Duration::from_millis(250);

/// Runs `first` and `second` on two threads so that `second` starts while `first`'s closure is
/// running; see `OVERLAP`. `first` gets a function to call in its closure: it signals that the
/// closure has started and waits for `second` to finish (or for `OVERLAP` to pass).
fn overlap<A, B>(
    first: impl FnOnce(&dyn Fn()) -> A + Send,
    second: impl FnOnce() -> B + Send,
) -> (A, B)
where
    A: Send,
    B: Send,
{
    let inside = AtomicBool::new(false);
    let second_done = AtomicBool::new(false);
    let wait_inside = || {
        inside.store(true, Ordering::SeqCst);
        let start = Instant::now();
        while !second_done.load(Ordering::SeqCst) && start.elapsed() < OVERLAP {
            thread::sleep(Duration::from_millis(1));
        }
    };
    thread::scope(|scope| {
        let a = scope.spawn(|| first(&wait_inside));
        let b = scope.spawn(|| {
            let start = Instant::now();
            while !inside.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(2) {
                thread::sleep(Duration::from_millis(1));
            }
            let got = second();
            second_done.store(true, Ordering::SeqCst);
            got
        });
        (a.join().unwrap(), b.join().unwrap())
    })
}

#[test]
fn an_update_waits_for_the_update_in_progress() {
    let m = ConcurrentMap::new();
    m.insert(s("k"), 0u64);
    let (first, second) = overlap(
        |wait| {
            m.update(&s("k"), |v| {
                let before = *v;
                wait();
                *v = before + 1;
                *v
            })
        },
        || {
            m.update(&s("k"), |v| {
                *v += 1;
                *v
            })
        },
    );
    expect_eq!(
        first,
        Some(1),
        "the first update (of 0) finds the key and makes it 1"
    );
    expect_eq!(
        second,
        Some(2),
        "an update that starts while another update's closure runs must wait for it, then see 1 and make it 2"
    );
    expect_eq!(
        m.get(&s("k")),
        Some(2),
        "two updates of +1 on 0 leave 2: neither may be lost"
    );
}

#[test]
fn an_upsert_waits_for_the_upsert_in_progress() {
    let m = ConcurrentMap::new();
    let (first, second) = overlap(
        |wait| {
            m.upsert(7u64, 0u64, |v| {
                let before = *v;
                wait();
                *v = before + 1;
                *v
            })
        },
        || {
            m.upsert(7u64, 0u64, |v| {
                *v += 1;
                *v
            })
        },
    );
    expect_eq!(
        first,
        1,
        "the first upsert stores the default 0 and makes it 1"
    );
    expect_eq!(
        second,
        2,
        "an upsert that starts while another upsert's closure runs must wait for it, then see 1 and make it 2"
    );
    expect_eq!(
        m.get(&7),
        Some(2),
        "two upserts of +1 leave 2: neither may be lost"
    );
    expect_eq!(m.len(), 1, "both upserts were of one key");
}

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
