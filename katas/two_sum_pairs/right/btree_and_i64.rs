//! The partner computed in `i64` (where it cannot overflow) and looked up only if it fits in an
//! `i32`; the numbers seen so far in a `BTreeSet` (O(n log n), still fast enough).

use std::collections::BTreeSet;

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen = BTreeSet::new();
    nums.iter()
        .filter_map(|&b| {
            let partner = i64::from(target) - i64::from(b);
            let pair = i32::try_from(partner)
                .ok()
                .filter(|a| seen.contains(a))
                .map(|a| (a, b));
            seen.insert(b);
            pair
        })
        .collect()
}
