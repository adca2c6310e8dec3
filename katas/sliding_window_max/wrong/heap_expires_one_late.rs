//! A max-heap with lazy deletion that discards an entry only once it is two places behind the
//! window: the element that has just left still counts as the maximum for one more window.

use std::collections::BinaryHeap;

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    let mut heap = BinaryHeap::with_capacity(k);
    let mut out = Vec::with_capacity(nums.len() - k + 1);
    for (i, &v) in nums.iter().enumerate() {
        heap.push((v, i));
        if i + 1 >= k {
            let first = i + 1 - k;
            while let Some(&(_, at)) = heap.peek() {
                if at + 1 >= first {
                    break;
                }
                heap.pop();
            }
            out.push(heap.peek().map_or(v, |&(top, _)| top));
        }
    }
    out
}
