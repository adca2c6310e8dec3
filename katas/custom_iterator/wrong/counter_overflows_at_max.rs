//! Increments the counter unconditionally, so counting up to `u32::MAX` overflows (a panic in debug builds).

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
            self.current += 1;
        }
        self.started = true;
        if self.current <= self.end {
            Some(self.current)
        } else {
            None
        }
    }
}

/// The Fibonacci numbers 0, 1, 1, 2, 3, 5, ... that fit in a `u64`.
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
        let after = self.following.and_then(|f| f.checked_add(value));
        self.current = self.following;
        self.following = after;
        Some(value)
    }
}

pub fn even_fibonacci_sum(limit: u64) -> u64 {
    Fibonacci::new()
        .take_while(|&f| f <= limit)
        .filter(|f| f % 2 == 0)
        .sum()
}
