//! Half-fix: starts with an exclusive `high = len()` but keeps `high = mid - 1`, skipping the element just below `mid` (and underflowing at `mid == 0`).

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len();

    while low < high {
        let mid = (low + high) / 2;
        if items[mid] == target {
            return Some(mid);
        } else if items[mid] < target {
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    None
}
