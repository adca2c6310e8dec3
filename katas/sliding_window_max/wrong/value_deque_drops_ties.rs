//! A deque of values (not indices) that pops equal values on push, then expires the front by value: ties break it.

use std::collections::VecDeque;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut result = Vec::new();
    let mut deque: VecDeque<i32> = VecDeque::new();
    for (i, &x) in nums.iter().enumerate() {
        while deque.back().is_some_and(|&b| b <= x) {
            deque.pop_back();
        }
        deque.push_back(x);
        if i >= k && deque.front() == Some(&nums[i - k]) {
            deque.pop_front();
        }
        if i + 1 >= k {
            result.push(deque[0]);
        }
    }
    result
}
