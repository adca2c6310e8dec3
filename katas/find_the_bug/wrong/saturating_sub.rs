//! Half-fix: silences the underflow with `saturating_sub`, so a target below the first element loops forever at `high == 0`.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let mut low = 0;
    let mut high = items.len().saturating_sub(1);

    while low <= high && high < items.len() {
        let mid = (low + high) / 2;
        if items[mid] == target {
            return Some(mid);
        } else if items[mid] < target {
            low = mid + 1;
        } else {
            high = mid.saturating_sub(1);
        }
    }
    None
}
