//! Adds with `+`, so computing the number after F(93) overflows (a panic in debug builds) instead of ending with `None`.

/// Counts from `start` to `end`, both included.
pub struct Counter {
    next: Option<u32>,
    end: u32,
}

impl Counter {
    pub fn new(start: u32, end: u32) -> Counter {
        Counter {
            next: Some(start),
            end,
        }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let current = self.next.filter(|&n| n <= self.end)?;
        self.next = current.checked_add(1);
        Some(current)
    }
}

/// The Fibonacci numbers 0, 1, 1, 2, 3, 5, ... that fit in a `u64`.
pub struct Fibonacci {
    current: u64,
    following: u64,
}

impl Fibonacci {
    pub fn new() -> Fibonacci {
        Fibonacci {
            current: 0,
            following: 1,
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
        let value = self.current;
        let after = self.current + self.following;
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
