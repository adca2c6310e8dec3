//! Custom iterators: see the task statement (`kata hint custom_iterator` when stuck).

/// Counts from `start` to `end`, both included.
pub struct Counter {
    // Your fields here.
}

impl Counter {
    pub fn new(start: u32, end: u32) -> Counter {
        let _ = (start, end);
        todo!("remember where to start and where to stop")
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        todo!("yield the next value, or None once past `end`")
    }
}

/// The Fibonacci numbers 0, 1, 1, 2, 3, 5, ... that fit in a `u64`.
pub struct Fibonacci {
    // Your fields here.
}

impl Fibonacci {
    pub fn new() -> Fibonacci {
        todo!("start at F(0) = 0")
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
        todo!("yield the next Fibonacci number, or None once they no longer fit in a u64")
    }
}

/// The sum of the even Fibonacci numbers that are at most `limit`.
pub fn even_fibonacci_sum(limit: u64) -> u64 {
    let _ = limit;
    todo!("combine Fibonacci with iterator adapters")
}
