//! Keeps the numbers seen so far in a sorted `Vec` (binary search, then `Vec::insert`): fast when
//! the input rises, but each insert near the front shifts the whole vector, so O(n²) in general.

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut seen: Vec<i32> = Vec::new();
    let mut pairs = Vec::new();
    for &b in nums {
        if let Some(a) = target.checked_sub(b) {
            if seen.binary_search(&a).is_ok() {
                pairs.push((a, b));
            }
        }
        if let Err(at) = seen.binary_search(&b) {
            seen.insert(at, b);
        }
    }
    pairs
}
