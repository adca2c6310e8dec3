//! Recursive halving of the slice that returns the index found in the right half as it is,
//! without adding the half's offset, so the index points at the wrong element.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    if items.is_empty() {
        return None;
    }
    let mid = items.len() / 2;
    match items[mid].cmp(&target) {
        std::cmp::Ordering::Equal => Some(mid),
        std::cmp::Ordering::Greater => binary_search(&items[..mid], target),
        std::cmp::Ordering::Less => binary_search(&items[mid + 1..], target),
    }
}
