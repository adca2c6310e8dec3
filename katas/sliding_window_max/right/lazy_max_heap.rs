//! A max-heap of (value, index) with lazy deletion: entries that have slid out of the window are
//! discarded only when they reach the top. O(n log n).

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
                if at >= first {
                    break;
                }
                heap.pop();
            }
            out.push(heap.peek().map_or(v, |&(top, _)| top));
        }
    }
    out
}
