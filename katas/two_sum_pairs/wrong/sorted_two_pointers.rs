//! Sorts and walks two pointers: finds distinct value pairs, loses input order and repeats.

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut sorted = nums.to_vec();
    sorted.sort_unstable();
    let mut pairs = Vec::new();
    if sorted.is_empty() {
        return pairs;
    }
    let (mut i, mut j) = (0, sorted.len() - 1);
    while i < j {
        let sum = sorted[i] as i64 + sorted[j] as i64;
        if sum == target as i64 {
            pairs.push((sorted[i], sorted[j]));
            i += 1;
            j -= 1;
        } else if sum < target as i64 {
            i += 1;
        } else {
            j -= 1;
        }
    }
    pairs
}
