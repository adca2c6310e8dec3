//! Half-fix: starts with `high = len()` but loops `while low <= high`, so `items[len()]` is read when the target is above every element.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len();

    while low <= high {
        let mid = (low + high) / 2;
        if items[mid] == target {
            return Some(mid);
        } else if items[mid] < target {
            low = mid + 1;
        } else if mid == 0 {
            return None;
        } else {
            high = mid - 1;
        }
    }
    None
}
