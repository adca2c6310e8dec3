//! Keeps the token count in an `f64` and adds `elapsed / 1000 * rate` each call, which drifts after many small steps.

use std::collections::HashMap;

pub trait Clock {
    fn now_ms(&self) -> u64;
}

struct Bucket {
    tokens: f64,
    last: u64,
}

pub struct RateLimiter<C: Clock> {
    clock: C,
    capacity: f64,
    per_sec: f64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        Self {
            clock,
            capacity: capacity as f64,
            per_sec: tokens_per_sec as f64,
            buckets: HashMap::new(),
        }
    }

    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    fn refilled(&self, bucket: &Bucket, now: u64) -> f64 {
        let elapsed = now.saturating_sub(bucket.last) as f64 / 1000.0;
        (bucket.tokens + elapsed * self.per_sec).min(self.capacity)
    }

    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let (tokens, last) = match self.buckets.get(key) {
            Some(b) => (self.refilled(b, now), b.last.max(now)),
            None => (self.capacity, now),
        };
        let bucket = self
            .buckets
            .entry(key.to_string())
            .or_insert(Bucket { tokens, last });
        bucket.tokens = tokens;
        bucket.last = last;
        if bucket.tokens >= n as f64 {
            bucket.tokens -= n as f64;
            true
        } else {
            false
        }
    }

    pub fn available(&self, key: &str) -> u64 {
        let now = self.clock.now_ms();
        match self.buckets.get(key) {
            Some(b) => self.refilled(b, now).floor() as u64,
            None => self.capacity as u64,
        }
    }
}
