//! Reference solution: one pass with a set of the values seen so far.

use std::collections::HashSet;

/// Returns `(target - b, b)` for each `b` in `nums` whose partner `target - b` occurred earlier.
pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = HashSet::with_capacity(nums.len());
    let mut pairs = Vec::new();
    for &b in nums {
        // `None` means the partner lies outside `i32`, so it cannot have been seen.
        if let Some(a) = target.checked_sub(b) {
            if seen.contains(&a) {
                pairs.push((a, b));
            }
        }
        seen.insert(b);
    }
    pairs
}
