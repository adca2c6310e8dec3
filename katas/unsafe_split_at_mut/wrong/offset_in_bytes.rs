//! Treats `pointer::add` as a byte offset and adds `mid * size_of::<T>()` elements: right for
//! bytes, but for wider elements the second half starts far past `mid`.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    assert!(mid <= len, "mid > len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid <= len.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(
                ptr.wrapping_add(mid * std::mem::size_of::<T>()),
                len - mid,
            ),
        )
    }
}
