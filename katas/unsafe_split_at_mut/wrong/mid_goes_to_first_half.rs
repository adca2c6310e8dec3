//! Puts the element at `mid` into the first half (`slice[..=mid]`), one element too many.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    assert!(mid < len, "mid >= len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid < len, so mid + 1 <= len and both ranges lie inside the slice, disjoint.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid + 1),
            std::slice::from_raw_parts_mut(ptr.add(mid + 1), len - mid - 1),
        )
    }
}
