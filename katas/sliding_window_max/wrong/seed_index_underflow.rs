//! The seed's code on a slice: `i - k` (and `k - 1`) underflow as `usize` and panic in debug builds.

use std::collections::VecDeque;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    let mut result = Vec::new();
    let mut deque = VecDeque::new();
    for i in 0..nums.len() {
        while !deque.is_empty() && nums[*deque.back().unwrap()] <= nums[i] {
            deque.pop_back();
        }
        deque.push_back(i);
        if *deque.front().unwrap() <= i - k {
            deque.pop_front();
        }
        if i >= k - 1 {
            result.push(nums[*deque.front().unwrap()]);
        }
    }
    result
}
