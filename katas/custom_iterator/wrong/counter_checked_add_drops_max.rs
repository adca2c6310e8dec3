//! Uses `checked_add(1)?` before yielding, so a counter that reaches `u32::MAX` never yields it.

/// Counts from `start` to `end`, both included.
pub struct Counter {
    current: u32,
    end: u32,
}

impl Counter {
    pub fn new(start: u32, end: u32) -> Counter {
        Counter {
            current: start,
            end,
        }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.current > self.end {
            return None;
        }
        let value = self.current;
        self.current = self.current.checked_add(1)?;
        Some(value)
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
