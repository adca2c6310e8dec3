//! Two-sum pairs: see the task statement (`kata hint two_sum_pairs` when stuck).

/// Returns `(target - b, b)` for each `b` in `nums` whose partner `target - b` occurred earlier.
pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let _ = (nums, target);
    todo!("find the pairs that sum to the target")
}
