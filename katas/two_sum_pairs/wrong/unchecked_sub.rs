//! The seed's code as written: `target - b` panics on overflow near `i32::MIN`/`i32::MAX`.

use std::collections::HashSet;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for &num in nums {
        if seen.contains(&(target - num)) {
            pairs.push((target - num, num));
        }
        seen.insert(num);
    }
    pairs
}
