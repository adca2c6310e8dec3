//! Reference solution: two hand-written iterators whose state runs out cleanly at the top of
//! their integer type, plus a function built from iterator adapters.

/// Counts from `start` to `end`, both included.
pub struct Counter {
    /// The next value to yield; `None` once counting has passed `u32::MAX`.
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
        // At `u32::MAX` there is no next value: remember that instead of overflowing.
        self.next = current.checked_add(1);
        Some(current)
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
