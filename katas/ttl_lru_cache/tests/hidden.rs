use kata_assert::expect_eq;
use ttl_lru_cache::{Lookup, TtlLruCache};

fn stale(value: i32, revalidate: bool) -> Lookup<i32> {
    Lookup::Stale { value, revalidate }
}

#[test]
fn unknown_key_is_a_miss() {
    let mut c: TtlLruCache<&str, i32> = TtlLruCache::new(4, 10, 5);
    expect_eq!(c.get(&"nope", 0), Lookup::Miss, "a key never put is a Miss");
}

#[test]
fn fresh_before_the_ttl() {
    let mut c = TtlLruCache::new(4, 10, 5);
    c.put("a", 1, 100);
    expect_eq!(c.get(&"a", 100), Lookup::Fresh(1), "age 0 is fresh");
    expect_eq!(
        c.get(&"a", 109),
        Lookup::Fresh(1),
        "age 9 with ttl 10 is fresh"
    );
}

#[test]
fn stale_from_the_ttl_on() {
    let mut c = TtlLruCache::new(4, 10, 5);
    c.put("a", 1, 100);
    expect_eq!(
        c.get(&"a", 110),
        stale(1, true),
        "age 10 with ttl 10 is stale, not fresh"
    );
}

#[test]
fn expired_after_the_stale_window() {
    let mut c = TtlLruCache::new(4, 10, 5);
    c.put("a", 1, 100);
    expect_eq!(
        c.get(&"a", 114),
        stale(1, true),
        "age 14: still inside the stale window (10 + 5)"
    );
    expect_eq!(
        c.get(&"a", 115),
        Lookup::Miss,
        "age 15 = ttl + stale_for: expired"
    );
}

#[test]
fn an_expired_entry_stays_gone() {
    let mut c = TtlLruCache::new(4, 10, 5);
    c.put("a", 1, 0);
    expect_eq!(c.get(&"a", 100), Lookup::Miss, "long expired");
    expect_eq!(
        c.get(&"a", 3),
        Lookup::Miss,
        "an expired entry was removed: earlier clocks do not bring it back"
    );
}

#[test]
fn expired_entries_are_never_served_as_fresh() {
    let mut c = TtlLruCache::new(4, 10, 0);
    c.put("a", 1, 0);
    expect_eq!(c.get(&"a", 9), Lookup::Fresh(1), "age 9 is fresh");
    expect_eq!(
        c.get(&"a", 10),
        Lookup::Miss,
        "stale_for 0: at the ttl the entry expires at once"
    );
    expect_eq!(
        c.get(&"a", 1_000_000),
        Lookup::Miss,
        "and much later it is certainly gone"
    );
}

#[test]
fn only_the_first_stale_lookup_revalidates() {
    let mut c = TtlLruCache::new(4, 10, 100);
    c.put("a", 1, 0);
    expect_eq!(
        c.get(&"a", 5),
        Lookup::Fresh(1),
        "fresh lookups never ask to revalidate"
    );
    expect_eq!(
        c.get(&"a", 20),
        stale(1, true),
        "the first stale lookup revalidates"
    );
    expect_eq!(
        c.get(&"a", 21),
        stale(1, false),
        "the second stale lookup does not"
    );
    expect_eq!(c.get(&"a", 50), stale(1, false), "nor any later one");
}

#[test]
fn put_refreshes_the_entry() {
    let mut c = TtlLruCache::new(4, 10, 100);
    c.put("a", 1, 0);
    expect_eq!(c.get(&"a", 20), stale(1, true), "stale at 20");
    c.put("a", 2, 25);
    expect_eq!(
        c.get(&"a", 30),
        Lookup::Fresh(2),
        "after the new put at 25, the new value is fresh at 30"
    );
    expect_eq!(
        c.get(&"a", 34),
        Lookup::Fresh(2),
        "age is counted from the new put"
    );
    expect_eq!(
        c.get(&"a", 35),
        stale(2, true),
        "when the new value goes stale it asks to revalidate again"
    );
}

#[test]
fn zero_ttl_is_stale_at_once() {
    let mut c = TtlLruCache::new(4, 0, 5);
    c.put("a", 1, 7);
    expect_eq!(c.get(&"a", 7), stale(1, true), "ttl 0: stale immediately");
    expect_eq!(c.get(&"a", 12), Lookup::Miss, "expired at 7 + 0 + 5");
}

#[test]
fn a_clock_behind_the_put_counts_as_age_zero() {
    let mut c = TtlLruCache::new(4, 10, 5);
    c.put("a", 1, 1_000);
    expect_eq!(
        c.get(&"a", 3),
        Lookup::Fresh(1),
        "now before the put time: age 0, fresh, no panic"
    );
}

#[test]
fn huge_lifetimes_do_not_overflow() {
    let mut c = TtlLruCache::new(4, u64::MAX, u64::MAX);
    c.put("a", 1, 5);
    expect_eq!(
        c.get(&"a", u64::MAX - 1),
        Lookup::Fresh(1),
        "ttl u64::MAX: fresh almost forever"
    );
    let mut c = TtlLruCache::new(4, 10, u64::MAX);
    c.put("a", 1, 0);
    expect_eq!(
        c.get(&"a", u64::MAX - 1),
        stale(1, true),
        "ttl + stale_for beyond u64::MAX: never expires"
    );
}

#[test]
fn capacity_zero_stores_nothing() {
    let mut c = TtlLruCache::new(0, 10, 5);
    c.put("a", 1, 0);
    expect_eq!(
        c.get(&"a", 0),
        Lookup::Miss,
        "a cache of capacity 0 holds nothing"
    );
}

#[test]
fn the_least_recently_put_is_evicted() {
    let mut c = TtlLruCache::new(2, 100, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 1);
    c.put("c", 3, 2);
    expect_eq!(
        c.get(&"a", 3),
        Lookup::Miss,
        "capacity 2: putting c evicts a, the least recently used"
    );
    expect_eq!(c.get(&"b", 3), Lookup::Fresh(2), "b stays");
    expect_eq!(c.get(&"c", 3), Lookup::Fresh(3), "c is cached");
}

#[test]
fn a_fresh_hit_counts_as_a_use() {
    let mut c = TtlLruCache::new(2, 100, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 1);
    expect_eq!(c.get(&"a", 2), Lookup::Fresh(1), "a is fresh");
    c.put("c", 3, 3);
    expect_eq!(
        c.get(&"b", 4),
        Lookup::Miss,
        "reading a made b the least recently used: b is evicted"
    );
    expect_eq!(c.get(&"a", 4), Lookup::Fresh(1), "a survives");
}

#[test]
fn a_stale_hit_counts_as_a_use() {
    let mut c = TtlLruCache::new(2, 10, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 5);
    expect_eq!(c.get(&"a", 12), stale(1, true), "a is stale at 12");
    c.put("c", 3, 13);
    expect_eq!(
        c.get(&"b", 14),
        Lookup::Miss,
        "the stale read of a used it: b is evicted"
    );
    expect_eq!(c.get(&"a", 14), stale(1, false), "a survives (still stale)");
}

#[test]
fn a_miss_does_not_count_as_a_use() {
    let mut c = TtlLruCache::new(2, 100, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 1);
    expect_eq!(c.get(&"zzz", 2), Lookup::Miss, "an unknown key is a miss");
    c.put("c", 3, 3);
    expect_eq!(
        c.get(&"a", 4),
        Lookup::Miss,
        "a was still the least recently used"
    );
    expect_eq!(c.get(&"b", 4), Lookup::Fresh(2), "b stays");
}

#[test]
fn overwriting_a_key_makes_it_most_recent() {
    let mut c = TtlLruCache::new(2, 100, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 1);
    c.put("a", 10, 2);
    c.put("c", 3, 3);
    expect_eq!(
        c.get(&"b", 4),
        Lookup::Miss,
        "overwriting a made b the least recently used"
    );
    expect_eq!(c.get(&"a", 4), Lookup::Fresh(10), "a holds its new value");
}

#[test]
fn overwriting_a_key_in_a_full_cache_evicts_nothing() {
    let mut c = TtlLruCache::new(2, 100, 100);
    c.put("a", 1, 0);
    c.put("b", 2, 1);
    c.put("b", 20, 2);
    expect_eq!(
        c.get(&"a", 3),
        Lookup::Fresh(1),
        "replacing b needs no room: a stays"
    );
    expect_eq!(c.get(&"b", 3), Lookup::Fresh(20), "b has its new value");
}

#[test]
fn capacity_one_keeps_the_latest_key() {
    let mut c = TtlLruCache::new(1, 100, 100);
    c.put(1u32, 1, 0);
    c.put(2u32, 2, 0);
    expect_eq!(
        c.get(&1, 0),
        Lookup::Miss,
        "capacity 1: the older key is evicted"
    );
    expect_eq!(c.get(&2, 0), Lookup::Fresh(2), "the newer key is cached");
}

#[test]
fn works_with_owned_keys_and_values() {
    let mut c: TtlLruCache<String, Vec<u8>> = TtlLruCache::new(3, 10, 10);
    c.put("/index.html".to_string(), b"<html>".to_vec(), 0);
    expect_eq!(
        c.get(&"/index.html".to_string(), 1),
        Lookup::Fresh(b"<html>".to_vec()),
        "String keys and Vec<u8> values work"
    );
}

#[test]
fn many_keys_keep_exactly_the_most_recent_capacity() {
    let mut c = TtlLruCache::new(100, 1_000_000, 0);
    for k in 0..1000u32 {
        c.put(k, k as i32, u64::from(k));
        if k % 3 == 0 && k >= 50 {
            // Touch a recent key so that it survives longer.
            c.get(&(k - 50), u64::from(k));
        }
    }
    let mut model: Vec<u32> = Vec::new();
    for k in 0..1000u32 {
        model.retain(|&x| x != k);
        model.push(k);
        if model.len() > 100 {
            model.remove(0);
        }
        if k % 3 == 0 && k >= 50 && model.contains(&(k - 50)) {
            model.retain(|&x| x != k - 50);
            model.push(k - 50);
        }
    }
    for k in 0..1000u32 {
        let expected = if model.contains(&k) {
            Lookup::Fresh(k as i32)
        } else {
            Lookup::Miss
        };
        expect_eq!(
            c.get(&k, 1000),
            expected,
            "key {} after 1000 puts into a cache of 100",
            k
        );
    }
}
