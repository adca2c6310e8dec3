//! Guards only `k == 0`, then sizes the result with `nums.len() + 1 - k`, which underflows for a huge `k`.

use std::collections::VecDeque;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 {
        return Vec::new();
    }
    let mut result = Vec::with_capacity(nums.len() + 1 - k);
    let mut deque: VecDeque<usize> = VecDeque::new();
    for (i, &x) in nums.iter().enumerate() {
        if deque.front().is_some_and(|&f| f + k <= i) {
            deque.pop_front();
        }
        while deque.back().is_some_and(|&b| nums[b] <= x) {
            deque.pop_back();
        }
        deque.push_back(i);
        if i + 1 >= k {
            result.push(nums[deque[0]]);
        }
    }
    result
}
