//! `Counter` wraps a `RangeInclusive<u32>` (which already handles `u32::MAX` and stays empty
//! after the end); `Fibonacci` adds in `u128` and stops at the first sum above `u64::MAX`; the even
//! sum takes every third Fibonacci number, which are exactly the even ones.

use std::ops::RangeInclusive;

pub struct Counter {
    range: RangeInclusive<u32>,
}

impl Counter {
    pub fn new(start: u32, end: u32) -> Counter {
        Counter { range: start..=end }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        self.range.next()
    }
}

pub struct Fibonacci {
    a: u128,
    b: u128,
}

impl Fibonacci {
    pub fn new() -> Fibonacci {
        Fibonacci { a: 0, b: 1 }
    }
}

impl Default for Fibonacci {
    fn default() -> Self {
        Self::new()
    }
}

impl Iterator for Fibonacci {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let value = u64::try_from(self.a).ok()?;
        // Both stay below 2^66, so the u128 sum never overflows; once `a` is past u64::MAX it
        // stays there, and every later call returns None.
        let sum = self.a + self.b;
        self.a = self.b;
        self.b = sum.min(u128::from(u64::MAX) + 1);
        Some(value)
    }
}

pub fn even_fibonacci_sum(limit: u64) -> u64 {
    Fibonacci::new()
        .step_by(3)
        .take_while(|&f| f <= limit)
        .sum()
}
