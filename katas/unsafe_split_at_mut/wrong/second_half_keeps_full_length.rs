//! Starts the second half at `mid` but gives it the whole slice's length, so it runs past the end.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    assert!(mid <= len, "mid > len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid <= len.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(ptr.add(mid), len),
        )
    }
}
