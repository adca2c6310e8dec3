//! Gives up on the bug and scans linearly: right answers, O(n) per search.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    items.iter().position(|&x| x == target)
}
