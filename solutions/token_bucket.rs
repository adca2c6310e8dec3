//! Reference solution: lazily refilled buckets counted in milli-tokens, so refill is exact.

use std::collections::HashMap;

/// A source of time, injected so that tests control it.
pub trait Clock {
    /// Milliseconds since some fixed start.
    fn now_ms(&self) -> u64;
}

/// Tokens are stored ×1000: over `d` ms a bucket earns exactly `d × tokens_per_sec` milli-tokens.
const MILLI: u64 = 1000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    milli_tokens: u64,
    /// The latest time this bucket was brought up to date; never moves backwards.
    updated_ms: u64,
}

/// A token bucket per key, refilled continuously from the clock.
#[derive(Debug)]
pub struct RateLimiter<C: Clock> {
    clock: C,
    /// `capacity × 1000`; fits in `u64` because the capacity is at most 10^9.
    capacity_milli: u64,
    tokens_per_sec: u64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> RateLimiter<C> {
    /// Buckets of `capacity` tokens, each refilled at `tokens_per_sec`.
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        Self {
            clock,
            capacity_milli: capacity.saturating_mul(MILLI),
            tokens_per_sec,
            buckets: HashMap::new(),
        }
    }

    /// Takes one token from `key`'s bucket if it has one.
    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    /// Takes `n` tokens from `key`'s bucket if it has at least `n`; otherwise takes nothing.
    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let now = self.clock.now_ms();
        let refilled = self.refilled(self.buckets.get(key).copied(), now);
        let bucket = self.buckets.entry(key.to_owned()).or_insert(refilled);
        *bucket = refilled;
        // `n` is a whole number of tokens; saturating keeps an absurd `n` from wrapping small.
        let wanted = n.saturating_mul(MILLI);
        if bucket.milli_tokens >= wanted {
            bucket.milli_tokens -= wanted;
            true
        } else {
            false
        }
    }

    /// The whole tokens in `key`'s bucket right now (`capacity` for a key never seen).
    pub fn available(&self, key: &str) -> u64 {
        let now = self.clock.now_ms();
        self.refilled(self.buckets.get(key).copied(), now)
            .milli_tokens
            / MILLI
    }

    /// `bucket` brought up to `now`; a key never seen starts full.
    fn refilled(&self, bucket: Option<Bucket>, now: u64) -> Bucket {
        let Some(bucket) = bucket else {
            return Bucket {
                milli_tokens: self.capacity_milli,
                updated_ms: now,
            };
        };
        if now <= bucket.updated_ms {
            // The clock went backwards (or did not move): earn nothing, and keep the later
            // time so that the stretch jumped over is not credited again.
            return bucket;
        }
        let elapsed = u128::from(now - bucket.updated_ms);
        let earned = elapsed * u128::from(self.tokens_per_sec);
        let total = u128::from(bucket.milli_tokens) + earned;
        Bucket {
            // The minimum is at most `capacity_milli`, so it fits back into a `u64`.
            milli_tokens: total.min(u128::from(self.capacity_milli)) as u64,
            updated_ms: now,
        }
    }
}
