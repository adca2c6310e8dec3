//! Counts whole tokens and resets the last-refill time on every call, so fractions of a token are thrown away.

use std::collections::HashMap;

pub trait Clock {
    fn now_ms(&self) -> u64;
}

struct Bucket {
    tokens: u64,
    last: u64,
}

pub struct RateLimiter<C: Clock> {
    clock: C,
    capacity: u64,
    per_sec: u64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        Self {
            clock,
            capacity,
            per_sec: tokens_per_sec,
            buckets: HashMap::new(),
        }
    }

    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    fn refill(&self, bucket: &Bucket, now: u64) -> u64 {
        let elapsed = u128::from(now.saturating_sub(bucket.last));
        let earned = elapsed * u128::from(self.per_sec) / 1000;
        (u128::from(bucket.tokens) + earned).min(u128::from(self.capacity)) as u64
    }

    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let capacity = self.capacity;
        let tokens = match self.buckets.get(key) {
            Some(b) => self.refill(b, now),
            None => capacity,
        };
        let last = match self.buckets.get(key) {
            Some(b) => b.last.max(now),
            None => now,
        };
        let bucket = self
            .buckets
            .entry(key.to_string())
            .or_insert(Bucket { tokens, last });
        bucket.tokens = tokens;
        bucket.last = last;
        if bucket.tokens >= n {
            bucket.tokens -= n;
            true
        } else {
            false
        }
    }

    pub fn available(&self, key: &str) -> u64 {
        let now = self.clock.now_ms();
        match self.buckets.get(key) {
            Some(b) => self.refill(b, now),
            None => self.capacity,
        }
    }
}
