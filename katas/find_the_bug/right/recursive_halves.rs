//! Recursive halving of the slice itself: look at the middle element, then search the left or
//! the right half (adding the right half's offset to the index it returns).

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    if items.is_empty() {
        return None;
    }
    let mid = items.len() / 2;
    match items[mid].cmp(&target) {
        std::cmp::Ordering::Equal => Some(mid),
        std::cmp::Ordering::Greater => binary_search(&items[..mid], target),
        std::cmp::Ordering::Less => binary_search(&items[mid + 1..], target).map(|i| mid + 1 + i),
    }
}
