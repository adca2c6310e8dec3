//! Steps the counter with `saturating_add`, which cannot overflow but sticks at `u32::MAX`: a
//! counter ending at `u32::MAX` yields it again and again and never finishes.

/// Counts from `start` to `end`, both included.
pub struct Counter {
    current: u32,
    end: u32,
    started: bool,
}

impl Counter {
    pub fn new(start: u32, end: u32) -> Counter {
        Counter {
            current: start,
            end,
            started: false,
        }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.started {
            // Saturating, so u32::MAX + 1 does not panic... but stays at u32::MAX.
            self.current = self.current.saturating_add(1);
        }
        self.started = true;
        (self.current <= self.end).then_some(self.current)
    }
}

pub struct Fibonacci {
    current: Option<u64>,
    following: Option<u64>,
}

impl Fibonacci {
    pub fn new() -> Fibonacci {
        Fibonacci {
            current: Some(0),
            following: Some(1),
        }
    }
}

impl Default for Fibonacci {
    fn default() -> Fibonacci {
        Fibonacci::new()
    }
}

impl Iterator for Fibonacci {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let value = self.current?;
        // The number after `following` may not fit in a u64; that is only a problem once we
        // get there, so keep it as `None` rather than stopping early or wrapping around.
        let after = self.following.and_then(|f| f.checked_add(value));
        self.current = self.following;
        self.following = after;
        Some(value)
    }
}

/// The sum of the even Fibonacci numbers that are at most `limit`.
pub fn even_fibonacci_sum(limit: u64) -> u64 {
    Fibonacci::new()
        .take_while(|&f| f <= limit)
        .filter(|f| f % 2 == 0)
        .sum()
}
