//! The monotonic-deque algorithm on a `Vec`, popping the front with `remove(0)`, which shifts
//! every other candidate: O(k) per step, O(n·k) on a decreasing input.

/// The maximum of every window of `k` consecutive elements of `nums`, from left to right.
///
/// Returns an empty `Vec` when `k == 0` or `k > nums.len()`.
pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut maxima = Vec::with_capacity(nums.len() - k + 1);
    // Indices of the current window whose values strictly decrease from front to back: each one
    // could still become the maximum once the larger values before it leave the window.
    let mut candidates: Vec<usize> = Vec::with_capacity(k);
    for (i, &x) in nums.iter().enumerate() {
        // The window ending at `i` is `i + 1 - k ..= i`; written as `front + k <= i` so that no
        // subtraction can underflow while the first window is still filling.
        if candidates.first().is_some_and(|&front| front + k <= i) {
            candidates.remove(0);
        }
        // Values not larger than `x` can never be a maximum again while `x` is in the window.
        while candidates.last().is_some_and(|&back| nums[back] <= x) {
            candidates.pop();
        }
        candidates.push(i);
        if i + 1 >= k {
            maxima.push(nums[candidates[0]]);
        }
    }
    maxima
}
