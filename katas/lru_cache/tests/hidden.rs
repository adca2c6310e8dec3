use kata_assert::{expect, expect_eq};
use lru_cache::LruCache;

/// A deliberately simple LRU model (most recent last) to compare against on small inputs.
struct Model {
    capacity: usize,
    entries: Vec<(i32, i32)>,
}

impl Model {
    fn get(&mut self, key: i32) -> Option<i32> {
        let pos = self.entries.iter().position(|&(k, _)| k == key)?;
        let entry = self.entries.remove(pos);
        self.entries.push(entry);
        Some(entry.1)
    }

    fn put(&mut self, key: i32, value: i32) {
        if let Some(pos) = self.entries.iter().position(|&(k, _)| k == key) {
            self.entries.remove(pos);
        } else if self.entries.len() == self.capacity {
            if self.capacity == 0 {
                return;
            }
            self.entries.remove(0);
        }
        self.entries.push((key, value));
    }
}

/// xorshift64: deterministic pseudo-random numbers without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn get_of_a_missing_key_is_none() {
    let mut c = LruCache::new(2);
    expect_eq!(c.get(1), None, "an empty cache has no key 1");
    c.put(1, 10);
    expect_eq!(c.get(2), None, "key 2 was never put");
}

#[test]
fn put_then_get_returns_the_value() {
    let mut c = LruCache::new(2);
    c.put(1, 10);
    c.put(2, 20);
    expect_eq!(c.get(1), Some(10), "key 1 was put with value 10");
    expect_eq!(c.get(2), Some(20), "key 2 was put with value 20");
    expect_eq!(
        c.get(1),
        Some(10),
        "get does not remove: key 1 still has value 10"
    );
}

#[test]
fn put_of_an_existing_key_replaces_its_value() {
    let mut c = LruCache::new(2);
    c.put(1, 10);
    c.put(1, 11);
    expect_eq!(
        c.get(1),
        Some(11),
        "the second put of key 1 replaced 10 with 11"
    );
    c.put(2, 20);
    c.put(3, 30);
    expect_eq!(
        c.get(1),
        None,
        "updating key 1 did not add a second entry: with 1, 2, 3 put into a cache of 2, key 1 is evicted"
    );
    expect_eq!(c.get(2), Some(20), "key 2 stays");
    expect_eq!(c.get(3), Some(30), "key 3 stays");
}

#[test]
fn full_cache_evicts_the_least_recently_used_key() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    c.put(3, 3);
    expect_eq!(
        c.get(1),
        None,
        "key 1 was least recently used when key 3 arrived: evicted"
    );
    expect_eq!(c.get(2), Some(2), "key 2 stays");
    expect_eq!(c.get(3), Some(3), "key 3 stays");
}

#[test]
fn get_marks_the_key_as_recently_used() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    expect_eq!(c.get(1), Some(1), "key 1 is present");
    c.put(3, 3);
    expect_eq!(
        c.get(2),
        None,
        "get(1) made key 1 recently used, so key 2 was the least recently used and is evicted"
    );
    expect_eq!(c.get(1), Some(1), "key 1 was used by get, so it survives");
    expect_eq!(c.get(3), Some(3), "key 3 is present");
}

#[test]
fn put_of_an_existing_key_marks_it_as_recently_used() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    c.put(1, 100);
    c.put(3, 3);
    expect_eq!(
        c.get(2),
        None,
        "put(1, 100) made key 1 recently used, so key 2 is evicted when key 3 arrives"
    );
    expect_eq!(c.get(1), Some(100), "key 1 survives with its new value");
}

#[test]
fn put_of_an_existing_key_in_a_full_cache_evicts_nothing() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    c.put(2, 20);
    expect_eq!(
        c.get(1),
        Some(1),
        "updating key 2 in a full cache must not evict key 1"
    );
    expect_eq!(c.get(2), Some(20), "key 2 has its new value");
    c.put(1, 10);
    expect_eq!(
        c.get(2),
        Some(20),
        "updating key 1 in a full cache must not evict key 2"
    );
    expect_eq!(c.get(1), Some(10), "key 1 has its new value");
}

#[test]
fn get_of_a_missing_key_changes_nothing() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    expect_eq!(c.get(9), None, "key 9 is not cached");
    c.put(3, 3);
    expect_eq!(
        c.get(1),
        None,
        "a miss does not use any key: key 1 is still the one evicted"
    );
    expect_eq!(c.get(2), Some(2), "key 2 stays");
}

#[test]
fn leetcode_sequence() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    expect_eq!(c.get(1), Some(1), "get(1) after put(1,1), put(2,2)");
    c.put(3, 3);
    expect_eq!(c.get(2), None, "put(3,3) evicted key 2");
    c.put(4, 4);
    expect_eq!(c.get(1), None, "put(4,4) evicted key 1");
    expect_eq!(c.get(3), Some(3), "key 3 is present");
    expect_eq!(c.get(4), Some(4), "key 4 is present");
}

#[test]
fn capacity_zero_stores_nothing() {
    let mut c = LruCache::new(0);
    c.put(1, 1);
    expect_eq!(c.get(1), None, "a cache of capacity 0 stores nothing");
    c.put(1, 2);
    c.put(2, 2);
    expect_eq!(c.get(1), None, "still nothing after more puts");
    expect_eq!(c.get(2), None, "still nothing after more puts");
}

#[test]
fn capacity_one_keeps_only_the_latest_key() {
    let mut c = LruCache::new(1);
    c.put(1, 1);
    expect_eq!(c.get(1), Some(1), "a cache of capacity 1 holds one entry");
    c.put(2, 2);
    expect_eq!(c.get(1), None, "putting key 2 evicts key 1");
    expect_eq!(c.get(2), Some(2), "key 2 is present");
    c.put(2, 3);
    expect_eq!(
        c.get(2),
        Some(3),
        "updating the only key keeps it, with the new value"
    );
}

#[test]
fn an_evicted_key_can_be_put_again() {
    let mut c = LruCache::new(2);
    c.put(1, 1);
    c.put(2, 2);
    c.put(3, 3);
    c.put(1, 10);
    expect_eq!(
        c.get(1),
        Some(10),
        "key 1 was evicted, then put again with value 10"
    );
    expect_eq!(
        c.get(2),
        None,
        "putting key 1 back evicted key 2, the least recently used"
    );
    expect_eq!(c.get(3), Some(3), "key 3 stays");
}

#[test]
fn negative_and_extreme_keys_and_values() {
    let mut c = LruCache::new(3);
    c.put(i32::MIN, i32::MAX);
    c.put(-1, -1);
    c.put(i32::MAX, i32::MIN);
    expect_eq!(
        c.get(i32::MIN),
        Some(i32::MAX),
        "key i32::MIN holds i32::MAX"
    );
    expect_eq!(c.get(-1), Some(-1), "key -1 holds -1");
    expect_eq!(
        c.get(i32::MAX),
        Some(i32::MIN),
        "key i32::MAX holds i32::MIN"
    );
    c.put(0, 0);
    expect_eq!(
        c.get(i32::MIN),
        None,
        "key i32::MIN was least recently used: evicted"
    );
    expect_eq!(c.get(0), Some(0), "key 0 holds 0");
}

#[test]
fn huge_capacity_is_allowed() {
    let mut c = LruCache::new(usize::MAX);
    for k in 0..1000 {
        c.put(k, k * 2);
    }
    expect_eq!(c.get(0), Some(0), "capacity usize::MAX keeps every entry");
    expect_eq!(
        c.get(999),
        Some(1998),
        "capacity usize::MAX keeps every entry"
    );
}

#[test]
fn many_operations_match_the_lru_rules() {
    for (capacity, keys, seed) in [(1, 3, 7), (2, 4, 11), (3, 6, 13), (5, 8, 17), (8, 20, 19)] {
        let mut c = LruCache::new(capacity);
        let mut m = Model {
            capacity,
            entries: Vec::new(),
        };
        let mut rng = Rng(seed);
        let mut log = Vec::new();
        for step in 0..4000 {
            let key = rng.below(keys) as i32 - 2;
            if rng.below(2) == 0 {
                let value = step;
                c.put(key, value);
                m.put(key, value);
                log.push(format!("put({key}, {value})"));
            } else {
                let got = c.get(key);
                let want = m.get(key);
                log.push(format!("get({key})"));
                if got != want {
                    let recent = log[log.len().saturating_sub(12)..].join(", ");
                    expect_eq!(
                        got,
                        want,
                        "capacity {}: wrong get result after these operations (latest last): {}",
                        capacity,
                        recent
                    );
                }
            }
        }
    }
}

#[test]
fn operations_on_a_large_cache_take_constant_time() {
    // A cache of 100,000 entries, then 200,000 rounds of one get of a present key and one put of a
    // new key (which evicts). An O(capacity) get or put does billions of steps here.
    let capacity = 100_000usize;
    let mut c = LruCache::new(capacity);
    let value_of = |k: i32| k.wrapping_mul(7).wrapping_add(3);
    for k in 0..capacity as i32 {
        c.put(k, value_of(k));
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut next = capacity as i32;
    for _ in 0..200_000 {
        // Each key put within the last capacity/2 rounds is still cached: since its put, at most
        // one new key and one other key were used per round.
        let back = 1 + rng.below(capacity as u64 / 2) as i32;
        let key = next - back;
        let got = c.get(key);
        if got != Some(value_of(key)) {
            expect_eq!(
                got,
                Some(value_of(key)),
                "key {} was put {} rounds ago into a cache of 100,000, so it is still cached",
                key,
                back
            );
        }
        c.put(next, value_of(next));
        next += 1;
    }
    expect_eq!(
        c.get(0),
        None,
        "key 0, never used again, was evicted long ago"
    );
    expect!(
        c.get(next - 1) == Some(value_of(next - 1)),
        "the last key put is cached"
    );
}
