//! Records a maximum only once `i >= k`, one step late: the first window's maximum is missing.

use std::collections::VecDeque;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut result = Vec::new();
    let mut deque: VecDeque<usize> = VecDeque::new();
    for (i, &x) in nums.iter().enumerate() {
        if deque.front().is_some_and(|&f| f + k <= i) {
            deque.pop_front();
        }
        while deque.back().is_some_and(|&b| nums[b] <= x) {
            deque.pop_back();
        }
        deque.push_back(i);
        if i >= k {
            result.push(nums[deque[0]]);
        }
    }
    result
}
