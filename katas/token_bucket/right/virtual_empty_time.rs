//! Each bucket stores the virtual moment it was (or would have been) empty, scaled by the rate:
//! the milli-tokens it holds at time `t` are `t * rate - empty_at`, capped at the capacity. Taking
//! `n` tokens moves that moment `n * 1000` later. Time is clamped so that it never goes back
//! behind the latest time a bucket has seen.

use std::collections::HashMap;

pub trait Clock {
    fn now_ms(&self) -> u64;
}

struct Bucket {
    /// `ms * rate` units (1000 units are one token) at which the bucket was empty.
    empty_at: i128,
    /// The latest time this bucket has seen.
    seen_ms: u64,
}

pub struct RateLimiter<C: Clock> {
    clock: C,
    capacity: u64,
    rate: u64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        RateLimiter {
            clock,
            capacity,
            rate: tokens_per_sec,
            buckets: HashMap::new(),
        }
    }

    fn full(&self) -> i128 {
        i128::from(self.capacity) * 1000
    }

    /// Milli-tokens held at `seen` (capped), for a bucket whose empty moment is `empty_at`.
    fn level(&self, empty_at: i128, seen: u64) -> i128 {
        (i128::from(seen) * i128::from(self.rate) - empty_at).min(self.full())
    }

    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let (empty_at, seen) = match self.buckets.get(key) {
            Some(b) => (b.empty_at, b.seen_ms.max(now)),
            None => (i128::from(now) * i128::from(self.rate) - self.full(), now),
        };
        let level = self.level(empty_at, seen);
        let wanted = i128::from(n) * 1000;
        let ok = level >= wanted;
        let left = if ok { level - wanted } else { level };
        // Re-anchor so that the cap is applied now: the level at `seen` is exactly `left`.
        let bucket = Bucket {
            empty_at: i128::from(seen) * i128::from(self.rate) - left,
            seen_ms: seen,
        };
        self.buckets.insert(key.to_string(), bucket);
        ok
    }

    pub fn available(&self, key: &str) -> u64 {
        let now = self.clock.now_ms();
        match self.buckets.get(key) {
            Some(b) => (self.level(b.empty_at, b.seen_ms.max(now)) / 1000) as u64,
            None => self.capacity,
        }
    }
}
