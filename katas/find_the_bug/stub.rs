//! Find the bug: this binary search was copied from a colleague's branch. It passes the one test
//! they wrote, but users report wrong answers and crashes. See the task statement
//! (`kata hint find_the_bug` when stuck).

/// Searches `items`, which is sorted in ascending order (duplicates allowed), for `target`.
///
/// Returns `Some(i)` with `items[i] == target` when `target` occurs in `items` (any such index
/// when it occurs several times), and `None` when it does not occur.
pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len() - 1;

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
