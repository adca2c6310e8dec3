//! Reference solution: the stub mixed an inclusive upper bound (`high = len - 1`, `high = mid - 1`)
//! with the loop condition of an exclusive one (`low < high`). That one mistake shows up as a panic
//! on an empty slice (`0 - 1`), a panic when `target` is below the first element (`mid - 1` with
//! `mid == 0`), and missed elements whenever the search narrows to a single index (`low == high`)
//! without ever looking at it. The fix keeps `high` exclusive throughout.

use std::cmp::Ordering;

/// Searches `items`, which is sorted in ascending order (duplicates allowed), for `target`.
///
/// Returns `Some(i)` with `items[i] == target` when `target` occurs in `items` (any such index
/// when it occurs several times), and `None` when it does not occur.
pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    // Invariant: if `target` occurs in `items`, it occurs somewhere in `items[low..high]`.
    let mut low = 0;
    let mut high = items.len();

    while low < high {
        // `low < high`, so `low <= mid < high`: `mid` is always a valid index, and no
        // subtraction can underflow.
        let mid = low + (high - low) / 2;
        match items[mid].cmp(&target) {
            Ordering::Equal => return Some(mid),
            Ordering::Less => low = mid + 1,
            // `high` is exclusive, so `mid` itself is excluded by `high = mid`.
            Ordering::Greater => high = mid,
        }
    }
    None
}
