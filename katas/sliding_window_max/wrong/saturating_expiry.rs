//! "Fixes" the seed's underflow with `i.saturating_sub(k)`, which expires index 0 before its window ends.

use std::collections::VecDeque;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut result = Vec::new();
    let mut deque: VecDeque<usize> = VecDeque::new();
    for i in 0..nums.len() {
        while deque.back().is_some_and(|&b| nums[b] <= nums[i]) {
            deque.pop_back();
        }
        deque.push_back(i);
        if deque.front().is_some_and(|&f| f <= i.saturating_sub(k)) && deque.len() > 1 {
            deque.pop_front();
        }
        if i + 1 >= k {
            result.push(nums[deque[0]]);
        }
    }
    result
}
