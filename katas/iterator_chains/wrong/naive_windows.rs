//! Re-adds every window with `windows(k).map(sum)`: right answers in O(n·k) time.

/// The sum of the squares of the even numbers in `values`.
pub fn sum_even_squares(values: &[i32]) -> u128 {
    values
        .iter()
        .filter(|&&v| v % 2 == 0)
        // `i32::MIN²` is 2^62: square as `i64`'s absolute value in `u64`, then sum in `u128`.
        .map(|&v| u128::from(i64::from(v).unsigned_abs().pow(2)))
        .sum()
}

/// How many values are strictly greater than the value just before them.
pub fn count_increases(values: &[i32]) -> usize {
    values.windows(2).filter(|pair| pair[1] > pair[0]).count()
}

/// The sums of every run of `k` consecutive values, in order: `values.len() - k + 1` sums, or
/// none when `k` is 0 or greater than `values.len()`.
pub fn window_sums(values: &[i32], k: usize) -> Vec<i64> {
    if k == 0 || k > values.len() {
        return Vec::new();
    }
    values
        .windows(k)
        .map(|window| window.iter().copied().map(i64::from).sum())
        .collect()
}

/// The sum of the natural numbers below `below` that are multiples of 3 or of 5 (each number
/// counted once).
pub fn sum_multiples_of_3_or_5(below: u32) -> u64 {
    (1..below)
        .filter(|n| n % 3 == 0 || n % 5 == 0)
        .map(u64::from)
        .sum()
}
