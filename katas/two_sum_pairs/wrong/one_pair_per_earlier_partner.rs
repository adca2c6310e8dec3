//! Counts occurrences and pushes one pair for every earlier partner, so `[3, 3, 3]` gives three
//! pairs instead of two.

use std::collections::HashMap;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for &b in nums {
        if let Some(a) = target.checked_sub(b) {
            for _ in 0..counts.get(&a).copied().unwrap_or(0) {
                pairs.push((a, b));
            }
        }
        *counts.entry(b).or_insert(0) += 1;
    }
    pairs
}
