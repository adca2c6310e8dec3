//! Checks `mid < len` instead of `mid <= len`, so splitting at the end (or an empty slice at 0) panics.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    assert!(mid < len, "mid >= len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid < len, so both ranges lie inside the slice and are disjoint.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(ptr.add(mid), len - mid),
        )
    }
}
