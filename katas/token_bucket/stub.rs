//! Token-bucket rate limiter: see the task statement (`kata hint token_bucket` when stuck).

/// A source of time, injected so that tests control it.
pub trait Clock {
    /// Milliseconds since some fixed start.
    fn now_ms(&self) -> u64;
}

/// A token bucket per key, refilled continuously from the clock.
pub struct RateLimiter<C: Clock> {
    clock: C,
    // Your fields here.
}

impl<C: Clock> RateLimiter<C> {
    /// Buckets of `capacity` tokens, each refilled at `tokens_per_sec`.
    pub fn new(clock: C, capacity: u64, tokens_per_sec: u64) -> Self {
        let _ = (capacity, tokens_per_sec);
        Self { clock }
    }

    /// Takes one token from `key`'s bucket if it has one.
    pub fn try_acquire(&mut self, key: &str) -> bool {
        self.try_acquire_n(key, 1)
    }

    /// Takes `n` tokens from `key`'s bucket if it has at least `n`; otherwise takes nothing.
    pub fn try_acquire_n(&mut self, key: &str, n: u64) -> bool {
        let _ = (key, n, self.clock.now_ms());
        todo!("refill the bucket, then try to take n tokens")
    }

    /// The whole tokens in `key`'s bucket right now (`capacity` for a key never seen).
    pub fn available(&self, key: &str) -> u64 {
        let _ = key;
        todo!("count the tokens")
    }
}
