//! Half-fix: changes the loop to `low <= high` but keeps `len() - 1` and `mid - 1`, which still underflow (empty slice, target below the first element).

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len() - 1;

    while low <= high {
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
