//! Keeps whole tokens and the fraction of the next token separately, and caps only the whole
//! tokens: a full bucket still banks the fraction, so after a burst the next token comes early.

use std::collections::HashMap;

pub trait Clock {
    fn now_ms(&self) -> u64;
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: u64,
    /// Progress towards the next token, in thousandths (always below 1000).
    fraction: u64,
    updated_ms: u64,
}

pub struct RateLimiter<C: Clock> {
    clock: C,
    capacity: u64,
    tokens_per_sec: u64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        RateLimiter {
            clock,
            capacity,
            tokens_per_sec,
            buckets: HashMap::new(),
        }
    }

    fn refilled(&self, key: &str, now: u64) -> Bucket {
        let Some(&b) = self.buckets.get(key) else {
            return Bucket {
                tokens: self.capacity,
                fraction: 0,
                updated_ms: now,
            };
        };
        if now <= b.updated_ms {
            return b;
        }
        let units = u128::from(now - b.updated_ms) * u128::from(self.tokens_per_sec)
            + u128::from(b.fraction);
        let whole = u128::from(b.tokens) + units / 1000;
        Bucket {
            tokens: whole.min(u128::from(self.capacity)) as u64,
            fraction: (units % 1000) as u64,
            updated_ms: now,
        }
    }

    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let mut b = self.refilled(key, now);
        let ok = b.tokens >= n;
        if ok {
            b.tokens -= n;
        }
        self.buckets.insert(key.to_string(), b);
        ok
    }

    pub fn available(&self, key: &str) -> u64 {
        self.refilled(key, self.clock.now_ms()).tokens
    }
}
