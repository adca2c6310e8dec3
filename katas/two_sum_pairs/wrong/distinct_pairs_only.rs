//! Drops a pair that was already found, so duplicates give one pair instead of one per occurrence.

use std::collections::HashSet;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = HashSet::new();
    let mut found = HashSet::new();
    let mut pairs = Vec::new();
    for &b in nums {
        if let Some(a) = target.checked_sub(b) {
            if seen.contains(&a) && found.insert((a, b)) {
                pairs.push((a, b));
            }
        }
        seen.insert(b);
    }
    pairs
}
