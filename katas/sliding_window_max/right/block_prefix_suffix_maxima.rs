//! Splits the slice into blocks of `k`: every window spans the tail of one block and the head of
//! the next, so its maximum is the larger of a suffix maximum and a prefix maximum, both
//! precomputed in one pass each.

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    let n = nums.len();
    if k == 0 || k > n {
        return Vec::new();
    }
    let mut prefix = vec![0; n];
    let mut suffix = vec![0; n];
    for i in 0..n {
        prefix[i] = if i % k == 0 {
            nums[i]
        } else {
            prefix[i - 1].max(nums[i])
        };
    }
    for i in (0..n).rev() {
        suffix[i] = if i == n - 1 || (i + 1) % k == 0 {
            nums[i]
        } else {
            suffix[i + 1].max(nums[i])
        };
    }
    (0..=n - k)
        .map(|start| suffix[start].max(prefix[start + k - 1]))
        .collect()
}
