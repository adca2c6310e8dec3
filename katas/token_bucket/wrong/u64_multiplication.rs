//! Multiplies elapsed time by the rate in `u64`, which overflows (a panic in debug builds) after a long jump.

use std::collections::HashMap;

pub trait Clock {
    fn now_ms(&self) -> u64;
}

const MILLI: u64 = 1000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    milli_tokens: u64,
    updated_ms: u64,
}

#[derive(Debug)]
pub struct RateLimiter<C: Clock> {
    clock: C,
    capacity_milli: u64,
    tokens_per_sec: u64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        Self {
            clock,
            capacity_milli: capacity.saturating_mul(MILLI),
            tokens_per_sec,
            buckets: HashMap::new(),
        }
    }

    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let refilled = self.refilled(self.buckets.get(key).copied(), now);
        let bucket = self.buckets.entry(key.to_owned()).or_insert(refilled);
        *bucket = refilled;
        let wanted = n.saturating_mul(MILLI);
        if bucket.milli_tokens >= wanted {
            bucket.milli_tokens -= wanted;
            true
        } else {
            false
        }
    }

    pub fn available(&self, key: &str) -> u64 {
        let now = self.clock.now_ms();
        self.refilled(self.buckets.get(key).copied(), now)
            .milli_tokens
            / MILLI
    }

    fn refilled(&self, bucket: Option<Bucket>, now: u64) -> Bucket {
        let Some(bucket) = bucket else {
            return Bucket {
                milli_tokens: self.capacity_milli,
                updated_ms: now,
            };
        };
        if now <= bucket.updated_ms {
            return bucket;
        }
        let earned = u128::from((now - bucket.updated_ms) * self.tokens_per_sec);
        let total = u128::from(bucket.milli_tokens) + earned;
        Bucket {
            milli_tokens: total.min(u128::from(self.capacity_milli)) as u64,
            updated_ms: now,
        }
    }
}
