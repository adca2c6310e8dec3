//! A map from each number to how often it occurred so far; a partner counts when its count is
//! above zero.

use std::collections::HashMap;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut count: HashMap<i32, u32> = HashMap::new();
    let mut pairs = Vec::new();
    for &b in nums {
        match target.checked_sub(b) {
            Some(a) if count.get(&a).is_some_and(|&c| c > 0) => pairs.push((a, b)),
            _ => {}
        }
        *count.entry(b).or_default() += 1;
    }
    pairs
}
