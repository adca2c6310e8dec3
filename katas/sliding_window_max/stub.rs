//! Sliding window maximum: see the task statement (`kata hint sliding_window_max` when stuck).

/// The maximum of every window of `k` consecutive elements of `nums`, from left to right.
///
/// Returns an empty `Vec` when `k == 0` or `k > nums.len()`.
pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    let _ = (nums, k);
    todo!("compute the maximum of each window")
}
