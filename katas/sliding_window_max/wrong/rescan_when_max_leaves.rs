//! Keeps the running maximum and rescans the window only when the maximum leaves: O(n·k) on decreasing input.

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut result = Vec::with_capacity(nums.len() - k + 1);
    let mut max = *nums[..k].iter().max().unwrap();
    result.push(max);
    for i in k..nums.len() {
        let leaving = nums[i - k];
        let entering = nums[i];
        if entering >= max {
            max = entering;
        } else if leaving == max {
            max = *nums[i + 1 - k..=i].iter().max().unwrap();
        }
        result.push(max);
    }
    result
}
