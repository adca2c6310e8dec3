//! Half-fix: guards the empty slice, loops `while low <= high` and sets `high = mid` to avoid underflow, so the search never shrinks once `low == high` and the target is smaller: an infinite loop.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    if items.is_empty() {
        return None;
    }
    let mut low = 0;
    let mut high = items.len() - 1;

    while low <= high {
        let mid = (low + high) / 2;
        if items[mid] == target {
            return Some(mid);
        } else if items[mid] < target {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    None
}
