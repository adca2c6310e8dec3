//! Fixes the bounds but compares with `items[mid] - target`, a C habit that overflows (a panic
//! with overflow checks on) when the two are far apart, e.g. `i32::MIN` and a positive target.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len();
    while low < high {
        let mid = low + (high - low) / 2;
        let diff = items[mid] - target;
        if diff == 0 {
            return Some(mid);
        } else if diff < 0 {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    None
}
