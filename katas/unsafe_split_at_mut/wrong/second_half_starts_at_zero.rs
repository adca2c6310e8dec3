//! Forgets to offset the second half: it starts at the slice's start, so the halves overlap.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    assert!(mid <= len, "mid > len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid <= len, so both lengths fit inside the slice.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(ptr, len - mid),
        )
    }
}
