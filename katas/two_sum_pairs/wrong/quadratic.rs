//! Right answers, wrong complexity: scans the prefix for every element (O(n²)).

pub fn find_pairs(nums: &[i32], target: i32) -> Vec<(i32, i32)> {
    let mut pairs = Vec::new();
    for (j, &b) in nums.iter().enumerate() {
        if let Some(a) = target.checked_sub(b) {
            if nums[..j].contains(&a) {
                pairs.push((a, b));
            }
        }
    }
    pairs
}
