//! Inserts before looking, so a number pairs with itself.

use std::collections::HashSet;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for &b in nums {
        seen.insert(b);
        if let Some(a) = target.checked_sub(b) {
            if seen.contains(&a) {
                pairs.push((a, b));
            }
        }
    }
    pairs
}
