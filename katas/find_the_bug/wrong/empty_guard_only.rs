//! Half-fix: returns early on an empty slice, but the loop still never looks at the last index left in play (misses first/last/single elements).

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    if items.is_empty() {
        return None;
    }
    let mut low = 0;
    let mut high = items.len() - 1;

    while low < high {
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
